#include "eventworker.h"

#include "log/logging.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

constexpr int kFailureRetryMs = 1000;

} // namespace

/// The worker's state in its own thread: the connection, the processor and the timers.
class EventWorkerRunner : public QObject {
public:
    EventWorkerRunner(EventWorker *owner, ConnectionParams params, EventHandlers handlers, EventWorkerOptions options,
                      std::shared_ptr<EventWorker::Counters> counters, QString name)
        : m_owner(owner)
        , m_params(std::move(params))
        , m_handlers(std::move(handlers))
        , m_options(options)
        , m_counters(std::move(counters))
        , m_name(std::move(name))
        , m_poll(new QTimer(this))
        , m_due(new QTimer(this))
    {
        m_poll->setInterval(m_options.pollIntervalMs);
        m_due->setSingleShot(true);
        connect(m_poll, &QTimer::timeout, this, [this] { schedule(); });
        connect(m_due, &QTimer::timeout, this, [this] { schedule(); });
    }

    void begin()
    {
        m_db = std::make_unique<ThreadDatabase>(m_params, m_name);
        m_processor = std::make_unique<EventProcessor>(*m_db, m_handlers, m_options);
        m_poll->start();
        schedule(); // what was committed while no worker ran
    }

    void end()
    {
        m_stopping = true;
        m_poll->stop();
        m_due->stop();
        m_processor.reset();
        m_db.reset();
    }

    /// Runs a batch soon (once, however often asked before it runs).
    void schedule()
    {
        if (m_scheduled || m_stopping)
            return;
        m_scheduled = true;
        QMetaObject::invokeMethod(
            this, [this] { work(); }, Qt::QueuedConnection);
    }

private:
    void work()
    {
        m_scheduled = false;
        if (m_stopping || !m_processor)
            return;
        auto batch = m_processor->runBatch();
        if (!batch) {
            // Logged by the store; the database may be restarting. Try again soon.
            if (!m_due->isActive() || m_due->remainingTime() > kFailureRetryMs)
                m_due->start(kFailureRetryMs);
            return;
        }
        if (batch->claimed > 0) {
            m_counters->processed += batch->processed;
            m_counters->failed += batch->failed;
            m_counters->parked += batch->parked;
            Q_EMIT m_owner->batchDone(batch->processed, batch->failed);
        }
        if (batch->claimed >= m_options.batchSize) {
            schedule(); // more is waiting; queued, so that stop() gets a word in between batches
            return;
        }
        lookAtBacklog();
    }

    /// Updates the gauges and wakes up when the next backed-off event falls due.
    void lookAtBacklog()
    {
        auto backlog = m_processor->backlog();
        if (!backlog)
            return;
        m_counters->pending = backlog->pending;
        m_counters->parkedTotal = backlog->parked;
        if (backlog->nextDueMs && *backlog->nextDueMs < m_options.pollIntervalMs) {
            const int wait = int(std::max<qint64>(*backlog->nextDueMs, 0)) + 5;
            if (!m_due->isActive() || m_due->remainingTime() > wait)
                m_due->start(wait);
        }
    }

    EventWorker *m_owner;
    ConnectionParams m_params;
    EventHandlers m_handlers;
    EventWorkerOptions m_options;
    std::shared_ptr<EventWorker::Counters> m_counters;
    QString m_name;
    QTimer *m_poll;
    QTimer *m_due;
    std::unique_ptr<ThreadDatabase> m_db;
    std::unique_ptr<EventProcessor> m_processor;
    bool m_scheduled = false;
    bool m_stopping = false;
};

EventWorker::EventWorker(ConnectionParams params, EventHandlers handlers, EventWorkerOptions options,
                         std::shared_ptr<PgNotifier> notifier, std::shared_ptr<Metrics> metrics)
    : m_params(std::move(params))
    , m_handlers(std::move(handlers))
    , m_options(options)
    , m_notifier(std::move(notifier))
{
    if (metrics) {
        // Holds the counters, not the worker: a scrape after the worker is gone is harmless.
        metrics->addGauges([counters = m_counters] {
            QList<std::pair<QByteArray, double>> out;
            if (const qint64 pending = counters->pending.load(); pending >= 0)
                out.append({"inkwell_outbox_pending", double(pending)});
            if (const qint64 parked = counters->parkedTotal.load(); parked >= 0)
                out.append({"inkwell_outbox_parked", double(parked)});
            return out;
        });
    }
}

EventWorker::~EventWorker()
{
    stop();
}

void EventWorker::start()
{
    if (m_thread)
        return;
    static std::atomic<int> serial{0};
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"event-worker"_s);
    m_runner =
        new EventWorkerRunner(this, m_params, m_handlers, m_options, m_counters, u"inkwell-events-%1"_s.arg(++serial));
    m_runner->moveToThread(m_thread.get());
    if (m_notifier) {
        EventWorkerRunner *runner = m_runner;
        connect(m_notifier.get(), &PgNotifier::notified, runner, [runner](const QString &channel, const QString &) {
            if (channel == kOutboxChannel)
                runner->schedule();
        });
        connect(m_notifier.get(), &PgNotifier::resync, runner, [runner] { runner->schedule(); });
    }
    m_thread->start();
    EventWorkerRunner *runner = m_runner;
    QMetaObject::invokeMethod(
        runner, [runner] { runner->begin(); }, Qt::QueuedConnection);
}

void EventWorker::stop()
{
    if (!m_thread)
        return;
    EventWorkerRunner *runner = m_runner;
    QMetaObject::invokeMethod(
        runner, [runner] { runner->end(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_runner; // its timers are stopped and its thread is gone
    m_runner = nullptr;
    m_thread.reset();
}

// ---- EventSystem ---------------------------------------------------------------------------------------------

EventSystem::EventSystem(const ConnectionParams &params, std::shared_ptr<Metrics> metrics, QStringList channels,
                         EventHandlers handlers, EventWorkerOptions options)
    : m_notifier(std::make_shared<PgNotifier>(params, QStringList{kOutboxChannel} + channels))
    , m_worker(std::make_unique<EventWorker>(params, std::move(handlers), options, m_notifier, std::move(metrics)))
{
}

EventSystem::~EventSystem()
{
    stop();
}

void EventSystem::start()
{
    m_notifier->start();
    m_worker->start();
}

void EventSystem::stop()
{
    m_worker->stop();
    m_notifier->stop();
}

} // namespace inkwell::server
