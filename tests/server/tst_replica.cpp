// INKWELL_DATABASE_REPLICA_URL end to end: a primary PostgreSQL, a streaming replica made with pg_basebackup on a
// second port, and two real inkwelld processes on them. List and search read the replica; a writer reads its own
// writes at once (through either instance) while the replica lags; everyone else reads the replica meanwhile; a
// replica that goes away costs no request.
#include "db/connectionparams.h"
#include "db/embeddedpostgres.h"
#include "db/replica.h"
#include "httpclient.h"
#include "inkwelldprocess.h"
#include "testpostgres.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;
using inkwell::server::ConnectionParams;
using inkwell::test::HttpClient;
using inkwell::test::HttpResponse;
using inkwell::test::InkwelldProcess;
using inkwell::test::TestPostgres;

namespace {

const QHash<QByteArray, QByteArray> kJson{{"Content-Type", "application/json"}};

struct Account {
    QString id;
    QByteArray token;
};

QHash<QByteArray, QByteArray> bearer(const Account &account, bool json = false)
{
    QHash<QByteArray, QByteArray> headers{{"Authorization", "Bearer " + account.token}};
    if (json)
        headers.insert("Content-Type", "application/json");
    return headers;
}

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

/// A hot standby of `primary`: pg_basebackup -R into a folder of its own, started on a second loopback port. As
/// root, PostgreSQL runs as the postgres user (as the bundled cluster does).
class Replica {
public:
    explicit Replica(const ConnectionParams &primary)
        : m_dir(QDir::tempPath() + u"/inkwell-replica-XXXXXX"_s)
        , m_params(primary)
    {
        auto bin = inkwell::server::EmbeddedPostgres::findBinDir();
        if (!bin) {
            m_error = bin.error();
            return;
        }
        m_bin = *bin;
        m_params.port = freePort();
        const QString primaryUrl = u"host=%1 port=%2 user=%3 password=%4"_s.arg(primary.host)
                                       .arg(primary.port)
                                       .arg(primary.user, primary.password);
        // clang-format off
        const QString script = uR"x(set -e
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
chmod 700 "$DIR"
$AS "$BIN/pg_basebackup" -d "$PRIMARY" -D "$DIR/data" -R -X stream -c fast
$AS sh -c 'printf "port = %s\nhot_standby = on\n" "$0" >> "$1/data/postgresql.auto.conf"' "$PORT" "$DIR"
)x"_s;
        // clang-format on
        if (!run(script, {{u"PRIMARY"_s, primaryUrl}}))
            return;
        start();
    }
    ~Replica() { stop(); }

    QString error() const { return m_error; }
    const ConnectionParams &params() const { return m_params; }
    QString url() const
    {
        return u"postgres://%1:%2@127.0.0.1:%3/%4"_s.arg(m_params.user, m_params.password)
            .arg(m_params.port)
            .arg(m_params.database);
    }

