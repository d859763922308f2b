#pragma once

#include "db/connectionparams.h"
#include "housekeeping/housekeepingstore.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace inkwell::server {

class HousekeeperRunner;

struct HousekeeperOptions {
    int intervalMs = 60 * 60 * 1000; ///< INKWELL_HOUSEKEEPING_INTERVAL_S
    int outboxRetentionDays = 7;     ///< processed events are kept this long (for looking into failures)
};

/// @brief The periodic clean-up of what the server no longer needs (expired refresh tokens, old login
/// throttle rows and AI rate windows, processed outbox events, articles deleted more than 30 days ago),
/// on a thread of its own with its own connection. Every instance runs one; an advisory lock lets only one
/// of them do a pass at a time (HousekeepingStore). The first pass comes one interval after start (at
/// most a minute), so that a start is not slowed down by it.
class Housekeeper : public QObject {
    Q_OBJECT
public:
    Housekeeper(ConnectionParams params, HousekeeperOptions options = {});
    ~Housekeeper() override;
    Housekeeper(const Housekeeper &) = delete;
    Housekeeper &operator=(const Housekeeper &) = delete;

    void start();
    /// @brief Waits for a pass in progress and joins the thread. Safe twice.
    void stop();

Q_SIGNALS:
    /// @brief A pass ended (emitted in the housekeeper's thread): what it deleted, or `ran` false when
    /// another instance held the lock or the database could not be reached.
    void passDone(const inkwell::server::HousekeepingReport &report);

private:
    ConnectionParams m_params;
    HousekeeperOptions m_options;
    std::unique_ptr<QThread> m_thread;
    HousekeeperRunner *m_runner = nullptr; ///< lives in m_thread
};

} // namespace inkwell::server

Q_DECLARE_METATYPE(inkwell::server::HousekeepingReport)
