#include "pgclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QVersionNumber>

using namespace Qt::StringLiterals;

namespace inkwell::server::ops {

namespace {

/// A .pgpass field: backslash and colon are escaped (PostgreSQL manual, "The Password File").
QString passfileField(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s);
    escaped.replace(u':', u"\\:"_s);
    return escaped;
}

} // namespace

PgClient::PgClient(ConnectionParams params, QString preferredBinDir)
    : m_params(std::move(params))
    , m_preferredBinDir(std::move(preferredBinDir))
{
}

PgClient::~PgClient() = default;

std::expected<QString, QString> PgClient::program(const QString &name) const
{
    const auto executable = [&name](const QString &dir) {
        const QString path = dir + u'/' + name;
        return !dir.isEmpty() && QFileInfo(path).isExecutable() ? path : QString();
    };
    const QString fromEnv = qEnvironmentVariable("INKWELL_PG_BINDIR");
    if (!fromEnv.isEmpty()) {
        if (const QString path = executable(fromEnv); !path.isEmpty())
            return path;
        return std::unexpected(u"INKWELL_PG_BINDIR=%1 holds no %2"_s.arg(fromEnv, name));
    }
    if (const QString path = executable(m_preferredBinDir); !path.isEmpty())
        return path;
    // Debian keeps one folder per major version; the newest client reads every older server and archive.
    QVersionNumber best;
    QString bestPath;
    const QDir versions(u"/usr/lib/postgresql"_s);
    for (const QString &entry : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString path = executable(versions.filePath(entry) + u"/bin"_s);
        const QVersionNumber version = QVersionNumber::fromString(entry);
        if (!path.isEmpty() && version > best) {
            best = version;
            bestPath = path;
        }
    }
    if (!bestPath.isEmpty())
        return bestPath;
    if (const QString path = QStandardPaths::findExecutable(name); !path.isEmpty())
        return path;
    return std::unexpected(
        u"%1 not found: install postgresql-client-15 (or set INKWELL_PG_BINDIR to the folder that holds it)"_s.arg(
            name));
}

std::expected<QProcessEnvironment, QString> PgClient::environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A PGPASSWORD, PGSERVICE or PGOPTIONS of the caller's shell must not redirect or alter the connection.
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"PG"_s))
            env.remove(name);
    }
    env.insert(u"PGHOST"_s, m_params.host);
    env.insert(u"PGPORT"_s, QString::number(m_params.port));
    env.insert(u"PGUSER"_s, m_params.user);
    env.insert(u"PGDATABASE"_s, m_params.database);
    static const QHash<QString, QString> optionVariables = {
        {u"sslmode"_s, u"PGSSLMODE"_s},
        {u"connect_timeout"_s, u"PGCONNECT_TIMEOUT"_s},
        {u"application_name"_s, u"PGAPPNAME"_s},
        {u"sslrootcert"_s, u"PGSSLROOTCERT"_s},
        {u"sslcert"_s, u"PGSSLCERT"_s},
        {u"sslkey"_s, u"PGSSLKEY"_s},
        {u"target_session_attrs"_s, u"PGTARGETSESSIONATTRS"_s},
    };
    for (const QString &option : m_params.options.split(u';', Qt::SkipEmptyParts)) {
        const QString variable = optionVariables.value(option.section(u'=', 0, 0));
        if (!variable.isEmpty())
            env.insert(variable, option.section(u'=', 1));
    }
    if (!env.contains(u"PGCONNECT_TIMEOUT"_s))
        env.insert(u"PGCONNECT_TIMEOUT"_s, u"10"_s);

    if (!m_params.password.isEmpty()) {
        if (!m_passDir) {
            // QTemporaryDir makes its folder 0700; the file is written 0600 before the password goes in.
            auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/inkwelld-pgpass-XXXXXX"_s);
            if (!dir->isValid())
                return std::unexpected(
                    u"cannot create a private folder for the database password: %1"_s.arg(dir->errorString()));
            QFile file(dir->filePath(u"pgpass"_s));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return std::unexpected(u"cannot write the password file: %1"_s.arg(file.errorString()));
            const QByteArray line = (u"*:*:*:*:"_s + passfileField(m_params.password) + u'\n').toUtf8();
            if (file.write(line) != line.size() || !file.flush())
                return std::unexpected(u"cannot write the password file: %1"_s.arg(file.errorString()));
            m_passDir = std::move(dir);
        }
        env.insert(u"PGPASSFILE"_s, m_passDir->filePath(u"pgpass"_s));
    }
    return env;
}

} // namespace inkwell::server::ops
