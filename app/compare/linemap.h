#pragma once

#include "sync/textmerge.h"

#include <QList>
#include <QStringView>

namespace inkwell::app {

/**
 * @brief Where a line of one text is in another, by their line diff: unchanged lines map exactly, a changed
 * block maps onto the block that replaced it. Used to scroll compare panes together.
 */
class LineMap {
public:
    /// @brief The identity.
    LineMap() = default;
    /// @brief The map from @p from's lines to @p to's (libgit2's diff, a few ms for 200 KB).
    LineMap(QStringView from, QStringView to);

    /// @brief @p line (0-based) of the first text as a line of the second.
    int map(int line) const;

private:
    QList<sync::DiffHunk> m_hunks;
};

} // namespace inkwell::app
