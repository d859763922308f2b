#include "api/apitypes.h"

#include <QJsonArray>
#include <limits>

using namespace Qt::StringLiterals;

namespace inkwell::api {

namespace {

constexpr auto kIgnore = UnknownFields::Ignore;
constexpr qint64 kMaxInt = std::numeric_limits<int>::max();

/// Reads the object member @p key with @p readItem, reporting its problems as "key.member".
template <typename T, typename Reader>
std::optional<T> nested(const QJsonObject &json, QStringView key, Reader readItem, FieldErrors &errors)
{
    const QJsonValue value = json.value(key);
    if (!value.isObject()) {
        errors.append({key.toString(), value.isUndefined() ? u"is required"_s : u"must be an object"_s});
        return std::nullopt;
    }
    Parsed<T> item = readItem(value.toObject());
    if (!item) {
        for (const FieldError &error : item.error())
            errors.append({key.toString() + u'.' + error.field, error.message});
        return std::nullopt;
    }
    return std::move(*item);
}

/// A non-negative whole number member.
qint64 count(JsonReader &in, QStringView key)
{
    return in.requiredInt(key, 0, kMaxJsonInteger);
}

/// `[{date: "YYYY-MM-DD", count}]`
QList<DayCount> dayCounts(const QJsonObject &json, QStringView key, FieldErrors &errors)
{
    const auto readDay = [](const QJsonObject &item) -> Parsed<DayCount> {
        JsonReader in(item, kIgnore);
        DayCount day;
        const QString date = in.requiredString(u"date", {.minLength = 10, .maxLength = 10});
        day.count = count(in, u"count");
        day.date = QDate::fromString(date, Qt::ISODate);
        if (!date.isEmpty() && !day.date.isValid())
            in.addError(u"date"_s, u"must be a date (YYYY-MM-DD)"_s);
        return in.finish(day);
    };
    return readObjectArray<DayCount>(json, key, +readDay, errors);
}

/// `{name: count, ...}` with the given names required.
QMap<QString, qint64> namedCounts(const QJsonObject &json, QStringView key, const QStringList &names,
                                  FieldErrors &errors)
{
    QMap<QString, qint64> counts;
    const std::optional<QJsonObject> object = nested<QJsonObject>(
        json, key, [](const QJsonObject &o) -> Parsed<QJsonObject> { return o; }, errors);
    if (!object)
        return counts;
    JsonReader in(*object, kIgnore);
    for (const QString &name : names)
        counts.insert(name, count(in, name));
    for (const FieldError &error : in.finish())
        errors.append({key.toString() + u'.' + error.field, error.message});
    return counts;
}

QJsonArray dayCountsJson(const QList<DayCount> &days)
{
    QJsonArray out;
    for (const DayCount &day : days)
        out.append(QJsonObject{{u"date"_s, day.date.toString(Qt::ISODate)}, {u"count"_s, day.count}});
    return out;
}

QJsonObject namedCountsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace

Parsed<Article> articleSummaryItem(const QJsonObject &json)
{
    return articleSummaryFromJson(json, kIgnore);
}

Parsed<Article> articleItem(const QJsonObject &json)
{
    return articleFromJson(json, kIgnore);
}

Parsed<Tag> tagItem(const QJsonObject &json)
{
    return tagFromJson(json, kIgnore);
}

Parsed<User> publicUserItem(const QJsonObject &json)
{
    return userFromJson(json, UserView::Public, kIgnore);
}

Parsed<User> selfUserItem(const QJsonObject &json)
{
    return userFromJson(json, UserView::Self, kIgnore);
}

Parsed<Conversation> conversationItem(const QJsonObject &json)
{
    return conversationFromJson(json, kIgnore);
}

Parsed<Message> messageItem(const QJsonObject &json)
{
    return messageFromJson(json, kIgnore);
}

Parsed<Notification> notificationItem(const QJsonObject &json)
{
    return notificationFromJson(json, kIgnore);
}

Parsed<AuthGrant> authGrantFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    AuthGrant grant;
    if (auto user = nested<User>(json, u"user", selfUserItem, errors))
        grant.user = std::move(*user);
    JsonReader in(json, kIgnore);
    grant.accessToken = in.requiredString(u"access_token", {.minLength = 1});
    grant.refreshToken = in.requiredString(u"refresh_token", {.minLength = 1});
    grant.expiresIn = static_cast<int>(in.requiredInt(u"expires_in", 1, kMaxInt));
    errors += in.finish();
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return grant;
}

QJsonObject toJson(const AuthGrant &grant)
{
    return {
        {u"user"_s, inkwell::toJson(grant.user, UserView::Self)},
        {u"access_token"_s, grant.accessToken},
        {u"refresh_token"_s, grant.refreshToken},
        {u"token_type"_s, u"bearer"_s},
        {u"expires_in"_s, grant.expiresIn},
    };
}

Parsed<ChangesPage> changesPageFromJson(const QJsonObject &json)
{
    const auto readChange = [](const QJsonObject &item) -> Parsed<Change> {
        FieldErrors errors;
        JsonReader in(item, kIgnore);
        Change change;
        change.seq = in.requiredInt(u"seq", 0, kMaxJsonInteger);
        change.id = in.requiredUuid(u"id");
        change.deleted = in.requiredBool(u"deleted");
        errors += in.finish();
        const QJsonValue article = item.value(u"article");
        if (change.deleted) {
            if (!article.isNull() && !article.isUndefined())
                errors.append({u"article"_s, u"must be null for a deleted article"_s});
        } else {
            change.article = nested<Article>(item, u"article", articleItem, errors);
            if (change.article && change.article->id != change.id)
                errors.append({u"article.id"_s, u"differs from the change's id"_s});
        }
        if (!errors.isEmpty())
            return std::unexpected(errors);
        return change;
    };
    FieldErrors errors;
    ChangesPage page;
    page.changes = readObjectArray<Change>(json, u"changes", +readChange, errors);
    JsonReader in(json, kIgnore);
    page.cursor = in.requiredString(u"cursor", {.minLength = 1});
    page.hasMore = in.requiredBool(u"has_more");
    errors += in.finish();
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return page;
}

Parsed<RevisionInfo> revisionInfoFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    RevisionInfo info;
    info.revision = static_cast<int>(in.requiredInt(u"revision", 1, kMaxInt));
    info.title = in.requiredString(u"title", {});
    info.updatedAt = in.requiredDateTime(u"updated_at");
    const QJsonValue by = json.value(u"updated_by");
    if (by.isString()) {
        info.updatedBy = in.requiredUuid(u"updated_by");
    } else if (!by.isNull()) {
        in.addError(u"updated_by"_s, by.isUndefined() ? u"is required"_s : u"must be an id or null"_s);
    }
    return in.finish(std::move(info));
}

