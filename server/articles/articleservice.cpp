#include "articleservice.h"

#include "http/jsonwriter.h"
#include "http/listener.h"
#include "log/logging.h"
#include "markdown/markdown.h"
#include "markdown/slug.h"

#include "json/jsonreader.h"
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

constexpr int kSlugAttempts = 5;
const QString kSlugRace = u"slug-race"_s;

bool isAdmin(const Caller *caller)
{
    return caller && hasPermission(caller->user().role, Permission::EditAnyArticle);
}

bool isAuthor(const Caller *caller, const Article &article)
{
    return caller && caller->user().id == article.authorId;
}

/// Published articles are everyone's; drafts and archived ones their author's and the admins'.
bool canSee(const Caller *caller, const StoredArticle &stored)
{
    if (stored.deletedAt)
        return false;
    return stored.article.status == ArticleStatus::Published || isAuthor(caller, stored.article) || isAdmin(caller);
}

Error notFound()
{
    return Error::notFound(u"There is no such article."_s);
}

/// Content-derived members: HTML, counts, and the excerpt unless one was given.
void render(Article &article, bool keepExcerpt)
{
    article.contentHtml = markdown::toHtml(article.content);
    article.wordCount = markdown::wordCount(article.content);
    article.readingTime = markdown::readingTimeMinutes(article.content);
    if (!keepExcerpt)
        article.excerpt = markdown::excerpt(article.content);
}

Error stale(const Article &current)
{
    return Error::staleRevision(current);
}

/// A feed row's `article` object: the bytes toJson(Article) gives for it through QJsonDocument (the same members, by
/// name; the text as stored, the numbers as the database wrote them).
void writeArticle(JsonWriter &json, const FeedRow &a)
{
    json.beginObject();
    json.name("author_id"_L1);
    json.utf8Value(a.authorId);
    json.name("author_name"_L1);
    json.utf8Value(a.authorName);
    json.name("content"_L1);
    json.utf8Value(a.content);
    json.name("content_html"_L1);
    json.utf8Value(a.contentHtml);
    json.name("created_at"_L1);
    json.value(formatTimestamp(a.createdAt));
    json.name("deleted"_L1);
    json.value(false); // a deleted article is a tombstone
    json.name("excerpt"_L1);
    json.utf8Value(a.excerpt);
    json.name("id"_L1);
    json.value(formatId(a.id));
    json.name("published_at"_L1);
    if (a.publishedAt)
        json.value(formatTimestamp(*a.publishedAt));
    else
        json.null();
    json.name("reading_time"_L1);
    json.rawValue(a.readingTime);
    json.name("revision"_L1);
    json.rawValue(a.revision);
    json.name("slug"_L1);
    json.utf8Value(a.slug);
    json.name("status"_L1);
    json.value(articleStatusToString(a.status));
    json.name("tags"_L1);
    json.beginArray();
    for (const QJsonValue &tag : QJsonDocument::fromJson(a.tagsJson.toByteArray()).array())
        json.value(tag.toString());
    json.endArray();
    json.name("title"_L1);
    json.utf8Value(a.title);
    json.name("updated_at"_L1);
    json.value(formatTimestamp(a.updatedAt));
    json.name("views"_L1);
    json.rawValue(a.views);
    json.name("word_count"_L1);
    json.rawValue(a.wordCount);
    json.endObject();
}

} // namespace

ArticleService::ArticleService(const ServiceContext &context, ThreadDatabase &db, std::shared_ptr<ArticleCache> cache,
                               std::shared_ptr<SearchCache> searches, std::shared_ptr<SearchCache> lists,
                               std::shared_ptr<ViewCounter> views)
    : m_context(context)
    , m_store(db)
    , m_horizon(db)
    , m_cursors(context.jwtKey)
    , m_cache(std::move(cache))
    , m_searches(std::move(searches))
    , m_lists(std::move(lists))
    , m_views(std::move(views))
{
}

void ArticleService::setReplica(std::shared_ptr<ReplicaReader> replica, ThreadDatabase &primary)
{
    m_replica = std::move(replica);
    m_replicaStore.reset();
    m_positions.reset();
    if (m_replica) {
        m_replicaStore.emplace(m_replica->database());
        m_positions.emplace(primary);
    }
}

void ArticleService::noteWritten(const Caller &caller)
{
    if (!m_replica)
        return;
    auto position = m_positions->announce(caller.user().id);
    if (position)
        m_replica->routing().noteWrite(caller.user().id, *position);
    else // committed, but where is unknown: signed-in readers use the primary until a new barrier is read
        m_replica->routing().resync();
}

