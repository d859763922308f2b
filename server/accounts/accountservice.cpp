#include "accountservice.h"

#include "accounts/callercache.h"
#include "http/listener.h"
#include "log/logging.h"

#include "json/jsonreader.h"
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

// Login throttling (api.md: 429 with Retry-After; during the backoff even the right password gets 429).
// Per account: five failures, then 15 s doubling to at most 60 s, so an attacker can slow guessing
// down to one try a minute but can lock the owner out for a minute at most. Per address: twenty
// failures (several people may share one), then 60 s doubling to 15 minutes. Failures older than
// 15 minutes are forgotten.
constexpr int kAccountThreshold = 5;
constexpr int kAccountBaseSeconds = 15;
constexpr int kAccountCapSeconds = 60;
constexpr int kAddressThreshold = 20;
constexpr int kAddressBaseSeconds = 60;
constexpr int kAddressCapSeconds = 900;

QString accountKey(const QString &email)
{
    return u"account:"_s + email.toLower();
}

QString addressKey(const QString &ip)
{
    return u"ip:"_s + ip;
}

Error invalidCredentials()
{
    // One answer for an unknown email and a wrong password: nothing tells them apart.
    Error error = Error::unauthorized(u"The email or password is wrong."_s);
    error.code = u"invalid-credentials"_s;
    return error;
}

Error invalidRefreshToken()
{
    return Error::unauthorized(u"The refresh token is not valid; sign in again."_s, true);
}

Error throttled(int seconds)
{
    return Error::tooManyRequests(u"Too many failed sign-ins; try again in %1 s."_s.arg(seconds), seconds);
}

/// Logs a problem worth knowing that the client sees only as a generic answer.
void note(const QString &message)
{
    logging::write(QtInfoMsg, u"inkwell.server.accounts"_s, message);
}

} // namespace

AccountService::AccountService(const ServiceContext &context, ThreadDatabase &db)
    : m_context(context)
    , m_callers(callerCache(context))
    , m_store(db)
    , m_cursors(context.jwtKey)
{
}

const QByteArray &AccountService::dummyHash()
{
    static const QByteArray hash =
        PasswordHasher().hash(u"no account has this password: inkwell timing parity").value_or(QByteArray());
    return hash;
}

Result<void> AccountService::requirePermission(const Caller &caller, Permission permission) const
{
    if (!hasPermission(caller.user().role, permission))
        return std::unexpected(Error::forbidden(u"Your role does not allow this."_s));
    return {};
}

Result<Caller> AccountService::caller(const TokenClaims *claims)
{
    if (!claims)
        return std::unexpected(Error::unauthorized(u"Sign in: this needs a valid access token."_s));
    const auto userId = parseId(claims->subject);
    const auto sessionId = parseId(claims->sessionId);
    if (!userId || !sessionId)
        return std::unexpected(Error::unauthorized(u"The access token is not valid."_s, true));
    CallerCache &cache = *m_callers;
    if (auto cached = cache.get(*sessionId, *userId))
        return Caller{std::move(*cached), *sessionId};
    const qint64 readAt = cache.now();
    auto account = m_store.userOfSession(*userId, *sessionId);
    if (!account)
        return std::unexpected(account.error());
    if (!*account)
        return std::unexpected(Error::unauthorized(u"The session has ended; sign in again."_s, true));
    cache.put(*sessionId, **account, readAt);
    return Caller{std::move(**account), *sessionId};
}

Result<std::optional<Caller>> AccountService::optionalCaller(const TokenClaims *claims, bool hasAuthorization)
{
    if (!hasAuthorization)
        return std::optional<Caller>();
    if (!claims)
        return std::unexpected(Error::unauthorized(u"The access token is not valid."_s, true));
    auto who = caller(claims);
    if (!who)
        return std::unexpected(who.error());
    return std::optional<Caller>(std::move(*who));
}

QByteArray AccountService::accessToken(const User &user, const QUuid &sessionId) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TokenClaims claims;
    claims.subject = formatId(user.id);
    claims.role = roleToString(user.role);
    claims.tokenId = formatId(QUuid::createUuid());
    claims.type = u"access"_s;
    claims.issuedAt = now;
    claims.expiresAt = now.addSecs(m_context.config.accessTokenTtlS);
    claims.sessionId = formatId(sessionId);
    return m_context.tokens->sign(std::move(claims));
}

