#include "httpservice.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "inkwell.server.http")

namespace inkwell::server {

namespace {

struct SocketAddress {
    sockaddr_storage storage{};
    socklen_t length = 0;
};

SocketAddress toSockAddr(const QHostAddress &host, quint16 port)
{
    SocketAddress out;
    if (host.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&out.storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = host.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof(bytes));
        out.length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&out.storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(host.toIPv4Address());
        out.length = sizeof(sockaddr_in);
    }
    return out;
}

/// A bound, listening socket; with `reusePort` several of them can share the port.
std::expected<int, QString> listeningSocket(const QHostAddress &host, quint16 port, bool reusePort, bool listen)
{
    const int family = host.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return std::unexpected(qt_error_string(errno));
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (reusePort && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) != 0) {
        const QString error = qt_error_string(errno);
        ::close(fd);
        return std::unexpected(u"SO_REUSEPORT: %1"_s.arg(error));
    }
    const SocketAddress address = toSockAddr(host, port);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address.storage), address.length) != 0 ||
        (listen && ::listen(fd, 4096) != 0)) {
        const QString error = qt_error_string(errno);
        ::close(fd);
        return std::unexpected(error);
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
}

} // namespace

HttpService::HttpService(std::shared_ptr<const ServiceContext> context, QList<RouteRegistrar> registrars)
    : m_context(std::move(context))
    , m_registrars(std::move(registrars))
{
}

HttpService::~HttpService()
{
    stop();
}

std::expected<quint16, QString> HttpService::start(const QHostAddress &host, quint16 port, int threads)
{
    const QString where = u"%1:%2"_s.arg(host.toString()).arg(port);
    if (port != 0) {
        // SO_REUSEPORT would let us share the port with another program of the same user without
        // a word; a plain bind first makes "address in use" an error, as users expect.
        auto probe = listeningSocket(host, port, /*reusePort=*/false, /*listen=*/false);
        if (!probe)
            return std::unexpected(u"cannot listen on %1: %2"_s.arg(where, probe.error()));
        ::close(*probe);
    }
    QList<int> descriptors;
    for (int i = 0; i < threads; ++i) {
        auto fd = listeningSocket(host, port, /*reusePort=*/true, /*listen=*/true);
        if (!fd) {
            for (int open : std::as_const(descriptors))
                ::close(open);
            return std::unexpected(u"cannot listen on %1: %2"_s.arg(where, fd.error()));
        }
        if (port == 0)
            port = boundPort(*fd); // the others join the port the kernel picked for the first
        descriptors.append(*fd);
    }
    m_port = port;

    for (int i = 0; i < threads; ++i) {
        Worker worker;
        worker.thread = std::make_unique<QThread>();
        worker.thread->setObjectName(u"listener-%1"_s.arg(i));
        worker.listener = std::make_unique<Listener>(i, descriptors.at(i), m_context, m_registrars);
        worker.listener->moveToThread(worker.thread.get());
        worker.thread->start();
        QString error;
        bool ok = false;
        Listener *listener = worker.listener.get();
        QMetaObject::invokeMethod(
            listener, [listener, &ok, &error] { ok = listener->start(&error); }, Qt::BlockingQueuedConnection);
        m_workers.push_back(std::move(worker));
        if (!ok) {
            for (int j = i + 1; j < threads; ++j)
                ::close(descriptors.at(j));
            stop();
            return std::unexpected(u"listener %1 failed to start: %2"_s.arg(i).arg(error));
        }
    }
    qCInfo(lcHttp) << "serving on" << threads << "listener threads";
    return m_port;
}

void HttpService::stop(int graceMs)
{
    if (m_workers.empty())
        return;
    m_context->draining->store(true);
    for (Worker &worker : m_workers) {
        Listener *listener = worker.listener.get();
        if (worker.thread->isRunning())
            QMetaObject::invokeMethod(listener, [listener] { listener->beginDrain(); }, Qt::BlockingQueuedConnection);
    }
    QElapsedTimer timer;
    timer.start();
    int open = 0;
    do {
        open = 0;
        for (Worker &worker : m_workers) {
            Listener *listener = worker.listener.get();
            if (worker.thread->isRunning())
                QMetaObject::invokeMethod(
                    listener, [listener, &open] { open += listener->openConnections(); }, Qt::BlockingQueuedConnection);
        }
        if (open > 0)
            QThread::msleep(20);
    } while (open > 0 && timer.elapsed() < graceMs);
    if (open > 0)
        qCWarning(lcHttp) << open << "connections still open after" << graceMs << "ms; closing them";
    // Password jobs answer on a listener thread: let them finish while the listeners still live.
    if (m_context->passwordWorkers)
        m_context->passwordWorkers->waitForDone();
    if (m_context->readWorkers)
        m_context->readWorkers->waitForDone();

    for (Worker &worker : m_workers) {
        Listener *listener = worker.listener.get();
        if (worker.thread->isRunning()) {
            QMetaObject::invokeMethod(listener, [listener] { listener->shutdown(); }, Qt::BlockingQueuedConnection);
            worker.thread->quit();
            worker.thread->wait();
        }
        worker.listener.reset();
    }
    m_workers.clear();
}

QList<RouteInfo> HttpService::routes() const
{
    if (m_workers.empty())
        return {};
    return m_workers.front().listener->routes();
}

} // namespace inkwell::server