template <typename Read>
std::invoke_result_t<const Read &, ArticleStore &> ArticleService::readListing(const Caller *caller, bool shared,
                                                                               bool &mayCache, const Read &read)
{
    mayCache = true;
    if (!m_replica)
        return read(m_store);
    ReplicaRouting &routing = m_replica->routing();
    const std::optional<QUuid> user = caller ? std::optional<QUuid>(caller->user().id) : std::nullopt;
    if (user && routing.barrierNeeded()) {
        if (auto position = m_positions->current())
            routing.setBarrier(*position);
    }
    if (const ReplicaReader::Plan plan = m_replica->plan(user, shared); plan.replica) {
        auto result = read(*m_replicaStore);
        if (result) {
            m_replica->succeeded();
            routing.countRead(true);
            mayCache = routing.currentForEveryone(plan.replayed);
            return result;
        }
        // Never the replica's fault for the client: the same read on the primary.
        m_replica->failed(u"a list or search query failed there"_s);
    }
    routing.countRead(false);
    return read(m_store);
}

ArticleService::Rendered ArticleService::fromCache(const Caller *caller, const ArticleCache::Entry &entry)
{
    if (!caller || caller->user().id != entry.authorId)
        countView(entry.id);
    return Rendered{entry.json, entry.revision};
}

Result<ArticleService::Rendered> ArticleService::renderRead(const Caller *caller,
                                                            Result<std::optional<StoredArticle>> found, qint64 readAt)
{
    auto article = visible(caller, std::move(found));
    if (!article)
        return std::unexpected(article.error());
    Rendered out{QJsonDocument(toJson(*article)).toJson(QJsonDocument::Compact), article->revision};
    // Only published articles: they look the same to everyone who may see them.
    if (article->status == ArticleStatus::Published)
        m_cache->put({out.json, article->revision, article->id, article->authorId, article->authorName, article->slug,
                      article->views, true},
                     readAt);
    return out;
}

bool ArticleService::usable(const ArticleCache::Entry &entry)
{
    if (entry.fresh)
        return true;
    const qint64 readAt = m_cache->now();
    m_cache->countRevalidation();
    auto current = m_store.stillCurrent(entry.id, entry.revision, entry.authorName, entry.views);
    if (!current || !*current)
        return false;
    m_cache->confirm(entry.id, readAt);
    return true;
}

Result<ArticleService::Rendered> ArticleService::getRendered(const Caller *caller, const QUuid &id)
{
    if (auto hit = m_cache->byId(id); hit && usable(*hit))
        return fromCache(caller, *hit);
    const qint64 readAt = m_cache->now();
    m_cache->countDatabaseRead();
    return renderRead(caller, m_store.find(id), readAt);
}

Result<ArticleService::Rendered> ArticleService::getRenderedBySlug(const Caller *caller, const QString &slug)
{
    if (slug.isEmpty() || slug.size() > 90 || markdown::slugify(slug, 90) != slug)
        return std::unexpected(notFound());
    if (auto hit = m_cache->bySlug(slug); hit && usable(*hit))
        return fromCache(caller, *hit);
    const qint64 readAt = m_cache->now();
    m_cache->countDatabaseRead();
    return renderRead(caller, m_store.findBySlug(slug), readAt);
}

QJsonObject ArticleService::summaryJson(const Article &article)
{
    QJsonObject json = toJson(article);
    json.remove(u"content"_s);
    json.remove(u"content_html"_s);
    return json;
}

Result<Precondition> ArticleService::precondition(const QByteArray &header)
{
    Precondition out;
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return out;
    out.present = true;
    if (value == "*")
        return out;
    bool ok = false;
    const int revision = value.size() > 2 && value.startsWith('"') && value.endsWith('"')
                             ? value.sliced(1, value.size() - 2).toInt(&ok)
                             : 0;
    if (!ok || revision < 1)
        return std::unexpected(Error::badRequest(u"If-Match must be \"<revision>\" as sent in ETag, or *."_s));
    out.revision = revision;
    return out;
}

Result<Article> ArticleService::visible(const Caller *caller, Result<std::optional<StoredArticle>> found)
{
    if (!found)
        return std::unexpected(found.error());
    if (!*found || !canSee(caller, **found))
        return std::unexpected(notFound());
    const Article &article = (*found)->article;
    // Views of published articles by readers, not by their author.
    if (article.status == ArticleStatus::Published && !isAuthor(caller, article))
        countView(article.id);
    return article;
}

