#pragma once

#include "accounts/accountservice.h"
#include "ai/aiquota.h"
#include "ai/aiusagestore.h"
#include "ai/conversationstore.h"
#include "ai/provider.h"
#include "api/apitypes.h"
#include "domain/listquery.h"

#include <memory>

namespace inkwell::server {
struct ServiceContext;
}

namespace inkwell::server::ai {

/// @brief The history sent upstream is trimmed to about this many tokens (oldest turns dropped first; the
/// system prompt and the newest user turn are always kept).
inline constexpr int kContextBudgetTokens = 24'000;

/// @brief An answer about to be generated: what was stored, and what to ask the provider.
struct Exchange {
    QUuid userId;
    Conversation conversation;
    Message userMessage;
    Message assistant; ///< the leased row (content empty)
    ChatRequest request;
    QString kind;            ///< "chat" or "regenerate"
    bool wantsTitle = false; ///< the first exchange of an untitled conversation
};

/// @brief The rules of api.md's Chat section. Every call is on behalf of one signed-in caller and sees
/// only the caller's conversations: another user's is as absent as a missing one (404).
class ChatService {
public:
    ChatService(const ServiceContext &context, ThreadDatabase &db);

    Result<Conversation> create(const Caller &caller, const ConversationInput &input);
    /// @brief A page of the caller's conversations, most recently updated first; a cursor not issued for this
    /// caller's list is a bad request.
    Result<api::Page<Conversation>> list(const Caller &caller, const api::ConversationListRequest &request);
    /// @brief The conversation with its `messages`, oldest first (answers still being generated are not shown).
    Result<api::ConversationDetail> get(const Caller &caller, const QUuid &id);
    /// @brief 404 (not the caller's) before the body's problem: a stranger learns nothing of the conversation,
    /// not even that the body was bad. `input` is the body as the route read it.
    Result<Conversation> patch(const Caller &caller, const QUuid &id, const Result<ConversationPatch> &input);
    Result<void> remove(const Caller &caller, const QUuid &id);

    /// @brief POST .../messages: 404 (not the caller's), the body's 400/415/422 (`input` as the route read it),
    /// 503 (no provider), 429 (quota); then the user message and the leased answer are stored and the upstream
    /// request is built.
    Result<Exchange> post(const Caller &caller, const QUuid &conversationId, const Result<MessageInput> &input);
    /// @brief POST .../messages/{id}/regenerate: another answer to the user message that `messageId` answers.
    /// 409 while that answer is still being generated.
    Result<Exchange> regenerate(const Caller &caller, const QUuid &conversationId, const QUuid &messageId);
    /// @brief POST .../cancel: asks the running generation to stop (on whichever instance runs it). 409 with
    /// the stored message in `message` when it already ended.
    Result<void> cancel(const Caller &caller, const QUuid &conversationId, const QUuid &messageId);

    ConversationStore &store() { return m_store; }
    AiUsageStore &usage() { return m_usage; }
    const std::shared_ptr<const Provider> &provider() const { return m_provider; }

private:
    Result<Conversation> owned(const Caller &caller, const QUuid &id);
    /// The turns answering up to (and including) `lastUser`: each user turn with its newest answer.
    Result<ChatRequest> buildRequest(const Conversation &conversation, const QUuid &lastUser);

    const ServiceContext &m_context;
    ConversationStore m_store;
    AiUsageStore m_usage;
    AiQuota m_quota;
    CursorCodec m_cursors;
    std::shared_ptr<const Provider> m_provider;
};

} // namespace inkwell::server::ai
