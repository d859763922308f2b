#include "linemap.h"

namespace inkwell::app {

LineMap::LineMap(QStringView from, QStringView to)
    : m_hunks(sync::diffLines(from, to, 0))
{
}

int LineMap::map(int line) const
{
    int delta = 0;
    for (const sync::DiffHunk &hunk : m_hunks) {
        // With no context the hunks are exactly the changed blocks. A block that only inserts starts after its
        // (1-based) oldStart; one that only deletes ends before newStart's following line.
        const int oldBegin = hunk.oldLines == 0 ? hunk.oldStart : hunk.oldStart - 1;
        const int oldEnd = oldBegin + hunk.oldLines;
        const int newBegin = hunk.newLines == 0 ? hunk.newStart : hunk.newStart - 1;
        const int newEnd = newBegin + hunk.newLines;
        if (line < oldBegin)
            break;
        if (line < oldEnd)
            return newBegin + qMin(line - oldBegin, qMax(0, hunk.newLines - 1));
        delta = newEnd - oldEnd;
    }
    return qMax(0, line + delta);
}

} // namespace inkwell::app
