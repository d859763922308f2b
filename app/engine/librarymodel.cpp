#include "librarymodel.h"

#include <QCollator>
#include <QSet>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {
/// More changed articles than this are read with one full reload.
constexpr int kRowUpdatesUpTo = 200;
} // namespace

LibraryModel::LibraryModel(LocalStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(m_store, &LocalStore::changed, this, &LibraryModel::onChanged);
    reload();
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const LibraryEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return entry.title;
    case Qt::ToolTipRole:
        return entry.syncMessage.isEmpty() ? entry.excerpt : entry.syncMessage;
    case IdRole:
        return entry.id;
    case ExcerptRole:
        return entry.excerpt;
    case TagsRole:
        return entry.tags;
    case StatusRole:
        return int(entry.status);
    case AuthorIdRole:
        return entry.authorId;
    case AuthorNameRole:
        return entry.authorName;
    case UpdatedRole:
        return entry.updatedAt;
    case WordCountRole:
        return entry.wordCount;
    case SyncStateRole:
        return int(entry.syncState);
    case SyncMessageRole:
        return entry.syncMessage;
    case NeverSyncedRole:
        return entry.neverSynced();
    case EntryRole:
        return QVariant::fromValue(entry);
    default:
        return {};
    }
}

QHash<int, QByteArray> LibraryModel::roleNames() const
{
    return {{IdRole, "id"},           {TitleRole, "title"},         {ExcerptRole, "excerpt"},
            {TagsRole, "tags"},       {StatusRole, "status"},       {AuthorNameRole, "authorName"},
            {UpdatedRole, "updated"}, {SyncStateRole, "syncState"}, {WordCountRole, "wordCount"}};
}

int LibraryModel::rowOf(const QUuid &id) const
{
    return m_rows.value(id, -1);
}

const LibraryEntry *LibraryModel::entry(const QUuid &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_entries.at(row);
}

QStringList LibraryModel::tags() const
{
    QHash<QString, QString> byFolded;
    for (const LibraryEntry &entry : m_entries) {
        for (const QString &tag : entry.tags)
            byFolded.insert(tag.toCaseFolded(), tag);
    }
    QStringList tags = byFolded.values();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(tags.begin(), tags.end(), collator);
    return tags;
}

void LibraryModel::reload()
{
    const int generation = ++m_generation;
    m_store->entries(this, [this, generation](QList<LibraryEntry> entries) {
        if (generation == m_generation)
            applyEntries(std::move(entries));
    });
}

void LibraryModel::applyEntries(QList<LibraryEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_rows.clear();
    m_rows.reserve(m_entries.size());
    for (int row = 0; row < m_entries.size(); ++row)
        m_rows.insert(m_entries.at(row).id, row);
    endResetModel();
    m_loaded = true;
    Q_EMIT loadedChanged();
}

void LibraryModel::onChanged(const QList<QUuid> &ids)
{
    if (ids.isEmpty() || ids.size() > kRowUpdatesUpTo || !m_loaded) {
        reload();
        return;
    }
    const int generation = m_generation;
    m_store->run<QList<std::optional<LibraryEntry>>>(
        [ids](StoreDb &db) {
            QList<std::optional<LibraryEntry>> found;
            found.reserve(ids.size());
            for (const QUuid &id : ids)
                found.append(db.entry(id));
            return found;
        },
        this,
        [this, ids, generation](QList<std::optional<LibraryEntry>> found) {
            // A full reload asked meanwhile brings these rows too.
            if (generation == m_generation)
                applyUpdates(ids, found);
        });
}

void LibraryModel::applyUpdates(const QList<QUuid> &ids, const QList<std::optional<LibraryEntry>> &found)
{
    QList<QUuid> removed;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QUuid &id = ids.at(i);
        const int row = rowOf(id);
        const std::optional<LibraryEntry> &entry = found.at(i);
        if (entry && row >= 0) {
            if (!(m_entries[row] == *entry)) {
                m_entries[row] = *entry;
                Q_EMIT dataChanged(index(row), index(row));
            }
        } else if (entry) {
            const int at = int(m_entries.size());
            beginInsertRows({}, at, at);
            m_entries.append(*entry);
            m_rows.insert(id, at);
            endInsertRows();
        } else if (row >= 0) {
            removed.append(id);
        }
    }
    for (const QUuid &id : removed) {
        const int row = rowOf(id);
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        m_rows.remove(id);
        for (int later = row; later < m_entries.size(); ++later)
            m_rows[m_entries.at(later).id] = later;
        endRemoveRows();
    }
}

// ---- LibraryFilter ------------------------------------------------------------------------------------------------

LibraryFilter::LibraryFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(0, Qt::AscendingOrder);
}

void LibraryFilter::setStatus(std::optional<ArticleStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void LibraryFilter::setTag(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateFilter();
}

void LibraryFilter::setAuthor(const QUuid &author)
{
    if (author == m_author)
        return;
    m_author = author;
    invalidateFilter();
}

void LibraryFilter::setSort(Sort sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    invalidate();
}

void LibraryFilter::setSearchResult(std::optional<QList<QUuid>> ids)
{
    m_search = std::move(ids);
    m_rank.clear();
    if (m_search) {
        for (int i = 0; i < m_search->size(); ++i)
            m_rank.insert(m_search->at(i), i);
    }
    invalidate();
}

bool LibraryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_search && !m_rank.contains(index.data(LibraryModel::IdRole).toUuid()))
        return false;
    if (m_status && index.data(LibraryModel::StatusRole).toInt() != int(*m_status))
        return false;
    if (!m_author.isNull() && index.data(LibraryModel::AuthorIdRole).toUuid() != m_author)
        return false;
    if (!m_tag.isEmpty()) {
        const QStringList tags = index.data(LibraryModel::TagsRole).toStringList();
        if (!tags.contains(m_tag, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool LibraryFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_search) {
        return m_rank.value(left.data(LibraryModel::IdRole).toUuid()) <
               m_rank.value(right.data(LibraryModel::IdRole).toUuid());
    }
    if (m_sort == Sort::Title) {
        const int order = QString::localeAwareCompare(left.data(LibraryModel::TitleRole).toString(),
                                                      right.data(LibraryModel::TitleRole).toString());
        if (order != 0)
            return order < 0;
    }
    // Newest first (the proxy sorts ascending).
    return left.data(LibraryModel::UpdatedRole).toDateTime() > right.data(LibraryModel::UpdatedRole).toDateTime();
}

} // namespace inkwell::engine
