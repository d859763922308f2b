#include "model/notification.h"

#include "json/jsonreader.h"

using namespace Qt::StringLiterals;

namespace inkwell {

QJsonObject toJson(const Notification &notification)
{
    return {
        {u"id"_s, formatId(notification.id)},
        {u"type"_s, notification.type},
        {u"title"_s, notification.title},
        {u"message"_s, notification.message},
        {u"link"_s, toJsonValue(notification.link)},
        {u"is_read"_s, notification.isRead},
        {u"created_at"_s, formatTimestamp(notification.createdAt)},
        {u"read_at"_s, toJsonValue(notification.readAt)},
    };
}

Parsed<Notification> notificationFromJson(const QJsonObject &json, UnknownFields unknown)
{
    JsonReader in(json, unknown);
    Notification notification;
    notification.id = in.requiredUuid(u"id");
    notification.type = in.requiredString(u"type", {.minLength = 1});
    notification.title = in.requiredString(u"title", {});
    notification.message = in.requiredString(u"message", {});
    notification.link = in.nullableString(u"link", {});
    notification.isRead = in.requiredBool(u"is_read");
    notification.createdAt = in.requiredDateTime(u"created_at");
    notification.readAt = in.nullableDateTime(u"read_at");
    return in.finish(std::move(notification));
}

} // namespace inkwell
