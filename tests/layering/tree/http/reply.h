#pragma once
int reply(int status);
