#pragma once

#include "api/apiclient.h"
#include "model/notification.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUuid>
#include <optional>

namespace inkwell::engine {

/**
 * @brief The signed-in user's notifications: a list model (newest first), the unread count, and the live stream.
 *
 * start() loads the newest page and the unread count and opens `/notifications/stream`. Every notification the
 * stream delivers is merged in by id (never twice) and announced with notificationArrived() (for the tray). A
 * stream that ends or cannot be opened is opened again after an exponential backoff with jitter (capped; the
 * backoff starts over once a connection proved good), with `Last-Event-ID` set to the last event seen, so what
 * was created in between is delivered then. When there is no id to resume from, or the server refuses it, the
 * newest page is fetched again and compared with what is shown instead; either way nothing is lost or doubled.
 *
 * Marking read is shown at once and undone (by reloading) if the server refuses. open() marks a notification
 * read and, when its link names an article (`/articles/<uuid>`), asks for that article with
 * openArticleRequested().
 */
class NotificationCenter : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
public:
    /// @brief Item data roles besides Qt::DisplayRole (the title) and Qt::ToolTipRole (the message).
    enum DataRole {
        IdRole = Qt::UserRole + 1, ///< QUuid
        TypeRole,                  ///< QString, e.g. "article.published"
        TitleRole,                 ///< QString
        MessageRole,               ///< QString
        LinkRole,                  ///< QString, empty when none
        ReadRole,                  ///< bool
        CreatedAtRole,             ///< QDateTime (UTC)
        ArticleIdRole,             ///< QUuid of the linked article, null when the link names none
    };
    Q_ENUM(DataRole)

    /// @brief Where the live stream is.
    enum class StreamState {
        Stopped,    ///< not started, stopped, or the session is over
        Connecting, ///< a request is out, no answer head yet
        Connected,  ///< events arrive as they happen
        Waiting,    ///< the stream broke; the next attempt is scheduled (see reconnectAttempts())
    };
    Q_ENUM(StreamState)

    explicit NotificationCenter(api::ApiClient *client, QObject *parent = nullptr);
    ~NotificationCenter() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// @brief Loads the newest notifications and the unread count, and opens the live stream.
    void start();
    /// @brief Closes the stream and stops reconnecting; the list stays as it is.
    void stop();
    /// @brief Fetches the newest page and the unread count again and merges them with what is shown.
    void refresh();
    /// @brief Appends the next (older) page, if there is one.
    void loadMore();
    bool canLoadMore() const { return m_nextCursor.has_value(); }
    /// @brief Whether the first page has arrived at least once.
    bool hasLoaded() const { return m_loadedOnce; }

    /// @brief Unread notifications on the server (including ones not loaded into the list).
    int unreadCount() const { return m_unread; }
    /// @brief The notification in @p row (0 <= row < rowCount()).
    const Notification &at(int row) const { return m_items.at(row); }
    /// @brief The row of the notification with @p id, or -1.
    int rowOf(const QUuid &id) const;

    /// @brief Marks one notification read (shown at once; reloaded if the server refuses).
    void markRead(const QUuid &id);
    /// @brief Marks every notification read.
    void markAllRead();
    /// @brief Marks @p id read and emits openArticleRequested() when its link names an article. Returns whether
    /// it did.
    bool open(const QUuid &id);

    StreamState streamState() const { return m_state; }
    /// @brief The id of the last stream event received; sent as Last-Event-ID when the stream is opened again.
    QString lastEventId() const { return m_lastEventId; }
    /// @brief Resumes from @p id (kept from an earlier run) when the stream is next opened. An id the server does
    /// not accept is dropped: the stream starts afresh and the list is fetched and compared instead.
    void setLastEventId(const QString &id);
    /// @brief Failed attempts since the last good connection (drives the backoff).
    int reconnectAttempts() const { return m_attempts; }
    /// @brief The backoff: the first retry after about @p initialMs, doubling up to @p maxMs. Defaults 1 s, 60 s.
    void setReconnectDelays(int initialMs, int maxMs);
    /// @brief The delay before retry number @p attempt (0-based) before jitter: initial × 2^attempt, capped.
    int backoffDelayMs(int attempt) const;

    /// @brief The article id in a notification link (`/articles/<uuid>`, `/api/v1/articles/<uuid>` or a full
    /// URL ending so); std::nullopt for anything else.
    static std::optional<QUuid> articleIdFromLink(QStringView link);

Q_SIGNALS:
    void unreadCountChanged(int count);
    /// @brief A notification that was not known before arrived (live, or found when comparing after a
    /// reconnect). Not emitted for what the first load shows.
    void notificationArrived(const inkwell::Notification &notification);
    /// @brief The user opened a notification about an article.
    void openArticleRequested(const QUuid &articleId);
    void streamStateChanged(inkwell::engine::NotificationCenter::StreamState state);
    /// @brief Something the user may want to know failed (a mark that the server refused, a list that did not
    /// load); the message is readable.
    void errorOccurred(const QString &message);
    /// @brief A page of the list arrived (also after a reconnect's comparison).
    void pageLoaded();

private:
    void fetchFirstPage(bool announce);
    void fetchCount();
    void openStream();
    void onStreamOpened();
    void onStreamEvent(const sse::Event &event);
    void onStreamDone(const api::ApiResult<void> &result);
    void scheduleReconnect();
    void setState(StreamState state);
    void setUnread(int count);
    void noteLocalChange() { ++m_localEpoch; }
    void markDone();
    /// Merges one notification by id; returns whether it was new.
    bool merge(const Notification &notification);

    api::ApiClient *m_client;
    QList<Notification> m_items; // newest first
    QSet<QUuid> m_ids;
    std::optional<QString> m_nextCursor;
    bool m_loadedOnce = false;
    int m_pagesLoaded = 0;
    int m_unread = 0;

    // A first-page fetch in flight, and whether another is wanted when it ends (one at a time, so the answers
    // cannot cross and the comparison sees them in order).
    bool m_firstPageBusy = false;
    std::optional<bool> m_firstPageAgain; // the announce flag of the wanted fetch
    bool m_moreBusy = false;
    // Unread count: a local change made while a count request was out makes its answer stale.
    quint64 m_localEpoch = 0;
    bool m_countBusy = false;
    bool m_countAgain = false;
    int m_pendingMarks = 0;
    bool m_countAfterMarks = false;

    bool m_running = false;
    QPointer<api::ApiCall> m_stream;
    StreamState m_state = StreamState::Stopped;
    QString m_lastEventId;
    QString m_sentEventId; // what the current stream was opened with
    bool m_sessionOver = false;
    int m_attempts = 0;
    int m_initialDelayMs = 1000;
    int m_maxDelayMs = 60000;
    QTimer m_retryTimer;
    QTimer m_stableTimer;
};

} // namespace inkwell::engine
