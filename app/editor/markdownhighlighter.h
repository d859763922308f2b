#pragma once

#include "editor/markdownlinescanner.h"
#include "theme/themecolors.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTextCursor>
#include <functional>

namespace inkwell::app {

class SpellDictionary;

/// @brief Colours Markdown as it is typed, and underlines misspelled words in the same pass.
///
/// Each line is classified by scanLine() from the previous line's state (kept in QTextBlock::userState) and
/// the next line's text; its inline text is parsed by cmark (parseInlines()). QSyntaxHighlighter
/// rehighlights a changed line and continues only while the following lines' states change, so a keystroke
/// costs one or two lines however long the document is. When a line's text changes what the line above it is
/// (a setext underline, a table delimiter row), the line above is rehighlighted right after.
///
/// Spelling is checked in highlightBlock() too, so the Markdown formats and the underlines never overwrite
/// each other; code, URLs, autolinks, link destinations, e-mail addresses, raw HTML and words with digits are
/// never checked.
class MarkdownHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit MarkdownHighlighter(QTextDocument *document);
    ~MarkdownHighlighter() override;

    void setColors(const EditorColors &colors);
    const EditorColors &colors() const { return m_colors; }
    /// @brief The size headings are scaled from (the editor's font); rehighlights.
    void setBaseFont(const QFont &font);

    /// @brief Checks spelling with @p dictionary (nullptr: off); rehighlights.
    void setDictionary(SpellDictionary *dictionary);
    SpellDictionary *dictionary() const;

    /// @brief Where the user is typing (-1 if not): a word ending exactly there is not flagged until the cursor
    /// moves away, so a word is not marked wrong while it is being written.
    void setTypingPositionProvider(std::function<int()> provider) { m_typingPosition = std::move(provider); }
    /// @brief Tells the highlighter the cursor moved; rechecks a word whose check was put off.
    void cursorMoved(int position);

    /// @brief The block state of @p block as scanned (LineState::fromInt of its userState).
    static LineState stateOf(const QTextBlock &block);
    /// @brief The misspelled words of @p block, in block coordinates.
    static QList<LineRange> misspellingsOf(const QTextBlock &block);

    /// @brief Number of highlightBlock() calls so far (diagnostics and tests).
    quint64 highlightCount() const { return m_highlightCount; }

Q_SIGNALS:
    /// @brief A heading line was highlighted, or a line stopped being a heading.
    void headingsChanged();

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat formatFor(quint32 flags);
    void checkSpelling(const QString &text, QVarLengthArray<quint32, 256> &flags);
    void scheduleRehighlight(const QTextBlock &block);
    void rehighlightPending();
    void recheckWord(const QString &word);

    EditorColors m_colors;
    QString m_monospaceFamily;
    qreal m_basePointSize = 11;
    QHash<quint32, QTextCharFormat> m_formats;
    QPointer<SpellDictionary> m_dictionary;
    std::function<int()> m_typingPosition;
    QTextCursor m_deferredWord;
    QList<QTextCursor> m_pending;
    quint64 m_highlightCount = 0;
};

} // namespace inkwell::app
