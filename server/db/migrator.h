#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <expected>
#include <optional>

namespace inkwell::server {

/// @brief Applies the versioned SQL files compiled into the binary (`:/migrations/NNNN_name.sql`).
///
/// Each migration runs in its own transaction, and the whole run holds a PostgreSQL advisory lock,
/// so several instances starting at once apply each migration exactly once.
class Migrator {
public:
    struct Migration {
        int version = 0;
        QString name;
        QString sql;
        QByteArray checksum; ///< SHA-256 of the SQL, hex
    };
    struct Status {
        int version = 0;
        QString name;
        std::optional<QDateTime> appliedAt; ///< empty: pending
    };

    explicit Migrator(QSqlDatabase db, QList<Migration> migrations = bundled());

    /// @brief The migrations compiled into this binary, in version order.
    static QList<Migration> bundled();

    /// @brief Applies every pending migration; returns how many were applied.
    std::expected<int, QString> migrate();

    /// @brief Every known migration with the time it was applied (if it was).
    std::expected<QList<Status>, QString> status();

private:
    std::expected<void, QString> ensureTable();

    QSqlDatabase m_db;
    QList<Migration> m_migrations;
};

} // namespace inkwell::server
