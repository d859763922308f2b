// The first run's "Start a private server on this computer": the real inkwelld with its bundled PostgreSQL in a
// temporary data folder, started from the sign-in dialog, and never left behind unless the user asked for that.
#include "accountsession.h"
#include "api/apiclient.h"
#include "httpclient.h"
#include "inkwelldprocess.h"
#include "privateserver.h"
#include "account/signindialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using inkwell::Role;
using inkwell::api::ApiClient;
using inkwell::api::ApiResult;
using inkwell::app::SignInDialog;
using inkwell::engine::AccountSession;
using inkwell::engine::MemorySecretStore;
using inkwell::engine::PrivateServer;

namespace {

/// The argument that makes the binary start a private server, print "ready URL PID" and wait to be killed.
constexpr const char *kChildArgument = "--private-server-child";
constexpr int kStartMs = 180000; // the first start creates a PostgreSQL cluster
constexpr int kWaitMs = 30000;
const QString kPassword = u"my own little server of ink"_s;

/// "pid: command line" of every process that belongs to @p dataDir: whose command line names it (inkwelld, the
/// postmaster) or whose working folder is inside it (PostgreSQL's helpers, which rename themselves).
QStringList processesOf(const QString &dataDir)
{
    QStringList found;
    const QByteArray needle = QFile::encodeName(dataDir);
    const QString self = QString::number(QCoreApplication::applicationPid());
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric || entry == self)
            continue;
        QFile cmdline(u"/proc/"_s + entry + u"/cmdline"_s);
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        QByteArray command = cmdline.readAll();
        command.replace('\0', ' ');
        const QString cwd = QFileInfo(u"/proc/"_s + entry + u"/cwd"_s).symLinkTarget();
        if (command.contains(needle) || (!cwd.isEmpty() && cwd.startsWith(dataDir)))
            found.append(entry + u": "_s + QString::fromLocal8Bit(command).trimmed());
    }
    return found;
}

template <typename T, typename Start> std::optional<ApiResult<T>> await(Start start)
{
    auto result = std::make_shared<std::optional<ApiResult<T>>>();
    QObject context;
    start(&context, [result](ApiResult<T> r) { *result = std::move(r); });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, kWaitMs))
        QTest::qFail("the API call did not finish", __FILE__, __LINE__);
    return *result;
}

int healthStatus(const QUrl &url)
{
    inkwell::test::HttpClient http(url);
    http.setTimeoutMs(5000);
    return http.get(u"/health"_s).status;
}

/// The parent process id of @p pid.
qint64 parentOf(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

/// Waits until @p server is ready or has failed (then it says why); true when ready.
bool waitUntilReady(PrivateServer &server, int timeoutMs)
{
    return QTest::qWaitFor(
               [&server] {
                   return server.state() == PrivateServer::State::Running ||
                          server.state() == PrivateServer::State::Failed;
               },
               timeoutMs) &&
           server.state() == PrivateServer::State::Running;
}

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning().noquote() << "no" << T::staticMetaObject.className() << "named" << name;
    return found;
}

void typeInto(QWidget *parent, const QString &name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    QVERIFY(edit);
    QVERIFY(edit->isVisible());
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT

public:
    explicit TestFirstRun(QString root)
        : m_root(std::move(root))
    {
    }

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void startFailures_data();
    void startFailures();
    void firstRunGivesAnAdminSession();
    void killedAppLeavesNoServer();
    void keepRunningIsReusedByTheNextStart();

private:
    QString dataDir() const { return PrivateServer::defaultDataDir(); }

    QString m_root;
};

void TestFirstRun::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Inkwell"_s);
    QCoreApplication::setApplicationName(u"Inkwell"_s);
    // main() pointed HOME and the XDG folders into a temporary root: the data folder is the app's default one.
    QVERIFY2(dataDir().startsWith(m_root), qPrintable(dataDir()));
    QCOMPARE(dataDir(), m_root + u"/data/Inkwell/Inkwell/server"_s);
    QVERIFY(QFileInfo(inkwell::test::InkwelldProcess::binary()).isExecutable());
}