Result<Article> ArticleService::get(const Caller *caller, const QUuid &id)
{
    return visible(caller, m_store.find(id));
}

Result<Article> ArticleService::getBySlug(const Caller *caller, const QString &slug)
{
    if (slug.isEmpty() || slug.size() > 90 || markdown::slugify(slug, 90) != slug)
        return std::unexpected(notFound());
    return visible(caller, m_store.findBySlug(slug));
}

// ---- Writing -----------------------------------------------------------------------------------------------

Result<ArticleResult> ArticleService::insertNew(const Caller &caller, const QUuid &id, const ArticleInput &input)
{
    const Role role = caller.user().role;
    if (!hasPermission(role, Permission::WriteOwnArticles))
        return std::unexpected(Error::forbidden(u"Your role cannot write articles; ask an administrator."_s));
    const ArticleStatus status = input.status.value_or(ArticleStatus::Draft);
    if (status == ArticleStatus::Published && !hasPermission(role, Permission::PublishOwnArticles))
        return std::unexpected(Error::forbidden(u"Your role cannot publish."_s));

    Article article;
    article.id = id;
    article.authorId = caller.user().id;
    article.authorName = caller.user().fullName;
    article.title = input.title;
    article.content = input.content;
    article.excerpt = input.excerpt.value_or(QString());
    article.tags = input.tags.value_or(QStringList());
    article.status = status;
    render(article, input.excerpt.has_value());

    std::optional<std::pair<QString, QJsonObject>> event;
    if (status == ArticleStatus::Published)
        event = std::pair{u"article.published"_s, QJsonObject{{u"article_id"_s, formatId(article.id)},
                                                              {u"author_id"_s, formatId(article.authorId)},
                                                              {u"author_name"_s, article.authorName},
                                                              {u"title"_s, article.title}}};
    // One statement (a function in the database, migration 0006): the slug, the row, its tags, the
    // event and the announcement commit together, in one round trip.
    StoredArticle stored{article, {}, {}, 0};
    for (int attempt = 0; attempt < kSlugAttempts; ++attempt) {
        auto created = m_store.create(stored, markdown::slugify(article.title), event);
        if (!created)
            return std::unexpected(created.error());
        if (*created == ArticleStore::InsertVerdict::IdTaken)
            return std::unexpected(Error::conflict(u"id-taken"_s, u"An article with this id exists."_s));
        if (*created == ArticleStore::InsertVerdict::Inserted) {
            noteWritten(caller); // before the caches are emptied: a read that refills them then knows of it
            // Only published articles are in the caches (a draft is read live by its author).
            if (status == ArticleStatus::Published) {
                m_searches->clear();
                m_lists->clear();
            }
            return ArticleResult{stored.article, true};
        }
    }
    return std::unexpected(Error::conflict(u"slug-taken"_s, u"Could not find a free slug; try again."_s));
}

namespace {

/// A document that could not be read at all (400, 415) is answered before anything else; its field errors
/// (422) only after the caller is known (401 first), as the API has always answered.
template <typename T> std::optional<Error> unreadable(const Result<T> &input)
{
    if (!input && input.error().kind != ErrorKind::Invalid)
        return input.error();
    return std::nullopt;
}

} // namespace

Result<ArticleResult> ArticleService::create(const Caller *caller, const Result<ArticleInput> &input)
{
    if (auto error = unreadable(input))
        return std::unexpected(*error);
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to write articles."_s));
    if (!input)
        return std::unexpected(input.error());
    return insertNew(*caller, QUuid::createUuid(), *input);
}

