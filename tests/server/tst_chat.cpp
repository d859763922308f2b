// Chat, AI assists, quotas and admin statistics end to end: inkwelld's routes in the test process
// (TestServer), a real PostgreSQL (TestPostgres) and a fake Gemini / OpenAI-compatible upstream
// (FakeUpstream) with fault injection. Every test asserts what a client sees (status, events in order
// and their contents) and what is stored (GET /conversations/{id}).
#include "accounts/accountroutes.h"
#include "ai/assistroutes.h"
#include "ai/chatroutes.h"
#include "ai/conversationstore.h"
#include "db/pgnotifier.h"
#include "ai/statsroutes.h"
#include "fakeupstream.h"
#include "httpclient.h"
#include "rawhttp.h"
#include "sseclient.h"
#include "sse/ssereader.h"
#include "testpostgres.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;
using inkwell::test::FakeUpstream;
using inkwell::test::HttpClient;
using inkwell::test::HttpResponse;
using inkwell::test::TestPostgres;
using inkwell::test::TestServer;

namespace {

const QString kKey = u"sk-TESTKEY-do-not-leak"_s;
const QByteArray kPassword = "inkwell chat passphrase 42";
const QByteArray kJwtKey = QByteArray("chat-test-token-key-").repeated(3);

/// Everything any client of this test received (heads and bodies), searched for the key at the end.
QByteArray &everythingReceived()
{
    static QByteArray bytes;
    return bytes;
}

void keep(const HttpResponse &response)
{
    for (auto it = response.headers.cbegin(); it != response.headers.cend(); ++it)
        everythingReceived() += it.key() + ": " + it.value() + "\n";
    everythingReceived() += response.body + "\n";
}

struct Account {
    QString id;
    QByteArray token;
};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// A POST answered by Server-Sent Events (tests/support/sseclient.h); what it received joins
/// everythingReceived() for the key check.
class SseCall : public inkwell::test::SseClient {
public:
    SseCall(quint16 port, const QByteArray &token, const QByteArray &target, const QByteArray &body)
        : SseClient(Post{}, port, token, target, body)
    {
    }
    ~SseCall() { everythingReceived() += raw(); }
};

/// `reply` cut after its first `keep` chunks, the connection then held open until release().
FakeUpstream::Reply held(FakeUpstream::Reply reply, int keep)
{
    reply.chunks = reply.chunks.mid(0, keep);
    reply.end = FakeUpstream::Reply::End::Hold;
    return reply;
}

/// A streamed text answer of the kind's wire format.
FakeUpstream::Reply textReply(const QString &kind, const QStringList &pieces, int delayMs = 0)
{
    return kind == u"gemini"_s ? FakeUpstream::geminiText(pieces, delayMs) : FakeUpstream::openaiText(pieces, delayMs);
}

/// The same, cut after the first `pieces` pieces and held open.
FakeUpstream::Reply heldText(const QString &kind, const QStringList &pieces, int sent)
{
    // OpenAI streams begin with a role chunk without text.
    return held(textReply(kind, pieces), kind == u"gemini"_s ? sent : sent + 1);
}

FakeUpstream::Reply jsonError(int status, const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    FakeUpstream::Reply reply;
    reply.status = status;
    reply.headers = std::move(headers);
    reply.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    reply.chunks = {{body, 0}};
    return reply;
}

/// (role, text) of an upstream request, the system prompt first as ("system", text), for both wire formats.
QList<std::pair<QString, QString>> upstreamHistory(const QString &kind, const QJsonObject &body)
{
    QList<std::pair<QString, QString>> out;
    if (kind == u"gemini"_s) {
        const QJsonObject system = body.value(u"systemInstruction"_s).toObject();
        if (!system.isEmpty())
            out.append({u"system"_s, system.value(u"parts"_s).toArray().at(0).toObject().value(u"text"_s).toString()});
        for (const QJsonValue &content : body.value(u"contents"_s).toArray())
            out.append({content.toObject().value(u"role"_s).toString(),
                        content.toObject().value(u"parts"_s).toArray().at(0).toObject().value(u"text"_s).toString()});
    } else {
        for (const QJsonValue &message : body.value(u"messages"_s).toArray())
            out.append({message.toObject().value(u"role"_s).toString(),
                        message.toObject().value(u"content"_s).toString()});
    }
    return out;
}

} // namespace

class TestChat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void conversationsCreateListReadPatchDelete();
    void badBodiesAre4xxAndTheServerStillAnswers_data();
    void badBodiesAre4xxAndTheServerStillAnswers();
    void streamedAnswer_data();
    void streamedAnswer();
    void jsonAnswer_data();
    void jsonAnswer();
    void firstDeltaArrivesWhileUpstreamHolds_data();
    void firstDeltaArrivesWhileUpstreamHolds();
    void clientLeavingAbortsUpstreamAndKeepsPartial_data();
    void clientLeavingAbortsUpstreamAndKeepsPartial();
    void cancelEndpointEndsTheStream_data();
    void cancelEndpointEndsTheStream();
    void cancelOnAnotherInstance_data();
    void cancelOnAnotherInstance();
    void partialAnswerSurvivesADeadServer();
    void upstreamErrorMidStream_data();
    void upstreamErrorMidStream();
    void upstreamRateLimitIsWaitedOut_data();
    void upstreamRateLimitIsWaitedOut();
    void safetyBlockIs422AndStoredFailed();
    void malformedChunkIs502_data();
    void malformedChunkIs502();
    void silentUpstreamTimesOutWith504_data();
    void silentUpstreamTimesOutWith504();
    void historyInRolesAndOrder_data();
    void historyInRolesAndOrder();
    void regenerateKeepsTheOldAnswer();
    void firstExchangeGetsAGeneratedTitle();
    void anotherUsersConversationIs404Everywhere();
    void upstreamKeyErrorsDoNotLeakTheKey_data();
    void upstreamKeyErrorsDoNotLeakTheKey();
    void requestsPerMinuteQuota();
    void tokensPerDayQuotaByRole();
    void withoutProviderChatReadsWorkAndAiIs503();
    void quotaRouteShowsWhatIsLeftToday();
    void failedUsageWriteStillCountsAndArrivesLater();
    void failedTitleWriteArrivesLater();
    void assists_data();
    void assists();
    void generateArticleStreams();
    void assistsAreForCreatorsAndAdmins();
    void adminStats();
    void routesAreInTheOpenApiDocument();
    void apiKeyNeverReachedAClient();

private:
    std::unique_ptr<TestServer> serve(const QString &kind, const FakeUpstream *fake,
                                      const std::function<void(inkwell::server::Config &)> &tweak = {});
    std::unique_ptr<TestServer> makeServer(const QString &kind, const FakeUpstream *fake,
                                           const std::function<void(inkwell::server::Config &)> &tweak = {},
                                           std::shared_ptr<inkwell::server::PgNotifier> notifier = {});
    Account registerAccount(const QString &name, const QString &role = {});
    HttpResponse call(const QByteArray &method, const QString &path, const Account &who,
                      const QJsonObject &body = {}, bool withBody = false);
    QString newConversation(const Account &who, const QJsonObject &body = {{u"title"_s, u"Test chat"_s}});
    QJsonObject conversation(const QString &id, const Account &who);
    QVariant sql(const QString &statement, const QVariantList &binds = {});
    /// A statement that cannot be prepared (DDL), run as it is; false (and a warning) when it fails.
    bool ddl(const QString &statement);

    std::unique_ptr<TestPostgres> m_postgres;
    std::unique_ptr<TestServer> m_server; ///< the server of the current test
    Account m_admin;
    Account m_alice; ///< creator
    Account m_bob;   ///< viewer
};

std::unique_ptr<TestServer> TestChat::serve(const QString &kind, const FakeUpstream *fake,
                                            const std::function<void(inkwell::server::Config &)> &tweak)
{
    m_server.reset();
    return makeServer(kind, fake, tweak);
}

std::unique_ptr<TestServer> TestChat::makeServer(const QString &kind, const FakeUpstream *fake,
                                                 const std::function<void(inkwell::server::Config &)> &tweak,
                                                 std::shared_ptr<inkwell::server::PgNotifier> notifier)
{
    using namespace inkwell::server;
    auto server = std::make_unique<TestServer>(
        m_postgres->params(), QList<RouteRegistrar>{accountRoutes(), ai::chatRoutes(), ai::assistRoutes(), ai::statsRoutes()},
        2, [&](ServiceContext &context) {
            context.jwtKey = kJwtKey;
            context.config.aiProvider = kind;
            context.config.aiBaseUrl = fake ? fake->baseUrl() : QString();
            context.config.aiApiKey = kKey;
            context.config.aiTimeoutS = 10;
            context.config.aiRequestsPerMin = 1000;
            context.notifier = notifier;
            if (tweak)
                tweak(context.config);
        });
    return server;
}

