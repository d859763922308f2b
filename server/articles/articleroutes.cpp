#include "articleroutes.h"

#include "accounts/authedroutes.h"
#include "articles/articlerequests.h"
#include "articles/articleservice.h"
#include "db/pgnotifier.h"
#include "db/replica.h"
#include "http/answers.h"
#include "http/formquery.h"
#include "http/jsonbody.h"
#include "http/pathids.h"
#include "log/logging.h"

#include "json/jsonreader.h"
#include <QMutex>
#include <mutex>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

using Method = QHttpServerRequest::Method;

/// How often counted views are written (one statement per listener for all of them).
constexpr int kViewFlushMs = 2000;

QHttpServerResponse articleResponse(const Article &article, int status = 200)
{
    QHttpServerResponse response = jsonResponse(toJson(article), status);
    response.setHeader(QByteArrayLiteral("ETag"), '"' + QByteArray::number(article.revision) + '"');
    return response;
}

QHttpServerResponse renderedResponse(const ArticleService::Rendered &rendered)
{
    QHttpServerResponse response(QByteArrayLiteral("application/json"), rendered.json);
    response.setHeader(QByteArrayLiteral("ETag"), '"' + QByteArray::number(rendered.revision) + '"');
    return response;
}

/// The caches one instance's listeners share, made from the configuration by the first listener.
struct SharedCaches {
    std::once_flag made;
    std::once_flag wired;
    std::shared_ptr<ArticleCache> articles;
    std::shared_ptr<SearchCache> searches;
    std::shared_ptr<SearchCache> lists; ///< pages of published articles
};

/// The caches' counters and sizes on /metrics (weak: a scrape after the routes are gone is harmless).
void addCacheMetrics(Metrics &metrics, const SharedCaches &caches)
{
    const std::weak_ptr<ArticleCache> weakArticles = caches.articles;
    const std::weak_ptr<SearchCache> weakSearches = caches.searches;
    const std::weak_ptr<SearchCache> weakLists = caches.lists;
    metrics.addCounters([weakArticles, weakSearches, weakLists] {
        QList<std::pair<QByteArray, double>> out;
        if (const auto cache = weakArticles.lock()) {
            const ArticleCache::Stats stats = cache->stats();
            out.append({"inkwell_article_cache_hits_total", double(stats.hits)});
            out.append({"inkwell_article_cache_misses_total", double(stats.misses)});
            out.append({"inkwell_article_cache_evictions_total", double(stats.evictions)});
            out.append({"inkwell_article_cache_revalidations_total", double(stats.revalidations)});
            out.append({"inkwell_article_db_reads_total", double(stats.databaseReads)});
        }
        if (const auto cache = weakSearches.lock()) {
            const SearchCache::Stats stats = cache->stats();
            out.append({"inkwell_search_cache_evictions_total", double(cache->evictions())});
            out.append({"inkwell_search_cache_hits_total", double(stats.hits)});
            out.append({"inkwell_search_shared_total", double(stats.shared)});
            out.append({"inkwell_search_db_reads_total", double(stats.databaseReads)});
            out.append({"inkwell_search_wait_timeouts_total", double(stats.timeouts)});
        }
        if (const auto cache = weakLists.lock())
            out.append({"inkwell_list_cache_evictions_total", double(cache->evictions())});
        return out;
    });
    metrics.addGauges([weakArticles, weakSearches, weakLists] {
        QList<std::pair<QByteArray, double>> out;
        if (const auto cache = weakArticles.lock()) {
            const ArticleCache::Stats stats = cache->stats();
            out.append({"inkwell_article_cache_bytes", double(stats.bytes)});
            out.append({"inkwell_article_cache_budget_bytes", double(stats.budget)});
            out.append({"inkwell_article_cache_entries", double(stats.entries)});
        }
        if (const auto cache = weakSearches.lock()) {
            out.append({"inkwell_search_cache_bytes", double(cache->bytes())});
            out.append({"inkwell_search_waiting", double(cache->stats().waiting)});
            out.append({"inkwell_search_cache_budget_bytes", double(cache->budget())});
        }
        if (const auto cache = weakLists.lock()) {
            out.append({"inkwell_list_cache_bytes", double(cache->bytes())});
            out.append({"inkwell_list_cache_budget_bytes", double(cache->budget())});
        }
        return out;
    });
}

