// The HTTP platform in-process against a real PostgreSQL: the connection guard's limits and
// framing rules, the middleware every answer passes, threads, graceful shutdown, metrics, OpenAPI.
#include "accounts/accountroutes.h"
#include "auth/jwt.h"
#include "http/jsonwriter.h"
#include "http/openapi.h"
#include "http/pathids.h"
#include "httpclient.h"
#include "rawhttp.h"
#include "testpostgres.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QThread>
#include <QUrlQuery>
#include <QtTest>
#include <atomic>
#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace inkwell::server;
using inkwell::test::HttpClient;
using inkwell::test::RawHttp;
using inkwell::test::RawResponse;
using inkwell::test::TestServer;

namespace {

/// What the test routes report and wait for, so that a test waits for the server to reach a point
/// rather than for time to pass. The counters only grow: a test compares with what it saw before.
struct RouteProbes {
    std::atomic<int> dbBlocking{0};  ///< /test/sleep-db handlers that began their blocking query
    std::atomic<int> dbUnblocked{0}; ///< ... and came out of it
    std::atomic<int> workerJobs{0};  ///< /test/deferred jobs that began on a password worker
    std::atomic<int> slowServing{0}; ///< /test/slow handlers that began
    QSemaphore held;                 ///< what a /test/deferred?hold=1 job waits for
};

RouteProbes &probes()
{
    static RouteProbes instance;
    return instance;
}

/// Routes that exist only in this test binary.
RouteRegistrar testRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        const int index = resources.index;
        ThreadDatabase *db = &resources.db;
        router.route(QHttpServerRequest::Method::Post, u"/test/echo"_s,
                     [](const QHttpServerRequest &request, RequestContext &) {
                         return QHttpServerResponse(QByteArrayLiteral("application/octet-stream"), request.body());
                     },
                     {u"Echoes the body"_s, {}, {200}, true, u"test"_s});
        router.route(QHttpServerRequest::Method::Get, u"/test/throw"_s,
                     [](const QHttpServerRequest &, RequestContext &) -> QHttpServerResponse {
                         throw std::runtime_error("secret detail: /srv/inkwell/internal.cpp line 42");
                     },
                     {u"Throws"_s, {}, {200}, true, u"test"_s});
        router.route(QHttpServerRequest::Method::Get, u"/test/whoami"_s,
                     [index](const QHttpServerRequest &, RequestContext &) {
                         return QHttpServerResponse(QJsonObject{{u"listener"_s, index}});
                     },
                     {u"Which listener answers"_s, {}, {200}, false, u"test"_s});
        router.route(QHttpServerRequest::Method::Get, u"/test/sleep-db"_s,
                     [index, db](const QHttpServerRequest &, RequestContext &) {
                         auto connection = db->connection();
                         QSqlQuery query(*connection);
                         ++probes().dbBlocking;
                         query.exec(u"SELECT pg_sleep(1.5)"_s); // blocking SQL on this listener's thread
                         ++probes().dbUnblocked;
                         return QHttpServerResponse(QJsonObject{{u"listener"_s, index}});
                     },
                     {u"Blocks its thread in the database"_s, {}, {200}, false, u"test"_s});
        router.route(QHttpServerRequest::Method::Get, u"/test/slow"_s,
                     [](const QHttpServerRequest &, RequestContext &) {
                         ++probes().slowServing;
                         QThread::msleep(300);
                         return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArray(10000, 'x'));
                     },
                     {u"Takes a while"_s, {}, {200}, false, u"test"_s});
        // Answers after `ms` of work on the password workers, like a login does; with `hold=1`, once
        // the test releases probes().held instead.
        std::shared_ptr<PasswordWorkers> workers = resources.service.passwordWorkers;
        router.routeDeferred(QHttpServerRequest::Method::Get, u"/test/deferred"_s,
                             [workers, index](const QHttpServerRequest &request, RequestContext &,
                                              const Defer &defer) -> std::optional<QHttpServerResponse> {
                                 const QUrlQuery query(request.url());
                                 const int ms = query.queryItemValue(u"ms"_s).toInt();
                                 const bool hold = query.queryItemValue(u"hold"_s) == u"1"_s;
                                 auto reply = defer();
                                 workers->run(
                                     reply->threadContext(),
                                     [ms, hold] {
                                         ++probes().workerJobs;
                                         // 10 s at most: a failed test must not leave shutdown waiting.
                                         if (hold)
                                             return probes().held.tryAcquire(1, 10000) ? 0 : -1;
                                         QThread::msleep(ms);
                                         return ms;
                                     },
                                     [reply, index, hold](int slept) {
                                         QJsonObject answer{{u"listener"_s, index}};
                                         if (hold)
                                             answer.insert(u"released"_s, slept == 0);
                                         else
                                             answer.insert(u"slept_ms"_s, slept);
                                         reply->send(QHttpServerResponse(answer));
                                     });
                                 return std::nullopt;
                             },
                             {u"Answers from a worker"_s, {}, {200}, false, u"test"_s});
        router.route<QString>(QHttpServerRequest::Method::Get, u"/test/items/<arg>"_s,
                              [](const QString &id, const QHttpServerRequest &, RequestContext &context) {
                                  const auto uuid = parseUuidPath(id);
                                  if (!uuid)
                                      return Problem::notFound().toResponse(context.requestId);
                                  return QHttpServerResponse(QJsonObject{{u"id"_s, uuid->toString(QUuid::WithoutBraces)}});
                              },
                              {u"An item"_s, {u"id"_s}, {200, 404}, true, u"test"_s});
    };
}

/// Sends `request` and checks the guard's refusal: one problem+json answer with `status`, carrying
/// its request id, marked `Connection: close`, and the connection closed by the server.
void expectRefusal(quint16 port, const QByteArray &request, int status)
{
    RawHttp client(port);
    client.send(request);
    const QList<RawResponse> responses = RawHttp::parse(client.readUntilClosed());
    QCOMPARE(responses.size(), 1);
    const RawResponse &answer = responses.first();
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(answer.header("Connection"), QByteArray("close"));
    const QJsonObject problem = QJsonDocument::fromJson(answer.body).object();
    QCOMPARE(problem.value(u"status"_s).toInt(), status);
    QCOMPARE(problem.value(u"request_id"_s).toString().toLatin1(), answer.header("X-Request-Id"));
    QVERIFY(client.closedByServer());
}

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: test\r\n" + extra + "\r\n";
}

} // namespace

class TestHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void bodyLimitIsDecidedBeforeTheBody_data();
    void bodyLimitIsDecidedBeforeTheBody();
    void oversizedBodyIsNotBuffered();
    void largerBodyLimitForOneRoute();
    void headerLimit();
    void ambiguousFramingIsRefused_data();
    void ambiguousFramingIsRefused();
    void chunkedBodyWithinTheLimitIsServed();
    void expectContinueIsAnswered();
    void pipelinedRequestsComeBackInOrder();
    void connectionCloseIsHonoured();
    void idleClientIsDisconnected();
    void tricklingClientIsCutOff();
    void connectionsPerAddressAreCapped();
    void methodMismatchIs405WithAllow();
    void malformedPathIdIs404();
    void unknownPathIsProblemWithRequestId();
    void throwingHandlerLeaksNothing();
    void securityHeadersOnEveryAnswer();
    void rateLimitAnswers429WithRetryAfter();
    void trustedProxyDecidesTheClientAddress();
    void rateLimitFollowsTheUserAcrossAddresses();
    void corsPreflight_data();
    void corsPreflight();
    void blockingDatabaseWorkStallsOnlyItsThread();
    void deferredWorkDoesNotStallItsThread();
    void requestPipelinedBehindDeferredAnswerIsNotAnsweredFirst();
    void requestsPipelinedBehindASignInAreAnsweredInOrder_data();
    void requestsPipelinedBehindASignInAreAnsweredInOrder();
    void connectionCloseOnADeferredRequestIsHonoured();
    void clientLeavingBeforeDeferredAnswerIsHarmless();
    void gracefulStopCompletesInFlightRequests();
    void metricsCountRequests();
    void openApiListsEveryRouteAndValidates();
    void jsonWriterEscapesAsQJsonDocument_data();
    void jsonWriterEscapesAsQJsonDocument();
    void jsonWriterSeparatesMembersAndElements();

private:
    std::unique_ptr<TestServer> server(const std::function<void(ServiceContext &)> &configure = {}, int threads = 2)
    {
        auto s = std::make_unique<TestServer>(m_postgres->params(), QList<RouteRegistrar>{testRoutes(), accountRoutes()}, threads, configure);
        if (!s->error().isEmpty())
            qWarning() << s->error();
        return s;
    }

    std::unique_ptr<inkwell::test::TestPostgres> m_postgres;
    std::unique_ptr<TestServer> m_default;
};

void TestHttp::initTestCase()
{
    m_postgres = std::make_unique<inkwell::test::TestPostgres>();
    QVERIFY2(m_postgres->error().isEmpty(), qPrintable(m_postgres->error()));
    m_default = server();
    QVERIFY(m_default->error().isEmpty());
}

void TestHttp::cleanupTestCase()
{
    m_default.reset();
    m_postgres.reset();
}

void TestHttp::bodyLimitIsDecidedBeforeTheBody_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("2 MiB by Content-Length, no body sent")
        << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2097152\r\n\r\n") << 413;
    QTest::newRow("one byte over the limit") << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1048577\r\n\r\n")
                                             << 413;
    QTest::newRow("chunk size over the limit")
        << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n") << 413;
}

void TestHttp::bodyLimitIsDecidedBeforeTheBody()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    // The body is never sent: the answer can only come from the headers.
    expectRefusal(m_default->port(), request, status);
}

void TestHttp::oversizedBodyIsNotBuffered()
{
    auto s = server();
    const QByteArray body(2 * 1024 * 1024, 'b');
    for (int round = 0; round < 5; ++round) {
        RawHttp client(s->port());
        client.socket().write("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + QByteArray::number(body.size()) +
                              "\r\n\r\n");
        client.socket().write(body); // the client insists on sending it all
        const QList<RawResponse> responses = RawHttp::parse(client.readUntilClosed());
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses.first().status, 413);
    }
    // The guard drained and dropped the bodies: QHttpServer never got one to buffer, and the route
    // never ran. (Resident memory is measured on the real binary in tst_inkwelld.)
    HttpClient client(s->url());
    const QByteArray metrics = client.get(u"/metrics"_s).body;
    QVERIFY2(metrics.contains("inkwell_http_refused_total{status=\"413\"} 5\n"), metrics.constData());
    QVERIFY(!metrics.contains("route=\"/test/echo\""));

    // A body within the limit still arrives whole.
    RawHttp ok(s->port());
    const QByteArray small(1024 * 1024, 's');
    ok.send("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + QByteArray::number(small.size()) + "\r\n\r\n" + small);
    const QList<RawResponse> responses = ok.readResponses(1);
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().status, 200);
    QCOMPARE(responses.first().body, small);
}

void TestHttp::largerBodyLimitForOneRoute()
{
    auto s = server([](ServiceContext &c) { c.bodyLimitByPathPrefix = {{"/test/echo", 3 * 1024 * 1024}}; });
    const QByteArray body(2 * 1024 * 1024, 'u');
    RawHttp upload(s->port());
    upload.send("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const QList<RawResponse> accepted = upload.readResponses(1);
    QCOMPARE(accepted.value(0).status, 200);
    QCOMPARE(accepted.value(0).body.size(), body.size());
    // Other routes keep the default limit.
    expectRefusal(s->port(), "POST /health HTTP/1.1\r\nHost: t\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n",
                  413);
    // And the larger limit is a limit too.
    expectRefusal(s->port(), "POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3145729\r\n\r\n", 413);
}

void TestHttp::headerLimit()
{
    RawHttp client(m_default->port());
    client.send(get("/health", "X-Big: " + QByteArray(20 * 1024, 'h') + "\r\n"));
    const QList<RawResponse> responses = RawHttp::parse(client.readUntilClosed());
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().status, 431);
    QVERIFY(client.closedByServer());

    RawHttp fits(m_default->port());
    fits.send(get("/health", "X-Big: " + QByteArray(15 * 1024, 'h') + "\r\n"));
    QCOMPARE(fits.readResponses(1).value(0).status, 200);
}

