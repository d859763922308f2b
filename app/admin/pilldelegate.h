#pragma once

#include <QStyledItemDelegate>
#include <functional>

namespace inkwell::app {

/// @brief Draws a cell's text as a rounded, tinted badge ("Administrator", "Active"), in a colour the given
/// function picks for the index and the palette.
class PillDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using ColorFor = std::function<QColor(const QModelIndex &index, const QPalette &palette)>;
    PillDelegate(ColorFor colorFor, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    ColorFor m_colorFor;
};

} // namespace inkwell::app
