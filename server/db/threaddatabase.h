#pragma once

#include "connectionparams.h"

#include <QSqlDatabase>
#include <QString>

#include <expected>

namespace inkwell::server {

/// @brief The database connection of one thread (QPSQL connections belong to the thread that opened
/// them). Opened lazily, reopened after the server went away; closed when the object dies.
class ThreadDatabase {
public:
    ThreadDatabase(ConnectionParams params, QString connectionName);
    ~ThreadDatabase();
    ThreadDatabase(const ThreadDatabase &) = delete;
    ThreadDatabase &operator=(const ThreadDatabase &) = delete;

    /// @brief The open connection, or why it cannot be opened.
    std::expected<QSqlDatabase, QString> connection();

    /// @brief Runs `SELECT 1`, reconnecting once if the connection was lost.
    std::expected<void, QString> ping();

private:
    ConnectionParams m_params;
    QString m_name;
};

} // namespace inkwell::server
