#pragma once

#include "db/sqlstore.h"

namespace inkwell::server {

/// @brief What one housekeeping pass deleted.
struct HousekeepingReport {
    bool ran = false;      ///< false when another instance held the housekeeping lock
    int refreshTokens = 0; ///< expired refresh tokens
    int throttleRows = 0;  ///< login throttle rows that block nothing and count no recent failure
    int aiRateRows = 0;    ///< AI rate windows older than an hour
    int outboxRows = 0;    ///< events processed more than the retention ago
    int articles = 0;      ///< articles deleted more than 30 days ago
};

/// @brief The deletions of housekeeping, in one transaction under a transaction-level advisory lock,
/// so that one instance at a time does them (a second one finds the lock taken and skips the pass;
/// the lock goes with the transaction, also when its session dies).
class HousekeepingStore : public SqlStore {
public:
    /// @brief The advisory lock key the pass takes (pg_try_advisory_xact_lock).
    static constexpr qint64 kLockKey = 0x696e6b77656c6c01; // "inkwell" + 1

    explicit HousekeepingStore(ThreadDatabase &db);

    /// @brief One pass: deletes what is no longer needed, or nothing when another instance is at it.
    Result<HousekeepingReport> runOnce(int outboxRetentionDays);
};

/// @brief Where the change feed stands with its purges, as seen from one feed position.
struct FeedHorizon {
    qint64 purges = 0;        ///< how many purges have taken tombstones out of the feed so far
    bool beforePurge = false; ///< the position lies before the last purged tombstone
};

/// @brief The change feed's purge horizon (see 0009_housekeeping.sql).
class FeedHorizonStore : public SqlStore {
public:
    explicit FeedHorizonStore(ThreadDatabase &db);
    /// @brief The purge count, and whether the feed position (xid, id) lies before the last purged tombstone.
    Result<FeedHorizon> at(qint64 xid, const QUuid &id);
};

} // namespace inkwell::server
