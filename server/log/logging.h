#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

/// @brief inkwelld's logs: one JSON object per line on stderr.
namespace inkwell::server::logging {

/// @brief Routes every qDebug/qInfo/qWarning/qCritical through the JSON writer, from `level` up
/// ("debug", "info", "warning", "error").
void install(const QString &level);

/// @brief Whether a message of this level would be written (to skip building it when not).
bool enabled(QtMsgType type);

/// @brief Writes one JSON log line if `type` is at or above the configured level.
void write(QtMsgType type, const QString &category, const QString &message, const QJsonObject &fields = {});

/// @brief The access log line of one request (level info, category inkwell.server.access).
void access(const QJsonObject &fields);

} // namespace inkwell::server::logging
