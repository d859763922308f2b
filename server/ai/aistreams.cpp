#include "aistreams.h"

#include "http/answers.h"

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

bool wantsEventStream(const QHttpServerRequest &request)
{
    return request.value(QByteArrayLiteral("accept")).toLower().contains("text/event-stream");
}

std::optional<QHttpServerResponse> refuseWhileDraining(const ServiceContext &context, const RequestContext &request)
{
    if (!context.draining->load())
        return std::nullopt;
    Problem problem = Problem::unavailable(u"The server is shutting down; connect again in a moment."_s);
    problem.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2")});
    return problemResponse(problem, request);
}

SseStream *openEventStream(Router &router, const ServiceContext &context, const std::shared_ptr<DeferredReply> &reply)
{
    auto responder = reply->handOver();
    if (!responder)
        return nullptr;
    SseOptions options;
    options.keepAliveMs = context.sseKeepAliveMs;
    auto *stream = new SseStream(router, reply->context(), std::move(*responder), options);
    router.streams().add(stream);
    return stream;
}

} // namespace inkwell::server::ai
