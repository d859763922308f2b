#include "notificationroutes.h"

#include "accounts/authedroutes.h"
#include "http/answers.h"
#include "http/formquery.h"
#include "http/jsonbody.h"
#include "http/pathids.h"
#include "http/ssestream.h"
#include "notifications/notificationservice.h"
#include "notifications/notificationstreams.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

using Method = QHttpServerRequest::Method;

/// `?unread=&limit=&cursor=` of GET /notifications: `unread` is `true` (only unread ones) or `false` (all, the
/// default).
Result<api::NotificationListRequest> notificationListRequest(const QHttpServerRequest &request)
{
    auto params = readListParams(formQuery(request), {u"unread"_s});
    if (!params)
        return std::unexpected(params.error());
    api::NotificationListRequest out{params->page, false};
    if (params->filters.contains(u"unread"_s)) {
        const QString value = params->filters.value(u"unread"_s);
        if (value != u"true"_s && value != u"false"_s)
            return std::unexpected(Error::badRequest(u"unread must be true or false."_s));
        out.unreadOnly = value == u"true"_s;
    }
    return out;
}

QByteArray lastEventId(const QHttpServerRequest &request)
{
    return request.value(QByteArrayLiteral("last-event-id"));
}

/// The stream takes no query parameters: naming the first one helps whoever sent it.
Result<void> noStreamParameters(const QHttpServerRequest &request)
{
    const QUrlQuery query = formQuery(request);
    if (query.isEmpty())
        return {};
    const QString name = query.queryItems().constFirst().first;
    return std::unexpected(Error::badRequest(u"Unknown query parameter '%1'; the stream takes none."_s.arg(name)));
}

} // namespace

RouteRegistrar notificationRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        auto service = std::make_shared<NotificationService>(resources.service, resources.db);
        // Who is calling is decided by the accounts rules: a live session of an active user.
        auto accounts = std::make_shared<AccountService>(resources.service, resources.db);
        // Lives in this listener's thread (registrars run there) and dies with its routes.
        auto streams = std::make_shared<NotificationStreams>(resources.db, resources.service.notifier,
                                                             resources.service.streamRecheckMs);
        AuthedRoutes authed(router, accounts);

        authed.route(Method::Get, u"/api/v1/notifications"_s,
                     [service](const Caller &who, const QHttpServerRequest &request, RequestContext &context) {
                         auto list = notificationListRequest(request);
                         if (!list)
                             return problemResponse(list.error(), context);
                         auto page = service->list(who.user().id, *list);
                         return page ? jsonResponse(toJson(*page, [](const Notification &n) { return toJson(n); }))
                                     : problemResponse(page.error(), context);
                     },
                     {u"Your notifications, newest first; ?unread=true for unread ones only"_s,
                      {},
                      {200, 400, 401},
                      true,
                      u"notifications"_s,
                      {},
                      {ResponseContent::json(200, u"Page_Notification"_s)}});

        authed.route(Method::Get, u"/api/v1/notifications/unread-count"_s,
                     [service](const Caller &who, const QHttpServerRequest &request, RequestContext &context) {
                         if (!formQuery(request).isEmpty())
                             return problemResponse(Problem::badRequest(u"This address takes no query parameters."_s),
                                                    context);
                         auto count = service->unreadCount(who.user().id);
                         return count ? jsonResponse({{u"count"_s, *count}}) : problemResponse(count.error(), context);
                     },
                     {u"How many of your notifications are unread"_s, {}, {200, 400, 401}, true, u"notifications"_s, {},
                      {ResponseContent::json(200, u"UnreadCount"_s)}});

        authed.route<QString>(
            Method::Post, u"/api/v1/notifications/<arg>/read"_s,
            [service](const Caller &who, const QString &id, const QHttpServerRequest &, RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                auto marked = service->markRead(who.user().id, *uuid);
                return marked ? jsonResponse(toJson(*marked)) : problemResponse(marked.error(), context);
            },
            {u"Mark one of your notifications read (keeps the first read time)"_s,
             {u"id"_s},
             {200, 401, 404},
             true,
             u"notifications"_s,
             {},
             {ResponseContent::json(200, u"Notification"_s)}});

        authed.route(
            Method::Post, u"/api/v1/notifications/read-all"_s,
            [service](const Caller &who, const QHttpServerRequest &, RequestContext &context) {
                auto updated = service->markAllRead(who.user().id);
                return updated ? jsonResponse({{u"updated"_s, *updated}}) : problemResponse(updated.error(), context);
            },
            {u"Mark all your notifications read; answers how many were unread"_s,
             {},
             {200, 401},
             true,
             u"notifications"_s,
             {},
             {ResponseContent::json(200, u"ReadAllResult"_s)}});

        authed.routeStream(Method::Get, u"/api/v1/notifications/stream"_s,
                           [service, streams](const Caller &who, const QHttpServerRequest &request,
                                              RequestContext &context,
                                              const StartStream &start) -> std::optional<QHttpServerResponse> {
                               const QUuid userId = who.user().id;
                               if (auto none = noStreamParameters(request); !none)
                                   return problemResponse(none.error(), context);
                               auto cursor = service->streamCursor(userId, lastEventId(request));
                               if (!cursor)
                                   return problemResponse(cursor.error(), context);
                               SseStream *stream = start();
                               streams->add(stream, userId, who.sessionId, std::move(*cursor));
                               return std::nullopt;
                           },
                           {u"Your new notifications as they happen (Server-Sent Events: notification.created); "
                            u"send Last-Event-ID to get what you missed"_s,
                            {},
                            {200, 400, 401, 503},
                            true,
                            u"notifications"_s,
                            {},
                            {ResponseContent::eventStream(
                                u"notification.created {notification} for each new notification as it happens, with "
                                u"an id to send back as Last-Event-ID; error {status, title, detail} when the session "
                                u"ends, after which the stream ends. Comment lines (: keep-alive) while nothing "
                                u"happens."_s)}});
    };
}

} // namespace inkwell::server
