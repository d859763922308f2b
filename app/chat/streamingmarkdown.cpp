#include "streamingmarkdown.h"

#include "markdown/markdown.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

const QString kCopyScheme = u"inkwell-copy:"_s;

/// Marks the separator blocks (see makeSeparator()) in their block format.
constexpr int kSeparatorProperty = QTextFormat::UserProperty + 0x1a1;

/// Makes @p block an empty separator: the block between the stable part and the tail, and the empty blocks Qt's
/// HTML import puts around tables. It cannot be hidden (QTextDocumentLayout then skips drawing the tables after a
/// hidden block, Qt 6.4), so it is one pixel high.
void makeSeparator(QTextBlock block)
{
    QTextCursor cursor(block);
    QTextBlockFormat format;
    format.setLineHeight(1, QTextBlockFormat::FixedHeight);
    format.setTopMargin(0);
    format.setBottomMargin(0);
    format.setProperty(kSeparatorProperty, true);
    cursor.setBlockFormat(format);
    QTextCharFormat chars;
    chars.setFontPointSize(1);
    cursor.setBlockCharFormat(chars);
}

bool isSeparatorCandidate(const QTextBlock &block)
{
    return block.length() == 1 && !block.textList() && !QTextCursor(block).currentTable() &&
           !block.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
}

QString unescapeHtml(QStringView text)
{
    QString out = text.toString();
    out.replace(u"&lt;"_s, u"<"_s);
    out.replace(u"&gt;"_s, u">"_s);
    out.replace(u"&quot;"_s, u"\""_s);
    out.replace(u"&amp;"_s, u"&"_s); // last: "&amp;lt;" is the text "&lt;"
    return out;
}

/// Qt 6.4's HTML import ignores `<ol start="N">` (QTextListFormat has no start before 6.6), so a list that goes on
/// after a code block would count from 1 again. Such a list becomes an unmarked list whose items carry their
/// numbers as text.
QString numberContinuedLists(QString html)
{
    const QString openTag = u"<ol start=\""_s;
    qsizetype pos = 0;
    while ((pos = html.indexOf(openTag, pos)) >= 0) {
        const qsizetype quote = html.indexOf(u'"', pos + openTag.size());
        const qsizetype tagEnd = quote < 0 ? -1 : html.indexOf(u'>', quote);
        if (tagEnd < 0)
            break;
        int number = QStringView(html).sliced(pos + openTag.size(), quote - pos - openTag.size()).toInt();
        const QString replacement = u"<ul style=\"list-style-type: none;\">"_s;
        html.replace(pos, tagEnd - pos + 1, replacement);
        qsizetype at = pos + replacement.size();
        int depth = 1;
        while (depth > 0) {
            at = html.indexOf(u'<', at);
            if (at < 0)
                break;
            const QStringView tag = QStringView(html).sliced(at);
            if (tag.startsWith(u"<ol") || tag.startsWith(u"<ul")) {
                ++depth;
            } else if (tag.startsWith(u"</ul>")) {
                --depth;
            } else if (tag.startsWith(u"</ol>")) {
                if (--depth == 0) {
                    html.replace(at, 5, u"</ul>"_s);
                    break;
                }
            } else if (depth == 1 && tag.startsWith(u"<li>")) {
                qsizetype textAt = at + 4;
                while (textAt < html.size() && html.at(textAt) == u'\n')
                    ++textAt;
                if (QStringView(html).sliced(textAt).startsWith(u"<p>"))
                    textAt += 3;
                const QString label = QString::number(number++) + u". "_s;
                html.insert(textAt, label);
                at = textAt + label.size();
                continue;
            }
            ++at;
        }
        pos += replacement.size();
    }
    return html;
}

} // namespace

StreamingMarkdown::Style StreamingMarkdown::defaultStyle()
{
    return {QColor(0xf3, 0xf1, 0xec), QColor(0x77, 0x70, 0x66), u"Copy"_s};
}

StreamingMarkdown::StreamingMarkdown(QTextDocument *document, Style style)
    : m_document(document)
    , m_style(std::move(style))
{
    clear();
}