QJsonObject toJson(const RevisionInfo &info)
{
    return {{u"revision"_s, info.revision},
            {u"title"_s, info.title},
            {u"updated_at"_s, formatTimestamp(info.updatedAt)},
            {u"updated_by"_s, info.updatedBy ? QJsonValue(formatId(*info.updatedBy)) : QJsonValue(QJsonValue::Null)}};
}

Parsed<SearchHit> searchHitFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    SearchHit hit;
    if (auto article = nested<Article>(json, u"article", articleSummaryItem, errors))
        hit.article = std::move(*article);
    const QJsonValue rank = json.value(u"rank");
    if (!rank.isDouble())
        errors.append({u"rank"_s, rank.isUndefined() ? u"is required"_s : u"must be a number"_s});
    hit.rank = rank.toDouble();
    JsonReader in(json, kIgnore);
    hit.snippet = in.requiredString(u"snippet", {});
    errors += in.finish();
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return hit;
}

Parsed<ConversationDetail> conversationDetailFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    ConversationDetail detail;
    Parsed<Conversation> conversation = conversationItem(json);
    if (conversation)
        detail.conversation = std::move(*conversation);
    else
        errors += conversation.error();
    detail.messages = readObjectArray<Message>(json, u"messages", messageItem, errors);
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return detail;
}

