#pragma once

#include "error.h"
#include "model/article.h"
#include "model/conversation.h"
#include "model/message.h"
#include "model/notification.h"
#include "model/tag.h"
#include "model/user.h"

#include "json/jsonreader.h"
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QUuid>
#include <optional>

/// @file
/// The answers of the HTTP API (api.md) as the desktop app reads them. Every reader here is tolerant of
/// members it does not know (a newer server may add some) and strict about the ones it needs: a missing or
/// mistyped member is an error naming it.

namespace inkwell::api {

/// @brief POST /auth/register, /auth/login and /auth/refresh: the user and a fresh token pair.
struct AuthGrant {
    User user;
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0; ///< seconds the access token lives

    friend bool operator==(const AuthGrant &, const AuthGrant &) = default;
};
Parsed<AuthGrant> authGrantFromJson(const QJsonObject &json);
/// @brief Writes the grant as the server answers it (`token_type` "bearer"; the user in its Self view).
QJsonObject toJson(const AuthGrant &grant);

/// @brief A page of a keyset-paginated list: `{items, next_cursor}`.
template <typename T> struct Page {
    QList<T> items;
    std::optional<QString> nextCursor; ///< null on the last page
};

/// @brief Reads `{items: [...], next_cursor}` with @p readItem for each item (reported as "items.N.member").
template <typename T> Parsed<Page<T>> pageFromJson(const QJsonObject &json, Parsed<T> (*readItem)(const QJsonObject &));

/// @brief Writes `{items: [...], next_cursor}` with @p writeItem for each item (the server's side of pageFromJson).
template <typename T, typename Write> QJsonObject toJson(const Page<T> &page, Write writeItem)
{
    QJsonArray items;
    for (const T &item : page.items)
        items.append(writeItem(item));
    return {
        {QStringLiteral("items"), items},
        {QStringLiteral("next_cursor"), page.nextCursor ? QJsonValue(*page.nextCursor) : QJsonValue(QJsonValue::Null)}};
}

/// @brief The paging part of every list request (`?limit=&cursor=`): how many items, and where the previous page
/// ended (the opaque `next_cursor` it answered; empty for the first page).
struct PageRequest {
    int limit = 20; ///< 1..100
    QString cursor;

    friend bool operator==(const PageRequest &, const PageRequest &) = default;
};

/// @brief GET /articles: a page of articles, newest first; without a status, the published ones.
struct ArticleListRequest {
    PageRequest page;
    std::optional<ArticleStatus> status; ///< a status other than published: the caller's own (an admin's: all)
    std::optional<QUuid> authorId;
    QString tag; ///< a tag's name (at most 50 characters); empty: any
    QString q;   ///< words the title, excerpt or body contain (at most 200 characters); empty: any
};

/// @brief GET /search: the query (websearch syntax: phrases, -exclude, or; 1 to 200 characters) and how many hits
/// (1..100). Search has one page: there is no cursor.
struct SearchRequest {
    QString q;
    int limit = 20;
};

/// @brief GET /sync/changes: where the previous page ended (its opaque `cursor`; empty or "0": from the start) and
/// at most how many changes (1..kMaxChangesLimit).
struct ChangesRequest {
    QString since;
    int limit = 100;
};
/// @brief The most changes one page of the feed holds.
inline constexpr int kMaxChangesLimit = 1000;

/// @brief GET /conversations: the caller's conversations, most recently updated first (no filters).
struct ConversationListRequest {
    PageRequest page;
};

/// @brief GET /admin/users: a page of users, optionally only those whose email or name contains `q` (at most 200
/// characters, trimmed) and only those of one role.
struct UserListRequest {
    PageRequest page;
    QString q; ///< empty: everyone
    std::optional<Role> role;
};

/// @brief GET /notifications: a page of the caller's notifications, all of them or only the unread ones.
struct NotificationListRequest {
    PageRequest page;
    bool unreadOnly = false;
};

/// @brief One entry of the change feed: an article's latest state, or its tombstone.
struct Change {
    qint64 seq = 0;
    QUuid id;
    bool deleted = false;
    std::optional<Article> article; ///< absent for a tombstone
};

/// @brief GET /sync/changes: `{changes, cursor, has_more}`.
struct ChangesPage {
    QList<Change> changes;
    QString cursor; ///< where the next call starts (opaque)
    bool hasMore = false;
};
Parsed<ChangesPage> changesPageFromJson(const QJsonObject &json);

/// @brief One item of GET /articles/{id}/revisions.
struct RevisionInfo {
    int revision = 0;
    QString title;
    QDateTime updatedAt;
    std::optional<QUuid> updatedBy;

