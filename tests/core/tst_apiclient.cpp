// The desktop's API client against the real inkwelld (bundled PostgreSQL, real HTTP over loopback), and against a
// canned loopback server for answers the real one never gives (extra members, broken JSON, a slow stream).
#include "api/apiclient.h"
#include "inkwelldprocess.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace inkwell;
using inkwell::api::ApiCall;
using inkwell::api::ApiClient;
using inkwell::api::ApiError;
using inkwell::api::ApiResult;

namespace {

constexpr auto kPassword = "correct horse battery staple";

/// Collects one callback's result so a test can wait for it.
template <typename T> struct Outcome {
    std::optional<ApiResult<T>> result;
    auto callback()
    {
        return [this](ApiResult<T> value) { result = std::move(value); };
    }
    bool arrived() const { return result.has_value(); }
    const ApiResult<T> &operator*() const { return *result; }
    const ApiResult<T> *operator->() const { return &*result; }
};

/// The error message of a failed outcome, empty for a success (QVERIFY2 evaluates its message eagerly).
template <typename T> QString why(const Outcome<T> &outcome)
{
    return outcome.arrived() && !*outcome ? outcome->error().message() : QString();
}

/// A loopback HTTP server that answers every request with the next canned response (or holds the connection
/// open and lets the test write to it, for streams).
class CannedServer : public QObject {
public:
    CannedServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_received += socket->readAll();
                    if (!m_received.contains("\r\n\r\n"))
                        return;
                    m_requestLines.append(m_received.left(m_received.indexOf("\r\n")));
                    m_received.clear();
                    m_socket = socket;
                    if (!m_answers.isEmpty())
                        socket->write(m_answers.takeFirst());
                });
            }
        });
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    void answerJson(int status, const QByteArray &json)
    {
        m_answers.append("HTTP/1.1 " + QByteArray::number(status) +
                         " X\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size()) +
                         "\r\n\r\n" + json);
    }
    void answerRaw(const QByteArray &bytes) { m_answers.append(bytes); }
    QTcpSocket *socket() const { return m_socket; }
    /// The request lines received so far ("GET /path?query HTTP/1.1").
    QList<QByteArray> requestLines() const { return m_requestLines; }

private:
    QTcpServer m_server;
    QList<QByteArray> m_answers;
    QByteArray m_received;
    QList<QByteArray> m_requestLines;
    QPointer<QTcpSocket> m_socket;
};

QByteArray meJson(const QString &extraMember = {})
{
    QByteArray json = R"({"id":"6d4c0b6e-5a4a-4b54-9a0e-3f2d1c0b9a88","email":"ada@example.com","full_name":"Ada",)"
                      R"("role":"creator","bio":null,"avatar_url":null,"is_active":true,)"
                      R"("created_at":"2026-11-26T16:12:01.123Z","updated_at":"2026-11-26T16:12:01.123Z")";
    if (!extraMember.isEmpty())
        json += ',' + extraMember.toUtf8();
    return json + '}';
}

/// The value of `name` in a request target's query, decoded as application/x-www-form-urlencoded (api.md: '+' is
/// a space, %XX a byte of UTF-8); a null string when the parameter is missing.
QString formValue(const QByteArray &target, const QByteArray &name)
{
    const QByteArray query = target.mid(target.indexOf('?') + 1);
    for (QByteArray item : query.split('&')) {
        if (!item.startsWith(QByteArray(name + '=')))
            continue;
        item = item.mid(name.size() + 1).replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(item));
    }
    return {};
}

} // namespace

class TestApiClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void registerSignsIn();
    void wrongPasswordIsReadable();
    void validationErrorsNameEveryField();
    void expiredAccessTokenIsRefreshedOnceForManyCalls();
    void refusedAccessTokenIsRefreshedAndReplayed();
    void refusedRefreshEndsTheSession();
    void logoutRevokesTheRefreshToken();
    void staleIfMatchCarriesTheCurrentArticle();
    void changeFeedReadsAsTypes();
    void searchHitsComeWithoutBodies();
    void unreachableServerIsOffline();
    void callbackIsNotCalledAfterItsContextDied();
    void abortedCallNeverCallsBack();

    void unknownMembersAreIgnored();
    void typedTextIsSentAsTyped_data();
    void typedTextIsSentAsTyped();
    void badAnswersAreErrors_data();
    void badAnswersAreErrors();
    void rateLimitSaysWhenToRetry();
    void streamEventsArriveAsTheyComeIn();
    void streamCutMidwayIsAnError();