void TestHttp::ambiguousFramingIsRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("two different Content-Lengths")
        << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << 400;
    QTest::newRow("Content-Length +3") << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: +3\r\n\r\nabc") << 400;
    QTest::newRow("Content-Length list") << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3, 3\r\n\r\nabc")
                                         << 400;
    QTest::newRow("Content-Length hex") << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 0x3\r\n\r\nabc") << 400;
    QTest::newRow("Transfer-Encoding gzip") << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\nabc")
                                            << 501;
    QTest::newRow("Transfer-Encoding gzip, chunked")
        << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n") << 501;
    QTest::newRow("Transfer-Encoding and Content-Length")
        << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        << 400;
    QTest::newRow("bare LF line ends") << QByteArray("GET /health HTTP/1.1\nHost: t\n\n") << 400;
    QTest::newRow("bare LF in one header") << QByteArray("GET /health HTTP/1.1\r\nHost: t\nX: y\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET /health HTTP/1.1\r\nHost : t\r\n\r\n") << 400;
    QTest::newRow("obsolete line folding") << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\n X: folded\r\n\r\n") << 400;
    QTest::newRow("bad chunk size") << QByteArray("POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    QTest::newRow("unknown HTTP version") << QByteArray("GET /health HTTP/2.0\r\nHost: t\r\n\r\n") << 400;
    QTest::newRow("unknown expectation") << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\nExpect: teapot\r\n\r\n") << 417;
}

void TestHttp::ambiguousFramingIsRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    expectRefusal(m_default->port(), request, status);
}

void TestHttp::chunkedBodyWithinTheLimitIsServed()
{
    RawHttp client(m_default->port());
    client.send("POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n");
    const QList<RawResponse> responses = client.readResponses(1);
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().status, 200);
    QCOMPARE(responses.first().body, QByteArray("hello world"));
}

void TestHttp::expectContinueIsAnswered()
{
    RawHttp client(m_default->port());
    client.send("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    QList<RawResponse> responses = client.readResponses(1, 5000);
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().status, 100); // before the body was sent
    client.send("hello");
    responses = client.readResponses(2);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(1).status, 200);
    QCOMPARE(responses.at(1).body, QByteArray("hello"));
}

void TestHttp::pipelinedRequestsComeBackInOrder()
{
    RawHttp client(m_default->port());
    client.send(get("/health", "X-Request-Id: first\r\n") + get("/nowhere", "X-Request-Id: second\r\n") +
                "POST /test/echo HTTP/1.1\r\nHost: t\r\nX-Request-Id: third\r\nContent-Length: 3\r\n\r\nabc" +
                get("/test/whoami", "X-Request-Id: fourth\r\n"));
    const QList<RawResponse> responses = client.readResponses(4);
    QCOMPARE(responses.size(), 4);
    QCOMPARE(responses.at(0).header("X-Request-Id"), QByteArray("first"));
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(1).header("X-Request-Id"), QByteArray("second"));
    QCOMPARE(responses.at(1).status, 404);
    QCOMPARE(responses.at(2).header("X-Request-Id"), QByteArray("third"));
    QCOMPARE(responses.at(2).body, QByteArray("abc"));
    QCOMPARE(responses.at(3).header("X-Request-Id"), QByteArray("fourth"));
}

void TestHttp::connectionCloseIsHonoured()
{
    RawHttp client(m_default->port());
    client.send(get("/health", "Connection: close\r\n"));
    const QByteArray bytes = client.readUntilClosed(5000);
    QCOMPARE(RawHttp::parse(bytes).value(0).status, 200);
    QVERIFY(client.closedByServer());
}

void TestHttp::idleClientIsDisconnected()
{
    auto s = server([](ServiceContext &c) { c.config.idleTimeoutS = 1; });
    RawHttp silent(s->port());
    QVERIFY(silent.connected());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(silent.readUntilClosed(5000), QByteArray()); // closed without a word
    QVERIFY(silent.closedByServer());
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));

    // A keep-alive connection is closed once idle after its answer.
    RawHttp kept(s->port());
    kept.send(get("/health"));
    const QByteArray bytes = kept.readUntilClosed(5000);
    QCOMPARE(RawHttp::parse(bytes).value(0).status, 200);
    QVERIFY(kept.closedByServer());
}

void TestHttp::tricklingClientIsCutOff()
{
    auto s = server([](ServiceContext &c) { c.config.idleTimeoutS = 1; });
    RawHttp client(s->port());
    const QByteArray request = get("/health");
    QElapsedTimer timer;
    timer.start();
    // One byte every 200 ms never lets the connection go idle, but never finishes the headers in time.
    for (qsizetype i = 0; i < request.size() - 1 && client.socket().state() == QAbstractSocket::ConnectedState; ++i) {
        client.send(request.mid(i, 1));
        if (client.socket().waitForReadyRead(200))
            break;
    }
    const QList<RawResponse> responses = RawHttp::parse(client.readUntilClosed(5000));
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().status, 408);
    QVERIFY(client.closedByServer());
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestHttp::connectionsPerAddressAreCapped()
{
    auto s = server([](ServiceContext &c) { c.config.maxConnectionsPerIp = 3; });
    std::vector<std::unique_ptr<RawHttp>> open;
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<RawHttp>(s->port()));
        open.back()->send(get("/health"));
        QCOMPARE(open.back()->readResponses(1).value(0).status, 200);
    }
    RawHttp fourth(s->port());
    const QList<RawResponse> refused = RawHttp::parse(fourth.readUntilClosed());
    QCOMPARE(refused.value(0).status, 429);
    QCOMPARE(refused.value(0).header("Retry-After"), QByteArray("1"));
    // The guard's count of open connections (what /metrics exports as inkwell_http_open_connections):
    // the refused fourth never counted.
    QCOMPARE(s->context()->connections->total(), 3);
    open.pop_back(); // one closes: room for another, once the server has let go of it
    QTRY_COMPARE_WITH_TIMEOUT(s->context()->connections->total(), 2, 5000);
    RawHttp again(s->port());
    again.send(get("/health"));
    QCOMPARE(again.readResponses(1).value(0).status, 200);
}

void TestHttp::methodMismatchIs405WithAllow()
{
    HttpClient client(m_default->url());
    const auto response = client.send("DELETE", u"/test/echo"_s);
    QCOMPARE(response.status, 405);
    QCOMPARE(response.header("Allow"), QByteArray("POST"));
    QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    const auto item = client.send("POST", u"/test/items/abc"_s, "{}");
    QCOMPARE(item.status, 405);
    QCOMPARE(item.header("Allow"), QByteArray("GET"));
}

void TestHttp::malformedPathIdIs404()
{
    HttpClient client(m_default->url());
    const auto ok = client.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value(u"id"_s).toString(), u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
    for (const QString &bad : {u"/test/items/0F8FAD5B-D9CB-469F-A165-70867728950E"_s, u"/test/items/-1"_s,
                               u"/test/items/%7B0f8fad5b-d9cb-469f-a165-70867728950e%7D"_s, u"/test/items/x"_s}) {
        const auto response = client.get(bad);
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    }
}

