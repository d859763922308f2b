#pragma once

#include <QDate>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QUuid>
#include <deque>
#include <functional>
#include <map>

namespace inkwell::server::ai {

/**
 * @brief Database writes that must not be lost to a passing failure (PostgreSQL restarting, a lock
 * timeout, a trigger that refuses for a while): each is tried again on this thread's event loop,
 * off the request path, with exponential backoff.
 *
 * Bounded: after Policy::maxAttempts a write is given up (its `settled` callback learns so; the log
 * says what was lost). Lives in, and is driven by, the thread that created it; what is still pending
 * when it is destroyed is logged as lost (the thread's database connection may be gone by then).
 */
/// @brief How WriteRetry spaces and bounds its attempts.
struct WriteRetryPolicy {
    int firstDelayMs = 250; ///< the first retry; each next one waits twice as long
    int maxDelayMs = 30000;
    int maxAttempts = 16; ///< about 6 minutes of retrying with the defaults
};

class WriteRetry : public QObject {
    Q_OBJECT
public:
    using Policy = WriteRetryPolicy;

    explicit WriteRetry(Policy policy = {}, QObject *parent = nullptr);
    ~WriteRetry() override;

    /**
     * @brief Keeps `write` (whose first attempt just failed) and tries it again later until it returns
     * true. `settled(true)` follows the attempt that succeeded, `settled(false)` the last one given up.
     * `what` names it in the log (no user data).
     */
    void retryLater(QString what, std::function<bool()> write, std::function<void(bool written)> settled = {});
    /// @brief Writes waiting for their next attempt.
    int pending() const { return int(m_jobs.size()); }

private:
    struct Job {
        QString what;
        std::function<bool()> write;
        std::function<void(bool)> settled;
        int attempts = 1;
        qint64 dueMs = 0; ///< on m_clock
    };
    void runDue();
    void schedule();
    int delayAfter(int attempts) const;

    Policy m_policy;
    std::deque<Job> m_jobs;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

/**
 * @brief AI usage whose write failed and is being retried (or was given up), by user and UTC day:
 * what the quota adds to the stored numbers, so that a write that fails never lets a user past the
 * daily quota. Process-wide and thread-safe (the listener threads share it), like the limits in
 * PostgreSQL are shared; an amount leaves it when its row is written.
 */
class PendingUsage {
public:
    static PendingUsage &instance();

    void add(const QUuid &user, QDate day, qint64 tokens);
    void remove(const QUuid &user, QDate day, qint64 tokens);
    /// @brief Tokens of `user` on `day` not yet in the database.
    qint64 tokens(const QUuid &user, QDate day) const;

private:
    mutable QMutex m_mutex;
    std::map<std::pair<QUuid, qint64>, qint64> m_tokens; ///< (user, Julian day) → tokens
};

} // namespace inkwell::server::ai
