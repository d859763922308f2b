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

/// @brief Reads a request document with one of core's readers: its field errors become a validation error (422).
template <typename T> Result<T> readInput(const QJsonObject &body, Parsed<T> (*read)(const QJsonObject &))
{
    Parsed<T> input = read(body);
    if (!input)
        return std::unexpected(Error::validation(std::move(input.error())));
    return std::move(*input);
}

/// @brief The request's body read with one of core's readers (`registerInputFromJson`, ...): jsonBody()'s errors
/// (415, 400) first, then readInput()'s (422).
template <typename T> Result<T> parseBody(const QHttpServerRequest &request, Parsed<T> (*read)(const QJsonObject &))
{
    auto body = jsonBody(request);
    if (!body)
        return std::unexpected(std::move(body.error()));
    return readInput(*body, read);
}

/// @brief A JSON answer with the given status.
QHttpServerResponse jsonResponse(const QJsonObject &body, int status = 200);

} // namespace inkwell::server
