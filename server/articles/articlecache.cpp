#include "articlecache.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QWaitCondition>
#include <algorithm>
#include <utility>

namespace inkwell::server {

namespace {

/// Removals are remembered (against racing reads) at least this long; pruned only above this many.
constexpr qsizetype kRemovalsBeforePruning = 1024;

} // namespace

// A cache line each: the listener threads lock different shards without sharing one.
struct alignas(64) ArticleCache::Shard {
    QMutex mutex;
    LruMap<QUuid, Stored> entries;
    QHash<QUuid, qint64> removedAt; ///< recent removals, so a racing read cannot put back a stale entry
    qint64 prunedAt = 0;
    qint64 hits = 0;
    qint64 misses = 0;
    qint64 evictions = 0;
};

/// Slug → id, sharded by slug. Only a hint: bySlug() checks the entry's own slug, so an index that lags
/// behind (it is updated after the entry, under another lock) can only cause a miss.
struct alignas(64) ArticleCache::SlugShard {
    QMutex mutex;
    QHash<QString, QUuid> ids;
    qint64 misses = 0;
};

ArticleCache::ArticleCache(qint64 budgetBytes, qint64 ttlMs)
    : m_budget(std::max<qint64>(0, budgetBytes))
    , m_ttlMs(ttlMs)
    , m_shardCount(int(std::clamp<qint64>(m_budget / kMinShardBytes, 1, kMaxShards)))
    , m_shards(new Shard[size_t(m_shardCount)])
    , m_slugShards(new SlugShard[size_t(m_shardCount)])
{
    m_clock.start();
}

ArticleCache::~ArticleCache() = default;

qint64 ArticleCache::entryCost(const Entry &entry)
{
    // What is allocated, not what is used (put() trims the JSON). The slug kept by the slug index shares
    // the entry's string (implicit sharing): counted once.
    return std::max(entry.json.size(), entry.json.capacity()) +
           2 * (std::max(entry.authorName.size(), entry.authorName.capacity()) +
                std::max(entry.slug.size(), entry.slug.capacity())) +
           kEntryOverheadBytes;
}

ArticleCache::Shard &ArticleCache::shardOf(const QUuid &id) const
{
    return m_shards[qHash(id) % size_t(m_shardCount)];
}

ArticleCache::SlugShard &ArticleCache::slugShardOf(const QString &slug) const
{
    return m_slugShards[qHash(slug) % size_t(m_shardCount)];
}

std::optional<ArticleCache::Entry> ArticleCache::hit(Shard &shard, Stored *stored) const
{
    if (!stored) {
        ++shard.misses;
        return std::nullopt;
    }
    ++shard.hits;
    Entry entry = stored->entry;
    entry.fresh = m_clock.elapsed() - stored->loadedAtMs <= m_ttlMs;
    return entry;
}

void ArticleCache::unlinkSlug(const QString &slug, const QUuid &id) const
{
    SlugShard &slugs = slugShardOf(slug);
    QMutexLocker locker(&slugs.mutex);
    if (const auto it = slugs.ids.constFind(slug); it != slugs.ids.cend() && *it == id)
        slugs.ids.erase(it);
}

void ArticleCache::drop(Shard &shard, const QUuid &id) const
{
    if (const auto old = shard.entries.take(id))
        unlinkSlug(old->value.entry.slug, id);
}

void ArticleCache::confirm(const QUuid &id, qint64 readAt)
{
    Shard &shard = shardOf(id);
    QMutexLocker locker(&shard.mutex);
    if (const auto removed = shard.removedAt.constFind(id); removed != shard.removedAt.cend() && *removed >= readAt)
        return;
    if (Stored *stored = shard.entries.peek(id))
        stored->loadedAtMs = std::max(stored->loadedAtMs, readAt);
}

std::optional<ArticleCache::Entry> ArticleCache::byId(const QUuid &id) const
{
    std::optional<Entry> entry;
    {
        Shard &shard = shardOf(id);
        QMutexLocker locker(&shard.mutex);
        entry = hit(shard, shard.entries.use(id));
    }
    // Outside the lock: asks the notifier.
    if (entry && !entry->fresh && m_live && m_live())
        entry->fresh = true;
    return entry;
}

std::optional<ArticleCache::Entry> ArticleCache::bySlug(const QString &slug) const
{
    QUuid id;
    {
        SlugShard &slugs = slugShardOf(slug);
        QMutexLocker locker(&slugs.mutex);
        const auto it = slugs.ids.constFind(slug);
        if (it == slugs.ids.cend()) {
            ++slugs.misses;
            return std::nullopt;
        }
        id = *it;
    }
    std::optional<Entry> entry;
    {
        Shard &shard = shardOf(id);
        QMutexLocker locker(&shard.mutex);
        const Stored *stored = shard.entries.peek(id);
        // The index may lag behind a rename: the entry's own slug decides.
        entry = hit(shard, stored && stored->entry.slug == slug ? shard.entries.use(id) : nullptr);
    }
    if (entry && !entry->fresh && m_live && m_live())
        entry->fresh = true;
    return entry;
}

void ArticleCache::put(Entry entry, qint64 readAt)
{
    // Outside the lock. The rendered JSON grew while it was written (its capacity is up to half again
    // its size): the cache keeps an exact copy (the answer in flight keeps the other until it is sent).
    entry.json.squeeze();
    const qint64 cost = entryCost(entry);
    Shard &shard = shardOf(entry.id);
    QMutexLocker locker(&shard.mutex);
    if (const auto removed = shard.removedAt.constFind(entry.id);
        removed != shard.removedAt.cend() && *removed >= readAt)
        return;
    const QUuid id = entry.id;
    const QString slug = entry.slug;
    if (const auto old = shard.entries.take(id); old && old->value.entry.slug != slug)
        unlinkSlug(old->value.entry.slug, id);
    const bool kept = shard.entries.put(id, Stored{std::move(entry), m_clock.elapsed()}, cost, m_budget / m_shardCount,
                                        [&](const auto &evicted) {
                                            ++shard.evictions;
                                            unlinkSlug(evicted.value.entry.slug, evicted.key);
                                        });
    if (!kept) {
        unlinkSlug(slug, id);
        return;
    }
    SlugShard &slugs = slugShardOf(slug);
    QMutexLocker slugLocker(&slugs.mutex);
    slugs.ids.insert(slug, id);
}

void ArticleCache::clear()
{
    for (int i = 0; i < m_shardCount; ++i) {
        Shard &shard = m_shards[size_t(i)];
        QMutexLocker locker(&shard.mutex);
        const qint64 now = m_clock.elapsed();
        // Reads in flight must not put back what they read before this.
        shard.entries.forEach([&](const auto &node) { shard.removedAt.insert(node.key, now); });
        shard.entries.clear();
    }
    for (int i = 0; i < m_shardCount; ++i) {
        SlugShard &slugs = m_slugShards[size_t(i)];
        QMutexLocker locker(&slugs.mutex);
        slugs.ids.clear();
    }
}

void ArticleCache::remove(const QUuid &id)
{
    Shard &shard = shardOf(id);
    QMutexLocker locker(&shard.mutex);
    const qint64 now = m_clock.elapsed();
    if (shard.removedAt.size() > kRemovalsBeforePruning && now - shard.prunedAt > m_ttlMs) {
        // Only removals younger than any read in flight matter; reads take milliseconds.
        shard.prunedAt = now;
        for (auto it = shard.removedAt.begin(); it != shard.removedAt.end();)
            it = now - *it > 10 * m_ttlMs ? shard.removedAt.erase(it) : std::next(it);
    }
    shard.removedAt.insert(id, now);
    drop(shard, id);
}

ArticleCache::Stats ArticleCache::stats() const
{
    Stats out;
    out.budget = m_budget;
    for (int i = 0; i < m_shardCount; ++i) {
        Shard &shard = m_shards[size_t(i)];
        QMutexLocker locker(&shard.mutex);
        out.hits += shard.hits;
        out.misses += shard.misses;
        out.evictions += shard.evictions;
        out.bytes += shard.entries.bytes();
        out.entries += shard.entries.size();
    }
    for (int i = 0; i < m_shardCount; ++i) {
        SlugShard &slugs = m_slugShards[size_t(i)];
        QMutexLocker locker(&slugs.mutex);
        out.misses += slugs.misses;
    }
    out.databaseReads = m_databaseReads.loadRelaxed();
    out.revalidations = m_revalidations.loadRelaxed();
    return out;
}

/// One key's computation in progress, and its result for the requests that wait on it.
struct SearchCache::Flight {
    QMutex mutex;
    QWaitCondition landed;
    bool done = false;
    std::optional<QJsonArray> items; ///< set when done with a result for everyone
};

SearchCache::SearchCache(qint64 budgetBytes, qint64 ttlMs, qint64 liveTtlMs, int waitMs)
    : m_budget(std::max<qint64>(0, budgetBytes))
    , m_ttlMs(ttlMs)
    , m_liveTtlMs(liveTtlMs)
    , m_waitMs(waitMs)
{
    m_clock.start();
}

SearchCache::~SearchCache() = default;

SearchCache::Lookup SearchCache::lookup(const QString &key)
{
    if (auto items = get(key)) {
        m_hits.fetchAndAddRelaxed(1);
        return {std::move(items), {}};
    }
    std::shared_ptr<Flight> flight;
    {
        QMutexLocker locker(&m_flightsLock);
        flight = m_flights.value(key);
        if (!flight) {
            // The time before the check: a result kept between get() and here is found by this second look, and
            // one kept after the check is at least as new as a read that starts now.
            const qint64 readAt = now();
            if (auto items = get(key)) {
                m_hits.fetchAndAddRelaxed(1);
                return {std::move(items), {}};
            }
            flight = std::make_shared<Flight>();
            m_flights.insert(key, flight);
            m_databaseReads.fetchAndAddRelaxed(1);
            return {std::nullopt, Turn(this, key, std::move(flight), readAt)};
        }
    }
    {
        QMutexLocker locker(&flight->mutex);
        QDeadlineTimer deadline(m_waitMs);
        m_waiting.fetchAndAddRelaxed(1);
        while (!flight->done) {
            if (!flight->landed.wait(&flight->mutex, deadline))
                break;
        }
        m_waiting.fetchAndSubRelaxed(1);
        if (flight->done && flight->items) {
            m_shared.fetchAndAddRelaxed(1);
            return {flight->items, {}};
        }
        if (!flight->done)
            m_timeouts.fetchAndAddRelaxed(1);
    }
    // Nothing to share (the computation failed, was not for everyone, or is too slow): this request's own read.
    m_databaseReads.fetchAndAddRelaxed(1);
    return {std::nullopt, Turn(this, key, nullptr, now())};
}

void SearchCache::land(const QString &key, const std::shared_ptr<Flight> &flight, std::optional<QJsonArray> items)
{
    {
        QMutexLocker locker(&m_flightsLock);
        if (const auto it = m_flights.constFind(key); it != m_flights.cend() && *it == flight)
            m_flights.erase(it);
    }
    QMutexLocker locker(&flight->mutex);
    flight->items = std::move(items);
    flight->done = true;
    flight->landed.wakeAll();
}

SearchCache::Stats SearchCache::stats() const
{
    return {m_hits.loadRelaxed(), m_shared.loadRelaxed(), m_databaseReads.loadRelaxed(), m_timeouts.loadRelaxed(),
            m_waiting.loadRelaxed()};
}

SearchCache::Turn::Turn(SearchCache *cache, QString key, std::shared_ptr<Flight> flight, qint64 readAt)
    : m_cache(cache)
    , m_key(std::move(key))
    , m_flight(std::move(flight))
    , m_readAt(readAt)
{
}

SearchCache::Turn::Turn(Turn &&other) noexcept
    : m_cache(std::exchange(other.m_cache, nullptr))
    , m_key(std::move(other.m_key))
    , m_flight(std::move(other.m_flight))
    , m_readAt(other.m_readAt)
{
}

SearchCache::Turn &SearchCache::Turn::operator=(Turn &&other) noexcept
{
    if (this != &other) {
        giveUp();
        m_cache = std::exchange(other.m_cache, nullptr);
        m_key = std::move(other.m_key);
        m_flight = std::move(other.m_flight);
        m_readAt = other.m_readAt;
    }
    return *this;
}

SearchCache::Turn::~Turn()
{
    giveUp();
}

void SearchCache::Turn::keep(const QJsonArray &items, QByteArray rendered)
{
    if (!m_cache)
        return;
    m_cache->put(m_key, items, m_readAt, std::move(rendered));
    if (m_flight)
        m_cache->land(m_key, std::exchange(m_flight, nullptr), items);
    m_cache = nullptr;
}

void SearchCache::Turn::giveUp()
{
    if (m_cache && m_flight)
        m_cache->land(m_key, std::exchange(m_flight, nullptr), std::nullopt);
    m_cache = nullptr;
}

qint64 SearchCache::entryCost(const QString &key, const QJsonArray &items)
{
    return 2 * key.size() + 2 * QJsonDocument(items).toJson(QJsonDocument::Compact).size() + kEntryOverheadBytes;
}

std::optional<QJsonArray> SearchCache::kept(const QString &key)
{
    std::optional<QJsonArray> items = get(key);
    if (items)
        m_hits.fetchAndAddRelaxed(1);
    return items;
}

const SearchCache::Stored *SearchCache::fresh(const QString &key) const
{
    const Stored *stored = m_entries.peek(key);
    const qint64 ttl = m_live && m_live() ? m_liveTtlMs : m_ttlMs;
    return stored && m_clock.elapsed() - stored->readAt <= ttl ? stored : nullptr;
}

std::optional<QByteArray> SearchCache::keptRendered(const QString &key)
{
    std::optional<QByteArray> json = getRendered(key);
    if (json)
        m_hits.fetchAndAddRelaxed(1);
    return json;
}

std::optional<QJsonArray> SearchCache::get(const QString &key) const
{
    QReadLocker locker(&m_lock);
    const Stored *stored = fresh(key);
    return stored ? std::optional<QJsonArray>(stored->items) : std::nullopt;
}

std::optional<QByteArray> SearchCache::getRendered(const QString &key) const
{
    QReadLocker locker(&m_lock);
    const Stored *stored = fresh(key);
    return stored && !stored->rendered.isEmpty() ? std::optional<QByteArray>(stored->rendered) : std::nullopt;
}

void SearchCache::put(const QString &key, QJsonArray items, qint64 readAt, QByteArray rendered)
{
    const qint64 cost = entryCost(key, items) + rendered.size(); // outside the lock: it serializes
    QWriteLocker locker(&m_lock);
    if (readAt <= m_clearedAt)
        return; // a write happened while this was computed
    m_entries.put(key, Stored{std::move(items), readAt, std::move(rendered)}, cost, m_budget,
                  [this](const auto &) { m_evictions.fetchAndAddRelaxed(1); });
}

void SearchCache::clear()
{
    {
        QWriteLocker locker(&m_lock);
        m_entries.clear();
        m_clearedAt = m_clock.elapsed();
    }
    // Requests after a write must not wait for a read that began before it: they start a computation of their
    // own. Those already waiting get the older read's result (they came while the write was in flight).
    QMutexLocker locker(&m_flightsLock);
    m_flights.clear();
}

qint64 SearchCache::bytes() const
{
    QReadLocker locker(&m_lock);
    return m_entries.bytes();
}

} // namespace inkwell::server
