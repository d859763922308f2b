#pragma once

#include "api/apiclient.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QUuid>
#include <optional>

namespace inkwell::engine {

/**
 * @brief The audit log (`GET /admin/audit-log`, newest first) as a table, with "load more" paging and filters by
 * action and by text over what has been loaded.
 *
 * The log names people by id; the model shows names: those it was given (setUserName(), e.g. from the users
 * list) and, for the rest, the public profile (`GET /users/{id}`) asked once per id. Ids that cannot be named
 * are shown shortened.
 */
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, ActionColumn, ActorColumn, TargetColumn, AddressColumn, DetailColumn };
    Q_ENUM(Column)
    static constexpr int ColumnCount = DetailColumn + 1;

    enum DataRole {
        ActionRole = Qt::UserRole + 1, ///< QString, the raw action ("user.role_changed")
        ActorIdRole,                   ///< QUuid, null when none
        TargetIdRole,                  ///< QUuid, null when none
        EntryIdRole,                   ///< qint64
        SortRole,                      ///< the raw value of the cell
    };
    Q_ENUM(DataRole)

    explicit AuditLogModel(api::ApiClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// @brief Loads the newest page again.
    void reload();
    /// @brief Appends the next (older) page.
    void loadMore();
    bool canLoadMore() const { return m_nextCursor.has_value(); }
    bool isLoading() const { return m_loading; }
    /// @brief Entries per page (1..100, default 50).
    void setPageSize(int size);
    QString errorText() const { return m_errorText; }
    int errorStatus() const { return m_errorStatus; }

    /// @brief Shows only entries whose action is @p action (empty: all).
    void setActionFilter(const QString &action);
    QString actionFilter() const { return m_actionFilter; }
    /// @brief Shows only entries where @p text appears (any case) in the action, a name, the address or the
    /// detail.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_textFilter; }
    /// @brief The actions seen in what has been loaded, sorted.
    QStringList knownActions() const;
    /// @brief Entries loaded (before filtering).
    int loadedCount() const { return int(m_entries.size()); }

    /// @brief The entry shown in @p row.
    const api::AuditEntry &entryAt(int row) const { return m_entries.at(m_visible.at(row)); }
    /// @brief Names @p id in the Actor and Target columns.
    void setUserName(const QUuid &id, const QString &name);
    /// @brief The name shown for @p id.
    QString userName(const QUuid &id) const;

    /// @brief A readable, translated label for an audit action ("user.role_changed" → "Role changed").
    static QString actionLabel(const QString &action);
    /// @brief The entry's detail as a readable line ("viewer → admin").
    static QString describeDetail(const api::AuditEntry &entry);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const QString &message, int status);
    void knownActionsChanged();

private:
    void fetch(bool append);
    void refilter();
    bool matches(const api::AuditEntry &entry) const;
    void resolveNames(const QList<api::AuditEntry> &entries);
    void setLoading(bool loading);

    api::ApiClient *m_client;
    QList<api::AuditEntry> m_entries; // everything loaded, newest first
    QList<int> m_visible;             // rows of m_entries that pass the filters
    std::optional<QString> m_nextCursor;
    int m_pageSize = 50;
    bool m_loading = false;
    quint64 m_generation = 0;
    QString m_errorText;
    int m_errorStatus = 0;
    QString m_actionFilter;
    QString m_textFilter;
    QSet<QString> m_actions;
    QHash<QUuid, QString> m_names;
    QSet<QUuid> m_asked; // names asked of the server (once each)
};

} // namespace inkwell::engine
