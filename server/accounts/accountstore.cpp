#include "accountstore.h"

#include "log/logging.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

/// Serialises everything that decides who is admin: the first registration, role changes, deactivations.
constexpr qint64 kRoleLock = 0x696e6b7701; // "inkw" 1

const QString kUserColumns = u"u.id, u.email, u.full_name, u.role, u.bio, u.avatar_url, u.is_active, "
                             u"u.created_at, u.updated_at, u.password_hash, u.last_login_at"_s;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QVariant nullableText(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullableId(const std::optional<QUuid> &id)
{
    return id ? QVariant(idText(*id)) : QVariant(QMetaType::fromType<QString>());
}

std::optional<QString> optionalText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toString();
}

QDateTime utc(const QVariant &value)
{
    return value.toDateTime().toUTC();
}

/// Reads the kUserColumns of the current row, starting at `at`.
StoredUser readUser(const QSqlQuery &query, int at = 0)
{
    StoredUser out;
    out.user.id = QUuid::fromString(query.value(at).toString());
    out.user.email = query.value(at + 1).toString();
    out.user.fullName = query.value(at + 2).toString();
    out.user.role = roleFromString(query.value(at + 3).toString()).value_or(Role::Viewer);
    out.user.bio = optionalText(query.value(at + 4));
    out.user.avatarUrl = optionalText(query.value(at + 5));
    out.user.isActive = query.value(at + 6).toBool();
    out.user.createdAt = utc(query.value(at + 7));
    out.user.updatedAt = utc(query.value(at + 8));
    out.passwordHash = query.value(at + 9).toByteArray();
    if (!query.value(at + 10).isNull())
        out.lastLoginAt = utc(query.value(at + 10));
    return out;
}

} // namespace

RefreshToken RefreshToken::generate()
{
    QByteArray raw(32, Qt::Uninitialized);
    ::randombytes_buf(raw.data(), size_t(raw.size()));
    RefreshToken token;
    token.value = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    token.hashHex = hashOf(token.value);
    return token;
}

QByteArray RefreshToken::hashOf(QByteArrayView value)
{
    return QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex();
}

AccountStore::AccountStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.accounts"_s)
{
}

Result<std::optional<StoredUser>> AccountStore::userByEmail(const QString &email)
{
    auto query = run(u"SELECT %1 FROM users u WHERE lower(u.email) = lower(?)"_s.arg(kUserColumns), {email});
    if (!query)
        return std::unexpected(failure(query.error(), "user by email"));
    if (!(*query)->next())
        return std::optional<StoredUser>();
    auto user = readUser(**query);
    (*query)->finish();
    return user;
}

Result<std::optional<StoredUser>> AccountStore::userById(const QUuid &id)
{
    auto query = run(u"SELECT %1 FROM users u WHERE u.id = ?"_s.arg(kUserColumns), {idText(id)});
    if (!query)
        return std::unexpected(failure(query.error(), "user by id"));
    if (!(*query)->next())
        return std::optional<StoredUser>();
    auto user = readUser(**query);
    (*query)->finish();
    return user;
}

Result<std::optional<StoredUser>> AccountStore::userOfSession(const QUuid &userId, const QUuid &sessionId)
{
    auto query = run(u"SELECT %1 FROM users u JOIN auth_sessions s ON s.user_id = u.id "
                     u"WHERE u.id = ? AND s.id = ? AND s.revoked_at IS NULL AND u.is_active"_s.arg(kUserColumns),
                     {idText(userId), idText(sessionId)});
    if (!query)
        return std::unexpected(failure(query.error(), "user of session"));
    if (!(*query)->next())
        return std::optional<StoredUser>();
    auto user = readUser(**query);
    (*query)->finish();
    return user;
}

