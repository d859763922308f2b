// Database faults as an operator meets them, against the real inkwelld and its bundled PostgreSQL: the cluster
// stopped under the server's feet and started again, and an instance killed with SIGKILL while it held outbox
// events. What a client sees during the fault (503 with Retry-After, fast), after it (no failed request), and
// what is in the database afterwards.
#include "httpclient.h"
#include "inkwelldprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>
#include <algorithm>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using inkwell::test::HttpClient;
using inkwell::test::HttpResponse;
using inkwell::test::InkwelldProcess;

namespace {

const QString kPassword = u"fault-tolerant-horse-42"_s;

/// One request of a burst.
struct Request {
    QByteArray method;
    QString path;
    QByteArray body;
    QByteArray token;
};

/// What came back for one request of a burst.
struct Answer {
    int status = 0; ///< 0: no HTTP answer
    QByteArray body;
    QByteArray retryAfter;
    QString path;
    qint64 elapsedMs = 0;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// Sends every request at once, each on a connection of its own (so that the server's listener threads
/// share them out), and waits for every answer.
QList<Answer> burst(const QUrl &base, const QList<Request> &requests, int timeoutMs = 30000)
{
    QNetworkAccessManager manager;
    QList<Answer> answers(requests.size());
    int finished = 0;
    QElapsedTimer clock;
    clock.start();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const Request &request = requests.at(i);
        QNetworkRequest networkRequest(base.resolved(QUrl(request.path)));
        networkRequest.setRawHeader("Connection", "close");
        networkRequest.setTransferTimeout(timeoutMs);
        if (!request.body.isEmpty())
            networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!request.token.isEmpty())
            networkRequest.setRawHeader("Authorization", "Bearer " + request.token);
        answers[i].path = request.path;
        QNetworkReply *reply = manager.sendCustomRequest(networkRequest, request.method, request.body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, i, &answers, &finished, &clock, request] {
            Answer &answer = answers[i];
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->readAll();
            answer.retryAfter = reply->rawHeader("Retry-After");
            answer.path = request.path;
            answer.elapsedMs = clock.elapsed();
            ++finished;
            reply->deleteLater();
        });
    }
    if (!QTest::qWaitFor([&] { return finished == requests.size(); }, timeoutMs + 5000)) {
        for (const Answer &answer : std::as_const(answers)) {
            if (answer.elapsedMs == 0)
                qWarning().noquote() << "no answer within" << timeoutMs << "ms:" << answer.path;
        }
    }
    return answers;
}

/// The folder of PostgreSQL's programs, as inkwelld looks for it.
QString pgBinDir()
{
    const QString fromEnv = qEnvironmentVariable("INKWELL_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString onPath = QStandardPaths::findExecutable(u"pg_ctl"_s);
    if (!onPath.isEmpty())
        return QFileInfo(onPath).absolutePath();
    QStringList versions = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    return versions.isEmpty() ? QString() : u"/usr/lib/postgresql/%1/bin"_s.arg(versions.last());
}

/// Runs a PostgreSQL program as the owner of the cluster (inkwelld runs it as `postgres` when it is root).
std::pair<int, QString> runAsClusterOwner(const QString &dataDir, const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(u"/"_s);
    const QString path = pgBinDir() + u'/' + program;
    const uint owner = QFileInfo(dataDir + u"/postgres/data"_s).ownerId();
    if (::geteuid() == 0 && owner != 0) {
        const passwd *user = ::getpwuid(owner);
        process.start(u"runuser"_s,
                      QStringList{u"-u"_s, QString::fromLocal8Bit(user ? user->pw_name : "postgres"), u"--"_s, path} +
                          arguments);
    } else {
        process.start(path, arguments);
    }
    if (!process.waitForFinished(120000))
        return {-1, u"%1 did not finish"_s.arg(program)};
    return {process.exitCode(), QString::fromLocal8Bit(process.readAll())};
}

/// The psql command line that reaches the bundled cluster of `dataDir` as inkwelld's role.
QProcess *psqlProcess(const QString &dataDir, QObject *parent)
{
    auto *process = new QProcess(parent);
    QFile password(dataDir + u"/db-password"_s);
    if (!password.open(QIODevice::ReadOnly))
        qWarning().noquote() << "cannot read" << password.fileName();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, QString::fromUtf8(password.readAll().trimmed()));
    process->setProcessEnvironment(env);
    process->setProgram(u"psql"_s);
    process->setArguments({u"-X"_s, u"-q"_s, u"-A"_s, u"-t"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-h"_s,
                           dataDir + u"/postgres"_s, u"-p"_s, u"5432"_s, u"-U"_s, u"inkwell"_s, u"-d"_s, u"inkwell"_s});
    return process;
}

