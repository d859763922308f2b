// Acceptance tests of the articles module (api.md: Articles, Tags, Search, Sync, Roles and the
// edge-case details) through real HTTP against a real PostgreSQL: the article object and its
// ETags, slugs, strict input on every write route, PUT with client-chosen ids, If-Match and 412s
// under concurrency, status changes, soft deletion and restore, revisions, lists and their
// keyset paging, tags, weighted full-text search with safe snippets, Markdown XSS through create
// and update, the change feed (visibility, tombstones, and a reader following eight concurrent
// writers without gaps), and batched view counts.
//
// Registration hashes with Argon2id, so four users are made once and shared: the first one is
// the admin, the server gives later ones the creator role, and one is demoted to viewer in SQL
// (the server reads roles from the database on every request). Tests make their own articles,
// with titles, tags and words that no other test uses.
#include "accounts/accountroutes.h"
#include "api/apitypes.h"
#include "articles/articlecache.h"
#include "articles/articleroutes.h"
#include "articles/articlestore.h"
#include "db/migrator.h"
#include "db/pgnotifier.h"
#include "housekeeping/housekeeper.h"
#include "htmlsafety.h"
#include "httpclient.h"
#include "markdown/markdown.h"
#include "testpostgres.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;
using namespace inkwell::server;
using inkwell::test::HttpClient;
using inkwell::test::HttpResponse;
using inkwell::test::TestPostgres;
using inkwell::test::TestServer;

namespace {

using Headers = QHash<QByteArray, QByteArray>;

const QRegularExpression kTimestamp(uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)"_s);
const QRegularExpression kUuid(uR"(^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)"_s);

/// The members of api.md's `article`, exactly.
const QSet<QString> kArticleMembers{
    u"id"_s,           u"author_id"_s, u"author_name"_s, u"title"_s,      u"slug"_s,         u"content"_s,
    u"content_html"_s, u"excerpt"_s,   u"status"_s,      u"tags"_s,       u"reading_time"_s, u"word_count"_s,
    u"views"_s,        u"revision"_s,  u"created_at"_s,  u"updated_at"_s, u"published_at"_s, u"deleted"_s};

int g_serial = 0;

/// A label no other test uses, so that titles, slugs, tags and search words never collide.
QString unique(const QString &label)
{
    return u"%1 %2"_s.arg(label).arg(++g_serial);
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// `"<revision>"`, as ETag and If-Match spell it.
QByteArray etag(int revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// Status and (shortened) body, for failure messages.
QByteArray describe(const HttpResponse &response)
{
    QByteArray text = "status " + QByteArray::number(response.status) + ": " + response.body.left(600);
    if (!response.networkError.isEmpty())
        text += " (" + response.networkError.toUtf8() + ')';
    return text;
}

/// Checks a request's status, showing the body when it differs.
#define EXPECT_STATUS(expression, expected)                                                                            \
    do {                                                                                                               \
        const HttpResponse &answer_ = (expression);                                                                    \
        QVERIFY2(answer_.status == (expected), describe(answer_).constData());                                         \
    } while (false)

/// Checks an error answer as api.md's Conventions describe it: a problem document with the status,
/// the request id of the header, and `WWW-Authenticate: Bearer` on a 401.
void checkProblem(const HttpResponse &response, int status)
{
    QVERIFY2(response.status == status, describe(response).constData());
    QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    const QJsonObject problem = response.json();
    QCOMPARE(problem.value(u"status"_s).toInt(), status);
    QVERIFY2(!problem.value(u"type"_s).toString().isEmpty(), response.body.constData());
    QVERIFY2(!problem.value(u"title"_s).toString().isEmpty(), response.body.constData());
    QVERIFY(!response.header("X-Request-Id").isEmpty());
    QCOMPARE(problem.value(u"request_id"_s).toString().toLatin1(), response.header("X-Request-Id"));
    // No internals: SQL text or source paths never reach a client.
    QVERIFY2(!response.body.contains("SELECT") && !response.body.contains(".cpp"), response.body.constData());
    if (status == 401)
        QVERIFY2(response.header("WWW-Authenticate").startsWith("Bearer"),
                 response.header("WWW-Authenticate").constData());
}

/// Evaluates `expression` once; the status is checked here so that a failure names the caller's line.
#define CHECK_PROBLEM(expression, wanted)                                                                              \
    do {                                                                                                               \
        const HttpResponse &problem_ = (expression);                                                                   \
        QVERIFY2(problem_.status == (wanted), describe(problem_).constData());                                         \
        checkProblem(problem_, wanted);                                                                                \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

/// The field names of a 422's `errors`.
QStringList errorFields(const HttpResponse &response)
{
    QStringList fields;
    for (const QJsonValue &error : response.json().value(u"errors"_s).toArray())
        fields << error.toObject().value(u"field"_s).toString();
    return fields;
}

QStringList idsOf(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out << item.toObject().value(u"id"_s).toString();
    return out;
}

/// The member names of `object` (keys() is a temporary: take it once).
QSet<QString> keySet(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QString percent(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

/// A request for sendConcurrently().
struct PendingRequest {
    QByteArray method;
    QString path;
    QByteArray body;
    Headers headers;
};

/// Sends every request at once, each through its own QNetworkAccessManager (so each has its own
/// connection; one manager would queue them), and waits for all answers.
QList<HttpResponse> sendConcurrently(const QUrl &base, const QList<PendingRequest> &requests, int timeoutMs = 30000)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> replies;
    QEventLoop loop;
    qsizetype finished = 0;
    for (const PendingRequest &pending : requests) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(base.resolved(QUrl(pending.path)));
        if (!pending.body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (auto it = pending.headers.cbegin(); it != pending.headers.cend(); ++it)
            request.setRawHeader(it.key(), it.value());
        QNetworkReply *reply = managers.back()->sendCustomRequest(request, pending.method, pending.body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&finished, &loop, &requests] {
            if (++finished == requests.size())
                loop.quit();
        });
        replies << reply;
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (finished < requests.size())
        loop.exec();
    QList<HttpResponse> responses;
    for (QNetworkReply *reply : std::as_const(replies)) {
        HttpResponse response;
        if (!reply->isFinished()) {
            reply->abort();
            response.networkError = u"timed out"_s;
        } else {
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            response.body = reply->readAll();
            for (const auto &[name, value] : reply->rawHeaderPairs())
                response.headers.insert(name.toLower(), value);
        }
        responses << response;
    }
    return responses; // the managers (and their replies) go with this scope
}

/// One user as the tests know it.
struct User {
    QString id;
    QString name;
    QByteArray token;
};

/// What walkFeed() read: every change in order, the last cursor, and why it stopped early.
/// Another instance on the same database with its own caches, told of writes by NOTIFY as inkwelld is.
struct CachingInstance {
    std::shared_ptr<PgNotifier> notifier;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<HttpClient> client;

    ~CachingInstance()
    {
        client.reset();
        server.reset();
        if (notifier)
            notifier->stop();
    }
    /// The values of /metrics (series without labels), by name.
    QHash<QByteArray, double> metrics() const
    {
        QHash<QByteArray, double> out;
        const HttpResponse response = client->get(u"/metrics"_s);
        for (const QByteArray &line : response.body.split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() == 2 && !line.startsWith('#') && !parts.first().contains('{'))
                out.insert(parts.first(), parts.last().toDouble());
        }
        return out;
    }
    qint64 metric(const QByteArray &name) const { return qint64(metrics().value(name, -1)); }
    /// How many article reads went to the database while `path` was read (and the answer).
    std::pair<qint64, HttpResponse> databaseReadsFor(const QString &path) const
    {
        const qint64 before = metric("inkwell_article_db_reads_total");
        HttpResponse response = client->get(path);
        return {metric("inkwell_article_db_reads_total") - before, response};
    }
};

struct FeedWalk {
    QList<QJsonObject> changes;
    QString cursor;
    QString error;
    int pages = 0;
};

} // namespace

class TestArticles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { m_error.clear(); }
    void cleanupTestCase();

    // The article and its writes
    void createAnswersTheArticle();
    void createNeedsAWriter();
    void renderingCountsAndExcerpt();
    void slugsAreUniqueAndFollowTheTitleUntilPublished();
    void concurrentCreatesGetDistinctSlugs();
    void writeRoutesRefuseBadInput_data();
    void writeRoutesRefuseBadInput();
    void putCreatesWithTheClientsIdAndReplaces();
    void concurrentIdenticalPutsCreateOnce();
    void patchNeedsIfMatchAndKeepsUnchangedRevisions();
    void whoMayWhat_data();
    void whoMayWhat();
    void concurrentPatchesWithOneIfMatch();
    void statusChangesAndPublishedAtOnce();
    void deleteIsSoftAndAdminsRestore();
    // Reading
    void readVisibility_data();
    void readVisibility();
    void malformedPathIdsAre404_data();
    void malformedPathIdsAre404();
    void badTokenOnPublicRoutesIs401_data();
    void badTokenOnPublicRoutesIs401();
    void revisionsKeepEveryVersionAndWhoMadeIt();
    void revisionsAreForAuthorsAndAdmins();
    void revisionNumbersThatNameNothing_data();
    void revisionNumbersThatNameNothing();
    void listShowsPublishedSummariesNewestFirst();
    void listFilters();
    void listPagingSeesEveryArticleOnce();
    void listQueryIsValidated_data();
    void listQueryIsValidated();
    void tagsCountPublishedArticles();
    void tagsQueryIsValidated_data();
    void tagsQueryIsValidated();
    // Search
    void searchRanksTitleAboveBody();
    void searchSyntax_data();
    void searchSyntax();
    void searchSeesPublishedAndOwnDraftsOnly();
    void searchSnippetIsEscaped();
    void searchQueryIsValidated_data();
    void searchQueryIsValidated();
    void queryStringsAreFormEncoded();
    void searchPhraseStaysInOneField_data();
    void searchPhraseStaysInOneField();
    void searchReadsADerivedExcerptOnce();
    void searchSnippetShowsWhereTheBodyMatches();
    void searchOfArticlesStoredBeforeTheFieldsWereApart();
    void searchCacheComputesAKeyOnceForConcurrentMisses();
    void searchCacheWaitersComputeWhenTheTurnFailsLagsOrIsCleared();
    void concurrentIdenticalSearchesReadTheDatabaseOnce();
    void coldSearchDoesNotHoldUpTheListener();
    // Markdown XSS
    void htmlCheckCatchesUnsafeHtml_data();
    void htmlCheckCatchesUnsafeHtml();
    void markdownXssIsNeutralised_data();
    void markdownXssIsNeutralised();
    // Change feed
    void changeFeedShowsWhatTheCallerMaySee();
    void changeFeedCursorsResume();
    void changeFeedQueryIsValidated_data();
    void changeFeedQueryIsValidated();
    void changeFeedFollowsConcurrentWriters();
    void changeFeedPageIsAnIndexRangeRead_data();
    void changeFeedPageIsAnIndexRangeRead();
    void changeFeedAnswerIsWhatQJsonDocumentWrites();
    // Views
    void viewsAreCountedInBatches();
    void secondInstanceServesNewRevisionWithinASecond();
    // The article cache (sized by memory)
    void cacheWithRoomForEveryArticleReadsEachOnce();
    void smallCacheEvictsTheLeastRecentlyUsed();
    void writeOnAnotherInstanceReplacesACachedArticleAtOnce();
    // Last on purpose: under UBSan a signed overflow aborts the whole process (see the function).
    void revisionNumberAtInt32Max();

    // Housekeeping
    void housekeepingDeletesOnlyWhatIsNoLongerNeeded();
    void housekeepingRunsOnOneInstanceAtATime();
    void changeFeedCursorOlderThanAPurgeIsGone();
    void housekeeperPassesComeByThemselves();

private:
    HttpResponse call(const QByteArray &method, const QString &path, const User *who, const QByteArray &body = {},
                      Headers headers = {});
    HttpResponse get(const QString &path, const User *who = nullptr) { return call("GET", path, who); }
    HttpResponse post(const User &who, const QJsonObject &body);
    HttpResponse patch(const User &who, const QString &id, const QJsonObject &body, int ifMatch);
    HttpResponse act(const User *who, const QString &id, const QString &action, int ifMatch = 0);
    /// Creates an article and returns it, or an empty object (m_error says why).
    QJsonObject create(const User &who, const QString &title, const QString &content = u"Some content."_s,
                       const QJsonObject &extra = {});
    QJsonObject createPublished(const User &who, const QString &title, const QString &content = u"Some content."_s,
                                const QJsonObject &extra = {});
    /// The article as `who` reads it (empty when not 200).
    QJsonObject read(const User *who, const QString &id);
    /// Reads the change feed from `since` until has_more is false.
    FeedWalk walkFeed(const User &who, const QString &since, int limit);
    /// Every item of a list route, page by page (empty and m_error set when a page fails).
    QJsonArray walkList(const User *who, const QString &path, int limit, int *pages = nullptr);
    User registerUser(const QString &name);
    /// The search hits for `query` (already percent-encoded) as [article id, snippet, rank], best first
    /// (empty and m_error set when not 200).
    QList<std::tuple<QString, QString, double>> searchHits(const QString &query, const User *who = nullptr);
    std::expected<QVariant, QString> sql(const QString &statement, const QVariantList &binds = {});
    bool healthy() { return m_client->get(u"/health"_s).status == 200; }
    /// Another instance whose article cache may use `articleCacheBytes`, listening for writes (nullptr
    /// and m_error set when it cannot start).
    std::unique_ptr<CachingInstance> cachingInstance(qint64 articleCacheBytes = Config().articleCacheBytes);

    std::unique_ptr<TestPostgres> m_postgres;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    User m_admin;  ///< the first user: admin
    User m_alice;  ///< creator
    User m_bob;    ///< creator
    User m_victor; ///< viewer
    QString m_error;
};

// ---------------------------------------------------------------------------------------------
// Fixtures

HttpResponse TestArticles::call(const QByteArray &method, const QString &path, const User *who, const QByteArray &body,
                                Headers headers)
{
    if (who)
        headers.insert("Authorization", "Bearer " + who->token);
    return m_client->send(method, path, body, headers);
}

HttpResponse TestArticles::post(const User &who, const QJsonObject &body)
{
    return call("POST", u"/api/v1/articles"_s, &who, toJson(body));
}

HttpResponse TestArticles::patch(const User &who, const QString &id, const QJsonObject &body, int ifMatch)
{
    Headers headers;
    if (ifMatch > 0)
        headers.insert("If-Match", etag(ifMatch));
    return call("PATCH", u"/api/v1/articles/"_s + id, &who, toJson(body), headers);
}

HttpResponse TestArticles::act(const User *who, const QString &id, const QString &action, int ifMatch)
{
    Headers headers;
    if (ifMatch > 0)
        headers.insert("If-Match", etag(ifMatch));
    return call("POST", u"/api/v1/articles/%1/%2"_s.arg(id, action), who, {}, headers);
}

QJsonObject TestArticles::create(const User &who, const QString &title, const QString &content,
                                 const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"title"_s, title);
    body.insert(u"content"_s, content);
    const HttpResponse response = post(who, body);
    if (response.status != 201) {
        m_error = u"creating '%1': %2"_s.arg(title, QString::fromUtf8(describe(response)));
        return {};
    }
    return response.json();
}

QJsonObject TestArticles::createPublished(const User &who, const QString &title, const QString &content,
                                          const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"status"_s, u"published"_s);
    return create(who, title, content, body);
}

QJsonObject TestArticles::read(const User *who, const QString &id)
{
    const HttpResponse response = get(u"/api/v1/articles/"_s + id, who);
    if (response.status != 200) {
        m_error = u"reading %1: %2"_s.arg(id, QString::fromUtf8(describe(response)));
        return {};
    }
    return response.json();
}

FeedWalk TestArticles::walkFeed(const User &who, const QString &since, int limit)
{
    FeedWalk walk;
    walk.cursor = since;
    for (int guard = 0; guard < 100000; ++guard) {
        QString path = u"/api/v1/sync/changes?limit=%1"_s.arg(limit);
        if (!walk.cursor.isEmpty())
            path += u"&since="_s + percent(walk.cursor);
        const HttpResponse response = get(path, &who);
        if (response.status != 200) {
            walk.error = u"%1: %2"_s.arg(path, QString::fromUtf8(describe(response)));
            return walk;
        }
        ++walk.pages;
        const QJsonObject page = response.json();
        for (const QJsonValue &change : page.value(u"changes"_s).toArray())
            walk.changes << change.toObject();
        if (!page.value(u"cursor"_s).isString()) {
            walk.error = u"no cursor in "_s + QString::fromUtf8(response.body.left(300));
            return walk;
        }
        walk.cursor = page.value(u"cursor"_s).toString();
        if (!page.value(u"has_more"_s).toBool())
            return walk;
    }
    walk.error = u"the feed never ended"_s;
    return walk;
}

QJsonArray TestArticles::walkList(const User *who, const QString &path, int limit, int *pages)
{
    m_error.clear();
    QJsonArray all;
    QString cursor;
    const QChar joiner = path.contains(u'?') ? u'&' : u'?';
    for (int page = 1; page < 10000; ++page) {
        QString url = path + joiner + u"limit="_s + QString::number(limit);
        if (!cursor.isEmpty())
            url += u"&cursor="_s + percent(cursor);
        const HttpResponse response = get(url, who);
        if (response.status != 200) {
            m_error = u"%1: %2"_s.arg(url, QString::fromUtf8(describe(response)));
            return {};
        }
        const QJsonObject answer = response.json();
        const QJsonArray items = answer.value(u"items"_s).toArray();
        if (items.size() > limit) {
            m_error = u"%1 answered %2 items"_s.arg(url).arg(items.size());
            return {};
        }
        for (const QJsonValue &item : items)
            all.append(item);
        if (pages)
            *pages = page;
        if (answer.value(u"next_cursor"_s).isNull())
            return all;
        cursor = answer.value(u"next_cursor"_s).toString();
        if (cursor.isEmpty()) {
            m_error = u"next_cursor is neither null nor a string: "_s + QString::fromUtf8(response.body.left(300));
            return {};
        }
    }
    m_error = u"the list never ended"_s;
    return {};
}

User TestArticles::registerUser(const QString &name)
{
    const HttpResponse response = m_client->send(
        "POST", u"/api/v1/auth/register"_s,
        toJson({{u"email"_s, u"%1-%2@example.test"_s.arg(name.section(u' ', 0, 0).toLower()).arg(++g_serial)},
                {u"password"_s, u"Quiet lantern harbour %1"_s.arg(g_serial)},
                {u"full_name"_s, name}}));
    if (response.status != 201) {
        m_error = u"registering %1: %2"_s.arg(name, QString::fromUtf8(describe(response)));
        return {};
    }
    const QJsonObject answer = response.json();
    return User{answer.value(u"user"_s).toObject().value(u"id"_s).toString(), name,
                answer.value(u"access_token"_s).toString().toLatin1()};
}

std::expected<QVariant, QString> TestArticles::sql(const QString &statement, const QVariantList &binds)
{
    return m_postgres->params().withConnection([&](QSqlDatabase &db) -> std::expected<QVariant, QString> {
        QSqlQuery query(db);
        if (!query.prepare(statement))
            return std::unexpected(query.lastError().text());
        for (const QVariant &bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            return std::unexpected(query.lastError().text());
        return query.next() ? query.value(0) : QVariant();
    });
}

void TestArticles::initTestCase()
{
    m_postgres = std::make_unique<TestPostgres>();
    QVERIFY2(m_postgres->error().isEmpty(), qPrintable(m_postgres->error()));
    m_server =
        std::make_unique<TestServer>(m_postgres->params(), QList<RouteRegistrar>{accountRoutes(), articleRoutes()}, 2,
                                     [](ServiceContext &context) { context.config.signupRole = u"creator"_s; });
    QVERIFY2(m_server->error().isEmpty(), qPrintable(m_server->error()));
    m_client = std::make_unique<HttpClient>(m_server->url());

    // The first user of the empty database is the admin; the others sign up as creators.
    m_admin = registerUser(u"Ada Admin"_s);
    QVERIFY2(!m_admin.token.isEmpty(), qPrintable(m_error));
    m_alice = registerUser(u"Alice Author"_s);
    QVERIFY2(!m_alice.token.isEmpty(), qPrintable(m_error));
    m_bob = registerUser(u"Bob Writer"_s);
    QVERIFY2(!m_bob.token.isEmpty(), qPrintable(m_error));
    m_victor = registerUser(u"Victor Viewer"_s);
    QVERIFY2(!m_victor.token.isEmpty(), qPrintable(m_error));
    const auto demoted = sql(u"UPDATE users SET role = 'viewer' WHERE id = ?::uuid RETURNING role"_s, {m_victor.id});
    QVERIFY2(demoted && demoted->toString() == u"viewer"_s, demoted ? "no such user" : qPrintable(demoted.error()));
    const HttpResponse me = get(u"/api/v1/auth/me"_s, &m_victor);
    QCOMPARE(me.json().value(u"role"_s).toString(), u"viewer"_s);
    QCOMPARE(get(u"/api/v1/auth/me"_s, &m_alice).json().value(u"role"_s).toString(), u"creator"_s);
    QCOMPARE(get(u"/api/v1/auth/me"_s, &m_admin).json().value(u"role"_s).toString(), u"admin"_s);
}

std::unique_ptr<CachingInstance> TestArticles::cachingInstance(qint64 articleCacheBytes)
{
    auto made = std::make_unique<CachingInstance>();
    made->notifier = std::make_shared<PgNotifier>(m_postgres->params(), QStringList{kArticlesChannel});
    // The first subscription is followed by resync(), which empties the caches: wait for it, so that it
    // cannot empty them in the middle of a test.
    auto subscribed = std::make_shared<std::atomic<bool>>(false);
    QObject::connect(
        made->notifier.get(), &PgNotifier::resync, made->notifier.get(), [subscribed] { subscribed->store(true); },
        Qt::DirectConnection);
    made->notifier->start();
    std::shared_ptr<PgNotifier> notifier = made->notifier;
    made->server = std::make_unique<TestServer>(m_postgres->params(), QList<RouteRegistrar>{articleRoutes()}, 2,
                                                [&](ServiceContext &context) {
                                                    context.notifier = notifier;
                                                    context.config.articleCacheBytes = articleCacheBytes;
                                                });
    if (!made->server->error().isEmpty()) {
        m_error = made->server->error();
        return nullptr;
    }
    made->client = std::make_unique<HttpClient>(made->server->url());
    if (!QTest::qWaitFor([&] { return subscribed->load(); }, 10000)) {
        m_error = u"the notifier did not LISTEN within 10 s"_s;
        return nullptr;
    }
    return made;
}

void TestArticles::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
    m_postgres.reset();
}

// ---------------------------------------------------------------------------------------------
// The article and its writes

