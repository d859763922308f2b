#include "chatview.h"

#include "messagebody.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::ChatMessageState;
using inkwell::engine::ChatSession;
using inkwell::engine::MessageListModel;

namespace inkwell::app {

namespace {
constexpr int kFollowSlackPx = 32;    // this close to the bottom counts as "at the bottom"
constexpr int kShowEarlierAtPx = 300; // this close to the top creates earlier messages
constexpr int kReadableWidthPx = 860; // text lines longer than this are hard to read
constexpr int kCreateBudgetMs = 8;    // creating earlier message widgets: this much per turn of the event loop
constexpr int kAnchorTimeoutMs = 200;
} // namespace

ChatView::ChatView(QWidget *parent)
    : QScrollArea(parent)
    , m_theme(ChatTheme::fromPalette(palette()))
{
    setObjectName(u"messageScroll"_s);
    setAccessibleName(tr("Messages"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus);

    auto *outer = new QWidget(this);
    outer->setObjectName(u"messageColumn"_s);
    outer->setAccessibleName(tr("Messages"));
    auto *centering = new QHBoxLayout(outer);
    centering->setContentsMargins(24, 12, 24, 12);
    m_column = new QWidget(outer);
    m_column->setObjectName(u"messageList"_s);
    m_column->setAccessibleName(tr("Message list"));
    m_column->setMaximumWidth(kReadableWidthPx);
    centering->addStretch(0);
    centering->addWidget(m_column, 1);
    centering->addStretch(0);

    m_messages = new QVBoxLayout(m_column);
    m_messages->setContentsMargins(0, 0, 0, 0);
    m_messages->setSpacing(10);
    m_showEarlier = new QPushButton(tr("Show earlier messages"), m_column);
    m_showEarlier->setObjectName(u"showEarlierButton"_s);
    m_showEarlier->setAccessibleName(tr("Show earlier messages"));
    m_showEarlier->setFlat(true);
    m_showEarlier->hide();
    connect(m_showEarlier, &QPushButton::clicked, this, &ChatView::showEarlier);
    m_messages->addWidget(m_showEarlier, 0, Qt::AlignHCenter);

    m_empty = new QWidget(m_column);
    m_empty->setObjectName(u"chatEmptyState"_s);
    m_empty->setAccessibleName(tr("No messages"));
    auto *empty = new QVBoxLayout(m_empty);
    empty->setContentsMargins(0, 120, 0, 0);
    m_emptyTitle = new QLabel(m_empty);
    m_emptyTitle->setObjectName(u"emptyTitle"_s);
    m_emptyTitle->setAccessibleName(tr("Empty chat"));
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyTitle->setWordWrap(true);
    m_emptyHint = new QLabel(m_empty);
    m_emptyHint->setObjectName(u"emptyHint"_s);
    m_emptyHint->setAccessibleName(tr("Hint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setWordWrap(true);
    empty->addWidget(m_emptyTitle);
    empty->addSpacing(6);
    empty->addWidget(m_emptyHint);
    m_messages->addWidget(m_empty);
    m_messages->addStretch(1);
    setEmptyText(tr("No conversation open"), tr("Pick one on the left, or start a new one with Ctrl+K."));

    setWidget(outer);

    m_jump = new QPushButton(tr("↓ Jump to latest"), this);
    m_jump->setObjectName(u"jumpToLatest"_s);
    m_jump->setAccessibleName(tr("Jump to the latest message"));
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->hide();
    connect(m_jump, &QPushButton::clicked, this, &ChatView::scrollToLatest);

    setRenderScheduler(new RenderScheduler(this));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ChatView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &ChatView::onRangeChanged);
    updateEmptyState();
}

void ChatView::setEmptyText(const QString &title, const QString &hint)
{
    m_emptyTitle->setText(title);
    m_emptyHint->setText(hint);
}

void ChatView::setRenderScheduler(RenderScheduler *scheduler)
{
    if (!scheduler || scheduler == m_scheduler)
        return;
    disconnect(m_schedulerConnection);
    m_scheduler = scheduler;
    m_schedulerConnection = connect(scheduler, &RenderScheduler::rendered, this, &ChatView::onRendered);
    // Text waiting for the old scheduler goes to the new one.
    for (MessageWidget *widget : std::as_const(m_widgets))
        requestRender(widget);
}

void ChatView::requestRender(MessageWidget *widget)
{
    if (widget->hasPendingText())
        m_scheduler->request(widget);
}

void ChatView::onRendered(MessageWidget *widget)
{
    if (const int row = rowOf(widget); row >= 0)
        Q_EMIT textRendered(row);
}

void ChatView::setTheme(const ChatTheme &theme)
{
    m_theme = theme;
    for (MessageWidget *widget : std::as_const(m_widgets)) {
        widget->body()->document()->setDefaultStyleSheet(theme.documentStyleSheet());
        widget->setMarkdownStyle(theme.markdownStyle());
    }
}

void ChatView::setSession(ChatSession *session)
{
    if (session == m_session)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_session = session;
    if (session) {
        MessageListModel *model = session->messages();
        m_connections << connect(model, &QAbstractItemModel::modelReset, this, &ChatView::rebuild)
                      << connect(model, &QAbstractItemModel::rowsInserted, this,
                                 [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); })
                      << connect(model, &QAbstractItemModel::rowsRemoved, this,
                                 [this](const QModelIndex &, int first, int last) { onRowsRemoved(first, last); })
                      << connect(model, &QAbstractItemModel::dataChanged, this, &ChatView::onDataChanged)
                      << connect(session, &ChatSession::actionsChanged, this, &ChatView::refreshActions)
                      << connect(session, &ChatSession::statusChanged, this, &ChatView::updateEmptyState);
    }
    rebuild();
}

void ChatView::rebuild()
{
    m_earlierPending = 0;
    for (MessageWidget *widget : std::as_const(m_widgets))
        delete widget;
    m_widgets.clear();
    const int rows = m_session ? m_session->messages()->rowCount() : 0;
    m_firstRow = std::max(0, rows - kInitialMessages);
    for (int row = m_firstRow; row < rows; ++row)
        m_widgets.append(createWidget(row, int(1 + m_widgets.size())));
    m_showEarlier->setVisible(m_firstRow > 0);
    m_follow = true;
    m_keepFromBottom.reset();
    updateEmptyState();
    scrollToLatest();
}

MessageWidget *ChatView::createWidget(int row, int layoutIndex)
{
    const MessageListModel *model = m_session->messages();
    auto *widget = new MessageWidget(model->message(row).role, m_theme.markdownStyle(), m_column);
    widget->body()->document()->setDefaultStyleSheet(m_theme.documentStyleSheet());
    // Lay the new widget out at the column's width before its text is rendered: rendered at a new widget's default
    // width (a hundred pixels), a long answer is laid out once narrow and tall, then again when the column sizes it.
    if (m_column->width() > 0) {
        widget->resize(m_column->width(), widget->sizeHint().height());
        widget->layout()->activate();
    }
    widget->setSnapshot(snapshotOf(row));
    connect(widget, &MessageWidget::copied, this, &ChatView::statusMessage);
    connect(widget, &MessageWidget::copyRequested, this, [this, widget] {
        QGuiApplication::clipboard()->setText(widget->snapshot().message.content);
        Q_EMIT statusMessage(tr("Message copied"));
    });
    connect(widget, &MessageWidget::regenerateRequested, this, [this] {
        if (m_session)
            m_session->regenerate();
    });
    connect(widget, &MessageWidget::retryRequested, this, [this] {
        if (m_session)
            m_session->retry();
    });
    connect(widget, &MessageWidget::editRequested, this,
            [this, widget] { Q_EMIT editRequested(widget->snapshot().message.content); });
    connect(widget, &MessageWidget::alternativeRequested, this, [this, widget](int index) {
        if (const int row = rowOf(widget); row >= 0 && m_session)
            m_session->messages()->showAlternative(row, index);
    });
    m_messages->insertWidget(layoutIndex, widget);
    return widget;
}

MessageSnapshot ChatView::snapshotOf(int row) const
{
    const MessageListModel *model = m_session->messages();
    MessageSnapshot snapshot;
    snapshot.message = model->message(row);
    snapshot.alternativeIndex = model->alternativeIndex(row);
    snapshot.alternativeCount = model->alternativeCount(row);
    snapshot.superseded = model->isSuperseded(row);
    const bool last = row == model->rowCount() - 1;
    const MessageRole role = snapshot.message.role;
    snapshot.canRegenerate = last && role == MessageRole::Assistant && m_session->canRegenerate();
    snapshot.canRetry = last && m_session->canRetry();
    snapshot.canEdit =
        role == MessageRole::User && row == model->lastRow(MessageRole::User) && m_session->canEditLastQuestion();
    return snapshot;
}

int ChatView::rowOf(const MessageWidget *widget) const
{
    const qsizetype index = m_widgets.indexOf(widget);
    return index < 0 ? -1 : int(m_firstRow + index);
}

MessageWidget *ChatView::messageWidget(int row) const
{
    const qsizetype index = row - m_firstRow;
    return index >= 0 && index < m_widgets.size() ? m_widgets.at(index) : nullptr;
}

bool ChatView::showEarlier()
{
    if (!m_session || m_firstRow == 0)
        return false;
    if (m_earlierPending == 0) {
        m_earlierPending = kBatch;
        createEarlierStep();
    }
    return true;
}

void ChatView::createEarlierStep()
{
    if (!m_session)
        return;
    QElapsedTimer budget;
    budget.start();
    // Keep what is on screen in place: the same distance from the bottom once the new widgets are laid out.
    if (!m_keepFromBottom) {
        m_keepFromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
        ++m_anchorSerial;
    }
    m_follow = false;
    do {
        m_widgets.prepend(createWidget(--m_firstRow, 1));
        --m_earlierPending;
    } while (m_earlierPending > 0 && m_firstRow > 0 && budget.elapsed() < kCreateBudgetMs);
    m_showEarlier->setVisible(m_firstRow > 0);
    if (m_earlierPending > 0 && m_firstRow > 0)
        QTimer::singleShot(1, this, &ChatView::createEarlierStep); // a timer, so input and paint come first
    else
        m_earlierPending = 0;
    // When the new widgets did not change the scroll range (everything still fits), no rangeChanged comes to use
    // the anchor: drop it then.
    QTimer::singleShot(kAnchorTimeoutMs, this, [this, serial = m_anchorSerial] {
        if (serial == m_anchorSerial)
            m_keepFromBottom.reset();
    });
}

void ChatView::onRowsInserted(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        if (row < m_firstRow)
            continue;
        m_widgets.insert(row - m_firstRow, createWidget(row, 1 + row - m_firstRow));
    }
    refreshActions();
    updateEmptyState();
}

void ChatView::onRowsRemoved(int first, int last)
{
    for (int row = last; row >= first; --row) {
        const qsizetype index = row - m_firstRow;
        if (index < 0 || index >= m_widgets.size())
            continue;
        delete m_widgets.takeAt(index);
    }
    if (first < m_firstRow)
        m_firstRow = std::max(0, m_firstRow - (std::min(last, m_firstRow - 1) - first + 1));
    refreshActions();
    updateEmptyState();
}

void ChatView::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    const bool textOnly = roles.size() == 1 && roles.constFirst() == MessageListModel::ContentRole;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        MessageWidget *widget = messageWidget(row);
        if (!widget)
            continue;
        if (textOnly) {
            // A delta: the cheapest path. The text waits for the next render tick.
            widget->setPendingText(m_session->messages()->message(row).content);
        } else {
            // Streaming text waits for the next render tick; everything else shows at once.
            const MessageSnapshot snapshot = snapshotOf(row);
            widget->setSnapshot(snapshot, snapshot.message.state == ChatMessageState::Streaming);
            if (!widget->hasPendingText())
                Q_EMIT textRendered(row);
        }
        requestRender(widget);
    }
}