    friend bool operator==(const RevisionInfo &, const RevisionInfo &) = default;
};
Parsed<RevisionInfo> revisionInfoFromJson(const QJsonObject &json);
QJsonObject toJson(const RevisionInfo &info);

/// @brief One hit of GET /search: the article without its body, its rank, and a snippet with `<mark>`s.
struct SearchHit {
    Article article; ///< content and content_html empty
    double rank = 0;
    QString snippet; ///< HTML-escaped text in which hits are wrapped in <mark>…</mark>
};
Parsed<SearchHit> searchHitFromJson(const QJsonObject &json);

/// @brief Articles as lists show them (no body).
Parsed<Article> articleSummaryItem(const QJsonObject &json);
/// @brief A whole article, read tolerantly.
Parsed<Article> articleItem(const QJsonObject &json);
/// @brief A tag of GET /tags, read tolerantly.
Parsed<Tag> tagItem(const QJsonObject &json);
/// @brief A user as GET /users/{id} shows it (no email), read tolerantly.
Parsed<User> publicUserItem(const QJsonObject &json);
/// @brief A user as /auth/me shows it (with email), read tolerantly.
Parsed<User> selfUserItem(const QJsonObject &json);
/// @brief A conversation (without messages), read tolerantly.
Parsed<Conversation> conversationItem(const QJsonObject &json);
/// @brief A chat message, read tolerantly.
Parsed<Message> messageItem(const QJsonObject &json);
/// @brief A notification, read tolerantly.
Parsed<Notification> notificationItem(const QJsonObject &json);

/// @brief GET /conversations/{id}: the conversation with its messages, oldest first.
struct ConversationDetail {
    Conversation conversation;
    QList<Message> messages;

    friend bool operator==(const ConversationDetail &, const ConversationDetail &) = default;
};
Parsed<ConversationDetail> conversationDetailFromJson(const QJsonObject &json);
/// @brief The conversation's members and `messages` (the server's side of conversationDetailFromJson).
QJsonObject toJson(const ConversationDetail &detail);

/// @brief Chat in JSON mode: 201 `{user_message, assistant_message}`.
struct ChatExchange {
    Message userMessage;
    Message assistantMessage;

    friend bool operator==(const ChatExchange &, const ChatExchange &) = default;
};
Parsed<ChatExchange> chatExchangeFromJson(const QJsonObject &json);
/// @brief `{user_message, assistant_message}`.
QJsonObject toJson(const ChatExchange &exchange);

/// @brief POST /ai/summarize.
struct Summary {
    QString summary;
    QStringList keyPoints;

    friend bool operator==(const Summary &, const Summary &) = default;
};
Parsed<Summary> summaryFromJson(const QJsonObject &json);
/// @brief `{summary, key_points}`.
QJsonObject toJson(const Summary &summary);

/// @brief POST /ai/suggest.
struct Suggestions {
    QStringList titles;
    QString excerpt;
    QStringList tags;

    friend bool operator==(const Suggestions &, const Suggestions &) = default;
};
Parsed<Suggestions> suggestionsFromJson(const QJsonObject &json);
/// @brief `{titles, excerpt, tags}`.
QJsonObject toJson(const Suggestions &suggestions);

/// @brief POST /ai/generate-article (JSON mode, or the stream's `article.done`).
struct GeneratedArticle {
    QString title;
    QString content;
    QString excerpt;
    QStringList tags;