void TestArticles::createAnswersTheArticle()
{
    const QString title = unique(u"Answer Shape"_s);
    const HttpResponse created = post(
        m_alice, {{u"title"_s, title}, {u"content"_s, u"Hello *there*."_s}, {u"tags"_s, QJsonArray{u"Shape Tag"_s}}});
    EXPECT_STATUS(created, 201);
    QCOMPARE(created.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject article = created.json();
    QCOMPARE(keySet(article), kArticleMembers);
    const QString id = article.value(u"id"_s).toString();
    QVERIFY2(kUuid.match(id).hasMatch(), qPrintable(id));
    QVERIFY2(created.header("Location").endsWith(QByteArray("/api/v1/articles/" + id.toLatin1())),
             created.header("Location").constData());
    QCOMPARE(created.header("ETag"), etag(1));
    QCOMPARE(article.value(u"revision"_s).toInt(), 1);
    QCOMPARE(article.value(u"author_id"_s).toString(), m_alice.id);
    QCOMPARE(article.value(u"author_name"_s).toString(), m_alice.name);
    QCOMPARE(article.value(u"title"_s).toString(), title);
    QCOMPARE(article.value(u"slug"_s).toString(), u"answer-shape-"_s + title.section(u' ', -1));
    QCOMPARE(article.value(u"content"_s).toString(), u"Hello *there*."_s);
    QCOMPARE(article.value(u"content_html"_s).toString(), u"<p>Hello <em>there</em>.</p>\n"_s);
    QCOMPARE(article.value(u"status"_s).toString(), u"draft"_s); // the default
    QCOMPARE(article.value(u"tags"_s).toArray(), QJsonArray{u"Shape Tag"_s});
    QCOMPARE(article.value(u"views"_s).toInt(-1), 0);
    QVERIFY(article.value(u"published_at"_s).isNull());
    QCOMPARE(article.value(u"deleted"_s), QJsonValue(false));
    for (const QString &member : {u"created_at"_s, u"updated_at"_s})
        QVERIFY2(kTimestamp.match(article.value(member).toString()).hasMatch(),
                 qPrintable(article.value(member).toString()));

    // The Location answers, with the same article and ETag.
    const HttpResponse again = get(QString::fromLatin1(created.header("Location")), &m_alice);
    EXPECT_STATUS(again, 200);
    QCOMPARE(again.header("ETag"), etag(1));
    QCOMPARE(again.json(), article);
    const HttpResponse bySlug = get(u"/api/v1/articles/by-slug/"_s + article.value(u"slug"_s).toString(), &m_alice);
    EXPECT_STATUS(bySlug, 200);
    QCOMPARE(bySlug.header("ETag"), etag(1));
    QCOMPARE(bySlug.json().value(u"id"_s).toString(), id);

    // Created published: published_at is set at once.
    const HttpResponse published = post(
        m_alice, {{u"title"_s, unique(u"Born Published"_s)}, {u"content"_s, u"x"_s}, {u"status"_s, u"published"_s}});
    EXPECT_STATUS(published, 201);
    QCOMPARE(published.json().value(u"status"_s).toString(), u"published"_s);
    QVERIFY(kTimestamp.match(published.json().value(u"published_at"_s).toString()).hasMatch());
}

void TestArticles::createNeedsAWriter()
{
    const QJsonObject body{{u"title"_s, unique(u"Not Yours To Write"_s)}, {u"content"_s, u"x"_s}};
    CHECK_PROBLEM(post(m_victor, body), 403);
    CHECK_PROBLEM(call("POST", u"/api/v1/articles"_s, nullptr, toJson(body)), 401);
    // Neither left an article behind.
    const QJsonArray drafts = walkList(&m_admin, u"/api/v1/articles?status=draft"_s, 100);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    for (const QJsonValue &item : drafts)
        QVERIFY(item.toObject().value(u"title"_s).toString() != body.value(u"title"_s).toString());
    QVERIFY(healthy());
}

void TestArticles::renderingCountsAndExcerpt()
{
    // content_html, word_count and the automatic excerpt, from a document whose results are known.
    const QJsonObject article =
        create(m_alice, unique(u"Rendering"_s), u"# Heading\n\nSome *emphasis* and a [link](https://example.com)."_s);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    QCOMPARE(article.value(u"content_html"_s).toString(),
             u"<h1>Heading</h1>\n<p>Some <em>emphasis</em> and a <a href=\"https://example.com\">link</a>.</p>\n"_s);
    QCOMPARE(article.value(u"word_count"_s).toInt(), 6);
    QCOMPARE(article.value(u"reading_time"_s).toInt(), 1);
    QCOMPARE(article.value(u"excerpt"_s).toString(), u"Heading Some emphasis and a link."_s);

    // 461 words at 230 a minute: three minutes; a long text's excerpt is cut with an ellipsis.
    const QString long461 = QStringList(461, u"word"_s).join(u' ');
    const QJsonObject longer = create(m_alice, unique(u"Long Read"_s), long461);
    QVERIFY2(!longer.isEmpty(), qPrintable(m_error));
    QCOMPARE(longer.value(u"word_count"_s).toInt(), 461);
    QCOMPARE(longer.value(u"reading_time"_s).toInt(), 3);
    const QString excerpt = longer.value(u"excerpt"_s).toString();
    QVERIFY2(excerpt.size() <= 160 && excerpt.endsWith(u"\u2026"_s) && excerpt.startsWith(u"word word"_s),
             qPrintable(excerpt));

    // A given excerpt is kept, also when the content changes; an automatic one follows the content.
    const QJsonObject given =
        create(m_alice, unique(u"Given Excerpt"_s), u"Body text."_s, {{u"excerpt"_s, u"Mine."_s}});
    QVERIFY2(!given.isEmpty(), qPrintable(m_error));
    QCOMPARE(given.value(u"excerpt"_s).toString(), u"Mine."_s);
    const HttpResponse kept = patch(m_alice, given.value(u"id"_s).toString(), {{u"content"_s, u"Other text."_s}}, 1);
    EXPECT_STATUS(kept, 200);
    QCOMPARE(kept.json().value(u"excerpt"_s).toString(), u"Mine."_s);
    QCOMPARE(kept.json().value(u"content_html"_s).toString(), u"<p>Other text.</p>\n"_s);

    const HttpResponse follows =
        patch(m_alice, article.value(u"id"_s).toString(), {{u"content"_s, u"New **words** here."_s}}, 1);
    EXPECT_STATUS(follows, 200);
    QCOMPARE(follows.json().value(u"excerpt"_s).toString(), u"New words here."_s);
    QCOMPARE(follows.json().value(u"content_html"_s).toString(), u"<p>New <strong>words</strong> here.</p>\n"_s);
    QCOMPARE(follows.json().value(u"word_count"_s).toInt(), 3);
}

void TestArticles::slugsAreUniqueAndFollowTheTitleUntilPublished()
{
    const QString title = unique(u"Slug Probe"_s);
    const QString base = u"slug-probe-"_s + title.section(u' ', -1);
    QStringList slugs;
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const QJsonObject article = create(m_alice, title);
        QVERIFY2(!article.isEmpty(), qPrintable(m_error));
        slugs << article.value(u"slug"_s).toString();
        ids << article.value(u"id"_s).toString();
    }
    QCOMPARE(slugs, (QStringList{base, base + u"-2"_s, base + u"-3"_s}));
    // Accents fold, punctuation becomes single hyphens.
    const QJsonObject accented = create(m_bob, u"Crème  Brûlée — Über %1!"_s.arg(g_serial));
    QVERIFY2(!accented.isEmpty(), qPrintable(m_error));
    QCOMPARE(accented.value(u"slug"_s).toString(), u"creme-brulee-uber-%1"_s.arg(g_serial));

    // While the article was never published its slug follows the title.
    const QString id = ids.first();
    const QString renamed = unique(u"Renamed Probe"_s);
    const QString renamedSlug = u"renamed-probe-"_s + renamed.section(u' ', -1);
    HttpResponse answer = patch(m_alice, id, {{u"title"_s, renamed}}, 1);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"slug"_s).toString(), renamedSlug);
    CHECK_PROBLEM(get(u"/api/v1/articles/by-slug/"_s + base, &m_alice), 404);
    EXPECT_STATUS(get(u"/api/v1/articles/by-slug/"_s + renamedSlug, &m_alice), 200);

    // Once published it is stable: renaming keeps it, also after unpublishing.
    answer = act(&m_alice, id, u"publish"_s);
    EXPECT_STATUS(answer, 200);
    answer = patch(m_alice, id, {{u"title"_s, unique(u"Published Rename"_s)}}, 3);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"slug"_s).toString(), renamedSlug);
    answer = act(&m_alice, id, u"unpublish"_s);
    EXPECT_STATUS(answer, 200);
    answer = patch(m_alice, id, {{u"title"_s, unique(u"Unpublished Rename"_s)}}, 5);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"slug"_s).toString(), renamedSlug);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 6);
    const HttpResponse bySlug = get(u"/api/v1/articles/by-slug/"_s + renamedSlug, &m_alice);
    EXPECT_STATUS(bySlug, 200);
    QCOMPARE(bySlug.json().value(u"id"_s).toString(), id);
}

void TestArticles::concurrentCreatesGetDistinctSlugs()
{
    const QString title = unique(u"Race Title"_s);
    const QString base = u"race-title-"_s + title.section(u' ', -1);
    QList<PendingRequest> requests;
    for (int i = 0; i < 6; ++i)
        requests << PendingRequest{"POST",
                                   u"/api/v1/articles"_s,
                                   toJson({{u"title"_s, title}, {u"content"_s, u"x"_s}}),
                                   {{"Authorization", "Bearer " + m_alice.token}}};
    const QList<HttpResponse> answers = sendConcurrently(m_server->url(), requests);
    QSet<QString> slugs;
    for (const HttpResponse &answer : answers) {
        EXPECT_STATUS(answer, 201);
        slugs.insert(answer.json().value(u"slug"_s).toString());
    }
    QCOMPARE(slugs,
             (QSet<QString>{base, base + u"-2"_s, base + u"-3"_s, base + u"-4"_s, base + u"-5"_s, base + u"-6"_s}));
}

void TestArticles::writeRoutesRefuseBadInput_data()
{
    // Every row runs against a fresh draft of alice's at revision 1 ({id}); {new} is an unused id.
    // ifMatch "{rev}" sends the right one. The article must be unchanged after every refusal, and
    // the server must go on answering.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("ifMatch");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); ///< for 422: a field `errors` must name

    const QByteArray json = "application/json";
    const QString longTitle = QString(201, u'T');
    const QString tags21 = []() -> QString {
        QStringList names;
        for (int i = 0; i < 21; ++i)
            names << u"\"t%1\""_s.arg(i);
        return u"["_s + names.join(u',') + u"]"_s;
    }();
    const QString tags20 = []() -> QString {
        QStringList names;
        for (int i = 0; i < 20; ++i)
            names << u"\"t%1\""_s.arg(i);
        return u"["_s + names.join(u',') + u"]"_s;
    }();

    // Bodies for routes that take {title, content, excerpt?, tags?, status?} (POST, PUT) — they are
    // the same rows for both.
    struct BodyRow {
        const char *name;
        QByteArray body;
        int status;
        QString field;
    };
    const QList<BodyRow> fullBodies{
        {"missing title", R"({"content":"x"})", 422, u"title"_s},
        {"missing content", R"({"title":"A"})", 422, u"content"_s},
        {"empty object", "{}", 422, u"title"_s},
        {"null title", R"({"title":null,"content":"x"})", 422, u"title"_s},
        {"null content", R"({"title":"A","content":null})", 422, u"content"_s},
        {"null excerpt", R"({"title":"A","content":"x","excerpt":null})", 422, u"excerpt"_s},
        {"null tags", R"({"title":"A","content":"x","tags":null})", 422, u"tags"_s},
        {"null status", R"({"title":"A","content":"x","status":null})", 422, u"status"_s},
        {"title number", R"({"title":5,"content":"x"})", 422, u"title"_s},
        {"title array", R"({"title":["A"],"content":"x"})", 422, u"title"_s},
        {"title object", R"({"title":{"a":1},"content":"x"})", 422, u"title"_s},
        {"title bool", R"({"title":true,"content":"x"})", 422, u"title"_s},
        {"content number", R"({"title":"A","content":1})", 422, u"content"_s},
        {"content array", R"({"title":"A","content":["x"]})", 422, u"content"_s},
        {"excerpt number", R"({"title":"A","content":"x","excerpt":3})", 422, u"excerpt"_s},
        {"tags string", R"({"title":"A","content":"x","tags":"a,b"})", 422, u"tags"_s},
        {"tags object", R"({"title":"A","content":"x","tags":{"a":1}})", 422, u"tags"_s},
        {"tag number", R"({"title":"A","content":"x","tags":[1]})", 422, u"tags.0"_s},
        {"tag null", R"({"title":"A","content":"x","tags":["a",null]})", 422, u"tags.1"_s},
        {"tag empty", R"({"title":"A","content":"x","tags":[""]})", 422, u"tags.0"_s},
        {"tag 51 characters", QByteArray(R"({"title":"A","content":"x","tags":[")") + QByteArray(51, 'g') + "\"]}", 422,
         u"tags.0"_s},
        {"21 tags", (uR"({"title":"A","content":"x","tags":)"_s + tags21 + u"}"_s).toUtf8(), 422, u"tags"_s},
        {"tags equal but for case", R"({"title":"A","content":"x","tags":["Go","gO"]})", 422, u"tags.1"_s},
        {"status unknown", R"({"title":"A","content":"x","status":"deleted"})", 422, u"status"_s},
        {"status capitalised", R"({"title":"A","content":"x","status":"Published"})", 422, u"status"_s},
        {"status number", R"({"title":"A","content":"x","status":1})", 422, u"status"_s},
        {"title empty", R"({"title":"","content":"x"})", 422, u"title"_s},
        {"title blank", R"({"title":"   ","content":"x"})", 422, u"title"_s},
        {"title 201 characters", (uR"({"title":")"_s + longTitle + uR"(","content":"x"})"_s).toUtf8(), 422, u"title"_s},
        {"excerpt 501 characters",
         QByteArray(R"({"title":"A","content":"x","excerpt":")") + QByteArray(501, 'e') + "\"}", 422, u"excerpt"_s},
        {"content 1,000,001 characters", QByteArray(R"({"title":"A","content":")") + QByteArray(1000001, 'c') + "\"}",
         422, u"content"_s},
        {"content with NUL", R"({"title":"A","content":"a\u0000b"})", 422, u"content"_s},
        {"unknown field revision", R"({"title":"A","content":"x","revision":7})", 422, u"revision"_s},
        {"unknown field author_id", (uR"({"title":"A","content":"x","author_id":")"_s + newId() + u"\"}"_s).toUtf8(),
         422, u"author_id"_s},
        {"unknown field views", R"({"title":"A","content":"x","views":1000})", 422, u"views"_s},
        {"unknown field slug", R"({"title":"A","content":"x","slug":"chosen"})", 422, u"slug"_s},
        {"unknown field id", (uR"({"title":"A","content":"x","id":")"_s + newId() + u"\"}"_s).toUtf8(), 422, u"id"_s},
        {"unknown field published_at", R"({"title":"A","content":"x","published_at":"2020-01-01T00:00:00.000Z"})", 422,
         u"published_at"_s},
        {"unknown field deleted", R"({"title":"A","content":"x","deleted":true})", 422, u"deleted"_s},
        {"unknown field content_html", R"({"title":"A","content":"x","content_html":"<b>x</b>"})", 422,
         u"content_html"_s},
        {"body is an array", R"([{"title":"A","content":"x"}])", 400, {}},
        {"body is a string", R"("title")", 400, {}},
        {"body is null", "null", 400, {}},
        {"truncated JSON", R"({"title":"A","content":)", 400, {}},
        {"trailing garbage", R"({"title":"A","content":"x"} x)", 400, {}},
        {"empty body", "", 400, {}},
        // The edges that are fine.
        {"title 200 characters", (uR"({"title":")"_s + QString(200, u'T') + uR"(","content":"x"})"_s).toUtf8(), -1, {}},
        {"title 200 emoji",
         (uR"({"title":")"_s + u"\U0001F389"_s.repeated(200) + uR"(","content":"x"})"_s).toUtf8(),
         -1,
         {}},
        {"content empty", R"({"title":"A","content":""})", -1, {}},
        {"content blank", R"({"title":"A","content":"  \n\t "})", -1, {}},
        {"excerpt empty", R"({"title":"A","content":"x","excerpt":""})", -1, {}},
        {"20 tags", (uR"({"title":"A","content":"x","tags":)"_s + tags20 + u"}"_s).toUtf8(), -1, {}},
        {"excerpt 500 characters",
         QByteArray(R"({"title":"A","content":"x","excerpt":")") + QByteArray(500, 'e') + "\"}",
         -1,
         {}},
    };
    for (const BodyRow &row : fullBodies) {
        QTest::addRow("POST %s", row.name) << QByteArray("POST") << u"/api/v1/articles"_s << row.body << json
                                           << QByteArray() << (row.status < 0 ? 201 : row.status) << row.field;
        QTest::addRow("PUT create, %s", row.name)
            << QByteArray("PUT") << u"/api/v1/articles/{new}"_s << row.body << json << QByteArray()
            << (row.status < 0 ? 201 : row.status) << row.field;
        QTest::addRow("PUT replace, %s", row.name)
            << QByteArray("PUT") << u"/api/v1/articles/{id}"_s << row.body << json << QByteArray("{rev}")
            << (row.status < 0 ? 200 : row.status) << row.field;
    }
    QTest::newRow("POST as JSON with a charset")
        << QByteArray("POST") << u"/api/v1/articles"_s << QByteArray(R"({"title":"A","content":"x"})")
        << QByteArray("application/json; charset=utf-8") << QByteArray() << 201 << QString();
    QTest::newRow("POST as text/plain") << QByteArray("POST") << u"/api/v1/articles"_s
                                        << QByteArray(R"({"title":"A","content":"x"})") << QByteArray("text/plain")
                                        << QByteArray() << 415 << QString();
    QTest::newRow("POST as a form") << QByteArray("POST") << u"/api/v1/articles"_s << QByteArray("title=A&content=x")
                                    << QByteArray("application/x-www-form-urlencoded") << QByteArray() << 415
                                    << QString();
    QTest::newRow("PUT as text/plain") << QByteArray("PUT") << u"/api/v1/articles/{new}"_s
                                       << QByteArray(R"({"title":"A","content":"x"})") << QByteArray("text/plain")
                                       << QByteArray() << 415 << QString();
    QTest::newRow("PUT malformed If-Match")
        << QByteArray("PUT") << u"/api/v1/articles/{id}"_s << QByteArray(R"({"title":"A","content":"x"})") << json
        << QByteArray("abc") << 400 << QString();

    // PATCH: the same members, each optional, none null.
    const QList<BodyRow> patchBodies{
        {"null title", R"({"title":null})", 422, u"title"_s},
        {"null content", R"({"content":null})", 422, u"content"_s},
        {"null excerpt", R"({"excerpt":null})", 422, u"excerpt"_s},
        {"null tags", R"({"tags":null})", 422, u"tags"_s},
        {"null status", R"({"status":null})", 422, u"status"_s},
        {"title number", R"({"title":1})", 422, u"title"_s},
        {"content object", R"({"content":{}})", 422, u"content"_s},
        {"tags string", R"({"tags":"a"})", 422, u"tags"_s},
        {"tag number", R"({"tags":[2]})", 422, u"tags.0"_s},
        {"status unknown", R"({"status":"gone"})", 422, u"status"_s},
        {"title empty", R"({"title":""})", 422, u"title"_s},
        {"title 201 characters", (uR"({"title":")"_s + longTitle + u"\"}"_s).toUtf8(), 422, u"title"_s},
        {"unknown field revision", R"({"revision":99})", 422, u"revision"_s},
        {"unknown field author_id", (uR"({"author_id":")"_s + newId() + u"\"}"_s).toUtf8(), 422, u"author_id"_s},
        {"unknown field views", R"({"views":5})", 422, u"views"_s},
        {"unknown field slug", R"({"slug":"mine"})", 422, u"slug"_s},
        {"unknown field updated_at", R"({"updated_at":"2020-01-01T00:00:00.000Z"})", 422, u"updated_at"_s},
        {"body is an array", "[]", 400, {}},
        {"body is null", "null", 400, {}},
        {"truncated JSON", R"({"title":)", 400, {}},
        {"empty body", "", 400, {}},
        // The edges that are fine.
        {"content empty", R"({"content":""})", -1, {}},
        {"excerpt empty", R"({"excerpt":""})", -1, {}},
        {"title 200 characters", (uR"({"title":")"_s + QString(200, u'T') + u"\"}"_s).toUtf8(), -1, {}},
        {"everything at once", R"({"title":"B","content":"y","excerpt":"z","tags":["q"],"status":"archived"})", -1, {}},
    };
    for (const BodyRow &row : patchBodies)
        QTest::addRow("PATCH %s", row.name) << QByteArray("PATCH") << u"/api/v1/articles/{id}"_s << row.body << json
                                            << QByteArray("{rev}") << (row.status < 0 ? 200 : row.status) << row.field;
    QTest::newRow("PATCH as text/plain") << QByteArray("PATCH") << u"/api/v1/articles/{id}"_s
                                         << QByteArray(R"({"title":"B"})") << QByteArray("text/plain")
                                         << QByteArray("{rev}") << 415 << QString();

    // If-Match must be "<revision>" (or *): anything else is 400 on every route that reads it.
    const QList<QByteArray> badIfMatch{"abc", "1", "\"1", "'1'"};
    const QList<std::pair<QByteArray, QString>> ifMatchRoutes{{"PATCH", u"/api/v1/articles/{id}"_s},
                                                              {"POST", u"/api/v1/articles/{id}/publish"_s},
                                                              {"POST", u"/api/v1/articles/{id}/unpublish"_s},
                                                              {"POST", u"/api/v1/articles/{id}/archive"_s},
                                                              {"DELETE", u"/api/v1/articles/{id}"_s}};
    for (const auto &[method, path] : ifMatchRoutes) {
        for (const QByteArray &value : badIfMatch)
            QTest::addRow("%s %s, If-Match %s", method.constData(), qPrintable(path.section(u'/', 4)),
                          value.constData())
                << method << path << (method == "PATCH" ? QByteArray(R"({"title":"B"})") : QByteArray()) << json
                << value << 400 << QString();
        // A stale revision is not malformed: 412.
        QTest::addRow("%s %s, stale If-Match", method.constData(), qPrintable(path.section(u'/', 4)))
            << method << path << (method == "PATCH" ? QByteArray(R"({"title":"B"})") : QByteArray()) << json
            << QByteArray("\"7\"") << 412 << QString();
    }
    // The routes without a body ignore one; a malformed id or a missing article is 404 first.
    for (const QString &action : {u"publish"_s, u"unpublish"_s, u"archive"_s})
        QTest::addRow("POST %s of an unknown id", qPrintable(action))
            << QByteArray("POST") << u"/api/v1/articles/{new}/"_s + action << QByteArray() << json << QByteArray()
            << 404 << QString();
    QTest::newRow("DELETE an unknown id") << QByteArray("DELETE") << u"/api/v1/articles/{new}"_s << QByteArray() << json
                                          << QByteArray() << 404 << QString();
    // Restore (called by the admin): nothing to restore is 409, nothing at all 404.
    QTest::newRow("restore, not deleted") << QByteArray("POST") << u"/api/v1/admin/articles/{id}/restore"_s
                                          << QByteArray() << json << QByteArray() << 409 << QString();
    QTest::newRow("restore, not deleted, with a body")
        << QByteArray("POST") << u"/api/v1/admin/articles/{id}/restore"_s << QByteArray(R"({"deleted":false})") << json
        << QByteArray() << 409 << QString();
    QTest::newRow("restore an unknown id") << QByteArray("POST") << u"/api/v1/admin/articles/{new}/restore"_s
                                           << QByteArray() << json << QByteArray() << 404 << QString();
    QTest::newRow("restore a malformed id") << QByteArray("POST") << u"/api/v1/admin/articles/nope/restore"_s
                                            << QByteArray() << json << QByteArray() << 404 << QString();
}

void TestArticles::writeRoutesRefuseBadInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, ifMatch);
    QFETCH(int, status);
    QFETCH(QString, field);

    const QJsonObject target = create(m_alice, unique(u"Bad Input Target"_s), u"Untouched."_s);
    QVERIFY2(!target.isEmpty(), qPrintable(m_error));
    const QString id = target.value(u"id"_s).toString();
    const QString fresh = newId();
    path.replace(u"{id}"_s, id).replace(u"{new}"_s, fresh);
    Headers headers{{"Content-Type", contentType}};
    if (ifMatch == "{rev}")
        headers.insert("If-Match", etag(1));
    else if (!ifMatch.isEmpty())
        headers.insert("If-Match", ifMatch);
    // Alice, the author, calls; the admin routes are called by the admin (who else may is
    // deleteIsSoftAndAdminsRestore's business).
    const HttpResponse answer = call(method, path, path.contains(u"/admin/"_s) ? &m_admin : &m_alice, body, headers);
    QVERIFY2(answer.status == status, describe(answer).constData());
    if (status >= 400) {
        checkProblem(answer, status);
        if (QTest::currentTestFailed())
            return;
        if (!field.isEmpty())
            QVERIFY2(errorFields(answer).contains(field), describe(answer).constData());
    }
    QVERIFY2(healthy(), "the server stopped answering");

    // A refusal changed nothing: the target is as it was, and no article was made under {new}.
    const QJsonObject after = read(&m_alice, id);
    QVERIFY2(!after.isEmpty(), qPrintable(m_error));
    if (status >= 400) {
        QCOMPARE(after.value(u"revision"_s).toInt(), 1);
        QCOMPARE(after.value(u"content"_s).toString(), u"Untouched."_s);
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + fresh, &m_alice), 404);
    } else {
        const QJsonObject written = answer.json();
        QCOMPARE(answer.header("ETag"), etag(written.value(u"revision"_s).toInt()));
        // Keep the feed and lists small for later tests: what a fine row made goes away.
        EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + written.value(u"id"_s).toString(), &m_alice), 204);
    }
}

void TestArticles::putCreatesWithTheClientsIdAndReplaces()
{
    const QString id = newId();
    const QString path = u"/api/v1/articles/"_s + id;
    const QByteArray body = toJson({{u"title"_s, unique(u"Offline Draft"_s)},
                                    {u"content"_s, u"Written on a plane."_s},
                                    {u"tags"_s, QJsonArray{u"travel"_s}}});
    // No If-Match and no such article: created with the client's id.
    const HttpResponse created = call("PUT", path, &m_alice, body);
    EXPECT_STATUS(created, 201);
    QCOMPARE(created.json().value(u"id"_s).toString(), id);
    QCOMPARE(created.header("ETag"), etag(1));
    QVERIFY2(created.header("Location").endsWith(path.toLatin1()), created.header("Location").constData());

    // The same body again (a retry after a lost answer): 200 with the stored article, unchanged.
    const HttpResponse retried = call("PUT", path, &m_alice, body);
    EXPECT_STATUS(retried, 200);
    QCOMPARE(retried.header("ETag"), etag(1));
    QCOMPARE(retried.json(), created.json());

    // A different body without If-Match: 428.
    const QByteArray changed = toJson({{u"title"_s, u"Changed"_s}, {u"content"_s, u"Written at home."_s}});
    CHECK_PROBLEM(call("PUT", path, &m_alice, changed), 428);
    // With the right If-Match: replaced, revision 2; members left out are reset (it is a replace).
    const HttpResponse replaced = call("PUT", path, &m_alice, changed, {{"If-Match", etag(1)}});
    EXPECT_STATUS(replaced, 200);
    QCOMPARE(replaced.header("ETag"), etag(2));
    QCOMPARE(replaced.json().value(u"revision"_s).toInt(), 2);
    QCOMPARE(replaced.json().value(u"title"_s).toString(), u"Changed"_s);
    QCOMPARE(replaced.json().value(u"content"_s).toString(), u"Written at home."_s);
    QCOMPARE(replaced.json().value(u"tags"_s).toArray(), QJsonArray());
    // The create's body retried now differs from what is stored: 428, not a silent overwrite.
    CHECK_PROBLEM(call("PUT", path, &m_alice, body), 428);

    // A stale If-Match: 412 with the current article.
    const HttpResponse stale = call("PUT", path, &m_alice, body, {{"If-Match", etag(1)}});
    CHECK_PROBLEM(stale, 412);
    const QJsonObject current = stale.json().value(u"current"_s).toObject();
    QCOMPARE(current.value(u"id"_s).toString(), id);
    QCOMPARE(current.value(u"revision"_s).toInt(), 2);
    QCOMPARE(current.value(u"title"_s).toString(), u"Changed"_s);
    QCOMPARE(read(&m_alice, id).value(u"revision"_s).toInt(), 2);

    // If-Match on an id nobody has, or on one the caller cannot see: 404.
    CHECK_PROBLEM(call("PUT", u"/api/v1/articles/"_s + newId(), &m_alice, body, {{"If-Match", etag(1)}}), 404);
    CHECK_PROBLEM(call("PUT", path, &m_bob, changed, {{"If-Match", etag(2)}}), 404);
    // ...and without If-Match another user cannot learn that the draft exists either.
    CHECK_PROBLEM(call("PUT", path, &m_bob, changed), 404);
    // Malformed If-Match: 400.
    CHECK_PROBLEM(call("PUT", path, &m_alice, changed, {{"If-Match", "abc"}}), 400);
    // Who may: a viewer cannot create, anonymous must sign in.
    CHECK_PROBLEM(call("PUT", u"/api/v1/articles/"_s + newId(), &m_victor, body), 403);
    CHECK_PROBLEM(call("PUT", u"/api/v1/articles/"_s + newId(), nullptr, body), 401);
    // A client-chosen id may be created published.
    const HttpResponse live =
        call("PUT", u"/api/v1/articles/"_s + newId(), &m_bob,
             toJson({{u"title"_s, unique(u"Offline Live"_s)}, {u"content"_s, u"x"_s}, {u"status"_s, u"published"_s}}));
    EXPECT_STATUS(live, 201);
    QVERIFY(kTimestamp.match(live.json().value(u"published_at"_s).toString()).hasMatch());
    // An admin may replace anyone's article.
    const HttpResponse byAdmin = call("PUT", path, &m_admin, body, {{"If-Match", etag(2)}});
    EXPECT_STATUS(byAdmin, 200);
    QCOMPARE(byAdmin.json().value(u"revision"_s).toInt(), 3);
    QCOMPARE(byAdmin.json().value(u"author_id"_s).toString(), m_alice.id);
}