Result<ArticleResult> ArticleService::put(const Caller *caller, const QUuid &id, const Result<ArticleInput> &input,
                                          const Precondition &ifMatch)
{
    if (auto error = unreadable(input))
        return std::unexpected(*error);
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to write articles."_s));
    if (!input)
        return std::unexpected(input.error());
    auto existing = m_store.find(id);
    if (!existing)
        return std::unexpected(existing.error());
    if (!*existing) {
        if (ifMatch.present) // an update of something the caller cannot see
            return std::unexpected(notFound());
        auto created = insertNew(*caller, id, *input);
        if (created || created.error().kind != ErrorKind::Conflict || created.error().code != u"id-taken")
            return created;
        existing = m_store.find(id); // created meanwhile by a concurrent retry: answer as below
        if (!existing || !*existing)
            return std::unexpected(existing ? notFound() : existing.error());
    }
    const StoredArticle &stored = **existing;
    if (!canSee(caller, stored))
        return std::unexpected(notFound());
    if (!ifMatch.present) {
        // A retried create: the body equals what is stored → the stored article, unchanged.
        const Article &a = stored.article;
        const bool same = a.title == input->title && a.content == input->content &&
                          (!input->excerpt || *input->excerpt == a.excerpt) &&
                          input->tags.value_or(QStringList()) == a.tags &&
                          input->status.value_or(ArticleStatus::Draft) == a.status && isAuthor(caller, a);
        if (same)
            return ArticleResult{a, false};
        return std::unexpected(
            Error::preconditionRequired(u"This article exists: send If-Match with the revision you edited."_s));
    }
    const ArticleInput in = *input;
    auto replaced =
        mutate(*caller, id, ifMatch, true, in.status == ArticleStatus::Published ? Need::Publish : Need::Edit,
               [&in](Article &next, std::optional<QDateTime> &) -> Result<void> {
                   next.title = in.title;
                   next.content = in.content;
                   next.excerpt = in.excerpt.value_or(markdown::excerpt(in.content));
                   next.tags = in.tags.value_or(QStringList());
                   if (in.status)
                       next.status = *in.status;
                   return {};
               });
    if (!replaced)
        return std::unexpected(replaced.error());
    return ArticleResult{*replaced, false};
}

Result<Article> ArticleService::patch(const Caller *caller, const QUuid &id, const Result<ArticlePatch> &input,
                                      const Precondition &ifMatch)
{
    if (auto error = unreadable(input))
        return std::unexpected(*error);
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to edit articles."_s));
    if (!input)
        return std::unexpected(input.error());
    const ArticlePatch in = *input;
    return mutate(*caller, id, ifMatch, true, in.status == ArticleStatus::Published ? Need::Publish : Need::Edit,
                  [&in](Article &next, std::optional<QDateTime> &) -> Result<void> {
                      if (in.title)
                          next.title = *in.title;
                      if (in.content) {
                          // An excerpt that was made from the old content follows the new content.
                          if (!in.excerpt && next.excerpt == markdown::excerpt(next.content))
                              next.excerpt = markdown::excerpt(*in.content);
                          next.content = *in.content;
                      }
                      if (in.excerpt)
                          next.excerpt = *in.excerpt;
                      if (in.tags)
                          next.tags = *in.tags;
                      if (in.status)
                          next.status = *in.status;
                      return {};
                  });
}

Result<Article> ArticleService::setStatus(const Caller *caller, const QUuid &id, ArticleStatus status,
                                          const Precondition &ifMatch)
{
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to publish articles."_s));
    return mutate(*caller, id, ifMatch, false, status == ArticleStatus::Published ? Need::Publish : Need::Edit,
                  [status](Article &next, std::optional<QDateTime> &) -> Result<void> {
                      next.status = status;
                      return {};
                  });
}

Result<void> ArticleService::remove(const Caller *caller, const QUuid &id, const Precondition &ifMatch)
{
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to delete articles."_s));
    auto removed = mutate(*caller, id, ifMatch, false, Need::Delete,
                          [](Article &, std::optional<QDateTime> &deletedAt) -> Result<void> {
                              deletedAt = QDateTime::currentDateTimeUtc();
                              return {};
                          });
    if (!removed)
        return std::unexpected(removed.error());
    return {};
}

Result<Article> ArticleService::restore(const Caller *caller, const QUuid &id)
{
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in as an administrator."_s));
    if (!hasPermission(caller->user().role, Permission::DeleteAnyArticle))
        return std::unexpected(Error::forbidden(u"Only administrators restore articles."_s));
    return mutate(*caller, id, {}, false, Need::Restore,
                  [](Article &, std::optional<QDateTime> &deletedAt) -> Result<void> {
                      if (!deletedAt)
                          return std::unexpected(Error::conflict(u"not-deleted"_s, u"This article is not deleted."_s));
                      if (deletedAt->daysTo(QDateTime::currentDateTimeUtc()) > 30)
                          return std::unexpected(notFound());
                      deletedAt.reset();
                      return {};
                  });
}

