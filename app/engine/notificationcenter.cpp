#include "notificationcenter.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotifications, "inkwell.engine.notifications")

namespace inkwell::engine {

namespace {

/// A stream that stayed open this long was a good connection: the backoff starts over.
constexpr int kStableConnectionMs = 10'000;

/// Newest first; the id breaks ties so the order is total and a merge finds one place.
bool newerThan(const Notification &a, const Notification &b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id.toString() > b.id.toString();
}

} // namespace

NotificationCenter::NotificationCenter(api::ApiClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &NotificationCenter::openStream);
    m_stableTimer.setSingleShot(true);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_attempts = 0; });
    connect(m_client, &api::ApiClient::sessionEnded, this, [this] {
        m_sessionOver = true;
        stop();
    });
    // Another call got through while the stream waits for its next attempt: the server is back, try now.
    connect(m_client, &api::ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable && m_running && m_state == StreamState::Waiting)
            m_retryTimer.start(0);
    });
}

NotificationCenter::~NotificationCenter()
{
    if (m_stream)
        m_stream->abort();
}

int NotificationCenter::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotificationCenter::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Notification &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return item.title;
    case Qt::ToolTipRole:
    case MessageRole:
        return item.message;
    case IdRole:
        return item.id;
    case TypeRole:
        return item.type;
    case LinkRole:
        return item.link.value_or(QString());
    case ReadRole:
        return item.isRead;
    case CreatedAtRole:
        return item.createdAt;
    case ArticleIdRole:
        return item.link ? articleIdFromLink(*item.link).value_or(QUuid()) : QUuid();
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationCenter::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TypeRole, "type");
    names.insert(TitleRole, "title");
    names.insert(MessageRole, "message");
    names.insert(LinkRole, "link");
    names.insert(ReadRole, "isRead");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(ArticleIdRole, "articleId");
    return names;
}

// ---- list and count ------------------------------------------------------------------------------------------

void NotificationCenter::start()
{
    m_running = true;
    m_sessionOver = false;
    // Started again with an id to resume from: the stream brings what was missed. Otherwise the list is fetched
    // (and, when it was shown before, compared: what is new is announced).
    if (!m_loadedOnce || m_lastEventId.isEmpty())
        fetchFirstPage(m_loadedOnce);
    fetchCount();
    if (!m_stream && m_state != StreamState::Waiting)
        openStream();
}

void NotificationCenter::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_stableTimer.stop();
    if (m_stream) {
        QPointer<api::ApiCall> stream = m_stream;
        m_stream = nullptr;
        stream->abort();
    }
    setState(StreamState::Stopped);
}

void NotificationCenter::refresh()
{
    fetchFirstPage(m_loadedOnce);
    fetchCount();
}

int NotificationCenter::rowOf(const QUuid &id) const
{
    if (!m_ids.contains(id))
        return -1;
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return int(row);
    }
    return -1;
}

bool NotificationCenter::merge(const Notification &notification)
{
    if (m_ids.contains(notification.id)) {
        // Known: only its read state can have changed (marked elsewhere).
        const int row = rowOf(notification.id);
        Notification &known = m_items[row];
        if (known.isRead != notification.isRead && notification.isRead) {
            known.isRead = true;
            known.readAt = notification.readAt;
            const QModelIndex changed = index(row);
            Q_EMIT dataChanged(changed, changed, {ReadRole});
        }
        return false;
    }
    const auto at = std::lower_bound(m_items.cbegin(), m_items.cend(), notification, newerThan);
    const int row = int(at - m_items.cbegin());
    beginInsertRows({}, row, row);
    m_items.insert(row, notification);
    m_ids.insert(notification.id);
    endInsertRows();
    return true;
}

void NotificationCenter::fetchFirstPage(bool announce)
{
    if (m_firstPageBusy) {
        m_firstPageAgain = m_firstPageAgain.value_or(false) || announce;
        return;
    }
    m_firstPageBusy = true;
    m_client->notifications(false, {}, this, [this, announce](api::ApiResult<api::Page<Notification>> page) {
        m_firstPageBusy = false;
        if (!page) {
            qCDebug(lcNotifications) << "list:" << page.error().message();
            if (!page.error().isUnreachable())
                Q_EMIT errorOccurred(page.error().message());
        } else {
            QList<Notification> arrived;
            for (const Notification &notification : std::as_const(page->items)) {
                if (merge(notification) && announce && m_loadedOnce)
                    arrived.append(notification);
            }
            if (m_pagesLoaded <= 1) {
                m_nextCursor = page->nextCursor;
                m_pagesLoaded = 1;
            }
            m_loadedOnce = true;
            // Oldest first, as they would have come live.
            for (auto it = arrived.crbegin(); it != arrived.crend(); ++it)
                Q_EMIT notificationArrived(*it);
            Q_EMIT pageLoaded();
        }
        if (m_firstPageAgain) {
            const bool again = *m_firstPageAgain;
            m_firstPageAgain.reset();
            fetchFirstPage(again);
        }
    });
}