void TestArticles::concurrentIdenticalPutsCreateOnce()
{
    // A client retrying a create while the first attempt is still in flight: one creates, the
    // other gets the stored article; neither fails.
    for (int round = 0; round < 10; ++round) {
        const QString id = newId();
        const QByteArray body = toJson({{u"title"_s, unique(u"Retried Create"_s)}, {u"content"_s, u"Same body."_s}});
        const PendingRequest put{
            "PUT", u"/api/v1/articles/"_s + id, body, {{"Authorization", "Bearer " + m_alice.token}}};
        const QList<HttpResponse> answers = sendConcurrently(m_server->url(), {put, put});
        QList<int> statuses;
        for (const HttpResponse &answer : answers) {
            statuses << answer.status;
            QVERIFY2(answer.status == 200 || answer.status == 201, describe(answer).constData());
            QCOMPARE(answer.json().value(u"id"_s).toString(), id);
            QCOMPARE(answer.json().value(u"revision"_s).toInt(), 1);
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 201}));
    }
}

void TestArticles::patchNeedsIfMatchAndKeepsUnchangedRevisions()
{
    const QJsonObject article =
        create(m_alice, unique(u"Patch Me"_s), u"Original."_s, {{u"tags"_s, QJsonArray{u"a"_s}}});
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    CHECK_PROBLEM(patch(m_alice, id, {{u"content"_s, u"Changed."_s}}, 0), 428);

    HttpResponse answer = patch(m_alice, id, {{u"content"_s, u"Changed."_s}}, 1);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.header("ETag"), etag(2));
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 2);
    QCOMPARE(answer.json().value(u"content"_s).toString(), u"Changed."_s);
    QCOMPARE(answer.json().value(u"title"_s).toString(), article.value(u"title"_s).toString()); // untouched
    QCOMPARE(answer.json().value(u"tags"_s).toArray(), QJsonArray{u"a"_s});

    const HttpResponse stale = patch(m_alice, id, {{u"content"_s, u"Lost update."_s}}, 1);
    CHECK_PROBLEM(stale, 412);
    QCOMPARE(stale.json().value(u"current"_s).toObject().value(u"revision"_s).toInt(), 2);
    QCOMPARE(stale.json().value(u"current"_s).toObject().value(u"content"_s).toString(), u"Changed."_s);

    // Updates that change nothing keep the revision: an empty patch, the same values, If-Match: *.
    answer = patch(m_alice, id, {}, 2);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.header("ETag"), etag(2));
    answer = patch(m_alice, id, {{u"content"_s, u"Changed."_s}, {u"tags"_s, QJsonArray{u"a"_s}}}, 2);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 2);
    QCOMPARE(answer.json().value(u"updated_at"_s), read(&m_alice, id).value(u"updated_at"_s));
    answer = call("PATCH", u"/api/v1/articles/"_s + id, &m_alice, toJson({{u"tags"_s, QJsonArray{u"a"_s, u"b"_s}}}),
                  {{"If-Match", "*"}});
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 3);
    QCOMPARE(answer.json().value(u"tags"_s).toArray(), (QJsonArray{u"a"_s, u"b"_s}));
    // A PUT whose body equals what is stored, with If-Match, is no change either.
    const QJsonObject now = answer.json();
    answer = call("PUT", u"/api/v1/articles/"_s + id, &m_alice,
                  toJson({{u"title"_s, now.value(u"title"_s)},
                          {u"content"_s, now.value(u"content"_s)},
                          {u"excerpt"_s, now.value(u"excerpt"_s)},
                          {u"tags"_s, now.value(u"tags"_s)}}),
                  {{"If-Match", etag(3)}});
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 3);
    // And a GET answers the same ETag.
    QCOMPARE(get(u"/api/v1/articles/"_s + id, &m_alice).header("ETag"), etag(3));
}

void TestArticles::whoMayWhat_data()
{
    // Target: a draft or a published article of alice's. 404 for what the caller may not see,
    // 403 for what it sees but may not change, 401 for anonymous.
    QTest::addColumn<QString>("action"); ///< patch, publish, unpublish, archive, delete
    QTest::addColumn<bool>("published");
    QTest::addColumn<QString>("who"); ///< bob (creator), victor (viewer), admin, anonymous, alice
    QTest::addColumn<int>("status");
    for (const QString &action : {u"patch"_s, u"publish"_s, u"unpublish"_s, u"archive"_s, u"delete"_s}) {
        const bool isDelete = action == u"delete"_s;
        const QByteArray name = action.toLatin1();
        const char *a = name.constData();
        QTest::addRow("%s: another creator, draft", a) << action << false << u"bob"_s << 404;
        QTest::addRow("%s: another creator, published", a) << action << true << u"bob"_s << 403;
        QTest::addRow("%s: a viewer, draft", a) << action << false << u"victor"_s << 404;
        QTest::addRow("%s: a viewer, published", a) << action << true << u"victor"_s << 403;
        QTest::addRow("%s: anonymous, draft", a) << action << false << u"anonymous"_s << 401;
        QTest::addRow("%s: anonymous, published", a) << action << true << u"anonymous"_s << 401;
        QTest::addRow("%s: an admin, draft", a) << action << false << u"admin"_s << (isDelete ? 204 : 200);
        QTest::addRow("%s: an admin, published", a) << action << true << u"admin"_s << (isDelete ? 204 : 200);
        QTest::addRow("%s: the author, published", a) << action << true << u"alice"_s << (isDelete ? 204 : 200);
    }
}

void TestArticles::whoMayWhat()
{
    QFETCH(QString, action);
    QFETCH(bool, published);
    QFETCH(QString, who);
    QFETCH(int, status);
    const QJsonObject target = published ? createPublished(m_alice, unique(u"Permission Target"_s))
                                         : create(m_alice, unique(u"Permission Target"_s));
    QVERIFY2(!target.isEmpty(), qPrintable(m_error));
    const QString id = target.value(u"id"_s).toString();
    const User *caller = who == u"bob"_s      ? &m_bob
                         : who == u"victor"_s ? &m_victor
                         : who == u"admin"_s  ? &m_admin
                         : who == u"alice"_s  ? &m_alice
                                              : nullptr;
    HttpResponse answer;
    if (action == u"patch"_s)
        answer = call("PATCH", u"/api/v1/articles/"_s + id, caller, toJson({{u"title"_s, u"Edited by someone"_s}}),
                      {{"If-Match", etag(1)}});
    else if (action == u"delete"_s)
        answer = call("DELETE", u"/api/v1/articles/"_s + id, caller);
    else
        answer = act(caller, id, action);
    QVERIFY2(answer.status == status, describe(answer).constData());
    if (status >= 400) {
        checkProblem(answer, status);
        // Nothing changed.
        const QJsonObject after = read(&m_alice, id);
        QCOMPARE(after.value(u"revision"_s).toInt(), 1);
        QCOMPARE(after.value(u"status"_s).toString(), target.value(u"status"_s).toString());
    } else if (status == 200) {
        QCOMPARE(answer.json().value(u"author_id"_s).toString(), m_alice.id); // an admin's edit keeps the author
    } else {
        QVERIFY(answer.body.isEmpty());
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + id, &m_alice), 404);
    }
}

void TestArticles::concurrentPatchesWithOneIfMatch()
{
    const QJsonObject article = create(m_alice, unique(u"Contended"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    int revision = 1;
    for (int round = 0; round < 20; ++round) {
        QList<PendingRequest> requests;
        for (int writer = 0; writer < 2; ++writer)
            requests << PendingRequest{"PATCH",
                                       u"/api/v1/articles/"_s + id,
                                       toJson({{u"content"_s, u"round %1 writer %2"_s.arg(round).arg(writer)}}),
                                       {{"Authorization", "Bearer " + m_alice.token}, {"If-Match", etag(revision)}}};
        const QList<HttpResponse> answers = sendConcurrently(m_server->url(), requests);
        QList<int> statuses{answers.at(0).status, answers.at(1).status};
        std::sort(statuses.begin(), statuses.end());
        QVERIFY2(statuses == (QList<int>{200, 412}),
                 QByteArray(describe(answers.at(0)) + " | " + describe(answers.at(1))).constData());
        const HttpResponse &won = answers.at(0).status == 200 ? answers.at(0) : answers.at(1);
        const HttpResponse &lost = answers.at(0).status == 200 ? answers.at(1) : answers.at(0);
        QCOMPARE(won.json().value(u"revision"_s).toInt(), revision + 1);
        // The loser is told what won.
        const QJsonObject current = lost.json().value(u"current"_s).toObject();
        QCOMPARE(current.value(u"revision"_s).toInt(), revision + 1);
        QCOMPARE(current.value(u"content"_s), won.json().value(u"content"_s));
        ++revision;
    }
    QCOMPARE(read(&m_alice, id).value(u"revision"_s).toInt(), 21);
}

void TestArticles::statusChangesAndPublishedAtOnce()
{
    const QJsonObject article = create(m_alice, unique(u"Lifecycle"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();

    HttpResponse answer = act(&m_alice, id, u"publish"_s);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.header("ETag"), etag(2));
    QCOMPARE(answer.json().value(u"status"_s).toString(), u"published"_s);
    const QJsonValue firstPublished = answer.json().value(u"published_at"_s);
    QVERIFY2(kTimestamp.match(firstPublished.toString()).hasMatch(), qPrintable(firstPublished.toString()));

    // Publishing what is published changes nothing.
    answer = act(&m_alice, id, u"publish"_s);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 2);

    // If-Match is optional here, but a stale one is refused.
    const HttpResponse stale = act(&m_alice, id, u"unpublish"_s, 1);
    CHECK_PROBLEM(stale, 412);
    QCOMPARE(stale.json().value(u"current"_s).toObject().value(u"status"_s).toString(), u"published"_s);
    answer = act(&m_alice, id, u"unpublish"_s, 2);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"status"_s).toString(), u"draft"_s);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 3);
    // Anonymous readers lose it at once.
    CHECK_PROBLEM(get(u"/api/v1/articles/"_s + id), 404);

    QTest::qWait(20); // a later publication would have a later time
    answer = act(&m_alice, id, u"publish"_s, 3);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"published_at"_s), firstPublished);
    answer = act(&m_alice, id, u"archive"_s);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"status"_s).toString(), u"archived"_s);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 5);
    CHECK_PROBLEM(get(u"/api/v1/articles/"_s + id, &m_bob), 404);
    answer = act(&m_alice, id, u"publish"_s);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.json().value(u"published_at"_s), firstPublished);
    QCOMPARE(answer.json().value(u"revision"_s).toInt(), 6);
    EXPECT_STATUS(get(u"/api/v1/articles/"_s + id), 200);

    // Publishing through PATCH counts the same.
    const QJsonObject other = create(m_alice, unique(u"Patched Live"_s));
    QVERIFY2(!other.isEmpty(), qPrintable(m_error));
    answer = patch(m_alice, other.value(u"id"_s).toString(), {{u"status"_s, u"published"_s}}, 1);
    EXPECT_STATUS(answer, 200);
    QVERIFY(kTimestamp.match(answer.json().value(u"published_at"_s).toString()).hasMatch());
}

void TestArticles::deleteIsSoftAndAdminsRestore()
{
    const QJsonObject article = createPublished(m_alice, unique(u"Doomed"_s), u"Soon gone."_s);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    const QString path = u"/api/v1/articles/"_s + id;
    const QString slug = article.value(u"slug"_s).toString();

    CHECK_PROBLEM(call("DELETE", path, &m_alice, {}, {{"If-Match", etag(9)}}), 412);
    const HttpResponse deleted = call("DELETE", path, &m_alice, {}, {{"If-Match", etag(1)}});
    EXPECT_STATUS(deleted, 204);
    QVERIFY(deleted.body.isEmpty());

    // Gone for everyone, the author and admins included, by every route.
    for (const User *who : QList<const User *>{nullptr, &m_alice, &m_bob, &m_victor, &m_admin}) {
        CHECK_PROBLEM(get(path, who), 404);
        CHECK_PROBLEM(get(u"/api/v1/articles/by-slug/"_s + slug, who), 404);
    }
    CHECK_PROBLEM(get(path + u"/revisions"_s, &m_alice), 404);
    CHECK_PROBLEM(patch(m_alice, id, {{u"title"_s, u"Zombie"_s}}, 2), 404);
    CHECK_PROBLEM(act(&m_alice, id, u"publish"_s), 404);
    CHECK_PROBLEM(call("DELETE", path, &m_alice), 404);
    const QJsonArray listed = walkList(nullptr, u"/api/v1/articles?author_id="_s + m_alice.id, 100);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    QVERIFY(!idsOf(listed).contains(id));

    // Only admins restore.
    const QString restore = u"/api/v1/admin/articles/%1/restore"_s.arg(id);
    CHECK_PROBLEM(call("POST", restore, &m_alice), 403);
    CHECK_PROBLEM(call("POST", restore, &m_victor), 403);
    CHECK_PROBLEM(call("POST", restore, nullptr), 401);
    const HttpResponse restored = call("POST", restore, &m_admin);
    EXPECT_STATUS(restored, 200);
    QCOMPARE(restored.json().value(u"revision"_s).toInt(), 3); // created 1, deleted 2, restored 3
    QCOMPARE(restored.header("ETag"), etag(3));
    QCOMPARE(restored.json().value(u"deleted"_s), QJsonValue(false));
    QCOMPARE(restored.json().value(u"status"_s).toString(), u"published"_s);
    QCOMPARE(restored.json().value(u"content"_s).toString(), u"Soon gone."_s);
    EXPECT_STATUS(get(path, &m_bob), 200);
    EXPECT_STATUS(get(u"/api/v1/articles/by-slug/"_s + slug), 200);
    // The deletion and the restore are versions of their own, by who made them.
    const QJsonArray versions = get(path + u"/revisions"_s, &m_alice).json().value(u"items"_s).toArray();
    QCOMPARE(versions.size(), 3);
    QCOMPARE(versions.at(0).toObject().value(u"updated_by"_s).toString(), m_admin.id);
    QCOMPARE(versions.at(1).toObject().value(u"updated_by"_s).toString(), m_alice.id);
    // Restoring what is not deleted: 409; what does not exist: 404.
    CHECK_PROBLEM(call("POST", restore, &m_admin), 409);
    CHECK_PROBLEM(call("POST", u"/api/v1/admin/articles/%1/restore"_s.arg(newId()), &m_admin), 404);

    // Restorable for 30 days (the deletion is moved back in time in the database).
    for (const int daysAgo : {29, 31}) {
        const QJsonObject old = createPublished(m_bob, unique(u"Long Deleted"_s));
        QVERIFY2(!old.isEmpty(), qPrintable(m_error));
        const QString oldId = old.value(u"id"_s).toString();
        EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + oldId, &m_bob), 204);
        const auto moved = sql(u"UPDATE articles SET deleted_at = now() - make_interval(days => ?) WHERE id = ?::uuid "
                               u"RETURNING id"_s,
                               {daysAgo, oldId});
        QVERIFY2(moved && moved->toString() == oldId, moved ? "no such article" : qPrintable(moved.error()));
        const HttpResponse answer = call("POST", u"/api/v1/admin/articles/%1/restore"_s.arg(oldId), &m_admin);
        if (daysAgo < 30) {
            EXPECT_STATUS(answer, 200);
        } else {
            CHECK_PROBLEM(answer, 404);
        }
    }

    // An admin may delete anyone's article; another creator cannot even see a draft to delete it.
    const QJsonObject draft = create(m_alice, unique(u"Admin Deletes"_s));
    QVERIFY2(!draft.isEmpty(), qPrintable(m_error));
    CHECK_PROBLEM(call("DELETE", u"/api/v1/articles/"_s + draft.value(u"id"_s).toString(), &m_bob), 404);
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + draft.value(u"id"_s).toString(), &m_admin), 204);
    CHECK_PROBLEM(get(u"/api/v1/articles/"_s + draft.value(u"id"_s).toString(), &m_alice), 404);
}

// ---------------------------------------------------------------------------------------------
// Reading

void TestArticles::readVisibility_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("who");
    QTest::addColumn<bool>("bySlug");
    QTest::addColumn<bool>("visible");
    for (const QString &status : {u"published"_s, u"draft"_s, u"archived"_s}) {
        for (const QString &who : {u"anonymous"_s, u"alice"_s, u"bob"_s, u"victor"_s, u"admin"_s}) {
            const bool visible = status == u"published"_s || who == u"alice"_s || who == u"admin"_s;
            for (const bool bySlug : {false, true})
                QTest::addRow("%s, %s, by %s", qPrintable(status), qPrintable(who), bySlug ? "slug" : "id")
                    << status << who << bySlug << visible;
        }
    }
}

void TestArticles::readVisibility()
{
    QFETCH(QString, status);
    QFETCH(QString, who);
    QFETCH(bool, bySlug);
    QFETCH(bool, visible);
    QJsonObject article = create(m_alice, unique(u"Visibility"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    int revision = 1;
    if (status != u"draft"_s) {
        const HttpResponse changed = act(&m_alice, id, status == u"published"_s ? u"publish"_s : u"archive"_s);
        EXPECT_STATUS(changed, 200);
        article = changed.json();
        revision = 2;
    }
    const User *caller = who == u"bob"_s      ? &m_bob
                         : who == u"victor"_s ? &m_victor
                         : who == u"admin"_s  ? &m_admin
                         : who == u"alice"_s  ? &m_alice
                                              : nullptr;
    const QString path =
        bySlug ? u"/api/v1/articles/by-slug/"_s + article.value(u"slug"_s).toString() : u"/api/v1/articles/"_s + id;
    const HttpResponse answer = get(path, caller);
    if (visible) {
        EXPECT_STATUS(answer, 200);
        QCOMPARE(answer.header("ETag"), etag(revision));
        QCOMPARE(answer.json().value(u"id"_s).toString(), id);
        QCOMPARE(answer.json().value(u"status"_s).toString(), status);
        return;
    }
    // Hidden looks exactly like missing: the same status and problem type as an id nobody has.
    CHECK_PROBLEM(answer, 404);
    const HttpResponse missing =
        get(bySlug ? u"/api/v1/articles/by-slug/no-such-slug-anywhere"_s : u"/api/v1/articles/"_s + newId(), caller);
    CHECK_PROBLEM(missing, 404);
    QCOMPARE(answer.json().value(u"type"_s), missing.json().value(u"type"_s));
    QCOMPARE(answer.json().value(u"detail"_s), missing.json().value(u"detail"_s));
}

void TestArticles::malformedPathIdsAre404_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); ///< {x} is the malformed id
    QTest::addColumn<QString>("id");
    const QList<std::pair<QByteArray, QString>> routes{{"GET", u"/api/v1/articles/{x}"_s},
                                                       {"PUT", u"/api/v1/articles/{x}"_s},
                                                       {"PATCH", u"/api/v1/articles/{x}"_s},
                                                       {"DELETE", u"/api/v1/articles/{x}"_s},
                                                       {"POST", u"/api/v1/articles/{x}/publish"_s},
                                                       {"POST", u"/api/v1/articles/{x}/unpublish"_s},
                                                       {"POST", u"/api/v1/articles/{x}/archive"_s},
                                                       {"GET", u"/api/v1/articles/{x}/revisions"_s},
                                                       {"GET", u"/api/v1/articles/{x}/revisions/1"_s},
                                                       {"POST", u"/api/v1/admin/articles/{x}/restore"_s},
                                                       {"GET", u"/api/v1/articles/by-slug/{x}"_s}};
    const QList<std::pair<const char *, QString>> ids{
        {"word", u"not-a-uuid"_s},
        {"number", u"12345"_s},
        {"braces", percent(u"{0f8fad5b-d9cb-469f-a165-70867728950e}"_s)},
        {"trailing character", u"0f8fad5b-d9cb-469f-a165-70867728950ex"_s},
        {"no hyphens", u"0f8fad5bd9cb469fa16570867728950e"_s},
        {"nil uuid", u"00000000-0000-0000-0000-000000000000"_s},
        {"not hex", u"0f8fad5b-d9cb-469f-a165-7086772895zz"_s},
        {"upper case and spaces", percent(u"Not A Slug"_s)},
        {"dot segments", percent(u"../../etc/passwd"_s)},
        {"very long", QString(300, u'a')}};
    for (const auto &[method, path] : routes)
        for (const auto &[name, id] : ids)
            QTest::addRow("%s %s, %s", method.constData(), qPrintable(path), name) << method << path << id;
}

void TestArticles::malformedPathIdsAre404()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, id);
    // The admin with a valid body and If-Match: nothing but the id can be the reason.
    const QByteArray body = method == "PUT" || method == "PATCH"
                                ? toJson({{u"title"_s, u"Valid"_s}, {u"content"_s, u"Valid."_s}})
                                : QByteArray();
    CHECK_PROBLEM(call(method, path.replace(u"{x}"_s, id), &m_admin, body, {{"If-Match", etag(1)}}), 404);
    QVERIFY(healthy());
}

void TestArticles::badTokenOnPublicRoutesIs401_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    // {id} and {slug} name a published article.
    const QStringList paths{
        u"/api/v1/articles"_s,          u"/api/v1/articles/{id}"_s, u"/api/v1/articles/by-slug/{slug}"_s,
        u"/api/v1/search?q=anything"_s, u"/api/v1/tags"_s,          u"/api/v1/articles/{id}/revisions"_s};
    const QList<std::pair<const char *, QByteArray>> tokens{{"garbage", "Bearer not-a-token"},
                                                            {"tampered signature", "{tampered}"},
                                                            {"empty bearer", "Bearer "},
                                                            {"basic scheme", "Basic dXNlcjpwYXNzd29yZA=="}};
    for (const QString &path : paths)
        for (const auto &[name, value] : tokens)
            QTest::addRow("%s, %s", qPrintable(path), name) << path << value;
}

void TestArticles::badTokenOnPublicRoutesIs401()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    const QJsonObject article = createPublished(m_alice, unique(u"Public Piece"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    path.replace(u"{id}"_s, article.value(u"id"_s).toString())
        .replace(u"{slug}"_s, article.value(u"slug"_s).toString());
    if (authorization == "{tampered}") {
        QByteArray token = m_alice.token;
        token[token.size() - 2] = token.at(token.size() - 2) == 'A' ? 'B' : 'A';
        authorization = "Bearer " + token;
    }
    // Without a token the route answers (anonymous may read published content)...
    const HttpResponse anonymous = get(path);
    QVERIFY2(anonymous.status == 200 || path.endsWith(u"/revisions"_s), describe(anonymous).constData());
    // ...but a token that does not verify is never taken for "anonymous".
    CHECK_PROBLEM(m_client->get(path, {{"Authorization", authorization}}), 401);
}

void TestArticles::revisionsKeepEveryVersionAndWhoMadeIt()
{
    const QString firstTitle = unique(u"Versioned"_s);
    const QJsonObject article = create(m_alice, firstTitle, u"*first*"_s);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    EXPECT_STATUS(patch(m_alice, id, {{u"title"_s, u"Second title"_s}, {u"content"_s, u"second"_s}}, 1), 200);
    EXPECT_STATUS(act(&m_alice, id, u"publish"_s), 200);                                    // 3
    EXPECT_STATUS(patch(m_admin, id, {{u"content"_s, u"fourth, by the admin"_s}}, 3), 200); // 4
    // Many more: no cap on kept versions.
    for (int n = 5; n <= 30; ++n)
        EXPECT_STATUS(patch(m_alice, id, {{u"content"_s, u"version %1"_s.arg(n)}}, n - 1), 200);

    int pages = 0;
    const QJsonArray items = walkList(&m_alice, u"/api/v1/articles/%1/revisions"_s.arg(id), 7, &pages);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    QCOMPARE(pages, 5);
    QCOMPARE(items.size(), 30);
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        QCOMPARE(keySet(item), (QSet<QString>{u"revision"_s, u"title"_s, u"updated_at"_s, u"updated_by"_s}));
        QCOMPARE(item.value(u"revision"_s).toInt(), 30 - i); // newest first, the current one included
        QVERIFY(kTimestamp.match(item.value(u"updated_at"_s).toString()).hasMatch());
        const int n = 30 - i;
        QCOMPARE(item.value(u"updated_by"_s).toString(), n == 4 ? m_admin.id : m_alice.id);
        QCOMPARE(item.value(u"title"_s).toString(), n == 1 ? firstTitle : u"Second title"_s);
    }
    // A whole earlier version, as it was.
    const HttpResponse first = get(u"/api/v1/articles/%1/revisions/1"_s.arg(id), &m_alice);
    EXPECT_STATUS(first, 200);
    QCOMPARE(first.json().value(u"revision"_s).toInt(), 1);
    QCOMPARE(first.json().value(u"title"_s).toString(), firstTitle);
    QCOMPARE(first.json().value(u"content"_s).toString(), u"*first*"_s);
    QCOMPARE(first.json().value(u"content_html"_s).toString(), u"<p><em>first</em></p>\n"_s);
    QCOMPARE(first.json().value(u"status"_s).toString(), u"draft"_s);
    QCOMPARE(first.json().value(u"id"_s).toString(), id);
    const HttpResponse fourth = get(u"/api/v1/articles/%1/revisions/4"_s.arg(id), &m_admin);
    EXPECT_STATUS(fourth, 200);
    QCOMPARE(fourth.json().value(u"content"_s).toString(), u"fourth, by the admin"_s);
    QCOMPARE(fourth.json().value(u"status"_s).toString(), u"published"_s);
    const HttpResponse current = get(u"/api/v1/articles/%1/revisions/30"_s.arg(id), &m_alice);
    EXPECT_STATUS(current, 200);
    QCOMPARE(current.json().value(u"content"_s).toString(), u"version 30"_s);
    // Unchanged updates made no version.
    EXPECT_STATUS(patch(m_alice, id, {{u"content"_s, u"version 30"_s}}, 30), 200);
    QCOMPARE(get(u"/api/v1/articles/%1/revisions?limit=1"_s.arg(id), &m_alice)
                 .json()
                 .value(u"items"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"revision"_s)
                 .toInt(),
             30);
}