Result<std::optional<User>> AccountStore::insertUser(const QString &email, const QByteArray &passwordHash,
                                                     const QString &fullName, Role role, bool firstBecomesAdmin)
{
    if (auto begun = begin(); !begun)
        return std::unexpected(begun.error());
    auto fail = [this](const QSqlError &error, const char *what) {
        rollback();
        return std::unexpected(failure(error, what));
    };
    if (auto lock = run(u"SELECT pg_advisory_xact_lock(?)"_s, {kRoleLock}); !lock)
        return fail(lock.error(), "role lock");
    Role effective = role;
    if (firstBecomesAdmin) {
        auto any = run(u"SELECT EXISTS (SELECT 1 FROM users)"_s);
        if (!any)
            return fail(any.error(), "counting users");
        (*any)->next();
        if (!(*any)->value(0).toBool())
            effective = Role::Admin;
        (*any)->finish();
    }
    auto inserted = run(u"INSERT INTO users AS u (email, password_hash, full_name, role) VALUES (?, ?, ?, ?) "
                        u"ON CONFLICT DO NOTHING RETURNING %1"_s.arg(kUserColumns),
                        {email, QString::fromLatin1(passwordHash), fullName, roleToString(effective)});
    if (!inserted)
        return fail(inserted.error(), "inserting a user");
    if (!(*inserted)->next()) {
        rollback();
        return std::optional<User>(); // the email is taken (its unique index)
    }
    User user = readUser(**inserted).user;
    (*inserted)->finish();
    // The welcome notification is an event of the same transaction (the outbox; see server/events).
    auto event = run(u"WITH e AS (INSERT INTO outbox (topic, payload) VALUES ('user.created', "
                     u"jsonb_build_object('user_id', ?::text, 'full_name', ?::text))) "
                     u"SELECT pg_notify('inkwell_outbox', 'user.created')"_s,
                     {idText(user.id), user.fullName});
    if (!event)
        return fail(event.error(), "writing the user.created event");
    (*event)->finish();
    if (auto committed = commit(); !committed)
        return std::unexpected(committed.error());
    return user;
}

Result<QUuid> AccountStore::createSession(const QUuid &userId, const RefreshToken &token, int ttlSeconds,
                                          const QString &ip, const QString &userAgent)
{
    auto query = run(u"WITH s AS (INSERT INTO auth_sessions (user_id, ip, user_agent) VALUES (?, ?, left(?, 500)) "
                     u"RETURNING id) "
                     u"INSERT INTO refresh_tokens (token_hash, session_id, expires_at) "
                     u"SELECT decode(?, 'hex'), s.id, now() + make_interval(secs => ?) FROM s RETURNING session_id"_s,
                     {idText(userId), ip, userAgent, QString::fromLatin1(token.hashHex), ttlSeconds});
    if (!query)
        return std::unexpected(failure(query.error(), "creating a session"));
    (*query)->next();
    const QUuid session = QUuid::fromString((*query)->value(0).toString());
    (*query)->finish();
    return session;
}

