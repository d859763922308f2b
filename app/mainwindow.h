#pragma once

#include "healthmonitor.h"
#include "workspace.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QMessageBox;

namespace inkwell::app {

class AdminPanel;
class ArticlePane;
class AssistActions;
class AssistPanel;
class ChatPanel;
class LibraryPanel;
class NotificationBell;
class TrayNotifier;
class OutlineView;
class SyncIndicator;
class ThemeManager;

/**
 * @brief The main window: the library at the left, the open article (editor and preview) in the middle, its
 * outline below the library; sync state, words and reading time in the status bar. Every action lives in the
 * menus with a shortcut; the window forwards intent to the workspace's engine and shows what it answers.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(engine::Workspace *workspace, ThemeManager *theme, QWidget *parent = nullptr);
    ~MainWindow() override;

    LibraryPanel *library() const { return m_library; }
    ArticlePane *article() const { return m_article; }
    SyncIndicator *syncIndicator() const { return m_syncIndicator; }
    /// @brief The action named @p objectName ("actionPublish"...), for tests and the command palette.
    QAction *action(const QString &objectName) const;
    engine::Workspace *workspace() const { return m_workspace; }

Q_SIGNALS:
    void signOutRequested();
    void changePasswordRequested();
    /// @brief The user asked to compare the open article's conflict (the app shows the conflict view).
    void conflictViewRequested(const QUuid &id);
    /// @brief The user asked for the open article's revision history.
    void historyRequested(const QUuid &id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *addAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &shortcut,
                       const std::function<void()> &handler);
    void buildMenus();
    void newArticle();
    void openArticle(const QUuid &id);
    void changeStatus(ArticleStatus status);
    void deleteArticle();
    void updateActions();
    void updateTitle();
    void askMassRemoval(int count, int total, const std::function<void(bool)> &answer);
    void tell(const QString &message, int timeoutMs = 8000);
    void confirm(const QString &title, const QString &text, const QString &button, std::function<void()> then);
    void setFocusMode(bool on);
    void buildAssist();
    void buildChat();
    void buildNotifications();
    void showAdminPanel();
    void applyRole();

    engine::Workspace *m_workspace;
    ThemeManager *m_theme;
    LibraryPanel *m_library = nullptr;
    ArticlePane *m_article = nullptr;
    OutlineView *m_outline = nullptr;
    QDockWidget *m_libraryDock = nullptr;
    QDockWidget *m_outlineDock = nullptr;
    SyncIndicator *m_syncIndicator = nullptr;
    QLabel *m_words = nullptr;
    QLabel *m_serverStatus = nullptr;
    engine::HealthMonitor *m_health = nullptr;
    QDockWidget *m_assistDock = nullptr;
    QDockWidget *m_chatDock = nullptr;
    ChatPanel *m_chat = nullptr;
    AssistPanel *m_assistPanel = nullptr;
    AssistActions *m_assistActions = nullptr;
    NotificationBell *m_bell = nullptr;
    TrayNotifier *m_tray = nullptr;
    QMenu *m_adminMenu = nullptr;
    QPointer<AdminPanel> m_admin;
    QHash<QString, QAction *> m_actions;
    QPointer<QMessageBox> m_question;
    bool m_focusMode = false;
};

} // namespace inkwell::app
