#pragma once

#include "aiavailability.h"
#include "api/apiclient.h"
#include "chatsession.h"
#include "chattheme.h"
#include "conversationlistmodel.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUuid>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QToolButton;

namespace inkwell::app {

class ChatInput;
class ChatView;
class ConversationDelegate;

/**
 * @brief The AI chat: the conversation list (search, new, rename, delete) beside the open conversation (messages,
 * system prompt, the question box). A widget the main window docks; it shows models and forwards intent.
 *
 * Keyboard (shortcuts work while the focus is inside the panel): Ctrl+K new conversation, Ctrl+F search, F2
 * rename and Delete delete (in the list), Enter send, Shift+Enter new line, Esc stop the answer (or leave
 * editing), Up in the empty box edit the last question (also Ctrl+Shift+E), Ctrl+Shift+R regenerate, F5 retry,
 * Ctrl+Shift+C copy the last answer, Ctrl+Shift+P the system prompt. The same actions are in actions() for a menu.
 *
 * Each open conversation is a ChatSession. An answer keeps arriving when the user opens another conversation: its
 * session stays alive in the background (a dot in the list) and goes when the answer is done.
 */
class ChatPanel : public QWidget {
    Q_OBJECT
public:
    /// @brief @p api and @p conversations are not owned; the panel loads the list when it is empty.
    ChatPanel(api::ApiClient *api, engine::ConversationListModel *conversations, QWidget *parent = nullptr);
    ~ChatPanel() override;

    /// @brief Loads the conversation list and checks the server's AI again.
    void reload();
    /// @brief Opens a conversation (selecting it in the list when it is shown there).
    void openConversation(const QUuid &id);
    /// @brief Starts a new conversation and opens it (Ctrl+K).
    void newConversation();
    QUuid currentConversation() const;
    engine::ChatSession *currentSession() const { return m_current; }
    engine::AiAvailability *aiAvailability() const { return m_ai; }
    ChatView *messageView() const { return m_view; }
    ChatInput *input() const { return m_input; }

    QAction *newConversationAction() const { return m_newAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *regenerateAction() const { return m_regenerateAction; }
    QAction *editLastQuestionAction() const { return m_editAction; }
    QAction *retryAction() const { return m_retryAction; }

Q_SIGNALS:
    /// @brief A short message for a status bar (copied, saved, an error not shown elsewhere).
    void statusMessage(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildSidebar(QWidget *sidebar);
    void buildMain(QWidget *main);
    void buildActions();
    void applyTheme();
    engine::ChatSession *sessionFor(const QUuid &id);
    void setCurrent(engine::ChatSession *session);
    void retire(engine::ChatSession *session);
    void onCurrentRowChanged();
    void selectCurrentInList();
    void submit();
    void onEscape();
    void startEditingLastQuestion();
    void stopEditing();
    void updateHeader();
    void updateActions();
    void updateStreamingMarks();
    void showStatus(const QString &text);
    void renameCurrent();
    void deleteCurrent();
    void showListMenu(const QPoint &pos);
    void saveSystemPrompt();
    void loadSystemPromptEditor();

    api::ApiClient *m_api;
    engine::ConversationListModel *m_conversations;
    engine::AiAvailability *m_ai;
    QHash<QUuid, engine::ChatSession *> m_sessions; // the current one and those still streaming
    QPointer<engine::ChatSession> m_current;
    ChatTheme m_theme;
    bool m_openCreated = false; // open the next conversation the list creates
    QString m_sendAfterCreate;  // typed before any conversation was open
    bool m_editing = false;
    QString m_draftBeforeEdit;
    bool m_applyingTheme = false;

    QSplitter *m_splitter = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_newButton = nullptr;
    QListView *m_list = nullptr;
    ConversationDelegate *m_delegate = nullptr;
    QLabel *m_listStatus = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_tokens = nullptr;
    QLabel *m_model = nullptr;
    QToolButton *m_systemPromptButton = nullptr;
    QWidget *m_systemPromptPanel = nullptr;
    QPlainTextEdit *m_systemPromptEditor = nullptr;
    QPushButton *m_saveSystemPrompt = nullptr;
    QLabel *m_systemPromptStatus = nullptr;
    ChatView *m_view = nullptr;
    QLabel *m_providerBanner = nullptr;
    QWidget *m_composer = nullptr;
    QLabel *m_editBar = nullptr;
    ChatInput *m_input = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_statusTimer;

    QAction *m_newAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_regenerateAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_retryAction = nullptr;
    QAction *m_copyAnswerAction = nullptr;
    QAction *m_systemPromptAction = nullptr;
};

} // namespace inkwell::app
