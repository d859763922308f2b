#pragma once

#include "api/apiclient.h"

#include <QObject>
#include <array>
#include <optional>

namespace inkwell::engine {

/**
 * @brief The server's statistics (`GET /admin/stats?days=N`) for a chosen period, for the admin dashboard.
 *
 * Holds the last good answer; a new period or reload() asks again and drops answers to an older question.
 */
class AdminStatsModel : public QObject {
    Q_OBJECT
public:
    /// @brief The periods the dashboard offers, in days.
    static constexpr std::array<int, 3> kPeriods{7, 30, 90};

    explicit AdminStatsModel(api::ApiClient *client, QObject *parent = nullptr);

    /// @brief The period in days (1..365, default 30); a change loads it.
    void setDays(int days);
    int days() const { return m_days; }
    /// @brief Asks for the current period again.
    void reload();
    bool isLoading() const { return m_loading; }

    /// @brief The last statistics received, if any.
    const std::optional<api::AdminStats> &stats() const { return m_stats; }
    QString errorText() const { return m_errorText; }
    int errorStatus() const { return m_errorStatus; }

Q_SIGNALS:
    void statsChanged();
    void loadingChanged(bool loading);
    void loadFailed(const QString &message, int status);

private:
    void setLoading(bool loading);

    api::ApiClient *m_client;
    int m_days = 30;
    bool m_loading = false;
    quint64 m_generation = 0;
    std::optional<api::AdminStats> m_stats;
    QString m_errorText;
    int m_errorStatus = 0;
};

} // namespace inkwell::engine
