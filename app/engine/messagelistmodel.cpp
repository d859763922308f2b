#include "messagelistmodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

ChatMessage ChatMessage::fromMessage(const Message &message)
{
    ChatMessage out;
    out.id = message.id;
    out.role = message.role;
    out.content = message.content;
    out.tokens = message.tokens;
    out.createdAt = message.createdAt;
    switch (message.status) {
    case MessageStatus::Complete:
        out.state = ChatMessageState::Complete;
        break;
    case MessageStatus::Cancelled:
        out.state = ChatMessageState::Cancelled;
        break;
    case MessageStatus::Failed:
        out.state = ChatMessageState::Failed;
        out.errorText = QCoreApplication::translate("inkwell::engine::MessageListModel",
                                                    "This answer broke off before it was complete.");
        break;
    }
    return out;
}

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const ChatMessage &message = entry.versions.at(entry.shown);
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return message.content;
    case IdRole:
        return message.id;
    case MessageRoleRole:
        return int(message.role);
    case StateRole:
        return int(message.state);
    case TokensRole:
        return message.tokens;
    case CreatedAtRole:
        return message.createdAt;
    case IsLatestAnswerRole:
        return message.role == MessageRole::Assistant && entry.shown == entry.versions.size() - 1;
    case ErrorTextRole:
        return message.errorText;
    case RetryAtRole:
        return message.retryAt ? QVariant(*message.retryAt) : QVariant();
    case AlternativeIndexRole:
        return entry.shown;
    case AlternativeCountRole:
        return int(entry.versions.size());
    case SupersededRole:
        return entry.superseded;
    case FirstTokenMsRole:
        return message.firstTokenMs ? QVariant(*message.firstTokenMs) : QVariant();
    case TokensPerSecondRole:
        return message.tokensPerSecond ? QVariant(*message.tokensPerSecond) : QVariant();
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{ContentRole, "content"},
            {IdRole, "messageId"},
            {MessageRoleRole, "messageRole"},
            {StateRole, "state"},
            {TokensRole, "tokens"},
            {CreatedAtRole, "createdAt"},
            {IsLatestAnswerRole, "isLatestAnswer"},
            {ErrorTextRole, "errorText"},
            {RetryAtRole, "retryAt"},
            {AlternativeIndexRole, "alternativeIndex"},
            {AlternativeCountRole, "alternativeCount"},
            {SupersededRole, "superseded"},
            {FirstTokenMsRole, "firstTokenMs"},
            {TokensPerSecondRole, "tokensPerSecond"}};
}

const ChatMessage &MessageListModel::message(int row) const
{
    const Entry &entry = m_entries.at(row);
    return entry.versions.at(entry.shown);
}

QList<ChatMessage> MessageListModel::alternatives(int row) const
{
    return m_entries.at(row).versions;
}

int MessageListModel::alternativeIndex(int row) const
{
    return m_entries.at(row).shown;
}

int MessageListModel::alternativeCount(int row) const
{
    return int(m_entries.at(row).versions.size());
}

bool MessageListModel::isSuperseded(int row) const
{
    return m_entries.at(row).superseded;
}

int MessageListModel::lastRow(MessageRole role) const
{
    for (qsizetype row = m_entries.size() - 1; row >= 0; --row) {
        if (m_entries.at(row).versions.constFirst().role == role)
            return int(row);
    }
    return -1;
}

void MessageListModel::showAlternative(int row, int index)
{
    if (row < 0 || row >= m_entries.size())
        return;
    Entry &entry = m_entries[row];
    if (index < 0 || index >= entry.versions.size() || index == entry.shown)
        return;
    entry.shown = index;
    changed(row);
}

void MessageListModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

void MessageListModel::setMessages(const QList<Message> &messages)
{
    beginResetModel();
    m_entries.clear();
    for (const Message &message : messages) {
        const ChatMessage item = ChatMessage::fromMessage(message);
        // Answers that follow an answer of the same question are its alternatives (regenerated answers).
        const bool sameTurn = item.role == MessageRole::Assistant && m_entries.size() >= 2 &&
                              m_entries.constLast().versions.constFirst().role == MessageRole::Assistant &&
                              m_entries.at(m_entries.size() - 2).versions.constFirst().role == MessageRole::User;
        if (sameTurn) {
            Entry &entry = m_entries.last();
            entry.versions.append(item);
            entry.shown = int(entry.versions.size() - 1);
        } else {
            m_entries.append(Entry{{item}, 0, false});
        }
    }
    endResetModel();
}

void MessageListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int MessageListModel::append(const ChatMessage &message)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(Entry{{message}, 0, false});
    endInsertRows();
    return row;
}

void MessageListModel::replace(int row, const ChatMessage &message)
{
    Entry &entry = m_entries[row];
    entry.versions[entry.shown] = message;
    changed(row);
}

int MessageListModel::addAlternative(int row, const ChatMessage &message)
{
    Entry &entry = m_entries[row];
    entry.versions.append(message);
    entry.shown = int(entry.versions.size() - 1);
    changed(row);
    return entry.shown;
}

void MessageListModel::removeShownAlternative(int row)
{
    Entry &entry = m_entries[row];
    if (entry.versions.size() < 2)
        return;
    entry.versions.removeAt(entry.shown);
    entry.shown = int(entry.versions.size() - 1);
    changed(row);
}

void MessageListModel::appendText(int row, QStringView text)
{
    if (text.isEmpty())
        return;
    Entry &entry = m_entries[row];
    entry.versions[entry.shown].content.append(text);
    Q_EMIT textAppended(row, text.size());
    changed(row, {ContentRole});
}

void MessageListModel::removeLast()
{
    if (m_entries.isEmpty())
        return;
    const int row = int(m_entries.size() - 1);
    beginRemoveRows({}, row, row);
    m_entries.removeLast();
    endRemoveRows();
}

void MessageListModel::setSuperseded(int row, bool superseded)
{
    if (m_entries.at(row).superseded == superseded)
        return;
    m_entries[row].superseded = superseded;
    changed(row, {SupersededRole});
}

bool MessageListModel::setTokens(const QUuid &id, int tokens)
{
    for (qsizetype row = m_entries.size() - 1; row >= 0; --row) {
        Entry &entry = m_entries[row];
        for (qsizetype v = 0; v < entry.versions.size(); ++v) {
            ChatMessage &message = entry.versions[v];
            if (message.id != id)
                continue;
            if (message.tokens == tokens)
                return false;
            message.tokens = tokens;
            if (v == entry.shown)
                changed(int(row), {TokensRole});
            return true;
        }
    }
    return false;
}

} // namespace inkwell::engine
