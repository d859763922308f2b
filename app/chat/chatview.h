#pragma once

#include "chatsession.h"
#include "chattheme.h"
#include "messagewidget.h"
#include "renderscheduler.h"

#include <QPointer>
#include <QScrollArea>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace inkwell::app {

/**
 * @brief The messages of one conversation: a column of MessageWidgets in a scroll area.
 *
 * Why widgets and not a QListView + delegate: an answer is rich text that the user selects and copies from, with
 * links and per-code-block buttons; a delegate paints pixels only, so every one of those would have to be
 * re-implemented. A widget per message costs memory, so widgets are created lazily: the newest
 * kInitialMessages when a conversation opens, kBatch more when the user scrolls near the top (or activates
 * "Show earlier messages"), keeping the visible text where it was.
 *
 * Streaming: a delta marks its message's text dirty; a RenderScheduler renders it at most every ~33 ms (adaptive,
 * and within a time budget per event-loop turn shared by the views that share the scheduler). Only that message is
 * touched, and StreamingMarkdown renders only its tail. The view follows the stream to the bottom unless the user
 * scrolled up; "Jump to latest" brings it back.
 */
class ChatView : public QScrollArea {
    Q_OBJECT
public:
    static constexpr int kInitialMessages = 20;
    static constexpr int kBatch = 20;

    explicit ChatView(QWidget *parent = nullptr);

    /// @brief Shows @p session's messages (nullptr: the empty state).
    void setSession(engine::ChatSession *session);
    engine::ChatSession *session() const { return m_session; }

    /// @brief The widget of @p row, or nullptr when it was not created (yet).
    MessageWidget *messageWidget(int row) const;
    /// @brief The first row that has a widget.
    int firstCreatedRow() const { return m_firstRow; }
    /// @brief Creates widgets for up to kBatch earlier messages, a few per turn of the event loop (each takes a few
    /// milliseconds); false when all exist.
    bool showEarlier();
    /// @brief Whether the view follows new text to the bottom.
    bool isFollowing() const { return m_follow; }
    void scrollToLatest();

    void setTheme(const ChatTheme &theme);
    /// @brief The empty state's words (no conversation, or no message yet).
    void setEmptyText(const QString &title, const QString &hint);
    /// @brief Renders streamed text through @p scheduler (shared by several views) instead of the view's own.
    void setRenderScheduler(RenderScheduler *scheduler);
    RenderScheduler *renderScheduler() const { return m_scheduler; }

Q_SIGNALS:
    /// @brief "Edit" on the last question: the composer should take @p question.
    void editRequested(const QString &question);
    /// @brief A short confirmation ("Message copied").
    void statusMessage(const QString &text);
    /// @brief A message's text was rendered (streaming or not); for measurements.
    void textRendered(int row);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void onRowsInserted(int first, int last);
    void onRowsRemoved(int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void refreshActions();
    MessageWidget *createWidget(int row, int layoutIndex);
    MessageSnapshot snapshotOf(int row) const;
    int rowOf(const MessageWidget *widget) const;
    void requestRender(MessageWidget *widget);
    void onRendered(MessageWidget *widget);
    void updateEmptyState();
    void placeJumpButton();
    void onScrolled(int value);
    void onRangeChanged(int minimum, int maximum);
    void createEarlierStep();

    QPointer<engine::ChatSession> m_session;
    QList<QMetaObject::Connection> m_connections;
    ChatTheme m_theme;
    QWidget *m_column = nullptr;
    QVBoxLayout *m_messages = nullptr;
    QPushButton *m_showEarlier = nullptr;
    QWidget *m_empty = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyHint = nullptr;
    QPushButton *m_jump = nullptr;
    QList<MessageWidget *> m_widgets; // rows m_firstRow..
    int m_firstRow = 0;
    RenderScheduler *m_scheduler = nullptr;
    QMetaObject::Connection m_schedulerConnection;
    bool m_follow = true;
    std::optional<int> m_keepFromBottom; // after widgets were added above: stay this far from the bottom
    int m_earlierPending = 0;            // widgets showEarlier() still has to create
    int m_anchorSerial = 0;              // tells an anchor from the one before
};

} // namespace inkwell::app
