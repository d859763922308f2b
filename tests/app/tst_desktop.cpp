// The desktop app as a writer meets it, end to end: the real inkwelld (bundled PostgreSQL, started here), the app's
// own start-up (AppController: sign-in dialog, workspace, main window), driven through widgets found by object
// name, under QT_QPA_PLATFORM=offscreen. The token goes to an in-memory store here (tst_account covers the keyring).
#include "account/signindialog.h"
#include "appcontroller.h"
#include "compare/conflictview.h"
#include "editor/findreplacebar.h"
#include "editor/markdowneditor.h"
#include "editor/previewpane.h"
#include "awaitvalue.h"
#include "inkwelldprocess.h"
#include "mainwindow.h"
#include "translations.h"
#include "window/articlepane.h"
#include "window/librarypanel.h"
#include "window/syncindicator.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace inkwell;
using inkwell::app::AppController;
using inkwell::app::MainWindow;
using inkwell::engine::LibraryModel;
using inkwell::engine::SyncState;

namespace {

constexpr auto kPassword = "correct horse battery staple";

template <typename T> T *child(QObject *parent, const QString &name)
{
    return parent ? parent->findChild<T *>(name) : nullptr;
}

/// A top-level widget (dialog, window, message box) of this type and name, visible.
template <typename T> T *topLevel(const QString &name)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *found = qobject_cast<T *>(widget); found && found->isVisible() && found->objectName() == name)
            return found;
        if (auto *inside = widget->findChild<T *>(name); inside && inside->isVisible())
            return inside;
    }
    return nullptr;
}

using test::await;

/// Types @p text as key presses, Enter for each line break (QTest::keyClicks knows no '\n').
void type(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines.at(i));
    }
}

/// One installation of the app: its settings, data folder and token store.
struct Install {
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<engine::FileSecretStore> secretFile;
    engine::SecretStore &secrets;
    std::unique_ptr<AppController> app;

    Install()
        : secretFile(std::make_unique<engine::FileSecretStore>(dir.filePath(u"secrets"_s)))
        , secrets(*secretFile)
    {
        settings = std::make_unique<QSettings>(dir.filePath(u"inkwell.conf"_s), QSettings::IniFormat);
    }
    void start(const QUrl &server)
    {
        app = std::make_unique<AppController>(AppController::Options{
            .server = server, .dataDir = dir.filePath(u"data"_s), .secrets = &secrets, .settings = settings.get()});
        app->start();
    }
};

} // namespace

class TestDesktop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void signInWriteAndPublish();
    void everyControlHasANameAndAKeyboardPath();
    void aConflictOpensTheSideBySideView();
    void offlineStartShowsTheLibraryAndKeepsWriting();
    void onlyAdminsSeeTheAdminPanelAndARoleChangeArrivesWithTheNextRefresh();
    void germanTranslationLoads();

private:
    MainWindow *signIn(Install &install, const QString &email, bool registerAccount);
    int rowOf(MainWindow *window, const QString &title);

    std::unique_ptr<test::InkwelldProcess> m_server;
    Install m_writer;
    QUuid m_published;
};

void TestDesktop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(app::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)) ||
            QLocale().language() == QLocale::English);
    m_server = std::make_unique<test::InkwelldProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestDesktop::cleanupTestCase()
{
    m_writer.app.reset();
    m_server.reset();
}

