#include "privateserver.h"

#include "api/apiclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {

Q_LOGGING_CATEGORY(lcServer, "inkwell.engine.privateserver")

const QString kStateFile = u"desktop-server.json"_s;
const QString kStdoutFile = u"inkwelld.out"_s;
const QString kLogFile = u"inkwelld.log"_s;
constexpr qsizetype kKeepOutputBytes = 64 * 1024;
constexpr int kPollMs = 100;
constexpr int kHealthRetryMs = 200;
constexpr int kStopTimeoutMs = 60000;

/// Whether @p pid is a live process (a zombie waiting for its parent is not).
bool isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno != EPERM)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true; // no /proc: trust kill()
    const QByteArray line = stat.readAll();
    // "pid (comm) S ...": the state follows the last ')', as comm may hold anything.
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || close + 2 >= line.size() || line.at(close + 2) != 'Z';
}

std::optional<QUrl> listeningUrl(const QByteArray &output)
{
    static const QRegularExpression listening(u"listening on (http://[^\\s]+)"_s);
    const auto match = listening.match(QString::fromLocal8Bit(output));
    if (!match.hasMatch())
        return std::nullopt;
    const QUrl url(match.captured(1), QUrl::StrictMode);
    if (!url.isValid() || url.port() <= 0)
        return std::nullopt;
    return url;
}

/// The last few things a server said, readable: JSON log lines as their "msg", other lines as they are.
QString summarize(const QByteArray &output)
{
    QStringList lines;
    for (const QByteArray &raw : output.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QString text;
        if (line.startsWith('{')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            text = object.value(u"msg"_s).toString();
            const QString level = object.value(u"level"_s).toString();
            if (level == u"debug"_s || level == u"info"_s)
                continue;
        }
        if (text.isEmpty())
            text = QString::fromLocal8Bit(line);
        if (text.startsWith(u"inkwelld: "_s))
            text = text.mid(10);
        lines.append(text);
    }
    if (lines.size() > 3)
        lines = lines.mid(lines.size() - 3);
    return lines.join(u' ');
}

} // namespace

PrivateServer::PrivateServer(QObject *parent)
    : QObject(parent)
{
    setDataDir(defaultDataDir());
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &PrivateServer::pollDetached);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        if (m_process && m_state == State::Stopping) {
            m_process->kill();
            cleanUpAfterKill();
        }
    });
}

PrivateServer::~PrivateServer()
{
    const bool kept = m_keepRunning && m_detached && m_state == State::Running;
    if (kept) {
        qCInfo(lcServer).noquote() << "leaving the private server running at" << m_url.toString();
        return;
    }
    if (m_process || (m_pid > 0 && m_state != State::Stopped && m_state != State::Failed))
        stopAndWait();
}

QString PrivateServer::program() const
{
    return m_program.isEmpty() ? findProgram() : m_program;
}

QString PrivateServer::findProgram()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : QStringList{appDir + u"/inkwelld"_s, appDir + u"/../server/inkwelld"_s}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(u"inkwelld"_s);
}

QString PrivateServer::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/server"_s;
}

void PrivateServer::setDataDir(const QString &dir)
{
    m_dataDir = QDir::cleanPath(QDir(dir).absolutePath());
    QFile file(stateFilePath());
    m_keepRunning = file.open(QIODevice::ReadOnly) &&
                    QJsonDocument::fromJson(file.readAll()).object().value(u"keep_running"_s).toBool();
}

bool PrivateServer::isFirstStart() const
{
    return !QFileInfo::exists(m_dataDir + u"/postgres/data/PG_VERSION"_s);
}

void PrivateServer::setKeepRunning(bool keep)
{
    if (keep == m_keepRunning)
        return;
    m_keepRunning = keep;
    if (QFileInfo::exists(m_dataDir))
        writeState(m_state == State::Running ? std::optional(Recorded{m_pid, m_url}) : std::nullopt);
}

// ---- the state file ---------------------------------------------------------------------------------------------

