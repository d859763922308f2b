#include "accountsession.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {

Q_LOGGING_CATEGORY(lcAccount, "inkwell.engine.account")

/// Where the current session's token lives: "default" (the store given to the session), "session", "file".
const QString kTokenStoreKey = u"account/tokenStore"_s;
/// The user's answer when no keyring worked: "session" or "file".
const QString kNoKeyringChoiceKey = u"account/noKeyringChoice"_s;

const QString kDefaultStore = u"default"_s;
const QString kSessionStore = u"session"_s;
const QString kFileStore = u"file"_s;

} // namespace

AccountSession::AccountSession(api::ApiClient *client, SecretStore *store, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_given(store)
    , m_settings(settings)
    , m_fileFolder(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
{
    Q_ASSERT(client && store && settings);
    m_account = loadAccountInfo(*m_settings);

    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::SigningIn && m_haveSession) {
            setLastError(tr("The server is not answering yet; working offline."));
            setState(State::SignedInOffline);
        }
    });
    m_reconnectTimer.setInterval(30000);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &AccountSession::reconnect);

    connect(m_client, &api::ApiClient::tokensChanged, this, &AccountSession::onTokensChanged);
    connect(m_client, &api::ApiClient::userChanged, this, &AccountSession::onUserChanged);
    connect(m_client, &api::ApiClient::sessionEnded, this, &AccountSession::onSessionEnded);
    connect(m_client, &api::ApiClient::reachabilityChanged, this, &AccountSession::onReachabilityChanged);
}

AccountSession::~AccountSession()
{
    if (!m_tokenOps.isEmpty())
        qCWarning(lcAccount) << "token store writes dropped at exit:" << m_tokenOps.size();
}

void AccountSession::setReconnectIntervalMs(int ms)
{
    if (ms <= 0) {
        m_reconnectTimer.stop();
        m_reconnectTimer.setInterval(0);
        return;
    }
    m_reconnectTimer.setInterval(ms);
}

QString AccountSession::tokenStoreDescription() const
{
    return m_haveSession && m_store ? m_store->description() : QString();
}

std::optional<SecretStore::Kind> AccountSession::tokenStoreKind() const
{
    if (!m_haveSession || !m_store)
        return std::nullopt;
    return m_store->kind();
}

std::optional<AccountSession::TokenStoreChoice> AccountSession::rememberedTokenStoreChoice() const
{
    const QString choice = m_settings->value(kNoKeyringChoiceKey).toString();
    if (choice == kSessionStore)
        return TokenStoreChoice::SessionOnly;
    if (choice == kFileStore)
        return TokenStoreChoice::PlainFile;
    return std::nullopt;
}

void AccountSession::forgetTokenStoreChoice()
{
    m_settings->remove(kNoKeyringChoiceKey);
    m_settings->sync();
}

// ---- restore ----------------------------------------------------------------------------------------------------

void AccountSession::restore(const QUrl &server)
{
    const quint64 generation = ++m_generation;
    if (m_authCall)
        m_authCall->abort();
    m_graceTimer.stop();
    m_reconnectTimer.stop();
    if (m_haveSession) {
        // Restoring over a live session: let it go here; its token stays where it is.
        m_haveSession = false;
        m_client->clearSession();
    }
    m_account = loadAccountInfo(*m_settings);
    Q_EMIT accountChanged();
    if (!m_account.isValid()) {
        setState(State::SignedOut);
        return;
    }
    if (server.isValid() && server != m_account.server) {
        m_account.server = server;
        saveAccountInfo(*m_settings, m_account);
        Q_EMIT accountChanged();
    }
    SecretStore *store = storeNamed(m_settings->value(kTokenStoreKey, kDefaultStore).toString());
    if (!store || store->kind() == SecretStore::Kind::SessionOnly) {
        // Kept for one session only (or nowhere we know): the user signs in again.
        setState(State::SignedOut);
        return;
    }
    setLastError({});
    setState(State::SigningIn);
    SecretJob *job = store->read(m_account.secretKey());
    connect(job, &SecretJob::finished, this, [this, generation, store = QPointer<SecretStore>(store)](SecretJob *read) {
        if (generation != m_generation || !store)
            return;
        if (read->error() == SecretJob::Error::NotFound) {
            setState(State::SignedOut);
            return;
        }
        if (read->error() != SecretJob::Error::None) {
            setLastError(tr("Your sign-in could not be read from %1 (%2). Please sign in again.")
                             .arg(store->description(), read->errorText()));
            setState(State::SignedOut);
            return;
        }
        m_client->setServer(m_account.server);
        m_client->setSession(QString(), read->value());
        m_store = store;
        m_haveSession = true;
        if (m_restoreGraceMs > 0)
            m_graceTimer.start(m_restoreGraceMs);
        confirmOnline();
    });
}