    bool start() { return run(uR"x($AS "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start)x"_s); }
    bool stop()
    {
        if (!QFile::exists(m_dir.path() + u"/data/postmaster.pid"_s))
            return true;
        return run(uR"x($AS "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop)x"_s);
    }

    /// Runs `sql` on the replica as the superuser; the first column of the first row.
    QString query(const QString &sql) const
    {
        auto value = m_params.withConnection([&](QSqlDatabase &db) -> std::expected<QString, QString> {
            QSqlQuery query(db);
            if (!query.exec(sql))
                return std::unexpected(query.lastError().text());
            return query.next() ? query.value(0).toString() : QString();
        });
        if (!value)
            qWarning() << "replica query failed:" << sql << value.error();
        return value.value_or(u"<failed>"_s);
    }

private:
    bool run(const QString &body, const QList<std::pair<QString, QString>> &extra = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DIR"_s, m_dir.path());
        env.insert(u"BIN"_s, m_bin);
        env.insert(u"PORT"_s, QString::number(m_params.port));
        for (const auto &[name, value] : extra)
            env.insert(name, value);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        // Every command runs as the user PostgreSQL runs as (postgres, when the test runs as root).
        // pg_basebackup sits beside the real pg_ctl (a PATH entry may be a link to it).
        const QString prelude = u"if [ \"$(id -u)\" = 0 ]; then AS=\"runuser -u postgres --\"; else AS=\"\"; fi\n"
                                u"BIN=$(dirname \"$(readlink -f \"$BIN/pg_ctl\")\")\n"_s;
        process.start(u"/bin/sh"_s, {u"-c"_s, prelude + body});
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            m_error = QString::fromLocal8Bit(process.readAll());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_bin;
    ConnectionParams m_params;
    QString m_error;
};

} // namespace

class TestReplica : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void walPositions_data();
    void walPositions();
    void writePositionsFollowEachUser();
    void initTestCase();
    void cleanupTestCase();
    void readsGoToTheReplicaAndWritersSeeTheirOwnWrites();
    void aStoppedReplicaCostsNoRequest();

private:
    Account registerAccount(const QString &name);
    QString createArticle(InkwelldProcess &via, const Account &author, const QString &title, const QString &status);
    /// The titles a read answers (list items, or search hits), or a failure marker.
    QStringList titles(InkwelldProcess &via, const QString &path, const Account *caller = nullptr);
    void pauseReplay();
    void resumeReplay();

    std::unique_ptr<TestPostgres> m_primary;
    std::unique_ptr<Replica> m_replica;
    QTemporaryDir m_keys;
    std::unique_ptr<InkwelldProcess> m_a;
    std::unique_ptr<InkwelldProcess> m_b;
    Account m_writer;
    Account m_other;
};

void TestReplica::walPositions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("value");
    QTest::newRow("zero") << u"0/0"_s << true << quint64(0);
    QTest::newRow("typical") << u"16/B374D848"_s << true << ((quint64(0x16) << 32) | 0xB374D848u);
    QTest::newRow("lower case") << u"16/b374d848"_s << true << ((quint64(0x16) << 32) | 0xB374D848u);
    QTest::newRow("largest") << u"FFFFFFFF/FFFFFFFF"_s << true << ~quint64(0);
    QTest::newRow("empty") << QString() << false << quint64(0);
    QTest::newRow("slash only") << u"/"_s << false << quint64(0);
    QTest::newRow("no low part") << u"1/"_s << false << quint64(0);
    QTest::newRow("no high part") << u"/1"_s << false << quint64(0);
    QTest::newRow("not hex") << u"1/XYZ"_s << false << quint64(0);
    QTest::newRow("high part too long") << u"100000000/0"_s << false << quint64(0);
    QTest::newRow("low part too long") << u"0/100000000"_s << false << quint64(0);
    QTest::newRow("two slashes") << u"1/2/3"_s << false << quint64(0);
    QTest::newRow("a number") << u"12345"_s << false << quint64(0);
}

void TestReplica::walPositions()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(quint64, value);
    const auto parsed = inkwell::server::parseWalPosition(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, value);
        QCOMPARE(inkwell::server::formatWalPosition(*parsed), text.toUpper());
    }
}

