#pragma once

#include "articles/lrumap.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QReadWriteLock>
#include <QString>
#include <QUuid>
#include <functional>
#include <memory>
#include <optional>

namespace inkwell::server {

/// @brief Every article write NOTIFYs this channel (payload: the article id) at commit.
inline const QString kArticlesChannel = QStringLiteral("inkwell_articles");

/// @brief Published articles as answered (the JSON bytes), shared by every listener thread of one
/// instance, within a memory budget.
///
/// Capacity: the entries' estimated memory (entryCost()) stays within the budget; to make room, the least
/// recently used entries are evicted one by one. The entries are spread over shards by id, each with its
/// own lock, use order and an equal part of the budget, so that reads on many threads rarely wait for one
/// another; a small budget (under 16 MiB a shard) has fewer shards, down to one (an exact LRU). An entry
/// that costs more than a shard's budget is not kept.
///
/// Consistency: a write on this instance removes the article before it answers, so the writer
/// reads its own write. Another instance's write is seen within `ttlMs` (one second by default):
/// an entry older than that is used only after the database confirms its revision (a one-row
/// lookup, much cheaper than reading and rendering the article again).
class ArticleCache {
public:
    struct Entry {
        QByteArray json;
        int revision = 0;
        QUuid id;
        QUuid authorId;
        QString authorName;
        QString slug;
        qint64 views = 0;
        bool fresh = true; ///< younger than the time to live; an older one must be revalidated before use
    };

    /// @brief Counts and sizes, summed over the shards (each shard's own are consistent).
    struct Stats {
        qint64 hits = 0;
        qint64 misses = 0;
        qint64 evictions = 0;
        qint64 bytes = 0; ///< the entries' estimated memory now (entryCost() summed)
        qint64 entries = 0;
        qint64 budget = 0;        ///< the most `bytes` may be
        qint64 databaseReads = 0; ///< article reads that went to the database (countDatabaseRead())
        qint64 revalidations = 0; ///< one-row revision checks of old entries (countRevalidation())
    };

    /// @brief What one entry adds besides its text: the list node and the entry's members, the two hash
    /// slots (by id, by slug) at their load factor, the heap headers of the JSON and the strings, and
    /// the allocator's own overhead. Measured: reading 1,580 articles of the benchmark's seed
    /// (seed-data.py, 10.9 KB of JSON each on average) into the cache grew inkwelld's resident memory
    /// by 12.1 KB an article; counted with this overhead, 12.0 KB.
    static constexpr qint64 kEntryOverheadBytes = 1024;
    /// @brief A shard holds at least this much budget (smaller budgets have fewer shards).
    static constexpr qint64 kMinShardBytes = qint64(16) << 20;
    static constexpr int kMaxShards = 16;

    explicit ArticleCache(qint64 budgetBytes = qint64(448) << 20, qint64 ttlMs = 1000);
    ~ArticleCache();
    ArticleCache(const ArticleCache &) = delete;
    ArticleCache &operator=(const ArticleCache &) = delete;

    /// @brief The estimated memory of `entry` in the cache: its JSON bytes, its strings (UTF-16), as
    /// allocated, and kEntryOverheadBytes.
    static qint64 entryCost(const Entry &entry);

    /// @brief While `live()` says so, other instances' writes arrive as remove() calls (NOTIFY on
    /// kArticlesChannel), and entries need no revalidation however old they are. When it says no
    /// (the LISTEN connection is down), the one-second revalidation applies again; clear() when it
    /// is back, since what was missed meanwhile is unknown.
    void setLiveInvalidation(std::function<bool()> live) { m_live = std::move(live); }
    void clear();

    /// @brief The entry, fresh or not (see Entry::fresh); it becomes the most recently used.
    std::optional<Entry> byId(const QUuid &id) const;
    std::optional<Entry> bySlug(const QString &slug) const;
    /// @brief Marks an entry fresh again after the database confirmed it (same revision) at `readAt`.
    void confirm(const QUuid &id, qint64 readAt);
    /// @brief The cache's clock: take it before reading the database, and hand it to put().
    qint64 now() const { return m_clock.elapsed(); }
    /// @brief Keeps `entry`, read from the database at `readAt`, unless the article was removed
    /// after that (a write on another thread raced the read: its result would be stale).
    void put(Entry entry, qint64 readAt);
    void remove(const QUuid &id);

