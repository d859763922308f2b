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

/// @brief A list route's query string: the page request and the filters it takes.
struct ListParams {
    api::PageRequest page;
    QHash<QString, QString> filters; ///< the parameters named in `filters` that were given
};

/// @brief Reads `limit` (1..100, default 20), `cursor` (kept opaque: the service decodes it for its list) and the
/// parameters named in `filters`; anything else, a repeated parameter or a bad limit is a bad request.
Result<ListParams> readListParams(const QUrlQuery &query, const QStringList &filters = {});

/// @brief A store's page as the API answers it: its items, and the cursor of `next` for the list `scope` when more
/// follow (the service's side of paging, with decodeCursor()).
template <typename T>
api::Page<T> cursorPage(QList<T> items, const std::optional<QJsonArray> &next, const CursorCodec &cursors,
                        QStringView scope)
{
    api::Page<T> out{std::move(items), std::nullopt};
    if (next)
        out.nextCursor = cursors.encode(scope, *next);
    return out;
}

/// @brief Whether `text` is a count in its one spelling: decimal digits only, without a sign, white space
/// (a form's '+' reads as one) or leading zeros. QString::toInt() takes all of those.
bool isPlainCount(QStringView text);

/// @brief The position a page request's cursor names, decoded for the list `scope` (a service's side of paging):
/// std::nullopt for the first page; a cursor that was not issued for `scope` is a bad request.
Result<std::optional<QJsonArray>> decodeCursor(const CursorCodec &cursors, QStringView scope,
                                               const api::PageRequest &page);

} // namespace inkwell::server
