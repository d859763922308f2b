#pragma once

#include "api/apitypes.h"
#include "domain/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <expected>
#include <optional>

namespace inkwell::server {

/// @brief Opaque keyset cursors (api.md: `?cursor=`). A cursor carries the sort key of the last item
/// of a page and a MAC over it and the list it belongs to, so a cursor that was not issued, or was
/// issued for another list, is refused (400) instead of silently paging from somewhere else.
class CursorCodec {
public:
    /// `key`: at least 32 secret bytes (derived from the token key).
    explicit CursorCodec(QByteArray key);
    QString encode(QStringView scope, const QJsonArray &position) const;
    std::optional<QJsonArray> decode(QStringView scope, QStringView cursor) const;

private:
    QByteArray mac(QStringView scope, const QByteArray &payload) const;
    QByteArray m_key;
};

/// @brief The query of a list route: limit, decoded cursor and the documented filters.
struct ListQuery {
    int limit = 20;
    std::optional<QJsonArray> cursor; ///< the position after which the page starts
    QHash<QString, QString> filters;  ///< the other documented parameters that were given
};

/// @brief A list route's query string: the page request and the filters it takes.
struct ListParams {
    api::PageRequest page;
    QHash<QString, QString> filters; ///< the parameters named in `filters` that were given
};

/// @brief Reads `limit` (1..100, default 20), `cursor` (kept opaque: the service decodes it for its list) and the
/// parameters named in `filters`; anything else, a repeated parameter or a bad limit is a bad request.
Result<ListParams> readListParams(const QUrlQuery &query, const QStringList &filters = {});

/// @brief Whether `text` is a count in its one spelling: decimal digits only, without a sign, white space
/// (a form's '+' reads as one) or leading zeros. QString::toInt() takes all of those.
bool isPlainCount(QStringView text);

/// @brief Reads `limit` (1..100, default 20), `cursor` and the parameters named in `filters`;
/// anything else, a repeated parameter, a bad limit or a cursor not issued for `scope` is 400.
/// (For services that still take the query string; routes read an api::PageRequest with readListParams().)
Result<ListQuery> parseListQuery(const QUrlQuery &query, const QStringList &filters, const CursorCodec &cursors,
                                 QStringView scope);

/// @brief The position a page request's cursor names, decoded for the list `scope` (a service's side of paging):
/// std::nullopt for the first page; a cursor that was not issued for `scope` is a bad request.
Result<std::optional<QJsonArray>> decodeCursor(const CursorCodec &cursors, QStringView scope,
                                               const api::PageRequest &page);

} // namespace inkwell::server
