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
    auto query = m_db.prepared(sql);
    if (!query)
        return std::unexpected(QSqlError(query.error(), {}, QSqlError::ConnectionError));
    int i = 0;
    for (const QVariant &bind : binds)
        (*query)->bindValue(i++, bind);
    if (!(*query)->exec())
        return std::unexpected((*query)->lastError());
    return *query;
}

std::expected<QSqlQuery *, QSqlError> SqlStore::run(const QString &sql, const QVariantList &binds)
{
    auto query = m_db.prepared(sql);
    if (!query)
        return std::unexpected(QSqlError(query.error(), {}, QSqlError::ConnectionError));
    for (int i = 0; i < binds.size(); ++i)
        (*query)->bindValue(i, binds.at(i));
    if (!(*query)->exec())
        return std::unexpected((*query)->lastError());
    return *query;
}

Problem SqlStore::failure(const QSqlError &error, const char *what) const
{
    logging::write(QtCriticalMsg, m_category, u"%1 failed: %2"_s.arg(QString::fromLatin1(what), error.text()));
    return Problem::internal();
}

Result<void> SqlStore::begin()
{
    auto connection = m_db.connection();
    if (!connection)
        return std::unexpected(failure(QSqlError(connection.error()), "opening the connection"));
    if (!connection->transaction())
        return std::unexpected(failure(connection->lastError(), "BEGIN"));
    return {};
}

Result<void> SqlStore::commit()
{
    auto connection = m_db.connection();
    if (!connection || !connection->commit()) {
        const QSqlError error = connection ? connection->lastError() : QSqlError(connection.error());
        rollback();
        return std::unexpected(failure(error, "COMMIT"));
    }
    return {};
}

void SqlStore::rollback()
{
    if (auto connection = m_db.connection())
        connection->rollback();
}

bool SqlStore::isUniqueViolation(const QSqlError &error)
{
    return error.nativeErrorCode() == u"23505";
}

} // namespace inkwell::server
