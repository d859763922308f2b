#pragma once

#include "events/eventhandlers.h"
#include "events/outboxstore.h"

namespace inkwell::server {

/// @brief How the outbox is worked.
struct EventWorkerOptions {
    int batchSize = 50;
    /// Looks for due events this often even without a NOTIFY (one lost in a reconnection, retries).
    int pollIntervalMs = 5000;
    /// An event that failed this many times is parked (outbox.parked_at) and not tried again.
    int maxAttempts = 5;
    /// The wait after the first failure; it doubles after each further one, up to backoffCapMs.
    int backoffBaseMs = 2000;
    int backoffCapMs = 10 * 60 * 1000;
};

/// @brief Works the outbox on one connection, in the calling thread: the synchronous core of EventWorker
/// (and what a test drives directly).
///
/// One batch is one transaction: claim due events (FOR UPDATE SKIP LOCKED, so workers of other
/// instances take other rows), run each event's handler under a savepoint, mark it processed — or
/// record the failure with its backoff, or park it — and commit. A crash anywhere before the commit
/// leaves the batch as it was, to be done again: handlers are idempotent.
class EventProcessor {
public:
    EventProcessor(ThreadDatabase &db, EventHandlers handlers, EventWorkerOptions options = {});

    struct Batch {
        int claimed = 0;
        int processed = 0;
        int failed = 0; ///< attempts that failed (including those that parked their event)
        int parked = 0;
    };
    /// @brief One batch. An error means the batch was rolled back (the database failed).
    Result<Batch> runBatch();
    /// @brief Batches until one claims less than a full batch (or `maxBatches`); the totals.
    Result<Batch> runUntilIdle(int maxBatches = 1000);

    Result<OutboxStore::Backlog> backlog() { return m_store.backlog(); }

    const EventWorkerOptions &options() const { return m_options; }
    /// @brief The wait before the next try after `failuresBefore` failed attempts plus this one.
    qint64 backoffMs(int failuresBefore) const;

private:
    ThreadDatabase &m_db;
    EventHandlers m_handlers;
    EventWorkerOptions m_options;
    OutboxStore m_store;
    QStringList m_topics;
};

} // namespace inkwell::server
