#include "appcontroller.h"

#include "account/changepassworddialog.h"
#include "account/signindialog.h"
#include "compare/conflictview.h"
#include "compare/revisionhistoryview.h"
#include "mainwindow.h"
#include "theme/thememanager.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace inkwell::app {

AppController::AppController(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (!m_options.settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_options.settings = m_ownSettings.get();
    }
    if (!m_options.secrets) {
        m_ownSecrets = std::make_unique<engine::KeychainSecretStore>();
        m_options.secrets = m_ownSecrets.get();
    }
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    m_theme = std::make_unique<ThemeManager>();
    m_theme->setMode(
        ThemeManager::modeFromName(m_options.settings->value(u"appearance/theme"_s, u"system"_s).toString()));

    m_client = std::make_unique<api::ApiClient>(m_options.server);
    m_session = std::make_unique<engine::AccountSession>(m_client.get(), m_options.secrets, m_options.settings);
    m_privateServer = std::make_unique<engine::PrivateServer>();
    if (!m_options.privateServerProgram.isEmpty())
        m_privateServer->setProgram(m_options.privateServerProgram);
    if (!m_options.privateServerDataDir.isEmpty())
        m_privateServer->setDataDir(m_options.privateServerDataDir);

    connect(m_session.get(), &engine::AccountSession::stateChanged, this, &AppController::onStateChanged);
    connect(m_session.get(), &engine::AccountSession::sessionExpired, this, [this] { showSignIn(); });
    connect(m_client.get(), &api::ApiClient::userChanged, this, [this](const User &user) {
        if (m_workspace && user.id == m_workspace->user().id)
            m_workspace->setUser(user);
    });
}

AppController::~AppController()
{
    // The window first (it saves the open article), then the workspace (its store writes what is queued).
    delete m_signIn;
    m_window.reset();
    m_workspace.reset();
}

SignInDialog *AppController::signInDialog() const
{
    return m_signIn;
}

void AppController::start()
{
    const engine::AccountInfo &account = m_session->account();
    if (!account.isValid()) {
        showSignIn();
        return;
    }
    if (account.privateServer && m_options.server.isEmpty()) {
        // The account lives on the private server: start it first (its port is new at every start).
        connect(
            m_privateServer.get(), &engine::PrivateServer::ready, this,
            [this](const QUrl &url) { m_session->restore(url); }, Qt::SingleShotConnection);
        connect(
            m_privateServer.get(), &engine::PrivateServer::failed, this, [this] { m_session->restore(); },
            Qt::SingleShotConnection);
        m_privateServer->start();
        return;
    }
    m_session->restore(m_options.server);
}

void AppController::onStateChanged(engine::AccountSession::State state)
{
    using State = engine::AccountSession::State;
    if (state == State::SignedIn || state == State::SignedInOffline) {
        openWorkspace();
        return;
    }
    if (state == State::SignedOut && !m_signIn)
        showSignIn();
}

QString AppController::storeIdentity() const
{
    const engine::AccountInfo &account = m_session->account();
    // The private server's port changes at every start; its store must not.
    return (account.privateServer ? u"private-server"_s : account.server.toString()) + u'|' +
           account.userId.toString(QUuid::WithoutBraces);
}

User AppController::currentUser() const
{
    if (m_session->user())
        return *m_session->user();
    // Offline: the account as the last run knew it.
    const engine::AccountInfo &account = m_session->account();
    User user;
    user.id = account.userId;
    user.email = account.email;
    user.fullName = account.fullName;
    user.role = account.role;
    return user;
}