QString PrivateServer::stateFilePath() const
{
    return m_dataDir + u'/' + kStateFile;
}

PrivateServer::Recorded PrivateServer::readState() const
{
    QFile file(stateFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    return Recorded{.pid = object.value(u"pid"_s).toInteger(),
                    .url = QUrl(object.value(u"url"_s).toString(), QUrl::StrictMode)};
}

void PrivateServer::writeState(std::optional<Recorded> server)
{
    // Without a server to record, the one recorded earlier stays: a kept server this object has not looked at yet
    // must still be found by start().
    const Recorded recorded = server ? *server : readState();
    const QJsonObject object{
        {u"keep_running"_s, m_keepRunning}, {u"pid"_s, recorded.pid}, {u"url"_s, recorded.url.toString()}};
    QSaveFile file(stateFilePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit())
        qCWarning(lcServer).noquote() << "cannot write" << file.fileName() << ":" << file.errorString();
}

bool PrivateServer::isOurServer(qint64 pid) const
{
    if (!isAlive(pid))
        return false;
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> arguments = cmdline.readAll().split('\0');
    const QByteArray dataDir = QFile::encodeName(m_dataDir);
    for (qsizetype i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == "--data-dir" && arguments.at(i + 1) == dataDir)
            return true;
    }
    return false;
}

// ---- starting ---------------------------------------------------------------------------------------------------

void PrivateServer::start()
{
    if (m_state == State::Starting || m_state == State::Running || m_state == State::Stopping)
        return;
    const quint64 generation = ++m_generation;
    m_error.clear();
    m_reused = false;
    m_detached = false;
    m_url = QUrl();
    m_pid = 0;
    m_stdout.clear();
    m_stderr.clear();
    m_deadline = QDeadlineTimer(m_startTimeoutMs);
    setState(State::Starting);
    // The work begins from the event loop, so ready() or failed() never comes from inside this call.
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation && m_state == State::Starting)
            startNow();
    });
}

void PrivateServer::startNow()
{
    const quint64 generation = m_generation;
    if (!QDir().mkpath(m_dataDir)) {
        fail(tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_dataDir)));
        return;
    }

    const Recorded recorded = readState();
    if (recorded.pid <= 0 || !isOurServer(recorded.pid)) {
        launch();
        return;
    }
    Q_EMIT progress(tr("Connecting to the private server that kept running…"));
    checkHealth(recorded.url, 5000, [this, generation, recorded](bool healthy) {
        if (generation != m_generation)
            return;
        if (healthy) {
            m_url = recorded.url;
            m_pid = recorded.pid;
            m_reused = true;
            m_detached = true;
            setState(State::Running);
            writeState(Recorded{m_pid, m_url});
            qCInfo(lcServer).noquote() << "reusing the private server" << m_pid << "at" << m_url.toString();
            Q_EMIT progress(tr("The private server is running."));
            Q_EMIT ready(m_url);
            return;
        }
        // Alive but not answering: two servers on one folder are refused, so this one goes first.
        qCWarning(lcServer) << "the kept private server" << recorded.pid << "does not answer; restarting it";
        Q_EMIT progress(tr("Restarting the private server, which stopped answering…"));
        ::kill(pid_t(recorded.pid), SIGTERM);
        m_pid = recorded.pid;
        m_pollTimer.stop();
        auto *waiter = new QTimer(this);
        auto waited = std::make_shared<QDeadlineTimer>(kStopTimeoutMs);
        connect(waiter, &QTimer::timeout, this, [this, waiter, waited, generation] {
            if (generation != m_generation) {
                waiter->deleteLater();
                return;
            }
            if (isAlive(m_pid) && !waited->hasExpired())
                return;
            waiter->deleteLater();
            if (isAlive(m_pid)) {
                ::kill(pid_t(m_pid), SIGKILL);
                cleanUpAfterKill();
            }
            m_pid = 0;
            launch();
        });
        waiter->start(kPollMs);
    });
}