void TestArticles::revisionsAreForAuthorsAndAdmins()
{
    const QJsonObject live = createPublished(m_alice, unique(u"Live Revisions"_s));
    const QJsonObject draft = create(m_alice, unique(u"Draft Revisions"_s));
    QVERIFY2(!live.isEmpty() && !draft.isEmpty(), qPrintable(m_error));
    const QString liveId = live.value(u"id"_s).toString();
    const QString draftId = draft.value(u"id"_s).toString();
    for (const QString &suffix : {u"/revisions"_s, u"/revisions/1"_s}) {
        EXPECT_STATUS(get(u"/api/v1/articles/"_s + liveId + suffix, &m_alice), 200);
        EXPECT_STATUS(get(u"/api/v1/articles/"_s + liveId + suffix, &m_admin), 200);
        EXPECT_STATUS(get(u"/api/v1/articles/"_s + draftId + suffix, &m_admin), 200);
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + liveId + suffix, &m_bob), 403);
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + liveId + suffix, &m_victor), 403);
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + liveId + suffix, nullptr), 401);
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + draftId + suffix, &m_bob), 404);
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + draftId + suffix, nullptr), 404);
        CHECK_PROBLEM(get(u"/api/v1/articles/"_s + newId() + suffix, &m_admin), 404);
    }
    // The list's query is checked like every list's.
    CHECK_PROBLEM(get(u"/api/v1/articles/%1/revisions?limit=0"_s.arg(liveId), &m_alice), 400);
    CHECK_PROBLEM(get(u"/api/v1/articles/%1/revisions?cursor=abc"_s.arg(liveId), &m_alice), 400);
    CHECK_PROBLEM(get(u"/api/v1/articles/%1/revisions?sort=title"_s.arg(liveId), &m_alice), 400);
}

void TestArticles::revisionNumbersThatNameNothing_data()
{
    QTest::addColumn<QString>("number");
    QTest::newRow("zero") << u"0"_s;
    QTest::newRow("negative") << u"-1"_s;
    QTest::newRow("beyond 32 bits") << u"99999999999"_s;
    QTest::newRow("2^31") << u"2147483648"_s;
    QTest::newRow("word") << u"abc"_s;
    QTest::newRow("fraction") << u"1.5"_s;
    QTest::newRow("after the current one") << u"3"_s;
    QTest::newRow("far after the current one") << u"2147483646"_s;
}

void TestArticles::revisionNumbersThatNameNothing()
{
    QFETCH(QString, number);
    const QJsonObject article = create(m_alice, unique(u"Two Versions"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    EXPECT_STATUS(patch(m_alice, id, {{u"content"_s, u"second"_s}}, 1), 200);
    CHECK_PROBLEM(get(u"/api/v1/articles/%1/revisions/%2"_s.arg(id, number), &m_alice), 404);
    QVERIFY(healthy());
}

void TestArticles::listShowsPublishedSummariesNewestFirst()
{
    const QString tag = unique(u"Order Tag"_s);
    QStringList created; // oldest first
    for (int i = 0; i < 3; ++i) {
        const QJsonObject article =
            createPublished(m_bob, unique(u"Ordered"_s), u"Body."_s, {{u"tags"_s, QJsonArray{tag}}});
        QVERIFY2(!article.isEmpty(), qPrintable(m_error));
        created << article.value(u"id"_s).toString();
    }
    // A draft and an archived article with the tag stay out of the default list.
    const QJsonObject draft = create(m_bob, unique(u"Ordered Draft"_s), u"Body."_s, {{u"tags"_s, QJsonArray{tag}}});
    QVERIFY2(!draft.isEmpty(), qPrintable(m_error));
    // Publishing an older draft makes it the newest published one.
    EXPECT_STATUS(act(&m_bob, draft.value(u"id"_s).toString(), u"publish"_s), 200);
    created << draft.value(u"id"_s).toString();
    EXPECT_STATUS(act(&m_bob, created.at(1), u"archive"_s), 200);

    const HttpResponse answer = get(u"/api/v1/articles?tag="_s + percent(tag));
    EXPECT_STATUS(answer, 200);
    const QJsonArray items = answer.json().value(u"items"_s).toArray();
    QCOMPARE(idsOf(items), (QStringList{created.at(3), created.at(2), created.at(0)}));
    QVERIFY(answer.json().value(u"next_cursor"_s).isNull());
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        // Summaries: the article without its body.
        QSet<QString> expected = kArticleMembers;
        expected.remove(u"content"_s);
        expected.remove(u"content_html"_s);
        QCOMPARE(keySet(item), expected);
        QCOMPARE(item.value(u"status"_s).toString(), u"published"_s);
        QCOMPARE(item.value(u"author_name"_s).toString(), m_bob.name);
    }
    // The default list is published only, for everyone.
    const QJsonArray everything = walkList(&m_admin, u"/api/v1/articles"_s, 100);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    for (const QJsonValue &item : everything)
        QCOMPARE(item.toObject().value(u"status"_s).toString(), u"published"_s);
    // Without limit, a page holds 20.
    const HttpResponse firstPage = get(u"/api/v1/articles"_s);
    EXPECT_STATUS(firstPage, 200);
    QVERIFY2(everything.size() > 20, "too few articles to see the default page size");
    QCOMPARE(firstPage.json().value(u"items"_s).toArray().size(), 20);
    QVERIFY(firstPage.json().value(u"next_cursor"_s).isString());
}

void TestArticles::listFilters()
{
    const QString word = u"zyqorbet%1"_s.arg(++g_serial); // a word no other article has
    const QString tag = unique(u"C++ Tips"_s);
    const QString tagSlug = u"c-tips-"_s + tag.section(u' ', -1);
    const QJsonObject alicePublished =
        createPublished(m_alice, unique(u"Filter A"_s), u"About "_s + word, {{u"tags"_s, QJsonArray{tag}}});
    const QJsonObject bobPublished = createPublished(m_bob, unique(u"Filter B"_s), u"Nothing special."_s);
    const QJsonObject aliceDraft =
        create(m_alice, unique(u"Filter Draft A"_s), u"Draft about "_s + word, {{u"tags"_s, QJsonArray{tag}}});
    const QJsonObject bobDraft = create(m_bob, unique(u"Filter Draft B"_s));
    QJsonObject aliceArchived = create(m_alice, unique(u"Filter Archived A"_s));
    QVERIFY2(!alicePublished.isEmpty() && !bobPublished.isEmpty() && !aliceDraft.isEmpty() && !bobDraft.isEmpty() &&
                 !aliceArchived.isEmpty(),
             qPrintable(m_error));
    EXPECT_STATUS(act(&m_alice, aliceArchived.value(u"id"_s).toString(), u"archive"_s), 200);
    const auto id = [](const QJsonObject &a) { return a.value(u"id"_s).toString(); };
    const auto list = [this](const User *who, const QString &query) {
        const QJsonArray items = walkList(who, u"/api/v1/articles?"_s + query, 100);
        return idsOf(items);
    };

    // author_id
    QStringList found = list(nullptr, u"author_id="_s + m_bob.id);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    QVERIFY(found.contains(id(bobPublished)));
    QVERIFY(!found.contains(id(alicePublished)) && !found.contains(id(bobDraft)));
    QCOMPARE(list(nullptr, u"author_id="_s + newId()), QStringList());
    // tag, by name or slug, in any case
    for (const QString &spelling : {tag, tag.toUpper(), tagSlug, tagSlug.toUpper()})
        QCOMPARE(list(nullptr, u"tag="_s + percent(spelling)), QStringList{id(alicePublished)});
    // q: full text over published ones (the draft has the word too)
    QCOMPARE(list(nullptr, u"q="_s + word), QStringList{id(alicePublished)});
    QCOMPARE(list(&m_alice, u"q="_s + word + u"&status=draft"_s), QStringList{id(aliceDraft)});

    // status=draft: the caller's own; admins see everyone's; anonymous must sign in.
    found = list(&m_alice, u"status=draft"_s);
    QVERIFY(found.contains(id(aliceDraft)) && !found.contains(id(bobDraft)));
    for (const QString &other : found)
        QCOMPARE(read(&m_alice, other).value(u"author_id"_s).toString(), m_alice.id);
    found = list(&m_admin, u"status=draft"_s);
    QVERIFY(found.contains(id(aliceDraft)) && found.contains(id(bobDraft)));
    QCOMPARE(list(&m_victor, u"status=draft"_s), QStringList());
    CHECK_PROBLEM(get(u"/api/v1/articles?status=draft"_s), 401);
    CHECK_PROBLEM(get(u"/api/v1/articles?status=archived"_s), 401);
    found = list(&m_alice, u"status=archived"_s);
    QVERIFY(found.contains(id(aliceArchived)) && !found.contains(id(aliceDraft)));
    found = list(&m_bob, u"status=draft&author_id="_s + m_alice.id);
    QCOMPARE(found, QStringList());
    found = list(nullptr, u"status=published&tag="_s + percent(tag));
    QCOMPARE(found, QStringList{id(alicePublished)});
}

void TestArticles::listPagingSeesEveryArticleOnce()
{
    const QString tag = unique(u"Paging Set"_s);
    QSet<QString> expected;
    for (int i = 0; i < 7; ++i) {
        const QJsonObject article =
            createPublished(i % 2 ? m_alice : m_bob, unique(u"Paged"_s), u"x"_s, {{u"tags"_s, QJsonArray{tag}}});
        QVERIFY2(!article.isEmpty(), qPrintable(m_error));
        expected.insert(article.value(u"id"_s).toString());
    }
    // Ones that must not show: a draft, a deleted one, an unpublished one.
    const QJsonObject draft = create(m_alice, unique(u"Paged Draft"_s), u"x"_s, {{u"tags"_s, QJsonArray{tag}}});
    const QJsonObject gone = createPublished(m_alice, unique(u"Paged Gone"_s), u"x"_s, {{u"tags"_s, QJsonArray{tag}}});
    const QJsonObject pulled =
        createPublished(m_alice, unique(u"Paged Pulled"_s), u"x"_s, {{u"tags"_s, QJsonArray{tag}}});
    QVERIFY2(!draft.isEmpty() && !gone.isEmpty() && !pulled.isEmpty(), qPrintable(m_error));
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + gone.value(u"id"_s).toString(), &m_alice), 204);
    EXPECT_STATUS(act(&m_alice, pulled.value(u"id"_s).toString(), u"unpublish"_s), 200);

    // Walk two at a time; a new article published mid-walk must not make anything repeat or vanish.
    QStringList seen;
    QString cursor;
    QString lastPublishedAt;
    for (int page = 0; page < 20; ++page) {
        QString url = u"/api/v1/articles?limit=2&tag="_s + percent(tag);
        if (!cursor.isEmpty())
            url += u"&cursor="_s + percent(cursor);
        const HttpResponse answer = get(url);
        EXPECT_STATUS(answer, 200);
        const QJsonArray items = answer.json().value(u"items"_s).toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue &item : items) {
            const QString publishedAt = item.toObject().value(u"published_at"_s).toString();
            QVERIFY2(lastPublishedAt.isEmpty() || publishedAt <= lastPublishedAt, "not newest first");
            lastPublishedAt = publishedAt;
            seen << item.toObject().value(u"id"_s).toString();
        }
        if (page == 1) {
            const QJsonObject late =
                createPublished(m_bob, unique(u"Paged Late"_s), u"x"_s, {{u"tags"_s, QJsonArray{tag}}});
            QVERIFY2(!late.isEmpty(), qPrintable(m_error));
        }
        if (answer.json().value(u"next_cursor"_s).isNull())
            break;
        cursor = answer.json().value(u"next_cursor"_s).toString();
    }
    QCOMPARE(seen.size(), 7);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), expected);

    // The whole published list, a few at a time: every article once, in order.
    const QJsonArray all = walkList(&m_victor, u"/api/v1/articles"_s, 3);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    const QStringList allIds = idsOf(all);
    QCOMPARE(QSet<QString>(allIds.cbegin(), allIds.cend()).size(), allIds.size());
    const QJsonArray inOnePage = walkList(&m_victor, u"/api/v1/articles"_s, 100);
    QCOMPARE(idsOf(inOnePage), allIds);
    for (const QString &id : expected)
        QVERIFY(allIds.contains(id));

    // A cursor belongs to its filters.
    const HttpResponse first = get(u"/api/v1/articles?limit=2&tag="_s + percent(tag));
    const QString issued = first.json().value(u"next_cursor"_s).toString();
    QVERIFY(!issued.isEmpty());
    EXPECT_STATUS(get(u"/api/v1/articles?limit=2&tag=%1&cursor=%2"_s.arg(percent(tag), percent(issued))), 200);
    CHECK_PROBLEM(get(u"/api/v1/articles?limit=2&cursor="_s + percent(issued)), 400);
    CHECK_PROBLEM(get(u"/api/v1/articles?limit=2&tag=other&cursor="_s + percent(issued)), 400);
    CHECK_PROBLEM(
        get(u"/api/v1/articles?limit=2&tag=%1&author_id=%2&cursor=%3"_s.arg(percent(tag), m_bob.id, percent(issued))),
        400);
    CHECK_PROBLEM(get(u"/api/v1/articles?status=draft&cursor="_s + percent(issued), &m_alice), 400);
    // ...and to its list: a tags cursor is no articles cursor.
    const QString tagsCursor = get(u"/api/v1/tags?limit=1"_s).json().value(u"next_cursor"_s).toString();
    QVERIFY(!tagsCursor.isEmpty());
    CHECK_PROBLEM(get(u"/api/v1/articles?cursor="_s + percent(tagsCursor)), 400);
}

void TestArticles::listQueryIsValidated_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("unknown parameter") << u"sort=views"_s;
    QTest::newRow("unknown parameter, empty") << u"page="_s;
    QTest::newRow("status unknown") << u"status=deleted"_s;
    QTest::newRow("status capitalised") << u"status=Published"_s;
    QTest::newRow("status empty") << u"status="_s;
    QTest::newRow("author_id not an id") << u"author_id=abc"_s;
    QTest::newRow("author_id nil") << u"author_id=00000000-0000-0000-0000-000000000000"_s;
    QTest::newRow("limit 0") << u"limit=0"_s;
    QTest::newRow("limit 101") << u"limit=101"_s;
    QTest::newRow("limit negative") << u"limit=-1"_s;
    QTest::newRow("limit word") << u"limit=ten"_s;
    QTest::newRow("limit fraction") << u"limit=1.5"_s;
    QTest::newRow("limit huge") << u"limit=99999999999999999999"_s;
    QTest::newRow("limit with a plus sign") << u"limit=%2B10"_s;
    QTest::newRow("limit after a space") << u"limit=%2010"_s;
    QTest::newRow("limit after a form's space") << u"limit=+10"_s;
    QTest::newRow("limit before a space") << u"limit=10+"_s;
    QTest::newRow("limit with a leading zero") << u"limit=010"_s;
    QTest::newRow("cursor made up") << u"cursor=abc"_s;
    QTest::newRow("cursor empty") << u"cursor="_s;
    QTest::newRow("cursor base64 junk") << u"cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    QTest::newRow("parameter twice") << u"limit=1&limit=2"_s;
}

void TestArticles::listQueryIsValidated()
{
    QFETCH(QString, query);
    for (const User *who : QList<const User *>{nullptr, &m_alice, &m_admin})
        CHECK_PROBLEM(get(u"/api/v1/articles?"_s + query, who), 400);
    QVERIFY(healthy());
}

void TestArticles::tagsCountPublishedArticles()
{
    const QString name = unique(u"Counted Tag"_s);
    const auto findTag = [this](const QString &tagName) -> QJsonObject {
        const QJsonArray tags = walkList(nullptr, u"/api/v1/tags"_s, 100);
        for (const QJsonValue &tag : tags)
            if (tag.toObject().value(u"name"_s).toString().compare(tagName, Qt::CaseInsensitive) == 0)
                return tag.toObject();
        return {};
    };
    QVERIFY(findTag(name).isEmpty());
    // Created on first use, by a draft: it exists but counts nothing yet.
    const QJsonObject draft = create(m_alice, unique(u"Tagged Draft"_s), u"x"_s, {{u"tags"_s, QJsonArray{name}}});
    QVERIFY2(!draft.isEmpty(), qPrintable(m_error));
    QJsonObject tag = findTag(name);
    QCOMPARE(keySet(tag), (QSet<QString>{u"id"_s, u"name"_s, u"slug"_s, u"article_count"_s}));
    QCOMPARE(tag.value(u"name"_s).toString(), name);
    QCOMPARE(tag.value(u"slug"_s).toString(), u"counted-tag-"_s + name.section(u' ', -1));
    QVERIFY(kUuid.match(tag.value(u"id"_s).toString()).hasMatch());
    QCOMPARE(tag.value(u"article_count"_s).toInt(-1), 0);

    // Published ones count; the same name in another case is the same tag.
    const QJsonObject one = createPublished(m_alice, unique(u"Tagged One"_s), u"x"_s, {{u"tags"_s, QJsonArray{name}}});
    const QJsonObject two =
        createPublished(m_bob, unique(u"Tagged Two"_s), u"x"_s, {{u"tags"_s, QJsonArray{name.toLower()}}});
    QVERIFY2(!one.isEmpty() && !two.isEmpty(), qPrintable(m_error));
    tag = findTag(name);
    QCOMPARE(tag.value(u"article_count"_s).toInt(), 2);
    const QString tagId = tag.value(u"id"_s).toString();
    int sameName = 0;
    for (const QJsonValue &t : walkList(nullptr, u"/api/v1/tags"_s, 100))
        sameName += t.toObject().value(u"name"_s).toString().compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    QCOMPARE(sameName, 1);

    // Deleted, unpublished and untagged ones do not count.
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + one.value(u"id"_s).toString(), &m_alice), 204);
    QCOMPARE(findTag(name).value(u"article_count"_s).toInt(), 1);
    EXPECT_STATUS(act(&m_bob, two.value(u"id"_s).toString(), u"unpublish"_s), 200);
    QCOMPARE(findTag(name).value(u"article_count"_s).toInt(), 0);
    EXPECT_STATUS(act(&m_bob, two.value(u"id"_s).toString(), u"publish"_s), 200);
    QCOMPARE(findTag(name).value(u"article_count"_s).toInt(), 1);
    EXPECT_STATUS(patch(m_bob, two.value(u"id"_s).toString(), {{u"tags"_s, QJsonArray{}}}, 3), 200);
    tag = findTag(name);
    QCOMPARE(tag.value(u"article_count"_s).toInt(), 0);
    QCOMPARE(tag.value(u"id"_s).toString(), tagId);

    // Paging the tags sees each once.
    const QJsonArray byTwo = walkList(nullptr, u"/api/v1/tags"_s, 2);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    const QJsonArray byHundred = walkList(nullptr, u"/api/v1/tags"_s, 100);
    QCOMPARE(idsOf(byTwo), idsOf(byHundred));
    const QStringList tagIds = idsOf(byHundred);
    QCOMPARE(QSet<QString>(tagIds.cbegin(), tagIds.cend()).size(), tagIds.size());
}

void TestArticles::tagsQueryIsValidated_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("unknown parameter") << u"sort=name"_s;
    QTest::newRow("limit 0") << u"limit=0"_s;
    QTest::newRow("limit 101") << u"limit=101"_s;
    QTest::newRow("limit word") << u"limit=all"_s;
    QTest::newRow("cursor made up") << u"cursor=abc"_s;
    QTest::newRow("cursor empty") << u"cursor="_s;
}

void TestArticles::tagsQueryIsValidated()
{
    QFETCH(QString, query);
    CHECK_PROBLEM(get(u"/api/v1/tags?"_s + query), 400);
    QVERIFY(healthy());
}

// ---------------------------------------------------------------------------------------------
// Search

void TestArticles::searchRanksTitleAboveBody()
{
    const QString word = u"plumbrix%1"_s.arg(++g_serial);
    // The body-only hit comes first in time and its word sits past the automatic excerpt, so only
    // the body's weight can count for it.
    const QString filler = QStringList(60, u"filler"_s).join(u' ');
    const QJsonObject body =
        createPublished(m_bob, unique(u"Plain Heading"_s), filler + u" then "_s + word + u" once."_s);
    const QJsonObject title = createPublished(m_bob, u"All about %1"_s.arg(word), u"Nothing else here."_s);
    QVERIFY2(!body.isEmpty() && !title.isEmpty(), qPrintable(m_error));
    const HttpResponse answer = get(u"/api/v1/search?q="_s + word);
    EXPECT_STATUS(answer, 200);
    const QJsonObject result = answer.json();
    QCOMPARE(keySet(result), (QSet<QString>{u"items"_s, u"next_cursor"_s}));
    QVERIFY(result.value(u"next_cursor"_s).isNull());
    const QJsonArray items = result.value(u"items"_s).toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject first = items.at(0).toObject();
    const QJsonObject second = items.at(1).toObject();
    QCOMPARE(keySet(first), (QSet<QString>{u"article"_s, u"rank"_s, u"snippet"_s}));
    QCOMPARE(first.value(u"article"_s).toObject().value(u"id"_s).toString(), title.value(u"id"_s).toString());
    QCOMPARE(second.value(u"article"_s).toObject().value(u"id"_s).toString(), body.value(u"id"_s).toString());
    QVERIFY2(first.value(u"rank"_s).toDouble() > second.value(u"rank"_s).toDouble(), answer.body.constData());
    // Items carry summaries, not bodies.
    QVERIFY(!first.value(u"article"_s).toObject().contains(u"content"_s));
    QVERIFY(!first.value(u"article"_s).toObject().contains(u"content_html"_s));
    QVERIFY2(second.value(u"snippet"_s).toString().contains(u"<mark>"_s + word + u"</mark>"_s),
             answer.body.constData());
    // limit cuts from the bottom.
    const HttpResponse one = get(u"/api/v1/search?limit=1&q="_s + word);
    EXPECT_STATUS(one, 200);
    QCOMPARE(idsOf(QJsonArray{one.json().value(u"items"_s).toArray().at(0).toObject().value(u"article"_s)}),
             QStringList{title.value(u"id"_s).toString()});
    QCOMPARE(one.json().value(u"items"_s).toArray().size(), 1);
}

void TestArticles::searchSyntax_data()
{
    // Four published articles over two made-up words: A has both in order, B both reversed, C
    // only the first, D only the second. {1} and {2} are the words.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected"); ///< letters of the articles found, any order
    QTest::newRow("one word") << u"{1}"_s << u"ABC"_s;
    QTest::newRow("both words") << u"{1} {2}"_s << u"AB"_s;
    QTest::newRow("phrase") << u"\"{1} {2}\""_s << u"A"_s;
    QTest::newRow("reversed phrase") << u"\"{2} {1}\""_s << u"B"_s;
    QTest::newRow("exclude") << u"{1} -{2}"_s << u"C"_s;
    QTest::newRow("or") << u"{1} or {2}"_s << u"ABCD"_s;
    QTest::newRow("upper case") << u"{1U}"_s << u"ABC"_s;
    QTest::newRow("stop words only") << u"the and of"_s << u""_s;
}

void TestArticles::searchSyntax()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    const QString one = u"quorvane%1"_s.arg(++g_serial);
    const QString two = u"brelltic%1"_s.arg(g_serial);
    const QList<std::pair<QChar, QString>> bodies{{u'A', one + u" "_s + two + u" together."_s},
                                                  {u'B', two + u" "_s + one + u" reversed."_s},
                                                  {u'C', u"Only "_s + one + u" here."_s},
                                                  {u'D', u"Only "_s + two + u" there."_s}};
    QHash<QString, QChar> letters;
    for (const auto &[letter, text] : bodies) {
        const QJsonObject article = createPublished(m_bob, unique(u"Syntax"_s), text);
        QVERIFY2(!article.isEmpty(), qPrintable(m_error));
        letters.insert(article.value(u"id"_s).toString(), letter);
    }
    query.replace(u"{1U}"_s, one.toUpper()).replace(u"{1}"_s, one).replace(u"{2}"_s, two);
    const HttpResponse answer = get(u"/api/v1/search?limit=100&q="_s + percent(query));
    EXPECT_STATUS(answer, 200);
    QString found;
    for (const QJsonValue &item : answer.json().value(u"items"_s).toArray()) {
        const QString id = item.toObject().value(u"article"_s).toObject().value(u"id"_s).toString();
        if (letters.contains(id))
            found += letters.value(id);
        else if (!expected.isEmpty())
            QFAIL(qPrintable(u"an article of another test matched: "_s + id));
    }
    std::sort(found.begin(), found.end());
    QCOMPARE(found, expected);
}

