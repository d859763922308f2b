#pragma once

#include "accountinfo.h"
#include "api/apiclient.h"
#include "model/user.h"
#include "secretstore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

class QSettings;

namespace inkwell::engine {

/**
 * @brief The signed-in state of the desktop app: who is signed in, where, and where the refresh token lives.
 *
 * Wraps an ApiClient and a SecretStore given to it (neither is owned). Sign-in, registration, sign-out and
 * password changes go through it; at start, restore() signs in again from the stored refresh token alone, or —
 * when the server cannot be reached — leaves the app "signed in, offline" with the account remembered from the
 * last run (AccountInfo, kept in the QSettings given to the constructor; never the token).
 *
 * The token: every new refresh token the client announces (it rotates on every use) is written to the store at
 * once, one write after another so the newest always wins; sign-out and a session the server ended remove it.
 * When the store given is the system keyring (KeychainSecretStore), sign-in first checks that a keyring works;
 * when none does, the session asks (tokenStoreChoiceNeeded, answered later by the UI or a test) whether to keep
 * the token for this session only or in a private unencrypted file. It never falls back silently; the answer is
 * remembered for the next sign-in without a keyring.
 *
 * Everything is asynchronous; nothing blocks. Use it from the thread the client lives in.
 */
class AccountSession : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
public:
    enum class State {
        SignedOut,       ///< no session (an account may still be remembered: see account())
        SigningIn,       ///< signing in, registering, or restoring the last session
        SignedIn,        ///< the server confirmed the session
        SignedInOffline, ///< a session is held but the server cannot be reached (or not confirm it) right now
    };
    Q_ENUM(State)

    /// @brief The user's answer when no keyring works.
    enum class TokenStoreChoice {
        SessionOnly, ///< keep the token in memory: the user signs in again after quitting
        PlainFile,   ///< keep it in a file only the user's account can read, unencrypted
        Cancel,      ///< do not sign in
    };
    Q_ENUM(TokenStoreChoice)
    using TokenStoreAnswer = std::function<void(TokenStoreChoice)>;

    /**
     * @param client the API client the app uses (its server and tokens are set by this session)
     * @param store where tokens go: normally a KeychainSecretStore (probed at sign-in, with the question above when
     * it does not work); any other store is used as it is, without asking
     * @param settings where the account and the user's answer are remembered (the app's QSettings)
     */
    AccountSession(api::ApiClient *client, SecretStore *store, QSettings *settings, QObject *parent = nullptr);
    ~AccountSession() override;

    /// @brief The folder of the plain-file token store, if the user chooses it (default: the app's config folder).
    void setFileStoreFolder(const QString &folder) { m_fileFolder = folder; }
    QString fileStoreFolder() const { return m_fileFolder; }
    /// @brief How long restore() waits for the server before the app goes on offline (default 5 s; the call goes
    /// on and signs in when it is answered).
    void setRestoreGraceMs(int ms) { m_restoreGraceMs = ms; }
    /// @brief While offline, how often the session asks the server again (default 30 s; 0: only when another
    /// call reaches it, or on reconnect()).
    void setReconnectIntervalMs(int ms);

    State state() const { return m_state; }
    /// @brief Signed in, online or not: the app may open the account's local store.
    bool isSignedIn() const { return m_state == State::SignedIn || m_state == State::SignedInOffline; }
    /// @brief The current account, or the one remembered from the last run while signed out (invalid when none).
    const AccountInfo &account() const { return m_account; }
    /// @brief Whether an account is remembered (not the first run).
    bool hasRememberedAccount() const { return m_account.isValid(); }
    /// @brief The user as the server last showed it in this run, if it did.
    const std::optional<User> &user() const { return m_user; }
    /// @brief The last problem, as a readable sentence (empty when none): a refused sign-in, the reason a
    /// session ended, why the app is offline, a token that could not be stored.
    QString lastError() const { return m_lastError; }
    api::ApiClient *client() const { return m_client; }
    /// @brief Where the token lives now, in words ("the system keyring", ...); empty when signed out.
    QString tokenStoreDescription() const;
    /// @brief Where the token lives now; std::nullopt when signed out.
    std::optional<SecretStore::Kind> tokenStoreKind() const;
    /// @brief Whether a token write or removal is still under way.
    bool tokenStorePending() const { return m_tokenOpRunning || !m_tokenOps.isEmpty(); }

