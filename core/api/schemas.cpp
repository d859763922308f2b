#include "api/schemas.h"

#include "model/article.h"
#include "model/conversation.h"
#include "model/message.h"
#include "model/role.h"
#include "model/tag.h"
#include "model/user.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace inkwell::api {

namespace {

// ---- Building blocks -------------------------------------------------------------------------------------------

QJsonObject string(int minLength = 0, int maxLength = 0, const QString &description = {})
{
    QJsonObject schema{{u"type"_s, u"string"_s}};
    if (minLength > 0)
        schema.insert(u"minLength"_s, minLength);
    if (maxLength > 0)
        schema.insert(u"maxLength"_s, maxLength);
    if (!description.isEmpty())
        schema.insert(u"description"_s, description);
    return schema;
}

/// A string member that the server trims before its length rules: only the lower bound holds before trimming
/// (padding counts in a schema, not on the server), so the upper one is said in words.
QJsonObject trimmedString(int minLength, int maxLength)
{
    return string(minLength, 0,
                  u"Surrounding white space is removed; then %1..%2 characters."_s.arg(minLength).arg(maxLength));
}

QJsonObject formatted(const QString &format)
{
    return {{u"type"_s, u"string"_s}, {u"format"_s, format}};
}

QJsonObject uuid()
{
    return formatted(u"uuid"_s);
}

QJsonObject timestamp()
{
    return formatted(u"date-time"_s);
}

QJsonObject integer(qint64 minimum, std::optional<qint64> maximum = std::nullopt)
{
    QJsonObject schema{{u"type"_s, u"integer"_s}, {u"minimum"_s, minimum}};
    if (maximum)
        schema.insert(u"maximum"_s, *maximum);
    return schema;
}

QJsonObject boolean()
{
    return {{u"type"_s, u"boolean"_s}};
}

QJsonObject number()
{
    return {{u"type"_s, u"number"_s}};
}

QJsonObject stringEnum(const QStringList &values)
{
    return {{u"type"_s, u"string"_s}, {u"enum"_s, QJsonArray::fromStringList(values)}};
}

QJsonObject arrayOf(const QJsonObject &items, int maxItems = 0)
{
    QJsonObject schema{{u"type"_s, u"array"_s}, {u"items"_s, items}};
    if (maxItems > 0)
        schema.insert(u"maxItems"_s, maxItems);
    return schema;
}

QJsonObject ref(const QString &name)
{
    return {{u"$ref"_s, schemaRef(name)}};
}

/// The same schema, also allowing null.
QJsonObject nullable(QJsonObject schema)
{
    if (schema.contains(u"$ref"_s))
        return {{u"anyOf"_s, QJsonArray{schema, QJsonObject{{u"type"_s, u"null"_s}}}}};
    schema.insert(u"type"_s, QJsonArray{schema.value(u"type"_s), u"null"_s});
    if (schema.contains(u"enum"_s)) {
        QJsonArray values = schema.value(u"enum"_s).toArray();
        values.append(QJsonValue::Null);
        schema.insert(u"enum"_s, values);
    }
    return schema;
}

/// A closed object, built member by member.
class ObjectSchema {
public:
    explicit ObjectSchema(const QString &description = {})
        : m_description(description)
    {
    }

    /// A member that is always there (it may still allow null).
    ObjectSchema &required(const QString &name, const QJsonObject &schema)
    {
        m_properties.insert(name, schema);
        m_required.append(name);
        return *this;
    }
    /// A member that may be left out.
    ObjectSchema &optional(const QString &name, const QJsonObject &schema)
    {
        m_properties.insert(name, schema);
        return *this;
    }
    /// Every member of @p other, as it has them.
    ObjectSchema &extend(const QJsonObject &other)
    {
        const QJsonObject properties = other.value(u"properties"_s).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            m_properties.insert(it.key(), it.value());
        for (const QJsonValue &name : other.value(u"required"_s).toArray())
            m_required.append(name.toString());
        return *this;
    }
    /// Drops a member (an article without its body).
    ObjectSchema &without(const QString &name)
    {
        m_properties.remove(name);
        m_required.removeAll(name);
        return *this;
    }

