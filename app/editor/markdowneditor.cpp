#include "editor/markdowneditor.h"

#include "editor/listediting.h"
#include "editor/markdownhighlighter.h"
#include "spelling/spellchecker.h"
#include "spelling/spelldictionary.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

constexpr int kMinimumSideMargin = 24;
constexpr int kColumnCharacters = 80;
constexpr int kMaxSuggestions = 6;

bool isShortcut(const QKeyEvent *event, QKeyCombination combination)
{
    return event->keyCombination() == combination;
}

const QKeyCombination kStrongKey(Qt::ControlModifier, Qt::Key_B);
const QKeyCombination kEmphasisKey(Qt::ControlModifier, Qt::Key_I);
const QKeyCombination kLinkKey(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_K);
const QKeyCombination kChatKey(Qt::ControlModifier, Qt::Key_K); // the window's (chat: new conversation)

bool looksLikeUrl(const QString &text)
{
    return text.startsWith(u"http://"_s) || text.startsWith(u"https://"_s) || text.startsWith(u"www."_s) ||
           text.startsWith(u"mailto:"_s);
}

bool continuesParagraph(const QTextBlock &block)
{
    const LineState state = MarkdownHighlighter::stateOf(block);
    return block.previous().isValid() && state.kind == LineKind::Paragraph && !state.listItemStart &&
           MarkdownHighlighter::stateOf(block.previous()).kind == LineKind::Paragraph;
}

} // namespace

MarkdownEditor::MarkdownEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_spellChecker(nullptr)
    , m_colors(EditorColors::forTheme(false))
{
    setObjectName(u"markdownEditor"_s);
    setAccessibleName(tr("Article text"));
    setPlaceholderText(tr("Write in Markdown…"));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabChangesFocus(false);
    setCursorWidth(2);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);

    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPointSizeF(std::max<qreal>(font.pointSizeF(), 12.0));
    font.setStyleStrategy(QFont::PreferAntialias);
    setFont(font);

    m_highlighter = new MarkdownHighlighter(document());
    m_highlighter->setObjectName(u"markdownHighlighter"_s);
    m_highlighter->setBaseFont(font);
    m_highlighter->setTypingPositionProvider(
        [this] { return !m_loading && hasFocus() ? textCursor().position() : -1; });

    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        m_highlighter->cursorMoved(textCursor().position());
        if (m_focusMode)
            updateFocusSelections();
    });
    setColors(m_colors);
    updateTextColumn();
}

MarkdownEditor::~MarkdownEditor() = default;

void MarkdownEditor::loadText(const QString &markdown)
{
    m_loading = true;
    setPlainText(markdown); // resets undo/redo
    m_loading = false;
    document()->setModified(false);
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::Start);
    setTextCursor(cursor);
    if (m_focusMode)
        updateFocusSelections();
}

void MarkdownEditor::markSaved()
{
    document()->setModified(false);
}

void MarkdownEditor::setSpellChecker(SpellChecker *checker)
{
    m_spellChecker = checker;
    if (!m_spellLanguage.isEmpty())
        setSpellLanguage(m_spellLanguage);
}

void MarkdownEditor::setSpellLanguage(const QString &language)
{
    m_spellLanguage = language;
    SpellDictionary *dictionary = nullptr;
    if (!language.trimmed().isEmpty()) {
        SpellChecker *checker = m_spellChecker ? m_spellChecker.data() : SpellChecker::shared();
        dictionary = checker->dictionary(language);
    }
    m_highlighter->setDictionary(dictionary);
}

QString MarkdownEditor::activeSpellLanguage() const
{
    return m_highlighter->dictionary() ? m_highlighter->dictionary()->language() : QString();
}

void MarkdownEditor::setFocusMode(bool on)
{
    if (m_focusMode == on)
        return;
    m_focusMode = on;
    if (on)
        updateFocusSelections();
    else
        setExtraSelectionLayer(SelectionLayer::Focus, {});
    Q_EMIT focusModeChanged(on);
}

