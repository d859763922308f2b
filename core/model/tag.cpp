#include "model/tag.h"

#include "json/jsonreader.h"

using namespace Qt::StringLiterals;

namespace inkwell {

QJsonObject toJson(const Tag &tag)
{
    return {
        {u"id"_s, formatId(tag.id)},
        {u"name"_s, tag.name},
        {u"slug"_s, tag.slug},
        {u"article_count"_s, tag.articleCount},
    };
}

Parsed<Tag> tagFromJson(const QJsonObject &json, UnknownFields unknown)
{
    JsonReader in(json, unknown);
    Tag tag;
    tag.id = in.requiredUuid(u"id");
    tag.name = in.requiredString(u"name", {.minLength = kMinTagNameLength, .maxLength = kMaxTagNameLength});
    tag.slug = in.requiredString(u"slug", {.minLength = 1});
    tag.articleCount = static_cast<int>(in.requiredInt(u"article_count", 0, std::numeric_limits<int>::max()));
    return in.finish(std::move(tag));
}

} // namespace inkwell
