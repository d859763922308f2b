#pragma once

#include "db/sqlstore.h"
#include "model/notification.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>
#include <expected>
#include <optional>

namespace inkwell::server {

/// @brief A page of a user's notifications, newest first.
struct NotificationPage {
    QList<Notification> items;
    std::optional<QJsonArray> next; ///< the sort key after which the next page starts
};

/// @brief A position in a user's notifications in commit order: (transaction id, insertion order).
/// Streams send what lies after it; `Last-Event-ID` carries it back as "<xid>.<seq>".
struct StreamCursor {
    quint64 xid = 0;
    qint64 seq = 0;
    /// Rows after the position that the stream must not send: those already committed when a fresh
    /// stream began, although an older transaction was still in flight.
    QSet<qint64> skip;

    QString toEventId() const;
    /// @brief Parses "<xid>.<seq>" (plain decimal digits); std::nullopt for anything else.
    static std::optional<StreamCursor> fromEventId(QStringView text);
};

/// @brief One notification in commit order, as a stream reads it.
struct StreamedNotification {
    Notification notification;
    StreamCursor position;
    /// False while a transaction older than this row's is still in flight: a row of that one could
    /// still appear before it, so a stream must not pass this row yet.
    bool settled = false;
};

/// @brief The notifications table on one thread's database connection. Knows SQL, not permissions:
/// every method is scoped to the user it is given.
class NotificationStore : public SqlStore {
public:
    explicit NotificationStore(ThreadDatabase &db);

    Result<NotificationPage> list(const QUuid &userId, bool unreadOnly, int limit,
                                  const std::optional<QJsonArray> &after);
    Result<int> unreadCount(const QUuid &userId);
    /// @brief Marks one of the user's notifications read (keeping the first read time); std::nullopt when
    /// the user has no notification with this id.
    Result<std::optional<Notification>> markRead(const QUuid &userId, const QUuid &id);
    /// @brief Marks every unread notification of the user read; returns how many.
    Result<int> markAllRead(const QUuid &userId);

    /// @brief Where a fresh stream of the user begins: after everything committed now.
    Result<StreamCursor> streamStart(const QUuid &userId);
    /// @brief The user's notifications after `cursor` in commit order, at most `limit`.
    Result<QList<StreamedNotification>> streamAfter(const QUuid &userId, const StreamCursor &cursor, int limit);
    /// @brief Which of `sessions` are still signed in, of an active user.
    Result<QSet<QUuid>> liveSessions(const QSet<QUuid> &sessions);

    // ---- Writes of event handlers. They run inside the outbox worker's transaction; each inserted
    // notification is announced with pg_notify('inkwell_notifications', user id) at commit. A
    // notification whose (user, dedupe key) exists is not inserted again. Errors are returned as the
    // driver's text, for outbox.last_error (never shown to a client).

    struct NewNotification {
        QString type;
        QString title;
        QString message;
        std::optional<QString> link;
        QString dedupeKey;
    };
    /// @brief Inserts for one user, if the user exists; returns how many were inserted (0 or 1).
    std::expected<int, QString> createForUser(const QUuid &userId, const NewNotification &notification);
    /// @brief Inserts for every active follower of `authorId`; returns how many were inserted.
    std::expected<int, QString> createForFollowers(const QUuid &authorId, const NewNotification &notification);
};

/// @brief The NOTIFY channel that announces new notifications; the payload is the user's id.
inline const QString kNotificationsChannel = QStringLiteral("inkwell_notifications");

} // namespace inkwell::server
