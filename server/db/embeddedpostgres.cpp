#include "embeddedpostgres.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QVersionNumber>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPostgres, "inkwell.server.db.postgres")

namespace inkwell::server {

namespace {

const QString kRole = u"inkwell"_s;
constexpr int kSocketPort = 5432; // the socket lives in a private folder, so the number never collides

QString quoteConf(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\'', u"''"_s);
    return u'\'' + escaped + u'\'';
}

std::expected<void, QString> writePrivateFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::unexpected(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(content) != content.size() || !file.flush())
        return std::unexpected(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

EmbeddedPostgres::EmbeddedPostgres(Options options)
    : m_options(std::move(options))
{
}

EmbeddedPostgres::~EmbeddedPostgres()
{
    if (m_running) {
        if (auto stopped = stop(); !stopped)
            qCWarning(lcPostgres).noquote() << stopped.error();
    }
}

QString EmbeddedPostgres::clusterDir() const
{
    return m_options.dataDir + u"/postgres"_s;
}

QString EmbeddedPostgres::pgData() const
{
    return clusterDir() + u"/data"_s;
}

std::expected<QString, QString> EmbeddedPostgres::findBinDir()
{
    const QString fromEnv = qEnvironmentVariable("INKWELL_PG_BINDIR");
    if (!fromEnv.isEmpty()) {
        if (!QFileInfo(fromEnv + u"/initdb"_s).isExecutable())
            return std::unexpected(u"INKWELL_PG_BINDIR=%1 holds no initdb"_s.arg(fromEnv));
        return fromEnv;
    }
    const QString initdb = QStandardPaths::findExecutable(u"initdb"_s);
    if (!initdb.isEmpty() && QFileInfo(QFileInfo(initdb).absolutePath() + u"/pg_ctl"_s).isExecutable())
        return QFileInfo(initdb).absolutePath();
    // Debian keeps the server binaries off PATH, one folder per major version.
    QVersionNumber best;
    QString bestDir;
    const QDir versions(u"/usr/lib/postgresql"_s);
    for (const QString &entry : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = versions.filePath(entry) + u"/bin"_s;
        const QVersionNumber version = QVersionNumber::fromString(entry);
        if (QFileInfo(dir + u"/initdb"_s).isExecutable() && version > best) {
            best = version;
            bestDir = dir;
        }
    }
    if (bestDir.isEmpty())
        return std::unexpected(u"PostgreSQL server programs (initdb, pg_ctl) not found: install postgresql-15, "
                               "set INKWELL_PG_BINDIR, or set INKWELL_DATABASE_URL to use an external database"_s);
    return bestDir;
}

std::expected<EmbeddedPostgres::ProcessResult, QString>
EmbeddedPostgres::run(const QString &program, const QStringList &arguments, int timeoutMs, bool discardOutput) const
{
    QProcess process;
    process.setProgram(m_binDir + u'/' + program);
    process.setArguments(arguments);
    process.setWorkingDirectory(m_runAs ? clusterDir() : m_options.dataDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"PGHOST"_s, u"PGPORT"_s, u"PGDATA"_s, u"PGUSER"_s, u"PGDATABASE"_s, u"PGOPTIONS"_s})
        env.remove(name);
    env.insert(u"LC_MESSAGES"_s, u"C"_s);
    process.setProcessEnvironment(env);
    if (discardOutput) {
        // pg_ctl start leaves the server running with whatever it inherited: give it no pipe of ours.
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
    } else {
        process.setProcessChannelMode(QProcess::MergedChannels);
    }
    if (m_runAs) {
        const RunAs who = *m_runAs;
        process.setChildProcessModifier([who] {
            // Runs in the forked child before exec: only async-signal-safe calls here.
            if (::setgroups(0, nullptr) != 0 || ::setgid(who.gid) != 0 || ::setuid(who.uid) != 0)
                ::_exit(126);
        });
    }
    process.start();
    if (!process.waitForStarted(10000))
        return std::unexpected(u"cannot run %1: %2"_s.arg(program, process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return std::unexpected(u"%1 did not finish within %2 s"_s.arg(program).arg(timeoutMs / 1000));
    }
    ProcessResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (!discardOutput)
        result.output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return result;
}

std::expected<void, QString> EmbeddedPostgres::chownToServerUser(const QString &path) const
{
    if (!m_runAs)
        return {};
    if (::chown(QFile::encodeName(path).constData(), m_runAs->uid, m_runAs->gid) != 0)
        return std::unexpected(u"cannot hand %1 to user %2: %3"_s.arg(path, m_runAs->name, qt_error_string(errno)));
    return {};
}

std::expected<void, QString> EmbeddedPostgres::prepareFolders()
{
    if (::geteuid() == 0) {
        const QByteArray userName = qgetenv("INKWELL_PG_USER").isEmpty() ? QByteArray("postgres")
                                                                          : qgetenv("INKWELL_PG_USER");
        const passwd *pw = ::getpwnam(userName.constData());
        if (!pw)
            return std::unexpected(u"PostgreSQL refuses to run as root and there is no user \"%1\" to run it as "
                                   "(install postgresql-15, or set INKWELL_PG_USER)"_s.arg(QString::fromLocal8Bit(userName)));
        m_runAs = RunAs{pw->pw_uid, pw->pw_gid, QString::fromLocal8Bit(userName)};
    }

    QDir dataDir(m_options.dataDir);
    if (!dataDir.exists() && !QDir().mkpath(m_options.dataDir))
        return std::unexpected(u"cannot create the data folder %1"_s.arg(m_options.dataDir));

    if (m_runAs) {
        // The server user must be able to pass through every folder above its cluster.
        struct stat st{};
        const QByteArray dataPath = QFile::encodeName(m_options.dataDir);
        if (::stat(dataPath.constData(), &st) == 0 && st.st_uid == ::geteuid() && !(st.st_mode & S_IXOTH))
            ::chmod(dataPath.constData(), (st.st_mode & 07777) | S_IXOTH);
        QString dir = m_options.dataDir;
        while (!dir.isEmpty()) {
            const QByteArray path = QFile::encodeName(dir);
            if (::stat(path.constData(), &st) != 0)
                return std::unexpected(u"cannot inspect %1: %2"_s.arg(dir, qt_error_string(errno)));
            const bool passable = (st.st_mode & S_IXOTH) || (st.st_uid == m_runAs->uid && (st.st_mode & S_IXUSR)) ||
                                  (st.st_gid == m_runAs->gid && (st.st_mode & S_IXGRP));
            if (!passable)
                return std::unexpected(u"PostgreSQL runs as user %1, who cannot enter %2; choose a data folder it "
                                       "can reach (for example /var/lib/inkwell)"_s.arg(m_runAs->name, dir));
            if (dir == u"/"_s)
                break;
            dir = QFileInfo(dir).absolutePath();
        }
    }

    if (!QDir(clusterDir()).exists() && !QDir().mkpath(clusterDir()))
        return std::unexpected(u"cannot create %1"_s.arg(clusterDir()));
    QFile::setPermissions(clusterDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return chownToServerUser(clusterDir());
}

std::expected<void, QString> EmbeddedPostgres::initCluster()
{
    QByteArray password = QByteArray(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(password.data()), password.size() / 4);
    password = password.toHex();

    const QString pwFile = clusterDir() + u"/initdb.pw"_s;
    if (auto written = writePrivateFile(pwFile, password + '\n'); !written)
        return written;
    if (auto owned = chownToServerUser(pwFile); !owned)
        return owned;

    qCInfo(lcPostgres).noquote() << "creating a PostgreSQL cluster in" << pgData();
    auto result = run(u"initdb"_s,
                      {u"-D"_s, pgData(), u"-U"_s, kRole, u"--pwfile="_s + pwFile, u"--auth-local=scram-sha-256"_s,
                       u"--auth-host=scram-sha-256"_s, u"--encoding=UTF8"_s, u"--locale=C.UTF-8"_s},
                      180000);
    QFile::remove(pwFile);
    if (!result || result->exitCode != 0) {
        QDir(pgData()).removeRecursively(); // a half-made cluster would block the next try
        return std::unexpected(u"initdb failed: %1"_s.arg(result ? result->output : result.error()));
    }
    if (auto written = writePrivateFile(m_options.dataDir + u"/db-password"_s, password); !written)
        return written;

    QFile conf(pgData() + u"/postgresql.conf"_s);
    if (!conf.open(QIODevice::Append | QIODevice::Text))
        return std::unexpected(u"cannot edit %1: %2"_s.arg(conf.fileName(), conf.errorString()));
    conf.write("\n# Written by inkwelld at every start.\ninclude_if_exists = 'inkwell.conf'\n");
    m_created = true;
    return {};
}

std::expected<void, QString> EmbeddedPostgres::writeSettings(int port, bool tcp)
{
    QString conf;
    conf += u"listen_addresses = %1\n"_s.arg(quoteConf(tcp ? u"127.0.0.1"_s : QString()));
    conf += u"port = %1\n"_s.arg(port);
    conf += u"unix_socket_directories = %1\n"_s.arg(quoteConf(tcp ? QString() : clusterDir()));
    conf += u"unix_socket_permissions = 0700\n"_s;
    conf += u"max_connections = 200\n"_s;
    conf += u"logging_collector = off\n"_s;
    if (!m_options.durable)
        conf += u"fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"_s;
    const QString path = pgData() + u"/inkwell.conf"_s;
    if (auto written = writePrivateFile(path, conf.toUtf8()); !written)
        return written;
    return chownToServerUser(path);
}

std::expected<ConnectionParams, QString> EmbeddedPostgres::start()
{
    if (m_running)
        return m_params;
    auto binDir = findBinDir();
    if (!binDir)
        return std::unexpected(binDir.error());
    m_binDir = *binDir;
    if (auto prepared = prepareFolders(); !prepared)
        return std::unexpected(prepared.error());

    const bool exists = QFileInfo::exists(pgData() + u"/PG_VERSION"_s);
    if (!exists) {
        if (auto created = initCluster(); !created)
            return std::unexpected(created.error());
    } else {
        qCInfo(lcPostgres).noquote() << "using the existing PostgreSQL cluster in" << pgData();
    }

    QFile passwordFile(m_options.dataDir + u"/db-password"_s);
    if (!passwordFile.open(QIODevice::ReadOnly))
        return std::unexpected(u"the cluster in %1 exists but its password file %2 cannot be read: %3"_s.arg(
            pgData(), passwordFile.fileName(), passwordFile.errorString()));
    const int previousPort = m_params.port;
    m_params = ConnectionParams{};
    m_params.port = previousPort;
    m_params.user = kRole;
    m_params.password = QString::fromLatin1(passwordFile.readAll().trimmed());
    m_params.database = m_options.database;

    // A cluster left running by a crashed inkwelld is adopted rather than started twice.
    auto status = run(u"pg_ctl"_s, {u"status"_s, u"-D"_s, pgData()}, 30000);
    if (status && status->exitCode == 0) {
        QFile pidFile(pgData() + u"/postmaster.pid"_s);
        if (!pidFile.open(QIODevice::ReadOnly))
            return std::unexpected(u"cannot read %1: %2"_s.arg(pidFile.fileName(), pidFile.errorString()));
        const QList<QByteArray> lines = pidFile.readAll().split('\n');
        if (lines.size() < 6)
            return std::unexpected(u"%1 is incomplete; is the cluster starting?"_s.arg(pidFile.fileName()));
        m_params.port = lines.at(3).trimmed().toInt();
        const QString socketDir = QString::fromLocal8Bit(lines.at(4).trimmed());
        m_params.host = socketDir.isEmpty() ? u"127.0.0.1"_s : socketDir;
        qCInfo(lcPostgres) << "adopting the PostgreSQL server already running on" << pgData();
    } else {
        bool tcp = m_options.tcp;
        if (!tcp && (clusterDir() + u"/.s.PGSQL.5432"_s).toLocal8Bit().size() >= int(sizeof(sockaddr_un::sun_path))) {
            qCInfo(lcPostgres) << "the data folder path is too long for a unix socket; using a loopback port";
            tcp = true;
        }
        // A restart by the same object keeps its port, so connections made before can come back.
        const int port = !tcp ? kSocketPort : m_params.port > 0 && m_tcpPort == m_params.port ? m_tcpPort : freeLoopbackPort();
        if (port == 0)
            return std::unexpected(u"no free loopback port for PostgreSQL"_s);
        if (auto written = writeSettings(port, tcp); !written)
            return std::unexpected(written.error());
        const QString logFile = clusterDir() + u"/server.log"_s;
        auto started = run(u"pg_ctl"_s, {u"start"_s, u"-D"_s, pgData(), u"-l"_s, logFile, u"-w"_s, u"-t"_s, u"90"_s},
                           120000, /*discardOutput=*/true);
        if (!started || started->exitCode != 0) {
            QFile log(logFile);
            QString tail;
            if (log.open(QIODevice::ReadOnly))
                tail = QString::fromLocal8Bit(log.readAll().right(2000)).trimmed();
            return std::unexpected(u"PostgreSQL did not start (%1); its log says: %2"_s.arg(
                started ? u"pg_ctl exit code %1"_s.arg(started->exitCode) : started.error(), tail));
        }
        m_params.host = tcp ? u"127.0.0.1"_s : clusterDir();
        m_params.port = port;
        m_tcpPort = tcp ? port : 0;
    }
    m_running = true;

    if (auto ensured = ensureDatabase(m_params); !ensured) {
        (void)stop();
        return std::unexpected(ensured.error());
    }
    return m_params;
}

std::expected<void, QString> EmbeddedPostgres::ensureDatabase(const ConnectionParams &params)
{
    ConnectionParams admin = params;
    admin.database = u"postgres"_s;
    return admin.withConnection([&params](QSqlDatabase &db) -> std::expected<void, QString> {
        QSqlQuery query(db);
        query.prepare(u"SELECT 1 FROM pg_database WHERE datname = ?"_s);
        query.addBindValue(params.database);
        if (!query.exec())
            return std::unexpected(query.lastError().text());
        if (query.next())
            return {};
        QString name = params.database;
        name.replace(u'"', u"\"\""_s);
        if (!query.exec(u"CREATE DATABASE \"%1\""_s.arg(name)))
            return std::unexpected(u"cannot create database %1: %2"_s.arg(params.database, query.lastError().text()));
        return {};
    });
}

std::expected<void, QString> EmbeddedPostgres::stop()
{
    if (!m_running)
        return {};
    m_running = false;
    qCInfo(lcPostgres).noquote() << "stopping the bundled PostgreSQL in" << pgData();
    auto stopped = run(u"pg_ctl"_s, {u"stop"_s, u"-D"_s, pgData(), u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"60"_s}, 90000);
    if (stopped && stopped->exitCode == 0)
        return {};
    auto immediate = run(u"pg_ctl"_s, {u"stop"_s, u"-D"_s, pgData(), u"-m"_s, u"immediate"_s, u"-w"_s}, 30000);
    if (immediate && immediate->exitCode == 0)
        return {};
    return std::unexpected(u"PostgreSQL did not stop: %1"_s.arg(stopped ? stopped->output : stopped.error()));
}

} // namespace inkwell::server
