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

/// @brief A JSON answer with the given status.
QHttpServerResponse jsonResponse(const QJsonObject &body, int status = 200);

} // namespace inkwell::server
