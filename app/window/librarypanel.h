#pragma once

#include "librarymodel.h"
#include "workspace.h"

#include <QPointer>
#include <QStyledItemDelegate>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QToolButton;

namespace inkwell::app {

/// @brief Paints one library row: the title, a line of the excerpt, and a meta line (status, tags, time,
/// author when it is not the user) with the sync state at the right.
class LibraryDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit LibraryDelegate(QObject *parent = nullptr);
    void setCurrentUser(const QUuid &user) { m_user = user; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// @brief Words for a sync state ("Synced", "Local changes"...), also the row's accessible description.
    static QString syncStateText(engine::SyncState state, bool neverSynced);
    static QString statusText(ArticleStatus status);

private:
    QUuid m_user;
};

/**
 * @brief The library sidebar: search (the server's online, the local index offline — one box), filters by
 * status and tag, sort, and for an admin "everyone's / mine"; a list (a model and a delegate, never a widget
 * per row) of the workspace's articles. Forwards what the user picks; holds no logic of its own.
 */
class LibraryPanel : public QWidget {
    Q_OBJECT
public:
    LibraryPanel(engine::Workspace *workspace, QWidget *parent = nullptr);

    /// @brief Selects @p id's row (when it is shown).
    void select(const QUuid &id);
    /// @brief Puts the keyboard focus in the search box.
    void focusSearch();
    QListView *view() const { return m_view; }
    engine::LibraryFilter *filter() const { return m_filter; }
    engine::LibrarySearch *search() const { return m_search; }

Q_SIGNALS:
    void openRequested(const QUuid &id);
    void newRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTags();
    void updateEmptyState();
    void applyUser();

    engine::Workspace *m_workspace;
    engine::LibraryFilter *m_filter = nullptr;
    engine::LibrarySearch *m_search = nullptr;
    LibraryDelegate *m_delegate = nullptr;
    QLineEdit *m_searchBox = nullptr;
    QLabel *m_searchInfo = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_sort = nullptr;
    QComboBox *m_scope = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_stack = nullptr;
    QToolButton *m_new = nullptr;
};

} // namespace inkwell::app