void TestArticles::searchSeesPublishedAndOwnDraftsOnly()
{
    const QString word = u"vendrafel%1"_s.arg(++g_serial);
    const QJsonObject live = createPublished(m_bob, unique(u"Live Find"_s), u"Live "_s + word);
    const QJsonObject bobDraft = create(m_bob, unique(u"Bob Draft Find"_s), u"Bob's draft "_s + word);
    const QJsonObject aliceDraft = create(m_alice, unique(u"Alice Draft Find"_s), u"Alice's draft "_s + word);
    const QJsonObject deleted = createPublished(m_bob, unique(u"Deleted Find"_s), u"Deleted "_s + word);
    QVERIFY2(!live.isEmpty() && !bobDraft.isEmpty() && !aliceDraft.isEmpty() && !deleted.isEmpty(),
             qPrintable(m_error));
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + deleted.value(u"id"_s).toString(), &m_bob), 204);
    const auto found = [this, &word](const User *who) {
        const HttpResponse answer = get(u"/api/v1/search?q="_s + word, who);
        QSet<QString> ids;
        if (answer.status != 200) {
            ids.insert(u"status "_s + QString::number(answer.status));
            return ids;
        }
        for (const QJsonValue &item : answer.json().value(u"items"_s).toArray())
            ids.insert(item.toObject().value(u"article"_s).toObject().value(u"id"_s).toString());
        return ids;
    };
    const QString liveId = live.value(u"id"_s).toString();
    QCOMPARE(found(nullptr), QSet<QString>{liveId});
    QCOMPARE(found(&m_victor), QSet<QString>{liveId});
    QCOMPARE(found(&m_bob), (QSet<QString>{liveId, bobDraft.value(u"id"_s).toString()}));
    QCOMPARE(found(&m_alice), (QSet<QString>{liveId, aliceDraft.value(u"id"_s).toString()}));
    // An admin sees published articles and its own drafts too, not other people's.
    QCOMPARE(found(&m_admin), QSet<QString>{liveId});
    // Once unpublished, a reader's search no longer finds it, also right after it was cached.
    EXPECT_STATUS(act(&m_bob, liveId, u"unpublish"_s), 200);
    QCOMPARE(found(nullptr), QSet<QString>());
    QCOMPARE(found(&m_alice), QSet<QString>{aliceDraft.value(u"id"_s).toString()});
}

void TestArticles::searchSnippetIsEscaped()
{
    const QString word = u"snarkel%1"_s.arg(++g_serial);
    const QString content = u"Before <img src=x onerror=alert(1)> the "_s + word +
                            u" & <script>alert(2)</script> \"quoted\" after <b>bold</b> "_s + word + u"."_s;
    const QJsonObject article = createPublished(m_bob, unique(u"Snippet Safety"_s), content);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    // Control characters the server might use to mark hits inside the text: they must not turn
    // into markup either.
    const QJsonObject marked = createPublished(m_bob, unique(u"Marker Smuggling"_s),
                                               u"\u0001injected\u0002 text with "_s + word + u" inside."_s);
    QVERIFY2(!marked.isEmpty(), qPrintable(m_error));
    const HttpResponse answer = get(u"/api/v1/search?q="_s + word);
    EXPECT_STATUS(answer, 200);
    const QJsonArray items = answer.json().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 2);
    QHash<QString, QString> snippets;
    for (const QJsonValue &item : items)
        snippets.insert(item.toObject().value(u"article"_s).toObject().value(u"id"_s).toString(),
                        item.toObject().value(u"snippet"_s).toString());
    for (const QJsonObject *which : {&article, &marked}) {
        const QString snippet = snippets.value(which->value(u"id"_s).toString());
        QVERIFY2(snippet.contains(u"<mark>"_s + word + u"</mark>"_s), qPrintable(snippet));
        // Every mark wraps a hit, and nothing else is markup.
        QString rest = snippet;
        rest.remove(u"<mark>"_s + word + u"</mark>"_s);
        QVERIFY2(!rest.contains(u'<') && !rest.contains(u'>'), qPrintable(snippet));
        QVERIFY2(!rest.contains(u'\u0001') && !rest.contains(u'\u0002'), qPrintable(snippet));
        if (which == &article) // the text around the hits is there, escaped
            QVERIFY2(snippet.contains(u"&amp;"_s) || snippet.contains(u"&lt;"_s), qPrintable(snippet));
    }
}

void TestArticles::searchQueryIsValidated_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("no q") << u""_s;
    QTest::newRow("q empty") << u"q="_s;
    QTest::newRow("q blank") << u"q=%20%20"_s;
    QTest::newRow("q 201 characters") << u"q="_s + QString(201, u'q');
    QTest::newRow("unknown parameter") << u"q=x&sort=rank"_s;
    QTest::newRow("status filter is not a search parameter") << u"q=x&status=draft"_s;
    QTest::newRow("limit 0") << u"q=x&limit=0"_s;
    QTest::newRow("limit 101") << u"q=x&limit=101"_s;
    QTest::newRow("cursor made up") << u"q=x&cursor=abc"_s;
    QTest::newRow("q twice") << u"q=x&q=y"_s;
}

void TestArticles::searchQueryIsValidated()
{
    QFETCH(QString, query);
    CHECK_PROBLEM(get(u"/api/v1/search?"_s + query), 400);
    CHECK_PROBLEM(get(u"/api/v1/search?"_s + query, &m_alice), 400);
    QVERIFY(healthy());
}

QList<std::tuple<QString, QString, double>> TestArticles::searchHits(const QString &query, const User *who)
{
    m_error.clear();
    const HttpResponse answer = get(u"/api/v1/search?limit=100&q="_s + query, who);
    QList<std::tuple<QString, QString, double>> hits;
    if (answer.status != 200) {
        m_error = u"searching %1: %2"_s.arg(query, QString::fromUtf8(describe(answer)));
        return hits;
    }
    for (const QJsonValue &item : answer.json().value(u"items"_s).toArray()) {
        const QJsonObject hit = item.toObject();
        hits.append({hit.value(u"article"_s).toObject().value(u"id"_s).toString(), hit.value(u"snippet"_s).toString(),
                     hit.value(u"rank"_s).toDouble()});
    }
    return hits;
}

void TestArticles::queryStringsAreFormEncoded()
{
    // api.md: query strings are application/x-www-form-urlencoded, the way HTML forms send them: '+' is a
    // space like %20, and a plus sign is %2B. On every route: search, and the list's q and tag filters.
    const QString zork = u"zorkmid%1"_s.arg(++g_serial);
    const QString alpha = u"alphanor%1"_s.arg(g_serial);
    const QString serial = QString::number(g_serial);
    const QJsonObject alone = createPublished(m_bob, unique(u"Form Alone"_s), u"About "_s + zork + u" alone."_s,
                                              {{u"tags"_s, QJsonArray{QString(u"x+y "_s + serial)}}});
    const QJsonObject both = createPublished(m_bob, unique(u"Form Both"_s), zork + u" meets "_s + alpha + u"."_s,
                                             {{u"tags"_s, QJsonArray{QString(u"x y "_s + serial)}}});
    QVERIFY2(!alone.isEmpty() && !both.isEmpty(), qPrintable(m_error));
    const QString aloneId = alone.value(u"id"_s).toString();
    const QString bothId = both.value(u"id"_s).toString();
    const auto searched = [this](const QString &query) {
        QStringList ids;
        for (const auto &[id, snippet, rank] : searchHits(query))
            ids << id;
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    const auto listed = [this](const QString &query) {
        QStringList ids = idsOf(walkList(nullptr, u"/api/v1/articles?"_s + query, 100));
        std::sort(ids.begin(), ids.end());
        return ids;
    };

    QCOMPARE(searched(zork + u"%20-"_s + alpha), QStringList{aloneId});
    QCOMPARE(searched(zork + u"+-"_s + alpha), QStringList{aloneId});
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    QStringList bothIds{aloneId, bothId};
    std::sort(bothIds.begin(), bothIds.end());
    QCOMPARE(searched(zork + u"+or+"_s + alpha), bothIds);
    QCOMPARE(listed(u"q="_s + zork + u"+-"_s + alpha), QStringList{aloneId});
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    // '+' is a space: the tag "x y N"; %2B is a plus sign: the tag "x+y N".
    QCOMPARE(listed(u"tag=x+y+"_s + serial), QStringList{bothId});
    QCOMPARE(listed(u"tag=x%2By+"_s + serial), QStringList{aloneId});
    QCOMPARE(listed(u"tag=x%2by%20"_s + serial), QStringList{aloneId});
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    // A '+' in a parameter's name reads the same way: "li+mit" is an unknown parameter "li mit".
    const HttpResponse unknown = get(u"/api/v1/articles?li+mit=5"_s);
    CHECK_PROBLEM(unknown, 400);
    QVERIFY2(unknown.json().value(u"detail"_s).toString().contains(u"'li mit'"_s), unknown.body.constData());
}

void TestArticles::searchPhraseStaysInOneField_data()
{
    // {z} and {b} are made-up words; the query is the phrase "{z} {b}". An empty excerpt column means none
    // is given (the server derives it from the body's opening).
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("excerpt");
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("found");
    QTest::newRow("across title and excerpt")
        << u"Heading {z}"_s << u"{b} opens the summary."_s << u"Unrelated body."_s << false;
    QTest::newRow("across excerpt and body")
        << u"Plain heading"_s << u"The summary ends with {z}"_s << u"{b} opens the body."_s << false;
    QTest::newRow("across title and body, derived excerpt")
        << u"Heading {z}"_s << QString() << u"{b} opens the body."_s << false;
    QTest::newRow("in the title") << u"The {z} {b} story"_s << QString() << u"Unrelated body."_s << true;
    QTest::newRow("in the excerpt") << u"Plain heading"_s << u"Of {z} {b} and more."_s << u"Unrelated body."_s << true;
    QTest::newRow("in the body, own excerpt")
        << u"Plain heading"_s << u"Unrelated summary."_s << u"Once {z} {b} happened."_s << true;
    QTest::newRow("in the body, derived excerpt")
        << u"Plain heading"_s << QString() << u"Once {z} {b} happened."_s << true;
    QTest::newRow("at the start of the body, derived excerpt")
        << u"Heading"_s << QString() << u"{z} {b} opens the body."_s << true;
    QTest::newRow("late in a long body") << u"Plain heading"_s << u"Unrelated summary."_s
                                         << QStringList(400, u"filler"_s).join(u' ') + u" then {z} {b}."_s << true;
}

void TestArticles::searchPhraseStaysInOneField()
{
    QFETCH(QString, title);
    QFETCH(QString, excerpt);
    QFETCH(QString, content);
    QFETCH(bool, found);
    const QString z = u"zorbulon%1"_s.arg(++g_serial);
    const QString b = u"blipstar%1"_s.arg(g_serial);
    const auto fill = [&](QString text) { return text.replace(u"{z}"_s, z).replace(u"{b}"_s, b); };
    QJsonObject extra;
    if (!excerpt.isEmpty())
        extra.insert(u"excerpt"_s, fill(excerpt));
    const QJsonObject article = createPublished(m_bob, fill(title), fill(content), extra);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QStringList wanted = found ? QStringList{article.value(u"id"_s).toString()} : QStringList();
    for (const QString &phrase :
         QStringList{u"%22"_s + z + u"%20"_s + b + u"%22"_s, u"%22"_s + z + u"+"_s + b + u"%22"_s}) {
        QStringList ids;
        for (const auto &[id, snippet, rank] : searchHits(phrase))
            ids << id;
        QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
        QCOMPARE(ids, wanted);
        // The list's q filter reads the same vector.
        QCOMPARE(idsOf(walkList(nullptr, u"/api/v1/articles?q="_s + phrase, 100)), wanted);
    }
    // Each word alone is found wherever it is.
    QCOMPARE(searchHits(z).size(), 1);
    QCOMPARE(searchHits(b).size(), 1);
}

void TestArticles::searchSnippetShowsWhereTheBodyMatches()
{
    // Words made of letters only, unique to this run: "…zumpy" is stemmed to "…zumpi", which no written form
    // starts with (the "y" to "i" rule).
    QString tag;
    for (const QChar digit : QString::number(++g_serial))
        tag += QChar(u'b' + (digit.unicode() - u'0'));
    const QString deep = tag + u"zumpy"_s;
    const QString first = tag + u"quorble"_s;
    const QString second = tag + u"fennock"_s;
    const QString filler = QStringList(180, u"Filler text runs along here."_s).join(u' '); // 5,219 characters
    const QJsonObject article = createPublished(m_bob, unique(u"Deep Match"_s),
                                                filler + u" The "_s + first + u" waits. "_s + filler.left(1000) +
                                                    u" Then "_s + second + u" and a "_s + deep + u" end the story."_s);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const auto snippetOf = [this, &article](const QString &query) {
        for (const auto &[id, snippet, rank] : searchHits(QString::fromLatin1(QUrl::toPercentEncoding(query)))) {
            if (id == article.value(u"id"_s).toString())
                return snippet;
        }
        return u"(not found: %1)"_s.arg(m_error);
    };
    // A word more than 6,000 characters into the body is shown marked, not the body's opening unmarked.
    QString snippet = snippetOf(deep);
    QVERIFY2(snippet.contains(u"<mark>"_s + deep + u"</mark>"_s), qPrintable(snippet));
    // Both words of an AND query, 1,000 characters apart, are shown (ts_headline shows no cover longer than 300
    // words).
    snippet = snippetOf(first + u" "_s + second);
    QVERIFY2(snippet.contains(u"<mark>"_s + first + u"</mark>"_s), qPrintable(snippet));
    QVERIFY2(snippet.contains(u"<mark>"_s + second + u"</mark>"_s), qPrintable(snippet));
    // A negated word does not pull the snippet towards it.
    snippet = snippetOf(first + u" -nonesuchword"_s);
    QVERIFY2(snippet.contains(u"<mark>"_s + first + u"</mark>"_s), qPrintable(snippet));
}

void TestArticles::searchReadsADerivedExcerptOnce()
{
    const QString word = u"glimmerax%1"_s.arg(++g_serial);
    // No excerpt given: the server makes it from the body's opening, which is all of this short body.
    const QJsonObject derived =
        createPublished(m_bob, unique(u"Derived Excerpt"_s), u"alpha "_s + word + u" blip omega"_s);
    QVERIFY2(!derived.isEmpty(), qPrintable(m_error));
    QCOMPARE(derived.value(u"excerpt"_s).toString(), u"alpha "_s + word + u" blip omega"_s);
    const auto snippetOf = [this](const QString &query, const QJsonObject &article) {
        for (const auto &[id, snippet, rank] : searchHits(query)) {
            if (id == article.value(u"id"_s).toString())
                return snippet;
        }
        return u"(not found)"_s;
    };
    QString snippet = snippetOf(word, derived);
    QCOMPARE(snippet.count(u"<mark>"_s + word + u"</mark>"_s), 1);
    QVERIFY2(snippet.count(u"omega"_s) == 1, qPrintable(snippet));
    // A new body: the derived excerpt follows it, and is still read once.
    const QJsonObject patched = patch(m_bob, derived.value(u"id"_s).toString(),
                                      {{u"content"_s, QString(u"alpha "_s + word + u" blip omega, revised"_s)}}, 1)
                                    .json();
    QCOMPARE(patched.value(u"excerpt"_s).toString(), u"alpha "_s + word + u" blip omega, revised"_s);
    snippet = snippetOf(word, derived);
    QCOMPARE(snippet.count(u"<mark>"_s + word + u"</mark>"_s), 1);
    QVERIFY2(snippet.contains(u"revised"_s), qPrintable(snippet));
    // An excerpt the writer gave is its own passage: both show.
    const QJsonObject written = createPublished(m_bob, unique(u"Written Excerpt"_s), u"The body has "_s + word + u"."_s,
                                                {{u"excerpt"_s, QString(u"The summary has "_s + word + u"."_s)}});
    QVERIFY2(!written.isEmpty(), qPrintable(m_error));
    snippet = snippetOf(word, written);
    QVERIFY2(snippet.contains(u"summary"_s) && snippet.contains(u"body"_s), qPrintable(snippet));

    // Rank follows the real occurrences: once at the body's opening (derived excerpt) ranks below twice in
    // the body, which ranks below once in a written excerpt and once in the body.
    const QString term = u"quillipod%1"_s.arg(++g_serial);
    const QString filler = QStringList(40, u"filler"_s).join(u' '); // longer than an excerpt
    const QJsonObject opening = createPublished(m_bob, unique(u"Rank Opening"_s), term + u" opens this. "_s + filler);
    const QJsonObject twice =
        createPublished(m_bob, unique(u"Rank Twice"_s), filler + u" then "_s + term + u" and "_s + term + u"."_s);
    const QJsonObject summary = createPublished(m_bob, unique(u"Rank Summary"_s), term + u" opens this. "_s + filler,
                                                {{u"excerpt"_s, QString(u"About "_s + term + u"."_s)}});
    QVERIFY2(!opening.isEmpty() && !twice.isEmpty() && !summary.isEmpty(), qPrintable(m_error));
    QVERIFY(opening.value(u"excerpt"_s).toString().contains(term));
    QVERIFY(!twice.value(u"excerpt"_s).toString().contains(term));
    const auto hits = searchHits(term);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    QStringList order;
    for (const auto &[id, text, rank] : hits)
        order << id;
    QCOMPARE(order, (QStringList{summary.value(u"id"_s).toString(), twice.value(u"id"_s).toString(),
                                 opening.value(u"id"_s).toString()}));
    QVERIFY(std::get<2>(hits.at(0)) > std::get<2>(hits.at(1)) && std::get<2>(hits.at(1)) > std::get<2>(hits.at(2)));
}

void TestArticles::searchOfArticlesStoredBeforeTheFieldsWereApart()
{
    // A database at the schema before search kept fields apart, with articles as that server stored them;
    // then the server starts (and migrates). Existing rows are searched like new ones.
    const QString name = u"before_fields_%1"_s.arg(++g_serial);
    auto made = m_postgres->params().withConnection([&name](QSqlDatabase &db) -> std::expected<bool, QString> {
        QSqlQuery query(db);
        if (!query.exec(u"CREATE DATABASE "_s + name))
            return std::unexpected(query.lastError().text());
        return true;
    });
    QVERIFY2(made, made ? "" : qPrintable(made.error()));
    ConnectionParams params = m_postgres->params();
    params.database = name;
    QList<Migrator::Migration> before = Migrator::bundled();
    before.removeIf([](const Migrator::Migration &migration) { return migration.version >= 7; });
    QCOMPARE(before.size(), 6);
    auto migrated = params.withConnection([&before](QSqlDatabase &db) { return Migrator(db, before).migrate(); });
    QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error()));

    const QString z = u"zorbex%1"_s.arg(g_serial);
    const QString b = u"blipper%1"_s.arg(g_serial);
    const QString w = u"wendigo%1"_s.arg(g_serial);
    const QString m = u"marrowfin%1"_s.arg(g_serial);
    const QString markdownBody = u"1. First [%1 link](http://example.com/x) item\n2. Second **bold** one, "_s.arg(m) +
                                 QStringList(40, u"and more"_s).join(u' ');
    struct Legacy {
        QString id;
        QString title;
        QString excerpt;
        QString content;
    };
    const QList<Legacy> rows{
        {newId(), u"Across"_s, u"The summary ends with "_s + z, b + u" begins the body."_s},
        {newId(), u"Inside"_s, u"Unrelated summary."_s, u"Once "_s + z + u" "_s + b + u" happened."_s},
        {newId(), u"Derived"_s, {}, u"alpha "_s + w + u" blip omega"_s},
        {newId(), u"Derived from Markdown"_s, {}, markdownBody},
        {newId(), u"Written"_s, u"A summary about "_s + w + u"."_s, u"A body about "_s + w + u"."_s},
    };
    const auto inLegacy = [&params](const QString &statement, const QVariantList &binds) {
        return params.withConnection([&](QSqlDatabase &db) -> std::expected<QVariant, QString> {
            QSqlQuery query(db);
            query.prepare(statement);
            for (const QVariant &bind : binds)
                query.addBindValue(bind);
            if (!query.exec())
                return std::unexpected(query.lastError().text());
            return query.next() ? query.value(0) : QVariant();
        });
    };
    auto author = inLegacy(u"INSERT INTO users (email, password_hash, full_name, role) "
                           u"VALUES ('old@example.test', 'x', 'Old Writer', 'creator') RETURNING id::text"_s,
                           {});
    QVERIFY2(author, author ? "" : qPrintable(author.error()));
    for (const Legacy &row : rows) {
        // What that server stored: the excerpt given, or the one it derived from the body.
        const QString excerpt = row.excerpt.isNull() ? inkwell::markdown::excerpt(row.content) : row.excerpt;
        auto inserted = inLegacy(
            u"INSERT INTO articles (id, author_id, title, slug, content, content_html, excerpt, "
            u"status, published_at) VALUES (?::uuid, ?::uuid, ?, ?, ?, '', ?, 'published', now()) "
            u"RETURNING id::text"_s,
            {row.id, author->toString(), row.title, row.title.toLower().replace(u' ', u'-'), row.content, excerpt});
        QVERIFY2(inserted, inserted ? "" : qPrintable(inserted.error()));
    }
    const QString stampsSql = u"SELECT string_agg(id::text || change_xid::text || updated_at::text, ',' ORDER BY id) "
                              u"FROM articles"_s;
    const auto stampsBefore = inLegacy(stampsSql, {});
    QVERIFY2(stampsBefore, stampsBefore ? "" : qPrintable(stampsBefore.error()));

    TestServer server(params, {articleRoutes()});
    QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
    // The rows read the same: nothing was stamped as changed (the change feed does not resend them).
    QCOMPARE(inLegacy(stampsSql, {}).value_or(QVariant()).toString(), stampsBefore->toString());
    HttpClient client(server.url());
    const auto search = [&client](const QString &query) {
        QHash<QString, QString> snippets;
        const HttpResponse answer = client.get(u"/api/v1/search?q="_s + query);
        if (answer.status != 200)
            snippets.insert(u"status"_s, QString::fromUtf8(describe(answer)));
        for (const QJsonValue &item : answer.json().value(u"items"_s).toArray())
            snippets.insert(item.toObject().value(u"article"_s).toObject().value(u"id"_s).toString(),
                            item.toObject().value(u"snippet"_s).toString());
        return snippets;
    };
    QCOMPARE(search(u"%22"_s + z + u"+"_s + b + u"%22"_s).keys(), QStringList{rows.at(1).id});
    QCOMPARE(search(z).size(), 2);
    const QHash<QString, QString> found = search(w);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.value(rows.at(2).id).count(u"<mark>"_s + w + u"</mark>"_s), 1);
    QVERIFY2(found.value(rows.at(4).id).contains(u"summary"_s), qPrintable(found.value(rows.at(4).id)));
    const QHash<QString, QString> markdown = search(m);
    QCOMPARE(markdown.keys(), QStringList{rows.at(3).id});
    QVERIFY2(markdown.value(rows.at(3).id).count(u"<mark>"_s + m + u"</mark>"_s) == 1,
             qPrintable(markdown.value(rows.at(3).id)));
    server.stop();
}

void TestArticles::searchCacheComputesAKeyOnceForConcurrentMisses()
{
    // Requests that miss a key while another request computes it wait for that result: one query, however many ask.
    constexpr int kWaiters = 5;
    SearchCache cache;
    SearchCache::Lookup first = cache.lookup(u"20|cold term"_s);
    QVERIFY(!first.items);
    std::vector<std::optional<QJsonArray>> got(kWaiters);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kWaiters; ++i) {
        threads.emplace_back(
            QThread::create([&cache, &got, i] { got[size_t(i)] = cache.lookup(u"20|cold term"_s).items; }));
        threads.back()->start();
    }
    QTRY_COMPARE(cache.stats().waiting, qint64(kWaiters));
    const QJsonArray items{QJsonObject{{u"rank"_s, 0.5}}};
    first.turn.keep(items);
    for (const auto &thread : threads)
        QVERIFY(thread->wait(10000));
    for (const auto &answer : got)
        QCOMPARE(answer, std::optional<QJsonArray>(items));
    const SearchCache::Stats stats = cache.stats();
    QCOMPARE(stats.databaseReads, 1);
    QCOMPARE(stats.shared, qint64(kWaiters));
    QCOMPARE(stats.waiting, 0);
    // Kept for the next one; another key is a computation of its own.
    QCOMPARE(cache.lookup(u"20|cold term"_s).items, std::optional<QJsonArray>(items));
    QCOMPARE(cache.stats().hits, 1);
    SearchCache::Lookup other = cache.lookup(u"20|other term"_s);
    QVERIFY(!other.items);
    QCOMPARE(cache.stats().databaseReads, 2);
}

void TestArticles::searchCacheWaitersComputeWhenTheTurnFailsLagsOrIsCleared()
{
    const QString key = u"20|term"_s;
    const QJsonArray items{QJsonObject{{u"rank"_s, 1.0}}};
    {
        // The computing request failed (its turn is given up): a waiter gets a turn of its own, and what it keeps
        // is kept.
        SearchCache cache;
        std::optional<SearchCache::Lookup> first(cache.lookup(key));
        std::optional<SearchCache::Lookup> second;
        std::unique_ptr<QThread> waiter(QThread::create([&] { second.emplace(cache.lookup(key)); }));
        waiter->start();
        QTRY_COMPARE(cache.stats().waiting, 1);
        first.reset();
        QVERIFY(waiter->wait(10000));
        QVERIFY(second && !second->items);
        second->turn.keep(items);
        QCOMPARE(cache.lookup(key).items, std::optional<QJsonArray>(items));
        QCOMPARE(cache.stats().databaseReads, 2);
        QCOMPARE(cache.stats().shared, 0);
    }
    {
        // The computing request is slower than the wait bound: the waiter computes on its own.
        SearchCache cache(qint64(1) << 20, 1000, 300000, 50);
        SearchCache::Lookup first = cache.lookup(key);
        SearchCache::Lookup second = cache.lookup(key);
        QVERIFY(!second.items);
        QCOMPARE(cache.stats().timeouts, 1);
        QCOMPARE(cache.stats().databaseReads, 2);
        second.turn.keep(items);
        first.turn.keep(QJsonArray{}); // the late one lands too (no write came between: either result is current)
        QVERIFY(cache.lookup(key).items.has_value());
    }
    {
        // A write empties the cache while a computation runs: a request after it does not wait for a read that began
        // before the write, and that read's result is not kept.
        SearchCache cache;
        SearchCache::Lookup first = cache.lookup(key);
        cache.clear();
        SearchCache::Lookup second = cache.lookup(key);
        QVERIFY(!second.items);
        QCOMPARE(cache.stats().waiting, 0);
        QCOMPARE(cache.stats().databaseReads, 2);
        first.turn.keep(items);
        QCOMPARE(cache.bytes(), 0); // refused
    }
}

