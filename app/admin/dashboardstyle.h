#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QChart;

namespace inkwell::app::dashboard {

/// @brief Whether @p palette is a dark one (its window colour is dark). Qt 6.4 has no colour-scheme API.
bool isDark(const QPalette &palette);

/// @brief The accent colours of the dashboard, chosen to read on both light and dark backgrounds.
enum class Accent { Primary, Teal, Amber, Rose, Violet, Slate, Green, Red };
QColor accent(Accent which, const QPalette &palette);

/// @brief @p color with @p alpha (0..1).
QColor withAlpha(QColor color, float alpha);

/// @brief A style sheet for the dashboard's card frames (widgets with the dynamic property `card` = true) in
/// the colours of @p palette: base background, a soft border, rounded corners.
QString cardStyleSheet(const QPalette &palette);

/// @brief Gives @p chart the colours of @p palette: the matching built-in theme first, then background, text,
/// axes and grid from the palette. Series colours are set afterwards by the caller (a theme resets them).
void applyChartTheme(QChart *chart, const QPalette &palette);

/// @brief Styles the axes already attached to @p chart (labels, grid, line) in the palette's colours.
void styleAxes(QChart *chart, const QPalette &palette);

} // namespace inkwell::app::dashboard
