#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QReadWriteLock>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace inkwell::server {

/// @brief Every article write NOTIFYs this channel (payload: the article id) at commit.
inline const QString kArticlesChannel = QStringLiteral("inkwell_articles");

/// @brief Published articles as answered (the JSON bytes), shared by every listener thread of one
/// instance.
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

    explicit ArticleCache(int capacity = 20000, qint64 ttlMs = 1000);

    /// @brief While `live()` says so, other instances' writes arrive as remove() calls (NOTIFY on
    /// kArticlesChannel), and entries need no revalidation however old they are. When it says no
    /// (the LISTEN connection is down), the one-second revalidation applies again; clear() when it
    /// is back, since what was missed meanwhile is unknown.
    void setLiveInvalidation(std::function<bool()> live) { m_live = std::move(live); }
    void clear();

    /// @brief The entry, fresh or not (see Entry::fresh).
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

    qint64 hits() const { return m_hits.loadRelaxed(); }
    qint64 misses() const { return m_misses.loadRelaxed(); }

private:
    struct Stored {
        Entry entry;
        qint64 loadedAtMs = 0;
    };
    std::optional<Entry> fresh(const Stored *stored) const;

    int m_capacity;
    qint64 m_ttlMs;
    std::function<bool()> m_live;
    QElapsedTimer m_clock;
    mutable QReadWriteLock m_lock;
    QHash<QUuid, Stored> m_byId;
    QHash<QString, QUuid> m_bySlug;
    QHash<QUuid, qint64> m_removedAt; ///< recent removals, so a racing read cannot put back a stale entry
    mutable QAtomicInteger<qint64> m_hits;
    mutable QAtomicInteger<qint64> m_misses;
};

/// @brief Published search results by query and limit, shared by the listener threads of one
/// instance. Every article write on this instance empties it; entries live at most `ttlMs`, which
/// bounds how long another instance's write stays unseen.
class SearchCache {
public:
    explicit SearchCache(int capacity = 2000, qint64 ttlMs = 1000, qint64 liveTtlMs = 300000);
    /// @brief As ArticleCache: while writes arrive by NOTIFY (clear() on each), entries live `liveTtlMs`.
    void setLiveInvalidation(std::function<bool()> live) { m_live = std::move(live); }
    std::optional<QJsonArray> get(const QString &key) const;
    qint64 now() const { return m_clock.elapsed(); }
    /// @brief Keeps `items`, computed from a read that started at `readAt`, unless a write came since.
    void put(const QString &key, QJsonArray items, qint64 readAt);
    void clear();

private:
    int m_capacity;
    qint64 m_ttlMs;
    qint64 m_liveTtlMs;
    std::function<bool()> m_live;
    QElapsedTimer m_clock;
    mutable QReadWriteLock m_lock;
    QHash<QString, std::pair<QJsonArray, qint64>> m_entries;
    qint64 m_clearedAt = -1;
};

} // namespace inkwell::server
