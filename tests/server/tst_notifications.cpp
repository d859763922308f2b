// Notifications end to end, against a real PostgreSQL and over real sockets: the outbox worker
// (idempotent handlers, retries with backoff, parking, concurrent workers, a server killed in the
// middle of a batch), the notification routes, and the Server-Sent-Events stream (delivery latency,
// a second instance, Last-Event-ID, database restarts, graceful shutdown, clients that leave or fall
// behind).
#include "accounts/accountroutes.h"
#include "articles/articlecache.h"
#include "articles/articleroutes.h"
#include "db/pgnotifier.h"
#include "events/eventprocessor.h"
#include "events/eventworker.h"
#include "http/ssestream.h"
#include "httpclient.h"
#include "notifications/notificationevents.h"
#include "notifications/notificationroutes.h"
#include "notifications/notificationstore.h"
#include "rawhttp.h"
#include "sseclient.h"
#include "sse/ssereader.h"
#include "sse/ssewriter.h"
#include "testpostgres.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace inkwell::server;
using inkwell::test::HttpClient;
using inkwell::test::HttpResponse;
using inkwell::test::RawHttp;
using inkwell::test::RawResponse;
using inkwell::test::SseClient;
using inkwell::test::TestPostgres;
using inkwell::test::TestServer;

namespace {

const QHash<QByteArray, QByteArray> kJson{{"Content-Type", "application/json"}};
const QByteArray kPassword = "inkwell test passphrase 42";

struct Account {
    QString id;
    QByteArray token;
    QByteArray refreshToken;
    QString name;
};

QHash<QByteArray, QByteArray> bearer(const Account &account)
{
    return {{"Authorization", "Bearer " + account.token}};
}

/// A server instance as inkwelld runs one: its own notifier, the HTTP service with the account and
/// notification routes, and (optionally) an outbox worker.
struct Instance {
    std::shared_ptr<PgNotifier> notifier;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<EventWorker> worker;

    ~Instance()
    {
        server.reset(); // streams end first
        worker.reset();
        if (notifier)
            notifier->stop();
    }
    HttpClient client() const { return HttpClient(server->url()); }
};

EventWorkerOptions fastOptions()
{
    EventWorkerOptions options;
    options.pollIntervalMs = 1000;
    options.backoffBaseMs = 20;
    return options;
}

/// What every Flood did, for a test to wait on (the counters only grow).
struct FloodProbes {
    std::atomic<int> waits{0}; ///< times a producer found its client behind and waited for drained()
    std::atomic<int> ended{0}; ///< producers whose stream ended under them (the server cut it)
};

FloodProbes &floodProbes()
{
    static FloodProbes instance;
    return instance;
}

/// Streams `count` events of `size` bytes; with `respect=1` it waits for drained() whenever the client
/// falls behind. Ends with `done {sent, max_buffered}`.
class Flood : public QObject {
public:
    Flood(SseStream *stream, int count, int size, bool respect)
        : QObject(stream)
        , m_stream(stream)
        , m_count(count)
        , m_payload(size, 'x')
        , m_respect(respect)
    {
        connect(stream, &SseStream::drained, this, [this] { pump(); });
    }
    /// Sends up to 16 events per turn of the event loop (so that the socket gets to write meanwhile).
    void pump()
    {
        for (int slice = 0; slice < 16 && m_sent < m_count; ++slice) {
            if (m_respect && !m_stream->writable()) {
                ++m_waits;
                ++floodProbes().waits;
                return; // drained() calls again
            }
            if (!m_stream->send(inkwell::sse::encode(
                    inkwell::sse::Event{u"flood"_s, QString::fromLatin1(m_payload), {}, std::nullopt}))) {
                ++floodProbes().ended;
                return; // cut
            }
            ++m_sent;
            m_maxBuffered = std::max(m_maxBuffered, m_stream->buffered());
        }
        if (m_sent < m_count) {
            QTimer::singleShot(0, this, [this] { pump(); });
            return;
        }
        m_stream->close(inkwell::sse::encode(
            u"done",
            QJsonObject{{u"sent"_s, m_sent}, {u"max_buffered"_s, double(m_maxBuffered)}, {u"waits"_s, m_waits}}));
    }

private:
    SseStream *m_stream;
    int m_count;
    QByteArray m_payload;
    bool m_respect;
    int m_sent = 0;
    int m_waits = 0;
    qint64 m_maxBuffered = 0;
};

RouteRegistrar floodRoutes()
{
    return [](Router &router, ListenerResources &) {
        router.routeStream(QHttpServerRequest::Method::Get, u"/test/flood"_s,
                           [](const QHttpServerRequest &request, RequestContext &,
                              const StartStream &start) -> std::optional<QHttpServerResponse> {
                               const QUrlQuery query(request.url());
                               SseStream *stream = start();
                               auto *flood = new Flood(stream, query.queryItemValue(u"count"_s).toInt(),
                                                       query.queryItemValue(u"size"_s).toInt(),
                                                       query.queryItemValue(u"respect"_s) == u"1"_s);
                               flood->pump();
                               return std::nullopt;
                           },
                           {u"Floods a stream"_s, {}, {200}, false, u"test"_s});
    };
}

/// One inkwelld process; killed (and waited for) when the object dies.
class Inkwelld {
public:
    Inkwelld(const QStringList &arguments, const QProcessEnvironment &env)
    {
        m_process.setProcessEnvironment(env);
        m_process.setProgram(QStringLiteral(INKWELLD_BINARY));
        m_process.setArguments(arguments);
        m_process.start();
    }
    ~Inkwelld()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    QUrl waitUntilListening(int timeoutMs = 120000)
    {
        static const QRegularExpression line(u"listening on (http://[^\\s]+)"_s);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            m_stdout += m_process.readAllStandardOutput();
            const auto match = line.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch())
                return QUrl(match.captured(1));
            if (m_process.state() == QProcess::NotRunning)
                return {};
            m_process.waitForReadyRead(100);
        }
        return {};
    }
    void kill()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(10000);
    }
    int terminate()
    {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(60000))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QString stderrText() { return QString::fromUtf8(m_stderr += m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"INKWELL_"_s))
            env.remove(name);
    }
    return env;
}

QString uniqueTag()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

class TestNotifications : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The outbox worker.
    void welcomeNotificationExactlyOnce();
    void followersGetOneNotificationPerArticle();
    void concurrentWorkersNeverDoARowTwice();
    void failingEventIsRetriedWithBackoffThenParked();
    void failedStatementDoesNotDoomItsBatch();
    void backlogShowsInMetrics();
    void killedServerLosesNothingAndRepeatsNothing();

    // The routes.
    void everyRouteNeedsASignedInCaller();
    void badParametersAre400_data();
    void badParametersAre400();
    void listPagesNewestFirstWithFilters();
    void markReadAndReadAll();
    void someoneElsesNotificationIs404();
    void routesAreInTheOpenApiDocument();

    // The stream.
    void streamDeliversWithinOneSecond();
    void streamOnAnotherInstance();
    void publishingOnOneInstanceReachesAFollowerOnAnother();
    void articleCacheOfAnotherInstanceIsInvalidatedByNotify();
    void creatingAPublishedArticleNotifiesEveryFollowerOnce();
    void lastEventIdGetsWhatWasMissed();
    void lateCommitIsNeitherSkippedNorReplayed();
    void streamSurvivesADatabaseRestart();
    void keepAliveAndNoIdleClose();
    void streamEndsWhenItsSessionEnds();
    void pipelinedRequestAndConnectionCloseDoNotBreakTheStream();
    void gracefulStopEndsStreamsWithShutdownEvent();
    void clientLeavingIsCleanedUp();
    void slowClientGetsBackpressureThenIsCut();

private:
    std::unique_ptr<Instance> instance(bool withWorker, const std::function<void(ServiceContext &)> &configure = {},
                                       EventWorkerOptions options = fastOptions(),
                                       const inkwell::server::ConnectionParams *database = nullptr);
    Account registerAccount(const QUrl &server, const QString &name);
    bool follow(const QUrl &server, const Account &follower, const Account &author);
    /// Writes `count` article.published events as the articles module does (one transaction, with the
    /// wake-up); titles are "<tag> <n>".
    bool publish(const Account &author, const QString &tag, int count = 1,
                 const QString &topic = u"article.published"_s, QSqlDatabase *db = nullptr);
    QSqlDatabase sql() const { return QSqlDatabase::database(u"tst-notifications"_s); }
    QVariant value(const QString &statement, const QVariantList &binds = {}, QSqlDatabase *db = nullptr) const;
    bool exec(const QString &statement, const QVariantList &binds = {}, QSqlDatabase *db = nullptr) const;
    qint64 notificationsOf(const Account &user, const QString &tag) const;
    QByteArray metrics(const QUrl &server) const;
    static double gauge(const QByteArray &metrics, const QByteArray &name);

    std::unique_ptr<TestPostgres> m_postgres;
    std::unique_ptr<Instance> m_routes; ///< a server without a worker, for the route tests
    Account m_author;
    QList<Account> m_followers; ///< follow m_author
    Account m_stranger;         ///< follows nobody
    QList<qint64> m_latencies;  ///< ms from the outbox commit to the event at the client
};

// ---- Fixture -------------------------------------------------------------------------------------------------

