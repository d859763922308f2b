#include "aiquota.h"

#include "json/jsonreader.h"
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

Error noProviderError()
{
    return Error::unavailable(
        u"No AI provider is configured on this server. An administrator can set one up with "
        u"INKWELL_AI_PROVIDER=gemini|openai, INKWELL_AI_API_KEY (the upstream key) and, for an OpenAI-compatible "
        u"server such as Ollama, INKWELL_AI_BASE_URL; then restart inkwelld."_s,
        0, u"ai-unconfigured"_s);
}

Error providerError(const ProviderError &error)
{
    Error out;
    switch (error.status) {
    case 422:
        out.kind = ErrorKind::Invalid;
        break;
    case 429:
        out.kind = ErrorKind::RateLimited;
        break;
    case 503:
        out.kind = ErrorKind::Unavailable;
        break;
    case 504:
        out.kind = ErrorKind::UpstreamTimeout;
        break;
    default:
        out.kind = ErrorKind::UpstreamFailed;
        break;
    }
    QString code = error.type.isEmpty() ? u"/problems/ai-upstream"_s : error.type;
    if (code.startsWith(u"/problems/"))
        code = code.mid(10);
    out.code = code;
    out.title = error.title.isEmpty() ? u"AI provider error"_s : error.title;
    out.detail = error.detail;
    out.retryAfterS = error.retryAfterS;
    return out;
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
            return std::unexpected(Error::tooManyRequests(
                u"You used your %1 AI tokens for today; the quota renews at midnight UTC."_s.arg(dayLimit),
                int(std::max<qint64>(1, now.secsTo(midnight)))));
        }
    }
    if (m_config.aiRequestsPerMin > 0) {
        auto taken = m_store.takeRequestSlot(user.id, m_config.aiRequestsPerMin);
        if (!taken)
            return std::unexpected(taken.error());
        if (!*taken)
            return std::unexpected(Error::tooManyRequests(
                u"At most %1 AI requests a minute; try again when the minute is over."_s.arg(m_config.aiRequestsPerMin),
                std::max(1, 60 - now.time().second())));
    }
    return {};
}

Result<api::AiQuota> AiQuota::status(const User &user)
{
    // The same numbers admit() goes by: the role's daily limit and today's row of ai_usage.
    auto used = m_store.tokensToday(user.id);
    if (!used)
        return std::unexpected(used.error());
    api::AiQuota status;
    status.tokensPerDay = std::max<qint64>(0, m_config.aiTokensPerDay.value(roleToString(user.role), 0));
    status.tokensUsedToday = *used;
    if (status.tokensPerDay > 0) // else unlimited: nothing to count down
        status.tokensRemaining = std::max<qint64>(0, status.tokensPerDay - status.tokensUsedToday);
    status.requestsPerMinute = std::max(0, m_config.aiRequestsPerMin);
    status.resetsAt = nextUtcMidnight(QDateTime::currentDateTimeUtc());
    return status;
}

} // namespace inkwell::server::ai
