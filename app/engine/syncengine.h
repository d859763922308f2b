#pragma once

#include "api/apiclient.h"
#include "localstore.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <deque>
#include <functional>

namespace inkwell::engine {

/**
 * @brief Brings the local store and the server together: pulls the change feed by cursor, pushes drafts with
 * `PUT /articles/{id}` + `If-Match`, merges three ways on 412, and keeps what cannot be merged as a conflict for
 * the user. Nothing is overwritten silently.
 *
 * One operation runs at a time (a sync round, or an action such as publish); asking for a round while one runs
 * makes one more round follow. A failed round is retried with exponential backoff (2 s doubling to 5 min, with
 * jitter). When automatic: a round at start, when the server is reachable again, a couple of seconds after a
 * local save, and periodically.
 *
 * The engine asks and the UI answers (house style): when a pull would remove most of the local library at once
 * (a reset server) massRemovalPending() carries an answer function; until it says yes, nothing is removed, the
 * cursor does not move, and automatic rounds skip the pull (an explicit syncNow() asks again).
 */
class SyncEngine : public QObject {
    Q_OBJECT
public:
    enum class Status {
        Idle,      ///< no round yet
        Syncing,   ///< a round is under way
        Synced,    ///< the last round brought both sides together
        Offline,   ///< the server cannot be reached; retrying
        Conflict,  ///< some drafts wait for the user to settle a conflict
        Error,     ///< the last round failed, or the server refused a draft (see statusText())
        Paused,    ///< a mass removal waits for the user's yes
        SignedOut, ///< the session ended: sign in again to sync
    };
    Q_ENUM(Status)

    /// @brief Removals in one pull above this many, and above half of the library, need the user's yes.
    static constexpr int kMassRemovalMinimum = 10;

    SyncEngine(api::ApiClient *client, LocalStore *store, QObject *parent = nullptr);

    /// @brief Rounds by themselves (start, reconnect, after saves, periodically). Off by default (tests drive).
    void setAutomatic(bool automatic);
    void setPeriodMs(int ms) { m_periodic.setInterval(ms); }
    void setSaveDelayMs(int ms) { m_afterSave.setInterval(ms); }

    /// @brief A round now (Ctrl+S): also asks again about a paused mass removal.
    void syncNow();
    /// @brief A local save happened: a round follows after the save delay (saves in a burst make one round).
    void draftSaved();

    Status status() const { return m_status; }
    /// @brief What status() means in words: "Synced", "Offline — retrying in 8 s", the server's reason...
    QString statusText() const { return m_statusText; }
    int conflictCount() const { return m_conflicts; }
    bool busy() const { return m_busy; }

    using Done = std::function<void(std::expected<void, QString>)>;
    /// @brief Publishes, unpublishes or archives on the server (the local edits are pushed first).
    void setArticleStatus(const QUuid &id, ArticleStatus status, QObject *context, Done done);
    /// @brief Deletes the article: on the server when it is there (local edits are dropped), else here only.
    void deleteArticle(const QUuid &id, QObject *context, Done done);
    /// @brief Settles a conflict with the text the user chose after comparing it with the server's
    /// @p theirsRevision; it is pushed by the next round (started now). Refused when the server's version moved on
    /// meanwhile (the user compares again) or the conflict is settled already.
    void resolveConflict(const QUuid &id, const sync::ArticleText &resolved, int theirsRevision, QObject *context,
                         Done done);

Q_SIGNALS:
    void statusChanged(inkwell::engine::SyncEngine::Status status);
    /// @brief A round ended; @p ok when both sides are together (conflicts aside).
    void roundFinished(bool ok);
    /// @brief A pull would remove @p count of the @p total articles here: call @p answer with true to let it.
    void massRemovalPending(int count, int total, std::function<void(bool)> answer);
    /// @brief An article edited here was deleted on the server: the edits live on as a new draft.
    void draftKeptAfterDeletion(const QUuid &oldId, const QUuid &newId, const QString &title);
    /// @brief Drafts that met a conflicting edit on the server in this round.
    void conflictsFound(const QList<QUuid> &ids);

private:
    struct Round;
    using Step = std::function<void()>;

    void enqueue(Step operation);
    void operationDone();
    void startRound();
    void pullPage(const std::shared_ptr<Round> &round, const QString &since);
    void finishPull(const std::shared_ptr<Round> &round);
    void applyRemovals(const std::shared_ptr<Round> &round, const QList<QUuid> &ids);
    void pushNext(const std::shared_ptr<Round> &round);
    void pushQueue(const std::shared_ptr<Round> &round, const std::shared_ptr<std::deque<PushItem>> &queue);
    /// A round without lifting a paused mass removal (automatic triggers).
    void syncNowQuietly();
    /// Pushes one draft; @p next gets nothing on success or a handled refusal, else the error that stops the round.
    void pushOne(const PushItem &item, int attempt, std::function<void(std::optional<api::ApiError>)> next);
    void endRound(const std::shared_ptr<Round> &round, const std::optional<api::ApiError> &error);
    void setStatus(Status status, const QString &text);
    void scheduleRetry(const QString &why);
    ArticleInput inputOf(const sync::ArticleText &text) const;

    api::ApiClient *m_client;
    LocalStore *m_store;
    QTimer m_periodic;
    QTimer m_afterSave;
    QTimer m_retry;
    int m_backoffMs = 0;
    bool m_automatic = false;
    bool m_busy = false;
    bool m_roundQueued = false;
    bool m_paused = false;
    bool m_askAgain = false;
    bool m_removalConfirmed = false;
    std::deque<Step> m_operations;
    Status m_status = Status::Idle;
    QString m_statusText;
    int m_conflicts = 0;
};

} // namespace inkwell::engine