namespace {

/// Whether `caller` may make a change of kind `need` to `article` (api.md: roles).
bool mayChange(const Caller &caller, const Article &article, ArticleService::Need need)
{
    using Need = ArticleService::Need;
    const Role role = caller.user().role;
    const bool author = caller.user().id == article.authorId;
    switch (need) {
    case Need::Edit:
        return canEditArticle(role, caller.user().id, article.authorId);
    case Need::Publish:
        return hasPermission(role, Permission::EditAnyArticle) ||
               (author && hasPermission(role, Permission::PublishOwnArticles));
    case Need::Delete:
        return hasPermission(role, Permission::DeleteAnyArticle) ||
               (author && hasPermission(role, Permission::DeleteOwnArticles));
    case Need::Restore:
        return hasPermission(role, Permission::DeleteAnyArticle);
    }
    return false;
}

} // namespace

Result<Article> ArticleService::mutate(const Caller &caller, const QUuid &id, const Precondition &ifMatch,
                                       bool ifMatchRequired, Need need, const Mutation &change)
{
    for (int attempt = 0; attempt < kSlugAttempts; ++attempt) {
        auto done = m_store.transaction([&]() -> Result<Article> {
            auto found = m_store.find(id, true);
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                return std::unexpected(notFound());
            const StoredArticle &current = **found;
            const Article &now = current.article;
            // Deleted articles exist only for restoring; others see nothing.
            if (need != Need::Restore && !canSee(&caller, current))
                return std::unexpected(notFound());
            if (!mayChange(caller, now, need))
                return std::unexpected(Error::forbidden(u"You may not change this article."_s));
            if (ifMatchRequired && !ifMatch.present)
                return std::unexpected(
                    Error::preconditionRequired(u"Send If-Match with the revision you edited (its ETag)."_s));
            if (ifMatch.revision && *ifMatch.revision != now.revision)
                return std::unexpected(stale(now));

            Article next = now;
            std::optional<QDateTime> deletedAt = current.deletedAt;
            if (auto changed = change(next, deletedAt); !changed)
                return std::unexpected(changed.error());
            if (next.status == ArticleStatus::Published && now.status != ArticleStatus::Published && need == Need::Edit)
                return std::unexpected(Error::forbidden(u"You may not publish this article."_s));
            const bool unchanged = next.title == now.title && next.content == now.content &&
                                   next.excerpt == now.excerpt && next.tags == now.tags && next.status == now.status &&
                                   deletedAt == current.deletedAt;
            if (unchanged)
                return now; // nothing to keep: no new revision
            return writeChange(caller, current, std::move(next), deletedAt);
        });
        if (done)
            noteWritten(caller); // before the caches are emptied, as in insertNew()
        // Before answering: whoever asked next on this instance reads the write.
        m_cache->remove(id);
        m_searches->clear();
        m_lists->clear();
        if (done || done.error().kind != ErrorKind::Conflict || done.error().code != kSlugRace)
            return done;
    }
    return std::unexpected(Error::conflict(u"slug-taken"_s, u"Could not find a free slug; try again."_s));
}

Result<Article> ArticleService::writeChange(const Caller &caller, const StoredArticle &current, Article next,
                                            const std::optional<QDateTime> &deletedAt)
{
    const Article &now = current.article;
    const QUuid &id = now.id;
    if (next.content != now.content)
        render(next, true);
    // The slug follows the title until the article is first published; then it is stable.
    if (next.title != now.title && !now.publishedAt) {
        auto slug = m_store.freeSlug(markdown::slugify(next.title), id);
        if (!slug)
            return std::unexpected(slug.error());
        next.slug = *slug;
    }
    next.revision = now.revision + 1;
    if (auto kept = m_store.keepRevision(current); !kept)
        return std::unexpected(kept.error());
    auto updated = m_store.update(next, deletedAt, caller.user().id);
    if (!updated)
        return std::unexpected(updated.error());
    if (*updated == ArticleStore::InsertVerdict::SlugTaken)
        return std::unexpected(Error::conflict(kSlugRace, {}));
    if (next.tags != now.tags) {
        if (auto tagged = m_store.setTags(id, next.tags); !tagged)
            return std::unexpected(tagged.error());
    }
    const bool nowPublished = next.status == ArticleStatus::Published && !deletedAt;
    const bool wasPublished = now.status == ArticleStatus::Published && !current.deletedAt;
    if (nowPublished && !wasPublished) {
        if (auto emitted = m_store.emitEvent(u"article.published"_s, {{u"article_id"_s, formatId(id)},
                                                                      {u"author_id"_s, formatId(now.authorId)},
                                                                      {u"author_name"_s, now.authorName},
                                                                      {u"title"_s, next.title},
                                                                      {u"slug"_s, next.slug}});
            !emitted)
            return std::unexpected(emitted.error());
    }
    if (auto announced = m_store.announceChange(id); !announced)
        return std::unexpected(announced.error());
    auto stored = m_store.find(id);
    if (!stored || !*stored)
        return std::unexpected(stored ? Error::internal() : stored.error());
    return (*stored)->article;
}

