#include "draftstreamer.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
constexpr int kFlushIntervalMs = 16; // one insert per frame at most
}

DraftStreamer::DraftStreamer(ArticleFields fields, QObject *parent)
    : QObject(parent)
    , m_fields(std::move(fields))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &DraftStreamer::flush);
    if (QPlainTextEdit *editor = m_fields.editor) {
        m_start = editor->document()->characterCount() - 1; // after whatever the new article holds
        m_wasReadOnly = editor->isReadOnly();
        editor->setReadOnly(true);
    }
}

DraftStreamer::~DraftStreamer()
{
    release();
}

void DraftStreamer::append(const QString &text)
{
    m_pending += text;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void DraftStreamer::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QString text = std::exchange(m_pending, QString());
    insert(text, false);
}

void DraftStreamer::insert(const QString &text, bool replaceWritten)
{
    QPlainTextEdit *editor = m_fields.editor;
    if (!editor)
        return;
    QScrollBar *bar = editor->verticalScrollBar();
    const bool followEnd = bar->value() >= bar->maximum() - 2; // the user did not scroll up to read
    QTextCursor cursor(editor->document());
    if (m_editBlockOpen) {
        cursor.joinPreviousEditBlock();
    } else {
        cursor.beginEditBlock();
        m_editBlockOpen = true;
    }
    cursor.movePosition(QTextCursor::End);
    if (replaceWritten)
        cursor.setPosition(std::min(m_start, cursor.position()), QTextCursor::KeepAnchor);
    cursor.insertText(text);
    cursor.endEditBlock();
    if (followEnd)
        bar->setValue(bar->maximum());
}

QString DraftStreamer::written() const
{
    QPlainTextEdit *editor = m_fields.editor;
    if (!editor)
        return {};
    QTextCursor cursor(editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.setPosition(std::min(m_start, cursor.position()), QTextCursor::KeepAnchor);
    // selectedText() writes line ends as U+2029.
    return cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n');
}

void DraftStreamer::finish(const api::GeneratedArticle &article)
{
    flush();
    // What streamed is the content member as the model wrote it; the server's reading of it wins (it trims, and
    // a model that put the content elsewhere streamed nothing).
    if (written().trimmed() != article.content.trimmed())
        insert(article.content, true);
    if (m_fields.title)
        m_fields.title->setText(article.title);
    if (m_fields.excerpt)
        m_fields.excerpt->setText(article.excerpt);
    if (m_fields.tags)
        m_fields.tags->setText(article.tags.join(u", "_s));
    release();
}

void DraftStreamer::stop()
{
    flush();
    release();
}

void DraftStreamer::release()
{
    if (m_released)
        return;
    m_released = true;
    m_flushTimer.stop();
    if (m_fields.editor)
        m_fields.editor->setReadOnly(m_wasReadOnly);
}

} // namespace inkwell::app
