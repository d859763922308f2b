#pragma once

#include "http/listener.h"

namespace inkwell::server {

/// @brief `GET /health` (the process answers), `GET /health/db` (the database answers, for real) and
/// `GET /health/ai` (the AI provider is configured and answers; the probe result is cached for 10 s).
RouteRegistrar healthRoutes();

} // namespace inkwell::server
