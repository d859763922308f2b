#include "chatpanel.h"

#include "chatinput.h"
#include "chatview.h"
#include "conversationdelegate.h"
#include "window/elidedlabel.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::AiAvailability;
using inkwell::engine::ChatSession;
using inkwell::engine::ConversationListModel;

namespace inkwell::app {

namespace {
constexpr int kStatusShownMs = 4000;
constexpr int kSidebarWidth = 220;
} // namespace

ChatPanel::ChatPanel(api::ApiClient *api, ConversationListModel *conversations, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_conversations(conversations)
    , m_ai(new AiAvailability(api, this))
    , m_theme(ChatTheme::fromPalette(palette()))
{
    setObjectName(u"chatPanel"_s);
    setAccessibleName(tr("AI chat"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"chatSplitter"_s);
    m_splitter->setAccessibleName(tr("Conversations and messages"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    layout->addWidget(m_splitter);

    auto *sidebar = new QFrame(m_splitter);
    sidebar->setObjectName(u"chatSidebar"_s);
    sidebar->setAccessibleName(tr("Conversations"));
    buildSidebar(sidebar);
    auto *main = new QFrame(m_splitter);
    main->setObjectName(u"chatMain"_s);
    main->setAccessibleName(tr("Conversation"));
    buildMain(main);
    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(main);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({kSidebarWidth, 900});
    buildActions();

    m_statusTimer.setSingleShot(true);
    connect(&m_statusTimer, &QTimer::timeout, m_status, &QLabel::clear);

    connect(m_conversations, &ConversationListModel::created, this, [this](const Conversation &conversation) {
        if (!std::exchange(m_openCreated, false))
            return;
        openConversation(conversation.id);
        m_input->setFocus();
        if (!m_sendAfterCreate.isEmpty() && m_current) {
            // The question typed before there was a conversation goes once it is open.
            const QString text = std::exchange(m_sendAfterCreate, {});
            connect(
                m_current, &ChatSession::statusChanged, this,
                [this, session = m_current, text](ChatSession::Status status) {
                    if (status == ChatSession::Status::Ready && session == m_current && session->send(text))
                        m_input->clear();
                },
                Qt::SingleShotConnection);
        }
    });
    connect(m_conversations, &ConversationListModel::removed, this, [this](const QUuid &id) {
        if (ChatSession *session = m_sessions.value(id)) {
            if (session == m_current)
                setCurrent(nullptr);
            retire(session);
        }
        showStatus(tr("Conversation deleted"));
    });
    connect(m_conversations, &ConversationListModel::errorOccurred, this, &ChatPanel::showStatus);
    connect(m_conversations, &ConversationListModel::modelReset, this, &ChatPanel::selectCurrentInList);
    connect(m_conversations, &ConversationListModel::rowsMoved, this, &ChatPanel::selectCurrentInList);
    connect(m_conversations, &ConversationListModel::dataChanged, this, &ChatPanel::updateHeader);
    connect(m_conversations, &ConversationListModel::loadingChanged, this, [this](bool loading) {
        m_listStatus->setText(loading && m_conversations->rowCount() == 0 ? tr("Loading…") : QString());
        m_listStatus->setVisible(!m_listStatus->text().isEmpty());
    });
    connect(m_ai, &AiAvailability::changed, this, &ChatPanel::updateActions);

    // Focus given to the panel (a dock, a shortcut of the main window) lands in the question box.
    setFocusProxy(m_input);
    applyTheme();
    setCurrent(nullptr);
    if (m_conversations->rowCount() == 0 && !m_conversations->isLoading())
        m_conversations->reload();
    m_ai->check();
}

ChatPanel::~ChatPanel()
{
    // Sessions are children: their destructors abort running answers (kept by the server as cancelled).
    m_view->setSession(nullptr);
}

void ChatPanel::buildSidebar(QWidget *sidebar)
{
    auto *column = new QVBoxLayout(sidebar);
    column->setContentsMargins(10, 12, 4, 10);
    column->setSpacing(8);

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    m_search = new QLineEdit(sidebar);
    m_search->setObjectName(u"conversationSearch"_s);
    m_search->setAccessibleName(tr("Search conversations"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_conversations, &ConversationListModel::setFilter);
    m_search->installEventFilter(this);
    m_newButton = new QPushButton(tr("New"), sidebar);
    m_newButton->setObjectName(u"newConversationButton"_s);
    m_newButton->setAccessibleName(tr("New conversation"));
    m_newButton->setToolTip(tr("New conversation (Ctrl+K)"));
    m_newButton->setCursor(Qt::PointingHandCursor);
    connect(m_newButton, &QPushButton::clicked, this, &ChatPanel::newConversation);
    top->addWidget(m_search, 1);
    top->addWidget(m_newButton);
    column->addLayout(top);

    m_list = new QListView(sidebar);
    m_list->setObjectName(u"conversationList"_s);
    m_list->setAccessibleName(tr("Conversation list"));
    m_list->setModel(m_conversations);
    m_delegate = new ConversationDelegate(m_list);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setMouseTracking(true);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // rows elide their text to the width
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListView::customContextMenuRequested, this, &ChatPanel::showListMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ChatPanel::onCurrentRowChanged);
    column->addWidget(m_list, 1);

    m_listStatus = new QLabel(sidebar);
    m_listStatus->setObjectName(u"conversationListStatus"_s);
    m_listStatus->setAccessibleName(tr("Conversation list status"));
    m_listStatus->setWordWrap(true);
    m_listStatus->hide();
    column->addWidget(m_listStatus);
    sidebar->setMinimumWidth(200);
}

void ChatPanel::buildMain(QWidget *main)
{
    auto *column = new QVBoxLayout(main);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);

    // Header: the title, the tokens so far, the system prompt.
    auto *header = new QFrame(main);
    header->setObjectName(u"chatHeader"_s);
    header->setAccessibleName(tr("Conversation header"));
    auto *headerRow = new QHBoxLayout(header);
    headerRow->setContentsMargins(20, 10, 12, 10);
    m_title = new ElidedLabel(header);
    m_title->setObjectName(u"conversationTitle"_s);
    m_title->setAccessibleName(tr("Conversation title"));
    m_title->setTextFormat(Qt::PlainText);
    m_model = new QLabel(header);
    m_model->setObjectName(u"conversationModel"_s);
    m_model->setAccessibleName(tr("Model"));
    m_model->setToolTip(tr("The model that answers in this conversation"));
    m_tokens = new QLabel(header);
    m_tokens->setObjectName(u"conversationTokens"_s);
    m_tokens->setAccessibleName(tr("Tokens in this conversation"));
    m_systemPromptButton = new QToolButton(header);
    m_systemPromptButton->setObjectName(u"systemPromptButton"_s);
    m_systemPromptButton->setAccessibleName(tr("System prompt"));
    m_systemPromptButton->setCheckable(true);
    m_systemPromptButton->setAutoRaise(true);
    m_systemPromptButton->setToolTip(tr("Instructions the assistant follows in this conversation (Ctrl+Alt+P)"));
    headerRow->addWidget(m_title, 1);
    headerRow->addWidget(m_model);
    headerRow->addSpacing(10);
    headerRow->addWidget(m_tokens);
    headerRow->addSpacing(8);
    headerRow->addWidget(m_systemPromptButton);
    column->addWidget(header);

    // The system prompt, folded away until asked for.
    m_systemPromptPanel = new QFrame(main);
    m_systemPromptPanel->setObjectName(u"systemPromptPanel"_s);
    m_systemPromptPanel->setAccessibleName(tr("System prompt editor"));
    auto *promptColumn = new QVBoxLayout(m_systemPromptPanel);
    promptColumn->setContentsMargins(20, 10, 20, 10);
    auto *promptLabel =
        new QLabel(tr("System prompt — how the assistant should behave in this conversation"), m_systemPromptPanel);
    promptLabel->setObjectName(u"systemPromptLabel"_s);
    promptLabel->setAccessibleName(tr("System prompt explanation"));
    promptLabel->setWordWrap(true);
    m_systemPromptEditor = new QPlainTextEdit(m_systemPromptPanel);
    m_systemPromptEditor->setObjectName(u"systemPromptEditor"_s);
    m_systemPromptEditor->setAccessibleName(tr("System prompt"));
    m_systemPromptEditor->setPlaceholderText(
        tr("For example: You are a patient editor. Answer briefly and keep my voice."));
    m_systemPromptEditor->setTabChangesFocus(true);
    m_systemPromptEditor->setMaximumHeight(110);
    m_systemPromptEditor->installEventFilter(this);
    promptLabel->setBuddy(m_systemPromptEditor);
    auto *promptButtons = new QHBoxLayout;
    m_systemPromptStatus = new QLabel(m_systemPromptPanel);
    m_systemPromptStatus->setObjectName(u"systemPromptStatus"_s);
    m_systemPromptStatus->setAccessibleName(tr("System prompt status"));
    m_saveSystemPrompt = new QPushButton(tr("Save"), m_systemPromptPanel);
    m_saveSystemPrompt->setObjectName(u"saveSystemPromptButton"_s);
    m_saveSystemPrompt->setAccessibleName(tr("Save system prompt"));
    m_saveSystemPrompt->setToolTip(tr("Save (Ctrl+Enter)"));
    connect(m_saveSystemPrompt, &QPushButton::clicked, this, &ChatPanel::saveSystemPrompt);
    promptButtons->addWidget(m_systemPromptStatus, 1);
    promptButtons->addWidget(m_saveSystemPrompt);
    promptColumn->addWidget(promptLabel);
    promptColumn->addWidget(m_systemPromptEditor);
    promptColumn->addLayout(promptButtons);
    m_systemPromptPanel->hide();
    connect(m_systemPromptButton, &QToolButton::toggled, this, [this](bool on) {
        m_systemPromptPanel->setVisible(on);
        if (on) {
            loadSystemPromptEditor();
            m_systemPromptEditor->setFocus();
        }
    });
    column->addWidget(m_systemPromptPanel);

    m_view = new ChatView(main);
    connect(m_view, &ChatView::statusMessage, this, &ChatPanel::showStatus);
    connect(m_view, &ChatView::editRequested, this, [this] { startEditingLastQuestion(); });
    column->addWidget(m_view, 1);

    // The question box.
    auto *bottom = new QWidget(main);
    bottom->setObjectName(u"composerArea"_s);
    bottom->setAccessibleName(tr("Question area"));
    auto *bottomColumn = new QVBoxLayout(bottom);
    bottomColumn->setContentsMargins(24, 6, 24, 10);
    bottomColumn->setSpacing(6);
    m_providerBanner = new QLabel(bottom);
    m_providerBanner->setObjectName(u"providerBanner"_s);
    m_providerBanner->setAccessibleName(tr("The assistant is not available"));
    m_providerBanner->setWordWrap(true);
    m_providerBanner->hide();
    bottomColumn->addWidget(m_providerBanner);

    auto *composer = new QFrame(bottom);
    m_composer = composer;
    composer->setObjectName(u"composerFrame"_s);
    composer->setAccessibleName(tr("Question"));
    auto *composerColumn = new QVBoxLayout(composer);
    composerColumn->setContentsMargins(10, 6, 8, 8);
    composerColumn->setSpacing(4);
    m_editBar = new QLabel(tr("Editing your last question — Enter sends it again, Esc cancels"), composer);
    m_editBar->setObjectName(u"editModeBar"_s);
    m_editBar->setAccessibleName(tr("Editing the last question"));
    m_editBar->setWordWrap(true);
    m_editBar->hide();
    composerColumn->addWidget(m_editBar);
    auto *inputRow = new QHBoxLayout;
    inputRow->setSpacing(8);
    m_input = new ChatInput(composer);
    connect(m_input, &ChatInput::submitted, this, &ChatPanel::submit);
    connect(m_input, &ChatInput::escapePressed, this, &ChatPanel::onEscape);
    connect(m_input, &ChatInput::editLastRequested, this, &ChatPanel::startEditingLastQuestion);
    connect(m_input, &ChatInput::focusChanged, this, [composer](bool focused) {
        composer->setProperty("focused", focused);
        composer->style()->unpolish(composer);
        composer->style()->polish(composer);
    });
    connect(m_input, &QPlainTextEdit::textChanged, this, &ChatPanel::updateActions);
    m_sendButton = new QPushButton(tr("Send"), composer);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setAccessibleName(tr("Send"));
    m_sendButton->setToolTip(tr("Send (Enter)"));
    m_sendButton->setCursor(Qt::PointingHandCursor);
    connect(m_sendButton, &QPushButton::clicked, this, &ChatPanel::submit);
    m_stopButton = new QPushButton(tr("Stop"), composer);
    m_stopButton->setObjectName(u"stopButton"_s);
    m_stopButton->setAccessibleName(tr("Stop the answer"));
    m_stopButton->setToolTip(tr("Stop (Esc)"));
    m_stopButton->setCursor(Qt::PointingHandCursor);
    m_stopButton->hide();
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (m_current)
            m_current->stop();
    });
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);
    inputRow->addWidget(m_stopButton, 0, Qt::AlignBottom);
    composerColumn->addLayout(inputRow);
    bottomColumn->addWidget(composer);

    auto *statusRow = new QHBoxLayout;
    m_hint = new QLabel(tr("Enter to send · Shift+Enter for a new line · Esc stops an answer"), bottom);
    m_hint->setObjectName(u"composerHint"_s);
    m_hint->setAccessibleName(tr("Keyboard hint"));
    m_hint->setWordWrap(true);
    m_status = new QLabel(bottom);
    m_status->setObjectName(u"chatStatus"_s);
    m_status->setAccessibleName(tr("Chat status"));
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusRow->addWidget(m_hint, 1);
    statusRow->addWidget(m_status, 1);
    bottomColumn->addLayout(statusRow);
    column->addWidget(bottom);
}

void ChatPanel::buildActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &keys,
                             Qt::ShortcutContext context = Qt::WidgetWithChildrenShortcut) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(context);
        addAction(action);
        return action;
    };
    m_newAction = make(u"newConversationAction"_s, tr("New Conversation"), QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_newAction, &QAction::triggered, this, &ChatPanel::newConversation);
    m_searchAction = make(u"searchConversationsAction"_s, tr("Search Conversations"), QKeySequence::Find);
    connect(m_searchAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    // Rename and delete belong to the list: Delete in the question box deletes text.
    m_renameAction = new QAction(tr("Rename…"), m_list);
    m_renameAction->setObjectName(u"renameConversationAction"_s);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_renameAction, &QAction::triggered, this, &ChatPanel::renameCurrent);
    m_list->addAction(m_renameAction);
    m_deleteAction = new QAction(tr("Delete…"), m_list);
    m_deleteAction->setObjectName(u"deleteConversationAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &ChatPanel::deleteCurrent);
    m_list->addAction(m_deleteAction);

    m_stopAction = make(u"stopAnswerAction"_s, tr("Stop Answer"), {});
    connect(m_stopAction, &QAction::triggered, this, [this] {
        if (m_current)
            m_current->stop();
    });
    m_regenerateAction =
        make(u"regenerateAction"_s, tr("Regenerate Answer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_regenerateAction, &QAction::triggered, this, [this] {
        if (m_current)
            m_current->regenerate();
    });
    m_editAction =
        make(u"editLastQuestionAction"_s, tr("Edit Last Question"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_editAction, &QAction::triggered, this, &ChatPanel::startEditingLastQuestion);
    m_retryAction = make(u"retryAction"_s, tr("Retry"), QKeySequence(Qt::Key_F5));
    connect(m_retryAction, &QAction::triggered, this, [this] {
        if (m_current)
            m_current->retry();
    });
    m_copyAnswerAction =
        make(u"copyLastAnswerAction"_s, tr("Copy Last Answer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyAnswerAction, &QAction::triggered, this, [this] {
        if (!m_current)
            return;
        const int row = m_current->messages()->lastRow(MessageRole::Assistant);
        if (row < 0)
            return;
        QGuiApplication::clipboard()->setText(m_current->messages()->message(row).content);
        showStatus(tr("Answer copied"));
    });
    m_systemPromptAction =
        // Ctrl+Alt+P: Ctrl+Shift+P publishes the open article, window-wide.
        make(u"systemPromptAction"_s, tr("System Prompt"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    connect(m_systemPromptAction, &QAction::triggered, m_systemPromptButton, &QToolButton::toggle);
}

void ChatPanel::applyTheme()
{
    m_applyingTheme = true;
    m_theme = ChatTheme::fromPalette(palette());
    setStyleSheet(m_theme.panelStyleSheet());
    m_delegate->setTheme(m_theme);
    m_view->setTheme(m_theme);
    m_applyingTheme = false;
}

void ChatPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Follow a switch between light and dark (Qt 6.4 has no colour-scheme signal; the palette changes).
    if (event->type() == QEvent::PaletteChange && !m_applyingTheme) {
        const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
        if (dark != m_theme.dark)
            applyTheme();
    }
}

bool ChatPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_systemPromptEditor && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
        (key->modifiers() & Qt::ControlModifier)) {
        saveSystemPrompt();
        return true;
    }
    if (watched == m_search && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return)) {
        // From the search box into the results.
        m_list->setFocus();
        if (!m_list->currentIndex().isValid() && m_conversations->rowCount() > 0)
            m_list->setCurrentIndex(m_conversations->index(0));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPanel::reload()
{
    m_conversations->reload();
    m_ai->check();
}

QUuid ChatPanel::currentConversation() const
{
    return m_current ? m_current->conversationId() : QUuid();
}

void ChatPanel::newConversation()
{
    // A new conversation is untitled: clear a search that would hide it.
    if (!m_search->text().isEmpty())
        m_search->clear();
    m_openCreated = true;
    m_conversations->create();
}

void ChatPanel::openConversation(const QUuid &id)
{
    if (id.isNull() || id == currentConversation())
        return;
    setCurrent(sessionFor(id));
    selectCurrentInList();
}

ChatSession *ChatPanel::sessionFor(const QUuid &id)
{
    if (ChatSession *session = m_sessions.value(id))
        return session; // still streaming in the background
    auto *session = new ChatSession(m_api, this);
    m_sessions.insert(id, session);
    connect(session, &ChatSession::conversationChanged, this, [this, session](const Conversation &conversation) {
        if (conversation.createdAt.isValid()) // a placeholder while loading has no times
            m_conversations->upsert(conversation);
        if (session == m_current)
            updateHeader();
    });
    connect(session, &ChatSession::actionsChanged, this, [this, session] {
        updateStreamingMarks();
        if (session == m_current)
            updateActions();
    });
    connect(session, &ChatSession::answerFinished, this, [this, session] {
        if (session != m_current && !session->isStreaming())
            retire(session); // a background answer is done: nothing left to keep it for
    });
    connect(session, &ChatSession::providerUnavailable, m_ai, &AiAvailability::reportUnconfigured);
    connect(session, &ChatSession::errorOccurred, this, &ChatPanel::showStatus);
    connect(session, &ChatSession::systemPromptSaved, this, [this, session] {
        if (session == m_current) {
            m_systemPromptStatus->setText(tr("Saved"));
            showStatus(tr("System prompt saved"));
        }
    });
    connect(session, &ChatSession::statusChanged, this, [this, session] {
        if (session == m_current) {
            updateHeader();
            updateActions();
        }
    });
    if (const std::optional<Conversation> known = m_conversations->find(id))
        session->open(*known);
    else
        session->open(id);
    return session;
}

void ChatPanel::retire(ChatSession *session)
{
    m_sessions.remove(m_sessions.key(session));
    session->deleteLater();
    updateStreamingMarks();
}

void ChatPanel::setCurrent(ChatSession *session)
{
    ChatSession *previous = m_current;
    if (previous == session && session)
        return;
    if (m_editing)
        stopEditing();
    m_current = session;
    m_view->setSession(session);
    // The previous conversation stays only while its answer is arriving.
    if (previous && previous != session && !previous->isStreaming())
        retire(previous);
    m_systemPromptButton->setChecked(false);
    m_systemPromptStatus->clear();
    updateHeader();
    updateActions();
}

void ChatPanel::onCurrentRowChanged()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return;
    openConversation(index.data(ConversationListModel::IdRole).toUuid());
}

