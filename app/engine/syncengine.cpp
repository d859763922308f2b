#include "syncengine.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "inkwell.engine.sync")

namespace inkwell::engine {

namespace {

constexpr int kPageSize = 1000;      ///< the feed's largest page: a first sync is bounded by transfer
constexpr int kMaxMergeAttempts = 3; ///< a push that keeps meeting newer versions waits for the next round
constexpr int kFirstRetryMs = 2000;
constexpr int kMaxRetryMs = 5 * 60 * 1000;
constexpr int kAnnounceEachUpTo = 200; ///< more changed rows than this: "re-read everything"

api::ApiError storeError(const QString &what)
{
    api::ApiError error;
    error.kind = api::ApiError::Kind::BadAnswer;
    error.detail = QCoreApplication::translate("inkwell::engine::SyncEngine", "The local store failed: %1").arg(what);
    return error;
}

PushItem pushItemOf(const LocalArticle &article)
{
    PushItem item;
    item.id = article.entry.id;
    item.text = article.text;
    item.baseRevision = article.entry.revision;
    item.editSeq = article.editSeq;
    return item;
}

} // namespace

struct SyncEngine::Round {
    bool fullResync = false; ///< the server did not know our cursor: read the whole feed and reconcile
    QSet<QUuid> seen;        ///< live ids of a full resync
    QList<QUuid> tombstones; ///< deletions seen in this pull, applied together at its end
    QString cursor;          ///< the newest cursor of this pull
    bool cursorHeld = false; ///< the cursor is not stored yet (it waits for the removals)
    bool paused = false;     ///< the pull stopped at a mass removal
    QList<QUuid> conflicts;
};

SyncEngine::SyncEngine(api::ApiClient *client, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    m_periodic.setInterval(60'000);
    m_afterSave.setInterval(2'000);
    m_afterSave.setSingleShot(true);
    m_retry.setSingleShot(true);
    connect(&m_periodic, &QTimer::timeout, this, &SyncEngine::syncNowQuietly);
    connect(&m_afterSave, &QTimer::timeout, this, &SyncEngine::syncNowQuietly);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNowQuietly);
    connect(m_client, &api::ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable && m_automatic && m_status == Status::Offline)
            syncNowQuietly();
    });
    connect(m_client, &api::ApiClient::sessionEnded, this,
            [this] { setStatus(Status::SignedOut, tr("Signed out: sign in again to sync.")); });
}

void SyncEngine::setAutomatic(bool automatic)
{
    m_automatic = automatic;
    if (automatic) {
        m_periodic.start();
        syncNowQuietly();
    } else {
        m_periodic.stop();
        m_afterSave.stop();
        m_retry.stop();
    }
}

void SyncEngine::syncNow()
{
    m_askAgain = true;
    syncNowQuietly();
}

void SyncEngine::syncNowQuietly()
{
    if (m_roundQueued)
        return;
    m_roundQueued = true;
    enqueue([this] {
        m_roundQueued = false;
        startRound();
    });
}

void SyncEngine::draftSaved()
{
    if (m_automatic)
        m_afterSave.start();
}

void SyncEngine::enqueue(Step operation)
{
    m_operations.push_back(std::move(operation));
    if (m_busy)
        return;
    m_busy = true;
    Step next = std::move(m_operations.front());
    m_operations.pop_front();
    next();
}

void SyncEngine::operationDone()
{
    m_busy = false;
    if (m_operations.empty())
        return;
    m_busy = true;
    Step next = std::move(m_operations.front());
    m_operations.pop_front();
    next();
}

void SyncEngine::setStatus(Status status, const QString &text)
{
    const bool changed = status != m_status || text != m_statusText;
    m_status = status;
    m_statusText = text;
    if (changed)
        Q_EMIT statusChanged(status);
}

