#include "editor/inlineparser.h"

#include <QByteArray>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace inkwell::app {

namespace {

struct Extensions {
    cmark_syntax_extension *strikethrough = nullptr;
    cmark_syntax_extension *autolink = nullptr;
};

const Extensions &extensions()
{
    // Thread-safe static: cmark-gfm's own registration flag is not.
    static const Extensions e = [] {
        cmark_gfm_core_extensions_ensure_registered();
        return Extensions{cmark_find_syntax_extension("strikethrough"), cmark_find_syntax_extension("autolink")};
    }();
    return e;
}

struct NodeDeleter {
    void operator()(cmark_node *node) const { cmark_node_free(node); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

NodePtr parse(const QByteArray &utf8)
{
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    const Extensions &ext = extensions();
    if (ext.strikethrough)
        cmark_parser_attach_syntax_extension(parser, ext.strikethrough);
    if (ext.autolink)
        cmark_parser_attach_syntax_extension(parser, ext.autolink);
    cmark_parser_feed(parser, utf8.constData(), size_t(utf8.size()));
    NodePtr doc(cmark_parser_finish(parser));
    cmark_parser_free(parser);
    return doc;
}

/// Maps cmark's byte columns back to UTF-16 positions of the text.
class Positions {
public:
    Positions(QStringView text, const QByteArray &utf8, int prefixBytes)
        : m_prefix(prefixBytes)
        , m_size(int(text.size()))
    {
        if (utf8.size() - prefixBytes == text.size())
            return; // ASCII: bytes and code units coincide
        m_map.resize(size_t(utf8.size() - prefixBytes) + 1);
        int byte = 0;
        for (int i = 0; i < text.size(); ++i) {
            char32_t cp = text[i].unicode();
            int units = 1;
            if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                cp = QChar::surrogateToUcs4(text[i], text[i + 1]);
                units = 2;
            }
            const int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            for (int b = 0; b < bytes && byte + b < int(m_map.size()); ++b)
                m_map[size_t(byte + b)] = i;
            byte += bytes;
            i += units - 1;
        }
        for (size_t b = size_t(byte); b < m_map.size(); ++b)
            m_map[b] = m_size;
    }

    /// UTF-16 index of the 0-based byte @p byte of the parsed text (prefix included), clamped to the text.
    int at(int byte) const
    {
        byte -= m_prefix;
        if (byte <= 0)
            return 0;
        if (m_map.empty())
            return std::min(byte, m_size);
        return byte < int(m_map.size()) ? m_map[size_t(byte)] : m_size;
    }

private:
    int m_prefix;
    int m_size;
    std::vector<int> m_map;
};

class Walker {
public:
    Walker(QStringView text, const QByteArray &utf8, int prefixBytes, InlineSpans &out)
        : m_utf8(utf8)
        , m_prefix(prefixBytes)
        , m_positions(text, utf8, prefixBytes)
        , m_out(out)
    {
    }

    void walk(cmark_node *root)
    {
        cmark_iter *iter = cmark_iter_new(root);
        cmark_event_type event;
        while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
            if (event != CMARK_EVENT_ENTER)
                continue;
            visit(cmark_iter_get_node(iter));
        }
        cmark_iter_free(iter);
    }

private:
    // 0-based byte range [start, end) of a node in the parsed buffer, or false without a source position.
    bool bytesOf(cmark_node *node, int &start, int &end) const
    {
        if (cmark_node_get_start_line(node) != 1 || cmark_node_get_end_line(node) != 1)
            return false;
        start = cmark_node_get_start_column(node) - 1;
        end = cmark_node_get_end_column(node);
        return start >= 0 && end > start && end <= m_utf8.size();
    }

    char byteAt(int b) const { return b >= 0 && b < m_utf8.size() ? m_utf8[b] : '\0'; }

    void add(InlineSpan::Kind kind, int startByte, int endByte)
    {
        const int start = m_positions.at(startByte);
        const int end = m_positions.at(endByte);
        if (end > start)
            m_out.append({kind, start, end - start});
    }

    void visit(cmark_node *node)
    {
        const cmark_node_type type = cmark_node_get_type(node);
        int start = 0;
        int end = 0;
        switch (type) {
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG: {
            if (!bytesOf(node, start, end))
                return;
            const int delimiter = type == CMARK_NODE_STRONG ? 2 : 1;
            if (end - start < 2 * delimiter)
                return;
            add(type == CMARK_NODE_STRONG ? InlineSpan::Strong : InlineSpan::Emphasis, start, end);
            add(InlineSpan::Markup, start, start + delimiter);
            add(InlineSpan::Markup, end - delimiter, end);
            return;
        }
        case CMARK_NODE_CODE: {
            // The source position covers the code between the backtick runs.
            if (!bytesOf(node, start, end))
                return;
            int open = start;
            while (byteAt(open - 1) == '`')
                --open;
            int close = end;
            while (byteAt(close) == '`' && close - end < start - open)
                ++close;
            add(InlineSpan::Code, open, close);
            add(InlineSpan::Markup, open, start);
            add(InlineSpan::Markup, end, close);
            return;
        }
        case CMARK_NODE_HTML_INLINE:
            if (bytesOf(node, start, end))
                add(InlineSpan::Html, start, end);
            return;
        case CMARK_NODE_HTML_BLOCK:
            add(InlineSpan::Html, m_prefix, int(m_utf8.size()));
            return;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            visitLink(node, type == CMARK_NODE_IMAGE);
            return;
        default:
            break;
        }
        if (std::strcmp(cmark_node_get_type_string(node), "strikethrough") == 0 && bytesOf(node, start, end)) {
            int tildes = 0;
            while (byteAt(start + tildes) == '~' && tildes < 2)
                ++tildes;
            if (end - start < 2 * tildes || tildes == 0)
                return;
            add(InlineSpan::Strikethrough, start, end);
            add(InlineSpan::Markup, start, start + tildes);
            add(InlineSpan::Markup, end - tildes, end);
        }
    }

