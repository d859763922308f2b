#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace inkwell::server {

/// @brief The threads that hash and verify passwords. Argon2id takes tens of milliseconds and 64 MiB
/// by design; run on a listener thread it would stall every connection of that thread, so it runs
/// here and the result is handed back to the listener thread that asked.
class PasswordWorkers {
public:
    /// `threads` ≤ 0: one per core (at least two). Each running hash holds its memory cost.
    explicit PasswordWorkers(int threads = 0);
    ~PasswordWorkers();

    /// @brief Runs `work()` on a worker, then `done(result)` on the thread of `context` (which must
    /// outlive the call: waitForDone() before it is destroyed).
    template <typename Work, typename Done>
    void run(QObject *context, Work work, Done done)
    {
        m_pool.start([context, work = std::move(work), done = std::move(done)]() {
            lowerThreadPriority();
            auto result = std::make_shared<decltype(work())>(work());
            QMetaObject::invokeMethod(context, [done, result]() { done(std::move(*result)); }, Qt::QueuedConnection);
        });
    }

    /// @brief Waits until every queued job has run (shutdown, before listeners are destroyed).
    void waitForDone() { m_pool.waitForDone(); }
    int threads() const { return m_pool.maxThreadCount(); }

private:
    /// Hashing yields the CPU to the listener threads (nice 10 for this thread, once), so requests
    /// keep being served while every core is busy hashing.
    static void lowerThreadPriority();

    QThreadPool m_pool;
};

} // namespace inkwell::server
