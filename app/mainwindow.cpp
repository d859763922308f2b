#include "mainwindow.h"

#include "admin/adminpanel.h"
#include "assist/assistactions.h"
#include "assist/assistpanel.h"
#include "chat/chatpanel.h"
#include "editor/editorstatus.h"
#include "editor/findreplacebar.h"
#include "editor/markdowneditor.h"
#include "editor/outlineview.h"
#include "notifications/notificationbell.h"
#include "notifications/traynotifier.h"
#include "theme/thememanager.h"
#include "window/articlepane.h"
#include "window/librarypanel.h"
#include "window/syncindicator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace inkwell::app {

MainWindow::MainWindow(engine::Workspace *workspace, ThemeManager *theme, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_theme(theme)
{
    setObjectName(u"mainWindow"_s);
    setAccessibleName(tr("Inkwell"));
    resize(1360, 860);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_article = new ArticlePane(workspace, theme, this);
    setCentralWidget(m_article);

    m_library = new LibraryPanel(workspace, this);
    m_libraryDock = new QDockWidget(tr("Library"), this);
    m_libraryDock->setObjectName(u"libraryDock"_s);
    m_libraryDock->setAccessibleName(tr("Library"));
    m_libraryDock->setWidget(m_library);
    m_libraryDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_libraryDock->setMinimumWidth(300);
    addDockWidget(Qt::LeftDockWidgetArea, m_libraryDock);

    m_outline = new OutlineView(this);
    m_outline->setAccessibleName(tr("Outline"));
    m_outline->setEditor(m_article->editor());
    m_outlineDock = new QDockWidget(tr("Outline"), this);
    m_outlineDock->setObjectName(u"outlineDock"_s);
    m_outlineDock->setAccessibleName(tr("Outline"));
    m_outlineDock->setWidget(m_outline);
    addDockWidget(Qt::LeftDockWidgetArea, m_outlineDock);
    splitDockWidget(m_libraryDock, m_outlineDock, Qt::Vertical);
    resizeDocks({m_libraryDock, m_outlineDock}, {620, 200}, Qt::Vertical);
    resizeDocks({m_libraryDock}, {360}, Qt::Horizontal);

    m_syncIndicator = new SyncIndicator(workspace->sync(), this);
    m_words = new QLabel(this);
    m_words->setObjectName(u"wordCount"_s);
    m_words->setAccessibleName(tr("Word count and reading time"));
    m_serverStatus = new QLabel(this);
    m_serverStatus->setObjectName(u"serverStatus"_s);
    m_serverStatus->setAccessibleName(tr("Server status"));
    m_serverStatus->setTextFormat(Qt::PlainText);
    m_serverStatus->hide();
    statusBar()->addWidget(m_syncIndicator);
    statusBar()->addWidget(m_serverStatus);
    statusBar()->addPermanentWidget(m_words);
    // The server's health, said only when something is wrong (a healthy server is the normal case).
    m_health = new engine::HealthMonitor(workspace->client()->server(), this);
    connect(m_health, &engine::HealthMonitor::stateChanged, this, [this](engine::HealthMonitor::State state) {
        m_serverStatus->setText(m_health->describe());
        m_serverStatus->setVisible(state == engine::HealthMonitor::State::DatabaseDown ||
                                   state == engine::HealthMonitor::State::Unreachable);
    });
    m_health->start();
    connect(m_article->status(), &EditorStatus::changed, this,
            [this] { m_words->setText(m_article->status()->summary()); });

    connect(m_library, &LibraryPanel::openRequested, this, &MainWindow::openArticle);
    connect(m_library, &LibraryPanel::newRequested, this, &MainWindow::newArticle);
    connect(m_article, &ArticlePane::resolveConflictRequested, this, &MainWindow::conflictViewRequested);
    connect(m_article, &ArticlePane::linkActivated, this, [this](const QUrl &url) {
        if (url.scheme() != u"http"_s && url.scheme() != u"https"_s && url.scheme() != u"mailto"_s)
            return;
        confirm(tr("Open link"), tr("Open %1 in your web browser?").arg(url.toDisplayString()), tr("Open"),
                [url] { QDesktopServices::openUrl(url); });
    });

    engine::DraftSession *draft = workspace->draft();
    connect(draft, &engine::DraftSession::opened, this, [this](const engine::LocalArticle &article) {
        m_library->select(article.entry.id);
        updateActions();
        updateTitle();
    });
    connect(draft, &engine::DraftSession::entryChanged, this, [this] {
        updateActions();
        updateTitle();
    });
    connect(draft, &engine::DraftSession::closed, this, &MainWindow::updateActions);
    connect(draft, &engine::DraftSession::saveFailed, this, [this](const QString &message) {
        tell(tr("Your last edits could not be saved on this computer: %1. They are still in the editor; "
                "Inkwell keeps trying.")
                 .arg(message));
    });
    connect(draft, &engine::DraftSession::vanished, this, [this] {
        tell(tr("The article you had open was deleted."));
        updateActions();
        updateTitle();
    });
    connect(m_article->titleField(), &QLineEdit::textChanged, this, &MainWindow::updateTitle);

    engine::SyncEngine *sync = workspace->sync();
    connect(sync, &engine::SyncEngine::massRemovalPending, this, &MainWindow::askMassRemoval);
    connect(sync, &engine::SyncEngine::draftKeptAfterDeletion, this,
            [this](const QUuid &oldId, const QUuid &newId, const QString &title) {
                tell(tr("“%1” was deleted on the server while you were editing it. Your version is kept as a new "
                        "draft.")
                         .arg(title),
                     15000);
                if (m_workspace->draft()->id() == oldId || !m_workspace->draft()->isOpen())
                    m_workspace->draft()->open(newId);
            });
    connect(sync, &engine::SyncEngine::conflictsFound, this, [this](const QList<QUuid> &ids) {
        tell(tr("%n article(s) changed on the server in the same place as here. Open them to compare.", nullptr,
                int(ids.size())),
             15000);
    });
    connect(sync, &engine::SyncEngine::statusChanged, this, &MainWindow::updateActions);
    connect(workspace, &engine::Workspace::userChanged, this, &MainWindow::updateActions);
    connect(workspace, &engine::Workspace::userChanged, this, &MainWindow::applyRole);

    buildAssist();
    buildChat();
    buildMenus();
    buildNotifications();
    applyRole();
    updateActions();
    updateTitle();

    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::action(const QString &objectName) const
{
    return m_actions.value(objectName);
}

QAction *MainWindow::addAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &shortcut,
                               const std::function<void()> &handler)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
    }
    if (handler)
        connect(action, &QAction::triggered, this, handler);
    // Also the window's own: shortcuts keep working while the menu bar is hidden (focus mode).
    QWidget::addAction(action);
    m_actions.insert(name, action);
    return action;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    addAction(file, u"actionNew"_s, tr("&New Article"), QKeySequence::New, [this] { newArticle(); });
    addAction(file, u"actionSync"_s, tr("&Sync Now"), QKeySequence::Save, [this] {
        m_workspace->draft()->saveNow();
        m_workspace->sync()->syncNow();
    });
    file->addSeparator();
    addAction(file, u"actionChangePassword"_s, tr("Change &Password…"), {},
              [this] { Q_EMIT changePasswordRequested(); });
    addAction(file, u"actionSignOut"_s, tr("Sign &Out"), {}, [this] { Q_EMIT signOutRequested(); });
    file->addSeparator();
    addAction(file, u"actionQuit"_s, tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    addAction(edit, u"actionUndo"_s, tr("&Undo"), QKeySequence::Undo, [this] { m_article->editor()->undo(); });
    addAction(edit, u"actionRedo"_s, tr("&Redo"), QKeySequence::Redo, [this] { m_article->editor()->redo(); });
    edit->addSeparator();
    QAction *find = addAction(edit, u"actionFind"_s, tr("&Find…"), QKeySequence::Find, [this] {
        if (m_article->hasArticle())
            m_article->findBar()->openFind();
    });
    QAction *replace = addAction(edit, u"actionReplace"_s, tr("Find and &Replace…"), QKeySequence(u"Ctrl+H"_s), [this] {
        if (m_article->hasArticle())
            m_article->findBar()->openReplace();
    });
    // In the article only: the chat panel and the library have a Ctrl+F of their own.
    for (QAction *action : {find, replace}) {
        QWidget::removeAction(action);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_article->addAction(action);
    }
    edit->addSeparator();
    // The editor handles these keys itself; the menu makes them discoverable.
    QAction *bold = edit->addAction(tr("&Bold"), m_article->editor(), &MarkdownEditor::toggleStrong);
    bold->setObjectName(u"actionBold"_s);
    bold->setShortcut(QKeySequence::Bold);
    bold->setShortcutContext(Qt::WidgetShortcut);
    QAction *italic = edit->addAction(tr("&Italic"), m_article->editor(), &MarkdownEditor::toggleEmphasis);
    italic->setObjectName(u"actionItalic"_s);
    italic->setShortcut(QKeySequence::Italic);
    italic->setShortcutContext(Qt::WidgetShortcut);
    QAction *link = edit->addAction(tr("Insert &Link"), m_article->editor(), &MarkdownEditor::insertLink);
    link->setObjectName(u"actionLink"_s);
    link->setShortcut(QKeySequence(u"Ctrl+Shift+K"_s));
    link->setShortcutContext(Qt::WidgetShortcut);

    QMenu *article = menuBar()->addMenu(tr("&Article"));
    article->setObjectName(u"articleMenu"_s);
    addAction(article, u"actionPublish"_s, tr("&Publish"), QKeySequence(u"Ctrl+Shift+P"_s),
              [this] { changeStatus(ArticleStatus::Published); });
    addAction(article, u"actionUnpublish"_s, tr("&Unpublish"), {}, [this] { changeStatus(ArticleStatus::Draft); });
    addAction(article, u"actionArchive"_s, tr("&Archive"), {}, [this] { changeStatus(ArticleStatus::Archived); });
    article->addSeparator();
    addAction(article, u"actionHistory"_s, tr("Revision &History…"), QKeySequence(u"Ctrl+Alt+H"_s),
              [this] { Q_EMIT historyRequested(m_workspace->draft()->id()); });
    addAction(article, u"actionResolve"_s, tr("Resolve &Conflict…"), {},
              [this] { Q_EMIT conflictViewRequested(m_workspace->draft()->id()); });
    article->addSeparator();
    addAction(article, u"actionDelete"_s, tr("&Delete…"), QKeySequence(u"Ctrl+Shift+Del"_s),
              [this] { deleteArticle(); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    addAction(view, u"actionFocusLibrary"_s, tr("Go to &Library"), QKeySequence(u"Ctrl+1"_s), [this] {
        m_libraryDock->show();
        m_library->view()->setFocus();
    });
    addAction(view, u"actionFocusEditor"_s, tr("Go to the &Text"), QKeySequence(u"Ctrl+2"_s),
              [this] { m_article->editor()->setFocus(); });
    addAction(view, u"actionSearchLibrary"_s, tr("&Search the Library"), QKeySequence(u"Ctrl+Shift+F"_s), [this] {
        m_libraryDock->show();
        m_library->focusSearch();
    });
    view->addSeparator();
    QAction *preview = addAction(view, u"actionPreview"_s, tr("&Preview"), QKeySequence(u"Ctrl+Shift+V"_s), {});
    preview->setCheckable(true);
    preview->setChecked(true);
    connect(preview, &QAction::toggled, m_article, &ArticlePane::setPreviewVisible);
    QAction *outline = m_outlineDock->toggleViewAction();
    outline->setObjectName(u"actionOutline"_s);
    outline->setText(tr("Show the &Outline"));
    outline->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    view->addAction(outline);
    m_actions.insert(outline->objectName(), outline);
    QAction *library = m_libraryDock->toggleViewAction();
    library->setObjectName(u"actionLibrary"_s);
    library->setText(tr("Show the &Library"));
    library->setShortcut(QKeySequence(u"Ctrl+Shift+L"_s));
    view->addAction(library);
    m_actions.insert(library->objectName(), library);
    QAction *focus = addAction(view, u"actionFocusMode"_s, tr("&Focus Mode"), QKeySequence(u"F11"_s), {});
    focus->setCheckable(true);
    connect(focus, &QAction::toggled, this, &MainWindow::setFocusMode);
    if (m_theme) {
        QMenu *themes = view->addMenu(tr("&Theme"));
        themes->setObjectName(u"themeMenu"_s);
        auto *group = new QActionGroup(themes);
        const QList<std::pair<ThemeManager::Mode, QString>> modes{
            {ThemeManager::Mode::System, tr("Follow the &System")},
            {ThemeManager::Mode::Light, tr("&Light")},
            {ThemeManager::Mode::Dark, tr("&Dark")}};
        for (const auto &[mode, text] : modes) {
            QAction *choice = themes->addAction(text);
            choice->setObjectName(u"actionTheme"_s + ThemeManager::modeName(mode));
            choice->setCheckable(true);
            choice->setChecked(m_theme->mode() == mode);
            group->addAction(choice);
            connect(choice, &QAction::triggered, this, [this, mode] {
                m_theme->setMode(mode);
                QSettings().setValue(u"appearance/theme"_s, ThemeManager::modeName(mode));
            });
        }
    }

    QMenu *ai = menuBar()->addMenu(tr("A&I"));
    ai->setObjectName(u"aiMenu"_s);
    QAction *assistPanel = m_assistDock->toggleViewAction();
    assistPanel->setObjectName(u"actionAssistPanel"_s);
    assistPanel->setText(tr("Show the AI &Panel"));
    assistPanel->setShortcut(QKeySequence(u"Ctrl+Shift+I"_s));
    ai->addAction(assistPanel);
    QWidget::addAction(assistPanel);
    m_actions.insert(assistPanel->objectName(), assistPanel);
    QAction *chatPanel = m_chatDock->toggleViewAction();
    chatPanel->setObjectName(u"actionChatPanel"_s);
    chatPanel->setText(tr("Show the &Chat"));
    chatPanel->setShortcut(QKeySequence(u"Ctrl+Shift+J"_s));
    ai->addAction(chatPanel);
    QWidget::addAction(chatPanel);
    m_actions.insert(chatPanel->objectName(), chatPanel);
    QAction *newConversation = m_chat->newConversationAction();
    newConversation->setText(tr("&New Conversation"));
    ai->addAction(newConversation);
    m_actions.insert(u"actionNewConversation"_s, newConversation);
    ai->addSeparator();
    m_assistActions->addTo(ai);
    for (QAction *action : m_assistActions->actions()) {
        QWidget::addAction(action);
        if (!action->objectName().isEmpty())
            m_actions.insert(action->objectName(), action);
    }

    m_adminMenu = menuBar()->addMenu(tr("Ad&min"));
    m_adminMenu->setObjectName(u"adminMenu"_s);
    addAction(m_adminMenu, u"actionAdminPanel"_s, tr("&Users, Statistics and Audit Log…"),
              QKeySequence(u"Ctrl+Shift+A"_s), [this] { showAdminPanel(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    addAction(help, u"actionAbout"_s, tr("&About Inkwell"), {}, [this] {
        auto *about =
            new QMessageBox(QMessageBox::Information, tr("About Inkwell"),
                            tr("Inkwell %1 — a self-hosted AI writing platform.").arg(QStringLiteral(INKWELL_VERSION)),
                            QMessageBox::Ok, this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
}

void MainWindow::buildAssist()
{
    const auto fields = [this] {
        return ArticleFields{m_article->editor(), m_article->titleField(), m_article->excerptField(),
                             m_article->tagsField()};
    };
    m_assistPanel = new AssistPanel(m_workspace->assist(), fields(), [this, fields] {
        m_workspace->draft()->create({});
        return fields();
    });
    m_assistDock = new QDockWidget(tr("AI Assist"), this);
    m_assistDock->setObjectName(u"assistDock"_s);
    m_assistDock->setAccessibleName(tr("AI Assist"));
    m_assistDock->setWidget(m_assistPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_assistDock);
    m_assistDock->hide();
    m_assistActions = new AssistActions(m_workspace->assist(), m_assistPanel, this);
    connect(m_assistPanel, &AssistPanel::activationRequested, this, [this] {
        m_assistDock->show();
        m_assistDock->raise();
    });
    // Results belong to the article they were asked for.
    connect(m_workspace->draft(), &engine::DraftSession::opened, m_assistPanel,
            [this, fields] { m_assistPanel->setCurrentArticle(fields()); });
}

void MainWindow::buildChat()
{
    m_chat = new ChatPanel(m_workspace->client(), m_workspace->conversations());
    m_chatDock = new QDockWidget(tr("Chat"), this);
    m_chatDock->setObjectName(u"chatDock"_s);
    m_chatDock->setAccessibleName(tr("Chat"));
    m_chatDock->setWidget(m_chat);
    addDockWidget(Qt::RightDockWidgetArea, m_chatDock);
    tabifyDockWidget(m_assistDock, m_chatDock);
    m_chatDock->hide();
    connect(m_chat, &ChatPanel::statusMessage, this, [this](const QString &message) { tell(message); });
    // Ctrl+K, window-wide: the panel's own "new conversation", which also brings the panel up.
    QAction *newConversation = m_chat->newConversationAction();
    newConversation->setShortcutContext(Qt::WindowShortcut);
    QWidget::addAction(newConversation);
    connect(newConversation, &QAction::triggered, this, [this] {
        m_chatDock->show();
        m_chatDock->raise();
    });
}

void MainWindow::buildNotifications()
{
    engine::NotificationCenter *center = m_workspace->notifications();
    m_bell = new NotificationBell(center, this);
    menuBar()->setCornerWidget(m_bell, Qt::TopRightCorner);
    m_tray = new TrayNotifier(center, nullptr, this);
    const auto open = [this](const QUuid &id) {
        if (m_workspace->library()->rowOf(id) >= 0) {
            openArticle(id);
            raise();
            activateWindow();
            return;
        }
        // Not here yet (the notification came before the sync): fetch it, then open it.
        tell(tr("Fetching the article…"), 0);
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_workspace->sync(), &engine::SyncEngine::roundFinished, this, [this, id, connection] {
            disconnect(*connection);
            if (m_workspace->library()->rowOf(id) >= 0)
                openArticle(id);
            else
                tell(tr("That article is not available to you any more."));
        });
        m_workspace->sync()->syncNow();
    };
    connect(m_bell, &NotificationBell::openArticleRequested, this, open);
    connect(center, &engine::NotificationCenter::openArticleRequested, this, open);
}

void MainWindow::applyRole()
{
    const bool admin = m_workspace->user().role == Role::Admin;
    m_adminMenu->menuAction()->setVisible(admin);
    if (QAction *action = m_actions.value(u"actionAdminPanel"_s))
        action->setEnabled(admin);
    if (!admin && m_admin)
        m_admin->close();
    if (m_admin)
        m_admin->setCurrentUser(m_workspace->user());
}

void MainWindow::showAdminPanel()
{
    if (m_workspace->user().role != Role::Admin)
        return;
    if (!m_admin) {
        m_admin = new AdminPanel(m_workspace->client(), m_workspace->user(), this);
        m_admin->setWindowFlag(Qt::Window);
        m_admin->setAttribute(Qt::WA_DeleteOnClose);
        m_admin->setWindowTitle(tr("Inkwell — Administration"));
        m_admin->resize(1240, 820);
    }
    m_admin->show();
    m_admin->raise();
    m_admin->activateWindow();
}

void MainWindow::newArticle()
{
    m_workspace->draft()->create({QString(), QString(), QStringList(), QString()});
}

void MainWindow::openArticle(const QUuid &id)
{
    if (id == m_workspace->draft()->id())
        return;
    m_workspace->draft()->open(id);
}

void MainWindow::changeStatus(ArticleStatus status)
{
    engine::DraftSession *draft = m_workspace->draft();
    if (!draft->isOpen())
        return;
    const QUuid id = draft->id();
    const QString title =
        m_article->titleField()->text().trimmed().isEmpty() ? tr("Untitled") : m_article->titleField()->text();
    QString question;
    QString button;
    switch (status) {
    case ArticleStatus::Published:
        question = tr("Publish “%1”? Everyone who can read this server will see it.").arg(title);
        button = tr("Publish");
        break;
    case ArticleStatus::Draft:
        question = tr("Unpublish “%1”? Readers will no longer see it; it becomes a draft again.").arg(title);
        button = tr("Unpublish");
        break;
    case ArticleStatus::Archived:
        question = tr("Archive “%1”? Readers will no longer see it; you keep it in your library.").arg(title);
        button = tr("Archive");
        break;
    }
    confirm(button, question, button, [this, id, status, title] {
        m_article->editor()->setFocus();
        m_workspace->draft()->saveNow();
        tell(tr("Sending “%1” to the server…").arg(title), 0);
        m_workspace->sync()->setArticleStatus(
            id, status, this, [this, status, title](std::expected<void, QString> done) {
                if (!done) {
                    tell(tr("“%1” could not be changed: %2").arg(title, done.error()), 15000);
                    return;
                }
                tell(status == ArticleStatus::Published ? tr("“%1” is published.").arg(title)
                     : status == ArticleStatus::Draft   ? tr("“%1” is a draft again.").arg(title)
                                                        : tr("“%1” is archived.").arg(title));
            });
    });
}

void MainWindow::deleteArticle()
{
    engine::DraftSession *draft = m_workspace->draft();
    if (!draft->isOpen())
        return;
    const QUuid id = draft->id();
    const QString title =
        m_article->titleField()->text().trimmed().isEmpty() ? tr("Untitled") : m_article->titleField()->text();
    confirm(tr("Delete"),
            tr("Delete “%1”? It disappears from every computer; an administrator can restore it within 30 days.")
                .arg(title),
            tr("Delete"), [this, id, title] {
                m_workspace->draft()->close();
                m_workspace->sync()->deleteArticle(id, this, [this, id, title](std::expected<void, QString> done) {
                    if (!done) {
                        tell(tr("“%1” could not be deleted: %2").arg(title, done.error()), 15000);
                        m_workspace->draft()->open(id);
                        return;
                    }
                    tell(tr("“%1” is deleted.").arg(title));
                });
            });
}

void MainWindow::confirm(const QString &title, const QString &text, const QString &button, std::function<void()> then)
{
    if (m_question)
        m_question->close();
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
    box->setObjectName(u"confirmation"_s);
    box->setAccessibleName(title);
    box->setTextFormat(Qt::PlainText);
    QPushButton *yes = box->addButton(button, QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmButton"_s);
    box->setDefaultButton(yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [box, yes, then = std::move(then)](QAbstractButton *clicked) {
        if (clicked == yes)
            then();
        Q_UNUSED(box);
    });
    m_question = box;
    box->open();
}

void MainWindow::askMassRemoval(int count, int total, const std::function<void(bool)> &answer)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove articles from this computer?"),
                                tr("The server no longer has %1 of the %n article(s) on this computer. This happens when "
                                   "the server was reset or replaced. Remove them here too?\n\nYour own unsynced "
                                   "edits are kept either way.",
                                   nullptr, total)
                                    .arg(count),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"massRemovalQuestion"_s);
    box->setAccessibleName(tr("Remove articles from this computer?"));
    box->setTextFormat(Qt::PlainText);
    QPushButton *keep = box->addButton(tr("Keep Them"), QMessageBox::RejectRole);
    keep->setObjectName(u"massRemovalKeep"_s);
    QPushButton *remove = box->addButton(tr("Remove Them"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"massRemovalRemove"_s);
    box->setDefaultButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [remove, answer](QAbstractButton *clicked) { answer(clicked == remove); });
    box->open();
}

void MainWindow::updateActions()
{
    const engine::DraftSession *draft = m_workspace->draft();
    const bool open = draft->isOpen();
    const engine::LibraryEntry &entry = draft->article().entry;
    const bool canWrite = m_workspace->user().role != Role::Viewer;
    const bool conflict = open && entry.syncState == engine::SyncState::Conflict;
    const auto enable = [this](const QString &name, bool on) {
        if (QAction *a = m_actions.value(name))
            a->setEnabled(on);
    };
    enable(u"actionNew"_s, canWrite);
    enable(u"actionPublish"_s, open && canWrite && entry.status != ArticleStatus::Published && !conflict);
    enable(u"actionUnpublish"_s, open && canWrite && entry.status == ArticleStatus::Published);
    enable(u"actionArchive"_s, open && canWrite && entry.status != ArticleStatus::Archived && !entry.neverSynced());
    enable(u"actionDelete"_s, open && canWrite);
    enable(u"actionHistory"_s, open && !entry.neverSynced());
    enable(u"actionResolve"_s, conflict);
    enable(u"actionFind"_s, open);
    enable(u"actionReplace"_s, open);
}

void MainWindow::updateTitle()
{
    const QString title = m_article->titleField()->text().trimmed();
    if (!m_workspace->draft()->isOpen())
        setWindowTitle(tr("Inkwell"));
    else
        setWindowTitle(tr("%1 — Inkwell").arg(title.isEmpty() ? tr("Untitled") : title));
}

void MainWindow::tell(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::setFocusMode(bool on)
{
    m_focusMode = on;
    m_libraryDock->setVisible(!on);
    m_outlineDock->setVisible(!on && m_actions.value(u"actionOutline"_s)->isChecked());
    m_article->setFocusMode(on);
    m_article->setPreviewVisible(!on && m_actions.value(u"actionPreview"_s)->isChecked());
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    if (on)
        m_article->editor()->setFocus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_admin)
        m_admin->close();
    m_workspace->draft()->saveNow();
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    event->accept();
}

} // namespace inkwell::app
