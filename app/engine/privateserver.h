#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QProcess;

namespace inkwell::api {
class ApiClient;
class ApiCall;
} // namespace inkwell::api

namespace inkwell::engine {

/**
 * @brief "A private server on this computer": the inkwelld installed beside the app, with its bundled PostgreSQL,
 * on a free loopback port, for one user who has no server.
 *
 * start() runs `inkwelld --data-dir <dataDir> --host 127.0.0.1 --port 0`, reads the address from its
 * `listening on http://HOST:PORT` line, waits until `/health` answers, then emits ready(). The server stops with
 * this object (SIGTERM: inkwelld stops its PostgreSQL too) unless keep-running was chosen. If the app dies, the
 * kernel sends the server SIGTERM (PR_SET_PDEATHSIG), so nothing is left behind.
 *
 * Keep-running: the server is started detached (its output goes to files in the data folder) and survives the
 * app; its pid and address are kept in a small state file in the data folder, and the next start() reuses it when
 * that pid is still the inkwelld of this folder and `/health` answers. Otherwise a new server starts on the same
 * data folder (inkwelld adopts or recovers its PostgreSQL cluster). The choice is the user's and is remembered in
 * the state file; it applies to servers started after it was made (a server running as the app's child cannot be
 * detached later: it is stopped with the app).
 *
 * When the app runs as root, inkwelld runs PostgreSQL as the `postgres` user, who must be able to reach the data
 * folder; inkwelld says so when it cannot, and failed() carries its words.
 */
class PrivateServer : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    explicit PrivateServer(QObject *parent = nullptr);
    /// @brief Stops the server unless keep-running was chosen (blocking, at most a few seconds: see
    /// stopAndWait()).
    ~PrivateServer() override;

    /// @brief The inkwelld to run; empty (the default) means findProgram().
    void setProgram(const QString &path) { m_program = path; }
    QString program() const;
    /// @brief inkwelld beside the app (applicationDirPath()), then in the build tree (applicationDirPath()/../server/),
    /// then on PATH; empty when none is found.
    static QString findProgram();

    /// @brief The server's data folder (its PostgreSQL cluster, keys, logs); default defaultDataDir(). Set it
    /// before start(); the keep-running choice is read from it.
    void setDataDir(const QString &dir);
    QString dataDir() const { return m_dataDir; }
    /// @brief `<the app's data folder>/server`.
    static QString defaultDataDir();
    /// @brief Whether the data folder holds no database yet (the first start takes longer).
    bool isFirstStart() const;

    /// @brief Keep the server running after the app closes (remembered in the data folder).
    void setKeepRunning(bool keep);
    bool keepRunning() const { return m_keepRunning; }
    /// @brief How long start() may take before it fails (default 180 s: the first start creates a database).
    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }

    State state() const { return m_state; }
    /// @brief Where the server answers (valid while Running).
    QUrl url() const { return m_url; }
    /// @brief The server's process id (0 when none).
    qint64 pid() const { return m_pid; }
    /// @brief Whether the running server was found running (kept from an earlier run) rather than started now.
    bool isReused() const { return m_reused; }
    /// @brief Why the last start failed, readable.
    QString errorString() const { return m_error; }

    /// @brief Starts (or finds) the server; ready() or failed() follows. Does nothing while starting or running.
    void start();
    /// @brief Stops the server (whatever keepRunning says); stopped() follows.
    void stop();
    /// @brief Stops the server and waits for it (blocking; for quitting). Returns false when it had to be killed.
    bool stopAndWait(int timeoutMs = 30000);

Q_SIGNALS:
    void stateChanged(inkwell::engine::PrivateServer::State state);
    /// @brief What is happening, in words for a progress label.
    void progress(const QString &message);
    /// @brief The server answers at @p url.
    void ready(const QUrl &url);
    /// @brief The server could not be started (or stopped unexpectedly); @p message says why.
    void failed(const QString &message);
    /// @brief The server stopped after stop().
    void stopped();

private:
    struct Recorded {
        qint64 pid = 0;
        QUrl url;
    };

    QString stateFilePath() const;
    Recorded readState() const;
    /// Records the keep-running choice and @p server (std::nullopt: the server recorded before stays).
    void writeState(std::optional<Recorded> server);
    bool isOurServer(qint64 pid) const;
    void startNow();
    void launch();
    void launchAttached(const QString &program, const QStringList &arguments);
    void launchDetached(const QString &program, const QStringList &arguments);
    void pollDetached();
    void onListening(const QUrl &url);
    void checkHealth(const QUrl &url, int timeoutMs, std::function<void(bool)> answer);
    void waitUntilHealthy();
    void fail(const QString &message);
    void finishStop();
    void cleanUpAfterKill();
    QString outputSummary() const;
    void setState(State state);

    QString m_program;
    QString m_dataDir;
    bool m_keepRunning = false;
    int m_startTimeoutMs = 180000;

    State m_state = State::Stopped;
    QUrl m_url;
    qint64 m_pid = 0;
    bool m_reused = false;
    bool m_detached = false;
    QString m_error;
    QDeadlineTimer m_deadline;
    QProcess *m_process = nullptr; ///< the attached server (not keep-running)
    QByteArray m_stdout;
    QByteArray m_stderr;
    QTimer m_pollTimer;
    QTimer m_stopTimer;
    api::ApiClient *m_healthClient = nullptr;
    quint64 m_generation = 0;
};

} // namespace inkwell::engine
