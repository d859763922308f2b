#include "replica.h"

#include "log/logging.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

const QString kCategory = u"inkwell.server.replica"_s;
/// Above this many remembered users, those the replica has caught up with are forgotten.
constexpr qsizetype kPruneAbove = 4096;

void raise(std::atomic<WalPosition> &value, WalPosition to)
{
    WalPosition now = value.load();
    while (now < to && !value.compare_exchange_weak(now, to)) {
    }
}

} // namespace

std::optional<WalPosition> parseWalPosition(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 1 || slash > 8 || text.size() - slash - 1 < 1 || text.size() - slash - 1 > 8)
        return std::nullopt;
    bool highOk = false;
    bool lowOk = false;
    const quint64 high = text.first(slash).toULongLong(&highOk, 16);
    const quint64 low = text.sliced(slash + 1).toULongLong(&lowOk, 16);
    if (!highOk || !lowOk)
        return std::nullopt;
    return (high << 32) | low;
}

QString formatWalPosition(WalPosition position)
{
    return u"%1/%2"_s.arg(position >> 32, 0, 16).arg(position & 0xffffffffu, 0, 16).toUpper();
}

// ---- ReplicaRouting ------------------------------------------------------------------------------------------

ReplicaRouting::ReplicaRouting(ConnectionParams replica, Options options)
    : m_params(std::move(replica))
    , m_options(options)
{
    if (!m_params.options.contains(u"connect_timeout="_s))
        m_params.options =
            m_params.options.isEmpty() ? u"connect_timeout=2"_s : m_params.options + u";connect_timeout=2"_s;
    m_clock.start();
}

void ReplicaRouting::noteWrite(const QUuid &user, WalPosition position)
{
    {
        QMutexLocker locker(&m_lock);
        WalPosition &known = m_userWrites[user];
        known = std::max(known, position);
        if (m_userWrites.size() > kPruneAbove) {
            const WalPosition replayedNow = replayed();
            m_userWrites.removeIf([replayedNow](const auto &entry) { return entry.value() <= replayedNow; });
        }
    }
    raise(m_lastWrite, position);
}

bool ReplicaRouting::noteWritePayload(const QString &payload)
{
    const qsizetype space = payload.indexOf(u' ');
    if (space < 0)
        return false;
    const QUuid user = QUuid::fromString(QStringView(payload).first(space));
    const auto position = parseWalPosition(QStringView(payload).sliced(space + 1));
    if (user.isNull() || !position)
        return false;
    noteWrite(user, *position);
    return true;
}

QString ReplicaRouting::payload(const QUuid &user, WalPosition position)
{
    return user.toString(QUuid::WithoutBraces) + u' ' + formatWalPosition(position);
}

void ReplicaRouting::setBarrier(WalPosition position)
{
    raise(m_barrier, position);
    raise(m_lastWrite, position);
    m_barrierNeeded = false;
}

std::optional<WalPosition> ReplicaRouting::requiredFor(const std::optional<QUuid> &user) const
{
    if (!user)
        return 0; // nothing written, nothing to wait for
    // A signed-in user may have written through another instance: while that could go unheard, the primary.
    if ((m_live && !m_live()) || m_barrierNeeded.load())
        return std::nullopt;
    QMutexLocker locker(&m_lock);
    return std::max(m_userWrites.value(*user, 0), m_barrier.load());
}

bool ReplicaRouting::claimPoll()
{
    const qint64 now = m_clock.elapsed();
    qint64 last = m_polledAt.load();
    if (now - last < m_options.replayPollMs)
        return false;
    return m_polledAt.compare_exchange_strong(last, now);
}

void ReplicaRouting::setReplayed(WalPosition position)
{
    // Not raise(): a replica rebuilt from a fresh base backup may legitimately be behind what was seen before.
    m_replayed = position;
}

bool ReplicaRouting::available() const
{
    return !m_down.load() || m_clock.elapsed() >= m_downUntil.load();
}

void ReplicaRouting::markDown(const QString &why)
{
    m_downUntil = m_clock.elapsed() + m_options.retryMs;
    if (!m_down.exchange(true))
        logging::write(QtWarningMsg, kCategory,
                       u"the read replica is not usable, list and search read from the primary: %1"_s.arg(why));
}

