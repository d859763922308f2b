#include "testserver.h"

#include "ai/aihealthroutes.h"
#include "db/migrator.h"
#include "health/healthroutes.h"
#include "http/operationsroutes.h"

#include <QRandomGenerator>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace inkwell::test {

TestServer::TestServer(const server::ConnectionParams &database, QList<server::RouteRegistrar> extraRoutes, int threads,
                       const std::function<void(server::ServiceContext &)> &configure)
{
    if (auto applied = database.withConnection([](QSqlDatabase &db) { return server::Migrator(db).migrate(); });
        !applied)
        m_error = applied.error();
    if (!m_error.isEmpty())
        return;

    m_context = std::make_shared<server::ServiceContext>();
    m_context->database = database;
    m_context->config.threads = threads;
    m_context->config.rateLimitPerMin = 0;
    // A fresh token key per server, as a first start makes one (a test may set its own in configure).
    m_context->jwtKey =
        QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0').repeated(4);
    if (configure)
        configure(*m_context);
    m_context->finalize();
    QList<server::RouteRegistrar> registrars{server::healthRoutes(), server::ai::healthRoutes(),
                                             server::operationsRoutes()};
    registrars += extraRoutes;
    m_http = std::make_unique<server::HttpService>(m_context, registrars);
    if (auto port = m_http->start(QHostAddress::LocalHost, 0, threads); !port) {
        m_error = port.error();
        m_http.reset();
    }
}

TestServer::~TestServer()
{
    stop();
}

QUrl TestServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port()));
}

void TestServer::stop()
{
    if (m_http)
        m_http->stop();
    m_http.reset();
}

} // namespace inkwell::test
