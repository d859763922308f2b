#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QTcpSocket;

namespace inkwell::server::ai {

/**
 * @brief Idle keep-alive connections to AI upstreams, one pool per thread (a socket belongs to the
 * thread that made it), by upstream (scheme, host and port).
 *
 * Against a TLS upstream a new connection costs a TCP and a TLS handshake before the request can even
 * be sent (50–150 ms to a real provider), added to every answer's first delta. UpstreamCall gives a
 * connection back here only when its response ended cleanly and the connection may carry another; one
 * that failed, timed out or was aborted mid-stream is closed, never kept. An idle connection is closed
 * after its idle time, when the upstream closes it or sends anything, and when more than
 * kMaxIdlePerUpstream are idle for the same upstream (the oldest goes).
 */
class UpstreamPool : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxIdlePerUpstream = 8;

    /// @brief The pool of the calling thread (made on first use, deleted when the thread ends).
    static UpstreamPool &forThisThread();
    /// @brief "scheme://host:port" of a URL (the default port filled in).
    static QString keyOf(const QUrl &url);

    /// @brief An idle connection to `key`, now `owner`'s child and no longer watched; null when none.
    QTcpSocket *take(const QString &key, QObject *owner);
    /// @brief Keeps `socket` (connected, nothing unread) for the next call to `key`, at most `idleMs`.
    void put(const QString &key, QTcpSocket *socket, int idleMs);
    /// @brief Idle connections kept now (all upstreams).
    int idleCount() const;

private:
    explicit UpstreamPool(QObject *parent = nullptr);
    void drop(QTcpSocket *socket);

    QHash<QString, QList<QPointer<QTcpSocket>>> m_idle; ///< oldest first
};

} // namespace inkwell::server::ai
