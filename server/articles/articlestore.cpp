#include "articlestore.h"

#include "json/jsonreader.h"
#include "markdown/markdown.h"
#include "markdown/slug.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlResult>

#include <algorithm>
#include <array>
#include <numeric>

// libpq, which the QPSQL plugin loads (see ThreadDatabase): the change feed reads its rows' text in place. Declared
// here rather than taken from libpq-fe.h so that building needs no libpq-dev; libpq's own prototypes (PGresult is
// struct pg_result).
extern "C" {
struct pg_result;
int PQntuples(const pg_result *res);
char *PQgetvalue(const pg_result *res, int tup_num, int field_num);
int PQgetlength(const pg_result *res, int tup_num, int field_num);
int PQgetisnull(const pg_result *res, int tup_num, int field_num);
}

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QVariant nullableId(const std::optional<QUuid> &id)
{
    return id ? QVariant(idText(*id)) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullableTime(const std::optional<QDateTime> &time)
{
    return time ? QVariant(time->toUTC().toString(Qt::ISODateWithMs))
                : QVariant(QMetaType::fromType<QString>());
}

/// The columns readArticle() reads, from `articles a JOIN users u`. Summaries leave the body out.
QString articleColumns(bool withBody)
{
    return u"a.id, a.author_id, u.full_name, a.title, a.slug, %1, a.excerpt, a.status, a.tag_names::text, "
           u"a.reading_time, a.word_count, "
           u"coalesce((SELECT v.views FROM article_views v WHERE v.article_id = a.id), 0), a.revision, a.created_at, a.updated_at, a.published_at, "
           u"a.deleted_at, a.updated_by, a.change_xid::text"_s.arg(withBody ? u"a.content, a.content_html"_s
                                                                           : u"'', ''"_s);
}
constexpr int kArticleColumnCount = 20;

QDateTime utc(const QVariant &value)
{
    return value.toDateTime().toUTC();
}

/// The text of a result's columns as the database sent it (UTF-8), without a QString in between: read in place from
/// libpq's result when the driver hands it out (QPSQL does, for a query that is not forward-only: every row is
/// there), else converted from the driver's values.
class RawColumns {
public:
    explicit RawColumns(const QSqlQuery &query)
        : m_query(query)
    {
        const QVariant handle = query.result() ? query.result()->handle() : QVariant();
        // Qt 6 names the type as the compiler spells it ("pg_result*"); Qt's documentation says "PGresult*".
        if (!query.isForwardOnly() && handle.isValid() &&
            (qstrcmp(handle.typeName(), "pg_result*") == 0 || qstrcmp(handle.typeName(), "PGresult*") == 0))
            m_result = *static_cast<pg_result *const *>(handle.constData());
    }
    /// Rows of the whole result (-1 when not known).
    int rows() const { return m_result ? PQntuples(m_result) : -1; }
    bool isNull(int row, int column) const
    {
        return m_result ? PQgetisnull(m_result, row, column) != 0 : m_query.isNull(column);
    }
    qsizetype length(int row, int column) const { return m_result ? PQgetlength(m_result, row, column) : 0; }
    /// Valid until the next call for the same column (or the query's next row).
    QByteArrayView text(int row, int column) const
    {
        if (m_result)
            return QByteArrayView(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
        m_converted[size_t(column)] = m_query.value(column).toString().toUtf8();
        return m_converted[size_t(column)];
    }

private:
    const QSqlQuery &m_query;
    const pg_result *m_result = nullptr;
    mutable std::array<QByteArray, kArticleColumnCount> m_converted;
};

QStringList jsonStrings(const QByteArray &json)
{
    QStringList out;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array())
        out.append(value.toString());
    return out;
}

StoredArticle readArticle(const QSqlQuery &q, int at = 0)
{
    StoredArticle out;
    Article &a = out.article;
    a.id = QUuid::fromString(q.value(at).toString());
    a.authorId = QUuid::fromString(q.value(at + 1).toString());
    a.authorName = q.value(at + 2).toString();
    a.title = q.value(at + 3).toString();
    a.slug = q.value(at + 4).toString();
    a.content = q.value(at + 5).toString();
    a.contentHtml = q.value(at + 6).toString();
    a.excerpt = q.value(at + 7).toString();
    a.status = articleStatusFromString(q.value(at + 8).toString()).value_or(ArticleStatus::Draft);
    a.tags = jsonStrings(q.value(at + 9).toByteArray());
    a.readingTime = q.value(at + 10).toInt();
    a.wordCount = q.value(at + 11).toInt();
    a.views = q.value(at + 12).toLongLong();
    a.revision = q.value(at + 13).toInt();
    a.createdAt = utc(q.value(at + 14));
    a.updatedAt = utc(q.value(at + 15));
    if (!q.value(at + 16).isNull())
        a.publishedAt = utc(q.value(at + 16));
    if (!q.value(at + 17).isNull())
        out.deletedAt = utc(q.value(at + 17));
    a.deleted = out.deletedAt.has_value();
    if (!q.value(at + 18).isNull())
        out.updatedBy = QUuid::fromString(q.value(at + 18).toString());
    out.seq = q.value(at + 19).toLongLong();
    return out;
}

/// How many candidates a published search ranks, from each of its two sources (migration 0008): articles
/// whose title or own excerpt matches, and articles that match anywhere. Ranking reads each candidate's whole
/// vector (a few kB, out of line, 20-80 µs each on the 2-core bench machine): 200 from each source cost about
/// what ranking every match of a common term costs in a corpus of 2,000 articles (a quarter of 1,600).
constexpr int kSearchCandidates = 200;

/// ts_headline marks hits with these (they cannot occur in stored text: the readers refuse control
/// characters other than white space); the snippet is HTML-escaped before they become <mark>.
constexpr QChar kHitStart(0x0001);
constexpr QChar kHitStop(0x0002);

QString markedSnippet(const QString &headline)
{
    QString escaped = headline.toHtmlEscaped();
    escaped.replace(kHitStart, u"<mark>"_s).replace(kHitStop, u"</mark>"_s);
    return escaped;
}

QString tagSlug(const QString &name)
{
    return markdown::slugify(name, 50);
}

/// Two names can slugify alike ("C" and "C++"): the second gets the hash of its name appended, so
/// every tag keeps a slug of its own.
QString tagFallbackSlug(const QString &name, const QString &slug)
{
    return slug.left(40) + u'-' +
           QString::fromLatin1(QCryptographicHash::hash(name.toLower().toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

/// Tags are created in one order (by lower-case name), whatever the article's order: two articles
/// creating the same new tags at once would otherwise deadlock on the unique index.
QList<int> tagCreationOrder(const QStringList &names)
{
    QList<int> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&names](int a, int b) { return names.at(a).toLower() < names.at(b).toLower(); });
    return order;
}

/// Whether the excerpt is the one the server derives from the body (its opening): search then reads that
/// text once, in the body (migration 0007). Decided from the text, so an excerpt written the same counts
/// alike, and one that follows a changed body stays derived.
bool excerptIsDerived(const Article &a)
{
    return a.excerpt == markdown::excerpt(a.content);
}

QString compactJson(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

ArticleStore::ArticleStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.articles"_s)
{
}

Result<std::optional<StoredArticle>> ArticleStore::find(const QUuid &id, bool forUpdate)
{
    auto query = run(u"SELECT %1 FROM articles a JOIN users u ON u.id = a.author_id WHERE a.id = ?%2"_s.arg(
                         articleColumns(true), forUpdate ? u" FOR UPDATE OF a"_s : QString()),
                     {idText(id)});
    if (!query)
        return std::unexpected(failure(query.error(), "reading an article"));
    if (!(*query)->next())
        return std::optional<StoredArticle>();
    auto article = readArticle(**query);
    (*query)->finish();
    return article;
}

Result<std::optional<StoredArticle>> ArticleStore::findBySlug(const QString &slug)
{
    auto query = run(u"SELECT %1 FROM articles a JOIN users u ON u.id = a.author_id WHERE a.slug = ?"_s.arg(
                         articleColumns(true)),
                     {slug});
    if (!query)
        return std::unexpected(failure(query.error(), "reading an article by slug"));
    if (!(*query)->next())
        return std::optional<StoredArticle>();
    auto article = readArticle(**query);
    (*query)->finish();
    return article;
}

Result<bool> ArticleStore::stillCurrent(const QUuid &id, int revision, const QString &authorName, qint64 views)
{
    auto query = run(u"SELECT EXISTS (SELECT 1 FROM articles a JOIN users u ON u.id = a.author_id WHERE a.id = ? "
                     u"AND a.revision = ? AND a.status = 'published' AND a.deleted_at IS NULL AND u.full_name = ? "
                     u"AND coalesce((SELECT v.views FROM article_views v WHERE v.article_id = a.id), 0) = ?)"_s,
                     {idText(id), revision, authorName, views});
    if (!query)
        return std::unexpected(failure(query.error(), "checking a cached article"));
    (*query)->next();
    const bool current = (*query)->value(0).toBool();
    (*query)->finish();
    return current;
}

Result<QString> ArticleStore::freeSlug(const QString &base, const QUuid &self)
{
    // "base" and everything from "base-" up to (not including) "base." in byte order: '.' follows '-'.
    auto query = run(u"SELECT slug FROM articles WHERE (slug = ? OR (slug ~>=~ ? AND slug ~<~ ?)) AND id <> ?"_s,
                     {base, QString(base + u'-'), QString(base + u'.'), idText(self)});
    if (!query)
        return std::unexpected(failure(query.error(), "finding a free slug"));
    QSet<QString> taken;
    while ((*query)->next())
        taken.insert((*query)->value(0).toString());
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + u'-' + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

Result<ArticleStore::InsertVerdict> ArticleStore::create(StoredArticle &stored, const QString &baseSlug,
                                                          const std::optional<std::pair<QString, QJsonObject>> &event)
{
    Article &a = stored.article;
    QJsonArray tagSpecs;
    for (const int i : tagCreationOrder(a.tags)) {
        const QString &name = a.tags.at(i);
        const QString slug = tagSlug(name);
        tagSpecs.append(QJsonObject{{u"name"_s, name},
                                    {u"slug"_s, slug},
                                    {u"fallback"_s, tagFallbackSlug(name, slug)},
                                    {u"pos"_s, i}});
    }
    const bool published = a.status == ArticleStatus::Published;
    auto query = run(u"SELECT o_slug, o_created_at, o_updated_at, o_published_at, o_change_xid "
                     u"FROM inkwell_create_article(?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), ?, "
                     u"?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)"_s,
                     {idText(a.id), idText(a.authorId), a.title, baseSlug, a.content, a.contentHtml, a.excerpt,
                      excerptIsDerived(a), articleStatusToString(a.status), a.readingTime, a.wordCount,
                      compactJson(tagSpecs), compactJson(QJsonArray::fromStringList(a.tags)),
                      event ? QVariant(compactJson(QJsonObject{{u"topic"_s, event->first},
                                                               {u"payload"_s, event->second}}))
                            : QVariant(QMetaType::fromType<QString>()),
                      published});
    if (!query) {
        if (isUniqueViolation(query.error()))
            return InsertVerdict::IdTaken;
        return std::unexpected(failure(query.error(), "creating an article"));
    }
    if (!(*query)->next())
        return InsertVerdict::SlugTaken;
    a.slug = (*query)->value(0).toString();
    a.createdAt = utc((*query)->value(1));
    a.updatedAt = utc((*query)->value(2));
    if (!(*query)->value(3).isNull())
        a.publishedAt = utc((*query)->value(3));
    a.revision = 1;
    a.views = 0;
    stored.seq = (*query)->value(4).toLongLong();
    stored.updatedBy = a.authorId;
    (*query)->finish();
    return InsertVerdict::Inserted;
}

Result<ArticleStore::InsertVerdict> ArticleStore::update(const Article &a, const std::optional<QDateTime> &deletedAt,
                                                         const QUuid &by)
{
    auto query = run(u"UPDATE articles SET title = ?, slug = ?, content = coalesce(?, ''), "
                     u"content_html = coalesce(?, ''), excerpt = coalesce(?, ''), excerpt_derived = ?, status = ?, "
                     u"reading_time = ?, word_count = ?, revision = ?, "
                     u"published_at = CASE WHEN ? THEN coalesce(published_at, now()) ELSE published_at END, "
                     u"deleted_at = ?::timestamptz, updated_by = ?, updated_at = now(), "
                     u"change_xid = pg_current_xact_id() WHERE id = ?"_s,
                     {a.title, a.slug, a.content, a.contentHtml, a.excerpt, excerptIsDerived(a),
                      articleStatusToString(a.status), a.readingTime, a.wordCount, a.revision,
                      a.status == ArticleStatus::Published, nullableTime(deletedAt), idText(by), idText(a.id)});
    if (!query) {
        if (isUniqueViolation(query.error()))
            return InsertVerdict::SlugTaken;
        return std::unexpected(failure(query.error(), "updating an article"));
    }
    return InsertVerdict::Inserted;
}

Result<void> ArticleStore::keepRevision(const StoredArticle &current)
{
    const Article &a = current.article;
    auto query = run(u"INSERT INTO article_revisions (article_id, revision, title, content, excerpt, status, tags, "
                     u"edited_by, created_at) VALUES (?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?::jsonb, ?::uuid, "
                     u"?::timestamptz) "
                     u"ON CONFLICT DO NOTHING"_s,
                     {idText(a.id), a.revision, a.title, a.content, a.excerpt, articleStatusToString(a.status),
                      QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(a.tags)).toJson(QJsonDocument::Compact)),
                      nullableId(current.updatedBy), a.updatedAt.toString(Qt::ISODateWithMs)});
    if (!query)
        return std::unexpected(failure(query.error(), "keeping a revision"));
    return {};
}

Result<void> ArticleStore::setTags(const QUuid &articleId, const QStringList &names)
{
    if (auto cleared = run(u"DELETE FROM article_tags WHERE article_id = ?"_s, {idText(articleId)}); !cleared)
        return std::unexpected(failure(cleared.error(), "clearing tags"));
    for (const int i : tagCreationOrder(names)) {
        const QString &name = names.at(i);
        const QString slug = tagSlug(name);
        const QString fallback = tagFallbackSlug(name, slug);
        auto tag = run(u"WITH existing AS (SELECT id FROM tags WHERE lower(name) = lower(?)), "
                       u"created AS (INSERT INTO tags (name, slug) SELECT ?, CASE WHEN EXISTS "
                       u"(SELECT 1 FROM tags WHERE slug = ?) THEN ? ELSE ? END "
                       u"WHERE NOT EXISTS (SELECT 1 FROM existing) ON CONFLICT DO NOTHING RETURNING id) "
                       u"INSERT INTO article_tags (article_id, tag_id, position) "
                       u"SELECT ?, id, ? FROM (SELECT id FROM existing UNION ALL SELECT id FROM created "
                       u"UNION ALL SELECT id FROM tags WHERE lower(name) = lower(?)) t LIMIT 1 "
                       u"ON CONFLICT DO NOTHING"_s,
                       {name, name, slug, fallback, slug, idText(articleId), i, name});
        if (!tag)
            return std::unexpected(failure(tag.error(), "tagging an article"));
    }
    auto kept = run(u"UPDATE articles SET tag_names = ?::jsonb WHERE id = ?"_s,
                     {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact)),
                      idText(articleId)});
    if (!kept)
        return std::unexpected(failure(kept.error(), "tagging an article"));
    return {};
}

