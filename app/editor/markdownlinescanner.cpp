#include "editor/markdownlinescanner.h"

#include <algorithm>

namespace inkwell::app {

namespace {

constexpr int kTabStop = 4;
constexpr int kMaxQuoteDepth = 7;
constexpr int kMaxColumn = 127;
constexpr int kMaxFence = 63;

// Bit layout of LineState::toInt(); everything stays below bit 31 so a packed state is never negative
// (QSyntaxHighlighter uses -1 for "no state yet").
constexpr int kKindBits = 0;          // 5 bits
constexpr int kQuoteBits = 5;         // 3 bits
constexpr int kListBits = 8;          // 7 bits
constexpr int kFenceBits = 15;        // 6 bits
constexpr int kTildeBit = 21;         // 1 bit
constexpr int kHeadingBits = 22;      // 3 bits
constexpr int kListItemStartBit = 25; // 1 bit

bool isBlankChar(QChar c)
{
    return c == u' ' || c == u'\t';
}

struct Cursor {
    int index = 0;
    int column = 0;
};

int advance(int column, QChar c)
{
    return c == u'\t' ? column + kTabStop - column % kTabStop : column + 1;
}

Cursor skipSpaces(QStringView s, Cursor c)
{
    while (c.index < s.size() && isBlankChar(s[c.index])) {
        c.column = advance(c.column, s[c.index]);
        ++c.index;
    }
    return c;
}

bool restIsBlank(QStringView s, int from)
{
    for (int i = from; i < s.size(); ++i) {
        if (!s[i].isSpace())
            return false;
    }
    return true;
}

/// Consumes one `>` (after at most three spaces) and one following space; records the `>` as markup.
bool consumeQuote(QStringView s, Cursor &c, QVarLengthArray<LineRange, 8> *markup)
{
    const Cursor sc = skipSpaces(s, c);
    if (sc.column - c.column > 3 || sc.index >= s.size() || s[sc.index] != u'>')
        return false;
    if (markup)
        markup->append({sc.index, 1});
    c = {sc.index + 1, sc.column + 1};
    if (c.index < s.size() && isBlankChar(s[c.index])) {
        c.column = advance(c.column, s[c.index]);
        ++c.index;
    }
    return true;
}

bool isThematicBreak(QStringView s, int i)
{
    if (i >= s.size())
        return false;
    const QChar c = s[i];
    if (c != u'*' && c != u'-' && c != u'_')
        return false;
    int count = 0;
    for (int k = i; k < s.size(); ++k) {
        if (s[k] == c)
            ++count;
        else if (!isBlankChar(s[k]))
            return false;
    }
    return count >= 3;
}

/// `===` or `---` (one kind only) followed by nothing but spaces; returns 1, 2, or 0 if not an underline.
int setextLevel(QStringView s, int i)
{
    if (i >= s.size() || (s[i] != u'=' && s[i] != u'-'))
        return 0;
    const QChar c = s[i];
    int k = i;
    while (k < s.size() && s[k] == c)
        ++k;
    if (!restIsBlank(s, k))
        return 0;
    return c == u'=' ? 1 : 2;
}

int atxLevel(QStringView s, int i)
{
    int k = i;
    while (k < s.size() && s[k] == u'#' && k - i < 7)
        ++k;
    const int level = k - i;
    if (level < 1 || level > 6)
        return 0;
    if (k < s.size() && !isBlankChar(s[k]))
        return 0;
    return level;
}

struct Fence {
    int length = 0;
    bool tilde = false;
};

Fence fenceAt(QStringView s, int i)
{
    if (i >= s.size() || (s[i] != u'`' && s[i] != u'~'))
        return {};
    const QChar c = s[i];
    int k = i;
    while (k < s.size() && s[k] == c)
        ++k;
    if (k - i < 3)
        return {};
    // A backtick fence's info string may not contain a backtick (it would be an inline code span instead).
    if (c == u'`' && s.sliced(k).contains(u'`'))
        return {};
    return {std::min(k - i, kMaxFence), c == u'~'};
}

struct ListMarker {
    int length = 0; // 0: no marker
    bool ordered = false;
    int number = 0;
};

ListMarker listMarkerAt(QStringView s, int i)
{
    if (i >= s.size())
        return {};
    const auto followedBySpaceOrEnd = [&](int k) { return k >= s.size() || isBlankChar(s[k]); };
    if ((s[i] == u'-' || s[i] == u'+' || s[i] == u'*') && followedBySpaceOrEnd(i + 1))
        return {1, false, 0};
    int k = i;
    int number = 0;
    while (k < s.size() && k - i < 9 && s[k].isDigit() && s[k].unicode() < 128) {
        number = number * 10 + (s[k].unicode() - u'0');
        ++k;
    }
    if (k == i || k >= s.size() || (s[k] != u'.' && s[k] != u')') || !followedBySpaceOrEnd(k + 1))
        return {};
    return {k + 1 - i, true, number};
}

/// Unescaped pipes of a table line from @p from on.
QVarLengthArray<int, 8> pipesOf(QStringView s, int from)
{
    QVarLengthArray<int, 8> pipes;
    for (int k = from; k < s.size(); ++k) {
        if (s[k] == u'\\') {
            ++k;
            continue;
        }
        if (s[k] == u'|')
            pipes.append(k);
    }
    return pipes;
}

/// The cells between the pipes (a leading and a trailing pipe do not open an empty cell).
QVarLengthArray<LineRange, 8> cellsOf(QStringView s, int from, const QVarLengthArray<int, 8> &pipes)
{
    QVarLengthArray<LineRange, 8> cells;
    int end = s.size();
    while (end > from && s[end - 1].isSpace())
        --end;
    int start = from;
    for (int k = 0; k <= pipes.size(); ++k) {
        const int stop = k < pipes.size() ? pipes[k] : end;
        if (stop < start)
            continue;
        const bool leadingEmpty = k == 0 && pipes.size() > 0 && restIsBlank(s.first(stop), start);
        const bool trailingEmpty = k == pipes.size() && stop == start;
        if (!leadingEmpty && !trailingEmpty)
            cells.append({start, stop - start});
        start = stop + 1;
    }
    return cells;
}

bool isDelimiterCell(QStringView cell)
{
    const QStringView t = cell.trimmed();
    if (t.isEmpty())
        return false;
    int k = 0;
    if (t[k] == u':')
        ++k;
    const int dashesFrom = k;
    while (k < t.size() && t[k] == u'-')
        ++k;
    if (k == dashesFrom)
        return false;
    if (k < t.size() && t[k] == u':')
        ++k;
    return k == t.size();
}

/// Cell count of a GFM delimiter row (`|---|:-:|`), or 0 if the line is not one. A row needs a pipe, so a
/// lone `---` stays a setext underline or a rule.
int delimiterCells(QStringView s, int from)
{
    const auto pipes = pipesOf(s, from);
    if (pipes.isEmpty())
        return 0;
    const auto cells = cellsOf(s, from, pipes);
    for (const LineRange &cell : cells) {
        if (!isDelimiterCell(s.sliced(cell.start, cell.length)))
            return 0;
    }
    return int(cells.size());
}

void addPipesAndCells(QStringView s, int from, LineScan &r)
{
    const auto pipes = pipesOf(s, from);
    for (int p : pipes)
        r.markup.append({p, 1});
    for (const LineRange &cell : cellsOf(s, from, pipes))
        r.inlines.append(cell);
}

/// Code of a fenced block line: the line continues the fence unless a container (quote, list item) ends.
bool continueFence(QStringView line, const LineState &prev, LineScan &r)
{
    Cursor c;
    int quotes = 0;
    while (quotes < prev.quoteDepth && consumeQuote(line, c, &r.markup))
        ++quotes;
    if (quotes < prev.quoteDepth)
        return false;
    const bool blank = restIsBlank(line, c.index);
    if (prev.listColumn > 0 && !blank && skipSpaces(line, c).column < prev.listColumn)
        return false;

    // The code starts at the list item's content column; a fence may be indented up to three more spaces.
    Cursor body = c;
    while (body.index < line.size() && isBlankChar(line[body.index]) && body.column < prev.listColumn) {
        body.column = advance(body.column, line[body.index]);
        ++body.index;
    }
    r.state.quoteDepth = prev.quoteDepth;
    r.state.listColumn = prev.listColumn;

    const Cursor sc = skipSpaces(line, body);
    const QChar fenceChar = prev.fenceTilde ? u'~' : u'`';
    if (sc.column - body.column <= 3 && sc.index < line.size() && line[sc.index] == fenceChar) {
        int k = sc.index;
        while (k < line.size() && line[k] == fenceChar)
            ++k;
        if (k - sc.index >= prev.fenceLength && restIsBlank(line, k)) {
            r.state.kind = LineKind::FenceClose;
            r.markup.append({sc.index, int(line.size()) - sc.index});
            return true;
        }
    }
    r.state.kind = LineKind::FenceBody;
    r.state.fenceLength = prev.fenceLength;
    r.state.fenceTilde = prev.fenceTilde;
    r.code = {body.index, int(line.size()) - body.index};
    return true;
}

} // namespace

int LineState::toInt() const
{
    return (int(kind) << kKindBits) | (int(std::min<int>(quoteDepth, kMaxQuoteDepth)) << kQuoteBits) |
           (int(std::min<int>(listColumn, kMaxColumn)) << kListBits) |
           (int(std::min<int>(fenceLength, kMaxFence)) << kFenceBits) | (int(fenceTilde) << kTildeBit) |
           (int(std::min<int>(headingLevel, 7)) << kHeadingBits) | (int(listItemStart) << kListItemStartBit);
}

LineState LineState::fromInt(int packed)
{
    LineState s;
    if (packed < 0)
        return s;
    const int kind = (packed >> kKindBits) & 0x1f;
    s.kind = kind <= int(LineKind::ReferenceDefinition) ? LineKind(kind) : LineKind::Blank;
    s.quoteDepth = quint8((packed >> kQuoteBits) & 0x7);
    s.listColumn = quint8((packed >> kListBits) & 0x7f);
    s.fenceLength = quint8((packed >> kFenceBits) & 0x3f);
    s.fenceTilde = (packed >> kTildeBit) & 1;
    s.headingLevel = quint8((packed >> kHeadingBits) & 0x7);
    s.listItemStart = (packed >> kListItemStartBit) & 1;
    return s;
}

LineScan scanLine(QStringView line, int previousState, QStringView nextLine)
{
    const LineState prev = LineState::fromInt(previousState);
    const int n = int(line.size());

    if (prev.kind == LineKind::FenceOpen || prev.kind == LineKind::FenceBody) {
        LineScan fenced;
        if (continueFence(line, prev, fenced))
            return fenced;
        // A container ended under the fence: the fence ends with it, and the line is scanned afresh.
    }

    LineScan r;
    Cursor c;
    int quotes = 0;
    while (quotes < kMaxQuoteDepth && consumeQuote(line, c, &r.markup))
        ++quotes;
    r.state.quoteDepth = quint8(quotes);

    const int inheritedList = quotes == prev.quoteDepth ? prev.listColumn : 0;
    if (restIsBlank(line, c.index)) {
        r.state.kind = LineKind::Blank;
        r.state.listColumn = quint8(inheritedList);
        return r;
    }

    // A "paragraph" for continuation purposes: a table header is a paragraph line until its delimiter row
    // proves otherwise.
    const bool prevParagraph = prev.kind == LineKind::Paragraph || prev.kind == LineKind::TableHeader;

    Cursor sc = skipSpaces(line, c);
    int listColumn = 0;
    int baseColumn = c.column;
    if (inheritedList > 0 && sc.column >= inheritedList) {
        listColumn = inheritedList;
        baseColumn = inheritedList;
    }

    bool listItemStart = false;
    while (sc.column - baseColumn <= 3 && !isThematicBreak(line, sc.index)) {
        const ListMarker marker = listMarkerAt(line, sc.index);
        if (marker.length == 0)
            break;
        const bool emptyItem = restIsBlank(line, sc.index + marker.length);
        // A list may interrupt a paragraph only with a non-empty item, and an ordered one only when it starts
        // at 1; inside a list the marker starts a sibling or a child instead.
        if (!listItemStart && prevParagraph && prev.listColumn == 0 &&
            (emptyItem || (marker.ordered && marker.number != 1)))
            break;
        r.markup.append({sc.index, marker.length});
        const Cursor after{sc.index + marker.length, sc.column + marker.length};
        const Cursor content = skipSpaces(line, after);
        listItemStart = true;
        if (emptyItem) {
            listColumn = after.column + 1;
            sc = content;
            break;
        }
        if (content.column - after.column >= 5) {
            // Five spaces or more: the item's content is indented code, one space after the marker.
            listColumn = after.column + 1;
            sc = {after.index + 1, after.column + 1};
        } else {
            listColumn = content.column;
            sc = content;
        }
        listColumn = std::min(listColumn, kMaxColumn);
        baseColumn = listColumn;
        if (sc.index + 2 < n && line[sc.index] == u'[' && line[sc.index + 2] == u']' &&
            (line[sc.index + 1] == u' ' || line[sc.index + 1] == u'x' || line[sc.index + 1] == u'X') &&
            (sc.index + 3 == n || isBlankChar(line[sc.index + 3]))) {
            r.taskBox = {sc.index, 3};
            r.taskChecked = line[sc.index + 1] != u' ';
            sc = skipSpaces(line, {sc.index + 3, sc.column + 3});
            break;
        }
    }
    r.state.listColumn = quint8(listColumn);
    r.state.listItemStart = listItemStart;

    const int i = sc.index;
    const int relative = sc.column - baseColumn;
    const bool sameContainer = quotes == prev.quoteDepth && listColumn == prev.listColumn;

    if (relative >= 4 && !listItemStart) {
        if (prevParagraph) {
            // An indented line cannot interrupt a paragraph: it continues it.
            r.state.kind = LineKind::Paragraph;
            r.inlines.append({i, n - i});
            if (quotes < prev.quoteDepth || listColumn < prev.listColumn) {
                r.state.quoteDepth = prev.quoteDepth;
                r.state.listColumn = prev.listColumn;
            }
            return r;
        }
        Cursor code = c;
        while (code.index < n && isBlankChar(line[code.index]) && code.column < baseColumn + 4) {
            code.column = advance(code.column, line[code.index]);
            ++code.index;
        }
        r.state.kind = LineKind::IndentedCode;
        r.code = {code.index, n - code.index};
        return r;
    }

    if (const Fence fence = fenceAt(line, i); fence.length > 0) {
        r.state.kind = LineKind::FenceOpen;
        r.state.fenceLength = quint8(fence.length);
        r.state.fenceTilde = fence.tilde;
        r.markup.append({i, n - i});
        return r;
    }

    if (const int level = atxLevel(line, i); level > 0) {
        r.state.kind = LineKind::Heading;
        r.state.headingLevel = quint8(level);
        r.markup.append({i, level});
        int start = skipSpaces(line, {i + level, 0}).index;
        int end = n;
        while (end > start && line[end - 1].isSpace())
            --end;
        // An optional closing sequence of #s, preceded by a space (or making up the whole content).
        int hashes = end;
        while (hashes > start && line[hashes - 1] == u'#')
            --hashes;
        if (hashes < end && (hashes == start || isBlankChar(line[hashes - 1]))) {
            r.markup.append({hashes, end - hashes});
            end = hashes;
            while (end > start && line[end - 1].isSpace())
                --end;
        }
        if (end > start)
            r.inlines.append({start, end - start});
        return r;
    }

    if (prevParagraph && sameContainer && !listItemStart) {
        if (const int level = setextLevel(line, i); level > 0) {
            r.state.kind = LineKind::SetextUnderline;
            r.state.headingLevel = quint8(level);
            r.markup.append({i, n - i});
            return r;
        }
    }

    if (isThematicBreak(line, i)) {
        r.state.kind = LineKind::ThematicBreak;
        r.markup.append({i, n - i});
        return r;
    }

    if (!listItemStart && quotes == prev.quoteDepth) {
        if (prev.kind == LineKind::TableHeader && delimiterCells(line, i) > 0) {
            r.state.kind = LineKind::TableDelimiter;
            r.markup.append({i, n - i});
            return r;
        }
        if (prev.kind == LineKind::TableDelimiter || prev.kind == LineKind::TableRow) {
            r.state.kind = LineKind::TableRow;
            addPipesAndCells(line, i, r);
            return r;
        }
    }

    if (!prevParagraph && i < n && line[i] == u'[') {
        int k = i + 1;
        while (k < n && line[k] != u']') {
            if (line[k] == u'\\')
                ++k;
            ++k;
        }
        if (k + 1 < n && line[k + 1] == u':' && k > i + 1) {
            r.state.kind = LineKind::ReferenceDefinition;
            r.linkLabel = {i, k + 1 - i};
            r.markup.append({k + 1, 1});
            const int url = skipSpaces(line, {k + 2, 0}).index;
            r.linkUrl = {url, n - url};
            return r;
        }
    }

    r.state.kind = LineKind::Paragraph;
    if (!listItemStart && prevParagraph && (quotes < prev.quoteDepth || listColumn < prev.listColumn)) {
        // Lazy continuation: the paragraph goes on inside the containers of the previous line.
        r.state.quoteDepth = prev.quoteDepth;
        r.state.listColumn = prev.listColumn;
    }

    if (!nextLine.isNull() && !nextLine.isEmpty()) {
        // A table header needs the delimiter row right below it, with as many cells.
        const auto pipes = pipesOf(line, i);
        if (!pipes.isEmpty()) {
            LineState asHeader = r.state;
            asHeader.kind = LineKind::TableHeader;
            const LineScan below = scanLine(nextLine, asHeader.toInt(), {});
            if (below.state.kind == LineKind::TableDelimiter) {
                const int belowFrom = below.markup.isEmpty() ? 0 : below.markup.back().start;
                if (delimiterCells(nextLine, belowFrom) == int(cellsOf(line, i, pipes).size())) {
                    r.state.kind = LineKind::TableHeader;
                    addPipesAndCells(line, i, r);
                    return r;
                }
            }
        }
        const LineScan below = scanLine(nextLine, r.state.toInt(), {});
        if (below.state.kind == LineKind::SetextUnderline)
            r.state.headingLevel = below.state.headingLevel;
    }
    r.inlines.append({i, n - i});
    return r;
}

} // namespace inkwell::app