void TestReplica::writePositionsFollowEachUser()
{
    using inkwell::server::ReplicaRouting;
    ReplicaRouting routing(ConnectionParams{});
    const QUuid ada = QUuid::createUuid();
    const QUuid bob = QUuid::createUuid();
    // Until the primary's position of the start is known, signed-in users read the primary; anonymous ones never wait.
    routing.resync();
    QVERIFY(!routing.requiredFor(ada).has_value());
    QCOMPARE(routing.requiredFor(std::nullopt), std::optional<quint64>(0));
    routing.setBarrier(0x100);
    QCOMPARE(routing.requiredFor(ada), std::optional<quint64>(0x100));

    // Each user waits for their own last write (announced by any instance), never for another's.
    QVERIFY(routing.noteWritePayload(ReplicaRouting::payload(ada, 0x2000)));
    QVERIFY(routing.noteWritePayload(ReplicaRouting::payload(ada, 0x1500))); // an older one changes nothing
    QCOMPARE(routing.requiredFor(ada), std::optional<quint64>(0x2000));
    QCOMPARE(routing.requiredFor(bob), std::optional<quint64>(0x100));
    QCOMPARE(routing.lastWrite(), quint64(0x2000));
    QVERIFY(!routing.currentForEveryone(0x1FFF));
    QVERIFY(routing.currentForEveryone(0x2000));

    // Payloads that are not ones change nothing.
    for (const QString &bad : {u""_s, u"nonsense"_s, u"%1"_s.arg(bob.toString(QUuid::WithoutBraces)),
                               u"%1 zz/1"_s.arg(bob.toString(QUuid::WithoutBraces)), u"not-a-uuid 0/9999"_s})
        QVERIFY2(!routing.noteWritePayload(bad), qPrintable(bad));
    QCOMPARE(routing.requiredFor(bob), std::optional<quint64>(0x100));

    // While other instances' announcements cannot arrive, signed-in users read the primary.
    bool live = false;
    routing.setLiveWrites([&live] { return live; });
    QVERIFY(!routing.requiredFor(bob).has_value());
    QCOMPARE(routing.requiredFor(std::nullopt), std::optional<quint64>(0));
    live = true;
    QCOMPARE(routing.requiredFor(bob), std::optional<quint64>(0x100));
}

void TestReplica::initTestCase()
{
    m_primary = std::make_unique<TestPostgres>();
    QVERIFY2(m_primary->error().isEmpty(), qPrintable(m_primary->error()));
    m_replica = std::make_unique<Replica>(m_primary->params());
    QVERIFY2(m_replica->error().isEmpty(), qPrintable(m_replica->error()));
    QCOMPARE(m_replica->query(u"SELECT pg_is_in_recovery()"_s), u"true"_s);

    // Two instances of one deployment: one database, one replica, one token key.
    const QString key = m_keys.filePath(u"jwt.key"_s);
    for (auto *instance : {&m_a, &m_b}) {
        *instance = std::make_unique<InkwelldProcess>();
        (*instance)->setEnvironment(u"INKWELL_DATABASE_URL"_s, m_primary->url());
        (*instance)->setEnvironment(u"INKWELL_DATABASE_REPLICA_URL"_s, m_replica->url());
        (*instance)->setEnvironment(u"INKWELL_JWT_SECRET_FILE"_s, key);
        QVERIFY2((*instance)->start(), qPrintable((*instance)->error()));
    }
    m_writer = registerAccount(u"Wanda Writer"_s);
    m_other = registerAccount(u"Otto Other"_s);
    QVERIFY(!m_writer.token.isEmpty() && !m_other.token.isEmpty());
}

void TestReplica::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_replica.reset();
    m_primary.reset();
}

Account TestReplica::registerAccount(const QString &name)
{
    HttpClient client(m_a->url());
    const QString email = u"%1@example.com"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    const auto response = client.send(
        "POST", u"/api/v1/auth/register"_s,
        QJsonDocument(
            QJsonObject{{u"email"_s, email}, {u"password"_s, u"replica test passphrase 42"_s}, {u"full_name"_s, name}})
            .toJson(),
        kJson);
    if (response.status != 201) {
        qWarning() << "register" << response.status << response.body;
        return {};
    }
    const QJsonObject body = response.json();
    return {body.value(u"user"_s).toObject().value(u"id"_s).toString(),
            body.value(u"access_token"_s).toString().toLatin1()};
}