void TestHttp::unknownPathIsProblemWithRequestId()
{
    HttpClient client(m_default->url());
    const auto response = client.get(u"/api/v1/nothing/here"_s);
    QCOMPARE(response.status, 404);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    const QJsonObject problem = response.json();
    QCOMPARE(problem.value(u"status"_s).toInt(), 404);
    QCOMPARE(problem.value(u"title"_s).toString(), u"Not Found"_s);
    QVERIFY(!response.header("X-Request-Id").isEmpty());
    QCOMPARE(problem.value(u"request_id"_s).toString().toLatin1(), response.header("X-Request-Id"));

    // An id the client gives is echoed; one that is not safe to log is replaced.
    QCOMPARE(client.get(u"/nowhere"_s, {{"X-Request-Id", "abc-123"}}).header("X-Request-Id"), QByteArray("abc-123"));
    const QByteArray replaced = client.get(u"/nowhere"_s, {{"X-Request-Id", "bad id\"<script>"}}).header("X-Request-Id");
    QCOMPARE(replaced.size(), 32);
}

void TestHttp::throwingHandlerLeaksNothing()
{
    HttpClient client(m_default->url());
    const auto response = client.get(u"/test/throw"_s);
    QCOMPARE(response.status, 500);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    QVERIFY(!response.body.contains("secret"));
    QVERIFY(!response.body.contains("internal.cpp"));
    QVERIFY(!response.body.contains("runtime_error"));
    QCOMPARE(response.json().value(u"title"_s).toString(), u"Internal Server Error"_s);
    // The server goes on serving.
    QCOMPARE(client.get(u"/health"_s).status, 200);
}

void TestHttp::securityHeadersOnEveryAnswer()
{
    HttpClient client(m_default->url());
    RawHttp raw(m_default->port());
    raw.send("GET /health HTTP/1.1\nHost: t\n\n");
    const RawResponse refused = RawHttp::parse(raw.readUntilClosed()).value(0);
    const auto ok = client.get(u"/health"_s);
    const auto missing = client.get(u"/nope"_s);
    const auto thrown = client.get(u"/test/throw"_s);
    for (const auto &name : {QByteArray("X-Content-Type-Options"), QByteArray("X-Frame-Options"),
                             QByteArray("Content-Security-Policy"), QByteArray("Referrer-Policy"),
                             QByteArray("X-XSS-Protection"), QByteArray("X-Request-Id")}) {
        QVERIFY2(!ok.header(name).isEmpty(), name.constData());
        QVERIFY2(!missing.header(name).isEmpty(), name.constData());
        QVERIFY2(!thrown.header(name).isEmpty(), name.constData());
        QVERIFY2(!refused.header(name).isEmpty(), name.constData());
    }
    QCOMPARE(ok.header("X-XSS-Protection"), QByteArray("0"));
    QCOMPARE(ok.header("Content-Security-Policy"), QByteArray("default-src 'none'; frame-ancestors 'none'"));
    QVERIFY(ok.header("Server").isEmpty());
    QVERIFY(ok.header("Strict-Transport-Security").isEmpty()); // plain HTTP, no TLS proxy configured
    QVERIFY(ok.header("Cache-Control").isEmpty());
    QCOMPARE(client.get(u"/health"_s, {{"Authorization", "Bearer x"}}).header("Cache-Control"), QByteArray("no-store"));
}

void TestHttp::rateLimitAnswers429WithRetryAfter()
{
    auto s = server([](ServiceContext &c) { c.config.rateLimitPerMin = 5; });
    HttpClient client(s->url());
    QList<int> statuses;
    for (int i = 0; i < 8; ++i)
        statuses << client.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s).status;
    QCOMPARE(statuses, (QList<int>{200, 200, 200, 200, 200, 429, 429, 429}));
    const auto limited = client.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s);
    QCOMPARE(limited.status, 429);
    const int retryAfter = limited.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 12, limited.header("Retry-After").constData());
    QCOMPARE(limited.json().value(u"type"_s).toString(), u"/problems/rate-limited"_s);
    // Health probes are never throttled.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(client.get(u"/health"_s).status, 200);
}

void TestHttp::trustedProxyDecidesTheClientAddress()
{
    // Without a trusted proxy, X-Forwarded-For is ignored: changing it does not escape the limit.
    auto plain = server([](ServiceContext &c) { c.config.rateLimitPerMin = 2; });
    HttpClient client(plain->url());
    QList<int> statuses;
    for (int i = 0; i < 4; ++i)
        statuses << client.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s, {{"X-Forwarded-For", "198.51.100." + QByteArray::number(i)}}).status;
    QCOMPARE(statuses, (QList<int>{200, 200, 429, 429}));

    // Behind a trusted proxy (loopback here), each forwarded client has its own bucket.
    auto proxied = server([](ServiceContext &c) {
        c.config.rateLimitPerMin = 2;
        c.config.trustedProxies = {u"127.0.0.0/8"_s};
    });
    HttpClient viaProxy(proxied->url());
    statuses.clear();
    for (int i = 0; i < 4; ++i)
        statuses << viaProxy.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s, {{"X-Forwarded-For", "198.51.100." + QByteArray::number(i)}}).status;
    QCOMPARE(statuses, (QList<int>{200, 200, 200, 200}));
    statuses.clear();
    for (int i = 0; i < 3; ++i)
        statuses << viaProxy.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s, {{"X-Forwarded-For", "203.0.113.9, 127.0.0.1"}}).status;
    QCOMPARE(statuses, (QList<int>{200, 200, 429}));
}

void TestHttp::rateLimitFollowsTheUserAcrossAddresses()
{
    const QByteArray key = "4f1c2a9d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a29181706f5e4d3c2b1a09f8e";
    auto s = server([&key](ServiceContext &c) {
        c.config.rateLimitPerMin = 3;
        c.config.trustedProxies = {u"127.0.0.0/8"_s};
        c.jwtKey = key;
    });
    const JwtCodec codec(key, u"inkwelld"_s, u"inkwell"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray token = codec.sign({u"user-1"_s, u"viewer"_s, u"j1"_s, u"access"_s, now, {}, now.addSecs(900), {}, {}, {}});
    HttpClient client(s->url());
    const auto from = [](int i) -> QByteArray { return "198.51.100." + QByteArray::number(i); };
    // The same user from four addresses: the user's bucket runs out after three.
    QList<int> statuses;
    for (int i = 0; i < 4; ++i)
        statuses << client.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s,
                               {{"X-Forwarded-For", from(i)}, {"Authorization", "Bearer " + token}}).status;
    QCOMPARE(statuses, (QList<int>{200, 200, 200, 429}));
    // A forged token (another key) has no bucket of its own and cannot drain the real user's.
    const JwtCodec forger(QByteArray(64, 'z') + "0123456789abcdefghij", u"inkwelld"_s, u"inkwell"_s);
    const QByteArray forged = forger.sign({u"user-2"_s, u"viewer"_s, u"j2"_s, u"access"_s, now, {}, now.addSecs(900), {}, {}, {}});
    statuses.clear();
    for (int i = 10; i < 14; ++i)
        statuses << client.get(u"/test/items/0f8fad5b-d9cb-469f-a165-70867728950e"_s,
                               {{"X-Forwarded-For", from(i)}, {"Authorization", "Bearer " + forged}}).status;
    QCOMPARE(statuses, (QList<int>{200, 200, 200, 200}));
}