void PrivateServer::launch()
{
    const QString program = this->program();
    if (program.isEmpty()) {
        fail(tr("The Inkwell server program (inkwelld) was not found beside Inkwell or on the PATH. Install the "
                "Inkwell server package, or connect to a server instead."));
        return;
    }
    if (!QFileInfo(program).isExecutable()) {
        fail(tr("%1 is not a program that can be run.").arg(QDir::toNativeSeparators(program)));
        return;
    }
    Q_EMIT progress(isFirstStart() ? tr("Setting up the server for the first time; this takes a minute…")
                                   : tr("Starting the server…"));
    const QStringList arguments{u"--data-dir"_s, m_dataDir, u"--host"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s};
    qCInfo(lcServer).noquote() << "starting" << program << arguments.join(u' ')
                               << (m_keepRunning ? "(kept running after the app)" : "");
    if (m_keepRunning)
        launchDetached(program, arguments);
    else
        launchAttached(program, arguments);
}

namespace {

QProcessEnvironment serverEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The private server keeps its data in its own folder with its own bundled PostgreSQL, whatever a developer
    // exported for another server.
    for (const QString &name : {u"INKWELL_DATA_DIR"_s, u"INKWELL_DATABASE_URL"_s, u"INKWELL_DATABASE_REPLICA_URL"_s,
                                u"INKWELL_HOST"_s, u"INKWELL_PORT"_s})
        env.remove(name);
    // Access logs of a server that may run for weeks would only fill the log file.
    if (!env.contains(u"INKWELL_LOG_LEVEL"_s))
        env.insert(u"INKWELL_LOG_LEVEL"_s, u"warning"_s);
    return env;
}

} // namespace

void PrivateServer::launchAttached(const QString &program, const QStringList &arguments)
{
    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setProcessEnvironment(serverEnvironment());
    m_process->setWorkingDirectory(m_dataDir);
    m_process->setStandardInputFile(QProcess::nullDevice());
    const pid_t app = ::getpid();
    m_process->setChildProcessModifier([app] {
        // In the forked child, before exec: only async-signal-safe calls. If the app dies, however it dies, the
        // kernel sends the server SIGTERM, and inkwelld stops its PostgreSQL on SIGTERM.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != app) // the app died before the line above took effect
            ::_exit(127);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_stdout.size() > kKeepOutputBytes)
            m_stdout = m_stdout.right(kKeepOutputBytes);
        if (m_state == State::Starting && !m_url.isValid()) {
            if (const auto url = listeningUrl(m_stdout))
                onListening(*url);
        }
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray bytes = m_process->readAllStandardError();
        qCDebug(lcServer).noquote() << QString::fromLocal8Bit(bytes).trimmed();
        m_stderr += bytes;
        if (m_stderr.size() > kKeepOutputBytes)
            m_stderr = m_stderr.right(kKeepOutputBytes);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this, program](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_state == State::Starting)
            fail(tr("%1 could not be started: %2").arg(QDir::toNativeSeparators(program), m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        m_stderr += m_process->readAllStandardError();
        QProcess *process = std::exchange(m_process, nullptr);
        process->deleteLater();
        m_stopTimer.stop();
        m_pollTimer.stop();
        const QString said = outputSummary();
        qCInfo(lcServer) << "the private server ended:" << (status == QProcess::NormalExit ? exitCode : -1);
        switch (m_state) {
        case State::Starting:
            m_pid = 0;
            fail(said.isEmpty() ? tr("The server stopped while starting (exit code %1).").arg(exitCode)
                                : tr("The server stopped while starting: %1").arg(said));
            break;
        case State::Running:
            m_pid = 0;
            m_error = said.isEmpty() ? tr("The private server stopped unexpectedly.")
                                     : tr("The private server stopped unexpectedly: %1").arg(said);
            setState(State::Failed);
            writeState(Recorded{});
            Q_EMIT failed(m_error);
            break;
        case State::Stopping:
            finishStop();
            break;
        case State::Stopped:
        case State::Failed:
            break;
        }
    });
    m_process->start();
    m_pid = m_process->processId();
    m_pollTimer.start(); // watches the deadline
}

