#include "backup.h"

#include "clusterowner.h"
#include "db/embeddedpostgres.h"
#include "db/migrator.h"
#include "pgclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOps, "inkwell.server.ops")

namespace inkwell::server::ops {

namespace {

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text().trimmed();
}

/// pg_dump's and pg_restore's messages without their "pg_restore: error: " prefixes, on one line each.
QString toolMessage(const QByteArray &output)
{
    QStringList lines;
    for (const QString &line : QString::fromLocal8Bit(output).split(u'\n', Qt::SkipEmptyParts)) {
        QString text = line.trimmed();
        for (const QString &prefix : {u"pg_dump: "_s, u"pg_restore: "_s, u"psql: "_s, u"error: "_s})
            if (text.startsWith(prefix))
                text = text.mid(prefix.size());
        if (!text.isEmpty())
            lines << text;
    }
    QString joined = lines.join(u"; "_s);
    if (joined.size() > 1500)
        joined = u"..."_s + joined.right(1500);
    return joined.isEmpty() ? u"no message"_s : joined;
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

/// Rows of the tables a user notices, and the schema version, in the caller's transaction (or snapshot).
std::expected<BackupSummary, QString> countContent(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT to_regclass('schema_migrations') IS NOT NULL"_s) || !query.next())
        return std::unexpected(sqlError(query));
    if (!query.value(0).toBool())
        return std::unexpected(u"the database \"%1\" holds no Inkwell data (no migration was ever applied to it)"_s.arg(
            db.databaseName()));
    if (!query.exec(
            u"SELECT coalesce(max(version), 0), (SELECT count(*) FROM users), (SELECT count(*) FROM articles),"
            " (SELECT count(*) FROM conversations), (SELECT count(*) FROM messages) FROM schema_migrations"_s) ||
        !query.next())
        return std::unexpected(u"cannot count the database's content: %1"_s.arg(sqlError(query)));
    BackupSummary summary;
    summary.schemaVersion = query.value(0).toInt();
    summary.users = query.value(1).toLongLong();
    summary.articles = query.value(2).toLongLong();
    summary.conversations = query.value(3).toLongLong();
    summary.messages = query.value(4).toLongLong();
    return summary;
}

/// Where backup() and restore() reach the database, and what they must undo afterwards.
struct Target {
    std::unique_ptr<QLockFile> lock;           ///< held while the bundled cluster is ours (no server may start)
    std::unique_ptr<EmbeddedPostgres> cluster; ///< started for this command; stopped by close()
    ConnectionParams params;
    QString binDir;

    std::expected<void, QString> close()
    {
        std::expected<void, QString> result;
        if (cluster)
            result = cluster->stop();
        cluster.reset();
        lock.reset();
        return result;
    }
};

enum class Use { Backup, Restore };

/// The cluster of a running inkwelld: postmaster.pid names its port and socket folder (PostgreSQL's own
/// documented layout), db-password the role's password.
std::expected<ConnectionParams, QString> runningCluster(const QString &dataDir, qint64 serverPid)
{
    QFile pidFile(dataDir + u"/postgres/data/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return std::unexpected(u"inkwelld (pid %1) holds the data folder %2, but its PostgreSQL is not running; "
                               "try again once the server has started"_s.arg(serverPid)
                                   .arg(dataDir));
    const QList<QByteArray> lines = pidFile.readAll().split('\n');
    if (lines.size() < 6)
        return std::unexpected(u"%1 is incomplete; is PostgreSQL still starting?"_s.arg(pidFile.fileName()));
    QFile passwordFile(dataDir + u"/db-password"_s);
    if (!passwordFile.open(QIODevice::ReadOnly))
        return std::unexpected(
            u"cannot read the database password %1: %2"_s.arg(passwordFile.fileName(), passwordFile.errorString()));
    ConnectionParams params;
    params.port = lines.at(3).trimmed().toInt();
    const QString socketDir = QString::fromLocal8Bit(lines.at(4).trimmed());
    params.host = socketDir.isEmpty() ? u"127.0.0.1"_s : socketDir;
    params.user = u"inkwell"_s;
    params.password = QString::fromLatin1(passwordFile.readAll().trimmed());
    params.database = u"inkwell"_s;
    return params;
}

std::expected<std::unique_ptr<Target>, QString> openTarget(const Config &config, Use use)
{
    auto target = std::make_unique<Target>();
    if (!config.databaseUrl.isEmpty()) {
        auto params = ConnectionParams::fromUrl(config.databaseUrl);
        if (!params)
            return std::unexpected(u"INKWELL_DATABASE_URL: %1"_s.arg(params.error()));
        target->params = *params;
        qCInfo(lcOps, "using the external database %s", qPrintable(redactUrl(config.databaseUrl)));
        return target;
    }

    const QString pgData = config.dataDir + u"/postgres/data"_s;
    if (use == Use::Backup && !QFileInfo::exists(pgData + u"/PG_VERSION"_s))
        return std::unexpected(
            u"the data folder %1 holds no database to back up (there is no %2)"_s.arg(config.dataDir, pgData));
    if (!QDir().mkpath(config.dataDir))
        return std::unexpected(u"cannot create the data folder %1"_s.arg(config.dataDir));
    if (auto binDir = EmbeddedPostgres::findBinDir())
        target->binDir = *binDir;

    target->lock = std::make_unique<QLockFile>(config.dataDir + u"/inkwelld.lock"_s);
    target->lock->setStaleLockTime(0);
    if (!target->lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        target->lock->getLockInfo(&pid, &host, &app);
        target->lock.reset();
        if (use == Use::Restore)
            return std::unexpected(u"inkwelld (pid %1) is running on the data folder %2: stop it before restoring "
                                   "(systemctl stop inkwelld)"_s.arg(pid)
                                       .arg(config.dataDir));
        // Online: pg_dump reads one consistent snapshot while the server goes on writing.
        auto params = runningCluster(config.dataDir, pid);
        if (!params)
            return std::unexpected(params.error());
        qCInfo(lcOps, "backing up the database of the running inkwelld (pid %lld)", pid);
        target->params = *params;
        return target;
    }

    runClusterAsItsOwner(config.dataDir);
    EmbeddedPostgres::Options options;
    options.dataDir = config.dataDir;
    target->cluster = std::make_unique<EmbeddedPostgres>(options);
    auto params = target->cluster->start();
    if (!params)
        return std::unexpected(params.error());
    target->params = *params;
    handFilesToClusterOwner(config.dataDir);
    return target;
}

struct Existing {
    qint64 relations = 0;
    QStringList schemas; ///< every schema but PostgreSQL's own
    std::optional<BackupSummary> content;
    qint64 otherSessions = 0;
};

std::expected<Existing, QString> inspect(const ConnectionParams &params)
{
    return params.withConnection([](QSqlDatabase &db) -> std::expected<Existing, QString> {
        Existing existing;
        QSqlQuery query(db);
        const QString userSchema =
            u"nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' "
            "AND nspname NOT LIKE 'pg\\_temp\\_%'"_s;
        if (!query.exec(u"SELECT nspname FROM pg_namespace WHERE "_s + userSchema + u" ORDER BY nspname"_s))
            return std::unexpected(sqlError(query));
        while (query.next())
            existing.schemas << query.value(0).toString();
        if (!query.exec(u"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND "_s +
                        userSchema) ||
            !query.next())
            return std::unexpected(sqlError(query));
        existing.relations = query.value(0).toLongLong();
        if (!query.exec(u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"_s) ||
            !query.next())
            return std::unexpected(sqlError(query));
        existing.otherSessions = query.value(0).toLongLong();
        if (auto content = countContent(db))
            existing.content = *content;
        return existing;
    });
}

/// The change feeds order rows by the id of the transaction that last wrote them (xid8 columns, see
/// 0003_content.sql) and show only ids below the oldest running transaction. Restored ids come from the old
/// server's counter, which is usually ahead of the restoring one's: left as they are, the restored rows would stay
/// out of the feeds until the new counter caught up. They become the restoring transaction's id: one moment in the
/// new server's history, before every later change. Triggers are not involved (only this column changes).
constexpr const char *kRenumberTransactionIds = R"(DO $inkwell$
DECLARE
    col record;
BEGIN
    FOR col IN SELECT n.nspname, c.relname, a.attname
               FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE a.atttypid = 'xid8'::regtype AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                 AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    LOOP
        EXECUTE format('UPDATE %I.%I SET %I = pg_current_xact_id()', col.nspname, col.relname, col.attname);
    END LOOP;
END
$inkwell$;
)";

} // namespace

QString BackupSummary::describe() const
{
    return u"%1 user(s), %2 article(s), %3 conversation(s) with %4 message(s), schema version %5"_s.arg(users)
        .arg(articles)
        .arg(conversations)
        .arg(messages)
        .arg(schemaVersion);
}

std::expected<BackupSummary, QString> backupDatabase(const ConnectionParams &params, const QString &binDir,
                                                     const QString &file)
{
    const QFileInfo info(file);
    const QString path = info.absoluteFilePath();
    if (file.isEmpty() || info.isDir())
        return std::unexpected(u"name the backup file (got \"%1\")"_s.arg(file));
    if (!info.absoluteDir().exists())
        return std::unexpected(u"cannot write %1: the folder %2 does not exist"_s.arg(path, info.absolutePath()));
    PgClient client(params, binDir);
    const auto pgDump = client.program(u"pg_dump"_s);
    if (!pgDump)
        return std::unexpected(pgDump.error());
    const auto env = client.environment();
    if (!env)
        return std::unexpected(env.error());

    // pg_dump writes beside the target and the result is renamed over it: an interrupted backup never leaves a
    // truncated FILE behind, nor replaces a good older one. QTemporaryFile makes it 0600: it holds password hashes.
    QTemporaryFile partial(path + u".XXXXXX.partial"_s);
    if (!partial.open())
        return std::unexpected(u"cannot write %1: %2"_s.arg(path, partial.errorString()));
    partial.close();

    return params.withConnection([&](QSqlDatabase &db) -> std::expected<BackupSummary, QString> {
        // The counts and pg_dump see one snapshot: the summary describes exactly what the archive holds.
        QSqlQuery query(db);
        if (!db.transaction() || !query.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s) ||
            !query.exec(u"SELECT pg_export_snapshot()"_s) || !query.next())
            return std::unexpected(u"cannot open a snapshot of the database: %1"_s.arg(
                query.lastError().isValid() ? sqlError(query) : db.lastError().text()));
        const QString snapshot = query.value(0).toString();
        auto summary = countContent(db);
        if (!summary) {
            db.rollback();
            return summary;
        }

        QProcess dump;
        dump.setProcessEnvironment(*env);
        dump.setProgram(*pgDump);
        dump.setArguments({u"--format=custom"_s, u"--file="_s + partial.fileName(), u"--snapshot="_s + snapshot,
                           u"--no-password"_s, u"--lock-wait-timeout=60000"_s});
        qCInfo(lcOps, "running %s", qPrintable(*pgDump));
        dump.start();
        const bool finished = dump.waitForStarted(30000) && dump.waitForFinished(-1);
        db.rollback();
        if (!finished || dump.exitStatus() != QProcess::NormalExit || dump.exitCode() != 0)
            return std::unexpected(
                u"pg_dump failed: %1"_s.arg(finished ? toolMessage(dump.readAllStandardError()) : dump.errorString()));
        if (::rename(QFile::encodeName(partial.fileName()).constData(), QFile::encodeName(path).constData()) != 0)
            return std::unexpected(
                u"cannot rename %1 to %2: %3"_s.arg(partial.fileName(), path, qt_error_string(errno)));
        partial.setAutoRemove(false);
        summary->file = path;
        summary->bytes = QFileInfo(path).size();
        return summary;
    });
}

