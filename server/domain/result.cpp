#include "domain/result.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

Error make(ErrorKind kind, const QString &code, const QString &detail)
{
    Error error;
    error.kind = kind;
    error.code = code;
    error.detail = detail;
    return error;
}

} // namespace

Error Error::badRequest(const QString &detail)
{
    return make(ErrorKind::BadInput, {}, detail);
}

Error Error::validation(FieldErrors fields)
{
    Error error = make(ErrorKind::Invalid, {}, u"The request has invalid fields."_s);
    error.fields = std::move(fields);
    return error;
}

Error Error::unauthorized(const QString &detail, bool tokenRejected)
{
    Error error = make(ErrorKind::Unauthenticated, {}, detail);
    error.tokenRejected = tokenRejected;
    return error;
}

Error Error::forbidden(const QString &detail, const QString &code)
{
    return make(ErrorKind::Forbidden, code, detail);
}

Error Error::notFound(const QString &detail)
{
    return make(ErrorKind::NotFound, {}, detail.isEmpty() ? u"There is nothing at this address."_s : detail);
}

Error Error::conflict(const QString &code, const QString &detail)
{
    return make(ErrorKind::Conflict, code, detail);
}

Error Error::gone(const QString &code, const QString &detail)
{
    return make(ErrorKind::Gone, code, detail);
}

Error Error::preconditionRequired(const QString &detail)
{
    return make(ErrorKind::PreconditionRequired, {}, detail);
}

Error Error::staleRevision(const Article &current)
{
    Error error = make(ErrorKind::PreconditionFailed, u"stale-revision"_s,
                       u"The article changed since revision you sent; the current one is in `current`."_s);
    error.current = current;
    return error;
}

Error Error::tooManyRequests(const QString &detail, int retryAfterSeconds)
{
    Error error = make(ErrorKind::RateLimited, {}, detail);
    error.retryAfterS = std::max(1, retryAfterSeconds);
    return error;
}

Error Error::unavailable(const QString &detail, int retryAfterSeconds, const QString &code)
{
    Error error = make(ErrorKind::Unavailable, code, detail);
    error.retryAfterS = retryAfterSeconds;
    return error;
}

Error Error::databaseUnavailable()
{
    return unavailable(u"The database is unavailable right now; nothing was changed. Try again in a moment."_s, 2);
}

Error Error::storageFull()
{
    return unavailable(u"The database has run out of disk space; nothing was changed. Try again later."_s, 30);
}

Error Error::internal()
{
    return make(ErrorKind::Internal, {},
                u"The server could not complete the request. Quote the request id when reporting it."_s);
}

} // namespace inkwell::server
