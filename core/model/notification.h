#pragma once

#include "error.h"
#include "json/jsonreader.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <optional>

namespace inkwell {

/// @brief A notification, as the API shows it (`notification`).
struct Notification {
    QUuid id;
    QString type; ///< what happened, e.g. "article.published"
    QString title;
    QString message;
    std::optional<QString> link; ///< where the app should go when it is opened
    bool isRead = false;
    QDateTime createdAt;
    std::optional<QDateTime> readAt;

    friend bool operator==(const Notification &, const Notification &) = default;
};

/// @brief The `notification` object.
QJsonObject toJson(const Notification &notification);
/// @brief Strictly reads a `notification` object.
Parsed<Notification> notificationFromJson(const QJsonObject &json, UnknownFields unknown = UnknownFields::Reject);

} // namespace inkwell
