// Signing in from the desktop app against the real inkwelld, with the refresh token in a real (private) keyring.
#include "accountsession.h"
#include "secretfiles.h"
#include "api/apiclient.h"
#include "account/changepassworddialog.h"
#include "inkwelldprocess.h"
#include "account/signindialog.h"
#include "account/tokenstoredialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QtTest>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using inkwell::Role;
using inkwell::api::ApiClient;
using inkwell::api::ApiResult;
using inkwell::api::AuthGrant;
using inkwell::app::ChangePasswordDialog;
using inkwell::app::SignInDialog;
using inkwell::app::TokenStoreDialog;
using inkwell::engine::AccountInfo;
using inkwell::engine::AccountSession;
using inkwell::engine::KeychainSecretStore;
using inkwell::engine::SecretStore;

namespace {

/// The keyring service of these tests (the app files its entries under "Inkwell").
const QString kService = u"InkwellAccountTest"_s;
const QString kPassword = u"a quiet river of ink at dawn"_s;
/// The argument that makes the binary sign in once with no keyring, answer the question, print and exit.
constexpr const char *kChildArgument = "--no-keyring-child";
constexpr int kWaitMs = 30000;

/// The app's objects as the app builds them: a client, the keyring, the settings, the session around them.
struct App {
    explicit App(QSettings::Format format = QSettings::NativeFormat, const QString &settingsName = u"Inkwell"_s)
        : settings(format, QSettings::UserScope, u"Inkwell"_s, settingsName)
    {
    }
    ApiClient client{QUrl()};
    KeychainSecretStore store{kService};
    QSettings settings;
    AccountSession session{&client, &store, &settings};
};

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
    run.finished = process.waitForFinished(120000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    const QByteArray err = process.readAllStandardError();
    if (!err.isEmpty())
        qInfo().noquote() << QFileInfo(program).fileName() << "wrote on stderr:" << QString::fromUtf8(err).trimmed();
    return run;
}

/// The token libsecret's own client finds in the keyring for @p key (empty when none).
QString keyringToken(const QString &key)
{
    return runTool(u"secret-tool"_s, {u"lookup"_s, u"server"_s, kService, u"user"_s, key}).out;
}

using inkwell::test::appFolders;
using inkwell::test::filesContaining;

/// Waits for a typed API call started by @p start(context, callback).
template <typename T, typename Start> std::optional<ApiResult<T>> await(Start start)
{
    auto result = std::make_shared<std::optional<ApiResult<T>>>();
    QObject context;
    start(&context, [result](ApiResult<T> r) { *result = std::move(r); });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, kWaitMs))
        QTest::qFail("the API call did not finish", __FILE__, __LINE__);
    return *result;
}

QString uniqueEmail(const QString &who)
{
    return who + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(8) + u"@example.test"_s;
}

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning().noquote() << "no" << T::staticMetaObject.className() << "named" << name;
    return found;
}

/// Types @p text into the line edit @p name of @p parent, replacing what was there.
void typeInto(QWidget *parent, const QString &name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void click(QWidget *parent, const QString &name)
{
    auto *button = child<QAbstractButton>(parent, name);
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(name));
    QTest::mouseClick(button, Qt::LeftButton);
}

/// The visible text of the label @p name, or "" when it is hidden.
QString shown(QWidget *parent, const QString &name)
{
    auto *label = child<QLabel>(parent, name);
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace

class TestAccount : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void serverAddress_data();
    void serverAddress();

    void registerThroughTheDialog();
    void signInThroughTheDialog();
    void tokenRotationReachesTheKeyring();
    void restoreSignsInFromTheKeyringAlone();
    void roleChangeFollowsTheServer();
    void changePasswordThroughTheDialog();
    void refusedRefreshSignsOutWithAReason();
    void signOutRemovesAndRevokes();
    void noKeyringAsks_data();
    void noKeyringAsks();
    void offlineStartKeepsTheRememberedAccount();

private:
    /// Registers @p email on the server (not through the app).
    AuthGrant registerUser(const QString &email, const QString &name = u"Test Writer"_s);
    /// Signs @p app in as @p email and waits until the keyring holds the token.
    void signIn(App &app, const QString &email, const QString &password = kPassword);

    std::unique_ptr<inkwell::test::InkwelldProcess> m_server;
    std::unique_ptr<ApiClient> m_admin; ///< the first account of the server: its administrator
};