    /// @brief Signs in again from the stored token of the remembered account (at start). With a valid @p server
    /// the remembered account's address becomes that one (the private server listens on a new port each start).
    void restore(const QUrl &server = {});
    /// @brief Signs in with an email and password; SignedIn or SignedOut (with signInFailed) follows.
    void signIn(const QUrl &server, const QString &email, const QString &password, bool privateServer = false);
    /// @brief Creates an account and signs in to it.
    void registerAccount(const QUrl &server, const QString &fullName, const QString &email, const QString &password,
                         bool privateServer = false);
    /// @brief Stops a sign-in, registration or restore under way (SignedOut, no error).
    void cancelSignIn();
    /// @brief Ends the session: the token is removed from the store at once and revoked on the server
    /// (signOutFinished tells whether the server could be told). The account stays remembered for the next
    /// sign-in.
    void signOut();
    /// @brief Changes the password (the server ends every other session); passwordChanged or
    /// passwordChangeFailed follows.
    void changePassword(const QString &currentPassword, const QString &newPassword);
    /// @brief While offline: asks the server now whether the session is still good.
    void reconnect();

    /// @brief The answer remembered for "no keyring works" (std::nullopt: ask).
    std::optional<TokenStoreChoice> rememberedTokenStoreChoice() const;
    /// @brief Forgets that answer, so the next sign-in without a keyring asks again.
    void forgetTokenStoreChoice();

Q_SIGNALS:
    void stateChanged(inkwell::engine::AccountSession::State state);
    /// @brief account() changed: another account, its name, email or role.
    void accountChanged();
    /// @brief The role the server gives the user changed (the admin panel's visibility follows it).
    void roleChanged(inkwell::Role role);
    void lastErrorChanged(const QString &message);
    /// @brief Signing in or registering was refused or failed; the error has the server's field errors.
    void signInFailed(const inkwell::api::ApiError &error);
    /// @brief The server ended the session (signed out elsewhere, password changed, token spent by someone
    /// else): the app is SignedOut and @p reason says why.
    void sessionExpired(const QString &reason);
    /// @brief After signOut(): whether the server revoked the session too (false: it could not be reached).
    void signOutFinished(bool revokedOnServer);
    void passwordChanged();
    void passwordChangeFailed(const inkwell::api::ApiError &error);
    /**
     * @brief No keyring works: ask the user where the token should live. Call @p answer once, now or later
     * (a non-blocking dialog's `finished`); the sign-in waits for it.
     * @param reason why the keyring does not work, readable
     * @param filePath the file the token would go to with TokenStoreChoice::PlainFile
     */
    void tokenStoreChoiceNeeded(const QString &reason, const QString &filePath,
                                inkwell::engine::AccountSession::TokenStoreAnswer answer);
    /// @brief Writing or removing the token failed; the session goes on (the user may have to sign in again
    /// next time).
    void tokenStoreFailed(const QString &message);
    /// @brief The store has caught up: it holds the newest token (or none, after a sign-out).
    void tokenStoreIdle();

private:
    enum class AuthKind { Login, Register };
    struct TokenOp {
        QPointer<SecretStore> store;
        QString key;
        std::optional<QString> value; ///< nullopt: remove
    };

    void startAuth(AuthKind kind, const QUrl &server, const QString &fullName, const QString &email,
                   const QString &password, bool privateServer);
    /// Finds a working store for a new session and calls @p done with it, or with nullptr (cancelled: the reason
    /// is in lastError).
    void chooseStore(quint64 generation, std::function<void(SecretStore *)> done);
    SecretStore *fallbackStore(TokenStoreChoice choice);
    SecretStore *storeNamed(const QString &name);
    QString storeName(const SecretStore *store) const;
    void confirmOnline();
    void endSession(const QString &reason);
    void forgetSessionLocally(bool tellServer);
    void updateAccountFrom(const User &user);
    void setState(State state);
    void setLastError(const QString &message);
    void enqueueToken(SecretStore *store, const QString &key, std::optional<QString> value);
    void runTokenOps();

    void onTokensChanged(const QString &refreshToken);
    void onUserChanged(const User &user);
    void onSessionEnded(const api::ApiError &why);
    void onReachabilityChanged(bool reachable);

    api::ApiClient *m_client;
    QPointer<SecretStore> m_given;
    QSettings *m_settings;
    QString m_fileFolder;
    SecretStore *m_memoryStore = nullptr; ///< created on demand, owned (child)
    SecretStore *m_fileStore = nullptr;   ///< created on demand, owned (child)
    QPointer<SecretStore> m_store;        ///< where the current session's token lives

    State m_state = State::SignedOut;
    AccountInfo m_account;
    std::optional<User> m_user;
    QString m_lastError;
    bool m_haveSession = false; ///< tokens of m_account are in the client and kept in m_store
    quint64 m_generation = 0;   ///< bumped by every new sign-in/restore/sign-out; stale replies are dropped
    QPointer<api::ApiCall> m_authCall;
    QPointer<api::ApiCall> m_confirmCall;
    QPointer<api::ApiCall> m_passwordCall;
    QTimer m_graceTimer;
    QTimer m_reconnectTimer;
    int m_restoreGraceMs = 5000;

    QList<TokenOp> m_tokenOps;
    bool m_tokenOpRunning = false;
};

} // namespace inkwell::engine
