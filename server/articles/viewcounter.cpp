#include "viewcounter.h"

#include "articles/articlestore.h"
#include "db/threaddatabase.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

/// The flushing thread. A QThread subclass for its exec(): a quit() that comes before the loop runs
/// is not lost.
class FlushThread : public QThread {
public:
    FlushThread(ViewCounter &counter, ConnectionParams params, int intervalMs, QString connectionName)
        : m_counter(counter)
        , m_params(std::move(params))
        , m_intervalMs(intervalMs)
        , m_connectionName(std::move(connectionName))
    {
    }

protected:
    void run() override
    {
        ThreadDatabase db(m_params, m_connectionName);
        ArticleStore store(db);
        QTimer timer;
        QObject::connect(&timer, &QTimer::timeout, &timer, [this, &store] {
            const QHash<QUuid, qint64> views = m_counter.take();
            if (!views.isEmpty() && !store.addViews(views))
                m_counter.giveBack(views); // the database is away: try again at the next tick
        });
        timer.start(m_intervalMs);
        exec();
    }

private:
    ViewCounter &m_counter;
    ConnectionParams m_params;
    int m_intervalMs;
    QString m_connectionName;
};

} // namespace

ViewCounter::ViewCounter(ConnectionParams params, int intervalMs)
{
    static std::atomic<int> serial{0};
    m_thread = std::make_unique<FlushThread>(*this, std::move(params), intervalMs,
                                             u"inkwell-views-%1"_s.arg(serial.fetch_add(1)));
    m_thread->setObjectName(u"views"_s);
    m_thread->start();
}

ViewCounter::~ViewCounter()
{
    m_thread->quit();
    m_thread->wait();
}

void ViewCounter::add(const QUuid &id)
{
    QMutexLocker locker(&m_mutex);
    ++m_pending[id];
}

QHash<QUuid, qint64> ViewCounter::take()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_pending, {});
}

void ViewCounter::giveBack(const QHash<QUuid, qint64> &views)
{
    QMutexLocker locker(&m_mutex);
    for (auto it = views.cbegin(); it != views.cend(); ++it)
        m_pending[it.key()] += it.value();
}

} // namespace inkwell::server
