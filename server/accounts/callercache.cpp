#include "callercache.h"

#include "http/listener.h"

namespace inkwell::server {

CallerCache::CallerCache(qint64 ttlMs, int capacity)
    : m_ttlMs(ttlMs)
    , m_capacity(capacity)
{
    m_clock.start();
}

std::optional<StoredUser> CallerCache::get(const QUuid &sessionId, const QUuid &userId) const
{
    if (m_ttlMs <= 0)
        return std::nullopt;
    QReadLocker locker(&m_lock);
    const auto it = m_bySession.constFind(sessionId);
    if (it == m_bySession.cend() || it->account.user.id != userId || m_clock.elapsed() - it->loadedAtMs > m_ttlMs)
        return std::nullopt;
    if (const auto changed = m_userChangedAt.constFind(userId);
        changed != m_userChangedAt.cend() && *changed >= it->loadedAtMs)
        return std::nullopt;
    return it->account;
}

void CallerCache::put(const QUuid &sessionId, StoredUser account, qint64 readAt)
{
    if (m_ttlMs <= 0)
        return;
    QWriteLocker locker(&m_lock);
    if (const auto changed = m_userChangedAt.constFind(account.user.id);
        changed != m_userChangedAt.cend() && *changed >= readAt)
        return;
    if (m_bySession.size() >= m_capacity)
        m_bySession.clear(); // entries live a second: starting over costs one query per session
    m_bySession.insert(sessionId, Entry{std::move(account), readAt});
}

void CallerCache::invalidateUser(const QUuid &userId)
{
    QWriteLocker locker(&m_lock);
    const qint64 now = m_clock.elapsed();
    if (m_userChangedAt.size() > m_capacity) {
        for (auto it = m_userChangedAt.begin(); it != m_userChangedAt.end();)
            it = now - *it > 10 * m_ttlMs ? m_userChangedAt.erase(it) : std::next(it);
    }
    m_userChangedAt.insert(userId, now);
}

std::shared_ptr<CallerCache> callerCache(const ServiceContext &context)
{
    return context.shared.get<CallerCache>([] { return std::make_shared<CallerCache>(); });
}

} // namespace inkwell::server
