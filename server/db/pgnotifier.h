#pragma once

#include "db/connectionparams.h"

#include <QObject>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <memory>

namespace inkwell::server {

class PgNotifierConnection;

/// @brief PostgreSQL LISTEN on a thread of its own, re-emitted as signals that any thread can connect to.
///
/// The QPSQL driver reports a notification in the thread that owns its connection, and only while that
/// thread runs an event loop (qt64-notes.md), so the notifier has both: a QThread with one connection
/// that does nothing but listen. Connect to notified() with an object of the thread that should handle
/// it; the call is queued there.
///
/// When the connection drops (the server restarted, a network cut), the notifier reconnects, backing off
/// from 250 ms to 5 s, and LISTENs again. Whatever was sent meanwhile is lost, so every successful
/// (re)subscription, the first one included, is followed by resync(): listeners then look for what they
/// may have missed.
class PgNotifier : public QObject {
    Q_OBJECT
public:
    PgNotifier(ConnectionParams params, QStringList channels, QObject *parent = nullptr);
    ~PgNotifier() override;
    PgNotifier(const PgNotifier &) = delete;
    PgNotifier &operator=(const PgNotifier &) = delete;

    /// @brief Starts the thread; the first connection is attempted at once, in that thread.
    void start();
    /// @brief Closes the connection and joins the thread (blocking). Safe to call twice.
    void stop();

    /// @brief Whether the connection is up and LISTENs on every channel right now.
    bool isListening() const { return m_listening->load(); }
    const QStringList &channels() const { return m_channels; }

Q_SIGNALS:
    /// @brief A NOTIFY arrived on `channel` (emitted in the notifier's thread).
    void notified(const QString &channel, const QString &payload);
    /// @brief The notifier (re)subscribed: notifications may have been missed before this.
    void resync();

private:
    ConnectionParams m_params;
    QStringList m_channels;
    std::shared_ptr<std::atomic<bool>> m_listening = std::make_shared<std::atomic<bool>>(false);
    std::unique_ptr<QThread> m_thread;
    PgNotifierConnection *m_connection = nullptr; ///< lives in m_thread
};

} // namespace inkwell::server