void TestAccount::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Inkwell"_s);
    QCoreApplication::setApplicationName(u"Inkwell"_s);
    // Never the real user's keyring or home: ctest runs this binary through dbus-run-session and with-keyring.sh.
    const QString root = qEnvironmentVariable("INKWELL_TEST_KEYRING_DIR");
    QVERIFY2(!root.isEmpty() && QDir::homePath().startsWith(root),
             "run through: dbus-run-session -- sh tests/tools/with-keyring.sh <this binary> (ctest does that)");
    for (const QString &folder : appFolders())
        QVERIFY2(folder.startsWith(root), qPrintable(folder));

    m_server = std::make_unique<inkwell::test::InkwelldProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_admin = std::make_unique<ApiClient>(m_server->url());
    const auto grant = await<AuthGrant>([this](QObject *context, auto done) {
        m_admin->registerAccount({.email = uniqueEmail(u"admin"_s), .password = kPassword, .fullName = u"Admin"_s},
                                 context, done);
    });
    QVERIFY(grant && grant->has_value());
    QCOMPARE((*grant)->user.role, Role::Admin);
}

void TestAccount::cleanupTestCase()
{
    m_admin.reset();
    if (m_server)
        QVERIFY(m_server->stop());
}

AuthGrant TestAccount::registerUser(const QString &email, const QString &name)
{
    ApiClient client(m_server->url());
    const auto grant = await<AuthGrant>([&](QObject *context, auto done) {
        client.registerAccount({.email = email, .password = kPassword, .fullName = name}, context, done);
    });
    if (!grant || !grant->has_value()) {
        QTest::qFail(qPrintable(u"could not register "_s + email), __FILE__, __LINE__);
        return {};
    }
    return **grant;
}

void TestAccount::signIn(App &app, const QString &email, const QString &password)
{
    QSignalSpy idle(&app.session, &AccountSession::tokenStoreIdle);
    app.session.signIn(m_server->url(), email, password);
    QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), AccountSession::State::SignedIn, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending() && !idle.isEmpty(), kWaitMs);
    QCOMPARE(keyringToken(app.session.account().secretKey()), app.client.refreshToken());
}

// ---- the server address ------------------------------------------------------------------------------------------

void TestAccount::serverAddress_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // empty: refused

    QTest::newRow("a host alone is https") << u"inkwell.example.com"_s << u"https://inkwell.example.com"_s;
    QTest::newRow("localhost is http") << u"localhost:8080"_s << u"http://localhost:8080"_s;
    QTest::newRow("loopback address is http") << u"127.0.0.1:9000"_s << u"http://127.0.0.1:9000"_s;
    QTest::newRow("IPv6 loopback is http") << u"[::1]:8080"_s << u"http://[::1]:8080"_s;
    QTest::newRow("http kept when typed") << u"http://inkwell.lan"_s << u"http://inkwell.lan"_s;
    QTest::newRow("spaces around") << u"  https://ink.example  "_s << u"https://ink.example"_s;
    QTest::newRow("trailing slash") << u"https://ink.example/"_s << u"https://ink.example"_s;
    QTest::newRow("a path is kept") << u"https://example.com/inkwell/"_s << u"https://example.com/inkwell"_s;
    QTest::newRow("upper case") << u"HTTPS://Ink.Example"_s << u"https://ink.example"_s;
    QTest::newRow("empty") << u""_s << QString();
    QTest::newRow("blank") << u"   "_s << QString();
    QTest::newRow("ftp") << u"ftp://ink.example"_s << QString();
    QTest::newRow("user and password") << u"https://me:secret@ink.example"_s << QString();
    QTest::newRow("query") << u"https://ink.example/?a=1"_s << QString();
    QTest::newRow("fragment") << u"https://ink.example/#top"_s << QString();
    QTest::newRow("space inside") << u"https://ink example"_s << QString();
    QTest::newRow("no host") << u"https://"_s << QString();
}

