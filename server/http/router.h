#pragma once

#include "problem.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRegularExpression>

#include <exception>

namespace inkwell::server {

/// @brief What the middleware knows about the request being served.
struct RequestContext {
    QByteArray requestId;
    QString route; ///< the route pattern ("/health/db"), or "-" when nothing matched
    QElapsedTimer timer;
};

/// @brief One registered route, for the method check and the OpenAPI document.
struct RouteInfo {
    QHttpServerRequest::Method method;
    QString pattern;
    QRegularExpression matcher;
};

/// @brief Registers routes on one QHttpServer so that every answer passes the same middleware:
/// request id, security headers, access log, and problem+json for 404, 405 and thrown errors.
class Router {
public:
    explicit Router(QHttpServer &server);

    /// @brief Adds a route. `Args` are the path arguments (`<arg>` placeholders) in order; the
    /// handler is called as `handler(args..., request, context)` and returns the response.
    template <typename... Args, typename Handler>
    void route(QHttpServerRequest::Method method, const QString &pattern, Handler handler)
    {
        remember(method, pattern);
        m_server.route(pattern, method,
                       [this, pattern, handler](Args... args, const QHttpServerRequest &request) {
                           RequestContext context = begin(request, pattern);
                           try {
                               return finish(handler(args..., request, context), request, context);
                           } catch (const std::exception &e) {
                               return finishThrown(request, context, e.what());
                           } catch (...) {
                               return finishThrown(request, context, "unknown exception");
                           }
                       });
    }

    const QList<RouteInfo> &routes() const { return m_routes; }

    /// @brief Adds the middleware headers and writes the access log line; used by every path.
    QHttpServerResponse finish(QHttpServerResponse &&response, const QHttpServerRequest &request,
                               const RequestContext &context) const;

    static RequestContext begin(const QHttpServerRequest &request, const QString &route);

private:
    void remember(QHttpServerRequest::Method method, const QString &pattern);
    void missing(const QHttpServerRequest &request, QHttpServerResponder &&responder) const;
    QHttpServerResponse finishThrown(const QHttpServerRequest &request, const RequestContext &context,
                                     const char *what) const;

    QHttpServer &m_server;
    QList<RouteInfo> m_routes;
};

/// @brief A fresh request id: 128 random bits, hex.
QByteArray newRequestId();

/// @brief "GET", "POST"... for one method flag.
QByteArray methodName(QHttpServerRequest::Method method);

} // namespace inkwell::server