QVariant TestChat::sql(const QString &statement, const QVariantList &binds)
{
    auto result = m_postgres->params().withConnection([&](QSqlDatabase &db) -> std::expected<QVariant, QString> {
        QSqlQuery query(db);
        if (!query.prepare(statement))
            return std::unexpected(query.lastError().text());
        for (const QVariant &bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            return std::unexpected(query.lastError().text());
        return query.next() ? query.value(0) : QVariant();
    });
    if (!result)
        qWarning() << result.error();
    return result.value_or(QVariant());
}

bool TestChat::ddl(const QString &statement)
{
    auto result = m_postgres->params().withConnection([&](QSqlDatabase &db) -> std::expected<QVariant, QString> {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return std::unexpected(query.lastError().text());
        return QVariant();
    });
    if (!result)
        qWarning() << result.error();
    return result.has_value();
}

Account TestChat::registerAccount(const QString &name, const QString &role)
{
    static int serial = 0;
    HttpClient client(m_server->url());
    const auto response = client.send(
        "POST", u"/api/v1/auth/register"_s,
        json({{u"email"_s, u"chat%1-%2@example.com"_s.arg(++serial).arg(QUuid::createUuid().toString(QUuid::Id128).left(8))},
              {u"password"_s, QString::fromLatin1(kPassword)},
              {u"full_name"_s, name}}),
        {{"Content-Type", "application/json"}});
    const QJsonObject body = response.json();
    Account account{body.value(u"user"_s).toObject().value(u"id"_s).toString(),
                    body.value(u"access_token"_s).toString().toLatin1()};
    if (!role.isEmpty())
        sql(u"UPDATE users SET role = ? WHERE id = ?::uuid"_s, {role, account.id});
    return account;
}

HttpResponse TestChat::call(const QByteArray &method, const QString &path, const Account &who, const QJsonObject &body,
                            bool withBody)
{
    HttpClient client(m_server->url());
    QHash<QByteArray, QByteArray> headers{{"Accept", "application/json"}};
    if (!who.token.isEmpty())
        headers.insert("Authorization", "Bearer " + who.token);
    if (withBody || !body.isEmpty())
        headers.insert("Content-Type", "application/json");
    HttpResponse response = client.send(method, path, (withBody || !body.isEmpty()) ? json(body) : QByteArray(), headers);
    keep(response);
    return response;
}

QString TestChat::newConversation(const Account &who, const QJsonObject &body)
{
    const HttpResponse response = call("POST", u"/api/v1/conversations"_s, who, body, true);
    if (response.status != 201)
        qWarning() << "create conversation:" << response.status << response.body;
    return response.json().value(u"id"_s).toString();
}

QJsonObject TestChat::conversation(const QString &id, const Account &who)
{
    return call("GET", u"/api/v1/conversations/"_s + id, who).json();
}

void TestChat::initTestCase()
{
    m_postgres = std::make_unique<TestPostgres>();
    QVERIFY2(m_postgres->error().isEmpty(), qPrintable(m_postgres->error()));
    m_server = serve(u"none"_s, nullptr);
    QVERIFY2(m_server->error().isEmpty(), qPrintable(m_server->error()));
    m_admin = registerAccount(u"Ada Admin"_s); // the first user of an empty server
    m_alice = registerAccount(u"Alice Creator"_s, u"creator"_s);
    m_bob = registerAccount(u"Bob Viewer"_s);
    QVERIFY(!m_admin.token.isEmpty() && !m_alice.token.isEmpty() && !m_bob.token.isEmpty());
    QCOMPARE(sql(u"SELECT role FROM users WHERE id = ?::uuid"_s, {m_admin.id}).toString(), u"admin"_s);
}

void TestChat::cleanupTestCase()
{
    m_server.reset();
    m_postgres.reset();
}

void TestChat::conversationsCreateListReadPatchDelete()
{
    m_server = serve(u"none"_s, nullptr);
    const HttpResponse created = call("POST", u"/api/v1/conversations"_s, m_alice,
                                      {{u"title"_s, u"  Plans  "_s}, {u"system_prompt"_s, u"Be brief."_s}});
    QCOMPARE(created.status, 201);
    const QJsonObject c = created.json();
    QCOMPARE(c.value(u"title"_s).toString(), u"Plans"_s);
    QCOMPARE(c.value(u"system_prompt"_s).toString(), u"Be brief."_s);
    QCOMPARE(c.value(u"message_count"_s).toInt(), 0);
    QCOMPARE(created.header("Location"), "/api/v1/conversations/" + c.value(u"id"_s).toString().toLatin1());
    const QString first = c.value(u"id"_s).toString();
    // Not synchronisation (each answer is in): the clock moves on, so the three update times differ.
    QTest::qWait(5);
    const QString second = newConversation(m_alice, {{u"title"_s, u"Second"_s}});
    QTest::qWait(5);
    const QString third = newConversation(m_alice, {});

    // Most recently updated first, two to a page, the cursor leads on.
    const HttpResponse page1 = call("GET", u"/api/v1/conversations?limit=2"_s, m_alice);
    QCOMPARE(page1.status, 200);
    QJsonArray items = page1.json().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value(u"id"_s).toString(), third);
    QCOMPARE(items.at(1).toObject().value(u"id"_s).toString(), second);
    QVERIFY(items.at(0).toObject().value(u"title"_s).isNull());
    const QString cursor = page1.json().value(u"next_cursor"_s).toString();
    QVERIFY(!cursor.isEmpty());
    const HttpResponse page2 =
        call("GET", u"/api/v1/conversations?limit=2&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor)), m_alice);
    QCOMPARE(page2.status, 200);
    QVERIFY(page2.json().value(u"items"_s).toArray().size() >= 1);
    QCOMPARE(page2.json().value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toString(), first);
    QCOMPARE(call("GET", u"/api/v1/conversations?limit=0"_s, m_alice).status, 400);
    QCOMPARE(call("GET", u"/api/v1/conversations?sort=title"_s, m_alice).status, 400);
    QCOMPARE(call("GET", u"/api/v1/conversations?cursor=made-up"_s, m_alice).status, 400);
    // Bob sees none of Alice's.
    const QJsonArray bobs = call("GET", u"/api/v1/conversations"_s, m_bob).json().value(u"items"_s).toArray();
    for (const QJsonValue &item : bobs)
        QVERIFY(item.toObject().value(u"id"_s).toString() != first);

    // Read with its (empty) messages; patch; patching moves it to the top.
    const QJsonObject read = conversation(first, m_alice);
    QCOMPARE(read.value(u"messages"_s).toArray().size(), 0);
    HttpResponse patched = call("PATCH", u"/api/v1/conversations/"_s + first, m_alice,
                                {{u"title"_s, u"Renamed"_s}, {u"system_prompt"_s, QJsonValue::Null}});
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json().value(u"title"_s).toString(), u"Renamed"_s);
    QVERIFY(patched.json().value(u"system_prompt"_s).isNull());
    QCOMPARE(call("GET", u"/api/v1/conversations?limit=1"_s, m_alice).json().value(u"items"_s).toArray().at(0)
                 .toObject().value(u"id"_s).toString(),
             first);
    QCOMPARE(call("PATCH", u"/api/v1/conversations/"_s + first, m_alice, {{u"model"_s, u"x"_s}}).status, 422);
    QCOMPARE(call("PATCH", u"/api/v1/conversations/"_s + first, m_alice, {{u"title"_s, 5}}).status, 422);

    QCOMPARE(call("DELETE", u"/api/v1/conversations/"_s + first, m_alice).status, 204);
    QCOMPARE(call("GET", u"/api/v1/conversations/"_s + first, m_alice).status, 404);
    QCOMPARE(call("DELETE", u"/api/v1/conversations/"_s + first, m_alice).status, 404);
    QCOMPARE(call("GET", u"/api/v1/conversations/not-a-uuid"_s, m_alice).status, 404);
    QCOMPARE(call("GET", u"/api/v1/conversations"_s, Account{}).status, 401);
}

void TestChat::badBodiesAre4xxAndTheServerStillAnswers_data()
{
    QTest::addColumn<QString>("route"); // "conversation" or "message"
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("message: missing content") << u"message"_s << QByteArray("{}") << 422;
    QTest::newRow("message: null content") << u"message"_s << QByteArray(R"({"content":null})") << 422;
    QTest::newRow("message: number content") << u"message"_s << QByteArray(R"({"content":42})") << 422;
    QTest::newRow("message: empty content") << u"message"_s << QByteArray(R"({"content":""})") << 422;
    QTest::newRow("message: unknown field") << u"message"_s << QByteArray(R"({"content":"hi","role":"system"})") << 422;
    QTest::newRow("message: too long") << u"message"_s
                                       << QByteArray(R"({"content":")" + QByteArray(100'001, 'a') + R"("})") << 422;
    QTest::newRow("message: not JSON") << u"message"_s << QByteArray("{content:") << 400;
    QTest::newRow("message: array") << u"message"_s << QByteArray("[]") << 400;
    QTest::newRow("conversation: unknown field") << u"conversation"_s << QByteArray(R"({"user_id":"x"})") << 422;
    QTest::newRow("conversation: long title") << u"conversation"_s
                                              << QByteArray(R"({"title":")" + QByteArray(201, 't') + R"("})") << 422;
    QTest::newRow("conversation: null model") << u"conversation"_s << QByteArray(R"({"model":null})") << 422;
    QTest::newRow("conversation: long prompt")
        << u"conversation"_s << QByteArray(R"({"system_prompt":")" + QByteArray(10'001, 'p') + R"("})") << 422;
}

