#include "chatservice.h"

#include "http/listener.h"

#include "json/jsonreader.h"
#include <QHash>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

Error notFoundConversation()
{
    return Error::notFound(u"There is no such conversation."_s);
}

} // namespace

ChatService::ChatService(const ServiceContext &context, ThreadDatabase &db)
    : m_context(context)
    , m_store(db)
    , m_usage(db)
    , m_quota(context.config, m_usage)
    , m_cursors(context.jwtKey)
    , m_provider(configuredProvider(context))
{
}

Result<Conversation> ChatService::create(const Caller &caller, const ConversationInput &input)
{
    QString model = m_context.config.aiModel;
    if (model.isEmpty() && m_provider)
        model = m_provider->model();
    return m_store.create(caller.user().id, input, model);
}

Result<api::Page<Conversation>> ChatService::list(const Caller &caller, const api::ConversationListRequest &request)
{
    const QString scope = u"conversations|%1"_s.arg(formatId(caller.user().id));
    auto position = decodeCursor(m_cursors, scope, request.page);
    if (!position)
        return std::unexpected(position.error());
    auto page = m_store.list(caller.user().id, request.page.limit, *position);
    if (!page)
        return std::unexpected(page.error());
    api::Page<Conversation> out;
    out.items = std::move(page->items);
    if (page->next)
        out.nextCursor = m_cursors.encode(scope, *page->next);
    return out;
}