void SyncEngine::startRound()
{
    auto round = std::make_shared<Round>();
    if (m_paused && !m_askAgain) {
        // A mass removal waits for the user's yes; only an explicit sync asks again.
        round->paused = true;
        endRound(round, std::nullopt);
        return;
    }
    m_askAgain = false;
    if (m_client->refreshToken().isEmpty() && m_client->accessToken().isEmpty()) {
        setStatus(Status::SignedOut, tr("Signed out: sign in again to sync."));
        operationDone();
        Q_EMIT roundFinished(false);
        return;
    }
    setStatus(Status::Syncing, tr("Syncing…"));
    m_store->run<QString>([](StoreDb &db) { return db.cursor(); }, this,
                          [this, round](QString cursor) {
                              // Reading the feed from its start is a full resync: what is here and not in it is gone
                              // from the server (a store that never finished a pull, or a server that was set up anew
                              // and answers "0" for an empty feed).
                              round->fullResync = cursor.isEmpty() || cursor == u"0"_s;
                              round->cursorHeld = round->fullResync;
                              pullPage(round, cursor);
                          });
}

void SyncEngine::pullPage(const std::shared_ptr<Round> &round, const QString &since)
{
    m_client->changes(since, kPageSize, this, [this, round, since](api::ApiResult<api::ChangesPage> page) {
        if (!page) {
            const api::ApiError &error = page.error();
            const bool knownCursor = since.isEmpty() || since == u"0"_s;
            if (!round->fullResync && !knownCursor && (error.status == 410 || error.status == 400)) {
                // The server does not know our place in its feed (it was reset, or forgot deletions that old):
                // read it from the start and reconcile what is here against it.
                qCInfo(lcSync) << "cursor refused (" << error.status << "): reading the whole feed";
                round->fullResync = true;
                round->seen.clear();
                round->tombstones.clear();
                round->cursorHeld = true;
                pullPage(round, QString());
                return;
            }
            endRound(round, error);
            return;
        }
        QList<Article> live;
        live.reserve(page->changes.size());
        for (const api::Change &change : page->changes) {
            if (change.article) {
                if (round->fullResync)
                    round->seen.insert(change.id);
                live.append(*change.article);
            } else {
                round->tombstones.append(change.id);
            }
        }
        round->cursor = page->cursor;
        round->cursorHeld = round->cursorHeld || !round->tombstones.isEmpty();
        const std::optional<QString> cursor = round->cursorHeld ? std::nullopt : std::optional(page->cursor);
        const bool more = page->hasMore;
        const QString next = page->cursor;
        m_store->run<std::expected<ApplyResult, QString>>(
            [live = std::move(live), cursor](StoreDb &db) { return db.applyArticles(live, cursor); }, this,
            [this, round, more, next](std::expected<ApplyResult, QString> applied) {
                if (!applied) {
                    endRound(round, storeError(applied.error()));
                    return;
                }
                round->conflicts += applied->conflicts;
                if (!applied->changed.isEmpty())
                    m_store->announce(applied->changed.size() > kAnnounceEachUpTo ? QList<QUuid>() : applied->changed);
                if (more)
                    pullPage(round, next);
                else
                    finishPull(round);
            });
    });
}

void SyncEngine::finishPull(const std::shared_ptr<Round> &round)
{
    if (!round->cursorHeld) {
        pushNext(round);
        return;
    }
    struct Removal {
        QList<QUuid> ids;
        int synced = 0; ///< of them, articles with no local edits (those are really removed)
        int total = 0;
    };
    m_store->run<Removal>(
        [tombstones = round->tombstones, full = round->fullResync, seen = round->seen](StoreDb &db) {
            QList<QUuid> candidates = tombstones;
            if (full) {
                for (const QUuid &id : db.serverIds()) {
                    if (!seen.contains(id))
                        candidates.append(id);
                }
            }
            const QHash<QUuid, bool> present = db.present(candidates);
            Removal removal;
            for (auto it = present.cbegin(); it != present.cend(); ++it) {
                removal.ids.append(it.key());
                if (!it.value())
                    ++removal.synced;
            }
            removal.total = db.serverCount();
            return removal;
        },
        this,
        [this, round](Removal removal) {
            const bool mass = removal.synced > kMassRemovalMinimum && removal.synced * 2 > removal.total;
            if (mass && !m_removalConfirmed) {
                round->paused = true;
                m_paused = true;
                endRound(round, std::nullopt);
                const QPointer<SyncEngine> self(this);
                auto answered = std::make_shared<bool>(false);
                Q_EMIT massRemovalPending(removal.synced, removal.total, [self, answered](bool yes) {
                    if (!self || *answered)
                        return;
                    *answered = true;
                    if (!yes)
                        return; // stays paused; Ctrl+S asks again
                    self->m_paused = false;
                    self->m_removalConfirmed = true;
                    self->syncNowQuietly();
                });
                return;
            }
            m_removalConfirmed = false;
            applyRemovals(round, removal.ids);
        });
}

