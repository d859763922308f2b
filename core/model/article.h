#pragma once

#include "error.h"
#include "json/jsonreader.h"
#include "model/tag.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUuid>
#include <optional>

namespace inkwell {

inline constexpr int kMinTitleLength = 1;   ///< after trimming
inline constexpr int kMaxTitleLength = 200; ///< after trimming
inline constexpr int kMaxExcerptLength = 500;
inline constexpr int kMaxContentLength = 1'000'000; ///< CommonMark source, in code points

/// @brief Where an article is in its life.
enum class ArticleStatus { Draft, Published, Archived };

/// @brief "draft", "published" or "archived" (exactly); std::nullopt for anything else.
std::optional<ArticleStatus> articleStatusFromString(QStringView text);
/// @brief The API spelling of @p status.
QString articleStatusToString(ArticleStatus status);
/// @brief The allowed status spellings, for error messages.
inline constexpr QStringView kArticleStatusNames = u"draft, published, archived";

/// @brief An article, as the API shows it (`article`).
struct Article {
    QUuid id;
    QUuid authorId;
    QString authorName;
    QString title;
    QString slug;
    QString content;     ///< CommonMark
    QString contentHtml; ///< rendered by the server, sanitized
    QString excerpt;
    ArticleStatus status = ArticleStatus::Draft;
    QStringList tags;    ///< tag names
    int readingTime = 0; ///< minutes
    int wordCount = 0;
    qint64 views = 0;
    int revision = 1; ///< starts at 1, +1 on every change
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<QDateTime> publishedAt; ///< set once, on first publication
    bool deleted = false;

    friend bool operator==(const Article &, const Article &) = default;
};

/// @brief The `article` object.
QJsonObject toJson(const Article &article);
/// @brief Strictly reads an `article` object (with its content).
Parsed<Article> articleFromJson(const QJsonObject &json, UnknownFields unknown = UnknownFields::Reject);
/// @brief Reads an article as lists and search show it: without "content" and "content_html" (left empty).
Parsed<Article> articleSummaryFromJson(const QJsonObject &json, UnknownFields unknown = UnknownFields::Reject);

/// @brief Body of POST /articles and PUT /articles/{id}: `{title, content, excerpt?, tags?, status?}`.
/// Optional members may be left out but not sent as null.
struct ArticleInput {
    QString title;                   ///< trimmed, 1..200
    QString content;                 ///< at most 1,000,000, may be empty
    std::optional<QString> excerpt;  ///< at most 500
    std::optional<QStringList> tags; ///< at most 20 names, each trimmed 1..50, no duplicates ignoring case
    std::optional<ArticleStatus> status;

    friend bool operator==(const ArticleInput &, const ArticleInput &) = default;
};

/// @brief The create/replace body, with only the optional members that are set.
QJsonObject toJson(const ArticleInput &input);
/// @brief Reads and validates a create/replace body, reporting every problem at once.
Parsed<ArticleInput> articleInputFromJson(const QJsonObject &json);

/// @brief Body of PATCH /articles/{id}: the same members and rules as ArticleInput, each optional; none may be
/// null. An empty patch is valid (it changes nothing).
struct ArticlePatch {
    std::optional<QString> title;
    std::optional<QString> content;
    std::optional<QString> excerpt;
    std::optional<QStringList> tags;
    std::optional<ArticleStatus> status;

    friend bool operator==(const ArticlePatch &, const ArticlePatch &) = default;
};

/// @brief The patch body, with only the members that are set.
QJsonObject toJson(const ArticlePatch &patch);
/// @brief Reads and validates a patch body, reporting every problem at once.
Parsed<ArticlePatch> articlePatchFromJson(const QJsonObject &json);

} // namespace inkwell
