#pragma once

#include "http/listener.h"

namespace inkwell::server::ai {

/// @brief The routes of api.md's AI assists (`/api/v1/ai`, creator and admin; a viewer gets 403):
/// `generate-article` (SSE `message.delta`... then `article.done`, or JSON), `summarize` and `suggest`
/// (JSON). 503 without a provider, 429 over a quota, 502 for an answer that cannot be used. Also `GET quota`
/// (any signed-in role, provider or not): the caller's daily tokens, what is left, the request rate and the reset.
RouteRegistrar assistRoutes();

} // namespace inkwell::server::ai
