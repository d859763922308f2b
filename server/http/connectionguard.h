#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QSet>
#include <QTcpServer>

#include <atomic>
#include <memory>
#include <utility>

namespace inkwell::server {

/// @brief Socket property set while a handler holds the connection's answer (a deferred reply, a
/// stream): the guard then neither closes it as idle nor as drained, and keeps what the client
/// pipelines behind it from QHttpServer (which would answer it at once, out of order). Clearing it
/// once the answer is written hands those requests on, in order, on the same connection.
inline constexpr const char *kHeldProperty = "inkwell.held";
/// @brief Socket property the guard sets for the request being served: true when the connection ends
/// after its answer (`Connection: close`, HTTP/1.0, or too much pipelined behind a held answer).
inline constexpr const char *kCloseAfterProperty = "inkwell.close";

/// @brief The limits QHttpServer 6.4 lacks (qt64-notes.md), enforced before a request reaches it.
struct GuardLimits {
    qint64 maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 1024 * 1024;
    /// Larger (or smaller) body limits for routes under a path prefix, e.g. {"/api/v1/uploads/", 50 MiB}.
    QList<std::pair<QByteArray, qint64>> bodyLimitByPathPrefix;
    int idleTimeoutMs = 30000;
    /// A request body must arrive at this rate at least, after the idle timeout's grace (slow clients).
    qint64 minBodyBytesPerSecond = 16 * 1024;
    int maxConnectionsPerIp = 256;
    /// How long a refused connection is drained before it is closed (so the client reads the answer).
    int lingerMs = 2000;

    qint64 bodyLimitFor(QByteArrayView path) const;
};

/// @brief Open connections per client address, shared by every listener thread.
class ConnectionCounter {
public:
    bool tryAcquire(const QHostAddress &address, int max);
    void release(const QHostAddress &address);
    int total() const { return m_total.load(); }

private:
    QMutex m_mutex;
    QHash<QHostAddress, int> m_byAddress;
    std::atomic<int> m_total{0};
};

/// @brief The listening server handed to QHttpServer::bind(): every accepted socket gets a guard
/// that frames requests itself (header and body limits, strict framing, 100-continue, timeouts)
/// and answers bad ones with a problem before QHttpServer sees a byte of them.
class Metrics;

class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(GuardLimits limits, std::shared_ptr<ConnectionCounter> counter, std::shared_ptr<Metrics> metrics,
                     QObject *parent = nullptr);

    const GuardLimits &limits() const { return m_limits; }

    /// @brief Shutdown: accepts what the kernel already queued, stops listening, and closes each
    /// connection once it has no request in progress and its answer is written.
    void beginDrain();
    /// @brief Connections still open (drained when 0).
    int openConnections() const { return int(m_guards.size()); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    GuardLimits m_limits;
    std::shared_ptr<ConnectionCounter> m_counter;
    std::shared_ptr<Metrics> m_metrics;
    QSet<QObject *> m_guards; ///< one per open connection
    bool m_draining = false;
};

} // namespace inkwell::server
