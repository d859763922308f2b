#include "notifications/notificationevents.h"

#include "notifications/notificationstore.h"

#include "json/jsonreader.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

/// A required string member of a payload, at most `maxLength` characters.
std::expected<QString, QString> text(const QJsonObject &payload, const QString &name, int maxLength)
{
    const QJsonValue value = payload.value(name);
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return std::unexpected(u"payload.%1 is missing or not a non-empty string"_s.arg(name));
    if (codePointCount(value.toString()) > maxLength)
        return std::unexpected(u"payload.%1 is longer than %2 characters"_s.arg(name).arg(maxLength));
    return value.toString();
}

/// A required id member of a payload.
std::expected<QUuid, QString> id(const QJsonObject &payload, const QString &name)
{
    const auto parsed = parseId(payload.value(name).toString());
    if (!parsed)
        return std::unexpected(u"payload.%1 is missing or not a UUID"_s.arg(name));
    return *parsed;
}

std::expected<void, QString> welcome(const OutboxEvent &event, ThreadDatabase &db)
{
    const auto userId = id(event.payload, u"user_id"_s);
    if (!userId)
        return std::unexpected(userId.error());
    const auto name = text(event.payload, u"full_name"_s, 100);
    if (!name)
        return std::unexpected(name.error());
    NotificationStore::NewNotification notification{
        u"welcome"_s,
        u"Welcome to Inkwell, %1!"_s.arg(*name),
        u"Your account is ready. Follow authors you like to hear when they publish, or start your first draft."_s,
        std::nullopt,
        u"welcome"_s, // one welcome per user, ever
    };
    // A user deleted before the event was handled needs no welcome: nothing is inserted, and that is fine.
    auto created = NotificationStore(db).createForUser(*userId, notification);
    if (!created)
        return std::unexpected(created.error());
    return {};
}

std::expected<void, QString> articlePublished(const OutboxEvent &event, ThreadDatabase &db)
{
    const auto articleId = id(event.payload, u"article_id"_s);
    const auto authorId = id(event.payload, u"author_id"_s);
    const auto authorName = text(event.payload, u"author_name"_s, 100);
    const auto title = text(event.payload, u"title"_s, 200);
    const auto slug = text(event.payload, u"slug"_s, 90);
    QStringList problems; // every one at once, for last_error
    if (!articleId)
        problems << articleId.error();
    if (!authorId)
        problems << authorId.error();
    if (!authorName)
        problems << authorName.error();
    if (!title)
        problems << title.error();
    if (!slug)
        problems << slug.error();
    if (!problems.isEmpty())
        return std::unexpected(problems.join(u"; "_s));
    NotificationStore::NewNotification notification{
        u"article.published"_s,
        u"New article by %1"_s.arg(*authorName),
        *title,
        u"/api/v1/articles/%1"_s.arg(formatId(*articleId)),
        u"article.published:%1"_s.arg(formatId(*articleId)), // once per article, however often it is published
    };
    auto created = NotificationStore(db).createForFollowers(*authorId, notification);
    if (!created)
        return std::unexpected(created.error());
    return {};
}

} // namespace

void addNotificationHandlers(EventHandlers &handlers)
{
    handlers.add(u"user.created"_s, welcome);
    handlers.add(u"article.published"_s, articlePublished);
}

EventHandlers notificationEventHandlers()
{
    EventHandlers handlers;
    addNotificationHandlers(handlers);
    return handlers;
}

} // namespace inkwell::server
