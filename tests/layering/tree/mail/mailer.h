#pragma once
int mail();