private:
    /// A fresh account on the real server; the client holds its session.
    std::unique_ptr<ApiClient> signedInClient(const QString &email, api::AuthGrant *grantOut = nullptr);

    std::unique_ptr<test::InkwelldProcess> m_server;
    int m_accounts = 0;
};

void TestApiClient::initTestCase()
{
    m_server = std::make_unique<test::InkwelldProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestApiClient::cleanupTestCase()
{
    m_server.reset();
}

std::unique_ptr<ApiClient> TestApiClient::signedInClient(const QString &email, api::AuthGrant *grantOut)
{
    auto client = std::make_unique<ApiClient>(m_server->url());
    Outcome<api::AuthGrant> outcome;
    client->registerAccount({email, QString::fromLatin1(kPassword), u"Test Writer"_s}, this, outcome.callback());
    if (!QTest::qWaitFor([&] { return outcome.arrived(); }, 20000) || !*outcome) {
        qWarning() << "registration failed" << why(outcome);
        return nullptr;
    }
    if (grantOut)
        *grantOut = **outcome;
    return client;
}

void TestApiClient::registerSignsIn()
{
    auto client = std::make_unique<ApiClient>(m_server->url());
    QSignalSpy tokens(client.get(), &ApiClient::tokensChanged);
    QSignalSpy users(client.get(), &ApiClient::userChanged);
    Outcome<api::AuthGrant> registered;
    client->registerAccount({u"grace@example.com"_s, QString::fromLatin1(kPassword), u"Grace Hopper"_s}, this,
                            registered.callback());
    QTRY_VERIFY_WITH_TIMEOUT(registered.arrived(), 20000);
    QVERIFY2(*registered, qPrintable(why(registered)));
    QCOMPARE((*registered)->user.email, u"grace@example.com"_s);
    QCOMPARE(tokens.count(), 1);
    QCOMPARE(tokens.at(0).at(0).toString(), (*registered)->refreshToken);
    QCOMPARE(users.count(), 1);
    QVERIFY(client->hasSession());

    Outcome<User> me;
    client->me(this, me.callback());
    QTRY_VERIFY_WITH_TIMEOUT(me.arrived(), 10000);
    QVERIFY2(*me, qPrintable(why(me)));
    QCOMPARE((*me)->fullName, u"Grace Hopper"_s);
    QCOMPARE((*me)->id, (*registered)->user.id);
}

void TestApiClient::wrongPasswordIsReadable()
{
    ApiClient client(m_server->url());
    Outcome<api::AuthGrant> login;
    client.login({u"nobody@example.com"_s, u"not the password at all"_s}, this, login.callback());
    QTRY_VERIFY_WITH_TIMEOUT(login.arrived(), 20000);
    QVERIFY(!*login);
    const ApiError &error = login->error();
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.status, 401);
    QVERIFY(!error.isUnreachable());
    QVERIFY(!error.requestId.isEmpty());
    // A sentence from the problem document, not JSON and not a bare status.
    QVERIFY2(!error.message().contains(u'{') && error.message().size() > 10, qPrintable(error.message()));
    QVERIFY(!client.hasSession());
}

void TestApiClient::validationErrorsNameEveryField()
{
    ApiClient client(m_server->url());
    Outcome<api::ApiResponse> registered;
    // Built by hand: the typed input would be refused by core's own rules before it left.
    client.send(
        {.method = "POST",
         .path = u"/api/v1/auth/register"_s,
         .body = QJsonObject{{u"email"_s, u"not-an-address"_s}, {u"password"_s, u"short"_s}, {u"full_name"_s, u"X"_s}},
         .authenticated = false},
        this, registered.callback());
    QTRY_VERIFY_WITH_TIMEOUT(registered.arrived(), 20000);
    QVERIFY(!*registered);
    const ApiError &error = registered->error();
    QCOMPARE(error.status, 422);
    QStringList fields;
    for (const FieldError &field : error.fieldErrors)
        fields.append(field.field);
    QVERIFY2(fields.contains(u"email"_s) && fields.contains(u"password"_s), qPrintable(fields.join(u',')));
    QVERIFY2(error.message().contains(u"email: "_s) && error.message().contains(u"password: "_s),
             qPrintable(error.message()));
}

