#include "window/elidedlabel.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOption>

namespace inkwell::app {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // Preferred: the layout may shrink it down to minimumSizeHint() (a few characters), and gives it its whole
    // text when there is room.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(u'…') * 4, QLabel::minimumSizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    QStyleOption option;
    option.initFrom(this);
    style()->drawItemText(&painter, area, int(alignment()), option.palette, isEnabled(), shown, foregroundRole());
    updateToolTip();
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateToolTip();
}

void ElidedLabel::updateToolTip()
{
    const bool cut = fontMetrics().horizontalAdvance(text()) > contentsRect().width() - 2 * margin();
    const QString tip = cut ? text() : QString();
    if (toolTip() != tip)
        setToolTip(tip);
}

} // namespace inkwell::app
