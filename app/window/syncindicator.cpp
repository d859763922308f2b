#include "syncindicator.h"

#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
QIcon dot(const QColor &color, bool hollow)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (hollow) {
        painter.setPen(QPen(color, 2));
        painter.setBrush(Qt::NoBrush);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
    }
    painter.drawEllipse(QRectF(3, 3, 10, 10));
    return QIcon(pixmap);
}
} // namespace

SyncIndicator::SyncIndicator(engine::SyncEngine *engine, QWidget *parent)
    : QToolButton(parent)
    , m_engine(engine)
{
    setObjectName(u"syncIndicator"_s);
    setAccessibleName(tr("Sync status"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setToolTip(tr("Sync now (Ctrl+S)"));
    connect(this, &QToolButton::clicked, m_engine, &engine::SyncEngine::syncNow);
    connect(m_engine, &engine::SyncEngine::statusChanged, this, &SyncIndicator::update);
    update(m_engine->status());
}

void SyncIndicator::update(engine::SyncEngine::Status status)
{
    using Status = engine::SyncEngine::Status;
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    QColor color;
    bool hollow = false;
    switch (status) {
    case Status::Idle:
    case Status::Syncing:
        color = palette().color(QPalette::Link);
        hollow = true;
        break;
    case Status::Synced:
        color = dark ? QColor(0x6f, 0xbf, 0x73) : QColor(0x2e, 0x7d, 0x32);
        break;
    case Status::Offline:
    case Status::Paused:
    case Status::SignedOut:
        color = dark ? QColor(0xf0, 0xb4, 0x4c) : QColor(0xb2, 0x6a, 0x00);
        break;
    case Status::Conflict:
    case Status::Error:
        color = dark ? QColor(0xef, 0x6f, 0x6c) : QColor(0xc6, 0x28, 0x28);
        break;
    }
    setIcon(dot(color, hollow));
    const QString text = m_engine->statusText().isEmpty() ? tr("Not synced yet") : m_engine->statusText();
    setText(text);
    setAccessibleDescription(text);
}

} // namespace inkwell::app