/// Runs one SQL text through psql; the rows as `|`-separated lines.
QStringList sql(const QString &dataDir, const QString &text)
{
    QObject owner;
    QProcess *process = psqlProcess(dataDir, &owner);
    process->setArguments(process->arguments() + QStringList{u"-c"_s, text});
    process->start();
    if (!process->waitForFinished(60000) || process->exitCode() != 0) {
        qWarning().noquote() << "psql failed:" << process->readAllStandardError();
        return {u"<psql failed>"_s};
    }
    return QString::fromUtf8(process->readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

int countLines(const QString &text, const QString &needle)
{
    return int(text.count(needle));
}

} // namespace

class TestDbFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void outageAnswers503AndRecoversWithoutFailures();
    void restartUnnoticedLeavesNoStaleConnection();
    void killedInstanceLosesNoAcknowledgedWrite();
    void claimsOfADeadInstanceAreHandledByAnother();
    void cleanupTestCase();

private:
    bool pgCtl(const QStringList &arguments);
    QString registerUser(const QString &email, QString *id = nullptr);
    QList<Request> mixedRequests(int count);

    std::unique_ptr<InkwelldProcess> m_server;
    HttpClient m_client;
    QString m_email;
    QByteArray m_token;
    int m_serial = 0;
};

void TestDbFaults::initTestCase()
{
    QVERIFY2(!pgBinDir().isEmpty(), "PostgreSQL's programs (pg_ctl) are needed");
    QVERIFY2(!QStandardPaths::findExecutable(u"psql"_s).isEmpty(), "psql is needed");
    m_server = std::make_unique<InkwelldProcess>();
    m_server->setEnvironment(u"INKWELL_THREADS"_s, u"2"_s);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_client.setBase(m_server->url());
    m_email = u"writer@example.com"_s;
    m_token = registerUser(m_email).toUtf8();
    QVERIFY(!m_token.isEmpty());
}

void TestDbFaults::cleanupTestCase()
{
    if (m_server)
        QVERIFY(m_server->stop());
}

QString TestDbFaults::registerUser(const QString &email, QString *id)
{
    const HttpResponse created = m_client.send(
        "POST", u"/api/v1/auth/register"_s,
        QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, kPassword}, {u"full_name"_s, u"Fault Writer"_s}})
            .toJson(),
        {{"Content-Type", "application/json"}});
    if (created.status != 201) {
        qWarning() << "register failed" << created.status << created.body;
        return {};
    }
    if (id)
        *id = created.json().value(u"user"_s).toObject().value(u"id"_s).toString();
    return created.json().value(u"access_token"_s).toString();
}

/// Requests that each need the database: a write, a read, a login (its password check runs on a password worker,
/// its queries on the listener's connection), the health check.
QList<Request> TestDbFaults::mixedRequests(int count)
{
    QList<Request> requests;
    for (int i = 0; i < count; ++i) {
        switch (i % 8 == 6 ? 1 : i % 4) { // a login in every 8: each costs an Argon2 hash
        case 0:
            requests.append({"POST", u"/api/v1/articles"_s,
                             QJsonDocument(QJsonObject{{u"title"_s, u"Fault %1"_s.arg(++m_serial)},
                                                       {u"content"_s, u"Written while the database comes and goes."_s}})
                                 .toJson(),
                             m_token});
            break;
        case 1:
            requests.append({"GET", u"/api/v1/notifications"_s, {}, m_token});
            break;
        case 2:
            requests.append({"POST",
                             u"/api/v1/auth/login"_s,
                             QJsonDocument(QJsonObject{{u"email"_s, m_email}, {u"password"_s, kPassword}}).toJson(),
                             {}});
            break;
        default:
            requests.append({"GET", u"/health/db"_s, {}, {}});
            break;
        }
    }
    return requests;
}