Result<api::AuthGrant> AccountService::grant(const User &user, const Origin &origin)
{
    const RefreshToken refresh = RefreshToken::generate();
    auto session =
        m_store.createSession(user.id, refresh, m_context.config.refreshTokenTtlS, origin.ip, origin.userAgent);
    if (!session)
        return std::unexpected(session.error());
    return api::AuthGrant{user, QString::fromLatin1(accessToken(user, *session)), QString::fromLatin1(refresh.value),
                          m_context.config.accessTokenTtlS};
}

QList<ThrottleRule> AccountService::throttleRules(const QString &email, const QString &ip) const
{
    return {
        {accountKey(email), kAccountThreshold, kAccountBaseSeconds, kAccountCapSeconds},
        {addressKey(ip), kAddressThreshold, kAddressBaseSeconds, kAddressCapSeconds},
    };
}

PasswordCheck AccountService::hash(const QString &password)
{
    PasswordCheck out;
    auto hashed = PasswordHasher().hash(password);
    if (!hashed) {
        out.error = hashed.error();
        return out;
    }
    out.matches = true;
    out.newHash = std::move(*hashed);
    return out;
}

// ---- Registration ------------------------------------------------------------------------------------------

Result<void> AccountService::registrationOpen() const
{
    if (m_context.config.signupRole == u"closed")
        return std::unexpected(Error::forbidden(u"This server does not accept new accounts; ask an administrator."_s,
                                                u"registration-closed"_s));
    return {};
}

Result<RegisterInput> AccountService::validateRegistration(RegisterInput input) const
{
    if (auto open = registrationOpen(); !open)
        return std::unexpected(open.error());
    if (const QString problem = PasswordPolicy::check(input.password); !problem.isEmpty())
        return std::unexpected(Error::validation({{u"password"_s, problem}}));
    return input;
}

Result<api::AuthGrant> AccountService::completeRegistration(const RegisterInput &input, const PasswordCheck &hashed,
                                                            const Origin &origin)
{
    if (!hashed.newHash) {
        note(u"password hashing failed: %1"_s.arg(hashed.error));
        return std::unexpected(Error::internal());
    }
    const Role role = roleFromString(m_context.config.signupRole).value_or(Role::Viewer);
    auto user = m_store.insertUser(input.email, *hashed.newHash, input.fullName, role, true);
    if (!user)
        return std::unexpected(user.error());
    if (!*user)
        return std::unexpected(Error::conflict(u"email-taken"_s, u"An account with this email exists."_s));
    return m_store.transaction([&]() -> Result<api::AuthGrant> {
        if (auto audited = m_store.audit(u"auth.register"_s, (*user)->id, (*user)->id, origin.ip,
                                         {{u"role"_s, roleToString((*user)->role)}});
            !audited)
            return std::unexpected(audited.error());
        return grant(**user, origin);
    });
}

// ---- Login -------------------------------------------------------------------------------------------------

Result<LoginAttempt> AccountService::beginLogin(LoginInput input, const Origin &origin)
{
    auto blocked = m_store.blockedSeconds({accountKey(input.email), addressKey(origin.ip)});
    if (!blocked)
        return std::unexpected(blocked.error());
    if (*blocked > 0)
        return std::unexpected(throttled(*blocked));
    auto account = m_store.userByEmail(input.email);
    if (!account)
        return std::unexpected(account.error());
    return LoginAttempt{std::move(input), std::move(*account)};
}

PasswordCheck AccountService::checkLogin(const LoginAttempt &attempt)
{
    const PasswordHasher hasher;
    PasswordCheck out;
    if (!attempt.account) {
        hasher.verify(attempt.input.password, dummyHash()); // the same work as for a known email
        return out;
    }
    out.matches = hasher.verify(attempt.input.password, attempt.account->passwordHash);
    if (out.matches && hasher.needsRehash(attempt.account->passwordHash)) {
        if (auto upgraded = hasher.hash(attempt.input.password))
            out.newHash = std::move(*upgraded);
    }
    return out;
}

