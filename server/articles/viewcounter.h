#pragma once

#include "db/connectionparams.h"

#include <QHash>
#include <QMutex>
#include <QThread>
#include <QUuid>

#include <memory>

namespace inkwell::server {

/// @brief Views of published articles, counted in memory by every listener thread and written by a
/// thread of its own every `intervalMs` in one statement: a read never waits for a write, and no
/// listener thread is held up by the flush. Views counted in the last interval before a shutdown
/// are not written.
class ViewCounter {
public:
    explicit ViewCounter(ConnectionParams params, int intervalMs = 2000);
    ~ViewCounter();
    ViewCounter(const ViewCounter &) = delete;
    ViewCounter &operator=(const ViewCounter &) = delete;

    void add(const QUuid &id);
    /// @brief What is waiting to be written (taken by the flushing thread).
    QHash<QUuid, qint64> take();
    /// @brief Puts back what could not be written.
    void giveBack(const QHash<QUuid, qint64> &views);

private:
    QMutex m_mutex;
    QHash<QUuid, qint64> m_pending;
    std::unique_ptr<QThread> m_thread;
};

} // namespace inkwell::server
