// The OpenAPI document as a contract: a scenario that calls every route of the real inkwelld through Prism
// (@stoplight/prism-cli) in proxy mode with --errors, which checks each request and each answer against the
// server's own /openapi.json. A route the document lists but the scenario does not call fails the test, so a new
// route needs its scenario too.
//
// What Prism cannot check here: Server-Sent-Events streams. A proxy buffers the whole answer before it checks it,
// and the notification stream never ends, so GET /notifications/stream is called with a spent session and checked
// as its 401 problem; chat, regenerate and generate-article are called in JSON mode (Accept: application/json).
// The events themselves are covered by tst_chat, tst_notifications and tst_assist. Prism also does not check
// headers the document does not declare (ETag, Location, Retry-After) or query parameters (none are declared).
#include "fakeupstream.h"
#include "httpclient.h"
#include "inkwelldprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QUuid>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using inkwell::test::FakeUpstream;
using inkwell::test::HttpClient;
using inkwell::test::HttpResponse;
using inkwell::test::InkwelldProcess;

namespace {

const QString kPassword = u"contract test passphrase 42"_s;
const QString kNewPassword = u"contract test passphrase 43"_s;

/// What the server's /health/ai probe gets (GET /v1/models) whenever no answer is queued.
FakeUpstream::Reply modelsReply()
{
    FakeUpstream::Reply reply;
    reply.headers = {{"Content-Type", "application/json"}};
    reply.chunks = {{R"({"object": "list", "data": [{"id": "test-model", "object": "model"}]})", 0}};
    return reply;
}

/// An OpenAI-style answer whose text is @p answer as JSON (what the assists ask the model for).
FakeUpstream::Reply jsonAnswer(const QJsonObject &answer)
{
    return FakeUpstream::openaiText({QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))});
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// Whether Prism answered itself (a refused request, a violating answer) rather than passing the server's on.
bool isPrismProblem(const HttpResponse &response)
{
    return response.json().value(u"type"_s).toString().startsWith(u"https://stoplight.io/prism/errors#"_s);
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestContract : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyRouteKeepsTheContract();
    void prismFindsWhatBreaksTheContract();

private:
    /// Calls `method path` through Prism, `path` being the document's template with its `{param}`s replaced by
    /// @p args in order; records the operation as covered; requires @p expected and no violation of either side.
    HttpResponse call(const QByteArray &method, const QString &path, const QStringList &args, int expected,
                      const QString &token = {}, const QJsonObject &body = {},
                      QHash<QByteArray, QByteArray> headers = {});
    /// Registers or signs in, returning the grant.
    QJsonObject signUp(const QString &email, const QString &name);

    std::unique_ptr<FakeUpstream> m_fake;
    std::unique_ptr<InkwelldProcess> m_server;
    std::unique_ptr<QTemporaryFile> m_document;
    QProcess m_prism;
    QUrl m_prismUrl;
    QSet<QString> m_documented; ///< "GET /api/v1/articles/{id}"
    QSet<QString> m_covered;
    QStringList m_failures; ///< call()s that broke the contract, for one message at the end
};

