#include "listener.h"

#include "http/ssestream.h"

#include <QTcpServer>
#include <atomic>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

GuardLimits ServiceContext::guardLimits() const
{
    GuardLimits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.idleTimeoutMs = config.idleTimeoutS * 1000;
    limits.maxConnectionsPerIp = config.maxConnectionsPerIp;
    limits.bodyLimitByPathPrefix = bodyLimitByPathPrefix;
    return limits;
}

void ServiceContext::finalize()
{
    rateLimiter = std::make_shared<RateLimiter>(config.rateLimitPerMin);
    if (!passwordWorkers)
        passwordWorkers = std::make_shared<PasswordWorkers>();
    if (!readWorkers)
        readWorkers = std::make_shared<PasswordWorkers>(); // one per core: each waits on PostgreSQL most of the time
    tokens = std::make_shared<JwtCodec>(jwtKey, QStringLiteral("inkwelld"), QStringLiteral("inkwell"));
    metrics = std::make_shared<Metrics>(config.threads);
    metrics->dbConnectionsMax = config.threads;
    trustedProxies.clear();
    for (const QString &proxy : config.trustedProxies) {
        const QHostAddress address(proxy);
        if (!address.isNull())
            trustedProxies.append({address, address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32});
        else
            trustedProxies.append(QHostAddress::parseSubnet(proxy));
    }
    std::weak_ptr<ConnectionCounter> counter = connections;
    metrics->gauges = [counter] {
        QList<std::pair<QByteArray, double>> out;
        if (auto c = counter.lock())
            out.append({"inkwell_http_open_connections", double(c->total())});
        return out;
    };
}

Listener::Listener(int index, int socketDescriptor, std::shared_ptr<const ServiceContext> context,
                   QList<RouteRegistrar> registrars)
    : m_index(index)
    , m_socketDescriptor(socketDescriptor)
    , m_context(std::move(context))
    , m_registrars(std::move(registrars))
{
}

Listener::~Listener()
{
    if (m_socketDescriptor >= 0)
        ::close(m_socketDescriptor);
}

bool Listener::start(QString *error)
{
    // Connection names are global to the process: several servers may run in one (tests).
    static std::atomic<int> serial{0};
    m_db = std::make_unique<ThreadDatabase>(m_context->database, u"inkwell-listener-%1-%2"_s.arg(m_index).arg(++serial),
                                            m_context->metrics ? &m_context->metrics->dbConnectionsOpen : nullptr);
    m_server = std::make_unique<QHttpServer>();
    m_router = std::make_unique<Router>(*m_server, *m_context, m_index);
    m_resources = std::make_unique<ListenerResources>(ListenerResources{*m_context, *m_db, m_index});
    for (const RouteRegistrar &registrar : std::as_const(m_registrars))
        registrar(*m_router, *m_resources);

    auto *tcp = m_tcp =
        new GuardedTcpServer(m_context->guardLimits(), m_context->connections, m_context->metrics, m_server.get());
    if (!tcp->setSocketDescriptor(m_socketDescriptor)) {
        *error = tcp->errorString();
        return false;
    }
    m_socketDescriptor = -1; // the QTcpServer owns it now
    m_server->bind(tcp);
    // Open the connection now so the first request does not pay for it; failure is not fatal
    // (the database may come back), /health/db reports it.
    (void)m_db->connection();
    return true;
}

void Listener::beginDrain()
{
    // Streams would hold their connections until the grace period ends: they end now, cleanly.
    if (m_router)
        m_router->streams().closeAll();
    if (m_tcp)
        m_tcp->beginDrain();
}

int Listener::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

void Listener::shutdown()
{
    m_tcp = nullptr;
    m_server.reset();
    m_router.reset();
    m_resources.reset();
    m_db.reset();
}

QList<RouteInfo> Listener::routes() const
{
    return m_router ? m_router->routes() : QList<RouteInfo>{};
}

} // namespace inkwell::server
