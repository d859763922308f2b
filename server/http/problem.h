#pragma once

#include "domain/result.h"
#include "error.h"

#include <QByteArray>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

namespace inkwell::server {

/// @brief An RFC 9457 problem: the single error type at the HTTP boundary.
struct Problem {
    int status = 500;
    QString type;   ///< "/problems/validation"; empty → "about:blank"
    QString title;
    QString detail;
    FieldErrors errors;
    QJsonObject extra; ///< further members (e.g. "current" on 412)
    QList<std::pair<QByteArray, QByteArray>> headers; ///< response headers that belong to it (WWW-Authenticate, Retry-After)

    /// @brief The answer for a domain error: the one place where an error's kind becomes a status, its code
    /// a problem type, and its retry time, token verdict and current state become headers and members.
    static Problem from(const Error &error);

    static Problem notFound(const QString &detail = {});
    static Problem methodNotAllowed();
    static Problem internal();
    static Problem unavailable(const QString &detail);
    /// @brief 503 `/problems/unavailable` with `Retry-After: 2`: the database cannot be reached right now
    /// (stopped, restarting, refusing connections); the request did nothing and may be sent again.
    static Problem databaseUnavailable();
    /// @brief 503 `/problems/unavailable` with `Retry-After: 30`: the database has no disk space left, so
    /// nothing was written; it takes writes again once space is freed.
    static Problem storageFull();
    /// @brief 400: a malformed body or query parameter.
    static Problem badRequest(const QString &detail);
    /// @brief 422 with one entry per field.
    static Problem validation(FieldErrors errors);
    /// @brief 401 with `WWW-Authenticate: Bearer` (every 401 carries it, api.md).
    static Problem unauthorized(const QString &detail, bool invalidToken = false);
    /// @brief 403: authenticated, not allowed.
    static Problem forbidden(const QString &detail);
    /// @brief 409 with its own type ("/problems/email-taken").
    static Problem conflict(const QString &type, const QString &detail);
    /// @brief 429 with `Retry-After`.
    static Problem tooManyRequests(const QString &detail, int retryAfterSeconds);

    /// @brief The problem+json document, carrying the request id.
    QJsonObject toJson(const QByteArray &requestId) const;
    /// @brief A ready response with Content-Type application/problem+json.
    QHttpServerResponse toResponse(const QByteArray &requestId) const;
    /// @brief The whole HTTP/1.1 response as bytes, with the security headers and `Connection: close`
    /// (for answers written below the router, by the connection guard).
    QByteArray toRawHttp(const QByteArray &requestId, const QList<std::pair<QByteArray, QByteArray>> &headers = {}) const;
};

} // namespace inkwell::server