/// Whether `notifier` is LISTENing now: while it is, other instances' writes arrive by NOTIFY (weak: the
/// caches and the routing may outlive it).
std::function<bool()> listening(const std::shared_ptr<PgNotifier> &notifier)
{
    const std::weak_ptr<PgNotifier> weakNotifier = notifier;
    return [weakNotifier] {
        const auto n = weakNotifier.lock();
        return n && n->isListening();
    };
}

/// The instance's replica routing, wired to the other instances' write positions (INKWELL_DATABASE_REPLICA_URL).
std::shared_ptr<ReplicaRouting> makeReplicaRouting(const QString &url, const ConnectionParams &primary,
                                                   const std::shared_ptr<PgNotifier> &notifier,
                                                   const std::shared_ptr<SearchCache> &searches,
                                                   const std::shared_ptr<SearchCache> &lists)
{
    auto params = ConnectionParams::fromUrl(url); // checked when the configuration was loaded
    if (!params)
        return nullptr;
    auto routing = std::make_shared<ReplicaRouting>(*params);
    logging::write(QtInfoMsg, u"inkwell.server.replica"_s,
                   u"list and search read from the replica %1"_s.arg(redactUrl(url)));
    // Writes made before this instance listened were not announced to it: signed-in reads wait until the replica
    // has reached the primary's position of (about) the moment it began to listen. Until that position is read,
    // they go to the primary (a listener thread reads it then, see ArticleService::readListing()).
    routing->resync();
    const auto barrier = [routing, primary] {
        if (auto position = readPrimaryPosition(primary))
            routing->setBarrier(*position);
    };
    if (!notifier) {
        barrier();
        return routing; // one instance in a test: its own writes are all there are
    }
    if (!notifier->channels().contains(kWritePositionsChannel)) {
        // Other instances' writes would go unheard: a signed-in user's reads stay on the primary.
        routing->setLiveWrites([] { return false; });
        return routing;
    }
    routing->setLiveWrites(listening(notifier));
    const std::weak_ptr<ReplicaRouting> weakRouting = routing;
    const std::weak_ptr<SearchCache> weakSearches = searches;
    const std::weak_ptr<SearchCache> weakLists = lists;
    // Direct: runs on the notifier's thread; the routing and the caches are thread-safe.
    QObject::connect(
        notifier.get(), &PgNotifier::notified, notifier.get(),
        [weakRouting, weakSearches, weakLists](const QString &channel, const QString &payload) {
            if (channel != kWritePositionsChannel)
                return;
            const auto r = weakRouting.lock();
            if (!r || !r->noteWritePayload(payload))
                return;
            // The write's own NOTIFY emptied these already, but a replica read that began before this position
            // was known may have refilled them with a page that lacks it.
            if (const auto c = weakSearches.lock())
                c->clear();
            if (const auto c = weakLists.lock())
                c->clear();
        },
        Qt::DirectConnection);
    // On the notifier's thread right after it (re)subscribed: whatever came before is covered by the barrier.
    QObject::connect(
        notifier.get(), &PgNotifier::resync, notifier.get(),
        [weakRouting, primary] {
            const auto r = weakRouting.lock();
            if (!r)
                return;
            r->resync();
            if (auto position = readPrimaryPosition(primary))
                r->setBarrier(*position);
        },
        Qt::DirectConnection);
    // Subscribed already (its first resync came before this connection): the barrier of now.
    if (notifier->isListening())
        barrier();
    return routing;
}