void ReplicaRouting::markUp()
{
    if (m_down.exchange(false))
        logging::write(QtInfoMsg, kCategory, u"the read replica is back; list and search read from it again"_s);
}

// ---- ReplicaReader -------------------------------------------------------------------------------------------

ReplicaReader::ReplicaReader(std::shared_ptr<ReplicaRouting> routing, const QString &connectionName)
    : m_routing(std::move(routing))
    , m_db(m_routing->params(), connectionName)
    , m_connectionName(connectionName)
{
}

ReplicaReader::Plan ReplicaReader::plan(const std::optional<QUuid> &user, bool shared)
{
    ReplicaRouting &routing = *m_routing;
    const auto required = routing.requiredFor(user);
    if (!required || !routing.available())
        return {};
    if (auto connection = m_db.connection(); !connection) {
        failed(connection.error());
        return {};
    }
    WalPosition replayed = routing.replayed();
    const WalPosition wanted = std::max(*required, shared ? routing.lastWrite() : WalPosition(0));
    // The first poll also tells a standby from a server that is none (pg_last_wal_replay_lsn() is NULL there).
    if ((replayed < wanted || replayed == 0) && routing.claimPoll()) {
        auto query = m_db.prepared(u"SELECT pg_last_wal_replay_lsn()::text"_s);
        if (!query) {
            failed(query.error());
            return {};
        }
        if (!(*query)->exec() || !(*query)->next()) {
            failed((*query)->lastError().text());
            return {};
        }
        const QVariant value = (*query)->value(0);
        (*query)->finish();
        const auto position = value.isNull() ? std::nullopt : parseWalPosition(value.toString());
        if (!position) {
            failed(u"it is not a standby (pg_last_wal_replay_lsn() is NULL): point INKWELL_DATABASE_REPLICA_URL at a "
                   "streaming replica of INKWELL_DATABASE_URL"_s);
            return {};
        }
        routing.setReplayed(*position);
        replayed = *position;
    }
    if (replayed == 0 || replayed < *required)
        return {};
    return {true, replayed};
}

void ReplicaReader::failed(const QString &why)
{
    // Closed (without trying to open it: that may be what failed), so that the next try opens a new connection.
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::database(m_connectionName, false).close();
    m_routing->markDown(why);
}

std::expected<WalPosition, QString> readPrimaryPosition(const ConnectionParams &primary)
{
    return primary.withConnection([](QSqlDatabase &db) -> std::expected<WalPosition, QString> {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT pg_current_wal_insert_lsn()::text"_s) || !query.next())
            return std::unexpected(query.lastError().text());
        const auto position = parseWalPosition(query.value(0).toString());
        if (!position)
            return std::unexpected(u"unexpected WAL position"_s);
        return *position;
    });
}

// ---- WritePositionStore --------------------------------------------------------------------------------------

namespace {

/// The WAL position in the first column of the query's one row.
Result<WalPosition> positionFrom(QSqlQuery &query)
{
    const auto position = query.next() ? parseWalPosition(query.value(0).toString()) : std::nullopt;
    query.finish();
    if (!position)
        return std::unexpected(Error::internal());
    return *position;
}

} // namespace

WritePositionStore::WritePositionStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.replica"_s)
{
}

Result<WalPosition> WritePositionStore::announce(const QUuid &user)
{
    // After the commit: the insert position is then at or past the end of its commit record.
    auto query = run(u"WITH p AS (SELECT pg_current_wal_insert_lsn() AS l) "
                     "SELECT p.l::text, pg_notify(?, ? || ' ' || p.l::text) FROM p"_s,
                     {kWritePositionsChannel, user.toString(QUuid::WithoutBraces)});
    if (!query)
        return std::unexpected(failure(query.error(), "announcing a write position"));
    return positionFrom(**query);
}

Result<WalPosition> WritePositionStore::current()
{
    auto query = run(u"SELECT pg_current_wal_insert_lsn()::text"_s);
    if (!query)
        return std::unexpected(failure(query.error(), "reading the WAL position"));
    return positionFrom(**query);
}

} // namespace inkwell::server