void TestFirstRun::cleanup()
{
    // Whatever a failed test left running goes, so the next one starts clean (and the failure shows here too).
    const QStringList left = processesOf(dataDir());
    if (left.isEmpty())
        return;
    for (const QString &process : left) // inkwelld stops its PostgreSQL on SIGTERM
        ::kill(pid_t(process.section(u':', 0, 0).toLongLong()), SIGTERM);
    if (!QTest::qWaitFor([this] { return processesOf(dataDir()).isEmpty(); }, kWaitMs)) {
        for (const QString &process : processesOf(dataDir()))
            ::kill(pid_t(process.section(u':', 0, 0).toLongLong()), SIGKILL);
    }
    QCOMPARE(left, QStringList());
}

void TestFirstRun::startFailures_data()
{
    QTest::addColumn<QByteArray>("script"); // the "inkwelld" to run; empty: a file that is not a program
    QTest::addColumn<bool>("keepRunning");
    QTest::addColumn<QString>("expected"); // in the failure message

    QTest::newRow("not a program") << QByteArray() << false << u"is not a program"_s;
    QTest::newRow("ends at once") << QByteArray("#!/bin/sh\nexit 3\n") << false << u"exit code 3"_s;
    // inkwelld's own words reach the user (here: what it says when PostgreSQL cannot reach the data folder).
    const QByteArray refuses("#!/bin/sh\necho 'inkwelld: PostgreSQL runs as user postgres, who cannot enter "
                             "/root; choose a data folder it can reach' >&2\nexit 1\n");
    QTest::newRow("says why, attached") << refuses << false << u"who cannot enter /root"_s;
    QTest::newRow("says why, kept running") << refuses << true << u"who cannot enter /root"_s;
    QTest::newRow("never listens") << QByteArray("#!/bin/sh\nexec sleep 600\n") << false << u"did not start within 2"_s;
}

void TestFirstRun::startFailures()
{
    QFETCH(QByteArray, script);
    QFETCH(bool, keepRunning);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString program = dir.filePath(u"inkwelld"_s);
    QFile file(program);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script.isEmpty() ? QByteArray("not a program") : script);
    file.close();
    if (!script.isEmpty())
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    PrivateServer server;
    server.setProgram(program);
    server.setDataDir(dir.filePath(u"server"_s));
    server.setKeepRunning(keepRunning);
    server.setStartTimeoutMs(2000);
    QSignalSpy failed(&server, &PrivateServer::failed);
    QSignalSpy ready(&server, &PrivateServer::ready);
    server.start();
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.size(), 1);
    QVERIFY(ready.isEmpty());
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(server.errorString(), message);
    QCOMPARE(server.state(), PrivateServer::State::Failed);
    QVERIFY(!server.url().isValid());
    // A half-started server does not linger.
    QTRY_COMPARE_WITH_TIMEOUT(processesOf(dir.filePath(u"server"_s)), QStringList(), kWaitMs);
}

