#include "ai/writeretry.h"

#include "log/logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

WriteRetry::WriteRetry(Policy policy, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WriteRetry::runDue);
    m_clock.start();
}

WriteRetry::~WriteRetry()
{
    // The listener is going away, and the database connection of its thread may be gone before this
    // object: nothing is written now, what is lost is said.
    for (Job &job : m_jobs) {
        logging::write(
            QtCriticalMsg, u"inkwell.server.ai"_s,
            u"%1 was still not written at shutdown (%2 attempts); it is lost"_s.arg(job.what).arg(job.attempts));
        if (job.settled)
            job.settled(false);
    }
}

int WriteRetry::delayAfter(int attempts) const
{
    qint64 delay = m_policy.firstDelayMs;
    for (int i = 1; i < attempts && delay < m_policy.maxDelayMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, m_policy.maxDelayMs));
}

void WriteRetry::retryLater(QString what, std::function<bool()> write, std::function<void(bool)> settled)
{
    Job job{std::move(what), std::move(write), std::move(settled), 1, 0};
    job.dueMs = m_clock.elapsed() + delayAfter(job.attempts);
    logging::write(QtWarningMsg, u"inkwell.server.ai"_s,
                   u"%1 failed; trying again in %2 ms"_s.arg(job.what).arg(delayAfter(job.attempts)));
    m_jobs.push_back(std::move(job));
    schedule();
}

void WriteRetry::schedule()
{
    if (m_jobs.empty()) {
        m_timer.stop();
        return;
    }
    const auto next =
        std::min_element(m_jobs.cbegin(), m_jobs.cend(), [](const Job &a, const Job &b) { return a.dueMs < b.dueMs; });
    m_timer.start(int(std::max<qint64>(0, next->dueMs - m_clock.elapsed())));
}

void WriteRetry::runDue()
{
    const qint64 now = m_clock.elapsed();
    // Taken out first: a write or a callback may add jobs.
    std::deque<Job> due;
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->dueMs <= now) {
            due.push_back(std::move(*it));
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    for (Job &job : due) {
        if (job.write()) {
            logging::write(QtInfoMsg, u"inkwell.server.ai"_s,
                           u"%1 written at attempt %2"_s.arg(job.what).arg(job.attempts + 1));
            if (job.settled)
                job.settled(true);
            continue;
        }
        ++job.attempts;
        if (job.attempts >= m_policy.maxAttempts) {
            logging::write(QtCriticalMsg, u"inkwell.server.ai"_s,
                           u"%1 could not be written after %2 attempts; given up"_s.arg(job.what).arg(job.attempts));
            if (job.settled)
                job.settled(false);
            continue;
        }
        job.dueMs = m_clock.elapsed() + delayAfter(job.attempts);
        m_jobs.push_back(std::move(job));
    }
    schedule();
}

PendingUsage &PendingUsage::instance()
{
    static PendingUsage pending;
    return pending;
}

void PendingUsage::add(const QUuid &user, QDate day, qint64 tokens)
{
    QMutexLocker lock(&m_mutex);
    m_tokens[{user, day.toJulianDay()}] += tokens;
}

void PendingUsage::remove(const QUuid &user, QDate day, qint64 tokens)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_tokens.find({user, day.toJulianDay()});
    if (it == m_tokens.end())
        return;
    it->second -= tokens;
    if (it->second <= 0)
        m_tokens.erase(it);
}

qint64 PendingUsage::tokens(const QUuid &user, QDate day) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_tokens.find({user, day.toJulianDay()});
    return it == m_tokens.end() ? 0 : it->second;
}

} // namespace inkwell::server::ai
