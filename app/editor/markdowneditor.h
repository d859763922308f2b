#pragma once

#include "theme/themecolors.h"

#include <QHash>
#include <QList>
#include <QPlainTextEdit>
#include <QPointer>

class QMenu;

namespace inkwell::app {

class MarkdownHighlighter;
class SpellChecker;

/// @brief The Markdown editor: a QPlainTextEdit with highlighting, spell checking, writing helpers, a centred
/// text column and focus mode.
///
/// Opening and saving: loadText() replaces the text and clears undo (a new article). Saving reads text() and
/// then calls markSaved(), which only clears the modified flag: saving never changes the document, so undo
/// and redo survive any number of saves.
///
/// Writing helpers (all one undo step each): Enter continues a list item or quote and ends the list on an
/// empty item; Tab / Shift+Tab indent and outdent list items; Ctrl+B and Ctrl+I wrap the selection in `**` and
/// `*` (or unwrap it); Ctrl+Shift+K inserts a link. Ctrl+K is left to the window (the chat panel's "new
/// conversation"): the editor does not claim it, although QPlainTextEdit would delete to the end of the line.
class MarkdownEditor : public QPlainTextEdit {
    Q_OBJECT
    Q_PROPERTY(bool focusMode READ focusMode WRITE setFocusMode NOTIFY focusModeChanged)
public:
    /// @brief Extra-selection layers; the editor shows them together (focus dimming under find matches).
    enum class SelectionLayer { Focus, Find };

    explicit MarkdownEditor(QWidget *parent = nullptr);
    ~MarkdownEditor() override;

    /// @brief Replaces the text with @p markdown, clears undo/redo and the modified flag, puts the cursor at the
    /// start. For opening an article.
    void loadText(const QString &markdown);
    /// @brief The Markdown text (the document's plain text). Reading it changes nothing.
    QString text() const { return toPlainText(); }
    /// @brief Call after the text was saved: clears the modified flag and nothing else (undo stays).
    void markSaved();

    MarkdownHighlighter *highlighter() const { return m_highlighter; }

    /// @brief The dictionaries to use (default SpellChecker::shared()). Call before setSpellLanguage().
    void setSpellChecker(SpellChecker *checker);
    /// @brief Checks spelling in @p language (`en_US`, `de-DE`, `de`); empty turns checking off. The article's
    /// language, set when it is opened. If no dictionary fits, checking is off.
    void setSpellLanguage(const QString &language);
    QString spellLanguage() const { return m_spellLanguage; }
    /// @brief The dictionary language in use (`de_DE`), or empty when spelling is off.
    QString activeSpellLanguage() const;

    /// @brief Focus mode: dims everything but the paragraph with the cursor. The window decides what else
    /// distraction-free means (hiding panels, full screen).
    bool focusMode() const { return m_focusMode; }
    void setFocusMode(bool on);

    void setColors(const EditorColors &colors);
    const EditorColors &colors() const { return m_colors; }
    /// @brief Font of the text (headings scale from it).
    void setEditorFont(const QFont &font);
    /// @brief The widest the text column gets, in pixels; wider windows get wider side margins. Default: about
    /// 80 average characters of the editor font.
    void setMaximumTextWidth(int pixels);
    int maximumTextWidth() const { return m_maximumTextWidth; }

    /// @brief Sets one layer of extra selections (find matches, focus dimming), keeping the others.
    void setExtraSelectionLayer(SelectionLayer layer, const QList<QTextEdit::ExtraSelection> &selections);

    /// @brief The context menu for document position @p position: spelling suggestions, "Add to Dictionary" and
    /// "Ignore" on a misspelled word, then the standard edit actions. The caller owns the menu.
    QMenu *createContextMenuAt(int position, const QPoint &viewportPos = {});

    /// @brief Moves the cursor to the start of block @p blockNumber, scrolls it into view and focuses.
    void goToBlock(int blockNumber);

public Q_SLOTS:
    void toggleStrong();
    void toggleEmphasis();
    void insertLink();
    void indentListItems();
    void outdentListItems();

Q_SIGNALS:
    void focusModeChanged(bool on);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool continueListOnEnter();
    bool changeListIndent(bool indent);
    void toggleWrap(const QString &marker);
    void updateFocusSelections();
    void updateTextColumn();
    void applyExtraSelections();
    QString textBetween(int from, int to) const;

    MarkdownHighlighter *m_highlighter = nullptr;
    QPointer<SpellChecker> m_spellChecker;
    QString m_spellLanguage;
    EditorColors m_colors;
    bool m_focusMode = false;
    bool m_loading = false;
    int m_maximumTextWidth = 0; // 0: from the font
    QHash<int, QList<QTextEdit::ExtraSelection>> m_layers;
};

} // namespace inkwell::app
