#include "secretstore.h"
#include "secretfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMetaEnum>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using inkwell::engine::FileSecretStore;
using inkwell::engine::KeychainSecretStore;
using inkwell::engine::MemorySecretStore;
using inkwell::engine::SecretJob;
using inkwell::engine::SecretStore;

namespace {

/// The keyring service name of these tests (the app uses "Inkwell").
const QString kTestService = u"InkwellTest"_s;
/// The argument that makes the binary run the keychain operations once, print their results and exit.
constexpr const char *kChildArgument = "--keychain-child";
constexpr int kJobTimeoutMs = 30000;

struct Outcome {
    bool finished = false;
    int finishedSignals = 0;
    SecretJob::Error error = SecretJob::Error::Other;
    QString errorText;
    QString value;
};

/// Waits for @p job to finish and copies its result (the job deletes itself afterwards). A job that does not finish
/// fails the running test (@p inTest), else shows as Outcome::finished == false.
Outcome await(SecretJob *job, bool inTest = true)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &SecretJob::finished, job, [outcome](SecretJob *done) {
        outcome->finished = true;
        ++outcome->finishedSignals;
        outcome->error = done->error();
        outcome->errorText = done->errorText();
        outcome->value = done->value();
    });
    if (!QTest::qWaitFor([&outcome] { return outcome->finished; }, kJobTimeoutMs) && inTest)
        QTest::qFail("the secret job did not finish", __FILE__, __LINE__); // so no comparison can pass by chance
    return *outcome;
}

QString errorName(SecretJob::Error error)
{
    return QString::fromLatin1(QMetaEnum::fromType<SecretJob::Error>().valueToKey(int(error)));
}

/// A token no file on the machine can contain by chance.
QString freshToken()
{
    return u"inkwell-refresh-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"-ÄÖÜ"_s;
}

using inkwell::test::appFolders;
using inkwell::test::filesContaining;

/// Paths and sizes of every file under @p folders.
QStringList fileListing(const QStringList &folders)
{
    QStringList listing;
    for (const QString &folder : folders) {
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            listing.append(path + u' ' + QString::number(QFileInfo(path).size()));
        }
    }
    listing.sort();
    listing.removeDuplicates();
    return listing;
}

struct ToolRun {
    bool finished = false;
    int exitCode = -1;
    QString out;
};

ToolRun runTool(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ToolRun run;
    run.finished = process.waitForFinished(60000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    const QByteArray err = process.readAllStandardError();
    if (!err.isEmpty())
        qInfo().noquote() << program << "wrote on stderr:" << QString::fromUtf8(err).trimmed();
    return run;
}

/// What `secret-tool` (libsecret's own client) finds under QtKeychain's attributes for @p key.
ToolRun secretToolLookup(const QString &key)
{
    return runTool(u"secret-tool"_s, {u"lookup"_s, u"server"_s, kTestService, u"user"_s, key});
}

} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void memoryStoreRoundTrip();
    void jobsFinishLaterAndOnce();
    void emptyKeyIsRefused();

    void fileStoreRoundTrip();
    void fileStoreIsReadableOnlyByTheOwner();
    void fileStoreDamagedFile_data();
    void fileStoreDamagedFile();
    void fileStoreSaysItIsUnencrypted();

    void keychainRoundTrip();
    void keychainMissingEntryIsNotFound();
    void keychainProbeFindsTheKeyring();
    void keychainWithoutDbusHasNoBackend();

private:
    /// Fails unless the binary runs inside tests/tools/with-keyring.sh (a throwaway home and keyring).
    bool inPrivateKeyring() const;
};

bool TestSecretStore::inPrivateKeyring() const
{
    const QString root = qEnvironmentVariable("INKWELL_TEST_KEYRING_DIR");
    return !root.isEmpty() && QDir::homePath().startsWith(root);
}

void TestSecretStore::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Inkwell"_s);
    QCoreApplication::setApplicationName(u"Inkwell"_s);
    // Never the real user's keyring or home: ctest runs this binary through dbus-run-session and with-keyring.sh.
    QVERIFY2(inPrivateKeyring(),
             "run through: dbus-run-session -- sh tests/tools/with-keyring.sh <this binary> (ctest does that)");
    for (const QString &folder : appFolders())
        QVERIFY2(folder.startsWith(qEnvironmentVariable("INKWELL_TEST_KEYRING_DIR")), qPrintable(folder));
}

// ---- MemorySecretStore ------------------------------------------------------------------------------------------

