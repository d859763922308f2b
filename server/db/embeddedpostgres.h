#pragma once

#include "connectionparams.h"

#include <QString>
#include <QStringList>

#include <expected>
#include <optional>
#include <sys/types.h>

namespace inkwell::server {

/// @brief The bundled PostgreSQL cluster inside inkwelld's data folder (initdb + pg_ctl).
///
/// Layout: `<data>/postgres/` (owned by the user PostgreSQL runs as, mode 0700) holds `data/`
/// (PGDATA), `server.log` and, in socket mode, the unix socket; `<data>/db-password` (0600) holds
/// the generated password of the `inkwell` role. PostgreSQL refuses to run as root, so when
/// inkwelld runs as root the cluster's processes run as the `postgres` system user.
class EmbeddedPostgres {
public:
    struct Options {
        QString dataDir;
        /// Listen on a free loopback TCP port instead of a unix socket in the cluster folder.
        bool tcp = false;
        /// Turn off fsync (throwaway test clusters only: a crash may lose data).
        bool durable = true;
        QString database = QStringLiteral("inkwell");
    };

    explicit EmbeddedPostgres(Options options);
    ~EmbeddedPostgres();
    EmbeddedPostgres(const EmbeddedPostgres &) = delete;
    EmbeddedPostgres &operator=(const EmbeddedPostgres &) = delete;

    /// @brief Creates the cluster on first use, starts it (or adopts one left running by a
    /// crashed run) and makes sure the database exists; returns how to connect.
    std::expected<ConnectionParams, QString> start();

    /// @brief Stops the cluster if this object started or adopted it. Safe to call twice.
    std::expected<void, QString> stop();

    bool isRunning() const { return m_running; }
    bool createdCluster() const { return m_created; }
    QString clusterDir() const;
    QString pgData() const;

    /// @brief The folder with initdb/pg_ctl: $INKWELL_PG_BINDIR, PATH, or the newest /usr/lib/postgresql/N/bin.
    static std::expected<QString, QString> findBinDir();

private:
    struct RunAs {
        uid_t uid;
        gid_t gid;
        QString name;
    };
    struct ProcessResult {
        int exitCode = -1;
        QString output;
    };

    std::expected<void, QString> prepareFolders();
    std::expected<void, QString> initCluster();
    std::expected<void, QString> writeSettings(int port, bool tcp);
    std::expected<ProcessResult, QString> run(const QString &program, const QStringList &arguments,
                                              int timeoutMs, bool discardOutput = false) const;
    std::expected<void, QString> ensureDatabase(const ConnectionParams &params);
    std::expected<void, QString> chownToServerUser(const QString &path) const;

    Options m_options;
    QString m_binDir;
    std::optional<RunAs> m_runAs;
    ConnectionParams m_params;
    int m_tcpPort = 0;
    bool m_running = false;
    bool m_created = false;
};

} // namespace inkwell::server
