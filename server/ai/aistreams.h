#pragma once

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

} // namespace inkwell::server::ai
