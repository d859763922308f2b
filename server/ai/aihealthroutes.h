#pragma once

#include "http/listener.h"

namespace inkwell::server::ai {

/// @brief `GET /health/ai`: the AI provider is configured and answers (the probe result is cached for 10 s).
RouteRegistrar healthRoutes();

} // namespace inkwell::server::ai
