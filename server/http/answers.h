#pragma once

#include "http/jsonbody.h"
#include "http/problem.h"
#include "http/router.h"

#include <QHttpServerResponse>
#include <expected>

namespace inkwell::server {

/// @brief The problem as this request's answer (carrying its request id).
inline QHttpServerResponse problemResponse(const Problem &problem, const RequestContext &context)
{
    return problem.toResponse(context.requestId);
}

/// @brief A domain error as this request's answer (Problem::from maps it).
inline QHttpServerResponse problemResponse(const Error &error, const RequestContext &context)
{
    return Problem::from(error).toResponse(context.requestId);
}

inline QHttpServerResponse noContent()
{
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

/// @brief A service's result as the answer: `render(value)`, or the problem.
template <typename T, typename E, typename Render>
QHttpServerResponse answer(const std::expected<T, E> &result, const RequestContext &context, Render render)
{
    if (!result)
        return problemResponse(result.error(), context);
    return render(*result);
}

/// @brief A result without a value: 204, or the problem.
template <typename E> QHttpServerResponse answer(const std::expected<void, E> &result, const RequestContext &context)
{
    return result ? noContent() : problemResponse(result.error(), context);
}

} // namespace inkwell::server
