#pragma once

#include <QString>
#include <QStringView>

namespace inkwell::app {

/**
 * @brief Finds where streamed Markdown can no longer change: the end of its last complete top-level block.
 *
 * A Markdown answer arrives a few characters at a time. Everything before the last blank line that is followed by
 * the start of a new, independent top-level block renders the same whatever comes later, so it needs rendering only
 * once; only the rest (the "tail") changes with each delta. The splitter scans each complete line once (the scan
 * goes on from where the previous update() stopped), so following a whole answer costs time linear in its length;
 * the first character of the unfinished last line is looked at too, so a new paragraph starts a new tail at once.
 *
 * Kept together (never split): fenced code blocks (blank lines inside them), and a list with the blank lines and
 * indented or list-item lines that continue it (a loose list). A line that starts with white space after a blank
 * line continues the block before it (a list item's paragraph, an indented code block's next part). Link reference
 * definitions placed after their use are the one case a split can render differently; the final render of a
 * message (on reopening) is whole.
 */
class MarkdownBlockSplitter {
public:
    /// @brief Scans @p source, which must extend the source of the previous call (else call reset() first), and
    /// returns the offset where its stable part ends: source.left(result) will not render differently whatever is
    /// appended. Never decreases between resets.
    qsizetype update(QStringView source);
    /// @brief Forgets everything: the next update() starts at the beginning.
    void reset();
    /// @brief The result of the last update().
    qsizetype stableEnd() const { return m_stableEnd; }

private:
    void scanLine(QStringView line, qsizetype lineStart);

    qsizetype m_scanned = 0;   // offset of the first line not yet scanned (complete lines only)
    qsizetype m_stableEnd = 0; // where the last confirmed block boundary is
    bool m_inFence = false;
    QChar m_fenceChar;
    qsizetype m_fenceLength = 0;
    bool m_blockHasList = false; // the current block (since m_stableEnd) contains a list item line
    bool m_afterBlank = false;   // blank lines were seen after the last non-blank line, outside a fence
};

} // namespace inkwell::app