MainWindow *TestDesktop::signIn(Install &install, const QString &email, bool registerAccount)
{
    install.start(m_server->url());
    auto *dialog = topLevel<app::SignInDialog>(u"signInDialog"_s);
    if (!dialog)
        return nullptr;
    if (auto *connect = child<QAbstractButton>(dialog, u"connectServerButton"_s); connect && connect->isVisible())
        QTest::mouseClick(connect, Qt::LeftButton);
    if (registerAccount && dialog->mode() != app::SignInDialog::Mode::Register)
        QTest::mouseClick(child<QAbstractButton>(dialog, u"modeSwitchButton"_s), Qt::LeftButton);
    auto *server = child<QLineEdit>(dialog, u"serverEdit"_s);
    if (server->text().isEmpty())
        QTest::keyClicks(server, m_server->url().toString());
    if (registerAccount)
        QTest::keyClicks(child<QLineEdit>(dialog, u"nameEdit"_s), u"Wren Writer"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"emailEdit"_s), email);
    QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), QString::fromLatin1(kPassword));
    QSignalSpy shown(install.app.get(), &AppController::windowShown);
    QTest::mouseClick(child<QAbstractButton>(dialog, u"primaryButton"_s), Qt::LeftButton);
    if (!shown.wait(30000))
        return nullptr;
    auto *window = install.app->window();
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

int TestDesktop::rowOf(MainWindow *window, const QString &title)
{
    LibraryModel *model = window->workspace()->library();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(LibraryModel::TitleRole).toString() == title)
            return row;
    }
    return -1;
}

void TestDesktop::signInWriteAndPublish()
{
    MainWindow *window = signIn(m_writer, u"wren@example.com"_s, true);
    QVERIFY(window);
    QCOMPARE(m_writer.app->session()->state(), engine::AccountSession::State::SignedIn);

    // Ctrl+N: a new article, the cursor in its title.
    QTest::keySequence(window, QKeySequence::New);
    auto *title = child<QLineEdit>(window, u"articleTitle"_s);
    QTRY_VERIFY(title->isVisible() && title->hasFocus());
    QTest::keyClicks(title, u"Tides of the north sea"_s);
    QTest::keyClick(title, Qt::Key_Return);
    auto *editor = child<app::MarkdownEditor>(window, u"markdownEditor"_s);
    QTRY_VERIFY(editor->hasFocus());
    type(editor, u"# Tides\n\nThe *spring* tides run highest after the full moon.\n"_s);

    // The preview follows the typing.
    auto *preview = child<app::PreviewPane>(window, u"previewPane"_s);
    QTRY_VERIFY_WITH_TIMEOUT(preview->html().contains(u"<em>spring</em>"_s), 10000);
    QVERIFY(preview->html().contains(u"<h1>Tides</h1>"_s));
    // Stored on this computer (within a second, by itself), and shown in the library.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(window, u"Tides of the north sea"_s) >= 0, 10000);
    m_published = window->workspace()->draft()->id();

    // Ctrl+Shift+P asks, then publishes; the library shows it published and synced.
    QTest::keySequence(window, QKeySequence(u"Ctrl+Shift+P"_s));
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = topLevel<QMessageBox>(u"confirmation"_s)) != nullptr);
    QVERIFY(question->text().contains(u"Tides of the north sea"_s));
    QTest::mouseClick(child<QPushButton>(question, u"confirmButton"_s), Qt::LeftButton);
    LibraryModel *model = window->workspace()->library();
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(rowOf(window, u"Tides of the north sea"_s)).data(LibraryModel::StatusRole).toInt(),
        int(ArticleStatus::Published), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(rowOf(window, u"Tides of the north sea"_s)).data(LibraryModel::SyncStateRole).toInt(),
        int(SyncState::Synced), 20000);
    // And the server has it, published, with the text typed.
    api::ApiClient reader(m_server->url());
    auto article = await<api::ApiResult<Article>>([&](auto done) { reader.article(m_published, this, done); });
    QVERIFY(article && *article);
    QCOMPARE((*article)->status, ArticleStatus::Published);
    QCOMPARE((*article)->content, u"# Tides\n\nThe *spring* tides run highest after the full moon.\n"_s);

    // Ctrl+F opens the find bar; Ctrl+S syncs (the indicator says so).
    window->activateWindow(); // the message box had the keyboard
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keySequence(window, QKeySequence::Find);
    QTRY_VERIFY(child<app::FindReplaceBar>(window, u"findReplaceBar"_s)->isVisible());
    QSignalSpy rounds(window->workspace()->sync(), &engine::SyncEngine::roundFinished);
    QTest::keySequence(window, QKeySequence::Save);
    QVERIFY(rounds.wait(20000));
    QTRY_VERIFY(window->syncIndicator()->text().startsWith(u"Synced"_s));
}

