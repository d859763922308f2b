#include "markdown/markdown.h"

#include <QByteArray>
#include <algorithm>
#include <array>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cstdlib>
#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

// The table extension's node types. libcmark-gfm-extensions exports them (`nm -D`), but Debian's package installs
// no header that declares them (upstream's extensions/table.h stays in the source tree). They hold their values
// once the core extensions are registered, which happens before any parse here.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
}

namespace inkwell::markdown {

namespace {

// CMARK_OPT_DEFAULT is cmark's safe mode (raw HTML and dangerous URLs removed). CMARK_OPT_UNSAFE must never be
// added: the HTML is shown to other users. VALIDATE_UTF8 replaces invalid sequences with U+FFFD.
// STRIKETHROUGH_DOUBLE_TILDE: only ~~text~~ strikes through. Writers use a single tilde for "about" ("~5 min to
// ~10 min"), and a stray strike-through that hides words is worse than a literal tilde; ~~ is also the form every
// GFM guide teaches. GITHUB_PRE_LANG is not set: fenced code keeps CommonMark's `<code class="language-x">`, which
// highlighters read and the HTML checks allow, instead of a `lang` attribute on `<pre>`.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

// tagfilter only acts on raw HTML that is passed through, which safe mode never does; it is attached so that
// `<script>`, `<iframe>`, `<style>` and the like stay inert should the options ever change.
// "table" comes first: parse() leaves it out of documents whose tables would cost too much.
constexpr std::array kExtensionNames = {"table", "strikethrough", "tasklist", "autolink", "tagfilter"};
using ExtensionList = std::array<cmark_syntax_extension *, kExtensionNames.size()>;

/// The registered GFM extensions, found once.
const ExtensionList &gfmExtensions()
{
    // cmark_gfm_core_extensions_ensure_registered() appends to cmark's global extension list without a lock (and
    // aborts when the table extension registers twice), so it must run exactly once and before any parser looks
    // the extensions up: a function-local static is initialised once, and other threads wait for it.
    static const ExtensionList extensions = [] {
        cmark_gfm_core_extensions_ensure_registered();
        ExtensionList found{};
        std::ranges::transform(kExtensionNames, found.begin(), cmark_find_syntax_extension);
        Q_ASSERT(std::ranges::none_of(found, [](const cmark_syntax_extension *e) { return e == nullptr; }));
        return found;
    }();
    return extensions;
}

/// cmark-gfm 0.29.0.gfm.6 is not re-entrant while it parses inlines: cmark_parser_finish() adds the extensions'
/// trigger characters ('~', ':', 'w') to process-wide tables (SPECIAL_CHARS, SKIP_CHARS in inlines.c) and removes
/// them when it is done, so a parse that ends on one thread switches strike-through and autolinks off in a parse
/// still running on another (github/cmark-gfm#176, unmerged). This lock serialises that step only; reading blocks
/// and rendering HTML run in parallel. Every cmark-gfm parse in the process must hold it. (Marking the characters
/// once for good and emptying the extensions' lists does not work: the same lists map a delimiter back to its
/// extension when emphasis is resolved, and strike-through then never ends.)
std::mutex &inlineParseMutex()
{
    static std::mutex mutex;
    return mutex;
}

struct ParserDeleter {
    void operator()(cmark_parser *parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
    void operator()(cmark_node *node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter *iter) const { cmark_iter_free(iter); }
};
// cmark allocates with the default allocator (calloc/realloc/free), so its strings are released with free().
struct FreeDeleter {
    void operator()(char *text) const { std::free(text); }
};

using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

/// A parsed document and the parser that made it: the HTML renderer needs the parser's extension list.
struct Parsed {
    ParserPtr parser;
    NodePtr document;
};

constexpr QChar kEllipsis = u'\u2026';

/// UTF-8 for cmark. QString::toUtf8() turns a lone surrogate into '?', which would silently change the text; it
/// becomes U+FFFD here, as invalid UTF-8 does inside cmark.
QByteArray utf8Of(QStringView text)
{
    QString repaired;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!c.isSurrogate())
            continue;
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (repaired.isNull())
            repaired = text.toString();
        repaired[i] = QChar::ReplacementCharacter;
    }
    return repaired.isNull() ? text.toUtf8() : repaired.toUtf8();
}

// ---- What tables may cost --------------------------------------------------------------------------------------
//
// Debian 12's cmark-gfm 0.29.0.gfm.6 lacks the table limits of later releases, and tables are the one GFM construct
// whose cost is not linear in the input:
// - every row is padded with empty cells to the header's width, so a header of 1,000 columns followed by 1,000
//   one-letter lines makes a million cells (upstream later capped these at 0x80000 "autocompleted" cells);
// - a row's cells are collected in a linked list appended at its tail, so a line costs time quadratic in its cells
//   (a 32 KB line of 16,000 cells: 1 s);
// - every line that could be a delimiter row makes the parser re-read the whole paragraph above it, so 40 KB of
//   alternating "|-|" and "|-|-|" lines take 7 s.
// A 1 MB article could pin a server thread for an hour or exhaust memory (cmark then calls abort()). The scan below
// over-estimates what the tables of a document can cost, without parsing it; a document over budget is rendered
// without the table extension, so its tables read as text. Real tables stay far below both budgets.

/// Cells, padding included: about as many as the input has bytes (a written cell takes at least two), at least 2^16.
constexpr qsizetype kMinTableCellBudget = qsizetype(1) << 16;
/// Steps of the parser's list appends and paragraph re-reads; 2^24 of them take about 0.15 s here.
constexpr qint64 kTableWorkBudget = qint64(1) << 24;
/// Re-reading a byte of paragraph costs about as much as five list steps (measured).
constexpr qint64 kRescanStepsPerByte = 5;

/// Whether @p line could be a table's delimiter row, as a container's line: only spaces, pipes, colons, hyphens and
/// block quote markers, and a hyphen. Returns its number of hyphen runs (at least its columns), or 0.
qsizetype delimiterColumns(QByteArrayView line)
{
    qsizetype runs = 0;
    char previous = 0;
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\v' && c != '\f' && c != '|' && c != ':' && c != '-' && c != '>')
            return 0;
        if (c == '-' && previous != '-')
            ++runs;
        previous = c;
    }
    return runs;
}

