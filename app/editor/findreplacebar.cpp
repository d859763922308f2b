#include "editor/findreplacebar.h"

#include "editor/markdowneditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
constexpr int kMaxMatches = 10000;   // counted and navigable
constexpr int kMaxHighlights = 1000; // each highlight is a cursor the document updates on every keystroke
constexpr int kResearchDelayMs = 150;

/// Expands \0..\9 and $0..$9 in a regular-expression replacement.
QString expandCaptures(const QString &replacement, const QRegularExpressionMatch &match)
{
    QString out;
    out.reserve(replacement.size());
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement[i];
        if ((c == u'\\' || c == u'$') && i + 1 < replacement.size() && replacement[i + 1].isDigit()) {
            out += match.captured(replacement[i + 1].digitValue());
            ++i;
        } else if (c == u'\\' && i + 1 < replacement.size() && replacement[i + 1] == u'n') {
            out += u'\n';
            ++i;
        } else if (c == u'\\' && i + 1 < replacement.size() && replacement[i + 1] == u'\\') {
            out += u'\\';
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

QToolButton *makeButton(QWidget *parent, const QString &name, const QString &text, const QString &accessible)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setAccessibleName(accessible);
    button->setToolTip(accessible);
    button->setAutoRaise(true);
    return button;
}
} // namespace

FindReplaceBar::FindReplaceBar(MarkdownEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(u"findReplaceBar"_s);
    setAccessibleName(tr("Find and replace"));

    auto *findLabel = new QLabel(tr("Find:"), this);
    findLabel->setObjectName(u"findLabel"_s);
    findLabel->setAccessibleName(tr("Find"));
    m_find = new QLineEdit(this);
    m_find->setObjectName(u"findField"_s);
    m_find->setAccessibleName(tr("Text to find"));
    m_find->setClearButtonEnabled(true);
    findLabel->setBuddy(m_find);
    auto *previous = makeButton(this, u"findPreviousButton"_s, u"\u2191"_s, tr("Previous match (Shift+F3)"));
    auto *next = makeButton(this, u"findNextButton"_s, u"\u2193"_s, tr("Next match (F3)"));
    m_matchCase = new QCheckBox(tr("Match &case"), this);
    m_matchCase->setObjectName(u"matchCaseCheck"_s);
    m_matchCase->setAccessibleName(tr("Match case"));
    m_wholeWords = new QCheckBox(tr("&Whole words"), this);
    m_wholeWords->setObjectName(u"wholeWordsCheck"_s);
    m_wholeWords->setAccessibleName(tr("Whole words"));
    m_regex = new QCheckBox(tr("Regular e&xpression"), this);
    m_regex->setObjectName(u"regexCheck"_s);
    m_regex->setAccessibleName(tr("Regular expression"));
    m_status = new QLabel(this);
    m_status->setObjectName(u"findStatus"_s);
    m_status->setAccessibleName(tr("Find status"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(u"0000 of 0000"_s));
    auto *closeButton = makeButton(this, u"closeFindButton"_s, u"\u2715"_s, tr("Close (Esc)"));

    auto *findRow = new QHBoxLayout;
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(findLabel);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_matchCase);
    findRow->addWidget(m_wholeWords);
    findRow->addWidget(m_regex);
    findRow->addWidget(m_status);
    findRow->addWidget(closeButton);

    m_replaceRow = new QWidget(this);
    m_replaceRow->setObjectName(u"replaceRow"_s);
    m_replaceRow->setAccessibleName(tr("Replace"));
    auto *replaceLabel = new QLabel(tr("Replace:"), m_replaceRow);
    replaceLabel->setObjectName(u"replaceLabel"_s);
    replaceLabel->setAccessibleName(tr("Replace with"));
    m_replace = new QLineEdit(m_replaceRow);
    m_replace->setObjectName(u"replaceField"_s);
    m_replace->setAccessibleName(tr("Replacement text"));
    replaceLabel->setBuddy(m_replace);
    auto *replaceButton = makeButton(m_replaceRow, u"replaceButton"_s, tr("&Replace"), tr("Replace"));
    auto *replaceAllButton = makeButton(m_replaceRow, u"replaceAllButton"_s, tr("Replace &All"), tr("Replace all"));
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(replaceLabel);
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(replaceButton);
    replaceRow->addWidget(replaceAllButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    connect(m_find, &QLineEdit::textEdited, this, [this] {
        search();
        // Find as you type: the first match from where the search started.
        const auto it =
            std::find_if(m_matches.cbegin(), m_matches.cend(), [this](const Match &m) { return m.start >= m_anchor; });
        if (!m_matches.isEmpty())
            selectMatch(it != m_matches.cend() ? int(it - m_matches.cbegin()) : 0);
    });
    for (QCheckBox *box : {m_matchCase, m_wholeWords, m_regex})
        connect(box, &QCheckBox::toggled, this, &FindReplaceBar::search);
    connect(previous, &QToolButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindReplaceBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &FindReplaceBar::close);
    connect(replaceButton, &QToolButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceAllButton, &QToolButton::clicked, this, &FindReplaceBar::replaceAll);
    m_find->installEventFilter(this);
    m_replace->installEventFilter(this);

    auto *escape =
        new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &FindReplaceBar::close, Qt::WidgetWithChildrenShortcut);
    escape->setObjectName(u"findEscapeShortcut"_s);
    for (QWidget *scope : {static_cast<QWidget *>(this), static_cast<QWidget *>(m_editor.data())}) {
        if (!scope)
            continue;
        const auto context = scope == this ? Qt::WidgetWithChildrenShortcut : Qt::WidgetShortcut;
        new QShortcut(
            QKeySequence(Qt::Key_F3), scope, this,
            [this] {
                if (m_find->text().isEmpty())
                    openFind();
                else
                    findNext();
            },
            context);
        new QShortcut(
            QKeySequence(Qt::SHIFT | Qt::Key_F3), scope, this, [this] { findPrevious(); }, context);
    }

    m_researchTimer.setSingleShot(true);
    m_researchTimer.setInterval(kResearchDelayMs);
    connect(&m_researchTimer, &QTimer::timeout, this, &FindReplaceBar::search);
    if (m_editor)
        connect(m_editor->document(), &QTextDocument::contentsChanged, this, &FindReplaceBar::scheduleSearch);

    m_replaceRow->hide();
    hide();
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const bool shift = key->modifiers() & Qt::ShiftModifier;
            if (watched == m_find)
                shift ? findPrevious() : findNext();
            else if (watched == m_replace)
                replaceCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindReplaceBar::openFind()
{
    if (!m_editor)
        return;
    const QTextCursor cursor = m_editor->textCursor();
    const QString selected = cursor.selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator)) {
        m_find->setText(m_regex->isChecked() ? QRegularExpression::escape(selected) : selected);
        m_anchor = cursor.selectionStart();
    } else {
        m_anchor = cursor.position();
    }
    show();
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
    search();
}

