#pragma once

#include "ai/writeretry.h"
#include "api/apitypes.h"
#include "db/sqlstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>
#include <optional>

namespace inkwell::server::ai {

/// @brief One upstream call, for the ai_requests log and the user's daily usage.
struct AiRequestRecord {
    QUuid userId;
    QString kind; ///< "chat", "regenerate", "title", "generate-article", "summarize", "suggest"
    QDateTime startedAt;
    std::optional<int> firstDeltaMs;
    int totalMs = 0;
    bool ok = true;
    int status = 200;
    qint64 tokens = 0;
    bool countsAsRequest = true; ///< false for the title call that follows a first answer
    /// The UTC day the usage counts on; null: today. account() sets it, so that a retry after midnight
    /// still counts on the day the call was made.
    QDate day;
};

/// @brief Quotas, usage and the request log (ai_rate, ai_usage, ai_requests), and the numbers of
/// /admin/stats. Every counter is in PostgreSQL, so several instances share the limits.
class AiUsageStore : public SqlStore {
public:
    explicit AiUsageStore(ThreadDatabase &db);

    /// @brief Counts one request in the user's current minute unless `limit` were reached (one upsert);
    /// false when refused.
    Result<bool> takeRequestSlot(const QUuid &userId, int limit);
    /// @brief Tokens the user used today (UTC): what is stored plus what is still being retried
    /// (PendingUsage), so a failed write never undercounts.
    Result<qint64> tokensToday(const QUuid &userId);
    /// @brief Logs the call and adds it to the user's day (one statement).
    Result<void> record(const AiRequestRecord &record);
    /**
     * @brief record(), and when that fails: its tokens count as pending usage at once (the quota sees
     * them) and the write is retried off the request path (WriteRetry) until the row is stored, which
     * removes them from the pending usage again. Given up after the retries: still counted for that day
     * in this process, and logged.
     */
    void account(AiRequestRecord record);
    /// @brief The retries of this thread's writes (the AI services queue their other writes here too).
    WriteRetry &retries() { return m_retries; }
    /// @brief The numbers of GET /admin/stats for the last `days` days (UTC, today included).
    Result<api::AdminStats> stats(int days);

private:
    WriteRetry m_retries;
};

} // namespace inkwell::server::ai
