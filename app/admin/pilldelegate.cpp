#include "pilldelegate.h"

#include "dashboardstyle.h"

#include <QApplication>
#include <QPainter>

namespace inkwell::app {

namespace {
constexpr int kPadX = 9;
constexpr int kPadY = 2;
} // namespace

PillDelegate::PillDelegate(ColorFor colorFor, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_colorFor(std::move(colorFor))
{
}

QSize PillDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * kPadX + 8;
    return size;
}

void PillDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The row's background (selection, alternate colour, focus) as the style draws it, without the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    const QFontMetrics metrics(font);
    const QColor color = m_colorFor(index, option.palette);
    const int width = metrics.horizontalAdvance(text) + 2 * kPadX;
    const int height = metrics.height() + 2 * kPadY;
    const QRectF pill(option.rect.left() + 6, option.rect.center().y() - height / 2.0 + 0.5, width, height);
    painter->setPen(QPen(dashboard::withAlpha(color, 0.45f), 1));
    painter->setBrush(dashboard::withAlpha(color, dashboard::isDark(option.palette) ? 0.22f : 0.12f));
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setFont(font);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? option.palette.color(QPalette::HighlightedText) : color);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace inkwell::app
