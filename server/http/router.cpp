#include "router.h"


#include "http/connectionguard.h"
#include "http/listener.h"
#include "http/securityheaders.h"
#include "http/ssestream.h"
#include "log/logging.h"

#include <QHttpServerResponder>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

bool isAcceptableRequestId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

QByteArray newRequestId()
{
    // One generator per thread: QRandomGenerator::global() serialises every listener on one lock.
    thread_local QRandomGenerator64 generator(QRandomGenerator::system()->generate64());
    quint64 words[2];
    generator.fillRange(words);
    return QByteArray::fromRawData(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QByteArrayLiteral("TRACE");
    default: return QByteArrayLiteral("UNKNOWN");
    }
}

Router::Router(QHttpServer &server, const ServiceContext &context, int shard)
    : m_server(server)
    , m_context(context)
    , m_shard(shard)
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            missing(request, std::move(responder));
        });
    m_streams = std::make_unique<SseRegistry>(m_context.metrics ? &m_context.metrics->openStreams : nullptr);
}

Router::~Router() = default;

void Router::remember(QHttpServerRequest::Method method, const QString &pattern, RouteOptions options)
{
    QString regex = QRegularExpression::escape(pattern);
    regex.replace(QRegularExpression::escape(u"<arg>"_s), u"[^/]+"_s);
    m_routes.append({method, pattern, QRegularExpression(u'^' + regex + u'$'), std::move(options)});
}

QHostAddress Router::clientAddress(const QHttpServerRequest &request) const
{
    const QHostAddress peer = request.remoteAddress();
    const auto trusted = [this](const QHostAddress &address) {
        for (const auto &subnet : m_context.trustedProxies) {
            if (address.isInSubnet(subnet))
                return true;
        }
        return false;
    };
    if (m_context.trustedProxies.isEmpty() || !trusted(peer))
        return peer;
    const QList<QByteArray> hops = request.value(QByteArrayLiteral("x-forwarded-for")).split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break; // a malformed entry: believe nothing further left
        if (!trusted(hop))
            return hop;
    }
    return peer;
}

const TokenClaims *Router::authenticate(const QHttpServerRequest &request, RequestContext &context) const
{
    if (!context.authenticated) {
        context.authenticated = true;
        const QByteArray authorization = request.value(QByteArrayLiteral("authorization"));
        if (authorization.startsWith("Bearer ") && m_context.tokens) {
            if (auto claims = m_context.tokens->verify(QByteArrayView(authorization).sliced(7).trimmed(), u"access"))
                context.user = std::move(*claims);
        }
    }
    return context.user ? &*context.user : nullptr;
}

std::optional<QHttpServerResponse> Router::rateLimit(const QHttpServerRequest &request, RequestContext &context) const
{
    if (m_context.rateLimiter->perMinute() <= 0)
        return std::nullopt;
    RateLimiter::Decision decision = m_context.rateLimiter->take("ip:" + clientAddress(request).toString().toLatin1());
    // A caller with a valid access token also has a bucket of its own, whatever address it uses.
    // Only a verified token counts: keying by an unverified claim would let anyone drain another
    // user's bucket.
    if (decision.allowed) {
        if (const TokenClaims *user = authenticate(request, context))
            decision = m_context.rateLimiter->take("user:" + user->subject.toLatin1());
    }
    if (decision.allowed)
        return std::nullopt;
    Problem problem{429, u"/problems/rate-limited"_s, u"Too Many Requests"_s,
                    u"Too many requests; try again in %1 s."_s.arg(decision.retryAfterSeconds), {}, {}, {}};
    QHttpServerResponse response = problem.toResponse(context.requestId);
    response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(decision.retryAfterSeconds));
    return response;
}

bool Router::corsAllowed(const QByteArray &origin) const
{
    return !origin.isEmpty() && origin != "null" && m_context.config.corsOrigins.contains(QString::fromLatin1(origin));
}

RequestContext Router::begin(const QHttpServerRequest &request, const QString &route)
{
    RequestContext context;
    context.timer.start();
    context.route = route;
    const QByteArray given = request.value(QByteArrayLiteral("x-request-id"));
    context.requestId = isAcceptableRequestId(given) ? given : newRequestId();
    context.method = request.method();
    context.hasAuthorization = !request.value(QByteArrayLiteral("authorization")).isEmpty();
    context.origin = request.value(QByteArrayLiteral("origin"));
    context.remote = request.remoteAddress();
    context.bytesIn = request.body().size();
    return context;
}