void TestNotifications::initTestCase()
{
    m_postgres = std::make_unique<TestPostgres>();
    QVERIFY2(m_postgres->error().isEmpty(), qPrintable(m_postgres->error()));
    {
        QSqlDatabase db = m_postgres->params().addDatabase(u"tst-notifications"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    }
    {
        auto setup = instance(true);
        QVERIFY(setup);
        m_author = registerAccount(setup->server->url(), u"Ada Author"_s);
        QVERIFY(!m_author.id.isEmpty());
        for (int i = 1; i <= 3; ++i) {
            m_followers.append(registerAccount(setup->server->url(), u"Follower %1"_s.arg(i)));
            QVERIFY(!m_followers.last().id.isEmpty());
            QVERIFY(follow(setup->server->url(), m_followers.last(), m_author));
        }
        m_stranger = registerAccount(setup->server->url(), u"Stan Stranger"_s);
        QVERIFY(!m_stranger.id.isEmpty());
        // The welcomes are done before the tests count anything.
        QTRY_COMPARE_WITH_TIMEOUT(value(u"SELECT count(*) FROM outbox WHERE processed_at IS NULL"_s).toInt(), 0, 10000);
    }
    m_routes = instance(false);
    QVERIFY(m_routes);
}

void TestNotifications::cleanupTestCase()
{
    if (!m_latencies.isEmpty()) {
        QList<qint64> sorted = m_latencies;
        std::sort(sorted.begin(), sorted.end());
        qInfo("delivery latency (outbox commit -> event at the client), %d samples: median %lld ms, max %lld ms",
              int(sorted.size()), sorted.at(sorted.size() / 2), sorted.last());
    }
    m_routes.reset();
    {
        QSqlDatabase db = sql();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tst-notifications"_s);
    m_postgres.reset();
}

std::unique_ptr<Instance> TestNotifications::instance(bool withWorker,
                                                      const std::function<void(ServiceContext &)> &configure,
                                                      EventWorkerOptions options,
                                                      const inkwell::server::ConnectionParams *database)
{
    const inkwell::server::ConnectionParams &params = database ? *database : m_postgres->params();
    auto made = std::make_unique<Instance>();
    made->notifier = std::make_shared<PgNotifier>(params, QStringList{kOutboxChannel, kNotificationsChannel, kArticlesChannel});
    made->notifier->start();
    std::shared_ptr<PgNotifier> notifier = made->notifier;
    made->server = std::make_unique<TestServer>(
        params, QList<RouteRegistrar>{accountRoutes(), articleRoutes(), notificationRoutes(), floodRoutes()}, 2,
        [&](ServiceContext &context) {
            // Instances of one deployment share the token key: a token of one is good on every other.
            context.jwtKey = QByteArray("tst_notifications shared token key, 64 bytes long ............").left(64);
            context.notifier = notifier;
            if (configure)
                configure(context);
        });
    if (!made->server->error().isEmpty()) {
        qWarning() << made->server->error();
        return nullptr;
    }
    if (withWorker) {
        made->worker = std::make_unique<EventWorker>(params, notificationEventHandlers(), options, made->notifier,
                                                     made->server->context()->metrics);
        made->worker->start();
    }
    if (!QTest::qWaitFor([&] { return made->notifier->isListening(); }, 10000)) {
        qWarning() << "the notifier did not start listening";
        return nullptr;
    }
    return made;
}

Account TestNotifications::registerAccount(const QUrl &server, const QString &name)
{
    static int serial = 0;
    const QString email = u"user%1-%2@example.com"_s.arg(++serial).arg(uniqueTag());
    HttpClient client(server);
    const auto response = client.send(
        "POST", u"/api/v1/auth/register"_s,
        QJsonDocument(
            QJsonObject{{u"email"_s, email}, {u"password"_s, QString::fromLatin1(kPassword)}, {u"full_name"_s, name}})
            .toJson(),
        kJson);
    if (response.status != 201) {
        qWarning() << "register" << response.status << response.body;
        return {};
    }
    const QJsonObject body = response.json();
    return {body.value(u"user"_s).toObject().value(u"id"_s).toString(),
            body.value(u"access_token"_s).toString().toLatin1(), body.value(u"refresh_token"_s).toString().toLatin1(),
            name};
}

bool TestNotifications::follow(const QUrl &server, const Account &follower, const Account &author)
{
    HttpClient client(server);
    return client.send("PUT", u"/api/v1/users/%1/follow"_s.arg(author.id), {}, bearer(follower)).status == 204;
}

bool TestNotifications::publish(const Account &author, const QString &tag, int count, const QString &topic,
                                QSqlDatabase *db)
{
    QSqlDatabase connection = db ? *db : sql();
    if (!connection.transaction())
        return false;
    QSqlQuery insert(connection);
    insert.prepare(
        u"INSERT INTO outbox (topic, payload) SELECT ?, jsonb_build_object('article_id', gen_random_uuid()::text, "
        u"'author_id', ?::text, 'author_name', ?::text, 'title', ? || ' ' || g, 'slug', 'a-' || g) "
        u"FROM generate_series(1, ?) g"_s);
    insert.addBindValue(topic);
    insert.addBindValue(author.id);
    insert.addBindValue(author.name);
    insert.addBindValue(tag);
    insert.addBindValue(count);
    QSqlQuery wake(connection);
    if (!insert.exec() || !wake.exec(u"SELECT pg_notify('inkwell_outbox', 'article.published')"_s)) {
        qWarning() << insert.lastError().text() << wake.lastError().text();
        connection.rollback();
        return false;
    }
    return connection.commit();
}

QVariant TestNotifications::value(const QString &statement, const QVariantList &binds, QSqlDatabase *db) const
{
    QSqlQuery query(db ? *db : sql());
    query.prepare(statement);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qWarning() << statement << query.lastError().text();
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

bool TestNotifications::exec(const QString &statement, const QVariantList &binds, QSqlDatabase *db) const
{
    QSqlQuery query(db ? *db : sql());
    query.prepare(statement);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qWarning() << statement << query.lastError().text();
        return false;
    }
    return true;
}

qint64 TestNotifications::notificationsOf(const Account &user, const QString &tag) const
{
    return value(u"SELECT count(*) FROM notifications WHERE user_id = ?::uuid AND message LIKE ?"_s,
                 {user.id, QString(tag + u" %"_s)})
        .toLongLong();
}

QByteArray TestNotifications::metrics(const QUrl &server) const
{
    return HttpClient(server).get(u"/metrics"_s).body;
}

double TestNotifications::gauge(const QByteArray &metrics, const QByteArray &name)
{
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line.mid(name.size() + 1).toDouble();
    }
    return -1;
}

// ---- The outbox worker ---------------------------------------------------------------------------------------

void TestNotifications::welcomeNotificationExactlyOnce()
{
    auto server = instance(true);
    QVERIFY(server);
    const Account newcomer = registerAccount(server->server->url(), u"Nora Newcomer"_s);
    QVERIFY(!newcomer.id.isEmpty());
    HttpClient client = server->client();
    const auto welcomes = [&] {
        const auto list = client.get(u"/api/v1/notifications"_s, bearer(newcomer));
        return list.json().value(u"items"_s).toArray();
    };
    QTRY_COMPARE_WITH_TIMEOUT(welcomes().size(), 1, 5000);
    const QJsonObject welcome = welcomes().first().toObject();
    QCOMPARE(welcome.value(u"type"_s).toString(), u"welcome"_s);
    QCOMPARE(welcome.value(u"title"_s).toString(), u"Welcome to Inkwell, Nora Newcomer!"_s);
    QCOMPARE(welcome.value(u"is_read"_s).toBool(), false);
    QVERIFY(welcome.value(u"read_at"_s).isNull());
    QVERIFY(welcome.value(u"link"_s).isNull());
    const QStringList keys = welcome.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{u"id"_s, u"type"_s, u"title"_s, u"message"_s, u"link"_s, u"is_read"_s, u"created_at"_s,
                            u"read_at"_s}));

    // At least once: the same event done again, by this worker and a second one racing it, adds nothing.
    const QString event = u"user.created"_s;
    QVERIFY(exec(u"UPDATE outbox SET processed_at = NULL, attempts = 0 WHERE topic = ? AND payload->>'user_id' = ?"_s,
                 {event, newcomer.id}));
    EventWorker second(m_postgres->params(), notificationEventHandlers(), fastOptions(), server->notifier);
    second.start();
    QVERIFY(exec(u"SELECT pg_notify('inkwell_outbox', 'user.created')"_s));
    QTRY_VERIFY_WITH_TIMEOUT(
        value(u"SELECT processed_at IS NOT NULL FROM outbox WHERE topic = ? AND payload->>'user_id' = ?"_s,
              {event, newcomer.id})
            .toBool(),
        5000);
    second.stop();
    // And once more by hand, in this thread.
    QVERIFY(exec(u"UPDATE outbox SET processed_at = NULL WHERE topic = ? AND payload->>'user_id' = ?"_s,
                 {event, newcomer.id}));
    server->worker->stop();
    ThreadDatabase db(m_postgres->params(), u"tst-processor-welcome"_s);
    EventProcessor processor(db, notificationEventHandlers(), fastOptions());
    const auto batch = processor.runUntilIdle();
    QVERIFY(batch.has_value());
    QVERIFY(batch->processed >= 1);
    QCOMPARE(welcomes().size(), 1);
    QCOMPARE(value(u"SELECT count(*) FROM notifications WHERE user_id = ?::uuid"_s, {newcomer.id}).toInt(), 1);
}

void TestNotifications::followersGetOneNotificationPerArticle()
{
    auto server = instance(true);
    QVERIFY(server);
    // A follower who stops following before the article appears hears nothing of it.
    const Account leaver = registerAccount(server->server->url(), u"Lou Leaver"_s);
    QVERIFY(follow(server->server->url(), leaver, m_author));
    HttpClient client = server->client();
    QCOMPARE(client.send("DELETE", u"/api/v1/users/%1/follow"_s.arg(m_author.id), {}, bearer(leaver)).status, 204);

    const QString tag = uniqueTag();
    QVERIFY(publish(m_author, tag));
    for (const Account &follower : std::as_const(m_followers))
        QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(follower, tag), qint64(1), 5000);
    const auto list = client.get(u"/api/v1/notifications"_s, bearer(m_followers.first()));
    const QJsonObject newest = list.json().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(newest.value(u"type"_s).toString(), u"article.published"_s);
    QCOMPARE(newest.value(u"title"_s).toString(), u"New article by Ada Author"_s);
    QCOMPARE(newest.value(u"message"_s).toString(), tag + u" 1"_s);
    QVERIFY(newest.value(u"link"_s).toString().startsWith(u"/api/v1/articles/"_s));

    // The same article announced again (published, unpublished, published; or a retried write): nobody twice.
    const QString articleId =
        value(u"SELECT payload->>'article_id' FROM outbox WHERE payload->>'title' = ?"_s, {QString(tag + u" 1"_s)})
            .toString();
    QVERIFY(!articleId.isEmpty());
    QVERIFY(exec(u"INSERT INTO outbox (topic, payload) SELECT topic, payload FROM outbox WHERE payload->>'title' = ?"_s,
                 {QString(tag + u" 1"_s)}));
    QVERIFY(exec(u"SELECT pg_notify('inkwell_outbox', 'article.published')"_s));
    QTRY_COMPARE_WITH_TIMEOUT(
        value(u"SELECT count(*) FROM outbox WHERE payload->>'title' = ? AND processed_at IS NOT NULL"_s,
              {QString(tag + u" 1"_s)})
            .toInt(),
        2, 5000);
    for (const Account &follower : std::as_const(m_followers))
        QCOMPARE(notificationsOf(follower, tag), qint64(1));
    QCOMPARE(notificationsOf(m_author, tag), qint64(0));
    QCOMPARE(notificationsOf(m_stranger, tag), qint64(0));
    QCOMPARE(notificationsOf(leaver, tag), qint64(0));
}

