#pragma once

#include "http/listener.h"

namespace inkwell::server {

/// @brief `GET /metrics` (Prometheus text) and `GET /openapi.json` (every route of this server).
RouteRegistrar operationsRoutes();

} // namespace inkwell::server
