#pragma once

#include "auth/jwt.h"
#include "problem.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRegularExpression>

#include <exception>
#include <optional>

namespace inkwell::server {

struct ServiceContext;

/// @brief How a route is described (OpenAPI) and which middleware applies to it.
struct RouteOptions {
    QString summary;                 ///< one line for the OpenAPI document
    QStringList pathParams;          ///< names of the `<arg>` placeholders, in order
    QList<int> responses{200};       ///< statuses the route answers with (besides the common errors)
    bool rateLimited = true;         ///< health and metrics are exempt, so probes never get 429
    QString tag;                     ///< OpenAPI tag ("health", "articles"...)
};

/// @brief What the middleware knows about the request being served.
struct RequestContext {
    QByteArray requestId;
    QString route; ///< the route pattern ("/health/db"), or "-" when nothing matched
    QElapsedTimer timer;
    /// The verified access token's claims, once Router::authenticate() has looked (at most once).
    std::optional<TokenClaims> user;
    bool authenticated = false; ///< whether authenticate() has looked yet
};

/// @brief One registered route, for the method check and the OpenAPI document.
struct RouteInfo {
    QHttpServerRequest::Method method;
    QString pattern;
    QRegularExpression matcher;
    RouteOptions options;
};

/// @brief Registers routes on one QHttpServer so that every answer passes the same middleware:
/// request id, security headers, access log, and problem+json for 404, 405 and thrown errors.
class Router {
public:
    /// @brief `context` is shared by every listener (rate limits, metrics, CORS); `shard` is this
    /// listener's index, for its own metrics shard.
    Router(QHttpServer &server, const ServiceContext &context, int shard);

    /// @brief Adds a route. `Args` are the path arguments (`<arg>` placeholders) in order; the
    /// handler is called as `handler(args..., request, context)` and returns the response.
    template <typename... Args, typename Handler>
    void route(QHttpServerRequest::Method method, const QString &pattern, Handler handler, RouteOptions options = {})
    {
        const bool limited = options.rateLimited;
        remember(method, pattern, std::move(options));
        m_server.route(pattern, method,
                       [this, pattern, handler, limited](Args... args, const QHttpServerRequest &request) {
                           RequestContext context = begin(request, pattern);
                           if (limited) {
                               if (auto refused = rateLimit(request, context))
                                   return finish(std::move(*refused), request, context);
                           }
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

    /// @brief The caller's verified access token (`Authorization: Bearer ...`), or nullptr for an
    /// anonymous caller or a token that does not verify. Verifies once per request; the rate
    /// limit and the handlers share the result.
    const TokenClaims *authenticate(const QHttpServerRequest &request, RequestContext &context) const;

    /// @brief The client's address: the peer, or for a configured trusted proxy the last address in
    /// X-Forwarded-For that is not itself a trusted proxy.
    QHostAddress clientAddress(const QHttpServerRequest &request) const;

private:
    void remember(QHttpServerRequest::Method method, const QString &pattern, RouteOptions options);
    std::optional<QHttpServerResponse> rateLimit(const QHttpServerRequest &request, RequestContext &context) const;
    bool corsAllowed(const QByteArray &origin) const;
    void preflight(const QHttpServerRequest &request, RequestContext &context, const QByteArrayList &allowed,
                   QHttpServerResponder &&responder) const;
    void missing(const QHttpServerRequest &request, QHttpServerResponder &&responder) const;
    QHttpServerResponse finishThrown(const QHttpServerRequest &request, const RequestContext &context,
                                     const char *what) const;

    QHttpServer &m_server;
    const ServiceContext &m_context;
    int m_shard;
    QList<RouteInfo> m_routes;
};

/// @brief A fresh request id: 128 random bits, hex.
QByteArray newRequestId();

/// @brief "GET", "POST"... for one method flag.
QByteArray methodName(QHttpServerRequest::Method method);

} // namespace inkwell::server