void TestAccount::serverAddress()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const auto url = inkwell::engine::parseServerAddress(typed);
    if (expected.isEmpty()) {
        QVERIFY2(!url, qPrintable(url ? url->toString() : QString()));
        QVERIFY(!url.error().isEmpty());
        QVERIFY2(!url.error().contains(u"QUrl"_s), qPrintable(url.error())); // words for a person
    } else {
        QVERIFY2(url, qPrintable(url ? QString() : url.error()));
        QCOMPARE(url->toString(), expected);
    }
}

// ---- the dialog -------------------------------------------------------------------------------------------------

void TestAccount::registerThroughTheDialog()
{
    App app;
    app.settings.clear(); // the first run
    QVERIFY(!app.session.hasRememberedAccount());
    SignInDialog dialog(&app.session, nullptr);
    QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // The first run welcomes; without a bundled server only "Connect to a server" can be chosen.
    QVERIFY(dialog.isShowingWelcome());
    QVERIFY(!child<QAbstractButton>(&dialog, u"startPrivateServerButton"_s)->isEnabled());
    click(&dialog, u"connectServerButton"_s);
    QVERIFY(!dialog.isShowingWelcome());
    QCOMPARE(dialog.mode(), SignInDialog::Mode::SignIn);
    click(&dialog, u"modeSwitchButton"_s);
    QCOMPARE(dialog.mode(), SignInDialog::Mode::Register);
    QVERIFY(child<QLineEdit>(&dialog, u"nameEdit"_s)->isVisible());
    QVERIFY(shown(&dialog, u"passwordRules"_s).contains(u"12"_s));

    // The address is checked as it is typed.
    typeInto(&dialog, u"serverEdit"_s, m_server->url().toString());
    QTRY_VERIFY_WITH_TIMEOUT(shown(&dialog, u"serverStatus"_s).contains(u"answers"_s), kWaitMs);

    const QString email = uniqueEmail(u"writer"_s);
    typeInto(&dialog, u"nameEdit"_s, u"Ada Writer"_s);
    typeInto(&dialog, u"emailEdit"_s, email);

    // Too short: said before anything is sent.
    typeInto(&dialog, u"passwordEdit"_s, u"too short"_s);
    QTest::keyClick(child<QLineEdit>(&dialog, u"passwordEdit"_s), Qt::Key_Return);
    QVERIFY2(shown(&dialog, u"passwordError"_s).contains(u"12"_s), qPrintable(shown(&dialog, u"passwordError"_s)));
    QVERIFY(!dialog.isBusy());
    QCOMPARE(app.session.state(), AccountSession::State::SignedOut);

    // Long enough but one of the most common leaked passwords: the server's words, next to the field.
    typeInto(&dialog, u"passwordEdit"_s, u"1qaz2wsx3edc"_s);
    QTest::keyClick(child<QLineEdit>(&dialog, u"passwordEdit"_s), Qt::Key_Return);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kWaitMs);
    QVERIFY2(!shown(&dialog, u"passwordError"_s).isEmpty(), qPrintable(shown(&dialog, u"formError"_s)));
    QVERIFY(!shown(&dialog, u"passwordError"_s).contains(u'{'));
    QCOMPARE(app.session.state(), AccountSession::State::SignedOut);
    QVERIFY(signedIn.isEmpty());

    // A good one: Enter creates the account and signs in.
    typeInto(&dialog, u"passwordEdit"_s, kPassword);
    QTest::keyClick(child<QLineEdit>(&dialog, u"passwordEdit"_s), Qt::Key_Return);
    QVERIFY(signedIn.wait(kWaitMs));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(app.session.state(), AccountSession::State::SignedIn);
    QCOMPARE(app.session.account().email, email);
    QCOMPARE(app.session.account().fullName, u"Ada Writer"_s);
    QCOMPARE(app.session.account().server, m_server->url());
    QCOMPARE(app.session.account().role, Role::Creator); // the test server lets new users write
    QCOMPARE(app.session.tokenStoreKind(), SecretStore::Kind::SystemKeyring);

    // The token is in the keyring, as libsecret's own client sees it, and in no file of the app.
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending(), kWaitMs);
    const QString token = app.client.refreshToken();
    QVERIFY(!token.isEmpty());
    QCOMPARE(keyringToken(app.session.account().secretKey()), token);
    app.settings.sync();
    QVERIFY(QFileInfo::exists(app.settings.fileName())); // the account is remembered in the settings ...
    QVERIFY(!filesContaining(appFolders(), email).isEmpty());
    QCOMPARE(filesContaining(appFolders(), token), QStringList()); // ... the token is not
    QCOMPARE(inkwell::engine::loadAccountInfo(app.settings), app.session.account());
}