Result<RefreshOutcome> AccountStore::rotateRefresh(const QByteArray &presentedHashHex, const RefreshToken &next,
                                                   int ttlSeconds)
{
    if (auto begun = begin(); !begun)
        return std::unexpected(begun.error());
    auto fail = [this](const QSqlError &error, const char *what) {
        rollback();
        return std::unexpected(failure(error, what));
    };
    // Row locks on the token and its session: two uses of one token are decided one after the other,
    // so the second always sees the first as spent.
    auto found = run(u"SELECT rt.session_id, rt.expires_at < now(), rt.spent_at IS NOT NULL, s.revoked_at IS NOT NULL, "
                     u"%1 FROM refresh_tokens rt JOIN auth_sessions s ON s.id = rt.session_id "
                     u"JOIN users u ON u.id = s.user_id WHERE rt.token_hash = decode(?, 'hex') "
                     u"FOR UPDATE OF rt, s"_s.arg(kUserColumns),
                     {QString::fromLatin1(presentedHashHex)});
    if (!found)
        return fail(found.error(), "finding a refresh token");
    RefreshOutcome outcome;
    if (!(*found)->next()) {
        rollback();
        return outcome; // Unknown
    }
    outcome.sessionId = QUuid::fromString((*found)->value(0).toString());
    const bool expired = (*found)->value(1).toBool();
    const bool spent = (*found)->value(2).toBool();
    const bool revoked = (*found)->value(3).toBool();
    outcome.user = readUser(**found, 4);
    (*found)->finish();

    if (revoked) {
        outcome.verdict = RefreshVerdict::Revoked;
    } else if (spent) {
        // Theft detection: a spent token came back, so two parties hold the family. End it for both.
        outcome.verdict = RefreshVerdict::Reused;
        auto revoke = run(u"UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'refresh token reused' "
                          u"WHERE id = ?"_s,
                          {idText(outcome.sessionId)});
        if (!revoke)
            return fail(revoke.error(), "revoking a reused family");
    } else if (expired) {
        outcome.verdict = RefreshVerdict::Expired;
    } else if (!outcome.user->user.isActive) {
        outcome.verdict = RefreshVerdict::Inactive;
    } else {
        outcome.verdict = RefreshVerdict::Rotated;
        auto spend = run(u"UPDATE refresh_tokens SET spent_at = now() WHERE token_hash = decode(?, 'hex')"_s,
                         {QString::fromLatin1(presentedHashHex)});
        if (!spend)
            return fail(spend.error(), "spending a refresh token");
        auto issue = run(u"INSERT INTO refresh_tokens (token_hash, session_id, expires_at) "
                         u"VALUES (decode(?, 'hex'), ?, now() + make_interval(secs => ?))"_s,
                         {QString::fromLatin1(next.hashHex), idText(outcome.sessionId), ttlSeconds});
        if (!issue)
            return fail(issue.error(), "issuing a refresh token");
        auto touch = run(u"UPDATE auth_sessions SET last_used_at = now() WHERE id = ?"_s, {idText(outcome.sessionId)});
        if (!touch)
            return fail(touch.error(), "touching a session");
    }
    if (auto committed = commit(); !committed)
        return std::unexpected(committed.error());
    return outcome;
}

Result<std::optional<QUuid>> AccountStore::revokeFamilyOf(const QByteArray &presentedHashHex, const QString &reason)
{
    auto query = run(u"UPDATE auth_sessions s SET revoked_at = coalesce(s.revoked_at, now()), "
                     u"revoked_reason = coalesce(s.revoked_reason, ?) FROM refresh_tokens rt "
                     u"WHERE rt.token_hash = decode(?, 'hex') AND rt.session_id = s.id "
                     u"AND s.revoked_at IS NULL RETURNING s.user_id"_s,
                     {reason, QString::fromLatin1(presentedHashHex)});
    if (!query)
        return std::unexpected(failure(query.error(), "revoking a family"));
    if (!(*query)->next())
        return std::optional<QUuid>();
    const QUuid user = QUuid::fromString((*query)->value(0).toString());
    (*query)->finish();
    return user;
}

Result<int> AccountStore::revokeSessions(const QUuid &userId, const std::optional<QUuid> &keep, const QString &reason)
{
    auto query = run(u"UPDATE auth_sessions SET revoked_at = now(), revoked_reason = ? "
                     u"WHERE user_id = ? AND revoked_at IS NULL AND id IS DISTINCT FROM ?::uuid"_s,
                     {reason, idText(userId), nullableId(keep)});
    if (!query)
        return std::unexpected(failure(query.error(), "revoking sessions"));
    return (*query)->numRowsAffected();
}

Result<int> AccountStore::blockedSeconds(const QStringList &keys)
{
    auto query = run(u"SELECT coalesce(ceil(extract(epoch FROM max(blocked_until) - now())), 0)::int "
                     u"FROM login_throttle WHERE key = ANY(string_to_array(?, chr(31))) AND blocked_until > now()"_s,
                     {keys.join(QChar(31))});
    if (!query)
        return std::unexpected(failure(query.error(), "reading the login throttle"));
    (*query)->next();
    const int seconds = (*query)->value(0).toInt();
    (*query)->finish();
    return seconds;
}

