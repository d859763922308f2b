#pragma once

#include <QColor>
#include <QPalette>

namespace inkwell::app {

/**
 * @brief The colours of the compare views, derived from a palette so they read in light and dark themes.
 *
 * Each tint is a hue mixed into the palette's base (the text panes' background): a little in a light theme, more
 * in a dark one, so the text colour of the palette keeps its contrast on every tint. Blue is "yours", amber is
 * "the server's" throughout, so a conflict region in the merged text wears the colours of its two headers.
 */
struct CompareColors {
    bool dark = false;
    QColor added;         ///< a line added (diff) — green
    QColor addedStrong;   ///< the changed words inside an added line
    QColor removed;       ///< a line removed (diff) — red
    QColor removedStrong; ///< the changed words inside a removed line
    QColor mine;          ///< a line the local draft changed, and the "mine" part of a conflict — blue
    QColor theirs;        ///< a line the server changed, and the "theirs" part of a conflict — amber
    QColor merged;        ///< a line of the merged text that differs from the base and is settled
    QColor marker;        ///< a conflict marker line — rose
    QColor markerText;    ///< the marker line's text
    QColor filler;        ///< a padding row of the side-by-side diff
    QColor separator;     ///< "⋯ 12 unchanged lines" rows
    QColor gutter;        ///< the line-number gutter's background
    QColor gutterText;    ///< line numbers
    QColor mineAccent;    ///< strong blue for chips and gutter strips
    QColor theirsAccent;  ///< strong amber
    QColor addedAccent;   ///< strong green
    QColor removedAccent; ///< strong red
    QColor markerAccent;  ///< strong rose
    QColor good;          ///< text colour of a positive status ("No conflicts left")
    QColor bad;           ///< text colour of an error

    /// @brief The colours for @p palette (the application's, or a widget's).
    static CompareColors fromPalette(const QPalette &palette);
};

} // namespace inkwell::app
