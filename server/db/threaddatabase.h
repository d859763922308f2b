#pragma once

#include "connectionparams.h"

#include <QSqlDatabase>
#include <QString>

#include <QSqlQuery>

#include <atomic>
#include <memory>
#include <unordered_map>
#include <expected>

namespace inkwell::server {

/// @brief The database connection of one thread (QPSQL connections belong to the thread that opened
/// them). Opened lazily, reopened after the server went away; closed when the object dies.
class ThreadDatabase {
public:
    /// `openCounter`, when given, counts this connection while it is open (metrics).
    ThreadDatabase(ConnectionParams params, QString connectionName, std::atomic<int> *openCounter = nullptr);
    ~ThreadDatabase();
    ThreadDatabase(const ThreadDatabase &) = delete;
    ThreadDatabase &operator=(const ThreadDatabase &) = delete;

    /// @brief The open connection, or why it cannot be opened.
    std::expected<QSqlDatabase, QString> connection();

    /// @brief Runs `SELECT 1`, reconnecting once if the connection was lost.
    std::expected<void, QString> ping();

    /// @brief A prepared statement kept alive for the life of the connection (QPSQL prepares with
    /// PREPARE/EXECUTE and deallocates when the QSqlQuery dies: a fresh one costs three round
    /// trips). Re-prepared after a reconnect. The reference stays valid until the next reconnect.
    std::expected<QSqlQuery *, QString> prepared(const QString &sql);

private:
    void setCounted(bool open);

    ConnectionParams m_params;
    QString m_name;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    std::atomic<int> *m_openCounter = nullptr;
    bool m_counted = false;
};

} // namespace inkwell::server
