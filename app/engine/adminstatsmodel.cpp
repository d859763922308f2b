#include "adminstatsmodel.h"

namespace inkwell::engine {

AdminStatsModel::AdminStatsModel(api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void AdminStatsModel::setDays(int days)
{
    days = std::clamp(days, 1, 365);
    if (days == m_days && (m_stats || m_loading))
        return;
    m_days = days;
    reload();
}

void AdminStatsModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void AdminStatsModel::reload()
{
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_client->adminStats(m_days, this, [this, generation](api::ApiResult<api::AdminStats> stats) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!stats) {
            m_errorText = stats.error().message();
            m_errorStatus = stats.error().status;
            Q_EMIT loadFailed(m_errorText, m_errorStatus);
            return;
        }
        m_errorText.clear();
        m_errorStatus = 0;
        m_stats = std::move(*stats);
        Q_EMIT statsChanged();
    });
}

} // namespace inkwell::engine