void TestArticles::concurrentIdenticalSearchesReadTheDatabaseOnce()
{
    // Many clients searching one cold term at once: one of them queries, the others are answered with its result.
    // The articles table is locked meanwhile, so that the query cannot finish before the others have asked.
    const QString word = u"singleflight%1"_s.arg(++g_serial);
    const QJsonObject article = createPublished(m_alice, u"Searched by many "_s + word);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    constexpr int kRequests = 6;
    TestServer instance(m_postgres->params(), QList<RouteRegistrar>{articleRoutes()}, 4);
    QVERIFY2(instance.error().isEmpty(), qPrintable(instance.error()));
    HttpClient client(instance.url());
    const auto metric = [&client](const QByteArray &name) {
        for (const QByteArray &line : client.get(u"/metrics"_s).body.split('\n'))
            if (line.startsWith(QByteArray(name + ' ')))
                return line.mid(name.size() + 1).toDouble();
        return -1.0;
    };
    const double readsBefore = metric("inkwell_search_db_reads_total");
    QVERIFY(readsBefore >= 0);

    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> replies;
    auto locked = m_postgres->params().withConnection([&](QSqlDatabase &db) -> std::expected<void, QString> {
        QSqlQuery lock(db);
        if (!lock.exec(u"BEGIN"_s) || !lock.exec(u"LOCK TABLE articles IN ACCESS EXCLUSIVE MODE"_s))
            return std::unexpected(lock.lastError().text());
        for (int i = 0; i < kRequests; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            replies << managers.back()->get(
                QNetworkRequest(instance.url().resolved(QUrl(u"/api/v1/search?q="_s + word))));
        }
        // The first query waits for the lock; the others, sent with it to other listener threads, wait for that query.
        const bool blocked = QTest::qWaitFor(
            [&] {
                // The driver's statements show as PREPARE (a new connection's first search waits there) or as
                // EXECUTE with their values (the search's has the word).
                const auto waiting = sql(u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                         u"AND (query LIKE 'PREPARE %inkwell_search_published%' OR query LIKE ?)"_s,
                                         QVariantList{QString(u"EXECUTE %"_s + word + u"%"_s)});
                return waiting && waiting->toInt() >= 1;
            },
            10000);
        // (Not /metrics meanwhile: its request may come to a listener thread that waits.)
        lock.exec(u"ROLLBACK"_s);
        return blocked ? std::expected<void, QString>() : std::unexpected(u"no search waited for the lock"_s);
    });
    QVERIFY2(locked.has_value(), qPrintable(locked ? QString() : locked.error()));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }), 30000);
    for (QNetworkReply *reply : std::as_const(replies)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonArray items = QJsonDocument::fromJson(reply->readAll()).object().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"article"_s).toObject().value(u"id"_s), article.value(u"id"_s));
    }
    QCOMPARE(metric("inkwell_search_db_reads_total") - readsBefore, 1.0);
    QCOMPARE(metric("inkwell_search_wait_timeouts_total"), 0.0);

    // Asked again, the kept hits answer: each answer counts as a cache hit, none reads the database.
    const double hitsBefore = metric("inkwell_search_cache_hits_total");
    for (int i = 0; i < 3; ++i)
        QCOMPARE(client.get(u"/api/v1/search?q="_s + word).status, 200);
    QCOMPARE(metric("inkwell_search_cache_hits_total") - hitsBefore, 3.0);
    QCOMPARE(metric("inkwell_search_db_reads_total") - readsBefore, 1.0);
}

void TestArticles::coldSearchDoesNotHoldUpTheListener()
{
    // One listener thread. A search no cache holds is computed on a read worker: while it waits (here for a lock
    // on the articles table), the same listener answers a search whose hits are kept, and the cold one is answered
    // when its query can run.
    const QString kept = u"keptterm%1"_s.arg(++g_serial);
    const QString cold = u"coldterm%1"_s.arg(g_serial);
    const QJsonObject keptArticle = createPublished(m_alice, u"Kept search "_s + kept);
    const QJsonObject coldArticle = createPublished(m_alice, u"Cold search "_s + cold);
    QVERIFY2(!keptArticle.isEmpty() && !coldArticle.isEmpty(), qPrintable(m_error));
    TestServer instance(m_postgres->params(), QList<RouteRegistrar>{articleRoutes()}, 1);
    QVERIFY2(instance.error().isEmpty(), qPrintable(instance.error()));
    HttpClient client(instance.url());
    QCOMPARE(client.get(u"/api/v1/search?q="_s + kept).status, 200); // now kept

    QNetworkAccessManager manager;
    QNetworkReply *coldReply = nullptr;
    QList<int> keptStatuses;
    QJsonArray keptItems;
    auto locked = m_postgres->params().withConnection([&](QSqlDatabase &db) -> std::expected<void, QString> {
        QSqlQuery lock(db);
        if (!lock.exec(u"BEGIN"_s) || !lock.exec(u"LOCK TABLE articles IN ACCESS EXCLUSIVE MODE"_s))
            return std::unexpected(lock.lastError().text());
        coldReply = manager.get(QNetworkRequest(instance.url().resolved(QUrl(u"/api/v1/search?q="_s + cold))));
        const bool blocked = QTest::qWaitFor(
            [&] {
                const auto waiting = sql(u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                         u"AND (query LIKE 'PREPARE %inkwell_search_published%' OR query LIKE ?)"_s,
                                         QVariantList{QString(u"EXECUTE %"_s + cold + u"%"_s)});
                return waiting && waiting->toInt() >= 1;
            },
            10000);
        if (blocked) {
            // The cold search holds no listener: the kept one and /health are answered while it waits.
            for (int i = 0; i < 3; ++i) {
                const HttpResponse answer = client.get(u"/api/v1/search?q="_s + kept);
                keptStatuses << answer.status;
                keptItems = answer.json().value(u"items"_s).toArray();
            }
            keptStatuses << client.get(u"/health"_s).status;
        }
        const bool stillWaiting = !coldReply->isFinished();
        lock.exec(u"ROLLBACK"_s);
        if (!blocked)
            return std::unexpected(u"the cold search never waited for the lock"_s);
        if (!stillWaiting)
            return std::unexpected(u"the cold search finished although its query was locked out"_s);
        return {};
    });
    QVERIFY2(locked.has_value(), qPrintable(locked ? QString() : locked.error()));
    QCOMPARE(keptStatuses, (QList<int>{200, 200, 200, 200}));
    QCOMPARE(keptItems.size(), 1);
    QCOMPARE(keptItems.at(0).toObject().value(u"article"_s).toObject().value(u"id"_s), keptArticle.value(u"id"_s));
    QTRY_VERIFY_WITH_TIMEOUT(coldReply->isFinished(), 30000);
    QCOMPARE(coldReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonArray coldItems = QJsonDocument::fromJson(coldReply->readAll()).object().value(u"items"_s).toArray();
    QCOMPARE(coldItems.size(), 1);
    QCOMPARE(coldItems.at(0).toObject().value(u"article"_s).toObject().value(u"id"_s), coldArticle.value(u"id"_s));
}

// ---------------------------------------------------------------------------------------------
// Markdown XSS

void TestArticles::htmlCheckCatchesUnsafeHtml_data()
{
    // The check itself: it must catch what it is meant to catch and pass what is fine, or the XSS
    // rows prove nothing.
    QTest::addColumn<QString>("html");
    QTest::addColumn<bool>("safe");
    QTest::newRow("script") << u"<p>a</p><script>alert(1)</script>"_s << false;
    QTest::newRow("script upper case") << u"<SCRIPT>alert(1)</SCRIPT>"_s << false;
    QTest::newRow("iframe") << u"<iframe src=\"https://evil\"></iframe>"_s << false;
    QTest::newRow("object") << u"<object data=\"x\"></object>"_s << false;
    QTest::newRow("embed") << u"<embed src=\"x\">"_s << false;
    QTest::newRow("svg onload") << u"<svg onload=alert(1)>"_s << false;
    QTest::newRow("style") << u"<style>x{}</style>"_s << false;
    QTest::newRow("form") << u"<form action=\"x\"></form>"_s << false;
    QTest::newRow("img onerror") << u"<img src=\"x\" onerror=\"alert(1)\" />"_s << false;
    QTest::newRow("img onerror bare") << u"<img src=x onerror=alert(1)>"_s << false;
    QTest::newRow("javascript href") << u"<a href=\"javascript:alert(1)\">x</a>"_s << false;
    QTest::newRow("javascript href mixed case") << u"<a href=\"JaVaScRiPt:alert(1)\">x</a>"_s << false;
    QTest::newRow("javascript href entity") << u"<a href=\"&#106;avascript:alert(1)\">x</a>"_s << false;
    QTest::newRow("javascript href entity without ;") << u"<a href=\"&#106avascript:alert(1)\">x</a>"_s << false;
    QTest::newRow("javascript href tab entity") << u"<a href=\"jav&#x09;ascript:alert(1)\">x</a>"_s << false;
    QTest::newRow("javascript href leading space") << u"<a href=\" javascript:alert(1)\">x</a>"_s << false;
    QTest::newRow("vbscript href") << u"<a href=\"vbscript:msgbox(1)\">x</a>"_s << false;
    QTest::newRow("data text href") << u"<a href=\"data:text/html,x\">x</a>"_s << false;
    QTest::newRow("data image href") << u"<a href=\"data:image/png;base64,AA\">x</a>"_s << false;
    QTest::newRow("data svg src") << u"<img src=\"data:image/svg+xml,x\" alt=\"\" />"_s << false;
    QTest::newRow("file href") << u"<a href=\"file:///etc/passwd\">x</a>"_s << false;
    QTest::newRow("unknown element") << u"<p><marquee>x</marquee></p>"_s << false;
    QTest::newRow("style attribute") << u"<p style=\"x\">x</p>"_s << false;
    QTest::newRow("raw comment") << u"<!--[if IE]><b>x</b><![endif]-->"_s << false;
    QTest::newRow("fine: paragraph and link") << u"<p><a href=\"https://qt.io\" title=\"t\">x</a></p>\n"_s << true;
    QTest::newRow("fine: empty href") << u"<p><a href=\"\">x</a></p>\n"_s << true;
    QTest::newRow("fine: relative and mailto")
        << u"<a href=\"/x?a=1&amp;b=2\">a</a><a href=\"mailto:a@b.example\">b</a>"_s << true;
    QTest::newRow("fine: percent-encoded scheme") << u"<a href=\"jav%09ascript:alert(1)\">x</a>"_s << true;
    QTest::newRow("fine: data png image") << u"<img src=\"data:image/png;base64,AAAA\" alt=\"x\" />"_s << true;
    QTest::newRow("fine: omitted raw html") << u"<p>a <!-- raw HTML omitted -->b</p>"_s << true;
    QTest::newRow("fine: code with escaped tags")
        << u"<pre><code class=\"language-html\">&lt;script&gt;</code></pre>"_s << true;
}

void TestArticles::htmlCheckCatchesUnsafeHtml()
{
    QFETCH(QString, html);
    QFETCH(bool, safe);
    const QString why = inkwell::test::html::unsafeHtmlReason(html);
    QVERIFY2(why.isEmpty() == safe, qPrintable(html + u" → "_s + (why.isEmpty() ? u"judged safe"_s : why)));
}

void TestArticles::markdownXssIsNeutralised_data()
{
    QTest::addColumn<QString>("markdown");
    // Raw HTML
    QTest::newRow("script") << u"<script>alert(1)</script>"_s;
    QTest::newRow("script src upper case") << u"<SCRIPT SRC=//evil.example/x.js></SCRIPT>"_s;
    QTest::newRow("script inline") << u"text <script>alert(1)</script> inline"_s;
    QTest::newRow("script split") << u"<scr<script>ipt>alert(1)</script>"_s;
    QTest::newRow("iframe") << u"<iframe src=\"javascript:alert(1)\"></iframe>"_s;
    QTest::newRow("iframe upper case bare") << u"<IFRAME SRC=javascript:alert(1)>"_s;
    QTest::newRow("object") << u"<object data=\"javascript:alert(1)\"></object>"_s;
    QTest::newRow("embed") << u"<embed src=\"javascript:alert(1)\">"_s;
    QTest::newRow("svg onload") << u"<svg onload=alert(1)>"_s;
    QTest::newRow("svg slash onload") << u"<svg/onload=alert(1)>"_s;
    QTest::newRow("svg script") << u"<svg><script>alert(1)</script></svg>"_s;
    QTest::newRow("img onerror") << u"<img src=x onerror=alert(1)>"_s;
    QTest::newRow("img onerror in a paragraph") << u"Look: <img src=x onerror=alert(1)> here"_s;
    QTest::newRow("style block") << u"<style>body{background:url(\"javascript:alert(1)\")}</style>"_s;
    QTest::newRow("style attribute") << u"<p style=\"background:url(javascript:alert(1))\">x</p>"_s;
    QTest::newRow("form") << u"<form action=\"javascript:alert(1)\"><button>x</button></form>"_s;
    QTest::newRow("anchor javascript") << u"<a href=\"javascript:alert(1)\">x</a>"_s;
    QTest::newRow("anchor onclick") << u"<a href=\"#\" onclick=\"alert(1)\">x</a>"_s;
    QTest::newRow("anchor tab entity") << u"<a href=\"jav&#x09;ascript:alert(1)\">x</a>"_s;
    QTest::newRow("div onmouseover") << u"<div onmouseover=\"alert(1)\">hover</div>"_s;
    QTest::newRow("details ontoggle") << u"<details open ontoggle=alert(1)>"_s;
    QTest::newRow("custom element handler") << u"<x onxxx=alert(1)>y</x>"_s;
    QTest::newRow("math xlink") << u"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>"_s;
    QTest::newRow("meta refresh") << u"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"_s;
    QTest::newRow("base href") << u"<base href=\"javascript:alert(1)//\">"_s;
    // HTML comments
    QTest::newRow("comment breakout") << u"<!--><script>alert(1)</script>-->"_s;
    QTest::newRow("comment then script") << u"<!-- note --><script>alert(1)</script>"_s;
    QTest::newRow("conditional comment") << u"<!--[if IE]><script>alert(1)</script><![endif]-->"_s;
    // Markdown inside HTML, HTML inside Markdown
    QTest::newRow("markdown inside html block") << u"<div>\n\n*em* [x](javascript:alert(1))\n\n</div>"_s;
    QTest::newRow("link inside raw anchor") << u"<a href=\"https://ok.example\">[x](javascript:alert(1))</a>"_s;
    QTest::newRow("raw img inside link text") << u"[<img src=x onerror=alert(1)>](https://example.com)"_s;
    QTest::newRow("script in blockquote") << u"> <script>alert(1)</script>"_s;
    QTest::newRow("iframe in list") << u"- <iframe src=//evil.example></iframe>"_s;
    // Link and image destinations
    QTest::newRow("link javascript") << u"[x](javascript:alert(1))"_s;
    QTest::newRow("link JaVaScRiPt") << u"[x](JaVaScRiPt:alert(1))"_s;
    QTest::newRow("link javascript with title") << u"[x](javascript:alert(1) \"title\")"_s;
    QTest::newRow("link javascript comment trick") << u"[a](javascript://%0Aalert(1))"_s;
    QTest::newRow("link vbscript") << u"[x](vbscript:msgbox(1))"_s;
    QTest::newRow("link VBScript") << u"[x](VBScript:msgbox(1))"_s;
    QTest::newRow("link data text base64") << u"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"_s;
    QTest::newRow("link data text") << u"[x](data:text/html,<script>alert(1)</script>)"_s;
    QTest::newRow("link file") << u"[x](file:///etc/passwd)"_s;
    QTest::newRow("link padded") << u"[x](   javascript:alert(1)   )"_s;
    QTest::newRow("link pointy") << u"[x](<javascript:alert(1)>)"_s;
    QTest::newRow("link pointy leading space") << u"[x](< javascript:alert(1)>)"_s;
    QTest::newRow("link no-break space") << u"[x](\u00A0javascript:alert(1))"_s;
    // Entity tricks
    QTest::newRow("entity a") << u"[x](jav&#x61;script:alert(1))"_s;
    QTest::newRow("entity j decimal") << u"[x](&#106;avascript:alert(1))"_s;
    QTest::newRow("entities hex") << u"[x](&#x6A;&#x61;vascript:alert(1))"_s;
    QTest::newRow("entity upper-case X") << u"[x](&#X6A;avascript:alert(1))"_s;
    QTest::newRow("entity colon named") << u"[x](javascript&colon;alert(1))"_s;
    QTest::newRow("entity colon decimal") << u"[x](javascript&#58;alert(1))"_s;
    QTest::newRow("entity tab in scheme") << u"[x](jav&#x09;ascript:alert(1))"_s;
    QTest::newRow("entity newline in scheme") << u"[x](jav&#x0A;ascript:alert(1))"_s;
    QTest::newRow("entity vbscript") << u"[x](&#118;bscript:msgbox(1))"_s;
    // Whitespace and control characters inside the scheme
    QTest::newRow("literal tab in scheme") << u"[x](<java\tscript:alert(1)>)"_s;
    QTest::newRow("literal newline in scheme") << u"[x](<java\nscript:alert(1)>)"_s;
    QTest::newRow("control character in scheme") << u"[x](<java\u0001script:alert(1)>)"_s;
    QTest::newRow("leading control character") << u"[x](<\u0001javascript:alert(1)>)"_s;
    QTest::newRow("leading form feed") << u"[x](<\u000Cjavascript:alert(1)>)"_s;
    QTest::newRow("backslash in scheme") << u"[x](java\\script:alert(1))"_s;
    // Autolinks
    QTest::newRow("autolink javascript") << u"<javascript:alert(1)>"_s;
    QTest::newRow("autolink JAVASCRIPT") << u"<JAVASCRIPT:alert(1)>"_s;
    QTest::newRow("autolink vbscript") << u"<vbscript:msgbox(1)>"_s;
    QTest::newRow("autolink data text") << u"<data:text/html,alert(1)>"_s;
    QTest::newRow("autolink data script") << u"<data:text/html,<script>alert(1)</script>>"_s;
    // Nesting and references
    QTest::newRow("nested image in link") << u"[![x](javascript:a)](javascript:b)"_s;
    QTest::newRow("nested image data svg") << u"[![x](data:image/svg+xml,<svg/onload=alert(1)>)](https://ok.example)"_s;
    QTest::newRow("reference link") << u"[x][r]\n\n[r]: javascript:alert(1)"_s;
    QTest::newRow("reference pointy mixed case") << u"[x][r]\n\n[r]: <JaVaScRiPt:alert(1)> \"t\""_s;
    QTest::newRow("reference image") << u"![x][r]\n\n[r]: javascript:alert(1)"_s;
    QTest::newRow("collapsed reference") << u"[evil][]\n\n[evil]: vbscript:msgbox(1)"_s;
    QTest::newRow("shortcut reference") << u"[evil]\n\n[evil]: data:text/html,x"_s;
    // Images
    QTest::newRow("image javascript") << u"![x](javascript:alert(1))"_s;
    QTest::newRow("image data svg") << u"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"_s;
    QTest::newRow("image data html") << u"![x](data:text/html,x)"_s;
    QTest::newRow("image alt breakout") << u"![x\" onerror=\"alert(1)](https://example.com/a.png)"_s;
    QTest::newRow("link title breakout") << u"[x](https://example.com \"\\\" onmouseover=\\\"alert(1)\")"_s;
    QTest::newRow("link url quote breakout") << u"[x](https://example.com/\"onmouseover=\"alert(1))"_s;
    // Text that only looks like markup
    QTest::newRow("escaped entities") << u"&lt;script&gt;alert(1)&lt;/script&gt;"_s;
    QTest::newRow("code span") << u"`<script>alert(1)</script>`"_s;
    QTest::newRow("code block") << u"```html\n<script>alert(1)</script>\n```"_s;
}

void TestArticles::markdownXssIsNeutralised()
{
    QFETCH(QString, markdown);
    // Through create...
    const QJsonObject created = create(m_alice, unique(u"XSS Create"_s), markdown);
    QVERIFY2(!created.isEmpty(), qPrintable(m_error));
    QCOMPARE(created.value(u"content"_s).toString(), markdown); // the source is kept as written
    QString html = created.value(u"content_html"_s).toString();
    QString why = inkwell::test::html::unsafeHtmlReason(html);
    QVERIFY2(why.isEmpty(), qPrintable(u"create: "_s + why + u"\n  content_html: "_s + html));

    // ...through update of a harmless article...
    const QJsonObject harmless = create(m_alice, unique(u"XSS Update"_s), u"Harmless."_s);
    QVERIFY2(!harmless.isEmpty(), qPrintable(m_error));
    const HttpResponse patched = patch(m_alice, harmless.value(u"id"_s).toString(), {{u"content"_s, markdown}}, 1);
    EXPECT_STATUS(patched, 200);
    QCOMPARE(patched.json().value(u"revision"_s).toInt(), 2);
    QCOMPARE(patched.json().value(u"content"_s).toString(), markdown);
    html = patched.json().value(u"content_html"_s).toString();
    why = inkwell::test::html::unsafeHtmlReason(html);
    QVERIFY2(why.isEmpty(), qPrintable(u"update: "_s + why + u"\n  content_html: "_s + html));

    // ...and as read back, published, by someone else.
    EXPECT_STATUS(act(&m_alice, harmless.value(u"id"_s).toString(), u"publish"_s), 200);
    const QJsonObject seen = read(&m_bob, harmless.value(u"id"_s).toString());
    QVERIFY2(!seen.isEmpty(), qPrintable(m_error));
    html = seen.value(u"content_html"_s).toString();
    why = inkwell::test::html::unsafeHtmlReason(html);
    QVERIFY2(why.isEmpty(), qPrintable(u"read: "_s + why + u"\n  content_html: "_s + html));
    // Tidy: these need not show up in later lists and feeds with their bodies.
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + created.value(u"id"_s).toString(), &m_alice), 204);
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + harmless.value(u"id"_s).toString(), &m_alice), 204);
}

// ---------------------------------------------------------------------------------------------
// Change feed

