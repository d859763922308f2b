#pragma once

#include "ai/aiusagestore.h"
#include "ai/provider.h"
#include "api/apitypes.h"
#include "config/config.h"
#include "domain/result.h"
#include "model/user.h"

#include <QDateTime>
#include <QJsonObject>

namespace inkwell::server::ai {

/// @brief The error of every AI route when INKWELL_AI_PROVIDER is `none` (unavailable, "ai-unconfigured"),
/// saying how to set one up.
Error noProviderError();
/// @brief A failed upstream call as a domain error (kind from what the client is to be told, code, title,
/// detail; the retry time when the upstream said it).
Error providerError(const ProviderError &error);
/// @brief About 4 characters a token (for quotas and budgets where the upstream reports nothing).
int tokenEstimate(QStringView text);

/// @brief The per-user AI quotas of api.md: requests per minute (INKWELL_AI_REQUESTS_PER_MIN) and tokens
/// per UTC day by role (INKWELL_AI_TOKENS_PER_DAY, 0 = unlimited). Both live in PostgreSQL (ai_rate,
/// ai_usage), so every instance enforces the same limits. A refusal is 429 with Retry-After: the seconds
/// until the minute, or the UTC day, rolls over.
class AiQuota {
public:
    AiQuota(const Config &config, AiUsageStore &store);

    /// @brief Admits one request of `user` (counting it in the minute), or the 429 problem.
    Result<void> admit(const User &user);
    /// @brief The quota of `user` as admit() sees it now (one indexed read of today's usage), as GET /ai/quota
    /// answers it.
    Result<api::AiQuota> status(const User &user);

private:
    const Config &m_config;
    AiUsageStore &m_store;
};

} // namespace inkwell::server::ai