void TestHttp::corsPreflight_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allowOrigin");
    QTest::newRow("allowed origin") << QByteArray("https://app.example") << QByteArray("POST") << 204
                                    << QByteArray("https://app.example");
    QTest::newRow("refused origin") << QByteArray("https://evil.example") << QByteArray("POST") << 403 << QByteArray();
    QTest::newRow("null origin") << QByteArray("null") << QByteArray("POST") << 403 << QByteArray();
    QTest::newRow("method the route lacks") << QByteArray("https://app.example") << QByteArray("DELETE") << 405
                                            << QByteArray("https://app.example");
    QTest::newRow("origin differing in port") << QByteArray("https://app.example:8443") << QByteArray("POST") << 403
                                              << QByteArray();
}

void TestHttp::corsPreflight()
{
    QFETCH(QByteArray, origin);
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QByteArray, allowOrigin);
    auto s = server([](ServiceContext &c) { c.config.corsOrigins = {u"https://app.example"_s}; });
    HttpClient client(s->url());
    const auto preflight =
        client.send("OPTIONS", u"/test/echo"_s, {}, {{"Origin", origin}, {"Access-Control-Request-Method", method}});
    QCOMPARE(preflight.status, status);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), allowOrigin);
    if (status == 204) {
        QCOMPARE(preflight.header("Access-Control-Allow-Methods"), QByteArray("POST"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("If-Match"));
    }
    // The actual request carries the CORS header only for an allowed origin.
    const auto actual = client.send("POST", u"/test/echo"_s, "x", {{"Origin", origin}, {"Content-Type", "text/plain"}});
    QCOMPARE(actual.status, 200);
    QCOMPARE(actual.header("Access-Control-Allow-Origin"), allowOrigin);
    QCOMPARE(actual.header("Vary"), QByteArray("Origin"));
}

void TestHttp::blockingDatabaseWorkStallsOnlyItsThread()
{
    auto s = server({}, 2);
    RouteProbes &probe = probes();
    const int blocking = probe.dbBlocking.load();
    const int unblocked = probe.dbUnblocked.load();
    RawHttp blocker(s->port());
    blocker.send(get("/test/sleep-db")); // 1.5 s of blocking SQL on one listener's thread
    QTRY_COMPARE_WITH_TIMEOUT(probe.dbBlocking.load(), blocking + 1, 10000); // that thread is in the query now
    // New connections land on both listeners (the kernel spreads them over the SO_REUSEPORT sockets).
    std::vector<std::unique_ptr<RawHttp>> clients;
    for (int i = 0; i < 16; ++i) {
        clients.push_back(std::make_unique<RawHttp>(s->port()));
        clients.back()->send(get("/test/whoami"));
    }
    // Which answers arrive while that query still runs. Sockets only take in bytes between two calls
    // of the predicate, so bytes seen after finding the query still running arrived while it ran.
    QList<bool> answeredWhileBlocked(qsizetype(clients.size()), false);
    QList<bool> answered(qsizetype(clients.size()), false);
    const bool allAnswered = QTest::qWaitFor(
        [&] {
            const bool stillBlocked = probe.dbUnblocked.load() == unblocked;
            for (qsizetype i = 0; i < answered.size(); ++i) {
                if (!answered.at(i) && clients[size_t(i)]->socket().bytesAvailable() > 0) {
                    answered[i] = true;
                    answeredWhileBlocked[i] = stillBlocked;
                }
            }
            return !answered.contains(false);
        },
        10000);
    QVERIFY(allAnswered);
    const QList<RawResponse> blocked = blocker.readResponses(1, 5000);
    QCOMPARE(blocked.value(0).status, 200);
    const int blockedListener = QJsonDocument::fromJson(blocked.first().body).object().value(u"listener"_s).toInt();

    int onTheOtherListener = 0;
    for (qsizetype i = 0; i < qsizetype(clients.size()); ++i) {
        const QList<RawResponse> responses = clients[size_t(i)]->readResponses(1, 5000);
        QCOMPARE(responses.value(0).status, 200);
        const int listener = QJsonDocument::fromJson(responses.first().body).object().value(u"listener"_s).toInt();
        if (listener != blockedListener) {
            ++onTheOtherListener;
            QVERIFY2(answeredWhileBlocked.at(i), "a request on the free listener waited for the blocked one");
        }
    }
    // 16 connections all on one of two sockets would be a 1 in 32768 chance.
    QVERIFY(onTheOtherListener > 0);
}

void TestHttp::deferredWorkDoesNotStallItsThread()
{
    // One listener thread: whatever it serves while a worker holds the job proves the thread is free.
    auto s = server({}, 1);
    RouteProbes &probe = probes();
    probe.held.tryAcquire(probe.held.available()); // nothing left over from a failed test
    const int jobs = probe.workerJobs.load();
    RawHttp slow(s->port());
    slow.send(get("/test/deferred?hold=1"));
    auto letGo = qScopeGuard([&probe] { probe.held.release(); });        // a failed check must not leave it held
    QTRY_COMPARE_WITH_TIMEOUT(probe.workerJobs.load(), jobs + 1, 10000); // the listener handed the job over
    // The job is held until the test lets it go: every answer here comes while the worker is busy.
    for (int i = 0; i < 5; ++i) {
        RawHttp quick(s->port());
        quick.send(get("/test/whoami"));
        const QList<RawResponse> answer = quick.readResponses(1, 5000);
        QVERIFY2(answer.value(0).status == 200, "the listener waited for the worker");
    }
    letGo.dismiss();
    probe.held.release();
    const QList<RawResponse> deferred = slow.readResponses(1, 5000);
    QCOMPARE(deferred.value(0).status, 200);
    QCOMPARE(QJsonDocument::fromJson(deferred.first().body).object().value(u"released"_s), QJsonValue(true));
    QVERIFY(!deferred.first().header("X-Request-Id").isEmpty());
    QCOMPARE(deferred.first().header("X-Content-Type-Options"), QByteArray("nosniff"));
    QVERIFY(deferred.first().header("Connection").isEmpty()); // the connection stays open for the next request
}