void TestAccount::signInThroughTheDialog()
{
    const QString email = uniqueEmail(u"returning"_s);
    registerUser(email, u"Returning Writer"_s);

    App app;
    QVERIFY(app.session.hasRememberedAccount()); // from the test before: not the first run
    SignInDialog dialog(&app.session, nullptr);
    QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.isShowingWelcome());
    QCOMPARE(dialog.mode(), SignInDialog::Mode::SignIn);
    QCOMPARE(child<QLineEdit>(&dialog, u"serverEdit"_s)->text(), app.session.account().server.toString());
    QCOMPARE(child<QLineEdit>(&dialog, u"emailEdit"_s)->text(), app.session.account().email);
    QVERIFY(!child<QLineEdit>(&dialog, u"nameEdit"_s)->isVisible());

    // An address where nothing answers, and one that is not an address: said in words under the field.
    typeInto(&dialog, u"serverEdit"_s, u"http://127.0.0.1:1"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shown(&dialog, u"serverStatus"_s).contains(u"cannot be reached"_s), kWaitMs);
    typeInto(&dialog, u"serverEdit"_s, u"gopher://ink.example"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shown(&dialog, u"serverStatus"_s).contains(u"http"_s), kWaitMs);

    typeInto(&dialog, u"serverEdit"_s, m_server->url().toString());
    typeInto(&dialog, u"emailEdit"_s, email);
    typeInto(&dialog, u"passwordEdit"_s, u"not the right password"_s);
    click(&dialog, u"primaryButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kWaitMs);
    const QString refused = shown(&dialog, u"formError"_s);
    QVERIFY2(refused.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(refused));
    QCOMPARE(app.session.state(), AccountSession::State::SignedOut);
    QVERIFY(app.session.lastError().contains(u"password"_s, Qt::CaseInsensitive));
    QVERIFY(signedIn.isEmpty());

    typeInto(&dialog, u"passwordEdit"_s, kPassword);
    QTest::keyClick(child<QLineEdit>(&dialog, u"passwordEdit"_s), Qt::Key_Return);
    QVERIFY(signedIn.wait(kWaitMs));
    QCOMPARE(signedIn.first().first().value<AccountSession *>(), &app.session);
    QCOMPARE(app.session.account().email, email);
    QCOMPARE(app.session.account().fullName, u"Returning Writer"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending(), kWaitMs);
    QCOMPARE(keyringToken(app.session.account().secretKey()), app.client.refreshToken());
    QVERIFY(child<QLineEdit>(&dialog, u"passwordEdit"_s)->text().isEmpty()); // not kept in the dialog
}

// ---- the session ------------------------------------------------------------------------------------------------

void TestAccount::tokenRotationReachesTheKeyring()
{
    App app;
    const QString email = uniqueEmail(u"rotating"_s);
    registerUser(email);
    signIn(app, email);
    const QString key = app.session.account().secretKey();
    const QString first = keyringToken(key);

    QSignalSpy rotated(&app.client, &ApiClient::tokensChanged);
    app.client.refreshNow();
    QVERIFY(rotated.wait(kWaitMs));
    const QString second = rotated.first().first().toString();
    QVERIFY(!second.isEmpty() && second != first);
    QTRY_COMPARE_WITH_TIMEOUT(keyringToken(key), second, kWaitMs);

    // Twice in a row: the newest one wins, whatever order the keyring finishes in.
    app.client.refreshNow();
    QVERIFY(rotated.wait(kWaitMs));
    app.client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(rotated.size(), 3, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending(), kWaitMs);
    QCOMPARE(keyringToken(key), app.client.refreshToken());
    QCOMPARE(app.client.refreshToken(), rotated.last().first().toString());
    for (const QString &token : {first, second, app.client.refreshToken()})
        QCOMPARE(filesContaining(appFolders(), token), QStringList());
}

