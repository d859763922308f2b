#pragma once

#include "accounts/accountservice.h"
#include "articles/articlecache.h"
#include "articles/articlestore.h"
#include "articles/viewcounter.h"
#include "db/replica.h"
#include "domain/listquery.h"
#include "housekeeping/housekeepingstore.h"

#include <QJsonObject>
#include <functional>
#include <type_traits>

namespace inkwell::server {

/// @brief An article answer: the article and whether it was created (201) or not.
struct ArticleResult {
    Article article;
    bool created = false;
};

/// @brief `If-Match` as a request gives it: absent, `*`, or a revision.
struct Precondition {
    bool present = false;
    std::optional<int> revision; ///< unset for `*`
};

/// @brief The rules of articles (api.md: articles, tags, search, sync): who may see and change what,
/// slugs, revisions, optimistic concurrency, events. `caller` is nullptr for an anonymous request.
class ArticleService {
public:
    ArticleService(const ServiceContext &context, ThreadDatabase &db, std::shared_ptr<ArticleCache> cache,
                   std::shared_ptr<SearchCache> searches, std::shared_ptr<SearchCache> lists,
                   std::shared_ptr<ViewCounter> views);

    /// @brief An article as answered: its JSON and its revision (for the ETag).
    struct Rendered {
        QByteArray json;
        int revision = 0;
    };
    /// @brief Reads of one article; published ones come from the cache when it has them.
    Result<Rendered> getRendered(const Caller *caller, const QUuid &id);
    Result<Rendered> getRenderedBySlug(const Caller *caller, const QString &slug);

    /// @brief Parses `If-Match`; 400 for anything but `*` or one quoted revision.
    static Result<Precondition> precondition(const QByteArray &header);

    Result<Article> get(const Caller *caller, const QUuid &id);
    Result<Article> getBySlug(const Caller *caller, const QString &slug);
    /// @brief Writes take the request's document as core reads it (parseBody): a document that could not be read
    /// is answered first, its field errors after the caller's 401.
    Result<ArticleResult> create(const Caller *caller, const Result<ArticleInput> &input);
    Result<ArticleResult> put(const Caller *caller, const QUuid &id, const Result<ArticleInput> &input,
                              const Precondition &ifMatch);
    Result<Article> patch(const Caller *caller, const QUuid &id, const Result<ArticlePatch> &input,
                          const Precondition &ifMatch);
    Result<Article> setStatus(const Caller *caller, const QUuid &id, ArticleStatus status, const Precondition &ifMatch);
    Result<void> remove(const Caller *caller, const QUuid &id, const Precondition &ifMatch);
    Result<Article> restore(const Caller *caller, const QUuid &id);

    /// @brief A page of articles, as the answer's JSON: pages of published articles are the same for everyone and
    /// kept already written, so that a kept page costs no serializing.
    Result<QByteArray> list(const Caller *caller, const api::ArticleListRequest &request);
    Result<api::Page<api::RevisionInfo>> revisions(const Caller *caller, const QUuid &id,
                                                   const api::PageRequest &request);
    Result<Article> revision(const Caller *caller, const QUuid &id, int number);
    Result<api::Page<Tag>> tags(const api::PageRequest &request);
    /// @brief Search, all on this thread (what runs when a replica is configured). The answer is JSON: published
    /// hits are kept rendered.
    Result<QJsonObject> search(const Caller *caller, const api::SearchRequest &request);

