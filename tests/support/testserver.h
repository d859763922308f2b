#pragma once

#include "http/httpservice.h"

#include <QUrl>

#include <memory>

namespace inkwell::test {

/// @brief inkwelld's HTTP service in the test process, on a free loopback port, against the given
/// database (migrated first). Extra route registrars let a test add routes of its own.
class TestServer {
public:
    /// `configure` may change the configuration (limits, CORS...) before the server starts.
    explicit TestServer(const server::ConnectionParams &database, QList<server::RouteRegistrar> extraRoutes = {},
                        int threads = 2, const std::function<void(server::ServiceContext &)> &configure = {});

    std::shared_ptr<server::ServiceContext> context() const { return m_context; }
    ~TestServer();

    QString error() const { return m_error; }
    QUrl url() const;
    quint16 port() const { return m_http ? m_http->port() : 0; }
    server::HttpService *http() const { return m_http.get(); }
    void stop();

private:
    std::shared_ptr<server::ServiceContext> m_context;
    std::unique_ptr<server::HttpService> m_http;
    QString m_error;
};

} // namespace inkwell::test