void ChatPanel::selectCurrentInList()
{
    const int row = m_conversations->rowOf(currentConversation());
    if (row < 0)
        return;
    const QModelIndex index = m_conversations->index(row);
    if (m_list->currentIndex() != index) {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_list->viewport()->update();
    }
    m_list->scrollTo(index);
}

void ChatPanel::updateHeader()
{
    if (!m_current || !m_current->conversation()) {
        m_title->setText(tr("AI chat"));
        m_tokens->clear();
        m_model->clear();
        m_model->hide();
        m_systemPromptButton->setText(tr("System prompt"));
        return;
    }
    const Conversation &conversation = *m_current->conversation();
    // The list holds the newest title (renames go through it; generated titles reach it from the session).
    std::optional<QString> title = conversation.title;
    if (const std::optional<Conversation> listed = m_conversations->find(conversation.id))
        title = listed->title;
    m_title->setText(title.value_or(ConversationListModel::placeholderTitle()));
    m_model->setText(conversation.model);
    m_model->setVisible(!conversation.model.isEmpty());
    const qint64 tokens = m_current->totalTokens();
    m_tokens->setText(tokens > 0 ? tr("%Ln token(s)", nullptr, int(tokens)) : QString());
    m_tokens->setToolTip(tr("Tokens used in this conversation so far (questions, answers and titles)"));
    const bool hasPrompt = !m_current->systemPrompt().isEmpty();
    m_systemPromptButton->setText(hasPrompt ? tr("System prompt ●") : tr("System prompt"));
    m_systemPromptButton->setAccessibleDescription(hasPrompt ? tr("set") : tr("not set"));
    if (m_systemPromptPanel->isVisible() && !m_systemPromptEditor->document()->isModified())
        loadSystemPromptEditor();
}

