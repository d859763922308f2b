#pragma once

#include "db/sqlstore.h"
#include "db/threaddatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QUuid>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace inkwell::server {

/// @brief A position in PostgreSQL's write-ahead log (a `pg_lsn`) as one number; 0 is "none".
using WalPosition = quint64;

/// @brief Parses `pg_lsn` text ("16/B374D848"); std::nullopt for anything else.
std::optional<WalPosition> parseWalPosition(QStringView text);
/// @brief The `pg_lsn` text of `position`.
QString formatWalPosition(WalPosition position);

/// @brief The NOTIFY channel on which an instance tells the others that a user's write is committed at or
/// before a WAL position (payload: `<user id> <pg_lsn>`), so that reads of that user through any instance
/// wait for the replica to replay it.
inline const QString kWritePositionsChannel = QStringLiteral("inkwell_write_positions");

/**
 * @brief Where list and search reads of one instance go when INKWELL_DATABASE_REPLICA_URL is set; shared by
 * every listener thread.
 *
 * Read-your-own-writes: after a user's article write commits, the primary's WAL insert position is noted for
 * that user (noteWrite(), on this instance directly and on the others through kWritePositionsChannel). A read
 * of that user goes to the primary until the replica's replay position has passed it; everyone else reads the
 * replica. The replay position is polled with `pg_last_wal_replay_lsn()` only when a read needs a newer one
 * than known, and at most once per `replayPollMs` for the whole instance.
 *
 * Shared caches (published lists and search hits) take a replica result only when the replica had replayed
 * every write this instance knows of (currentForEveryone()), so a stale page is never kept for everyone.
 *
 * A replica that cannot be reached, fails a query, or is no standby, is left alone for `retryMs` and its
 * reads go to the primary; the outage and the recovery are logged once each.
 */
class ReplicaRouting {
public:
    struct Options {
        qint64 replayPollMs = 5;
        qint64 retryMs = 1000;
    };
    explicit ReplicaRouting(ConnectionParams replica, Options options);
    explicit ReplicaRouting(ConnectionParams replica)
        : ReplicaRouting(std::move(replica), Options{})
    {
    }

    /// @brief The replica's connection parameters (a connect timeout is added when the URL sets none:
    /// an unreachable replica must not hold a request for longer than that).
    const ConnectionParams &params() const { return m_params; }

    /// @brief A write of `user` committed at or before `position`.
    void noteWrite(const QUuid &user, WalPosition position);
    /// @brief noteWrite() from a kWritePositionsChannel payload; false when it is not one.
    bool noteWritePayload(const QString &payload);
    /// @brief The kWritePositionsChannel payload of a write.
    static QString payload(const QUuid &user, WalPosition position);

    /// @brief When set, tells whether other instances' kWritePositionsChannel notifications arrive right now;
    /// while they do not, signed-in users read from the primary (their writes elsewhere would be unknown).
    void setLiveWrites(std::function<bool()> live) { m_live = std::move(live); }
    /// @brief Notifications may have been missed (the LISTEN connection came back): until a listener thread has
    /// fetched the primary's position (setBarrier()), signed-in users read from the primary; then until the
    /// replica has replayed that position.
    void resync() { m_barrierNeeded = true; }
    bool barrierNeeded() const { return m_barrierNeeded.load(); }
    void setBarrier(WalPosition position);

    /// @brief The WAL position the replica must have replayed before `user` (std::nullopt: anonymous) may read
    /// from it, or std::nullopt when that user must read the primary whatever the replica says.
    std::optional<WalPosition> requiredFor(const std::optional<QUuid> &user) const;
    /// @brief The newest write this instance knows of (its own and announced ones).
    WalPosition lastWrite() const { return m_lastWrite.load(); }
    /// @brief Whether a read that began when the replica had replayed `replayed` saw every write known now.
    bool currentForEveryone(WalPosition replayed) const { return replayed >= lastWrite(); }

    /// @brief The last replay position read from the replica (0: none yet).
    WalPosition replayed() const { return m_replayed.load(); }
    /// @brief Whether the caller should poll the replay position now (one poller per period per instance).
    bool claimPoll();
    void setReplayed(WalPosition position);

    /// @brief Whether the replica is to be tried (false while backing off after a failure).
    bool available() const;
    /// @brief The replica failed (`why` is logged once per outage); its reads go to the primary for a while.
    void markDown(const QString &why);
    /// @brief A replica query succeeded (logs the recovery after an outage).
    void markUp();

    /// @brief Reads served by the replica and by the primary (also the fallbacks), for logs and tests.
    qint64 replicaReads() const { return m_replicaReads.load(); }
    qint64 primaryReads() const { return m_primaryReads.load(); }
    void countRead(bool onReplica) { (onReplica ? m_replicaReads : m_primaryReads) += 1; }

private:
    ConnectionParams m_params;
    Options m_options;
    QElapsedTimer m_clock;
    std::function<bool()> m_live;
    mutable QMutex m_lock;
    QHash<QUuid, WalPosition> m_userWrites; ///< by m_lock
    std::atomic<WalPosition> m_lastWrite{0};
    std::atomic<WalPosition> m_barrier{0};
    std::atomic<bool> m_barrierNeeded{false};
    std::atomic<WalPosition> m_replayed{0};
    std::atomic<qint64> m_polledAt{-1000000};
    std::atomic<qint64> m_downUntil{-1};
    std::atomic<bool> m_down{false};
    std::atomic<qint64> m_replicaReads{0};
    std::atomic<qint64> m_primaryReads{0};
};

/**
 * @brief One listener thread's side of ReplicaRouting: its own replica connection (opened lazily, reopened
 * after a failure, as ThreadDatabase does for the primary) and the choice for one read.
 */
class ReplicaReader {
public:
    ReplicaReader(std::shared_ptr<ReplicaRouting> routing, const QString &connectionName);

    /// @brief The choice for one read: the replica (with the replay position it had at least), or the primary.
    struct Plan {
        bool replica = false;
        WalPosition replayed = 0;
    };
    /// @brief Where a read of `user` (std::nullopt: anonymous) goes. `shared`: its result may be kept for
    /// everyone, so a replay position that covers every known write is worth polling for.
    Plan plan(const std::optional<QUuid> &user, bool shared);
    /// @brief A replica read failed: the connection is closed and the replica left alone for a while.
    void failed(const QString &why);
    /// @brief A replica read succeeded.
    void succeeded() { m_routing->markUp(); }

    ThreadDatabase &database() { return m_db; }
    ReplicaRouting &routing() { return *m_routing; }

private:
    std::shared_ptr<ReplicaRouting> m_routing;
    ThreadDatabase m_db;
    QString m_connectionName;
};

/// @brief The primary's WAL insert position now, on a short-lived connection of the calling thread.
std::expected<WalPosition, QString> readPrimaryPosition(const ConnectionParams &primary);

/// @brief The primary's side: announces a committed write of a user and returns its WAL position.
class WritePositionStore : public SqlStore {
public:
    explicit WritePositionStore(ThreadDatabase &db);
    /// @brief The primary's WAL insert position now, right after the caller's commit (so at or past its commit
    /// record), announced on kWritePositionsChannel with `user`.
    Result<WalPosition> announce(const QUuid &user);
    /// @brief The primary's WAL insert position now.
    Result<WalPosition> current();
};

} // namespace inkwell::server
