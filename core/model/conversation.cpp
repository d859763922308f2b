#include "model/conversation.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace inkwell {

namespace {

constexpr StringRule kTitleInput{.minLength = 1, .maxLength = kMaxConversationTitleLength, .trim = Trim::Yes};
// Stored values were trimmed when written; reading them back must not change them.
constexpr StringRule kTitle{.minLength = 1, .maxLength = kMaxConversationTitleLength};
constexpr StringRule kModelInput{.minLength = 1, .maxLength = kMaxModelNameLength};
constexpr StringRule kModel{.maxLength = kMaxModelNameLength};
constexpr StringRule kSystemPrompt{.maxLength = kMaxSystemPromptLength};

} // namespace

QJsonObject toJson(const Conversation &conversation)
{
    return {
        {u"id"_s, formatId(conversation.id)},
        {u"title"_s, toJsonValue(conversation.title)},
        {u"model"_s, conversation.model},
        {u"system_prompt"_s, toJsonValue(conversation.systemPrompt)},
        {u"message_count"_s, conversation.messageCount},
        {u"total_tokens"_s, conversation.totalTokens},
        {u"created_at"_s, formatTimestamp(conversation.createdAt)},
        {u"updated_at"_s, formatTimestamp(conversation.updatedAt)},
    };
}

Parsed<Conversation> conversationFromJson(const QJsonObject &json, UnknownFields unknown)
{
    JsonReader in(json, unknown);
    Conversation conversation;
    conversation.id = in.requiredUuid(u"id");
    conversation.title = in.nullableString(u"title", kTitle);
    conversation.model = in.requiredString(u"model", kModel);
    conversation.systemPrompt = in.nullableString(u"system_prompt", kSystemPrompt);
    conversation.messageCount = static_cast<int>(in.requiredInt(u"message_count", 0, std::numeric_limits<int>::max()));
    conversation.totalTokens = in.requiredInt(u"total_tokens", 0, kMaxJsonInteger);
    conversation.createdAt = in.requiredDateTime(u"created_at");
    conversation.updatedAt = in.requiredDateTime(u"updated_at");
    return in.finish(std::move(conversation));
}

QJsonObject toJson(const ConversationInput &input)
{
    QJsonObject json;
    if (input.title)
        json.insert(u"title"_s, *input.title);
    if (input.model)
        json.insert(u"model"_s, *input.model);
    if (input.systemPrompt)
        json.insert(u"system_prompt"_s, *input.systemPrompt);
    return json;
}

Parsed<ConversationInput> conversationInputFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    ConversationInput input;
    input.title = in.optionalString(u"title", kTitleInput, Nullable::Yes);
    input.model = in.optionalString(u"model", kModelInput);
    input.systemPrompt = in.optionalString(u"system_prompt", kSystemPrompt, Nullable::Yes);
    return in.finish(std::move(input));
}

QJsonObject toJson(const ConversationPatch &patch)
{
    QJsonObject json;
    if (patch.title)
        json.insert(u"title"_s, toJsonValue(*patch.title));
    if (patch.systemPrompt)
        json.insert(u"system_prompt"_s, toJsonValue(*patch.systemPrompt));
    return json;
}

Parsed<ConversationPatch> conversationPatchFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    ConversationPatch patch;
    patch.title = in.patchString(u"title", kTitleInput);
    patch.systemPrompt = in.patchString(u"system_prompt", kSystemPrompt);
    return in.finish(std::move(patch));
}

} // namespace inkwell
