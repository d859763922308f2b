#pragma once

#include "accountsession.h"
#include "privateserver.h"
#include "secretstore.h"
#include "workspace.h"

#include <QObject>
#include <QPointer>
#include <QSettings>
#include <memory>

namespace inkwell::app {

class MainWindow;
class SignInDialog;
class ThemeManager;

/**
 * @brief The app's life: sign in (or restore the session, or start offline with the account remembered), open
 * the account's workspace and the main window, sign out, sign in again. main() makes one and starts it; a test
 * makes one with its own secret store, settings and folders.
 */
class AppController : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl server = {};                       ///< --server / INKWELL_SERVER_URL: the server to sign in to first
        QString dataDir = {};                   ///< local stores live here (default: the app's data folder)
        engine::SecretStore *secrets = nullptr; ///< default: the system keyring
        QSettings *settings = nullptr;          ///< default: QSettings()
        QString privateServerProgram = {};      ///< default: the inkwelld installed beside the app
        QString privateServerDataDir = {};      ///< default: PrivateServer::defaultDataDir()
    };

    explicit AppController(Options options, QObject *parent = nullptr);
    ~AppController() override;

    /// @brief Restores the remembered session (starting the private server first when it is the account's), or
    /// asks the user to sign in.
    void start();

    engine::AccountSession *session() const { return m_session.get(); }
    engine::PrivateServer *privateServer() const { return m_privateServer.get(); }
    engine::Workspace *workspace() const { return m_workspace.get(); }
    api::ApiClient *client() const { return m_client.get(); }
    MainWindow *window() const { return m_window.get(); }
    SignInDialog *signInDialog() const;
    ThemeManager *theme() const { return m_theme.get(); }

Q_SIGNALS:
    /// @brief The main window is up for a signed-in (or offline) account.
    void windowShown(inkwell::app::MainWindow *window);
    /// @brief The user closed the sign-in dialog without an account: the app ends.
    void quitRequested();

private:
    void onStateChanged(engine::AccountSession::State state);
    void openWorkspace();
    void closeWorkspace();
    void showSignIn();
    void signOut();
    void showConflict(const QUuid &id);
    void showHistory(const QUuid &id);
    User currentUser() const;
    QString storeIdentity() const;

    Options m_options;
    std::unique_ptr<QSettings> m_ownSettings;
    std::unique_ptr<engine::SecretStore> m_ownSecrets;
    std::unique_ptr<api::ApiClient> m_client;
    std::unique_ptr<engine::AccountSession> m_session;
    std::unique_ptr<engine::PrivateServer> m_privateServer;
    std::unique_ptr<ThemeManager> m_theme;
    std::unique_ptr<engine::Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QPointer<SignInDialog> m_signIn;
    QString m_workspaceAccount; ///< which account the open workspace belongs to
};

} // namespace inkwell::app