QHttpServerResponse Router::finish(QHttpServerResponse &&response, const QHttpServerRequest &,
                                   const RequestContext &context) const
{
    return finish(std::move(response), context);
}

template <typename Sink>
void Router::middlewareHeaders(const RequestContext &context, Sink &&sink) const
{
    // QHttpServerResponder (6.4) writes every header with four separate socket writes, which made
    // the constant security headers the largest cost of a small answer. They ride, already
    // serialised, behind the request id as one header entry: the bytes on the wire are the same
    // header lines, written in one go.
    static const QByteArray securityLines = [] {
        QByteArray lines;
        for (const auto &[name, value] : kSecurityHeaders)
            lines += "\r\n" + QByteArray(name) + ": " + QByteArray(value);
        return lines;
    }();
    static const QByteArray requestIdHeader = QByteArrayLiteral("X-Request-Id");
    sink(requestIdHeader, context.requestId + securityLines, false);
    if (context.hasAuthorization)
        sink(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"), true);
    if (corsAllowed(context.origin)) {
        sink(QByteArrayLiteral("Access-Control-Allow-Origin"), context.origin, true);
        sink(QByteArrayLiteral("Access-Control-Expose-Headers"),
             QByteArrayLiteral("ETag, Location, Retry-After, X-Request-Id"), true);
    }
    if (!m_context.config.corsOrigins.isEmpty())
        sink(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"), true);
    if (m_context.draining->load())
        sink(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"), true);
}

void Router::record(const RequestContext &context, int status, qint64 bytesOut) const
{
    m_context.metrics->recordRequest(m_shard, methodName(context.method), context.route, status,
                                     double(context.timer.nsecsElapsed()) / 1e9);
    if (logging::enabled(QtInfoMsg))
        logging::access({
        {u"request_id"_s, QString::fromLatin1(context.requestId)},
        {u"method"_s, QString::fromLatin1(methodName(context.method))},
        {u"route"_s, context.route},
        {u"status"_s, status},
        {u"duration_ms"_s, double(context.timer.nsecsElapsed()) / 1e6},
        {u"bytes_in"_s, context.bytesIn},
        {u"bytes_out"_s, bytesOut},
        {u"remote"_s, context.remote.toString()},
    });
}

QHttpServerResponse Router::finish(QHttpServerResponse &&response, const RequestContext &context) const
{
    middlewareHeaders(context, [&response](const QByteArray &name, const QByteArray &value, bool replace) {
        if (replace)
            response.setHeader(name, value);
        else
            response.addHeader(name, value);
    });
    record(context, static_cast<int>(response.statusCode()), response.data().size());
    return std::move(response);
}

QList<std::pair<QByteArray, QByteArray>> Router::beginStream(const RequestContext &context) const
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    middlewareHeaders(context, [&headers](const QByteArray &name, const QByteArray &value, bool replace) {
        if (replace)
            headers.removeIf([&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
        headers.append({name, value});
    });
    // A stream's request is counted when it starts: its duration is the time to the first byte.
    record(context, 200, 0);
    return headers;
}

bool Router::isDraining() const
{
    return m_context.draining->load();
}

QHttpServerResponse Router::drainingResponse(const RequestContext &context) const
{
    Problem problem = Problem::unavailable(u"The server is shutting down; connect again in a moment."_s);
    problem.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2")});
    return problem.toResponse(context.requestId);
}

SseStream *Router::openStream(const std::shared_ptr<DeferredReply> &reply)
{
    auto responder = reply->handOver();
    if (!responder)
        return nullptr;
    SseOptions options;
    options.keepAliveMs = m_context.sseKeepAliveMs;
    auto *stream = new SseStream(*this, reply->context(), std::move(*responder), options);
    m_streams->add(stream);
    return stream;
}

QHttpServerResponse Router::finishThrown(const QHttpServerRequest &, const RequestContext &context,
                                         const char *what) const
{
    return finishThrown(context, what);
}

QHttpServerResponse Router::finishThrown(const RequestContext &context, const char *what) const
{
    // The reason goes to the log under the request id; the client learns nothing about internals.
    logging::write(QtCriticalMsg, u"inkwell.server.http"_s,
                   u"handler for %1 failed: %2"_s.arg(context.route, QString::fromUtf8(what)),
                   {{u"request_id"_s, QString::fromLatin1(context.requestId)}});
    return finish(Problem::internal().toResponse(context.requestId), context);
}

void Router::missing(const QHttpServerRequest &request, QHttpServerResponder &&responder) const
{
    RequestContext context = begin(request, u"-"_s);
    const QString path = request.url().path();
    QByteArrayList allowed;
    for (const RouteInfo &info : m_routes) {
        if (info.matcher.match(path).hasMatch()) {
            context.route = info.pattern;
            const QByteArray name = methodName(info.method);
            if (!allowed.contains(name))
                allowed.append(name);
        }
    }
    if (request.method() == QHttpServerRequest::Method::Options && !allowed.isEmpty()) {
        preflight(request, context, allowed, std::move(responder));
        return;
    }
    if (allowed.isEmpty()) {
        finish(Problem::notFound().toResponse(context.requestId), request, context).write(std::move(responder));
        return;
    }
    QHttpServerResponse response = Problem::methodNotAllowed().toResponse(context.requestId);
    response.setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
    finish(std::move(response), request, context).write(std::move(responder));
}

void Router::preflight(const QHttpServerRequest &request, RequestContext &context, const QByteArrayList &allowed,
                       QHttpServerResponder &&responder) const
{
    const QByteArray origin = request.value(QByteArrayLiteral("origin"));
    const QByteArray wanted = request.value(QByteArrayLiteral("access-control-request-method"));
    QHttpServerResponse response(QHttpServerResponse::StatusCode::NoContent);
    response.setHeader(QByteArrayLiteral("Allow"), allowed.join(", ") + ", OPTIONS");
    if (!origin.isEmpty() && !wanted.isEmpty()) {
        if (!corsAllowed(origin)) {
            Problem problem{403, u"/problems/cors-origin"_s, u"Forbidden"_s,
                            u"This origin may not call the API from a browser."_s, {}, {}, {}};
            finish(problem.toResponse(context.requestId), request, context).write(std::move(responder));
            return;
        }
        if (!allowed.contains(wanted)) {
            Problem problem = Problem::methodNotAllowed();
            QHttpServerResponse refused = problem.toResponse(context.requestId);
            refused.setHeader(QByteArrayLiteral("Allow"), allowed.join(", ") + ", OPTIONS");
            finish(std::move(refused), request, context).write(std::move(responder));
            return;
        }
        response.setHeader(QByteArrayLiteral("Access-Control-Allow-Methods"), allowed.join(", "));
        response.setHeader(QByteArrayLiteral("Access-Control-Allow-Headers"),
                           QByteArrayLiteral("Authorization, Content-Type, If-Match, X-Request-Id, Accept, Last-Event-ID"));
        response.setHeader(QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600"));
    }
    finish(std::move(response), request, context).write(std::move(responder));
}

DeferredReply::DeferredReply(const Router &router, RequestContext context, QHttpServer &server,
                             QHttpServerResponder &&responder)
    : m_router(router)
    , m_context(std::move(context))
    , m_threadContext(&server)
    , m_responder(std::in_place, std::move(responder))
    , m_socket(m_responder->socket())
{
    if (m_socket) {
        // Tells the connection guard that an answer is still coming (no idle or drain close) and that what the
        // client pipelines behind this request waits for it (QHttpServer would answer that at once).
        m_socket->setProperty(kHeldProperty, true);
    }
}

DeferredReply::~DeferredReply()
{
    if (!m_sent && m_socket) {
        // Never answered (the work was dropped at shutdown): do not leave the client waiting.
        m_socket->setProperty(kHeldProperty, false);
        m_socket->abort();
    }
}

std::optional<QHttpServerResponder> DeferredReply::handOver()
{
    Q_ASSERT(QThread::currentThread() == m_threadContext->thread());
    if (m_sent)
        return std::nullopt;
    m_sent = true;
    return std::exchange(m_responder, std::nullopt);
}

void DeferredReply::send(QHttpServerResponse &&response)
{
    Q_ASSERT(QThread::currentThread() == m_threadContext->thread());
    if (m_sent)
        return;
    m_sent = true;
    QHttpServerResponse finished = m_router.finish(std::move(response), m_context);
    if (!m_socket)
        return; // the client left; the answer was still counted and logged
    if (m_socket->property(kCloseAfterProperty).toBool())
        finished.setHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    finished.write(std::move(*m_responder));
    // Written: the guard now ends the connection if the request asked for that, or hands the requests
    // pipelined behind this one to QHttpServer, in order.
    m_socket->setProperty(kHeldProperty, false);
}

} // namespace inkwell::server