void TestNotifications::concurrentWorkersNeverDoARowTwice()
{
    // Two workers woken by the same NOTIFY race for the same 300 events.
    auto notifier = std::make_shared<PgNotifier>(m_postgres->params(), QStringList{kOutboxChannel});
    notifier->start();
    QTRY_VERIFY(notifier->isListening());
    EventWorkerOptions options = fastOptions();
    options.batchSize = 20;
    // A topic of this test only, handled by the real handler: the workers count nothing else.
    const EventHandlers standard = notificationEventHandlers();
    EventHandlers handlers;
    handlers.add(u"test.concurrent.article.published"_s, *standard.find(u"article.published"_s));
    // Each with metrics of its own: a worker exports its backlog once its first batch is done.
    const auto firstMetrics = std::make_shared<Metrics>(1);
    const auto secondMetrics = std::make_shared<Metrics>(1);
    EventWorker first(m_postgres->params(), handlers, options, notifier, firstMetrics);
    EventWorker second(m_postgres->params(), handlers, options, notifier, secondMetrics);
    first.start();
    second.start();
    // Both idle (their first batch done) and listening (start() connected them to the notifier, which listens).
    QTRY_VERIFY_WITH_TIMEOUT(firstMetrics->render().contains("inkwell_outbox_pending ") &&
                                 secondMetrics->render().contains("inkwell_outbox_pending "),
                             10000);

    const QString tag = uniqueTag();
    const int count = 300;
    QVERIFY(publish(m_author, tag, count, u"test.concurrent.article.published"_s));
    QTRY_COMPARE_WITH_TIMEOUT(
        value(u"SELECT count(*) FROM outbox WHERE payload->>'title' LIKE ? AND processed_at IS NOT NULL"_s,
              {QString(tag + u" %"_s)})
            .toInt(),
        count, 30000);
    first.stop();
    second.stop();
    notifier->stop();
    qInfo("the workers shared the events %lld / %lld", first.processed(), second.processed());
    // A row done twice would have two attempts, and the workers would count more than there were.
    QCOMPARE(value(u"SELECT count(*) FROM outbox WHERE payload->>'title' LIKE ? AND attempts <> 1"_s,
                   {QString(tag + u" %"_s)})
                 .toInt(),
             0);
    QCOMPARE(first.processed() + second.processed(), qint64(count));
    QCOMPARE(first.failed() + second.failed(), qint64(0));
    for (const Account &follower : std::as_const(m_followers)) {
        QCOMPARE(notificationsOf(follower, tag), qint64(count));
        QCOMPARE(
            value(u"SELECT count(DISTINCT dedupe_key) FROM notifications WHERE user_id = ?::uuid AND message LIKE ?"_s,
                  {follower.id, QString(tag + u" %"_s)})
                .toInt(),
            count);
    }
}

void TestNotifications::failingEventIsRetriedWithBackoffThenParked()
{
    // Topics of this test only, handled by the real handlers: nothing else in the outbox interferes.
    const EventHandlers standard = notificationEventHandlers();
    EventHandlers handlers;
    handlers.add(u"test.retry.article.published"_s, *standard.find(u"article.published"_s));
    EventWorkerOptions options;
    options.backoffBaseMs = 100;
    options.maxAttempts = 5;
    ThreadDatabase db(m_postgres->params(), u"tst-processor-retry"_s);
    EventProcessor processor(db, handlers, options);

    const QString tag = uniqueTag();
    QVERIFY(exec(u"INSERT INTO outbox (topic, payload) VALUES ('test.retry.article.published', ?::jsonb)"_s,
                 {QString::fromUtf8(QJsonDocument(QJsonObject{{u"article_id"_s, u"not-an-id"_s},
                                                              {u"author_id"_s, m_author.id},
                                                              {u"title"_s, QString(tag + u" bad"_s)}})
                                        .toJson(QJsonDocument::Compact))}));
    const qint64 bad = value(u"SELECT max(id) FROM outbox WHERE topic = 'test.retry.article.published'"_s).toLongLong();
    QVERIFY(publish(m_author, tag, 1, u"test.retry.article.published"_s)); // a good one in the same batch

    const auto row = [&](const QString &column) {
        return value(u"SELECT %1 FROM outbox WHERE id = ?"_s.arg(column), {bad});
    };
    const auto dueInMs = [&] {
        return value(u"SELECT extract(epoch FROM available_at - clock_timestamp()) * 1000 FROM outbox WHERE id = ?"_s,
                     {bad})
            .toDouble();
    };
    auto batch = processor.runBatch();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->claimed, 2);
    QCOMPARE(batch->processed, 1);
    QCOMPARE(batch->failed, 1);
    for (const Account &follower : std::as_const(m_followers))
        QCOMPARE(notificationsOf(follower, tag), qint64(1)); // the good event was not held back by the bad one
    for (int attempt = 1; attempt <= 5; ++attempt) {
        QCOMPARE(row(u"attempts"_s).toInt(), attempt);
        const QString error = row(u"last_error"_s).toString();
        QVERIFY2(error.contains(u"payload.article_id is missing or not a UUID"_s), qPrintable(error));
        QVERIFY2(error.contains(u"payload.author_name"_s), qPrintable(error)); // every problem at once
        if (attempt == 5) {
            QVERIFY(row(u"parked_at IS NOT NULL"_s).toBool());
            break;
        }
        QVERIFY(row(u"parked_at IS NULL"_s).toBool());
        // Exponential: 100, 200, 400, 800 ms.
        const double expected = 100.0 * (1 << (attempt - 1));
        const double due = dueInMs();
        QVERIFY2(due > expected - 100 && due <= expected,
                 qPrintable(u"attempt %1: due in %2 ms, expected %3"_s.arg(attempt).arg(due).arg(expected)));
        // Not before it is due...
        batch = processor.runBatch();
        QVERIFY(batch.has_value());
        QCOMPARE(batch->claimed, 0);
        QCOMPARE(row(u"attempts"_s).toInt(), attempt);
        // ... and then again, once due by the database's clock (the one the claim reads).
        QTRY_VERIFY_WITH_TIMEOUT(dueInMs() <= 0, 5000);
        batch = processor.runBatch();
        QVERIFY(batch.has_value());
        QCOMPARE(batch->claimed, 1);
        QCOMPARE(batch->failed, 1);
        QCOMPARE(batch->parked, attempt == 4 ? 1 : 0);
    }
    // Parked: never tried again.
    QVERIFY(exec(u"UPDATE outbox SET available_at = now() - interval '1 hour' WHERE id = ?"_s, {bad}));
    batch = processor.runBatch();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->claimed, 0);
    QCOMPARE(row(u"attempts"_s).toInt(), 5);
    QVERIFY(row(u"processed_at IS NULL"_s).toBool());
}

void TestNotifications::failedStatementDoesNotDoomItsBatch()
{
    // A handler whose SQL fails leaves the transaction aborted; its savepoint brings the batch back,
    // and the other events of the batch are still done. A handler that throws is a failure too.
    const EventHandlers standard = notificationEventHandlers();
    EventHandlers handlers;
    handlers.add(u"test.sql.fails"_s, [](const OutboxEvent &, ThreadDatabase &db) -> std::expected<void, QString> {
        QSqlQuery query(*db.connection());
        if (!query.exec(
                u"INSERT INTO notifications (user_id, type, title, message) VALUES (gen_random_uuid(), 'x', 'x', 'x')"_s))
            return std::unexpected(query.lastError().text());
        return {};
    });
    handlers.add(u"test.throws"_s, [](const OutboxEvent &, ThreadDatabase &) -> std::expected<void, QString> {
        throw std::runtime_error("handler exploded");
    });
    handlers.add(u"test.sql.article.published"_s, *standard.find(u"article.published"_s));
    ThreadDatabase db(m_postgres->params(), u"tst-processor-sql"_s);
    EventProcessor processor(db, handlers, fastOptions());

    const QString tag = uniqueTag();
    QVERIFY(exec(u"INSERT INTO outbox (topic, payload) VALUES ('test.sql.fails', '{}'), ('test.throws', '{}')"_s));
    QVERIFY(publish(m_author, tag, 3, u"test.sql.article.published"_s));
    const auto batch = processor.runBatch();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->claimed, 5);
    QCOMPARE(batch->processed, 3);
    QCOMPARE(batch->failed, 2);
    for (const Account &follower : std::as_const(m_followers))
        QCOMPARE(notificationsOf(follower, tag), qint64(3));
    const QString sqlError =
        value(u"SELECT last_error FROM outbox WHERE topic = 'test.sql.fails' ORDER BY id DESC LIMIT 1"_s).toString();
    QVERIFY2(sqlError.contains(u"foreign key"_s), qPrintable(sqlError));
    const QString thrown =
        value(u"SELECT last_error FROM outbox WHERE topic = 'test.throws' ORDER BY id DESC LIMIT 1"_s).toString();
    QCOMPARE(thrown, u"the handler threw: handler exploded"_s);
    // The failed handler's insert was undone with its savepoint: no stray rows.
    QCOMPARE(value(u"SELECT count(*) FROM notifications WHERE type = 'x'"_s).toInt(), 0);
    QVERIFY(exec(u"DELETE FROM outbox WHERE topic IN ('test.sql.fails', 'test.throws')"_s));
}

