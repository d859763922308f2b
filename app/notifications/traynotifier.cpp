#include "traynotifier.h"

#include "notificationbell.h"
#include "notificationcenter.h"

#include <QApplication>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;
using inkwell::engine::NotificationCenter;

namespace inkwell::app {

namespace {
/// Arrivals this close together become one message.
constexpr int kBatchMs = 400;
constexpr int kMessageMs = 8000;
} // namespace

TrayNotifier::TrayNotifier(NotificationCenter *center, QSystemTrayIcon *trayIcon, QObject *parent)
    : QObject(parent)
    , m_center(center)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // e.g. offscreen, or a desktop without a tray host: the bell is enough
    m_tray = trayIcon;
    if (!m_tray) {
        const QIcon icon = QApplication::windowIcon().isNull() ? bellIcon(QApplication::palette().color(QPalette::Text))
                                                               : QApplication::windowIcon();
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        m_ownsTray = true;
        m_tray->show();
    }
    m_batch.setSingleShot(true);
    m_batch.setInterval(kBatchMs);
    connect(&m_batch, &QTimer::timeout, this, &TrayNotifier::flush);
    connect(center, &NotificationCenter::notificationArrived, this, [this](const Notification &notification) {
        if (!m_enabled || notification.isRead)
            return;
        m_pending.append(notification);
        if (!m_batch.isActive())
            m_batch.start();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_shown.size() == 1)
            m_center->open(m_shown.constFirst().id);
    });
}

TrayNotifier::~TrayNotifier() = default;

std::pair<QString, QString> TrayNotifier::messageFor(const QList<Notification> &batch)
{
    if (batch.isEmpty())
        return {};
    if (batch.size() == 1)
        return {batch.constFirst().title, batch.constFirst().message};
    QStringList titles;
    for (qsizetype i = 0; i < batch.size() && i < 3; ++i)
        titles.append(u"• "_s + batch.at(i).title);
    if (batch.size() > 3)
        titles.append(tr("… and %n more", nullptr, int(batch.size() - 3)));
    // Never fewer than two here, so the English source text needs no "(s)".
    return {tr("%n new notifications", nullptr, int(batch.size())), titles.join(u'\n')};
}

void TrayNotifier::flush()
{
    if (!m_tray || m_pending.isEmpty())
        return;
    m_shown = std::exchange(m_pending, {});
    const auto [title, text] = messageFor(m_shown);
    m_tray->showMessage(title, text, QSystemTrayIcon::Information, kMessageMs);
    Q_EMIT messageShown(title, text);
}

} // namespace inkwell::app
