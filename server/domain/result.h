#pragma once

#include "error.h"
#include "model/article.h"
#include "model/message.h"

#include <QString>
#include <expected>
#include <variant>

namespace inkwell::server {

/// @brief What went wrong, in the words of the domain rather than of HTTP. `http/problem` maps each kind
/// to a status and a problem type in one place (Problem::from); nothing below `http/` knows a status.
enum class ErrorKind {
    BadInput,             ///< a malformed document or parameter, not a field rule
    UnsupportedFormat,    ///< a document in a format this does not read (not JSON where JSON is wanted)
    Invalid,              ///< field rules broken: `fields` says which
    Unauthenticated,      ///< no caller, or a token that is not (or no longer) good
    Forbidden,            ///< a known caller who may not do this
    NotFound,             ///< nothing there (or nothing this caller may see)
    Conflict,             ///< conflicts with the current state: `code` names which ("email-taken")
    Gone,                 ///< existed once, no longer ("cursor-expired": read the feed from the start)
    PreconditionRequired, ///< a write that must name the revision it replaces did not
    PreconditionFailed,   ///< the revision named is not the current one: `current` holds the current
    RateLimited,          ///< too many, too fast: `retryAfterS` says when to come back (0: waiting will not help)
    Unavailable,          ///< a dependency cannot serve now; `retryAfterS` when it is known
    UpstreamFailed,       ///< an upstream (the AI provider) answered something unusable
    UpstreamTimeout,      ///< an upstream did not answer in time
    Internal,             ///< a bug or an unexpected failure, already logged where it happened
};

/// @brief A kinded domain error: what stores and services return instead of a value.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    /// The error's name in api.md's list of problems ("slug-taken", "ai-quota"); empty for the kind's
    /// generic name. Callers branch on `kind` and `code`, never on a status.
    QString code;
    QString detail;             ///< a readable sentence for the user (never SQL, a key or an upstream's echo)
    QString title;              ///< a short summary; empty for the kind's own
    FieldErrors fields;         ///< Invalid: one entry per broken rule
    int retryAfterS = 0;        ///< RateLimited, Unavailable: seconds to wait before trying again (0 = unknown)
    bool tokenRejected = false; ///< Unauthenticated: a token was sent and refused (not merely absent)
    /// The current state a conflict is about: the article a stale write lost to (PreconditionFailed), the
    /// message an abort found already finished (Conflict "ai-not-running").
    std::variant<std::monostate, Article, Message> current;

    static Error badRequest(const QString &detail);
    static Error validation(FieldErrors fields);
    static Error unauthorized(const QString &detail, bool tokenRejected = false);
    static Error forbidden(const QString &detail, const QString &code = {});
    static Error notFound(const QString &detail = {});
    static Error conflict(const QString &code, const QString &detail);
    static Error gone(const QString &code, const QString &detail);
    static Error preconditionRequired(const QString &detail);
    static Error staleRevision(const Article &current);
    static Error tooManyRequests(const QString &detail, int retryAfterSeconds);
    static Error unavailable(const QString &detail, int retryAfterSeconds = 0, const QString &code = {});
    /// @brief The database cannot be reached right now (stopped, restarting, refusing connections): the
    /// request did nothing and may be sent again in 2 s.
    static Error databaseUnavailable();
    /// @brief The database has no disk space left: nothing was written; writes resume once space is freed.
    static Error storageFull();
    static Error internal();
};

/// @brief What stores and services return: the value, or the error. Not to be dropped unread.
template <typename T> class [[nodiscard]] Result : public std::expected<T, Error> {
public:
    using std::expected<T, Error>::expected;
    Result(const std::expected<T, Error> &other)
        : std::expected<T, Error>(other)
    {
    }
    Result(std::expected<T, Error> &&other)
        : std::expected<T, Error>(std::move(other))
    {
    }
};

} // namespace inkwell::server
