#pragma once

#include <QFont>
#include <QList>
#include <QString>

class QTextBlock;
class QTextCursor;
class QTextDocument;
class QTextDocumentFragment;
class QThread;

/// @file
/// The preview's off-thread half: Markdown → core's safe HTML → QTextDocument content, rebuilding only the
/// top-level blocks (paragraphs, lists, tables, …) whose HTML changed since the last render.
///
/// The preview document is made of the top-level HTML chunks in order, after one empty guard block; each chunk
/// was imported between the same neighbours (a marker paragraph on either side), so the number of QTextBlocks
/// each chunk became is known and does not depend on where the chunk is, and a changed run of chunks maps to a
/// run of blocks. Every chunk's blocks end with a top-level block: a table (a QTextFrame) at a chunk's end is
/// followed by the empty block QTextDocument keeps after every frame, and that block belongs to the chunk, so
/// a replaced run never starts or ends inside a table. QTextDocument is reentrant, not thread-safe: the worker
/// builds documents nobody else sees and moves them to the GUI thread when done.

namespace inkwell::app::preview {

/// @brief One top-level element of the HTML: `[start, start + length)` of the HTML string.
struct Chunk {
    qsizetype start = 0;
    qsizetype length = 0;
};

/// @brief The top-level elements of cmark's HTML output (which starts every top-level element on a new line).
/// Concatenated they give the whole HTML.
QList<Chunk> splitTopLevel(QStringView html);

/// @brief What the worker gets: its own copies of everything (implicitly shared, never written).
struct RenderInput {
    QString markdown;
    QString css;
    QFont font;
    bool full = true;     ///< rebuild everything (first render, new style, or out of step)
    QString previousHtml; ///< the HTML the preview shows now
    QList<Chunk> previousChunks;
};

/// @brief What the worker gives back. The document (owned by the receiver, living in the requested thread)
/// is the whole preview document when @c full, else the replacement for chunks
/// `[firstChanged, firstChanged + removedChunks)`: a guard block followed by the new chunks' blocks.
struct RenderOutput {
    QString html;        ///< core's HTML of the whole text (before the preview's own touches)
    QList<Chunk> chunks; ///< chunks of @c html
    bool full = true;
    int firstChanged = 0;
    int removedChunks = 0;
    QList<int> blockCounts;            ///< blocks of every chunk (full) or of the new chunks (incremental)
    QTextDocument *document = nullptr; ///< nullptr when nothing changed
    qint64 workerNanoseconds = 0;
};

/// @brief Renders @p input; the result's document is moved to @p target. Runs on any thread.
RenderOutput render(const RenderInput &input, QThread *target);

/// @brief Replaces the text from the end of block @p keep to position @p end (the block breaks in between
/// included) with @p fragment, or removes it when @p fragment is empty, so that @p keep stays the block it was:
/// its block format (a horizontal rule is one), its list and its character format.
///
/// QTextDocument removes a block break by merging the two blocks into the first, unless the first is empty: then
/// it drops the empty block and keeps the second, with the second's format. The block after a table and a
/// horizontal rule are empty blocks, so a plain removal would turn them into whatever block came next. A
/// stand-in character keeps @p keep non-empty while the rest goes.
void replaceAfter(QTextCursor &cursor, const QTextBlock &keep, int end, const QTextDocumentFragment &fragment);

/// @brief The preview's HTML for @p html: task-list check boxes become ☐ / ☑ (QTextDocument has no form
/// controls).
QString previewHtml(QStringView html);

} // namespace inkwell::app::preview
