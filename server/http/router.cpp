#include "router.h"


#include "http/securityheaders.h"
#include "log/logging.h"

#include <QHttpServerResponder>
#include <QJsonObject>
#include <QRandomGenerator>

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
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    return QByteArray::fromRawData(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

Router::Router(QHttpServer &server)
    : m_server(server)
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            missing(request, std::move(responder));
        });
}

void Router::remember(QHttpServerRequest::Method method, const QString &pattern)
{
    QString regex = QRegularExpression::escape(pattern);
    regex.replace(QRegularExpression::escape(u"<arg>"_s), u"[^/]+"_s);
    m_routes.append({method, pattern, QRegularExpression(u'^' + regex + u'$')});
}

RequestContext Router::begin(const QHttpServerRequest &request, const QString &route)
{
    RequestContext context;
    context.timer.start();
    context.route = route;
    const QByteArray given = request.value(QByteArrayLiteral("x-request-id"));
    context.requestId = isAcceptableRequestId(given) ? given : newRequestId();
    return context;
}

QHttpServerResponse Router::finish(QHttpServerResponse &&response, const QHttpServerRequest &request,
                                   const RequestContext &context) const
{
    response.setHeader(QByteArrayLiteral("X-Request-Id"), context.requestId);
    for (const auto &[name, value] : kSecurityHeaders)
        response.setHeader(QByteArray(name), QByteArray(value));
    if (!request.value(QByteArrayLiteral("authorization")).isEmpty())
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));

    const int status = static_cast<int>(response.statusCode());
    logging::access({
        {u"request_id"_s, QString::fromLatin1(context.requestId)},
        {u"method"_s, QString::fromLatin1(methodName(request.method()))},
        {u"route"_s, context.route},
        {u"status"_s, status},
        {u"duration_ms"_s, double(context.timer.nsecsElapsed()) / 1e6},
        {u"bytes_in"_s, request.body().size()},
        {u"bytes_out"_s, response.data().size()},
        {u"remote"_s, request.remoteAddress().toString()},
    });
    return std::move(response);
}

QHttpServerResponse Router::finishThrown(const QHttpServerRequest &request, const RequestContext &context,
                                         const char *what) const
{
    // The reason goes to the log under the request id; the client learns nothing about internals.
    logging::write(QtCriticalMsg, u"inkwell.server.http"_s,
                   u"handler for %1 failed: %2"_s.arg(context.route, QString::fromUtf8(what)),
                   {{u"request_id"_s, QString::fromLatin1(context.requestId)}});
    return finish(Problem::internal().toResponse(context.requestId), request, context);
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
    if (allowed.isEmpty()) {
        finish(Problem::notFound().toResponse(context.requestId), request, context).write(std::move(responder));
        return;
    }
    QHttpServerResponse response = Problem::methodNotAllowed().toResponse(context.requestId);
    response.setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
    finish(std::move(response), request, context).write(std::move(responder));
}

} // namespace inkwell::server