void TestSecretStore::memoryStoreRoundTrip()
{
    MemorySecretStore store;
    QCOMPARE(store.kind(), SecretStore::Kind::SessionOnly);
    QVERIFY(!store.description().isEmpty());
    const QString token = freshToken();

    QCOMPARE(await(store.read(u"account"_s)).error, SecretJob::Error::NotFound);
    QCOMPARE(await(store.write(u"account"_s, token)).error, SecretJob::Error::None);
    const Outcome read = await(store.read(u"account"_s));
    QCOMPARE(read.error, SecretJob::Error::None);
    QCOMPARE(read.value, token);
    QCOMPARE(await(store.read(u"other account"_s)).error, SecretJob::Error::NotFound);

    QCOMPARE(await(store.write(u"account"_s, u"newer"_s)).error, SecretJob::Error::None);
    QCOMPARE(await(store.read(u"account"_s)).value, u"newer"_s);

    QCOMPARE(await(store.remove(u"account"_s)).error, SecretJob::Error::None);
    QCOMPARE(await(store.read(u"account"_s)).error, SecretJob::Error::NotFound);
    QCOMPARE(await(store.remove(u"account"_s)).error, SecretJob::Error::None); // already gone: still done

    // Nothing of it on disk.
    QVERIFY(filesContaining(appFolders(), token).isEmpty());
}

void TestSecretStore::jobsFinishLaterAndOnce()
{
    MemorySecretStore store;
    SecretJob *job = store.write(u"k"_s, u"v"_s);
    QVERIFY(!job->isFinished()); // a caller can still connect
    QSignalSpy finished(job, &SecretJob::finished);
    QSignalSpy destroyed(job, &QObject::destroyed);
    QVERIFY(finished.wait());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<SecretJob *>(), job);
    QTRY_COMPARE(destroyed.size(), 1); // the job cleans up after itself
    QCOMPARE(finished.size(), 1);

    // A store destroyed with unfinished jobs takes them along, without a signal.
    auto doomed = std::make_unique<MemorySecretStore>();
    SecretJob *orphan = doomed->read(u"k"_s);
    QSignalSpy orphanFinished(orphan, &SecretJob::finished);
    QSignalSpy orphanDestroyed(orphan, &QObject::destroyed);
    doomed.reset();
    QCOMPARE(orphanDestroyed.size(), 1);
    QCoreApplication::processEvents(); // where its `finished` would have been emitted
    QCOMPARE(orphanFinished.size(), 0);
}

void TestSecretStore::emptyKeyIsRefused()
{
    MemorySecretStore store;
    const Outcome write = await(store.write(QString(), u"v"_s));
    QCOMPARE(write.error, SecretJob::Error::Other);
    QVERIFY(!write.errorText.isEmpty());
    QCOMPARE(await(store.read(QString())).error, SecretJob::Error::Other);
    QCOMPARE(await(store.remove(QString())).error, SecretJob::Error::Other);
}

// ---- FileSecretStore --------------------------------------------------------------------------------------------

void TestSecretStore::fileStoreRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"secrets"_s); // created by the store
    const QString token = freshToken();
    {
        FileSecretStore store(folder);
        QCOMPARE(store.kind(), SecretStore::Kind::PlainFile);
        QCOMPARE(await(store.read(u"https://inkwell.example|42"_s)).error, SecretJob::Error::NotFound);
        QCOMPARE(await(store.write(u"https://inkwell.example|42"_s, token)).error, SecretJob::Error::None);
        QCOMPARE(await(store.write(u"https://other.example|7"_s, u"second"_s)).error, SecretJob::Error::None);
    }
    QVERIFY(QFileInfo::exists(folder + u"/secrets.json"_s));
    QCOMPARE(QFileInfo(folder).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther),
             QFile::Permissions{});

    // A new store on the same folder (the next start of the app) reads what the first wrote.
    FileSecretStore store(folder);
    const Outcome read = await(store.read(u"https://inkwell.example|42"_s));
    QCOMPARE(read.error, SecretJob::Error::None);
    QCOMPARE(read.value, token);
    QCOMPARE(await(store.read(u"https://other.example|7"_s)).value, u"second"_s);

    QCOMPARE(await(store.remove(u"https://inkwell.example|42"_s)).error, SecretJob::Error::None);
    QCOMPARE(await(store.read(u"https://inkwell.example|42"_s)).error, SecretJob::Error::NotFound);
    QCOMPARE(await(store.read(u"https://other.example|7"_s)).value, u"second"_s);
    QVERIFY(filesContaining({folder}, token).isEmpty()); // removed means gone from the file

    // The last secret removed: no file left.
    QCOMPARE(await(store.remove(u"https://other.example|7"_s)).error, SecretJob::Error::None);
    QVERIFY(!QFileInfo::exists(store.filePath()));
    QCOMPARE(await(store.remove(u"https://other.example|7"_s)).error, SecretJob::Error::None);
}

