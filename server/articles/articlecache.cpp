#include "articlecache.h"

namespace inkwell::server {

ArticleCache::ArticleCache(int capacity, qint64 ttlMs)
    : m_capacity(capacity)
    , m_ttlMs(ttlMs)
{
    m_clock.start();
}

std::optional<ArticleCache::Entry> ArticleCache::fresh(const Stored *stored) const
{
    if (!stored) {
        m_misses.fetchAndAddRelaxed(1);
        return std::nullopt;
    }
    m_hits.fetchAndAddRelaxed(1);
    Entry entry = stored->entry;
    entry.fresh = (m_live && m_live()) || m_clock.elapsed() - stored->loadedAtMs <= m_ttlMs;
    return entry;
}

void ArticleCache::confirm(const QUuid &id, qint64 readAt)
{
    QWriteLocker locker(&m_lock);
    if (const auto removed = m_removedAt.constFind(id); removed != m_removedAt.cend() && *removed >= readAt)
        return;
    if (const auto it = m_byId.find(id); it != m_byId.end())
        it->loadedAtMs = std::max(it->loadedAtMs, readAt);
}

std::optional<ArticleCache::Entry> ArticleCache::byId(const QUuid &id) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_byId.constFind(id);
    return fresh(it == m_byId.cend() ? nullptr : &*it);
}

std::optional<ArticleCache::Entry> ArticleCache::bySlug(const QString &slug) const
{
    QReadLocker locker(&m_lock);
    const auto slugIt = m_bySlug.constFind(slug);
    if (slugIt == m_bySlug.cend())
        return fresh(nullptr);
    const auto it = m_byId.constFind(*slugIt);
    return fresh(it == m_byId.cend() ? nullptr : &*it);
}

void ArticleCache::put(Entry entry, qint64 readAt)
{
    QWriteLocker locker(&m_lock);
    if (const auto removed = m_removedAt.constFind(entry.id); removed != m_removedAt.cend() && *removed >= readAt)
        return;
    if (m_byId.size() >= m_capacity && !m_byId.contains(entry.id)) {
        // Full: drop an arbitrary tenth. Entries live a second anyway; this only bounds memory.
        int drop = std::max(1, m_capacity / 10);
        for (auto it = m_byId.begin(); it != m_byId.end() && drop > 0; --drop) {
            m_bySlug.remove(it->entry.slug);
            it = m_byId.erase(it);
        }
    }
    if (const auto old = m_byId.constFind(entry.id); old != m_byId.cend() && old->entry.slug != entry.slug)
        m_bySlug.remove(old->entry.slug);
    m_bySlug.insert(entry.slug, entry.id);
    const QUuid id = entry.id;
    m_byId.insert(id, Stored{std::move(entry), m_clock.elapsed()});
}

void ArticleCache::clear()
{
    QWriteLocker locker(&m_lock);
    const qint64 now = m_clock.elapsed();
    // Reads in flight must not put back what they read before this.
    for (auto it = m_byId.cbegin(); it != m_byId.cend(); ++it)
        m_removedAt.insert(it.key(), now);
    m_byId.clear();
    m_bySlug.clear();
}

void ArticleCache::remove(const QUuid &id)
{
    QWriteLocker locker(&m_lock);
    const qint64 now = m_clock.elapsed();
    if (m_removedAt.size() > m_capacity) {
        // Only removals younger than any read in flight matter; reads take milliseconds.
        for (auto it = m_removedAt.begin(); it != m_removedAt.end();)
            it = now - *it > 10 * m_ttlMs ? m_removedAt.erase(it) : std::next(it);
    }
    m_removedAt.insert(id, now);
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return;
    m_bySlug.remove(it->entry.slug);
    m_byId.erase(it);
}

SearchCache::SearchCache(int capacity, qint64 ttlMs, qint64 liveTtlMs)
    : m_capacity(capacity)
    , m_ttlMs(ttlMs)
    , m_liveTtlMs(liveTtlMs)
{
    m_clock.start();
}

std::optional<QJsonArray> SearchCache::get(const QString &key) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_entries.constFind(key);
    const qint64 ttl = m_live && m_live() ? m_liveTtlMs : m_ttlMs;
    if (it == m_entries.cend() || m_clock.elapsed() - it->second > ttl)
        return std::nullopt;
    return it->first;
}

void SearchCache::put(const QString &key, QJsonArray items, qint64 readAt)
{
    QWriteLocker locker(&m_lock);
    if (readAt <= m_clearedAt)
        return; // a write happened while this was computed
    if (m_entries.size() >= m_capacity)
        m_entries.clear();
    m_entries.insert(key, {std::move(items), readAt});
}

void SearchCache::clear()
{
    QWriteLocker locker(&m_lock);
    m_entries.clear();
    m_clearedAt = m_clock.elapsed();
}

} // namespace inkwell::server
