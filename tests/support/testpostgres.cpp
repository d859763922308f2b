#include "testpostgres.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace inkwell::test {

TestPostgres::TestPostgres()
    : m_dir(QDir::tempPath() + u"/inkwell-test-XXXXXX"_s)
{
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary folder"_s;
        return;
    }
    server::EmbeddedPostgres::Options options;
    options.dataDir = m_dir.path();
    options.tcp = true;
    options.durable = false;
    m_postgres = std::make_unique<server::EmbeddedPostgres>(options);
    start();
}

TestPostgres::~TestPostgres()
{
    m_postgres.reset(); // stops the server before the folder goes
}

bool TestPostgres::start()
{
    auto params = m_postgres->start();
    if (!params) {
        m_error = params.error();
        return false;
    }
    m_params = *params;
    m_error.clear();
    return true;
}

bool TestPostgres::stop()
{
    return m_postgres->stop().has_value();
}

QString TestPostgres::url() const
{
    QUrl url;
    url.setScheme(u"postgres"_s);
    url.setUserName(m_params.user);
    url.setPassword(m_params.password);
    url.setHost(m_params.host);
    url.setPort(m_params.port);
    url.setPath(u'/' + m_params.database);
    return url.toString();
}

} // namespace inkwell::test
