#include "notificationstore.h"

#include "json/jsonreader.h"
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

const QString kColumns = u"n.id, n.type, n.title, n.message, n.link, n.is_read, n.created_at, n.read_at"_s;
constexpr int kColumnCount = 8;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QVariant nullableText(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

/// Reads the kColumns of the current row.
Notification readNotification(const QSqlQuery &query)
{
    Notification out;
    out.id = QUuid::fromString(query.value(0).toString());
    out.type = query.value(1).toString();
    out.title = query.value(2).toString();
    out.message = query.value(3).toString();
    if (!query.value(4).isNull())
        out.link = query.value(4).toString();
    out.isRead = query.value(5).toBool();
    out.createdAt = query.value(6).toDateTime().toUTC();
    if (!query.value(7).isNull())
        out.readAt = query.value(7).toDateTime().toUTC();
    return out;
}

bool isDigits(QStringView text)
{
    if (text.isEmpty() || text.size() > 19 || (text.size() > 1 && text.front() == u'0'))
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString StreamCursor::toEventId() const
{
    return QString::number(xid) + u'.' + QString::number(seq);
}

std::optional<StreamCursor> StreamCursor::fromEventId(QStringView text)
{
    const qsizetype dot = text.indexOf(u'.');
    if (dot <= 0)
        return std::nullopt;
    const QStringView xidText = text.first(dot);
    const QStringView seqText = text.sliced(dot + 1);
    if (!isDigits(xidText) || !isDigits(seqText))
        return std::nullopt;
    bool xidOk = false;
    bool seqOk = false;
    StreamCursor cursor;
    cursor.xid = xidText.toULongLong(&xidOk);
    cursor.seq = seqText.toLongLong(&seqOk);
    if (!xidOk || !seqOk)
        return std::nullopt;
    return cursor;
}

NotificationStore::NotificationStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.notifications"_s)
{
}

Result<NotificationPage> NotificationStore::list(const QUuid &userId, bool unreadOnly, int limit,
                                                 const std::optional<QJsonArray> &after)
{
    // Two statements rather than one with an OR, so that each is planned on its own index.
    const QString sql = u"SELECT %1, n.created_at::text FROM notifications n "
                        u"WHERE n.user_id = ? %2 AND (NOT ? OR (n.created_at, n.id) < (?::timestamptz, ?::uuid)) "
                        u"ORDER BY n.created_at DESC, n.id DESC LIMIT ?"_s.arg(
                            kColumns, unreadOnly ? u"AND NOT n.is_read"_s : QString());
    auto query = run(sql, QVariantList{idText(userId)} + keysetAfterBinds(after) + QVariantList{limit + 1});
    if (!query)
        return std::unexpected(failure(query.error(), "listing notifications"));
    const auto page = readKeysetPage<Notification>(
        **query, limit, readNotification, [](const QSqlQuery &row, const Notification &item) {
            // The exact stored time (microseconds, as text): a cursor must name the row's position exactly.
            return QJsonArray{row.value(kColumnCount).toString(), idText(item.id)};
        });
    return NotificationPage{page.items, page.next};
}

Result<int> NotificationStore::unreadCount(const QUuid &userId)
{
    auto query = run(u"SELECT count(*) FROM notifications WHERE user_id = ? AND NOT is_read"_s, {idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "counting unread notifications"));
    (*query)->next();
    const int count = (*query)->value(0).toInt();
    (*query)->finish();
    return count;
}

Result<std::optional<Notification>> NotificationStore::markRead(const QUuid &userId, const QUuid &id)
{
    auto query = run(u"UPDATE notifications n SET is_read = true, read_at = coalesce(n.read_at, now()) "
                     u"WHERE n.id = ? AND n.user_id = ? RETURNING %1"_s.arg(kColumns),
                     {idText(id), idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "marking a notification read"));
    if (!(*query)->next())
        return std::optional<Notification>();
    Notification notification = readNotification(**query);
    (*query)->finish();
    return notification;
}

Result<int> NotificationStore::markAllRead(const QUuid &userId)
{
    auto query = run(u"WITH r AS (UPDATE notifications SET is_read = true, read_at = now() "
                     u"WHERE user_id = ? AND NOT is_read RETURNING 1) SELECT count(*) FROM r"_s,
                     {idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "marking notifications read"));
    (*query)->next();
    const int updated = (*query)->value(0).toInt();
    (*query)->finish();
    return updated;
}

Result<StreamCursor> NotificationStore::streamStart(const QUuid &userId)
{
    // Every transaction below the snapshot's xmin has ended; rows of later ones that are already
    // visible are the only ones after the start that the stream must not send. One statement, one snapshot.
    auto query = run(u"WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) "
                     u"SELECT s.xmin::text, coalesce((SELECT string_agg(n.seq::text, ',') FROM notifications n "
                     u"WHERE n.user_id = ? AND n.change_xid >= s.xmin), '') FROM s"_s,
                     {idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "starting a notification stream"));
    (*query)->next();
    StreamCursor cursor;
    cursor.xid = (*query)->value(0).toString().toULongLong();
    cursor.seq = 0;
    const QString skip = (*query)->value(1).toString();
    (*query)->finish();
    for (const QStringView seq : QStringView(skip).split(u',', Qt::SkipEmptyParts))
        cursor.skip.insert(seq.toLongLong());
    return cursor;
}

Result<QSet<QUuid>> NotificationStore::liveSessions(const QSet<QUuid> &sessions)
{
    QStringList ids;
    ids.reserve(sessions.size());
    for (const QUuid &id : sessions)
        ids.append(id.toString(QUuid::WithoutBraces));
    auto query = run(u"SELECT s.id FROM auth_sessions s JOIN users u ON u.id = s.user_id "
                     u"WHERE s.id = ANY (?::uuid[]) AND s.revoked_at IS NULL AND u.is_active"_s,
                     {QString(u'{' + ids.join(u',') + u'}')});
    if (!query)
        return std::unexpected(failure(query.error(), "checking the sessions of open streams"));
    QSet<QUuid> live;
    while ((*query)->next())
        live.insert(QUuid::fromString((*query)->value(0).toString()));
    return live;
}

Result<QList<StreamedNotification>> NotificationStore::streamAfter(const QUuid &userId, const StreamCursor &cursor,
                                                                   int limit)
{
    auto query = run(u"SELECT %1, n.change_xid::text, n.seq, "
                     u"n.change_xid < pg_snapshot_xmin(pg_current_snapshot()) FROM notifications n "
                     u"WHERE n.user_id = ? AND (n.change_xid, n.seq) > (?::text::xid8, ?::bigint) "
                     u"ORDER BY n.change_xid, n.seq LIMIT ?"_s.arg(kColumns),
                     {idText(userId), QString::number(cursor.xid), cursor.seq, limit});
    if (!query)
        return std::unexpected(failure(query.error(), "reading a notification stream"));
    QList<StreamedNotification> out;
    while ((*query)->next()) {
        StreamedNotification row;
        row.notification = readNotification(**query);
        row.position.xid = (*query)->value(kColumnCount).toString().toULongLong();
        row.position.seq = (*query)->value(kColumnCount + 1).toLongLong();
        row.settled = (*query)->value(kColumnCount + 2).toBool();
        out.append(std::move(row));
    }
    (*query)->finish();
    return out;
}

std::expected<int, QString> NotificationStore::createForUser(const QUuid &userId, const NewNotification &notification)
{
    auto query = run(u"WITH ins AS (INSERT INTO notifications (user_id, type, title, message, link, dedupe_key) "
                     u"SELECT u.id, ?, ?, ?, ?, ? FROM users u WHERE u.id = ? "
                     u"ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING user_id) "
                     u"SELECT pg_notify('inkwell_notifications', ins.user_id::text) FROM ins"_s,
                     {notification.type, notification.title, notification.message, nullableText(notification.link),
                      notification.dedupeKey, idText(userId)});
    if (!query)
        return std::unexpected(query.error().text());
    int inserted = 0;
    while ((*query)->next())
        ++inserted;
    (*query)->finish();
    return inserted;
}

std::expected<int, QString> NotificationStore::createForFollowers(const QUuid &authorId,
                                                                  const NewNotification &notification)
{
    auto query = run(u"WITH ins AS (INSERT INTO notifications (user_id, type, title, message, link, dedupe_key) "
                     u"SELECT f.follower_id, ?, ?, ?, ?, ? FROM follows f "
                     u"JOIN users u ON u.id = f.follower_id AND u.is_active WHERE f.followee_id = ? "
                     u"ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING user_id) "
                     u"SELECT pg_notify('inkwell_notifications', ins.user_id::text) FROM ins"_s,
                     {notification.type, notification.title, notification.message, nullableText(notification.link),
                      notification.dedupeKey, idText(authorId)});
    if (!query)
        return std::unexpected(query.error().text());
    int inserted = 0;
    while ((*query)->next())
        ++inserted;
    (*query)->finish();
    return inserted;
}

} // namespace inkwell::server