Result<void> ArticleStore::emitEvent(const QString &topic, const QJsonObject &payload)
{
    auto query = run(u"WITH e AS (INSERT INTO outbox (topic, payload) VALUES (?, ?::jsonb)) "
                     u"SELECT pg_notify('inkwell_outbox', ?)"_s,
                     {topic, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), topic});
    if (!query)
        return std::unexpected(failure(query.error(), "writing an event"));
    (*query)->finish();
    return {};
}

Result<void> ArticleStore::announceChange(const QUuid &id)
{
    auto query = run(u"SELECT pg_notify('inkwell_articles', ?)"_s, {idText(id)});
    if (!query)
        return std::unexpected(failure(query.error(), "announcing a change"));
    (*query)->finish();
    return {};
}

Result<ArticleStore::ListPage> ArticleStore::list(const ArticleFilter &filter, int limit,
                                                  const std::optional<QJsonArray> &after)
{
    // Published lists are ordered by publication, the others (drafts, archived) by last change.
    const bool published = filter.status == ArticleStatus::Published;
    const QString sortColumn = published ? u"a.published_at"_s : u"a.updated_at"_s;
    const bool paged = after && after->size() == 2;
    // Only the predicates that apply: each combination is its own kept statement with its own plan.
    QString where = u"a.deleted_at IS NULL AND a.status = ?"_s;
    QVariantList binds{articleStatusToString(filter.status)};
    if (filter.authorId) {
        where += u" AND a.author_id = ?::uuid"_s;
        binds.append(idText(*filter.authorId));
    }
    if (filter.ownerOnly) {
        where += u" AND a.author_id = ?::uuid"_s;
        binds.append(idText(*filter.ownerOnly));
    }
    if (!filter.tag.isEmpty()) {
        where += u" AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                 u"WHERE at.article_id = a.id AND (lower(t.name) = lower(?) OR t.slug = lower(?)))"_s;
        binds << filter.tag << filter.tag;
    }
    if (!filter.query.isEmpty()) {
        where += u" AND a.search @@ websearch_to_tsquery('english', ?)"_s;
        binds.append(filter.query);
    }
    if (paged) {
        where += u" AND (%1, a.id) < (?::timestamptz, ?::uuid)"_s.arg(sortColumn);
        binds << after->at(0).toString() << after->at(1).toString();
    }
    binds.append(limit + 1);
    auto query = run(u"SELECT %1, %2::text FROM articles a JOIN users u ON u.id = a.author_id WHERE %3 "
                     u"ORDER BY %2 DESC, a.id DESC LIMIT ?"_s.arg(articleColumns(false), sortColumn, where),
                     binds);
    if (!query)
        return std::unexpected(failure(query.error(), "listing articles"));
    return readKeysetPage<Article>(
        **query, limit, [](QSqlQuery &row) { return readArticle(row).article; },
        [](QSqlQuery &row, const Article &article) {
            return QJsonArray{row.value(kArticleColumnCount).toString(), idText(article.id)};
        });
}