bool isBlankLine(QByteArrayView line)
{
    return std::ranges::all_of(line, [](char c) { return c == ' ' || c == '\t'; });
}

/// Whether the tables @p utf8 may hold are within budget (see above). Lines end at LF, CR LF or CR, as in cmark.
/// Every line from a delimiter-like line to the next blank line counts as a row of the widest such line, and every
/// delimiter-like line as a re-read of the lines above it, whether or not cmark will agree that it is a table.
bool tablesAreAffordable(QByteArrayView utf8)
{
    const auto square = [](qint64 n) { return n * n; };
    const qsizetype cellBudget = std::max(kMinTableCellBudget, utf8.size());
    qsizetype cells = 0;
    qint64 work = 0;
    qsizetype runBytes = 0;   // of the non-blank lines above this one, up to the last blank line
    qint64 runRowSteps = 0;   // what reading those lines as rows costs
    qsizetype runColumns = 0; // widest delimiter-like line of the run so far; 0: no table yet
    qsizetype previousPipes = 0;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = start;
        while (end < utf8.size() && utf8[end] != '\n' && utf8[end] != '\r')
            ++end;
        const QByteArrayView line = utf8.sliced(start, end - start);
        start = end + ((end + 1 < utf8.size() && utf8[end] == '\r' && utf8[end + 1] == '\n') ? 2 : 1);

        if (isBlankLine(line)) {
            runBytes = runRowSteps = runColumns = previousPipes = 0;
            continue;
        }
        const qsizetype pipes = line.count('|');
        if (const qsizetype columns = delimiterColumns(line); columns > 0) {
            work += runBytes * kRescanStepsPerByte + runRowSteps; // the paragraph above is read again as a header
            runColumns = std::max(runColumns, columns);
            cells += runColumns; // the header row
            work += square(std::max(previousPipes + 1, runColumns)) / 2;
        }
        const qint64 rowSteps = square(std::max(pipes + 1, runColumns)) / 2;
        if (runColumns > 0) {
            cells += runColumns;
            work += rowSteps;
        }
        if (cells > cellBudget || work > kTableWorkBudget)
            return false;
        runBytes += line.size() + 1;
        runRowSteps += rowSteps;
        previousPipes = pipes;
    }
    return true;
}

/// Parses @p markdown with a new parser that has the GFM extensions attached (the table extension only when the
/// document's tables are affordable). A null document means cmark ran out of memory.
Parsed parse(QStringView markdown)
{
    const ExtensionList &extensions = gfmExtensions();
    const QByteArray utf8 = utf8Of(markdown);
    const bool withTables = tablesAreAffordable(utf8);
    Parsed parsed;
    parsed.parser.reset(cmark_parser_new(kOptions));
    if (!parsed.parser)
        return parsed;
    for (cmark_syntax_extension *extension : extensions) {
        if (extension && (withTables || extension != extensions.front()))
            cmark_parser_attach_syntax_extension(parsed.parser.get(), extension);
    }
    cmark_parser_feed(parsed.parser.get(), utf8.constData(), static_cast<size_t>(utf8.size()));
    const std::lock_guard lock(inlineParseMutex());
    parsed.document.reset(cmark_parser_finish(parsed.parser.get()));
    return parsed;
}