    /// Skips a bracketed link text from the `[` at @p open; returns the index of the matching `]` or -1.
    int matchingBracket(int open, int limit) const
    {
        int depth = 0;
        for (int b = open; b < limit; ++b) {
            const char c = m_utf8[b];
            if (c == '\\') {
                ++b;
            } else if (c == '`') {
                int run = 0;
                while (byteAt(b + run) == '`')
                    ++run;
                // Skip to the closing run of the same length, if there is one.
                const QByteArray ticks(run, '`');
                const int close = int(m_utf8.indexOf(ticks, b + run));
                b = (close >= 0 && close < limit) ? close + run - 1 : b + run - 1;
            } else if (c == '[') {
                ++depth;
            } else if (c == ']') {
                if (--depth == 0)
                    return b;
            }
        }
        return -1;
    }

    void visitLink(cmark_node *node, bool image)
    {
        int start = 0;
        int end = 0;
        if (!bytesOf(node, start, end)) {
            // The autolink extension gives bare URLs and e-mail addresses no position: find their text.
            cmark_node *child = cmark_node_first_child(node);
            const char *literal = child ? cmark_node_get_literal(child) : nullptr;
            if (!literal || !*literal)
                return;
            const int at = int(m_utf8.indexOf(literal, m_searchFrom));
            if (at < 0)
                return;
            const int stop = at + int(std::strlen(literal));
            add(InlineSpan::Url, at, stop);
            m_searchFrom = stop;
            return;
        }
        m_searchFrom = std::max(m_searchFrom, end);
        const int bracket = image ? start + 1 : start;
        if (byteAt(start) == '<') { // <https://…>
            add(InlineSpan::Markup, start, start + 1);
            add(InlineSpan::Url, start + 1, end - 1);
            add(InlineSpan::Markup, end - 1, end);
            return;
        }
        if (byteAt(bracket) != '[') { // www.example.com (autolink extension)
            add(InlineSpan::Url, start, end);
            return;
        }
        const int close = matchingBracket(bracket, end);
        if (close < 0)
            return;
        add(InlineSpan::Markup, start, bracket + 1);
        add(InlineSpan::LinkText, bracket + 1, close);
        if (byteAt(close + 1) == '(' && byteAt(end - 1) == ')') {
            add(InlineSpan::Markup, close, close + 2);
            add(InlineSpan::Url, close + 2, end - 1);
            add(InlineSpan::Markup, end - 1, end);
        } else {
            // [text][label] or [label]: the label is an address too, in a way.
            add(InlineSpan::Markup, close, close + 1);
            if (close + 1 < end) {
                add(InlineSpan::Markup, close + 1, close + 2);
                add(InlineSpan::Url, close + 2, end - 1);
                add(InlineSpan::Markup, end - 1, end);
            }
        }
    }

    const QByteArray &m_utf8;
    int m_prefix;
    Positions m_positions;
    InlineSpans &m_out;
    int m_searchFrom = 0;
};


bool isSingleParagraph(cmark_node *doc)
{
    cmark_node *first = cmark_node_first_child(doc);
    if (!first)
        return true; // nothing (or a reference definition) parsed
    if (cmark_node_next(first))
        return false;
    const cmark_node_type type = cmark_node_get_type(first);
    return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HTML_BLOCK;
}

} // namespace

InlineSpans parseInlines(QStringView text)
{
    InlineSpans spans;
    if (text.trimmed().isEmpty())
        return spans;
    QByteArray utf8 = text.toUtf8();
    NodePtr doc = parse(utf8);
    int prefix = 0;
    if (!isSingleParagraph(doc.get())) {
        // The caller has already taken the block markers off, so text that still looks like a block (a list
        // marker in a continuation line: "1986. A good year") is paragraph text. An invisible entity in front
        // keeps cmark from reading it as a block; the `;` before the text counts as punctuation for emphasis,
        // as the start of a line would.
        static constexpr char kGuard[] = "&#8203;";
        prefix = int(sizeof(kGuard)) - 1;
        utf8.prepend(kGuard);
        doc = parse(utf8);
    }
    Walker(text, utf8, prefix, spans).walk(doc.get());
    return spans;
}

} // namespace inkwell::app
