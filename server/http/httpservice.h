#pragma once

#include "http/listener.h"

#include <QHostAddress>
#include <QThread>

#include <expected>
#include <memory>
#include <vector>

namespace inkwell::server {

/// @brief Serves HTTP on N listener threads sharing one port through SO_REUSEPORT; the kernel
/// spreads connections over them.
class HttpService {
public:
    HttpService(std::shared_ptr<const ServiceContext> context, QList<RouteRegistrar> registrars);
    ~HttpService();
    HttpService(const HttpService &) = delete;
    HttpService &operator=(const HttpService &) = delete;

    /// @brief Binds host:port (0 picks a free port) on `threads` listeners; returns the port.
    std::expected<quint16, QString> start(const QHostAddress &host, quint16 port, int threads);
    /// @brief Graceful stop: stops accepting, lets requests in progress finish and their answers
    /// be written (for at most `graceMs`), then closes what is left and joins the threads.
    void stop(int graceMs = 10000);

    quint16 port() const { return m_port; }
    /// @brief The routes of the first listener (all listeners have the same).
    QList<RouteInfo> routes() const;

private:
    struct Worker {
        std::unique_ptr<QThread> thread;
        std::unique_ptr<Listener> listener;
    };
    std::shared_ptr<const ServiceContext> m_context;
    QList<RouteRegistrar> m_registrars;
    std::vector<Worker> m_workers;
    quint16 m_port = 0;
};

} // namespace inkwell::server