void TestDesktop::everyControlHasANameAndAKeyboardPath()
{
    MainWindow *window = m_writer.app->window();
    QVERIFY(window);
    QStringList unnamed;
    const auto check = [&unnamed](QWidget *root) {
        for (QWidget *widget : root->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
                                 qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget) ||
                                 qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QTextEdit *>(widget);
            if (!control || widget->objectName().startsWith(u"qt_"_s) || !widget->parentWidget())
                continue;
            // Qt's own parts of a compound widget (a combo box's line edit, a scroll area's viewport) are named by
            // their owner.
            if (widget->parentWidget()->inherits("QComboBox") || widget->parentWidget()->inherits("QAbstractSpinBox") ||
                widget->parentWidget()->inherits("QComboBoxPrivateContainer") ||
                widget->parentWidget()->inherits("QLineEdit"))
                continue;
            if (widget->objectName().isEmpty() || widget->accessibleName().isEmpty())
                unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u" \""_s +
                               widget->objectName() + u'"');
        }
    };
    check(window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    // Every action of the menus has a keyboard path: a shortcut or a menu mnemonic. (The panels' own actions are
    // reached through their buttons, which take the focus, and the keys the panels handle.)
    QStringList unreachable;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->isSeparator() || action->text().isEmpty() || action->menu())
            continue;
        const QList<QObject *> places = action->associatedObjects();
        const bool inMenu = std::any_of(places.cbegin(), places.cend(),
                                        [](QObject *place) { return qobject_cast<QMenu *>(place) != nullptr; });
        if (inMenu && action->shortcut().isEmpty() && !action->text().contains(u'&'))
            unreachable.append(action->objectName().isEmpty() ? action->text() : action->objectName());
    }
    QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(u", "_s)));

    // No key does two things at once: two actions with the same shortcut whose scopes overlap cancel each other
    // out (Qt calls it ambiguous and runs neither).
    struct Binding {
        QString name;
        QWidget *scope;
    };
    QHash<QString, QList<Binding>> byKey;
    for (QAction *action : window->findChildren<QAction *>()) {
        for (const QKeySequence &keys : action->shortcuts()) {
            if (keys.isEmpty())
                continue;
            QWidget *scope = nullptr;
            if (action->shortcutContext() == Qt::WindowShortcut ||
                action->shortcutContext() == Qt::ApplicationShortcut) {
                scope = window;
            } else {
                for (QObject *object : action->associatedObjects()) {
                    if (auto *widget = qobject_cast<QWidget *>(object); widget && !qobject_cast<QMenu *>(widget))
                        scope = widget;
                }
            }
            if (scope)
                byKey[keys.toString()].append(
                    {action->objectName().isEmpty() ? action->text() : action->objectName(), scope});
        }
    }
    QStringList clashes;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            for (qsizetype j = i + 1; j < it->size(); ++j) {
                QWidget *a = it->at(i).scope;
                QWidget *b = it->at(j).scope;
                if (a == b || a->isAncestorOf(b) || b->isAncestorOf(a))
                    clashes.append(it.key() + u": "_s + it->at(i).name + u" / "_s + it->at(j).name);
            }
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
}