void TestDbFaults::outageAnswers503AndRecoversWithoutFailures()
{
    // Every listener thread and the workers hold a connection before the outage.
    for (const Answer &answer : burst(m_server->url(), mixedRequests(16)))
        QVERIFY2(answer.status >= 200 && answer.status < 300,
                 qPrintable(answer.path + u' ' + QString::number(answer.status)));

    QVERIFY(pgCtl({u"stop"_s, u"-m"_s, u"fast"_s}));

    // During the outage: 503 /problems/unavailable with Retry-After, within a second, for everything that needs
    // the database; the health check says the database is down.
    const QList<Answer> during = burst(m_server->url(), mixedRequests(12));
    for (const Answer &answer : during) {
        qInfo().noquote() << "during the outage:" << answer.path << answer.status << answer.elapsedMs << "ms";
        QCOMPARE(answer.status, 503);
        QVERIFY2(answer.elapsedMs < 1000, qPrintable(u"%1 took %2 ms"_s.arg(answer.path).arg(answer.elapsedMs)));
        if (answer.path == u"/health/db"_s) {
            QCOMPARE(answer.json().value(u"status"_s).toString(), u"unhealthy"_s);
        } else {
            QCOMPARE(answer.json().value(u"type"_s).toString(), u"/problems/unavailable"_s);
            QVERIFY2(answer.retryAfter.toInt() >= 1, answer.body.constData());
        }
    }

    QVERIFY(pgCtl({u"start"_s}));

    // Back: not one request fails, on any listener thread (the stale connections are noticed and replaced).
    const QList<Answer> after = burst(m_server->url(), mixedRequests(40));
    int failed = 0;
    for (const Answer &answer : after) {
        if (answer.status < 200 || answer.status >= 300) {
            ++failed;
            qWarning().noquote() << "failed after the database was back:" << answer.path << answer.status
                                 << answer.body;
        }
    }
    qInfo() << "after the database was back:" << after.size() << "requests," << failed << "failed";
    QCOMPARE(failed, 0);
    QCOMPARE(m_client.get(u"/health/db"_s).status, 200);

    // The log tells the story in two lines, not one per request.
    const QString log = m_server->output();
    for (const QString &line : log.split(u'\n')) {
        if (line.contains(u"inkwell.server.db"_s))
            qInfo().noquote() << "log:" << line;
    }
    QCOMPARE(countLines(log, u"the database is unavailable"_s), 1);
    QCOMPARE(countLines(log, u"the database is reachable again"_s), 1);
    QCOMPARE(countLines(log, u"Unable to free statement"_s), 0);
}

bool TestDbFaults::pgCtl(const QStringList &arguments)
{
    const QString dataDir = m_server->dataDir();
    QStringList all = arguments;
    all << u"-D"_s << dataDir + u"/postgres/data"_s << u"-w"_s;
    if (arguments.value(0) == u"start"_s)
        all << u"-l"_s << dataDir + u"/postgres/server.log"_s;
    const auto [code, output] = runAsClusterOwner(dataDir, u"pg_ctl"_s, all);
    if (code != 0)
        qWarning().noquote() << "pg_ctl" << arguments.join(u' ') << "failed:" << output;
    return code == 0;
}

void TestDbFaults::restartUnnoticedLeavesNoStaleConnection()
{
    // The case: PostgreSQL restarted while no request came, so every thread still holds a connection
    // to the old server. The first request on each must not fail.
    for (const Answer &answer : burst(m_server->url(), mixedRequests(16)))
        QVERIFY2(answer.status >= 200 && answer.status < 300,
                 qPrintable(answer.path + u' ' + QString::number(answer.status)));
    QVERIFY(pgCtl({u"stop"_s, u"-m"_s, u"fast"_s}));
    QVERIFY(pgCtl({u"start"_s}));
    const QList<Answer> after = burst(m_server->url(), mixedRequests(40));
    int failed = 0;
    for (const Answer &answer : after) {
        if (answer.status < 200 || answer.status >= 300) {
            ++failed;
            qWarning().noquote() << "failed after an unnoticed restart:" << answer.path << answer.status << answer.body;
        }
    }
    qInfo() << "after an unnoticed restart:" << after.size() << "requests," << failed << "failed";
    QCOMPARE(failed, 0);
}

