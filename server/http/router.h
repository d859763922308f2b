#pragma once

#include "auth/jwt.h"
#include "problem.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QHttpServerResponder>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>

#include <functional>
#include <memory>

#include <exception>
#include <optional>

namespace inkwell::server {

struct ServiceContext;

/// @brief What one answer of a route carries, for the OpenAPI document: a JSON body of a named schema
/// (inkwell::api::schemaComponents()), or text (an event stream, the metrics) described in words.
struct ResponseContent {
    int status = 200;
    QString mediaType = QStringLiteral("application/json");
    QString schema;      ///< component name ("Article"); empty: the body is text, see description
    QString description; ///< for text: what it holds (a stream's events)

    /// @brief A JSON answer of the component @p schema.
    static ResponseContent json(int status, const QString &schema)
    {
        return {status, QStringLiteral("application/json"), schema, {}};
    }
    /// @brief A Server-Sent-Events answer (200) whose events are @p events.
    static ResponseContent eventStream(const QString &events)
    {
        return {200, QStringLiteral("text/event-stream"), {}, events};
    }
    /// @brief A text answer of @p mediaType.
    static ResponseContent text(int status, const QString &mediaType, const QString &description)
    {
        return {status, mediaType, {}, description};
    }
};

/// @brief How a route is described (OpenAPI) and which middleware applies to it. Members after `tag` have
/// default initialisers, so a registration that names only the first five still compiles warning-free.
struct RouteOptions {
    QString summary;                 ///< one line for the OpenAPI document
    QStringList pathParams;          ///< names of the `<arg>` placeholders, in order
    QList<int> responses{200};       ///< statuses the route answers with (besides the common errors)
    bool rateLimited = true;         ///< health and metrics are exempt, so probes never get 429
    QString tag;                     ///< OpenAPI tag ("health", "articles"...)
    QString requestBody{};           ///< component name of the JSON body it requires; empty: it takes none
    /// What the answers carry, by status. A status of `responses` below 400 without an entry has no body (204);
    /// one of 400 or more without an entry is a problem document.
    QList<ResponseContent> content{};
};

/// @brief What the middleware knows about the request being served.
struct RequestContext {
    QByteArray requestId;
    QString route; ///< the route pattern ("/health/db"), or "-" when nothing matched
    QElapsedTimer timer;
    /// The verified access token's claims, once Router::authenticate() has looked (at most once).
    std::optional<TokenClaims> user;
    bool authenticated = false; ///< whether authenticate() has looked yet
    // What finish() needs of the request, kept so that a deferred answer can be finished after the
    // request object is gone.
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    bool hasAuthorization = false;
    QByteArray origin;
    QHostAddress remote;
    qint64 bytesIn = 0;
};

class Router;

/// @brief An answer given later, after the handler returned (work done on a worker pool). Lives on
/// the listener thread: send() must be called there, exactly once.
///
/// QHttpServer 6.4 answers a request pipelined behind this one at once, out of order
/// (qt64-notes.md). So while the answer is owed, the connection guard keeps what the client pipelines
/// behind it (kHeldProperty); once send() has written the answer, those requests are served in order on
/// the same connection (or the connection ends, when the request said `Connection: close`).
class DeferredReply {
public:
    DeferredReply(const Router &router, RequestContext context, QHttpServer &server, QHttpServerResponder &&responder);
    ~DeferredReply();
    DeferredReply(const DeferredReply &) = delete;
    DeferredReply &operator=(const DeferredReply &) = delete;

    /// @brief Finishes (middleware headers, metrics, access log) and writes the answer.
    void send(QHttpServerResponse &&response);
    /// @brief Gives the connection to a stream that answers from now on (Router::openStream): the socket
    /// stays held and unread, and this reply will neither send nor abort. Empty when already sent.
    std::optional<QHttpServerResponder> handOver();
    /// @brief An object of the listener thread, for queueing the send() there.
    QObject *threadContext() const { return m_threadContext; }
    const RequestContext &context() const { return m_context; }
    bool sent() const { return m_sent; }

private:
    const Router &m_router;
    RequestContext m_context;
    QObject *m_threadContext;
    std::optional<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_sent = false;
};

/// @brief Handed to an asynchronous handler: calling it keeps the answer for later.
using Defer = std::function<std::shared_ptr<DeferredReply>()>;

class SseStream;
class SseRegistry;

/// @brief Handed to a streaming handler: calling it answers 200 and turns the connection into a
/// Server-Sent-Events stream owned by the listener's SseRegistry (valid until its closed() signal).
using StartStream = std::function<SseStream *()>;

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
    ~Router();
    Router(const Router &) = delete;
    Router &operator=(const Router &) = delete;

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