void AccountSession::confirmOnline()
{
    if (m_confirmCall || !m_haveSession)
        return;
    const quint64 generation = m_generation;
    m_confirmCall = m_client->me(this, [this, generation](api::ApiResult<User> result) {
        m_confirmCall = nullptr;
        if (generation != m_generation || !m_haveSession)
            return;
        m_graceTimer.stop();
        if (result) {
            m_reconnectTimer.stop();
            setLastError({});
            setState(State::SignedIn);
            return;
        }
        const api::ApiError &error = result.error();
        if (error.kind == api::ApiError::Kind::Http && error.status == 401) {
            endSession(error.message());
            return;
        }
        setLastError(error.isUnreachable()
                         ? tr("The server cannot be reached; working offline. %1").arg(error.message())
                         : error.message());
        setState(State::SignedInOffline);
        if (m_reconnectTimer.interval() > 0)
            m_reconnectTimer.start();
    });
}

void AccountSession::reconnect()
{
    if (m_haveSession && m_state != State::SignedIn)
        confirmOnline();
}

// ---- sign in / register -----------------------------------------------------------------------------------------

void AccountSession::signIn(const QUrl &server, const QString &email, const QString &password, bool privateServer)
{
    startAuth(AuthKind::Login, server, {}, email, password, privateServer);
}

void AccountSession::registerAccount(const QUrl &server, const QString &fullName, const QString &email,
                                     const QString &password, bool privateServer)
{
    startAuth(AuthKind::Register, server, fullName, email, password, privateServer);
}

void AccountSession::startAuth(AuthKind kind, const QUrl &server, const QString &fullName, const QString &email,
                               const QString &password, bool privateServer)
{
    if (m_authCall)
        m_authCall->abort();
    const quint64 generation = ++m_generation;
    m_graceTimer.stop();
    m_reconnectTimer.stop();
    if (m_haveSession)
        forgetSessionLocally(/*tellServer=*/true); // switching accounts: the old session is revoked too
    setLastError({});
    setState(State::SigningIn);

    chooseStore(generation, [=, this](SecretStore *chosen) {
        if (generation != m_generation)
            return;
        if (!chosen) {
            setState(State::SignedOut);
            return;
        }
        m_client->setServer(server);
        m_client->clearSession();
        auto done = [this, generation, server, privateServer,
                     store = QPointer<SecretStore>(chosen)](api::ApiResult<api::AuthGrant> result) {
            if (generation != m_generation)
                return;
            if (!result || !store) {
                m_client->clearSession();
                const api::ApiError error =
                    result ? api::ApiError::network(tr("The place for your sign-in went away.")) : result.error();
                setLastError(error.message());
                setState(State::SignedOut);
                Q_EMIT signInFailed(error);
                return;
            }
            const User &user = result->user;
            const Role previousRole = m_account.role;
            m_account = AccountInfo{.server = server,
                                    .userId = user.id,
                                    .email = user.email,
                                    .fullName = user.fullName,
                                    .role = user.role,
                                    .privateServer = privateServer};
            m_user = user;
            saveAccountInfo(*m_settings, m_account);
            m_settings->setValue(kTokenStoreKey, storeName(store));
            m_settings->sync();
            m_store = store;
            m_haveSession = true;
            enqueueToken(store, m_account.secretKey(), m_client->refreshToken());
            setState(State::SignedIn);
            Q_EMIT accountChanged();
            if (previousRole != user.role)
                Q_EMIT roleChanged(user.role);
        };
        if (kind == AuthKind::Login)
            m_authCall = m_client->login(LoginInput{.email = email, .password = password}, this, std::move(done));
        else
            m_authCall = m_client->registerAccount(
                RegisterInput{.email = email, .password = password, .fullName = fullName}, this, std::move(done));
    });
}

void AccountSession::cancelSignIn()
{
    if (m_state != State::SigningIn)
        return;
    ++m_generation;
    if (m_authCall)
        m_authCall->abort();
    if (m_confirmCall)
        m_confirmCall->abort();
    m_graceTimer.stop();
    if (m_haveSession) {
        // A restore that was cancelled: the token stays stored for the next start.
        m_haveSession = false;
        m_client->clearSession();
    } else {
        m_client->clearSession();
    }
    setState(State::SignedOut);
}

