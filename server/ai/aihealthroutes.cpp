#include "ai/aihealthroutes.h"

#include "ai/provider.h"
#include "log/logging.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <optional>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

/// How long one probe of the AI upstream answers /health/ai: the route cannot be used to hammer it.
constexpr int kAiProbeCacheMs = 10000;

/// The last probe result, shared by every listener thread of one server.
struct AiProbeCache {
    QMutex mutex;
    std::optional<std::pair<bool, QString>> result;
    QDeadlineTimer validUntil;

    std::optional<std::pair<bool, QString>> fresh()
    {
        QMutexLocker lock(&mutex);
        if (result && !validUntil.hasExpired())
            return result;
        return std::nullopt;
    }
    void store(bool ok, const QString &detail)
    {
        QMutexLocker lock(&mutex);
        result = std::pair{ok, detail};
        validUntil = QDeadlineTimer(kAiProbeCacheMs);
    }
};

QHttpServerResponse aiHealthResponse(const Provider &provider, bool ok, const QString &detail)
{
    QJsonObject body{{u"status"_s, ok ? u"healthy"_s : u"unhealthy"_s},
                     {u"provider"_s, provider.name()},
                     {u"model"_s, provider.model()}};
    if (!ok)
        body.insert(u"detail"_s, detail); // our own words: never the key, never the upstream's body
    return QHttpServerResponse(body, ok ? QHttpServerResponse::StatusCode::Ok
                                        : QHttpServerResponse::StatusCode::ServiceUnavailable);
}

} // namespace

RouteRegistrar healthRoutes()
{
    auto aiCache = std::make_shared<AiProbeCache>();
    return [aiCache](Router &router, ListenerResources &resources) {
        std::shared_ptr<const Provider> provider = configuredProvider(resources.service);
        router.routeDeferred(
            QHttpServerRequest::Method::Get, u"/health/ai"_s,
            [provider, aiCache](const QHttpServerRequest &, RequestContext &,
                                const Defer &defer) -> std::optional<QHttpServerResponse> {
                if (!provider) {
                    return QHttpServerResponse(
                        QJsonObject{{u"status"_s, u"unconfigured"_s}, {u"provider"_s, u"none"_s}, {u"model"_s, u""_s}});
                }
                if (const auto cached = aiCache->fresh())
                    return aiHealthResponse(*provider, cached->first, cached->second);
                auto reply = defer();
                provider->probe(reply->threadContext(), [provider, aiCache, reply](bool ok, const QString &detail) {
                    if (!ok) {
                        logging::write(QtWarningMsg, u"inkwell.server.health"_s,
                                       u"AI provider check failed: %1"_s.arg(detail),
                                       {{u"request_id"_s, QString::fromLatin1(reply->context().requestId)}});
                    }
                    aiCache->store(ok, detail);
                    reply->send(aiHealthResponse(*provider, ok, detail));
                });
                return std::nullopt;
            },
            {u"The AI provider is configured and answers: 200 healthy or unconfigured (INKWELL_AI_PROVIDER=none), "
             "503 unhealthy. The check (a model lookup upstream) is cached for 10 s."_s,
             {},
             {200, 503},
             false,
             u"health"_s,
             {},
             {ResponseContent::json(200, u"AiHealth"_s), ResponseContent::json(503, u"AiHealth"_s)}});
    };
}

} // namespace inkwell::server::ai