void TestHttp::requestPipelinedBehindDeferredAnswerIsNotAnsweredFirst()
{
    // QHttpServer 6.4 would answer the second request at once, before the first: the connection guard
    // holds it back until the deferred answer is written, then it is served on the same connection.
    RawHttp client(m_default->port());
    client.send(get("/test/deferred?ms=300", "X-Request-Id: first\r\n") +
                get("/test/whoami", "X-Request-Id: second\r\n"));
    const QList<RawResponse> answers = client.readResponses(2, 5000);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(0).header("X-Request-Id"), QByteArray("first"));
    QCOMPARE(QJsonDocument::fromJson(answers.at(0).body).object().value(u"slept_ms"_s).toInt(), 300);
    QVERIFY(answers.at(0).header("Connection").isEmpty());
    QCOMPARE(answers.at(1).header("X-Request-Id"), QByteArray("second"));
    QCOMPARE(answers.at(1).status, 200);
    QVERIFY(!client.closedByServer());
    QVERIFY(client.connected());
}

void TestHttp::requestsPipelinedBehindASignInAreAnsweredInOrder_data()
{
    QTest::addColumn<QByteArray>("route");
    QTest::addColumn<int>("status");
    QTest::newRow("login") << QByteArray("/api/v1/auth/login") << 200;
    QTest::newRow("registration") << QByteArray("/api/v1/auth/register") << 201;
    QTest::newRow("password change") << QByteArray("/api/v1/auth/password") << 204;
}

void TestHttp::requestsPipelinedBehindASignInAreAnsweredInOrder()
{
    // A client that signs in and goes on at once (the desktop app's sync does) pipelines its next
    // requests behind the answer that hashes a password on a worker. They are answered, in order, on
    // the one connection: none is dropped and none comes back before the sign-in.
    QFETCH(QByteArray, route);
    QFETCH(int, status);
    static int serial = 0;
    const QString email = u"pipeline%1.%2@example.org"_s.arg(QDateTime::currentMSecsSinceEpoch()).arg(++serial);
    const QString password = u"quiet harbour lantern 71"_s;
    const auto json = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    QByteArray token;
    QByteArray body;
    if (route.endsWith("/register")) {
        body = json({{u"email"_s, email}, {u"password"_s, password}, {u"full_name"_s, u"Pipe Liner"_s}});
    } else {
        const inkwell::test::HttpResponse registered =
            HttpClient(m_default->url())
                .send("POST", u"/api/v1/auth/register"_s,
                      json({{u"email"_s, email}, {u"password"_s, password}, {u"full_name"_s, u"Pipe Liner"_s}}));
        QCOMPARE(registered.status, 201);
        token = registered.json().value(u"access_token"_s).toString().toLatin1();
        QVERIFY(!token.isEmpty());
        body = route.endsWith("/login")
                   ? json({{u"email"_s, email}, {u"password"_s, password}})
                   : json({{u"current_password"_s, password}, {u"new_password"_s, u"other harbour lantern 72"_s}});
    }
    const QByteArray authorization = token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token + "\r\n";
    RawHttp client(m_default->port());
    client.send("POST " + route + " HTTP/1.1\r\nHost: t\r\nX-Request-Id: first\r\nContent-Type: application/json\r\n" +
                authorization + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body +
                get("/test/whoami", "X-Request-Id: second\r\n") + get("/nowhere", "X-Request-Id: third\r\n"));
    const QList<RawResponse> answers = client.readResponses(3, 10000);
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers.at(0).header("X-Request-Id"), QByteArray("first"));
    QCOMPARE(answers.at(0).status, status);
    QVERIFY(answers.at(0).header("Connection").isEmpty());
    QCOMPARE(answers.at(1).header("X-Request-Id"), QByteArray("second"));
    QCOMPARE(answers.at(1).status, 200);
    QCOMPARE(answers.at(2).header("X-Request-Id"), QByteArray("third"));
    QCOMPARE(answers.at(2).status, 404);
    // Still the same open connection: the next request is answered on it.
    QVERIFY(!client.closedByServer());
    client.send(get("/health", "X-Request-Id: fourth\r\n"));
    const QList<RawResponse> more = client.readResponses(4, 5000);
    QCOMPARE(more.size(), 4);
    QCOMPARE(more.at(3).header("X-Request-Id"), QByteArray("fourth"));
    QCOMPARE(more.at(3).status, 200);
}

void TestHttp::connectionCloseOnADeferredRequestIsHonoured()
{
    // "Connection: close" on the deferred request: its answer says so, the connection ends after it,
    // and what was pipelined behind it is not answered.
    RawHttp client(m_default->port());
    client.send(get("/test/deferred?ms=50", "Connection: close\r\n") + get("/test/whoami"));
    const QList<RawResponse> answers = RawHttp::parse(client.readUntilClosed(5000));
    QVERIFY(client.closedByServer());
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    QCOMPARE(answers.first().header("Connection").toLower(), QByteArray("close"));
}

void TestHttp::clientLeavingBeforeDeferredAnswerIsHarmless()
{
    auto s = server({}, 1);
    RouteProbes &probe = probes();
    probe.held.tryAcquire(probe.held.available()); // nothing left over from a failed test
    const int jobs = probe.workerJobs.load();
    auto letGo = qScopeGuard([&probe] { probe.held.release(); }); // a failed check must not leave it held
    {
        RawHttp leaving(s->port());
        leaving.send(get("/test/deferred?hold=1"));
        QTRY_COMPARE_WITH_TIMEOUT(probe.workerJobs.load(), jobs + 1, 10000); // the job runs: an answer is owed
    } // closed before the answer
    // The server has seen the client go and let go of its connection; only then does the job end.
    QTRY_COMPARE_WITH_TIMEOUT(s->context()->connections->total(), 0, 10000);
    letGo.dismiss();
    probe.held.release();
    // The answer nobody read was still counted (once the worker is done).
    QByteArray metrics;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (metrics = HttpClient(s->url()).get(u"/metrics"_s).body).contains("route=\"/test/deferred\",status=\"200\"} 1"),
        metrics.constData(), 10000);
    // And the server goes on serving.
    RawHttp next(s->port());
    next.send(get("/test/whoami"));
    QCOMPARE(next.readResponses(1, 5000).value(0).status, 200);
}

