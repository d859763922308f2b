#pragma once

#include "db/sqlstore.h"
#include "events/eventhandlers.h"

#include <QStringList>
#include <optional>

namespace inkwell::server {

/// @brief The outbox table, as the event worker uses it (writers insert their events themselves, in the
/// transaction of the change they announce).
class OutboxStore : public SqlStore {
public:
    explicit OutboxStore(ThreadDatabase &db);

    Result<void> beginBatch() { return begin(); }
    Result<void> commitBatch() { return commit(); }
    void rollbackBatch() { rollback(); }

    /// @brief Locks up to `limit` due events of `topics` that no other worker holds (FOR UPDATE SKIP
    /// LOCKED), oldest due first. Must run in a transaction: the locks last until it ends.
    Result<QList<OutboxEvent>> claim(const QStringList &topics, int limit);

    /// @brief A savepoint per event, so that one event's failed statements do not doom the batch.
    Result<void> savepoint();
    Result<void> releaseSavepoint();
    Result<void> rollbackToSavepoint();

    Result<void> markProcessed(qint64 id);
    /// @brief Records a failed attempt: the error, one more attempt, the next try `retryInMs` from now,
    /// and parks the event (parked_at) when this was attempt `maxAttempts`. Returns whether it was parked.
    Result<bool> markFailed(qint64 id, const QString &error, qint64 retryInMs, int maxAttempts);

    struct Backlog {
        qint64 pending = 0;              ///< not processed and not parked (due now or later), every topic
        qint64 parked = 0;               ///< dead letters
        std::optional<qint64> nextDueMs; ///< how soon the next pending event is due (≤ 0: now)
    };
    Result<Backlog> backlog();

private:
    Result<void> plain(const QString &sql, const char *what);
};

/// @brief The NOTIFY channel that wakes the workers; writers send it in the transaction of the event
/// (`SELECT pg_notify('inkwell_outbox', '<topic>')`), so it arrives once the event is committed.
inline const QString kOutboxChannel = QStringLiteral("inkwell_outbox");

} // namespace inkwell::server
