#include "testpostgres.h"

#include <QCoreApplication>
#include <QProcess>
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
    if (!start())
        return;
    // If this test process dies without running destructors (a sanitizer abort, a crash, a
    // timeout's SIGKILL), a detached watchdog stops the cluster and deletes its folder.
    const QString script = uR"(while kill -0 %1 2>/dev/null; do sleep 1; done
pid=$(head -n 1 '%2/postgres/data/postmaster.pid' 2>/dev/null)
[ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null
sleep 2
rm -rf '%2')"_s.arg(QCoreApplication::applicationPid()).arg(m_dir.path());
    QProcess watchdog;
    watchdog.setProgram(u"/bin/sh"_s);
    watchdog.setArguments({u"-c"_s, script});
    watchdog.setStandardInputFile(QProcess::nullDevice()); // holds none of the test's pipes open
    watchdog.setStandardOutputFile(QProcess::nullDevice());
    watchdog.setStandardErrorFile(QProcess::nullDevice());
    watchdog.startDetached();
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