void TestHttp::gracefulStopCompletesInFlightRequests()
{
    auto s = server({}, 4);
    const int serving = probes().slowServing.load();
    std::vector<std::unique_ptr<RawHttp>> clients;
    for (int i = 0; i < 50; ++i) {
        clients.push_back(std::make_unique<RawHttp>(s->port()));
        QVERIFY(clients.back()->connected());
        clients.back()->send(get("/test/slow"));
    }
    // The first ones are being served, the rest wait their turn.
    QTRY_VERIFY_WITH_TIMEOUT(probes().slowServing.load() > serving, 10000);
    s->stop();         // what SIGTERM does: drain, then close
    for (auto &client : clients) {
        const QList<RawResponse> responses = RawHttp::parse(client->readUntilClosed(20000));
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses.first().status, 200);
        QCOMPARE(responses.first().body.size(), 10000);
        QCOMPARE(responses.first().header("Connection"), QByteArray("close"));
    }
    // And nothing listens any more.
    RawHttp late(s->port());
    QVERIFY(!late.connected());
}

void TestHttp::metricsCountRequests()
{
    auto s = server();
    HttpClient client(s->url());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(client.get(u"/health"_s).status, 200);
    QCOMPARE(client.get(u"/nope"_s).status, 404);
    RawHttp bad(s->port());
    bad.send("GET /health HTTP/1.1\nHost: t\n\n");
    bad.readUntilClosed();
    const auto metrics = client.get(u"/metrics"_s);
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    const QByteArray text = metrics.body;
    QVERIFY2(text.contains("inkwell_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"} 3\n"), text.constData());
    QVERIFY(text.contains("inkwell_http_requests_total{method=\"GET\",route=\"-\",status=\"404\"} 1\n"));
    QVERIFY(text.contains("inkwell_http_request_duration_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 3\n"));
    QVERIFY(text.contains("inkwell_http_request_duration_seconds_bucket{method=\"GET\",route=\"/health\",status=\"200\",le=\"+Inf\"} 3\n"));
    QVERIFY(text.contains("inkwell_http_refused_total{status=\"400\"} 1\n"));
    QVERIFY(text.contains("inkwell_http_open_connections "));
    QVERIFY(text.contains("inkwell_db_connections{state=\"max\"} 2\n"));
    QVERIFY(text.contains("inkwell_sse_open_streams 0\n"));
}

void TestHttp::openApiListsEveryRouteAndValidates()
{
    HttpClient client(m_default->url());
    const auto response = client.get(u"/openapi.json"_s);
    QCOMPARE(response.status, 200);
    const QJsonObject document = response.json();
    QCOMPARE(document.value(u"openapi"_s).toString(), u"3.1.0"_s);

    // The document and the router agree, route by route and method by method.
    QSet<QString> documented;
    const QJsonObject paths = document.value(u"paths"_s).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            documented.insert(op.key().toUpper() + u' ' + path.key());
            QVERIFY2(!op.value().toObject().value(u"summary"_s).toString().isEmpty(), qPrintable(path.key()));
        }
    }
    QSet<QString> routed;
    for (const RouteInfo &route : m_default->http()->routes()) {
        routed.insert(QString::fromLatin1(methodName(route.method)) + u' ' + openApiPath(route));
        QCOMPARE(route.pattern.count(u"<arg>"_s), route.options.pathParams.size());
    }
    QCOMPARE(documented, routed);
    for (const QString &required : {u"GET /health"_s, u"GET /health/db"_s, u"GET /metrics"_s, u"GET /openapi.json"_s,
                                    u"GET /test/items/{id}"_s, u"POST /api/v1/auth/login"_s,
                                    u"PATCH /api/v1/admin/users/{id}"_s})
        QVERIFY2(routed.contains(required), qPrintable(required));

    // Every body the API takes and every answer with a body has a schema, each a component of the document.
    const QJsonObject schemas = document.value(u"components"_s).toObject().value(u"schemas"_s).toObject();
    const auto refersToAComponent = [&](const QJsonObject &content, const QString &where) {
        QVERIFY2(!content.isEmpty(), qPrintable(where + u": no content"_s));
        for (auto media = content.begin(); media != content.end(); ++media) {
            const QJsonObject schema = media.value().toObject().value(u"schema"_s).toObject();
            const QString ref = schema.value(u"$ref"_s).toString();
            if (ref.isEmpty()) { // text (a stream, the metrics) is described in words
                QCOMPARE(schema.value(u"type"_s).toString(), u"string"_s);
                QVERIFY2(!schema.value(u"description"_s).toString().isEmpty(), qPrintable(where));
                continue;
            }
            QVERIFY2(ref.startsWith(u"#/components/schemas/"_s), qPrintable(where + u": "_s + ref));
            QVERIFY2(schemas.contains(ref.section(u'/', -1)), qPrintable(where + u": "_s + ref));
        }
    };
    // Writes that take no body: their path says it all.
    const QSet<QString> bodiless{u"POST /api/v1/articles/{id}/publish"_s,
                                 u"POST /api/v1/articles/{id}/unpublish"_s,
                                 u"POST /api/v1/articles/{id}/archive"_s,
                                 u"POST /api/v1/admin/articles/{id}/restore"_s,
                                 u"PUT /api/v1/users/{id}/follow"_s,
                                 u"POST /api/v1/conversations/{id}/messages/{message_id}/cancel"_s,
                                 u"POST /api/v1/conversations/{id}/messages/{message_id}/regenerate"_s,
                                 u"POST /api/v1/notifications/{id}/read"_s,
                                 u"POST /api/v1/notifications/read-all"_s};
    int bodies = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        if (path.key().startsWith(u"/test/"_s)) // this binary's own routes
            continue;
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            const QString where = op.key().toUpper() + u' ' + path.key();
            const QJsonObject operation = op.value().toObject();
            if (operation.contains(u"requestBody"_s)) {
                const QJsonObject body = operation.value(u"requestBody"_s).toObject();
                QVERIFY2(body.value(u"required"_s).toBool(), qPrintable(where));
                QCOMPARE(body.value(u"content"_s).toObject().keys(), QStringList{u"application/json"_s});
                refersToAComponent(body.value(u"content"_s).toObject(), where);
                ++bodies;
            } else {
                QVERIFY2(op.key() == u"get"_s || op.key() == u"delete"_s || bodiless.contains(where),
                         qPrintable(where + u" takes no body?"_s));
            }
            const QJsonObject responses = operation.value(u"responses"_s).toObject();
            for (auto answer = responses.begin(); answer != responses.end(); ++answer) {
                if (answer.key() == u"204"_s) {
                    QVERIFY2(!answer.value().toObject().contains(u"content"_s), qPrintable(where));
                    continue;
                }
                refersToAComponent(answer.value().toObject().value(u"content"_s).toObject(),
                                   where + u" → "_s + answer.key());
            }
        }
    }
    // The routes this binary serves that take one: register, login, refresh, logout, password, profile, admin patch
    // (tst_contract checks every module's).
    QCOMPARE(bodies, 7);

    // A real validator, installed by the test command (installer/test.sh).
    QTemporaryFile file(QDir::tempPath() + u"/openapi-XXXXXX.json"_s);
    QVERIFY(file.open());
    file.write(response.body);
    file.close();
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NODE_PATH"_s, QStringLiteral(INKWELL_NODE_MODULES));
    node.setProcessEnvironment(env);
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(u"node"_s, {QStringLiteral(INKWELL_SOURCE_DIR "/tests/tools/validate-openapi.cjs"), file.fileName()});
    QVERIFY2(node.waitForFinished(60000), "node did not finish");
    const QByteArray output = node.readAll();
    QVERIFY2(node.exitCode() == 0, output.constData());
    QVERIFY2(output.startsWith("valid OpenAPI 3.1.0"), output.constData());
}