void TestSecretStore::fileStoreIsReadableOnlyByTheOwner()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder that is readable by everyone: the file must still be private.
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                  QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                  QFile::ExeOther));
    FileSecretStore store(dir.path());
    // An existing file with loose permissions is replaced by a private one, too.
    QFile loose(store.filePath());
    QVERIFY(loose.open(QIODevice::WriteOnly));
    loose.write("{}");
    loose.close();
    QVERIFY(loose.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));

    for (const QString &value : {freshToken(), freshToken()}) { // the first write and a rewrite
        QCOMPARE(await(store.write(u"account"_s, value)).error, SecretJob::Error::None);
        const QFile::Permissions all = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                       QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                                       QFile::ExeOther;
        QCOMPARE(QFileInfo(store.filePath()).permissions() & all, QFile::ReadOwner | QFile::WriteOwner);

        const ToolRun stat = runTool(u"stat"_s, {u"-c"_s, u"%a"_s, store.filePath()});
        QVERIFY(stat.finished);
        QCOMPARE(stat.exitCode, 0);
        QCOMPARE(stat.out.trimmed(), u"600"_s);
    }
    // No temporary file left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"secrets.json"_s});
}

void TestSecretStore::fileStoreDamagedFile_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("cut off") << QByteArray(
        R"({"format": "inkwell-secrets", "version": 1, "secrets": {"account": "tok)");
    QTest::newRow("not JSON") << QByteArray::fromHex("00fffe20676172626167652001");
    QTest::newRow("a JSON array") << QByteArray(R"(["account", "token"])");
    QTest::newRow("another program's JSON") << QByteArray(R"({"account": "token"})");
    QTest::newRow("secrets not an object")
        << QByteArray(R"({"format": "inkwell-secrets", "version": 1, "secrets": "account"})");
    QTest::newRow("a secret that is not text")
        << QByteArray(R"({"format": "inkwell-secrets", "version": 1, "secrets": {"account": 42}})");
    QTest::newRow("far too big") << QByteArray(2 * 1024 * 1024, ' ');
}

void TestSecretStore::fileStoreDamagedFile()
{
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FileSecretStore store(dir.path());
    QFile damaged(store.filePath());
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    QCOMPARE(damaged.write(content), content.size());
    damaged.close();

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Damaged secrets file"_s));
    QCOMPARE(await(store.read(u"account"_s)).error, SecretJob::Error::NotFound);

    // The next write replaces the damaged file with a good one.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Replacing the damaged secrets file"_s));
    QCOMPARE(await(store.write(u"account"_s, u"fresh"_s)).error, SecretJob::Error::None);
    QCOMPARE(await(store.read(u"account"_s)).value, u"fresh"_s);

    // remove() of a damaged file deletes it: nothing in it is readable, but it may hold a token's bytes.
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(content);
    damaged.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Deleting the damaged secrets file"_s));
    QCOMPARE(await(store.remove(u"account"_s)).error, SecretJob::Error::None);
    QVERIFY(!QFileInfo::exists(store.filePath()));
}

void TestSecretStore::fileStoreSaysItIsUnencrypted()
{
    FileSecretStore store(u"/some/folder"_s);
    QVERIFY2(store.description().contains(u"unencrypted"_s), qPrintable(store.description()));
    QVERIFY2(store.description().contains(u"/some/folder/secrets.json"_s), qPrintable(store.description()));
    QVERIFY(!MemorySecretStore().description().contains(u"file"_s));
    QCOMPARE(KeychainSecretStore().description(), u"the system keyring"_s);
}

// ---- KeychainSecretStore ----------------------------------------------------------------------------------------

