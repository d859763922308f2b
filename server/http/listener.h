#pragma once

#include "auth/jwt.h"
#include "auth/passwordworkers.h"
#include "config/config.h"
#include "db/connectionparams.h"
#include "db/pgnotifier.h"
#include "db/threaddatabase.h"
#include "http/connectionguard.h"
#include "http/metrics.h"
#include "http/ratelimiter.h"
#include "http/router.h"
#include "http/sharedobjects.h"

#include <QHttpServer>
#include <QObject>
#include <functional>
#include <memory>

namespace inkwell::server {

/// @brief What every listener thread shares, read-only once serving starts.
struct ServiceContext {
    Config config;
    ConnectionParams database;
    QString version = QStringLiteral(INKWELL_VERSION);
    /// HS256 key of access tokens (JwtCodec::loadOrCreateKey of INKWELL_JWT_SECRET_FILE).
    QByteArray jwtKey;
    /// Open connections per client address, across every listener.
    std::shared_ptr<ConnectionCounter> connections = std::make_shared<ConnectionCounter>();
    /// Extra body limits by path prefix, for routes that take larger uploads.
    QList<std::pair<QByteArray, qint64>> bodyLimitByPathPrefix;
    /// Shared middleware state; made by finalize() from the configuration.
    std::shared_ptr<RateLimiter> rateLimiter;
    /// Verifies access tokens (made from jwtKey by finalize()).
    std::shared_ptr<JwtCodec> tokens;
    std::shared_ptr<Metrics> metrics;
    /// Hashes and verifies passwords off the listener threads (made by finalize()).
    std::shared_ptr<PasswordWorkers> passwordWorkers;
    /// Reads too slow for a listener thread (a search no cache holds yet), run at a lower priority so that the
    /// listeners keep answering; the result is handed back to the listener thread that asked (made by finalize()).
    std::shared_ptr<PasswordWorkers> readWorkers;
    QList<std::pair<QHostAddress, int>> trustedProxies;
    /// Set when shutdown begins: answers say "Connection: close".
    std::shared_ptr<std::atomic<bool>> draining = std::make_shared<std::atomic<bool>>(false);
    /// LISTEN/NOTIFY shared by every listener (notification streams learn of news through it); when
    /// null, streams look for news on a timer instead.
    std::shared_ptr<PgNotifier> notifier;
    /// What the modules make once and share among listeners (their caches, the AI upstream), by type.
    SharedObjects shared;
    /// How long a Server-Sent-Events stream may be silent before it sends a keep-alive comment.
    int sseKeepAliveMs = 15000;
    /// How often long-lived streams look again for what they may have missed, and check that their
    /// session is still signed in.
    int streamRecheckMs = 15000;

    GuardLimits guardLimits() const;
    /// @brief Builds the shared middleware state from `config` (call once, before serving).
    void finalize();
};

/// @brief What a module's routes may use on the listener thread that serves them.
struct ListenerResources {
    const ServiceContext &service;
    ThreadDatabase &db;
    int index; ///< which listener thread (0..threads-1)
};

/// @brief Registers one module's routes on a listener (called once per listener thread).
using RouteRegistrar = std::function<void(Router &, ListenerResources &)>;

/// @brief One listener thread's server: a QHttpServer on its own SO_REUSEPORT socket, with its
/// own database connection. Lives in (and must be started and shut down from) its thread.
class Listener : public QObject {
    Q_OBJECT
public:
    Listener(int index, int socketDescriptor, std::shared_ptr<const ServiceContext> context,
             QList<RouteRegistrar> registrars);
    ~Listener() override;

    /// @brief Builds the server and starts accepting; runs in the listener's thread.
    bool start(QString *error);
    /// @brief Stops accepting; open connections close once their answers are written, and open
    /// streams end at once with a last `shutdown` event.
    void beginDrain();
    /// @brief Connections still open on this listener.
    int openConnections() const;
    /// @brief Releases server (closing what is left) and connection; runs in the listener's thread.
    void shutdown();

    QList<RouteInfo> routes() const;

private:
    int m_index;
    int m_socketDescriptor;
    std::shared_ptr<const ServiceContext> m_context;
    QList<RouteRegistrar> m_registrars;
    std::unique_ptr<ThreadDatabase> m_db;
    std::unique_ptr<QHttpServer> m_server;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<ListenerResources> m_resources;
    GuardedTcpServer *m_tcp = nullptr;
};

} // namespace inkwell::server