void TestAccount::restoreSignsInFromTheKeyringAlone()
{
    const QString email = uniqueEmail(u"restored"_s);
    const AuthGrant registered = registerUser(email, u"Restored Writer"_s);
    AccountInfo remembered;
    {
        App before;
        signIn(before, email);
        remembered = before.session.account();
    } // the app quits without signing out

    App app;
    QCOMPARE(app.session.account(), remembered); // known before anything is read
    QSignalSpy states(&app.session, &AccountSession::stateChanged);
    app.session.restore();
    QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), AccountSession::State::SignedIn, kWaitMs);
    QCOMPARE(states.first().first().value<AccountSession::State>(), AccountSession::State::SigningIn);
    QCOMPARE(app.session.account(), remembered);
    QVERIFY(app.session.user().has_value());
    QCOMPARE(app.session.user()->id, registered.user.id);
    QCOMPARE(app.session.user()->email, email);
    QVERIFY(app.session.lastError().isEmpty());

    // The restore spent the stored token; the keyring holds the new one.
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending(), kWaitMs);
    QCOMPARE(keyringToken(remembered.secretKey()), app.client.refreshToken());

    // The session works: an authenticated call succeeds.
    const auto me = await<inkwell::User>([&](QObject *context, auto done) { app.client.me(context, done); });
    QVERIFY(me && me->has_value());
    QCOMPARE((*me)->id, registered.user.id);
}

void TestAccount::roleChangeFollowsTheServer()
{
    App app;
    const QString email = uniqueEmail(u"demoted"_s);
    registerUser(email);
    signIn(app, email);
    QCOMPARE(app.session.account().role, Role::Creator);

    const auto patched = await<inkwell::User>([&](QObject *context, auto done) {
        m_admin->adminUpdateUser(app.session.account().userId, {.role = Role::Viewer, .isActive = std::nullopt},
                                 context, done);
    });
    QVERIFY(patched && patched->has_value());

    // The next answer that shows the user carries the new role: the account follows, and says so.
    QSignalSpy roleChanged(&app.session, &AccountSession::roleChanged);
    const auto me = await<inkwell::User>([&](QObject *context, auto done) { app.client.me(context, done); });
    QVERIFY(me && me->has_value());
    QCOMPARE(roleChanged.size(), 1);
    QCOMPARE(roleChanged.first().first().value<Role>(), Role::Viewer);
    QCOMPARE(app.session.account().role, Role::Viewer);
    QCOMPARE(inkwell::engine::loadAccountInfo(app.settings).role, Role::Viewer); // remembered for offline starts
}