QString TestReplica::createArticle(InkwelldProcess &via, const Account &author, const QString &title,
                                   const QString &status)
{
    HttpClient client(via.url());
    const auto response = client.send(
        "POST", u"/api/v1/articles"_s,
        QJsonDocument(
            QJsonObject{{u"title"_s, title}, {u"content"_s, QString(u"Body of "_s + title)}, {u"status"_s, status}})
            .toJson(),
        bearer(author, true));
    if (response.status != 201) {
        qWarning() << "create" << response.status << response.body;
        return {};
    }
    return response.json().value(u"id"_s).toString();
}

QStringList TestReplica::titles(InkwelldProcess &via, const QString &path, const Account *caller)
{
    HttpClient client(via.url());
    const HttpResponse response = client.get(path, caller ? bearer(*caller) : QHash<QByteArray, QByteArray>{});
    if (response.status != 200)
        return {u"<status %1: %2>"_s.arg(response.status).arg(QString::fromUtf8(response.body))};
    QStringList out;
    for (const QJsonValue &item : response.json().value(u"items"_s).toArray()) {
        const QJsonObject object = item.toObject();
        out << (object.contains(u"article"_s) ? object.value(u"article"_s).toObject() : object)
                   .value(u"title"_s)
                   .toString();
    }
    return out;
}

void TestReplica::pauseReplay()
{
    m_replica->query(u"SELECT pg_wal_replay_pause()"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_replica->query(u"SELECT pg_get_wal_replay_pause_state()"_s), u"paused"_s, 30000);
}

void TestReplica::resumeReplay()
{
    m_replica->query(u"SELECT pg_wal_replay_resume()"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_replica->query(u"SELECT pg_get_wal_replay_pause_state()"_s), u"not paused"_s, 30000);
}