void TestDbFaults::killedInstanceLosesNoAcknowledgedWrite()
{
    const QString dataDir = m_server->dataDir();
    // Articles created published: each one also commits an outbox event with it.
    QList<Request> writes;
    for (int i = 0; i < 60; ++i) {
        writes.append({"POST", u"/api/v1/articles"_s,
                       QJsonDocument(QJsonObject{{u"title"_s, u"Kill %1"_s.arg(i)},
                                                 {u"content"_s, u"Written while the server is killed."_s},
                                                 {u"status"_s, u"published"_s}})
                           .toJson(),
                       m_token});
    }
    // The kill lands while the writes are in flight.
    QNetworkAccessManager manager;
    QList<Answer> answers(writes.size());
    int finished = 0;
    bool killed = false;
    for (qsizetype i = 0; i < writes.size(); ++i) {
        QNetworkRequest request(m_server->url().resolved(QUrl(writes.at(i).path)));
        request.setRawHeader("Connection", "close");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply *reply = manager.post(request, writes.at(i).body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, i] {
            answers[i].status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answers[i].body = reply->readAll();
            ++finished;
            if (finished == 12 && !killed) {
                killed = true;
                m_server->kill();
            }
            reply->deleteLater();
        });
    }
    QVERIFY(QTest::qWaitFor([&] { return finished == writes.size(); }, 60000));
    QVERIFY(killed);
    QStringList acknowledged;
    for (const Answer &answer : std::as_const(answers)) {
        if (answer.status == 201)
            acknowledged << answer.json().value(u"id"_s).toString();
    }
    QVERIFY(acknowledged.size() >= 12);

    // A new instance adopts the cluster the dead one left running.
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    int found = 0;
    for (const QString &id : std::as_const(acknowledged))
        found += m_client.get(u"/api/v1/articles/"_s + id, {{"Authorization", "Bearer " + m_token}}).status == 200;
    qInfo() << "SIGKILL under write load: sent" << writes.size() << "acknowledged" << acknowledged.size() << "found"
            << found;
    QCOMPARE(found, acknowledged.size());
    // Every event the dead instance committed is handled by the new one, each once.
    QTRY_COMPARE_WITH_TIMEOUT(sql(dataDir, u"SELECT count(*) FROM outbox WHERE processed_at IS NULL"_s),
                              QStringList{u"0"_s}, 30000);
    QCOMPARE(sql(dataDir, u"SELECT count(*) FROM outbox WHERE attempts <> 1"_s), QStringList{u"0"_s});
}

void TestDbFaults::claimsOfADeadInstanceAreHandledByAnother()
{
    const QString dataDir = m_server->dataDir();
    // The worker claims events with SELECT ... FOR UPDATE SKIP LOCKED inside the transaction that handles them:
    // a session that claimed events and died must not keep them from the other instances. The dying instance
    // here is a session that claims exactly as the worker does, so that the kill lands while it holds them.
    const QString userId = sql(dataDir, u"SELECT id FROM users ORDER BY created_at LIMIT 1"_s).value(0);
    QVERIFY(!userId.isEmpty());
    QObject owner;
    QProcess *claimer = psqlProcess(dataDir, &owner);
    claimer->start();
    QVERIFY(claimer->waitForStarted());
    // Not due for a second, so that the running instance cannot take them before the claim below does.
    claimer->write(u"INSERT INTO outbox (topic, payload, available_at) SELECT 'user.created', "
                   "jsonb_build_object('user_id', '%1', 'full_name', 'Claimed Writer'), now() + interval '1 s' "
                   "FROM generate_series(1, 3);\n"
                   "BEGIN;\n"
                   "SELECT count(*) FROM (SELECT id FROM outbox WHERE processed_at IS NULL AND topic = 'user.created' "
                   "FOR UPDATE SKIP LOCKED) AS claimed;\n"_s.arg(userId)
                       .toUtf8());
    // The claim is held once the session sits idle in its transaction.
    QTRY_COMPARE_WITH_TIMEOUT(sql(dataDir, u"SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' "
                                           "AND application_name = 'psql'"_s),
                              QStringList{u"1"_s}, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(
        sql(dataDir, u"SELECT count(*) FROM outbox WHERE processed_at IS NULL AND available_at <= now()"_s),
        QStringList{u"3"_s}, 10000);

    // While the claim is held, the running instance works the outbox (a new account's event) and skips them.
    QString newcomerId;
    QVERIFY(!registerUser(u"newcomer@example.com"_s, &newcomerId).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(sql(dataDir, u"SELECT count(*) FROM outbox WHERE processed_at IS NOT NULL "
                                           "AND payload->>'user_id' = '%1'"_s.arg(newcomerId)),
                              QStringList{u"1"_s}, 30000);
    QCOMPARE(sql(dataDir, u"SELECT count(*) FROM outbox WHERE processed_at IS NULL"_s), QStringList{u"3"_s});

    claimer->kill(); // SIGKILL: the session ends without a word, and with it the claim
    QVERIFY(claimer->waitForFinished(10000));
    QTRY_COMPARE_WITH_TIMEOUT(sql(dataDir, u"SELECT count(*) FROM outbox WHERE processed_at IS NULL"_s),
                              QStringList{u"0"_s}, 30000);
    QCOMPARE(sql(dataDir, u"SELECT count(*) FROM outbox WHERE attempts <> 1"_s), QStringList{u"0"_s});
}

QTEST_GUILESS_MAIN(TestDbFaults)
#include "tst_dbfaults.moc"