void TestChat::badBodiesAre4xxAndTheServerStillAnswers()
{
    QFETCH(QString, route);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    FakeUpstream fake;
    m_server = serve(u"gemini"_s, &fake);
    const QString id = newConversation(m_alice);
    const QString path = route == u"message"_s ? u"/api/v1/conversations/%1/messages"_s.arg(id) : u"/api/v1/conversations"_s;
    HttpClient client(m_server->url());
    const HttpResponse response = client.send("POST", path, body,
                                              {{"Authorization", "Bearer " + m_alice.token},
                                               {"Content-Type", "application/json"}});
    keep(response);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Content-Type"), "application/problem+json");
    QCOMPARE(fake.requests().size(), 0); // nothing went upstream
    QCOMPARE(conversation(id, m_alice).value(u"messages"_s).toArray().size(), 0);
    QCOMPARE(client.get(u"/health"_s).status, 200);
}

void TestChat::streamedAnswer_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("gemini") << u"gemini"_s;
    QTest::newRow("openai") << u"openai"_s;
}

void TestChat::streamedAnswer()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice, {{u"title"_s, u"Bread"_s}, {u"system_prompt"_s, u"You bake."_s}});
    fake.enqueue(textReply(kind, {u"Knead"_s, u" the"_s, u" dough."_s}));

    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"How do I start?"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.status, 200);
    QVERIFY(!sse.framingError);
    QCOMPARE(sse.types(), (QStringList{u"message.created"_s, u"message.delta"_s, u"message.delta"_s,
                                       u"message.delta"_s, u"message.done"_s}));
    const QJsonObject created = sse.data(u"message.created"_s);
    QCOMPARE(created.value(u"user_message"_s).toObject().value(u"content"_s).toString(), u"How do I start?"_s);
    QCOMPARE(created.value(u"user_message"_s).toObject().value(u"role"_s).toString(), u"user"_s);
    const QString assistantId = created.value(u"assistant_message_id"_s).toString();
    QVERIFY(!assistantId.isEmpty());
    // One event per upstream delta, in order.
    QCOMPARE(sse.data(u"message.delta"_s, 0).value(u"text"_s).toString(), u"Knead"_s);
    QCOMPARE(sse.data(u"message.delta"_s, 1).value(u"text"_s).toString(), u" the"_s);
    QCOMPARE(sse.data(u"message.delta"_s, 2).value(u"text"_s).toString(), u" dough."_s);
    const QJsonObject done = sse.data(u"message.done"_s).value(u"message"_s).toObject();
    QCOMPARE(done.value(u"id"_s).toString(), assistantId);
    QCOMPARE(done.value(u"status"_s).toString(), u"complete"_s);
    QCOMPARE(done.value(u"content"_s).toString(), u"Knead the dough."_s);
    QCOMPARE(done.value(u"role"_s).toString(), u"assistant"_s);
    QCOMPARE(done.value(u"tokens"_s).toInt(), 3); // one output token per piece (the fake's usage)

    const QJsonObject stored = conversation(id, m_alice);
    const QJsonArray messages = stored.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"How do I start?"_s);
    QCOMPARE(messages.at(1).toObject(), done);
    QCOMPARE(stored.value(u"message_count"_s).toInt(), 2);
    QCOMPARE(stored.value(u"total_tokens"_s).toInteger(), 15); // 12 prompt + 3 output
    QCOMPARE(stored.value(u"title"_s).toString(), u"Bread"_s);  // titled: no title call
    QCOMPARE(fake.requests().size(), 1);
    QVERIFY(fake.requests().at(0).body.contains("How do I start?"));
}

void TestChat::jsonAnswer_data()
{
    streamedAnswer_data();
}

void TestChat::jsonAnswer()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(textReply(kind, {u"Forty"_s, u"-two"_s}));
    const HttpResponse response = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice,
                                       {{u"content"_s, u"The answer?"_s}});
    QCOMPARE(response.status, 201);
    const QJsonObject body = response.json();
    QCOMPARE(body.value(u"user_message"_s).toObject().value(u"content"_s).toString(), u"The answer?"_s);
    const QJsonObject answer = body.value(u"assistant_message"_s).toObject();
    QCOMPARE(answer.value(u"content"_s).toString(), u"Forty-two"_s);
    QCOMPARE(answer.value(u"status"_s).toString(), u"complete"_s);
    QCOMPARE(answer.value(u"tokens"_s).toInt(), 2);
    const QJsonArray messages = conversation(id, m_alice).value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject(), answer);
}

void TestChat::firstDeltaArrivesWhileUpstreamHolds_data()
{
    streamedAnswer_data();
}

void TestChat::firstDeltaArrivesWhileUpstreamHolds()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(heldText(kind, {u"First"_s, u" second"_s}, 1));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Go"_s}}));
    // The first piece reaches the client while the upstream still holds its connection open.
    QVERIFY(sse.waitForEvent(u"message.delta"_s, 10000));
    QCOMPARE(sse.data(u"message.delta"_s).value(u"text"_s).toString(), u"First"_s);
    QVERIFY(sse.ofType(u"message.done"_s).isEmpty());
    QCOMPARE(fake.clientAborts(), 0);
    fake.release(); // ends the held reply without the rest: an answer cut short upstream
    QVERIFY(sse.waitForEnd());
    QVERIFY(!sse.ofType(u"message.done"_s).isEmpty() || !sse.ofType(u"error"_s).isEmpty());
}

void TestChat::clientLeavingAbortsUpstreamAndKeepsPartial_data()
{
    streamedAnswer_data();
}

void TestChat::clientLeavingAbortsUpstreamAndKeepsPartial()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(heldText(kind, {u"Once"_s, u" upon"_s, u" a time"_s}, 2));
    {
        SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                    json({{u"content"_s, u"Tell a story"_s}}));
        QVERIFY(sse.waitForEvents(3)); // created + two deltas
        QCOMPARE(sse.deltaText(), u"Once upon"_s);
        sse.abort(); // the reader leaves
    }
    QVERIFY2(fake.waitForClientAborts(1, 10000), "the upstream call was not aborted");
    QTRY_COMPARE_WITH_TIMEOUT(conversation(id, m_alice).value(u"messages"_s).toArray().size(), 2, 10000);
    const QJsonObject answer = conversation(id, m_alice).value(u"messages"_s).toArray().at(1).toObject();
    QCOMPARE(answer.value(u"status"_s).toString(), u"cancelled"_s);
    QCOMPARE(answer.value(u"content"_s).toString(), u"Once upon"_s);
    fake.release();
}

void TestChat::cancelEndpointEndsTheStream_data()
{
    streamedAnswer_data();
}

void TestChat::cancelEndpointEndsTheStream()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(heldText(kind, {u"Partial"_s, u" answer"_s}, 1));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Write a lot"_s}}));
    QVERIFY(sse.waitForEvents(2));
    const QString messageId = sse.data(u"message.created"_s).value(u"assistant_message_id"_s).toString();
    // Not visible while it is generated.
    QCOMPARE(conversation(id, m_alice).value(u"messages"_s).toArray().size(), 1);
    // Someone else cannot cancel it.
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages/%2/cancel"_s.arg(id, messageId), m_bob).status, 404);
    const HttpResponse cancelled =
        call("POST", u"/api/v1/conversations/%1/messages/%2/cancel"_s.arg(id, messageId), m_alice);
    QCOMPARE(cancelled.status, 204);
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.types().constLast(), u"message.done"_s);
    const QJsonObject done = sse.data(u"message.done"_s).value(u"message"_s).toObject();
    QCOMPARE(done.value(u"status"_s).toString(), u"cancelled"_s);
    QCOMPARE(done.value(u"content"_s).toString(), u"Partial"_s);
    QVERIFY(fake.waitForClientAborts(1, 10000));
    const QJsonArray messages = conversation(id, m_alice).value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject(), done);
    // Once it ended: 409 with the stored message.
    const HttpResponse again = call("POST", u"/api/v1/conversations/%1/messages/%2/cancel"_s.arg(id, messageId), m_alice);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(u"message"_s).toObject(), done);
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages/%2/cancel"_s.arg(id, QUuid::createUuid().toString(QUuid::WithoutBraces)),
                  m_alice).status,
             404);
    fake.release();
}

void TestChat::cancelOnAnotherInstance_data()
{
    QTest::addColumn<bool>("notify");
    QTest::addColumn<int>("withinMs");
    // Without a notifier the generating instance sees the database flag at its next flush (every 2 s).
    QTest::newRow("database flag") << false << 4000;
    // With NOTIFY it arrives at once (the first flush would come only 2 s after the start).
    QTest::newRow("NOTIFY") << true << 1000;
}