Result<api::AuthGrant> AccountService::completeLogin(const LoginAttempt &attempt, const PasswordCheck &check,
                                                     const Origin &origin)
{
    const std::optional<QUuid> target = attempt.account ? std::optional(attempt.account->user.id) : std::nullopt;
    if (!check.matches) {
        // The same writes for an unknown email and a wrong password, so the timing says nothing either.
        QJsonObject detail;
        if (isPlausibleEmail(attempt.input.email)) // something else typed there may be a password
            detail.insert(u"email"_s, attempt.input.email);
        auto recorded = m_store.transaction([&]() -> Result<void> {
            if (auto done = m_store.recordFailure(throttleRules(attempt.input.email, origin.ip)); !done)
                return done;
            return m_store.audit(u"auth.login_failed"_s, std::nullopt, target, origin.ip, detail);
        });
        if (!recorded)
            return std::unexpected(recorded.error());
        return std::unexpected(invalidCredentials());
    }
    const User &user = attempt.account->user;
    if (!user.isActive)
        return std::unexpected(
            Error::forbidden(u"This account is deactivated; ask an administrator."_s, u"account-deactivated"_s));
    return m_store.transaction([&]() -> Result<api::AuthGrant> {
        if (auto cleared = m_store.clearThrottle(accountKey(attempt.input.email)); !cleared)
            return std::unexpected(cleared.error());
        if (auto recorded = m_store.recordLogin(user.id, check.newHash); !recorded)
            return std::unexpected(recorded.error());
        if (auto audited = m_store.audit(u"auth.login"_s, user.id, user.id, origin.ip); !audited)
            return std::unexpected(audited.error());
        return grant(user, origin);
    });
}

// ---- Refresh and logout ------------------------------------------------------------------------------------

Result<api::AuthGrant> AccountService::refresh(const RefreshInput &input, const Origin &origin)
{
    // Any token that is well-formed (RefreshInput's reader) but not a live refresh token is a 401, not a 422.
    const RefreshToken next = RefreshToken::generate();
    auto outcome = m_store.rotateRefresh(RefreshToken::hashOf(input.refreshToken.toLatin1()), next,
                                         m_context.config.refreshTokenTtlS);
    if (!outcome)
        return std::unexpected(outcome.error());
    switch (outcome->verdict) {
    case RefreshVerdict::Rotated: {
        const User &user = outcome->user->user;
        return api::AuthGrant{user, QString::fromLatin1(accessToken(user, outcome->sessionId)),
                              QString::fromLatin1(next.value), m_context.config.accessTokenTtlS};
    }
    case RefreshVerdict::Reused: {
        const QUuid user = outcome->user->user.id;
        if (auto audited = m_store.audit(u"auth.token_reuse"_s, std::nullopt, user, origin.ip,
                                         {{u"session_id"_s, formatId(outcome->sessionId)}});
            !audited)
            return std::unexpected(audited.error());
        m_callers->invalidateUser(user);
        note(u"a spent refresh token was presented; session %1 revoked"_s.arg(formatId(outcome->sessionId)));
        return std::unexpected(invalidRefreshToken());
    }
    case RefreshVerdict::Unknown:
    case RefreshVerdict::Expired:
    case RefreshVerdict::Revoked:
    case RefreshVerdict::Inactive:
        break;
    }
    return std::unexpected(invalidRefreshToken());
}

Result<void> AccountService::logout(const RefreshInput &input, const Origin &origin)
{
    std::optional<QUuid> loggedOut;
    auto done = m_store.transaction([&]() -> Result<void> {
        auto user = m_store.revokeFamilyOf(RefreshToken::hashOf(input.refreshToken.toLatin1()), u"logout"_s);
        if (!user)
            return std::unexpected(user.error());
        if (!*user)
            return std::unexpected(invalidRefreshToken());
        loggedOut = *user;
        return m_store.audit(u"auth.logout"_s, **user, **user, origin.ip);
    });
    if (loggedOut)
        m_callers->invalidateUser(*loggedOut);
    return done;
}

// ---- Password change ---------------------------------------------------------------------------------------

