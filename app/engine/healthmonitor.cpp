#include "healthmonitor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {
constexpr int kRequestTimeoutMs = 5000;
}

HealthMonitor::HealthMonitor(QUrl server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
{
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::checkNow);
}

void HealthMonitor::start(int intervalMs)
{
    m_timer.start(intervalMs);
    checkNow();
}

void HealthMonitor::checkNow()
{
    if (m_pending)
        return; // one check at a time
    QNetworkRequest request(m_server.resolved(QUrl(u"/health"_s)));
    request.setTransferTimeout(kRequestTimeoutMs);
    m_pending = m_network.get(request);
    connect(m_pending, &QNetworkReply::finished, this, [this, reply = m_pending.data()] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            m_pending = nullptr;
            setState(State::Unreachable);
            return;
        }
        m_version = QJsonDocument::fromJson(reply->readAll()).object().value(u"version"_s).toString();
        QNetworkRequest dbRequest(m_server.resolved(QUrl(u"/health/db"_s)));
        dbRequest.setTransferTimeout(kRequestTimeoutMs);
        m_pending = m_network.get(dbRequest);
        connect(m_pending, &QNetworkReply::finished, this, [this, dbReply = m_pending.data()] {
            dbReply->deleteLater();
            m_pending = nullptr;
            const int dbStatus = dbReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (dbStatus == 200)
                setState(State::Healthy);
            else if (dbStatus == 0)
                setState(State::Unreachable);
            else
                setState(State::DatabaseDown);
        });
    });
}

QString HealthMonitor::describe() const
{
    const QString where = m_server.authority();
    switch (m_state) {
    case State::Unknown: return tr("Connecting to %1…").arg(where);
    case State::Healthy: return tr("Server %1 is healthy (version %2)").arg(where, m_version);
    case State::DatabaseDown: return tr("Server %1 answers, but its database does not").arg(where);
    case State::Unreachable: return tr("Server %1 is unreachable; working offline").arg(where);
    }
    return {};
}

void HealthMonitor::setState(State state)
{
    const bool changed = state != m_state;
    m_state = state;
    if (changed || state == State::Healthy)
        Q_EMIT stateChanged(state);
}

} // namespace inkwell::engine
