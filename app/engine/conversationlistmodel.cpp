#include "conversationlistmodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {

QString trList(const char *text, int n = -1)
{
    return QCoreApplication::translate("inkwell::engine::ConversationListModel", text, nullptr, n);
}

} // namespace

ConversationListModel::ConversationListModel(api::ApiClient *api, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
{
}

QString ConversationListModel::placeholderTitle()
{
    return trList("New conversation");
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation &conversation = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case TitleRole:
        return conversation.title.value_or(placeholderTitle());
    case Qt::EditRole:
        return conversation.title.value_or(QString());
    case Qt::AccessibleTextRole:
        return trList("%1, %n message(s)", conversation.messageCount)
            .arg(conversation.title.value_or(placeholderTitle()));
    case IdRole:
        return conversation.id;
    case HasTitleRole:
        return conversation.title.has_value();
    case UpdatedAtRole:
        return conversation.updatedAt;
    case MessageCountRole:
        return conversation.messageCount;
    case TotalTokensRole:
        return conversation.totalTokens;
    default:
        return {};
    }
}

bool ConversationListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::EditRole && role != TitleRole))
        return false;
    const Conversation &conversation = m_rows.at(index.row());
    if (value.toString().trimmed() == conversation.title.value_or(QString()))
        return false;
    rename(conversation.id, value.toString());
    return true;
}

Qt::ItemFlags ConversationListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
    return flags;
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "conversationId"},         {TitleRole, "title"},
            {HasTitleRole, "hasTitle"},         {UpdatedAtRole, "updatedAt"},
            {MessageCountRole, "messageCount"}, {TotalTokensRole, "totalTokens"}};
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_nextCursor && !m_loading;
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage(*m_nextCursor);
}

void ConversationListModel::reload()
{
    ++m_generation;
    m_loading = false;
    fetchPage({});
}

void ConversationListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void ConversationListModel::fetchPage(const QString &cursor)
{
    setLoading(true);
    const quint64 generation = m_generation;
    m_api->conversations(
        cursor, this, [this, generation, first = cursor.isEmpty()](api::ApiResult<api::Page<Conversation>> result) {
            if (generation != m_generation)
                return; // a reload started meanwhile
            setLoading(false);
            if (!result) {
                m_errorText = result.error().message();
                Q_EMIT errorOccurred(trList("The conversations could not be loaded: %1").arg(m_errorText));
                return;
            }
            m_errorText.clear();
            if (first) {
                beginResetModel();
                m_all = result->items;
                std::stable_sort(m_all.begin(), m_all.end(), &ConversationListModel::before);
                m_rows.clear();
                for (const Conversation &conversation : std::as_const(m_all)) {
                    if (matches(conversation))
                        m_rows.append(conversation);
                }
                endResetModel();
            } else {
                takePage(*result);
            }
            m_nextCursor = result->nextCursor;
            m_loaded = true;
            // A search looks at every conversation, not only the pages seen so far.
            if (!m_filter.isEmpty() && m_nextCursor)
                fetchPage(*m_nextCursor);
        });
}

void ConversationListModel::takePage(const api::Page<Conversation> &page)
{
    for (const Conversation &conversation : page.items) {
        // A conversation updated between two page loads comes twice: the newer state wins.
        const std::optional<Conversation> known = find(conversation.id);
        if (!known || known->updatedAt <= conversation.updatedAt)
            place(conversation);
    }
}

bool ConversationListModel::before(const Conversation &a, const Conversation &b)
{
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt;
    return a.id.toString() > b.id.toString();
}

bool ConversationListModel::matches(const Conversation &conversation) const
{
    return m_filter.isEmpty() ||
           conversation.title.value_or(placeholderTitle()).contains(m_filter, Qt::CaseInsensitive);
}

void ConversationListModel::setFilter(const QString &text)
{
    const QString filter = text.trimmed();
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    m_rows.clear();
    for (const Conversation &conversation : std::as_const(m_all)) {
        if (matches(conversation))
            m_rows.append(conversation);
    }
    endResetModel();
    if (!m_filter.isEmpty() && m_nextCursor && !m_loading)
        fetchPage(*m_nextCursor);
}