Result<PasswordChange> AccountService::beginPasswordChange(const Caller &caller, PasswordChangeInput input)
{
    if (const QString problem = PasswordPolicy::check(input.newPassword); !problem.isEmpty())
        return std::unexpected(Error::validation({{u"new_password"_s, problem}}));
    // Guessing the current password here is guessing a login: the account's throttle applies.
    auto blocked = m_store.blockedSeconds({accountKey(caller.user().email)});
    if (!blocked)
        return std::unexpected(blocked.error());
    if (*blocked > 0)
        return std::unexpected(throttled(*blocked));
    return PasswordChange{std::move(input), caller.account.passwordHash};
}

PasswordCheck AccountService::checkPasswordChange(const PasswordChange &change)
{
    const PasswordHasher hasher;
    PasswordCheck out;
    out.matches = hasher.verify(change.input.currentPassword, change.currentHash);
    if (!out.matches)
        return out;
    auto hashed = hasher.hash(change.input.newPassword);
    if (!hashed)
        out.error = hashed.error();
    else
        out.newHash = std::move(*hashed);
    return out;
}

Result<void> AccountService::completePasswordChange(const Caller &caller, const PasswordChange &change,
                                                    const PasswordCheck &check, const Origin &origin)
{
    const User &user = caller.user();
    if (!check.matches) {
        if (auto recorded = m_store.recordFailure(
                {{accountKey(user.email), kAccountThreshold, kAccountBaseSeconds, kAccountCapSeconds}});
            !recorded)
            return std::unexpected(recorded.error());
        return std::unexpected(Error::validation({{u"current_password"_s, u"is not your current password"_s}}));
    }
    if (!check.newHash) {
        note(u"password hashing failed: %1"_s.arg(check.error));
        return std::unexpected(Error::internal());
    }
    const auto invalidate = qScopeGuard([&] { m_callers->invalidateUser(user.id); });
    return m_store.transaction([&]() -> Result<void> {
        auto replaced = m_store.replacePasswordHash(user.id, change.currentHash, *check.newHash);
        if (!replaced)
            return std::unexpected(replaced.error());
        if (!*replaced)
            return std::unexpected(
                Error::conflict(u"password-changed"_s, u"The password was changed meanwhile; try again."_s));
        // Every other session ends: whoever else knew the old password is signed out.
        auto revoked = m_store.revokeSessions(user.id, caller.sessionId, u"password changed"_s);
        if (!revoked)
            return std::unexpected(revoked.error());
        return m_store.audit(u"auth.password_changed"_s, user.id, user.id, origin.ip,
                             {{u"sessions_revoked"_s, *revoked}});
    });
}

// ---- Profiles and follows ----------------------------------------------------------------------------------

Result<User> AccountService::updateProfile(const Caller &caller, const ProfilePatch &patch)
{
    auto updated = m_store.updateProfile(caller.user().id, patch);
    m_callers->invalidateUser(caller.user().id);
    return updated;
}

Result<User> AccountService::publicProfile(const QUuid &id)
{
    auto account = m_store.userById(id);
    if (!account)
        return std::unexpected(account.error());
    if (!*account)
        return std::unexpected(Error::notFound(u"There is no such user."_s));
    return (*account)->user;
}

Result<void> AccountService::follow(const Caller &caller, const QUuid &id)
{
    if (id == caller.user().id)
        return std::unexpected(Error::validation({{u"id"_s, u"you cannot follow yourself"_s}}));
    auto followed = m_store.follow(caller.user().id, id);
    if (!followed)
        return std::unexpected(followed.error());
    if (!*followed)
        return std::unexpected(Error::notFound(u"There is no such user."_s));
    return {};
}

Result<void> AccountService::unfollow(const Caller &caller, const QUuid &id)
{
    auto account = m_store.userById(id);
    if (!account)
        return std::unexpected(account.error());
    if (!*account)
        return std::unexpected(Error::notFound(u"There is no such user."_s));
    return m_store.unfollow(caller.user().id, id);
}

namespace {

/// The store's page with its position turned into a cursor for the list `scope`.

} // namespace