void SyncEngine::applyRemovals(const std::shared_ptr<Round> &round, const QList<QUuid> &ids)
{
    m_store->run<std::expected<RemoveResult, QString>>(
        [ids, cursor = round->cursor](StoreDb &db) { return db.removeArticles(ids, cursor); }, this,
        [this, round](std::expected<RemoveResult, QString> removed) {
            if (!removed) {
                endRound(round, storeError(removed.error()));
                return;
            }
            QList<QUuid> changed = removed->removed;
            for (const auto &[oldId, newId, title] : removed->keptAsDrafts) {
                changed += {oldId, newId};
                Q_EMIT draftKeptAfterDeletion(oldId, newId, title);
            }
            if (!changed.isEmpty())
                m_store->announce(changed.size() > kAnnounceEachUpTo ? QList<QUuid>() : changed);
            pushNext(round);
        });
}

void SyncEngine::pushNext(const std::shared_ptr<Round> &round)
{
    m_store->run<QList<PushItem>>([](StoreDb &db) { return db.dirtyDrafts(); }, this,
                                  [this, round](QList<PushItem> items) {
                                      pushQueue(round,
                                                std::make_shared<std::deque<PushItem>>(items.cbegin(), items.cend()));
                                  });
}

void SyncEngine::pushQueue(const std::shared_ptr<Round> &round, const std::shared_ptr<std::deque<PushItem>> &queue)
{
    if (queue->empty()) {
        endRound(round, std::nullopt);
        return;
    }
    const PushItem item = queue->front();
    queue->pop_front();
    pushOne(item, 0, [this, round, queue](std::optional<api::ApiError> stop) {
        if (stop)
            endRound(round, stop);
        else
            pushQueue(round, queue);
    });
}

ArticleInput SyncEngine::inputOf(const sync::ArticleText &text) const
{
    ArticleInput input;
    input.title = text.title.trimmed();
    if (input.title.isEmpty())
        input.title = tr("Untitled");
    input.content = text.content;
    if (!text.excerpt.trimmed().isEmpty())
        input.excerpt = text.excerpt;
    input.tags = text.tags;
    return input;
}

void SyncEngine::pushOne(const PushItem &item, int attempt, std::function<void(std::optional<api::ApiError>)> next)
{
    m_client->putArticle(
        item.id, inputOf(item.text), item.baseRevision, this,
        [this, item, attempt, next](api::ApiResult<Article> result) {
            if (result) {
                m_store->run<std::expected<PushOutcome, QString>>(
                    [item, stored = *result](StoreDb &db) { return db.markPushed(item.id, stored, item.editSeq); },
                    this,
                    [this, item, next](std::expected<PushOutcome, QString> marked) {
                        if (!marked) {
                            next(storeError(marked.error()));
                            return;
                        }
                        m_store->announce({item.id});
                        next(std::nullopt);
                    });
                return;
            }
            const api::ApiError error = result.error();
            // Merge against the server's current article, then push the result again.
            const auto mergeWith = [this, item, attempt, next](const Article &theirs) {
                m_store->run<std::expected<bool, QString>>(
                    [id = item.id, theirs](StoreDb &db) { return db.mergeWithServer(id, theirs); }, this,
                    [this, item, attempt, next](std::expected<bool, QString> clean) {
                        if (!clean) {
                            next(storeError(clean.error()));
                            return;
                        }
                        m_store->announce({item.id});
                        if (!*clean) {
                            Q_EMIT conflictsFound({item.id});
                            next(std::nullopt);
                            return;
                        }
                        if (attempt + 1 >= kMaxMergeAttempts) {
                            next(std::nullopt);
                            return;
                        }
                        m_store->article(item.id, this, [this, attempt, next](std::optional<LocalArticle> article) {
                            if (!article || article->editSeq == 0 || article->conflict) {
                                next(std::nullopt); // merged into exactly the server's text: nothing to push
                                return;
                            }
                            pushOne(pushItemOf(*article), attempt + 1, next);
                        });
                    });
            };
            if (error.status == 412 || error.status == 428) {
                if (const std::optional<Article> current = api::ApiClient::currentArticle(error)) {
                    mergeWith(*current);
                    return;
                }
                m_client->article(item.id, this, [mergeWith, next](api::ApiResult<Article> current) {
                    if (current)
                        mergeWith(*current);
                    else
                        next(current.error());
                });
                return;
            }
            if (error.status == 404 && item.baseRevision) {
                // Gone from the server (deleted, or no longer ours to see): the edits live on as a new draft.
                m_store->run<std::expected<RemoveResult, QString>>(
                    [id = item.id](StoreDb &db) { return db.removeArticles({id}, std::nullopt); }, this,
                    [this, next](std::expected<RemoveResult, QString> removed) {
                        if (!removed) {
                            next(storeError(removed.error()));
                            return;
                        }
                        for (const auto &[oldId, newId, title] : removed->keptAsDrafts) {
                            m_store->announce({oldId, newId});
                            Q_EMIT draftKeptAfterDeletion(oldId, newId, title);
                        }
                        syncNowQuietly(); // the new draft goes up in the next round
                        next(std::nullopt);
                    });
                return;
            }
            if (error.isTransient() || error.status == 401 || error.kind == api::ApiError::Kind::BadAnswer) {
                next(error);
                return;
            }
            // Refused for good (validation, permission, too large): kept here with the server's reason.
            const QString reason = error.message();
            m_store->write([id = item.id, reason](StoreDb &db) { return db.markFailed(id, reason); }, {item.id}, this,
                           [next](std::expected<void, QString>) { next(std::nullopt); });
        });
}