Result<QList<ArticleStore::SearchHit>> ArticleStore::search(const QString &text, const std::optional<QUuid> &draftsOf,
                                                            int limit)
{
    // Published articles: the best `limit` of a bounded candidate set, read through the search indexes only
    // (inkwell_search_published, migration 0008), so that a term found in most of a large corpus costs what
    // it costs in a small one. An author's drafts are few: those are all ranked.
    const QString hitsCte =
        draftsOf
            ? u"hits AS (SELECT a.id, ts_rank(a.search, q.query) AS rank FROM articles a, q "
              u"WHERE a.search @@ q.query AND a.deleted_at IS NULL AND a.author_id = ?::uuid "
              u"AND a.status <> 'published' ORDER BY rank DESC, a.id LIMIT ?)"_s
            : u"hits AS (SELECT h.o_id AS id, h.o_rank AS rank FROM q, inkwell_search_published(q.query, ?, ?) h)"_s;
    const QVariantList binds =
        draftsOf ? QVariantList{text, idText(*draftsOf), limit} : QVariantList{text, limit, kSearchCandidates};
    // Headlines only for the page, over the title, the excerpt and a window of the body around the query's
    // words (inkwell_snippet_source, migration 0010): ts_headline over whole bodies is the expensive part. A
    // derived excerpt is the body's opening: it is left out, or the snippet would show it twice.
    auto query = run(u"WITH q AS (SELECT websearch_to_tsquery('english', ?) AS query), %2 "
                     u"SELECT %1, hits.rank, ts_headline('english', translate(inkwell_snippet_source(a.title, "
                     u"a.excerpt, a.excerpt_derived, a.content, q.query), E'\\x01\\x02', ''), "
                     u"q.query, 'StartSel=\"\x01\", StopSel=\"\x02\", MaxWords=30, MinWords=10, MaxFragments=2, "
                     u"FragmentDelimiter=\" … \"') "
                     u"FROM hits JOIN articles a ON a.id = hits.id JOIN users u ON u.id = a.author_id, q "
                     u"ORDER BY hits.rank DESC, a.id"_s.arg(articleColumns(false), hitsCte),
                     binds);
    if (!query)
        return std::unexpected(failure(query.error(), "searching"));
    QList<SearchHit> hits;
    while ((*query)->next()) {
        SearchHit hit;
        hit.article = readArticle(**query).article;
        hit.rank = (*query)->value(kArticleColumnCount).toDouble();
        hit.snippet = markedSnippet((*query)->value(kArticleColumnCount + 1).toString());
        hits.append(std::move(hit));
    }
    return hits;
}