void TestContract::initTestCase()
{
    const QString prism = QStringLiteral(INKWELL_NODE_MODULES "/.bin/prism");
    QVERIFY2(QFileInfo::exists(prism), "Prism is not installed: run npm ci --prefix tests/tools (installer/test.sh)");

    m_fake = std::make_unique<FakeUpstream>();
    QVERIFY2(m_fake->port() != 0, qPrintable(m_fake->error()));
    m_fake->setFallback(modelsReply());
    m_server = std::make_unique<InkwelldProcess>();
    m_server->setEnvironment(u"INKWELL_AI_PROVIDER"_s, u"openai"_s);
    m_server->setEnvironment(u"INKWELL_AI_MODEL"_s, u"test-model"_s);
    m_server->setEnvironment(u"INKWELL_AI_BASE_URL"_s, m_fake->baseUrl());
    m_server->setEnvironment(u"INKWELL_AI_REQUESTS_PER_MIN"_s, u"1000"_s);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));

    // The document Prism checks against is the one the server serves.
    HttpClient direct(m_server->url());
    const HttpResponse document = direct.get(u"/openapi.json"_s);
    QCOMPARE(document.status, 200);
    const QJsonObject paths = document.json().value(u"paths"_s).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op)
            m_documented.insert(op.key().toUpper() + u' ' + path.key());
    }
    QVERIFY(m_documented.size() > 40);
    // Every write that takes a body says which, and every answer with a body has a schema (tst_http checks the
    // rest of the shape on its routes).
    int bodies = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            const QJsonObject operation = op.value().toObject();
            bodies += operation.contains(u"requestBody"_s) ? 1 : 0;
            const QJsonObject responses = operation.value(u"responses"_s).toObject();
            for (auto answer = responses.begin(); answer != responses.end(); ++answer) {
                QVERIFY2(answer.key() == u"204"_s || answer.value().toObject().contains(u"content"_s),
                         qPrintable(op.key() + u' ' + path.key() + u' ' + answer.key()));
            }
        }
    }
    QCOMPARE(bodies, 16); // register, login, refresh, logout, password, profile, admin patch, article post, put and
                          // patch, conversation post and patch, message, and the three assists
    m_document = std::make_unique<QTemporaryFile>(QDir::tempPath() + u"/inkwell-openapi-XXXXXX.json"_s);
    QVERIFY(m_document->open());
    m_document->write(document.body);
    m_document->close();

    const quint16 port = freePort();
    QVERIFY(port != 0);
    m_prismUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    m_prism.setProcessChannelMode(QProcess::MergedChannels);
    m_prism.start(u"node"_s, {prism, u"proxy"_s, u"--errors"_s, m_document->fileName(), m_server->url().toString(),
                              u"--host"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port)});
    QVERIFY2(m_prism.waitForStarted(), qPrintable(m_prism.errorString()));
    // Listening once an answer comes back through it (Node takes a few seconds to load Prism).
    HttpClient probe(m_prismUrl);
    probe.setTimeoutMs(2000);
    QTRY_VERIFY2_WITH_TIMEOUT(m_prism.state() == QProcess::Running && probe.get(u"/health"_s).status == 200,
                              m_prism.readAll().constData(), 60000);
}

void TestContract::cleanupTestCase()
{
    if (m_prism.state() != QProcess::NotRunning) {
        m_prism.terminate();
        if (!m_prism.waitForFinished(10000))
            m_prism.kill();
        m_prism.waitForFinished(5000);
    }
    if (m_server)
        QVERIFY(m_server->stop());
}

HttpResponse TestContract::call(const QByteArray &method, const QString &path, const QStringList &args, int expected,
                                const QString &token, const QJsonObject &body, QHash<QByteArray, QByteArray> headers)
{
    m_covered.insert(QString::fromLatin1(method) + u' ' + path.section(u'?', 0, 0));
    QString concrete = path;
    static const QRegularExpression param(u"\\{[a-z_]+\\}"_s);
    for (const QString &arg : args) {
        const QRegularExpressionMatch match = param.match(concrete);
        if (match.hasMatch())
            concrete.replace(match.capturedStart(), match.capturedLength(), arg);
    }
    if (!token.isEmpty())
        headers.insert("Authorization", "Bearer " + token.toLatin1());
    if (!headers.contains("Accept"))
        headers.insert("Accept", "application/json");
    HttpClient client(m_prismUrl);
    client.setTimeoutMs(30000);
    const HttpResponse response = client.send(method, concrete, body.isEmpty() ? QByteArray() : json(body), headers);
    const QString what = QString::fromLatin1(method) + u' ' + concrete;
    // Prism marks what it finds: a violation of either side, errors and warnings alike, in an sl-violations header;
    // with --errors a violating answer becomes its own 500 problem (type .../prism/errors#VIOLATIONS). A request
    // it refuses never reaches the server: its own 422 problem (#UNPROCESSABLE_ENTITY), without that header.
    QString failure;
    if (!response.header("sl-violations").isEmpty())
        failure = what + u": "_s + QString::fromUtf8(response.header("sl-violations"));
    else if (isPrismProblem(response))
        failure = what + u": "_s + QString::fromUtf8(response.body);
    else if (response.status != expected)
        failure = what + u": status %1, expected %2: "_s.arg(response.status).arg(expected) +
                  QString::fromUtf8(response.body.left(600));
    if (!failure.isEmpty()) {
        qWarning().noquote() << failure; // at once: a later step may stop the scenario
        m_failures.append(failure);
    }
    return response;
}

QJsonObject TestContract::signUp(const QString &email, const QString &name)
{
    return call("POST", u"/api/v1/auth/register"_s, {}, 201, {},
                {{u"email"_s, email}, {u"password"_s, kPassword}, {u"full_name"_s, name}})
        .json();
}

