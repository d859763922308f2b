#pragma once
int stockRoute();