void TestAccount::changePasswordThroughTheDialog()
{
    App app;
    const QString email = uniqueEmail(u"changing"_s);
    registerUser(email);
    signIn(app, email);

    ChangePasswordDialog dialog(&app.session);
    QSignalSpy changed(&dialog, &ChangePasswordDialog::passwordChanged);
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString newPassword = u"a louder river of ink at dusk"_s;

    // Typed twice differently: said at once, nothing sent.
    typeInto(&dialog, u"currentPasswordEdit"_s, kPassword);
    typeInto(&dialog, u"newPasswordEdit"_s, newPassword);
    typeInto(&dialog, u"confirmPasswordEdit"_s, newPassword + u'!');
    QTest::keyClick(child<QLineEdit>(&dialog, u"confirmPasswordEdit"_s), Qt::Key_Return);
    QVERIFY(!shown(&dialog, u"confirmPasswordError"_s).isEmpty());
    QVERIFY(!dialog.isBusy());

    // A wrong current password: the server's refusal, readable, next to that field.
    typeInto(&dialog, u"currentPasswordEdit"_s, u"not my password at all"_s);
    typeInto(&dialog, u"confirmPasswordEdit"_s, newPassword);
    QTest::keyClick(child<QLineEdit>(&dialog, u"confirmPasswordEdit"_s), Qt::Key_Return);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kWaitMs);
    const QString refused = shown(&dialog, u"currentPasswordError"_s);
    QVERIFY2(refused.contains(u"current password"_s), qPrintable(refused));
    QVERIFY(refused.at(0).isUpper());
    QVERIFY(changed.isEmpty());
    QVERIFY(dialog.isVisible());
    QCOMPARE(app.session.state(), AccountSession::State::SignedIn);

    typeInto(&dialog, u"currentPasswordEdit"_s, kPassword);
    click(&dialog, u"changePasswordButton"_s);
    QVERIFY(changed.wait(kWaitMs));
    QVERIFY(!dialog.isVisible());

    // The new password signs in, the old one no longer does; this session goes on.
    ApiClient other(m_server->url());
    const auto withNew = await<AuthGrant>(
        [&](QObject *context, auto done) { other.login({.email = email, .password = newPassword}, context, done); });
    QVERIFY(withNew && withNew->has_value());
    const auto withOld = await<AuthGrant>(
        [&](QObject *context, auto done) { other.login({.email = email, .password = kPassword}, context, done); });
    QVERIFY(withOld && !withOld->has_value());
    QCOMPARE(withOld->error().status, 401);
    const auto me = await<inkwell::User>([&](QObject *context, auto done) { app.client.me(context, done); });
    QVERIFY(me && me->has_value());
    QCOMPARE(app.session.state(), AccountSession::State::SignedIn);
}

void TestAccount::refusedRefreshSignsOutWithAReason()
{
    App app;
    const QString email = uniqueEmail(u"robbed"_s);
    registerUser(email);
    signIn(app, email);
    const QString key = app.session.account().secretKey();
    const QString stolen = keyringToken(key);

    // Someone else spends the token first ...
    ApiClient thief(m_server->url());
    thief.setSession(QString(), stolen);
    QSignalSpy thiefRotated(&thief, &ApiClient::tokensChanged);
    thief.refreshNow();
    QVERIFY(thiefRotated.wait(kWaitMs));

    // ... so the app's refresh presents a spent token: the server refuses, the app signs out and says why.
    QSignalSpy expired(&app.session, &AccountSession::sessionExpired);
    app.client.refreshNow();
    QVERIFY(expired.wait(kWaitMs));
    QCOMPARE(app.session.state(), AccountSession::State::SignedOut);
    const QString reason = expired.first().first().toString();
    QVERIFY(!reason.isEmpty());
    QCOMPARE(app.session.lastError(), reason);
    QVERIFY2(reason.contains(u"sign in again"_s), qPrintable(reason));
    QVERIFY(!app.client.hasSession());
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending(), kWaitMs);
    QCOMPARE(keyringToken(key), QString());
    QVERIFY(app.session.hasRememberedAccount()); // the next sign-in is prefilled
    QCOMPARE(app.session.account().email, email);

    // A restore now finds nothing to sign in with.
    App next;
    next.session.restore();
    QTRY_COMPARE_WITH_TIMEOUT(next.session.state(), AccountSession::State::SignedOut, kWaitMs);
}

void TestAccount::signOutRemovesAndRevokes()
{
    App app;
    const QString email = uniqueEmail(u"leaving"_s);
    registerUser(email);
    signIn(app, email);
    const QString key = app.session.account().secretKey();
    const QString token = keyringToken(key);
    QVERIFY(!token.isEmpty());

    QSignalSpy finished(&app.session, &AccountSession::signOutFinished);
    app.session.signOut();
    QCOMPARE(app.session.state(), AccountSession::State::SignedOut); // at once, whatever the server does
    QVERIFY(!app.client.hasSession());
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(app.session.lastError().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending(), kWaitMs);
    QCOMPARE(keyringToken(key), QString());

    // Revoked on the server: the token no longer refreshes.
    ApiClient other(m_server->url());
    other.setSession(QString(), token);
    QSignalSpy ended(&other, &ApiClient::sessionEnded);
    other.refreshNow();
    QVERIFY(ended.wait(kWaitMs));
    QCOMPARE(ended.first().first().value<inkwell::api::ApiError>().status, 401);

    // The next start is signed out, with the account remembered for the sign-in form.
    App next;
    next.session.restore();
    QTRY_COMPARE_WITH_TIMEOUT(next.session.state(), AccountSession::State::SignedOut, kWaitMs);
    QCOMPARE(next.session.account().email, email);
    QVERIFY(next.session.lastError().isEmpty());
}

