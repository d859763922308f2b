#include "problem.h"

#include "http/securityheaders.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace inkwell::server {

Problem Problem::from(const Error &error)
{
    struct Shape {
        int status;
        const char *type;
        const char *title;
    };
    const Shape shape = [&]() -> Shape {
        switch (error.kind) {
        case ErrorKind::BadInput:
            return {400, "bad-request", "Bad Request"};
        case ErrorKind::UnsupportedFormat:
            return {415, "unsupported-media-type", "Unsupported Media Type"};
        case ErrorKind::Invalid:
            return {422, "validation", "Unprocessable Content"};
        case ErrorKind::Unauthenticated:
            return {401, "unauthorized", "Unauthorized"};
        case ErrorKind::Forbidden:
            return {403, "forbidden", "Forbidden"};
        case ErrorKind::NotFound:
            return {404, "not-found", "Not Found"};
        case ErrorKind::Conflict:
            return {409, "conflict", "Conflict"};
        case ErrorKind::Gone:
            return {410, "gone", "Gone"};
        case ErrorKind::PreconditionRequired:
            return {428, "precondition-required", "Precondition Required"};
        case ErrorKind::PreconditionFailed:
            return {412, "stale-revision", "Precondition Failed"};
        case ErrorKind::RateLimited:
            return {429, "rate-limited", "Too Many Requests"};
        case ErrorKind::Unavailable:
            return {503, "unavailable", "Service Unavailable"};
        case ErrorKind::UpstreamFailed:
            return {502, "upstream", "Bad Gateway"};
        case ErrorKind::UpstreamTimeout:
            return {504, "timeout", "Gateway Timeout"};
        case ErrorKind::Internal:
            break;
        }
        return {500, "internal", "Internal Server Error"};
    }();
    // A code is api.md's name of the problem ("last-admin"); the path is added here, once.
    Q_ASSERT_X(!error.code.contains(u'/'), "Problem::from", "an error code is a name, not a problem type path");
    Problem problem;
    problem.status = shape.status;
    problem.type = u"/problems/"_s + (error.code.isEmpty() ? QString::fromLatin1(shape.type) : error.code);
    problem.title = error.title.isEmpty() ? QString::fromLatin1(shape.title) : error.title;
    problem.detail = error.detail;
    problem.errors = error.fields;
    if (error.kind == ErrorKind::Unauthenticated)
        problem.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                                error.tokenRejected
                                    ? QByteArrayLiteral("Bearer realm=\"inkwell\", error=\"invalid_token\"")
                                    : QByteArrayLiteral("Bearer realm=\"inkwell\"")});
    if (error.retryAfterS > 0 && (error.kind == ErrorKind::RateLimited || error.kind == ErrorKind::Unavailable))
        problem.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(error.retryAfterS)});
    if (const auto *article = std::get_if<Article>(&error.current)) {
        problem.extra.insert(u"current"_s, inkwell::toJson(*article));
        problem.headers.append({QByteArrayLiteral("ETag"), '"' + QByteArray::number(article->revision) + '"'});
    } else if (const auto *message = std::get_if<Message>(&error.current)) {
        problem.extra.insert(u"message"_s, inkwell::toJson(*message));
    }
    return problem;
}

Problem Problem::notFound(const QString &detail)
{
    return {404,
            u"/problems/not-found"_s,
            u"Not Found"_s,
            detail.isEmpty() ? u"There is nothing at this address."_s : detail,
            {},
            {},
            {}};
}

Problem Problem::methodNotAllowed()
{
    return {405,
            u"/problems/method-not-allowed"_s,
            u"Method Not Allowed"_s,
            u"This address does not answer to this method; see the Allow header."_s,
            {},
            {},
            {}};
}

Problem Problem::internal()
{
    return {500,
            u"/problems/internal"_s,
            u"Internal Server Error"_s,
            u"The server could not complete the request. Quote the request id when reporting it."_s,
            {},
            {},
            {}};
}