    /// @brief A search as the service runs it: its text, how many hits, and the key of its published hits.
    struct PlannedSearch {
        QString text;
        int limit = 20;
        QString key;
    };
    /// @brief Search in steps, so that a miss is computed off the listener thread (hits kept in the cache keep
    /// being answered meanwhile): planSearch(); keptSearch() — the published hits when kept; else, on a
    /// worker, searchPublished(); then, back on the listener, searchAnswer() adds the caller's own drafts.
    static PlannedSearch planSearch(const api::SearchRequest &request);
    std::optional<QJsonArray> keptSearch(const PlannedSearch &request) const;
    /// @brief The whole answer as JSON, for a caller with no drafts to add (anonymous), when its hits are kept.
    std::optional<QByteArray> keptPublishedAnswer(const PlannedSearch &request) const;
    /// @brief Whether a miss may be computed on a worker (on the primary): not while a replica serves searches.
    bool searchesOffThread() const;
    /// @brief The published hits of `request`, on a worker thread's own connection `db`: kept ones, another
    /// worker's result for the same key, or computed now and kept.
    static Result<QJsonArray> searchPublished(ThreadDatabase &db, SearchCache &searches, const PlannedSearch &request);
    Result<QJsonObject> searchAnswer(const Caller *caller, const PlannedSearch &request, QJsonArray published);
    const std::shared_ptr<SearchCache> &searches() const { return m_searches; }
    /// @brief A page of the change feed, as the answer's JSON bytes (api.md's `/sync/changes`): written while its
    /// rows are read, since a page is megabytes of articles.
    Result<QByteArray> changes(const Caller *caller, const api::ChangesRequest &request);

    /// @brief List and search read from `replica` where ReplicaRouting allows (INKWELL_DATABASE_REPLICA_URL);
    /// `primary` is this thread's primary connection, on which committed writes' positions are announced.
    void setReplica(std::shared_ptr<ReplicaReader> replica, ThreadDatabase &primary);

    /// @brief Counts a view (written in batches by the ViewCounter's own thread).
    void countView(const QUuid &id) { m_views->add(id); }

    /// @brief A list item: the article without its body (`content`, `content_html`).
    static QJsonObject summaryJson(const Article &article);

    /// @brief What a change of an existing article needs the caller to be allowed.
    enum class Need { Edit, Publish, Delete, Restore };

private:
    using Mutation = std::function<Result<void>(Article &next, std::optional<QDateTime> &deletedAt)>;
    /// @brief The one way an existing article changes: locked, checked (visibility, permission,
    /// If-Match), changed, kept as a revision, stamped, announced, in one transaction.
    Result<Article> mutate(const Caller &caller, const QUuid &id, const Precondition &ifMatch, bool ifMatchRequired,
                           Need need, const Mutation &change);
    /// @brief The writing part of mutate(), in its transaction: `current` becomes `next` (rendered, its slug
    /// following a changed title until first published, one revision on), kept as a revision, announced.
    Result<Article> writeChange(const Caller &caller, const StoredArticle &current, Article next,
                                const std::optional<QDateTime> &deletedAt);
    Result<ArticleResult> insertNew(const Caller &caller, const QUuid &id, const ArticleInput &input);
    Result<Article> visible(const Caller *caller, Result<std::optional<StoredArticle>> found);
    Result<Rendered> renderRead(const Caller *caller, Result<std::optional<StoredArticle>> found, qint64 readAt);
    Rendered fromCache(const Caller *caller, const ArticleCache::Entry &entry);
    /// @brief A cached entry that may be used: fresh, or confirmed by the database just now.
    bool usable(const ArticleCache::Entry &entry);
    /// @brief A list or search read: on the replica when the caller may read there, else (and when the replica
    /// fails) on the primary. `mayCache` says whether a `shared` result may be kept for everyone.
    template <typename Read>
    std::invoke_result_t<const Read &, ArticleStore &> readListing(const Caller *caller, bool shared, bool &mayCache,
                                                                   const Read &read);
    /// @brief After a committed write of `caller`: its WAL position, so that its reads wait for the replica.
    void noteWritten(const Caller &caller);

    const ServiceContext &m_context;
    ArticleStore m_store;
    FeedHorizonStore m_horizon;
    CursorCodec m_cursors;
    std::shared_ptr<ArticleCache> m_cache;
    std::shared_ptr<SearchCache> m_searches;
    std::shared_ptr<SearchCache> m_lists; ///< pages of published articles (the same for everyone)
    std::shared_ptr<ViewCounter> m_views;
    std::shared_ptr<ReplicaReader> m_replica; ///< null: everything reads the primary
    std::optional<ArticleStore> m_replicaStore;
    std::optional<WritePositionStore> m_positions;
};

} // namespace inkwell::server