void NotificationCenter::loadMore()
{
    if (!m_nextCursor || m_moreBusy)
        return;
    m_moreBusy = true;
    m_client->notifications(false, *m_nextCursor, this, [this](api::ApiResult<api::Page<Notification>> page) {
        m_moreBusy = false;
        if (!page) {
            Q_EMIT errorOccurred(page.error().message());
            return;
        }
        for (const Notification &notification : std::as_const(page->items))
            merge(notification);
        m_nextCursor = page->nextCursor;
        ++m_pagesLoaded;
        Q_EMIT pageLoaded();
    });
}

void NotificationCenter::fetchCount()
{
    if (m_countBusy) {
        m_countAgain = true;
        return;
    }
    m_countBusy = true;
    const quint64 epoch = m_localEpoch;
    m_client->unreadCount(this, [this, epoch](api::ApiResult<int> count) {
        m_countBusy = false;
        if (m_pendingMarks > 0) {
            // A mark is still on its way: the server may not have applied it yet. Ask when it has.
            m_countAgain = false;
            m_countAfterMarks = true;
            return;
        }
        if (m_countAgain || epoch != m_localEpoch) {
            // Something changed here while the question was out: the answer may not include it. Ask again.
            m_countAgain = false;
            fetchCount();
            return;
        }
        if (count)
            setUnread(*count);
        else
            qCDebug(lcNotifications) << "unread count:" << count.error().message();
    });
}

void NotificationCenter::setUnread(int count)
{
    count = std::max(0, count);
    if (count == m_unread)
        return;
    m_unread = count;
    Q_EMIT unreadCountChanged(count);
}

void NotificationCenter::markRead(const QUuid &id)
{
    const int row = rowOf(id);
    if (row < 0 || m_items.at(row).isRead)
        return;
    m_items[row].isRead = true;
    m_items[row].readAt = QDateTime::currentDateTimeUtc();
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {ReadRole});
    noteLocalChange();
    setUnread(m_unread - 1);
    ++m_pendingMarks;
    m_client->markRead(id, this, [this, id](api::ApiResult<void> done) {
        if (!done) {
            // Not marked on the server: show it unread again, as it is there.
            const int row = rowOf(id);
            if (row >= 0 && m_items.at(row).isRead) {
                m_items[row].isRead = false;
                m_items[row].readAt.reset();
                const QModelIndex changed = index(row);
                Q_EMIT dataChanged(changed, changed, {ReadRole});
                setUnread(m_unread + 1);
            }
            Q_EMIT errorOccurred(tr("The notification could not be marked as read: %1").arg(done.error().message()));
        }
        markDone();
    });
}

void NotificationCenter::markAllRead()
{
    QList<QUuid> marked;
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        if (!m_items.at(row).isRead) {
            m_items[row].isRead = true;
            m_items[row].readAt = QDateTime::currentDateTimeUtc();
            marked.append(m_items.at(row).id);
        }
    }
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {ReadRole});
    noteLocalChange();
    const int before = m_unread;
    setUnread(0);
    ++m_pendingMarks;
    m_client->markAllRead(this, [this, marked, before](api::ApiResult<void> done) {
        if (!done) {
            for (const QUuid &id : marked) {
                const int row = rowOf(id);
                if (row >= 0) {
                    m_items[row].isRead = false;
                    m_items[row].readAt.reset();
                    const QModelIndex changed = index(row);
                    Q_EMIT dataChanged(changed, changed, {ReadRole});
                }
            }
            setUnread(before);
            Q_EMIT errorOccurred(tr("The notifications could not be marked as read: %1").arg(done.error().message()));
        }
        markDone();
        // Ask the server: a notification may have arrived while the request was out (and been marked, or not).
        if (done)
            fetchCount();
    });
}

void NotificationCenter::markDone()
{
    noteLocalChange();
    if (--m_pendingMarks == 0 && m_countAfterMarks) {
        m_countAfterMarks = false;
        fetchCount();
    }
}

bool NotificationCenter::open(const QUuid &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    const std::optional<QString> link = m_items.at(row).link;
    markRead(id);
    const std::optional<QUuid> article = link ? articleIdFromLink(*link) : std::nullopt;
    if (!article)
        return false;
    Q_EMIT openArticleRequested(*article);
    return true;
}

std::optional<QUuid> NotificationCenter::articleIdFromLink(QStringView link)
{
    static const QRegularExpression pattern(
        u"^(?:https?://[^/?#]+)?(?:/api/v1)?/articles/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
        u"[0-9a-fA-F]{12})/?$"_s);
    const QRegularExpressionMatch match = pattern.match(link.toString());
    if (!match.hasMatch())
        return std::nullopt;
    const QUuid id = QUuid::fromString(match.capturedView(1));
    if (id.isNull())
        return std::nullopt;
    return id;
}

