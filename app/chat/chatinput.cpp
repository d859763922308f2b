#include "chatinput.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app {

ChatInput::ChatInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"composerInput"_s);
    setAccessibleName(tr("Message to the assistant"));
    setTabChangesFocus(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(4);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateGeometry(); });
    connect(document(), &QTextDocument::contentsChanged, this, [this] { updateGeometry(); });
}

void ChatInput::setMaximumLines(int lines)
{
    m_maximumLines = std::max(1, lines);
    updateGeometry();
}

int ChatInput::heightForLines(int lines) const
{
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) + 2 * frameWidth() + 4;
}

QSize ChatInput::sizeHint() const
{
    // Visual lines, wrapped ones included.
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid() && lines <= m_maximumLines; block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    return {QPlainTextEdit::sizeHint().width(), heightForLines(std::clamp(lines, 1, m_maximumLines))};
}

QSize ChatInput::minimumSizeHint() const
{
    return {100, heightForLines(1)};
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        Q_EMIT submitted();
        return;
    }
    if (enter) {
        // Shift+Enter: a new paragraph, as Enter would in an ordinary editor (not a line separator).
        textCursor().insertBlock();
        ensureCursorVisible();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        event->accept();
        Q_EMIT escapePressed();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && document()->isEmpty()) {
        event->accept();
        Q_EMIT editLastRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void ChatInput::focusInEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusInEvent(event);
    Q_EMIT focusChanged(true);
}

void ChatInput::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    Q_EMIT focusChanged(false);
}

} // namespace inkwell::app