void ChatView::refreshActions()
{
    if (!m_session)
        return;
    // Only the last turn's actions depend on the session's state.
    const int rows = m_session->messages()->rowCount();
    for (int row = std::max(m_firstRow, rows - 3); row < rows; ++row) {
        if (MessageWidget *widget = messageWidget(row)) {
            widget->setSnapshot(snapshotOf(row), true);
            requestRender(widget);
        }
    }
    // Earlier rows lose their Edit/Regenerate when a new turn starts.
    if (rows >= 4) {
        for (int row = std::max(m_firstRow, rows - 5); row < rows - 3; ++row) {
            if (MessageWidget *widget = messageWidget(row))
                widget->setSnapshot(snapshotOf(row), true);
        }
    }
}

void ChatView::updateEmptyState()
{
    const bool hasMessages = m_session && m_session->messages()->rowCount() > 0;
    if (m_session && !hasMessages) {
        switch (m_session->status()) {
        case ChatSession::Status::Loading:
            setEmptyText(tr("Loading…"), {});
            break;
        case ChatSession::Status::LoadFailed:
            setEmptyText(tr("This conversation could not be opened"), m_session->loadError());
            break;
        case ChatSession::Status::Ready:
            setEmptyText(tr("Think aloud with the assistant"),
                         tr("Ask about a scene, a title, a paragraph that does not work yet.\nEnter sends, "
                            "Shift+Enter starts a new line."));
            break;
        case ChatSession::Status::Closed:
            setEmptyText(tr("No conversation open"), tr("Pick one on the left, or start a new one with Ctrl+K."));
            break;
        }
    } else if (!m_session) {
        setEmptyText(tr("No conversation open"), tr("Pick one on the left, or start a new one with Ctrl+K."));
    }
    m_empty->setVisible(!hasMessages);
}