/// This read worker's own connection (a worker thread lives on after its job; its connection with it).
ThreadDatabase &readWorkerDatabase(const ConnectionParams &params)
{
    thread_local std::unique_ptr<ThreadDatabase> db;
    thread_local QString forDatabase;
    static std::atomic<int> serial = 0;
    const QString wanted = params.host + u'|' + QString::number(params.port) + u'|' + params.database;
    if (!db || forDatabase != wanted) {
        db.reset();
        db = std::make_unique<ThreadDatabase>(params, u"inkwell-read-worker-%1"_s.arg(++serial));
        forDatabase = wanted;
    }
    return *db;
}

/// What every listener of this service shares: the caches, the view counter and the replica's routing, made by the
/// first listener that needs them (listeners start one after another).
struct SharedArticleState {
    SharedCaches caches;
    std::once_flag viewsMade;
    std::shared_ptr<ViewCounter> views;
    std::once_flag replicaWired;
    std::shared_ptr<ReplicaRouting> replica;
};

/// One set of caches for every listener thread of this service, sized by INKWELL_CACHE_MB; other instances' writes
/// arrive by NOTIFY, and then the caches keep entries until told.
void prepareCaches(SharedCaches &caches, ListenerResources &resources)
{
    std::call_once(caches.made, [&] {
        const Config &config = resources.service.config;
        caches.articles = std::make_shared<ArticleCache>(config.articleCacheBytes);
        caches.searches = std::make_shared<SearchCache>(config.searchCacheBytes);
        caches.lists = std::make_shared<SearchCache>(config.searchCacheBytes);
        if (resources.service.metrics)
            addCacheMetrics(*resources.service.metrics, caches);
    });
    const std::shared_ptr<PgNotifier> notifier = resources.service.notifier;
    if (!notifier || !notifier->channels().contains(kArticlesChannel))
        return;
    std::call_once(caches.wired, [&] {
        const auto live = listening(notifier);
        caches.articles->setLiveInvalidation(live);
        caches.searches->setLiveInvalidation(live);
        caches.lists->setLiveInvalidation(live);
        const std::weak_ptr<ArticleCache> weakCache = caches.articles;
        const std::weak_ptr<SearchCache> weakSearches = caches.searches;
        const std::weak_ptr<SearchCache> weakLists = caches.lists;
        // Direct: runs on the notifier's thread; the caches are thread-safe.
        QObject::connect(
            notifier.get(), &PgNotifier::notified, notifier.get(),
            [weakCache, weakSearches, weakLists](const QString &channel, const QString &payload) {
                if (channel != kArticlesChannel)
                    return;
                if (const auto c = weakCache.lock(); c) {
                    if (const auto id = parseId(payload))
                        c->remove(*id);
                }
                if (const auto c = weakSearches.lock())
                    c->clear();
                if (const auto c = weakLists.lock())
                    c->clear();
            },
            Qt::DirectConnection);
        QObject::connect(
            notifier.get(), &PgNotifier::resync, notifier.get(),
            [weakCache, weakSearches, weakLists] {
                if (const auto c = weakCache.lock())
                    c->clear();
                if (const auto c = weakSearches.lock())
                    c->clear();
                if (const auto c = weakLists.lock())
                    c->clear();
            },
            Qt::DirectConnection);
    });
}

/// This listener's article service over the shared caches and view counter; list and search read from the replica
/// when one is configured.
std::shared_ptr<ArticleService> makeArticleService(SharedArticleState &shared, ListenerResources &resources)
{
    prepareCaches(shared.caches, resources);
    std::call_once(shared.viewsMade,
                   [&] { shared.views = std::make_shared<ViewCounter>(resources.service.database, kViewFlushMs); });
    auto service = std::make_shared<ArticleService>(resources.service, resources.db, shared.caches.articles,
                                                    shared.caches.searches, shared.caches.lists, shared.views);
    if (const QString &url = resources.service.config.databaseReplicaUrl; !url.isEmpty()) {
        std::call_once(shared.replicaWired, [&] {
            shared.replica = makeReplicaRouting(url, resources.service.database, resources.service.notifier,
                                                shared.caches.searches, shared.caches.lists);
        });
        if (shared.replica) {
            static std::atomic<int> serial = 0;
            service->setReplica(std::make_shared<ReplicaReader>(
                                    shared.replica, u"inkwell-replica-%1-%2"_s.arg(resources.index).arg(++serial)),
                                resources.db);
        }
    }
    return service;
}