QJsonObject toJson(const ConversationDetail &detail)
{
    QJsonObject out = toJson(detail.conversation);
    QJsonArray messages;
    for (const Message &message : detail.messages)
        messages.append(toJson(message));
    out.insert(u"messages"_s, messages);
    return out;
}

Parsed<ChatExchange> chatExchangeFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    ChatExchange exchange;
    if (auto message = nested<Message>(json, u"user_message", messageItem, errors))
        exchange.userMessage = std::move(*message);
    if (auto message = nested<Message>(json, u"assistant_message", messageItem, errors))
        exchange.assistantMessage = std::move(*message);
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return exchange;
}

QJsonObject toJson(const ChatExchange &exchange)
{
    return {{u"user_message"_s, toJson(exchange.userMessage)},
            {u"assistant_message"_s, toJson(exchange.assistantMessage)}};
}

Parsed<Summary> summaryFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    Summary summary;
    summary.summary = in.requiredString(u"summary", {});
    summary.keyPoints = in.requiredStringList(u"key_points", {});
    return in.finish(std::move(summary));
}

QJsonObject toJson(const Summary &summary)
{
    return {{u"summary"_s, summary.summary}, {u"key_points"_s, QJsonArray::fromStringList(summary.keyPoints)}};
}

Parsed<Suggestions> suggestionsFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    Suggestions suggestions;
    suggestions.titles = in.requiredStringList(u"titles", {});
    suggestions.excerpt = in.requiredString(u"excerpt", {});
    suggestions.tags = in.requiredStringList(u"tags", {});
    return in.finish(std::move(suggestions));
}

QJsonObject toJson(const Suggestions &suggestions)
{
    return {{u"titles"_s, QJsonArray::fromStringList(suggestions.titles)},
            {u"excerpt"_s, suggestions.excerpt},
            {u"tags"_s, QJsonArray::fromStringList(suggestions.tags)}};
}

Parsed<GeneratedArticle> generatedArticleFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    GeneratedArticle article;
    article.title = in.requiredString(u"title", {});
    article.content = in.requiredString(u"content", {});
    article.excerpt = in.requiredString(u"excerpt", {});
    article.tags = in.requiredStringList(u"tags", {});
    return in.finish(std::move(article));
}

QJsonObject toJson(const GeneratedArticle &article)
{
    return {{u"title"_s, article.title},
            {u"content"_s, article.content},
            {u"excerpt"_s, article.excerpt},
            {u"tags"_s, QJsonArray::fromStringList(article.tags)}};
}

Parsed<GenerateArticleRequest> generateArticleRequestFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    GenerateArticleRequest request;
    request.prompt = in.requiredString(u"prompt", {.minLength = 1, .maxLength = kMaxPromptLength, .trim = Trim::Yes});
    request.style = in.optionalString(u"style", {.maxLength = kMaxStyleLength, .trim = Trim::Yes}, Nullable::Yes);
    return in.finish(std::move(request));
}

QJsonObject toJson(const GenerateArticleRequest &request)
{
    QJsonObject out{{u"prompt"_s, request.prompt}};
    if (request.style)
        out.insert(u"style"_s, *request.style);
    return out;
}

Parsed<SummarizeRequest> summarizeRequestFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    SummarizeRequest request;
    request.content = in.requiredString(u"content", {.minLength = 1, .maxLength = kMaxAssistContentLength});
    // Present means a number in range: null is an error like any other non-number.
    if (json.contains(u"max_words"))
        request.maxWords = int(in.requiredInt(u"max_words", 10, 1000));
    return in.finish(std::move(request));
}

QJsonObject toJson(const SummarizeRequest &request)
{
    QJsonObject out{{u"content"_s, request.content}};
    if (request.maxWords)
        out.insert(u"max_words"_s, *request.maxWords);
    return out;
}

Parsed<SuggestRequest> suggestRequestFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    SuggestRequest request;
    request.content = in.requiredString(u"content", {.minLength = 1, .maxLength = kMaxAssistContentLength});
    return in.finish(std::move(request));
}

