#include "pgnotifier.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotifier, "inkwell.server.db.notifier")

namespace inkwell::server {

namespace {

constexpr int kFirstRetryMs = 250;
constexpr int kMaxRetryMs = 5000;
/// How often the connection's state is looked at. Free: the driver already noticed a closed socket (its
/// socket notifier fires on the end of the stream), this only reads libpq's status.
constexpr int kCheckMs = 200;
/// How often a round trip proves the connection alive (a silent network cut shows nothing else).
constexpr int kPingMs = 10000;

} // namespace

/// The notifier's connection, living in the notifier's thread.
class PgNotifierConnection : public QObject {
public:
    PgNotifierConnection(PgNotifier *owner, ConnectionParams params, QStringList channels, QString name,
                         std::shared_ptr<std::atomic<bool>> listening)
        : m_owner(owner)
        , m_params(std::move(params))
        , m_channels(std::move(channels))
        , m_name(std::move(name))
        , m_listening(std::move(listening))
        , m_check(new QTimer(this))
        , m_retry(new QTimer(this))
    {
        m_check->setInterval(kCheckMs);
        m_retry->setSingleShot(true);
        connect(m_check, &QTimer::timeout, this, [this] { check(); });
        connect(m_retry, &QTimer::timeout, this, [this] { tryConnect(); });
    }

    void begin()
    {
        m_check->start();
        tryConnect();
    }

    /// Stops the timers and closes the connection; runs in the notifier's thread.
    void end()
    {
        m_check->stop();
        m_retry->stop();
        m_listening->store(false);
        if (QSqlDatabase::contains(m_name)) {
            {
                QSqlDatabase db = QSqlDatabase::database(m_name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_name);
        }
    }

private:
    void tryConnect()
    {
        QSqlDatabase db =
            QSqlDatabase::contains(m_name) ? QSqlDatabase::database(m_name, false) : m_params.addDatabase(m_name);
        if (db.isOpen())
            db.close(); // a fresh connection: the old one's subscriptions are gone with it
        if (!db.open()) {
            retryLater(db.lastError().text());
            return;
        }
        QSqlDriver *driver = db.driver();
        if (!m_driverConnected) {
            // The driver object outlives close() and open(): connect once.
            connect(driver, &QSqlDriver::notification, this,
                    [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                        Q_EMIT m_owner->notified(channel, payload.toString());
                    });
            m_driverConnected = true;
        }
        for (const QString &channel : std::as_const(m_channels)) {
            if (!driver->subscribeToNotification(channel)) {
                const QString why = driver->lastError().text();
                db.close();
                retryLater(why);
                return;
            }
        }
        if (m_failures > 0)
            qCInfo(lcNotifier) << "listening again on" << m_channels.join(u", "_s) << "after" << m_failures
                               << "failed attempt(s)";
        m_failures = 0;
        m_retryMs = kFirstRetryMs;
        m_sincePing.start();
        m_listening->store(true);
        Q_EMIT m_owner->resync();
    }

    void retryLater(const QString &why)
    {
        // One line per outage, not one per attempt.
        if (m_failures++ == 0)
            qCWarning(lcNotifier).noquote() << "cannot listen for notifications, retrying:" << why;
        m_retry->start(m_retryMs);
        m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
    }

    void check()
    {
        if (!m_listening->load())
            return;
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        bool alive = db.isOpen();
        if (alive && m_sincePing.elapsed() >= kPingMs) {
            QSqlQuery ping(db);
            alive = ping.exec(u"SELECT 1"_s);
            m_sincePing.start();
        }
        if (alive)
            return;
        m_listening->store(false);
        qCWarning(lcNotifier) << "the notification connection was lost; reconnecting";
        db.close(); // also drops the driver's socket notifier on the dead socket
        m_retryMs = kFirstRetryMs;
        m_failures = 1; // the "listening again" line follows
        m_retry->start(0);
    }

    PgNotifier *m_owner;
    ConnectionParams m_params;
    QStringList m_channels;
    QString m_name;
    std::shared_ptr<std::atomic<bool>> m_listening;
    QTimer *m_check;
    QTimer *m_retry;
    QElapsedTimer m_sincePing;
    int m_retryMs = kFirstRetryMs;
    int m_failures = 0;
    bool m_driverConnected = false;
};

PgNotifier::PgNotifier(ConnectionParams params, QStringList channels, QObject *parent)
    : QObject(parent)
    , m_params(std::move(params))
    , m_channels(std::move(channels))
{
}

PgNotifier::~PgNotifier()
{
    stop();
}

void PgNotifier::start()
{
    if (m_thread)
        return;
    // Connection names are global to the process: several notifiers may run in one (tests).
    static std::atomic<int> serial{0};
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"pg-notifier"_s);
    m_connection =
        new PgNotifierConnection(this, m_params, m_channels, u"inkwell-notifier-%1"_s.arg(++serial), m_listening);
    m_connection->moveToThread(m_thread.get());
    m_thread->start();
    PgNotifierConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection] { connection->begin(); }, Qt::QueuedConnection);
}

void PgNotifier::stop()
{
    if (!m_thread)
        return;
    PgNotifierConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection] { connection->end(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_connection; // its timers are stopped and its thread is gone
    m_connection = nullptr;
    m_thread.reset();
}

} // namespace inkwell::server
