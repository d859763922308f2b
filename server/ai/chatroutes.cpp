#include "chatroutes.h"

#include "accounts/accountservice.h"
#include "ai/aistreams.h"
#include "ai/chatservice.h"
#include "ai/chatstream.h"
#include "http/answers.h"
#include "http/formquery.h"
#include "http/jsonbody.h"
#include "http/pathids.h"
#include "json/jsonreader.h"

#include <mutex>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

using Method = QHttpServerRequest::Method;

QHttpServerResponse conversationResponse(const Conversation &conversation, int status = 200)
{
    QHttpServerResponse response = jsonResponse(toJson(conversation), status);
    if (status == 201)
        response.setHeader(QByteArrayLiteral("Location"),
                           "/api/v1/conversations/" + formatId(conversation.id).toLatin1());
    return response;
}

} // namespace

RouteRegistrar chatRoutes()
{
    auto wired = std::make_shared<std::once_flag>();
    // The generations of this instance (every listener thread of one HttpService).
    auto generations = std::make_shared<GenerationRegistry>();
    return [wired, generations](Router &router, ListenerResources &resources) {
        const ServiceContext &context = resources.service;
        // Cancels made on other instances arrive by NOTIFY (once per process; the payload is the answer's id).
        if (std::shared_ptr<PgNotifier> notifier = context.notifier;
            notifier && notifier->channels().contains(kAiCancelChannel)) {
            std::call_once(*wired, [&] {
                const std::weak_ptr<GenerationRegistry> weak = generations;
                // Direct: runs on the notifier's thread; the registry is thread-safe.
                QObject::connect(notifier.get(), &PgNotifier::notified, notifier.get(),
                                 [weak](const QString &channel, const QString &payload) {
                                     if (channel != kAiCancelChannel)
                                         return;
                                     const auto registry = weak.lock();
                                     if (const auto id = parseId(payload); id && registry)
                                         registry->cancel(*id);
                                 });
            });
        }
        auto service = std::make_shared<ChatService>(context, resources.db);
        auto accounts = std::make_shared<AccountService>(context, resources.db);
        Router *r = &router;
        const ServiceContext *ctx = &context;
        const auto caller = [accounts, r](const QHttpServerRequest &request, RequestContext &requestContext) {
            return accounts->caller(r->authenticate(request, requestContext));
        };
        // One conversation by path id: the caller, then the id (malformed → 404).
        const auto withConversation = [caller](const QString &id, const QHttpServerRequest &request,
                                               RequestContext &requestContext,
                                               const auto &then) -> QHttpServerResponse {
            auto who = caller(request, requestContext);
            if (!who)
                return problemResponse(who.error(), requestContext);
            const auto uuid = parseUuidPath(id);
            if (!uuid)
                return problemResponse(Problem::notFound(), requestContext);
            return then(*who, *uuid);
        };
        // Starts the answer of an exchange: a stream, or a deferred 201.
        const auto generate = [service, generations, r, ctx](Exchange exchange, bool stream, const Defer &defer,
                                                const RequestContext &requestContext) -> std::optional<QHttpServerResponse> {
            auto reply = defer();
            auto *generation = new ChatGeneration(service, generations, std::move(exchange), r->threadContext());
            if (stream) {
                SseStream *sse = r->openStream(reply);
                if (!sse) {
                    generation->deleteLater();
                    return problemResponse(Problem::internal(), requestContext);
                }
                generation->start(sse);
            } else {
                generation->start(reply);
            }
            return std::nullopt;
        };

        router.route(Method::Post, u"/api/v1/conversations"_s,
                     [service, caller](const QHttpServerRequest &request, RequestContext &requestContext) {
                         auto who = caller(request, requestContext);
                         if (!who)
                             return problemResponse(who.error(), requestContext);
                         auto body = jsonBody(request);
                         if (!body)
                             return problemResponse(body.error(), requestContext);
                         return answer(service->create(*who, *body), requestContext,
                                       [](const Conversation &c) { return conversationResponse(c, 201); });
                     },
                     {u"Start a conversation with the AI assistant"_s, {}, {201, 400, 401, 415, 422}, true, u"chat"_s,
                      u"ConversationInput"_s, {ResponseContent::json(201, u"Conversation"_s)}});

        router.route(Method::Get, u"/api/v1/conversations"_s,
                     [service, caller](const QHttpServerRequest &request, RequestContext &requestContext) {
                         auto who = caller(request, requestContext);
                         if (!who)
                             return problemResponse(who.error(), requestContext);
                         return answer(service->list(*who, formQuery(request)), requestContext,
                                       [](const QJsonObject &page) { return jsonResponse(page); });
                     },
                     {u"Your conversations, most recently updated first"_s, {}, {200, 400, 401}, true, u"chat"_s, {},
                      {ResponseContent::json(200, u"Page_Conversation"_s)}});

        router.route<QString>(
            Method::Get, u"/api/v1/conversations/<arg>"_s,
            [service, withConversation](const QString &id, const QHttpServerRequest &request,
                                        RequestContext &requestContext) {
                return withConversation(id, request, requestContext, [&](const Caller &who, const QUuid &uuid) {
                    return answer(service->get(who, uuid), requestContext,
                                  [](const QJsonObject &c) { return jsonResponse(c); });
                });
            },
            {u"One of your conversations with its messages, oldest first"_s, {u"id"_s}, {200, 401, 404}, true,
             u"chat"_s, {}, {ResponseContent::json(200, u"ConversationDetail"_s)}});

        router.route<QString>(
            Method::Patch, u"/api/v1/conversations/<arg>"_s,
            [service, withConversation](const QString &id, const QHttpServerRequest &request,
                                        RequestContext &requestContext) {
                return withConversation(id, request, requestContext, [&](const Caller &who, const QUuid &uuid) {
                    auto body = jsonBody(request);
                    if (!body)
                        return problemResponse(body.error(), requestContext);
                    return answer(service->patch(who, uuid, *body), requestContext,
                                  [](const Conversation &c) { return conversationResponse(c); });
                });
            },
            {u"Rename a conversation or change its system prompt"_s, {u"id"_s}, {200, 400, 401, 404, 415, 422}, true,
             u"chat"_s, u"ConversationPatch"_s, {ResponseContent::json(200, u"Conversation"_s)}});

        router.route<QString>(
            Method::Delete, u"/api/v1/conversations/<arg>"_s,
            [service, withConversation](const QString &id, const QHttpServerRequest &request,
                                        RequestContext &requestContext) {
                return withConversation(id, request, requestContext, [&](const Caller &who, const QUuid &uuid) {
                    return answer(service->remove(who, uuid), requestContext);
                });
            },
            {u"Delete a conversation and its messages"_s, {u"id"_s}, {204, 401, 404}, true, u"chat"_s});

        router.routeDeferred<QString>(
            Method::Post, u"/api/v1/conversations/<arg>/messages"_s,
            [service, caller, generate, ctx](const QString &id, const QHttpServerRequest &request,
                                             RequestContext &requestContext,
                                             const Defer &defer) -> std::optional<QHttpServerResponse> {
                auto who = caller(request, requestContext);
                if (!who)
                    return problemResponse(who.error(), requestContext);
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), requestContext);
                const bool stream = wantsEventStream(request);
                if (stream) {
                    if (auto refused = refuseWhileDraining(*ctx, requestContext))
                        return refused;
                }
                auto exchange = service->post(*who, *uuid, jsonBody(request));
                if (!exchange)
                    return problemResponse(exchange.error(), requestContext);
                return generate(std::move(*exchange), stream, defer, requestContext);
            },
            {u"Send a message; the answer is streamed (Accept: text/event-stream: message.created, message.delta..., "
             u"message.done or error) or returned whole (201 {user_message, assistant_message})"_s,
             {u"id"_s},
             {200, 201, 400, 401, 404, 415, 422, 429, 502, 503, 504},
             true,
             u"chat"_s,
             u"MessageInput"_s,
             {ResponseContent::json(201, u"ChatExchange"_s), ResponseContent::eventStream(
                  u"With Accept: text/event-stream. message.created {user_message, assistant_message_id}; "
                  u"message.delta {text} for each upstream chunk as it arrives; message.done {message} (the stored "
                  u"answer with its token count, status cancelled after a cancel); or error {status, type, title, "
                  u"detail}, after which the stream ends. Comment lines (: keep-alive) while the upstream is "
                  u"silent."_s)}});

        router.route<QString, QString>(
            Method::Post, u"/api/v1/conversations/<arg>/messages/<arg>/cancel"_s,
            [service, caller, generations](const QString &id, const QString &messageId,
                                           const QHttpServerRequest &request, RequestContext &requestContext) {
                auto who = caller(request, requestContext);
                if (!who)
                    return problemResponse(who.error(), requestContext);
                const auto uuid = parseUuidPath(id);
                const auto message = parseUuidPath(messageId);
                if (!uuid || !message)
                    return problemResponse(Problem::notFound(), requestContext);
                auto cancelled = service->cancel(*who, *uuid, *message);
                if (cancelled)
                    generations->cancel(*message); // at once when it runs on this instance
                return answer(cancelled, requestContext);
            },
            {u"Stop an answer being generated (on any instance); what was produced is kept as cancelled. "
             u"409 when it already ended"_s,
             {u"id"_s, u"message_id"_s},
             {204, 401, 404, 409},
             true,
             u"chat"_s});

        router.routeDeferred<QString, QString>(
            Method::Post, u"/api/v1/conversations/<arg>/messages/<arg>/regenerate"_s,
            [service, caller, generate, ctx](const QString &id, const QString &messageId,
                                             const QHttpServerRequest &request, RequestContext &requestContext,
                                             const Defer &defer) -> std::optional<QHttpServerResponse> {
                auto who = caller(request, requestContext);
                if (!who)
                    return problemResponse(who.error(), requestContext);
                const auto uuid = parseUuidPath(id);
                const auto message = parseUuidPath(messageId);
                if (!uuid || !message)
                    return problemResponse(Problem::notFound(), requestContext);
                const bool stream = wantsEventStream(request);
                if (stream) {
                    if (auto refused = refuseWhileDraining(*ctx, requestContext))
                        return refused;
                }
                auto exchange = service->regenerate(*who, *uuid, *message);
                if (!exchange)
                    return problemResponse(exchange.error(), requestContext);
                return generate(std::move(*exchange), stream, defer, requestContext);
            },
            {u"Answer the user message before this answer again (the old answer is kept); streamed or JSON like "
             u"posting a message"_s,
             {u"id"_s, u"message_id"_s},
             {200, 201, 401, 404, 409, 429, 502, 503, 504},
             true,
             u"chat"_s,
             {},
             {ResponseContent::json(201, u"ChatExchange"_s), ResponseContent::eventStream(
                  u"With Accept: text/event-stream. message.created {user_message, assistant_message_id}; "
                  u"message.delta {text} for each upstream chunk as it arrives; message.done {message} (the stored "
                  u"answer with its token count, status cancelled after a cancel); or error {status, type, title, "
                  u"detail}, after which the stream ends. Comment lines (: keep-alive) while the upstream is "
                  u"silent."_s)}});
    };
}

} // namespace inkwell::server::ai