void ChatPanel::updateActions()
{
    ChatSession *session = m_current;
    const bool streaming = session && session->isStreaming();
    const bool ready = session && session->status() == ChatSession::Status::Ready;
    const bool aiOk = m_ai->canChat();
    const bool hasText = !m_input->toPlainText().trimmed().isEmpty();

    m_sendButton->setVisible(!streaming);
    m_stopButton->setVisible(streaming);
    m_stopButton->setEnabled(session && session->canStop());
    m_stopButton->setText(session && session->isStopping() ? tr("Stopping…") : tr("Stop"));
    // Without an AI provider the action stays where it is, disabled, and the banner says why.
    m_sendButton->setEnabled(aiOk && hasText && (!session || ready) && !streaming);
    m_sendButton->setToolTip(aiOk ? tr("Send (Enter)") : m_ai->message());
    m_providerBanner->setText(m_ai->message());
    m_providerBanner->setVisible(!aiOk);
    m_input->setPlaceholderText(!aiOk       ? tr("The assistant is not available on this server")
                                : m_editing ? tr("Edit your question")
                                            : tr("Ask the assistant…"));

    m_stopAction->setEnabled(session && session->canStop());
    m_regenerateAction->setEnabled(aiOk && session && session->canRegenerate());
    m_editAction->setEnabled(aiOk && session && session->canEditLastQuestion());
    m_retryAction->setEnabled(aiOk && session && session->canRetry());
    m_copyAnswerAction->setEnabled(session && session->messages()->lastRow(MessageRole::Assistant) >= 0);
    m_systemPromptButton->setEnabled(ready);
    m_systemPromptAction->setEnabled(ready);
    m_renameAction->setEnabled(m_list->currentIndex().isValid());
    m_deleteAction->setEnabled(m_list->currentIndex().isValid());
}