void TestNotifications::backlogShowsInMetrics()
{
    EventWorkerOptions options = fastOptions();
    options.maxAttempts = 3;
    auto server = instance(true, {}, options);
    QVERIFY(server);
    const QUrl url = server->server->url();
    const auto inDatabase = [&](bool parked) {
        return value(parked ? u"SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND processed_at IS NULL"_s
                            : u"SELECT count(*) FROM outbox WHERE parked_at IS NULL AND processed_at IS NULL"_s)
            .toDouble();
    };
    // What earlier tests left for a worker (welcomes of accounts made without one) is done first.
    QTRY_COMPARE_WITH_TIMEOUT(value(u"SELECT count(*) FROM outbox WHERE processed_at IS NULL AND parked_at IS NULL "
                                    u"AND topic IN ('user.created', 'article.published')"_s)
                                  .toInt(),
                              0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(gauge(metrics(url), "inkwell_outbox_parked") >= 0, 5000);
    const double parkedBefore = gauge(metrics(url), "inkwell_outbox_parked");
    QCOMPARE(parkedBefore, inDatabase(true));

    // An event nobody can handle: retried, parked after the third attempt, counted.
    QVERIFY(exec(u"INSERT INTO outbox (topic, payload) VALUES ('article.published', '{\"title\": 7}')"_s));
    QVERIFY(exec(u"SELECT pg_notify('inkwell_outbox', 'article.published')"_s));
    QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_outbox_parked"), parkedBefore + 1, 5000);
    QCOMPARE(gauge(metrics(url), "inkwell_outbox_parked"), inDatabase(true));
    QCOMPARE(server->worker->parked(), qint64(1));
    QCOMPARE(server->worker->failed(), qint64(3));

    // Pending events of a topic no worker here handles are pending, and counted as such.
    const double pendingBefore = inDatabase(false);
    QVERIFY(exec(u"INSERT INTO outbox (topic, payload) VALUES ('test.unhandled', '{}'), ('test.unhandled', '{}')"_s));
    QVERIFY(exec(u"SELECT pg_notify('inkwell_outbox', 'test.unhandled')"_s));
    QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_outbox_pending"), pendingBefore + 2, 5000);
    QVERIFY(exec(u"DELETE FROM outbox WHERE topic = 'test.unhandled'"_s));
    QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_outbox_pending"), pendingBefore, 5000);
}

void TestNotifications::killedServerLosesNothingAndRepeatsNothing()
{
    QTemporaryDir dataDir;
    QProcessEnvironment env = cleanEnvironment();
    env.insert(u"INKWELL_DATABASE_URL"_s, m_postgres->url());
    const QStringList arguments{u"--data-dir"_s, dataDir.path(), u"--port"_s, u"0"_s, u"--threads"_s, u"1"_s};
    const QString tag = uniqueTag();
    const QString like = tag + u" %"_s;
    const auto processed = [&] {
        return value(u"SELECT count(*) FROM outbox WHERE payload->>'title' LIKE ? AND processed_at IS NOT NULL"_s,
                     {like})
            .toInt();
    };

    // 1. Killed while a batch is certainly in progress: one follower's row is locked by this test, so the
    // worker's first insert of the batch waits for it, holding the batch's claim, until it is killed.
    {
        Inkwelld server(arguments, env);
        QVERIFY2(server.waitUntilListening().isValid(), qPrintable(server.stderrText()));
        QSqlDatabase locker = m_postgres->params().addDatabase(u"tst-locker"_s);
        QVERIFY(locker.open());
        QVERIFY(locker.transaction());
        QVERIFY(exec(u"SELECT 1 FROM users WHERE id = ?::uuid FOR UPDATE"_s, {m_followers.at(1).id}, &locker));
        QVERIFY(publish(m_author, tag, 200));
        // The worker's backend waits for the lock, inside the transaction that claimed its batch.
        const QString waiting = u"SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database() AND "
                                u"a.wait_event_type = 'Lock' "
                                u"AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                u"WHERE l.pid = a.pid AND c.relname = 'outbox' AND l.mode = 'RowShareLock')"_s;
        QTRY_COMPARE_WITH_TIMEOUT(value(waiting).toInt(), 1, 10000);
        QCOMPARE(processed(), 0);
        server.kill();
        locker.rollback();
        locker.close();
    }
    QSqlDatabase::removeDatabase(u"tst-locker"_s);
    QCOMPARE(processed(), 0);
    QCOMPARE(notificationsOf(m_followers.at(0), tag), qint64(0)); // the killed batch left nothing behind

    // 2. Restarted: everything is done, once. Then killed again at whatever point it has reached.
    const QString tag2 = uniqueTag();
    {
        Inkwelld server(arguments, env);
        QVERIFY2(server.waitUntilListening().isValid(), qPrintable(server.stderrText()));
        QTRY_COMPARE_WITH_TIMEOUT(processed(), 200, 30000);
        QVERIFY(publish(m_author, tag2, 200));
        QTRY_VERIFY_WITH_TIMEOUT(
            value(u"SELECT count(*) FROM notifications WHERE message LIKE ?"_s, {QString(tag2 + u" %"_s)}).toInt() > 0,
            10000);
        server.kill();
    }
    const int doneAtKill =
        value(u"SELECT count(*) FROM outbox WHERE payload->>'title' LIKE ? AND processed_at IS NOT NULL"_s,
              {QString(tag2 + u" %"_s)})
            .toInt();
    qInfo("second kill after %d of 200 events", doneAtKill);
    {
        Inkwelld server(arguments, env);
        QVERIFY2(server.waitUntilListening().isValid(), qPrintable(server.stderrText()));
        QTRY_COMPARE_WITH_TIMEOUT(
            value(u"SELECT count(*) FROM outbox WHERE payload->>'title' LIKE ? AND processed_at IS NOT NULL"_s,
                  {QString(tag2 + u" %"_s)})
                .toInt(),
            200, 30000);
        QCOMPARE(server.terminate(), 0);
    }
    for (const QString &t : {tag, tag2}) {
        for (const Account &follower : std::as_const(m_followers)) {
            QCOMPARE(notificationsOf(follower, t), qint64(200));
            QCOMPARE(
                value(
                    u"SELECT count(DISTINCT dedupe_key) FROM notifications WHERE user_id = ?::uuid AND message LIKE ?"_s,
                    {follower.id, QString(t + u" %"_s)})
                    .toInt(),
                200);
        }
        QCOMPARE(notificationsOf(m_stranger, t), qint64(0));
        QCOMPARE(
            value(
                u"SELECT count(*) FROM outbox WHERE payload->>'title' LIKE ? AND (parked_at IS NOT NULL OR last_error IS NOT NULL)"_s,
                {QString(t + u" %"_s)})
                .toInt(),
            0);
    }
    // The batches killed had done nothing that counted: each event was done once.
    for (const QString &t : {tag, tag2})
        QCOMPARE(value(u"SELECT count(*) FROM outbox WHERE payload->>'title' LIKE ? AND attempts <> 1"_s,
                       {QString(t + u" %"_s)})
                     .toInt(),
                 0);
}

// ---- The routes ----------------------------------------------------------------------------------------------

void TestNotifications::everyRouteNeedsASignedInCaller()
{
    const QUrl url = m_routes->server->url();
    // A session that ended: its access token still verifies, but the session is revoked.
    const Account gone = registerAccount(url, u"Gone Soon"_s);
    QVERIFY(!gone.id.isEmpty());
    HttpClient client(url);
    QCOMPARE(
        client
            .send("POST", u"/api/v1/auth/logout"_s,
                  QJsonDocument(QJsonObject{{u"refresh_token"_s, QString::fromLatin1(gone.refreshToken)}}).toJson(),
                  kJson)
            .status,
        204);
    const QList<std::pair<QByteArray, QString>> routes{
        {"GET", u"/api/v1/notifications"_s},
        {"GET", u"/api/v1/notifications/unread-count"_s},
        {"POST", u"/api/v1/notifications/%1/read"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces))},
        {"POST", u"/api/v1/notifications/read-all"_s},
        {"GET", u"/api/v1/notifications/stream"_s},
    };
    const QList<QHash<QByteArray, QByteArray>> callers{
        {},
        {{"Authorization", "Bearer not.a.token"}},
        {{"Authorization", "Basic dXNlcjpwYXNz"}},
        bearer(gone),
    };
    for (const auto &[method, path] : routes) {
        for (const auto &headers : callers) {
            const auto response = client.send(method, path, {}, headers);
            QVERIFY2(response.status == 401,
                     qPrintable(u"%1 %2: %3"_s.arg(QString::fromLatin1(method), path).arg(response.status)));
            QVERIFY(response.header("WWW-Authenticate").startsWith("Bearer"));
            QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
            QCOMPARE(response.json().value(u"request_id"_s).toString().toLatin1(), response.header("X-Request-Id"));
        }
    }
    QCOMPARE(gauge(metrics(url), "inkwell_sse_open_streams"), 0.0);
}