// ---- Reading lists -----------------------------------------------------------------------------------------

Result<QByteArray> ArticleService::list(const Caller *caller, const api::ArticleListRequest &request)
{
    // Pages of published articles are the same for everyone (and cached); other pages are the caller's. A cursor
    // belongs to the filters it was issued with: they are its scope.
    const bool publishedList = !request.status || *request.status == ArticleStatus::Published;
    QString scope = u"articles|%1|%2|%3|%4"_s.arg(request.status ? articleStatusToString(*request.status) : QString(),
                                                  request.authorId ? formatId(*request.authorId) : QString(),
                                                  request.tag, request.q);
    if (caller && !publishedList)
        scope += u'|' + formatId(caller->user().id);
    const QString cacheKey = u"%1|%2|%3"_s.arg(scope).arg(request.page.limit).arg(request.page.cursor);
    if (publishedList) {
        if (auto cached = m_lists->getRendered(cacheKey))
            return std::move(*cached);
    }
    const qint64 readAt = m_lists->now();
    auto after = decodeCursor(m_cursors, scope, request.page);
    if (!after)
        return std::unexpected(after.error());
    ArticleFilter filter;
    filter.status = request.status.value_or(ArticleStatus::Published);
    filter.authorId = request.authorId;
    filter.tag = request.tag;
    filter.query = request.q;
    if (!publishedList) {
        // Drafts and archived articles: the caller's own; an admin's view covers everyone's.
        if (!caller)
            return std::unexpected(Error::unauthorized(u"Sign in to list drafts."_s));
        if (!isAdmin(caller))
            filter.ownerOnly = caller->user().id;
    }
    bool mayCache = true;
    auto page = readListing(caller, publishedList, mayCache,
                            [&](ArticleStore &store) { return store.list(filter, request.page.limit, *after); });
    if (!page)
        return std::unexpected(page.error());
    QJsonArray items;
    for (const Article &article : page->items)
        items.append(summaryJson(article));
    QJsonObject answer{{u"items"_s, items},
                       {u"next_cursor"_s,
                        page->next ? QJsonValue(m_cursors.encode(scope, *page->next)) : QJsonValue(QJsonValue::Null)}};
    QByteArray json = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    if (publishedList && mayCache)
        m_lists->put(cacheKey, {}, readAt, json);
    return json;
}

Result<api::Page<api::RevisionInfo>> ArticleService::revisions(const Caller *caller, const QUuid &id,
                                                               const api::PageRequest &request)
{
    const QString scope = u"revisions|"_s + formatId(id);
    auto after = decodeCursor(m_cursors, scope, request);
    if (!after)
        return std::unexpected(after.error());
    auto found = m_store.find(id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || !canSee(caller, **found))
        return std::unexpected(notFound());
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to see revisions."_s));
    if (!isAuthor(caller, (*found)->article) && !isAdmin(caller))
        return std::unexpected(Error::forbidden(u"Only the author and administrators see revisions."_s));
    std::optional<int> before;
    if (*after)
        before = (*after)->at(0).toInt();
    auto entries = m_store.revisions(id, request.limit + 1, before);
    if (!entries)
        return std::unexpected(entries.error());
    api::Page<api::RevisionInfo> page;
    for (const RevisionEntry &entry : *entries) {
        if (page.items.size() == request.limit) {
            page.nextCursor = m_cursors.encode(scope, QJsonArray{entries->at(request.limit - 1).revision});
            break;
        }
        page.items.append({entry.revision, entry.title, entry.updatedAt, entry.updatedBy});
    }
    return page;
}

