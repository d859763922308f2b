// The baseline for inkwelld's speed: a bare QHttpServer answering GET /health on N threads that
// share one SO_REUSEPORT port, exactly as inkwelld's listeners do, with nothing else (no guard,
// no middleware, no database). Usage: bench_hello PORT THREADS
#include <QCoreApplication>
#include <QHttpServer>
#include <QJsonObject>
#include <QTcpServer>
#include <QThread>

#include <cstdio>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

int listeningSocket(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 || ::listen(fd, 4096) != 0) {
        std::perror("bench_hello: listen");
        std::exit(1);
    }
    return fd;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUShort()) : 8090;
    const int threads = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 1;
    std::vector<std::unique_ptr<QThread>> workers;
    for (int i = 0; i < threads; ++i) {
        const int fd = listeningSocket(port);
        auto thread = std::make_unique<QThread>();
        auto *context = new QObject;
        context->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::started, context, [fd, context] {
            auto *server = new QHttpServer(context);
            server->route(u"/health"_s, QHttpServerRequest::Method::Get, [] {
                return QHttpServerResponse(QJsonObject{{u"status"_s, u"healthy"_s}, {u"version"_s, u"bench"_s}});
            });
            auto *tcp = new QTcpServer(server);
            tcp->setSocketDescriptor(fd);
            server->bind(tcp);
        });
        thread->start();
        workers.push_back(std::move(thread));
    }
    std::printf("listening on http://127.0.0.1:%u\n", port);
    std::fflush(stdout);
    return app.exec();
}
