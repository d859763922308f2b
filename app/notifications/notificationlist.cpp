#include "notificationlist.h"

#include "notificationcenter.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::NotificationCenter;

namespace inkwell::app {

namespace {
constexpr int kPadX = 12;
constexpr int kPadY = 9;
constexpr int kDot = 8;
constexpr int kLineGap = 3;
} // namespace

// ---- NotificationDelegate -----------------------------------------------------------------------------------

QString NotificationDelegate::relativeTime(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 24 * 3600)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    const qint64 days = when.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days == 1)
        return tr("yesterday");
    if (days < 7)
        return tr("%n days ago", nullptr, int(days));
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + kLineGap + option.fontMetrics.height() + 2 * kPadY;
    return {320, height};
}

void NotificationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const QRect rect = option.rect;
    const bool read = index.data(NotificationCenter::ReadRole).toBool();

    QColor background = Qt::transparent;
    if (option.state & QStyle::State_Selected) {
        background = palette.color(QPalette::Highlight);
        background.setAlphaF(0.22f);
    } else if (option.state & QStyle::State_MouseOver) {
        background = palette.color(QPalette::Text);
        background.setAlphaF(0.06f);
    }
    painter->fillRect(rect, background);
    if (option.state & QStyle::State_HasFocus) {
        QColor focus = palette.color(QPalette::Highlight);
        painter->setPen(QPen(focus, 1.5));
        painter->drawRect(QRectF(rect).adjusted(1, 1, -1, -1));
    }
    QColor separator = palette.color(QPalette::Text);
    separator.setAlphaF(0.10f);
    painter->setPen(separator);
    painter->drawLine(rect.bottomLeft() + QPoint(kPadX, 0), rect.bottomRight() - QPoint(kPadX, 0));

    const int left = rect.left() + kPadX + kDot + 8;
    const int right = rect.right() - kPadX;
    QFont titleFont = option.font;
    titleFont.setBold(!read);
    const QFontMetrics titleMetrics(titleFont);
    const int titleTop = rect.top() + kPadY;

    if (!read) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Highlight));
        painter->drawEllipse(QRectF(rect.left() + kPadX, titleTop + (titleMetrics.height() - kDot) / 2.0, kDot, kDot));
    }

    QFont timeFont = option.font;
    timeFont.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics timeMetrics(timeFont);
    const QString when =
        relativeTime(index.data(NotificationCenter::CreatedAtRole).toDateTime(), QDateTime::currentDateTimeUtc());
    const int timeWidth = timeMetrics.horizontalAdvance(when);
    QColor dim = palette.color(QPalette::Text);
    dim.setAlphaF(0.62f);
    painter->setFont(timeFont);
    painter->setPen(dim);
    painter->drawText(QRect(right - timeWidth, titleTop, timeWidth, titleMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, when);

    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::Text));
    const int titleWidth = right - left - timeWidth - 10;
    painter->drawText(
        QRect(left, titleTop, titleWidth, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(index.data(NotificationCenter::TitleRole).toString(), Qt::ElideRight, titleWidth));

    painter->setFont(option.font);
    painter->setPen(dim);
    const int messageTop = titleTop + titleMetrics.height() + kLineGap;
    painter->drawText(QRect(left, messageTop, right - left, option.fontMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data(NotificationCenter::MessageRole).toString().simplified(),
                                                    Qt::ElideRight, right - left));
    painter->restore();
}

// ---- NotificationList ---------------------------------------------------------------------------------------

