#include "chatroutes.h"

#include "accounts/authedroutes.h"
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

/// One conversation by path id (a malformed id is as absent as a missing conversation: 404).
template <typename Then>
QHttpServerResponse withConversationId(const QString &id, const RequestContext &context, Then then)
{
    const auto uuid = parseUuidPath(id);
    if (!uuid)
        return problemResponse(Problem::notFound(), context);
    return then(*uuid);
}

/// Cancels made on other instances arrive by NOTIFY (wired once per process; the payload is the answer's id).
void listenForCancels(const ServiceContext &context, std::once_flag &wired,
                      const std::shared_ptr<GenerationRegistry> &generations)
{
    const std::shared_ptr<PgNotifier> notifier = context.notifier;
    if (!notifier || !notifier->channels().contains(kAiCancelChannel))
        return;
    std::call_once(wired, [&] {
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

/// Create, list, read, patch and delete conversations.
void conversationRoutes(AuthedRoutes &authed, const std::shared_ptr<ChatService> &service)
{
    authed.route(Method::Post, u"/api/v1/conversations"_s,
                 [service](const Caller &who, const QHttpServerRequest &request, RequestContext &requestContext) {
                     auto input = parseBody(request, conversationInputFromJson);
                     if (!input)
                         return problemResponse(input.error(), requestContext);
                     return answer(service->create(who, *input), requestContext,
                                   [](const Conversation &c) { return conversationResponse(c, 201); });
                 },
                 {u"Start a conversation with the AI assistant"_s, {}, {201, 400, 401, 415, 422}, true, u"chat"_s,
                      u"ConversationInput"_s, {ResponseContent::json(201, u"Conversation"_s)}});

    authed.route(Method::Get, u"/api/v1/conversations"_s,
                 [service](const Caller &who, const QHttpServerRequest &request, RequestContext &requestContext) {
                     auto params = readListParams(formQuery(request));
                     if (!params)
                         return problemResponse(params.error(), requestContext);
                     return answer(
                         service->list(who, {params->page}), requestContext, [](const api::Page<Conversation> &page) {
                             return jsonResponse(api::toJson(page, [](const Conversation &c) { return toJson(c); }));
                         });
                 },
                 {u"Your conversations, most recently updated first"_s, {}, {200, 400, 401}, true, u"chat"_s, {},
                      {ResponseContent::json(200, u"Page_Conversation"_s)}});

    authed.route<QString>(
        Method::Get, u"/api/v1/conversations/<arg>"_s,
        [service](const Caller &who, const QString &id, const QHttpServerRequest &, RequestContext &requestContext) {
            return withConversationId(id, requestContext, [&](const QUuid &uuid) {
                return answer(service->get(who, uuid), requestContext,
                              [](const api::ConversationDetail &c) { return jsonResponse(api::toJson(c)); });
            });
        },
        {u"One of your conversations with its messages, oldest first"_s, {u"id"_s}, {200, 401, 404}, true,
             u"chat"_s, {}, {ResponseContent::json(200, u"ConversationDetail"_s)}});

    authed.route<QString>(
        Method::Patch, u"/api/v1/conversations/<arg>"_s,
        [service](const Caller &who, const QString &id, const QHttpServerRequest &request, RequestContext &context) {
            const auto uuid = parseUuidPath(id);
            if (!uuid)
                return problemResponse(Problem::notFound(), context);
            // A body that is not JSON is 400/415 before the conversation is looked up; its fields are read after
            // (the service answers 404 before 422).
            auto body = jsonBody(request);
            if (!body)
                return problemResponse(body.error(), context);
            return answer(service->patch(who, *uuid, readBody(*body, conversationPatchFromJson)), context,
                          [](const Conversation &c) { return conversationResponse(c); });
        },
        {u"Rename a conversation or change its system prompt"_s, {u"id"_s}, {200, 400, 401, 404, 415, 422}, true,
             u"chat"_s, u"ConversationPatch"_s, {ResponseContent::json(200, u"Conversation"_s)}});

    authed.route<QString>(
        Method::Delete, u"/api/v1/conversations/<arg>"_s,
        [service](const Caller &who, const QString &id, const QHttpServerRequest &, RequestContext &requestContext) {
            return withConversationId(id, requestContext, [&](const QUuid &uuid) {
                return answer(service->remove(who, uuid), requestContext);
            });
        },
        {u"Delete a conversation and its messages"_s, {u"id"_s}, {204, 401, 404}, true, u"chat"_s});
}

/// Starts the answer of an exchange on the listener's thread: a stream, or a deferred 201.
class Generator {
public:
    Generator(std::shared_ptr<ChatService> service, std::shared_ptr<GenerationRegistry> generations, Router &router)
        : m_service(std::move(service))
        , m_generations(std::move(generations))
        , m_router(&router)
    {
    }

    std::optional<QHttpServerResponse> operator()(Exchange exchange, bool stream, const Defer &defer,
                                                  const RequestContext &requestContext) const
    {
        auto reply = defer();
        auto *generation = new ChatGeneration(m_service, m_generations, std::move(exchange), m_router->threadContext());
        if (!stream) {
            generation->start(reply);
            return std::nullopt;
        }
        SseStream *sse = m_router->openStream(reply);
        if (!sse) {
            generation->deleteLater();
            return problemResponse(Problem::internal(), requestContext);
        }
        generation->start(sse);
        return std::nullopt;
    }

private:
    std::shared_ptr<ChatService> m_service;
    std::shared_ptr<GenerationRegistry> m_generations;
    Router *m_router;
};

/// Post a message, cancel an answer, regenerate one.
void messageRoutes(AuthedRoutes &authed, const std::shared_ptr<ChatService> &service,
                   const std::shared_ptr<GenerationRegistry> &generations, const ServiceContext &context)
{
    const Generator generate(service, generations, authed.router());
    const ServiceContext *ctx = &context;

    authed.routeDeferred<QString>(
        Method::Post, u"/api/v1/conversations/<arg>/messages"_s,
        [service, generate, ctx](const Caller &who, const QString &id, const QHttpServerRequest &request,
                                 RequestContext &requestContext,
                                 const Defer &defer) -> std::optional<QHttpServerResponse> {
            const auto uuid = parseUuidPath(id);
            if (!uuid)
                return problemResponse(Problem::notFound(), requestContext);
            const bool stream = wantsEventStream(request);
            if (stream) {
                if (auto refused = refuseWhileDraining(*ctx, requestContext))
                    return refused;
            }
            // The body's problems are answered after the conversation's 404 (the service checks it first).
            auto exchange = service->post(who, *uuid, parseBody(request, messageInputFromJson));
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

    authed.route<QString, QString>(
        Method::Post, u"/api/v1/conversations/<arg>/messages/<arg>/cancel"_s,
        [service, generations](const Caller &who, const QString &id, const QString &messageId,
                               const QHttpServerRequest &, RequestContext &requestContext) {
            const auto uuid = parseUuidPath(id);
            const auto message = parseUuidPath(messageId);
            if (!uuid || !message)
                return problemResponse(Problem::notFound(), requestContext);
            auto cancelled = service->cancel(who, *uuid, *message);
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

    authed.routeDeferred<QString, QString>(
        Method::Post, u"/api/v1/conversations/<arg>/messages/<arg>/regenerate"_s,
        [service, generate, ctx](const Caller &who, const QString &id, const QString &messageId,
                                 const QHttpServerRequest &request, RequestContext &requestContext,
                                 const Defer &defer) -> std::optional<QHttpServerResponse> {
            const auto uuid = parseUuidPath(id);
            const auto message = parseUuidPath(messageId);
            if (!uuid || !message)
                return problemResponse(Problem::notFound(), requestContext);
            const bool stream = wantsEventStream(request);
            if (stream) {
                if (auto refused = refuseWhileDraining(*ctx, requestContext))
                    return refused;
            }
            auto exchange = service->regenerate(who, *uuid, *message);
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
}

} // namespace

RouteRegistrar chatRoutes()
{
    auto wired = std::make_shared<std::once_flag>();
    // The generations of this instance (every listener thread of one HttpService).
    auto generations = std::make_shared<GenerationRegistry>();
    return [wired, generations](Router &router, ListenerResources &resources) {
        const ServiceContext &context = resources.service;
        listenForCancels(context, *wired, generations);
        auto service = std::make_shared<ChatService>(context, resources.db);
        AuthedRoutes authed(router, std::make_shared<AccountService>(context, resources.db));
        conversationRoutes(authed, service);
        messageRoutes(authed, service, generations, context);
    };
}

} // namespace inkwell::server::ai
