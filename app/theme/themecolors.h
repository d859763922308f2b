#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace inkwell::app {

/// @brief The colours the Markdown editor paints with; one set per theme (see ThemeManager).
struct EditorColors {
    bool dark = false;
    QColor text;           ///< body text
    QColor background;     ///< the page behind the text
    QColor markup;         ///< Markdown syntax characters (#, *, `, >, list markers, pipes)
    QColor heading;        ///< heading text
    QColor link;           ///< link text
    QColor url;            ///< link destinations, autolinks
    QColor code;           ///< inline code and code blocks
    QColor codeBackground; ///< behind inline code
    QColor quote;          ///< block quote text
    QColor html;           ///< raw HTML (never rendered)
    QColor spelling;       ///< the wavy underline under a misspelled word
    QColor focusDim;       ///< text outside the current paragraph in focus mode
    QColor findMatch;      ///< every match of the find bar
    QColor findCurrent;    ///< the current match of the find bar

    /// @brief The light (@p dark false) or dark colour set.
    static EditorColors forTheme(bool dark);
};

/// @brief How the preview looks: a CSS for QTextDocument's HTML subset and the page colours.
struct PreviewStyle {
    bool dark = false;
    QString css;
    QColor background;
    QColor text;
    QColor link;

    static PreviewStyle forTheme(bool dark);
};

/// @brief The Fusion application palette of the light or dark theme.
QPalette applicationPalette(bool dark);

} // namespace inkwell::app
