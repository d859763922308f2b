#include "dashboardstyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>

using namespace Qt::StringLiterals;

namespace inkwell::app::dashboard {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor withAlpha(QColor color, float alpha)
{
    color.setAlphaF(alpha);
    return color;
}

QColor accent(Accent which, const QPalette &palette)
{
    const bool dark = isDark(palette);
    // Tailwind's 500/600 steps on light backgrounds, the 400 steps on dark ones: the same hue, enough contrast.
    switch (which) {
    case Accent::Primary:
        return dark ? QColor(0x81, 0x8c, 0xf8) : QColor(0x4f, 0x46, 0xe5); // indigo
    case Accent::Teal:
        return dark ? QColor(0x2d, 0xd4, 0xbf) : QColor(0x0d, 0x94, 0x88);
    case Accent::Amber:
        return dark ? QColor(0xfb, 0xbf, 0x24) : QColor(0xd9, 0x77, 0x06);
    case Accent::Rose:
        return dark ? QColor(0xfb, 0x71, 0x85) : QColor(0xe1, 0x1d, 0x48);
    case Accent::Violet:
        return dark ? QColor(0xc0, 0x84, 0xfc) : QColor(0x93, 0x33, 0xea);
    case Accent::Slate:
        return dark ? QColor(0x94, 0xa3, 0xb8) : QColor(0x64, 0x74, 0x8b);
    case Accent::Green:
        return dark ? QColor(0x4a, 0xde, 0x80) : QColor(0x16, 0xa3, 0x4a);
    case Accent::Red:
        return dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xdc, 0x26, 0x26);
    }
    return palette.color(QPalette::Highlight);
}

QString cardStyleSheet(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor border = withAlpha(palette.color(QPalette::Text), isDark(palette) ? 0.16f : 0.12f);
    return u"QFrame[card=\"true\"] { background-color: %1; border: 1px solid rgba(%2, %3, %4, %5); "
           u"border-radius: 10px; }"_s.arg(base.name())
               .arg(border.red())
               .arg(border.green())
               .arg(border.blue())
               .arg(border.alpha());
}

void applyChartTheme(QChart *chart, const QPalette &palette)
{
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setDropShadowEnabled(false);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->setAnimationOptions(QChart::NoAnimation);
    QFont font = QApplication::font();
    chart->legend()->setFont(font);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setBackgroundVisible(false);
    chart->legend()->setBorderColor(Qt::transparent);
    styleAxes(chart, palette);
}

void styleAxes(QChart *chart, const QPalette &palette)
{
    const QColor text = withAlpha(palette.color(QPalette::Text), 0.72f);
    const QColor grid = withAlpha(palette.color(QPalette::Text), isDark(palette) ? 0.14f : 0.10f);
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.88);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(font);
        axis->setTitleBrush(text);
        axis->setTitleFont(font);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        axis->setMinorGridLineVisible(false);
        axis->setShadesVisible(false);
    }
}

} // namespace inkwell::app::dashboard