QJsonObject toJson(const SuggestRequest &request)
{
    return {{u"content"_s, request.content}};
}

Parsed<AiQuota> aiQuotaFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    AiQuota quota;
    quota.tokensPerDay = count(in, u"tokens_per_day");
    quota.tokensUsedToday = count(in, u"tokens_used_today");
    quota.requestsPerMinute = int(in.requiredInt(u"requests_per_minute", 0, kMaxInt));
    quota.resetsAt = in.requiredDateTime(u"resets_at");
    // null (unlimited) or a count; a server that leaves it out means the same as tokens_per_day 0.
    const QJsonValue remaining = json.value(u"tokens_remaining");
    if (!remaining.isNull() && !remaining.isUndefined())
        quota.tokensRemaining = count(in, u"tokens_remaining");
    else if (quota.tokensPerDay > 0)
        quota.tokensRemaining = std::max<qint64>(0, quota.tokensPerDay - quota.tokensUsedToday);
    return in.finish(std::move(quota));
}

QJsonObject toJson(const AiQuota &quota)
{
    return {{u"tokens_per_day"_s, quota.tokensPerDay},
            {u"tokens_used_today"_s, quota.tokensUsedToday},
            {u"tokens_remaining"_s,
             quota.tokensRemaining ? QJsonValue(*quota.tokensRemaining) : QJsonValue(QJsonValue::Null)},
            {u"requests_per_minute"_s, quota.requestsPerMinute},
            {u"resets_at"_s, formatTimestamp(quota.resetsAt)}};
}

Parsed<AdminUser> adminUserFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    AdminUser item;
    Parsed<User> user = selfUserItem(json);
    if (user)
        item.user = std::move(*user);
    else
        errors += user.error();
    JsonReader in(json, kIgnore);
    item.articleCount = count(in, u"article_count");
    item.lastLoginAt = in.nullableDateTime(u"last_login_at");
    errors += in.finish();
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return item;
}

QJsonObject toJson(const AdminUser &item)
{
    QJsonObject json = inkwell::toJson(item.user, UserView::Self);
    json.insert(u"article_count"_s, item.articleCount);
    json.insert(u"last_login_at"_s, toJsonValue(item.lastLoginAt));
    return json;
}

Parsed<AuditEntry> auditEntryFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    AuditEntry entry;
    entry.id = in.requiredInt(u"id", 1, kMaxJsonInteger);
    entry.action = in.requiredString(u"action", {.minLength = 1});
    for (const auto &[key, target] :
         {std::pair{u"actor_id"_s, &entry.actorId}, std::pair{u"target_id"_s, &entry.targetId}}) {
        const QJsonValue value = json.value(key);
        if (value.isString())
            *target = in.requiredUuid(key);
        else if (!value.isNull())
            in.addError(key, value.isUndefined() ? u"is required"_s : u"must be an id or null"_s);
    }
    entry.ip = in.nullableString(u"ip", {});
    const QJsonValue detail = json.value(u"detail");
    if (detail.isObject())
        entry.detail = detail.toObject();
    else if (!detail.isNull() && !detail.isUndefined())
        in.addError(u"detail"_s, u"must be an object"_s);
    entry.createdAt = in.requiredDateTime(u"created_at");
    return in.finish(std::move(entry));
}

QJsonObject toJson(const AuditEntry &entry)
{
    const auto idOrNull = [](const std::optional<QUuid> &id) {
        return id ? QJsonValue(formatId(*id)) : QJsonValue(QJsonValue::Null);
    };
    return {
        {u"id"_s, entry.id},
        {u"action"_s, entry.action},
        {u"actor_id"_s, idOrNull(entry.actorId)},
        {u"target_id"_s, idOrNull(entry.targetId)},
        {u"ip"_s, toJsonValue(entry.ip)},
        {u"detail"_s, entry.detail},
        {u"created_at"_s, formatTimestamp(entry.createdAt)},
    };
}

