#pragma once

#include "error.h"
#include "json/jsonreader.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace inkwell {

inline constexpr int kMinTagNameLength = 1;   ///< after trimming
inline constexpr int kMaxTagNameLength = 50;  ///< after trimming
inline constexpr int kMaxTagsPerArticle = 20; ///< names are unique per article, compared case-insensitively

/// @brief A tag, as listed by GET /tags (`{id, name, slug, article_count}`).
struct Tag {
    QUuid id;
    QString name;
    QString slug;
    int articleCount = 0;

    friend bool operator==(const Tag &, const Tag &) = default;
};

/// @brief The tag object.
QJsonObject toJson(const Tag &tag);
/// @brief Strictly reads a tag object.
Parsed<Tag> tagFromJson(const QJsonObject &json, UnknownFields unknown = UnknownFields::Reject);

} // namespace inkwell