Result<Conversation> ChatService::owned(const Caller &caller, const QUuid &id)
{
    auto found = m_store.find(caller.user().id, id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return std::unexpected(notFoundConversation());
    return std::move(**found);
}

Result<api::ConversationDetail> ChatService::get(const Caller &caller, const QUuid &id)
{
    auto conversation = owned(caller, id);
    if (!conversation)
        return std::unexpected(conversation.error());
    auto messages = m_store.messages(id);
    if (!messages)
        return std::unexpected(messages.error());
    api::ConversationDetail detail;
    detail.conversation = std::move(*conversation);
    detail.messages.reserve(messages->size());
    for (const StoredMessage &message : std::as_const(*messages))
        detail.messages.append(message.message);
    return detail;
}

Result<Conversation> ChatService::patch(const Caller &caller, const QUuid &id, const Result<ConversationPatch> &input)
{
    // 404 before 422: a stranger learns nothing about the conversation, not even that the body was bad.
    if (auto conversation = owned(caller, id); !conversation)
        return std::unexpected(conversation.error());
    if (!input)
        return std::unexpected(input.error());
    auto patched = m_store.patch(caller.user().id, id, *input);
    if (!patched)
        return std::unexpected(patched.error());
    if (!*patched)
        return std::unexpected(notFoundConversation());
    return std::move(**patched);
}

Result<void> ChatService::remove(const Caller &caller, const QUuid &id)
{
    auto removed = m_store.remove(caller.user().id, id);
    if (!removed)
        return std::unexpected(removed.error());
    if (!*removed)
        return std::unexpected(notFoundConversation());
    return {};
}

Result<Exchange> ChatService::post(const Caller &caller, const QUuid &conversationId, const Result<MessageInput> &input)
{
    auto conversation = owned(caller, conversationId);
    if (!conversation)
        return std::unexpected(conversation.error());
    if (!input)
        return std::unexpected(input.error());
    if (!m_provider)
        return std::unexpected(noProviderError());
    if (auto admitted = m_quota.admit(caller.user()); !admitted)
        return std::unexpected(admitted.error());
    auto started = m_store.beginExchange(conversationId, input->content, tokenEstimate(input->content));
    if (!started)
        return std::unexpected(started.error());
    Exchange exchange;
    exchange.userId = caller.user().id;
    exchange.conversation = std::move(*conversation);
    exchange.userMessage = started->userMessage;
    exchange.assistant = started->assistant;
    exchange.kind = u"chat"_s;
    exchange.wantsTitle = !exchange.conversation.title && exchange.conversation.messageCount == 0;
    auto request = buildRequest(exchange.conversation, exchange.userMessage.id);
    if (!request)
        return std::unexpected(request.error());
    exchange.request = std::move(*request);
    return exchange;
}

Result<Exchange> ChatService::regenerate(const Caller &caller, const QUuid &conversationId, const QUuid &messageId)
{
    auto conversation = owned(caller, conversationId);
    if (!conversation)
        return std::unexpected(conversation.error());
    auto target = m_store.findMessage(caller.user().id, conversationId, messageId);
    if (!target)
        return std::unexpected(target.error());
    if (!*target || (*target)->message.role != MessageRole::Assistant)
        return std::unexpected(Error::notFound(u"There is no such answer in this conversation."_s));
    if ((*target)->generating)
        return std::unexpected(
            Error::conflict(u"ai-generating"_s, u"This answer is still being generated; cancel it or wait for it."_s));
    if (!m_provider)
        return std::unexpected(noProviderError());
    auto messages = m_store.messages(conversationId);
    if (!messages)
        return std::unexpected(messages.error());
    // The user message answered: the one the answer names, else the last user message before it.
    std::optional<Message> question;
    for (const StoredMessage &message : std::as_const(*messages)) {
        if (message.message.role != MessageRole::User)
            continue;
        if ((*target)->replyTo ? message.message.id == *(*target)->replyTo : message.seq < (*target)->seq)
            question = message.message;
    }
    if (!question)
        return std::unexpected(Error::conflict(u"ai-no-question"_s, u"The message this answer replied to is gone."_s));
    if (auto admitted = m_quota.admit(caller.user()); !admitted)
        return std::unexpected(admitted.error());
    auto answer = m_store.beginAnswer(conversationId, question->id);
    if (!answer)
        return std::unexpected(answer.error());
    Exchange exchange;
    exchange.userId = caller.user().id;
    exchange.conversation = std::move(*conversation);
    exchange.userMessage = *question;
    exchange.assistant = *answer;
    exchange.kind = u"regenerate"_s;
    auto request = buildRequest(exchange.conversation, question->id);
    if (!request)
        return std::unexpected(request.error());
    exchange.request = std::move(*request);
    return exchange;
}

Result<void> ChatService::cancel(const Caller &caller, const QUuid &conversationId, const QUuid &messageId)
{
    auto outcome = m_store.requestCancel(caller.user().id, conversationId, messageId);
    if (!outcome)
        return std::unexpected(outcome.error());
    switch (*outcome) {
    case CancelOutcome::Requested:
        return {};
    case CancelOutcome::Missing:
        return std::unexpected(Error::notFound(u"There is no such answer in this conversation."_s));
    case CancelOutcome::Ended:
        break;
    }
    Error error = Error::conflict(u"ai-not-running"_s,
                                  u"This answer is no longer being generated; `message` is what was stored."_s);
    if (auto stored = m_store.findMessage(caller.user().id, conversationId, messageId); stored && *stored)
        error.current = (*stored)->message;
    return std::unexpected(error);
}

Result<ChatRequest> ChatService::buildRequest(const Conversation &conversation, const QUuid &lastUser)
{
    auto messages = m_store.messages(conversation.id);
    if (!messages)
        return std::unexpected(messages.error());
    // Each user turn with the newest answer that has some text (regenerated answers replace older ones).
    QHash<QUuid, const StoredMessage *> newestAnswer;
    for (const StoredMessage &message : std::as_const(*messages)) {
        if (message.message.role == MessageRole::Assistant && message.replyTo && !message.message.content.isEmpty())
            newestAnswer.insert(*message.replyTo, &message); // seq order: the last one wins
    }
    QList<ChatTurn> turns;
    for (const StoredMessage &message : std::as_const(*messages)) {
        if (message.message.role == MessageRole::User) {
            turns.append({ChatTurn::Role::User, message.message.content});
            if (message.message.id == lastUser)
                break;
            if (const StoredMessage *answer = newestAnswer.value(message.message.id))
                turns.append({ChatTurn::Role::Assistant, answer->message.content});
        } else if (message.message.role == MessageRole::Assistant && !message.replyTo &&
                   !message.message.content.isEmpty()) {
            turns.append({ChatTurn::Role::Assistant, message.message.content});
        }
    }
    ChatRequest request;
    request.systemPrompt = conversation.systemPrompt.value_or(QString());
    request.model = conversation.model;
    // Oldest turns go first; the system prompt and the newest turn always stay.
    qint64 total = tokenEstimate(request.systemPrompt);
    for (const ChatTurn &turn : std::as_const(turns))
        total += tokenEstimate(turn.text);
    while (turns.size() > 1 && total > kContextBudgetTokens) {
        total -= tokenEstimate(turns.constFirst().text);
        turns.removeFirst();
    }
    // A history starts with the user.
    while (turns.size() > 1 && turns.constFirst().role == ChatTurn::Role::Assistant)
        turns.removeFirst();
    request.turns = std::move(turns);
    return request;
}

} // namespace inkwell::server::ai