void AccountSession::chooseStore(quint64 generation, std::function<void(SecretStore *)> done)
{
    if (!m_given) {
        setLastError(tr("Inkwell has no place to keep your sign-in."));
        done(nullptr);
        return;
    }
    auto *keychain = qobject_cast<KeychainSecretStore *>(m_given.data());
    if (!keychain) {
        done(m_given);
        return;
    }
    SecretJob *probe = keychain->probe();
    connect(probe, &SecretJob::finished, this, [this, generation, done = std::move(done)](SecretJob *job) {
        if (generation != m_generation)
            return;
        if (job->error() == SecretJob::Error::None) {
            done(m_given);
            return;
        }
        const QString reason = job->errorText().isEmpty() ? tr("the system keyring does not work") : job->errorText();
        qCInfo(lcAccount).noquote() << "no working keyring:" << reason;
        if (const auto remembered = rememberedTokenStoreChoice()) {
            done(fallbackStore(*remembered));
            return;
        }
        if (!isSignalConnected(QMetaMethod::fromSignal(&AccountSession::tokenStoreChoiceNeeded))) {
            // Nobody to ask: refusing is the only honest answer (never a silent plain-text file).
            setLastError(
                tr("No keyring works on this computer (%1), so Inkwell cannot keep your sign-in.").arg(reason));
            done(nullptr);
            return;
        }
        auto *file = static_cast<FileSecretStore *>(fallbackStore(TokenStoreChoice::PlainFile));
        auto answered = std::make_shared<bool>(false);
        const QPointer<AccountSession> self(this);
        Q_EMIT tokenStoreChoiceNeeded(
            reason, file->filePath(), [self, generation, answered, done](TokenStoreChoice choice) {
                if (*answered || !self || generation != self->m_generation)
                    return;
                *answered = true;
                if (choice == TokenStoreChoice::Cancel) {
                    done(nullptr);
                    return;
                }
                self->m_settings->setValue(kNoKeyringChoiceKey,
                                           choice == TokenStoreChoice::SessionOnly ? kSessionStore : kFileStore);
                self->m_settings->sync();
                done(self->fallbackStore(choice));
            });
    });
}

SecretStore *AccountSession::fallbackStore(TokenStoreChoice choice)
{
    switch (choice) {
    case TokenStoreChoice::SessionOnly:
        if (!m_memoryStore)
            m_memoryStore = new MemorySecretStore(this);
        return m_memoryStore;
    case TokenStoreChoice::PlainFile:
        if (!m_fileStore)
            m_fileStore = new FileSecretStore(m_fileFolder, this);
        return m_fileStore;
    case TokenStoreChoice::Cancel:
        break;
    }
    return nullptr;
}

SecretStore *AccountSession::storeNamed(const QString &name)
{
    if (name == kSessionStore)
        return fallbackStore(TokenStoreChoice::SessionOnly);
    if (name == kFileStore)
        return fallbackStore(TokenStoreChoice::PlainFile);
    return m_given;
}

QString AccountSession::storeName(const SecretStore *store) const
{
    if (store && store == m_memoryStore)
        return kSessionStore;
    if (store && store == m_fileStore)
        return kFileStore;
    return kDefaultStore;
}

// ---- sign out, session end --------------------------------------------------------------------------------------

void AccountSession::signOut()
{
    if (!m_haveSession) {
        cancelSignIn();
        return;
    }
    ++m_generation;
    m_graceTimer.stop();
    m_reconnectTimer.stop();
    if (m_confirmCall)
        m_confirmCall->abort();
    if (m_passwordCall)
        m_passwordCall->abort();
    forgetSessionLocally(/*tellServer=*/true);
    m_user.reset();
    setLastError({});
    setState(State::SignedOut);
}

void AccountSession::forgetSessionLocally(bool tellServer)
{
    if (!m_haveSession)
        return;
    enqueueToken(m_store, m_account.secretKey(), std::nullopt);
    m_haveSession = false;
    m_store = nullptr;
    if (!tellServer) {
        m_client->clearSession();
        return;
    }
    // logout() forgets the tokens at once and then tells the server, which revokes the token's family.
    m_client->logout(this, [this](api::ApiResult<void> result) {
        if (!result) {
            qCInfo(lcAccount).noquote() << "the server was not told about the sign-out:" << result.error().message();
            if (m_state == State::SignedOut)
                setLastError(tr("You are signed out on this computer, but the server could not be told (%1). "
                                "The session ends there when it expires.")
                                 .arg(result.error().message()));
        }
        Q_EMIT signOutFinished(result.has_value());
    });
}

void AccountSession::endSession(const QString &reason)
{
    if (!m_haveSession) {
        if (!reason.isEmpty() && m_state == State::SignedOut && m_lastError.isEmpty())
            setLastError(reason);
        return;
    }
    ++m_generation;
    m_graceTimer.stop();
    m_reconnectTimer.stop();
    forgetSessionLocally(/*tellServer=*/false);
    m_user.reset();
    setLastError(reason);
    setState(State::SignedOut);
    Q_EMIT sessionExpired(reason);
}

// ---- password ---------------------------------------------------------------------------------------------------

