#include "notificationbell.h"

#include "notificationcenter.h"
#include "notificationlist.h"

#include <QApplication>
#include <QKeyEvent>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>
#include <QStyleOptionToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::NotificationCenter;

namespace inkwell::app {

namespace {

constexpr int kIconSize = 20;

} // namespace

QIcon bellIcon(const QColor &color, qreal dpr)
{
    QPixmap pixmap(QSize(kIconSize, kIconSize) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath bell;
    bell.moveTo(10, 2.5);
    bell.cubicTo(6.2, 2.5, 4.6, 5.4, 4.6, 8.6);
    bell.lineTo(4.6, 12.2);
    bell.lineTo(2.8, 14.6);
    bell.lineTo(17.2, 14.6);
    bell.lineTo(15.4, 12.2);
    bell.lineTo(15.4, 8.6);
    bell.cubicTo(15.4, 5.4, 13.8, 2.5, 10, 2.5);
    bell.closeSubpath();
    painter.setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(bell);
    painter.drawArc(QRectF(7.6, 14.2, 4.8, 4.2), 180 * 16, 180 * 16);
    return QIcon(pixmap);
}

// ---- NotificationPopup --------------------------------------------------------------------------------------

NotificationPopup::NotificationPopup(NotificationCenter *center, QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(u"notificationPopup"_s);
    setAccessibleName(tr("Notifications"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_WindowPropagation);
    m_list = new NotificationList(center, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->addWidget(m_list);
    resize(400, 460);
    connect(m_list, &NotificationList::opened, this, &QWidget::close);
}

void NotificationPopup::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}

// ---- NotificationBell ---------------------------------------------------------------------------------------

NotificationBell::NotificationBell(NotificationCenter *center, QWidget *parent)
    : QToolButton(parent)
    , m_center(center)
{
    setObjectName(u"notificationBell"_s);
    setAutoRaise(true);
    setFocusPolicy(Qt::StrongFocus);
    setIconSize(QSize(kIconSize, kIconSize));
    setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    updateIcon();
    connect(this, &QToolButton::clicked, this, &NotificationBell::showPopup);
    connect(center, &NotificationCenter::unreadCountChanged, this, &NotificationBell::updateCount);
    connect(center, &NotificationCenter::openArticleRequested, this, &NotificationBell::openArticleRequested);
    updateCount();
}

QString NotificationBell::badgeText() const
{
    if (m_count <= 0)
        return {};
    return m_count > 99 ? u"99+"_s : QString::number(m_count);
}

QSize NotificationBell::sizeHint() const
{
    const QSize base = QToolButton::sizeHint();
    return {std::max(base.width(), kIconSize + 22), std::max(base.height(), kIconSize + 12)};
}

void NotificationBell::updateCount()
{
    m_count = m_center->unreadCount();
    const QString text = m_count > 0 ? tr("Notifications (%n unread)", nullptr, m_count) : tr("Notifications");
    setAccessibleName(text);
    setAccessibleDescription(tr("Opens the list of notifications (Ctrl+Shift+N)"));
    setToolTip(text + u" — "_s + QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N).toString(QKeySequence::NativeText));
    update();
}

void NotificationBell::updateIcon()
{
    setIcon(bellIcon(palette().color(QPalette::ButtonText), devicePixelRatioF()));
}

void NotificationBell::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcon();
    QToolButton::changeEvent(event);
}

void NotificationBell::paintEvent(QPaintEvent *event)
{
    QToolButton::paintEvent(event);
    const QString text = badgeText();
    if (text.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = this->font();
    font.setBold(true);
    font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.8));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const qreal height = std::max(16.0, qreal(metrics.height()) + 2);
    const qreal width = std::max(height, qreal(metrics.horizontalAdvance(text)) + 9);
    // Top right of the icon, overlapping it a little, as mail and chat apps do.
    const QRectF iconRect((this->width() - kIconSize) / 2.0, (this->height() - kIconSize) / 2.0, kIconSize, kIconSize);
    const QRectF badge(std::min(iconRect.right() - width / 2 + 1, this->width() - width - 1),
                       std::max(0.5, iconRect.top() - height / 2 + 2), width, height);
    painter.setPen(QPen(palette().color(QPalette::Window), 1.5));
    painter.setBrush(QColor(0xd9, 0x2d, 0x20)); // a red that reads on light and dark backgrounds
    painter.drawRoundedRect(badge, height / 2, height / 2);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
}

void NotificationBell::showPopup()
{
    if (!m_popup)
        m_popup = new NotificationPopup(m_center, this);
    const QPoint below = mapToGlobal(QPoint(width() - m_popup->width(), height() + 2));
    QPoint where = below;
    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        if (where.y() + m_popup->height() > available.bottom())
            where.setY(mapToGlobal(QPoint(0, 0)).y() - m_popup->height() - 2);
        where.setX(
            std::clamp(where.x(), available.left(), std::max(available.left(), available.right() - m_popup->width())));
    }
    m_popup->move(where);
    m_popup->show();
    m_popup->list()->view()->setFocus(Qt::PopupFocusReason);
    if (m_center->rowCount() > 0 && !m_popup->list()->view()->currentIndex().isValid())
        m_popup->list()->view()->setCurrentIndex(m_center->index(0));
}

} // namespace inkwell::app
