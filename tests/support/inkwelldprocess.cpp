#include "inkwelldprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <csignal>

using namespace Qt::StringLiterals;

namespace inkwell::test {

InkwelldProcess::InkwelldProcess(const QString &dataDir)
{
    if (dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = dataDir;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_env.insert(u"INKWELL_SIGNUP_ROLE"_s, u"creator"_s);
    m_env.insert(u"INKWELL_RATE_LIMIT_PER_MIN"_s, u"1000000"_s);
    m_env.insert(u"INKWELL_LOG_LEVEL"_s, u"warning"_s);
    m_env.insert(u"INKWELL_THREADS"_s, u"2"_s);
}

InkwelldProcess::~InkwelldProcess()
{
    if (running() && !stop())
        kill();
    // After a kill() without a restart the bundled PostgreSQL is still running: stop it (SIGQUIT is its immediate
    // shutdown), or it outlives the test.
    QFile pidFile(m_dataDir + u"/postgres/data/postmaster.pid"_s);
    if (pidFile.open(QIODevice::ReadOnly)) {
        const qint64 pid = pidFile.readLine().trimmed().toLongLong();
        QFile command(u"/proc/%1/comm"_s.arg(pid));
        if (pid > 1 && command.open(QIODevice::ReadOnly) && command.readAll().startsWith("postgres"))
            ::kill(pid_t(pid), SIGQUIT);
    }
}

QString InkwelldProcess::binary()
{
    return QStringLiteral(INKWELLD_BINARY);
}

void InkwelldProcess::setEnvironment(const QString &name, const QString &value)
{
    if (value.isNull())
        m_env.remove(name);
    else
        m_env.insert(name, value);
}

QString InkwelldProcess::output()
{
    if (m_process.isOpen())
        m_output += m_process.readAll();
    return QString::fromUtf8(m_output);
}

bool InkwelldProcess::start(int timeoutMs)
{
    m_error.clear();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"INKWELL_"_s))
            env.remove(name);
    }
    for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
        env.insert(it.key(), it.value());
    m_process.setProcessEnvironment(env);
    m_process.setProgram(binary());
    m_process.setArguments(
        QStringList{u"--data-dir"_s, m_dataDir, u"--host"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(m_port)} +
        m_arguments);
    const qsizetype outputBefore = output().size();
    m_process.start();

    static const QRegularExpression listening(u"listening on (http://[^\\s]+)"_s);
    const QDeadlineTimer deadline(timeoutMs);
    QSignalSpy readable(&m_process, &QProcess::readyRead);
    while (!deadline.hasExpired()) {
        const auto match = listening.match(output().mid(outputBefore));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            m_port = quint16(m_url.port());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_error = u"inkwelld ended before it listened:\n"_s + output().mid(outputBefore);
            return false;
        }
        readable.wait(int(std::min<qint64>(deadline.remainingTime(), 500)));
    }
    m_error = u"inkwelld did not listen within %1 ms:\n"_s.arg(timeoutMs) + output().mid(outputBefore);
    return false;
}

bool InkwelldProcess::stop(int timeoutMs)
{
    if (!running())
        return true;
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs))
        return false;
    output();
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

void InkwelldProcess::kill()
{
    if (!running())
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
    output();
}

std::expected<QString, QString> InkwelldProcess::psql(const QString &statement) const
{
    // Where the cluster listens is in its postmaster.pid: line 4 the port, line 5 the socket folder (empty: TCP).
    QFile pidFile(m_dataDir + u"/postgres/data/postmaster.pid"_s);
    QFile passwordFile(m_dataDir + u"/db-password"_s);
    if (!pidFile.open(QIODevice::ReadOnly) || !passwordFile.open(QIODevice::ReadOnly))
        return std::unexpected(u"the bundled cluster in %1 is not running"_s.arg(m_dataDir));
    const QList<QByteArray> lines = pidFile.readAll().split('\n');
    if (lines.size() < 5)
        return std::unexpected(u"%1 is incomplete"_s.arg(pidFile.fileName()));
    const QString socketDir = QString::fromLocal8Bit(lines.at(4).trimmed());
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, QString::fromUtf8(passwordFile.readAll().trimmed()));
    child.setProcessEnvironment(env);
    child.start(u"psql"_s, {u"-X"_s, u"-qAt"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-h"_s,
                            socketDir.isEmpty() ? u"127.0.0.1"_s : socketDir, u"-p"_s,
                            QString::fromLatin1(lines.at(3).trimmed()), u"-U"_s, u"inkwell"_s, u"-d"_s, u"inkwell"_s,
                            u"-c"_s, statement});
    if (!child.waitForFinished(30000) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return std::unexpected(u"psql failed: %1"_s.arg(QString::fromLocal8Bit(child.readAllStandardError())));
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

} // namespace inkwell::test
