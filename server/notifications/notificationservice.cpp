#include "notificationservice.h"

#include "http/listener.h"

#include "json/jsonreader.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

NotificationService::NotificationService(const ServiceContext &context, ThreadDatabase &db)
    : m_store(db)
    , m_cursors(context.jwtKey)
{
}

Result<api::Page<Notification>> NotificationService::list(const QUuid &userId,
                                                          const api::NotificationListRequest &request)
{
    // A cursor belongs to one user's list with one filter: both are part of its scope.
    const QString scope = u"notifications|%1|%2"_s.arg(formatId(userId), request.unreadOnly ? u"true"_s : QString());
    auto after = decodeCursor(m_cursors, scope, request.page);
    if (!after)
        return std::unexpected(after.error());
    auto page = m_store.list(userId, request.unreadOnly, request.page.limit, *after);
    if (!page)
        return std::unexpected(page.error());
    api::Page<Notification> out{std::move(page->items), std::nullopt};
    if (page->next)
        out.nextCursor = m_cursors.encode(scope, *page->next);
    return out;
}

Result<int> NotificationService::unreadCount(const QUuid &userId)
{
    return m_store.unreadCount(userId);
}

Result<Notification> NotificationService::markRead(const QUuid &userId, const QUuid &id)
{
    auto marked = m_store.markRead(userId, id);
    if (!marked)
        return std::unexpected(marked.error());
    if (!*marked)
        return std::unexpected(Error::notFound(u"There is no such notification."_s));
    return std::move(**marked);
}

Result<int> NotificationService::markAllRead(const QUuid &userId)
{
    return m_store.markAllRead(userId);
}

Result<StreamCursor> NotificationService::streamCursor(const QUuid &userId, const QByteArray &lastEventId)
{
    const QByteArray given = lastEventId.trimmed();
    if (given.isEmpty())
        return m_store.streamStart(userId);
    auto cursor = StreamCursor::fromEventId(QString::fromLatin1(given));
    if (!cursor)
        return std::unexpected(Error::badRequest(u"Last-Event-ID is not an id this stream sent."_s));
    return *cursor;
}

} // namespace inkwell::server
