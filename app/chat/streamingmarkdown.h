#pragma once

#include "markdownblocksplitter.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QTextDocument>

namespace inkwell::app {

/**
 * @brief Shows Markdown that is still growing in a QTextDocument, doing work in proportion to what changed.
 *
 * Rendering a whole 4,000-token answer again on every delta (core's renderer, then QTextDocument::setHtml and a
 * layout of every line) costs about 25 ms: far too much at 30 updates a second. Here, each call splits the source
 * with MarkdownBlockSplitter: blocks that can no longer change are rendered (markdown::toHtml) and inserted into
 * the document once; only the tail after them — usually one paragraph — is rendered again and replaces the
 * previous tail. QTextDocument lays out only the blocks an edit touched, so an update costs about the size of the
 * tail, whatever the length of the answer.
 *
 * Code blocks become a tinted one-cell-wide table with a header row holding the language and a "Copy" link whose
 * href is `inkwell-copy:N` (N counts the message's code blocks from 0); codeBlock(N) is that block's text.
 */
class StreamingMarkdown {
public:
    /// @brief Colours and words of the generated HTML.
    struct Style {
        QColor codeBackground;
        QColor codeHeader;
        QString copyLabel;
    };
    /// @brief A light style with an English "Copy".
    static Style defaultStyle();

    /// @brief Renders into @p document (not owned), which it clears.
    explicit StreamingMarkdown(QTextDocument *document, Style style = defaultStyle());

    /// @brief Shows @p source. When it extends the source shown before, only the changed tail is rendered again;
    /// anything else renders from scratch.
    void showMarkdown(const QString &source);
    /// @brief The Markdown shown.
    const QString &markdown() const { return m_source; }
    /// @brief Renders the whole source again in one go (e.g. after the style changed).
    void rebuild();
    /// @brief Changes the colours; takes effect with rebuild().
    void setStyle(const Style &style) { m_style = style; }

    /// @brief Number of code blocks shown.
    qsizetype codeBlockCount() const { return m_stableCode.size() + m_tailCode.size(); }
    /// @brief The text of code block @p index (without the fence), or an empty string.
    QString codeBlock(qsizetype index) const;
    /// @brief The code block index of an `inkwell-copy:N` link, or -1.
    static qsizetype codeBlockOfLink(const QString &href);

    /// @brief The code block index at document position @p position (inside a code block's table), or -1.
    qsizetype codeBlockAt(int position) const;

    /// @brief Source offset up to which the document holds blocks that are no longer rendered again.
    qsizetype stableLength() const { return m_stableEnd; }

    /// @brief Empties the document and forgets the source.
    void clear();

private:
    void removeTail();
    /// Appends a rendered part; @p afterTable: what comes before it ends with a table. Returns whether the part
    /// ends with one.
    bool append(const QString &html, bool afterTable);
    /// cmark's HTML with each code block made a table; their texts are appended to @p codeBlocks, numbered from
    /// @p firstIndex.
    QString render(QStringView markdown, qsizetype firstIndex, QStringList &codeBlocks) const;

    QTextDocument *m_document;
    QTextDocument m_part; // each part is parsed here first; kept, so its style sheet is parsed once
    Style m_style;
    MarkdownBlockSplitter m_splitter;
    QString m_source;
    qsizetype m_stableEnd = 0; // source offset rendered into the stable part
    bool m_stableEndsWithTable = false;
    int m_tailStart = 0;      // document position of the tail's first block
    QStringList m_stableCode; // code blocks of the stable part
    QStringList m_tailCode;   // code blocks of the tail
};

} // namespace inkwell::app