void TestAccount::noKeyringAsks_data()
{
    QTest::addColumn<QString>("answer");       // what the child clicks when asked
    QTest::addColumn<QString>("settingsName"); // each answer is remembered in its own settings file
    QTest::addColumn<bool>("expectAsked");
    QTest::addColumn<QString>("expectKind");

    QTest::newRow("session only") << u"session"_s << u"NoKeyringSession"_s << true << u"SessionOnly"_s;
    QTest::newRow("don't sign in") << u"cancel"_s << u"NoKeyringCancel"_s << true << u"none"_s;
    QTest::newRow("file") << u"file"_s << u"NoKeyringFile"_s << true << u"PlainFile"_s;
    QTest::newRow("file, remembered") << u"none"_s << u"NoKeyringFile"_s << false << u"PlainFile"_s;
}

void TestAccount::noKeyringAsks()
{
    QFETCH(QString, answer);
    QFETCH(QString, settingsName);
    QFETCH(bool, expectAsked);
    QFETCH(QString, expectKind);

    const QString email = uniqueEmail(u"keyless"_s);
    registerUser(email);
    const QString secretsFile =
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/secrets.json"_s;
    const bool fileBefore = QFileInfo::exists(secretsFile);

    // The same binary, with the session bus pointing nowhere: no keyring at all.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
    const ToolRun run = runTool(
        QCoreApplication::applicationFilePath(),
        {QString::fromLatin1(kChildArgument), m_server->url().toString(), email, answer, settingsName}, environment);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QHash<QString, QString> said;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts))
        said.insert(line.section(u' ', 0, 0), line.section(u' ', 1));

    QCOMPARE(said.value(u"asked"_s), expectAsked ? u"yes"_s : u"no"_s);
    if (expectAsked) // the question says why, and where the file would be
        QVERIFY2(!said.value(u"reason"_s).isEmpty() && said.value(u"file"_s) == secretsFile, qPrintable(run.out));
    QCOMPARE(said.value(u"kind"_s), expectKind);
    const QString token = said.value(u"token"_s);

    if (expectKind == u"none"_s) {
        QCOMPARE(said.value(u"state"_s), u"SignedOut"_s);
        QVERIFY(token.isEmpty());
        QCOMPARE(QFileInfo::exists(secretsFile), fileBefore);
        return;
    }
    QCOMPARE(said.value(u"state"_s), u"SignedIn"_s);
    QVERIFY(!token.isEmpty());
    if (expectKind == u"SessionOnly"_s) {
        QCOMPARE(filesContaining(appFolders(), token), QStringList()); // nowhere on disk
        QCOMPARE(QFileInfo::exists(secretsFile), fileBefore);
        return;
    }
    // The private file: the token is in it, and only the owner may read or write it.
    QCOMPARE(filesContaining(appFolders(), token), QStringList{secretsFile});
    const QFile::Permissions all = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                   QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                                   QFile::ExeOther;
    QCOMPARE(QFileInfo(secretsFile).permissions() & all, QFile::ReadOwner | QFile::WriteOwner);
    const ToolRun mode = runTool(u"stat"_s, {u"-c"_s, u"%a"_s, secretsFile});
    QCOMPARE(mode.out.trimmed(), u"600"_s);
}