void SyncEngine::endRound(const std::shared_ptr<Round> &round, const std::optional<api::ApiError> &error)
{
    m_store->run<std::pair<int, int>>(
        [](StoreDb &db) { return db.attentionCounts(); }, this,
        [this, round, error](std::pair<int, int> counts) {
            const auto [conflicts, failed] = counts;
            m_conflicts = conflicts;
            bool ok = false;
            if (error) {
                if (error->status == 401) {
                    setStatus(Status::SignedOut, tr("Signed out: sign in again to sync."));
                } else if (error->isUnreachable()) {
                    scheduleRetry(QString());
                } else {
                    scheduleRetry(error->message());
                }
            } else if (round->paused && m_paused) {
                setStatus(Status::Paused, tr("Sync paused: the server would remove most of your library. "
                                             "Sync again (Ctrl+S) to decide."));
            } else if (conflicts > 0) {
                m_backoffMs = 0;
                setStatus(Status::Conflict, tr("%n conflict(s) to resolve", nullptr, conflicts));
                ok = true;
            } else if (failed > 0) {
                m_backoffMs = 0;
                setStatus(Status::Error, tr("%n draft(s) the server refused; open them to see why", nullptr, failed));
                ok = true;
            } else {
                m_backoffMs = 0;
                setStatus(Status::Synced,
                          tr("Synced at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
                ok = true;
            }
            if (!round->conflicts.isEmpty())
                Q_EMIT conflictsFound(round->conflicts);
            operationDone();
            Q_EMIT roundFinished(ok);
        });
}

void SyncEngine::scheduleRetry(const QString &why)
{
    m_backoffMs = m_backoffMs == 0 ? kFirstRetryMs : std::min(m_backoffMs * 2, kMaxRetryMs);
    // ±20 % so that many clients coming back after an outage do not knock at once.
    const int jitter = int(QRandomGenerator::global()->bounded(m_backoffMs * 2 / 5 + 1)) - m_backoffMs / 5;
    const int delay = m_backoffMs + jitter;
    const int seconds = (delay + 999) / 1000;
    if (m_automatic)
        m_retry.start(delay);
    if (why.isEmpty())
        setStatus(Status::Offline, m_automatic ? tr("Offline: retrying in %n s", nullptr, seconds) : tr("Offline"));
    else
        setStatus(Status::Error, m_automatic ? tr("Sync failed: %1 Retrying in %n s", nullptr, seconds).arg(why)
                                             : tr("Sync failed: %1").arg(why));
}

void SyncEngine::setArticleStatus(const QUuid &id, ArticleStatus status, QObject *context, Done done)
{
    const QPointer<QObject> guard(context);
    auto finish = [this, guard, hasContext = context != nullptr, done](std::expected<void, QString> result) {
        if (done && (!hasContext || guard))
            done(std::move(result));
        operationDone();
    };
    enqueue([this, id, status, finish] {
        m_store->article(id, this, [this, id, status, finish](std::optional<LocalArticle> article) {
            if (!article) {
                finish(std::unexpected(tr("This article is not in the library any more.")));
                return;
            }
            if (article->conflict) {
                finish(std::unexpected(tr("Resolve the conflict first.")));
                return;
            }
            const auto act = [this, id, status, finish] {
                m_store->article(id, this, [this, id, status, finish](std::optional<LocalArticle> current) {
                    if (!current || !current->server) {
                        finish(std::unexpected(tr("The article is not on the server yet.")));
                        return;
                    }
                    if (current->conflict) {
                        finish(std::unexpected(tr("Your edits meet a different change made on the server; resolve "
                                                  "the conflict first.")));
                        return;
                    }
                    if (current->editSeq > 0) {
                        finish(std::unexpected(current->entry.syncMessage.isEmpty()
                                                   ? tr("The latest edits could not be saved to the server.")
                                                   : current->entry.syncMessage));
                        return;
                    }
                    m_client->setArticleStatus(
                        id, status, current->server->revision, this, [this, finish](api::ApiResult<Article> result) {
                            if (!result) {
                                if (result.error().status == 412)
                                    syncNowQuietly();
                                finish(std::unexpected(result.error().status == 412
                                                           ? tr("The article changed on the server meanwhile; it is "
                                                                "being updated. Try again.")
                                                           : result.error().message()));
                                return;
                            }
                            m_store->write([stored = *result](StoreDb &db) { return db.storeServerArticle(stored); },
                                           {result->id}, this, finish);
                        });
                });
            };
            if (article->editSeq == 0) {
                act();
                return;
            }
            pushOne(pushItemOf(*article), 0, [act, finish](std::optional<api::ApiError> stop) {
                if (stop)
                    finish(std::unexpected(stop->message()));
                else
                    act();
            });
        });
    });
}

void SyncEngine::deleteArticle(const QUuid &id, QObject *context, Done done)
{
    const QPointer<QObject> guard(context);
    auto finish = [this, guard, hasContext = context != nullptr, done](std::expected<void, QString> result) {
        if (done && (!hasContext || guard))
            done(std::move(result));
        operationDone();
    };
    enqueue([this, id, finish] {
        m_store->article(id, this, [this, id, finish](std::optional<LocalArticle> article) {
            if (!article) {
                finish({});
                return;
            }
            if (!article->server) {
                m_store->write([id](StoreDb &db) { return db.forget(id); }, {id}, this, finish);
                return;
            }
            m_client->deleteArticle(
                id, article->server->revision, this, [this, id, finish](api::ApiResult<void> result) {
                    if (!result && result.error().status != 404) {
                        if (result.error().status == 412)
                            syncNowQuietly();
                        finish(std::unexpected(result.error().status == 412
                                                   ? tr("The article changed on the server meanwhile; it is being "
                                                        "updated. Look at it again before deleting it.")
                                                   : result.error().message()));
                        return;
                    }
                    m_store->write([id](StoreDb &db) { return db.forget(id); }, {id}, this, finish);
                });
        });
    });
}

void SyncEngine::resolveConflict(const QUuid &id, const sync::ArticleText &resolved, int theirsRevision,
                                 QObject *context, Done done)
{
    const QPointer<QObject> guard(context);
    m_store->run<std::expected<qint64, QString>>(
        [id, resolved, theirsRevision](StoreDb &db) { return db.resolveConflict(id, resolved, theirsRevision); },
        this,
        [this, id, guard, hasContext = context != nullptr, done](std::expected<qint64, QString> result) {
            if (result) {
                m_store->announce({id});
                syncNowQuietly();
            }
            if (done && (!hasContext || guard))
                done(result ? std::expected<void, QString>() : std::unexpected(result.error()));
        });
}

} // namespace inkwell::engine
