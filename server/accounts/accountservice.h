#pragma once

#include "accounts/accountstore.h"
#include "accounts/callercache.h"
#include "auth/jwt.h"
#include "auth/passwords.h"
#include "domain/listquery.h"

namespace inkwell::server {

struct ServiceContext;

/// @brief Who is calling: the user of a live session, as the database has it now (so a role change,
/// a deactivation or a revoked session takes effect at once, not when the access token expires).
struct Caller {
    StoredUser account;
    QUuid sessionId;
    const User &user() const { return account.user; }
};

/// @brief Where a request comes from, for sessions, throttling and the audit log.
struct Origin {
    QString ip;
    QString userAgent;
};

/// @brief A login whose password is still to be checked (on a password worker).
struct LoginAttempt {
    LoginInput input;
    std::optional<StoredUser> account;
};

/// @brief What the password worker found.
struct PasswordCheck {
    bool matches = false;
    std::optional<QByteArray> newHash; ///< a rehash (stronger parameters) or the new password's hash
    QString error;                     ///< hashing failed (out of memory)
};

/// @brief A password change whose current password is still to be checked.
struct PasswordChange {
    PasswordChangeInput input;
    QByteArray currentHash;
};

/// @brief The rules of accounts (api.md: auth, users, admin users, audit log, roles). Permissions are
/// checked here, whatever route calls. Password hashing is split out (hash(), checkLogin(),
/// checkPasswordChange()) so that it can run on a worker while the listener thread serves others.
class AccountService {
public:
    AccountService(const ServiceContext &context, ThreadDatabase &db);

    /// @brief The caller of a verified access token: 401 for no token, or one whose session was
    /// revoked or whose user was deactivated.
    Result<Caller> caller(const TokenClaims *claims);
    /// @brief For routes anonymous callers may use: std::nullopt without an Authorization header,
    /// the caller with a good token, 401 with a bad one (so a client learns its token is stale).
    Result<std::optional<Caller>> optionalCaller(const TokenClaims *claims, bool hasAuthorization);

    // Registration: check it is open, validate, hash (worker), store.
    /// @brief Forbidden (registration-closed) when this server takes no new accounts.
    Result<void> registrationOpen() const;
    /// @brief The input as it will be stored, after registrationOpen() and the password policy.
    Result<RegisterInput> validateRegistration(RegisterInput input) const;
    static PasswordCheck hash(const QString &password);
    Result<api::AuthGrant> completeRegistration(const RegisterInput &input, const PasswordCheck &hashed,
                                                const Origin &origin);

    // Login: throttle and look up, verify (worker), decide.
    Result<LoginAttempt> beginLogin(LoginInput input, const Origin &origin);
    static PasswordCheck checkLogin(const LoginAttempt &attempt);
    Result<api::AuthGrant> completeLogin(const LoginAttempt &attempt, const PasswordCheck &check, const Origin &origin);

    Result<api::AuthGrant> refresh(const RefreshInput &input, const Origin &origin);
    Result<void> logout(const RefreshInput &input, const Origin &origin);

    // Password change: validate, verify the current one and hash the new one (worker), store.
    Result<PasswordChange> beginPasswordChange(const Caller &caller, PasswordChangeInput input);
    static PasswordCheck checkPasswordChange(const PasswordChange &change);
    Result<void> completePasswordChange(const Caller &caller, const PasswordChange &change, const PasswordCheck &check,
                                        const Origin &origin);

    Result<User> updateProfile(const Caller &caller, const ProfilePatch &patch);
    Result<User> publicProfile(const QUuid &id);
    Result<void> follow(const Caller &caller, const QUuid &id);
    Result<void> unfollow(const Caller &caller, const QUuid &id);
    /// @brief Who follows the user `id`, newest follow first (public user objects).
    Result<api::Page<User>> followers(const QUuid &id, const api::PageRequest &page);

    /// @brief Forbidden unless the caller's role grants `permission` (the admin routes ask before reading anything
    /// else of the request, so that a non-admin learns nothing from them).
    Result<void> requirePermission(const Caller &caller, Permission permission) const;
    Result<api::Page<api::AdminUser>> listUsers(const Caller &caller, const api::UserListRequest &request);
    Result<User> patchUser(const Caller &caller, const QUuid &id, const AdminUserPatch &patch, const Origin &origin);
    Result<api::Page<api::AuditEntry>> auditLog(const Caller &caller, const api::PageRequest &page);

    /// @brief Creates an admin outright (`inkwelld create-admin`); the password must pass the policy.
    static Result<User> createAdmin(ThreadDatabase &db, const QString &email, const QString &fullName,
                                    const QString &password);

    /// @brief A hash of a password no one has, verified when the email is unknown so that both
    /// failures cost the same time. Computed once; call early to keep it off the first login.
    static const QByteArray &dummyHash();

private:
    Result<api::AuthGrant> grant(const User &user, const Origin &origin);
    QByteArray accessToken(const User &user, const QUuid &sessionId) const;
    QList<ThrottleRule> throttleRules(const QString &email, const QString &ip) const;

    const ServiceContext &m_context;
    std::shared_ptr<CallerCache> m_callers;
    AccountStore m_store;
    CursorCodec m_cursors;
};

} // namespace inkwell::server
