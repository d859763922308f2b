#pragma once

#include "domain/result.h"
#include "http/listener.h"
#include "http/ssestream.h"

#include <QHttpServerRequest>
#include <optional>

namespace inkwell::server::ai {

/// @brief Whether the client asked for Server-Sent Events (`Accept: text/event-stream`); otherwise the
/// AI routes answer JSON once the whole answer is there.
bool wantsEventStream(const QHttpServerRequest &request);

/// @brief 503 with Retry-After while the server drains (no new stream then), else std::nullopt.
std::optional<QHttpServerResponse> refuseWhileDraining(const ServiceContext &context, const RequestContext &request);

/// @brief A stream's `error` event payload for @p error: `{status, type, title, detail}`, as its problem says.
QJsonObject errorEventPayload(const Error &error);

} // namespace inkwell::server::ai
