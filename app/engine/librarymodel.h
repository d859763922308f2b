#pragma once

#include "localstore.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSortFilterProxyModel>

namespace inkwell::engine {

/**
 * @brief Every article of the local store as a list model (one row per article, no bodies), kept current from
 * LocalStore::changed. Loaded and refreshed off the UI thread; a change of a few articles updates those rows only.
 */
class LibraryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        ExcerptRole,
        TagsRole,
        StatusRole, ///< ArticleStatus as int
        AuthorIdRole,
        AuthorNameRole,
        UpdatedRole, ///< QDateTime
        WordCountRole,
        SyncStateRole, ///< SyncState as int
        SyncMessageRole,
        NeverSyncedRole,
        EntryRole, ///< the whole LibraryEntry
    };

    explicit LibraryModel(LocalStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// @brief The row of @p id, or -1.
    int rowOf(const QUuid &id) const;
    const LibraryEntry *entry(const QUuid &id) const;
    /// @brief Every tag in the library, sorted, without duplicates (ignoring case).
    QStringList tags() const;
    bool loaded() const { return m_loaded; }

    /// @brief Reads everything again.
    void reload();

Q_SIGNALS:
    /// @brief The first load (or a full reload) is in.
    void loadedChanged();

private:
    void onChanged(const QList<QUuid> &ids);
    void applyEntries(QList<LibraryEntry> entries);
    void applyUpdates(const QList<QUuid> &ids, const QList<std::optional<LibraryEntry>> &found);

    LocalStore *m_store;
    QList<LibraryEntry> m_entries;
    QHash<QUuid, int> m_rows;
    bool m_loaded = false;
    int m_generation = 0; ///< answers of an older reload are dropped
};

/**
 * @brief The library as the sidebar shows it: filtered by status, tag, author and a search result, sorted by
 * the time of the last change or by title (or by search rank while searching).
 */
class LibraryFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Sort { Updated, Title };
    Q_ENUM(Sort)

    explicit LibraryFilter(QObject *parent = nullptr);

    /// @brief Only articles of this status (none: all).
    void setStatus(std::optional<ArticleStatus> status);
    /// @brief Only articles with this tag (empty: all; compared ignoring case).
    void setTag(const QString &tag);
    /// @brief Only articles of this author (null: everyone's).
    void setAuthor(const QUuid &author);
    void setSort(Sort sort);
    /// @brief Only these articles, in this order (the search's ranking); std::nullopt: no search.
    void setSearchResult(std::optional<QList<QUuid>> ids);
    bool searching() const { return m_search.has_value(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::optional<ArticleStatus> m_status;
    QString m_tag;
    QUuid m_author;
    Sort m_sort = Sort::Updated;
    std::optional<QList<QUuid>> m_search;
    QHash<QUuid, int> m_rank;
};

} // namespace inkwell::engine
