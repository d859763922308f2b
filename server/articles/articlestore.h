#pragma once

#include "db/sqlstore.h"
#include "model/article.h"
#include "model/tag.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace inkwell::server {

/// @brief An article row with what only the server sees.
struct StoredArticle {
    Article article;
    std::optional<QUuid> updatedBy;
    std::optional<QDateTime> deletedAt;
    qint64 seq = 0; ///< the change-feed stamp (id of the transaction that last wrote it)
};

/// @brief Which articles a list shows; built and permission-checked by ArticleService.
struct ArticleFilter {
    ArticleStatus status = ArticleStatus::Published;
    std::optional<QUuid> authorId;     ///< only this author's
    std::optional<QUuid> ownerOnly;    ///< drafts and archived: only the caller's (unset for admins)
    QString tag;                       ///< tag name or slug, case-insensitive
    QString query;                     ///< websearch syntax
};

/// @brief One entry of the change feed, read in place from the database's answer: valid only during the call it is
/// handed to. A page is megabytes of article text, so the text members are the UTF-8 bytes the database sent
/// (converting them to QString and back cost more than the query); numbers are their decimal text.
struct FeedRow {
    qint64 seq = 0;
    QUuid id;
    bool visible = false; ///< false: a tombstone (deleted, or no longer visible to the viewer); the rest is unset
    QByteArrayView authorId;
    QByteArrayView authorName;
    QByteArrayView title;
    QByteArrayView slug;
    QByteArrayView content;
    QByteArrayView contentHtml;
    QByteArrayView excerpt;
    ArticleStatus status = ArticleStatus::Draft;
    QByteArrayView tagsJson; ///< the tag names, a JSON array of strings
    QByteArrayView readingTime;
    QByteArrayView wordCount;
    QByteArrayView views;
    QByteArrayView revision;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<QDateTime> publishedAt;
};

/// @brief Where a page of the change feed ended.
struct FeedPage {
    bool hasMore = false;
    std::optional<std::pair<qint64, QUuid>> last; ///< position of the last row read
    qsizetype rows = 0;
};

/// @brief One earlier (or the current) version of an article.
struct RevisionEntry {
    int revision = 0;
    QString title;
    QString content;
    QString excerpt;
    ArticleStatus status = ArticleStatus::Draft;
    QStringList tags;
    QDateTime updatedAt;
    std::optional<QUuid> updatedBy;
};

/// @brief Articles, tags, revisions, search, the change feed and the outbox, on one thread's
/// connection. SQL only: ArticleService decides who may do what.
class ArticleStore : public SqlStore {
public:
    explicit ArticleStore(ThreadDatabase &db);

    Result<std::optional<StoredArticle>> find(const QUuid &id, bool forUpdate = false);
    Result<std::optional<StoredArticle>> findBySlug(const QString &slug);

    /// @brief Whether a published article is still at `revision`, by an author still named
    /// `authorName`, with `views` views (the check behind a cached copy).
    Result<bool> stillCurrent(const QUuid &id, int revision, const QString &authorName, qint64 views);

    /// @brief `base`, or `base-2`, `base-3`... whichever is free (a race is caught by the unique
    /// index at insert time; the caller tries again).
    Result<QString> freeSlug(const QString &base, const QUuid &self);

    enum class InsertVerdict { Inserted, IdTaken, SlugTaken };
    /// @brief A new article with a free slug from `baseSlug`, its tags, the `event` (topic and payload,
    /// when given) and, for a published one, the announcement to other instances: one statement
    /// (inkwell_create_article, migrations 0006 and 0007). Fills in `article`'s slug, times, revision and feed
    /// stamp when Inserted.
    Result<InsertVerdict> create(StoredArticle &article, const QString &baseSlug,
                                 const std::optional<std::pair<QString, QJsonObject>> &event);
    /// @brief Writes every mutable member of `article` (its revision included) and stamps the change.
    Result<InsertVerdict> update(const Article &article, const std::optional<QDateTime> &deletedAt, const QUuid &by);
    /// @brief Keeps `current` as an earlier revision.
    Result<void> keepRevision(const StoredArticle &current);
    Result<void> setTags(const QUuid &articleId, const QStringList &names);
    /// @brief An outbox event in the current transaction, and a wake-up for the workers at commit.
    Result<void> emitEvent(const QString &topic, const QJsonObject &payload);
    /// @brief Tells every instance (at commit) that an article changed, for their caches.
    Result<void> announceChange(const QUuid &id);

    /// @brief A page of summaries (no content) and the sort key of its last row.
    using ListPage = KeysetPage<Article>;
    Result<ListPage> list(const ArticleFilter &filter, int limit, const std::optional<QJsonArray> &after);

    struct SearchHit {
        Article article;
        double rank = 0;
        QString snippet; ///< HTML: the text escaped, hits in <mark>
    };
    /// @brief Published articles (no `draftsOf`), or the unpublished articles of `draftsOf`, best first.
    Result<QList<SearchHit>> search(const QString &query, const std::optional<QUuid> &draftsOf, int limit);

    /// @brief Articles changed after `after`, oldest change first, read only below the oldest
    /// transaction still in flight, so that a change committed late is never skipped: each handed to `each`.
    /// `sizeHint` is told first the number of bytes of text in the page (for the answer's buffer).
    Result<FeedPage> changes(const std::optional<std::pair<qint64, QUuid>> &after, const QUuid &viewer,
                             bool viewerIsAdmin, int limit, const std::function<void(qsizetype)> &sizeHint,
                             const std::function<void(const FeedRow &)> &each);
    /// @brief The statement changes() runs, with its five `?` values in order: the cursor's stamp (xid8 text)
    /// and id, whether the viewer is an admin, the viewer's id, the row limit. Tests check its plan (an index
    /// range read of the page, whatever its position).
    static QString changesStatement();

    /// @brief Versions newest first, the current one included; below `before` (or up to it, inclusive).
    Result<QList<RevisionEntry>> revisions(const QUuid &id, int limit, const std::optional<int> &before,
                                           bool inclusive = false);
    Result<std::optional<RevisionEntry>> revision(const QUuid &id, int number);

    /// @brief Tags with their number of published articles, by name.
    Result<KeysetPage<Tag>> tags(int limit, const std::optional<QJsonArray> &after);

    /// @brief Adds counted views (batched: one statement for many reads).
    Result<void> addViews(const QHash<QUuid, qint64> &views);

    /// @brief Removes deleted articles whose 30 days have passed (their tombstones stay in the feed
    /// only as long as this does not run; clients that sync less often than monthly resync fully).

};

} // namespace inkwell::server
