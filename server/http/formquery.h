#pragma once

#include "domain/listquery.h" // readListParams(): a list route's query string

#include <QHash>
#include <QHttpServerRequest>
#include <QUrlQuery>

namespace inkwell::server {

/// @brief The request's query string read as application/x-www-form-urlencoded (api.md: Query strings),
/// the way HTML forms write it: `+` and `%20` are spaces, `%2B` is a plus sign. Every route reads its
/// query through this.
QUrlQuery formQuery(const QHttpServerRequest &request);

} // namespace inkwell::server
