#pragma once
int thing();