void TestDesktop::aConflictOpensTheSideBySideView()
{
    MainWindow *window = m_writer.app->window();
    QVERIFY(window);
    // The same writer on another computer (the engine alone) changes the published article's sentence...
    api::ApiClient other(m_server->url());
    auto grant = await<api::ApiResult<api::AuthGrant>>([&](auto done) {
        other.login({u"wren@example.com"_s, QString::fromLatin1(kPassword)}, this, done);
    });
    QVERIFY(grant && *grant);
    auto current = await<api::ApiResult<Article>>([&](auto done) { other.article(m_published, this, done); });
    QVERIFY(current && *current);
    auto changed = await<api::ApiResult<Article>>([&](auto done) {
        other.putArticle(m_published,
                         {(*current)->title, u"# Tides\n\nThe neap tides run lowest at the half moon.\n"_s, {}, {}, {}},
                         (*current)->revision, this, done);
    });
    QVERIFY(changed && *changed);

    // ...while here the same sentence is edited before the next sync.
    window->workspace()->sync()->setAutomatic(false);
    auto *editor = child<app::MarkdownEditor>(window, u"markdownEditor"_s);
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    editor->moveCursor(QTextCursor::Up);
    editor->moveCursor(QTextCursor::EndOfLine);
    QTest::keyClicks(editor, u" Mostly."_s);
    QTest::keySequence(window, QKeySequence::Save);

    // The conflict is kept and announced; Resolve opens mine / theirs / merged side by side.
    auto *resolve = child<QPushButton>(window, u"articleResolve"_s);
    QTRY_VERIFY_WITH_TIMEOUT(resolve->isVisible(), 20000);
    QTRY_VERIFY(window->syncIndicator()->text().startsWith(u"1 conflict"_s));
    QTest::mouseClick(resolve, Qt::LeftButton);
    app::ConflictView *view = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((view = topLevel<app::ConflictView>(u"conflictView"_s)) != nullptr, 10000);
    QVERIFY(view->mergedText().contains(u"<<<<<<< mine"_s));
    QVERIFY(view->mergedText().contains(u"The neap tides run lowest"_s));
    QVERIFY(view->mergedText().contains(u"Mostly."_s));
    view->close();
    window->workspace()->sync()->setAutomatic(true);
}

void TestDesktop::offlineStartShowsTheLibraryAndKeepsWriting()
{
    // Quit, take the server away, start again: the remembered account opens its library offline.
    m_writer.app.reset();
    QVERIFY(m_server->stop());
    m_writer.app = std::make_unique<AppController>(AppController::Options{.dataDir = m_writer.dir.filePath(u"data"_s),
                                                                          .secrets = &m_writer.secrets,
                                                                          .settings = m_writer.settings.get()});
    QSignalSpy shown(m_writer.app.get(), &AppController::windowShown);
    m_writer.app->session()->setRestoreGraceMs(500);
    m_writer.app->start();
    QVERIFY(shown.wait(20000));
    MainWindow *window = m_writer.app->window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(m_writer.app->session()->state(), engine::AccountSession::State::SignedInOffline);
    QTRY_VERIFY(rowOf(window, u"Tides of the north sea"_s) >= 0);
    // The status bar says why nothing syncs.
    auto *server = child<QLabel>(window, u"serverStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(server->isVisible() && server->text().contains(u"unreachable"_s), 15000);

    // Writing goes on: a new draft is stored here and waits for the server.
    QTest::keySequence(window, QKeySequence::New);
    auto *title = child<QLineEdit>(window, u"articleTitle"_s);
    QTRY_VERIFY(title->hasFocus());
    QTest::keyClicks(title, u"Written offline"_s);
    QTest::keyClick(title, Qt::Key_Return);
    QTest::keyClicks(child<app::MarkdownEditor>(window, u"markdownEditor"_s), u"No network on the island."_s);
    LibraryModel *model = window->workspace()->library();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(window, u"Written offline"_s) >= 0, 10000);
    QCOMPARE(model->index(rowOf(window, u"Written offline"_s)).data(LibraryModel::SyncStateRole).toInt(),
             int(SyncState::LocalChanges));

    // The server comes back: the draft goes up by itself (reconnect, or the periodic round after Ctrl+S).
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_writer.app->session()->reconnect();
    QTest::keySequence(window, QKeySequence::Save);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(rowOf(window, u"Written offline"_s)).data(LibraryModel::SyncStateRole).toInt(),
        int(SyncState::Synced), 30000);
}

