#pragma once

#include "messagelistmodel.h"
#include "streamingmarkdown.h"

#include <QDateTime>
#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;
class QHBoxLayout;

namespace inkwell::app {

class MessageBody;

/// @brief What one message row shows: the model's data plus what the conversation allows on it now.
struct MessageSnapshot {
    engine::ChatMessage message;
    int alternativeIndex = 0;
    int alternativeCount = 1;
    bool superseded = false;
    bool canRegenerate = false; ///< the last answer, and nothing runs
    bool canEdit = false;       ///< the last question, and nothing runs
    bool canRetry = false;      ///< failed, the last row, and nothing runs
};

/**
 * @brief One message of the chat: who wrote it, its text, its state, and what can be done with it.
 *
 * Questions are right-aligned tinted bubbles; answers use the full width with Markdown. A badge says "writing…",
 * "stopped", "failed" or "edited"; a failed message shows why, with Retry. Under an answer: Copy, Regenerate (the
 * last one), the switcher between the turn's answers ("‹ 1 / 2 ›") and its token count. Every button is
 * reachable with Tab; the widget only forwards intent through its signals.
 *
 * While an answer streams, setSnapshot() only records the new text; flushText() renders it (ChatView calls it at
 * most every few tens of milliseconds).
 */
class MessageWidget : public QFrame {
    Q_OBJECT
public:
    MessageWidget(MessageRole role, const StreamingMarkdown::Style &style, QWidget *parent = nullptr);

    /// @brief Shows @p snapshot; the text is rendered now unless @p deferText (then flushText() does it).
    void setSnapshot(const MessageSnapshot &snapshot, bool deferText = false);
    /// @brief Takes the new text of a streaming message without rendering it (flushText() does) and without
    /// touching anything else: the path every delta takes.
    void setPendingText(const QString &content);
    /// @brief Renders text that setSnapshot() deferred; false when there was none.
    bool flushText();
    bool hasPendingText() const { return m_textPending; }
    const MessageSnapshot &snapshot() const { return m_snapshot; }
    MessageRole role() const { return m_role; }
    MessageBody *body() const { return m_body; }
    void setMarkdownStyle(const StreamingMarkdown::Style &style);

Q_SIGNALS:
    void copyRequested();
    void regenerateRequested();
    void editRequested();
    void retryRequested();
    void alternativeRequested(int index);
    void copied(const QString &what);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QToolButton *addAction(QHBoxLayout *layout, const QString &objectName, const QString &text,
                           const QString &accessibleName);
    void updateChrome();

    MessageRole m_role;
    MessageSnapshot m_snapshot;
    bool m_textPending = false;
    QFrame *m_bubble = nullptr;
    MessageBody *m_body = nullptr;
    QLabel *m_roleLabel = nullptr;
    QLabel *m_metaLabel = nullptr;
    QLabel *m_badge = nullptr;
    QFrame *m_errorFrame = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_retryButton = nullptr;
    QWidget *m_footer = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_editButton = nullptr;
    QToolButton *m_regenerateButton = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QLabel *m_alternativeLabel = nullptr;
    QLabel *m_tokensLabel = nullptr;
};

} // namespace inkwell::app
