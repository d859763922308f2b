#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace inkwell::engine {

/// @brief Watches the server's health (`/health`, then `/health/db`) and says what a user should know.
class HealthMonitor : public QObject {
    Q_OBJECT
public:
    enum class State { Unknown, Healthy, DatabaseDown, Unreachable };
    Q_ENUM(State)

    explicit HealthMonitor(QUrl server, QObject *parent = nullptr);

    /// @brief Checks now and then every `intervalMs`.
    void start(int intervalMs = 10000);
    /// @brief One check now (also while started).
    void checkNow();

    State state() const { return m_state; }
    QString version() const { return m_version; }
    QUrl server() const { return m_server; }

    /// @brief A short readable sentence for the status bar.
    QString describe() const;

Q_SIGNALS:
    void stateChanged(inkwell::engine::HealthMonitor::State state);

private:
    void setState(State state);

    QUrl m_server;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QPointer<QNetworkReply> m_pending;
    State m_state = State::Unknown;
    QString m_version;
};

} // namespace inkwell::engine
