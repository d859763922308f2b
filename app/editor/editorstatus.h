#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QPlainTextEdit;

namespace inkwell::app {

/// @brief Word count and reading time of the editor's text (core's markdown::wordCount and
/// readingTimeMinutes), and the word count of the selection, for the status bar.
///
/// Counting parses the Markdown, so it runs off the GUI thread on a copy of the text, 300 ms after typing
/// pauses (100 ms after the selection changes), one count at a time.
class EditorStatus : public QObject {
    Q_OBJECT
public:
    explicit EditorStatus(QPlainTextEdit *editor, QObject *parent = nullptr);
    ~EditorStatus() override;

    int words() const { return m_words; }
    int readingMinutes() const { return m_minutes; }
    bool hasSelection() const { return m_hasSelection; }
    /// @brief Words in the selection (0 without one).
    int selectionWords() const { return m_selectionWords; }
    /// @brief "1,234 words · 6 min read", with " · 12 selected" while there is a selection.
    QString summary() const;
    /// @brief Counts now (still off the GUI thread).
    void refreshNow();

Q_SIGNALS:
    /// @brief The numbers changed.
    void changed();

private:
    struct Counts {
        int words = 0;
        int minutes = 1;
        int selectionWords = 0;
        bool hasSelection = false;
    };
    void schedule(int delayMs);
    void start();
    void finished();

    QPointer<QPlainTextEdit> m_editor;
    QTimer m_timer;
    QFutureWatcher<Counts> m_watcher;
    bool m_running = false;
    bool m_again = false;
    int m_words = 0;
    int m_minutes = 1;
    int m_selectionWords = 0;
    bool m_hasSelection = false;
};

} // namespace inkwell::app
