#pragma once

#include "api/apiclient.h"
#include "model/role.h"

#include <QAbstractTableModel>
#include <QUuid>
#include <optional>

namespace inkwell::engine {

/**
 * @brief The administrator's list of users (`GET /admin/users`): search, role filter and "load more" paging,
 * with role changes and (de)activation (`PATCH /admin/users/{id}`).
 *
 * Changing the search or the filter starts over from the first page; answers to an older question are dropped.
 * The server decides who may do what: a non-admin's calls fail with the server's 403 message (loadFailed(),
 * updateFailed()), and refusing to demote or deactivate the last active administrator is a 409 whose detail
 * says why.
 */
class AdminUsersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, EmailColumn, RoleColumn, ActiveColumn, ArticlesColumn, LastSignInColumn, JoinedColumn };
    Q_ENUM(Column)
    static constexpr int ColumnCount = JoinedColumn + 1;

    /// @brief Data roles besides the display text of each column.
    enum DataRole {
        UserIdRole = Qt::UserRole + 1, ///< QUuid
        RoleRole,                      ///< int(inkwell::Role)
        ActiveRole,                    ///< bool
        SortRole,                      ///< the raw value of the cell (a date, a number, a name)
    };
    Q_ENUM(DataRole)

    explicit AdminUsersModel(api::ApiClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// @brief Searches name and email (the server's `q`); starts over.
    void setSearch(const QString &text);
    QString search() const { return m_search; }
    /// @brief Only users of @p role (std::nullopt: everyone); starts over.
    void setRoleFilter(std::optional<Role> role);
    std::optional<Role> roleFilter() const { return m_role; }
    /// @brief Users per page (1..100, default 50).
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }

    /// @brief Loads the first page again with the current search and filter.
    void reload();
    /// @brief Appends the next page, if there is one.
    void loadMore();
    bool canLoadMore() const { return m_nextCursor.has_value(); }
    bool isLoading() const { return m_loading; }
    /// @brief The readable message of the last failed load; empty after a good one.
    QString errorText() const { return m_errorText; }
    /// @brief The HTTP status of the last failed load (403 for a non-admin), 0 when none.
    int errorStatus() const { return m_errorStatus; }

    const api::AdminUser &userAt(int row) const { return m_users.at(row); }
    /// @brief The row of the user with @p id, or -1.
    int rowOf(const QUuid &id) const;

    /// @brief Gives @p id the role @p role. userUpdated() or updateFailed() follows.
    void changeRole(const QUuid &id, Role role);
    /// @brief Activates or deactivates @p id (deactivating signs the user out everywhere).
    void setActive(const QUuid &id, bool active);
    /// @brief Whether a change for @p id is on its way.
    bool isUpdating(const QUuid &id) const { return m_updating.contains(id); }

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// @brief A page arrived (the first one replaces the rows).
    void loaded();
    void loadFailed(const QString &message, int status);
    /// @brief The server accepted a change; the row shows it.
    void userUpdated(const inkwell::User &user);
    /// @brief The server refused a change: @p message is its reason (e.g. the last administrator).
    void updateFailed(const QUuid &id, const QString &message, int status);

private:
    void fetch(bool append);
    void patch(const QUuid &id, const AdminUserPatch &patch);
    void setLoading(bool loading);

    api::ApiClient *m_client;
    QList<api::AdminUser> m_users;
    QString m_search;
    std::optional<Role> m_role;
    int m_pageSize = 50;
    std::optional<QString> m_nextCursor;
    bool m_loading = false;
    quint64 m_generation = 0; // a new question makes older answers stale
    QString m_errorText;
    int m_errorStatus = 0;
    QSet<QUuid> m_updating;
};

/// @brief The translated name of @p role ("Viewer", "Creator", "Administrator").
QString roleDisplayName(Role role);

} // namespace inkwell::engine
