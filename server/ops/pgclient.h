#pragma once

#include "db/connectionparams.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <expected>
#include <memory>

namespace inkwell::server::ops {

/// @brief Runs PostgreSQL's client programs (pg_dump, pg_restore, psql) against one database.
///
/// The password never goes on a command line: the children get a private passfile (PGPASSFILE, mode 0600 in a
/// folder of mode 0700) that lives as long as this object, and no PG* variable inherited from the caller.
class PgClient {
public:
    /// @param preferredBinDir the bundled cluster's bin folder, so that its own pg_dump is used (empty: none).
    explicit PgClient(ConnectionParams params, QString preferredBinDir = {});
    ~PgClient();
    PgClient(const PgClient &) = delete;
    PgClient &operator=(const PgClient &) = delete;

    /// @brief Absolute path of a client program: $INKWELL_PG_BINDIR, the preferred folder, the newest
    /// /usr/lib/postgresql/N/bin, then PATH. The error says which package brings it.
    std::expected<QString, QString> program(const QString &name) const;

    /// @brief The environment for a child that connects to the database: PGHOST, PGPORT, PGUSER, PGDATABASE,
    /// PGPASSFILE and the URL's options (PGSSLMODE...), nothing else of the caller's PG* variables.
    std::expected<QProcessEnvironment, QString> environment();

    const ConnectionParams &params() const { return m_params; }

private:
    ConnectionParams m_params;
    QString m_preferredBinDir;
    std::unique_ptr<QTemporaryDir> m_passDir;
};

} // namespace inkwell::server::ops