void TestHttp::jsonWriterEscapesAsQJsonDocument_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected"); // the JSON string, quotes included

    QTest::newRow("empty") << QString() << QByteArray(R"("")");
    QTest::newRow("plain") << u"Plain words, 42 / 7 ~ {x}."_s << QByteArray(R"("Plain words, 42 / 7 ~ {x}.")");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray(R"("say \"hi\"")");
    QTest::newRow("backslash") << u"C:\\dir\\"_s << QByteArray(R"("C:\\dir\\")");
    QTest::newRow("short escapes") << u"\b\f\n\r\t"_s << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("NUL") << QString(QChar(0)) << QByteArray(R"("\u0000")");
    for (char16_t c : {u'\x01', u'\x07', u'\x0b', u'\x0e', u'\x1b', u'\x1f'})
        QTest::addRow("control 0x%02x", unsigned(c))
            << QString(QChar(c))
            << QByteArray("\"\\u00" + QByteArray::number(unsigned(c), 16).rightJustified(2, '0') + '"');
    QTest::newRow("DEL is not escaped") << u"a\x7f"_s << QByteArray("\"a\x7f\"");
    QTest::newRow("two-byte UTF-8") << u"caf\u00e9"_s << QByteArray("\"caf\xc3\xa9\"");
    QTest::newRow("three-byte UTF-8") << u"\u4e2d\u6587"_s << QByteArray("\"\xe4\xb8\xad\xe6\x96\x87\"");
    QTest::newRow("U+2028 and U+2029 are not escaped") << u"a\u2028b\u2029"_s
                                                       << QByteArray("\"a\xe2\x80\xa8"
                                                                     "b\xe2\x80\xa9\"");
    QTest::newRow("surrogate pair") << u"\U0001F600!"_s << QByteArray("\"\xf0\x9f\x98\x80!\"");
    QTest::newRow("lone high surrogate") << QString(QChar(0xd83d)) + u'x' << QByteArray(R"("\ud83dx")");
    QTest::newRow("lone high surrogate at the end") << u"x"_s + QChar(0xd83d) << QByteArray(R"("x\ud83d")");
    QTest::newRow("lone low surrogate") << QString(QChar(0xde00)) << QByteArray(R"("\ude00")");

    // Long strings: escapes and characters across the writer's chunks (8,192 UTF-16 units, 16,384 UTF-8 bytes) and
    // its 8- and 16-character steps.
    const QString run = QString(8191, u'a');
    QTest::newRow("pair across a chunk") << run + u"\U0001F600"_s + run << QByteArray();
    QTest::newRow("escape at a chunk's end") << run + u'"' + run + u'\n' << QByteArray();
    QTest::newRow("escapes at every step") << u"0123456\"89abcde\\ghijklmnopqrstu\tvw"_s.repeated(700) << QByteArray();
    QTest::newRow("mixed prose") << u"Caf\u00e9 \"Zo\u00eb\"\n\t\u2014 \U0001F600 \\ done.\r\n"_s.repeated(1200)
                                 << QByteArray();
}

void TestHttp::jsonWriterEscapesAsQJsonDocument()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    // What QJsonDocument writes for the string (the change feed's answers were written by it before, and clients
    // compare against it): its array form, without the brackets.
    const QByteArray qt = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).chopped(1).sliced(1);
    if (!expected.isEmpty())
        QCOMPARE(qt, expected); // the table says what JSON this is; Qt agrees
    QByteArray fromUtf16 = "prefix:";
    JsonWriter::appendString(fromUtf16, text);
    QCOMPARE(fromUtf16, "prefix:" + qt);
    // The UTF-8 path, for text that is well-formed (what the database sends).
    const bool wellFormed = QString::fromUtf8(text.toUtf8()) == text;
    if (wellFormed) {
        QByteArray fromUtf8 = "prefix:";
        JsonWriter::appendUtf8String(fromUtf8, text.toUtf8());
        QCOMPARE(fromUtf8, "prefix:" + qt);
    }
    // And what a reader makes of it is the text again.
    const QJsonDocument read = QJsonDocument::fromJson('[' + fromUtf16.sliced(7) + ']');
    QVERIFY(read.isArray());
    if (wellFormed)
        QCOMPARE(read.array().at(0).toString(), text);
}

void TestHttp::jsonWriterSeparatesMembersAndElements()
{
    QByteArray out;
    JsonWriter json(out);
    json.beginObject();
    json.name("a"_L1);
    json.beginArray();
    json.value(qint64(-9007199254740991));
    json.value(true);
    json.null();
    json.value(u"x"_s);
    json.beginObject();
    json.endObject();
    json.beginArray();
    json.endArray();
    json.rawValue("12");
    json.utf8Value("\xc3\xa9");
    json.endArray();
    json.name("b"_L1);
    json.beginObject();
    json.name("c"_L1);
    json.value(false);
    json.name("d"_L1);
    json.value(0);
    json.endObject();
    json.endObject();
    QCOMPARE(out, QByteArray(
                      "{\"a\":[-9007199254740991,true,null,\"x\",{},[],12,\"\xc3\xa9\"],\"b\":{\"c\":false,\"d\":0}}"));
    QVERIFY(QJsonDocument::fromJson(out).isObject());
}

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
