#pragma once

#include "http/router.h"

#include <QJsonObject>

namespace inkwell::server {

/// @brief The OpenAPI 3.1 document of exactly the routes registered on a router.
QJsonObject openApiDocument(const QList<RouteInfo> &routes, const QString &version);

/// @brief "/api/v1/users/<arg>/follow" with params {"id"} → "/api/v1/users/{id}/follow".
QString openApiPath(const RouteInfo &route);

} // namespace inkwell::server