void FindReplaceBar::openReplace()
{
    m_replaceRow->show();
    openFind();
}

void FindReplaceBar::close()
{
    m_researchTimer.stop();
    hide();
    m_replaceRow->hide();
    if (m_editor) {
        m_editor->setExtraSelectionLayer(MarkdownEditor::SelectionLayer::Find, {});
        m_editor->setFocus(Qt::OtherFocusReason);
    }
    Q_EMIT closed();
}

void FindReplaceBar::setFindText(const QString &text)
{
    m_find->setText(text);
    search();
}

void FindReplaceBar::setMatchCase(bool on)
{
    m_matchCase->setChecked(on);
}

void FindReplaceBar::setWholeWords(bool on)
{
    m_wholeWords->setChecked(on);
}

void FindReplaceBar::setRegularExpression(bool on)
{
    m_regex->setChecked(on);
}

void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

QRegularExpression FindReplaceBar::expression(QString *error) const
{
    QRegularExpression::PatternOptions options =
        QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::MultilineOption;
    if (!m_matchCase->isChecked())
        options |= QRegularExpression::CaseInsensitiveOption;
    QString pattern = m_find->text();
    if (m_regex->isChecked()) {
        const QRegularExpression check(pattern, options);
        if (!check.isValid()) {
            if (error) {
                *error = tr("Invalid regular expression: %1 (at character %2)")
                             .arg(check.errorString())
                             .arg(check.patternErrorOffset() + 1);
            }
            return {};
        }
    } else {
        pattern = QRegularExpression::escape(pattern);
    }
    if (m_wholeWords->isChecked())
        pattern = u"(?<!\\w)(?:"_s + pattern + u")(?!\\w)"_s;
    return QRegularExpression(pattern, options);
}

void FindReplaceBar::scheduleSearch()
{
    if (isVisible())
        m_researchTimer.start();
}

void FindReplaceBar::search()
{
    m_researchTimer.stop();
    m_matches.clear();
    m_error.clear();
    m_truncated = false;
    if (m_editor && !m_find->text().isEmpty()) {
        const QRegularExpression re = expression(&m_error);
        if (m_error.isEmpty()) {
            // toPlainText() keeps document positions: each block break becomes one '\n'.
            const QString text = m_editor->document()->toPlainText();
            auto it = re.globalMatch(text);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                if (m.capturedLength() == 0)
                    continue; // "a*" matches nothing visible everywhere
                if (m_matches.size() >= kMaxMatches) {
                    m_truncated = true;
                    break;
                }
                m_matches.append({int(m.capturedStart()), int(m.capturedLength())});
            }
        }
    }
    updateStatus();
    updateHighlights();
}

int FindReplaceBar::currentMatch() const
{
    if (!m_editor)
        return 0;
    const QTextCursor cursor = m_editor->textCursor();
    const int start = cursor.selectionStart();
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), start,
                                     [](const Match &m, int s) { return m.start < s; });
    if (it != m_matches.cend() && it->start == start && it->start + it->length == cursor.selectionEnd())
        return int(it - m_matches.cbegin()) + 1;
    return 0;
}