void TestApiClient::expiredAccessTokenIsRefreshedOnceForManyCalls()
{
    api::AuthGrant grant;
    auto client = signedInClient(u"refresh-many@example.com"_s, &grant);
    QVERIFY(client);
    // The access token is about to expire: five calls at once trigger one refresh, then all go out.
    client->setSession(grant.accessToken, grant.refreshToken, 5);
    QSignalSpy tokens(client.get(), &ApiClient::tokensChanged);
    QList<std::shared_ptr<Outcome<User>>> outcomes;
    for (int i = 0; i < 5; ++i) {
        outcomes.append(std::make_shared<Outcome<User>>());
        client->me(this, outcomes.last()->callback());
    }
    QVERIFY(client->refreshing());
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.cbegin(), outcomes.cend(), [](auto &o) { return o->arrived(); }),
                             20000);
    for (const auto &outcome : outcomes)
        QVERIFY2(**outcome, qPrintable(why(*outcome)));
    QCOMPARE(tokens.count(), 1);
    QVERIFY(client->refreshToken() != grant.refreshToken); // rotated
}

void TestApiClient::refusedAccessTokenIsRefreshedAndReplayed()
{
    api::AuthGrant grant;
    auto client = signedInClient(u"refresh-401@example.com"_s, &grant);
    QVERIFY(client);
    // An access token the server refuses (signed with another key) but a good refresh token: the call meets a
    // 401, waits for one refresh and is sent again with the new token.
    client->setSession(u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"_s, grant.refreshToken, 900);
    QSignalSpy tokens(client.get(), &ApiClient::tokensChanged);
    QSignalSpy ended(client.get(), &ApiClient::sessionEnded);
    Outcome<User> first;
    Outcome<User> second;
    client->me(this, first.callback());
    client->me(this, second.callback());
    QTRY_VERIFY_WITH_TIMEOUT(first.arrived() && second.arrived(), 20000);
    QVERIFY2(*first, qPrintable(why(first)));
    QVERIFY2(*second, qPrintable(why(second)));
    QCOMPARE((*first)->id, grant.user.id);
    QCOMPARE(tokens.count(), 1);
    QCOMPARE(ended.count(), 0);
}

void TestApiClient::refusedRefreshEndsTheSession()
{
    api::AuthGrant grant;
    auto client = signedInClient(u"refresh-refused@example.com"_s, &grant);
    QVERIFY(client);
    // Spend the refresh token elsewhere, so the client holds a spent one (and a stale access token).
    ApiClient other(m_server->url());
    other.setSession(QString(), grant.refreshToken);
    Outcome<User> viaOther;
    other.me(this, viaOther.callback());
    QTRY_VERIFY_WITH_TIMEOUT(viaOther.arrived(), 20000);
    QVERIFY(*viaOther);

    client->setSession(QString(), grant.refreshToken);
    QSignalSpy ended(client.get(), &ApiClient::sessionEnded);
    Outcome<User> first;
    Outcome<User> second;
    client->me(this, first.callback());
    client->me(this, second.callback());
    QTRY_VERIFY_WITH_TIMEOUT(first.arrived() && second.arrived(), 20000);
    QVERIFY(!*first && !*second);
    QCOMPARE(first->error().status, 401);
    QCOMPARE(ended.count(), 1);
    QVERIFY(!client->hasSession());
    QVERIFY2(first->error().message().contains(u"sign in"_s), qPrintable(first->error().message()));
}

void TestApiClient::logoutRevokesTheRefreshToken()
{
    api::AuthGrant grant;
    auto client = signedInClient(u"logout@example.com"_s, &grant);
    QVERIFY(client);
    Outcome<void> loggedOut;
    client->logout(this, loggedOut.callback());
    QTRY_VERIFY_WITH_TIMEOUT(loggedOut.arrived(), 10000);
    QVERIFY2(*loggedOut, qPrintable(why(loggedOut)));
    QVERIFY(!client->hasSession());

    ApiClient again(m_server->url());
    again.setSession(QString(), grant.refreshToken);
    Outcome<User> me;
    again.me(this, me.callback());
    QTRY_VERIFY_WITH_TIMEOUT(me.arrived(), 10000);
    QVERIFY(!*me);
    QCOMPARE(me->error().status, 401);
}

void TestApiClient::staleIfMatchCarriesTheCurrentArticle()
{
    auto client = signedInClient(u"ifmatch@example.com"_s);
    QVERIFY(client);
    const QUuid id = QUuid::createUuid();
    Outcome<Article> created;
    client->putArticle(id, {u"Offline draft"_s, u"First words.\n"_s, {}, QStringList{u"notes"_s}, {}}, std::nullopt,
                       this, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.arrived(), 10000);
    QVERIFY2(*created, qPrintable(why(created)));
    QCOMPARE((*created)->id, id);
    QCOMPARE((*created)->revision, 1);

    Outcome<Article> second;
    client->putArticle(id, {u"Offline draft"_s, u"Second words.\n"_s, {}, {}, {}}, 1, this, second.callback());
    QTRY_VERIFY_WITH_TIMEOUT(second.arrived(), 10000);
    QVERIFY(*second);
    QCOMPARE((*second)->revision, 2);

    Outcome<Article> stale;
    client->putArticle(id, {u"Offline draft"_s, u"Stale words.\n"_s, {}, {}, {}}, 1, this, stale.callback());
    QTRY_VERIFY_WITH_TIMEOUT(stale.arrived(), 10000);
    QVERIFY(!*stale);
    QCOMPARE(stale->error().status, 412);
    const std::optional<Article> current = ApiClient::currentArticle(stale->error());
    QVERIFY(current);
    QCOMPARE(current->revision, 2);
    QCOMPARE(current->content, u"Second words.\n"_s);
}

void TestApiClient::changeFeedReadsAsTypes()
{
    auto client = signedInClient(u"feed@example.com"_s);
    QVERIFY(client);
    const QUuid id = QUuid::createUuid();
    Outcome<Article> created;
    client->putArticle(id, {u"In the feed"_s, u"Body.\n"_s, {}, {}, ArticleStatus::Draft}, std::nullopt, this,
                       created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.arrived(), 10000);
    QVERIFY(*created);
    Outcome<void> removed;
    client->deleteArticle(id, 1, this, removed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(removed.arrived(), 10000);
    QVERIFY2(*removed, qPrintable(why(removed)));

    // The feed may lag a write in flight by a moment; read it until the tombstone is there.
    std::optional<api::Change> tombstone;
    QString cursor;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            Outcome<api::ChangesPage> page;
            client->changes(QString(), 1000, this, page.callback());
            if (!QTest::qWaitFor([&] { return page.arrived(); }, 10000) || !*page)
                return false;
            cursor = (*page)->cursor;
            for (const api::Change &change : (*page)->changes) {
                if (change.id == id)
                    tombstone = change;
            }
            return tombstone.has_value();
        }(),
        10000);
    QVERIFY(tombstone->deleted);
    QVERIFY(!tombstone->article);
    QVERIFY(!cursor.isEmpty());

    Outcome<api::ChangesPage> after;
    client->changes(cursor, 100, this, after.callback());
    QTRY_VERIFY_WITH_TIMEOUT(after.arrived(), 10000);
    QVERIFY(*after);
    QVERIFY((*after)->changes.isEmpty());
    QVERIFY(!(*after)->hasMore);
}

