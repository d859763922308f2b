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

QJsonObject errorEventPayload(const Error &error)
{
    const Problem problem = Problem::from(error);
    return {{u"status"_s, problem.status},
            {u"type"_s, problem.type},
            {u"title"_s, problem.title},
            {u"detail"_s, problem.detail}};
}

} // namespace inkwell::server::ai