    QJsonObject build() const
    {
        QJsonObject schema{
            {u"type"_s, u"object"_s}, {u"properties"_s, m_properties}, {u"additionalProperties"_s, false}};
        if (!m_required.isEmpty())
            schema.insert(u"required"_s, QJsonArray::fromStringList(m_required));
        if (!m_description.isEmpty())
            schema.insert(u"description"_s, m_description);
        return schema;
    }

private:
    QString m_description;
    QJsonObject m_properties;
    QStringList m_required;
};

/// `{items: [...], next_cursor}`: a page of a keyset-paginated list.
QJsonObject page(const QString &itemName)
{
    return ObjectSchema(u"A page of a list; next_cursor is null on the last page."_s)
        .required(u"items"_s, arrayOf(ref(itemName)))
        .required(u"next_cursor"_s, nullable(string(1)))
        .build();
}

QStringList roles()
{
    return enumSpellings(roleToString);
}

QStringList articleStatuses()
{
    return enumSpellings(articleStatusToString);
}

/// `{viewer: n, creator: n, admin: n}` and the like: one count per enum spelling, all of them there.
QJsonObject countsByName(const QStringList &names)
{
    ObjectSchema counts;
    for (const QString &name : names)
        counts.required(name, integer(0));
    return counts.build();
}

// ---- Users and sessions ----------------------------------------------------------------------------------------

QJsonObject userPublic()
{
    return ObjectSchema(u"A user as everyone sees it (no email)."_s)
        .required(u"id"_s, uuid())
        .required(u"full_name"_s, string(kMinFullNameLength, kMaxFullNameLength))
        .required(u"role"_s, stringEnum(roles()))
        .required(u"bio"_s, nullable(string(0, kMaxBioLength)))
        .required(u"avatar_url"_s, nullable(string(0, kMaxAvatarUrlLength, u"An http or https URL."_s)))
        .required(u"is_active"_s, boolean())
        .required(u"created_at"_s, timestamp())
        .required(u"updated_at"_s, timestamp())
        .build();
}

QJsonObject email()
{
    QJsonObject schema = formatted(u"email"_s);
    schema.insert(u"maxLength"_s, kMaxEmailLength);
    return schema;
}

QJsonObject userSelf()
{
    return ObjectSchema(u"A user as the user itself and administrators see it (with email)."_s)
        .extend(userPublic())
        .required(u"email"_s, email())
        .build();
}

QJsonObject registerInput()
{
    return ObjectSchema(u"A new account. The first account of an empty server becomes an administrator."_s)
        .required(u"email"_s, email())
        .required(u"password"_s, string(kMinPasswordLength, kMaxPasswordLength,
                                        u"Kept exactly as sent (never trimmed or truncated); the most common "
                                        u"breached passwords are refused."_s))
        .required(u"full_name"_s, trimmedString(kMinFullNameLength, kMaxFullNameLength))
        .build();
}

QJsonObject loginInput()
{
    return ObjectSchema()
        .required(u"email"_s, string(1, kMaxEmailLength))
        .required(u"password"_s, string(1, kMaxPasswordLength))
        .build();
}

QJsonObject refreshInput()
{
    return ObjectSchema(u"A refresh token, as a grant gave it."_s).required(u"refresh_token"_s, string(1)).build();
}

QJsonObject passwordChangeInput()
{
    return ObjectSchema()
        .required(u"current_password"_s, string(1, kMaxPasswordLength))
        .required(u"new_password"_s, string(kMinPasswordLength, kMaxPasswordLength))
        .build();
}

QJsonObject profilePatch()
{
    return ObjectSchema(u"Members left out are kept; bio and avatar_url may be null to clear them."_s)
        .optional(u"full_name"_s, trimmedString(kMinFullNameLength, kMaxFullNameLength))
        .optional(u"bio"_s, nullable(string(0, kMaxBioLength)))
        .optional(u"avatar_url"_s, nullable(string(0, kMaxAvatarUrlLength, u"An http or https URL."_s)))
        .build();
}

QJsonObject adminUserPatch()
{
    return ObjectSchema(u"Deactivating revokes the user's sessions; the last active administrator can be neither "
                        u"demoted nor deactivated (409)."_s)
        .optional(u"role"_s, stringEnum(roles()))
        .optional(u"is_active"_s, boolean())
        .build();
}

QJsonObject authGrant()
{
    return ObjectSchema(u"The user and a fresh token pair."_s)
        .required(u"user"_s, ref(u"UserSelf"_s))
        .required(u"access_token"_s, string(1, 0, u"A short-lived JWT for Authorization: Bearer."_s))
        .required(u"refresh_token"_s, string(1, 0, u"Opaque; spent by /auth/refresh."_s))
        .required(u"token_type"_s, stringEnum({u"bearer"_s}))
        .required(u"expires_in"_s, integer(1))
        .build();
}

QJsonObject adminUser()
{
    return ObjectSchema(u"A user in the administrators' list."_s)
        .extend(userSelf())
        .required(u"article_count"_s, integer(0))
        .required(u"last_login_at"_s, nullable(timestamp()))
        .build();
}

QJsonObject auditEntry()
{
    return ObjectSchema(u"Who did what to whom."_s)
        .required(u"id"_s, integer(1))
        .required(u"action"_s, string(1, 0, u"login, login_failed, user.role_changed, ..."_s))
        .required(u"actor_id"_s, nullable(uuid()))
        .required(u"target_id"_s, nullable(uuid()))
        .required(u"ip"_s, nullable(string()))
        .required(u"detail"_s, QJsonObject{{u"type"_s, u"object"_s},
                                           {u"description"_s, u"What the action changed; its members depend on it."_s}})
        .required(u"created_at"_s, timestamp())
        .build();
}

QJsonObject dayCount()
{
    return ObjectSchema().required(u"date"_s, formatted(u"date"_s)).required(u"count"_s, integer(0)).build();
}

QJsonObject adminStats()
{
    const QJsonObject days = arrayOf(ref(u"DayCount"_s));
    return ObjectSchema(u"Numbers of the last `days` days (UTC, today included)."_s)
        .required(u"days"_s, integer(1, 365))
        .required(u"users"_s, ObjectSchema()
                                  .required(u"total"_s, integer(0))
                                  .required(u"by_role"_s, countsByName(roles()))
                                  .required(u"new_per_day"_s, days)
                                  .build())
        .required(u"articles"_s, ObjectSchema()
                                     .required(u"by_status"_s, countsByName(articleStatuses()))
                                     .required(u"published_per_day"_s, days)
                                     .build())
        .required(u"chat"_s,
                  ObjectSchema().required(u"messages_per_day"_s, days).required(u"tokens_per_day"_s, days).build())
        .required(u"ai"_s, ObjectSchema()
                               .required(u"requests"_s, integer(0))
                               .required(u"failures"_s, integer(0))
                               .required(u"p95_latency_ms"_s, integer(0))
                               .build())
        .build();
}

// ---- Articles ----------------------------------------------------------------------------------------------------

QJsonObject tagNames(int minItemLength, bool trimmed)
{
    const QJsonObject item =
        trimmed ? trimmedString(minItemLength, kMaxTagNameLength) : string(minItemLength, kMaxTagNameLength);
    QJsonObject schema = arrayOf(item, kMaxTagsPerArticle);
    schema.insert(u"description"_s, u"Tag names, unique ignoring case."_s);
    return schema;
}

QJsonObject article()
{
    return ObjectSchema(u"An article. content is CommonMark; content_html is rendered and sanitised by the server."_s)
        .required(u"id"_s, uuid())
        .required(u"author_id"_s, uuid())
        .required(u"author_name"_s, string(1))
        .required(u"title"_s, string(kMinTitleLength, kMaxTitleLength))
        .required(u"slug"_s, string(1))
        .required(u"content"_s, string(0, kMaxContentLength))
        .required(u"content_html"_s, string())
        .required(u"excerpt"_s, string(0, kMaxExcerptLength))
        .required(u"status"_s, stringEnum(articleStatuses()))
        .required(u"tags"_s, tagNames(kMinTagNameLength, false))
        .required(u"reading_time"_s, integer(0))
        .required(u"word_count"_s, integer(0))
        .required(u"views"_s, integer(0))
        .required(u"revision"_s, integer(1))
        .required(u"created_at"_s, timestamp())
        .required(u"updated_at"_s, timestamp())
        .required(u"published_at"_s, nullable(timestamp()))
        .required(u"deleted"_s, boolean())
        .build();
}

QJsonObject articleSummary()
{
    return ObjectSchema(u"An article as lists and search show it: without content and content_html."_s)
        .extend(article())
        .without(u"content"_s)
        .without(u"content_html"_s)
        .build();
}

QJsonObject articleInput()
{
    return ObjectSchema(u"A new article, or the whole of one replaced. Optional members may be left out, not null."_s)
        .required(u"title"_s, trimmedString(kMinTitleLength, kMaxTitleLength))
        .required(u"content"_s, string(0, kMaxContentLength))
        .optional(u"excerpt"_s, string(0, kMaxExcerptLength))
        .optional(u"tags"_s, tagNames(kMinTagNameLength, true))
        .optional(u"status"_s, stringEnum(articleStatuses()))
        .build();
}

QJsonObject articlePatch()
{
    return ObjectSchema(u"The members to change; none may be null. An empty patch changes nothing."_s)
        .optional(u"title"_s, trimmedString(kMinTitleLength, kMaxTitleLength))
        .optional(u"content"_s, string(0, kMaxContentLength))
        .optional(u"excerpt"_s, string(0, kMaxExcerptLength))
        .optional(u"tags"_s, tagNames(kMinTagNameLength, true))
        .optional(u"status"_s, stringEnum(articleStatuses()))
        .build();
}

QJsonObject tag()
{
    return ObjectSchema()
        .required(u"id"_s, uuid())
        .required(u"name"_s, string(kMinTagNameLength, kMaxTagNameLength))
        .required(u"slug"_s, string(1))
        .required(u"article_count"_s, integer(0))
        .build();
}

QJsonObject revisionInfo()
{
    return ObjectSchema()
        .required(u"revision"_s, integer(1))
        .required(u"title"_s, string(kMinTitleLength, kMaxTitleLength))
        .required(u"updated_at"_s, timestamp())
        .required(u"updated_by"_s, nullable(uuid()))
        .build();
}

QJsonObject searchHit()
{
    return ObjectSchema()
        .required(u"article"_s, ref(u"ArticleSummary"_s))
        .required(u"rank"_s, number())
        .required(u"snippet"_s, string(0, 0, u"HTML-escaped text in which the hits are wrapped in <mark>."_s))
        .build();
}

QJsonObject change()
{
    return ObjectSchema(u"An article's latest state, or its tombstone (deleted: true, article: null)."_s)
        .required(u"seq"_s, integer(0))
        .required(u"kind"_s, stringEnum({u"article"_s}))
        .required(u"id"_s, uuid())
        .required(u"deleted"_s, boolean())
        .required(u"article"_s, nullable(ref(u"Article"_s)))
        .build();
}

QJsonObject changesPage()
{
    return ObjectSchema()
        .required(u"changes"_s, arrayOf(ref(u"Change"_s)))
        .required(u"cursor"_s, string(0, 0, u"Opaque: where the next call starts (since=)."_s))
        .required(u"has_more"_s, boolean())
        .build();
}

// ---- Chat --------------------------------------------------------------------------------------------------------

QJsonObject conversation()
{
    return ObjectSchema()
        .required(u"id"_s, uuid())
        .required(u"title"_s, nullable(string(1, kMaxConversationTitleLength)))
        .required(u"model"_s, string(0, kMaxModelNameLength))
        .required(u"system_prompt"_s, nullable(string(0, kMaxSystemPromptLength)))
        .required(u"message_count"_s, integer(0))
        .required(u"total_tokens"_s, integer(0))
        .required(u"created_at"_s, timestamp())
        .required(u"updated_at"_s, timestamp())
        .build();
}

QJsonObject conversationDetail()
{
    return ObjectSchema(u"A conversation with its messages, oldest first."_s)
        .extend(conversation())
        .required(u"messages"_s, arrayOf(ref(u"Message"_s)))
        .build();
}

QJsonObject conversationInput()
{
    return ObjectSchema(u"Title and system prompt may be null, the same as leaving them out."_s)
        .optional(u"title"_s, nullable(trimmedString(1, kMaxConversationTitleLength)))
        .optional(u"model"_s, string(1, kMaxModelNameLength))
        .optional(u"system_prompt"_s, nullable(string(0, kMaxSystemPromptLength)))
        .build();
}

QJsonObject conversationPatch()
{
    return ObjectSchema(u"Null clears the member."_s)
        .optional(u"title"_s, nullable(trimmedString(1, kMaxConversationTitleLength)))
        .optional(u"system_prompt"_s, nullable(string(0, kMaxSystemPromptLength)))
        .build();
}

QJsonObject message()
{
    return ObjectSchema()
        .required(u"id"_s, uuid())
        .required(u"conversation_id"_s, uuid())
        .required(u"role"_s, stringEnum(enumSpellings(messageRoleToString)))
        .required(u"content"_s, string())
        .required(u"tokens"_s, integer(0))
        .required(u"created_at"_s, timestamp())
        .required(u"status"_s, stringEnum(enumSpellings(messageStatusToString)))
        .build();
}

QJsonObject messageInput()
{
    return ObjectSchema()
        .required(u"content"_s, string(kMinMessageLength, kMaxMessageLength, u"Not trimmed."_s))
        .build();
}

QJsonObject chatExchange()
{
    return ObjectSchema(u"Chat in JSON mode: the stored question and the whole answer."_s)
        .required(u"user_message"_s, ref(u"Message"_s))
        .required(u"assistant_message"_s, ref(u"Message"_s))
        .build();
}

// ---- AI assists --------------------------------------------------------------------------------------------------
// The length rules of these bodies are the server's (assistservice.cpp); only their shapes are stated here.

QJsonObject generateArticleInput()
{
    return ObjectSchema().required(u"prompt"_s, string(1)).optional(u"style"_s, nullable(string())).build();
}

QJsonObject summarizeInput()
{
    return ObjectSchema()
        .required(u"content"_s, string(1))
        .optional(u"max_words"_s, QJsonObject{{u"type"_s, u"integer"_s}})
        .build();
}

QJsonObject suggestInput()
{
    return ObjectSchema().required(u"content"_s, string(1)).build();
}

QJsonObject generatedArticle()
{
    return ObjectSchema()
        .required(u"title"_s, string(0, kMaxTitleLength))
        .required(u"content"_s, string())
        .required(u"excerpt"_s, string())
        .required(u"tags"_s, arrayOf(string()))
        .build();
}

QJsonObject summary()
{
    return ObjectSchema().required(u"summary"_s, string()).required(u"key_points"_s, arrayOf(string())).build();
}

QJsonObject suggestions()
{
    return ObjectSchema()
        .required(u"titles"_s, arrayOf(string()))
        .required(u"excerpt"_s, string())
        .required(u"tags"_s, arrayOf(string()))
        .build();
}

QJsonObject aiQuota()
{
    return ObjectSchema(u"The caller's AI tokens for today (UTC) and request rate; 0 means no limit."_s)
        .required(u"tokens_per_day"_s, integer(0))
        .required(u"tokens_used_today"_s, integer(0))
        .required(u"tokens_remaining"_s, nullable(integer(0)))
        .required(u"requests_per_minute"_s, integer(0))
        .required(u"resets_at"_s, timestamp())
        .build();
}

// ---- Notifications -----------------------------------------------------------------------------------------------

QJsonObject notification()
{
    return ObjectSchema()
        .required(u"id"_s, uuid())
        .required(u"type"_s, string(1, 0, u"What happened, e.g. article.published."_s))
        .required(u"title"_s, string())
        .required(u"message"_s, string())
        .required(u"link"_s, nullable(string()))
        .required(u"is_read"_s, boolean())
        .required(u"created_at"_s, timestamp())
        .required(u"read_at"_s, nullable(timestamp()))
        .build();
}

// ---- Health and errors -------------------------------------------------------------------------------------------

QJsonObject health()
{
    return ObjectSchema().required(u"status"_s, stringEnum({u"healthy"_s})).required(u"version"_s, string()).build();
}

QJsonObject databaseHealth()
{
    return ObjectSchema(u"503 carries status unhealthy, a detail and the request id."_s)
        .required(u"status"_s, stringEnum({u"healthy"_s, u"unhealthy"_s}))
        .required(u"service"_s, stringEnum({u"database"_s}))
        .optional(u"detail"_s, string())
        .optional(u"request_id"_s, string())
        .build();
}

QJsonObject aiHealth()
{
    return ObjectSchema(u"unhealthy (503) carries a detail."_s)
        .required(u"status"_s, stringEnum({u"healthy"_s, u"unhealthy"_s, u"unconfigured"_s}))
        .required(u"provider"_s, string(1, 0, u"gemini, openai, or none"_s))
        .required(u"model"_s, string())
        .optional(u"detail"_s, string())
        .build();
}

QJsonObject problem()
{
    const QJsonObject fieldError =
        ObjectSchema().required(u"field"_s, string()).required(u"message"_s, string()).build();
    return ObjectSchema(u"An RFC 9457 problem document."_s)
        .required(u"type"_s, string(1))
        .required(u"title"_s, string())
        .required(u"status"_s, integer(400, 599))
        .optional(u"detail"_s, string())
        .required(u"request_id"_s, string(1))
        .optional(u"errors"_s, arrayOf(fieldError))
        .optional(u"current"_s, ref(u"Article"_s))
        .optional(u"message"_s, ref(u"Message"_s))
        .build();
}

/// GET /openapi.json: described by the OpenAPI specification itself, so only its frame is stated.
QJsonObject openApiDocument()
{
    return {{u"type"_s, u"object"_s},
            {u"description"_s, u"An OpenAPI 3.1 document."_s},
            {u"required"_s, QJsonArray{u"openapi"_s, u"info"_s, u"paths"_s, u"components"_s}},
            {u"properties"_s, QJsonObject{{u"openapi"_s, string(1)},
                                          {u"info"_s, QJsonObject{{u"type"_s, u"object"_s}}},
                                          {u"paths"_s, QJsonObject{{u"type"_s, u"object"_s}}},
                                          {u"components"_s, QJsonObject{{u"type"_s, u"object"_s}}}}}};
}

QList<SchemaComponent> buildComponents()
{
    QList<SchemaComponent> components{
        {u"Problem"_s, problem()},
        {u"Health"_s, health()},
        {u"DatabaseHealth"_s, databaseHealth()},
        {u"AiHealth"_s, aiHealth()},
        {u"OpenApiDocument"_s, openApiDocument()},
        {u"UserPublic"_s, userPublic()},
        {u"UserSelf"_s, userSelf()},
        {u"RegisterInput"_s, registerInput()},
        {u"LoginInput"_s, loginInput()},
        {u"RefreshInput"_s, refreshInput()},
        {u"PasswordChangeInput"_s, passwordChangeInput()},
        {u"ProfilePatch"_s, profilePatch()},
        {u"AdminUserPatch"_s, adminUserPatch()},
        {u"AuthGrant"_s, authGrant()},
        {u"AdminUser"_s, adminUser()},
        {u"AuditEntry"_s, auditEntry()},
        {u"DayCount"_s, dayCount()},
        {u"AdminStats"_s, adminStats()},
        {u"Article"_s, article()},
        {u"ArticleSummary"_s, articleSummary()},
        {u"ArticleInput"_s, articleInput()},
        {u"ArticlePatch"_s, articlePatch()},
        {u"Tag"_s, tag()},
        {u"RevisionInfo"_s, revisionInfo()},
        {u"SearchHit"_s, searchHit()},
        {u"Change"_s, change()},
        {u"ChangesPage"_s, changesPage()},
        {u"Conversation"_s, conversation()},
        {u"ConversationDetail"_s, conversationDetail()},
        {u"ConversationInput"_s, conversationInput()},
        {u"ConversationPatch"_s, conversationPatch()},
        {u"Message"_s, message()},
        {u"MessageInput"_s, messageInput()},
        {u"ChatExchange"_s, chatExchange()},
        {u"GenerateArticleInput"_s, generateArticleInput()},
        {u"SummarizeInput"_s, summarizeInput()},
        {u"SuggestInput"_s, suggestInput()},
        {u"GeneratedArticle"_s, generatedArticle()},
        {u"Summary"_s, summary()},
        {u"Suggestions"_s, suggestions()},
        {u"AiQuota"_s, aiQuota()},
        {u"Notification"_s, notification()},
        {u"UnreadCount"_s, ObjectSchema().required(u"count"_s, integer(0)).build()},
        {u"ReadAllResult"_s,
         ObjectSchema(u"How many notifications were unread."_s).required(u"updated"_s, integer(0)).build()},
    };
    for (const QString &item : {u"ArticleSummary"_s, u"UserPublic"_s, u"AdminUser"_s, u"AuditEntry"_s, u"Tag"_s,
                                u"RevisionInfo"_s, u"SearchHit"_s, u"Conversation"_s, u"Notification"_s})
        components.append({u"Page_"_s + item, page(item)});
    return components;
}

} // namespace

const QList<SchemaComponent> &schemaComponents()
{
    static const QList<SchemaComponent> components = buildComponents();
    return components;
}

QJsonObject schemaComponentsObject()
{
    QJsonObject object;
    for (const SchemaComponent &component : schemaComponents())
        object.insert(component.name, component.schema);
    return object;
}

std::optional<QJsonObject> schemaComponent(QStringView name)
{
    for (const SchemaComponent &component : schemaComponents()) {
        if (component.name == name)
            return component.schema;
    }
    return std::nullopt;
}

QString schemaRef(QStringView name)
{
    return u"#/components/schemas/"_s + name;
}

} // namespace inkwell::api