int ConversationListModel::rowOf(const QUuid &id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return int(row);
    }
    return -1;
}

std::optional<Conversation> ConversationListModel::find(const QUuid &id) const
{
    for (const Conversation &conversation : m_all) {
        if (conversation.id == id)
            return conversation;
    }
    return std::nullopt;
}

void ConversationListModel::place(const Conversation &conversation)
{
    m_all.removeIf([&](const Conversation &c) { return c.id == conversation.id; });
    m_all.insert(std::lower_bound(m_all.begin(), m_all.end(), conversation, &ConversationListModel::before),
                 conversation);

    const int oldRow = rowOf(conversation.id);
    if (!matches(conversation)) {
        if (oldRow >= 0) {
            beginRemoveRows({}, oldRow, oldRow);
            m_rows.removeAt(oldRow);
            endRemoveRows();
        }
        return;
    }
    int newRow = 0;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (row != oldRow && before(m_rows.at(row), conversation))
            ++newRow;
    }
    if (oldRow < 0) {
        beginInsertRows({}, newRow, newRow);
        m_rows.insert(newRow, conversation);
        endInsertRows();
        return;
    }
    if (newRow != oldRow) {
        // A move, not a remove and insert: a view keeps its selection on the row.
        beginMoveRows({}, oldRow, oldRow, {}, newRow > oldRow ? newRow + 1 : newRow);
        m_rows.move(oldRow, newRow);
        endMoveRows();
    }
    m_rows[newRow] = conversation;
    Q_EMIT dataChanged(index(newRow), index(newRow));
}

void ConversationListModel::drop(const QUuid &id)
{
    m_all.removeIf([&](const Conversation &c) { return c.id == id; });
    if (const int row = rowOf(id); row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

void ConversationListModel::upsert(const Conversation &conversation)
{
    if (conversation.id.isNull())
        return;
    // An older state (read before a rename that has landed since) does not undo the newer one.
    if (const std::optional<Conversation> known = find(conversation.id);
        known && (*known == conversation || known->updatedAt > conversation.updatedAt))
        return;
    place(conversation);
}

void ConversationListModel::create(const QString &title)
{
    ConversationInput input;
    if (!title.trimmed().isEmpty())
        input.title = title.trimmed();
    m_api->createConversation(input, this, [this](api::ApiResult<Conversation> result) {
        if (!result) {
            Q_EMIT errorOccurred(trList("A new conversation could not be started: %1").arg(result.error().message()));
            return;
        }
        place(*result);
        Q_EMIT created(*result);
    });
}

void ConversationListModel::rename(const QUuid &id, const QString &title)
{
    const std::optional<Conversation> before = find(id);
    if (!before)
        return;
    const QString trimmed = title.trimmed();
    if (trimmed.size() > kMaxConversationTitleLength) {
        Q_EMIT errorOccurred(trList("A title can be at most %n characters long.", kMaxConversationTitleLength));
        return;
    }
    Conversation renamed = *before;
    renamed.title = trimmed.isEmpty() ? std::nullopt : std::optional<QString>(trimmed);
    place(renamed); // at once; put back if the server refuses
    ConversationPatch patch;
    if (trimmed.isEmpty())
        patch.title.emplace();
    else
        patch.title.emplace(trimmed);
    m_api->updateConversation(id, patch, this, [this, before = *before, renamed](api::ApiResult<Conversation> result) {
        if (result) {
            place(*result);
            return;
        }
        if (const std::optional<Conversation> now = find(before.id); now && now->title == renamed.title)
            place(before);
        Q_EMIT errorOccurred(trList("The conversation could not be renamed: %1").arg(result.error().message()));
    });
}

void ConversationListModel::remove(const QUuid &id)
{
    m_api->deleteConversation(id, this, [this, id](api::ApiResult<void> result) {
        if (!result && result.error().status != 404) {
            Q_EMIT errorOccurred(trList("The conversation could not be deleted: %1").arg(result.error().message()));
            return;
        }
        drop(id); // 404: it is gone already
        Q_EMIT removed(id);
    });
}

} // namespace inkwell::engine
