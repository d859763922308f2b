#pragma once

#include "model/notification.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>

namespace inkwell::engine {
class NotificationCenter;
}

namespace inkwell::app {

/**
 * @brief Shows new notifications as system-tray messages (`QSystemTrayIcon::showMessage`).
 *
 * Notifications that arrive together (a reconnect that found several) are shown as one message. Clicking a
 * message about one notification opens it. Where there is no system tray (no tray host, the offscreen platform)
 * it stays silent: isAvailable() is false and nothing is created.
 */
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    /// @brief Uses @p trayIcon (the app's own) or, when null and a tray exists, an icon of its own.
    explicit TrayNotifier(engine::NotificationCenter *center, QSystemTrayIcon *trayIcon = nullptr,
                          QObject *parent = nullptr);
    ~TrayNotifier() override;

    /// @brief Whether messages can be shown here.
    bool isAvailable() const { return m_tray != nullptr; }
    /// @brief Off: nothing is shown (a setting "show desktop notifications").
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    /// @brief The title and text of the message for @p batch (one notification, or a summary of several).
    static std::pair<QString, QString> messageFor(const QList<Notification> &batch);

Q_SIGNALS:
    /// @brief A message was handed to the tray.
    void messageShown(const QString &title, const QString &text);

private:
    void flush();

    engine::NotificationCenter *m_center;
    QPointer<QSystemTrayIcon> m_tray;
    bool m_ownsTray = false;
    bool m_enabled = true;
    QList<Notification> m_pending;
    QList<Notification> m_shown; // what the last message was about (a click opens it)
    QTimer m_batch;
};

} // namespace inkwell::app
