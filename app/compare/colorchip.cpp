#include "colorchip.h"

#include "comparecolors.h"

#include <QPainter>

namespace inkwell::app {

ColorChip::ColorChip(Role role, QWidget *parent)
    : QWidget(parent)
    , m_role(role)
{
    setFixedSize(12, 12);
    static const char *const names[] = {"mineChip", "theirsChip", "mergedChip", "addedChip", "removedChip"};
    setObjectName(QString::fromLatin1(names[int(role)]));
    switch (role) {
    case Role::Mine:
        setAccessibleName(tr("Blue: your lines"));
        break;
    case Role::Theirs:
        setAccessibleName(tr("Amber: the server's lines"));
        break;
    case Role::Merged:
        setAccessibleName(tr("Green: settled changes"));
        break;
    case Role::Added:
        setAccessibleName(tr("Green: added lines"));
        break;
    case Role::Removed:
        setAccessibleName(tr("Red: removed lines"));
        break;
    }
}

void ColorChip::paintEvent(QPaintEvent *)
{
    // From the palette at paint time, so a theme change recolours it.
    const CompareColors colors = CompareColors::fromPalette(palette());
    QColor color;
    switch (m_role) {
    case Role::Mine:
        color = colors.mineAccent;
        break;
    case Role::Theirs:
        color = colors.theirsAccent;
        break;
    case Role::Merged:
    case Role::Added:
        color = colors.addedAccent;
        break;
    case Role::Removed:
        color = colors.removedAccent;
        break;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(rect().adjusted(1, 1, -1, -1), 3, 3);
}

} // namespace inkwell::app
