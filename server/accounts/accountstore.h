#pragma once

#include "api/apitypes.h"
#include "db/sqlstore.h"
#include "model/user.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QUuid>
#include <expected>
#include <initializer_list>
#include <optional>

namespace inkwell::server {

/// @brief A user row with what only the server sees.
struct StoredUser {
    User user;
    QByteArray passwordHash;
    std::optional<QDateTime> lastLoginAt;
};

/// @brief A new refresh token: the plain value goes to the client once; only its hash is stored.
struct RefreshToken {
    QByteArray value;   ///< 256 random bits, base64url
    QByteArray hashHex; ///< SHA-256 of value, hex

    static RefreshToken generate();
    static QByteArray hashOf(QByteArrayView value);
};

/// @brief What presenting a refresh token came to.
enum class RefreshVerdict { Rotated, Unknown, Reused, Expired, Revoked, Inactive };

struct RefreshOutcome {
    RefreshVerdict verdict = RefreshVerdict::Unknown;
    QUuid sessionId;
    std::optional<StoredUser> user; ///< set when Rotated (and for Reused, for the audit)
};

/// @brief One failure counter of the login throttle: after `threshold` failures within the window,
/// each further failure blocks the key for `baseSeconds` doubling up to `capSeconds`.
struct ThrottleRule {
    QString key;
    int threshold;
    int baseSeconds;
    int capSeconds;
};

/// @brief A page of a keyset-paginated list, as the store reads it (db/sqlstore.h): the service turns `next` into a
/// cursor.
template <typename T> using StorePage = KeysetPage<T>;

/// @brief The accounts tables (users, sessions, refresh tokens, follows, throttle, audit log) on one
/// thread's database connection. Knows SQL, not permissions: AccountService decides who may call what.
class AccountStore : public SqlStore {
public:
    explicit AccountStore(ThreadDatabase &db);

    Result<std::optional<StoredUser>> userByEmail(const QString &email);
    Result<std::optional<StoredUser>> userById(const QUuid &id);
    /// @brief The user of a live session: the session not revoked and the user active.
    Result<std::optional<StoredUser>> userOfSession(const QUuid &userId, const QUuid &sessionId);

    /// @brief Inserts a user. The first user of an empty database becomes admin; the check and the
    /// insert are serialised by an advisory lock, so concurrent first registrations make one admin.
    /// `std::nullopt` when the email is taken.
    Result<std::optional<User>> insertUser(const QString &email, const QByteArray &passwordHash,
                                           const QString &fullName, Role role, bool firstBecomesAdmin);

    /// @brief Starts a session (token family) with its first refresh token; returns the session id.
    Result<QUuid> createSession(const QUuid &userId, const RefreshToken &token, int ttlSeconds, const QString &ip,
                                const QString &userAgent);
    /// @brief Spends a refresh token and issues `next` in its family; a spent one revokes the family.
    Result<RefreshOutcome> rotateRefresh(const QByteArray &presentedHashHex, const RefreshToken &next, int ttlSeconds);
    /// @brief Revokes the family of a refresh token (spent or not); false when it names no session.
    Result<std::optional<QUuid>> revokeFamilyOf(const QByteArray &presentedHashHex, const QString &reason);
    /// @brief Revokes every live session of a user but `keep`; returns how many.
    Result<int> revokeSessions(const QUuid &userId, const std::optional<QUuid> &keep, const QString &reason);

    /// @brief Seconds until every key is unblocked (0 when none is blocked).
    Result<int> blockedSeconds(const QStringList &keys);
    Result<void> recordFailure(const QList<ThrottleRule> &rules);
    Result<void> clearThrottle(const QString &key);

    Result<void> audit(const QString &action, const std::optional<QUuid> &actor, const std::optional<QUuid> &target,
                       const QString &ip, const QJsonObject &detail = {});

    Result<void> recordLogin(const QUuid &userId, const std::optional<QByteArray> &newHash);
    /// @brief Replaces the hash if it is still `expectedHash`; false when it changed meanwhile.
    Result<bool> replacePasswordHash(const QUuid &userId, const QByteArray &expectedHash, const QByteArray &newHash);

    Result<User> updateProfile(const QUuid &userId, const ProfilePatch &patch);

    /// @brief false when the followee does not exist or is inactive.
    Result<bool> follow(const QUuid &follower, const QUuid &followee);
    Result<void> unfollow(const QUuid &follower, const QUuid &followee);
    /// @brief Followers, newest follow first.
    Result<StorePage<User>> followers(const QUuid &userId, int limit, const std::optional<QJsonArray> &after);

    /// @brief Users for the admin list, newest first, with article_count and last_login_at.
    Result<StorePage<api::AdminUser>> listUsers(const QString &search, const std::optional<Role> &role, int limit,
                                                const std::optional<QJsonArray> &after);

    enum class PatchVerdict { Done, NotFound, LastAdmin };
    struct PatchResult {
        PatchVerdict verdict = PatchVerdict::Done;
        std::optional<StoredUser> before;
        std::optional<StoredUser> after;
    };
    /// @brief Changes role and/or active flag under the role lock, refusing to leave no active admin;
    /// deactivation revokes every session of the user. Audited in the same transaction.
    Result<PatchResult> patchUser(const QUuid &actor, const QUuid &target, const AdminUserPatch &patch,
                                  const QString &ip);

    Result<StorePage<api::AuditEntry>> auditLog(int limit, const std::optional<QJsonArray> &after);
};

} // namespace inkwell::server