void StreamingMarkdown::clear()
{
    m_document->clear();
    makeSeparator(m_document->begin());
    m_splitter.reset();
    m_source.clear();
    m_stableEnd = 0;
    m_stableEndsWithTable = false;
    m_tailStart = 0;
    m_stableCode.clear();
    m_tailCode.clear();
}

void StreamingMarkdown::rebuild()
{
    const QString source = m_source;
    clear();
    showMarkdown(source);
}

void StreamingMarkdown::showMarkdown(const QString &source)
{
    if (source == m_source && !source.isEmpty())
        return;
    // An empty m_source may stand for a document that shows something else (MessageBody's plain text): start over.
    if (!source.startsWith(m_source) || source.isEmpty() || m_source.isEmpty())
        clear();
    m_source = source;
    if (source.isEmpty())
        return;

    QTextCursor edit(m_document);
    edit.beginEditBlock(); // one contentsChange and one layout pass for the whole update
    removeTail();
    const qsizetype stableEnd = m_splitter.update(m_source);
    if (stableEnd > m_stableEnd) {
        m_stableEndsWithTable =
            append(render(QStringView(m_source).sliced(m_stableEnd, stableEnd - m_stableEnd), 0, m_stableCode),
                   m_stableEndsWithTable);
        m_stableEnd = stableEnd;
        // The tail starts in a separator block of its own.
        QTextCursor end(m_document);
        end.movePosition(QTextCursor::End);
        if (end.block().length() > 1)
            end.insertBlock(QTextBlockFormat(), QTextCharFormat());
        makeSeparator(end.block());
        m_tailStart = end.block().position();
    }
    m_tailCode.clear();
    if (m_stableEnd < m_source.size())
        append(render(QStringView(m_source).sliced(m_stableEnd), m_stableCode.size(), m_tailCode),
               m_stableEndsWithTable);
    edit.endEditBlock();
}

void StreamingMarkdown::removeTail()
{
    QTextCursor cursor(m_document);
    cursor.setPosition(m_tailStart);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    QTextBlock block = m_document->findBlock(m_tailStart);
    if (QTextList *list = block.textList())
        list->remove(block);
    makeSeparator(block);
}

bool StreamingMarkdown::append(const QString &html, bool afterTable)
{
    // The part is parsed on its own, and everything that depends on where tables are is decided there: the edited
    // document brings its frames up to date only when its edit block ends, so QTextCursor::currentTable() is not to
    // be trusted in it before. Qt's HTML import puts an empty block before a table that starts a document and
    // after every table; those become separators (one pixel), so a code block has no blank line around it.
    QTextDocument &part = m_part;
    if (part.defaultFont() != m_document->defaultFont())
        part.setDefaultFont(m_document->defaultFont());
    if (part.defaultStyleSheet() != m_document->defaultStyleSheet())
        part.setDefaultStyleSheet(m_document->defaultStyleSheet()); // parsing CSS is a tenth of a render
    part.setHtml(html);
    if (part.isEmpty())
        return afterTable;
    for (QTextBlock block = part.begin(); block.isValid(); block = block.next()) {
        if (isSeparatorCandidate(block))
            makeSeparator(block);
    }
    const QTextBlock first = part.begin();
    // A part that starts with a list keeps the separator above it, and margins do not collapse across it: the list
    // gives up as much of its top margin as the block before has below (after a table, which has none, it keeps
    // all of it).
    if (first.textList() && !afterTable) {
        qreal above = 0;
        for (QTextBlock block = m_document->lastBlock(); block.isValid(); block = block.previous()) {
            if (!block.blockFormat().hasProperty(kSeparatorProperty)) {
                above = block.blockFormat().bottomMargin();
                break;
            }
        }
        QTextBlockFormat item = first.blockFormat();
        item.setTopMargin(std::max<qreal>(0, item.topMargin() - above));
        QTextCursor(first).setBlockFormat(item);
    }
    QTextBlock last = part.lastBlock();
    while (last.isValid() && last.blockFormat().hasProperty(kSeparatorProperty))
        last = last.previous();
    const bool endsWithTable = last.isValid() && QTextCursor(last).currentTable();
    // An inserted fragment's first paragraph merges into the (empty) block at the insertion point and would take
    // that block's format, so the format is copied over from the part.
    const bool mergesFirst = !first.textList() && !QTextCursor(first).currentTable();

    QTextCursor cursor(m_document);
    cursor.movePosition(QTextCursor::End);
    const int start = cursor.block().position();
    cursor.insertFragment(QTextDocumentFragment(&part));
    if (mergesFirst) {
        QTextCursor merged(m_document->findBlock(start));
        merged.setBlockFormat(first.blockFormat());
        merged.setBlockCharFormat(first.charFormat());
    }
    return endsWithTable;
}