QString literalOf(cmark_node *node)
{
    const char *literal = cmark_node_get_literal(node);
    return literal ? QString::fromUtf8(literal) : QString();
}

bool isSurrogatePairTail(QStringView text, qsizetype index)
{
    return index > 0 && index < text.size() && text.at(index).isLowSurrogate() && text.at(index - 1).isHighSurrogate();
}

/// A cut before @p index must not separate the two halves of a surrogate pair.
qsizetype safeCut(QStringView text, qsizetype index)
{
    return isSurrogatePairTail(text, index) ? index - 1 : index;
}

bool hasLetterOrDigit(QStringView word)
{
    for (qsizetype i = 0; i < word.size(); ++i) {
        char32_t codePoint = word.at(i).unicode();
        if (word.at(i).isHighSurrogate() && i + 1 < word.size() && word.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(word.at(i), word.at(i + 1));
            ++i;
        }
        if (QChar::isLetterOrNumber(codePoint))
            return true;
    }
    return false;
}

} // namespace

QString toHtml(QStringView markdown)
{
    const Parsed parsed = parse(markdown);
    if (!parsed.document)
        return {};
    // The renderer needs the parser's extensions for the nodes they added (tables, strike-through, task items).
    // Task list items render as `<input type="checkbox" disabled="" />`: what cmark-gfm emits, and on purpose
    // not interactive, because ticking a box in rendered HTML could not change the Markdown it came from.
    const std::unique_ptr<char, FreeDeleter> html(
        cmark_render_html(parsed.document.get(), kOptions, cmark_parser_get_syntax_extensions(parsed.parser.get())));
    return html ? QString::fromUtf8(html.get()) : QString();
}

QString toPlainText(QStringView markdown)
{
    const Parsed parsed = parse(markdown);
    if (!parsed.document)
        return {};
    const std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(parsed.document.get()));
    if (!iter)
        return {};

    QString text;
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        // Extension node types are runtime values, so they cannot be case labels. A table's cells are separated
        // like words and its rows like lines, so its text reads and counts as words. Strike-through contributes its
        // children as emphasis does (the default case), and a task list item is an ordinary item whose checkbox is
        // no node at all, so it adds no word.
        if (type == CMARK_NODE_TABLE_CELL || type == CMARK_NODE_TABLE_ROW) {
            if (event == CMARK_EVENT_EXIT)
                text += type == CMARK_NODE_TABLE_CELL ? u' ' : u'\n';
            continue;
        }
        switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            text += literalOf(node);
            break;
        case CMARK_NODE_CODE_BLOCK:
            text += literalOf(node) + u'\n';
            break;
        case CMARK_NODE_SOFTBREAK:
            text += u' ';
            break;
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_THEMATIC_BREAK:
            text += u'\n';
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_HTML_BLOCK: // dropped, but it still separates its neighbours
            if (event == CMARK_EVENT_EXIT || type == CMARK_NODE_HTML_BLOCK)
                text += u'\n';
            break;
        default: // raw inline HTML is dropped; emphasis, links and images only contribute their children
            break;
        }
    }
    return text.simplified();
}

int wordCount(QStringView markdown)
{
    const QString text = toPlainText(markdown);
    int count = 0;
    // toPlainText() collapsed every whitespace run into one U+0020, so splitting on it splits on all whitespace.
    for (const QStringView word : QStringView(text).tokenize(u' ', Qt::SkipEmptyParts)) {
        if (hasLetterOrDigit(word))
            ++count;
    }
    return count;
}

int readingTimeMinutes(QStringView markdown)
{
    const int words = wordCount(markdown);
    return std::max(1, (words + kWordsPerMinute - 1) / kWordsPerMinute);
}

QString excerpt(QStringView markdown, int maxChars)
{
    if (maxChars < 1)
        return {};
    const QString text = toPlainText(markdown);
    if (text.size() <= maxChars)
        return text;

    const QStringView view(text);
    const qsizetype budget = maxChars - 1; // room for the ellipsis
    // A word boundary is a space: either the one right after the budget, or the last one inside it.
    qsizetype cut = -1;
    if (view.at(budget).isSpace())
        cut = budget;
    else if (budget > 0)
        cut = view.left(budget).lastIndexOf(u' ');
    const qsizetype hardCut = safeCut(view, budget);
    if (cut <= 0) // one word longer than the limit
        cut = hardCut;

    QStringView kept = view.left(cut);
    while (!kept.isEmpty() && (kept.back().isSpace() || kept.back().isPunct()))
        kept.chop(1);
    if (kept.isEmpty()) // nothing but punctuation: keep the hard cut rather than a lone ellipsis
        kept = view.left(hardCut).trimmed();
    return kept.toString() + kEllipsis;
}

} // namespace inkwell::markdown