void TestFirstRun::firstRunGivesAnAdminSession()
{
    auto server = std::make_unique<PrivateServer>();
    server->setProgram(inkwell::test::InkwelldProcess::binary());
    QCOMPARE(server->dataDir(), dataDir());
    QVERIFY(server->isFirstStart());
    auto client = std::make_unique<ApiClient>(QUrl());
    auto store = std::make_unique<MemorySecretStore>();
    auto settings = std::make_unique<QSettings>();
    auto session = std::make_unique<AccountSession>(client.get(), store.get(), settings.get());
    QVERIFY(!session->hasRememberedAccount());

    auto dialog = std::make_unique<SignInDialog>(session.get(), server.get());
    QSignalSpy signedIn(dialog.get(), &SignInDialog::signedIn);
    dialog->open();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    QVERIFY(dialog->isShowingWelcome());
    QTest::mouseClick(child<QAbstractButton>(dialog.get(), u"startPrivateServerButton"_s), Qt::LeftButton);
    QCOMPARE(dialog->mode(), SignInDialog::Mode::PrivateServer);
    QVERIFY(!child<QLineEdit>(dialog.get(), u"serverEdit"_s)->isVisible()); // no address to type
    auto *keep = child<QCheckBox>(dialog.get(), u"keepRunningCheck"_s);
    QVERIFY(keep && keep->isVisible() && !keep->isChecked());

    typeInto(dialog.get(), u"nameEdit"_s, u"Solo Writer"_s);
    typeInto(dialog.get(), u"emailEdit"_s, u"solo@example.test"_s);
    typeInto(dialog.get(), u"passwordEdit"_s, kPassword);
    QTest::keyClick(child<QLineEdit>(dialog.get(), u"passwordEdit"_s), Qt::Key_Return);
    QVERIFY(dialog->isBusy());
    auto *progress = child<QLabel>(dialog.get(), u"progressLabel"_s);
    QVERIFY(progress->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(progress->text().contains(u"first time"_s), kWaitMs); // it says why it takes long

    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kStartMs); // signed in, or failed and said why
    QVERIFY2(signedIn.size() == 1, qPrintable(child<QLabel>(dialog.get(), u"formError"_s)->text()));
    QCOMPARE(server->state(), PrivateServer::State::Running);
    QVERIFY(!server->isReused());
    QCOMPARE(server->url().host(), u"127.0.0.1"_s);
    QCOMPARE(session->state(), AccountSession::State::SignedIn);
    QCOMPARE(session->account().server, server->url());
    QVERIFY(session->account().privateServer);
    QCOMPARE(session->account().role, Role::Admin); // the first account of a new server
    const auto me = await<inkwell::User>([&](QObject *context, auto done) { client->me(context, done); });
    QVERIFY(me && me->has_value());
    QCOMPARE((*me)->role, Role::Admin);
    QCOMPARE((*me)->email, u"solo@example.test"_s);

    // The server is the app's child (so the kernel can stop it if the app dies) and runs on the data folder.
    QCOMPARE(parentOf(server->pid()), QCoreApplication::applicationPid());
    const QStringList running = processesOf(dataDir());
    QVERIFY2(running.size() >= 2, qPrintable(running.join(u'\n'))); // inkwelld and its PostgreSQL

    // The app's objects go (the app quits): nothing of the server is left.
    dialog.reset();
    session.reset();
    settings.reset();
    store.reset();
    client.reset();
    server.reset();
    QTRY_COMPARE_WITH_TIMEOUT(processesOf(dataDir()), QStringList(), kWaitMs);
}

void TestFirstRun::killedAppLeavesNoServer()
{
    // An app process of its own, killed outright: no destructor runs, only the kernel can stop the server.
    QProcess app;
    app.setProgram(QCoreApplication::applicationFilePath());
    app.setArguments({QString::fromLatin1(kChildArgument), inkwell::test::InkwelldProcess::binary()});
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start();
    QVERIFY(app.waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT(
        (said += app.readAllStandardOutput()).contains('\n') || app.state() == QProcess::NotRunning, kStartMs);
    const QList<QByteArray> words = said.trimmed().split(' ');
    QVERIFY2(words.size() == 3 && words.first() == "ready", said.constData());
    const QUrl url(QString::fromLatin1(words.at(1)));
    const qint64 serverPid = words.at(2).toLongLong();
    QCOMPARE(healthStatus(url), 200);
    QCOMPARE(parentOf(serverPid), app.processId());
    QVERIFY(processesOf(dataDir()).size() >= 2);

    ::kill(pid_t(app.processId()), SIGKILL);
    QVERIFY(app.waitForFinished(kWaitMs));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);
    QTRY_COMPARE_WITH_TIMEOUT(processesOf(dataDir()), QStringList(), 60000);
    QCOMPARE(healthStatus(url), 0);

    // The next start finds the state file naming a server that is gone, and starts a new one.
    PrivateServer server;
    server.setProgram(inkwell::test::InkwelldProcess::binary());
    QVERIFY(!server.isFirstStart());
    QSignalSpy ready(&server, &PrivateServer::ready);
    server.start();
    QVERIFY2(waitUntilReady(server, kStartMs), qPrintable(server.errorString()));
    QCOMPARE(ready.size(), 1);
    QVERIFY(!server.isReused());
    QVERIFY(server.pid() != serverPid);
    QCOMPARE(healthStatus(server.url()), 200);
    QVERIFY(server.stopAndWait());
    QTRY_COMPARE_WITH_TIMEOUT(processesOf(dataDir()), QStringList(), kWaitMs);
}

