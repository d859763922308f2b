#pragma once

#include <QString>
#include <QStringView>

/// @file
/// The container prefix of a Markdown line (`  > - [ ] `) and what the next line's prefix is, for the editor's
/// list and quote continuation and list indentation. Pure functions of one line's text.

namespace inkwell::app {

/// @brief The prefix of a list item or quote line.
struct LinePrefix {
    bool isQuote = false;    ///< starts with `>` (after optional spaces)
    bool isListItem = false; ///< has a list marker (after the quotes)
    bool ordered = false;
    bool task = false;    ///< `[ ]` / `[x]` after the marker
    int markerStart = -1; ///< index of the list marker
    int markerLength = 0; ///< `-` is 1, `12.` is 3
    int indentStart = 0;  ///< index where the whitespace before the marker starts (after the quotes)
    int contentStart = 0; ///< index of the item's text (the whole prefix length)
    QString continuation; ///< the prefix of the line that Enter creates

    int indent() const { return markerStart - indentStart; }
    /// @brief Columns from indentStart to the item's text: where a child item's marker goes.
    int contentIndent() const { return contentStart - indentStart; }
};

/// @brief The prefix of @p line; isQuote and isListItem are false for a plain line.
LinePrefix linePrefix(QStringView line);

} // namespace inkwell::app