/// One article by path id (malformed → 404).
template <typename Then>
QHttpServerResponse withId(const Caller *caller, const QString &id, RequestContext &context, const Then &then)
{
    const auto uuid = parseUuidPath(id);
    if (!uuid)
        return problemResponse(Problem::notFound(), context);
    return then(caller, *uuid);
}

/// A write to one article: as withId, then its If-Match (malformed → 400).
template <typename Then>
QHttpServerResponse forWrite(const Caller *caller, const QString &id, const QHttpServerRequest &request,
                             RequestContext &context, const Then &then)
{
    return withId(caller, id, context, [&](const Caller *who, const QUuid &uuid) {
        auto precondition = ArticleService::precondition(request.value(QByteArrayLiteral("if-match")));
        if (!precondition)
            return problemResponse(precondition.error(), context);
        return then(who, uuid, *precondition);
    });
}

/// The article routes of one listener, by group. Who calls is decided once, by AuthedRoutes (nullptr for an
/// anonymous caller); the routes read the rest.
class ArticleRouteGroups {
public:
    ArticleRouteGroups(Router &router, ListenerResources &resources, std::shared_ptr<ArticleService> service)
        : m_authed(router, std::make_shared<AccountService>(resources.service, resources.db))
        , m_service(std::move(service))
        , m_resources(resources)
    {
    }

    /// GET and POST /articles, one article by id or slug.
    void articleRoutes()
    {
        AuthedRoutes &authed = m_authed;
        const std::shared_ptr<ArticleService> &service = m_service;
        authed.routeOptional(
            Method::Get, u"/api/v1/articles"_s,
            [service](const Caller *caller, const QHttpServerRequest &request, RequestContext &context) {
                auto asked = articleListRequest(formQuery(request));
                if (!asked)
                    return problemResponse(asked.error(), context);
                return answer(service->list(caller, *asked), context, [](const QByteArray &page) {
                    return QHttpServerResponse(QByteArrayLiteral("application/json"), page);
                });
            },
            {u"Articles: published ones, or your drafts (status=draft); filters author_id, tag, q"_s,
             {},
             {200, 400, 401},
             true,
             u"articles"_s,
             {},
             {ResponseContent::json(200, u"Page_ArticleSummary"_s)}});

        authed.routeOptional(
            Method::Post, u"/api/v1/articles"_s,
            [service](const Caller *caller, const QHttpServerRequest &request, RequestContext &context) {
                return answer(service->create(caller, parseBody(request, articleInputFromJson)), context,
                              [](const ArticleResult &result) {
                                  QHttpServerResponse response = articleResponse(result.article, 201);
                                  response.setHeader(QByteArrayLiteral("Location"),
                                                     "/api/v1/articles/" + formatId(result.article.id).toLatin1());
                                  return response;
                              });
            },
            {u"Write an article"_s,
             {},
             {201, 400, 401, 403, 415, 422},
             true,
             u"articles"_s,
             u"ArticleInput"_s,
             {ResponseContent::json(201, u"Article"_s)}});

        authed.routeOptional<QString>(
            Method::Get, u"/api/v1/articles/by-slug/<arg>"_s,
            [service](const Caller *caller, const QString &slug, const QHttpServerRequest &, RequestContext &context) {
                return answer(service->getRenderedBySlug(caller, slug), context, renderedResponse);
            },
            {u"An article by its slug"_s,
             {u"slug"_s},
             {200, 401, 404},
             true,
             u"articles"_s,
             {},
             {ResponseContent::json(200, u"Article"_s)}});

        authed.routeOptional<QString>(
            Method::Get, u"/api/v1/articles/<arg>"_s,
            [service](const Caller *caller, const QString &id, const QHttpServerRequest &, RequestContext &context) {
                return withId(caller, id, context, [&](const Caller *caller, const QUuid &uuid) {
                    return answer(service->getRendered(caller, uuid), context, renderedResponse);
                });
            },
            {u"An article"_s,
             {u"id"_s},
             {200, 401, 404},
             true,
             u"articles"_s,
             {},
             {ResponseContent::json(200, u"Article"_s)}});
    }