NotificationList::NotificationList(NotificationCenter *center, QWidget *parent)
    : QWidget(parent)
    , m_center(center)
{
    setObjectName(u"notificationList"_s);
    setAccessibleName(tr("Notifications"));

    auto *heading = new QLabel(tr("Notifications"), this);
    heading->setObjectName(u"notificationsHeading"_s);
    heading->setAccessibleName(tr("Notifications"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"notificationsSummary"_s);
    m_summary->setAccessibleName(tr("Unread notifications"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    m_markAll = new QPushButton(tr("Mark &all as read"), this);
    m_markAll->setObjectName(u"markAllReadButton"_s);
    m_markAll->setAccessibleName(tr("Mark all notifications as read"));
    m_markAll->setToolTip(tr("Mark all as read (Ctrl+Shift+R)"));
    m_markAll->setFlat(true);

    m_view = new QListView(this);
    m_view->setObjectName(u"notificationView"_s);
    m_view->setAccessibleName(tr("Notification list"));
    m_view->setModel(center);
    m_view->setItemDelegate(new NotificationDelegate(m_view));
    m_view->setMouseTracking(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setUniformItemSizes(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->viewport()->setAttribute(Qt::WA_Hover);
    m_view->installEventFilter(this);

    m_empty = new QLabel(tr("You're all caught up.\nNew articles by authors you follow show up here."), this);
    m_empty->setObjectName(u"notificationsEmpty"_s);
    m_empty->setAccessibleName(tr("No notifications"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMinimumHeight(120);

    m_markRead = new QPushButton(tr("Mark as &read"), this);
    m_markRead->setObjectName(u"markReadButton"_s);
    m_markRead->setAccessibleName(tr("Mark the selected notification as read"));
    m_markRead->setToolTip(tr("Mark as read (Ctrl+R)"));

    m_loadMore = new QPushButton(tr("Load &older"), this);
    m_loadMore->setObjectName(u"loadMoreNotificationsButton"_s);
    m_loadMore->setAccessibleName(tr("Load older notifications"));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(12, 10, 8, 4);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(heading);
    titles->addWidget(m_summary);
    header->addLayout(titles, 1);
    header->addWidget(m_markAll, 0, Qt::AlignTop);

    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(8, 4, 8, 8);
    footer->addWidget(m_markRead);
    footer->addStretch(1);
    footer->addWidget(m_loadMore);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(footer);

    auto *markReadAction = new QAction(tr("Mark as read"), this);
    markReadAction->setObjectName(u"markReadAction"_s);
    markReadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    markReadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(markReadAction);
    auto *markAllAction = new QAction(tr("Mark all as read"), this);
    markAllAction->setObjectName(u"markAllReadAction"_s);
    markAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    markAllAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(markAllAction);

    connect(markReadAction, &QAction::triggered, this, &NotificationList::markCurrentRead);
    connect(m_markRead, &QPushButton::clicked, this, &NotificationList::markCurrentRead);
    connect(markAllAction, &QAction::triggered, center, &NotificationCenter::markAllRead);
    connect(m_markAll, &QPushButton::clicked, center, &NotificationCenter::markAllRead);
    connect(m_loadMore, &QPushButton::clicked, center, &NotificationCenter::loadMore);
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) { openRow(index.row()); });
    connect(center, &NotificationCenter::openArticleRequested, this, &NotificationList::openArticleRequested);

    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(center, signal, this, &NotificationList::updateState);
    connect(center, &QAbstractItemModel::modelReset, this, &NotificationList::updateState);
    connect(center, &QAbstractItemModel::dataChanged, this, &NotificationList::updateState);
    connect(center, &NotificationCenter::unreadCountChanged, this, &NotificationList::updateState);
    connect(center, &NotificationCenter::pageLoaded, this, &NotificationList::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &NotificationList::updateState);
    setFocusProxy(m_view);
    updateState();
}

void NotificationList::openRow(int row)
{
    if (row < 0 || row >= m_center->rowCount())
        return;
    m_center->open(m_center->at(row).id);
    Q_EMIT opened();
}

void NotificationList::markCurrentRead()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_center->markRead(m_center->at(current.row()).id);
}

bool NotificationList::eventFilter(QObject *watched, QEvent *event)
{
    // Enter opens the current notification (the view would only emit activated(), which some styles also emit
    // on a mouse click; one path for the keyboard, one for the mouse).
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier &&
            m_view->currentIndex().isValid()) {
            openRow(m_view->currentIndex().row());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NotificationList::updateState()
{
    const int count = m_center->rowCount();
    const int unread = m_center->unreadCount();
    m_summary->setText(unread > 0 ? tr("%n unread", nullptr, unread) : tr("No unread notifications"));
    m_view->setVisible(count > 0);
    m_empty->setVisible(count == 0);
    m_markAll->setEnabled(unread > 0);
    const QModelIndex current = m_view->currentIndex();
    m_markRead->setEnabled(current.isValid() && !current.data(NotificationCenter::ReadRole).toBool());
    m_loadMore->setVisible(m_center->canLoadMore());
    if (count > 0 && !current.isValid() && m_view->hasFocus())
        m_view->setCurrentIndex(m_center->index(0));
}

} // namespace inkwell::app
