#include "outboxstore.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

/// A PostgreSQL text[] literal: each element quoted, so that no topic can break out of it.
QString textArray(const QStringList &items)
{
    QStringList quoted;
    for (QString item : items) {
        item.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        quoted << u'"' + item + u'"';
    }
    return u'{' + quoted.join(u',') + u'}';
}

} // namespace

OutboxStore::OutboxStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.events"_s)
{
}

Result<QList<OutboxEvent>> OutboxStore::claim(const QStringList &topics, int limit)
{
    auto query = run(u"SELECT id, topic, payload::text, attempts FROM outbox "
                     u"WHERE processed_at IS NULL AND parked_at IS NULL AND available_at <= now() "
                     u"AND topic = ANY (?::text[]) "
                     u"ORDER BY available_at, id LIMIT ? FOR UPDATE SKIP LOCKED"_s,
                     {textArray(topics), limit});
    if (!query)
        return std::unexpected(failure(query.error(), "claiming outbox events"));
    QList<OutboxEvent> events;
    while ((*query)->next()) {
        OutboxEvent event;
        event.id = (*query)->value(0).toLongLong();
        event.topic = (*query)->value(1).toString();
        event.payload = QJsonDocument::fromJson((*query)->value(2).toString().toUtf8()).object();
        event.attempts = (*query)->value(3).toInt();
        events.append(std::move(event));
    }
    (*query)->finish();
    return events;
}

Result<void> OutboxStore::plain(const QString &sql, const char *what)
{
    // SAVEPOINT and friends cannot be prepared (PREPARE takes only SELECT, INSERT, UPDATE, DELETE...).
    auto connection = database().connection();
    if (!connection)
        return std::unexpected(failure(QSqlError(connection.error(), {}, QSqlError::ConnectionError), what));
    QSqlQuery query(*connection);
    if (!query.exec(sql))
        return std::unexpected(failure(query.lastError(), what));
    return {};
}

Result<void> OutboxStore::savepoint()
{
    return plain(u"SAVEPOINT outbox_event"_s, "SAVEPOINT");
}

Result<void> OutboxStore::releaseSavepoint()
{
    return plain(u"RELEASE SAVEPOINT outbox_event"_s, "RELEASE SAVEPOINT");
}

Result<void> OutboxStore::rollbackToSavepoint()
{
    return plain(u"ROLLBACK TO SAVEPOINT outbox_event"_s, "ROLLBACK TO SAVEPOINT");
}

Result<void> OutboxStore::markProcessed(qint64 id)
{
    auto query = run(u"UPDATE outbox SET processed_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL "
                     u"WHERE id = ?"_s,
                     {id});
    if (!query)
        return std::unexpected(failure(query.error(), "marking an outbox event processed"));
    (*query)->finish();
    return {};
}

Result<bool> OutboxStore::markFailed(qint64 id, const QString &error, qint64 retryInMs, int maxAttempts)
{
    auto query = run(u"UPDATE outbox SET attempts = attempts + 1, last_error = left(?, 2000), "
                     u"available_at = clock_timestamp() + make_interval(secs => ?::double precision / 1000), "
                     u"parked_at = CASE WHEN attempts + 1 >= ? THEN clock_timestamp() END "
                     u"WHERE id = ? RETURNING parked_at IS NOT NULL"_s,
                     {error, retryInMs, maxAttempts, id});
    if (!query)
        return std::unexpected(failure(query.error(), "recording a failed outbox event"));
    const bool parked = (*query)->next() && (*query)->value(0).toBool();
    (*query)->finish();
    return parked;
}

Result<OutboxStore::Backlog> OutboxStore::backlog()
{
    // Each count reads its own partial index.
    auto pending = run(u"SELECT count(*), ceil(extract(epoch FROM min(available_at) - clock_timestamp()) * 1000) "
                       u"FROM outbox WHERE processed_at IS NULL AND parked_at IS NULL"_s);
    if (!pending)
        return std::unexpected(failure(pending.error(), "counting pending outbox events"));
    Backlog backlog;
    (*pending)->next();
    backlog.pending = (*pending)->value(0).toLongLong();
    if (!(*pending)->value(1).isNull())
        backlog.nextDueMs = qint64((*pending)->value(1).toDouble());
    (*pending)->finish();
    auto parked = run(u"SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND processed_at IS NULL"_s);
    if (!parked)
        return std::unexpected(failure(parked.error(), "counting parked outbox events"));
    (*parked)->next();
    backlog.parked = (*parked)->value(0).toLongLong();
    (*parked)->finish();
    return backlog;
}

} // namespace inkwell::server