void TestChat::cancelOnAnotherInstance()
{
    QFETCH(bool, notify);
    QFETCH(int, withinMs);
    FakeUpstream fake;
    std::shared_ptr<inkwell::server::PgNotifier> notifier;
    if (notify) {
        notifier = std::make_shared<inkwell::server::PgNotifier>(m_postgres->params(),
                                                                 QStringList{inkwell::server::ai::kAiCancelChannel});
        notifier->start();
        QTRY_VERIFY_WITH_TIMEOUT(notifier->isListening(), 10000);
    }
    m_server.reset();
    m_server = makeServer(u"gemini"_s, &fake, {}, notifier);
    auto other = makeServer(u"gemini"_s, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(heldText(u"gemini"_s, {u"Half"_s, u" done"_s}, 1));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Long task"_s}}));
    QVERIFY(sse.waitForEvents(2));
    const QString messageId = sse.data(u"message.created"_s).value(u"assistant_message_id"_s).toString();
    HttpClient client(other->url());
    QElapsedTimer timer;
    timer.start();
    const HttpResponse cancelled =
        client.send("POST", u"/api/v1/conversations/%1/messages/%2/cancel"_s.arg(id, messageId), {},
                    {{"Authorization", "Bearer " + m_alice.token}});
    keep(cancelled);
    QCOMPARE(cancelled.status, 204);
    // Read with this thread's event loop running: the notifier was made here, so its notified() reaches
    // the server's handler through this thread's loop (as through inkwelld's main loop); a blocking read
    // would hold the NOTIFY back until the next flush.
    QVERIFY(QTest::qWaitFor([&sse] { return sse.waitForEnd(1); }, withinMs));
    qInfo("the cancel reached the stream after %lld ms", timer.elapsed());
    QVERIFY2(timer.elapsed() < withinMs, qPrintable(QString::number(timer.elapsed())));
    const QJsonObject done = sse.data(u"message.done"_s).value(u"message"_s).toObject();
    QCOMPARE(done.value(u"status"_s).toString(), u"cancelled"_s);
    QCOMPARE(done.value(u"content"_s).toString(), u"Half"_s);
    QVERIFY(fake.waitForClientAborts(1, 5000));
    fake.release();
    other.reset();
    m_server.reset();
    if (notifier)
        notifier->stop();
}

void TestChat::partialAnswerSurvivesADeadServer()
{
    FakeUpstream fake;
    m_server = serve(u"openai"_s, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(heldText(u"openai"_s, {u"Saved"_s, u" text"_s, u" lost"_s}, 2));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Write"_s}}));
    QVERIFY(sse.waitForEvents(3));
    const QString messageId = sse.data(u"message.created"_s).value(u"assistant_message_id"_s).toString();
    // What was produced is in the database within one flush, while the answer is still running...
    QTRY_COMPARE_WITH_TIMEOUT(sql(u"SELECT content FROM messages WHERE id = ?::uuid"_s, {messageId}).toString(),
                              u"Saved text"_s, 5000);
    // ...and not shown as an answer yet.
    QCOMPARE(conversation(id, m_alice).value(u"messages"_s).toArray().size(), 1);
    // The server dies: nothing renews the lease. The row is then shown as it is stored: failed, with the text.
    sql(u"UPDATE messages SET generation_lease = now() - interval '1 minute' WHERE id = ?::uuid"_s, {messageId});
    const QJsonArray messages = conversation(id, m_alice).value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject().value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), u"Saved text"_s);
    // A starting server clears such leases (and only those that ran out).
    inkwell::server::ThreadDatabase db(m_postgres->params(), u"tst-chat-recovery"_s);
    const auto recovered = inkwell::server::ai::ConversationStore::recoverAtStart(db);
    QVERIFY(recovered.has_value());
    QCOMPARE(*recovered, 1);
    QVERIFY(sql(u"SELECT generation_lease IS NULL FROM messages WHERE id = ?::uuid"_s, {messageId}).toBool());
    sse.abort();
    fake.release();
}

void TestChat::upstreamErrorMidStream_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("fixture");
    QTest::newRow("gemini") << u"gemini"_s << u"gemini-stream-midstream-error.sse"_s;
    QTest::newRow("openai") << u"openai"_s << u"openai-stream-midstream-error.sse"_s;
}

void TestChat::upstreamErrorMidStream()
{
    QFETCH(QString, kind);
    QFETCH(QString, fixture);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(FakeUpstream::fixture(fixture));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Title?"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.types().constFirst(), u"message.created"_s);
    QCOMPARE(sse.types().constLast(), u"error"_s);
    QVERIFY(sse.ofType(u"message.done"_s).isEmpty());
    const QJsonObject error = sse.data(u"error"_s);
    QVERIFY2(error.value(u"status"_s).toInt() >= 500, qPrintable(QString::fromUtf8(json(error))));
    QVERIFY(!error.value(u"title"_s).toString().isEmpty());
    QVERIFY(!error.value(u"detail"_s).toString().isEmpty());
    const QString partial = sse.deltaText();
    QVERIFY(partial.startsWith(u"The"_s));
    const QJsonArray messages = conversation(id, m_alice).value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject().value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), partial);
}

void TestChat::upstreamRateLimitIsWaitedOut_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("gemini") << u"gemini"_s
                            << QByteArray(R"({"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}})");
    QTest::newRow("openai") << u"openai"_s
                            << QByteArray(R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})");
}

void TestChat::upstreamRateLimitIsWaitedOut()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(jsonError(429, body, {{"Retry-After", "1"}}));
    fake.enqueue(textReply(kind, {u"After"_s, u" waiting"_s}));
    QElapsedTimer timer;
    timer.start();
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Busy?"_s}}));
    QVERIFY(sse.waitForEnd(20000));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(fake.requests().size(), 2);
    QCOMPARE(sse.types().constLast(), u"message.done"_s);
    QCOMPARE(sse.data(u"message.done"_s).value(u"message"_s).toObject().value(u"content"_s).toString(),
             u"After waiting"_s);
    QCOMPARE(conversation(id, m_alice).value(u"messages"_s).toArray().at(1).toObject().value(u"status"_s).toString(),
             u"complete"_s);
}

void TestChat::safetyBlockIs422AndStoredFailed()
{
    FakeUpstream fake;
    m_server = serve(u"gemini"_s, &fake);
    const QString id = newConversation(m_alice);
    fake.enqueue(FakeUpstream::fixture(u"gemini-stream-safety.sse"_s));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Something dangerous"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.types(), (QStringList{u"message.created"_s, u"error"_s}));
    const QJsonObject error = sse.data(u"error"_s);
    QCOMPARE(error.value(u"status"_s).toInt(), 422);
    QCOMPARE(error.value(u"type"_s).toString(), u"/problems/ai-blocked"_s);
    const QJsonArray messages = conversation(id, m_alice).value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject().value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), QString());

    // The same in JSON mode: a 422 problem.
    fake.enqueue(FakeUpstream::fixture(u"gemini-stream-safety.sse"_s));
    const HttpResponse response = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice,
                                       {{u"content"_s, u"Again"_s}});
    QCOMPARE(response.status, 422);
    QCOMPARE(response.json().value(u"type"_s).toString(), u"/problems/ai-blocked"_s);
}

void TestChat::malformedChunkIs502_data()
{
    streamedAnswer_data();
}

void TestChat::malformedChunkIs502()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    FakeUpstream::Reply reply = textReply(kind, {u"Fine"_s, u" so far"_s});
    const int at = kind == u"gemini"_s ? 1 : 2; // after the first piece
    reply.chunks.insert(at, {QByteArray("data: {\"candidates\": [{\"content\": \n\n"), 0});
    fake.enqueue(reply);
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Hi"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.types().constLast(), u"error"_s);
    QCOMPARE(sse.data(u"error"_s).value(u"status"_s).toInt(), 502);
    QCOMPARE(sse.deltaText(), u"Fine"_s);
    const QJsonObject answer = conversation(id, m_alice).value(u"messages"_s).toArray().at(1).toObject();
    QCOMPARE(answer.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(answer.value(u"content"_s).toString(), u"Fine"_s);
}

void TestChat::silentUpstreamTimesOutWith504_data()
{
    streamedAnswer_data();
}

void TestChat::silentUpstreamTimesOutWith504()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake, [](inkwell::server::Config &config) { config.aiTimeoutS = 1; });
    const QString id = newConversation(m_alice);
    fake.enqueue(heldText(kind, {u"never"_s}, 0)); // headers, then silence
    QElapsedTimer timer;
    timer.start();
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Anyone there?"_s}}));
    QVERIFY(sse.waitForEnd(15000));
    QCOMPARE(sse.types().constLast(), u"error"_s);
    QCOMPARE(sse.data(u"error"_s).value(u"status"_s).toInt(), 504);
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(conversation(id, m_alice).value(u"messages"_s).toArray().at(1).toObject().value(u"status"_s).toString(),
             u"failed"_s);
    fake.release();
}

void TestChat::historyInRolesAndOrder_data()
{
    streamedAnswer_data();
}

void TestChat::historyInRolesAndOrder()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id =
        newConversation(m_alice, {{u"title"_s, u"Three turns"_s}, {u"system_prompt"_s, u"You are terse."_s}});
    const QStringList questions{u"Q one"_s, u"Q two"_s, u"Q three"_s};
    const QStringList answers{u"A one"_s, u"A two"_s, u"A three"_s};
    for (int i = 0; i < 3; ++i) {
        fake.enqueue(textReply(kind, {answers.at(i)}));
        QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice, {{u"content"_s, questions.at(i)}})
                     .status,
                 201);
    }
    QCOMPARE(fake.requests().size(), 3);
    const QList<std::pair<QString, QString>> history = upstreamHistory(kind, fake.requests().at(2).json());
    const QString assistant = kind == u"gemini"_s ? u"model"_s : u"assistant"_s;
    const QList<std::pair<QString, QString>> expected{{u"system"_s, u"You are terse."_s},
                                                      {u"user"_s, u"Q one"_s},
                                                      {assistant, u"A one"_s},
                                                      {u"user"_s, u"Q two"_s},
                                                      {assistant, u"A two"_s},
                                                      {u"user"_s, u"Q three"_s}};
    QCOMPARE(history, expected);
    const QJsonObject stored = conversation(id, m_alice);
    QCOMPARE(stored.value(u"message_count"_s).toInt(), 6);
    const QJsonArray messages = stored.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 6);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(messages.at(2 * i).toObject().value(u"content"_s).toString(), questions.at(i));
        QCOMPARE(messages.at(2 * i + 1).toObject().value(u"content"_s).toString(), answers.at(i));
    }
}

