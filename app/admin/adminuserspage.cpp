#include "adminuserspage.h"

#include "adminusersmodel.h"
#include "dashboardstyle.h"
#include "messagebanner.h"
#include "pilldelegate.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::AdminUsersModel;
using inkwell::engine::roleDisplayName;

namespace inkwell::app {

namespace {
constexpr int kSearchDelayMs = 300;
constexpr std::array kRoles{Role::Viewer, Role::Creator, Role::Admin};
} // namespace

AdminUsersPage::AdminUsersPage(AdminUsersModel *model, const User &currentUser, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_currentUser(currentUser)
{
    setObjectName(u"adminUsersPage"_s);
    setAccessibleName(tr("Users"));

    m_banner = new MessageBanner(u"usersMessage"_s, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"usersSearch"_s);
    m_search->setAccessibleName(tr("Search users"));
    m_search->setPlaceholderText(tr("Search by name or email  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);

    m_roleFilter = new QComboBox(this);
    m_roleFilter->setObjectName(u"usersRoleFilter"_s);
    m_roleFilter->setAccessibleName(tr("Show users of role"));
    m_roleFilter->addItem(tr("All roles"), -1);
    m_roleFilter->addItem(tr("Viewers"), int(Role::Viewer));
    m_roleFilter->addItem(tr("Creators"), int(Role::Creator));
    m_roleFilter->addItem(tr("Administrators"), int(Role::Admin));

    m_roleMenu = new QMenu(this);
    m_roleMenu->setObjectName(u"usersRoleMenu"_s);
    m_roleMenu->setAccessibleName(tr("Roles"));
    m_roleButton = new QPushButton(tr("Change &role"), this);
    m_roleButton->setObjectName(u"usersChangeRole"_s);
    m_roleButton->setAccessibleName(tr("Change the selected user's role"));
    m_roleButton->setMenu(m_roleMenu);

    m_activeButton = new QPushButton(tr("&Deactivate"), this);
    m_activeButton->setObjectName(u"usersToggleActive"_s);
    m_activeButton->setAccessibleName(tr("Deactivate or activate the selected user"));

    m_refresh = new QToolButton(this);
    m_refresh->setObjectName(u"usersRefresh"_s);
    m_refresh->setAccessibleName(tr("Reload users"));
    m_refresh->setText(tr("Reload"));
    m_refresh->setToolTip(tr("Reload (F5)"));
    m_refresh->setFocusPolicy(Qt::StrongFocus);

    m_table = new QTableView(this);
    m_table->setObjectName(u"usersTable"_s);
    m_table->setAccessibleName(tr("Users"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 16);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AdminUsersModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(AdminUsersModel::EmailColumn, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(AdminUsersModel::RoleColumn,
                                      new PillDelegate(
                                          [](const QModelIndex &index, const QPalette &palette) {
                                              using dashboard::Accent;
                                              switch (Role(index.data(AdminUsersModel::RoleRole).toInt())) {
                                              case Role::Admin:
                                                  return dashboard::accent(Accent::Violet, palette);
                                              case Role::Creator:
                                                  return dashboard::accent(Accent::Teal, palette);
                                              case Role::Viewer:
                                                  break;
                                              }
                                              return dashboard::accent(Accent::Slate, palette);
                                          },
                                          m_table));
    m_table->setItemDelegateForColumn(AdminUsersModel::ActiveColumn,
                                      new PillDelegate(
                                          [](const QModelIndex &index, const QPalette &palette) {
                                              return dashboard::accent(index.data(AdminUsersModel::ActiveRole).toBool()
                                                                           ? dashboard::Accent::Green
                                                                           : dashboard::Accent::Red,
                                                                       palette);
                                          },
                                          m_table));

    m_footer = new QLabel(this);
    m_footer->setObjectName(u"usersCount"_s);
    m_footer->setAccessibleName(tr("How many users are shown"));
    m_footer->setForegroundRole(QPalette::PlaceholderText);
    m_loadMore = new QPushButton(tr("Load &more"), this);
    m_loadMore->setObjectName(u"usersLoadMore"_s);
    m_loadMore->setAccessibleName(tr("Load more users"));

    auto *tools = new QHBoxLayout;
    tools->setSpacing(8);
    tools->addWidget(m_search, 2);
    tools->addWidget(m_roleFilter);
    tools->addStretch(1);
    tools->addWidget(m_roleButton);
    tools->addWidget(m_activeButton);
    tools->addWidget(m_refresh);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_footer, 1);
    footer->addWidget(m_loadMore);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(tools);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);

    setTabOrder(m_search, m_roleFilter);
    setTabOrder(m_roleFilter, m_roleButton);
    setTabOrder(m_roleButton, m_activeButton);
    setTabOrder(m_activeButton, m_refresh);
    setTabOrder(m_refresh, m_table);
    setTabOrder(m_table, m_loadMore);

    auto *findAction = new QAction(tr("Search users"), this);
    findAction->setObjectName(u"usersFindAction"_s);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);
    connect(findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *reloadAction = new QAction(tr("Reload users"), this);
    reloadAction->setObjectName(u"usersReloadAction"_s);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(reloadAction);
    connect(reloadAction, &QAction::triggered, model, &AdminUsersModel::reload);
    connect(m_refresh, &QToolButton::clicked, model, &AdminUsersModel::reload);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        m_model->setSearch(m_search->text());
    });
    connect(m_roleFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int role = m_roleFilter->currentData().toInt();
        m_model->setRoleFilter(role < 0 ? std::nullopt : std::optional<Role>(Role(role)));
    });
    connect(m_roleMenu, &QMenu::aboutToShow, this, [this] { fillRoleMenu(m_roleMenu, currentRow()); });
    connect(m_activeButton, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            requestActiveChange(row, !m_model->userAt(row).user.isActive);
    });
    connect(m_loadMore, &QPushButton::clicked, model, &AdminUsersModel::loadMore);
    connect(m_table, &QTableView::customContextMenuRequested, this, &AdminUsersPage::showContextMenu);
    // A click moves the current row before it selects it: follow both.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AdminUsersPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AdminUsersPage::updateActions);

