#include "housekeepingstore.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

HousekeepingStore::HousekeepingStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.housekeeping"_s)
{
}

Result<HousekeepingReport> HousekeepingStore::runOnce(int outboxRetentionDays)
{
    return transaction([&]() -> Result<HousekeepingReport> {
        HousekeepingReport report;
        auto locked = run(u"SELECT pg_try_advisory_xact_lock(?)"_s, {kLockKey});
        if (!locked)
            return std::unexpected(failure(locked.error(), "taking the housekeeping lock"));
        (*locked)->next();
        report.ran = (*locked)->value(0).toBool();
        (*locked)->finish();
        if (!report.ran)
            return report;

        const auto count = [this](const QString &sql, std::initializer_list<QVariant> binds, const char *what,
                                  int &into) -> Result<void> {
            auto query = run(sql, binds);
            if (!query)
                return std::unexpected(failure(query.error(), what));
            into = (*query)->numRowsAffected();
            return {};
        };
        // A refresh token past its expiry can never be spent again, nor prove a reuse: nothing reads it.
        if (auto done = count(u"DELETE FROM refresh_tokens WHERE expires_at < now()"_s, {},
                              "deleting expired refresh tokens", report.refreshTokens);
            !done)
            return std::unexpected(done.error());
        // Failures older than the 15-minute window are forgotten when the next one comes
        // (AccountStore::recordFailure): a row that blocks nothing and is older than that says nothing.
        if (auto done = count(u"DELETE FROM login_throttle WHERE last_failure_at < now() - interval '1 hour' "
                              u"AND (blocked_until IS NULL OR blocked_until < now())"_s,
                              {}, "deleting old login throttle rows", report.throttleRows);
            !done)
            return std::unexpected(done.error());
        if (auto done = count(u"DELETE FROM ai_rate WHERE minute < now() - interval '1 hour'"_s, {},
                              "deleting old AI rate windows", report.aiRateRows);
            !done)
            return std::unexpected(done.error());
        if (auto done = count(u"DELETE FROM outbox WHERE processed_at < now() - make_interval(days => ?)"_s,
                              {outboxRetentionDays}, "deleting processed events", report.outboxRows);
            !done)
            return std::unexpected(done.error());

        // Purged articles take their tombstones out of the feed: the horizon moves to the last one, in
        // the same statement, so that no reader sees the rows gone and the horizon not yet moved.
        auto purged = run(
            u"WITH purged AS (DELETE FROM articles WHERE deleted_at < now() - interval '30 days' "
            u"RETURNING change_xid, id), "
            // Every purge that took something counts (cursors issued before it may have missed a tombstone);
            // the position only moves forward.
            u"moved AS (UPDATE feed_horizon h SET purges = h.purges + 1, "
            u"purged_xid = CASE WHEN (l.change_xid, l.id) > (h.purged_xid, h.purged_id) THEN l.change_xid "
            u"ELSE h.purged_xid END, "
            u"purged_id = CASE WHEN (l.change_xid, l.id) > (h.purged_xid, h.purged_id) THEN l.id ELSE h.purged_id END "
            u"FROM (SELECT change_xid, id FROM purged ORDER BY change_xid DESC, id DESC LIMIT 1) l RETURNING 1) "
            u"SELECT count(*)::int FROM purged"_s);
        if (!purged)
            return std::unexpected(failure(purged.error(), "purging deleted articles"));
        (*purged)->next();
        report.articles = (*purged)->value(0).toInt();
        (*purged)->finish();
        return report;
    });
}

FeedHorizonStore::FeedHorizonStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.articles"_s)
{
}

Result<FeedHorizon> FeedHorizonStore::at(qint64 xid, const QUuid &id)
{
    auto query = run(u"SELECT purges, (?::xid8, ?::uuid) < (purged_xid, purged_id) FROM feed_horizon"_s,
                     {QString::number(xid), idText(id)});
    if (!query)
        return std::unexpected(failure(query.error(), "reading the change feed's purge horizon"));
    FeedHorizon horizon;
    if ((*query)->next())
        horizon = {(*query)->value(0).toLongLong(), (*query)->value(1).toBool()};
    (*query)->finish();
    return horizon;
}

} // namespace inkwell::server
