#include "editor/editorstatus.h"

#include "markdown/markdown.h"

#include <QLocale>
#include <QPlainTextEdit>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
constexpr int kTextDelayMs = 300;
constexpr int kSelectionDelayMs = 100;
} // namespace

EditorStatus::EditorStatus(QPlainTextEdit *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
{
    setObjectName(u"editorStatus"_s);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EditorStatus::start);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &EditorStatus::finished);
    if (m_editor) {
        connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { schedule(kTextDelayMs); });
        connect(m_editor, &QPlainTextEdit::selectionChanged, this, [this] { schedule(kSelectionDelayMs); });
    }
    refreshNow();
}

EditorStatus::~EditorStatus()
{
    m_watcher.waitForFinished();
}

void EditorStatus::schedule(int delayMs)
{
    // A selection change does not postpone a pending text count, and typing restarts the wait.
    if (!m_timer.isActive() || delayMs >= m_timer.remainingTime())
        m_timer.start(delayMs);
}

void EditorStatus::refreshNow()
{
    m_timer.stop();
    start();
}

void EditorStatus::start()
{
    if (!m_editor)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    // Copies for the worker: the document itself stays on the GUI thread.
    const QString text = m_editor->document()->toPlainText();
    QString selection = m_editor->textCursor().selectedText();
    selection.replace(QChar::ParagraphSeparator, u'\n');
    const bool hasSelection = !selection.isEmpty();
    m_watcher.setFuture(QtConcurrent::run([text, selection, hasSelection] {
        Counts c;
        c.words = markdown::wordCount(text);
        c.minutes = markdown::readingTimeMinutes(text);
        c.hasSelection = hasSelection;
        c.selectionWords = hasSelection ? markdown::wordCount(selection) : 0;
        return c;
    }));
}

void EditorStatus::finished()
{
    m_running = false;
    const Counts c = m_watcher.result();
    const bool changedNow = c.words != m_words || c.minutes != m_minutes || c.selectionWords != m_selectionWords ||
                            c.hasSelection != m_hasSelection;
    m_words = c.words;
    m_minutes = c.minutes;
    m_selectionWords = c.selectionWords;
    m_hasSelection = c.hasSelection;
    if (m_again) {
        m_again = false;
        start();
    }
    if (changedNow)
        Q_EMIT changed();
}

QString EditorStatus::summary() const
{
    QString text = tr("%n word(s)", nullptr, m_words) + u" · "_s + tr("%n min read", nullptr, m_minutes);
    if (m_hasSelection)
        text += u" · "_s + tr("%n selected", nullptr, m_selectionWords);
    return text;
}

} // namespace inkwell::app