std::expected<void, QString> checkArchive(const QString &file)
{
    const QFileInfo info(file);
    if (!info.exists())
        return std::unexpected(u"%1 does not exist"_s.arg(file));
    if (!info.isFile() || !info.isReadable())
        return std::unexpected(u"%1 is not a readable file"_s.arg(file));
    PgClient client({});
    const auto pgRestore = client.program(u"pg_restore"_s);
    if (!pgRestore)
        return std::unexpected(pgRestore.error());
    QProcess list;
    list.start(*pgRestore, {u"--list"_s, info.absoluteFilePath()});
    if (!list.waitForStarted(30000) || !list.waitForFinished(-1))
        return std::unexpected(u"cannot run pg_restore: %1"_s.arg(list.errorString()));
    if (list.exitStatus() != QProcess::NormalExit || list.exitCode() != 0)
        return std::unexpected(u"%1 is not a backup made by inkwelld backup (pg_restore: %2)"_s.arg(
            file, toolMessage(list.readAllStandardError())));
    // A table of contents line reads "215; 1259 16385 TABLE public schema_migrations inkwell".
    if (!list.readAllStandardOutput().contains(" TABLE public schema_migrations "))
        return std::unexpected(
            u"%1 is a PostgreSQL archive, but not of an Inkwell database (it has no schema_migrations table)"_s.arg(
                file));
    return {};
}

