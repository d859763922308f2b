#pragma once

#include "http/listener.h"

namespace inkwell::server {

/// @brief `GET /health` (the process answers) and `GET /health/db` (the database answers, for real).
RouteRegistrar healthRoutes();

} // namespace inkwell::server