void TestNotifications::badParametersAre400_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("lastEventId");
    QTest::addColumn<int>("status");
    const QByteArray none;
    const QString stream = u"/api/v1/notifications/stream"_s;
    QTest::newRow("limit=0") << QByteArray("GET") << u"/api/v1/notifications?limit=0"_s << none << 400;
    QTest::newRow("limit=101") << QByteArray("GET") << u"/api/v1/notifications?limit=101"_s << none << 400;
    QTest::newRow("limit=abc") << QByteArray("GET") << u"/api/v1/notifications?limit=abc"_s << none << 400;
    QTest::newRow("limit twice") << QByteArray("GET") << u"/api/v1/notifications?limit=5&limit=6"_s << none << 400;
    QTest::newRow("unread=yes") << QByteArray("GET") << u"/api/v1/notifications?unread=yes"_s << none << 400;
    QTest::newRow("unread empty") << QByteArray("GET") << u"/api/v1/notifications?unread="_s << none << 400;
    QTest::newRow("cursor not issued") << QByteArray("GET") << u"/api/v1/notifications?cursor=bm90LWEtY3Vyc29y"_s
                                       << none << 400;
    QTest::newRow("unknown parameter") << QByteArray("GET") << u"/api/v1/notifications?sort=created_at"_s << none
                                       << 400;
    QTest::newRow("count with parameter")
        << QByteArray("GET") << u"/api/v1/notifications/unread-count?unread=true"_s << none << 400;
    QTest::newRow("stream with parameter") << QByteArray("GET") << stream + u"?since=0"_s << none << 400;
    QTest::newRow("Last-Event-ID garbage") << QByteArray("GET") << stream << QByteArray("abc") << 400;
    QTest::newRow("Last-Event-ID three parts") << QByteArray("GET") << stream << QByteArray("1.2.3") << 400;
    QTest::newRow("Last-Event-ID negative") << QByteArray("GET") << stream << QByteArray("-1.5") << 400;
    QTest::newRow("Last-Event-ID overflow")
        << QByteArray("GET") << stream << QByteArray("99999999999999999999.1") << 400;
    QTest::newRow("Last-Event-ID leading zero") << QByteArray("GET") << stream << QByteArray("01.1") << 400;
    QTest::newRow("Last-Event-ID no seq") << QByteArray("GET") << stream << QByteArray("12.") << 400;
    QTest::newRow("read malformed id") << QByteArray("POST") << u"/api/v1/notifications/not-a-uuid/read"_s << none
                                       << 404;
    QTest::newRow("read uppercase id") << QByteArray("POST")
                                       << u"/api/v1/notifications/%1/read"_s.arg(
                                              QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper())
                                       << none << 404;
    QTest::newRow("read nil id") << QByteArray("POST")
                                 << u"/api/v1/notifications/00000000-0000-0000-0000-000000000000/read"_s << none << 404;
    QTest::newRow("read unknown id") << QByteArray("POST")
                                     << u"/api/v1/notifications/%1/read"_s.arg(
                                            QUuid::createUuid().toString(QUuid::WithoutBraces))
                                     << none << 404;
    QTest::newRow("wrong method") << QByteArray("DELETE") << u"/api/v1/notifications/read-all"_s << none << 405;
}

void TestNotifications::badParametersAre400()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, lastEventId);
    QFETCH(int, status);
    HttpClient client(m_routes->server->url());
    QHash<QByteArray, QByteArray> headers = bearer(m_stranger);
    if (!lastEventId.isEmpty())
        headers.insert("Last-Event-ID", lastEventId);
    const auto response = client.send(method, path, {}, headers);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(response.json().value(u"status"_s).toInt(), status);
    QCOMPARE(response.json().value(u"request_id"_s).toString().toLatin1(), response.header("X-Request-Id"));
    QCOMPARE(gauge(metrics(m_routes->server->url()), "inkwell_sse_open_streams"), 0.0); // no stream was started
}

void TestNotifications::listPagesNewestFirstWithFilters()
{
    const QUrl url = m_routes->server->url();
    const Account reader = registerAccount(url, u"Rita Reader"_s);
    QVERIFY(!reader.id.isEmpty());
    // 25 notifications at distinct times and 5 more sharing one instant (ties are broken by id); every
    // third of the 25 read.
    QVERIFY(exec(u"INSERT INTO notifications (user_id, type, title, message, created_at, is_read, read_at) "
                 u"SELECT ?::uuid, 'test', 'n' || g, 'm' || g, now() - g * interval '1 second', g % 3 = 0, "
                 u"CASE WHEN g % 3 = 0 THEN now() END FROM generate_series(1, 25) g"_s,
                 {reader.id}));
    QVERIFY(exec(
        u"INSERT INTO notifications (user_id, type, title, message, created_at) "
        u"SELECT ?::uuid, 'test', 'tie' || g, 'tie', now() - interval '10.5 seconds' FROM generate_series(1, 5) g"_s,
        {reader.id}));
    HttpClient client(url);

    const auto expectedIds = [&](const Account &user, bool unreadOnly) {
        QSqlQuery query(sql());
        query.prepare(
            u"SELECT id FROM notifications WHERE user_id = ?::uuid %1 ORDER BY created_at DESC, id DESC"_s.arg(
                unreadOnly ? u"AND NOT is_read"_s : QString()));
        query.addBindValue(user.id);
        query.exec();
        QStringList ids;
        while (query.next())
            ids << query.value(0).toString();
        return ids;
    };
    // Follows next_cursor to the end; returns the number of pages, or -1 when a page is wrong.
    const auto walk = [&](const Account &user, const QString &filter, int limit, QStringList *ids) {
        QString cursor;
        int pages = 0;
        do {
            QUrlQuery query;
            query.addQueryItem(u"limit"_s, QString::number(limit));
            if (!filter.isEmpty())
                query.addQueryItem(u"unread"_s, filter);
            if (!cursor.isEmpty())
                query.addQueryItem(u"cursor"_s, cursor);
            const auto page =
                client.get(u"/api/v1/notifications?"_s + query.toString(QUrl::FullyEncoded), bearer(user));
            if (page.status != 200)
                return -1;
            const QJsonArray items = page.json().value(u"items"_s).toArray();
            for (const QJsonValue &item : items)
                *ids << item.toObject().value(u"id"_s).toString();
            const QJsonValue next = page.json().value(u"next_cursor"_s);
            cursor = next.isNull() ? QString() : next.toString();
            ++pages;
            if (items.size() > limit || (!cursor.isEmpty() && items.size() != limit))
                return -1;
        } while (!cursor.isEmpty() && pages < 100);
        return pages;
    };

    const QStringList expectedAll = expectedIds(reader, false);
    const QStringList expectedUnread = expectedIds(reader, true);
    QVERIFY(expectedAll.size() >= 30);
    QCOMPARE(expectedAll.size() - expectedUnread.size(), 8);
    QStringList all;
    QCOMPARE(walk(reader, {}, 7, &all), int((expectedAll.size() + 6) / 7));
    QCOMPARE(all, expectedAll);
    QStringList allByTwo;
    QCOMPARE(walk(reader, u"false"_s, 2, &allByTwo), int((expectedAll.size() + 1) / 2));
    QCOMPARE(allByTwo, expectedAll);
    QStringList unread;
    QVERIFY(walk(reader, u"true"_s, 4, &unread) > 0);
    QCOMPARE(unread, expectedUnread);
    const auto count = client.get(u"/api/v1/notifications/unread-count"_s, bearer(reader));
    QCOMPARE(count.status, 200);
    QCOMPARE(count.json(), (QJsonObject{{u"count"_s, int(expectedUnread.size())}}));
    const auto defaultPage = client.get(u"/api/v1/notifications"_s, bearer(reader));
    QCOMPARE(defaultPage.json().value(u"items"_s).toArray().size(), 20);
    QVERIFY(!defaultPage.json().value(u"next_cursor"_s).isNull());

    // A cursor belongs to its list: another filter, or another user, cannot use it.
    const auto first = client.get(u"/api/v1/notifications?unread=true&limit=2"_s, bearer(reader));
    const QString cursor = first.json().value(u"next_cursor"_s).toString();
    QVERIFY(!cursor.isEmpty());
    QCOMPARE(client.get(u"/api/v1/notifications?cursor="_s + cursor, bearer(reader)).status, 400);
    QCOMPARE(client.get(u"/api/v1/notifications?unread=true&cursor="_s + cursor, bearer(m_stranger)).status, 400);
    QCOMPARE(client.get(u"/api/v1/notifications?unread=true&cursor="_s + cursor, bearer(reader)).status, 200);
    // Nobody else's notifications leak into a list.
    QStringList strangers;
    QVERIFY(walk(m_stranger, {}, 100, &strangers) > 0);
    QCOMPARE(strangers, expectedIds(m_stranger, false));
    for (const QString &id : std::as_const(strangers))
        QVERIFY(!all.contains(id));
}

void TestNotifications::markReadAndReadAll()
{
    const QUrl url = m_routes->server->url();
    const Account reader = registerAccount(url, u"Mark Reader"_s);
    QVERIFY(!reader.id.isEmpty());
    QVERIFY(exec(u"INSERT INTO notifications (user_id, type, title, message) SELECT ?::uuid, 'test', 't', 'm' || g "
                 u"FROM generate_series(1, 4) g"_s,
                 {reader.id}));
    const int unreadAtStart =
        value(u"SELECT count(*) FROM notifications WHERE user_id = ?::uuid AND NOT is_read"_s, {reader.id}).toInt();
    QVERIFY(unreadAtStart >= 4);
    HttpClient client(url);
    const QString id =
        value(u"SELECT id FROM notifications WHERE user_id = ?::uuid AND message = 'm1'"_s, {reader.id}).toString();

    const auto read = client.send("POST", u"/api/v1/notifications/%1/read"_s.arg(id), {}, bearer(reader));
    QCOMPARE(read.status, 200);
    const QJsonObject notification = read.json();
    QCOMPARE(notification.value(u"id"_s).toString(), id);
    QCOMPARE(notification.value(u"is_read"_s).toBool(), true);
    QCOMPARE(notification.value(u"message"_s).toString(), u"m1"_s);
    const QString readAt = notification.value(u"read_at"_s).toString();
    QVERIFY(readAt.endsWith(u'Z'));
    QVERIFY(read.header("Cache-Control").contains("no-store"));
    // Again: still read, and read when it was first read. Not synchronisation (the answer is in): the
    // clock moves on, so a second stamp would show in read_at's milliseconds.
    QTest::qWait(20);
    const auto again = client.send("POST", u"/api/v1/notifications/%1/read"_s.arg(id), {}, bearer(reader));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"read_at"_s).toString(), readAt);
    QCOMPARE(client.get(u"/api/v1/notifications/unread-count"_s, bearer(reader)).json().value(u"count"_s).toInt(),
             unreadAtStart - 1);

    QTest::qWait(20); // the clock moves on again: read-all's stamps come after the first one
    const auto all = client.send("POST", u"/api/v1/notifications/read-all"_s, {}, bearer(reader));
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json(), (QJsonObject{{u"updated"_s, unreadAtStart - 1}}));
    QCOMPARE(client.get(u"/api/v1/notifications/unread-count"_s, bearer(reader)).json().value(u"count"_s).toInt(), 0);
    QCOMPARE(client.send("POST", u"/api/v1/notifications/read-all"_s, {}, bearer(reader)).json(),
             (QJsonObject{{u"updated"_s, 0}}));
    QCOMPARE(value(u"SELECT count(*) FROM notifications WHERE user_id = ?::uuid AND (NOT is_read OR read_at IS NULL)"_s,
                   {reader.id})
                 .toInt(),
             0);
    // The first one kept its first read time through read-all.
    const auto listed =
        client.get(u"/api/v1/notifications?limit=100"_s, bearer(reader)).json().value(u"items"_s).toArray();
    int checked = 0;
    for (const QJsonValue &item : listed) {
        if (item.toObject().value(u"id"_s).toString() == id) {
            QCOMPARE(item.toObject().value(u"read_at"_s).toString(), readAt);
            ++checked;
        } else {
            QVERIFY(item.toObject().value(u"read_at"_s).toString() > readAt);
        }
    }
    QCOMPARE(checked, 1);
}