    /// @brief For /metrics: the reader read an article from the database (a miss, or an article the
    /// cache does not keep), or checked an old entry's revision there.
    void countDatabaseRead() { m_databaseReads.fetchAndAddRelaxed(1); }
    void countRevalidation() { m_revalidations.fetchAndAddRelaxed(1); }

    qint64 hits() const { return stats().hits; }
    qint64 misses() const { return stats().misses; }
    qint64 budget() const { return m_budget; }
    Stats stats() const;

private:
    struct Stored {
        Entry entry;
        qint64 loadedAtMs = 0;
    };
    struct Shard;
    struct SlugShard;
    Shard &shardOf(const QUuid &id) const;
    SlugShard &slugShardOf(const QString &slug) const;
    /// The entry as a hit answers it (the shard is locked); nullptr counts a miss.
    std::optional<Entry> hit(Shard &shard, Stored *stored) const;
    /// Removes `id`'s entry of `shard` (locked) and its slug, if the slug still names it.
    void drop(Shard &shard, const QUuid &id) const;
    void unlinkSlug(const QString &slug, const QUuid &id) const;

    qint64 m_budget;
    qint64 m_ttlMs;
    int m_shardCount;
    std::function<bool()> m_live;
    QElapsedTimer m_clock;
    std::unique_ptr<Shard[]> m_shards;
    std::unique_ptr<SlugShard[]> m_slugShards;
    QAtomicInteger<qint64> m_databaseReads;
    QAtomicInteger<qint64> m_revalidations;
};

/// @brief Published search results by query and limit, shared by the listener threads of one
/// instance. Every article write on this instance empties it; entries live at most `ttlMs`, which
/// bounds how long another instance's write stays unseen.
///
/// Capacity: the entries' estimated memory (entryCost()) stays within a budget; to make room, the oldest
/// entries are evicted one by one (by when they were kept, which is also the order in which they expire).
///
/// One computation per key at a time (lookup()): requests that miss a key while another request computes it
/// wait for that result instead of running the same query, so that a cold term asked by many clients at once
/// costs one query.
class SearchCache {
public:
    /// @brief What one entry adds besides its results: the list node, the hash slot and the heap headers.
    static constexpr qint64 kEntryOverheadBytes = 256;

    class Turn;
    struct Flight;
    /// @brief What lookup() found: the items (kept, or just computed by another request), or else `turn`: compute
    /// them (from a read that starts now) and hand them to it.
    struct Lookup;

    /// @brief Counts for /metrics, of lookup() and kept() (get() counts nothing).
    struct Stats {
        qint64 hits = 0;          ///< kept items
        qint64 shared = 0;        ///< items another request computed while this one waited
        qint64 databaseReads = 0; ///< lookups that had to compute (each runs the query)
        qint64 timeouts = 0;      ///< waits that gave up on the computing request and computed themselves
        qint64 waiting = 0;       ///< requests waiting for another's computation now
    };

    /// @brief `waitMs`: the longest a request waits for another's computation before it computes on its own.
    explicit SearchCache(qint64 budgetBytes = qint64(32) << 20, qint64 ttlMs = 1000, qint64 liveTtlMs = 300000,
                         int waitMs = 5000);
    ~SearchCache();