Result<void> AccountStore::recordFailure(const QList<ThrottleRule> &rules)
{
    for (const ThrottleRule &rule : rules) {
        // Failures older than the window are forgotten; from the threshold on, each failure blocks the
        // key for base × 2^(failures − threshold) seconds, at most cap.
        auto query = run(
            u"INSERT INTO login_throttle AS t (key, failures, last_failure_at, blocked_until) "
            u"VALUES (?, 1, now(), CASE WHEN 1 >= ? THEN now() + make_interval(secs => ?) END) "
            u"ON CONFLICT (key) DO UPDATE SET "
            u"failures = CASE WHEN t.last_failure_at < now() - interval '15 minutes' THEN 1 ELSE t.failures + 1 END, "
            u"last_failure_at = now(), "
            u"blocked_until = CASE WHEN (CASE WHEN t.last_failure_at < now() - interval '15 minutes' THEN 1 "
            u"ELSE t.failures + 1 END) >= ? THEN now() + make_interval(secs => least(?::double precision, "
            u"?::double precision * power(2, (CASE WHEN t.last_failure_at < now() - interval '15 minutes' THEN 1 "
            u"ELSE t.failures + 1 END) - ?))) END"_s,
            {rule.key, rule.threshold, rule.baseSeconds, rule.threshold, rule.capSeconds, rule.baseSeconds,
             rule.threshold});
        if (!query)
            return std::unexpected(failure(query.error(), "recording a failed login"));
    }
    return {};
}

Result<void> AccountStore::clearThrottle(const QString &key)
{
    if (auto query = run(u"DELETE FROM login_throttle WHERE key = ?"_s, {key}); !query)
        return std::unexpected(failure(query.error(), "clearing the login throttle"));
    return {};
}

Result<void> AccountStore::audit(const QString &action, const std::optional<QUuid> &actor,
                                 const std::optional<QUuid> &target, const QString &ip, const QJsonObject &detail)
{
    auto query = run(u"INSERT INTO audit_log (action, actor_id, target_id, ip, detail) "
                     u"VALUES (?, ?::uuid, ?::uuid, ?, ?::jsonb)"_s,
                     {action, nullableId(actor), nullableId(target), ip,
                      QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))});
    if (!query)
        return std::unexpected(failure(query.error(), "writing the audit log"));
    return {};
}

Result<void> AccountStore::recordLogin(const QUuid &userId, const std::optional<QByteArray> &newHash)
{
    auto query = run(
        u"UPDATE users SET last_login_at = now(), password_hash = coalesce(?, password_hash) WHERE id = ?"_s,
        {newHash ? QVariant(QString::fromLatin1(*newHash)) : QVariant(QMetaType::fromType<QString>()), idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "recording a login"));
    return {};
}

Result<bool> AccountStore::replacePasswordHash(const QUuid &userId, const QByteArray &expectedHash,
                                               const QByteArray &newHash)
{
    auto query = run(u"UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ? AND password_hash = ?"_s,
                     {QString::fromLatin1(newHash), idText(userId), QString::fromLatin1(expectedHash)});
    if (!query)
        return std::unexpected(failure(query.error(), "changing a password"));
    return (*query)->numRowsAffected() == 1;
}

Result<User> AccountStore::updateProfile(const QUuid &userId, const ProfilePatch &patch)
{
    // Each member: keep (flag false) or set to the value given, null included.
    auto query = run(u"UPDATE users AS u SET "
                     u"full_name = CASE WHEN ? THEN ? ELSE u.full_name END, "
                     u"bio = CASE WHEN ? THEN ? ELSE u.bio END, "
                     u"avatar_url = CASE WHEN ? THEN ? ELSE u.avatar_url END, "
                     u"updated_at = now() WHERE u.id = ? RETURNING %1"_s.arg(kUserColumns),
                     {patch.fullName.has_value(), patch.fullName.value_or(QString()), patch.bio.has_value(),
                      nullableText(patch.bio.value_or(std::nullopt)), patch.avatarUrl.has_value(),
                      nullableText(patch.avatarUrl.value_or(std::nullopt)), idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "updating a profile"));
    if (!(*query)->next())
        return std::unexpected(Error::notFound());
    User user = readUser(**query).user;
    (*query)->finish();
    return user;
}

Result<bool> AccountStore::follow(const QUuid &follower, const QUuid &followee)
{
    auto query = run(u"WITH target AS (SELECT id FROM users WHERE id = ? AND is_active), "
                     u"ins AS (INSERT INTO follows (follower_id, followee_id) SELECT ?, id FROM target "
                     u"ON CONFLICT DO NOTHING) SELECT EXISTS (SELECT 1 FROM target)"_s,
                     {idText(followee), idText(follower)});
    if (!query)
        return std::unexpected(failure(query.error(), "following"));
    (*query)->next();
    const bool exists = (*query)->value(0).toBool();
    (*query)->finish();
    return exists;
}