void TestAccount::offlineStartKeepsTheRememberedAccount()
{
    const QString email = uniqueEmail(u"travelling"_s);
    registerUser(email);
    AccountInfo remembered;
    QString token;
    {
        App before;
        signIn(before, email);
        remembered = before.session.account();
        token = before.client.refreshToken();
    }

    QVERIFY(m_server->stop()); // the server goes away (a train, a laptop lid)
    App app;
    app.session.setReconnectIntervalMs(0); // this test says when to try again
    app.session.restore();
    QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), AccountSession::State::SignedInOffline, kWaitMs);
    QVERIFY(app.session.isSignedIn());
    QCOMPARE(app.session.account(), remembered); // enough to open the right local store
    QVERIFY2(app.session.lastError().contains(u"offline"_s), qPrintable(app.session.lastError()));
    QCOMPARE(keyringToken(remembered.secretKey()), token); // nothing was spent or removed

    // The server comes back: the session goes online with the same token.
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    app.session.reconnect();
    QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), AccountSession::State::SignedIn, kWaitMs);
    QVERIFY(app.session.lastError().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!app.session.tokenStorePending(), kWaitMs);
    QCOMPARE(keyringToken(remembered.secretKey()), app.client.refreshToken());
}

namespace {

/// Child mode: signs in through the dialog with no keyring, answers the question with @p answer ("session",
/// "file", "cancel", or "none": fail if asked), and prints what happened, one "name value" line each.
int runNoKeyringChild(const QString &server, const QString &email, const QString &answer, const QString &settingsName)
{
    QCoreApplication::setOrganizationName(u"Inkwell"_s);
    QCoreApplication::setApplicationName(u"Inkwell"_s);
    App app(QSettings::IniFormat, settingsName);
    bool asked = false;
    QString reason;
    QString filePath;
    QObject::connect(&app.session, &AccountSession::tokenStoreChoiceNeeded, &app.session,
                     [&](const QString &why, const QString &path, const AccountSession::TokenStoreAnswer &) {
                         asked = true;
                         reason = why;
                         filePath = path;
                     });
    SignInDialog dialog(&app.session, nullptr);
    dialog.open();
    if (dialog.isShowingWelcome())
        QTest::mouseClick(dialog.findChild<QAbstractButton *>(u"connectServerButton"_s), Qt::LeftButton);
    dialog.findChild<QLineEdit *>(u"serverEdit"_s)->setText(server);
    dialog.findChild<QLineEdit *>(u"emailEdit"_s)->setText(email);
    dialog.findChild<QLineEdit *>(u"passwordEdit"_s)->setText(kPassword);
    QTest::mouseClick(dialog.findChild<QAbstractButton *>(u"primaryButton"_s), Qt::LeftButton);

    const auto waitFor = [](const std::function<bool()> &condition, const char *what) {
        if (QTest::qWaitFor(condition, kWaitMs))
            return true;
        std::fprintf(stderr, "timed out waiting for %s\n", what);
        return false;
    };
    if (!waitFor([&] { return asked || !dialog.isBusy(); }, "the question or the end of the sign-in"))
        return 1;
    if (asked) {
        TokenStoreDialog *question = nullptr;
        if (!waitFor([&] { return (question = dialog.findChild<TokenStoreDialog *>()) && question->isVisible(); },
                     "the question's dialog"))
            return 1;
        const QString button = answer == u"session"_s ? u"sessionOnlyButton"_s
                               : answer == u"file"_s  ? u"plainFileButton"_s
                                                      : u"dontSignInButton"_s;
        QTest::mouseClick(question->findChild<QAbstractButton *>(button), Qt::LeftButton);
    }
    if (!waitFor([&] { return !dialog.isBusy() && !app.session.tokenStorePending(); }, "the sign-in"))
        return 1;

    const auto kind = app.session.tokenStoreKind();
    std::printf("asked %s\n", asked ? "yes" : "no");
    std::printf("reason %s\n", qPrintable(reason));
    std::printf("file %s\n", qPrintable(filePath));
    std::printf("state %s\n", QMetaEnum::fromType<AccountSession::State>().valueToKey(int(app.session.state())));
    std::printf("kind %s\n", kind ? QMetaEnum::fromType<SecretStore::Kind>().valueToKey(int(*kind)) : "none");
    std::printf("token %s\n", qPrintable(app.client.refreshToken()));
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc == 6 && qstrcmp(argv[1], kChildArgument) == 0)
        return runNoKeyringChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                                 QString::fromLocal8Bit(argv[4]), QString::fromLocal8Bit(argv[5]));
    TestAccount test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_account.moc"
