#pragma once

#include "model/user.h"

#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;

class QPushButton;
class QTableView;
class QToolButton;

namespace inkwell::engine {
class AdminUsersModel;
}

namespace inkwell::app {

class MessageBanner;

/**
 * @brief The Users tab: search, role filter, the users table with "load more", and the role and activation
 * actions, each confirmed in a message box (opened with open(), never exec()).
 *
 * Keys: Ctrl+F searches, F5 reloads, the context-menu key (or Shift+F10) on a row offers every action, and the
 * "Change role" and "Deactivate" buttons have mnemonics. What the server refuses (the last administrator, a 403
 * for a non-admin) is shown in the banner in the server's words.
 */
class AdminUsersPage : public QWidget {
    Q_OBJECT
public:
    AdminUsersPage(engine::AdminUsersModel *model, const User &currentUser, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    MessageBanner *banner() const { return m_banner; }
    /// @brief The confirmation being asked, if one is open.
    QMessageBox *confirmation() const { return m_confirm; }
    void setCurrentUser(const User &user) { m_currentUser = user; }

    /// @brief Asks whether the user in @p row should get @p role; changes it when confirmed.
    void requestRoleChange(int row, Role role);
    /// @brief Asks whether the user in @p row should be (de)activated; does it when confirmed.
    void requestActiveChange(int row, bool active);

private:
    int currentRow() const;
    void updateActions();
    void updateFooter();
    void confirm(const QString &title, const QString &text, const QString &informative, const QString &action,
                 bool destructive, std::function<void()> onYes);
    void showContextMenu(const QPoint &position);
    void fillRoleMenu(QMenu *menu, int row);

    engine::AdminUsersModel *m_model;
    User m_currentUser;
    MessageBanner *m_banner;
    QLineEdit *m_search;
    QComboBox *m_roleFilter;
    QPushButton *m_roleButton;
    QMenu *m_roleMenu;
    QPushButton *m_activeButton;
    QToolButton *m_refresh;
    QTableView *m_table;
    QLabel *m_footer;
    QPushButton *m_loadMore;
    QTimer m_searchDelay;
    QPointer<QMessageBox> m_confirm;
    bool m_loadErrorShown = false; // the banner shows a failed load (a good load clears it)
};

} // namespace inkwell::app