void AppController::openWorkspace()
{
    const QString identity = storeIdentity();
    if (m_workspace && m_workspaceAccount == identity) {
        // Signed in again to the same account (after an expired session, or back online): carry on.
        m_workspace->setUser(currentUser());
        m_workspace->sync()->syncNow();
        return;
    }
    closeWorkspace();
    const engine::AccountInfo &account = m_session->account();
    auto workspace = engine::Workspace::open(m_client.get(), currentUser(), m_options.dataDir,
                                             account.privateServer ? QUrl(u"inkwell-private:"_s) : account.server);
    if (!workspace) {
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Inkwell"),
                                    tr("Your library on this computer cannot be opened: %1").arg(workspace.error()),
                                    QMessageBox::Close);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, &AppController::quitRequested);
        box->open();
        return;
    }
    m_workspace = std::move(*workspace);
    m_workspaceAccount = identity;
    m_window = std::make_unique<MainWindow>(m_workspace.get(), m_theme.get());
    connect(m_window.get(), &MainWindow::signOutRequested, this, &AppController::signOut);
    connect(m_window.get(), &MainWindow::changePasswordRequested, this, [this] {
        auto *dialog = new ChangePasswordDialog(m_session.get(), m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_window.get(), &MainWindow::conflictViewRequested, this, &AppController::showConflict);
    connect(m_window.get(), &MainWindow::historyRequested, this, &AppController::showHistory);
    m_window->show();
    m_workspace->start();
    Q_EMIT windowShown(m_window.get());
}

void AppController::closeWorkspace()
{
    m_window.reset();
    m_workspace.reset();
    m_workspaceAccount.clear();
}

void AppController::showSignIn()
{
    if (m_signIn) {
        m_signIn->raise();
        m_signIn->activateWindow();
        return;
    }
    m_signIn = new SignInDialog(m_session.get(), m_privateServer.get(), m_window.get());
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_options.server.isEmpty())
        m_signIn->setServerAddress(m_options.server.toString());
    connect(m_signIn, &SignInDialog::cancelled, this, [this] {
        // Without a window to go back to, closing the dialog ends the app.
        if (!m_window)
            Q_EMIT quitRequested();
    });
    m_signIn->open();
}

void AppController::signOut()
{
    if (!m_workspace)
        return;
    m_workspace->draft()->saveNow();
    m_workspace->store()->run<int>(
        [](engine::StoreDb &db) { return int(db.dirtyDrafts().size()) + db.attentionCounts().first; }, this,
        [this](int unsynced) {
            const auto out = [this] {
                closeWorkspace();
                m_session->signOut();
            };
            if (unsynced == 0) {
                out();
                return;
            }
            auto *box = new QMessageBox(
                QMessageBox::Warning, tr("Sign out"),
                tr("%n article(s) on this computer have changes the server does not have yet. They stay here and "
                   "are sent when you sign in again with this account. Sign out anyway?",
                   nullptr, unsynced),
                QMessageBox::Cancel, m_window.get());
            box->setObjectName(u"signOutQuestion"_s);
            QPushButton *yes = box->addButton(tr("Sign Out"), QMessageBox::AcceptRole);
            yes->setObjectName(u"signOutConfirm"_s);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::buttonClicked, this, [yes, out](QAbstractButton *clicked) {
                if (clicked == yes)
                    out();
            });
            box->open();
        });
}

void AppController::showConflict(const QUuid &id)
{
    if (!m_workspace)
        return;
    m_workspace->draft()->saveNow();
    m_workspace->store()->article(id, this, [this](std::optional<engine::LocalArticle> article) {
        if (!article || !article->conflict || !m_window)
            return;
        auto *view = new ConflictView(m_workspace->sync(), *article, m_client.get(), m_window.get());
        view->setWindowFlag(Qt::Window);
        view->setAttribute(Qt::WA_DeleteOnClose);
        view->setWindowTitle(tr("Resolve the conflict — %1").arg(article->text.title));
        view->resize(1280, 800);
        connect(view, &ConflictView::finished, view, &QWidget::close);
        view->show();
    });
}

void AppController::showHistory(const QUuid &id)
{
    if (!m_workspace || !m_window)
        return;
    m_workspace->draft()->saveNow();
    auto *view = new RevisionHistoryView(m_client.get(), m_workspace->store(), id, m_workspace->sync(), m_window.get());
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->open();
}

} // namespace inkwell::app
