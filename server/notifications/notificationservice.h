#pragma once

#include "domain/listquery.h"
#include "notifications/notificationstore.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace inkwell::server {

struct ServiceContext;

/// @brief The rules of api.md's Notifications section. Every call is on behalf of one signed-in user
/// and sees only that user's notifications: another user's is as absent as a missing one (404).
class NotificationService {
public:
    NotificationService(const ServiceContext &context, ThreadDatabase &db);

    /// @brief `GET /notifications`: `unread` (`true`: only unread; `false`, the default: all), `limit`,
    /// `cursor`; newest first.
    Result<QJsonObject> list(const QUuid &userId, const QUrlQuery &query);
    Result<int> unreadCount(const QUuid &userId);
    Result<Notification> markRead(const QUuid &userId, const QUuid &id);
    /// @brief Returns how many were marked.
    Result<int> markAllRead(const QUuid &userId);

    /// @brief Where a stream begins: after `Last-Event-ID` when the client sends one (a reconnection: it
    /// gets what it missed), else after everything that exists now. The stream takes no query parameters.
    Result<StreamCursor> streamCursor(const QUuid &userId, const QUrlQuery &query, const QByteArray &lastEventId);

private:
    NotificationStore m_store;
    CursorCodec m_cursors;
};

} // namespace inkwell::server