Result<api::Page<User>> AccountService::followers(const QUuid &id, const api::PageRequest &request)
{
    const QString scope = u"followers:"_s + formatId(id);
    auto after = decodeCursor(m_cursors, scope, request);
    if (!after)
        return std::unexpected(after.error());
    auto account = m_store.userById(id);
    if (!account)
        return std::unexpected(account.error());
    if (!*account)
        return std::unexpected(Error::notFound(u"There is no such user."_s));
    auto page = m_store.followers(id, request.limit, *after);
    if (!page)
        return std::unexpected(page.error());
    return cursorPage(std::move(page->items), page->next, m_cursors, scope);
}

// ---- Administration ----------------------------------------------------------------------------------------

Result<api::Page<api::AdminUser>> AccountService::listUsers(const Caller &caller, const api::UserListRequest &request)
{
    if (auto allowed = requirePermission(caller, Permission::ManageUsers); !allowed)
        return std::unexpected(allowed.error());
    const QString search = request.q.trimmed();
    // A cursor is bound to the filters it was issued with: they are part of its scope.
    const QString scope = u"admin-users|%1|%2"_s.arg(search, request.role ? roleToString(*request.role) : QString());
    auto after = decodeCursor(m_cursors, scope, request.page);
    if (!after)
        return std::unexpected(after.error());
    if (search.size() > 200)
        return std::unexpected(Error::badRequest(u"q is longer than 200 characters."_s));
    auto page = m_store.listUsers(search, request.role, request.page.limit, *after);
    if (!page)
        return std::unexpected(page.error());
    return cursorPage(std::move(page->items), page->next, m_cursors, scope);
}

Result<User> AccountService::patchUser(const Caller &caller, const QUuid &id, const AdminUserPatch &patch,
                                       const Origin &origin)
{
    if (auto allowed = requirePermission(caller, Permission::ManageUsers); !allowed)
        return std::unexpected(allowed.error());
    auto result = m_store.patchUser(caller.user().id, id, patch, origin.ip);
    m_callers->invalidateUser(id);
    if (!result)
        return std::unexpected(result.error());
    switch (result->verdict) {
    case AccountStore::PatchVerdict::NotFound:
        return std::unexpected(Error::notFound(u"There is no such user."_s));
    case AccountStore::PatchVerdict::LastAdmin:
        return std::unexpected(Error::conflict(
            u"last-admin"_s, u"This is the last active administrator; make someone else admin first."_s));
    case AccountStore::PatchVerdict::Done:
        break;
    }
    return result->after->user;
}

Result<api::Page<api::AuditEntry>> AccountService::auditLog(const Caller &caller, const api::PageRequest &request)
{
    if (auto allowed = requirePermission(caller, Permission::ViewAuditLog); !allowed)
        return std::unexpected(allowed.error());
    auto after = decodeCursor(m_cursors, u"audit-log", request);
    if (!after)
        return std::unexpected(after.error());
    auto page = m_store.auditLog(request.limit, *after);
    if (!page)
        return std::unexpected(page.error());
    return cursorPage(std::move(page->items), page->next, m_cursors, u"audit-log");
}

Result<User> AccountService::createAdmin(ThreadDatabase &db, const QString &email, const QString &fullName,
                                         const QString &password)
{
    RegisterInput input{email, password, fullName};
    auto valid = registerInputFromJson(toJson(input));
    if (!valid)
        return std::unexpected(Error::validation(valid.error()));
    if (const QString problem = PasswordPolicy::check(password); !problem.isEmpty())
        return std::unexpected(Error::validation({{u"password"_s, problem}}));
    auto hashed = PasswordHasher().hash(password);
    if (!hashed)
        return std::unexpected(Error::internal());
    AccountStore store(db);
    auto user = store.insertUser(valid->email, *hashed, valid->fullName, Role::Admin, false);
    if (!user)
        return std::unexpected(user.error());
    if (!*user)
        return std::unexpected(Error::conflict(u"email-taken"_s, u"An account with this email exists."_s));
    if (auto audited =
            store.audit(u"user.created_by_cli"_s, std::nullopt, (*user)->id, u"local"_s, {{u"role"_s, u"admin"_s}});
        !audited)
        return std::unexpected(audited.error());
    return **user;
}

} // namespace inkwell::server