QString ArticleStore::changesStatement()
{
    // Each page is a range read of articles_change_idx (change_xid, id): the keyset and the snapshot bound are
    // both index conditions and the index gives the order, so a page reads its own rows (and the drafts of
    // others in between, for a non-admin) at any position in the feed.
    return u"SELECT %1 FROM articles a JOIN users u ON u.id = a.author_id "
           u"WHERE (a.change_xid, a.id) > (?::xid8, ?::uuid) "
           u"AND a.change_xid < pg_snapshot_xmin(pg_current_snapshot()) "
           u"AND (?::boolean OR a.author_id = ?::uuid OR a.published_at IS NOT NULL) "
           u"ORDER BY a.change_xid, a.id LIMIT ?"_s.arg(articleColumns(true));
}

Result<FeedPage> ArticleStore::changes(const std::optional<std::pair<qint64, QUuid>> &after, const QUuid &viewer,
                                       bool viewerIsAdmin, int limit, const std::function<void(qsizetype)> &sizeHint,
                                       const std::function<void(const FeedRow &)> &each)
{
    // The order is the id of the transaction that last wrote each article. Ids are handed out when
    // a transaction first writes but become visible at commit, out of order; so only rows written by
    // transactions older than every transaction still running (the snapshot's xmin) are read. Those
    // are all finished: nothing can commit below that line any more, and a cursor never passes a
    // change that is yet to commit. The price is a short lag while a write is in flight.
    //
    // What each caller sees: its own articles and everything ever published (an article that was
    // published and is no longer visible to the caller comes as a tombstone); an admin sees every article.
    auto query = run(changesStatement(),
                     {QString::number(after ? after->first : 0),
                      after ? idText(after->second) : u"00000000-0000-0000-0000-000000000000"_s, viewerIsAdmin,
                      idText(viewer), limit + 1});
    if (!query)
        return std::unexpected(failure(query.error(), "reading the change feed"));
    QSqlQuery &q = **query;
    const RawColumns raw(q);
    const QByteArray viewerText = idText(viewer).toLatin1();
    FeedPage page;
    if (sizeHint) {
        qsizetype bytes = 0;
        for (int row = 0, rows = std::min(raw.rows(), limit); row < rows; ++row)
            bytes += raw.length(row, 5) + raw.length(row, 6);
        sizeHint(bytes);
    }
    while (q.next()) {
        if (page.rows == limit) {
            page.hasMore = true;
            break;
        }
        const int row = q.at();
        FeedRow out;
        out.seq = raw.text(row, 19).toLongLong();
        out.id = QUuid::fromString(QLatin1StringView(raw.text(row, 0)));
        out.authorId = raw.text(row, 1);
        const bool deleted = !raw.isNull(row, 17);
        out.status = articleStatusFromString(QString::fromLatin1(raw.text(row, 8))).value_or(ArticleStatus::Draft);
        out.visible =
            !deleted && (viewerIsAdmin || out.status == ArticleStatus::Published || out.authorId == viewerText);
        if (out.visible) {
            out.authorName = raw.text(row, 2);
            out.title = raw.text(row, 3);
            out.slug = raw.text(row, 4);
            out.content = raw.text(row, 5);
            out.contentHtml = raw.text(row, 6);
            out.excerpt = raw.text(row, 7);
            out.tagsJson = raw.text(row, 9);
            out.readingTime = raw.text(row, 10);
            out.wordCount = raw.text(row, 11);
            out.views = raw.text(row, 12);
            out.revision = raw.text(row, 13);
            // Times through the driver, as every other read converts them.
            out.createdAt = utc(q.value(14));
            out.updatedAt = utc(q.value(15));
            if (!raw.isNull(row, 16))
                out.publishedAt = utc(q.value(16));
        }
        each(out);
        page.last = std::pair{out.seq, out.id};
        ++page.rows;
    }
    q.finish();
    return page;
}

