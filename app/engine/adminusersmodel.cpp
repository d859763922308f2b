#include "adminusersmodel.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QCoreApplication::translate("inkwell::engine::AdminUsersModel", "Viewer");
    case Role::Creator:
        return QCoreApplication::translate("inkwell::engine::AdminUsersModel", "Creator");
    case Role::Admin:
        return QCoreApplication::translate("inkwell::engine::AdminUsersModel", "Administrator");
    }
    return {};
}

AdminUsersModel::AdminUsersModel(api::ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
}

int AdminUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int AdminUsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdminUsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::AdminUser &item = m_users.at(index.row());
    const User &user = item.user;
    const QLocale locale;
    switch (role) {
    case UserIdRole:
        return user.id;
    case RoleRole:
        return int(user.role);
    case ActiveRole:
        return user.isActive;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return user.fullName;
        case EmailColumn:
            return user.email;
        case RoleColumn:
            return roleDisplayName(user.role);
        case ActiveColumn:
            return user.isActive ? tr("Active") : tr("Deactivated");
        case ArticlesColumn:
            return locale.toString(item.articleCount);
        case LastSignInColumn:
            if (!item.lastLoginAt)
                return tr("Never");
            // Date and hours:minutes; seconds are in the tooltip.
            return QString(locale.toString(item.lastLoginAt->toLocalTime().date(), QLocale::ShortFormat) + u' ' +
                           locale.toString(item.lastLoginAt->toLocalTime().time(), QLocale::ShortFormat));
        case JoinedColumn:
            return locale.toString(user.createdAt.toLocalTime().date(), QLocale::ShortFormat);
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case NameColumn:
            return user.fullName;
        case EmailColumn:
            return user.email;
        case RoleColumn:
            return int(user.role);
        case ActiveColumn:
            return user.isActive;
        case ArticlesColumn:
            return item.articleCount;
        case LastSignInColumn:
            return item.lastLoginAt.value_or(QDateTime());
        case JoinedColumn:
            return user.createdAt;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LastSignInColumn && item.lastLoginAt)
            return locale.toString(item.lastLoginAt->toLocalTime(), QLocale::LongFormat);
        if (index.column() == JoinedColumn)
            return locale.toString(user.createdAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ArticlesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant AdminUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case RoleColumn:
        return tr("Role");
    case ActiveColumn:
        return tr("Status");
    case ArticlesColumn:
        return tr("Articles");
    case LastSignInColumn:
        return tr("Last sign-in");
    case JoinedColumn:
        return tr("Joined");
    }
    return {};
}

void AdminUsersModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    reload();
}

void AdminUsersModel::setRoleFilter(std::optional<Role> role)
{
    if (role == m_role)
        return;
    m_role = role;
    reload();
}

void AdminUsersModel::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 100);
}

void AdminUsersModel::reload()
{
    fetch(false);
}

void AdminUsersModel::loadMore()
{
    if (!m_nextCursor || m_loading)
        return;
    fetch(true);
}

int AdminUsersModel::rowOf(const QUuid &id) const
{
    for (qsizetype row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).user.id == id)
            return int(row);
    }
    return -1;
}

void AdminUsersModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void AdminUsersModel::fetch(bool append)
{
    const quint64 generation = ++m_generation;
    setLoading(true);
    const QString cursor = append ? m_nextCursor.value_or(QString()) : QString();
    m_client->adminUsers(m_search, m_role, cursor, m_pageSize, this,
                         [this, generation, append](api::ApiResult<api::Page<api::AdminUser>> page) {
                             if (generation != m_generation)
                                 return; // the search or filter changed since: a newer answer is coming
                             setLoading(false);
                             if (!page) {
                                 m_errorText = page.error().message();
                                 m_errorStatus = page.error().status;
                                 Q_EMIT loadFailed(m_errorText, m_errorStatus);
                                 return;
                             }
                             m_errorText.clear();
                             m_errorStatus = 0;
                             if (append) {
                                 // A user who moved between pages (their row changed meanwhile) is shown once.
                                 QList<api::AdminUser> fresh;
                                 for (const api::AdminUser &user : std::as_const(page->items)) {
                                     if (rowOf(user.user.id) < 0)
                                         fresh.append(user);
                                 }
                                 if (!fresh.isEmpty()) {
                                     beginInsertRows({}, int(m_users.size()), int(m_users.size() + fresh.size() - 1));
                                     m_users.append(fresh);
                                     endInsertRows();
                                 }
                             } else {
                                 beginResetModel();
                                 m_users = std::move(page->items);
                                 endResetModel();
                             }
                             m_nextCursor = page->nextCursor;
                             Q_EMIT loaded();
                         });
}

void AdminUsersModel::changeRole(const QUuid &id, Role role)
{
    patch(id, AdminUserPatch{.role = role, .isActive = std::nullopt});
}

void AdminUsersModel::setActive(const QUuid &id, bool active)
{
    patch(id, AdminUserPatch{.role = std::nullopt, .isActive = active});
}

void AdminUsersModel::patch(const QUuid &id, const AdminUserPatch &patch)
{
    m_updating.insert(id);
    m_client->adminUpdateUser(id, patch, this, [this, id](api::ApiResult<User> user) {
        m_updating.remove(id);
        if (!user) {
            Q_EMIT updateFailed(id, user.error().message(), user.error().status);
            return;
        }
        const int row = rowOf(id);
        if (row >= 0) {
            m_users[row].user = *user; // the counts and last sign-in are not in the answer and did not change
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        Q_EMIT userUpdated(*user);
    });
}

} // namespace inkwell::engine