void TestFirstRun::keepRunningIsReusedByTheNextStart()
{
    QUrl url;
    qint64 pid = 0;
    {
        PrivateServer server;
        server.setProgram(inkwell::test::InkwelldProcess::binary());
        server.setKeepRunning(true);
        server.start();
        QVERIFY2(waitUntilReady(server, kStartMs), qPrintable(server.errorString()));
        url = server.url();
        pid = server.pid();
        QVERIFY(parentOf(pid) != QCoreApplication::applicationPid()); // detached: it survives the app
    }                                                                 // the app quits
    QCOMPARE(healthStatus(url), 200);
    QVERIFY(processesOf(dataDir()).size() >= 2);

    // The next start of the app finds it and uses it: same address, same process.
    PrivateServer next;
    next.setProgram(inkwell::test::InkwelldProcess::binary());
    QVERIFY(next.keepRunning()); // the choice is remembered in the data folder
    QSignalSpy ready(&next, &PrivateServer::ready);
    next.start();
    QVERIFY2(waitUntilReady(next, kWaitMs), qPrintable(next.errorString()));
    QCOMPARE(ready.size(), 1);
    QVERIFY(next.isReused());
    QCOMPARE(next.url(), url);
    QCOMPARE(next.pid(), pid);

    // The user changes their mind: the server stops with the app again.
    next.setKeepRunning(false);
    QSignalSpy stopped(&next, &PrivateServer::stopped);
    next.stop();
    QVERIFY(stopped.wait(kWaitMs));
    QCOMPARE(next.state(), PrivateServer::State::Stopped);
    QTRY_COMPARE_WITH_TIMEOUT(processesOf(dataDir()), QStringList(), kWaitMs);
    QCOMPARE(healthStatus(url), 0);
}

namespace {

/// Child mode: a private server that is not kept running, as the app starts it; then wait to be killed.
int runServerChild(const QString &program)
{
    QCoreApplication::setOrganizationName(u"Inkwell"_s);
    QCoreApplication::setApplicationName(u"Inkwell"_s);
    PrivateServer server;
    server.setProgram(program);
    server.setKeepRunning(false);
    QObject::connect(&server, &PrivateServer::ready, &server, [&server](const QUrl &url) {
        std::printf("ready %s %lld\n", qPrintable(url.toString()), static_cast<long long>(server.pid()));
        std::fflush(stdout);
    });
    QObject::connect(&server, &PrivateServer::failed, &server, [](const QString &message) {
        std::printf("failed %s\n", qPrintable(message));
        std::fflush(stdout);
        QCoreApplication::exit(1);
    });
    server.start();
    return QCoreApplication::exec(); // until the test kills this process
}

} // namespace

int main(int argc, char *argv[])
{
    // A private home and data folder for the whole run (and for the child, which inherits them). Only its owner
    // may write it, but others may pass through: as root, inkwelld runs PostgreSQL as the postgres user, who must
    // reach the data folder inside.
    std::unique_ptr<QTemporaryDir> root;
    if (!(argc == 3 && qstrcmp(argv[1], kChildArgument) == 0)) {
        root = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/tst_firstrun-XXXXXX"_s);
        if (!root->isValid())
            return 2;
        QFile::setPermissions(root->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup |
                                                QFile::ExeOther);
        qputenv("HOME", QFile::encodeName(root->filePath(u"home"_s)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(root->filePath(u"data"_s)));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(root->filePath(u"config"_s)));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(root->filePath(u"cache"_s)));
    }
    QApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], kChildArgument) == 0)
        return runServerChild(QString::fromLocal8Bit(argv[2]));
    TestFirstRun test(root->path());
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_firstrun.moc"