void TestDesktop::onlyAdminsSeeTheAdminPanelAndARoleChangeArrivesWithTheNextRefresh()
{
    // Wren registered first: the server's admin. Cora is a creator, then a viewer, then an admin.
    Install cora;
    MainWindow *window = signIn(cora, u"cora@example.com"_s, true);
    QVERIFY(window);
    QAction *admin = window->action(u"actionAdminPanel"_s);
    QVERIFY(admin);
    QVERIFY(!admin->isEnabled());
    QVERIFY(!window->findChild<QMenu *>(u"adminMenu"_s)->menuAction()->isVisible());
    QTest::keySequence(window, QKeySequence(u"Ctrl+Shift+A"_s));
    QVERIFY(!topLevel<QWidget>(u"adminPanel"_s));

    MainWindow *wren = m_writer.app->window();
    QVERIFY(wren && wren->action(u"actionAdminPanel"_s)->isEnabled());
    const QUuid coraId = cora.app->workspace()->user().id;

    // Wren makes Cora a viewer: her app learns it with its next token and still shows no admin panel.
    AdminUserPatch toViewer;
    toViewer.role = Role::Viewer;
    auto demoted = await<api::ApiResult<User>>(
        [&](auto done) { m_writer.app->client()->adminUpdateUser(coraId, toViewer, this, done); });
    QVERIFY(demoted && *demoted);
    cora.app->client()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(cora.app->workspace()->user().role, Role::Viewer, 10000);
    QVERIFY(!admin->isEnabled());
    QVERIFY(!window->findChild<QMenu *>(u"adminMenu"_s)->menuAction()->isVisible());
    QTest::keySequence(window, QKeySequence(u"Ctrl+Shift+A"_s));
    QVERIFY(!topLevel<QWidget>(u"adminPanel"_s));

    // Wren makes Cora an admin; Cora's app shows the panel once its token is refreshed.
    AdminUserPatch patch;
    patch.role = Role::Admin;
    auto changed = await<api::ApiResult<User>>(
        [&](auto done) { m_writer.app->client()->adminUpdateUser(coraId, patch, this, done); });
    QVERIFY(changed && *changed);
    QVERIFY(!admin->isEnabled()); // nothing yet: the access token still says creator
    cora.app->client()->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(admin->isEnabled(), 10000);
    QVERIFY(window->findChild<QMenu *>(u"adminMenu"_s)->menuAction()->isVisible());
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keySequence(window, QKeySequence(u"Ctrl+Shift+A"_s));
    QTRY_VERIFY(topLevel<QWidget>(u"adminPanel"_s) != nullptr);
    cora.app.reset();
}

void TestDesktop::germanTranslationLoads()
{
    const auto tr = [](const char *context, const char *source, int n = -1) {
        return QCoreApplication::translate(context, source, nullptr, n);
    };
    QVERIFY(app::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(tr("inkwell::app::MainWindow", "&File"), u"&Datei"_s);
    QCOMPARE(tr("inkwell::app::MainWindow", "&Article"), u"A&rtikel"_s);
    QCOMPARE(tr("inkwell::app::LibraryPanel", "Drafts"), u"Entwürfe"_s);
    QCOMPARE(tr("inkwell::engine::SyncEngine", "%n conflict(s) to resolve", 1), u"1 Konflikt zu lösen"_s);
    QCOMPARE(tr("inkwell::engine::SyncEngine", "%n conflict(s) to resolve", 2), u"2 Konflikte zu lösen"_s);
    QCOMPARE(tr("inkwell::app::EditorStatus", "%n word(s)", 1), u"1 Wort"_s);
    QCOMPARE(tr("inkwell::app::EditorStatus", "%n word(s)", 2), u"2 Wörter"_s);

    // Back in English, the plurals come from the English file.
    QVERIFY(app::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    QCOMPARE(tr("inkwell::engine::SyncEngine", "%n conflict(s) to resolve", 1), u"1 conflict to resolve"_s);
    QCOMPARE(tr("inkwell::engine::SyncEngine", "%n conflict(s) to resolve", 2), u"2 conflicts to resolve"_s);
    QCOMPARE(tr("inkwell::app::MainWindow", "&File"), u"&File"_s);
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
