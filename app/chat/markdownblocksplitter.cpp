#include "markdownblocksplitter.h"

namespace inkwell::app {

namespace {

bool isBlank(QStringView line)
{
    for (const QChar c : line) {
        if (c != u' ' && c != u'\t' && c != u'\r')
            return false;
    }
    return true;
}

/// Up to three spaces of indentation, as CommonMark allows before a block marker; -1 for more (or a tab).
qsizetype markerIndent(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == u' ')
        ++i;
    if (i > 3 || (i < line.size() && line.at(i) == u'\t'))
        return -1;
    return i;
}

/// "- x", "* x", "+ x", "1. x", "12) x" (or the marker alone on its line).
bool isListItem(QStringView line)
{
    const qsizetype indent = markerIndent(line);
    if (indent < 0)
        return false;
    QStringView rest = line.sliced(indent);
    const auto endsMarker = [](QStringView text, qsizetype at) {
        return at >= text.size() || text.at(at) == u' ' || text.at(at) == u'\t' || text.at(at) == u'\r';
    };
    if (!rest.isEmpty() && (rest.front() == u'-' || rest.front() == u'*' || rest.front() == u'+'))
        return endsMarker(rest, 1);
    qsizetype digits = 0;
    while (digits < rest.size() && digits < 9 && rest.at(digits).isDigit())
        ++digits;
    if (digits == 0 || digits >= rest.size() || (rest.at(digits) != u'.' && rest.at(digits) != u')'))
        return false;
    return endsMarker(rest, digits + 1);
}

/// A fence line: its character and length, or a length of 0.
std::pair<QChar, qsizetype> fenceOf(QStringView line)
{
    const qsizetype indent = markerIndent(line);
    if (indent < 0 || indent >= line.size())
        return {QChar(), 0};
    const QChar c = line.at(indent);
    if (c != u'`' && c != u'~')
        return {QChar(), 0};
    qsizetype length = 0;
    while (indent + length < line.size() && line.at(indent + length) == c)
        ++length;
    if (length < 3)
        return {QChar(), 0};
    // A backtick fence's info string may not contain a backtick.
    if (c == u'`' && line.sliced(indent + length).contains(u'`'))
        return {QChar(), 0};
    return {c, length};
}

} // namespace

void MarkdownBlockSplitter::reset()
{
    *this = MarkdownBlockSplitter();
}

qsizetype MarkdownBlockSplitter::update(QStringView source)
{
    // Only complete lines are scanned: the last, unfinished one may still turn into anything.
    while (m_scanned < source.size()) {
        const qsizetype end = source.indexOf(u'\n', m_scanned);
        if (end < 0)
            break;
        scanLine(source.sliced(m_scanned, end - m_scanned), m_scanned);
        m_scanned = end + 1;
    }
    // A paragraph is one long line in most answers: waiting for it to end would keep the previous paragraph in the
    // tail all along. The first character of the unfinished line often tells already that a new block starts (no
    // indentation, and not a list marker when a list could go on); scanLine() confirms it when the line is done.
    if (m_afterBlank && !m_inFence && m_scanned < source.size()) {
        const QChar first = source.at(m_scanned);
        const bool mayContinueList = first.isDigit() || first == u'-' || first == u'*' || first == u'+';
        if (!first.isSpace() && (!m_blockHasList || !mayContinueList))
            m_stableEnd = m_scanned;
    }
    return m_stableEnd;
}

void MarkdownBlockSplitter::scanLine(QStringView line, qsizetype lineStart)
{
    if (m_inFence) {
        const auto [c, length] = fenceOf(line);
        if (c == m_fenceChar && length >= m_fenceLength && isBlank(line.sliced(markerIndent(line) + length)))
            m_inFence = false;
        return;
    }
    if (isBlank(line)) {
        m_afterBlank = true;
        return;
    }
    const bool listItem = isListItem(line);
    if (m_afterBlank) {
        m_afterBlank = false;
        const bool continues = line.front().isSpace() || (m_blockHasList && listItem);
        if (!continues) {
            m_stableEnd = lineStart;
            m_blockHasList = false;
        }
    }
    if (listItem)
        m_blockHasList = true;
    if (const auto [c, length] = fenceOf(line); length > 0) {
        m_inFence = true;
        m_fenceChar = c;
        m_fenceLength = length;
    }
}

} // namespace inkwell::app