void TestNotifications::someoneElsesNotificationIs404()
{
    QVERIFY(
        exec(u"INSERT INTO notifications (user_id, type, title, message) VALUES (?::uuid, 'test', 'private', 'mine')"_s,
             {m_followers.at(2).id}));
    const QString theirs =
        value(
            u"SELECT id FROM notifications WHERE user_id = ?::uuid AND title = 'private' ORDER BY created_at DESC LIMIT 1"_s,
            {m_followers.at(2).id})
            .toString();
    HttpClient client(m_routes->server->url());
    const auto response = client.send("POST", u"/api/v1/notifications/%1/read"_s.arg(theirs), {}, bearer(m_stranger));
    QCOMPARE(response.status, 404);
    // Indistinguishable from a missing one.
    const auto missing =
        client.send("POST", u"/api/v1/notifications/%1/read"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                    {}, bearer(m_stranger));
    QCOMPARE(missing.status, 404);
    QCOMPARE(response.json().value(u"detail"_s), missing.json().value(u"detail"_s));
    QCOMPARE(response.json().value(u"type"_s), missing.json().value(u"type"_s));
    // It stayed unread; the stranger's read-all does not touch it either, and the owner can read it.
    QCOMPARE(client.send("POST", u"/api/v1/notifications/read-all"_s, {}, bearer(m_stranger)).status, 200);
    QCOMPARE(value(u"SELECT is_read FROM notifications WHERE id = ?::uuid"_s, {theirs}).toBool(), false);
    QCOMPARE(client.send("POST", u"/api/v1/notifications/%1/read"_s.arg(theirs), {}, bearer(m_followers.at(2))).status,
             200);
}

void TestNotifications::routesAreInTheOpenApiDocument()
{
    const QJsonObject paths =
        HttpClient(m_routes->server->url()).get(u"/openapi.json"_s).json().value(u"paths"_s).toObject();
    QVERIFY(paths.value(u"/api/v1/notifications"_s).toObject().contains(u"get"_s));
    QVERIFY(paths.value(u"/api/v1/notifications/unread-count"_s).toObject().contains(u"get"_s));
    QVERIFY(paths.value(u"/api/v1/notifications/{id}/read"_s).toObject().contains(u"post"_s));
    QVERIFY(paths.value(u"/api/v1/notifications/read-all"_s).toObject().contains(u"post"_s));
    QVERIFY(paths.value(u"/api/v1/notifications/stream"_s).toObject().contains(u"get"_s));
}

// ---- The stream ----------------------------------------------------------------------------------------------

void TestNotifications::streamDeliversWithinOneSecond()
{
    auto server = instance(true);
    QVERIFY(server);
    const Account follower = m_followers.at(0);
    SseClient stream(server->server->port(), follower.token, "X-Request-Id: stream-trace-1\r\n");
    QVERIFY(stream.waitForHead());
    QCOMPARE(stream.status, 200);
    QCOMPARE(stream.header("Content-Type"), QByteArray("text/event-stream; charset=utf-8"));
    QCOMPARE(stream.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(stream.header("Connection"), QByteArray("close"));
    QCOMPARE(stream.header("Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(stream.header("X-Accel-Buffering"), QByteArray("no"));
    QCOMPARE(stream.header("X-Request-Id"), QByteArray("stream-trace-1"));
    QCOMPARE(stream.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(stream.header("X-Frame-Options"), QByteArray("DENY"));
    QCOMPARE(stream.header("Content-Security-Policy"), QByteArray("default-src 'none'; frame-ancestors 'none'"));
    QCOMPARE(stream.header("Referrer-Policy"), QByteArray("no-referrer"));
    QCOMPARE(stream.header("X-XSS-Protection"), QByteArray("0"));
    QVERIFY(stream.header("Content-Length").isEmpty());
    QVERIFY(stream.head.count("Cache-Control") == 1 && stream.head.count("Connection:") == 1);
    // A stream of someone who follows nobody, open at the same time, hears nothing.
    SseClient other(server->server->port(), m_stranger.token);
    QVERIFY(other.waitForHead());
    QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(server->server->url()), "inkwell_sse_open_streams"), 2.0, 2000);
    stream.listen(200); // nothing old is replayed to a fresh stream
    QCOMPARE(stream.events.size(), 0);

    HttpClient client = server->client();
    for (int round = 1; round <= 5; ++round) {
        const QString tag = uniqueTag();
        const qint64 committed = inkwell::test::testClockMs();
        QVERIFY(publish(m_author, tag));
        QVERIFY2(stream.waitForEvents(round, 1000), qPrintable(u"round %1: no event within 1 s"_s.arg(round)));
        const qint64 latency = stream.arrivedAt.last() - committed;
        m_latencies.append(latency);
        const auto &event = stream.events.last();
        QCOMPARE(event.type, u"notification.created"_s);
        QVERIFY2(QRegularExpression(u"^\\d+\\.\\d+$"_s).match(event.id).hasMatch(), qPrintable(event.id));
        const QJsonObject data = QJsonDocument::fromJson(event.data.toUtf8()).object();
        QCOMPARE(data.keys(), QStringList{u"notification"_s});
        const QJsonObject notification = data.value(u"notification"_s).toObject();
        QCOMPARE(notification.value(u"message"_s).toString(), tag + u" 1"_s);
        // The same object the list shows.
        const QJsonObject listed = client.get(u"/api/v1/notifications?limit=1"_s, bearer(follower))
                                       .json()
                                       .value(u"items"_s)
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(notification, listed);
    }
    // One event per chunk, and the framing is exact.
    QVERIFY(!stream.framingError);
    for (int perChunk : std::as_const(stream.eventsPerChunk))
        QCOMPARE(perChunk, 1);
    other.listen(300);
    QCOMPARE(other.events.size(), 0);
}

void TestNotifications::streamOnAnotherInstance()
{
    // Instance A works the outbox; B has no worker, only its own notifier and the stream.
    auto a = instance(true);
    auto b = instance(false);
    QVERIFY(a && b);
    QVERIFY(a->server->port() != b->server->port());
    const Account follower = m_followers.at(1);
    SseClient stream(b->server->port(), follower.token);
    QVERIFY(stream.waitForHead());
    QCOMPARE(stream.status, 200);
    for (int round = 1; round <= 3; ++round) {
        const QString tag = uniqueTag();
        const qint64 committed = inkwell::test::testClockMs();
        QVERIFY(publish(m_author, tag));
        QVERIFY2(stream.waitForEvents(round, 1000),
                 qPrintable(u"round %1: nothing on instance B within 1 s"_s.arg(round)));
        m_latencies.append(stream.arrivedAt.last() - committed);
        QCOMPARE(QJsonDocument::fromJson(stream.events.last().data.toUtf8())
                     .object()
                     .value(u"notification"_s)
                     .toObject()
                     .value(u"message"_s)
                     .toString(),
                 tag + u" 1"_s);
    }
    // The notifications were made by A's worker (B has none); its count is bumped just after the commit
    // whose NOTIFY the stream may already have acted on.
    QVERIFY(!b->worker);
    QTRY_VERIFY_WITH_TIMEOUT(a->worker->processed() >= 3, 2000);
}

void TestNotifications::publishingOnOneInstanceReachesAFollowerOnAnother()
{
    // End to end: the author publishes through the articles API on A; the event is written in the
    // same transaction, A's worker makes the notifications, and the follower's stream on B has it.
    auto a = instance(true);
    auto b = instance(false);
    QVERIFY(a && b);
    const Account follower = m_followers.at(0);
    SseClient stream(b->server->port(), follower.token);
    QVERIFY(stream.waitForHead());
    QCOMPARE(stream.status, 200);
    HttpClient onA(a->server->url());
    const QHash<QByteArray, QByteArray> headers{{"Content-Type", "application/json"},
                                                {"Authorization", "Bearer " + m_author.token}};
    for (int round = 1; round <= 3; ++round) {
        const QString title = uniqueTag() + u" through the API"_s;
        // A draft first: only publishing notifies.
        const HttpResponse created = onA.send(
            "POST", u"/api/v1/articles"_s,
            QJsonDocument(QJsonObject{{u"title"_s, title}, {u"content"_s, u"Body of the article."_s}})
                .toJson(QJsonDocument::Compact),
            headers);
        QCOMPARE(created.status, 201);
        stream.listen(200);
        QCOMPARE(stream.events.size(), round - 1);
        const QString id = created.json().value(u"id"_s).toString();
        QElapsedTimer sincePublished;
        const HttpResponse published = onA.send("POST", u"/api/v1/articles/%1/publish"_s.arg(id), {}, headers);
        sincePublished.start();
        QCOMPARE(published.status, 200);
        QVERIFY2(stream.waitForEvents(round, 1000), qPrintable(u"round %1: nothing on instance B within 1 s"_s.arg(round)));
        m_latencies.append(sincePublished.elapsed());
        const QJsonObject notification =
            QJsonDocument::fromJson(stream.events.last().data.toUtf8()).object().value(u"notification"_s).toObject();
        QVERIFY2(notification.value(u"message"_s).toString().contains(title) ||
                     notification.value(u"title"_s).toString().contains(title),
                 stream.events.last().data.toUtf8().constData());
        // Publishing again after unpublishing notifies nobody twice.
        QCOMPARE(onA.send("POST", u"/api/v1/articles/%1/unpublish"_s.arg(id), {}, headers).status, 200);
        QCOMPARE(onA.send("POST", u"/api/v1/articles/%1/publish"_s.arg(id), {}, headers).status, 200);
        stream.listen(300);
        QCOMPARE(stream.events.size(), round);
    }
}

void TestNotifications::articleCacheOfAnotherInstanceIsInvalidatedByNotify()
{
    // With the notifier listening, B keeps published articles in memory without revalidating them
    // (however old); only A's NOTIFY makes B read again. So if that path were broken, B would serve
    // the old revision for ever and this would fail.
    auto a = instance(false);
    auto b = instance(false);
    QVERIFY(a && b);
    HttpClient onA(a->server->url());
    HttpClient onB(b->server->url());
    const QHash<QByteArray, QByteArray> headers{{"Content-Type", "application/json"},
                                                {"Authorization", "Bearer " + m_author.token}};
    const HttpResponse created = onA.send(
        "POST", u"/api/v1/articles"_s,
        QJsonDocument(QJsonObject{{u"title"_s, uniqueTag()}, {u"content"_s, u"Cached elsewhere."_s},
                                  {u"status"_s, u"published"_s}})
            .toJson(QJsonDocument::Compact),
        headers);
    QCOMPARE(created.status, 201);
    const QString path = u"/api/v1/articles/"_s + created.json().value(u"id"_s).toString();
    int revision = created.json().value(u"revision"_s).toInt();
    QCOMPARE(onB.get(path).json().value(u"revision"_s).toInt(), revision);
    // Not synchronisation: the rule under test is about age, and only time makes the cached entry
    // older than the one-second revalidation that applies without a notifier.
    QTest::qWait(1200);
    QCOMPARE(onB.get(path).json().value(u"revision"_s).toInt(), revision);
    for (int round = 0; round < 3; ++round) {
        QHash<QByteArray, QByteArray> write = headers;
        write.insert("If-Match", '"' + QByteArray::number(revision) + '"');
        const HttpResponse patched = onA.send(
            "PATCH", path, QJsonDocument(QJsonObject{{u"title"_s, uniqueTag()}}).toJson(QJsonDocument::Compact), write);
        QCOMPARE(patched.status, 200);
        ++revision;
        QElapsedTimer since;
        since.start();
        QTRY_COMPARE_WITH_TIMEOUT(onB.get(path).json().value(u"revision"_s).toInt(), revision, 1000);
        m_latencies.append(since.elapsed());
    }
}

void TestNotifications::creatingAPublishedArticleNotifiesEveryFollowerOnce()
{
    // The whole path: POST a published article (one statement in the database writes the row and
    // its outbox event), the worker hands the event to the handler, each follower gets one notification.
    auto server = instance(true);
    QVERIFY(server);
    HttpClient client(server->server->url());
    const QString tag = uniqueTag();
    const HttpResponse created = client.send(
        "POST", u"/api/v1/articles"_s,
        QJsonDocument(QJsonObject{{u"title"_s, QString(tag + u" 1"_s)}, {u"content"_s, u"Out now."_s},
                                  {u"status"_s, u"published"_s}})
            .toJson(QJsonDocument::Compact),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_author.token}});
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"id"_s).toString();
    for (const Account &follower : std::as_const(m_followers))
        QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(follower, tag), qint64(1), 5000);
    QCOMPARE(notificationsOf(m_stranger, tag), qint64(0));
    // Other tests' events may still be landing for this follower: pick this article's notification.
    const auto list = client.get(u"/api/v1/notifications?limit=100"_s, bearer(m_followers.first()));
    QJsonObject mine;
    for (const QJsonValue &item : list.json().value(u"items"_s).toArray()) {
        if (item.toObject().value(u"message"_s).toString() == tag + u" 1"_s)
            mine = item.toObject();
    }
    QCOMPARE(mine.value(u"type"_s).toString(), u"article.published"_s);
    QCOMPARE(mine.value(u"link"_s).toString(), QString(u"/api/v1/articles/"_s + id));
    // The event carries the slug the article got in the database.
    QCOMPARE(value(u"SELECT payload->>'slug' FROM outbox WHERE payload->>'article_id' = ?"_s, {id}).toString(),
             created.json().value(u"slug"_s).toString());
    // A second delivery would come from a second event about this article (written with it, in the
    // same statement) or from this one done again; a settled event is never claimed again. So once
    // every event about the article is settled, the count is final.
    QTRY_COMPARE_WITH_TIMEOUT(value(u"SELECT count(*) FROM outbox WHERE payload->>'article_id' = ? "
                                    u"AND processed_at IS NULL AND parked_at IS NULL"_s,
                                    {id})
                                  .toInt(),
                              0, 10000);
    for (const Account &follower : std::as_const(m_followers))
        QCOMPARE(notificationsOf(follower, tag), qint64(1));
}