void ChatPanel::updateStreamingMarks()
{
    QSet<QUuid> streaming;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it.value()->isStreaming())
            streaming.insert(it.key());
    }
    m_delegate->setStreaming(streaming);
    m_list->viewport()->update();
}

void ChatPanel::submit()
{
    const QString text = m_input->toPlainText();
    if (text.trimmed().isEmpty())
        return;
    if (!m_ai->canChat()) {
        showStatus(m_ai->message());
        return;
    }
    if (!m_current) {
        // Typing into the empty panel starts a conversation.
        m_sendAfterCreate = text;
        newConversation();
        return;
    }
    if (m_current->isStreaming()) {
        showStatus(tr("An answer is still arriving; Esc stops it."));
        return;
    }
    const bool sent = m_editing ? m_current->editAndResend(text) : m_current->send(text);
    if (!sent)
        return;
    if (m_editing)
        stopEditing();
    m_input->clear();
    m_view->scrollToLatest();
}

void ChatPanel::onEscape()
{
    if (m_current && m_current->canStop()) {
        m_current->stop();
        return;
    }
    if (m_editing) {
        stopEditing();
        m_input->setPlainText(std::exchange(m_draftBeforeEdit, {}));
        m_input->moveCursor(QTextCursor::End);
    }
}

void ChatPanel::startEditingLastQuestion()
{
    if (!m_current || !m_current->canEditLastQuestion())
        return;
    if (!m_editing)
        m_draftBeforeEdit = m_input->toPlainText();
    m_editing = true;
    m_editBar->show();
    m_input->setPlainText(m_current->lastQuestion());
    m_input->moveCursor(QTextCursor::End);
    m_input->setFocus();
    updateActions();
}

