#pragma once

#include "http/listener.h"

namespace inkwell::server::ai {

/// @brief The routes of api.md's Chat section (`/api/v1/conversations`): create, list, read, patch,
/// delete, post a message (SSE or JSON), cancel and regenerate an answer. Every one needs a signed-in
/// caller; another user's conversation is 404 everywhere.
///
/// `POST .../messages/{message_id}/cancel` answers 204 when the generation was running (its stream then
/// ends with `message.done`, status `cancelled`), and 409 `/problems/ai-not-running` with the stored
/// message in `message` when it had already ended.
/// `POST .../messages/{message_id}/regenerate` answers like posting a message (201 or a stream).
RouteRegistrar chatRoutes();

} // namespace inkwell::server::ai