Result<QList<RevisionEntry>> ArticleStore::revisions(const QUuid &id, int limit, const std::optional<int> &before,
                                                     bool inclusive)
{
    auto query = run(u"SELECT revision, title, content, excerpt, status, tags::text, updated_at, updated_by FROM ("
                     u"SELECT a.revision, a.title, a.content, a.excerpt, a.status, "
                     u"a.tag_names AS tags, "
                     u"a.updated_at, a.updated_by FROM articles a WHERE a.id = ? "
                     u"UNION ALL SELECT r.revision, r.title, r.content, r.excerpt, r.status, r.tags, r.created_at, "
                     u"r.edited_by FROM article_revisions r WHERE r.article_id = ?) v "
                     u"WHERE (?::int IS NULL OR revision %1 ?::int) ORDER BY revision DESC LIMIT ?"_s.arg(
                         inclusive ? u"<="_s : u"<"_s),
                     {idText(id), idText(id), before ? QVariant(*before) : QVariant(QMetaType::fromType<int>()),
                      before ? QVariant(*before) : QVariant(QMetaType::fromType<int>()), limit});
    if (!query)
        return std::unexpected(failure(query.error(), "listing revisions"));
    QList<RevisionEntry> out;
    while ((*query)->next()) {
        const QSqlQuery &q = **query;
        RevisionEntry entry;
        entry.revision = q.value(0).toInt();
        entry.title = q.value(1).toString();
        entry.content = q.value(2).toString();
        entry.excerpt = q.value(3).toString();
        entry.status = articleStatusFromString(q.value(4).toString()).value_or(ArticleStatus::Draft);
        entry.tags = jsonStrings(q.value(5).toByteArray());
        entry.updatedAt = utc(q.value(6));
        if (!q.value(7).isNull())
            entry.updatedBy = QUuid::fromString(q.value(7).toString());
        out.append(std::move(entry));
    }
    return out;
}

