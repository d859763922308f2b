#pragma once

#include "http/listener.h"

namespace inkwell::server::ai {

/// @brief `GET /api/v1/admin/stats?days=30` (admin only; days 1..365, else 400):
/// `{users: {total, by_role, new_per_day}, articles: {by_status, published_per_day},
///   chat: {messages_per_day, tokens_per_day}, ai: {requests, failures, p95_latency_ms}, days}`.
/// Each `*_per_day` is `[{date: "YYYY-MM-DD", count}]` for every UTC day of the window, oldest first,
/// zeros included. `tokens_per_day` counts the tokens of chat answers and titles; `ai` covers every
/// upstream call of the window (chat, titles and assists), `p95_latency_ms` over their whole duration.
RouteRegistrar statsRoutes();

} // namespace inkwell::server::ai
