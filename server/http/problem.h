#pragma once

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

    static Problem notFound(const QString &detail = {});
    static Problem methodNotAllowed();
    static Problem internal();
    static Problem unavailable(const QString &detail);

    /// @brief The problem+json document, carrying the request id.
    QJsonObject toJson(const QByteArray &requestId) const;
    /// @brief A ready response with Content-Type application/problem+json.
    QHttpServerResponse toResponse(const QByteArray &requestId) const;
    /// @brief The whole HTTP/1.1 response as bytes, with the security headers and `Connection: close`
    /// (for answers written below the router, by the connection guard).
    QByteArray toRawHttp(const QByteArray &requestId, const QList<std::pair<QByteArray, QByteArray>> &headers = {}) const;
};

} // namespace inkwell::server
