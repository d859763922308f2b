#include "auditlogmodel.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {

QString shortId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces).left(8) + u'…';
}

QString detailValue(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QLocale().toString(value.toDouble(), 'g', 12);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isNull())
        return u"—"_s;
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

AuditLogModel::AuditLogModel(api::ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditLogModel::userName(const QUuid &id) const
{
    if (id.isNull())
        return {};
    const auto it = m_names.constFind(id);
    return it != m_names.cend() ? it.value() : shortId(id);
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::AuditEntry &entry = entryAt(index.row());
    const QUuid actor = entry.actorId.value_or(QUuid());
    const QUuid target = entry.targetId.value_or(QUuid());
    switch (role) {
    case ActionRole:
        return entry.action;
    case ActorIdRole:
        return actor;
    case TargetIdRole:
        return target;
    case EntryIdRole:
        return entry.id;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return QLocale().toString(entry.createdAt.toLocalTime(), QLocale::ShortFormat);
        case ActionColumn:
            return actionLabel(entry.action);
        case ActorColumn:
            return entry.actorId ? userName(actor) : tr("System");
        case TargetColumn:
            return userName(target);
        case AddressColumn:
            return entry.ip.value_or(QString());
        case DetailColumn:
            return describeDetail(entry);
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return entry.createdAt;
        case ActionColumn:
            return entry.action;
        case ActorColumn:
            return userName(actor);
        case TargetColumn:
            return userName(target);
        case AddressColumn:
            return entry.ip.value_or(QString());
        case DetailColumn:
            return describeDetail(entry);
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return QLocale().toString(entry.createdAt.toLocalTime(), QLocale::LongFormat);
        case ActionColumn:
            return entry.action;
        case ActorColumn:
            return entry.actorId ? actor.toString(QUuid::WithoutBraces) : QString();
        case TargetColumn:
            return entry.targetId ? target.toString(QUuid::WithoutBraces) : QString();
        case DetailColumn:
            return QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Indented));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case ActorColumn:
        return tr("By");
    case TargetColumn:
        return tr("Affected user");
    case AddressColumn:
        return tr("Address");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

QString AuditLogModel::actionLabel(const QString &action)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("inkwell::engine::AuditLogModel", text);
    };
    if (action == u"auth.login"_s)
        return tr("Signed in");
    if (action == u"auth.login_failed"_s)
        return tr("Sign-in failed");
    if (action == u"auth.logout"_s)
        return tr("Signed out");
    if (action == u"auth.register"_s)
        return tr("Registered");
    if (action == u"auth.password_changed"_s)
        return tr("Password changed");
    if (action == u"auth.token_reuse"_s)
        return tr("Stolen session token used");
    if (action == u"user.role_changed"_s)
        return tr("Role changed");
    if (action == u"user.activated"_s)
        return tr("Account activated");
    if (action == u"user.deactivated"_s)
        return tr("Account deactivated");
    if (action == u"user.created_by_cli"_s)
        return tr("Administrator created on the server");
    if (action == u"article.deleted"_s)
        return tr("Article deleted");
    if (action == u"article.restored"_s)
        return tr("Article restored");
    return action; // a newer server's action: its own name is still better than nothing
}

QString AuditLogModel::describeDetail(const api::AuditEntry &entry)
{
    const QJsonObject &detail = entry.detail;
    if (entry.action == u"user.role_changed"_s && detail.contains(u"from") && detail.contains(u"to"))
        return detail.value(u"from").toString() + u" → "_s + detail.value(u"to").toString();
    QStringList parts;
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it)
        parts.append(it.key() + u": "_s + detailValue(it.value()));
    return parts.join(u", "_s);
}

void AuditLogModel::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 100);
}

void AuditLogModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void AuditLogModel::reload()
{
    fetch(false);
}

void AuditLogModel::loadMore()
{
    if (!m_nextCursor || m_loading)
        return;
    fetch(true);
}

void AuditLogModel::fetch(bool append)
{
    const quint64 generation = ++m_generation;
    setLoading(true);
    const QString cursor = append ? m_nextCursor.value_or(QString()) : QString();
    m_client->auditLog(cursor, m_pageSize, this,
                       [this, generation, append](api::ApiResult<api::Page<api::AuditEntry>> page) {
                           if (generation != m_generation)
                               return;
                           setLoading(false);
                           if (!page) {
                               m_errorText = page.error().message();
                               m_errorStatus = page.error().status;
                               Q_EMIT loadFailed(m_errorText, m_errorStatus);
                               return;
                           }
                           m_errorText.clear();
                           m_errorStatus = 0;
                           if (!append)
                               m_entries.clear();
                           m_entries.append(page->items);
                           m_nextCursor = page->nextCursor;
                           const qsizetype actionsBefore = m_actions.size();
                           for (const api::AuditEntry &entry : std::as_const(page->items))
                               m_actions.insert(entry.action);
                           refilter();
                           resolveNames(page->items);
                           if (m_actions.size() != actionsBefore)
                               Q_EMIT knownActionsChanged();
                           Q_EMIT loaded();
                       });
}

QStringList AuditLogModel::knownActions() const
{
    QStringList actions(m_actions.cbegin(), m_actions.cend());
    actions.sort();
    return actions;
}

void AuditLogModel::setActionFilter(const QString &action)
{
    if (action == m_actionFilter)
        return;
    m_actionFilter = action;
    refilter();
}

void AuditLogModel::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_textFilter)
        return;
    m_textFilter = trimmed;
    refilter();
}

bool AuditLogModel::matches(const api::AuditEntry &entry) const
{
    if (!m_actionFilter.isEmpty() && entry.action != m_actionFilter)
        return false;
    if (m_textFilter.isEmpty())
        return true;
    const QStringList haystack{
        entry.action,
        actionLabel(entry.action),
        entry.actorId ? userName(*entry.actorId) : QString(),
        entry.targetId ? userName(*entry.targetId) : QString(),
        entry.ip.value_or(QString()),
        describeDetail(entry),
    };
    return std::any_of(haystack.cbegin(), haystack.cend(),
                       [this](const QString &text) { return text.contains(m_textFilter, Qt::CaseInsensitive); });
}

void AuditLogModel::refilter()
{
    beginResetModel();
    m_visible.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (matches(m_entries.at(i)))
            m_visible.append(int(i));
    }
    endResetModel();
}

void AuditLogModel::setUserName(const QUuid &id, const QString &name)
{
    if (id.isNull() || m_names.value(id) == name)
        return;
    m_names.insert(id, name);
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(index(0, ActorColumn), index(int(m_visible.size()) - 1, TargetColumn));
    if (!m_textFilter.isEmpty())
        refilter(); // a name may now match
}

void AuditLogModel::resolveNames(const QList<api::AuditEntry> &entries)
{
    QSet<QUuid> wanted;
    for (const api::AuditEntry &entry : entries) {
        for (const std::optional<QUuid> &id : {entry.actorId, entry.targetId}) {
            if (id && !m_names.contains(*id) && !m_asked.contains(*id))
                wanted.insert(*id);
        }
    }
    for (const QUuid &id : std::as_const(wanted)) {
        m_asked.insert(id);
        m_client->user(id, this, [this, id](api::ApiResult<User> user) {
            if (user && !user->fullName.isEmpty())
                setUserName(id, user->fullName);
        });
    }
}

} // namespace inkwell::engine