bool FindReplaceBar::selectMatch(int index)
{
    if (!m_editor || index < 0 || index >= m_matches.size())
        return false;
    const Match &m = m_matches[index];
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(m.start);
    cursor.setPosition(m.start + m.length, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_editor->ensureCursorVisible();
    m_anchor = m.start;
    updateStatus();
    updateHighlights();
    return true;
}

bool FindReplaceBar::findNext()
{
    if (m_matches.isEmpty())
        search();
    if (m_matches.isEmpty() || !m_editor)
        return false;
    const int from = m_editor->textCursor().selectionEnd();
    const auto it =
        std::find_if(m_matches.cbegin(), m_matches.cend(), [from](const Match &m) { return m.start >= from; });
    return selectMatch(it != m_matches.cend() ? int(it - m_matches.cbegin()) : 0); // wraps around
}

bool FindReplaceBar::findPrevious()
{
    if (m_matches.isEmpty())
        search();
    if (m_matches.isEmpty() || !m_editor)
        return false;
    const int from = m_editor->textCursor().selectionStart();
    for (int i = int(m_matches.size()) - 1; i >= 0; --i) {
        if (m_matches[i].start < from)
            return selectMatch(i);
    }
    return selectMatch(int(m_matches.size()) - 1); // wraps around
}

QString FindReplaceBar::replacementFor(const Match &match) const
{
    if (!m_regex->isChecked())
        return m_replace->text();
    const QRegularExpression re = expression(nullptr);
    const QString text = m_editor->document()->toPlainText();
    const QRegularExpressionMatch m =
        re.match(text, match.start, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    return m.hasMatch() ? expandCaptures(m_replace->text(), m) : m_replace->text();
}

bool FindReplaceBar::replaceCurrent()
{
    if (!m_editor)
        return false;
    search(); // the matches of the text as it is now
    const int current = currentMatch();
    if (current == 0) {
        findNext();
        return false;
    }
    const Match match = m_matches[current - 1];
    const QString replacement = replacementFor(match);
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    cursor.insertText(replacement);
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
    search();
    findNext();
    return true;
}

int FindReplaceBar::replaceAll()
{
    if (!m_editor || m_find->text().isEmpty())
        return 0;
    QString error;
    const QRegularExpression re = expression(&error);
    if (!error.isEmpty()) {
        m_error = error;
        updateStatus();
        return 0;
    }
    const QString text = m_editor->document()->toPlainText();
    struct Edit {
        int start;
        int length;
        QString text;
    };
    QList<Edit> edits;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() == 0)
            continue;
        edits.append({int(m.capturedStart()), int(m.capturedLength()),
                      m_regex->isChecked() ? expandCaptures(m_replace->text(), m) : m_replace->text()});
    }
    if (edits.isEmpty())
        return 0;
    // Back to front, so earlier positions stay valid; one edit block, one undo step.
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    for (auto e = edits.crbegin(); e != edits.crend(); ++e) {
        cursor.setPosition(e->start);
        cursor.setPosition(e->start + e->length, QTextCursor::KeepAnchor);
        cursor.insertText(e->text);
    }
    cursor.endEditBlock();
    search();
    m_status->setText(tr("Replaced %n occurrence(s)", nullptr, int(edits.size())));
    return int(edits.size());
}

QString FindReplaceBar::statusText() const
{
    return m_status->text();
}

void FindReplaceBar::updateStatus()
{
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               m_error.isEmpty() || !m_editor ? palette().color(QPalette::WindowText) : m_editor->colors().spelling);
    m_status->setPalette(p);
    if (!m_error.isEmpty()) {
        m_status->setText(m_error);
        return;
    }
    if (m_find->text().isEmpty()) {
        m_status->clear();
        return;
    }
    if (m_matches.isEmpty()) {
        m_status->setText(tr("No matches"));
        return;
    }
    const QString total = QString::number(m_matches.size()) + (m_truncated ? u"+"_s : QString());
    const int current = currentMatch();
    m_status->setText(current > 0
                          ? tr("%1 of %2").arg(current).arg(total)
                          : tr("%n match(es)", nullptr, int(m_matches.size())) + (m_truncated ? u"+"_s : QString()));
}

void FindReplaceBar::updateHighlights()
{
    if (!m_editor)
        return;
    QList<QTextEdit::ExtraSelection> selections;
    if (isVisible()) {
        const int current = currentMatch() - 1;
        QTextCharFormat all;
        all.setBackground(m_editor->colors().findMatch);
        QTextCharFormat here;
        here.setBackground(m_editor->colors().findCurrent);
        // Around the current match first, so the highlights that exist are the ones near the reader.
        const int from = std::max(0, std::min(current, int(m_matches.size())) - kMaxHighlights / 2);
        const int to = std::min(int(m_matches.size()), from + kMaxHighlights);
        for (int i = from; i < to; ++i) {
            QTextEdit::ExtraSelection s{QTextCursor(m_editor->document()), i == current ? here : all};
            s.cursor.setPosition(m_matches[i].start);
            s.cursor.setPosition(m_matches[i].start + m_matches[i].length, QTextCursor::KeepAnchor);
            selections.append(s);
        }
    }
    m_editor->setExtraSelectionLayer(MarkdownEditor::SelectionLayer::Find, selections);
}

} // namespace inkwell::app
