#pragma once

#include "connectionparams.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>
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

private:
    void setCounted(bool open);

    ConnectionParams m_params;
    QString m_name;
    std::atomic<int> *m_openCounter = nullptr;
    bool m_counted = false;
};

} // namespace inkwell::server