    /// @brief `key`'s items when kept; else, when another request computes them now, waits for its result (up to
    /// the wait bound); else the turn to compute them.
    Lookup lookup(const QString &key);
    /// @brief `key`'s items when kept (counted as a hit), without waiting or taking a turn: a listener's look
    /// before it hands a search to a worker.
    std::optional<QJsonArray> kept(const QString &key);
    /// @brief As kept(), the answer written as JSON when it was kept with one.
    std::optional<QByteArray> keptRendered(const QString &key);
    Stats stats() const;
    /// @brief The estimated memory of an entry: the key (UTF-16), twice the compact JSON of `items` (a
    /// QJsonArray keeps elements of 16 bytes and strings in Latin-1 or UTF-16, about twice its JSON) and
    /// kEntryOverheadBytes.
    static qint64 entryCost(const QString &key, const QJsonArray &items);
    /// @brief As ArticleCache: while writes arrive by NOTIFY (clear() on each), entries live `liveTtlMs`.
    void setLiveInvalidation(std::function<bool()> live) { m_live = std::move(live); }
    std::optional<QJsonArray> get(const QString &key) const;
    qint64 now() const { return m_clock.elapsed(); }
    /// @brief Keeps `items`, computed from a read that started at `readAt`, unless a write came since; with
    /// `rendered`, the answer they make written as JSON too (getRendered()).
    void put(const QString &key, QJsonArray items, qint64 readAt, QByteArray rendered = {});
    /// @brief An answer kept already written as JSON (put()'s `rendered`), so that a hit is not serialized again.
    std::optional<QByteArray> getRendered(const QString &key) const;
    void clear();

    qint64 bytes() const;
    qint64 budget() const { return m_budget; }
    qint64 evictions() const { return m_evictions.loadRelaxed(); }

private:
    struct Stored {
        QJsonArray items;
        qint64 readAt = 0;
        QByteArray rendered; ///< the answer's JSON, when put() was given it
    };
    /// The entry of `key` while it is fresh.
    const Stored *fresh(const QString &key) const;
    /// The computing request's result (std::nullopt: none to share) for the requests waiting on `flight`.
    void land(const QString &key, const std::shared_ptr<Flight> &flight, std::optional<QJsonArray> items);

    qint64 m_budget;
    qint64 m_ttlMs;
    qint64 m_liveTtlMs;
    int m_waitMs;
    QMutex m_flightsLock;
    QHash<QString, std::shared_ptr<Flight>> m_flights; ///< keys being computed now; clear() forgets them
    QAtomicInteger<qint64> m_hits;
    QAtomicInteger<qint64> m_shared;
    QAtomicInteger<qint64> m_databaseReads;
    QAtomicInteger<qint64> m_timeouts;
    QAtomicInteger<qint64> m_waiting;
    std::function<bool()> m_live;
    QElapsedTimer m_clock;
    mutable QReadWriteLock m_lock;
    LruMap<QString, Stored> m_entries; ///< only put() changes the order: the oldest is evicted first
    qint64 m_clearedAt = -1;
    QAtomicInteger<qint64> m_evictions;
};

/// @brief The turn to compute a key that lookup() handed to one request: keep() hands the result to the cache and to
/// the requests waiting for it. A turn given up (destroyed without keep(), e.g. when the query failed) lets them
/// compute on their own.
class SearchCache::Turn {
public:
    Turn() = default;
    Turn(Turn &&other) noexcept;
    Turn &operator=(Turn &&other) noexcept;
    Turn(const Turn &) = delete;
    Turn &operator=(const Turn &) = delete;
    ~Turn();

    /// @brief When the read began (for put()).
    qint64 readAt() const { return m_readAt; }
    /// @brief Keeps `items` (unless a write came since the read began, see put()), with the answer they make as
    /// JSON when given, and answers the waiting requests with them.
    void keep(const QJsonArray &items, QByteArray rendered = {});
    /// @brief The result is not for everyone (or there is none): the waiting requests compute on their own.
    void giveUp();

private:
    friend class SearchCache;
    Turn(SearchCache *cache, QString key, std::shared_ptr<Flight> flight, qint64 readAt);

    SearchCache *m_cache = nullptr;
    QString m_key;
    std::shared_ptr<Flight> m_flight; ///< null when no request can be waiting (a computation of one's own)
    qint64 m_readAt = 0;
};

struct SearchCache::Lookup {
    std::optional<QJsonArray> items;
    Turn turn; ///< when `items` is empty
};

} // namespace inkwell::server