Result<void> AccountStore::unfollow(const QUuid &follower, const QUuid &followee)
{
    if (auto query = run(u"DELETE FROM follows WHERE follower_id = ? AND followee_id = ?"_s,
                         {idText(follower), idText(followee)});
        !query)
        return std::unexpected(failure(query.error(), "unfollowing"));
    return {};
}

Result<StorePage<User>> AccountStore::followers(const QUuid &userId, int limit, const std::optional<QJsonArray> &after)
{
    auto query =
        run(u"SELECT %1, f.created_at::text FROM follows f JOIN users u ON u.id = f.follower_id "
            u"WHERE f.followee_id = ? AND (NOT ? OR (f.created_at, f.follower_id) < (?::timestamptz, ?::uuid)) "
            u"ORDER BY f.created_at DESC, f.follower_id DESC LIMIT ?"_s.arg(kUserColumns),
            QVariantList{idText(userId)} + keysetAfterBinds(after) + QVariantList{limit + 1});
    if (!query)
        return std::unexpected(failure(query.error(), "listing followers"));
    return readKeysetPage<User>(
        **query, limit, [](const QSqlQuery &row) { return readUser(row).user; },
        [](const QSqlQuery &row, const User &user) {
            // The exact stored time (microseconds, as text): a cursor must name the row's position exactly.
            return QJsonArray{row.value(11).toString(), idText(user.id)};
        });
}

Result<StorePage<api::AdminUser>> AccountStore::listUsers(const QString &search, const std::optional<Role> &role,
                                                          int limit, const std::optional<QJsonArray> &after)
{
    // The search is a substring match on email or name; LIKE's wildcards in it are taken literally.
    QString pattern = search;
    pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    auto query =
        run(u"SELECT %1, (SELECT count(*) FROM articles a WHERE a.author_id = u.id AND a.deleted_at IS NULL), "
            u"u.created_at::text FROM users u "
            u"WHERE (coalesce(?, '') = '' OR u.email ILIKE '%' || ? || '%' OR u.full_name ILIKE '%' || ? || '%') "
            u"AND (coalesce(?, '') = '' OR u.role = ?) "
            u"AND (NOT ? OR (u.created_at, u.id) < (?::timestamptz, ?::uuid)) "
            u"ORDER BY u.created_at DESC, u.id DESC LIMIT ?"_s.arg(kUserColumns),
            QVariantList{pattern, pattern, pattern, role ? roleToString(*role) : QString(u""_s),
                         role ? roleToString(*role) : QString(u""_s)} +
                keysetAfterBinds(after) + QVariantList{limit + 1});
    if (!query)
        return std::unexpected(failure(query.error(), "listing users"));
    return readKeysetPage<api::AdminUser>(
        **query, limit,
        [](const QSqlQuery &row) {
            const StoredUser user = readUser(row);
            return api::AdminUser{user.user, row.value(11).toLongLong(), user.lastLoginAt};
        },
        [](const QSqlQuery &row, const api::AdminUser &user) {
            return QJsonArray{row.value(12).toString(), idText(user.user.id)};
        });
}

