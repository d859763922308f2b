#pragma once

#include "error.h"

#include "json/jsonreader.h"
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <optional>

namespace inkwell {

inline constexpr int kMaxConversationTitleLength = 200; ///< after trimming; an empty title is sent as null
inline constexpr int kMaxModelNameLength = 100;
inline constexpr int kMaxSystemPromptLength = 10'000;

/// @brief A chat conversation, as the API shows it (`conversation`, without its messages).
struct Conversation {
    QUuid id;
    std::optional<QString> title; ///< null until given or generated from the first message
    QString model;                ///< empty when the server has no provider configured
    std::optional<QString> systemPrompt;
    int messageCount = 0;
    qint64 totalTokens = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const Conversation &, const Conversation &) = default;
};

/// @brief The `conversation` object.
QJsonObject toJson(const Conversation &conversation);
/// @brief Strictly reads a `conversation` object. GET /conversations/{id} adds a "messages" array: read (and
/// remove) that member before handing the object here.
Parsed<Conversation> conversationFromJson(const QJsonObject &json, UnknownFields unknown = UnknownFields::Reject);

/// @brief Body of POST /conversations: `{title?, model?, system_prompt?}`. Title and system prompt may be null
/// (the same as leaving them out); model may not.
struct ConversationInput {
    std::optional<QString> title;        ///< trimmed, 1..200
    std::optional<QString> model;        ///< 1..100
    std::optional<QString> systemPrompt; ///< at most 10,000

    friend bool operator==(const ConversationInput &, const ConversationInput &) = default;
};

/// @brief The create body, with only the members that are set.
QJsonObject toJson(const ConversationInput &input);
/// @brief Reads and validates a create body.
Parsed<ConversationInput> conversationInputFromJson(const QJsonObject &json);

/// @brief Body of PATCH /conversations/{id}: `{title?, system_prompt?}`; null clears either.
struct ConversationPatch {
    PatchField<QString> title;
    PatchField<QString> systemPrompt;

    friend bool operator==(const ConversationPatch &, const ConversationPatch &) = default;
};

/// @brief The patch body, with only the members that are set (null for a cleared one).
QJsonObject toJson(const ConversationPatch &patch);
/// @brief Reads and validates a patch body.
Parsed<ConversationPatch> conversationPatchFromJson(const QJsonObject &json);

} // namespace inkwell