void TestApiClient::searchHitsComeWithoutBodies()
{
    auto client = signedInClient(u"search@example.com"_s);
    QVERIFY(client);
    const QUuid id = QUuid::createUuid();
    Outcome<Article> created;
    client->putArticle(id, {u"Zebrafish notes"_s, u"Quagga and zebrafish.\n"_s, {}, {}, ArticleStatus::Published},
                       std::nullopt, this, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.arrived(), 10000);
    QVERIFY(*created);
    Outcome<QList<api::SearchHit>> hits;
    client->search(u"quagga zebrafish"_s, 10, this, hits.callback());
    QTRY_VERIFY_WITH_TIMEOUT(hits.arrived(), 10000);
    QVERIFY2(*hits, qPrintable(why(hits)));
    QCOMPARE((*hits)->size(), 1);
    QCOMPARE((*hits)->first().article.id, id);
    QVERIFY((*hits)->first().snippet.contains(u"<mark>"_s));
    QVERIFY((*hits)->first().article.content.isEmpty());
}

void TestApiClient::unreachableServerIsOffline()
{
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost);
    const quint16 port = closed.serverPort();
    closed.close();
    ApiClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    QSignalSpy reachability(&client, &ApiClient::reachabilityChanged);
    Outcome<api::ServerHealth> health;
    client.health(this, health.callback());
    QTRY_VERIFY_WITH_TIMEOUT(health.arrived(), 10000);
    QVERIFY(!*health);
    QCOMPARE(health->error().kind, ApiError::Kind::Network);
    QVERIFY(health->error().isUnreachable());
    QVERIFY(health->error().isTransient());
    QCOMPARE(reachability.count(), 1);
    QCOMPARE(reachability.at(0).at(0).toBool(), false);
}

