#include "operationsroutes.h"

#include "http/openapi.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace inkwell::server {

RouteRegistrar operationsRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        std::shared_ptr<Metrics> metrics = resources.service.metrics;
        router.route(
            QHttpServerRequest::Method::Get, u"/metrics"_s,
            [metrics](const QHttpServerRequest &, RequestContext &) {
                return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                           metrics->render());
            },
            {u"Prometheus metrics: requests by route and status, latency histograms, connections, streams, database"_s,
             {}, {200}, false, u"operations"_s, {},
             {ResponseContent::text(200, u"text/plain; version=0.0.4; charset=utf-8"_s,
                                    u"The Prometheus text exposition format."_s)}});

        const Router *self = &router;
        const QString version = resources.service.version;
        router.route(
            QHttpServerRequest::Method::Get, u"/openapi.json"_s,
            [self, version](const QHttpServerRequest &, RequestContext &) {
                // Built from the router itself, so it lists exactly what is served.
                return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                           QJsonDocument(openApiDocument(self->routes(), version)).toJson(QJsonDocument::Compact));
            },
            {u"This OpenAPI 3.1 document"_s, {}, {200}, false, u"operations"_s, {},
             {ResponseContent::json(200, u"OpenApiDocument"_s)}});
    };
}

} // namespace inkwell::server