Result<std::optional<RevisionEntry>> ArticleStore::revision(const QUuid &id, int number)
{
    auto all = revisions(id, 1, number, true);
    if (!all)
        return std::unexpected(all.error());
    if (all->isEmpty() || all->first().revision != number)
        return std::optional<RevisionEntry>();
    return std::optional<RevisionEntry>(all->first());
}

Result<KeysetPage<Tag>> ArticleStore::tags(int limit, const std::optional<QJsonArray> &after)
{
    const bool paged = after && after->size() == 2;
    auto query = run(u"SELECT t.id, t.name, t.slug, (SELECT count(*) FROM article_tags at JOIN articles a "
                     u"ON a.id = at.article_id WHERE at.tag_id = t.id AND a.status = 'published' "
                     u"AND a.deleted_at IS NULL), lower(t.name) FROM tags t "
                     u"WHERE (NOT ? OR (lower(t.name), t.id) > (?, ?::uuid)) ORDER BY lower(t.name), t.id LIMIT ?"_s,
                     {paged, paged ? after->at(0).toString() : u""_s,
                      paged ? after->at(1).toString() : u"00000000-0000-0000-0000-000000000000"_s, limit + 1});
    if (!query)
        return std::unexpected(failure(query.error(), "listing tags"));
    // The position is the database's lower(name), the order's own key (QString::toLower may differ from it).
    return readKeysetPage<Tag>(
        **query, limit,
        [](QSqlQuery &row) {
            return Tag{QUuid::fromString(row.value(0).toString()), row.value(1).toString(), row.value(2).toString(),
                       row.value(3).toInt()};
        },
        [](QSqlQuery &row, const Tag &tag) {
            return QJsonArray{row.value(4).toString(), idText(tag.id)};
        });
}

Result<void> ArticleStore::addViews(const QHash<QUuid, qint64> &views)
{
    if (views.isEmpty())
        return {};
    QStringList ids;
    QStringList counts;
    for (auto it = views.cbegin(); it != views.cend(); ++it) {
        ids.append(idText(it.key()));
        counts.append(QString::number(it.value()));
    }
    // Views are not a change of the article: no revision, no change-feed stamp, no updated_at.
    auto query = run(u"INSERT INTO article_views AS t (article_id, views) "
                     u"SELECT v.id, v.n FROM (SELECT unnest(string_to_array(?, ','))::uuid AS id, "
                     u"unnest(string_to_array(?, ','))::bigint AS n) v JOIN articles a ON a.id = v.id "
                     // Rows in id order: listeners flushing at the same time lock them in one order.
                     u"ORDER BY v.id ON CONFLICT (article_id) DO UPDATE SET views = t.views + EXCLUDED.views"_s,
                     {ids.join(u','), counts.join(u',')});
    if (!query)
        return std::unexpected(failure(query.error(), "counting views"));
    return {};
}

} // namespace inkwell::server
