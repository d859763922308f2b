#pragma once

#include <QStyledItemDelegate>
#include <QUuid>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QAction;

namespace inkwell::engine {
class NotificationCenter;
}

namespace inkwell::app {

/// @brief Draws one notification: an unread dot, the title (bold while unread), when, and the message.
class NotificationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// @brief "just now", "5 min ago", "3 h ago", "yesterday", else the date.
    static QString relativeTime(const QDateTime &when, const QDateTime &now);
};

/**
 * @brief The notifications list: what the bell's popup shows (and what a side panel could show).
 *
 * A click, or Enter on the current item, opens it (marks it read; an article's notification asks for the
 * article). Keys: Enter opens, Ctrl+R marks the current one read, Ctrl+Shift+R marks all read; the buttons are
 * reachable with Tab.
 */
class NotificationList : public QWidget {
    Q_OBJECT
public:
    explicit NotificationList(engine::NotificationCenter *center, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    /// @brief Opens the notification in @p row (as a click does).
    void openRow(int row);

Q_SIGNALS:
    /// @brief The user opened a notification about this article.
    void openArticleRequested(const QUuid &articleId);
    /// @brief The user opened a notification (whatever it links to): a popup closes.
    void opened();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void markCurrentRead();
    void updateState();

    engine::NotificationCenter *m_center;
    QListView *m_view;
    QLabel *m_summary;
    QLabel *m_empty;
    QPushButton *m_markRead;
    QPushButton *m_markAll;
    QPushButton *m_loadMore;
};

} // namespace inkwell::app
