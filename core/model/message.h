#pragma once

#include "error.h"
#include "json/jsonreader.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringView>
#include <QUuid>
#include <optional>

namespace inkwell {

inline constexpr int kMinMessageLength = 1;       ///< not trimmed
inline constexpr int kMaxMessageLength = 100'000; ///< code points, for what a user sends

/// @brief Who wrote a chat message.
enum class MessageRole { User, Assistant, System };
/// @brief "user", "assistant" or "system" (exactly); std::nullopt for anything else.
std::optional<MessageRole> messageRoleFromString(QStringView text);
/// @brief The API spelling of @p role.
QString messageRoleToString(MessageRole role);
/// @brief The allowed role spellings, for error messages.
inline constexpr QStringView kMessageRoleNames = u"user, assistant, system";

/// @brief How a message's generation ended.
enum class MessageStatus { Complete, Cancelled, Failed };
/// @brief "complete", "cancelled" or "failed" (exactly); std::nullopt for anything else.
std::optional<MessageStatus> messageStatusFromString(QStringView text);
/// @brief The API spelling of @p status.
QString messageStatusToString(MessageStatus status);
/// @brief The allowed status spellings, for error messages.
inline constexpr QStringView kMessageStatusNames = u"complete, cancelled, failed";

/// @brief One chat message, as the API shows it (`message`).
struct Message {
    QUuid id;
    QUuid conversationId;
    MessageRole role = MessageRole::User;
    QString content; ///< may be empty (an answer cancelled or failed before any output)
    int tokens = 0;
    QDateTime createdAt;
    MessageStatus status = MessageStatus::Complete;

    friend bool operator==(const Message &, const Message &) = default;
};

/// @brief The `message` object.
QJsonObject toJson(const Message &message);
/// @brief Strictly reads a `message` object.
Parsed<Message> messageFromJson(const QJsonObject &json, UnknownFields unknown = UnknownFields::Reject);

/// @brief Body of POST /conversations/{id}/messages: `{content}`, 1..100,000 code points, not trimmed.
struct MessageInput {
    QString content;

    friend bool operator==(const MessageInput &, const MessageInput &) = default;
};

/// @brief The post-message body.
QJsonObject toJson(const MessageInput &input);
/// @brief Reads and validates a post-message body.
Parsed<MessageInput> messageInputFromJson(const QJsonObject &json);

} // namespace inkwell