    /// @brief Adds a route whose handler may answer later: it is called as
    /// `handler(args..., request, context, defer)` and returns the response, or std::nullopt after
    /// calling `defer()` and arranging for the kept DeferredReply to be sent on this thread.
    template <typename... Args, typename Handler>
    void routeDeferred(QHttpServerRequest::Method method, const QString &pattern, Handler handler,
                       RouteOptions options = {})
    {
        const bool limited = options.rateLimited;
        remember(method, pattern, std::move(options));
        m_server.route(pattern, method,
                       [this, pattern, handler, limited](Args... args, const QHttpServerRequest &request,
                                                         QHttpServerResponder &&responder) {
                           RequestContext context = begin(request, pattern);
                           if (limited) {
                               if (auto refused = rateLimit(request, context)) {
                                   finish(std::move(*refused), context).write(std::move(responder));
                                   return;
                               }
                           }
                           std::shared_ptr<DeferredReply> deferred;
                           const Defer defer = [&]() {
                               if (!deferred)
                                   deferred = std::make_shared<DeferredReply>(*this, context, m_server,
                                                                              std::move(responder));
                               return deferred;
                           };
                           std::optional<QHttpServerResponse> response;
                           try {
                               response = handler(args..., request, context, defer);
                           } catch (const std::exception &e) {
                               response = finishThrown(context, e.what());
                           } catch (...) {
                               response = finishThrown(context, "unknown exception");
                           }
                           if (!response)
                               return; // the deferred reply answers
                           if (deferred)
                               deferred->send(std::move(*response));
                           else
                               finish(std::move(*response), context).write(std::move(responder));
                       });
    }

    /// @brief Adds a route that may answer with a Server-Sent-Events stream: the handler is called as
    /// `handler(args..., request, context, start)` and returns a response (an error, say), or std::nullopt
    /// after calling `start()`. While the server drains, such routes answer 503 instead of starting a stream.
    template <typename... Args, typename Handler>
    void routeStream(QHttpServerRequest::Method method, const QString &pattern, Handler handler, RouteOptions options = {})
    {
        routeDeferred<Args...>(
            method, pattern,
            [this, handler](Args... args, const QHttpServerRequest &request, RequestContext &context,
                            const Defer &defer) -> std::optional<QHttpServerResponse> {
                if (isDraining())
                    return drainingResponse(context);
                const StartStream start = [this, &defer]() { return openStream(defer()); };
                return handler(args..., request, context, start);
            },
            std::move(options));
    }

    const QList<RouteInfo> &routes() const { return m_routes; }

    /// @brief The open streams of this listener.
    SseRegistry &streams() const { return *m_streams; }

    /// @brief For a streamed answer: records it (metrics and access log, status 200, when it starts) and
    /// returns the headers every answer carries (request id, security headers, CORS, Cache-Control).
    QList<std::pair<QByteArray, QByteArray>> beginStream(const RequestContext &context) const;

    /// @brief An object that lives in (and dies with) this listener's thread: a parent for a
    /// module's timers, a context for work queued back to this thread.
    QObject *threadContext() const { return &m_server; }

    /// @brief Adds the middleware headers and writes the access log line; used by every path.
    QHttpServerResponse finish(QHttpServerResponse &&response, const QHttpServerRequest &request,
                               const RequestContext &context) const;
    QHttpServerResponse finish(QHttpServerResponse &&response, const RequestContext &context) const;

    static RequestContext begin(const QHttpServerRequest &request, const QString &route);

    /// @brief The caller's verified access token (`Authorization: Bearer ...`), or nullptr for an
    /// anonymous caller or a token that does not verify. Verifies once per request; the rate
    /// limit and the handlers share the result.
    const TokenClaims *authenticate(const QHttpServerRequest &request, RequestContext &context) const;

    /// @brief The client's address: the peer, or for a configured trusted proxy the last address in
    /// X-Forwarded-For that is not itself a trusted proxy.
    QHostAddress clientAddress(const QHttpServerRequest &request) const;

    /// @brief Turns a deferred reply into a Server-Sent-Events stream owned by this listener's registry
    /// (what routeStream's StartStream does; for routes that answer either a stream or a later JSON
    /// reply on one route). Null when the reply was already answered.
    SseStream *openStream(const std::shared_ptr<DeferredReply> &reply);

private:
    bool isDraining() const;
    QHttpServerResponse drainingResponse(const RequestContext &context) const;
    /// Calls `sink(name, value, replace)` for each middleware header of an answer.
    template <typename Sink>
    void middlewareHeaders(const RequestContext &context, Sink &&sink) const;
    void record(const RequestContext &context, int status, qint64 bytesOut) const;
    void remember(QHttpServerRequest::Method method, const QString &pattern, RouteOptions options);
    std::optional<QHttpServerResponse> rateLimit(const QHttpServerRequest &request, RequestContext &context) const;
    bool corsAllowed(const QByteArray &origin) const;
    void preflight(const QHttpServerRequest &request, RequestContext &context, const QByteArrayList &allowed,
                   QHttpServerResponder &&responder) const;
    void missing(const QHttpServerRequest &request, QHttpServerResponder &&responder) const;
    QHttpServerResponse finishThrown(const QHttpServerRequest &request, const RequestContext &context,
                                     const char *what) const;
    QHttpServerResponse finishThrown(const RequestContext &context, const char *what) const;

    QHttpServer &m_server;
    const ServiceContext &m_context;
    int m_shard;
    QList<RouteInfo> m_routes;
    std::unique_ptr<SseRegistry> m_streams;
};

/// @brief A fresh request id: 128 random bits, hex.
QByteArray newRequestId();

/// @brief "GET", "POST"... for one method flag.
QByteArray methodName(QHttpServerRequest::Method method);

} // namespace inkwell::server