void TestApiClient::callbackIsNotCalledAfterItsContextDied()
{
    ApiClient client(m_server->url());
    auto context = std::make_unique<QObject>();
    bool called = false;
    ApiCall *call = client.health(context.get(), [&](ApiResult<api::ServerHealth>) { called = true; });
    QSignalSpy finished(call, &ApiCall::finished);
    context.reset();
    QVERIFY(finished.wait(10000));
    QVERIFY(!called);
}

void TestApiClient::abortedCallNeverCallsBack()
{
    ApiClient client(m_server->url());
    bool called = false;
    ApiCall *call = client.health(this, [&](ApiResult<api::ServerHealth>) { called = true; });
    QSignalSpy finished(call, &ApiCall::finished);
    call->abort();
    QCOMPARE(finished.count(), 1);
    // Give a late answer every chance to arrive: the health call of a second client finishes after it would.
    Outcome<api::ServerHealth> other;
    client.health(this, other.callback());
    QTRY_VERIFY_WITH_TIMEOUT(other.arrived(), 10000);
    QVERIFY(!called);
}

void TestApiClient::unknownMembersAreIgnored()
{
    CannedServer server;
    server.answerJson(200, meJson(uR"("shoe_size": 44, "preferences": {"theme": "dark"})"_s));
    ApiClient client(server.url());
    client.setSession(u"access"_s, u"refresh"_s, 900);
    Outcome<User> me;
    client.me(this, me.callback());
    QTRY_VERIFY_WITH_TIMEOUT(me.arrived(), 10000);
    QVERIFY2(*me, qPrintable(why(me)));
    QCOMPARE((*me)->fullName, u"Ada"_s);
    QCOMPARE((*me)->role, Role::Creator);
}

void TestApiClient::typedTextIsSentAsTyped_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plus signs") << u"C++ +alpha"_s;
    QTest::newRow("what looks like an escape") << u"100%20 off"_s;
    QTest::newRow("what looks like an escaped plus") << u"a%2Bb"_s;
    QTest::newRow("lone percent signs") << u"%zz 50%"_s;
    QTest::newRow("query delimiters") << u"a&b=c#d?e/f;g"_s;
    QTest::newRow("not ASCII") << u"café Ünïcode 日本"_s;
}

void TestApiClient::typedTextIsSentAsTyped()
{
    // What the user typed into a search box reaches the server as exactly that text, read the way the server
    // reads every query string (application/x-www-form-urlencoded).
    QFETCH(QString, text);
    CannedServer server;
    server.answerJson(200, R"({"items": [], "next_cursor": null})");
    server.answerJson(200, R"({"items": [], "next_cursor": null})");
    ApiClient client(server.url());
    client.setSession(u"access"_s, u"refresh"_s, 900);
    Outcome<QList<api::SearchHit>> hits;
    client.search(text, 10, this, hits.callback());
    QTRY_VERIFY_WITH_TIMEOUT(hits.arrived(), 10000);
    QVERIFY2(*hits, qPrintable(why(hits)));
    Outcome<api::Page<api::AdminUser>> users;
    client.adminUsers(text, std::nullopt, {}, 20, this, users.callback());
    QTRY_VERIFY_WITH_TIMEOUT(users.arrived(), 10000);
    QVERIFY2(*users, qPrintable(why(users)));
    const QList<QByteArray> lines = server.requestLines();
    QCOMPARE(lines.size(), 2);
    const QByteArray search = lines.at(0).split(' ').value(1);
    const QByteArray admin = lines.at(1).split(' ').value(1);
    QVERIFY2(search.startsWith("/api/v1/search?"), search.constData());
    QCOMPARE(formValue(search, "q"), text);
    QCOMPARE(formValue(search, "limit"), u"10"_s);
    QVERIFY2(admin.startsWith("/api/v1/admin/users?"), admin.constData());
    QCOMPARE(formValue(admin, "q"), text);
}

