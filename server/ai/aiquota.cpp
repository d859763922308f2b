#include "aiquota.h"

#include "json/jsonreader.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

Problem noProviderProblem()
{
    Problem problem = Problem::unavailable(
        u"No AI provider is configured on this server. An administrator can set one up with "
        u"INKWELL_AI_PROVIDER=gemini|openai, INKWELL_AI_API_KEY (the upstream key) and, for an OpenAI-compatible "
        u"server such as Ollama, INKWELL_AI_BASE_URL; then restart inkwelld."_s);
    problem.type = u"/problems/ai-unconfigured"_s;
    return problem;
}

Problem providerProblem(const ProviderError &error)
{
    Problem problem;
    problem.status = error.status;
    problem.type = error.type.isEmpty() ? u"/problems/ai-upstream"_s : error.type;
    problem.title = error.title.isEmpty() ? u"AI provider error"_s : error.title;
    problem.detail = error.detail;
    if (error.retryAfterS > 0 && (error.status == 429 || error.status == 503))
        problem.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(error.retryAfterS)});
    return problem;
}

QJsonObject errorEventPayload(const ProviderError &error)
{
    const Problem problem = providerProblem(error);
    return {{u"status"_s, problem.status},
            {u"type"_s, problem.type},
            {u"title"_s, problem.title},
            {u"detail"_s, problem.detail}};
}

int tokenEstimate(QStringView text)
{
    return int((codePointCount(text) + 3) / 4);
}

namespace {

QDateTime nextUtcMidnight(const QDateTime &now)
{
    return QDateTime(now.date().addDays(1), QTime(0, 0), Qt::UTC);
}

} // namespace

QJsonObject toJson(const AiQuotaStatus &status)
{
    const bool unlimited = status.tokensPerDay <= 0;
    return {{u"tokens_per_day"_s, unlimited ? 0 : status.tokensPerDay},
            {u"tokens_used_today"_s, status.tokensUsedToday},
            {u"tokens_remaining"_s,
             unlimited ? QJsonValue(QJsonValue::Null)
                       : QJsonValue(std::max<qint64>(0, status.tokensPerDay - status.tokensUsedToday))},
            {u"requests_per_minute"_s, std::max(0, status.requestsPerMinute)},
            {u"resets_at"_s, formatTimestamp(status.resetsAt)}};
}

AiQuota::AiQuota(const Config &config, AiUsageStore &store)
    : m_config(config)
    , m_store(store)
{
}

Result<void> AiQuota::admit(const User &user)
{
    const qint64 dayLimit = m_config.aiTokensPerDay.value(roleToString(user.role), 0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (dayLimit > 0) {
        auto used = m_store.tokensToday(user.id);
        if (!used)
            return std::unexpected(used.error());
        if (*used >= dayLimit) {
            const QDateTime midnight = nextUtcMidnight(now);
            return std::unexpected(Problem::tooManyRequests(
                u"You used your %1 AI tokens for today; the quota renews at midnight UTC."_s.arg(dayLimit),
                int(std::max<qint64>(1, now.secsTo(midnight)))));
        }
    }
    if (m_config.aiRequestsPerMin > 0) {
        auto taken = m_store.takeRequestSlot(user.id, m_config.aiRequestsPerMin);
        if (!taken)
            return std::unexpected(taken.error());
        if (!*taken)
            return std::unexpected(Problem::tooManyRequests(
                u"At most %1 AI requests a minute; try again when the minute is over."_s.arg(
                    m_config.aiRequestsPerMin),
                std::max(1, 60 - now.time().second())));
    }
    return {};
}

Result<AiQuotaStatus> AiQuota::status(const User &user)
{
    // The same numbers admit() goes by: the role's daily limit and today's row of ai_usage.
    auto used = m_store.tokensToday(user.id);
    if (!used)
        return std::unexpected(used.error());
    AiQuotaStatus status;
    status.tokensPerDay = std::max<qint64>(0, m_config.aiTokensPerDay.value(roleToString(user.role), 0));
    status.tokensUsedToday = *used;
    status.requestsPerMinute = m_config.aiRequestsPerMin;
    status.resetsAt = nextUtcMidnight(QDateTime::currentDateTimeUtc());
    return status;
}

} // namespace inkwell::server::ai
