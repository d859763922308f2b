#include "aiusagestore.h"

#include "log/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

AiUsageStore::AiUsageStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.chat"_s)
{
}

Result<bool> AiUsageStore::takeRequestSlot(const QUuid &userId, int limit)
{
    // No row back: the minute's count had reached the limit (the refused request is not counted).
    auto query = run(u"INSERT INTO ai_rate AS r (user_id, minute, count) "
                     u"VALUES (?::uuid, date_trunc('minute', now()), 1) "
                     u"ON CONFLICT (user_id, minute) DO UPDATE SET count = r.count + 1 WHERE r.count < ? "
                     u"RETURNING r.count"_s,
                     {idText(userId), limit});
    if (!query)
        return std::unexpected(failure(query.error(), "counting an AI request"));
    const bool taken = (*query)->next();
    (*query)->finish();
    return taken;
}

Result<qint64> AiUsageStore::tokensToday(const QUuid &userId)
{
    // Pending first, then the table: a retry that lands in between is then counted twice for a moment
    // (its row and its pending amount), never not at all.
    const qint64 pending = PendingUsage::instance().tokens(userId, QDateTime::currentDateTimeUtc().date());
    auto query = run(u"SELECT coalesce((SELECT tokens FROM ai_usage WHERE user_id = ?::uuid "
                     u"AND day = (now() AT TIME ZONE 'UTC')::date), 0)"_s,
                     {idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "reading AI usage"));
    (*query)->next();
    const qint64 tokens = (*query)->value(0).toLongLong();
    (*query)->finish();
    return tokens + pending;
}

void AiUsageStore::account(AiRequestRecord entry)
{
    if (entry.day.isNull())
        entry.day = QDateTime::currentDateTimeUtc().date();
    if (record(entry))
        return;
    PendingUsage::instance().add(entry.userId, entry.day, entry.tokens);
    const QString what = u"AI usage (%1 tokens, %2)"_s.arg(entry.tokens).arg(entry.kind);
    m_retries.retryLater(
        what, [this, entry] { return bool(record(entry)); },
        [entry](bool written) {
            // Given up: it keeps counting against that day's quota in this process.
            if (written)
                PendingUsage::instance().remove(entry.userId, entry.day, entry.tokens);
        });
}

Result<void> AiUsageStore::record(const AiRequestRecord &record)
{
    auto query = run(u"WITH l AS (INSERT INTO ai_requests (user_id, kind, started_at, first_delta_ms, total_ms, ok, "
                     u"status, tokens) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?) RETURNING user_id, ok, tokens) "
                     u"INSERT INTO ai_usage AS u (user_id, day, requests, tokens, failures) "
                     u"SELECT l.user_id, coalesce(?::date, (now() AT TIME ZONE 'UTC')::date), ?, l.tokens, "
                     u"CASE WHEN l.ok THEN 0 ELSE 1 END "
                     u"FROM l ON CONFLICT (user_id, day) DO UPDATE SET requests = u.requests + excluded.requests, "
                     u"tokens = u.tokens + excluded.tokens, failures = u.failures + excluded.failures"_s,
                     {idText(record.userId), record.kind, record.startedAt.toUTC(),
                      record.firstDeltaMs ? QVariant(*record.firstDeltaMs) : QVariant(QMetaType::fromType<int>()),
                      record.totalMs, record.ok, record.status, record.tokens,
                      record.day.isNull() ? QVariant(QMetaType::fromType<QDate>()) : QVariant(record.day),
                      record.countsAsRequest ? 1 : 0});
    if (!query)
        return std::unexpected(failure(query.error(), "recording an AI request"));
    return {};
}