void TestReplica::readsGoToTheReplicaAndWritersSeeTheirOwnWrites()
{
    const QString before = u"Replica sees this one aardvark"_s;
    QVERIFY(!createArticle(*m_a, m_writer, before, u"published"_s).isEmpty());
    // Replayed like any write: every reader sees it once the replica has it.
    QTRY_VERIFY_WITH_TIMEOUT(titles(*m_a, u"/api/v1/articles?limit=90"_s).contains(before), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(titles(*m_b, u"/api/v1/search?q=aardvark&limit=90"_s, &m_other).contains(before), 30000);

    pauseReplay();
    if (QTest::currentTestFailed())
        return;
    const QString fresh = u"Written while the replica waits zebra"_s;
    QVERIFY(!createArticle(*m_a, m_writer, fresh, u"published"_s).isEmpty());
    const QString draft = u"A draft written through the other instance zebra"_s;
    QVERIFY(!createArticle(*m_b, m_writer, draft, u"draft"_s).isEmpty());
    // The primary has both; the replica has neither (its replay is paused).
    const QString onPrimary =
        m_primary->params()
            .withConnection([&](QSqlDatabase &db) -> std::expected<QString, QString> {
                QSqlQuery query(db);
                if (!query.exec(u"SELECT count(*) FROM articles WHERE title IN ('%1', '%2')"_s.arg(fresh, draft)) ||
                    !query.next())
                    return std::unexpected(query.lastError().text());
                return query.value(0).toString();
            })
            .value_or(u"<failed>"_s);
    QCOMPARE(onPrimary, u"2"_s);
    QCOMPARE(m_replica->query(u"SELECT count(*) FROM articles WHERE title = '%1'"_s.arg(fresh)), u"0"_s);

    // Anonymous readers and other users read the replica: the new article is not there yet, through either instance.
    // (Each reader asks for its own page size: published pages are cached per query, and a cached page read from
    // the primary would be served to anyone.)
    for (InkwelldProcess *via : {m_a.get(), m_b.get()}) {
        const QStringList anonymous = titles(*via, u"/api/v1/articles?limit=81"_s);
        QVERIFY2(anonymous.contains(before) && !anonymous.contains(fresh), qPrintable(anonymous.join(u" | ")));
        const QStringList other = titles(*via, u"/api/v1/articles?limit=82"_s, &m_other);
        QVERIFY2(other.contains(before) && !other.contains(fresh), qPrintable(other.join(u" | ")));
        const QStringList otherSearch = titles(*via, u"/api/v1/search?q=zebra&limit=83"_s, &m_other);
        QVERIFY2(otherSearch.isEmpty(), qPrintable(otherSearch.join(u" | ")));
    }
    // The writer reads its own writes at once, through the instance it wrote to and through the other one.
    for (InkwelldProcess *via : {m_a.get(), m_b.get()}) {
        const QStringList list = titles(*via, u"/api/v1/articles?limit=84"_s, &m_writer);
        QVERIFY2(list.contains(fresh) && list.contains(before), qPrintable(list.join(u" | ")));
        const QStringList drafts = titles(*via, u"/api/v1/articles?status=draft"_s, &m_writer);
        QVERIFY2(drafts.contains(draft), qPrintable(drafts.join(u" | ")));
        const QStringList found = titles(*via, u"/api/v1/search?q=zebra&limit=85"_s, &m_writer);
        QVERIFY2(found.contains(fresh) && found.contains(draft), qPrintable(found.join(u" | ")));
    }
    // Still lagging: the others still read the replica.
    const QStringList stillOld = titles(*m_b, u"/api/v1/articles?limit=86"_s, &m_other);
    QVERIFY2(!stillOld.contains(fresh), qPrintable(stillOld.join(u" | ")));

    resumeReplay();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(titles(*m_b, u"/api/v1/articles?limit=87"_s, &m_other).contains(fresh), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(titles(*m_a, u"/api/v1/search?q=zebra&limit=88"_s).contains(fresh), 30000);
}

void TestReplica::aStoppedReplicaCostsNoRequest()
{
    QVERIFY2(m_replica->stop(), qPrintable(m_replica->error()));
    const QString title = u"Written with the replica gone quokka"_s;
    QVERIFY(!createArticle(*m_b, m_writer, title, u"published"_s).isEmpty());
    // Every read is answered, from the primary, for everyone: the newest article is there.
    for (InkwelldProcess *via : {m_a.get(), m_b.get()}) {
        for (const Account *caller : {static_cast<const Account *>(nullptr), static_cast<const Account *>(&m_other),
                                      static_cast<const Account *>(&m_writer)}) {
            const QStringList list = titles(*via, u"/api/v1/articles?limit=70"_s, caller);
            QVERIFY2(list.contains(title), qPrintable(list.join(u" | ")));
            const QStringList found = titles(*via, u"/api/v1/search?q=quokka&limit=71"_s, caller);
            QVERIFY2(found.contains(title), qPrintable(found.join(u" | ")));
        }
    }
    // Back again: reads return to it (a paused replica hides a new article from other users once more).
    QVERIFY2(m_replica->start(), qPrintable(m_replica->error()));
    QTRY_COMPARE_WITH_TIMEOUT(m_replica->query(u"SELECT count(*) FROM articles WHERE title = '%1'"_s.arg(title)),
                              u"1"_s, 30000);
    pauseReplay();
    if (QTest::currentTestFailed())
        return;
    const QString hidden = u"Only the writer sees this for now okapi"_s;
    QVERIFY(!createArticle(*m_a, m_writer, hidden, u"published"_s).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!titles(*m_a, u"/api/v1/search?q=okapi&limit=72"_s, &m_writer).isEmpty(), 30000);
    // The replica is retried after a back-off of a second: within a few, the other user reads there again. (A new
    // query each time: one answered by the primary meanwhile is cached, rightly, with the new article.)
    int attempt = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        titles(*m_a, u"/api/v1/search?q=okapi%20-nothing%1&limit=73"_s.arg(++attempt), &m_other).isEmpty(), 30000);
    QVERIFY(titles(*m_a, u"/api/v1/search?q=okapi&limit=74"_s, &m_writer).contains(hidden));
    resumeReplay();
    if (QTest::currentTestFailed())
        return;
}

QTEST_GUILESS_MAIN(TestReplica)
#include "tst_replica.moc"