Result<Article> ArticleService::revision(const Caller *caller, const QUuid &id, int number)
{
    auto found = m_store.find(id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || !canSee(caller, **found))
        return std::unexpected(notFound());
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to see revisions."_s));
    if (!isAuthor(caller, (*found)->article) && !isAdmin(caller))
        return std::unexpected(Error::forbidden(u"Only the author and administrators see revisions."_s));
    auto entry = m_store.revision(id, number);
    if (!entry)
        return std::unexpected(entry.error());
    if (!*entry)
        return std::unexpected(Error::notFound(u"There is no such revision."_s));
    Article article = (*found)->article;
    article.title = (*entry)->title;
    article.content = (*entry)->content;
    article.excerpt = (*entry)->excerpt;
    article.status = (*entry)->status;
    article.tags = (*entry)->tags;
    article.revision = (*entry)->revision;
    article.updatedAt = (*entry)->updatedAt;
    render(article, true);
    return article;
}

Result<api::Page<Tag>> ArticleService::tags(const api::PageRequest &request)
{
    auto after = decodeCursor(m_cursors, u"tags", request);
    if (!after)
        return std::unexpected(after.error());
    auto page = m_store.tags(request.limit, *after);
    if (!page)
        return std::unexpected(page.error());
    return cursorPage(std::move(page->items), page->next, m_cursors, u"tags");
}

ArticleService::PlannedSearch ArticleService::planSearch(const api::SearchRequest &request)
{
    return PlannedSearch{request.q, request.limit, QString::number(request.limit) + u'|' + request.q};
}