Result<api::AdminStats> AiUsageStore::stats(int days)
{
    // One statement: every per-day series over the same UTC days (zeros included), oldest first.
    auto query = run(
        u"WITH d AS (SELECT generate_series((now() AT TIME ZONE 'UTC')::date - (? - 1), "
        u"(now() AT TIME ZONE 'UTC')::date, interval '1 day')::date AS day), "
        u"since AS (SELECT (min(day)::timestamp AT TIME ZONE 'UTC') AS t FROM d), "
        u"series AS (SELECT json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'count', x.n) "
        u"ORDER BY d.day) FILTER (WHERE x.kind = 'users') AS users, "
        u"json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'count', x.n) ORDER BY d.day) "
        u"FILTER (WHERE x.kind = 'published') AS published, "
        u"json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'count', x.n) ORDER BY d.day) "
        u"FILTER (WHERE x.kind = 'messages') AS messages, "
        u"json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'count', x.n) ORDER BY d.day) "
        u"FILTER (WHERE x.kind = 'tokens') AS tokens FROM d CROSS JOIN LATERAL ("
        u"  SELECT 'users' AS kind, (SELECT count(*) FROM users u WHERE (u.created_at AT TIME ZONE 'UTC')::date = "
        u"d.day) AS n "
        u"  UNION ALL SELECT 'published', (SELECT count(*) FROM articles a WHERE a.deleted_at IS NULL "
        u"    AND a.published_at IS NOT NULL AND (a.published_at AT TIME ZONE 'UTC')::date = d.day) "
        u"  UNION ALL SELECT 'messages', (SELECT count(*) FROM messages m WHERE m.generation_lease IS NULL "
        u"    AND (m.created_at AT TIME ZONE 'UTC')::date = d.day) "
        u"  UNION ALL SELECT 'tokens', (SELECT coalesce(sum(r.tokens), 0) FROM ai_requests r "
        u"    WHERE r.kind IN ('chat', 'regenerate', 'title') AND (r.started_at AT TIME ZONE 'UTC')::date = d.day)"
        u") x) "
        u"SELECT json_build_object("
        u"'users', json_build_object('total', (SELECT count(*) FROM users), "
        u"  'by_role', (SELECT json_build_object('viewer', count(*) FILTER (WHERE role = 'viewer'), "
        u"    'creator', count(*) FILTER (WHERE role = 'creator'), 'admin', count(*) FILTER (WHERE role = 'admin')) "
        u"    FROM users), 'new_per_day', s.users), "
        u"'articles', json_build_object('by_status', (SELECT json_build_object("
        u"    'draft', count(*) FILTER (WHERE status = 'draft'), 'published', count(*) FILTER (WHERE status = "
        u"'published'), "
        u"    'archived', count(*) FILTER (WHERE status = 'archived')) FROM articles WHERE deleted_at IS NULL), "
        u"  'published_per_day', s.published), "
        u"'chat', json_build_object('messages_per_day', s.messages, 'tokens_per_day', s.tokens), "
        u"'ai', (SELECT json_build_object('requests', count(*), 'failures', count(*) FILTER (WHERE NOT r.ok), "
        u"  'p95_latency_ms', coalesce(round(percentile_cont(0.95) WITHIN GROUP (ORDER BY r.total_ms))::bigint, 0)) "
        u"  FROM ai_requests r, since WHERE r.started_at >= since.t), "
        u"'days', ?::integer)::text FROM series s"_s,
        {days, days});
    if (!query)
        return std::unexpected(failure(query.error(), "reading the statistics"));
    (*query)->next();
    const QByteArray text = (*query)->value(0).toString().toUtf8();
    (*query)->finish();
    // The statement builds the document the desktop reads; read with the desktop's reader, so that a
    // statement that drifts from it fails here (500, logged) rather than in every client.
    auto stats = api::adminStatsFromJson(QJsonDocument::fromJson(text).object());
    if (!stats) {
        QStringList problems;
        for (const FieldError &error : stats.error())
            problems.append(error.field + u' ' + error.message);
        logging::write(QtCriticalMsg, u"inkwell.server.chat"_s,
                       u"reading the statistics failed: %1"_s.arg(problems.join(u"; "_s)));
        return std::unexpected(Error::internal());
    }
    return std::move(*stats);
}

} // namespace inkwell::server::ai