void ChatView::scrollToLatest()
{
    m_follow = true;
    m_keepFromBottom.reset();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_jump->hide();
}

void ChatView::onScrolled(int value)
{
    QScrollBar *bar = verticalScrollBar();
    if (m_keepFromBottom)
        return; // a layout after showEarlier() is pending: the value is not the user's
    m_follow = value >= bar->maximum() - kFollowSlackPx;
    m_jump->setVisible(!m_follow && m_session && m_session->messages()->rowCount() > 0);
    placeJumpButton();
    if (value < kShowEarlierAtPx && m_firstRow > 0 && bar->maximum() > 0)
        QTimer::singleShot(0, this, &ChatView::showEarlier); // not while the scroll bar is emitting
}

void ChatView::onRangeChanged(int, int maximum)
{
    if (m_keepFromBottom) {
        const int keep = *m_keepFromBottom;
        m_keepFromBottom.reset();
        verticalScrollBar()->setValue(maximum - keep);
        return;
    }
    if (m_follow)
        verticalScrollBar()->setValue(maximum);
}

void ChatView::placeJumpButton()
{
    m_jump->adjustSize();
    const QRect area = viewport()->geometry();
    m_jump->move(area.center().x() - m_jump->width() / 2, area.bottom() - m_jump->height() - 12);
    m_jump->raise();
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    placeJumpButton();
}

void ChatView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_session && m_session->canStop()) {
        m_session->stop();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_End && event->modifiers() == Qt::ControlModifier) {
        scrollToLatest();
        event->accept();
        return;
    }
    QScrollArea::keyPressEvent(event);
}

} // namespace inkwell::app