    connect(model, &AdminUsersModel::loadingChanged, this, &AdminUsersPage::updateFooter);
    connect(model, &AdminUsersModel::loaded, this, [this] {
        if (m_loadErrorShown)
            m_banner->clear();
        m_loadErrorShown = false;
        updateFooter();
        updateActions();
    });
    connect(model, &AdminUsersModel::loadFailed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The users could not be loaded: %1").arg(message));
        m_loadErrorShown = true;
        updateFooter();
        updateActions();
    });
    connect(model, &AdminUsersModel::userUpdated, this, [this](const User &user) {
        m_loadErrorShown = false;
        m_banner->showMessage(MessageBanner::Kind::Success,
                              user.isActive ? tr("%1 is now: %2.").arg(user.fullName, roleDisplayName(user.role))
                                            : tr("%1 is deactivated and signed out everywhere.").arg(user.fullName));
        if (user.id == m_currentUser.id)
            m_currentUser = user;
        updateActions();
    });
    connect(model, &AdminUsersModel::updateFailed, this, [this](const QUuid &id, const QString &message) {
        const int row = m_model->rowOf(id);
        const QString name = row >= 0 ? m_model->userAt(row).user.fullName : id.toString(QUuid::WithoutBraces);
        m_loadErrorShown = false;
        m_banner->showMessage(MessageBanner::Kind::Error, tr("%1 was not changed. %2").arg(name, message));
        updateActions();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &AdminUsersPage::updateFooter);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AdminUsersPage::updateFooter);
    connect(model, &QAbstractItemModel::dataChanged, this, &AdminUsersPage::updateActions);
    updateFooter();
    updateActions();
}

int AdminUsersPage::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {}) ? current.row() : -1;
}

void AdminUsersPage::updateActions()
{
    const int row = currentRow();
    const bool forbidden = m_model->errorStatus() == 403;
    const bool usable = row >= 0 && !forbidden && !m_model->isUpdating(m_model->userAt(row).user.id);
    m_roleButton->setEnabled(usable);
    m_activeButton->setEnabled(usable);
    const bool active = row < 0 || m_model->userAt(row).user.isActive;
    m_activeButton->setText(active ? tr("&Deactivate") : tr("A&ctivate"));
    m_activeButton->setAccessibleName(active ? tr("Deactivate the selected user") : tr("Activate the selected user"));
}

void AdminUsersPage::updateFooter()
{
    const int shown = m_model->rowCount();
    QString text = m_model->isLoading() ? tr("Loading…") : tr("Users shown: %1").arg(QLocale().toString(shown));
    if (!m_model->isLoading() && m_model->canLoadMore())
        text += tr(" · more available");
    m_footer->setText(text);
    m_loadMore->setVisible(m_model->canLoadMore());
    m_loadMore->setEnabled(!m_model->isLoading());
}