void MarkdownEditor::updateFocusSelections()
{
    // The current paragraph: the cursor's line and the lines of the same paragraph around it.
    QTextBlock first = textCursor().block();
    while (continuesParagraph(first))
        first = first.previous();
    QTextBlock last = textCursor().block();
    while (last.next().isValid() && continuesParagraph(last.next()))
        last = last.next();

    const int start = first.position();
    const int end = last.position() + last.length() - 1;
    // The selections' cursors move with the text, so while the cursor stays in its paragraph they are still
    // right: setting them again would only repaint the whole viewport on every keystroke.
    const QList<QTextEdit::ExtraSelection> &current = m_layers[int(SelectionLayer::Focus)];
    const int currentStart =
        !current.isEmpty() && current.first().cursor.selectionStart() == 0 ? current.first().cursor.selectionEnd() : 0;
    const int currentEnd = !current.isEmpty() && current.last().cursor.selectionStart() > 0
                               ? current.last().cursor.selectionStart()
                               : document()->characterCount() - 1;
    if (!current.isEmpty() && currentStart == start && currentEnd == end &&
        current.first().format.foreground().color() == m_colors.focusDim)
        return;

    QList<QTextEdit::ExtraSelection> dimmed;
    QTextCharFormat format;
    format.setForeground(m_colors.focusDim);
    if (start > 0) {
        QTextEdit::ExtraSelection before{QTextCursor(document()), format};
        before.cursor.setPosition(0);
        before.cursor.setPosition(start, QTextCursor::KeepAnchor);
        dimmed.append(before);
    }
    const int documentEnd = document()->characterCount() - 1;
    if (end < documentEnd) {
        QTextEdit::ExtraSelection after{QTextCursor(document()), format};
        after.cursor.setPosition(end);
        after.cursor.setPosition(documentEnd, QTextCursor::KeepAnchor);
        dimmed.append(after);
    }
    if (dimmed.isEmpty() && current.isEmpty())
        return;
    setExtraSelectionLayer(SelectionLayer::Focus, dimmed);
}

void MarkdownEditor::setExtraSelectionLayer(SelectionLayer layer, const QList<QTextEdit::ExtraSelection> &selections)
{
    m_layers.insert(int(layer), selections);
    applyExtraSelections();
}

void MarkdownEditor::applyExtraSelections()
{
    QList<QTextEdit::ExtraSelection> all;
    for (SelectionLayer layer : {SelectionLayer::Focus, SelectionLayer::Find})
        all += m_layers.value(int(layer));
    setExtraSelections(all);
}

void MarkdownEditor::setColors(const EditorColors &colors)
{
    m_colors = colors;
    QPalette p = palette();
    p.setColor(QPalette::Base, colors.background);
    p.setColor(QPalette::Window, colors.background); // the side margins around the text column
    p.setColor(QPalette::Text, colors.text);
    p.setColor(QPalette::PlaceholderText, colors.markup);
    setPalette(p);
    setAutoFillBackground(true);
    m_highlighter->setColors(colors);
    if (m_focusMode)
        updateFocusSelections();
}

void MarkdownEditor::setEditorFont(const QFont &font)
{
    setFont(font);
    m_highlighter->setBaseFont(font);
    updateTextColumn();
}

void MarkdownEditor::setMaximumTextWidth(int pixels)
{
    m_maximumTextWidth = std::max(0, pixels);
    updateTextColumn();
}

void MarkdownEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateTextColumn();
}

void MarkdownEditor::updateTextColumn()
{
    // The column grows with the window up to the maximum, then the side margins take the rest, evenly.
    const int maximum = m_maximumTextWidth > 0 ? m_maximumTextWidth
                                               : fontMetrics().averageCharWidth() * kColumnCharacters +
                                                     2 * int(document()->documentMargin());
    const int scrollBar = verticalScrollBar()->isVisible() ? verticalScrollBar()->width() : 0;
    const int available = width() - 2 * frameWidth() - scrollBar;
    const int side = std::max(kMinimumSideMargin, (available - maximum) / 2);
    const QMargins margins(side, 0, side, 0);
    // The viewport's resize reaches resizeEvent() too (QAbstractScrollArea forwards it): the text is laid out
    // again for the new column.
    if (viewportMargins() != margins)
        setViewportMargins(margins);
}