void TestContract::everyRouteKeepsTheContract()
{
    // ---- Operations and health
    call("GET", u"/health"_s, {}, 200);
    call("GET", u"/health/db"_s, {}, 200);
    call("GET", u"/health/ai"_s, {}, 200);
    call("GET", u"/metrics"_s, {}, 200, {}, {}, {{"Accept", "text/plain"}});
    call("GET", u"/openapi.json"_s, {}, 200);

    // ---- Accounts: the first account is the admin, the next a creator (the test server's sign-up role)
    const QJsonObject adminGrant = signUp(u"ada@example.com"_s, u"Ada Admin"_s);
    const QString admin = adminGrant.value(u"access_token"_s).toString();
    const QString adminId = adminGrant.value(u"user"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!admin.isEmpty());
    const QJsonObject creatorGrant = signUp(u"cora@example.com"_s, u"Cora Creator"_s);
    const QString creatorId = creatorGrant.value(u"user"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!creatorId.isEmpty());
    call("POST", u"/api/v1/auth/register"_s, {}, 409, {},
         {{u"email"_s, u"cora@example.com"_s}, {u"password"_s, kPassword}, {u"full_name"_s, u"Cora Again"_s}});
    call("POST", u"/api/v1/auth/login"_s, {}, 401, {},
         {{u"email"_s, u"cora@example.com"_s}, {u"password"_s, u"not the password"_s}});
    const QJsonObject login = call("POST", u"/api/v1/auth/login"_s, {}, 200, {},
                                   {{u"email"_s, u"cora@example.com"_s}, {u"password"_s, kPassword}})
                                  .json();
    const QJsonObject refreshed = call("POST", u"/api/v1/auth/refresh"_s, {}, 200, {},
                                       {{u"refresh_token"_s, login.value(u"refresh_token"_s).toString()}})
                                      .json();
    const QString creator = refreshed.value(u"access_token"_s).toString();
    QVERIFY(!creator.isEmpty());
    call("GET", u"/api/v1/auth/me"_s, {}, 200, creator);
    call("GET", u"/api/v1/auth/me"_s, {}, 401);
    call("PATCH", u"/api/v1/users/me"_s, {}, 200, creator,
         {{u"full_name"_s, u"Cora C. Creator"_s},
          {u"bio"_s, u"Writes about looms."_s},
          {u"avatar_url"_s, u"https://example.com/cora.png"_s}});
    call("GET", u"/api/v1/users/{id}"_s, {adminId}, 200);
    call("GET", u"/api/v1/users/{id}"_s, {QUuid::createUuid().toString(QUuid::WithoutBraces)}, 404);
    call("PUT", u"/api/v1/users/{id}/follow"_s, {creatorId}, 204, admin); // so the admin hears of Cora's articles
    call("PUT", u"/api/v1/users/{id}/follow"_s, {adminId}, 204, creator);
    call("GET", u"/api/v1/users/{id}/followers"_s, {adminId}, 200);
    call("DELETE", u"/api/v1/users/{id}/follow"_s, {adminId}, 204, creator);

    // ---- Articles
    const QJsonObject draft = call("POST", u"/api/v1/articles"_s, {}, 201, creator,
                                   {{u"title"_s, u"On Looms"_s},
                                    {u"content"_s, u"# Looms\n\nThey *weave*."_s},
                                    {u"excerpt"_s, u"They weave."_s},
                                    {u"tags"_s, QJsonArray{u"weaving"_s, u"history"_s}},
                                    {u"status"_s, u"draft"_s}})
                                  .json();
    const QString articleId = draft.value(u"id"_s).toString();
    QVERIFY(!articleId.isEmpty());
    // Valid for the schema (tags are unique only ignoring case), refused by the server: a 422 Prism lets through.
    call("POST", u"/api/v1/articles"_s, {}, 422, creator,
         {{u"title"_s, u"Twice"_s}, {u"content"_s, u"x"_s}, {u"tags"_s, QJsonArray{u"Loom"_s, u"loom"_s}}});
    call("GET", u"/api/v1/articles/{id}"_s, {articleId}, 200, creator);
    call("GET", u"/api/v1/articles/{id}"_s, {QUuid::createUuid().toString(QUuid::WithoutBraces)}, 404, creator);
    call("GET", u"/api/v1/articles/by-slug/{slug}"_s, {draft.value(u"slug"_s).toString()}, 200, creator);
    call("PATCH", u"/api/v1/articles/{id}"_s, {articleId}, 200, creator, {{u"excerpt"_s, u"Looms weave."_s}},
         {{"If-Match", "\"1\""}});
    call("PATCH", u"/api/v1/articles/{id}"_s, {articleId}, 412, creator, {{u"excerpt"_s, u"Stale."_s}},
         {{"If-Match", "\"1\""}});
    call("POST", u"/api/v1/articles/{id}/publish"_s, {articleId}, 200, creator);
    call("POST", u"/api/v1/articles/{id}/unpublish"_s, {articleId}, 200, creator);
    call("POST", u"/api/v1/articles/{id}/archive"_s, {articleId}, 200, creator);
    call("POST", u"/api/v1/articles/{id}/publish"_s, {articleId}, 200, creator);
    call("GET", u"/api/v1/articles/{id}/revisions"_s, {articleId}, 200, creator);
    call("GET", u"/api/v1/articles/{id}/revisions/{n}"_s, {articleId, u"1"_s}, 200, creator);

    const QString offlineId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject offline{{u"title"_s, u"Written offline"_s}, {u"content"_s, u"On a train."_s}};
    call("PUT", u"/api/v1/articles/{id}"_s, {offlineId}, 201, creator, offline);
    call("PUT", u"/api/v1/articles/{id}"_s, {offlineId}, 200, creator,
         {{u"title"_s, u"Written offline, revised"_s}, {u"content"_s, u"On a train."_s}}, {{"If-Match", "\"1\""}});
    call("DELETE", u"/api/v1/articles/{id}"_s, {offlineId}, 204, creator, {}, {{"If-Match", "\"2\""}});
    call("POST", u"/api/v1/admin/articles/{id}/restore"_s, {offlineId}, 200, admin);

    call("GET", u"/api/v1/articles"_s, {}, 200);
    call("GET", u"/api/v1/articles?status=draft"_s, {}, 200, creator);
    call("GET", u"/api/v1/tags"_s, {}, 200);
    call("GET", u"/api/v1/search?q=looms"_s, {}, 200, creator);
    call("GET", u"/api/v1/sync/changes"_s, {}, 200, creator);
    call("GET", u"/api/v1/sync/changes?limit=0"_s, {}, 400, creator);

    // ---- Notifications: the admin follows Cora, so her publication reached them (through the outbox)
    QTRY_VERIFY_WITH_TIMEOUT(
        call("GET", u"/api/v1/notifications/unread-count"_s, {}, 200, admin).json().value(u"count"_s).toInt() > 0,
        30000);
    const QJsonArray notifications =
        call("GET", u"/api/v1/notifications"_s, {}, 200, admin).json().value(u"items"_s).toArray();
    QVERIFY(!notifications.isEmpty());
    call("POST", u"/api/v1/notifications/{id}/read"_s, {notifications.first().toObject().value(u"id"_s).toString()},
         200, admin);
    call("POST", u"/api/v1/notifications/read-all"_s, {}, 200, admin);
    call("GET", u"/api/v1/notifications/stream"_s, {}, 401, u"not-a-token"_s, {}, {{"Accept", "text/event-stream"}});

    // ---- Chat, in JSON mode
    const QJsonObject conversation = call("POST", u"/api/v1/conversations"_s, {}, 201, creator,
                                          {{u"title"_s, u"Looms"_s}, {u"system_prompt"_s, u"Be brief."_s}})
                                         .json();
    const QString conversationId = conversation.value(u"id"_s).toString();
    QVERIFY(!conversationId.isEmpty());
    call("GET", u"/api/v1/conversations"_s, {}, 200, creator);
    call("PATCH", u"/api/v1/conversations/{id}"_s, {conversationId}, 200, creator,
         {{u"system_prompt"_s, QJsonValue()}});
    m_fake->enqueue(FakeUpstream::openaiText({u"Looms "_s, u"weave."_s}));
    const QJsonObject exchange = call("POST", u"/api/v1/conversations/{id}/messages"_s, {conversationId}, 201, creator,
                                      {{u"content"_s, u"What do looms do?"_s}})
                                     .json();
    const QString answerId = exchange.value(u"assistant_message"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!answerId.isEmpty());
    m_fake->enqueue(FakeUpstream::openaiText({u"They weave cloth."_s}));
    call("POST", u"/api/v1/conversations/{id}/messages/{message_id}/regenerate"_s, {conversationId, answerId}, 201,
         creator);
    call("POST", u"/api/v1/conversations/{id}/messages/{message_id}/cancel"_s, {conversationId, answerId}, 409,
         creator);
    call("GET", u"/api/v1/conversations/{id}"_s, {conversationId}, 200, creator);
    call("DELETE", u"/api/v1/conversations/{id}"_s, {conversationId}, 204, creator);
    call("GET", u"/api/v1/conversations/{id}"_s, {conversationId}, 404, creator);

    // ---- AI assists, in JSON mode
    call("GET", u"/api/v1/ai/quota"_s, {}, 200, creator);
    m_fake->enqueue(jsonAnswer({{u"title"_s, u"Looms"_s},
                                {u"content"_s, u"# Looms\n\nThey weave."_s},
                                {u"excerpt"_s, u"They weave."_s},
                                {u"tags"_s, QJsonArray{u"weaving"_s}}}));
    call("POST", u"/api/v1/ai/generate-article"_s, {}, 200, creator, {{u"prompt"_s, u"Looms"_s}});
    m_fake->enqueue(jsonAnswer({{u"summary"_s, u"Looms weave."_s}, {u"key_points"_s, QJsonArray{u"weaving"_s}}}));
    call("POST", u"/api/v1/ai/summarize"_s, {}, 200, creator, {{u"content"_s, u"Looms weave cloth from thread."_s}});
    m_fake->enqueue(jsonAnswer({{u"titles"_s, QJsonArray{u"On Looms"_s}},
                                {u"excerpt"_s, u"Looms weave."_s},
                                {u"tags"_s, QJsonArray{u"weaving"_s}}}));
    call("POST", u"/api/v1/ai/suggest"_s, {}, 200, creator, {{u"content"_s, u"Looms weave cloth from thread."_s}});

    // ---- Administration
    call("GET", u"/api/v1/admin/users"_s, {}, 200, admin);
    call("GET", u"/api/v1/admin/users"_s, {}, 403, creator);
    call("PATCH", u"/api/v1/admin/users/{id}"_s, {creatorId}, 200, admin, {{u"role"_s, u"creator"_s}});
    call("GET", u"/api/v1/admin/stats?days=7"_s, {}, 200, admin);
    call("GET", u"/api/v1/admin/audit-log"_s, {}, 200, admin);

    // ---- Ending sessions
    call("POST", u"/api/v1/auth/password"_s, {}, 204, creator,
         {{u"current_password"_s, kPassword}, {u"new_password"_s, kNewPassword}});
    call("POST", u"/api/v1/auth/logout"_s, {}, 204, {},
         {{u"refresh_token"_s, adminGrant.value(u"refresh_token"_s).toString()}});

    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"\n"_s)));
    // Prism's own log names every violation it saw, and every answer it made itself, as warnings (⚠) or errors (✖).
    const QString log = QString::fromUtf8(m_prism.readAll());
    QVERIFY2(!log.contains(u"Violation"_s) && !log.contains(u"\u26A0"_s) && !log.contains(u"\u2716"_s),
             qPrintable(log));
    // Every operation of the document was called, and nothing outside it.
    const QSet<QString> uncovered = m_documented - m_covered;
    QVERIFY2(uncovered.isEmpty(), qPrintable(QStringList(uncovered.begin(), uncovered.end()).join(u", "_s)));
    const QSet<QString> undocumented = m_covered - m_documented;
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.begin(), undocumented.end()).join(u", "_s)));
}

void TestContract::prismFindsWhatBreaksTheContract()
{
    // The check can fail: a password shorter than the schema allows is refused by Prism itself, naming the member,
    // before it reaches the server; and Prism logs the violation.
    HttpClient client(m_prismUrl);
    const HttpResponse refused = client.send(
        "POST", u"/api/v1/auth/register"_s,
        json({{u"email"_s, u"short@example.com"_s}, {u"password"_s, u"short"_s}, {u"full_name"_s, u"Short"_s}}));
    QCOMPARE(refused.status, 422);
    QVERIFY2(isPrismProblem(refused), refused.body.constData());
    const QJsonArray validation = refused.json().value(u"validation"_s).toArray();
    QCOMPARE(validation.size(), 1);
    QCOMPARE(validation.first().toObject().value(u"location"_s).toArray(), (QJsonArray{u"body"_s, u"password"_s}));
    QByteArray log;
    QTRY_VERIFY2((log += m_prism.readAll())
                     .contains("Request terminated with error: "
                               "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY"),
                 log.constData());
}

QTEST_GUILESS_MAIN(TestContract)
#include "tst_contract.moc"
