#include "threaddatabase.h"

#include "log/logging.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QWaitCondition>
#include <chrono>
#include <poll.h>

// libpq, which the QPSQL plugin loads: only its socket is needed, to see whether an idle connection went
// stale. Declared here rather than taken from libpq-fe.h so that building needs no libpq-dev (the
// runtime library comes with libqt6sql6-psql); this is libpq's own prototype (PGconn is struct pg_conn).
extern "C" {
struct pg_conn;
int PQsocket(const pg_conn *conn);
}

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

/// How long a thread that needs a connection waits for another thread's attempt to reach a database
/// that was down, before it answers "unavailable": requests are answered within a second.
constexpr int kWaitForProbeMs = 900;

/// How long writes must go through after a disk-full error before the log says the space is back.
constexpr qint64 kStorageCalmMs = 5000;

const QString kCategory = u"inkwell.server.db"_s;

} // namespace

/// Whether one database is reachable, shared by every ThreadDatabase of a process that uses it.
class DatabaseAvailability {
public:
    static std::shared_ptr<DatabaseAvailability> of(const ConnectionParams &params)
    {
        static QMutex mutex;
        static QHash<QString, std::weak_ptr<DatabaseAvailability>> all;
        const QString key = u"%1|%2|%3|%4"_s.arg(params.host).arg(params.port).arg(params.database, params.user);
        QMutexLocker lock(&mutex);
        if (auto existing = all.value(key).lock())
            return existing;
        auto created = std::make_shared<DatabaseAvailability>();
        all.insert(key, created);
        return created;
    }

    /// Before a connection is opened. False: the database is down and another thread is already trying
    /// (for longer than a request should wait): fail at once. `probe`: this thread is the one trying.
    bool enterOpen(bool &probe)
    {
        QMutexLocker lock(&m_mutex);
        probe = false;
        if (!m_down)
            return true;
        if (m_probing) {
            const QDeadlineTimer deadline(kWaitForProbeMs);
            while (m_probing && !deadline.hasExpired())
                m_probed.wait(&m_mutex, deadline);
            return !m_down;
        }
        m_probing = true;
        probe = true;
        return true;
    }

    void opened(bool probe)
    {
        QMutexLocker lock(&m_mutex);
        if (m_down) {
            m_down = false;
            logging::write(
                QtWarningMsg, kCategory,
                u"the database is reachable again after %1 s"_s.arg(double(m_downFor.elapsed()) / 1000.0, 0, 'f', 1));
        }
        if (probe)
            m_probing = false;
        m_probed.wakeAll();
    }

    void failed(bool probe, const QString &why)
    {
        QMutexLocker lock(&m_mutex);
        markDown(why);
        if (probe)
            m_probing = false;
        m_probed.wakeAll();
    }

    void lost(const QString &why)
    {
        QMutexLocker lock(&m_mutex);
        markDown(why);
    }

    void storageFull(const QString &why)
    {
        m_lastFullMs.store(nowMs());
        if (!m_storageFull.exchange(true))
            logging::write(
                QtCriticalMsg, kCategory,
                u"the database has no disk space left; writes fail until space is freed: %1"_s.arg(why.simplified()));
    }

    void wrote()
    {
        // While the disk is nearly full a small write slips through now and then: "back" only once writes
        // have gone through for a while without a disk-full error, so an episode is two lines, not a flutter.
        if (m_storageFull.load(std::memory_order_relaxed) && nowMs() - m_lastFullMs.load() >= kStorageCalmMs &&
            m_storageFull.exchange(false))
            logging::write(QtWarningMsg, kCategory, u"the database accepts writes again"_s);
    }

private:
    void markDown(const QString &why)
    {
        if (m_down)
            return;
        m_down = true;
        m_downFor.start();
        // One line per outage; the requests meanwhile answer 503 without a line each.
        logging::write(QtCriticalMsg, kCategory,
                       u"the database is unavailable; requests that need it answer 503 until it is back: %1"_s.arg(
                           why.simplified()));
    }

    QMutex m_mutex;
    QWaitCondition m_probed;
    QElapsedTimer m_downFor;
    bool m_down = false;
    bool m_probing = false;
    static qint64 nowMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    std::atomic<bool> m_storageFull{false};
    std::atomic<qint64> m_lastFullMs{0};
};

ThreadDatabase::ThreadDatabase(ConnectionParams params, QString connectionName, std::atomic<int> *openCounter)
    : m_params(std::move(params))
    , m_name(std::move(connectionName))
    , m_availability(DatabaseAvailability::of(m_params))
    , m_openCounter(openCounter)
{
}

void ThreadDatabase::setCounted(bool open)
{
    if (open == m_counted || !m_openCounter)
        return;
    m_counted = open;
    *m_openCounter += open ? 1 : -1;
}

ThreadDatabase::~ThreadDatabase()
{
    drop();
}

void ThreadDatabase::drop()
{
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        // The driver goes with the connection; the kept statements go after it, so that they do not each
        // send a DEALLOCATE to a dead connection and warn that it failed.
        QSqlDatabase::removeDatabase(m_name);
    }
    m_statements.clear();
    setCounted(false);
}

bool ThreadDatabase::isConnected() const
{
    return QSqlDatabase::contains(m_name) && QSqlDatabase::database(m_name, false).isOpen();
}