void TestNotifications::lastEventIdGetsWhatWasMissed()
{
    auto server = instance(true);
    QVERIFY(server);
    const Account follower = m_followers.at(2);
    QString lastId;
    const QString tag = uniqueTag();
    {
        SseClient first(server->server->port(), follower.token);
        QVERIFY(first.waitForHead());
        QVERIFY(publish(m_author, tag + u"a"_s));
        QVERIFY(first.waitForEvents(1, 2000));
        lastId = first.events.last().id;
        first.abort();
    }
    // While away: two more.
    QVERIFY(publish(m_author, tag + u"b"_s, 2));
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(follower, tag + u"b"_s), qint64(2), 5000);

    SseClient resumed(server->server->port(), follower.token, "Last-Event-ID: " + lastId.toLatin1() + "\r\n");
    QVERIFY(resumed.waitForEvents(2, 1000));
    resumed.listen(300);
    QCOMPARE(resumed.events.size(), 2); // exactly what was missed: not the one it had, nothing twice
    QStringList messages;
    for (const auto &event : std::as_const(resumed.events))
        messages << QJsonDocument::fromJson(event.data.toUtf8())
                        .object()
                        .value(u"notification"_s)
                        .toObject()
                        .value(u"message"_s)
                        .toString();
    messages.sort();
    QCOMPARE(messages, (QStringList{tag + u"b 1"_s, QString(tag + u"b 2"_s)}));
    QVERIFY(resumed.events.at(0).id != resumed.events.at(1).id);

    // A fresh stream (no Last-Event-ID) starts from now, and then hears what is new.
    SseClient fresh(server->server->port(), follower.token);
    QVERIFY(fresh.waitForHead());
    fresh.listen(300);
    QCOMPARE(fresh.events.size(), 0);
    QVERIFY(publish(m_author, tag + u"c"_s));
    QVERIFY(fresh.waitForEvents(1, 1000));
    QVERIFY(resumed.waitForEvents(3, 1000));
    QCOMPARE(fresh.events.last().id, resumed.events.last().id);
    // The id of the last event lets the resumed stream's client go on from there, too.
    SseClient again(server->server->port(), follower.token,
                    "Last-Event-ID: " + resumed.events.last().id.toLatin1() + "\r\n");
    QVERIFY(again.waitForHead());
    again.listen(300);
    QCOMPARE(again.events.size(), 0);
}

void TestNotifications::lateCommitIsNeitherSkippedNorReplayed()
{
    // Notifications are inserted directly here (as any writer may), each announced with its NOTIFY.
    auto server = instance(false);
    QVERIFY(server);
    const Account user = registerAccount(server->server->url(), u"Olive Order"_s);
    QVERIFY(!user.id.isEmpty());
    const auto insert = [&](const QString &message, QSqlDatabase *db) {
        return exec(u"INSERT INTO notifications (user_id, type, title, message) VALUES (?::uuid, 'test', 'order', ?)"_s,
                    {user.id, message}, db);
    };
    const auto announce = [&] { return exec(u"SELECT pg_notify('inkwell_notifications', ?)"_s, {user.id}); };
    const auto messages = [](const SseClient &client) {
        QStringList out;
        for (const auto &event : client.events)
            out << QJsonDocument::fromJson(event.data.toUtf8())
                       .object()
                       .value(u"notification"_s)
                       .toObject()
                       .value(u"message"_s)
                       .toString();
        return out;
    };

    SseClient before(server->server->port(), user.token); // open before anything happens
    QVERIFY(before.waitForHead());
    // A transaction that inserts first and commits last (an older transaction id, committed late).
    QSqlDatabase late = m_postgres->params().addDatabase(u"tst-late"_s);
    QVERIFY(late.open());
    QVERIFY(late.transaction());
    QVERIFY(insert(u"late"_s, &late));
    // Meanwhile a newer one commits, and only then a second stream opens.
    QVERIFY(insert(u"visible at start"_s, nullptr));
    QVERIFY(announce());
    SseClient after(server->server->port(), user.token);
    QVERIFY(after.waitForHead());
    QVERIFY(insert(u"after start"_s, nullptr));
    QVERIFY(announce());
    // Nothing may pass the transaction still in flight: its row comes first.
    before.listen(400);
    after.listen(100);
    QCOMPARE(before.events.size(), 0);
    QCOMPARE(after.events.size(), 0);

    QVERIFY(late.commit());
    QVERIFY(announce());
    QVERIFY(before.waitForEvents(3, 2000));
    QVERIFY(after.waitForEvents(2, 2000));
    before.listen(300);
    QCOMPARE(messages(before), (QStringList{u"late"_s, u"visible at start"_s, u"after start"_s}));
    // The stream that opened later gets what is new to it, and not what it could already have listed.
    QCOMPARE(messages(after), (QStringList{u"late"_s, u"after start"_s}));
    late.close();
    late = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"tst-late"_s);
}

void TestNotifications::streamSurvivesADatabaseRestart()
{
    // A database of its own: this one goes down and comes back.
    TestPostgres postgres;
    QVERIFY2(postgres.error().isEmpty(), qPrintable(postgres.error()));
    const inkwell::server::ConnectionParams params = postgres.params();
    auto server = instance(true, {}, fastOptions(), &params);
    QVERIFY(server);
    const Account author = registerAccount(server->server->url(), u"Restart Author"_s);
    const Account reader = registerAccount(server->server->url(), u"Restart Reader"_s);
    QVERIFY(follow(server->server->url(), reader, author));
    QSqlDatabase db = postgres.params().addDatabase(u"tst-restart"_s);
    QVERIFY(db.open());
    SseClient stream(server->server->port(), reader.token);
    QVERIFY(stream.waitForHead());
    QTRY_VERIFY_WITH_TIMEOUT(
        value(u"SELECT count(*) FROM notifications WHERE user_id = ?::uuid"_s, {reader.id}, &db).toInt() == 1,
        5000); // the welcome, before the stream could see it

    QSignalSpy resyncs(server->notifier.get(), &PgNotifier::resync);
    QVERIFY(postgres.stop());
    QTRY_VERIFY_WITH_TIMEOUT(!server->notifier->isListening(), 5000);
    QVERIFY(postgres.start());
    QTRY_VERIFY_WITH_TIMEOUT(server->notifier->isListening(), 15000);
    QVERIFY(resyncs.size() >= 1);
    db.close(); // the test's own connection died with the server
    QVERIFY(db.open());
    const QString tag = uniqueTag();
    QVERIFY(publish(author, tag, 1, u"article.published"_s, &db));
    QVERIFY2(stream.waitForEvents(1, 5000), "nothing arrived after the database came back");
    QCOMPARE(QJsonDocument::fromJson(stream.events.last().data.toUtf8())
                 .object()
                 .value(u"notification"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString(),
             tag + u" 1"_s);
    QVERIFY(!stream.closed);
    server.reset();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"tst-restart"_s);
}

