#pragma once

#include "api/apitypes.h"
#include "domain/result.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QUrlQuery>

namespace inkwell::server {

/// @brief The request's query string read as application/x-www-form-urlencoded (api.md: Query strings),
/// the way HTML forms write it: `+` and `%20` are spaces, `%2B` is a plus sign. Every route reads its
/// query through this.
QUrlQuery formQuery(const QHttpServerRequest &request);

/// @brief A list route's query string: the page request and the filters it takes.
struct ListParams {
    api::PageRequest page;
    QHash<QString, QString> filters; ///< the parameters named in `filters` that were given
};

/// @brief Reads `limit` (1..100, default 20), `cursor` (kept opaque: the service decodes it for its list) and the
/// parameters named in `filters`; anything else, a repeated parameter or a bad limit is a bad request.
Result<ListParams> readListParams(const QUrlQuery &query, const QStringList &filters = {});

} // namespace inkwell::server