void TestChat::regenerateKeepsTheOldAnswer()
{
    FakeUpstream fake;
    m_server = serve(u"openai"_s, &fake);
    const QString id = newConversation(m_alice, {{u"title"_s, u"Regen"_s}});
    fake.enqueue(FakeUpstream::openaiText({u"First try"_s}));
    const QString firstAnswer = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice,
                                     {{u"content"_s, u"Pick a colour"_s}})
                                    .json().value(u"assistant_message"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!firstAnswer.isEmpty());
    fake.enqueue(FakeUpstream::openaiText({u"Second"_s, u" try"_s}));
    SseCall sse(m_server->port(), m_alice.token,
                u"/api/v1/conversations/%1/messages/%2/regenerate"_s.arg(id, firstAnswer).toLatin1(), {});
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.types().constFirst(), u"message.created"_s);
    QCOMPARE(sse.data(u"message.created"_s).value(u"user_message"_s).toObject().value(u"content"_s).toString(),
             u"Pick a colour"_s);
    QCOMPARE(sse.data(u"message.done"_s).value(u"message"_s).toObject().value(u"content"_s).toString(), u"Second try"_s);
    // The regeneration was asked the same question, without the first answer.
    const auto history = upstreamHistory(u"openai"_s, fake.requests().at(1).json());
    QCOMPARE(history, (QList<std::pair<QString, QString>>{{u"user"_s, u"Pick a colour"_s}}));
    const QJsonArray messages = conversation(id, m_alice).value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), u"First try"_s);
    QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Second try"_s);

    // The next turn's history uses only the newest answer.
    fake.enqueue(FakeUpstream::openaiText({u"Blue"_s}));
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice, {{u"content"_s, u"Why?"_s}}).status, 201);
    QCOMPARE(upstreamHistory(u"openai"_s, fake.requests().at(2).json()),
             (QList<std::pair<QString, QString>>{{u"user"_s, u"Pick a colour"_s},
                                                 {u"assistant"_s, u"Second try"_s},
                                                 {u"user"_s, u"Why?"_s}}));
    // A user message cannot be regenerated.
    const QString userMessage = messages.at(0).toObject().value(u"id"_s).toString();
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages/%2/regenerate"_s.arg(id, userMessage), m_alice).status, 404);
}

void TestChat::firstExchangeGetsAGeneratedTitle()
{
    FakeUpstream fake;
    m_server = serve(u"gemini"_s, &fake);
    const QString id = newConversation(m_alice, {});
    fake.enqueue(FakeUpstream::geminiText({u"Use a starter."_s}));
    fake.enqueue(FakeUpstream::geminiText({u"\"Sourdough"_s, u" Starter Basics\"\n"_s}));
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice,
                  {{u"content"_s, u"How do I make sourdough bread at home?"_s}})
                 .status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(conversation(id, m_alice).value(u"title"_s).toString(), u"Sourdough Starter Basics"_s, 10000);
    QVERIFY(fake.requests().at(1).body.contains("at most 6 words"));
    // Its tokens count: 12 + 1 for the answer, 12 + 2 for the title.
    QTRY_COMPARE_WITH_TIMEOUT(conversation(id, m_alice).value(u"total_tokens"_s).toInteger(), 27, 5000);

    // When the title call fails, the first words of the message are the title.
    const QString other = newConversation(m_alice, {});
    fake.enqueue(FakeUpstream::geminiText({u"Sure."_s}));
    fake.enqueue(jsonError(500, R"({"error":{"code":500,"message":"boom","status":"INTERNAL"}})"));
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(other), m_alice,
                  {{u"content"_s, u"Please   list three good names for a cat"_s}})
                 .status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(conversation(other, m_alice).value(u"title"_s).toString(),
                              u"Please list three good names for"_s, 15000);
    // The second exchange of a conversation does not ask for a title again. A title call would start
    // connecting on the second exchange's thread before its answer is even written; a third exchange's
    // call starts a whole round trip later. So once the third has reached the upstream, a title call of
    // the second would have too.
    const int before = int(fake.requests().size());
    fake.enqueue(FakeUpstream::geminiText({u"Tom."_s}));
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(other), m_alice, {{u"content"_s, u"One more"_s}}).status,
             201);
    fake.enqueue(FakeUpstream::geminiText({u"Felix."_s}));
    const HttpResponse third =
        call("POST", u"/api/v1/conversations/%1/messages"_s.arg(other), m_alice, {{u"content"_s, u"And another"_s}});
    const QList<FakeUpstream::Request> since = fake.requests().mid(before);
    for (const FakeUpstream::Request &request : since)
        QVERIFY2(!request.body.contains("at most 6 words"), "a title was asked for again");
    QCOMPARE(since.size(), 2);
    QCOMPARE(third.status, 201);
}

void TestChat::anotherUsersConversationIs404Everywhere()
{
    FakeUpstream fake;
    m_server = serve(u"gemini"_s, &fake);
    const QString id = newConversation(m_alice, {{u"title"_s, u"Private"_s}});
    fake.enqueue(FakeUpstream::geminiText({u"Secret answer"_s}));
    const QString answer = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice,
                                {{u"content"_s, u"Secret question"_s}})
                               .json().value(u"assistant_message"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!answer.isEmpty());
    const QJsonObject before = conversation(id, m_alice);

    const QList<HttpResponse> answers{
        call("GET", u"/api/v1/conversations/"_s + id, m_bob),
        call("PATCH", u"/api/v1/conversations/"_s + id, m_bob, {{u"title"_s, u"Mine now"_s}}),
        call("DELETE", u"/api/v1/conversations/"_s + id, m_bob),
        call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_bob, {{u"content"_s, u"Hi"_s}}),
        call("POST", u"/api/v1/conversations/%1/messages/%2/cancel"_s.arg(id, answer), m_bob),
        call("POST", u"/api/v1/conversations/%1/messages/%2/regenerate"_s.arg(id, answer), m_bob),
    };
    for (const HttpResponse &response : answers) {
        QCOMPARE(response.status, 404);
        QVERIFY(!response.body.contains("Secret"));
    }
    SseCall sse(m_server->port(), m_bob.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Hi"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.status, 404);
    QCOMPARE(fake.requests().size(), 1); // only Alice's
    QCOMPARE(conversation(id, m_alice), before);
}

void TestChat::upstreamKeyErrorsDoNotLeakTheKey_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("upstreamStatus");
    QTest::newRow("gemini 400") << u"gemini"_s << 400;
    QTest::newRow("openai 401") << u"openai"_s << 401;
}

void TestChat::upstreamKeyErrorsDoNotLeakTheKey()
{
    QFETCH(QString, kind);
    QFETCH(int, upstreamStatus);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    const QString id = newConversation(m_alice);
    // An upstream that echoes the request, key included, in its error.
    const QByteArray echo = R"({"error":{"code":)" + QByteArray::number(upstreamStatus) +
                            R"(,"message":"Incorrect API key provided: )" + kKey.toLatin1() +
                            R"(","status":"INVALID_ARGUMENT","request":{"headers":{"authorization":"Bearer )" +
                            kKey.toLatin1() + R"("}}}})";
    fake.enqueue(jsonError(upstreamStatus, echo));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Hi"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.types().constLast(), u"error"_s);
    QVERIFY(sse.data(u"error"_s).value(u"status"_s).toInt() >= 500);
    fake.enqueue(jsonError(upstreamStatus, echo));
    const HttpResponse response = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice,
                                       {{u"content"_s, u"Hi again"_s}});
    QVERIFY(response.status >= 500);
    QCOMPARE(response.header("Content-Type"), "application/problem+json");
    QVERIFY(!response.body.contains(kKey.toLatin1()));
    QVERIFY(!response.body.contains("TESTKEY"));
    for (const QByteArray &value : response.headers)
        QVERIFY(!value.contains("TESTKEY"));
    QVERIFY(!everythingReceived().contains("TESTKEY"));
    // The key did go upstream (so the check above means something).
    QVERIFY(fake.requests().at(0).headers.value(kind == u"gemini"_s ? "x-goog-api-key" : "authorization").contains("TESTKEY"));
}

