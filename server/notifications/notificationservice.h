#pragma once

#include "domain/listquery.h"
#include "notifications/notificationstore.h"

namespace inkwell::server {

struct ServiceContext;

/// @brief The rules of api.md's Notifications section. Every call is on behalf of one signed-in user
/// and sees only that user's notifications: another user's is as absent as a missing one (404).
class NotificationService {
public:
    NotificationService(const ServiceContext &context, ThreadDatabase &db);

    /// @brief `GET /notifications`: the user's notifications (all, or only the unread ones), newest first.
    Result<api::Page<Notification>> list(const QUuid &userId, const api::NotificationListRequest &request);
    Result<int> unreadCount(const QUuid &userId);
    Result<Notification> markRead(const QUuid &userId, const QUuid &id);
    /// @brief Returns how many were marked.
    Result<int> markAllRead(const QUuid &userId);

    /// @brief Where a stream begins: after `Last-Event-ID` when the client sends one (a reconnection: it
    /// gets what it missed), else after everything that exists now.
    Result<StreamCursor> streamCursor(const QUuid &userId, const QByteArray &lastEventId);

private:
    NotificationStore m_store;
    CursorCodec m_cursors;
};

} // namespace inkwell::server
