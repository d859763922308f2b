#pragma once

#include "error.h"

#include <QJsonObject>
#include <QString>
#include <expected>
#include <optional>

namespace inkwell::api {

/**
 * @brief Why a call to the server did not give what was asked, with what a user can act on.
 *
 * An HTTP error carries the server's RFC 9457 problem document (type, title, detail, field errors, the 412's
 * "current" article in body()); the other kinds say that no usable answer came at all.
 */
struct ApiError {
    enum class Kind {
        Network,   ///< no HTTP answer: refused, reset, DNS, TLS... (the server is unreachable: work offline)
        Timeout,   ///< no answer within the time allowed
        Http,      ///< an HTTP error status with (usually) a problem document
        BadAnswer, ///< an answer that is not what the contract promises (not JSON, a required member missing)
    };

    Kind kind = Kind::Network;
    int status = 0;                       ///< HTTP status; 0 when none came
    QString type;                         ///< problem type, e.g. "/problems/validation"
    QString title;                        ///< problem title
    QString detail;                       ///< problem detail, or the network error's text
    FieldErrors fieldErrors;              ///< from the problem's "errors", or what was wrong with an answer
    std::optional<int> retryAfterSeconds; ///< from Retry-After (429, 503)
    QJsonObject body;                     ///< the whole problem document
    QString requestId;                    ///< X-Request-Id of the answer, for a bug report

    /// @brief One readable sentence (or two) for a status bar or a message box: the problem's detail, each field
    /// error, when to retry; never raw JSON.
    QString message() const;

    /// @brief The server could not be reached at all (so the app is offline, and the call may be retried later).
    bool isUnreachable() const { return kind == Kind::Network || kind == Kind::Timeout; }

    /// @brief Trying the same call again later may succeed: unreachable, 408, 429, 502, 503, 504.
    bool isTransient() const;

    /// @brief An error of kind Network with @p text (for callers that fail before sending).
    static ApiError network(const QString &text);
    /// @brief An answer that does not follow the contract, with what was wrong.
    static ApiError badAnswer(int status, const QString &what, FieldErrors errors = {});
};

/// @brief The value a call answered with, or why it failed.
template <typename T> using ApiResult = std::expected<T, ApiError>;

} // namespace inkwell::api