// ---- the live stream -----------------------------------------------------------------------------------------

void NotificationCenter::setLastEventId(const QString &id)
{
    m_lastEventId = id;
}

void NotificationCenter::setReconnectDelays(int initialMs, int maxMs)
{
    m_initialDelayMs = std::max(1, initialMs);
    m_maxDelayMs = std::max(m_initialDelayMs, maxMs);
}

int NotificationCenter::backoffDelayMs(int attempt) const
{
    qint64 delay = m_initialDelayMs;
    for (int i = 0; i < attempt && delay < m_maxDelayMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, m_maxDelayMs));
}

void NotificationCenter::setState(StreamState state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT streamStateChanged(state);
}

void NotificationCenter::openStream()
{
    if (!m_running || m_stream || m_sessionOver)
        return;
    setState(StreamState::Connecting);
    m_sentEventId = m_lastEventId;
    api::ApiCall *call = m_client->notificationStream(m_sentEventId, this,
                                                      [this](api::ApiResult<void> result) { onStreamDone(result); });
    m_stream = call;
    connect(call, &api::ApiCall::streamOpened, this, &NotificationCenter::onStreamOpened);
    connect(call, &api::ApiCall::event, this, &NotificationCenter::onStreamEvent);
}

void NotificationCenter::onStreamOpened()
{
    setState(StreamState::Connected);
    m_stableTimer.start(kStableConnectionMs);
    // The count may have moved while we were away (marked read elsewhere, or new ones).
    fetchCount();
    // Without an id to resume from, the server starts the stream at "now": what came before it is fetched and
    // compared instead. (Also on the first connection, for what was created between the first list and now.)
    if (m_sentEventId.isEmpty())
        fetchFirstPage(true);
}

void NotificationCenter::onStreamEvent(const sse::Event &event)
{
    if (sender() != m_stream)
        return;
    if (event.type == u"notification.created"_s) {
        const QJsonObject payload = QJsonDocument::fromJson(event.data.toUtf8()).object();
        const Parsed<Notification> notification = api::notificationItem(payload.value(u"notification").toObject());
        if (!event.id.isEmpty())
            m_lastEventId = event.id;
        if (!notification) {
            qCWarning(lcNotifications) << "unreadable notification event" << event.id;
            return;
        }
        m_attempts = 0; // the connection works
        if (!merge(*notification))
            return; // already here (the comparison after a reconnect found it first)
        if (!notification->isRead) {
            noteLocalChange();
            setUnread(m_unread + 1);
        }
        Q_EMIT notificationArrived(*notification);
    } else if (event.type == u"error"_s) {
        const QJsonObject payload = QJsonDocument::fromJson(event.data.toUtf8()).object();
        const int status = payload.value(u"status").toInt();
        qCDebug(lcNotifications) << "stream error event" << status;
        if (status == 401) {
            // The session was signed out or the user deactivated: reconnecting would only be refused.
            m_sessionOver = true;
            Q_EMIT errorOccurred(payload.value(u"detail").toString(tr("Your session has ended; sign in again.")));
        }
    }
}

void NotificationCenter::onStreamDone(const api::ApiResult<void> &result)
{
    m_stream = nullptr;
    m_stableTimer.stop();
    if (!m_running)
        return;
    if (m_sessionOver) {
        stop();
        return;
    }
    if (!result) {
        const api::ApiError &error = result.error();
        qCDebug(lcNotifications) << "stream ended:" << error.message();
        if (error.kind == api::ApiError::Kind::Http && error.status == 400 && !m_sentEventId.isEmpty()) {
            // The server cannot resume from our id: start afresh at once; the comparison fills the gap.
            m_lastEventId.clear();
            setState(StreamState::Waiting);
            m_retryTimer.start(0);
            return;
        }
        if (error.kind == api::ApiError::Kind::Http && !error.isTransient() && error.status >= 400 &&
            error.status < 500) {
            // 401 after the client's own refresh, 403, 404: retrying cannot help.
            Q_EMIT errorOccurred(error.message());
            stop();
            return;
        }
    }
    scheduleReconnect();
}

void NotificationCenter::scheduleReconnect()
{
    const int delay = backoffDelayMs(m_attempts);
    // "Equal jitter": half the delay is fixed, half random, so clients that lost the same server do not all
    // come back in the same millisecond.
    const int jittered = delay / 2 + int(QRandomGenerator::global()->bounded(delay / 2 + 1));
    ++m_attempts;
    setState(StreamState::Waiting);
    m_retryTimer.start(jittered);
}

} // namespace inkwell::engine
