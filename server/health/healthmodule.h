#pragma once

#include "wiring/module.h"

namespace inkwell::server {

/// @brief Health: `/health` and `/health/db`.
Module healthModule();

} // namespace inkwell::server