void TestNotifications::keepAliveAndNoIdleClose()
{
    auto server = instance(false, [](ServiceContext &context) {
        context.sseKeepAliveMs = 300;
        context.config.idleTimeoutS = 1;
    });
    QVERIFY(server);
    SseClient stream(server->server->port(), m_stranger.token);
    QVERIFY(stream.waitForHead());
    // An idle keep-alive connection is closed after the 1 s idle timeout...
    RawHttp idle(server->server->port());
    QVERIFY(idle.connected());
    stream.listen(2500);
    idle.readUntilClosed(1000);
    QVERIFY(idle.closedByServer());
    // ... while the stream, silent but for its comments, stays.
    QVERIFY(!stream.closed);
    QVERIFY2(stream.comments.count(u"keep-alive"_s) >= 5, qPrintable(stream.comments.join(u',')));
    QCOMPARE(stream.comments.first(), u"stream open"_s);
    QVERIFY(!stream.framingError);
    QCOMPARE(gauge(metrics(server->server->url()), "inkwell_sse_open_streams"), 1.0);
}

void TestNotifications::streamEndsWhenItsSessionEnds()
{
    auto server = instance(false, [](ServiceContext &context) { context.streamRecheckMs = 200; });
    QVERIFY(server);
    const QUrl url = server->server->url();
    const Account leaving = registerAccount(url, u"Sid Signout"_s);
    const Account staying = registerAccount(url, u"Stan Stays"_s);
    SseClient leavingStream(server->server->port(), leaving.token);
    SseClient stayingStream(server->server->port(), staying.token);
    QVERIFY(leavingStream.waitForHead());
    QVERIFY(stayingStream.waitForHead());
    QCOMPARE(leavingStream.status, 200);
    leavingStream.listen(500); // several rechecks: a live session keeps its stream
    QVERIFY(!leavingStream.closed);

    HttpClient client(url);
    QCOMPARE(client
                 .send("POST", u"/api/v1/auth/logout"_s,
                       QJsonDocument(QJsonObject{{u"refresh_token"_s, QString::fromLatin1(leaving.refreshToken)}})
                           .toJson(QJsonDocument::Compact),
                       {{"Content-Type", "application/json"}})
                 .status,
             204);
    // The signed-out session's stream is told why and closed; the other user's stream goes on.
    QVERIFY(leavingStream.waitForClose(3000));
    const auto errors = leavingStream.ofType(u"error"_s);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(errors.first().data.toUtf8()).object().value(u"status"_s).toInt(), 401);
    QVERIFY(!leavingStream.framingError);
    stayingStream.listen(500);
    QVERIFY(!stayingStream.closed);
}

void TestNotifications::pipelinedRequestAndConnectionCloseDoNotBreakTheStream()
{
    auto server = instance(true);
    QVERIFY(server);
    const Account follower = m_followers.at(0);
    // The client asks to close after the answer, and sends another request right behind the stream's.
    SseClient stream(server->server->port(), follower.token,
                     "Connection: close\r\n\r\nGET /health HTTP/1.1\r\nHost: test\r\n");
    QVERIFY(stream.waitForHead());
    QCOMPARE(stream.status, 200);
    stream.listen(500);
    QVERIFY(!stream.closed);
    const QString tag = uniqueTag();
    QVERIFY(publish(m_author, tag));
    QVERIFY(stream.waitForEvents(1, 1000));
    // Garbage after that is dropped, not answered in the middle of the stream.
    stream.socket().write("NOT HTTP AT ALL\r\n\r\n");
    stream.socket().flush();
    QVERIFY(publish(m_author, tag + u"x"_s));
    QVERIFY(stream.waitForEvents(2, 1000));
    QVERIFY(!stream.framingError);
    QVERIFY(!stream.closed);
    for (const QString &comment : std::as_const(stream.comments))
        QVERIFY(!comment.contains(u"HTTP"_s));
    for (const auto &event : std::as_const(stream.events)) {
        QCOMPARE(event.type, u"notification.created"_s);
        QVERIFY(!event.data.contains(u"healthy"_s));
    }
}

void TestNotifications::gracefulStopEndsStreamsWithShutdownEvent()
{
    auto server = instance(false);
    QVERIFY(server);
    SseClient first(server->server->port(), m_followers.at(0).token);
    SseClient second(server->server->port(), m_stranger.token);
    QVERIFY(first.waitForHead() && second.waitForHead());
    QElapsedTimer timer;
    timer.start();
    server->server->stop(); // what SIGTERM does; the grace period is 10 s
    const qint64 stopMs = timer.elapsed();
    QVERIFY2(stopMs < 3000, qPrintable(u"stop took %1 ms: the streams held the drain"_s.arg(stopMs)));
    for (SseClient *client : {&first, &second}) {
        QVERIFY(client->waitForClose(5000));
        QVERIFY(client->terminated);
        QVERIFY(!client->framingError);
        QVERIFY(client->afterEnd.isEmpty());
        const auto shutdown = client->ofType(u"shutdown"_s);
        QCOMPARE(shutdown.size(), 1);
        QCOMPARE(client->events.last().type, u"shutdown"_s);
        const QJsonObject data = QJsonDocument::fromJson(shutdown.first().data.toUtf8()).object();
        QCOMPARE(data.value(u"reason"_s).toString(), u"server shutting down"_s);
        const int retryMs = data.value(u"retry_ms"_s).toInt();
        QVERIFY2(retryMs >= 2000 && retryMs < 5000, qPrintable(QString::number(retryMs)));
        QVERIFY(shutdown.first().retryMs == std::optional<int>(retryMs)); // the retry: field says the same
    }
}

void TestNotifications::clientLeavingIsCleanedUp()
{
    auto server = instance(false);
    QVERIFY(server);
    const QUrl url = server->server->url();
    {
        SseClient leaving(server->server->port(), m_followers.at(0).token);
        SseClient closing(server->server->port(), m_followers.at(1).token);
        QVERIFY(leaving.waitForHead() && closing.waitForHead());
        QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_sse_open_streams"), 2.0, 2000);
        leaving.abort(); // a reset
        QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_sse_open_streams"), 1.0, 2000);
        closing.close(); // an orderly close
        QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_sse_open_streams"), 0.0, 2000);
    }
    // The server is none the worse: the next stream works.
    SseClient next(server->server->port(), m_followers.at(0).token);
    QVERIFY(next.waitForHead());
    QCOMPARE(next.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_sse_open_streams"), 1.0, 2000);
    QVERIFY(metrics(url).contains("route=\"/api/v1/notifications/stream\",status=\"200\"} 3"));
}

void TestNotifications::slowClientGetsBackpressureThenIsCut()
{
    auto server = instance(false);
    QVERIFY(server);
    const QUrl url = server->server->url();
    constexpr int kCount = 400;
    constexpr int kSize = 64 * 1024;
    const int waitsBefore = floodProbes().waits.load();
    const int endedBefore = floodProbes().ended.load();
    {
        // A producer that waits for drained(): the client reads nothing for a while, then everything.
        SseClient slow(server->server->port(), {}, {}, "/test/flood?respect=1&count=400&size=65536");
        slow.socket().setReadBufferSize(64 * 1024);
        QVERIFY(slow.waitForHead());
        // Not reading until the producer has had to wait: the kernel's buffers filled, then the server's.
        QTRY_VERIFY_WITH_TIMEOUT(floodProbes().waits.load() > waitsBefore, 30000);
        QVERIFY(slow.waitForClose(120000));
        QVERIFY(!slow.framingError);
        QVERIFY(slow.terminated);
        const auto floods = slow.ofType(u"flood"_s);
        QCOMPARE(floods.size(), kCount);
        for (const auto &event : floods)
            QCOMPARE(event.data.size(), kSize);
        const QJsonObject done = QJsonDocument::fromJson(slow.ofType(u"done"_s).value(0).data.toUtf8()).object();
        QCOMPARE(done.value(u"sent"_s).toInt(), kCount);
        // The producer did wait, and never more than the low-water mark plus one event waited in the
        // server's buffer.
        QVERIFY2(done.value(u"waits"_s).toInt() > 0, "the client never fell behind: the test proves nothing");
        const double maxBuffered = done.value(u"max_buffered"_s).toDouble();
        QVERIFY2(maxBuffered > 0 && maxBuffered < 64 * 1024 + kSize + 100, qPrintable(QString::number(maxBuffered)));
    }
    {
        // A producer that ignores it: the server cuts the stream once 4 MiB wait, instead of growing.
        SseClient cut(server->server->port(), {}, {}, "/test/flood?respect=0&count=400&size=65536");
        cut.socket().setReadBufferSize(64 * 1024);
        QVERIFY(cut.waitForHead());
        // Not reading until the server has cut the stream under the producer.
        QTRY_VERIFY_WITH_TIMEOUT(floodProbes().ended.load() > endedBefore, 30000);
        QVERIFY(cut.waitForClose(60000));
        QVERIFY(!cut.terminated);
        QVERIFY(cut.ofType(u"done"_s).isEmpty());
        QVERIFY(cut.ofType(u"flood"_s).size() < kCount);
    }
    QTRY_COMPARE_WITH_TIMEOUT(gauge(metrics(url), "inkwell_sse_open_streams"), 0.0, 2000);
    QVERIFY(HttpClient(url).get(u"/health"_s).status == 200);
}

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
