#include "threaddatabase.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace inkwell::server {

ThreadDatabase::ThreadDatabase(ConnectionParams params, QString connectionName, std::atomic<int> *openCounter)
    : m_params(std::move(params))
    , m_name(std::move(connectionName))
    , m_openCounter(openCounter)
{
}

void ThreadDatabase::setCounted(bool open)
{
    if (open == m_counted || !m_openCounter)
        return;
    m_counted = open;
    *m_openCounter += open ? 1 : -1;
}

ThreadDatabase::~ThreadDatabase()
{
    m_statements.clear(); // before the connection goes
    setCounted(false);
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
}

std::expected<QSqlDatabase, QString> ThreadDatabase::connection()
{
    QSqlDatabase db = QSqlDatabase::contains(m_name) ? QSqlDatabase::database(m_name, false)
                                                     : m_params.addDatabase(m_name);
    if (db.isOpen())
        return db;
    m_statements.clear(); // prepared on a connection that is gone
    if (!db.open()) {
        setCounted(false);
        return std::unexpected(db.lastError().text());
    }
    setCounted(true);
    return db;
}

std::expected<QSqlQuery *, QString> ThreadDatabase::prepared(const QString &sql)
{
    auto db = connection();
    if (!db)
        return std::unexpected(db.error());
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(*db);
        if (!query->prepare(sql))
            return std::unexpected(query->lastError().text());
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return it->second.get();
}

std::expected<void, QString> ThreadDatabase::ping()
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto query = prepared(u"SELECT 1"_s);
        if (!query)
            return std::unexpected(query.error());
        if ((*query)->exec() && (*query)->next() && (*query)->value(0).toInt() == 1) {
            (*query)->finish();
            return {};
        }
        const QString error = (*query)->lastError().text();
        m_statements.clear();
        if (auto db = connection(); db)
            db->close(); // the server may have restarted: reconnect once
        setCounted(false);
        if (attempt == 1)
            return std::unexpected(error);
    }
    return std::unexpected(u"unreachable"_s);
}

} // namespace inkwell::server