void ChatPanel::stopEditing()
{
    m_editing = false;
    m_editBar->hide();
    updateActions();
}

void ChatPanel::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setToolTip(text);
    m_statusTimer.start(kStatusShownMs);
    Q_EMIT statusMessage(text);
}

void ChatPanel::renameCurrent()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return;
    m_list->setFocus();
    m_list->edit(index);
}

void ChatPanel::deleteCurrent()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return;
    const QUuid id = index.data(ConversationListModel::IdRole).toUuid();
    const QString title = index.data(ConversationListModel::TitleRole).toString();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete conversation"),
                                tr("Delete “%1” and all its messages? This cannot be undone.").arg(title),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"deleteConversationDialog"_s);
    box->setAccessibleName(tr("Delete conversation"));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->button(QMessageBox::Yes)->setObjectName(u"confirmDeleteButton"_s);
    box->button(QMessageBox::Cancel)->setObjectName(u"cancelDeleteButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        m_list->setFocus(); // back where the user was, for the next key
        if (result == QMessageBox::Yes)
            m_conversations->remove(id);
    });
    box->open();
}

void ChatPanel::showListMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (index.isValid())
        m_list->setCurrentIndex(index);
    updateActions();
    auto *menu = new QMenu(this);
    menu->setObjectName(u"conversationContextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_newAction);
    if (index.isValid()) {
        menu->addSeparator();
        menu->addAction(m_renameAction);
        menu->addAction(m_deleteAction);
    }
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}

void ChatPanel::loadSystemPromptEditor()
{
    m_systemPromptEditor->setPlainText(m_current ? m_current->systemPrompt() : QString());
    m_systemPromptEditor->document()->setModified(false);
}

void ChatPanel::saveSystemPrompt()
{
    if (!m_current)
        return;
    m_systemPromptStatus->setText(tr("Saving…"));
    m_current->setSystemPrompt(m_systemPromptEditor->toPlainText());
    m_systemPromptEditor->document()->setModified(false);
}

} // namespace inkwell::app
