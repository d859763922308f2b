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

Result<QJsonObject> NotificationService::list(const QUuid &userId, const QUrlQuery &query)
{
    const QString unread = query.queryItemValue(u"unread"_s, QUrl::FullyDecoded);
    // A cursor belongs to one user's list with one filter: both are part of its scope.
    const QString scope = u"notifications|%1|%2"_s.arg(formatId(userId), unread);
    auto list = parseListQuery(query, {u"unread"_s}, m_cursors, scope);
    if (!list)
        return std::unexpected(list.error());
    bool unreadOnly = false;
    if (list->filters.contains(u"unread"_s)) {
        const QString value = list->filters.value(u"unread"_s);
        if (value != u"true"_s && value != u"false"_s)
            return std::unexpected(Error::badRequest(u"unread must be true or false."_s));
        unreadOnly = value == u"true"_s;
    }
    auto page = m_store.list(userId, unreadOnly, list->limit, list->cursor);
    if (!page)
        return std::unexpected(page.error());
    QJsonArray items;
    for (const Notification &notification : std::as_const(page->items))
        items.append(toJson(notification));
    return QJsonObject{
        {u"items"_s, items},
        {u"next_cursor"_s,
         page->next ? QJsonValue(m_cursors.encode(scope, *page->next)) : QJsonValue(QJsonValue::Null)},
    };
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

Result<StreamCursor> NotificationService::streamCursor(const QUuid &userId, const QUrlQuery &query,
                                                       const QByteArray &lastEventId)
{
    if (!query.isEmpty()) {
        const QString name = query.queryItems().constFirst().first;
        return std::unexpected(
            Error::badRequest(u"Unknown query parameter '%1'; the stream takes none."_s.arg(name)));
    }
    const QByteArray given = lastEventId.trimmed();
    if (given.isEmpty())
        return m_store.streamStart(userId);
    auto cursor = StreamCursor::fromEventId(QString::fromLatin1(given));
    if (!cursor)
        return std::unexpected(Error::badRequest(u"Last-Event-ID is not an id this stream sent."_s));
    return *cursor;
}

} // namespace inkwell::server