void TestChat::requestsPerMinuteQuota()
{
    FakeUpstream fake;
    fake.setFallback(FakeUpstream::geminiText({u"ok"_s}));
    m_server = serve(u"gemini"_s, &fake, [](inkwell::server::Config &config) { config.aiRequestsPerMin = 2; });
    const Account carol = registerAccount(u"Carol Counted"_s);
    const QString id = newConversation(carol, {{u"title"_s, u"Rate"_s}});
    // At the end of a minute the counter starts again: begin early in one. Not synchronisation: the
    // quota's window is the calendar minute, and only time brings the next one.
    if (QDateTime::currentDateTimeUtc().time().second() > 50)
        QTest::qWait((61 - QDateTime::currentDateTimeUtc().time().second()) * 1000);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), carol, {{u"content"_s, u"Hi"_s}}).status, 201);
    const HttpResponse refused = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), carol, {{u"content"_s, u"Hi"_s}});
    QCOMPARE(refused.status, 429);
    const int retryAfter = refused.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, refused.header("Retry-After").constData());
    QCOMPARE(fake.requests().size(), 2);
    // Nothing was stored for the refused one.
    QCOMPARE(conversation(id, carol).value(u"messages"_s).toArray().size(), 4);
    // Others are not affected.
    const QString bobs = newConversation(m_bob, {{u"title"_s, u"Other"_s}});
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(bobs), m_bob, {{u"content"_s, u"Hi"_s}}).status, 201);
    // Assists share the limit.
    sql(u"UPDATE users SET role = 'creator' WHERE id = ?::uuid"_s, {carol.id});
    // Changed behind the server's back: it sees the new role once its caller cache lets the old entry go
    // (a second). /auth/me reads through the same cache.
    QTRY_COMPARE_WITH_TIMEOUT(call("GET", u"/api/v1/auth/me"_s, carol).json().value(u"role"_s).toString(), u"creator"_s,
                              5000);
    QCOMPARE(call("POST", u"/api/v1/ai/summarize"_s, carol, {{u"content"_s, u"Text"_s}}).status, 429);
}

void TestChat::tokensPerDayQuotaByRole()
{
    FakeUpstream fake;
    fake.setFallback(FakeUpstream::geminiText({u"one"_s, u" two"_s}));
    m_server = serve(u"gemini"_s, &fake, [](inkwell::server::Config &config) {
        config.aiTokensPerDay = {{u"viewer"_s, 20}, {u"creator"_s, 1000}, {u"admin"_s, 0}};
    });
    const Account dave = registerAccount(u"Dave Daily"_s);
    const QString id = newConversation(dave, {{u"title"_s, u"Tokens"_s}});
    // 14 tokens (12 + 2): under 20, so the second is still admitted; then 28 ≥ 20.
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), dave, {{u"content"_s, u"a"_s}}).status, 201);
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), dave, {{u"content"_s, u"b"_s}}).status, 201);
    const HttpResponse refused = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), dave, {{u"content"_s, u"c"_s}});
    QCOMPARE(refused.status, 429);
    const int retryAfter = refused.header("Retry-After").toInt();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int untilMidnight = int(now.secsTo(QDateTime(now.date().addDays(1), QTime(0, 0), Qt::UTC)));
    QVERIFY2(retryAfter >= 1 && std::abs(retryAfter - untilMidnight) <= 5, refused.header("Retry-After").constData());
    QCOMPARE(fake.requests().size(), 2);
    // The admin has no daily limit.
    const QString adminChat = newConversation(m_admin, {{u"title"_s, u"Unlimited"_s}});
    for (int i = 0; i < 3; ++i)
        QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(adminChat), m_admin, {{u"content"_s, u"x"_s}}).status,
                 201);
}

void TestChat::withoutProviderChatReadsWorkAndAiIs503()
{
    m_server = serve(u"none"_s, nullptr);
    const QString id = newConversation(m_alice, {{u"title"_s, u"Offline"_s}});
    QVERIFY(!id.isEmpty());
    QCOMPARE(call("GET", u"/api/v1/conversations/"_s + id, m_alice).status, 200);
    const HttpResponse posted = call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), m_alice, {{u"content"_s, u"Hi"_s}});
    QCOMPARE(posted.status, 503);
    QVERIFY(posted.json().value(u"detail"_s).toString().contains(u"INKWELL_AI_PROVIDER"_s));
    QVERIFY(posted.json().value(u"detail"_s).toString().contains(u"INKWELL_AI_API_KEY"_s));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/conversations/" + id.toLatin1() + "/messages",
                json({{u"content"_s, u"Hi"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.status, 503);
    QCOMPARE(conversation(id, m_alice).value(u"messages"_s).toArray().size(), 0);
    for (const QString &assist : {u"generate-article"_s, u"summarize"_s, u"suggest"_s}) {
        const QJsonObject body = assist == u"generate-article"_s ? QJsonObject{{u"prompt"_s, u"x"_s}}
                                                                 : QJsonObject{{u"content"_s, u"x"_s}};
        const HttpResponse response = call("POST", u"/api/v1/ai/"_s + assist, m_alice, body);
        QCOMPARE(response.status, 503);
        QVERIFY(response.json().value(u"detail"_s).toString().contains(u"INKWELL_AI_PROVIDER"_s));
    }
}

void TestChat::failedUsageWriteStillCountsAndArrivesLater()
{
    FakeUpstream fake;
    fake.setFallback(FakeUpstream::geminiText({u"one"_s, u" two"_s})); // 12 + 2 = 14 tokens an answer
    m_server = serve(u"gemini"_s, &fake, [](inkwell::server::Config &config) {
        config.aiTokensPerDay = {{u"viewer"_s, 20}, {u"creator"_s, 1000}, {u"admin"_s, 0}};
    });
    const Account fay = registerAccount(u"Fay Failing"_s);
    const QString id = newConversation(fay, {{u"title"_s, u"Usage"_s}}); // titled: no title call
    // The database refuses Fay's usage rows for a while, as it does when a lock times out or the disk is full.
    QVERIFY(ddl(u"CREATE OR REPLACE FUNCTION test_refuse_usage() RETURNS trigger AS $$ BEGIN "
                u"IF NEW.user_id = '%1'::uuid THEN RAISE EXCEPTION 'usage writes refused by the test'; END IF; "
                u"RETURN NEW; END $$ LANGUAGE plpgsql"_s.arg(fay.id)));
    QVERIFY(ddl(u"CREATE TRIGGER test_refuse_usage BEFORE INSERT ON ai_requests FOR EACH ROW EXECUTE FUNCTION "
                u"test_refuse_usage()"_s));
    auto dropTrigger = qScopeGuard([this] { ddl(u"DROP TRIGGER IF EXISTS test_refuse_usage ON ai_requests"_s); });
    const auto used = [this, &fay] {
        return call("GET", u"/api/v1/ai/quota"_s, fay).json().value(u"tokens_used_today"_s).toInteger(-1);
    };
    const auto rows = [this, &fay] {
        return sql(u"SELECT count(*) FROM ai_requests WHERE user_id = ?::uuid"_s, {fay.id}).toInt();
    };

    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), fay, {{u"content"_s, u"a"_s}}).status, 201);
    QCOMPARE(rows(), 0);
    QCOMPARE(used(), 14); // not stored, still counted
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), fay, {{u"content"_s, u"b"_s}}).status, 201);
    QCOMPARE(used(), 28);
    // 28 >= 20: the quota holds although nothing of today reached the table.
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), fay, {{u"content"_s, u"c"_s}}).status, 429);
    QCOMPARE(fake.requests().size(), 2);
    QCOMPARE(rows(), 0);

    // Writable again: the rows arrive, each once, and the day counts them once.
    dropTrigger.dismiss();
    QVERIFY(ddl(u"DROP TRIGGER test_refuse_usage ON ai_requests"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rows(), 2, 20000);
    QCOMPARE(sql(u"SELECT tokens FROM ai_usage WHERE user_id = ?::uuid AND day = (now() AT TIME ZONE 'UTC')::date"_s,
                 {fay.id})
                 .toLongLong(),
             28);
    QCOMPARE(used(), 28);
    QCOMPARE(call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), fay, {{u"content"_s, u"d"_s}}).status, 429);
}

void TestChat::failedTitleWriteArrivesLater()
{
    FakeUpstream fake;
    m_server = serve(u"gemini"_s, &fake);
    const Account gus = registerAccount(u"Gus Title"_s);
    const QString id = newConversation(gus, {});
    // Setting a title on Gus's conversations fails for a while.
    QVERIFY(
        ddl(u"CREATE OR REPLACE FUNCTION test_refuse_title() RETURNS trigger AS $$ BEGIN "
            u"IF OLD.title IS NULL AND NEW.title IS NOT NULL AND NEW.user_id = '%1'::uuid THEN "
            u"RAISE EXCEPTION 'title writes refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"_s.arg(
                gus.id)));
    QVERIFY(ddl(u"CREATE TRIGGER test_refuse_title BEFORE UPDATE ON conversations FOR EACH ROW EXECUTE FUNCTION "
                u"test_refuse_title()"_s));
    auto dropTrigger = qScopeGuard([this] { ddl(u"DROP TRIGGER IF EXISTS test_refuse_title ON conversations"_s); });
    fake.enqueue(FakeUpstream::geminiText({u"Knead it."_s}));
    fake.enqueue(FakeUpstream::geminiText({u"Bread Basics"_s}));
    QCOMPARE(
        call("POST", u"/api/v1/conversations/%1/messages"_s.arg(id), gus, {{u"content"_s, u"How do I bake bread?"_s}})
            .status,
        201);
    QVERIFY(fake.waitForRequests(2, 10000)); // the title was asked for
    // Its write was refused at least once by now (the answer's usage row follows the title's attempt).
    QTRY_VERIFY_WITH_TIMEOUT(sql(u"SELECT count(*) FROM ai_requests r JOIN users u ON u.id = r.user_id "
                                 u"WHERE u.id = ?::uuid AND r.kind = 'title'"_s,
                                 {gus.id})
                                     .toInt() == 1,
                             10000);
    QVERIFY(conversation(id, gus).value(u"title"_s).toString().isEmpty());

    dropTrigger.dismiss();
    QVERIFY(ddl(u"DROP TRIGGER test_refuse_title ON conversations"_s));
    QTRY_COMPARE_WITH_TIMEOUT(conversation(id, gus).value(u"title"_s).toString(), u"Bread Basics"_s, 20000);
    // The title's tokens (12 + 1) joined the answer's (12 + 1) once.
    QCOMPARE(conversation(id, gus).value(u"total_tokens"_s).toInteger(), 26);
}