void TestArticles::changeFeedShowsWhatTheCallerMaySee()
{
    CHECK_PROBLEM(get(u"/api/v1/sync/changes"_s), 401);
    CHECK_PROBLEM(m_client->get(u"/api/v1/sync/changes"_s, {{"Authorization", "Bearer nonsense"}}), 401);

    const QJsonObject aliceDraft = create(m_alice, unique(u"Feed Alice Draft"_s));
    const QJsonObject bobDraft = create(m_bob, unique(u"Feed Bob Draft"_s));
    const QJsonObject bobLive = createPublished(m_bob, unique(u"Feed Bob Live"_s));
    const QJsonObject bobPulled = createPublished(m_bob, unique(u"Feed Bob Pulled"_s));
    const QJsonObject bobDeleted = createPublished(m_bob, unique(u"Feed Bob Deleted"_s));
    const QJsonObject bobDeletedDraft = create(m_bob, unique(u"Feed Bob Deleted Draft"_s));
    const QJsonObject bobArchived = createPublished(m_bob, unique(u"Feed Bob Archived"_s));
    const QJsonObject aliceDeleted = createPublished(m_alice, unique(u"Feed Alice Deleted"_s));
    for (const QJsonObject *a :
         {&aliceDraft, &bobDraft, &bobLive, &bobPulled, &bobDeleted, &bobDeletedDraft, &bobArchived, &aliceDeleted})
        QVERIFY2(!a->isEmpty(), qPrintable(m_error));
    const auto id = [](const QJsonObject &a) { return a.value(u"id"_s).toString(); };
    EXPECT_STATUS(act(&m_bob, id(bobPulled), u"unpublish"_s), 200);
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + id(bobDeleted), &m_bob), 204);
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + id(bobDeletedDraft), &m_bob), 204);
    EXPECT_STATUS(act(&m_bob, id(bobArchived), u"archive"_s), 200);
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + id(aliceDeleted), &m_alice), 204);
    // Several changes to one article still make one entry.
    for (int revision = 1; revision <= 3; ++revision)
        EXPECT_STATUS(patch(m_alice, id(aliceDraft), {{u"content"_s, u"take %1"_s.arg(revision)}}, revision), 200);

    // Each caller's whole feed, from the beginning.
    const auto feedOf = [this](const User &who, QHash<QString, QJsonObject> *byId) -> QString {
        const FeedWalk walk = walkFeed(who, {}, 50);
        if (!walk.error.isEmpty())
            return walk.error;
        qint64 lastSeq = 0;
        for (const QJsonObject &change : walk.changes) {
            const QString changeId = change.value(u"id"_s).toString();
            if (byId->contains(changeId))
                return u"two entries for "_s + changeId;
            const qint64 seq = change.value(u"seq"_s).toInteger(-1);
            if (seq < lastSeq)
                return u"seq went back from %1 to %2"_s.arg(lastSeq).arg(seq);
            lastSeq = seq;
            if (change.value(u"kind"_s).toString() != u"article"_s)
                return u"kind is not article: "_s + QString::fromUtf8(toJson(change));
            byId->insert(changeId, change);
        }
        return {};
    };
    const auto isTombstone = [](const QJsonObject &change) {
        return change.keys().size() == 5 && change.value(u"deleted"_s) == QJsonValue(true) &&
               change.value(u"article"_s).isNull() && change.value(u"seq"_s).isDouble() &&
               change.value(u"kind"_s).toString() == u"article"_s;
    };
    const auto isLive = [](const QJsonObject &change, int revision) {
        const QJsonObject article = change.value(u"article"_s).toObject();
        return change.value(u"deleted"_s) == QJsonValue(false) && article.value(u"id"_s) == change.value(u"id"_s) &&
               article.value(u"revision"_s).toInt() == revision && article.contains(u"content"_s);
    };

    QHash<QString, QJsonObject> alice;
    QString error = feedOf(m_alice, &alice);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(isLive(alice.value(id(aliceDraft)), 4), toJson(alice.value(id(aliceDraft))).constData());
    QCOMPARE(alice.value(id(aliceDraft)).value(u"article"_s).toObject().value(u"content"_s).toString(), u"take 3"_s);
    QVERIFY2(!alice.contains(id(bobDraft)), "another user's draft in the feed");
    QVERIFY2(!alice.contains(id(bobDeletedDraft)), "another user's deleted draft in the feed");
    QVERIFY2(isLive(alice.value(id(bobLive)), 1), toJson(alice.value(id(bobLive))).constData());
    QVERIFY2(isTombstone(alice.value(id(bobPulled))), toJson(alice.value(id(bobPulled))).constData());
    QVERIFY2(isTombstone(alice.value(id(bobDeleted))), toJson(alice.value(id(bobDeleted))).constData());
    QVERIFY2(isTombstone(alice.value(id(bobArchived))), toJson(alice.value(id(bobArchived))).constData());
    QVERIFY2(isTombstone(alice.value(id(aliceDeleted))), toJson(alice.value(id(aliceDeleted))).constData());

    QHash<QString, QJsonObject> bob;
    error = feedOf(m_bob, &bob);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!bob.contains(id(aliceDraft)));
    QVERIFY2(isLive(bob.value(id(bobDraft)), 1), toJson(bob.value(id(bobDraft))).constData());
    QVERIFY2(isLive(bob.value(id(bobPulled)), 2), toJson(bob.value(id(bobPulled))).constData()); // its own draft now
    QVERIFY2(isLive(bob.value(id(bobArchived)), 2), toJson(bob.value(id(bobArchived))).constData());
    QVERIFY2(isTombstone(bob.value(id(bobDeletedDraft))), toJson(bob.value(id(bobDeletedDraft))).constData());
    QVERIFY2(isTombstone(bob.value(id(aliceDeleted))), toJson(bob.value(id(aliceDeleted))).constData());

    QHash<QString, QJsonObject> victor;
    error = feedOf(m_victor, &victor);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(isLive(victor.value(id(bobLive)), 1));
    QVERIFY(!victor.contains(id(aliceDraft)) && !victor.contains(id(bobDraft)) &&
            !victor.contains(id(bobDeletedDraft)));
    QVERIFY(isTombstone(victor.value(id(bobPulled))));

    // An admin's feed holds every article: other users' drafts and archived ones too (the admin's desktop library
    // shows everyone's); deleted ones are tombstones.
    QHash<QString, QJsonObject> admin;
    error = feedOf(m_admin, &admin);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(isLive(admin.value(id(aliceDraft)), 4), toJson(admin.value(id(aliceDraft))).constData());
    QVERIFY2(isLive(admin.value(id(bobDraft)), 1), toJson(admin.value(id(bobDraft))).constData());
    QVERIFY2(isLive(admin.value(id(bobPulled)), 2), toJson(admin.value(id(bobPulled))).constData());
    QVERIFY2(isLive(admin.value(id(bobArchived)), 2), toJson(admin.value(id(bobArchived))).constData());
    QVERIFY2(isTombstone(admin.value(id(bobDeletedDraft))), toJson(admin.value(id(bobDeletedDraft))).constData());
    QVERIFY2(isTombstone(admin.value(id(aliceDeleted))), toJson(admin.value(id(aliceDeleted))).constData());

    // Everything in a feed is something the caller may read (or a tombstone).
    for (auto it = victor.cbegin(); it != victor.cend(); ++it) {
        if (it->value(u"deleted"_s).toBool())
            continue;
        QCOMPARE(it->value(u"article"_s).toObject().value(u"status"_s).toString(), u"published"_s);
    }
}

void TestArticles::changeFeedCursorsResume()
{
    // "since" absent and "0" are the same start.
    const HttpResponse absent = get(u"/api/v1/sync/changes?limit=5"_s, &m_alice);
    const HttpResponse zero = get(u"/api/v1/sync/changes?limit=5&since=0"_s, &m_alice);
    EXPECT_STATUS(absent, 200);
    EXPECT_STATUS(zero, 200);
    QCOMPARE(absent.json(), zero.json());
    QCOMPARE(keySet(absent.json()), (QSet<QString>{u"changes"_s, u"cursor"_s, u"has_more"_s}));
    QCOMPARE(absent.json().value(u"changes"_s).toArray().size(), 5);
    QCOMPARE(absent.json().value(u"has_more"_s), QJsonValue(true));

    // Walking one at a time and all at once (the bounds of limit) sees the same changes in the same order.
    const FeedWalk single = walkFeed(m_alice, {}, 1);
    const FeedWalk whole = walkFeed(m_alice, u"0"_s, 1000);
    QVERIFY2(single.error.isEmpty() && whole.error.isEmpty(), qPrintable(single.error + whole.error));
    QCOMPARE(single.changes, whole.changes);
    QCOMPARE(single.cursor, whole.cursor);
    QVERIFY(single.pages >= whole.changes.size());

    // Without limit, a page holds 100.
    const HttpResponse defaultPage = get(u"/api/v1/sync/changes"_s, &m_alice);
    EXPECT_STATUS(defaultPage, 200);
    QVERIFY2(whole.changes.size() > 100, "too few changes to see the default page size");
    QCOMPARE(defaultPage.json().value(u"changes"_s).toArray().size(), 100);
    QCOMPARE(defaultPage.json().value(u"has_more"_s), QJsonValue(true));

    // From the end: nothing new, and the cursor holds.
    FeedWalk idle = walkFeed(m_alice, whole.cursor, 100);
    QVERIFY2(idle.error.isEmpty(), qPrintable(idle.error));
    QCOMPARE(idle.changes.size(), 0);
    QCOMPARE(idle.cursor, whole.cursor);

    // A change after the cursor comes next, alone, with its latest state.
    const QJsonObject article = create(m_alice, unique(u"Feed Resume"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    EXPECT_STATUS(patch(m_alice, article.value(u"id"_s).toString(), {{u"content"_s, u"later"_s}}, 1), 200);
    FeedWalk next = walkFeed(m_alice, whole.cursor, 100);
    QVERIFY2(next.error.isEmpty(), qPrintable(next.error));
    QCOMPARE(next.changes.size(), 1);
    QCOMPARE(next.changes.first().value(u"id"_s).toString(), article.value(u"id"_s).toString());
    QCOMPARE(next.changes.first().value(u"article"_s).toObject().value(u"revision"_s).toInt(), 2);
    QVERIFY(next.cursor != whole.cursor);
    // The same article changing again moves it to the end of the feed; the old cursor sees it once.
    EXPECT_STATUS(patch(m_alice, article.value(u"id"_s).toString(), {{u"content"_s, u"later still"_s}}, 2), 200);
    next = walkFeed(m_alice, next.cursor, 100);
    QCOMPARE(next.changes.size(), 1);
    QCOMPARE(next.changes.first().value(u"article"_s).toObject().value(u"revision"_s).toInt(), 3);
    const FeedWalk fromOld = walkFeed(m_alice, whole.cursor, 100);
    QCOMPARE(fromOld.changes.size(), 1);
}

void TestArticles::changeFeedQueryIsValidated_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("since word") << u"since=abc"_s;
    QTest::newRow("since negative") << u"since=-1"_s;
    QTest::newRow("since without id") << u"since=12."_s;
    QTest::newRow("since without seq") << u".0f8fad5b-d9cb-469f-a165-70867728950e"_s.prepend(u"since="_s);
    QTest::newRow("since with a bad id") << u"since=1.notauuid"_s;
    QTest::newRow("since fraction") << u"since=1.5"_s;
    QTest::newRow("since twice") << u"since=0&since=0"_s;
    // Well formed, but never issued: it would silently skip every change before it.
    QTest::newRow("since made up, well formed") << u"since=999999999.0f8fad5b-d9cb-469f-a165-70867728950e"_s;
    QTest::newRow("limit 0") << u"limit=0"_s;
    QTest::newRow("limit 1001") << u"limit=1001"_s;
    QTest::newRow("limit negative") << u"limit=-5"_s;
    QTest::newRow("limit word") << u"limit=many"_s;
    QTest::newRow("limit after a form's space") << u"limit=+10"_s;
    QTest::newRow("limit with a plus sign") << u"limit=%2B10"_s;
    QTest::newRow("unknown parameter") << u"cursor=0"_s;
    QTest::newRow("unknown parameter, kind") << u"kind=article"_s;
}

void TestArticles::changeFeedQueryIsValidated()
{
    QFETCH(QString, query);
    CHECK_PROBLEM(get(u"/api/v1/sync/changes?"_s + query, &m_alice), 400);
    QVERIFY(healthy());
}

void TestArticles::changeFeedFollowsConcurrentWriters()
{
    // Eight writers, each on its own HTTP client in its own thread, update their own published
    // article 500 times with If-Match, while bob (who may see them) follows the feed page by page.
    constexpr int kWriters = 8;
    constexpr int kUpdatesEach = 500;
    QStringList ids;
    for (int w = 0; w < kWriters; ++w) {
        const QJsonObject article = createPublished(m_alice, unique(u"Contended Feed"_s), u"start"_s);
        QVERIFY2(!article.isEmpty(), qPrintable(m_error));
        ids << article.value(u"id"_s).toString();
    }
    const FeedWalk start = walkFeed(m_bob, {}, 1000);
    QVERIFY2(start.error.isEmpty(), qPrintable(start.error));
    QString cursor = start.cursor;
    QHash<QString, int> seenRevision;
    QHash<QString, QString> seenContent;
    for (const QJsonObject &change : start.changes) {
        if (ids.contains(change.value(u"id"_s).toString())) {
            seenRevision.insert(change.value(u"id"_s).toString(),
                                change.value(u"article"_s).toObject().value(u"revision"_s).toInt());
            seenContent.insert(change.value(u"id"_s).toString(),
                               change.value(u"article"_s).toObject().value(u"content"_s).toString());
        }
    }

    struct Outcome {
        int updates = 0;
        int lastRevision = 0;
        QString lastContent;
        QString error;
    };
    std::vector<Outcome> outcomes(kWriters);
    std::atomic<int> running{kWriters};
    std::vector<std::unique_ptr<QThread>> writers;
    const QUrl base = m_server->url();
    const QByteArray authorization = "Bearer " + m_alice.token;
    QElapsedTimer timer;
    timer.start();
    for (int w = 0; w < kWriters; ++w) {
        Outcome *outcome = &outcomes[size_t(w)];
        const QString path = u"/api/v1/articles/"_s + ids.at(w);
        writers.emplace_back(QThread::create([outcome, path, base, authorization, w, &running] {
            HttpClient client(base); // lives in this thread
            int revision = 1;
            for (int i = 1; i <= kUpdatesEach; ++i) {
                const QString content = u"writer %1, update %2"_s.arg(w).arg(i);
                const HttpResponse answer =
                    client.send("PATCH", path, toJson({{u"content"_s, content}}),
                                {{"Authorization", authorization}, {"If-Match", etag(revision)}});
                if (answer.status != 200) {
                    outcome->error = u"update %1: %2"_s.arg(i).arg(QString::fromUtf8(describe(answer)));
                    break;
                }
                revision = answer.json().value(u"revision"_s).toInt();
                outcome->lastContent = content;
                ++outcome->updates;
            }
            outcome->lastRevision = revision;
            running.fetch_sub(1);
        }));
        writers.back()->start();
    }

    // The reader: every change of these articles must come with a higher revision than the last
    // one seen; nothing may be deleted; seq never goes back.
    QString readerError;
    qint64 lastSeq = 0;
    int pages = 0;
    bool caughtUp = false;
    while (readerError.isEmpty() && timer.elapsed() < 240000) {
        const bool writersDone = running.load() == 0; // before the read: a later read sees all they wrote
        const HttpResponse answer = get(u"/api/v1/sync/changes?limit=100&since="_s + percent(cursor), &m_bob);
        if (answer.status != 200) {
            readerError = QString::fromUtf8(describe(answer));
            break;
        }
        ++pages;
        const QJsonObject page = answer.json();
        const QJsonArray changes = page.value(u"changes"_s).toArray();
        for (const QJsonValue &value : changes) {
            const QJsonObject change = value.toObject();
            const qint64 seq = change.value(u"seq"_s).toInteger(-1);
            if (seq < lastSeq) {
                readerError = u"seq went back from %1 to %2"_s.arg(lastSeq).arg(seq);
                break;
            }
            lastSeq = seq;
            const QString changeId = change.value(u"id"_s).toString();
            if (!ids.contains(changeId))
                continue;
            if (change.value(u"deleted"_s).toBool()) {
                readerError = u"a tombstone for a live article: "_s + changeId;
                break;
            }
            const QJsonObject article = change.value(u"article"_s).toObject();
            const int revision = article.value(u"revision"_s).toInt();
            if (revision <= seenRevision.value(changeId, 0)) {
                readerError =
                    u"%1: revision %2 after %3"_s.arg(changeId).arg(revision).arg(seenRevision.value(changeId));
                break;
            }
            seenRevision.insert(changeId, revision);
            seenContent.insert(changeId, article.value(u"content"_s).toString());
        }
        cursor = page.value(u"cursor"_s).toString();
        if (writersDone && !page.value(u"has_more"_s).toBool() && changes.isEmpty()) {
            caughtUp = true;
            break;
        }
        if (changes.isEmpty())
            QThread::msleep(5);
    }
    for (auto &writer : writers)
        writer->wait();
    const qint64 elapsed = timer.elapsed();
    qInfo("%d writers x %d updates, with the reader's %d feed pages: %lld ms", kWriters, kUpdatesEach, pages, elapsed);

    QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
    QVERIFY2(caughtUp, "the reader never caught up");
    for (int w = 0; w < kWriters; ++w) {
        const Outcome &outcome = outcomes[size_t(w)];
        QVERIFY2(outcome.error.isEmpty(), qPrintable(u"writer %1: "_s.arg(w) + outcome.error));
        QCOMPARE(outcome.updates, kUpdatesEach);
        // The reader holds each article at its final revision, as a GET shows it.
        const QJsonObject last = read(&m_bob, ids.at(w));
        QVERIFY2(!last.isEmpty(), qPrintable(m_error));
        QCOMPARE(last.value(u"revision"_s).toInt(), 1 + kUpdatesEach);
        QCOMPARE(last.value(u"revision"_s).toInt(), outcome.lastRevision);
        QCOMPARE(last.value(u"content"_s).toString(), outcome.lastContent);
        QCOMPARE(seenRevision.value(ids.at(w)), last.value(u"revision"_s).toInt());
        QCOMPARE(seenContent.value(ids.at(w)), last.value(u"content"_s).toString());
    }
    // Every one of those versions was kept.
    const QJsonArray revisions = walkList(&m_alice, u"/api/v1/articles/%1/revisions"_s.arg(ids.first()), 100);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    QCOMPARE(revisions.size(), 1 + kUpdatesEach);
    for (int i = 0; i < revisions.size(); ++i)
        QCOMPARE(revisions.at(i).toObject().value(u"revision"_s).toInt(), 1 + kUpdatesEach - i);
}

void TestArticles::changeFeedPageIsAnIndexRangeRead_data()
{
    QTest::addColumn<bool>("generic"); ///< the plan a kept statement settles on after a few runs
    QTest::addColumn<bool>("admin");
    QTest::addColumn<bool>("fromStart");
    for (const bool generic : {false, true})
        for (const bool admin : {false, true})
            for (const bool fromStart : {true, false})
                QTest::addRow("%s plan, %s, %s", generic ? "generic" : "custom", admin ? "admin" : "creator",
                              fromStart ? "first page" : "later page")
                    << generic << admin << fromStart;
}

void TestArticles::changeFeedPageIsAnIndexRangeRead()
{
    // A page of the feed costs the same at any position: the feed's statement reads the change index in its
    // order from the cursor (the keyset and the snapshot bound are index conditions), and sorts nothing. Sequential
    // and bitmap scans are off so that the tiny test table does not make them the cheaper plan (at 50,000 articles
    // the planner picks this index by itself); any other index would need a Sort, and fails this.
    QFETCH(bool, generic);
    QFETCH(bool, admin);
    QFETCH(bool, fromStart);
    QString statement = ArticleStore::changesStatement();
    for (int n = 1; statement.contains(u'?'); ++n)
        statement.replace(statement.indexOf(u'?'), 1, u"$"_s + QString::number(n));
    const QString cursor = fromStart ? u"'0', '00000000-0000-0000-0000-000000000000'"_s
                                     : u"'%1', '%2'"_s.arg(QString::number(Q_INT64_C(1) << 33), m_alice.id);
    auto plan = m_postgres->params().withConnection([&](QSqlDatabase &db) -> std::expected<QJsonDocument, QString> {
        QSqlQuery query(db);
        const QStringList steps{
            u"SET enable_seqscan = off"_s, u"SET enable_bitmapscan = off"_s,
            u"SET plan_cache_mode = %1"_s.arg(generic ? u"force_generic_plan"_s : u"force_custom_plan"_s),
            u"PREPARE feed_page AS "_s + statement};
        for (const QString &step : steps)
            if (!query.exec(step))
                return std::unexpected(query.lastError().text());
        if (!query.exec(u"EXPLAIN (FORMAT JSON) EXECUTE feed_page(%1, %2, '%3', 1001)"_s.arg(
                cursor, admin ? u"true"_s : u"false"_s, m_alice.id)) ||
            !query.next())
            return std::unexpected(query.lastError().text());
        return QJsonDocument::fromJson(query.value(0).toString().toUtf8());
    });
    QVERIFY2(plan.has_value(), qPrintable(plan ? QString() : plan.error()));
    const QByteArray text = plan->toJson(QJsonDocument::Compact);
    QList<QJsonObject> nodes{plan->array().at(0).toObject().value(u"Plan"_s).toObject()};
    int feedScans = 0;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QJsonObject node = nodes.at(i);
        for (const QJsonValue &child : node.value(u"Plans"_s).toArray())
            nodes.append(child.toObject());
        const QString type = node.value(u"Node Type"_s).toString();
        QVERIFY2(type != u"Sort"_s && type != u"Incremental Sort"_s, text.constData());
        if (node.value(u"Relation Name"_s).toString() != u"articles"_s)
            continue;
        QCOMPARE(type, u"Index Scan"_s);
        QCOMPARE(node.value(u"Index Name"_s).toString(), u"articles_change_idx"_s);
        QCOMPARE(node.value(u"Scan Direction"_s).toString(), u"Forward"_s);
        const QString condition = node.value(u"Index Cond"_s).toString();
        QVERIFY2(condition.contains(u"ROW(change_xid, id) >"_s), text.constData());
        QVERIFY2(condition.contains(u"pg_snapshot_xmin"_s), text.constData());
        ++feedScans;
    }
    QCOMPARE(feedScans, 1);
}

void TestArticles::changeFeedAnswerIsWhatQJsonDocumentWrites()
{
    // The feed's pages are written without QJsonDocument (they are megabytes): byte for byte what it would write for
    // the same object (members by name, its escapes), whatever the text holds, and what the desktop reads.
    const QString tricky = u"Quotes \" and \\ backslashes, tab\t, CR\r, LF\n, controls \x01\x02\x1f, DEL \x7f, "
                           u"caf\u00e9, \u4e2d\u6587, separators \u2028\u2029, emoji \U0001F600, </script>"_s;
    const QJsonObject article = createPublished(m_alice, unique(u"Feed bytes \u00e9 \"quoted\" \U0001F600"_s),
                                                u"# Heading\n\n"_s + tricky + u"\n"_s,
                                                {{u"tags"_s, QJsonArray{u"caf\u00e9 \"tag\""_s, u"back\\slash"_s}},
                                                 {u"excerpt"_s, u"An \u2028 excerpt \x1b"_s}});
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    // A tombstone on the same pages.
    const QJsonObject gone = create(m_alice, unique(u"Feed bytes gone"_s));
    QVERIFY2(!gone.isEmpty(), qPrintable(m_error));
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + gone.value(u"id"_s).toString(), &m_alice), 204);

    bool sawArticle = false;
    bool sawTombstone = false;
    QString cursor;
    for (int pages = 0; pages < 1000; ++pages) {
        QString path = u"/api/v1/sync/changes?limit=7"_s;
        if (!cursor.isEmpty())
            path += u"&since="_s + percent(cursor);
        const HttpResponse answer = get(path, &m_alice);
        EXPECT_STATUS(answer, 200);
        QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));
        const QJsonDocument parsed = QJsonDocument::fromJson(answer.body);
        QVERIFY2(parsed.isObject(), answer.body.left(300).constData());
        QCOMPARE(answer.body, parsed.toJson(QJsonDocument::Compact));
        const auto page = inkwell::api::changesPageFromJson(parsed.object());
        QVERIFY2(page.has_value(), answer.body.left(300).constData());
        for (const inkwell::api::Change &change : page->changes) {
            if (change.id.toString(QUuid::WithoutBraces) == gone.value(u"id"_s).toString()) {
                sawTombstone = change.deleted;
            } else if (change.id.toString(QUuid::WithoutBraces) == id) {
                sawArticle = true;
                QVERIFY(change.article.has_value());
                QCOMPARE(change.article->content, u"# Heading\n\n"_s + tricky + u"\n"_s);
                QCOMPARE(change.article->title, article.value(u"title"_s).toString());
                QCOMPARE(change.article->excerpt, u"An \u2028 excerpt \x1b"_s);
                QCOMPARE(change.article->tags, (QStringList{u"caf\u00e9 \"tag\""_s, u"back\\slash"_s}));
                QCOMPARE(change.article->contentHtml, article.value(u"content_html"_s).toString());
            }
        }
        // The article as the feed shows it is the article as a read shows it.
        for (const QJsonValue &change : parsed.object().value(u"changes"_s).toArray()) {
            if (change.toObject().value(u"id"_s).toString() == id) {
                const QJsonObject fromFeed = change.toObject().value(u"article"_s).toObject();
                QJsonObject fromRead = read(&m_alice, id);
                QCOMPARE(keySet(fromFeed), kArticleMembers);
                fromRead.remove(u"views"_s); // counted in batches: may differ by the time of the read
                QJsonObject feedWithoutViews = fromFeed;
                feedWithoutViews.remove(u"views"_s);
                QCOMPARE(feedWithoutViews, fromRead);
            }
        }
        cursor = page->cursor;
        if (!page->hasMore)
            break;
    }
    QVERIFY(sawArticle);
    QVERIFY(sawTombstone);
}

// ---------------------------------------------------------------------------------------------
// Views

void TestArticles::secondInstanceServesNewRevisionWithinASecond()
{
    // Instance B on the same database, with its own caches.
    TestServer other(m_postgres->params(), QList<RouteRegistrar>{accountRoutes(), articleRoutes()}, 2,
                     [](ServiceContext &context) { context.config.signupRole = u"creator"_s; });
    QVERIFY2(other.error().isEmpty(), qPrintable(other.error()));
    HttpClient onB(other.url());
    const QJsonObject article = createPublished(m_alice, u"Read on another instance"_s);
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString path = u"/api/v1/articles/"_s + article.value(u"id"_s).toString();
    const int first = article.value(u"revision"_s).toInt();
    QVERIFY(first >= 1);
    // B caches it and serves it from memory.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(onB.get(path).json().value(u"revision"_s).toInt(), first);

    for (int round = 0; round < 3; ++round) {
        const int revision = first + 1 + round;
        const HttpResponse written = patch(m_alice, article.value(u"id"_s).toString(),
                                           {{u"title"_s, u"Edited on A %1"_s.arg(round)}}, revision - 1);
        QCOMPARE(written.status, 200);
        QElapsedTimer sinceAcknowledged;
        sinceAcknowledged.start();
        int seen = 0;
        while (sinceAcknowledged.elapsed() < 3000) {
            seen = onB.get(path).json().value(u"revision"_s).toInt();
            if (seen == revision)
                break;
            QTest::qWait(20);
        }
        QCOMPARE(seen, revision);
        // The bound is one second after the write was acknowledged (plus this loop's step).
        QVERIFY2(sinceAcknowledged.elapsed() <= 1100, qPrintable(QString::number(sinceAcknowledged.elapsed())));
    }
}

// ---------------------------------------------------------------------------------------------
// The article cache, counted through /metrics: inkwell_article_db_reads_total counts the article
// reads (by id or slug) that went to the database, where the service calls the store.

