#pragma once

#include "db/sqlstore.h"
#include "model/conversation.h"
#include "model/message.h"

#include <QJsonArray>
#include <QUuid>
#include <optional>

namespace inkwell::server::ai {

/// @brief A page of a user's conversations, most recently updated first.
using ConversationPage = KeysetPage<Conversation>;

/// @brief A stored message with what the chat service needs besides its API fields.
struct StoredMessage {
    Message message;
    qint64 seq = 0;
    std::optional<QUuid> replyTo; ///< for an answer: the user message it answers
    bool generating = false;      ///< its generation still holds a lease
};

/// @brief The exchange a post starts: the stored user message and the assistant row being generated.
struct ExchangeStart {
    Message userMessage;
    Message assistant; ///< id and created_at; content empty
};

/// @brief What POST .../cancel found.
enum class CancelOutcome { Missing, Requested, Ended };

/// @brief The conversations and messages tables on one thread's connection. Knows SQL, not
/// permissions: every read and write of a conversation is scoped to the user it is given.
///
/// In-progress answers (see 0005_ai.sql): the assistant row exists from the start of a generation,
/// stored as `failed` with a lease; conversation(), messages() and history() hide rows whose lease
/// still runs, and show rows whose lease ran out (a server died) as stored: `failed`, with the
/// content of the last flush.
class ConversationStore : public SqlStore {
public:
    explicit ConversationStore(ThreadDatabase &db);

    Result<Conversation> create(const QUuid &userId, const ConversationInput &input, const QString &model);
    Result<ConversationPage> list(const QUuid &userId, int limit, const std::optional<QJsonArray> &after);
    Result<std::optional<Conversation>> find(const QUuid &userId, const QUuid &id);
    /// @brief The finished messages of a conversation, oldest first.
    Result<QList<StoredMessage>> messages(const QUuid &conversationId);
    Result<std::optional<Conversation>> patch(const QUuid &userId, const QUuid &id, const ConversationPatch &patch);
    Result<bool> remove(const QUuid &userId, const QUuid &id);

    /// @brief One of the user's messages in the conversation (in progress or not); std::nullopt when absent.
    Result<std::optional<StoredMessage>> findMessage(const QUuid &userId, const QUuid &conversationId,
                                                     const QUuid &messageId);

    /// @brief Stores the user message and the assistant row (leased) in one transaction.
    Result<ExchangeStart> beginExchange(const QUuid &conversationId, const QString &content, int tokens);
    /// @brief Inserts another leased answer to `replyTo` (regenerate).
    Result<Message> beginAnswer(const QUuid &conversationId, const QUuid &replyTo);
    /// @brief Writes the partial content and renews the lease; returns whether a cancel was requested
    /// (std::nullopt when the row is gone: the conversation was deleted).
    Result<std::optional<bool>> flush(const QUuid &messageId, const QString &content);
    /// @brief The final write: content, status, tokens, lease cleared; the conversation's counters
    /// (message_count + 1, total_tokens + `exchangeTokens`, updated_at). std::nullopt when the row is gone.
    Result<std::optional<Message>> finishAnswer(const QUuid &messageId, const QString &content, MessageStatus status,
                                                int tokens, qint64 exchangeTokens);
    /// @brief Asks a running generation to stop (flag, and NOTIFY on kAiCancelChannel).
    Result<CancelOutcome> requestCancel(const QUuid &userId, const QUuid &conversationId, const QUuid &messageId);
    /// @brief Sets the title unless one was set meanwhile.
    Result<void> setTitleIfUnset(const QUuid &conversationId, const QString &title, qint64 extraTokens);

    /// @brief At start: leases that ran out (a server died mid-generation) are cleared, so the rows stay
    /// `failed` with what was flushed (old per-minute counters are the housekeeper's). Returns how
    /// many answers were recovered. Safe while other instances serve: a live lease is renewed every 2 s.
    static std::expected<int, QString> recoverAtStart(ThreadDatabase &db);
};

/// @brief The NOTIFY channel of cancel requests; the payload is the assistant message id.
inline const QString kAiCancelChannel = QStringLiteral("inkwell_ai_cancel");

/// @brief How long a generation's lease lasts; it is renewed at every flush (every 2 s).
inline constexpr int kGenerationLeaseS = 30;

} // namespace inkwell::server::ai