bool ThreadDatabase::isStale(const QSqlDatabase &db) const
{
    const QVariant handle = db.driver()->handle();
    // Qt 6 names the type as the compiler spells it ("pg_conn*"); Qt's documentation says "PGconn*".
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return false;
    const pg_conn *conn = *static_cast<pg_conn *const *>(handle.constData());
    const int fd = conn ? PQsocket(conn) : -1;
    if (fd < 0)
        return true;
    // Between statements nothing is due from the server (every result was read in full). Anything to read
    // is its goodbye ("terminating connection due to administrator command") or the end of the stream.
    pollfd watched{fd, POLLIN, 0};
    return ::poll(&watched, 1, 0) > 0;
}

std::expected<QSqlDatabase, QSqlError> ThreadDatabase::open()
{
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen() && (m_inTransaction || !isStale(db)))
                return db;
        }
        if (m_inTransaction) // never continue a transaction on another connection
            return std::unexpected(
                QSqlError(u"the connection was lost during a transaction"_s, {}, QSqlError::ConnectionError));
        drop(); // stale or lost: a fresh connection (no handle of ours is alive here)
    }
    bool probe = false;
    if (!m_availability->enterOpen(probe))
        return std::unexpected(QSqlError(u"the database is unavailable"_s, {}, QSqlError::ConnectionError));
    QSqlDatabase db = m_params.addDatabase(m_name);
    if (!db.open()) {
        const QSqlError error = db.lastError();
        m_availability->failed(probe, error.text());
        return std::unexpected(
            QSqlError(error.driverText(), error.databaseText(), QSqlError::ConnectionError, error.nativeErrorCode()));
    }
    setCounted(true);
    m_availability->opened(probe);
    return db;
}

std::expected<QSqlDatabase, QString> ThreadDatabase::connection()
{
    auto db = open();
    if (!db)
        return std::unexpected(db.error().text());
    return *db;
}

std::expected<QSqlQuery *, QSqlError> ThreadDatabase::statement(const QString &sql)
{
    for (int attempt = 0;; ++attempt) {
        QSqlError error;
        {
            auto db = open();
            if (!db)
                return std::unexpected(db.error());
            auto it = m_statements.find(sql);
            if (it != m_statements.end())
                return it->second.get();
            auto query = std::make_unique<QSqlQuery>(*db);
            if (query->prepare(sql))
                return m_statements.emplace(sql, std::move(query)).first->second.get();
            error = query->lastError();
        } // no handle is left when noteFailure() drops the connection
        if (noteFailure(error) != DbFault::Unavailable || attempt > 0 || m_inTransaction)
            return std::unexpected(error);
    }
}

std::expected<QSqlQuery *, QString> ThreadDatabase::prepared(const QString &sql)
{
    auto query = statement(sql);
    if (!query)
        return std::unexpected(query.error().text());
    return *query;
}

DbFault ThreadDatabase::noteFailure(const QSqlError &error)
{
    DbFault fault = classifyDbError(error);
    if (fault == DbFault::Statement && !isConnected())
        fault = DbFault::Unavailable; // whatever it said, the connection is gone with it
    if (fault == DbFault::Unavailable) {
        if (!m_inTransaction)
            drop();
        m_availability->lost(error.text());
    } else if (fault == DbFault::StorageFull) {
        m_availability->storageFull(error.text());
    }
    return fault;
}

void ThreadDatabase::noteWrite()
{
    m_availability->wrote();
}

std::expected<void, QSqlError> ThreadDatabase::begin()
{
    for (int attempt = 0;; ++attempt) {
        QSqlError error;
        {
            auto db = open();
            if (!db)
                return std::unexpected(db.error());
            if (db->transaction()) {
                m_inTransaction = true;
                return {};
            }
            error = db->lastError();
        }
        // Nothing has happened yet: a BEGIN that met a lost connection is sent again on a fresh one.
        if (noteFailure(error) != DbFault::Unavailable || attempt > 0)
            return std::unexpected(error);
    }
}

std::expected<void, QSqlError> ThreadDatabase::commit()
{
    QSqlError error;
    {
        auto db = open();
        if (!db) {
            error = db.error();
        } else if (db->commit()) {
            m_inTransaction = false;
            m_availability->wrote();
            return {};
        } else {
            error = db->lastError();
        }
    }
    // Never sent again: a COMMIT that met a lost connection may have been committed.
    noteFailure(error);
    rollback();
    return std::unexpected(error);
}

void ThreadDatabase::rollback()
{
    if (!m_inTransaction)
        return;
    if (isConnected()) {
        QSqlError error;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (!db.rollback())
                error = db.lastError();
        }
        if (error.isValid())
            noteFailure(error);
    }
    m_inTransaction = false;
    if (!isConnected())
        drop(); // lost during the transaction: reopened at the next use
}

std::expected<void, QString> ThreadDatabase::ping()
{
    for (int attempt = 0;; ++attempt) {
        auto query = statement(u"SELECT 1"_s);
        if (!query)
            return std::unexpected(query.error().text());
        if ((*query)->exec() && (*query)->next() && (*query)->value(0).toInt() == 1) {
            (*query)->finish();
            return {};
        }
        const QSqlError error = (*query)->lastError();
        // SELECT 1 changes nothing: after a lost connection it is always worth one more try on a fresh one.
        if (noteFailure(error) != DbFault::Unavailable || attempt > 0)
            return std::unexpected(error.text());
    }
}

} // namespace inkwell::server