bool MarkdownEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isShortcut(key, kChatKey)) {
            // QPlainTextEdit claims Ctrl+K (delete to end of line on X11); the window's action gets it.
            event->ignore();
            return true;
        }
        if (isShortcut(key, kStrongKey) || isShortcut(key, kEmphasisKey) || isShortcut(key, kLinkKey)) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void MarkdownEditor::keyPressEvent(QKeyEvent *event)
{
    if (isShortcut(event, kStrongKey)) {
        toggleStrong();
        return;
    }
    if (isShortcut(event, kEmphasisKey)) {
        toggleEmphasis();
        return;
    }
    if (isShortcut(event, kLinkKey)) {
        insertLink();
        return;
    }
    if (isShortcut(event, kChatKey)) {
        event->ignore();
        return;
    }
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (mods == Qt::ShiftModifier) {
            // QPlainTextEdit would insert U+2028, which Markdown does not know; a plain line break instead.
            textCursor().insertBlock();
            ensureCursorVisible();
            return;
        }
        if (mods == Qt::NoModifier && continueListOnEnter())
            return;
    }
    if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier && changeListIndent(true))
        return;
    if (event->key() == Qt::Key_Backtab) {
        changeListIndent(false);
        return; // never move the focus out of the editor
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool MarkdownEditor::continueListOnEnter()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const QTextBlock block = cursor.block();
    if (MarkdownHighlighter::stateOf(block).isCode())
        return false;
    const QString line = block.text();
    const LinePrefix prefix = linePrefix(line);
    if ((!prefix.isListItem && !prefix.isQuote) || cursor.positionInBlock() < prefix.contentStart)
        return false;

    cursor.beginEditBlock();
    if (QStringView(line).sliced(prefix.contentStart).trimmed().isEmpty()) {
        // Enter on an empty item ends the list (or the quote): the marker goes, the line stays.
        cursor.movePosition(QTextCursor::StartOfBlock);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    } else {
        cursor.insertBlock();
        cursor.insertText(prefix.continuation);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
    return true;
}

bool MarkdownEditor::changeListIndent(bool indent)
{
    QTextCursor cursor = textCursor();
    QTextBlock first = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    bool any = false;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if (linePrefix(b.text()).isListItem)
            any = true;
        if (b == last)
            break;
    }
    if (!any)
        return false;

    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const LinePrefix p = linePrefix(b.text());
        if (p.isListItem) {
            // Indent to the previous sibling's text (so the item becomes its child); outdent to the parent's
            // marker.
            int target = -1;
            for (QTextBlock up = b.previous(); up.isValid() && target < 0; up = up.previous()) {
                const QString text = up.text();
                if (text.trimmed().isEmpty())
                    continue;
                const LinePrefix q = linePrefix(text);
                if (!q.isListItem) {
                    if (q.contentStart > q.indentStart)
                        continue; // an indented continuation line of an item
                    break;        // a paragraph: the list ends above it
                }
                if (indent && q.indent() == p.indent())
                    target = q.contentIndent();
                else if (indent && q.indent() < p.indent())
                    break;
                else if (!indent && q.indent() < p.indent())
                    target = q.indent();
            }
            if (target < 0)
                target = indent ? p.indent() + p.markerLength + 1 : 0;
            if (target != p.indent()) {
                edit.setPosition(b.position() + p.indentStart);
                edit.setPosition(b.position() + p.markerStart, QTextCursor::KeepAnchor);
                edit.insertText(QString(target, u' '));
            }
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
    return true;
}

QString MarkdownEditor::textBetween(int from, int to) const
{
    if (from < 0 || to > document()->characterCount() - 1 || from >= to)
        return {};
    QTextCursor c(document());
    c.setPosition(from);
    c.setPosition(to, QTextCursor::KeepAnchor);
    return c.selectedText();
}

void MarkdownEditor::toggleWrap(const QString &marker)
{
    QTextCursor cursor = textCursor();
    const int m = int(marker.size());
    const QChar c = marker.front();
    // `*` is emphasis, `**` strong, `***` both: a run of 1 or 3 carries emphasis, of 2 or 3 strong.
    const auto carries = [m](int run) { return m == 1 ? (run == 1 || run == 3) : (run == 2 || run == 3); };
    const auto runBefore = [&](int position) {
        int run = 0;
        while (run < 3 && textBetween(position - run - 1, position - run) == c)
            ++run;
        return run;
    };
    const auto runAfter = [&](int position) {
        int run = 0;
        while (run < 3 && textBetween(position + run, position + run + 1) == c)
            ++run;
        return run;
    };

    cursor.beginEditBlock();
    if (!cursor.hasSelection()) {
        const int at = cursor.position();
        cursor.insertText(marker + marker);
        cursor.setPosition(at + m);
    } else {
        const int start = cursor.selectionStart();
        const int end = cursor.selectionEnd();
        const QString selected = cursor.selectedText();
        int inStart = 0;
        while (inStart < 3 && inStart < selected.size() && selected[inStart] == c)
            ++inStart;
        int inEnd = 0;
        while (inEnd < 3 && inEnd < selected.size() && selected[selected.size() - 1 - inEnd] == c)
            ++inEnd;
        const int before = runBefore(start);
        if (before == runAfter(end) && carries(before)) {
            // The markers are around the selection: take them away.
            cursor.setPosition(end);
            cursor.setPosition(end + m, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
            cursor.setPosition(start - m);
            cursor.setPosition(start, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
            cursor.setPosition(start - m);
            cursor.setPosition(end - m, QTextCursor::KeepAnchor);
        } else if (selected.size() > 2 * inStart && inStart == inEnd && carries(inStart)) {
            // The selection includes its markers.
            const QString inner = selected.sliced(m, selected.size() - 2 * m);
            cursor.insertText(inner);
            cursor.setPosition(start);
            cursor.setPosition(start + int(inner.size()), QTextCursor::KeepAnchor);
        } else {
            cursor.setPosition(end);
            cursor.insertText(marker);
            cursor.setPosition(start);
            cursor.insertText(marker);
            cursor.setPosition(start + m);
            cursor.setPosition(end + m, QTextCursor::KeepAnchor);
        }
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
}

void MarkdownEditor::toggleStrong()
{
    toggleWrap(u"**"_s);
}

void MarkdownEditor::toggleEmphasis()
{
    toggleWrap(u"*"_s);
}

void MarkdownEditor::insertLink()
{
    QTextCursor cursor = textCursor();
    const QString selected = cursor.selectedText();
    const int start = cursor.selectionStart();
    cursor.beginEditBlock();
    if (selected.isEmpty() || selected.contains(QChar::ParagraphSeparator)) {
        cursor.insertText(u"[]()"_s);
        cursor.setPosition(start + 1);
    } else if (looksLikeUrl(selected)) {
        cursor.insertText(u"[]("_s + selected + u")"_s);
        cursor.setPosition(start + 1);
    } else {
        cursor.insertText(u"["_s + selected + u"]()"_s);
        cursor.setPosition(start + int(selected.size()) + 3);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
}

void MarkdownEditor::indentListItems()
{
    changeListIndent(true);
}

void MarkdownEditor::outdentListItems()
{
    changeListIndent(false);
}

void MarkdownEditor::goToBlock(int blockNumber)
{
    const QTextBlock block = document()->findBlockByNumber(blockNumber);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    // Put the heading near the top rather than at the bottom edge.
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    setTextCursor(cursor);
    ensureCursorVisible();
    setFocus(Qt::OtherFocusReason);
}

QMenu *MarkdownEditor::createContextMenuAt(int position, const QPoint &viewportPos)
{
    QMenu *menu = createStandardContextMenu(viewportPos);
    menu->setObjectName(u"editorContextMenu"_s);
    menu->setAccessibleName(tr("Editor menu"));

    SpellDictionary *dictionary = m_highlighter->dictionary();
    const QTextBlock block = document()->findBlock(position);
    if (!dictionary || !block.isValid())
        return menu;
    const int local = position - block.position();
    const QList<LineRange> misspelled = MarkdownHighlighter::misspellingsOf(block);
    const auto hit = std::find_if(misspelled.cbegin(), misspelled.cend(),
                                  [local](const LineRange &r) { return local >= r.start && local <= r.end(); });
    if (hit == misspelled.cend())
        return menu;

    const QString word = block.text().sliced(hit->start, hit->length);
    // A cursor over the word follows later edits, so a late click still replaces the right text.
    QTextCursor wordCursor(document());
    wordCursor.setPosition(block.position() + hit->start);
    wordCursor.setPosition(block.position() + hit->end(), QTextCursor::KeepAnchor);

    QList<QAction *> actions;
    const QStringList suggestions = dictionary->suggestions(word, kMaxSuggestions);
    if (suggestions.isEmpty()) {
        auto *none = new QAction(tr("No suggestions"), menu);
        none->setObjectName(u"noSpellingSuggestions"_s);
        none->setEnabled(false);
        actions.append(none);
    }
    for (const QString &suggestion : suggestions) {
        auto *action = new QAction(suggestion, menu);
        action->setObjectName(u"spellingSuggestion"_s);
        connect(action, &QAction::triggered, this, [this, wordCursor, word, suggestion] {
            QTextCursor c = wordCursor;
            if (c.selectedText() != word)
                return; // the text changed under the menu
            c.beginEditBlock();
            c.insertText(suggestion);
            c.endEditBlock();
            setTextCursor(c);
        });
        actions.append(action);
    }
    auto *separator = new QAction(menu);
    separator->setSeparator(true);
    actions.append(separator);
    auto *add = new QAction(tr("Add \"%1\" to Dictionary").arg(word), menu);
    add->setObjectName(u"addToDictionary"_s);
    QPointer<SpellDictionary> dict(dictionary);
    connect(add, &QAction::triggered, this, [dict, word] {
        if (dict)
            dict->addToPersonal(word);
    });
    actions.append(add);
    auto *ignore = new QAction(tr("Ignore \"%1\"").arg(word), menu);
    ignore->setObjectName(u"ignoreWord"_s);
    connect(ignore, &QAction::triggered, this, [dict, word] {
        if (dict)
            dict->ignore(word);
    });
    actions.append(ignore);
    auto *separator2 = new QAction(menu);
    separator2->setSeparator(true);
    actions.append(separator2);
    menu->insertActions(menu->actions().value(0), actions);
    return menu;
}

void MarkdownEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenuAt(cursorForPosition(event->pos()).position(), event->pos());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

} // namespace inkwell::app
