#pragma once

#include "accountsession.h"
#include "privateserver.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QTimer>

class QCheckBox;
class QCommandLinkButton;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace inkwell::api {
class ApiClient;
}

namespace inkwell::app {

/**
 * @brief Signing in: to a server (sign in or create an account), or — on the first run — to a private server
 * this app starts on this computer.
 *
 * On the first run (no account remembered) a welcome page comes first: "Connect to a server" or "Start a private
 * server on this computer". The server address is checked as it is typed (through /health); the server's
 * answers are shown in words, field errors next to their fields. While signing in, the dialog answers the
 * session's "no keyring" question with a TokenStoreDialog.
 *
 * Open it with open(). signedIn() follows a successful sign-in (the AccountSession is SignedIn); cancelled() a
 * close without one (Esc, Cancel), which also stops whatever was under way.
 */
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { SignIn, Register, PrivateServer };
    Q_ENUM(Mode)

    /// @param session the app's account session (not owned)
    /// @param privateServer the app's private server (not owned; it outlives the dialog). Null: the first-run
    /// page offers only "Connect to a server".
    SignInDialog(engine::AccountSession *session, engine::PrivateServer *privateServer, QWidget *parent = nullptr);
    ~SignInDialog() override;

    engine::AccountSession *session() const { return m_session; }
    Mode mode() const { return m_mode; }
    bool isBusy() const { return m_busy; }
    bool isShowingWelcome() const;

    /// @brief Shows the first-run page.
    void showWelcome();
    /// @brief Shows the form in @p mode.
    void showForm(Mode mode);
    /// @brief Fills in the server address (and checks it).
    void setServerAddress(const QString &address);

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /// @brief Signed in: @p session is SignedIn with the new account.
    void signedIn(inkwell::engine::AccountSession *session);
    /// @brief Closed without signing in.
    void cancelled();

private:
    QWidget *buildWelcomePage();
    QWidget *buildFormPage();
    void showPage(QWidget *page);
    void updateDefaultButton();
    void submit();
    void submitPrivateServer(const QString &name, const QString &email, const QString &password);
    void checkServerSoon();
    void checkServer();
    bool validateLocally();
    void clearErrors();
    void setBusy(bool busy, const QString &what = {});
    void onSessionState(engine::AccountSession::State state);
    void onSignInFailed(const api::ApiError &error);
    void succeed();
    bool isPrivateServerUrl(const QUrl &url) const;

    QPointer<engine::AccountSession> m_session;
    QPointer<engine::PrivateServer> m_privateServer;
    Mode m_mode = Mode::SignIn;
    bool m_busy = false;
    bool m_startedServer = false;      ///< this dialog started the private server (Cancel stops it)
    bool m_triedSignInInstead = false; ///< the private server knew the email already: sign in instead
    QUrl m_privateUrl;

    QWidget *m_pages = nullptr;
    QWidget *m_currentPage = nullptr;
    QWidget *m_welcomePage = nullptr;
    QWidget *m_formPage = nullptr;
    QCommandLinkButton *m_connectButton = nullptr;
    QCommandLinkButton *m_privateButton = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_explanation = nullptr;
    QLineEdit *m_server = nullptr;
    QLabel *m_serverStatus = nullptr;
    QWidget *m_serverGroup = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QWidget *m_nameGroup = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_emailError = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordRules = nullptr;
    QLabel *m_passwordError = nullptr;
    QCheckBox *m_showPassword = nullptr;
    QCheckBox *m_keepRunning = nullptr;
    QLabel *m_keepRunningHint = nullptr;
    QPushButton *m_modeSwitch = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_formError = nullptr;

    QPushButton *m_back = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_primary = nullptr;

    api::ApiClient *m_probe = nullptr; ///< checks the typed address (never the session's client)
    QTimer m_checkTimer;
    quint64 m_checkGeneration = 0;
};

} // namespace inkwell::app
