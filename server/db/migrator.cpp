#include "migrator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMigrations, "inkwell.server.db.migrations")

namespace inkwell::server {

namespace {

// Any fixed number works; it only has to be the same in every instance.
constexpr qint64 kMigrationLockKey = 0x696e6b77656c6c; // "inkwell"

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().databaseText().isEmpty() ? query.lastError().text() : query.lastError().databaseText();
}

/// Holds the session-level advisory lock for as long as it lives.
class AdvisoryLock {
public:
    explicit AdvisoryLock(QSqlDatabase db)
        : m_db(std::move(db))
    {
        QSqlQuery query(m_db);
        m_locked = query.exec(u"SELECT pg_advisory_lock(%1)"_s.arg(kMigrationLockKey));
        if (!m_locked)
            m_error = sqlError(query);
    }
    ~AdvisoryLock()
    {
        if (m_locked) {
            QSqlQuery query(m_db);
            query.exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(kMigrationLockKey));
        }
    }
    AdvisoryLock(const AdvisoryLock &) = delete;
    AdvisoryLock &operator=(const AdvisoryLock &) = delete;
    bool locked() const { return m_locked; }
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_locked = false;
    QString m_error;
};

} // namespace

Migrator::Migrator(QSqlDatabase db, QList<Migration> migrations)
    : m_db(std::move(db))
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

QList<Migrator::Migration> Migrator::bundled()
{
    static const QRegularExpression pattern(u"^(\\d{4})_([a-z0-9_]+)\\.sql$"_s);
    QList<Migration> out;
    const QDir dir(u":/migrations"_s);
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(file);
        if (!match.hasMatch()) {
            qCWarning(lcMigrations) << "ignoring a migration file with a bad name:" << file;
            continue;
        }
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray sql = f.readAll();
        out.append({match.captured(1).toInt(), match.captured(2), QString::fromUtf8(sql),
                    QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex()});
    }
    return out;
}

std::expected<void, QString> Migrator::ensureTable()
{
    QSqlQuery query(m_db);
    // Look first: CREATE TABLE IF NOT EXISTS would print a NOTICE on every start.
    if (query.exec(u"SELECT to_regclass('schema_migrations') IS NOT NULL"_s) && query.next() && query.value(0).toBool())
        return {};
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                    " version integer PRIMARY KEY,"
                    " name text NOT NULL,"
                    " checksum text NOT NULL,"
                    " applied_at timestamptz NOT NULL DEFAULT now())"_s))
        return std::unexpected(u"cannot create schema_migrations: %1"_s.arg(sqlError(query)));
    return {};
}

std::expected<int, QString> Migrator::migrate()
{
    AdvisoryLock lock(m_db);
    if (!lock.locked())
        return std::unexpected(u"cannot take the migration lock: %1"_s.arg(lock.error()));
    if (auto table = ensureTable(); !table)
        return std::unexpected(table.error());

    QHash<int, QString> applied;
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"SELECT version, checksum FROM schema_migrations"_s))
            return std::unexpected(sqlError(query));
        while (query.next())
            applied.insert(query.value(0).toInt(), query.value(1).toString());
    }

    int count = 0;
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (applied.contains(migration.version)) {
            if (applied.value(migration.version) != QString::fromLatin1(migration.checksum))
                qCWarning(lcMigrations) << "migration" << migration.version << migration.name
                                        << "was changed after it was applied; the database keeps the old one";
            continue;
        }
        if (!m_db.transaction())
            return std::unexpected(u"cannot begin a transaction: %1"_s.arg(m_db.lastError().text()));
        QSqlQuery query(m_db);
        if (!query.exec(migration.sql)) {
            const QString error = sqlError(query);
            m_db.rollback();
            return std::unexpected(u"migration %1 (%2) failed: %3"_s.arg(migration.version).arg(migration.name, error));
        }
        query.prepare(u"INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)"_s);
        query.addBindValue(migration.version);
        query.addBindValue(migration.name);
        query.addBindValue(QString::fromLatin1(migration.checksum));
        if (!query.exec()) {
            const QString error = sqlError(query);
            m_db.rollback();
            return std::unexpected(u"cannot record migration %1: %2"_s.arg(migration.version).arg(error));
        }
        if (!m_db.commit())
            return std::unexpected(u"cannot commit migration %1: %2"_s.arg(migration.version).arg(m_db.lastError().text()));
        qCInfo(lcMigrations) << "applied migration" << migration.version << migration.name;
        ++count;
    }
    return count;
}

std::expected<QList<Migrator::Status>, QString> Migrator::status()
{
    if (auto table = ensureTable(); !table)
        return std::unexpected(table.error());
    QHash<int, QDateTime> applied;
    QHash<int, QString> names;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT version, name, applied_at FROM schema_migrations ORDER BY version"_s))
        return std::unexpected(sqlError(query));
    while (query.next()) {
        applied.insert(query.value(0).toInt(), query.value(2).toDateTime().toUTC());
        names.insert(query.value(0).toInt(), query.value(1).toString());
    }
    QList<Status> out;
    for (const Migration &migration : std::as_const(m_migrations)) {
        Status status{migration.version, migration.name, std::nullopt};
        if (applied.contains(migration.version))
            status.appliedAt = applied.value(migration.version);
        out.append(status);
        names.remove(migration.version);
    }
    // Versions applied by a newer inkwelld that this binary does not know.
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.append({it.key(), it.value() + u" (unknown to this version)"_s, applied.value(it.key())});
    std::sort(out.begin(), out.end(), [](const Status &a, const Status &b) { return a.version < b.version; });
    return out;
}

} // namespace inkwell::server