    /// PUT, PATCH and DELETE of one article, and its status actions.
    void writeRoutes()
    {
        AuthedRoutes &authed = m_authed;
        const std::shared_ptr<ArticleService> &service = m_service;
        authed.routeOptional<QString>(
            Method::Put, u"/api/v1/articles/<arg>"_s,
            [service](const Caller *caller, const QString &id, const QHttpServerRequest &request,
                      RequestContext &context) {
                return forWrite(
                    caller, id, request, context,
                    [&](const Caller *caller, const QUuid &uuid, const Precondition &precondition) {
                        return answer(
                            service->put(caller, uuid, parseBody(request, articleInputFromJson), precondition), context,
                            [](const ArticleResult &result) {
                                QHttpServerResponse response =
                                    articleResponse(result.article, result.created ? 201 : 200);
                                if (result.created)
                                    response.setHeader(QByteArrayLiteral("Location"),
                                                       "/api/v1/articles/" + formatId(result.article.id).toLatin1());
                                return response;
                            });
                    });
            },
            {u"Create an article with your own id, or replace one (If-Match)"_s,
             {u"id"_s},
             {200, 201, 400, 401, 403, 404, 412, 415, 422, 428},
             true,
             u"articles"_s,
             u"ArticleInput"_s,
             {ResponseContent::json(200, u"Article"_s), ResponseContent::json(201, u"Article"_s)}});

        authed.routeOptional<QString>(
            Method::Patch, u"/api/v1/articles/<arg>"_s,
            [service](const Caller *caller, const QString &id, const QHttpServerRequest &request,
                      RequestContext &context) {
                return forWrite(caller, id, request, context,
                                [&](const Caller *caller, const QUuid &uuid, const Precondition &precondition) {
                                    return answer(service->patch(caller, uuid, parseBody(request, articlePatchFromJson),
                                                                 precondition),
                                                  context,
                                                  [](const Article &article) { return articleResponse(article); });
                                });
            },
            {u"Change some members of an article (If-Match)"_s,
             {u"id"_s},
             {200, 400, 401, 403, 404, 412, 415, 422, 428},
             true,
             u"articles"_s,
             u"ArticlePatch"_s,
             {ResponseContent::json(200, u"Article"_s)}});

        authed.routeOptional<QString>(
            Method::Delete, u"/api/v1/articles/<arg>"_s,
            [service](const Caller *caller, const QString &id, const QHttpServerRequest &request,
                      RequestContext &context) {
                return forWrite(caller, id, request, context,
                                [&](const Caller *caller, const QUuid &uuid, const Precondition &precondition) {
                                    auto removed = service->remove(caller, uuid, precondition);
                                    return removed ? QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent)
                                                   : problemResponse(removed.error(), context);
                                });
            },
            {u"Delete an article (restorable by an admin for 30 days)"_s,
             {u"id"_s},
             {204, 400, 401, 403, 404, 412},
             true,
             u"articles"_s});

