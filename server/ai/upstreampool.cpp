#include "ai/upstreampool.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QThreadStorage>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

constexpr const char *kKeyProperty = "inkwell.upstreamKey";
/// The idle timer's name: a socket has timers of its own (QAbstractSocket's connect and disconnect timers).
const QString kIdleTimerName = QStringLiteral("inkwell.idleTimer");

} // namespace

UpstreamPool::UpstreamPool(QObject *parent)
    : QObject(parent)
{
}

UpstreamPool &UpstreamPool::forThisThread()
{
    // QThreadStorage deletes the pool (and its sockets) while the thread's event dispatcher still exists.
    static QThreadStorage<UpstreamPool *> pools;
    if (!pools.hasLocalData())
        pools.setLocalData(new UpstreamPool);
    return *pools.localData();
}

QString UpstreamPool::keyOf(const QUrl &url)
{
    const bool tls = url.scheme() == u"https"_s;
    return u"%1://%2:%3"_s.arg(url.scheme(), url.host().toLower()).arg(url.port(tls ? 443 : 80));
}

QTcpSocket *UpstreamPool::take(const QString &key, QObject *owner)
{
    auto it = m_idle.find(key);
    if (it == m_idle.end())
        return nullptr;
    QList<QPointer<QTcpSocket>> &idle = it.value();
    // The most recently used first: the older ones are the ones that time out.
    while (!idle.isEmpty()) {
        QPointer<QTcpSocket> socket = idle.takeLast();
        if (!socket)
            continue;
        socket->disconnect(this);
        delete socket->findChild<QTimer *>(kIdleTimerName, Qt::FindDirectChildrenOnly);
        const bool usable = socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0;
        if (!usable) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (idle.isEmpty())
            m_idle.erase(it);
        socket->setParent(owner);
        return socket;
    }
    m_idle.erase(it);
    return nullptr;
}

void UpstreamPool::put(const QString &key, QTcpSocket *socket, int idleMs)
{
    socket->setParent(this);
    socket->setProperty(kKeyProperty, key);
    QList<QPointer<QTcpSocket>> &idle = m_idle[key];
    idle.removeAll(nullptr);
    while (idle.size() >= kMaxIdlePerUpstream) {
        QPointer<QTcpSocket> oldest = idle.takeFirst();
        if (oldest)
            drop(oldest);
    }
    idle.append(socket);
    // An idle connection that says anything (or closes) is not in a state to carry the next request.
    connect(socket, &QIODevice::readyRead, this, [this, socket] { drop(socket); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] { drop(socket); });
    auto *timer = new QTimer(socket);
    timer->setObjectName(kIdleTimerName);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] { drop(socket); });
    timer->start(idleMs);
}

void UpstreamPool::drop(QTcpSocket *socket)
{
    const QString key = socket->property(kKeyProperty).toString();
    if (auto it = m_idle.find(key); it != m_idle.end()) {
        it->removeAll(socket);
        it->removeAll(nullptr);
        if (it->isEmpty())
            m_idle.erase(it);
    }
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

int UpstreamPool::idleCount() const
{
    int count = 0;
    for (const auto &idle : m_idle)
        for (const QPointer<QTcpSocket> &socket : idle)
            count += socket ? 1 : 0;
    return count;
}

} // namespace inkwell::server::ai
