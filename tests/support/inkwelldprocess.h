#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <expected>
#include <memory>

namespace inkwell::test {

/**
 * @brief The real `inkwelld` binary as a child process, with its bundled PostgreSQL in a temporary data folder
 * (or one given), on a free loopback port. What the desktop's tests talk to: the product as users run it.
 *
 * The environment is the test's own without any INKWELL_* a developer exported, plus test settings: new
 * accounts are creators, the per-address rate limit is out of the way, logs at warning. stop() and start()
 * again keep the data folder and the port, so a test can take the server away and bring it back.
 */
class InkwelldProcess {
public:
    /// @brief A process on @p dataDir (a fresh temporary folder when empty). Nothing runs until start().
    explicit InkwelldProcess(const QString &dataDir = {});
    ~InkwelldProcess();
    InkwelldProcess(const InkwelldProcess &) = delete;
    InkwelldProcess &operator=(const InkwelldProcess &) = delete;

    /// @brief Sets (or, with a null value, removes) one environment variable for the next start().
    void setEnvironment(const QString &name, const QString &value);
    /// @brief Extra command-line arguments for the next start().
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }

    /// @brief Starts the server and waits for its "listening on" line. The first start takes a free port; later
    /// ones reuse it. Returns false (see error()) when it did not come up in time.
    bool start(int timeoutMs = 120000);
    /// @brief SIGTERM and wait: the server stops its PostgreSQL too. Returns false on a time-out or a crash.
    bool stop(int timeoutMs = 60000);
    /// @brief SIGKILL (the bundled PostgreSQL keeps running and is adopted by the next start()).
    void kill();
    bool running() const { return m_process.state() != QProcess::NotRunning; }

    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dataDir; }
    /// @brief Why start() failed, with the process's output.
    QString error() const { return m_error; }
    /// @brief Everything the process printed so far (stdout and stderr).
    QString output();

    /// @brief Runs one SQL statement with psql on the bundled cluster (while it runs) and returns what it printed
    /// (unaligned, tuples only), or why it failed. For tests that must change what no API changes (a date).
    std::expected<QString, QString> psql(const QString &statement) const;

    /// @brief Path of the inkwelld binary the build made.
    static QString binary();

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QProcess m_process;
    QMap<QString, QString> m_env;
    QStringList m_arguments;
    QUrl m_url;
    quint16 m_port = 0;
    QString m_error;
    QByteArray m_output;
};

} // namespace inkwell::test