Parsed<AdminStats> adminStatsFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    AdminStats stats;
    JsonReader top(json, kIgnore);
    stats.days = static_cast<int>(top.requiredInt(u"days", 1, 366));
    errors += top.finish();

    const auto section = [&](QStringView key) {
        return nested<QJsonObject>(
                   json, key, [](const QJsonObject &o) -> Parsed<QJsonObject> { return o; }, errors)
            .value_or(QJsonObject());
    };
    const auto prefixed = [&](QStringView key, const FieldErrors &inner) {
        for (const FieldError &error : inner)
            errors.append({key.toString() + u'.' + error.field, error.message});
    };

    const QJsonObject users = section(u"users");
    if (!users.isEmpty()) {
        FieldErrors inner;
        JsonReader in(users, kIgnore);
        stats.usersTotal = count(in, u"total");
        inner += in.finish();
        stats.usersByRole = namedCounts(users, u"by_role", {u"viewer"_s, u"creator"_s, u"admin"_s}, inner);
        stats.newUsersPerDay = dayCounts(users, u"new_per_day", inner);
        prefixed(u"users", inner);
    }
    const QJsonObject articles = section(u"articles");
    if (!articles.isEmpty()) {
        FieldErrors inner;
        stats.articlesByStatus =
            namedCounts(articles, u"by_status", {u"draft"_s, u"published"_s, u"archived"_s}, inner);
        stats.publishedPerDay = dayCounts(articles, u"published_per_day", inner);
        prefixed(u"articles", inner);
    }
    const QJsonObject chat = section(u"chat");
    if (!chat.isEmpty()) {
        FieldErrors inner;
        stats.chatMessagesPerDay = dayCounts(chat, u"messages_per_day", inner);
        stats.aiTokensPerDay = dayCounts(chat, u"tokens_per_day", inner);
        prefixed(u"chat", inner);
    }
    const QJsonObject ai = section(u"ai");
    if (!ai.isEmpty()) {
        JsonReader in(ai, kIgnore);
        stats.aiRequests = count(in, u"requests");
        stats.aiFailures = count(in, u"failures");
        stats.aiP95LatencyMs = count(in, u"p95_latency_ms");
        prefixed(u"ai", in.finish());
    }
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return stats;
}

QJsonObject toJson(const AdminStats &stats)
{
    return {
        {u"days"_s, stats.days},
        {u"users"_s, QJsonObject{{u"total"_s, stats.usersTotal},
                                 {u"by_role"_s, namedCountsJson(stats.usersByRole)},
                                 {u"new_per_day"_s, dayCountsJson(stats.newUsersPerDay)}}},
        {u"articles"_s, QJsonObject{{u"by_status"_s, namedCountsJson(stats.articlesByStatus)},
                                    {u"published_per_day"_s, dayCountsJson(stats.publishedPerDay)}}},
        {u"chat"_s, QJsonObject{{u"messages_per_day"_s, dayCountsJson(stats.chatMessagesPerDay)},
                                {u"tokens_per_day"_s, dayCountsJson(stats.aiTokensPerDay)}}},
        {u"ai"_s, QJsonObject{{u"requests"_s, stats.aiRequests},
                              {u"failures"_s, stats.aiFailures},
                              {u"p95_latency_ms"_s, stats.aiP95LatencyMs}}},
    };
}

Parsed<ServerHealth> serverHealthFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    ServerHealth health;
    health.status = in.requiredString(u"status", {.minLength = 1});
    health.version = in.optionalString(u"version", {}, Nullable::Yes).value_or(QString());
    return in.finish(std::move(health));
}

Parsed<AiHealth> aiHealthFromJson(const QJsonObject &json)
{
    JsonReader in(json, kIgnore);
    AiHealth health;
    health.status = in.requiredString(u"status", {.minLength = 1});
    health.provider = in.requiredString(u"provider", {.minLength = 1});
    health.model = in.optionalString(u"model", {}, Nullable::Yes).value_or(QString());
    return in.finish(std::move(health));
}

} // namespace inkwell::api
