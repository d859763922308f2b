#include "housekeeper.h"

#include "log/logging.h"

#include <QTimer>
#include <atomic>

using namespace Qt::StringLiterals;

namespace inkwell::server {

/// The housekeeper's state in its own thread: the connection, the store and the timer.
class HousekeeperRunner : public QObject {
public:
    HousekeeperRunner(Housekeeper *owner, ConnectionParams params, HousekeeperOptions options, QString name)
        : m_owner(owner)
        , m_params(std::move(params))
        , m_options(options)
        , m_name(std::move(name))
        , m_timer(new QTimer(this))
    {
        m_timer->setTimerType(m_options.intervalMs >= 60000 ? Qt::VeryCoarseTimer : Qt::CoarseTimer);
        connect(m_timer, &QTimer::timeout, this, [this] { pass(); });
    }

    void begin()
    {
        m_db = std::make_unique<ThreadDatabase>(m_params, m_name);
        m_store = std::make_unique<HousekeepingStore>(*m_db);
        // The first pass a little after start, then every interval.
        m_timer->setSingleShot(true);
        m_timer->start(std::min(m_options.intervalMs, 60000));
    }

    void end()
    {
        m_timer->stop();
        m_store.reset();
        m_db.reset();
    }

private:
    void pass()
    {
        if (!m_store)
            return;
        if (m_timer->isSingleShot()) {
            m_timer->setSingleShot(false);
            m_timer->start(m_options.intervalMs);
        }
        auto report = m_store->runOnce(m_options.outboxRetentionDays);
        if (!report) {
            // The store logged why; the next interval tries again.
            Q_EMIT m_owner->passDone(HousekeepingReport{});
            return;
        }
        const HousekeepingReport &r = *report;
        if (r.refreshTokens + r.throttleRows + r.aiRateRows + r.outboxRows + r.articles > 0) {
            logging::write(QtInfoMsg, u"inkwell.server.housekeeping"_s,
                           u"deleted %1 expired refresh token(s), %2 login throttle row(s), %3 AI rate window(s), "
                           u"%4 processed event(s), %5 article(s) deleted more than 30 days ago"_s.arg(r.refreshTokens)
                               .arg(r.throttleRows)
                               .arg(r.aiRateRows)
                               .arg(r.outboxRows)
                               .arg(r.articles));
        }
        Q_EMIT m_owner->passDone(r);
    }

    Housekeeper *m_owner;
    ConnectionParams m_params;
    HousekeeperOptions m_options;
    QString m_name;
    QTimer *m_timer;
    std::unique_ptr<ThreadDatabase> m_db;
    std::unique_ptr<HousekeepingStore> m_store;
};

Housekeeper::Housekeeper(ConnectionParams params, HousekeeperOptions options)
    : m_params(std::move(params))
    , m_options(options)
{
    qRegisterMetaType<HousekeepingReport>();
}

Housekeeper::~Housekeeper()
{
    stop();
}

void Housekeeper::start()
{
    if (m_thread)
        return;
    static std::atomic<int> serial{0};
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"housekeeping"_s);
    m_runner = new HousekeeperRunner(this, m_params, m_options, u"inkwell-housekeeping-%1"_s.arg(++serial));
    m_runner->moveToThread(m_thread.get());
    m_thread->start();
    QMetaObject::invokeMethod(
        m_runner, [runner = m_runner] { runner->begin(); }, Qt::QueuedConnection);
}

void Housekeeper::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_runner, [runner = m_runner] { runner->end(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_runner; // its timer is stopped and its thread is gone
    m_runner = nullptr;
    m_thread.reset();
}

} // namespace inkwell::server