void AdminUsersPage::fillRoleMenu(QMenu *menu, int row)
{
    menu->clear();
    if (row < 0)
        return;
    qDeleteAll(menu->findChildren<QActionGroup *>(Qt::FindDirectChildrenOnly)); // the group of the last fill
    const Role current = m_model->userAt(row).user.role;
    const QUuid id = m_model->userAt(row).user.id;
    auto *group = new QActionGroup(menu);
    for (const Role role : kRoles) {
        QAction *action = menu->addAction(tr("Make %1").arg(roleDisplayName(role)));
        action->setObjectName(u"makeRole_"_s + roleToString(role));
        action->setCheckable(true);
        action->setChecked(role == current);
        action->setEnabled(role != current);
        group->addAction(action);
        // By id, not row: the list may have been reloaded while the menu was open.
        connect(action, &QAction::triggered, this, [this, id, role] { requestRoleChange(m_model->rowOf(id), role); });
    }
}

void AdminUsersPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid())
        m_table->selectRow(index.row());
    const int row = currentRow();
    if (row < 0)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(u"usersContextMenu"_s);
    menu->setAccessibleName(tr("User actions"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    fillRoleMenu(menu, row);
    menu->addSeparator();
    const bool active = m_model->userAt(row).user.isActive;
    QAction *toggle = menu->addAction(active ? tr("Deactivate…") : tr("Activate…"));
    toggle->setObjectName(u"toggleActiveAction"_s);
    connect(toggle, &QAction::triggered, this,
            [this, id = m_model->userAt(row).user.id, active] { requestActiveChange(m_model->rowOf(id), !active); });
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

void AdminUsersPage::confirm(const QString &title, const QString &text, const QString &informative,
                             const QString &action, bool destructive, std::function<void()> onYes)
{
    if (m_confirm)
        m_confirm->close();
    auto *box = new QMessageBox(destructive ? QMessageBox::Warning : QMessageBox::Question, title, text,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDialog"_s);
    box->setAccessibleName(title);
    box->setInformativeText(informative);
    box->setTextFormat(Qt::PlainText); // names come from users
    box->button(QMessageBox::Yes)->setText(action);
    box->button(QMessageBox::Yes)->setObjectName(u"confirmButton"_s);
    box->button(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(destructive ? QMessageBox::Cancel : QMessageBox::Yes);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [box, onYes = std::move(onYes)] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            onYes();
    });
    m_confirm = box;
    box->open();
}

void AdminUsersPage::requestRoleChange(int row, Role role)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const User user = m_model->userAt(row).user;
    if (user.role == role)
        return;
    QString informative = tr("%1 is now: %2.").arg(user.fullName, roleDisplayName(user.role));
    if (user.id == m_currentUser.id && role != Role::Admin)
        informative += u' ' + tr("This is you: you will no longer be able to use administration.");
    else if (role == Role::Admin)
        informative += u' ' + tr("Administrators can manage every user and article.");
    informative += u' ' + tr("The change reaches the user's app at its next sign-in refresh (within minutes).");
    confirm(tr("Change role"), tr("Make %1 %2?").arg(user.fullName, roleDisplayName(role)), informative,
            tr("Make %1").arg(roleDisplayName(role)), false,
            [this, id = user.id, role] { m_model->changeRole(id, role); });
}

void AdminUsersPage::requestActiveChange(int row, bool active)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const User user = m_model->userAt(row).user;
    if (user.isActive == active)
        return;
    if (active) {
        confirm(tr("Activate account"), tr("Activate %1?").arg(user.fullName),
                tr("They can sign in again with their password."), tr("Activate"), false,
                [this, id = user.id] { m_model->setActive(id, true); });
        return;
    }
    QString informative =
        tr("%1 is signed out everywhere at once and cannot sign in until an administrator activates the account "
           "again. Their articles stay.")
            .arg(user.fullName);
    if (user.id == m_currentUser.id)
        informative += u' ' + tr("This is you: you will be signed out.");
    confirm(tr("Deactivate account"), tr("Deactivate %1?").arg(user.fullName), informative, tr("Deactivate"), true,
            [this, id = user.id] { m_model->setActive(id, false); });
}

} // namespace inkwell::app
