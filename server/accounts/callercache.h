#pragma once

#include "accounts/accountstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QReadWriteLock>
#include <QUuid>
#include <optional>

namespace inkwell::server {

/// @brief Who each live session belongs to, as the database had it at most `ttlMs` ago, shared by
/// the listener threads of one instance: an authenticated request needs no query of its own.
///
/// Consistency: every change on this instance that ends sessions or changes a user (logout,
/// refresh-token reuse, password change, role change, deactivation, profile edit) drops that user's
/// entries before it answers, so it takes effect at once here; on other instances within `ttlMs`
/// (one second by default).
class CallerCache {
public:
    explicit CallerCache(qint64 ttlMs = 1000, int capacity = 50000);

    std::optional<StoredUser> get(const QUuid &sessionId, const QUuid &userId) const;
    qint64 now() const { return m_clock.elapsed(); }
    /// @brief Keeps what the database said at `readAt`, unless the user changed since.
    void put(const QUuid &sessionId, StoredUser account, qint64 readAt);
    void invalidateUser(const QUuid &userId);

private:
    struct Entry {
        StoredUser account;
        qint64 loadedAtMs = 0;
    };
    qint64 m_ttlMs;
    int m_capacity;
    QElapsedTimer m_clock;
    mutable QReadWriteLock m_lock;
    QHash<QUuid, Entry> m_bySession;
    QHash<QUuid, qint64> m_userChangedAt;
};

struct ServiceContext;

/// @brief The server's one caller cache (made on first use; the accounts module owns it).
std::shared_ptr<CallerCache> callerCache(const ServiceContext &context);

} // namespace inkwell::server