void PrivateServer::launchDetached(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(serverEnvironment());
    process.setWorkingDirectory(m_dataDir);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(m_dataDir + u'/' + kStdoutFile);
    process.setStandardErrorFile(m_dataDir + u'/' + kLogFile);
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        fail(tr("%1 could not be started: %2").arg(QDir::toNativeSeparators(program), process.errorString()));
        return;
    }
    m_pid = pid;
    m_detached = true;
    m_pollTimer.start();
}

void PrivateServer::pollDetached()
{
    if (m_state != State::Starting) {
        m_pollTimer.stop();
        return;
    }
    if (m_detached && !m_url.isValid()) {
        QFile out(m_dataDir + u'/' + kStdoutFile);
        if (out.open(QIODevice::ReadOnly)) {
            m_stdout = out.read(kKeepOutputBytes);
            if (const auto url = listeningUrl(m_stdout)) {
                onListening(*url);
                return;
            }
        }
        if (!isAlive(m_pid)) {
            m_pid = 0;
            const QString said = outputSummary();
            fail(said.isEmpty() ? tr("The server stopped while starting.")
                                : tr("The server stopped while starting: %1").arg(said));
            return;
        }
    }
    if (m_deadline.hasExpired())
        fail(tr("The server did not start within %n second(s).", nullptr, m_startTimeoutMs / 1000));
}

void PrivateServer::onListening(const QUrl &url)
{
    m_url = url;
    qCInfo(lcServer).noquote() << "the private server listens on" << url.toString();
    Q_EMIT progress(tr("Waiting for the server to answer…"));
    waitUntilHealthy();
}

void PrivateServer::waitUntilHealthy()
{
    const quint64 generation = m_generation;
    checkHealth(m_url, 2000, [this, generation](bool healthy) {
        if (generation != m_generation || m_state != State::Starting)
            return;
        if (healthy) {
            m_pollTimer.stop();
            setState(State::Running);
            writeState(Recorded{m_pid, m_url});
            Q_EMIT progress(tr("The private server is running."));
            Q_EMIT ready(m_url);
            return;
        }
        if (m_deadline.hasExpired()) {
            fail(tr("The server did not answer at %1 in time.").arg(m_url.toString()));
            return;
        }
        QTimer::singleShot(kHealthRetryMs, this, [this, generation] {
            if (generation == m_generation && m_state == State::Starting)
                waitUntilHealthy();
        });
    });
}

void PrivateServer::checkHealth(const QUrl &url, int timeoutMs, std::function<void(bool)> answer)
{
    if (!url.isValid()) {
        QTimer::singleShot(0, this, [answer = std::move(answer)] { answer(false); });
        return;
    }
    if (!m_healthClient)
        m_healthClient = new api::ApiClient(url, this);
    m_healthClient->setServer(url);
    m_healthClient->setTimeoutMs(timeoutMs);
    m_healthClient->health(this, [answer = std::move(answer)](api::ApiResult<api::ServerHealth> result) {
        answer(result.has_value() && result->status == u"healthy"_s);
    });
}

void PrivateServer::fail(const QString &message)
{
    ++m_generation;
    m_pollTimer.stop();
    m_error = message;
    qCWarning(lcServer).noquote() << "the private server could not be started:" << message;
    // Whatever got started goes again: a half-started server must not linger.
    if (m_process) {
        // Without waiting here (the UI thread): SIGTERM now, SIGKILL if it is still there in a while. The process
        // object stays a child of this one, whose destructor would end it too.
        QProcess *process = std::exchange(m_process, nullptr);
        disconnect(process, nullptr, this, nullptr);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
        } else {
            connect(process, &QProcess::finished, process, &QObject::deleteLater);
            QTimer::singleShot(kStopTimeoutMs, process, [this, process] {
                process->kill();
                cleanUpAfterKill();
            });
            process->terminate();
        }
    } else if (m_pid > 0 && isAlive(m_pid)) {
        ::kill(pid_t(m_pid), SIGTERM);
    }
    m_pid = 0;
    m_url = QUrl();
    setState(State::Failed);
    Q_EMIT failed(message);
}

