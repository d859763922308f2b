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

/// @brief Turns a deferred reply into an SSE stream owned by the router's registry, as Router::openStream
/// does for routeStream. The AI routes answer either a stream or a deferred JSON reply on one route, and
/// routeStream hands its handler no Defer, so they are routeDeferred routes that open the stream here.
SseStream *openEventStream(Router &router, const ServiceContext &context, const std::shared_ptr<DeferredReply> &reply);

} // namespace inkwell::server::ai
