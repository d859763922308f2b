#include "healthroutes.h"

#include "log/logging.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace inkwell::server {

RouteRegistrar healthRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        const QString version = resources.service.version;
        router.route(
            QHttpServerRequest::Method::Get, u"/health"_s,
            [version](const QHttpServerRequest &, RequestContext &) {
                return QHttpServerResponse(QJsonObject{{u"status"_s, u"healthy"_s}, {u"version"_s, version}});
            },
            {u"The process answers"_s, {}, {200}, false, u"health"_s, {}, {ResponseContent::json(200, u"Health"_s)}});

        ThreadDatabase *db = &resources.db;
        router.route(
            QHttpServerRequest::Method::Get, u"/health/db"_s,
            [db](const QHttpServerRequest &, RequestContext &context) {
                // A round trip now, on a fresh connection if this thread's one was lost: the
                // answer is the state at this moment, not what the last request found.
                if (auto ping = db->ping(); !ping) {
                    // The driver's text can name sockets and hosts: it goes to the log only. The
                    // outage itself is logged once by the connection; this is per request: debug.
                    logging::write(QtDebugMsg, u"inkwell.server.health"_s,
                                   u"database check failed: %1"_s.arg(ping.error()),
                                   {{u"request_id"_s, QString::fromLatin1(context.requestId)}});
                    return QHttpServerResponse(QJsonObject{{u"status"_s, u"unhealthy"_s},
                                                           {u"service"_s, u"database"_s},
                                                           {u"detail"_s, u"The database does not answer right now."_s},
                                                           {u"request_id"_s, QString::fromLatin1(context.requestId)}},
                                               QHttpServerResponse::StatusCode::ServiceUnavailable);
                }
                return QHttpServerResponse(QJsonObject{{u"status"_s, u"healthy"_s}, {u"service"_s, u"database"_s}});
            },
            {u"The database answers a query"_s,
             {},
             {200, 503},
             false,
             u"health"_s,
             {},
             {ResponseContent::json(200, u"DatabaseHealth"_s), ResponseContent::json(503, u"DatabaseHealth"_s)}});
    };
}

} // namespace inkwell::server