    friend bool operator==(const GeneratedArticle &, const GeneratedArticle &) = default;
};
Parsed<GeneratedArticle> generatedArticleFromJson(const QJsonObject &json);
/// @brief `{title, content, excerpt, tags}`.
QJsonObject toJson(const GeneratedArticle &article);

// ---- The AI assists' requests (what the server reads strictly: unknown members are errors) ----------------------

/// @brief Longest prompt of POST /ai/generate-article, in code points (after trimming).
inline constexpr int kMaxPromptLength = 4000;
/// @brief Longest style hint of POST /ai/generate-article, in code points (after trimming).
inline constexpr int kMaxStyleLength = 200;
/// @brief Longest text POST /ai/summarize and /ai/suggest take, in code points.
inline constexpr int kMaxAssistContentLength = 100'000;

/// @brief POST /ai/generate-article: `{prompt, style?}`; both trimmed, style null means absent.
struct GenerateArticleRequest {
    QString prompt;               ///< 1..kMaxPromptLength
    std::optional<QString> style; ///< ..kMaxStyleLength; an empty style asks for nothing in particular

    friend bool operator==(const GenerateArticleRequest &, const GenerateArticleRequest &) = default;
};
Parsed<GenerateArticleRequest> generateArticleRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const GenerateArticleRequest &request);

/// @brief How long a summary is when the request does not say.
inline constexpr int kDefaultSummaryWords = 100;

/// @brief POST /ai/summarize: `{content, max_words?}`.
struct SummarizeRequest {
    QString content;             ///< 1..kMaxAssistContentLength, not trimmed
    std::optional<int> maxWords; ///< 10..1000; absent: kDefaultSummaryWords

    friend bool operator==(const SummarizeRequest &, const SummarizeRequest &) = default;
};
Parsed<SummarizeRequest> summarizeRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const SummarizeRequest &request);

/// @brief POST /ai/suggest: `{content}`.
struct SuggestRequest {
    QString content; ///< 1..kMaxAssistContentLength, not trimmed

    friend bool operator==(const SuggestRequest &, const SuggestRequest &) = default;
};
Parsed<SuggestRequest> suggestRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const SuggestRequest &request);

/// @brief GET /ai/quota: the caller's AI tokens for today (UTC) and request rate.
struct AiQuota {
    qint64 tokensPerDay = 0; ///< 0 = unlimited
    qint64 tokensUsedToday = 0;
    std::optional<qint64> tokensRemaining; ///< std::nullopt when unlimited
    int requestsPerMinute = 0;             ///< 0 = no limit
    QDateTime resetsAt;                    ///< the next UTC midnight, when the day's tokens renew
    bool unlimited() const { return !tokensRemaining.has_value(); }

    friend bool operator==(const AiQuota &, const AiQuota &) = default;
};
Parsed<AiQuota> aiQuotaFromJson(const QJsonObject &json);
/// @brief `{tokens_per_day, tokens_used_today, tokens_remaining (null when unlimited), requests_per_minute,
/// resets_at}`.
QJsonObject toJson(const AiQuota &quota);

/// @brief A user in the admin's list: the user (with email), how many articles, when last signed in.
struct AdminUser {
    User user;
    qint64 articleCount = 0;
    std::optional<QDateTime> lastLoginAt;

    friend bool operator==(const AdminUser &, const AdminUser &) = default;
};
Parsed<AdminUser> adminUserFromJson(const QJsonObject &json);
/// @brief Writes the admin list's item: the user's Self view with `article_count` and `last_login_at`.
QJsonObject toJson(const AdminUser &item);

