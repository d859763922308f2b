#pragma once

#include "http/problem.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <expected>

namespace inkwell::server {

/// @brief The request's body as a JSON object: 415 unless it is sent as application/json, 400 when
/// it is not well-formed JSON or not an object.
Result<QJsonObject> jsonBody(const QHttpServerRequest &request);

/// @brief A JSON object read with one of core's readers: a broken rule is Error::validation (422) naming the fields.
template <typename T> Result<T> readBody(const QJsonObject &body, Parsed<T> (*read)(const QJsonObject &))
{
    Parsed<T> parsed = read(body);
    if (!parsed)
        return std::unexpected(Error::validation(std::move(parsed.error())));
    return std::move(*parsed);
}

/// @brief The request's body read with one of core's readers (`conversationInputFromJson`, ...): jsonBody()'s
/// 415/400 first, then the reader's field errors as Error::validation (422).
template <typename T> Result<T> parseBody(const QHttpServerRequest &request, Parsed<T> (*read)(const QJsonObject &))
{
    auto body = jsonBody(request);
    if (!body)
        return std::unexpected(body.error());
    return readBody(*body, read);
}

/// @brief A JSON answer with the given status.
QHttpServerResponse jsonResponse(const QJsonObject &body, int status = 200);

} // namespace inkwell::server
