#include "model/message.h"

#include "json/jsonreader.h"
#include <limits>

using namespace Qt::StringLiterals;

namespace inkwell {

std::optional<MessageRole> messageRoleFromString(QStringView text)
{
    if (text == u"user")
        return MessageRole::User;
    if (text == u"assistant")
        return MessageRole::Assistant;
    if (text == u"system")
        return MessageRole::System;
    return std::nullopt;
}

QString messageRoleToString(MessageRole role)
{
    switch (role) {
    case MessageRole::User:
        return u"user"_s;
    case MessageRole::Assistant:
        return u"assistant"_s;
    case MessageRole::System:
        return u"system"_s;
    }
    return {}; // not a MessageRole
}

std::optional<MessageStatus> messageStatusFromString(QStringView text)
{
    if (text == u"complete")
        return MessageStatus::Complete;
    if (text == u"cancelled")
        return MessageStatus::Cancelled;
    if (text == u"failed")
        return MessageStatus::Failed;
    return std::nullopt;
}

QString messageStatusToString(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Complete:
        return u"complete"_s;
    case MessageStatus::Cancelled:
        return u"cancelled"_s;
    case MessageStatus::Failed:
        return u"failed"_s;
    }
    return {}; // not a MessageStatus
}

QJsonObject toJson(const Message &message)
{
    return {
        {u"id"_s, formatId(message.id)},
        {u"conversation_id"_s, formatId(message.conversationId)},
        {u"role"_s, messageRoleToString(message.role)},
        {u"content"_s, message.content},
        {u"tokens"_s, message.tokens},
        {u"created_at"_s, formatTimestamp(message.createdAt)},
        {u"status"_s, messageStatusToString(message.status)},
    };
}

Parsed<Message> messageFromJson(const QJsonObject &json, UnknownFields unknown)
{
    JsonReader in(json, unknown);
    Message message;
    message.id = in.requiredUuid(u"id");
    message.conversationId = in.requiredUuid(u"conversation_id");
    message.role = in.requiredEnum(u"role", messageRoleFromString, kMessageRoleNames);
    // No upper bound: an assistant's answer is as long as the model made it.
    message.content = in.requiredString(u"content", {});
    message.tokens = static_cast<int>(in.requiredInt(u"tokens", 0, std::numeric_limits<int>::max()));
    message.createdAt = in.requiredDateTime(u"created_at");
    message.status = in.requiredEnum(u"status", messageStatusFromString, kMessageStatusNames);
    return in.finish(std::move(message));
}

QJsonObject toJson(const MessageInput &input)
{
    return {{u"content"_s, input.content}};
}

Parsed<MessageInput> messageInputFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    MessageInput input;
    input.content = in.requiredString(u"content", {.minLength = kMinMessageLength, .maxLength = kMaxMessageLength});
    return in.finish(std::move(input));
}

} // namespace inkwell