Result<AccountStore::PatchResult> AccountStore::patchUser(const QUuid &actor, const QUuid &target,
                                                          const AdminUserPatch &patch, const QString &ip)
{
    if (auto begun = begin(); !begun)
        return std::unexpected(begun.error());
    auto fail = [this](const QSqlError &error, const char *what) {
        rollback();
        return std::unexpected(failure(error, what));
    };
    if (auto lock = run(u"SELECT pg_advisory_xact_lock(?)"_s, {kRoleLock}); !lock)
        return fail(lock.error(), "role lock");
    PatchResult result;
    {
        auto found = run(u"SELECT %1 FROM users u WHERE u.id = ? FOR UPDATE"_s.arg(kUserColumns), {idText(target)});
        if (!found)
            return fail(found.error(), "reading a user");
        if (!(*found)->next()) {
            rollback();
            result.verdict = PatchVerdict::NotFound;
            return result;
        }
        result.before = readUser(**found);
        (*found)->finish();
    }
    const User &before = result.before->user;
    const Role newRole = patch.role.value_or(before.role);
    const bool newActive = patch.isActive.value_or(before.isActive);
    const bool losesAdmin = before.role == Role::Admin && before.isActive && (newRole != Role::Admin || !newActive);
    if (losesAdmin) {
        auto others =
            run(u"SELECT count(*) FROM users WHERE role = 'admin' AND is_active AND id <> ?"_s, {idText(target)});
        if (!others)
            return fail(others.error(), "counting admins");
        (*others)->next();
        const qint64 count = (*others)->value(0).toLongLong();
        (*others)->finish();
        if (count == 0) {
            rollback();
            result.verdict = PatchVerdict::LastAdmin;
            return result;
        }
    }
    auto updated = run(u"UPDATE users AS u SET role = ?, is_active = ?, "
                       u"updated_at = CASE WHEN u.role = ? AND u.is_active = ? THEN u.updated_at ELSE now() END "
                       u"WHERE u.id = ? RETURNING %1"_s.arg(kUserColumns),
                       {roleToString(newRole), newActive, roleToString(newRole), newActive, idText(target)});
    if (!updated)
        return fail(updated.error(), "updating a user");
    (*updated)->next();
    result.after = readUser(**updated);
    (*updated)->finish();

    auto record = [&](const QString &action, const QJsonObject &detail) -> Result<void> {
        auto query = run(u"INSERT INTO audit_log (action, actor_id, target_id, ip, detail) "
                         u"VALUES (?, ?::uuid, ?::uuid, ?, ?::jsonb)"_s,
                         {action, idText(actor), idText(target), ip,
                          QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))});
        if (!query)
            return std::unexpected(failure(query.error(), "writing the audit log"));
        return {};
    };
    if (newRole != before.role) {
        if (auto done = record(u"user.role_changed"_s,
                               {{u"from"_s, roleToString(before.role)}, {u"to"_s, roleToString(newRole)}});
            !done) {
            rollback();
            return std::unexpected(done.error());
        }
    }
    if (newActive != before.isActive) {
        if (auto done = record(newActive ? u"user.activated"_s : u"user.deactivated"_s, {}); !done) {
            rollback();
            return std::unexpected(done.error());
        }
    }
    if (!newActive && before.isActive) {
        auto revoke = run(u"UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'user deactivated' "
                          u"WHERE user_id = ? AND revoked_at IS NULL"_s,
                          {idText(target)});
        if (!revoke)
            return fail(revoke.error(), "revoking sessions");
    }
    if (auto committed = commit(); !committed)
        return std::unexpected(committed.error());
    return result;
}

Result<StorePage<api::AuditEntry>> AccountStore::auditLog(int limit, const std::optional<QJsonArray> &after)
{
    const bool paged = after.has_value() && after->size() == 1;
    auto query = run(u"SELECT id, action, actor_id, target_id, ip, detail::text, created_at FROM audit_log "
                     u"WHERE (NOT ? OR id < ?) ORDER BY id DESC LIMIT ?"_s,
                     {paged, paged ? after->at(0).toInteger() : 0, limit + 1});
    if (!query)
        return std::unexpected(failure(query.error(), "reading the audit log"));
    const auto optionalId = [](const QVariant &value) {
        return value.isNull() ? std::nullopt : std::optional(QUuid::fromString(value.toString()));
    };
    return readKeysetPage<api::AuditEntry>(
        **query, limit,
        [&optionalId](const QSqlQuery &row) {
            return api::AuditEntry{
                row.value(0).toLongLong(),  row.value(1).toString(),
                optionalId(row.value(2)),   optionalId(row.value(3)),
                optionalText(row.value(4)), QJsonDocument::fromJson(row.value(5).toByteArray()).object(),
                utc(row.value(6)),
            };
        },
        [](const QSqlQuery &, const api::AuditEntry &entry) { return QJsonArray{entry.id}; });
}

} // namespace inkwell::server
