#include "editor/previewrenderer.h"

#include "editor/previewdocument.h"
#include "markdown/markdown.h"

#include <QElapsedTimer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QThread>
#include <memory>
#include <numeric>

using namespace Qt::StringLiterals;

namespace inkwell::app::preview {

namespace {

// A paragraph put after every chunk while importing, so the blocks of each chunk can be counted; removed after.
const QString kMarkerText = u"\u2063inkwell-chunk\u2063"_s;
const QString kMarker = u"<p>"_s + kMarkerText + u"</p>\n"_s;
// The block before the first chunk: replacing chunk 0 then works like any other (after a block's end).
const QString kGuard = u"<p>x</p>\n"_s;
// Changed HTML (in characters) above which the preview swaps in a whole new document instead of replacing chunks.
constexpr qsizetype kWholeRenderAbove = 48 * 1024;

bool startsWithAny(QStringView line, std::initializer_list<QStringView> prefixes)
{
    for (QStringView p : prefixes) {
        if (line.startsWith(p))
            return true;
    }
    return false;
}

bool opensContainer(QStringView line)
{
    return startsWithAny(line, {u"<ul", u"<ol", u"<blockquote", u"<table", u"<section", u"<div", u"<details", u"<dl"});
}

bool closesContainer(QStringView line)
{
    return startsWithAny(
        line, {u"</ul>", u"</ol>", u"</blockquote>", u"</table>", u"</section>", u"</div>", u"</details>", u"</dl>"});
}

bool closesLeaf(QStringView line)
{
    if (line.endsWith(u"</p>") || line.endsWith(u"</pre>"))
        return true;
    return line.size() >= 5 && line.sliced(line.size() - 5).startsWith(u"</h") && line.endsWith(u'>') &&
           line[line.size() - 2].isDigit();
}

bool opensLeaf(QStringView line)
{
    return line.startsWith(u"<p>") || line.startsWith(u"<p ") || line.startsWith(u"<pre") ||
           (line.size() > 3 && line.startsWith(u"<h") && line[2].isDigit());
}

} // namespace

QList<Chunk> splitTopLevel(QStringView html)
{
    QList<Chunk> chunks;
    qsizetype chunkStart = 0;
    int depth = 0;
    bool inLeaf = false;
    qsizetype pos = 0;
    while (pos < html.size()) {
        const qsizetype newline = html.indexOf(u'\n', pos);
        const qsizetype lineEnd = newline < 0 ? html.size() : newline;
        const qsizetype next = newline < 0 ? html.size() : newline + 1;
        const QStringView line = html.sliced(pos, lineEnd - pos);
        bool boundary = false;
        if (depth > 0) {
            // Only a container's own tags move the depth: escaped code and text never start with '<'.
            if (opensContainer(line))
                ++depth;
            else if (closesContainer(line))
                --depth;
            boundary = depth == 0;
        } else if (inLeaf) {
            if (closesLeaf(line)) {
                inLeaf = false;
                boundary = true;
            }
        } else if (opensContainer(line)) {
            depth = closesContainer(line.sliced(line.lastIndexOf(u'<'))) ? 0 : 1;
            boundary = depth == 0;
        } else if (opensLeaf(line)) {
            boundary = closesLeaf(line);
            inLeaf = !boundary;
        } else if (line.startsWith(u"<hr") || (line.startsWith(u"<!--") && line.endsWith(u"-->"))) {
            boundary = true;
        }
        pos = next;
        if (boundary || pos >= html.size()) {
            chunks.append({chunkStart, pos - chunkStart});
            chunkStart = pos;
        }
    }
    return chunks;
}

QString previewHtml(QStringView html)
{
    if (!html.contains(u"<input") && !html.contains(u"<!--"))
        return html.toString();
    QString out;
    out.reserve(html.size());
    qsizetype pos = 0;
    for (;;) {
        const qsizetype input = html.indexOf(u"<input", pos);
        const qsizetype comment = html.indexOf(u"<!--", pos);
        if (input < 0 && comment < 0)
            break;
        if (comment >= 0 && (input < 0 || comment < input)) {
            // "<!-- raw HTML omitted -->": QTextDocument would also swallow the space after it.
            const qsizetype end = html.indexOf(u"-->", comment + 4);
            if (end < 0)
                break;
            out += html.sliced(pos, comment - pos);
            pos = end + 3;
            continue;
        }
        const qsizetype end = html.indexOf(u'>', input);
        if (end < 0)
            break;
        const QStringView tag = html.sliced(input, end + 1 - input);
        out += html.sliced(pos, input - pos);
        if (tag.contains(u"checkbox"))
            out += tag.contains(u"checked") ? u"\u2611 "_s : u"\u2610 "_s;
        pos = end + 1;
    }
    out += html.sliced(pos);
    return out;
}

void replaceAfter(QTextCursor &cursor, const QTextBlock &keep, int end, const QTextDocumentFragment &fragment)
{
    int start = keep.position() + keep.length() - 1;
    const bool standIn = keep.length() == 1 && end > start;
    cursor.beginEditBlock();
    if (standIn) {
        cursor.setPosition(start);
        cursor.insertText(u"x"_s);
        ++start;
        ++end;
    }
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    if (fragment.isEmpty())
        cursor.removeSelectedText();
    else
        cursor.insertFragment(fragment);
    if (standIn) {
        cursor.setPosition(start - 1);
        cursor.setPosition(start, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    cursor.endEditBlock();
}

RenderOutput render(const RenderInput &input, QThread *target)
{
    QElapsedTimer timer;
    timer.start();
    RenderOutput out;
    out.html = markdown::toHtml(input.markdown);
    out.chunks = splitTopLevel(out.html);
    const auto chunkText = [](const QString &html, const Chunk &c) {
        return QStringView(html).sliced(c.start, c.length);
    };

    const int count = int(out.chunks.size());
    int first = 0;
    int removed = 0;
    int added = count;
    if (!input.full) {
        const QList<Chunk> &previous = input.previousChunks;
        const int before = int(previous.size());
        while (first < count && first < before &&
               chunkText(out.html, out.chunks[first]) == chunkText(input.previousHtml, previous[first]))
            ++first;
        int tail = 0;
        while (tail < count - first && tail < before - first &&
               chunkText(out.html, out.chunks[count - 1 - tail]) ==
                   chunkText(input.previousHtml, previous[before - 1 - tail]))
            ++tail;
        removed = before - first - tail;
        added = count - first - tail;
        out.full = false;
        out.firstChanged = first;
        out.removedChunks = removed;
        if (removed == 0 && added == 0) {
            out.workerNanoseconds = timer.nsecsElapsed();
            return out;
        }
        // When most of a long article changed (a code fence opened or a closing fence edited: everything after
        // it is code now), a whole new document costs the GUI thread far less than putting the changed part into
        // the shown one: QTextDocument inserts a fragment at about 0.5 ms per 1,000 characters here, while
        // swapping documents costs a new layout of what is on screen.
        qsizetype changed = 0;
        for (int i = first; i < first + added; ++i)
            changed += out.chunks[i].length;
        if (changed > kWholeRenderAbove || (changed > kWholeRenderAbove / 4 && changed * 2 > out.html.size())) {
            first = 0;
            removed = 0;
            added = count;
            out.full = true;
            out.firstChanged = 0;
            out.removedChunks = 0;
        }
    }

    // Every chunk is followed by a marker, the last one too, so each chunk is imported between the same
    // neighbours in a whole render and in a partial one: what QTextDocument's importer makes of an element's end
    // depends on what follows it (after a table whose last cell is empty it adds no block of its own; a list
    // that ends with an empty item leaves an extra block at the end of a document).
    // One line break between elements: a blank line between two paragraphs becomes a space at the end of the
    // first (an empty chunk, such as an omitted raw HTML block, would otherwise change the marker before it).
    QString source = kGuard;
    for (int i = first; i < first + added; ++i) {
        const QString chunk = previewHtml(chunkText(out.html, out.chunks[i]).trimmed());
        if (!chunk.isEmpty())
            source += chunk + u'\n';
        source += kMarker;
    }
    source.chop(1); // nor may the last marker end with one

    auto document = std::make_unique<PreviewDocument>();
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(input.font);
    document->setDefaultStyleSheet(input.css);
    document->setHtml(source);

    // Count each chunk's blocks, then take the markers out (last first, so earlier positions stay put).
    QList<int> markers;
    int blocks = 0;
    for (QTextBlock block = document->firstBlock().next(); block.isValid(); block = block.next()) {
        if (block.text() == kMarkerText) {
            out.blockCounts.append(blocks);
            markers.append(block.blockNumber());
            blocks = 0;
        } else {
            ++blocks;
        }
    }
    QTextCursor cursor(document.get());
    for (qsizetype i = markers.size() - 1; i >= 0; --i) {
        const QTextBlock marker = document->findBlockByNumber(markers[i]);
        const int markerEnd = marker.position() + marker.length() - 1;
        const QTextBlock previous = marker.previous();
        if (document->frameAt(previous.position()) == document->frameAt(marker.position())) {
            replaceAfter(cursor, previous, markerEnd, {});
            continue;
        }
        // The chunk ends with a table and the importer put the marker right after it: a table (a frame) is
        // always followed by a block, so the marker becomes that block, empty and formatted as the importer
        // formats the block it adds after a table, and the chunk's last block. Removing it would take the block
        // break at the table's end, and with it the table.
        cursor.setPosition(marker.position());
        cursor.setPosition(markerEnd, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        cursor.setBlockFormat(QTextBlockFormat());
        ++out.blockCounts[i];
    }

    if (blocks > 0 || out.blockCounts.size() != added) {
        // A chunk swallowed its marker (HTML the splitter misjudged), or blocks were left after the last one: fall
        // back to a whole render.
        if (!input.full) {
            RenderInput whole = input;
            whole.full = true;
            return render(whole, target);
        }
        out.blockCounts.clear(); // the preview will render in full each time
    }

    if (out.full) {
        // The guard block stays as an empty line of no height above the first chunk.
        QTextCursor guard(document->firstBlock());
        guard.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        guard.removeSelectedText();
        QTextBlockFormat format;
        format.setTopMargin(0);
        format.setBottomMargin(0);
        format.setLineHeight(1, QTextBlockFormat::FixedHeight);
        guard.setBlockFormat(format);
    }

    document->moveToThread(target);
    out.document = document.release();
    out.workerNanoseconds = timer.nsecsElapsed();
    return out;
}

} // namespace inkwell::app::preview