QString StreamingMarkdown::render(QStringView markdown, qsizetype firstIndex, QStringList &codeBlocks) const
{
    QString html = markdown::toHtml(markdown);
    if (html.contains(u"<ol start=\""_s))
        html = numberContinuedLists(std::move(html));
    // The line break after the last element would become a space at the end of the part's last block.
    while (html.endsWith(u'\n'))
        html.chop(1);
    const QString background = m_style.codeBackground.name();
    const QString header = m_style.codeHeader.name();
    QString out;
    out.reserve(html.size() + 256);
    qsizetype pos = 0;
    while (true) {
        const qsizetype start = html.indexOf(u"<pre><code"_s, pos);
        if (start < 0)
            break;
        const qsizetype tagEnd = html.indexOf(u'>', start + 10);
        const qsizetype close = tagEnd < 0 ? -1 : html.indexOf(u"</code></pre>"_s, tagEnd);
        if (close < 0)
            break;
        out += QStringView(html).sliced(pos, start - pos);
        const QStringView attributes = QStringView(html).sliced(start + 10, tagEnd - start - 10);
        QString language;
        if (const qsizetype at = attributes.indexOf(u"class=\"language-"_s); at >= 0) {
            const qsizetype from = at + 16;
            const qsizetype to = attributes.indexOf(u'"', from);
            language = attributes.sliced(from, (to < 0 ? attributes.size() : to) - from).toString(); // still escaped
        }
        QStringView code = QStringView(html).sliced(tagEnd + 1, close - tagEnd - 1);
        if (code.endsWith(u'\n'))
            code.chop(1);
        const qsizetype index = firstIndex + codeBlocks.size();
        codeBlocks.append(unescapeHtml(code));
        out += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" bgcolor=\""_s + background +
               u"\"><tr><td><span style=\"color:"_s + header + u"; font-size:small;\">"_s + language +
               u"</span></td><td align=\"right\"><a href=\""_s + kCopyScheme + QString::number(index) +
               u"\" style=\"color:"_s + header + u"; text-decoration:none; font-size:small;\">"_s +
               m_style.copyLabel.toHtmlEscaped() + u"</a></td></tr><tr><td colspan=\"2\"><pre>"_s + code +
               u"</pre></td></tr></table>"_s;
        pos = close + 13;
    }
    out += QStringView(html).sliced(pos);
    return out;
}

QString StreamingMarkdown::codeBlock(qsizetype index) const
{
    if (index < 0)
        return {};
    if (index < m_stableCode.size())
        return m_stableCode.at(index);
    return m_tailCode.value(index - m_stableCode.size());
}

qsizetype StreamingMarkdown::codeBlockOfLink(const QString &href)
{
    if (!href.startsWith(kCopyScheme))
        return -1;
    bool ok = false;
    const qsizetype index = QStringView(href).sliced(kCopyScheme.size()).toLongLong(&ok);
    return ok && index >= 0 ? index : -1;
}

qsizetype StreamingMarkdown::codeBlockAt(int position) const
{
    QTextCursor cursor(m_document);
    cursor.setPosition(std::clamp(position, 0, m_document->characterCount() - 1));
    QTextTable *table = cursor.currentTable();
    if (!table || table->rows() < 2 || table->columns() < 2)
        return -1;
    // The header row's second cell holds the copy link.
    const QTextTableCell cell = table->cellAt(0, 1);
    for (QTextBlock block = cell.firstCursorPosition().block(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (const qsizetype index = codeBlockOfLink(href); index >= 0)
                return index;
        }
        if (block.position() >= cell.lastPosition())
            break;
    }
    return -1;
}

} // namespace inkwell::app