std::expected<BackupSummary, QString> restoreDatabase(const ConnectionParams &params, const QString &binDir,
                                                      const QString &file, bool force)
{
    PgClient client(params, binDir);
    const auto pgRestore = client.program(u"pg_restore"_s);
    if (!pgRestore)
        return std::unexpected(pgRestore.error());
    const auto psql = client.program(u"psql"_s);
    if (!psql)
        return std::unexpected(psql.error());
    const auto env = client.environment();
    if (!env)
        return std::unexpected(env.error());

    const auto existing = inspect(params);
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->relations > 0 && !force) {
        const QString what = existing->content ? existing->content->describe()
                                               : u"%1 table(s), sequence(s) or view(s)"_s.arg(existing->relations);
        return std::unexpected(u"the database \"%1\" is not empty (%2); a restore replaces everything in it. "
                               "Run `inkwelld restore %3 --force` to replace it"_s.arg(params.database, what, file));
    }
    if (existing->otherSessions > 0)
        qCWarning(lcOps, "%lld other session(s) are connected to the database; stop every inkwelld that uses it",
                  existing->otherSessions);

    // One transaction for all: the old schemas are dropped and the archive's SQL runs inside it, and COMMIT is
    // sent only when pg_restore has read the whole archive. psql stops at the first error (ON_ERROR_STOP) and
    // its connection ends without a COMMIT, so the server rolls everything back.
    QByteArray prologue = "SET client_min_messages = warning;\nBEGIN;\n";
    if (force && existing->relations > 0) {
        for (const QString &schema : existing->schemas)
            prologue += "DROP SCHEMA " + quoteIdentifier(schema).toUtf8() + " CASCADE;\n";
        prologue += "CREATE SCHEMA public;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n";
    }

    ::signal(SIGPIPE, SIG_IGN); // psql may stop reading at an error: that is reported, not a reason to die
    QProcess writer;
    writer.setProcessEnvironment(*env);
    writer.setProcessChannelMode(QProcess::MergedChannels);
    writer.start(*psql, {u"--no-psqlrc"_s, u"--quiet"_s, u"--no-password"_s, u"--set=ON_ERROR_STOP=1"_s});
    QProcess reader;
    reader.setProcessEnvironment(*env);
    reader.start(*pgRestore, {u"--no-owner"_s, u"--no-acl"_s, u"--exit-on-error"_s, u"--file=-"_s,
                              QFileInfo(file).absoluteFilePath()});
    if (!writer.waitForStarted(30000) || !reader.waitForStarted(30000))
        return std::unexpected(
            u"cannot run psql or pg_restore: %1 %2"_s.arg(writer.errorString(), reader.errorString()));
    writer.write(prologue);

    QByteArray psqlOutput;
    QByteArray readerErrors;
    for (;;) {
        reader.waitForReadyRead(200);
        const QByteArray chunk = reader.readAllStandardOutput();
        readerErrors += reader.readAllStandardError();
        if (!chunk.isEmpty()) {
            writer.write(chunk);
            // Wait for psql before reading on: memory stays bounded by one pipe's worth, whatever the archive.
            while (writer.bytesToWrite() > 0 && writer.state() == QProcess::Running)
                writer.waitForBytesWritten(200);
        }
        psqlOutput += writer.readAll();
        if (writer.state() != QProcess::Running)
            break;
        if (reader.state() == QProcess::NotRunning && reader.bytesAvailable() == 0)
            break;
    }
    if (reader.state() != QProcess::NotRunning) {
        reader.kill(); // psql stopped first: nothing more will be applied
        reader.waitForFinished(10000);
    }
    readerErrors += reader.readAllStandardError();
    const bool readWhole = reader.exitStatus() == QProcess::NormalExit && reader.exitCode() == 0;
    if (writer.state() == QProcess::Running) {
        writer.write(readWhole ? QByteArray(kRenumberTransactionIds) + "COMMIT;\n" : QByteArray("ROLLBACK;\n"));
        writer.closeWriteChannel();
        writer.waitForFinished(-1);
    }
    psqlOutput += writer.readAll();
    const bool applied = writer.exitStatus() == QProcess::NormalExit && writer.exitCode() == 0;
    if (!readWhole && !readerErrors.isEmpty())
        return std::unexpected(
            u"pg_restore could not read %1 (%2); the database was not changed"_s.arg(file, toolMessage(readerErrors)));
    if (!readWhole || !applied)
        return std::unexpected(u"the restore failed and was rolled back, the database was not changed: %1"_s.arg(
            toolMessage(psqlOutput + readerErrors)));

    // An archive of an older inkwelld: bring it to this binary's schema now, so that a problem shows here.
    auto migrated = params.withConnection([](QSqlDatabase &db) { return Migrator(db).migrate(); });
    if (!migrated)
        return std::unexpected(u"the archive was restored, but migrating it failed: %1"_s.arg(migrated.error()));
    auto summary = params.withConnection([](QSqlDatabase &db) { return countContent(db); });
    if (!summary)
        return summary;
    summary->file = QFileInfo(file).absoluteFilePath();
    summary->bytes = QFileInfo(file).size();
    summary->migrationsApplied = *migrated;
    return summary;
}

std::expected<BackupSummary, QString> backup(const Config &config, const QString &file)
{
    auto target = openTarget(config, Use::Backup);
    if (!target)
        return std::unexpected(target.error());
    auto result = backupDatabase((*target)->params, (*target)->binDir, file);
    if (auto closed = (*target)->close(); !closed && result)
        return std::unexpected(closed.error());
    return result;
}

std::expected<BackupSummary, QString> restore(const Config &config, const QString &file, bool force)
{
    // The file first: a wrong one must change nothing, not even create a cluster in a fresh data folder.
    if (auto checked = checkArchive(file); !checked)
        return std::unexpected(checked.error());
    auto target = openTarget(config, Use::Restore);
    if (!target)
        return std::unexpected(target.error());
    auto result = restoreDatabase((*target)->params, (*target)->binDir, file, force);
    if (auto closed = (*target)->close(); !closed && result)
        return std::unexpected(closed.error());
    return result;
}

} // namespace inkwell::server::ops
