#pragma once

#include <QSqlDatabase>
#include <QString>

#include <expected>

namespace inkwell::server {

/// @brief Where and how to reach one PostgreSQL database.
struct ConnectionParams {
    QString host;     ///< host name, IP, or an absolute unix-socket directory
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString options;  ///< QPSQL connect options ("sslmode=require;connect_timeout=5")

    /// @brief Parses `postgres://user:pass@host:port/db?sslmode=...` (also `postgresql://`).
    static std::expected<ConnectionParams, QString> fromUrl(const QString &url);

    /// @brief Adds (or replaces) a QPSQL connection with this name; the caller opens it in the thread that owns it.
    QSqlDatabase addDatabase(const QString &connectionName) const;
};

} // namespace inkwell::server
