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

} // namespace inkwell::server::ai