void AccountSession::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (!m_haveSession) {
        api::ApiError error;
        error.kind = api::ApiError::Kind::Http;
        error.detail = tr("Sign in before changing your password.");
        Q_EMIT passwordChangeFailed(error);
        return;
    }
    if (m_passwordCall)
        m_passwordCall->abort();
    const quint64 generation = m_generation;
    m_passwordCall =
        m_client->changePassword(PasswordChangeInput{.currentPassword = currentPassword, .newPassword = newPassword},
                                 this, [this, generation](api::ApiResult<void> result) {
                                     m_passwordCall = nullptr;
                                     if (generation != m_generation)
                                         return;
                                     if (result)
                                         Q_EMIT passwordChanged();
                                     else
                                         Q_EMIT passwordChangeFailed(result.error());
                                 });
}

// ---- the client's signals ---------------------------------------------------------------------------------------

void AccountSession::onTokensChanged(const QString &refreshToken)
{
    // During a sign-in the account is not known yet: the grant's callback stores the token.
    if (!m_haveSession || !m_store)
        return;
    enqueueToken(m_store, m_account.secretKey(), refreshToken);
}

void AccountSession::onUserChanged(const User &user)
{
    if (!m_haveSession || user.id != m_account.userId)
        return;
    m_user = user;
    updateAccountFrom(user);
}

void AccountSession::updateAccountFrom(const User &user)
{
    AccountInfo updated = m_account;
    if (!user.email.isEmpty())
        updated.email = user.email;
    updated.fullName = user.fullName;
    updated.role = user.role;
    if (updated == m_account)
        return;
    const bool roleChangedNow = updated.role != m_account.role;
    m_account = updated;
    saveAccountInfo(*m_settings, m_account);
    Q_EMIT accountChanged();
    if (roleChangedNow)
        Q_EMIT roleChanged(m_account.role);
}

void AccountSession::onSessionEnded(const api::ApiError &why)
{
    endSession(why.message());
}

void AccountSession::onReachabilityChanged(bool reachable)
{
    if (!m_haveSession)
        return;
    if (!reachable && m_state == State::SignedIn) {
        setLastError(tr("The server cannot be reached; working offline."));
        setState(State::SignedInOffline);
        if (m_reconnectTimer.interval() > 0)
            m_reconnectTimer.start();
    } else if (reachable && m_state == State::SignedInOffline) {
        confirmOnline();
    }
}

// ---- state ------------------------------------------------------------------------------------------------------

void AccountSession::setState(State state)
{
    if (state == m_state)
        return;
    qCDebug(lcAccount) << "state" << m_state << "->" << state;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AccountSession::setLastError(const QString &message)
{
    if (message == m_lastError)
        return;
    m_lastError = message;
    Q_EMIT lastErrorChanged(message);
}

// ---- the token store queue --------------------------------------------------------------------------------------

void AccountSession::enqueueToken(SecretStore *store, const QString &key, std::optional<QString> value)
{
    if (!store || key.isEmpty())
        return;
    // Only the newest operation per key matters; older queued ones would only race it.
    m_tokenOps.removeIf([&](const TokenOp &op) { return op.store == store && op.key == key; });
    m_tokenOps.append(TokenOp{store, key, std::move(value)});
    runTokenOps();
}

void AccountSession::runTokenOps()
{
    // One job at a time: two keyring writes of the same key in flight could finish in either order.
    if (m_tokenOpRunning)
        return;
    while (!m_tokenOps.isEmpty() && !m_tokenOps.first().store)
        m_tokenOps.removeFirst();
    if (m_tokenOps.isEmpty()) {
        Q_EMIT tokenStoreIdle();
        return;
    }
    const TokenOp op = m_tokenOps.takeFirst();
    m_tokenOpRunning = true;
    const bool writing = op.value.has_value();
    const QString where = op.store->description();
    SecretJob *job = writing ? op.store->write(op.key, *op.value) : op.store->remove(op.key);
    auto finished = std::make_shared<bool>(false);
    connect(job, &SecretJob::finished, this, [this, where, writing, finished](SecretJob *done) {
        *finished = true;
        m_tokenOpRunning = false;
        if (done->error() != SecretJob::Error::None) {
            const QString message =
                writing ? tr("Your sign-in could not be saved in %1: %2").arg(where, done->errorText())
                        : tr("Your sign-in could not be removed from %1: %2").arg(where, done->errorText());
            qCWarning(lcAccount).noquote() << message;
            setLastError(message);
            Q_EMIT tokenStoreFailed(message);
        }
        runTokenOps();
    });
    // A store destroyed meanwhile takes its job along without `finished`: go on with the rest.
    connect(job, &QObject::destroyed, this, [this, finished] {
        if (*finished)
            return;
        m_tokenOpRunning = false;
        runTokenOps();
    });
}

} // namespace inkwell::engine