QString PrivateServer::outputSummary() const
{
    if (!m_detached)
        return summarize(m_stderr + '\n' + m_stdout);
    QFile log(m_dataDir + u'/' + kLogFile);
    QByteArray bytes;
    if (log.open(QIODevice::ReadOnly)) {
        if (log.size() > kKeepOutputBytes)
            log.seek(log.size() - kKeepOutputBytes);
        bytes = log.readAll();
    }
    return summarize(bytes);
}

// ---- stopping ---------------------------------------------------------------------------------------------------

void PrivateServer::stop()
{
    if (m_state == State::Stopping)
        return;
    if (m_state == State::Stopped || m_state == State::Failed) {
        Q_EMIT stopped();
        return;
    }
    ++m_generation;
    m_pollTimer.stop();
    setState(State::Stopping);
    if (m_process) {
        m_process->terminate(); // the finished handler ends the stop
        m_stopTimer.start(kStopTimeoutMs);
        return;
    }
    if (m_pid <= 0 || !isAlive(m_pid)) {
        finishStop();
        return;
    }
    ::kill(pid_t(m_pid), SIGTERM);
    auto *waiter = new QTimer(this);
    auto waited = std::make_shared<QDeadlineTimer>(kStopTimeoutMs);
    connect(waiter, &QTimer::timeout, this, [this, waiter, waited] {
        if (m_state != State::Stopping) {
            waiter->deleteLater();
            return;
        }
        if (isAlive(m_pid) && !waited->hasExpired())
            return;
        waiter->deleteLater();
        if (isAlive(m_pid)) {
            ::kill(pid_t(m_pid), SIGKILL);
            cleanUpAfterKill();
        }
        finishStop();
    });
    waiter->start(kPollMs);
}

bool PrivateServer::stopAndWait(int timeoutMs)
{
    ++m_generation;
    m_pollTimer.stop();
    m_stopTimer.stop();
    bool clean = true;
    if (m_process) {
        QProcess *process = std::exchange(m_process, nullptr);
        disconnect(process, nullptr, this, nullptr);
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(timeoutMs)) {
                process->kill();
                process->waitForFinished(5000);
                cleanUpAfterKill();
                clean = false;
            }
        }
        delete process;
    } else if (m_pid > 0 && isAlive(m_pid)) {
        ::kill(pid_t(m_pid), SIGTERM);
        const QDeadlineTimer deadline(timeoutMs);
        while (isAlive(m_pid) && !deadline.hasExpired())
            QThread::msleep(20);
        if (isAlive(m_pid)) {
            ::kill(pid_t(m_pid), SIGKILL);
            cleanUpAfterKill();
            clean = false;
        }
    }
    const bool wasStopped = m_state == State::Stopped || m_state == State::Failed;
    m_pid = 0;
    m_url = QUrl();
    m_reused = false;
    if (!wasStopped) {
        setState(State::Stopped);
        writeState(Recorded{});
    }
    return clean;
}

void PrivateServer::finishStop()
{
    m_stopTimer.stop();
    m_pid = 0;
    m_url = QUrl();
    m_reused = false;
    setState(State::Stopped);
    writeState(Recorded{});
    Q_EMIT stopped();
}

void PrivateServer::cleanUpAfterKill()
{
    // inkwelld killed outright leaves its PostgreSQL running; stop it too (SIGQUIT: PostgreSQL's immediate
    // shutdown). The next inkwelld would adopt it, but "stopped" must mean stopped.
    QFile pidFile(m_dataDir + u"/postgres/data/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    const qint64 pid = pidFile.readLine().trimmed().toLongLong();
    QFile comm(u"/proc/%1/comm"_s.arg(pid));
    if (pid > 1 && comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("postgres"))
        ::kill(pid_t(pid), SIGQUIT);
}

void PrivateServer::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace inkwell::engine
