#include "model/article.h"

#include "json/jsonreader.h"
#include <QJsonArray>
#include <QSet>
#include <limits>

using namespace Qt::StringLiterals;

namespace inkwell {

namespace {

constexpr int kMaxInt = std::numeric_limits<int>::max();

constexpr StringRule kTitleInput{.minLength = kMinTitleLength, .maxLength = kMaxTitleLength, .trim = Trim::Yes};
constexpr StringRule kContent{.maxLength = kMaxContentLength};
constexpr StringRule kExcerpt{.maxLength = kMaxExcerptLength};
constexpr StringListRule kTagsInput{
    .maxItems = kMaxTagsPerArticle,
    .item = {.minLength = kMinTagNameLength, .maxLength = kMaxTagNameLength, .trim = Trim::Yes}};
// Stored values were trimmed when written; reading them back must not change them.
constexpr StringRule kTitle{.minLength = kMinTitleLength, .maxLength = kMaxTitleLength};
constexpr StringListRule kTags{.maxItems = kMaxTagsPerArticle,
                               .item = {.minLength = kMinTagNameLength, .maxLength = kMaxTagNameLength}};

/// Reports every tag that repeats an earlier one, ignoring case, as "tags.N".
void checkUniqueTags(JsonReader &in, const QStringList &tags)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < tags.size(); ++i) {
        const QString folded = tags.at(i).toCaseFolded();
        if (seen.contains(folded))
            in.addError(u"tags."_s + QString::number(i), u"duplicates an earlier tag"_s);
        else
            seen.insert(folded);
    }
}

std::optional<QStringList> optionalTags(JsonReader &in)
{
    const std::optional<QStringList> tags = in.optionalStringList(u"tags", kTagsInput);
    if (tags)
        checkUniqueTags(in, *tags);
    return tags;
}

} // namespace

std::optional<ArticleStatus> articleStatusFromString(QStringView text)
{
    if (text == u"draft")
        return ArticleStatus::Draft;
    if (text == u"published")
        return ArticleStatus::Published;
    if (text == u"archived")
        return ArticleStatus::Archived;
    return std::nullopt;
}

QString articleStatusToString(ArticleStatus status)
{
    switch (status) {
    case ArticleStatus::Draft:
        return u"draft"_s;
    case ArticleStatus::Published:
        return u"published"_s;
    case ArticleStatus::Archived:
        return u"archived"_s;
    }
    return {}; // not an ArticleStatus
}

QJsonObject toJson(const Article &article)
{
    return {
        {u"id"_s, formatId(article.id)},
        {u"author_id"_s, formatId(article.authorId)},
        {u"author_name"_s, article.authorName},
        {u"title"_s, article.title},
        {u"slug"_s, article.slug},
        {u"content"_s, article.content},
        {u"content_html"_s, article.contentHtml},
        {u"excerpt"_s, article.excerpt},
        {u"status"_s, articleStatusToString(article.status)},
        {u"tags"_s, QJsonArray::fromStringList(article.tags)},
        {u"reading_time"_s, article.readingTime},
        {u"word_count"_s, article.wordCount},
        {u"views"_s, article.views},
        {u"revision"_s, article.revision},
        {u"created_at"_s, formatTimestamp(article.createdAt)},
        {u"updated_at"_s, formatTimestamp(article.updatedAt)},
        {u"published_at"_s, toJsonValue(article.publishedAt)},
        {u"deleted"_s, article.deleted},
    };
}

namespace {
Parsed<Article> readArticle(const QJsonObject &json, UnknownFields unknown, bool withBody)
{
    JsonReader in(json, unknown);
    Article article;
    article.id = in.requiredUuid(u"id");
    article.authorId = in.requiredUuid(u"author_id");
    article.authorName = in.requiredString(u"author_name", {.minLength = 1});
    article.title = in.requiredString(u"title", kTitle);
    article.slug = in.requiredString(u"slug", {.minLength = 1});
    if (withBody) {
        article.content = in.requiredString(u"content", kContent);
        article.contentHtml = in.requiredString(u"content_html", {});
    }
    article.excerpt = in.requiredString(u"excerpt", kExcerpt);
    article.status = in.requiredEnum(u"status", articleStatusFromString, kArticleStatusNames);
    article.tags = in.requiredStringList(u"tags", kTags);
    checkUniqueTags(in, article.tags);
    article.readingTime = static_cast<int>(in.requiredInt(u"reading_time", 0, kMaxInt));
    article.wordCount = static_cast<int>(in.requiredInt(u"word_count", 0, kMaxInt));
    article.views = in.requiredInt(u"views", 0, kMaxJsonInteger);
    article.revision = static_cast<int>(in.requiredInt(u"revision", 1, kMaxInt));
    article.createdAt = in.requiredDateTime(u"created_at");
    article.updatedAt = in.requiredDateTime(u"updated_at");
    article.publishedAt = in.nullableDateTime(u"published_at");
    article.deleted = in.requiredBool(u"deleted");
    return in.finish(std::move(article));
}
} // namespace

Parsed<Article> articleFromJson(const QJsonObject &json, UnknownFields unknown)
{
    return readArticle(json, unknown, true);
}

Parsed<Article> articleSummaryFromJson(const QJsonObject &json, UnknownFields unknown)
{
    return readArticle(json, unknown, false);
}

QJsonObject toJson(const ArticleInput &input)
{
    QJsonObject json{
        {u"title"_s, input.title},
        {u"content"_s, input.content},
    };
    if (input.excerpt)
        json.insert(u"excerpt"_s, *input.excerpt);
    if (input.tags)
        json.insert(u"tags"_s, QJsonArray::fromStringList(*input.tags));
    if (input.status)
        json.insert(u"status"_s, articleStatusToString(*input.status));
    return json;
}

Parsed<ArticleInput> articleInputFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    ArticleInput input;
    input.title = in.requiredString(u"title", kTitleInput);
    input.content = in.requiredString(u"content", kContent);
    input.excerpt = in.optionalString(u"excerpt", kExcerpt);
    input.tags = optionalTags(in);
    input.status = in.optionalEnum(u"status", articleStatusFromString, kArticleStatusNames);
    return in.finish(std::move(input));
}

QJsonObject toJson(const ArticlePatch &patch)
{
    QJsonObject json;
    if (patch.title)
        json.insert(u"title"_s, *patch.title);
    if (patch.content)
        json.insert(u"content"_s, *patch.content);
    if (patch.excerpt)
        json.insert(u"excerpt"_s, *patch.excerpt);
    if (patch.tags)
        json.insert(u"tags"_s, QJsonArray::fromStringList(*patch.tags));
    if (patch.status)
        json.insert(u"status"_s, articleStatusToString(*patch.status));
    return json;
}

Parsed<ArticlePatch> articlePatchFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    ArticlePatch patch;
    patch.title = in.optionalString(u"title", kTitleInput);
    patch.content = in.optionalString(u"content", kContent);
    patch.excerpt = in.optionalString(u"excerpt", kExcerpt);
    patch.tags = optionalTags(in);
    patch.status = in.optionalEnum(u"status", articleStatusFromString, kArticleStatusNames);
    return in.finish(std::move(patch));
}

} // namespace inkwell
