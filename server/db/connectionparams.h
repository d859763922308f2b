#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <expected>
#include <optional>

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

    /// @brief Opens a short-lived connection in the calling thread, runs `work(QSqlDatabase &)`
    /// (which returns `std::expected<T, QString>`), then closes and removes the connection.
    template <typename Work>
    auto withConnection(Work work) const -> decltype(work(std::declval<QSqlDatabase &>()));

private:
    static QString uniqueConnectionName();
};

template <typename Work>
auto ConnectionParams::withConnection(Work work) const -> decltype(work(std::declval<QSqlDatabase &>()))
{
    const QString name = uniqueConnectionName();
    std::optional<decltype(work(std::declval<QSqlDatabase &>()))> result;
    {
        QSqlDatabase db = addDatabase(name);
        if (!db.open()) {
            result = std::unexpected(QStringLiteral("cannot connect to the database: %1").arg(db.lastError().text()));
        } else {
            result = work(db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name); // after the last QSqlDatabase handle is gone
    return std::move(*result);
}

} // namespace inkwell::server
