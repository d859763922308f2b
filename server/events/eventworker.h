#pragma once

#include "db/connectionparams.h"
#include "db/pgnotifier.h"
#include "events/eventprocessor.h"
#include "http/metrics.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace inkwell::server {

class EventWorkerRunner;

/// @brief The outbox worker: an EventProcessor on a thread of its own, with its own connection.
///
/// It works the outbox when a NOTIFY on `inkwell_outbox` says an event was committed (through the
/// PgNotifier, if one is given), after the notifier reconnects, when a backed-off event falls due, and
/// every pollIntervalMs as a safety net. Batches follow each other until the outbox is idle; stop()
/// waits for the batch in progress. Every instance of inkwelld may run one: they share the work row by
/// row (SKIP LOCKED).
///
/// With `metrics`, the backlog is exported as the gauges `inkwell_outbox_pending` and
/// `inkwell_outbox_parked` (as of the worker's last look: after each idle batch and each poll).
class EventWorker : public QObject {
    Q_OBJECT
public:
    EventWorker(ConnectionParams params, EventHandlers handlers, EventWorkerOptions options = {},
                std::shared_ptr<PgNotifier> notifier = {}, std::shared_ptr<Metrics> metrics = {});
    ~EventWorker() override;
    EventWorker(const EventWorker &) = delete;
    EventWorker &operator=(const EventWorker &) = delete;

    void start();
    /// @brief Finishes the batch in progress, closes the connection and joins the thread. Safe twice.
    void stop();

    /// @brief What this worker did since it started (events processed, attempts failed, events parked).
    qint64 processed() const { return m_counters->processed.load(); }
    qint64 failed() const { return m_counters->failed.load(); }
    qint64 parked() const { return m_counters->parked.load(); }

    struct Counters {
        std::atomic<qint64> processed{0};
        std::atomic<qint64> failed{0};
        std::atomic<qint64> parked{0};
        std::atomic<qint64> pending{-1}; ///< backlog as last seen; -1 before the first look
        std::atomic<qint64> parkedTotal{-1};
    };

Q_SIGNALS:
    /// @brief A batch that claimed something was committed (emitted in the worker's thread).
    void batchDone(int processed, int failed);

private:
    ConnectionParams m_params;
    EventHandlers m_handlers;
    EventWorkerOptions m_options;
    std::shared_ptr<PgNotifier> m_notifier;
    std::shared_ptr<Counters> m_counters = std::make_shared<Counters>();
    std::unique_ptr<QThread> m_thread;
    EventWorkerRunner *m_runner = nullptr; ///< lives in m_thread
};

/// @brief inkwelld's background event machinery: the PgNotifier (channels `inkwell_outbox` and
/// `inkwell_notifications`) and an EventWorker with the standard handlers that it wakes.
class EventSystem {
public:
    /// `channels`: the NOTIFY channels the modules listen to (besides the outbox's own); `handlers`: the outbox
    /// topics the modules handle.
    EventSystem(const ConnectionParams &params, std::shared_ptr<Metrics> metrics, QStringList channels,
                EventHandlers handlers, EventWorkerOptions options = {});
    ~EventSystem();
    EventSystem(const EventSystem &) = delete;
    EventSystem &operator=(const EventSystem &) = delete;

    /// @brief For ServiceContext::notifier, so that notification streams hear of news.
    std::shared_ptr<PgNotifier> notifier() const { return m_notifier; }
    EventWorker &worker() { return *m_worker; }

    void start();
    /// @brief Stops the worker (after its batch), then the notifier.
    void stop();

private:
    std::shared_ptr<PgNotifier> m_notifier;
    std::unique_ptr<EventWorker> m_worker;
};

} // namespace inkwell::server