void TestApiClient::badAnswersAreErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QByteArray missing = meJson();
    missing.replace(R"("full_name":"Ada",)", "");
    QByteArray mistyped = meJson();
    mistyped.replace(R"("is_active":true)", R"("is_active":"yes")");
    QByteArray badRole = meJson();
    badRole.replace(R"("role":"creator")", R"("role":"overlord")");
    QTest::newRow("missing member") << missing << u"full_name"_s;
    QTest::newRow("mistyped member") << mistyped << u"is_active"_s;
    QTest::newRow("unknown role") << badRole << u"role"_s;
    QTest::newRow("not JSON") << QByteArray("<html>proxy error</html>") << QString();
    QTest::newRow("JSON array") << QByteArray("[1,2]") << QString();
}

void TestApiClient::badAnswersAreErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    CannedServer server;
    server.answerJson(200, body);
    ApiClient client(server.url());
    client.setSession(u"access"_s, u"refresh"_s, 900);
    Outcome<User> me;
    client.me(this, me.callback());
    QTRY_VERIFY_WITH_TIMEOUT(me.arrived(), 10000);
    QVERIFY(!*me);
    QCOMPARE(me->error().kind, ApiError::Kind::BadAnswer);
    QVERIFY(!me->error().isTransient());
    if (!field.isEmpty()) {
        QCOMPARE(me->error().fieldErrors.size(), 1);
        QCOMPARE(me->error().fieldErrors.first().field, field);
        QVERIFY2(me->error().message().contains(field), qPrintable(me->error().message()));
    }
}

void TestApiClient::rateLimitSaysWhenToRetry()
{
    CannedServer server;
    const QByteArray problem =
        R"({"type":"/problems/rate-limited","title":"Too Many Requests","status":429,"detail":"Slow down."})";
    server.answerRaw("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\nRetry-After: 17\r\n"
                     "Content-Length: " +
                     QByteArray::number(problem.size()) + "\r\n\r\n" + problem);
    ApiClient client(server.url());
    Outcome<api::ServerHealth> health;
    client.health(this, health.callback());
    QTRY_VERIFY_WITH_TIMEOUT(health.arrived(), 10000);
    QVERIFY(!*health);
    QCOMPARE(health->error().status, 429);
    QCOMPARE(health->error().retryAfterSeconds, 17);
    QVERIFY(health->error().isTransient());
    QVERIFY2(health->error().message().startsWith(u"Slow down."_s) && health->error().message().contains(u"17"_s),
             qPrintable(health->error().message()));
}

void TestApiClient::streamEventsArriveAsTheyComeIn()
{
    CannedServer server;
    server.answerRaw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
    ApiClient client(server.url());
    Outcome<void> ended;
    ApiCall *call = client.notificationStream(u"41"_s, this, ended.callback());
    QSignalSpy opened(call, &ApiCall::streamOpened);
    QSignalSpy events(call, &ApiCall::event);
    QTRY_VERIFY_WITH_TIMEOUT(server.socket() != nullptr, 10000);
    const auto chunk = [&](const QByteArray &data) {
        server.socket()->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
        server.socket()->flush();
    };
    chunk("event: notification.created\nid: 42\ndata: {\"n\": 1}\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(events.count(), 1, 10000);
    QCOMPARE(opened.count(), 1);
    QVERIFY(!ended.arrived()); // the stream is still open: the event came before its end
    const auto first = events.at(0).at(0).value<sse::Event>();
    QCOMPARE(first.type, u"notification.created"_s);
    QCOMPARE(first.id, u"42"_s);
    // An event cut in two arrives once whole.
    chunk("event: notification.created\nda");
    chunk("ta: {\"n\": 2}\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(events.count(), 2, 10000);
    server.socket()->write("0\r\n\r\n");
    server.socket()->flush();
    QTRY_VERIFY_WITH_TIMEOUT(ended.arrived(), 10000);
    QVERIFY(*ended);
}

void TestApiClient::streamCutMidwayIsAnError()
{
    CannedServer server;
    server.answerRaw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "1f\r\nevent: message.delta\ndata: {}\n\n\r\n");
    ApiClient client(server.url());
    Outcome<void> ended;
    ApiCall *call = client.notificationStream(QString(), this, ended.callback());
    QSignalSpy events(call, &ApiCall::event);
    QTRY_COMPARE_WITH_TIMEOUT(events.count(), 1, 10000);
    server.socket()->abort();
    QTRY_VERIFY_WITH_TIMEOUT(ended.arrived(), 10000);
    QVERIFY(!*ended);
    QVERIFY(ended->error().isUnreachable());
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