void TestChat::quotaRouteShowsWhatIsLeftToday()
{
    FakeUpstream fake;
    fake.setFallback(FakeUpstream::geminiText({u"{\"summary\": \"S\", \"key_points\": []}"_s}));
    const auto quotas = [](inkwell::server::Config &config) {
        config.aiTokensPerDay = {{u"viewer"_s, 20}, {u"creator"_s, 1000}, {u"admin"_s, 0}};
        config.aiRequestsPerMin = 7;
    };
    m_server = serve(u"gemini"_s, &fake, quotas);
    const Account erin = registerAccount(u"Erin Quota"_s, u"creator"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString midnight = QDateTime(now.date().addDays(1), QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs);

    HttpResponse before = call("GET", u"/api/v1/ai/quota"_s, erin);
    QCOMPARE(before.status, 200);
    QCOMPARE(before.json(), (QJsonObject{{u"tokens_per_day"_s, 1000},
                                         {u"tokens_used_today"_s, 0},
                                         {u"tokens_remaining"_s, 1000},
                                         {u"requests_per_minute"_s, 7},
                                         {u"resets_at"_s, midnight}}));

    // One summary: 12 prompt tokens + 1 output token (the fake's usage) count against the day.
    QCOMPARE(call("POST", u"/api/v1/ai/summarize"_s, erin, {{u"content"_s, u"Some text."_s}}).status, 200);
    const QJsonObject after = call("GET", u"/api/v1/ai/quota"_s, erin).json();
    QCOMPARE(after.value(u"tokens_used_today"_s).toInteger(), 13);
    QCOMPARE(after.value(u"tokens_remaining"_s).toInteger(), 987);
    QCOMPARE(after.value(u"tokens_per_day"_s).toInteger(), 1000);

    // Over the limit (usage is counted after a call, so it can pass it): nothing is left, never less than 0.
    sql(u"UPDATE ai_usage SET tokens = 1500 WHERE user_id = ?::uuid"_s, {erin.id});
    const QJsonObject over = call("GET", u"/api/v1/ai/quota"_s, erin).json();
    QCOMPARE(over.value(u"tokens_used_today"_s).toInteger(), 1500);
    QCOMPARE(over.value(u"tokens_remaining"_s).toInteger(), 0);
    QCOMPARE(call("POST", u"/api/v1/ai/summarize"_s, erin, {{u"content"_s, u"x"_s}}).status, 429);

    // Every role reads its own: the admin is unlimited (remaining null), a viewer has the viewer's day.
    const QJsonObject admin = call("GET", u"/api/v1/ai/quota"_s, m_admin).json();
    QCOMPARE(admin.value(u"tokens_per_day"_s).toInteger(), 0);
    QVERIFY(admin.contains(u"tokens_remaining"_s) && admin.value(u"tokens_remaining"_s).isNull());
    QCOMPARE(call("GET", u"/api/v1/ai/quota"_s, m_bob).json().value(u"tokens_per_day"_s).toInteger(), 20);

    const HttpResponse anonymous = call("GET", u"/api/v1/ai/quota"_s, Account{});
    QCOMPARE(anonymous.status, 401);
    QVERIFY(anonymous.header("WWW-Authenticate").startsWith("Bearer"));
    QCOMPARE(call("GET", u"/api/v1/ai/quota"_s, Account{{}, "not-a-token"}).status, 401);

    // No provider: the quota is still there.
    m_server = serve(u"none"_s, nullptr, quotas);
    const HttpResponse offline = call("GET", u"/api/v1/ai/quota"_s, erin);
    QCOMPARE(offline.status, 200);
    QCOMPARE(offline.json().value(u"tokens_used_today"_s).toInteger(), 1500);

    const QJsonObject paths = HttpClient(m_server->url()).get(u"/openapi.json"_s).json().value(u"paths"_s).toObject();
    const QJsonObject route = paths.value(u"/api/v1/ai/quota"_s).toObject().value(u"get"_s).toObject();
    QVERIFY(!route.value(u"summary"_s).toString().isEmpty());
    const QStringList statuses = route.value(u"responses"_s).toObject().keys();
    QVERIFY2(statuses.contains(u"200"_s) && statuses.contains(u"401"_s), qPrintable(statuses.join(u' ')));
}

void TestChat::assists_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("pieces");
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonObject>("expected");
    const QJsonObject summary{{u"summary"_s, u"Bread needs time."_s},
                              {u"key_points"_s, QJsonArray{u"flour"_s, u"water"_s}}};
    QTest::newRow("summarize, fenced JSON (gemini)")
        << u"gemini"_s << u"summarize"_s << QJsonObject{{u"content"_s, u"A long text about bread."_s}, {u"max_words"_s, 20}}
        << QStringList{u"```json\n{\"summary\": \"Bread needs time.\", "_s, u"\"key_points\": [\"flour\", \"water\"]}\n```"_s}
        << 200 << summary;
    QTest::newRow("summarize, prose around (openai)")
        << u"openai"_s << u"summarize"_s << QJsonObject{{u"content"_s, u"A long text about bread."_s}}
        << QStringList{u"Here is the summary you asked for: "_s,
                       u"{\"summary\": \"Bread needs time.\", \"key_points\": [\"flour\", \"water\"]} Hope it helps {:"_s}
        << 200 << summary;
    QTest::newRow("suggest (openai)")
        << u"openai"_s << u"suggest"_s << QJsonObject{{u"content"_s, u"Article text"_s}}
        << QStringList{u"{\"titles\": [\"One\", \"Two\"], \"excerpt\": \"Short.\", \"tags\": [\"bread\"]}"_s} << 200
        << QJsonObject{{u"titles"_s, QJsonArray{u"One"_s, u"Two"_s}}, {u"excerpt"_s, u"Short."_s},
                       {u"tags"_s, QJsonArray{u"bread"_s}}};
    QTest::newRow("generate-article JSON (gemini)")
        << u"gemini"_s << u"generate-article"_s << QJsonObject{{u"prompt"_s, u"Bread"_s}, {u"style"_s, u"friendly"_s}}
        << QStringList{u"{\"title\": \"Bread\", \"content\": \"# Bread\\n\\nBake it.\", \"excerpt\": \"Bake.\", "_s,
                       u"\"tags\": [\"food\"]}"_s}
        << 200
        << QJsonObject{{u"title"_s, u"Bread"_s}, {u"content"_s, u"# Bread\n\nBake it."_s}, {u"excerpt"_s, u"Bake."_s},
                       {u"tags"_s, QJsonArray{u"food"_s}}};
    QTest::newRow("garbage (gemini)") << u"gemini"_s << u"summarize"_s << QJsonObject{{u"content"_s, u"x"_s}}
                                      << QStringList{u"I cannot do that."_s} << 502 << QJsonObject{};
    QTest::newRow("wrong types (openai)") << u"openai"_s << u"suggest"_s << QJsonObject{{u"content"_s, u"x"_s}}
                                          << QStringList{u"{\"titles\": \"One\", \"excerpt\": 3}"_s} << 502
                                          << QJsonObject{};
    QTest::newRow("unknown field") << u"gemini"_s << u"summarize"_s
                                   << QJsonObject{{u"content"_s, u"x"_s}, {u"model"_s, u"big"_s}} << QStringList{} << 422
                                   << QJsonObject{};
    QTest::newRow("max_words out of range") << u"gemini"_s << u"summarize"_s
                                            << QJsonObject{{u"content"_s, u"x"_s}, {u"max_words"_s, 0}} << QStringList{}
                                            << 422 << QJsonObject{};
}

void TestChat::assists()
{
    QFETCH(QString, kind);
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, pieces);
    QFETCH(int, status);
    QFETCH(QJsonObject, expected);
    FakeUpstream fake;
    m_server = serve(kind, &fake);
    if (!pieces.isEmpty())
        fake.enqueue(textReply(kind, pieces));
    const HttpResponse response = call("POST", u"/api/v1/ai/"_s + route, m_alice, body);
    QCOMPARE(response.status, status);
    if (status == 200) {
        QCOMPARE(response.json(), expected);
        QCOMPARE(fake.requests().size(), 1);
    } else if (status == 502) {
        QCOMPARE(response.json().value(u"type"_s).toString(), u"/problems/ai-bad-answer"_s);
    } else {
        QCOMPARE(fake.requests().size(), 0);
    }
    QCOMPARE(HttpClient(m_server->url()).get(u"/health"_s).status, 200);
}