void TestArticles::cacheWithRoomForEveryArticleReadsEachOnce()
{
    // A few more, so that the corpus is more than what the other tests left.
    for (int i = 0; i < 30; ++i)
        QVERIFY2(!createPublished(m_bob, unique(u"Corpus"_s), u"Words of the corpus.\n\n"_s.repeated(i + 1)).isEmpty(),
                 qPrintable(m_error));
    // Every published article, as the public list shows them (and as the database counts them).
    const QJsonArray published = walkList(nullptr, u"/api/v1/articles"_s, 100);
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error));
    const auto counted = sql(u"SELECT count(*) FROM articles WHERE status = 'published' AND deleted_at IS NULL"_s);
    QVERIFY2(counted, qPrintable(counted.error()));
    const qint64 n = published.size();
    QCOMPARE(n, counted->toLongLong());
    QVERIFY(n >= 30);

    const auto instance = cachingInstance(); // the default budget: hundreds of MiB
    QVERIFY2(instance, qPrintable(m_error));
    QCOMPARE(instance->metric("inkwell_article_cache_budget_bytes"), Config().articleCacheBytes);
    const QHash<QByteArray, double> start = instance->metrics();
    QCOMPARE(start.value("inkwell_article_db_reads_total", -1), 0.0);
    QCOMPARE(start.value("inkwell_article_cache_bytes", -1), 0.0);

    // First pass: each article is read from the database once.
    QHash<QString, QByteArray> bodies;
    qint64 jsonBytes = 0;
    for (const QJsonValue &item : published) {
        const QString id = item.toObject().value(u"id"_s).toString();
        const HttpResponse response = instance->client->get(u"/api/v1/articles/"_s + id);
        QVERIFY2(response.status == 200, describe(response).constData());
        bodies.insert(id, response.body);
        jsonBytes += response.body.size();
    }
    const QHash<QByteArray, double> first = instance->metrics();
    QCOMPARE(qint64(first.value("inkwell_article_db_reads_total")), n);
    QCOMPARE(qint64(first.value("inkwell_article_cache_misses_total")), n);
    QCOMPARE(qint64(first.value("inkwell_article_cache_hits_total")), 0);
    QCOMPARE(qint64(first.value("inkwell_article_cache_entries")), n);
    QCOMPARE(qint64(first.value("inkwell_article_cache_evictions_total")), 0);
    // Each entry counts at least its JSON, and the whole stays within the budget.
    const qint64 bytes = qint64(first.value("inkwell_article_cache_bytes"));
    QVERIFY2(bytes >= jsonBytes + n * ArticleCache::kEntryOverheadBytes,
             qPrintable(u"%1 bytes counted for %2 bytes of JSON"_s.arg(bytes).arg(jsonBytes)));
    QVERIFY(bytes <= Config().articleCacheBytes);

    // Second pass, by id and then by slug: every answer comes from memory, the same as the first.
    for (const QJsonValue &item : published) {
        const QString id = item.toObject().value(u"id"_s).toString();
        const HttpResponse response = instance->client->get(u"/api/v1/articles/"_s + id);
        QVERIFY2(response.status == 200, describe(response).constData());
        QCOMPARE(response.body, bodies.value(id));
    }
    for (const QJsonValue &item : published) {
        const QJsonObject summary = item.toObject();
        const HttpResponse response =
            instance->client->get(u"/api/v1/articles/by-slug/"_s + summary.value(u"slug"_s).toString());
        QVERIFY2(response.status == 200, describe(response).constData());
        QCOMPARE(response.body, bodies.value(summary.value(u"id"_s).toString()));
    }
    const QHash<QByteArray, double> second = instance->metrics();
    QCOMPARE(qint64(second.value("inkwell_article_db_reads_total")), n);
    QCOMPARE(qint64(second.value("inkwell_article_cache_revalidations_total")), 0);
    QCOMPARE(qint64(second.value("inkwell_article_cache_hits_total")), 2 * n);
    QCOMPARE(qint64(second.value("inkwell_article_cache_misses_total")), n);
    QCOMPARE(qint64(second.value("inkwell_article_cache_bytes")), bytes);
}

void TestArticles::smallCacheEvictsTheLeastRecentlyUsed()
{
    // Five articles of the same size (about 40 KB of JSON each), and one five times larger.
    const QString body = u"Evictable words fill this paragraph again and again.\n\n"_s.repeated(360);
    QStringList ids;
    QStringList slugs;
    for (int i = 0; i < 5; ++i) {
        const QJsonObject article = createPublished(m_alice, u"Evictable %1"_s.arg(QChar(u'A' + i)), body);
        QVERIFY2(!article.isEmpty(), qPrintable(m_error));
        ids << u"/api/v1/articles/"_s + article.value(u"id"_s).toString();
        slugs << u"/api/v1/articles/by-slug/"_s + article.value(u"slug"_s).toString();
    }
    const QJsonObject large = createPublished(m_alice, unique(u"Too large to cache"_s), body.repeated(5));
    QVERIFY2(!large.isEmpty(), qPrintable(m_error));
    const QString largePath = u"/api/v1/articles/"_s + large.value(u"id"_s).toString();

    // What an entry costs, as an instance with room for all counts it.
    qint64 smallest = std::numeric_limits<qint64>::max();
    qint64 firstThree = 0;
    {
        const auto roomy = cachingInstance();
        QVERIFY2(roomy, qPrintable(m_error));
        for (int i = 0; i < ids.size(); ++i) {
            const qint64 before = roomy->metric("inkwell_article_cache_bytes");
            QCOMPARE(roomy->client->get(ids.at(i)).status, 200);
            const qint64 cost = roomy->metric("inkwell_article_cache_bytes") - before;
            QVERIFY2(cost > 40000, qPrintable(QString::number(cost)));
            smallest = std::min(smallest, cost);
            if (i < 3)
                firstThree += cost;
        }
    }
    // Room for three of them, not four.
    const qint64 budget = firstThree + smallest / 2;
    const auto instance = cachingInstance(budget);
    QVERIFY2(instance, qPrintable(m_error));
    QCOMPARE(instance->metric("inkwell_article_cache_budget_bytes"), budget);
    const auto reads = [&](int i) {
        const auto [count, response] = instance->databaseReadsFor(ids.at(i));
        if (response.status != 200)
            return qint64(-1000);
        return count;
    };
    const auto within = [&] {
        const qint64 bytes = instance->metric("inkwell_article_cache_bytes");
        return bytes > 0 && bytes <= budget;
    };
    enum { A, B, C, D, E };
    QCOMPARE(reads(A), 1);
    QCOMPARE(reads(B), 1);
    QCOMPARE(reads(C), 1);
    QCOMPARE(instance->metric("inkwell_article_cache_entries"), 3);
    QCOMPARE(instance->metric("inkwell_article_cache_evictions_total"), 0);
    QVERIFY(within());
    QCOMPARE(reads(A), 0); // A is now the most recently used; B the least
    QCOMPARE(reads(D), 1); // evicts B, and only B
    QCOMPARE(instance->metric("inkwell_article_cache_evictions_total"), 1);
    QCOMPARE(instance->metric("inkwell_article_cache_entries"), 3);
    QVERIFY(within());
    QCOMPARE(reads(A), 0);
    QCOMPARE(reads(C), 0); // order now (least recent first): D, A, C
    QCOMPARE(reads(B), 1); // B was evicted; reading it evicts D
    QCOMPARE(reads(A), 0);
    QCOMPARE(reads(D), 1); // evicts C
    QCOMPARE(reads(B), 0);
    QCOMPARE(reads(C), 1); // evicts A
    QCOMPARE(reads(E), 1); // evicts D
    QCOMPARE(reads(A), 1); // evicts B
    QCOMPARE(instance->metric("inkwell_article_cache_evictions_total"), 6);
    QCOMPARE(instance->metric("inkwell_article_cache_entries"), 3);
    QVERIFY(within());
    // By slug, the same entries in the same order: C, E, A are held.
    const auto slugReads = [&](int i) {
        const auto [count, response] = instance->databaseReadsFor(slugs.at(i));
        return response.status == 200 ? count : qint64(-1000);
    };
    QCOMPARE(slugReads(E), 0); // order: C, A, E
    QCOMPARE(slugReads(B), 1); // evicts C
    QCOMPARE(slugReads(C), 1); // evicts A
    QCOMPARE(slugReads(E), 0);
    QCOMPARE(reads(B), 0);
    QCOMPARE(instance->metric("inkwell_article_cache_evictions_total"), 8);
    QVERIFY(within());

    // One larger than the whole budget is never kept: each read goes to the database, and the cache
    // keeps what it had.
    const qint64 entries = instance->metric("inkwell_article_cache_entries");
    for (int i = 0; i < 2; ++i) {
        const auto [count, response] = instance->databaseReadsFor(largePath);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"content"_s).toString(), body.repeated(5));
        QCOMPARE(count, 1);
    }
    QCOMPARE(instance->metric("inkwell_article_cache_entries"), entries);
    QVERIFY(within());
}

void TestArticles::writeOnAnotherInstanceReplacesACachedArticleAtOnce()
{
    // Made before the instance LISTENs, so that the NOTIFY of its creation cannot empty the cache later.
    const QJsonObject article = createPublished(m_alice, unique(u"Replaced at once"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const auto instance = cachingInstance();
    QVERIFY2(instance, qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    const QString path = u"/api/v1/articles/"_s + id;
    const QString slugPath = u"/api/v1/articles/by-slug/"_s + article.value(u"slug"_s).toString();
    QCOMPARE(instance->databaseReadsFor(path).first, 1);
    for (const QString &p : {path, slugPath}) {
        const auto [count, response] = instance->databaseReadsFor(p);
        QCOMPARE(count, 0);
        QCOMPARE(response.json().value(u"revision"_s).toInt(), 1);
    }
    QCOMPARE(instance->metric("inkwell_article_cache_revalidations_total"), 0);

    for (int revision = 2; revision <= 4; ++revision) {
        // The write goes to the main instance; the caching one hears of it by NOTIFY.
        const HttpResponse written =
            patch(m_alice, id, {{u"content"_s, u"Edited elsewhere, round %1."_s.arg(revision)}}, revision - 1);
        QVERIFY2(written.status == 200, describe(written).constData());
        QTRY_COMPARE_WITH_TIMEOUT(instance->client->get(path).json().value(u"revision"_s).toInt(), revision, 3000);
        // Cached again. (The read that first saw it may not have been kept: the cache refuses a read that
        // began in the millisecond of the notification or before it, as it may predate the write.)
        QTRY_COMPARE_WITH_TIMEOUT(instance->databaseReadsFor(path).first, 0, 2000);
        const auto [slugReads, bySlug] = instance->databaseReadsFor(slugPath);
        QCOMPARE(slugReads, 0);
        QCOMPARE(bySlug.json().value(u"revision"_s).toInt(), revision);
        QCOMPARE(bySlug.json().value(u"content"_s).toString(), u"Edited elsewhere, round %1."_s.arg(revision));
        // Replaced by the notification, not by a time to live: no revalidation.
        QCOMPARE(instance->metric("inkwell_article_cache_revalidations_total"), 0);
    }
}

void TestArticles::viewsAreCountedInBatches()
{
    const QJsonObject article = createPublished(m_alice, unique(u"Popular"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    const QString path = u"/api/v1/articles/"_s + id;
    const QString slugPath = u"/api/v1/articles/by-slug/"_s + article.value(u"slug"_s).toString();
    const FeedWalk before = walkFeed(m_alice, {}, 1000);
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    // The author's own reads do not count.
    for (int i = 0; i < 3; ++i)
        EXPECT_STATUS(get(path, &m_alice), 200);
    EXPECT_STATUS(get(slugPath, &m_alice), 200);
    // Readers' do: bob twice, victor by slug, one anonymous reader.
    EXPECT_STATUS(get(path, &m_bob), 200);
    EXPECT_STATUS(get(path, &m_bob), 200);
    EXPECT_STATUS(get(slugPath, &m_victor), 200);
    EXPECT_STATUS(get(path), 200);
    // A draft's reads never count (only its author and admins can read it).
    const QJsonObject draft = create(m_alice, unique(u"Unpopular"_s));
    QVERIFY2(!draft.isEmpty(), qPrintable(m_error));
    EXPECT_STATUS(get(u"/api/v1/articles/"_s + draft.value(u"id"_s).toString(), &m_admin), 200);

    // Written every 2 s: poll (as the author, whose reads do not count) for up to ~6 s.
    QElapsedTimer timer;
    timer.start();
    qint64 views = 0;
    while (timer.elapsed() < 6000) {
        views = read(&m_alice, id).value(u"views"_s).toInteger();
        if (views >= 4)
            break;
        QTest::qWait(200);
    }
    // (When it stays behind, say what the database holds, to tell counting from answering apart.)
    const auto stored =
        sql(u"SELECT coalesce((SELECT views FROM article_views WHERE article_id = ?::uuid), 0)"_s, {id});
    QVERIFY2(views == 4, qPrintable(u"GET answers views=%1; the database holds %2"_s.arg(views).arg(
                             stored ? stored->toString() : stored.error())));
    // One more flush period of every listener: no late count of the author's reads shows up.
    QTest::qWait(2600);
    const QJsonObject after = read(&m_alice, id);
    QCOMPARE(after.value(u"views"_s).toInteger(), 4);
    // A view is not a change of the article.
    QCOMPARE(after.value(u"revision"_s).toInt(), 1);
    QCOMPARE(after.value(u"updated_at"_s), article.value(u"updated_at"_s));
    QCOMPARE(read(&m_alice, draft.value(u"id"_s).toString()).value(u"views"_s).toInteger(-1), 0);
    // ...so it does not come back through the change feed either (only the draft is new there).
    const FeedWalk since = walkFeed(m_alice, before.cursor, 1000);
    QVERIFY2(since.error.isEmpty(), qPrintable(since.error));
    QStringList changed;
    for (const QJsonObject &change : since.changes)
        changed << change.value(u"id"_s).toString();
    QCOMPARE(changed, QStringList{draft.value(u"id"_s).toString()});
}

// Last: the largest revision number a path may name. The server computes number + 1 in a signed
// int, which is undefined behaviour; under UBSan (-fno-sanitize-recover) it aborts this process,
// so nothing may run after it.
void TestArticles::revisionNumberAtInt32Max()
{
    const QJsonObject article = create(m_alice, unique(u"Max Revision"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    CHECK_PROBLEM(get(u"/api/v1/articles/%1/revisions/2147483647"_s.arg(article.value(u"id"_s).toString()), &m_alice),
                  404);
    QVERIFY(healthy());
}

// ---------------------------------------------------------------------------------------------
// Housekeeping

void TestArticles::housekeepingDeletesOnlyWhatIsNoLongerNeeded()
{
    // What earlier tests left to clean up goes first, so that the counts below are this test's own.
    ThreadDatabase db(m_postgres->params(), u"test-housekeeping"_s);
    HousekeepingStore store(db);
    const auto before = store.runOnce(7);
    QVERIFY(before && before->ran);

    // Articles: one deleted 31 days ago (purged), one 29 days ago and one live (kept).
    QStringList ids;
    for (const QString &title : {u"Long Gone"_s, u"Recently Gone"_s, u"Still Here"_s}) {
        const QJsonObject article = createPublished(m_alice, unique(title));
        QVERIFY2(!article.isEmpty(), qPrintable(m_error));
        ids << article.value(u"id"_s).toString();
    }
    for (int i = 0; i < 2; ++i)
        EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + ids[i], &m_alice, {}, {{"If-Match", etag(1)}}), 204);
    QVERIFY(sql(u"UPDATE articles SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid"_s, {ids[0]}));
    QVERIFY(sql(u"UPDATE articles SET deleted_at = now() - interval '29 days' WHERE id = ?::uuid"_s, {ids[1]}));

    // Refresh tokens: the new user's have expired; everyone else's are live.
    const User expiring = registerUser(u"Ernie Expired"_s);
    QVERIFY2(!expiring.token.isEmpty(), qPrintable(m_error));
    QVERIFY(sql(u"UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE session_id IN "
                u"(SELECT id FROM auth_sessions WHERE user_id = ?::uuid)"_s,
                {expiring.id}));
    const auto liveTokens = sql(u"SELECT count(*) FROM refresh_tokens WHERE expires_at > now()"_s);
    QVERIFY(liveTokens && liveTokens->toInt() >= 4);

    // Login throttle: an old row that blocks nothing goes; a recent one and a blocking one stay.
    QVERIFY(sql(u"INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES "
                u"('test:old', 3, now() - interval '2 hours', NULL), "
                u"('test:recent', 1, now() - interval '5 minutes', NULL), "
                u"('test:blocked', 9, now() - interval '2 hours', now() + interval '1 hour')"_s));
    // AI rate windows: older than an hour go.
    QVERIFY(sql(u"INSERT INTO ai_rate (user_id, minute, count) VALUES (?::uuid, date_trunc('minute', now()) - "
                u"interval '2 hours', 3), (?::uuid, date_trunc('minute', now()), 1)"_s,
                {m_bob.id, m_bob.id}));
    // Outbox: processed 8 days ago goes; processed 6 days ago and never processed stay.
    QVERIFY(sql(u"INSERT INTO outbox (topic, payload, created_at, processed_at) VALUES "
                u"('test.old', '{}', now() - interval '9 days', now() - interval '8 days'), "
                u"('test.recent', '{}', now() - interval '7 days', now() - interval '6 days')"_s));
    QVERIFY(sql(u"INSERT INTO outbox (topic, payload, created_at, available_at, parked_at) VALUES "
                u"('test.parked', '{}', now() - interval '40 days', now() - interval '40 days', now())"_s));

    const auto report = store.runOnce(7);
    QVERIFY(report);
    QVERIFY(report->ran);
    QCOMPARE(report->articles, 1);
    QCOMPARE(report->refreshTokens, 1);
    QCOMPARE(report->throttleRows, 1);
    QCOMPARE(report->aiRateRows, 1);
    QCOMPARE(report->outboxRows, 1);

    const auto count = [this](const QString &statement, const QVariantList &binds = {}) {
        const auto value = sql(statement, binds);
        return value ? value->toInt() : -1;
    };
    QCOMPARE(count(u"SELECT count(*) FROM articles WHERE id = ?::uuid"_s, {ids[0]}), 0);
    QCOMPARE(count(u"SELECT count(*) FROM articles WHERE id = ?::uuid"_s, {ids[1]}), 1);
    QCOMPARE(count(u"SELECT count(*) FROM articles WHERE id = ?::uuid"_s, {ids[2]}), 1);
    QCOMPARE(count(u"SELECT count(*) FROM article_revisions WHERE article_id = ?::uuid"_s, {ids[0]}), 0);
    QCOMPARE(count(u"SELECT count(*) FROM refresh_tokens WHERE expires_at > now()"_s), liveTokens->toInt());
    QCOMPARE(count(u"SELECT count(*) FROM login_throttle WHERE key LIKE 'test:%'"_s), 2);
    QCOMPARE(count(u"SELECT count(*) FROM login_throttle WHERE key = 'test:old'"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM ai_rate WHERE user_id = ?::uuid"_s, {m_bob.id}), 1);
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE topic LIKE 'test.%'"_s), 2);
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE topic = 'test.old'"_s), 0);

    // The live ones still work: the user whose tokens expired signs in again, the others read on.
    EXPECT_STATUS(get(u"/api/v1/articles/"_s + ids[2], &m_alice), 200);
    QVERIFY(sql(u"DELETE FROM login_throttle WHERE key LIKE 'test:%'"_s));
    QVERIFY(sql(u"DELETE FROM outbox WHERE topic LIKE 'test.%'"_s));

    // A second pass right after finds nothing more to do.
    const auto again = store.runOnce(7);
    QVERIFY(again && again->ran);
    QCOMPARE(again->articles + again->refreshTokens + again->throttleRows + again->aiRateRows + again->outboxRows, 0);
}

void TestArticles::housekeepingRunsOnOneInstanceAtATime()
{
    const QJsonObject article = createPublished(m_bob, unique(u"Locked Out"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + id, &m_bob, {}, {{"If-Match", etag(1)}}), 204);
    QVERIFY(sql(u"UPDATE articles SET deleted_at = now() - interval '40 days' WHERE id = ?::uuid"_s, {id}));

    ThreadDatabase db(m_postgres->params(), u"test-housekeeping-lock"_s);
    HousekeepingStore store(db);
    // Another instance's pass holds the lock (here: a session of the test's own).
    const auto blocked =
        m_postgres->params().withConnection([&](QSqlDatabase &other) -> std::expected<HousekeepingReport, QString> {
            QSqlQuery lock(other);
            if (!lock.exec(u"SELECT pg_advisory_lock(%1)"_s.arg(HousekeepingStore::kLockKey)))
                return std::unexpected(lock.lastError().text());
            auto report = store.runOnce(7);
            QSqlQuery unlock(other);
            unlock.exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(HousekeepingStore::kLockKey));
            if (!report)
                return std::unexpected(report.error().detail);
            return *report;
        });
    QVERIFY2(blocked, blocked ? "" : qPrintable(blocked.error()));
    QVERIFY(!blocked->ran);
    QCOMPARE(blocked->articles, 0);
    QCOMPARE(sql(u"SELECT count(*) FROM articles WHERE id = ?::uuid"_s, {id})->toInt(), 1);

    // Once the lock is free, the next pass does the work.
    const auto report = store.runOnce(7);
    QVERIFY(report && report->ran);
    QCOMPARE(report->articles, 1);
    QCOMPARE(sql(u"SELECT count(*) FROM articles WHERE id = ?::uuid"_s, {id})->toInt(), 0);
}

void TestArticles::changeFeedCursorOlderThanAPurgeIsGone()
{
    const QJsonObject article = createPublished(m_alice, unique(u"Purged Tombstone"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    const auto hasEntry = [&id](const FeedWalk &walk) {
        return std::any_of(walk.changes.cbegin(), walk.changes.cend(),
                           [&id](const QJsonObject &change) { return change.value(u"id"_s).toString() == id; });
    };
    // A client that has read the feed up to the article (the position before its deletion).
    FeedWalk before;
    QTRY_VERIFY_WITH_TIMEOUT((before = walkFeed(m_bob, {}, 1000), before.error.isEmpty() && hasEntry(before)), 5000);

    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + id, &m_alice, {}, {{"If-Match", etag(1)}}), 204);
    // Another client has seen the tombstone.
    FeedWalk after;
    QTRY_VERIFY_WITH_TIMEOUT((after = walkFeed(m_bob, before.cursor, 1000), after.error.isEmpty() && hasEntry(after)),
                             5000);
    QVERIFY(after.changes.last().value(u"deleted"_s).toBool());

    QVERIFY(sql(u"UPDATE articles SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid"_s, {id}));
    ThreadDatabase db(m_postgres->params(), u"test-housekeeping-feed"_s);
    const auto report = HousekeepingStore(db).runOnce(7);
    QVERIFY(report && report->ran && report->articles >= 1);

    // The client that never saw the tombstone is told to start again, for every reader of the feed.
    for (const User *who : {&m_bob, &m_alice, &m_admin}) {
        const HttpResponse gone = get(u"/api/v1/sync/changes?since="_s + percent(before.cursor), who);
        CHECK_PROBLEM(gone, 410);
        QCOMPARE(gone.json().value(u"type"_s).toString(), u"/problems/cursor-expired"_s);
    }
    // The one that saw it reads on; and from the start the article is simply not there.
    EXPECT_STATUS(get(u"/api/v1/sync/changes?since="_s + percent(after.cursor), &m_bob), 200);
    const FeedWalk fresh = walkFeed(m_bob, {}, 1000);
    QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
    QVERIFY(!hasEntry(fresh));
    const FeedWalk freshAdmin = walkFeed(m_admin, {}, 1000);
    QVERIFY2(freshAdmin.error.isEmpty(), qPrintable(freshAdmin.error));
    QVERIFY(!hasEntry(freshAdmin));
    // Cursors issued after the purge are not affected by it: a walk from the start in small pages passes the
    // purged position and goes on, and its last cursor reads on.
    const FeedWalk paged = walkFeed(m_bob, {}, 3);
    QVERIFY2(paged.error.isEmpty(), qPrintable(paged.error));
    QCOMPARE(paged.changes, fresh.changes);
    EXPECT_STATUS(get(u"/api/v1/sync/changes?since="_s + percent(fresh.cursor), &m_bob), 200);

    // A cursor from before the purge whose position lies beyond the purged tombstone missed nothing.
    EXPECT_STATUS(get(u"/api/v1/sync/changes?since="_s + percent(after.cursor), &m_alice), 200);

    // A later purge expires the cursors issued before it, when they lie before what it took.
    const QJsonObject later = createPublished(m_alice, unique(u"Purged Later"_s));
    QVERIFY2(!later.isEmpty(), qPrintable(m_error));
    EXPECT_STATUS(
        call("DELETE", u"/api/v1/articles/"_s + later.value(u"id"_s).toString(), &m_alice, {}, {{"If-Match", etag(1)}}),
        204);
    QVERIFY(sql(u"UPDATE articles SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid"_s,
                {later.value(u"id"_s).toString()}));
    const auto second = HousekeepingStore(db).runOnce(7);
    QVERIFY(second && second->ran && second->articles == 1);
    CHECK_PROBLEM(get(u"/api/v1/sync/changes?since="_s + percent(fresh.cursor), &m_bob), 410);
}

void TestArticles::housekeeperPassesComeByThemselves()
{
    const QJsonObject article = createPublished(m_bob, unique(u"Swept Away"_s));
    QVERIFY2(!article.isEmpty(), qPrintable(m_error));
    const QString id = article.value(u"id"_s).toString();
    EXPECT_STATUS(call("DELETE", u"/api/v1/articles/"_s + id, &m_bob, {}, {{"If-Match", etag(1)}}), 204);
    QVERIFY(sql(u"UPDATE articles SET deleted_at = now() - interval '35 days' WHERE id = ?::uuid"_s, {id}));

    // Nobody asks for a pass: the timer brings one, and another.
    Housekeeper housekeeper(m_postgres->params(), {200, 7});
    QList<HousekeepingReport> passes; // filled on this thread (queued from the housekeeper's)
    connect(&housekeeper, &Housekeeper::passDone, this,
            [&passes](const HousekeepingReport &report) { passes << report; });
    housekeeper.start();
    QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 2, 5000);
    housekeeper.stop();
    QVERIFY(passes.first().ran);
    QCOMPARE(passes.first().articles, 1);
    QCOMPARE(passes.at(1).articles, 0);
    QCOMPARE(sql(u"SELECT count(*) FROM articles WHERE id = ?::uuid"_s, {id})->toInt(), 0);
}

QTEST_GUILESS_MAIN(TestArticles)
#include "tst_articles.moc"