/// @brief One line of the audit log.
struct AuditEntry {
    qint64 id = 0;
    QString action; ///< "login", "login_failed", "role_changed", ...
    std::optional<QUuid> actorId;
    std::optional<QUuid> targetId;
    std::optional<QString> ip;
    QJsonObject detail;
    QDateTime createdAt;

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};
Parsed<AuditEntry> auditEntryFromJson(const QJsonObject &json);
/// @brief Writes one line of the audit log (absent ids and ip as null, the detail as an object).
QJsonObject toJson(const AuditEntry &entry);

/// @brief One day of a per-day series.
struct DayCount {
    QDate date;
    qint64 count = 0;

    friend bool operator==(const DayCount &, const DayCount &) = default;
};

/// @brief GET /admin/stats.
struct AdminStats {
    int days = 0;
    qint64 usersTotal = 0;
    QMap<QString, qint64> usersByRole; ///< viewer, creator, admin
    QList<DayCount> newUsersPerDay;
    QMap<QString, qint64> articlesByStatus; ///< draft, published, archived
    QList<DayCount> publishedPerDay;
    QList<DayCount> chatMessagesPerDay;
    QList<DayCount> aiTokensPerDay;
    qint64 aiRequests = 0;
    qint64 aiFailures = 0;
    qint64 aiP95LatencyMs = 0;

    friend bool operator==(const AdminStats &, const AdminStats &) = default;
};
Parsed<AdminStats> adminStatsFromJson(const QJsonObject &json);
/// @brief `{days, users: {total, by_role, new_per_day}, articles: {by_status, published_per_day},
/// chat: {messages_per_day, tokens_per_day}, ai: {requests, failures, p95_latency_ms}}`; series as
/// `[{date: "YYYY-MM-DD", count}]`.
QJsonObject toJson(const AdminStats &stats);

/// @brief GET /health.
struct ServerHealth {
    QString status;
    QString version;
};
Parsed<ServerHealth> serverHealthFromJson(const QJsonObject &json);

/// @brief GET /health/ai.
struct AiHealth {
    QString status;   ///< healthy, unhealthy, unconfigured
    QString provider; ///< gemini, openai, none
    QString model;
    bool configured() const { return status != QLatin1String("unconfigured"); }
};
Parsed<AiHealth> aiHealthFromJson(const QJsonObject &json);

// ---- implementation of the template ---------------------------------------------------------------------------

/// @brief Reads an array member of objects with @p readItem; errors are reported as "key.N.member".
template <typename T>
QList<T> readObjectArray(const QJsonObject &json, QStringView key, Parsed<T> (*readItem)(const QJsonObject &),
                         FieldErrors &errors);

template <typename T> Parsed<Page<T>> pageFromJson(const QJsonObject &json, Parsed<T> (*readItem)(const QJsonObject &))
{
    FieldErrors errors;
    Page<T> page;
    page.items = readObjectArray(json, u"items", readItem, errors);
    JsonReader in(json, UnknownFields::Ignore);
    page.nextCursor = in.nullableString(u"next_cursor", {.minLength = 1});
    errors += in.finish();
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return page;
}

template <typename T>
QList<T> readObjectArray(const QJsonObject &json, QStringView key, Parsed<T> (*readItem)(const QJsonObject &),
                         FieldErrors &errors)
{
    QList<T> items;
    const QJsonValue value = json.value(key);
    if (!value.isArray()) {
        errors.append(
            {key.toString(), value.isUndefined() ? QStringLiteral("is required") : QStringLiteral("must be an array")});
        return items;
    }
    const QJsonArray array = value.toArray();
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString prefix = key.toString() + u'.' + QString::number(i);
        if (!array.at(i).isObject()) {
            errors.append({prefix, QStringLiteral("must be an object")});
            continue;
        }
        Parsed<T> item = readItem(array.at(i).toObject());
        if (!item) {
            for (const FieldError &error : item.error())
                errors.append({prefix + u'.' + error.field, error.message});
            continue;
        }
        items.append(std::move(*item));
    }
    return items;
}

} // namespace inkwell::api