void TestChat::generateArticleStreams()
{
    FakeUpstream fake;
    m_server = serve(u"openai"_s, &fake);
    fake.enqueue(FakeUpstream::openaiText(
        {u"{\"title\": \"Rye\", "_s, u"\"content\": \"Rye is dense.\", \"tags\": [\"bread\", \"rye\"]}"_s}));
    SseCall sse(m_server->port(), m_alice.token, "/api/v1/ai/generate-article", json({{u"prompt"_s, u"Rye bread"_s}}));
    QVERIFY(sse.waitForEnd());
    QCOMPARE(sse.types(), (QStringList{u"message.delta"_s, u"message.delta"_s, u"article.done"_s}));
    const QJsonObject article = sse.data(u"article.done"_s);
    QCOMPARE(article.value(u"title"_s).toString(), u"Rye"_s);
    QCOMPARE(article.value(u"content"_s).toString(), u"Rye is dense."_s);
    QCOMPARE(article.value(u"excerpt"_s).toString(), u"Rye is dense."_s); // made from the content when missing
    QCOMPARE(article.value(u"tags"_s).toArray(), (QJsonArray{u"bread"_s, u"rye"_s}));
    // The prompt asked for JSON.
    QVERIFY(fake.requests().at(0).json().contains(u"response_format"_s));

    fake.enqueue(FakeUpstream::openaiText({u"no JSON here"_s}));
    SseCall bad(m_server->port(), m_alice.token, "/api/v1/ai/generate-article", json({{u"prompt"_s, u"Rye bread"_s}}));
    QVERIFY(bad.waitForEnd());
    QCOMPARE(bad.types().constLast(), u"error"_s);
    QCOMPARE(bad.data(u"error"_s).value(u"status"_s).toInt(), 502);
    QCOMPARE(bad.data(u"error"_s).value(u"type"_s).toString(), u"/problems/ai-bad-answer"_s);
}

void TestChat::assistsAreForCreatorsAndAdmins()
{
    FakeUpstream fake;
    fake.setFallback(FakeUpstream::geminiText({u"{\"summary\": \"S\", \"key_points\": []}"_s}));
    m_server = serve(u"gemini"_s, &fake);
    QCOMPARE(call("POST", u"/api/v1/ai/summarize"_s, m_bob, {{u"content"_s, u"x"_s}}).status, 403);
    QCOMPARE(call("POST", u"/api/v1/ai/suggest"_s, m_bob, {{u"content"_s, u"x"_s}}).status, 403);
    QCOMPARE(call("POST", u"/api/v1/ai/generate-article"_s, m_bob, {{u"prompt"_s, u"x"_s}}).status, 403);
    QCOMPARE(call("POST", u"/api/v1/ai/summarize"_s, Account{}, {{u"content"_s, u"x"_s}}).status, 401);
    QCOMPARE(fake.requests().size(), 0);
    QCOMPARE(call("POST", u"/api/v1/ai/summarize"_s, m_admin, {{u"content"_s, u"x"_s}}).status, 200);
}

void TestChat::adminStats()
{
    m_server = serve(u"none"_s, nullptr);
    const HttpResponse response = call("GET", u"/api/v1/admin/stats?days=7"_s, m_admin);
    QCOMPARE(response.status, 200);
    const QJsonObject stats = response.json();
    const QJsonObject users = stats.value(u"users"_s).toObject();
    QCOMPARE(users.value(u"total"_s).toInteger(), sql(u"SELECT count(*) FROM users"_s).toLongLong());
    QVERIFY(users.value(u"total"_s).toInteger() >= 5);
    const QJsonObject byRole = users.value(u"by_role"_s).toObject();
    QCOMPARE(byRole.value(u"admin"_s).toInteger(), 1);
    QCOMPARE(byRole.value(u"viewer"_s).toInteger() + byRole.value(u"creator"_s).toInteger() + 1,
             users.value(u"total"_s).toInteger());
    const QJsonArray newPerDay = users.value(u"new_per_day"_s).toArray();
    QCOMPARE(newPerDay.size(), 7);
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    QCOMPARE(newPerDay.last().toObject().value(u"date"_s).toString(), today);
    QCOMPARE(newPerDay.first().toObject().value(u"date"_s).toString(),
             QDateTime::currentDateTimeUtc().date().addDays(-6).toString(Qt::ISODate));
    QCOMPARE(newPerDay.last().toObject().value(u"count"_s).toInteger(), users.value(u"total"_s).toInteger());
    QVERIFY(stats.value(u"articles"_s).toObject().value(u"by_status"_s).toObject().contains(u"published"_s));
    QCOMPARE(stats.value(u"articles"_s).toObject().value(u"published_per_day"_s).toArray().size(), 7);

    const QJsonObject chat = stats.value(u"chat"_s).toObject();
    const qint64 messagesToday = chat.value(u"messages_per_day"_s).toArray().last().toObject().value(u"count"_s).toInteger();
    QCOMPARE(messagesToday, sql(u"SELECT count(*) FROM messages"_s).toLongLong());
    QVERIFY(messagesToday >= 20);
    QVERIFY(chat.value(u"tokens_per_day"_s).toArray().last().toObject().value(u"count"_s).toInteger() > 0);
    QCOMPARE(chat.value(u"tokens_per_day"_s).toArray().first().toObject().value(u"count"_s).toInteger(), 0);

    const QJsonObject ai = stats.value(u"ai"_s).toObject();
    QCOMPARE(ai.value(u"requests"_s).toInteger(), sql(u"SELECT count(*) FROM ai_requests"_s).toLongLong());
    QVERIFY(ai.value(u"requests"_s).toInteger() >= 20);
    // Failures of this run: mid-stream errors, safety blocks, malformed chunks, timeouts, key errors, bad answers.
    QVERIFY(ai.value(u"failures"_s).toInteger() >= 12);
    // The timeouts and the waited-out 429s took more than 900 ms each.
    QVERIFY(ai.value(u"p95_latency_ms"_s).toInteger() > 0);

    QCOMPARE(call("GET", u"/api/v1/admin/stats"_s, m_admin).json().value(u"users"_s).toObject().value(u"new_per_day"_s)
                 .toArray().size(),
             30);
    QCOMPARE(call("GET", u"/api/v1/admin/stats?days=0"_s, m_admin).status, 400);
    QCOMPARE(call("GET", u"/api/v1/admin/stats?days=366"_s, m_admin).status, 400);
    QCOMPARE(call("GET", u"/api/v1/admin/stats?days=abc"_s, m_admin).status, 400);
    QCOMPARE(call("GET", u"/api/v1/admin/stats?days=7&x=1"_s, m_admin).status, 400);
    QCOMPARE(call("GET", u"/api/v1/admin/stats"_s, m_alice).status, 403);
    QCOMPARE(call("GET", u"/api/v1/admin/stats"_s, m_bob).status, 403);
    QCOMPARE(call("GET", u"/api/v1/admin/stats"_s, Account{}).status, 401);
}

void TestChat::routesAreInTheOpenApiDocument()
{
    m_server = serve(u"none"_s, nullptr);
    const QJsonObject paths = HttpClient(m_server->url()).get(u"/openapi.json"_s).json().value(u"paths"_s).toObject();
    const auto statuses = [&](const QString &path, const QString &method) {
        QStringList out = paths.value(path).toObject().value(method).toObject().value(u"responses"_s).toObject().keys();
        return out;
    };
    QVERIFY(statuses(u"/api/v1/conversations"_s, u"post"_s).contains(u"201"_s));
    QVERIFY(statuses(u"/api/v1/conversations"_s, u"get"_s).contains(u"200"_s));
    QVERIFY(statuses(u"/api/v1/conversations/{id}"_s, u"get"_s).contains(u"404"_s));
    QVERIFY(statuses(u"/api/v1/conversations/{id}"_s, u"patch"_s).contains(u"422"_s));
    QVERIFY(statuses(u"/api/v1/conversations/{id}"_s, u"delete"_s).contains(u"204"_s));
    for (const QString &status : {u"201"_s, u"429"_s, u"502"_s, u"503"_s, u"504"_s})
        QVERIFY2(statuses(u"/api/v1/conversations/{id}/messages"_s, u"post"_s).contains(status), qPrintable(status));
    QVERIFY(statuses(u"/api/v1/conversations/{id}/messages/{message_id}/cancel"_s, u"post"_s).contains(u"409"_s));
    QVERIFY(statuses(u"/api/v1/conversations/{id}/messages/{message_id}/regenerate"_s, u"post"_s).contains(u"201"_s));
    for (const QString &assist : {u"generate-article"_s, u"summarize"_s, u"suggest"_s})
        QVERIFY(statuses(u"/api/v1/ai/"_s + assist, u"post"_s).contains(u"403"_s));
    QVERIFY(statuses(u"/api/v1/admin/stats"_s, u"get"_s).contains(u"400"_s));
}

void TestChat::apiKeyNeverReachedAClient()
{
    QVERIFY(everythingReceived().size() > 10'000);
    QVERIFY(!everythingReceived().contains(kKey.toLatin1()));
    QVERIFY(!everythingReceived().contains("TESTKEY"));
}

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