        const QList<std::pair<QString, ArticleStatus>> actions{{u"publish"_s, ArticleStatus::Published},
                                                               {u"unpublish"_s, ArticleStatus::Draft},
                                                               {u"archive"_s, ArticleStatus::Archived}};
        for (const auto &[action, status] : actions) {
            const ArticleStatus target = status;
            authed.routeOptional<QString>(
                Method::Post, u"/api/v1/articles/<arg>/"_s + action,
                [service, target](const Caller *caller, const QString &id, const QHttpServerRequest &request,
                                  RequestContext &context) {
                    return forWrite(caller, id, request, context,
                                    [&](const Caller *caller, const QUuid &uuid, const Precondition &precondition) {
                                        return answer(service->setStatus(caller, uuid, target, precondition), context,
                                                      [](const Article &article) { return articleResponse(article); });
                                    });
                },
                {u"Set an article's status: "_s + action,
                 {u"id"_s},
                 {200, 400, 401, 403, 404, 412},
                 true,
                 u"articles"_s,
                 {},
                 {ResponseContent::json(200, u"Article"_s)}});
        }
    }

    /// An article's revisions, and an admin's restore.
    void historyRoutes()
    {
        AuthedRoutes &authed = m_authed;
        const std::shared_ptr<ArticleService> &service = m_service;
        authed.routeOptional<QString>(
            Method::Get, u"/api/v1/articles/<arg>/revisions"_s,
            [service](const Caller *caller, const QString &id, const QHttpServerRequest &request,
                      RequestContext &context) {
                return withId(caller, id, context, [&](const Caller *caller, const QUuid &uuid) {
                    auto params = readListParams(formQuery(request));
                    if (!params)
                        return problemResponse(params.error(), context);
                    return answer(service->revisions(caller, uuid, params->page), context,
                                  [](const api::Page<api::RevisionInfo> &page) {
                                      return jsonResponse(
                                          toJson(page, [](const api::RevisionInfo &info) { return toJson(info); }));
                                  });
                });
            },
            {u"An article's revisions, newest first"_s,
             {u"id"_s},
             {200, 400, 401, 403, 404},
             true,
             u"articles"_s,
             {},
             {ResponseContent::json(200, u"Page_RevisionInfo"_s)}});

        authed.routeOptional<QString, QString>(
            Method::Get, u"/api/v1/articles/<arg>/revisions/<arg>"_s,
            [service](const Caller *caller, const QString &id, const QString &number, const QHttpServerRequest &,
                      RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                const auto revision = parsePositiveIntPath(number);
                if (!uuid || !revision)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->revision(caller, *uuid, *revision), context,
                              [](const Article &article) { return jsonResponse(toJson(article)); });
            },
            {u"One revision of an article, whole"_s,
             {u"id"_s, u"n"_s},
             {200, 401, 403, 404},
             true,
             u"articles"_s,
             {},
             {ResponseContent::json(200, u"Article"_s)}});

        authed.routeOptional<QString>(
            Method::Post, u"/api/v1/admin/articles/<arg>/restore"_s,
            [service](const Caller *caller, const QString &id, const QHttpServerRequest &, RequestContext &context) {
                return withId(caller, id, context, [&](const Caller *caller, const QUuid &uuid) {
                    return answer(service->restore(caller, uuid), context,
                                  [](const Article &article) { return articleResponse(article); });
                });
            },
            {u"Undelete an article within 30 days (admin)"_s,
             {u"id"_s},
             {200, 401, 403, 404, 409},
             true,
             u"admin"_s,
             {},
             {ResponseContent::json(200, u"Article"_s)}});
    }

    /// Tags, search and the change feed.
    void findRoutes()
    {
        AuthedRoutes &authed = m_authed;
        const std::shared_ptr<ArticleService> &service = m_service;
        ListenerResources &resources = m_resources;
        authed.routeOptional(Method::Get, u"/api/v1/tags"_s,
                             [service](const Caller *, const QHttpServerRequest &request, RequestContext &context) {
                                 // Like every article route: a stale token is told so (401), even where none is needed.
                                 auto params = readListParams(formQuery(request));
                                 if (!params)
                                     return problemResponse(params.error(), context);
                                 return answer(service->tags(params->page), context, [](const api::Page<Tag> &page) {
                                     return jsonResponse(toJson(page, [](const Tag &tag) { return toJson(tag); }));
                                 });
                             },
                             {u"Tags with their number of published articles"_s,
                              {},
                              {200, 400, 401},
                              true,
                              u"tags"_s,
                              {},
                              {ResponseContent::json(200, u"Page_Tag"_s)}});

        // A search whose published hits are kept is answered at once; a miss is computed on a read worker (its own
        // connection), so that the listener keeps answering the requests behind it meanwhile.
        authed.routeOptionalDeferred(
            Method::Get, u"/api/v1/search"_s,
            [service, workers = resources.service.readWorkers, params = resources.service.database](
                const Caller *who, const QHttpServerRequest &request, RequestContext &context,
                const Defer &defer) -> std::optional<QHttpServerResponse> {
                // Kept by value: a miss answers later, after this request's caller object is gone.
                const std::optional<Caller> caller = who ? std::optional<Caller>(*who) : std::nullopt;
                auto asked = searchRequest(formQuery(request));
                if (!asked)
                    return problemResponse(asked.error(), context);
                const ArticleService::PlannedSearch planned = ArticleService::planSearch(*asked);
                const auto respond = [](const Result<QJsonObject> &page, const RequestContext &at) {
                    return page ? jsonResponse(*page) : problemResponse(page.error(), at);
                };
                if (!caller) {
                    if (auto json = service->keptPublishedAnswer(planned))
                        return QHttpServerResponse(QByteArrayLiteral("application/json"), *json);
                }
                if (auto kept = service->keptSearch(planned))
                    return respond(service->searchAnswer(caller ? &*caller : nullptr, planned, std::move(*kept)),
                                   context);
                if (!workers || !service->searchesOffThread())
                    return respond(service->search(caller ? &*caller : nullptr, *asked), context);
                auto reply = defer();
                workers->run(
                    reply->threadContext(),
                    [searches = service->searches(), params, wanted = planned] {
                        return ArticleService::searchPublished(readWorkerDatabase(params), *searches, wanted);
                    },
                    [service, reply, caller, wanted = planned, respond](Result<QJsonArray> published) {
                        if (!published) {
                            reply->send(problemResponse(published.error(), reply->context()));
                            return;
                        }
                        reply->send(
                            respond(service->searchAnswer(caller ? &*caller : nullptr, wanted, std::move(*published)),
                                    reply->context()));
                    });
                return std::nullopt;
            },
            {u"Full-text search: phrases, -exclude, or"_s,
             {},
             {200, 400, 401},
             true,
             u"search"_s,
             {},
             {ResponseContent::json(200, u"Page_SearchHit"_s)}});

        authed.routeOptional(
            Method::Get, u"/api/v1/sync/changes"_s,
            [service](const Caller *caller, const QHttpServerRequest &request, RequestContext &context) {
                auto asked = changesRequest(formQuery(request));
                if (!asked)
                    return problemResponse(asked.error(), context);
                return answer(service->changes(caller, *asked), context, [](const QByteArray &page) {
                    return QHttpServerResponse(QByteArrayLiteral("application/json"), page);
                });
            },
            {u"The change feed: every article you can see changed after the cursor"_s,
             {},
             {200, 400, 401, 410},
             true,
             u"sync"_s,
             {},
             {ResponseContent::json(200, u"ChangesPage"_s)}});
    }

private:
    AuthedRoutes m_authed;
    std::shared_ptr<ArticleService> m_service;
    ListenerResources &m_resources;
};

} // namespace

RouteRegistrar articleRoutes()
{
    auto shared = std::make_shared<SharedArticleState>();
    return [shared](Router &router, ListenerResources &resources) {
        ArticleRouteGroups groups(router, resources, makeArticleService(*shared, resources));
        groups.articleRoutes();
        groups.writeRoutes();
        groups.historyRoutes();
        groups.findRoutes();
    };
}

} // namespace inkwell::server
