#include "sqlstore.h"

#include "log/logging.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

SqlStore::SqlStore(ThreadDatabase &db, QString category)
    : m_db(db)
    , m_category(std::move(category))
{
}

std::expected<QSqlQuery *, QSqlError> SqlStore::run(const QString &sql, std::initializer_list<QVariant> binds)
{
    return run(sql, QVariantList(binds));
}

std::expected<QSqlQuery *, QSqlError> SqlStore::run(const QString &sql, const QVariantList &binds)
{
    for (int attempt = 0;; ++attempt) {
        auto query = m_db.statement(sql);
        if (!query)
            return std::unexpected(query.error());
        for (int i = 0; i < binds.size(); ++i)
            (*query)->bindValue(i, binds.at(i));
        if ((*query)->exec()) {
            if (!(*query)->isSelect())
                m_db.noteWrite();
            return *query;
        }
        const QSqlError error = (*query)->lastError();
        // Sent again only when it never left: a statement that reached the server may have been committed.
        if (m_db.noteFailure(error) != DbFault::Unavailable || attempt > 0 || m_db.inTransaction() ||
            !failedBeforeSending(error))
            return std::unexpected(error);
    }
}

Error SqlStore::failure(const QSqlError &error, const char *what) const
{
    DbFault fault = classifyDbError(error);
    if (fault == DbFault::Statement && !m_db.isConnected())
        fault = DbFault::Unavailable;
    switch (fault) {
    case DbFault::Unavailable:
        // Logged once per outage by the connection, not once per request.
        return Error::databaseUnavailable();
    case DbFault::StorageFull:
        return Error::storageFull();
    case DbFault::Statement:
        break;
    }
    logging::write(QtCriticalMsg, m_category, u"%1 failed: %2"_s.arg(QString::fromLatin1(what), error.text()));
    return Error::internal();
}

Result<void> SqlStore::begin()
{
    if (auto begun = m_db.begin(); !begun)
        return std::unexpected(failure(begun.error(), "BEGIN"));
    return {};
}

Result<void> SqlStore::commit()
{
    if (auto committed = m_db.commit(); !committed)
        return std::unexpected(failure(committed.error(), "COMMIT"));
    return {};
}

void SqlStore::rollback()
{
    m_db.rollback();
}

bool SqlStore::isUniqueViolation(const QSqlError &error)
{
    return error.nativeErrorCode() == u"23505"_s;
}

} // namespace inkwell::server
