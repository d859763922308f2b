#pragma once

#include "connectionparams.h"
#include "dbfault.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <atomic>
#include <expected>
#include <memory>
#include <unordered_map>

namespace inkwell::server {

class DatabaseAvailability;

/// @brief The database connection of one thread (QPSQL connections belong to the thread that opened
/// them). Opened lazily; closed when the object dies.
///
/// A connection that went stale (the server restarted, an administrator ended the session) is noticed
/// before it is used: outside a transaction, a connection whose socket has something to say while it is
/// idle (the server's goodbye, the end of the stream) is replaced before a statement is sent. After any
/// connection-level failure the connection is dropped and reopened at the next use. Inside a transaction
/// it is never replaced silently: the transaction fails.
///
/// Every ThreadDatabase of one database shares one availability state, which logs one line when the
/// database goes away and one when it is back, and lets only one thread at a time wait on a server that
/// does not answer (the others are told at once that it is unavailable).
class ThreadDatabase {
public:
    /// `openCounter`, when given, counts this connection while it is open (metrics).
    ThreadDatabase(ConnectionParams params, QString connectionName, std::atomic<int> *openCounter = nullptr);
    ~ThreadDatabase();
    ThreadDatabase(const ThreadDatabase &) = delete;
    ThreadDatabase &operator=(const ThreadDatabase &) = delete;

    /// @brief The open connection, or why it cannot be opened.
    std::expected<QSqlDatabase, QString> connection();

    /// @brief Runs `SELECT 1` now, on a fresh connection if this one was lost: the state at this moment.
    std::expected<void, QString> ping();

    /// @brief A prepared statement kept alive for the life of the connection (QPSQL prepares with
    /// PREPARE/EXECUTE and deallocates when the QSqlQuery dies: a fresh one costs three round
    /// trips). Re-prepared after a reconnect. The reference stays valid until the next reconnect.
    std::expected<QSqlQuery *, QString> prepared(const QString &sql);
    /// @brief The same, failing with the driver's error (its SQLSTATE tells what kind of failure it was).
    /// Preparing has no effect on data, so a prepare that met a lost connection is tried once more.
    std::expected<QSqlQuery *, QSqlError> statement(const QString &sql);

    /// @brief Takes note of a failed statement: a connection-level failure drops the connection (reopened
    /// at the next use outside a transaction) and marks the database unavailable; disk full is logged
    /// once. Returns what the failure means.
    DbFault noteFailure(const QSqlError &error);
    /// @brief A write went through (after disk full: the "space is back" line).
    void noteWrite();

    /// @brief BEGIN / COMMIT / ROLLBACK, tracked: inside a transaction the connection is never replaced.
    std::expected<void, QSqlError> begin();
    std::expected<void, QSqlError> commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    /// @brief Whether the connection is open right now (no round trip).
    bool isConnected() const;

private:
    void setCounted(bool open);
    /// Closes the connection and forgets its statements.
    void drop();
    /// Whether an idle connection has gone stale: the server said goodbye or closed the stream.
    bool isStale(const QSqlDatabase &db) const;
    std::expected<QSqlDatabase, QSqlError> open();

    ConnectionParams m_params;
    QString m_name;
    std::shared_ptr<DatabaseAvailability> m_availability;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    std::atomic<int> *m_openCounter = nullptr;
    bool m_counted = false;
    bool m_inTransaction = false;
};

} // namespace inkwell::server
