#pragma once

#include "textpane.h"

#include <QCoreApplication>
#include <QList>
#include <QStringView>
#include <array>

namespace inkwell::app {

/**
 * @brief A line diff laid out for reading: the inline (unified) lines and the two aligned side-by-side columns,
 * with line numbers for the gutters, the changed words of paired lines, and "⋯ n unchanged lines" between hunks.
 *
 * Pure data built from sync::diffLines() (libgit2), so it may be built on a worker thread.
 */
struct DiffDocument {
    Q_DECLARE_TR_FUNCTIONS(DiffDocument)
public:
    QList<TextPane::Line> inlineLines; ///< removed and added lines in place, labelled "old new ±"
    QList<TextPane::Line> oldLines;    ///< left column: the older text (removed lines, fillers opposite additions)
    QList<TextPane::Line> newLines;    ///< right column, as many rows as the left one
    int added = 0;                     ///< lines only in the newer text
    int removed = 0;                   ///< lines only in the older text

    bool identical() const { return added == 0 && removed == 0; }

    /// @brief The diff from @p before to @p after with @p contextLines unchanged lines around each change.
    static DiffDocument build(QStringView before, QStringView after, int contextLines = 3);

    /// @brief The run of characters that differs between two versions of a line, snapped to whole words:
    /// {start in old, length in old, start in new, length in new}; all -1 when the lines differ throughout.
    static std::array<int, 4> changedWords(QStringView oldLine, QStringView newLine);
};

} // namespace inkwell::app
