#pragma once

#include "http/listener.h"

namespace inkwell::server {

/// @brief `GET /health` (the process answers) and `GET /health/db` (the database answers, for real). The AI
/// module answers `GET /health/ai` itself (ai/aihealthroutes.h).
RouteRegistrar healthRoutes();

} // namespace inkwell::server