void TestSecretStore::keychainRoundTrip()
{
    KeychainSecretStore store(kTestService);
    QCOMPARE(store.kind(), SecretStore::Kind::SystemKeyring);
    const QString key = u"https://inkwell.example:8443|account-42"_s;
    const QString token = freshToken();

    const Outcome written = await(store.write(key, token));
    QVERIFY2(written.finished, "write did not finish");
    QVERIFY2(written.error == SecretJob::Error::None, qPrintable(written.errorText));

    const Outcome read = await(store.read(key));
    QVERIFY2(read.error == SecretJob::Error::None, qPrintable(read.errorText));
    QCOMPARE(read.value, token);

    // It is in the keyring, as libsecret's own client sees it ...
    const ToolRun lookup = secretToolLookup(key);
    QVERIFY(lookup.finished);
    QCOMPARE(lookup.exitCode, 0);
    QCOMPARE(lookup.out, token);

    // ... and in no file of the app's folders (the check does find a token in a file: shown with a canary).
    QVERIFY(filesContaining(appFolders(), token).isEmpty());
    const QString canaryFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(QDir().mkpath(canaryFolder));
    QFile canary(canaryFolder + u"/canary.txt"_s);
    const QString canaryToken = freshToken();
    QVERIFY(canary.open(QIODevice::WriteOnly));
    canary.write("before " + canaryToken.toUtf8() + " after");
    canary.close();
    QCOMPARE(filesContaining(appFolders(), canaryToken), QStringList{canary.fileName()});
    QVERIFY(canary.remove());

    // Writing again replaces the secret.
    const QString newer = freshToken();
    QCOMPARE(await(store.write(key, newer)).error, SecretJob::Error::None);
    QCOMPARE(await(store.read(key)).value, newer);
    QCOMPARE(secretToolLookup(key).out, newer);

    // remove() deletes it from the keyring.
    const Outcome removed = await(store.remove(key));
    QVERIFY2(removed.error == SecretJob::Error::None, qPrintable(removed.errorText));
    const ToolRun gone = secretToolLookup(key);
    QVERIFY(gone.finished);
    QVERIFY(gone.out.isEmpty());
    QCOMPARE(await(store.read(key)).error, SecretJob::Error::NotFound);
    QVERIFY(filesContaining(appFolders(), newer).isEmpty());
}

void TestSecretStore::keychainMissingEntryIsNotFound()
{
    KeychainSecretStore store(kTestService);
    const Outcome read = await(store.read(u"https://never.example|nobody"_s));
    QVERIFY(read.finished);
    QCOMPARE(read.error, SecretJob::Error::NotFound);
    QVERIFY(read.value.isEmpty());
    // Deleting what is not there is fine (signing out twice).
    QCOMPARE(await(store.remove(u"https://never.example|nobody"_s)).error, SecretJob::Error::None);

    // Another service's entry with the same key is not ours.
    KeychainSecretStore other(u"InkwellOtherTest"_s);
    QCOMPARE(await(other.write(u"shared key"_s, u"other's"_s)).error, SecretJob::Error::None);
    QCOMPARE(await(store.read(u"shared key"_s)).error, SecretJob::Error::NotFound);
    QCOMPARE(await(other.remove(u"shared key"_s)).error, SecretJob::Error::None);
}

void TestSecretStore::keychainProbeFindsTheKeyring()
{
    KeychainSecretStore store(kTestService);
    const Outcome probe = await(store.probe());
    QVERIFY(probe.finished);
    QVERIFY2(probe.error == SecretJob::Error::None, qPrintable(probe.errorText));
    // The probe leaves nothing behind.
    const ToolRun search = runTool(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s, kTestService});
    QVERIFY(search.finished);
    QVERIFY2(!search.out.contains(u"inkwell-probe"_s), qPrintable(search.out));
}

void TestSecretStore::keychainWithoutDbusHasNoBackend()
{
    const QString token = freshToken();
    const QStringList before = fileListing(appFolders());

    // The same binary, with the session bus address pointing nowhere.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
    const ToolRun child =
        runTool(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kChildArgument), token}, environment);
    QVERIFY(child.finished);
    QCOMPARE(child.exitCode, 0);

    const QStringList expected{u"write NoBackend"_s, u"read NoBackend"_s, u"remove NoBackend"_s, u"probe NoBackend"_s};
    QCOMPARE(child.out.split(u'\n', Qt::SkipEmptyParts), expected);

    // Nothing written instead: no new file, no file with the token.
    QCOMPARE(fileListing(appFolders()), before);
    QVERIFY(filesContaining(appFolders(), token).isEmpty());
}

namespace {

/// Child mode: the keychain operations against whatever D-Bus the environment gives, one "operation Error" line
/// each on stdout.
int runKeychainChild(const QString &token)
{
    QCoreApplication::setOrganizationName(u"Inkwell"_s);
    QCoreApplication::setApplicationName(u"Inkwell"_s);
    KeychainSecretStore store(kTestService);
    const QString key = u"https://inkwell.example|child"_s;
    const auto report = [](const char *operation, const Outcome &outcome) {
        std::printf("%s %s\n", operation, outcome.finished ? qPrintable(errorName(outcome.error)) : "did-not-finish");
        if (!outcome.errorText.isEmpty())
            std::fprintf(stderr, "%s: %s\n", operation, qPrintable(outcome.errorText));
    };
    report("write", await(store.write(key, token), false));
    report("read", await(store.read(key), false));
    report("remove", await(store.remove(key), false));
    report("probe", await(store.probe(), false));
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], kChildArgument) == 0)
        return runKeychainChild(QString::fromLocal8Bit(argv[2]));
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
