#pragma once

#include "config/config.h"
#include "db/connectionparams.h"

#include <QString>
#include <expected>

namespace inkwell::server::ops {

/// @brief What one backup holds, or what a restored database holds: counted in the same snapshot pg_dump saved.
struct BackupSummary {
    QString file;              ///< absolute path of the archive
    qint64 bytes = 0;          ///< size of the archive
    int schemaVersion = 0;     ///< newest migration applied in the database
    int migrationsApplied = 0; ///< restore only: migrations this binary applied after the restore
    qint64 users = 0;
    qint64 articles = 0; ///< every article row, drafts and soft-deleted ones included
    qint64 conversations = 0;
    qint64 messages = 0;

    /// @brief "3 users, 120 articles, 2 conversations with 14 messages, schema version 7".
    QString describe() const;
};

/// @brief `inkwelld backup FILE`: a pg_dump archive (custom format) of inkwelld's database, taken online.
///
/// Uses the same configuration as the server: INKWELL_DATABASE_URL, or the bundled cluster in the data folder.
/// While an inkwelld serves that folder, the backup connects to its running cluster; otherwise it starts the
/// cluster for the time of the backup (and keeps the folder locked, so that no server starts meanwhile).
/// The archive is written next to FILE under a temporary name, mode 0600 (it holds password hashes), and
/// renamed to FILE only when pg_dump succeeded: FILE is never left half-written.
std::expected<BackupSummary, QString> backup(const Config &config, const QString &file);

/// @brief `inkwelld restore FILE [--force]`: loads an archive of backup() into inkwelld's database.
///
/// The archive is checked first (a file that is not an Inkwell backup changes nothing, not even a missing
/// cluster is created). A database that already holds tables is refused unless `force`; with `force` its schemas
/// are dropped in the same transaction that restores the archive. Everything runs in one transaction that is
/// committed only when pg_restore read the whole archive and psql ran every statement of it (ON_ERROR_STOP):
/// a failed restore leaves the database as it was. Pending migrations are applied afterwards, so an archive of
/// an older inkwelld comes back at this binary's schema. The bundled cluster must not be in use by a server
/// (it is created first when the data folder has none).
std::expected<BackupSummary, QString> restore(const Config &config, const QString &file, bool force);

/// @brief The part of backup() that works on any reachable database; `binDir` prefers that folder's pg_dump.
std::expected<BackupSummary, QString> backupDatabase(const ConnectionParams &params, const QString &binDir,
                                                     const QString &file);

/// @brief Checks that `file` is a pg_dump archive of an Inkwell database (pg_restore --list reads its table of
/// contents; damage further in is caught by the restore itself, which then rolls back).
std::expected<void, QString> checkArchive(const QString &file);

/// @brief The part of restore() that works on any reachable database (after checkArchive()).
std::expected<BackupSummary, QString> restoreDatabase(const ConnectionParams &params, const QString &binDir,
                                                      const QString &file, bool force);

} // namespace inkwell::server::ops
