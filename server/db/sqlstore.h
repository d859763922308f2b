#pragma once

#include "db/threaddatabase.h"
#include "domain/result.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <expected>
#include <initializer_list>
#include <optional>

namespace inkwell::server {

/// @brief One page of a keyset-paginated list as a store reads it: the items, and the position of the last one
/// when more follow (what the next page's cursor names).
template <typename T> struct KeysetPage {
    QList<T> items;
    std::optional<QJsonArray> next;
};

/// @brief Where a page that continues a `(time, id)`-ordered list starts: the binds of
/// `(NOT ? OR (t, id) < (?::timestamptz, ?::uuid))` for a decoded cursor position, or for the first page.
inline QVariantList keysetAfterBinds(const std::optional<QJsonArray> &after)
{
    const bool paged = after.has_value() && after->size() == 2;
    return {paged, paged ? after->at(0).toString() : QStringLiteral("epoch"),
            paged ? after->at(1).toString() : QStringLiteral("00000000-0000-0000-0000-000000000000")};
}

/// @brief The one keyset page reader: reads up to `limit` rows of `query` (which asked for `LIMIT limit + 1`)
/// with `readRow(query)`; the extra row only says that more follow, and `position(query, item)` is the
/// position of the last item kept. Finishes the query (its connection is free for the next statement).
template <typename T, typename ReadRow, typename Position>
KeysetPage<T> readKeysetPage(QSqlQuery &query, int limit, const ReadRow &readRow, const Position &position)
{
    KeysetPage<T> page;
    std::optional<QJsonArray> last;
    bool more = false;
    while (query.next()) {
        if (page.items.size() == limit) {
            more = true;
            break;
        }
        page.items.append(readRow(query));
        last = position(query, page.items.constLast());
    }
    query.finish();
    if (more)
        page.next = last;
    return page;
}

/// @brief The base of every store: kept prepared statements on one thread's connection, failures
/// logged (SQL and driver text never reach a client) and turned into a problem, transactions.
///
/// A failure that means the database is away (see classifyDbError()) answers 503 /problems/unavailable
/// with Retry-After and is logged once per outage by the connection; disk full answers 503 too, with its
/// own detail; anything else is logged and answers 500.
class SqlStore {
public:
    explicit SqlStore(ThreadDatabase &db, QString category);

    /// @brief Runs `work` in one transaction: one commit (one WAL flush) for all its statements.
    /// Rolled back when `work` fails. `work` must not open a transaction of its own.
    template <typename Work> auto transaction(Work work) -> decltype(work())
    {
        if (auto begun = begin(); !begun)
            return std::unexpected(begun.error());
        auto result = work();
        if (!result) {
            rollback();
            return result;
        }
        if (auto committed = commit(); !committed)
            return std::unexpected(committed.error());
        return result;
    }

protected:
    /// @brief Executes a kept prepared statement with positional `?` values. A statement that failed
    /// because the connection was gone before it was sent is sent once more on a fresh connection
    /// (outside a transaction only); one that may have reached the server never is.
    std::expected<QSqlQuery *, QSqlError> run(const QString &sql, std::initializer_list<QVariant> binds = {});
    /// @brief The same, for statements assembled at run time (one kept statement per distinct text:
    /// a query written for its filters gets a plan that uses the right index, where one catch-all
    /// statement with `? IS NULL OR ...` gets a generic plan that scans).
    std::expected<QSqlQuery *, QSqlError> run(const QString &sql, const QVariantList &binds);
    /// @brief The error for the failure of `what`: unavailable when the database cannot be reached or is
    /// out of disk space, else internal (logged with `what`).
    Error failure(const QSqlError &error, const char *what) const;
    Result<void> begin();
    Result<void> commit();
    void rollback();
    ThreadDatabase &database() { return m_db; }

    /// @brief Whether the error is a unique-constraint violation (SQLSTATE 23505).
    static bool isUniqueViolation(const QSqlError &error);

private:
    ThreadDatabase &m_db;
    QString m_category;
};

} // namespace inkwell::server