Problem Problem::unavailable(const QString &detail)
{
    return {503, u"/problems/unavailable"_s, u"Service Unavailable"_s, detail, {}, {}, {}};
}

Problem Problem::databaseUnavailable()
{
    return {503,
            u"/problems/unavailable"_s,
            u"Service Unavailable"_s,
            u"The database is unavailable right now; nothing was changed. Try again in a moment."_s,
            {},
            {},
            {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2")}}};
}

Problem Problem::storageFull()
{
    return {503,
            u"/problems/unavailable"_s,
            u"Service Unavailable"_s,
            u"The database has run out of disk space; nothing was changed. Try again later."_s,
            {},
            {},
            {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("30")}}};
}

Problem Problem::badRequest(const QString &detail)
{
    return {400, u"/problems/bad-request"_s, u"Bad Request"_s, detail, {}, {}, {}};
}

Problem Problem::validation(FieldErrors errors)
{
    return {422,
            u"/problems/validation"_s,
            u"Unprocessable Content"_s,
            u"The request has invalid fields."_s,
            std::move(errors),
            {},
            {}};
}

Problem Problem::unauthorized(const QString &detail, bool invalidToken)
{
    return {401,
            u"/problems/unauthorized"_s,
            u"Unauthorized"_s,
            detail,
            {},
            {},
            {{QByteArrayLiteral("WWW-Authenticate"),
              invalidToken ? QByteArrayLiteral("Bearer realm=\"inkwell\", error=\"invalid_token\"")
                           : QByteArrayLiteral("Bearer realm=\"inkwell\"")}}};
}

Problem Problem::forbidden(const QString &detail)
{
    return {403, u"/problems/forbidden"_s, u"Forbidden"_s, detail, {}, {}, {}};
}

Problem Problem::conflict(const QString &type, const QString &detail)
{
    return {409, type, u"Conflict"_s, detail, {}, {}, {}};
}

Problem Problem::tooManyRequests(const QString &detail, int retryAfterSeconds)
{
    return {429,
            u"/problems/rate-limited"_s,
            u"Too Many Requests"_s,
            detail,
            {},
            {},
            {{QByteArrayLiteral("Retry-After"), QByteArray::number(std::max(1, retryAfterSeconds))}}};
}

QJsonObject Problem::toJson(const QByteArray &requestId) const
{
    QJsonObject body = extra;
    body.insert(u"type"_s, type.isEmpty() ? u"about:blank"_s : type);
    body.insert(u"title"_s, title);
    body.insert(u"status"_s, status);
    if (!detail.isEmpty())
        body.insert(u"detail"_s, detail);
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const FieldError &error : errors)
            list.append(QJsonObject{{u"field"_s, error.field}, {u"message"_s, error.message}});
        body.insert(u"errors"_s, list);
    }
    body.insert(u"request_id"_s, QString::fromLatin1(requestId));
    return body;
}

QHttpServerResponse Problem::toResponse(const QByteArray &requestId) const
{
    QHttpServerResponse response(QByteArrayLiteral("application/problem+json"),
                                 QJsonDocument(toJson(requestId)).toJson(QJsonDocument::Compact),
                                 static_cast<QHttpServerResponse::StatusCode>(status));
    for (const auto &[name, value] : headers)
        response.setHeader(name, value);
    return response;
}

QByteArray Problem::toRawHttp(const QByteArray &requestId,
                              const QList<std::pair<QByteArray, QByteArray>> &headers) const
{
    const QByteArray body = QJsonDocument(toJson(requestId)).toJson(QJsonDocument::Compact);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + title.toUtf8() + "\r\n";
    out += "Content-Type: application/problem+json\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n";
    out += "X-Request-Id: " + requestId + "\r\n";
    for (const auto &[name, value] : kSecurityHeaders)
        out += QByteArray(name) + ": " + value + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    for (const auto &[name, value] : this->headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

} // namespace inkwell::server