namespace {

QJsonObject hitJson(const ArticleStore::SearchHit &hit)
{
    return QJsonObject{
        {u"article"_s, ArticleService::summaryJson(hit.article)}, {u"rank"_s, hit.rank}, {u"snippet"_s, hit.snippet}};
}

/// The answer of a search whose published hits are `published`, for a caller with no drafts to add.
QByteArray publishedAnswer(const QJsonArray &published)
{
    return QJsonDocument(QJsonObject{{u"items"_s, published}, {u"next_cursor"_s, QJsonValue(QJsonValue::Null)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

std::optional<QJsonArray> ArticleService::keptSearch(const PlannedSearch &request) const
{
    // With a replica, published hits are read where ReplicaRouting says, on this thread (search()).
    if (m_replica)
        return std::nullopt;
    return m_searches->kept(request.key);
}

std::optional<QByteArray> ArticleService::keptPublishedAnswer(const PlannedSearch &request) const
{
    if (m_replica)
        return std::nullopt;
    return m_searches->keptRendered(request.key);
}

bool ArticleService::searchesOffThread() const
{
    return !m_replica;
}

Result<QJsonArray> ArticleService::searchPublished(ThreadDatabase &db, SearchCache &searches,
                                                   const PlannedSearch &request)
{
    // Published hits are the same for everyone: kept, and computed by one request at a time per query (the
    // others that ask meanwhile wait for its result: on a worker, where waiting stalls no listener).
    SearchCache::Lookup lookup = searches.lookup(request.key);
    if (lookup.items)
        return std::move(*lookup.items);
    ArticleStore store(db);
    auto hits = store.search(request.text, std::nullopt, request.limit);
    if (!hits)
        return std::unexpected(hits.error()); // the turn is given up: waiting requests read on their own
    QJsonArray found;
    for (const ArticleStore::SearchHit &hit : *hits)
        found.append(hitJson(hit));
    lookup.turn.keep(found, publishedAnswer(found));
    return found;
}

Result<QJsonObject> ArticleService::searchAnswer(const Caller *caller, const PlannedSearch &request,
                                                 QJsonArray published)
{
    QJsonArray items = std::move(published);
    if (caller) {
        // The caller's own drafts and archived articles join the published hits, by rank.
        bool ownIsPrivate = true;
        auto own = readListing(caller, false, ownIsPrivate, [&](ArticleStore &store) {
            return store.search(request.text, caller->user().id, request.limit);
        });
        if (!own)
            return std::unexpected(own.error());
        if (!own->isEmpty()) {
            QList<QJsonObject> merged;
            for (const QJsonValue &value : std::as_const(items))
                merged.append(value.toObject());
            for (const ArticleStore::SearchHit &hit : *own)
                merged.append(hitJson(hit));
            std::stable_sort(merged.begin(), merged.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(u"rank"_s).toDouble() > b.value(u"rank"_s).toDouble();
            });
            items = QJsonArray();
            for (qsizetype i = 0; i < merged.size() && i < request.limit; ++i)
                items.append(merged.at(i));
        }
    }
    return QJsonObject{{u"items"_s, items}, {u"next_cursor"_s, QJsonValue(QJsonValue::Null)}};
}

Result<QJsonObject> ArticleService::search(const Caller *caller, const api::SearchRequest &asked)
{
    const PlannedSearch request = planSearch(asked);
    SearchCache::Lookup lookup = m_searches->lookup(request.key);
    std::optional<QJsonArray> published = std::move(lookup.items);
    if (!published) {
        bool mayCache = true;
        auto hits = readListing(caller, true, mayCache, [&](ArticleStore &store) {
            return store.search(request.text, std::nullopt, request.limit);
        });
        if (!hits)
            return std::unexpected(hits.error()); // the turn is given up: waiting requests read on their own
        QJsonArray found;
        for (const ArticleStore::SearchHit &hit : *hits)
            found.append(hitJson(hit));
        if (mayCache)
            lookup.turn.keep(found, publishedAnswer(found));
        else
            lookup.turn.giveUp();
        published = std::move(found);
    }
    return searchAnswer(caller, request, std::move(*published));
}

Result<QByteArray> ArticleService::changes(const Caller *caller, const api::ChangesRequest &request)
{
    if (!caller)
        return std::unexpected(Error::unauthorized(u"Sign in to sync."_s));
    std::optional<std::pair<qint64, QUuid>> after;
    qint64 issuedAfterPurges = 0;
    if (!request.since.isEmpty()) {
        // Cursors are issued signed: a made-up or damaged one would silently skip changes.
        // [seq, id] or [seq, id, purges]: the purge count when it was issued (none before there were purges).
        const auto position = m_cursors.decode(u"sync", request.since);
        const bool shaped = position && (position->size() == 2 || position->size() == 3);
        const qint64 seq = shaped ? position->at(0).toInteger() : 0;
        const auto id = shaped ? parseId(position->at(1).toString()) : std::nullopt;
        issuedAfterPurges = shaped && position->size() == 3 ? position->at(2).toInteger(-1) : 0;
        if (seq < 1 || !id || issuedAfterPurges < 0)
            return std::unexpected(Error::badRequest(u"since is not a cursor of this feed."_s));
        after = std::pair{seq, *id};
    }
    const int limit = request.limit;
    // Tombstones are purged 30 days after the deletion. A cursor issued before a purge and positioned before
    // its last tombstone may have missed deletions: the client must read the feed from the start, or it would
    // keep what was deleted. Read before the page, so that a purge racing this request makes the cursor we
    // issue look old (a needless restart at worst), never new.
    auto horizon = m_horizon.at(after ? after->first : 0, after ? after->second : QUuid());
    if (!horizon)
        return std::unexpected(horizon.error());
    if (after && horizon->beforePurge && horizon->purges > issuedAfterPurges)
        return std::unexpected(Error::gone(u"cursor-expired"_s,
                                           u"This cursor is older than deletions the server has since forgotten; "
                                           u"read the feed again from the start (without since)."_s));
    // Written straight as JSON while the rows are read (a page is megabytes of articles): the bytes QJsonDocument
    // writes for {"changes": [{"article", "deleted", "id", "kind", "seq"}], "cursor", "has_more"}, members by name.
    QByteArray out;
    JsonWriter json(out);
    json.beginObject();
    json.name("changes"_L1);
    json.beginArray();
    auto page = m_store.changes(
        after, caller->user().id, isAdmin(caller), limit,
        [&out](qsizetype textBytes) {
            out.reserve(textBytes + textBytes / 16 + 1024 * qsizetype(api::kMaxChangesLimit));
        },
        [&json](const FeedRow &row) {
            json.beginObject();
            json.name("article"_L1);
            if (row.visible)
                writeArticle(json, row);
            else
                json.null();
            json.name("deleted"_L1);
            json.value(!row.visible);
            json.name("id"_L1);
            json.value(formatId(row.id));
            json.name("kind"_L1);
            json.value(QStringView(u"article"));
            json.name("seq"_L1);
            json.value(row.seq);
            json.endObject();
        });
    if (!page)
        return std::unexpected(page.error());
    const auto last = page->last ? page->last : after;
    const QString cursor =
        last ? m_cursors.encode(u"sync", QJsonArray{last->first, formatId(last->second), horizon->purges}) : u"0"_s;
    json.endArray();
    json.name("cursor"_L1);
    json.value(cursor);
    json.name("has_more"_L1);
    json.value(page->hasMore);
    json.endObject();
    return out;
}

} // namespace inkwell::server
