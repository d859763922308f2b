#pragma once
int stock();
