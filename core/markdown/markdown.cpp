#include "markdown/markdown.h"

#include <QByteArray>
#include <algorithm>
#include <cmark.h>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;

namespace inkwell::markdown {

namespace {

// CMARK_OPT_DEFAULT is cmark's safe mode (raw HTML and dangerous URLs removed). CMARK_OPT_UNSAFE must never be
// added: the HTML is shown to other users. VALIDATE_UTF8 replaces invalid sequences with U+FFFD.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

constexpr QChar kEllipsis = u'\u2026';

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
    const QByteArray utf8 = utf8Of(markdown);
    const std::unique_ptr<char, FreeDeleter> html(
        cmark_markdown_to_html(utf8.constData(), static_cast<size_t>(utf8.size()), kOptions));
    return html ? QString::fromUtf8(html.get()) : QString();
}

QString toPlainText(QStringView markdown)
{
    const QByteArray utf8 = utf8Of(markdown);
    const std::unique_ptr<cmark_node, NodeDeleter> document(
        cmark_parse_document(utf8.constData(), static_cast<size_t>(utf8.size()), kOptions));
    if (!document)
        return {};
    const std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document.get()));
    if (!iter)
        return {};

    QString text;
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(node)) {
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
            if (event == CMARK_EVENT_EXIT || cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK)
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
