#pragma once

#include "localtypes.h"
#include "storedb.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <expected>
#include <functional>
#include <memory>

namespace inkwell::engine {

namespace detail {
class StoreWorker;
}

/**
 * @brief The desktop's local store: every article the user can see, their drafts, the feed cursor and an FTS5
 * index, in one SQLite file (WAL, mode 0600) — used from the UI thread without ever blocking it.
 *
 * All database work runs on the store's own thread, one job at a time in the order asked (so a save asked
 * before a sync is on disk before the sync looks). Each call takes a context object and a callback that runs
 * in the caller's thread while the context lives. changed() tells models which articles to re-read after a
 * write. The destructor finishes every queued write before it returns; flush() does that on demand.
 */
class LocalStore : public QObject {
    Q_OBJECT
public:
    /// @brief Opens (creating and migrating) the store at @p path. Blocks for the open itself only.
    static std::expected<std::unique_ptr<LocalStore>, QString> open(const QString &path, QObject *parent = nullptr);
    ~LocalStore() override;

    QString path() const { return m_path; }

    /// @brief Runs @p job on the store's thread with its database, then @p done here with the result.
    template <typename R> void run(std::function<R(StoreDb &)> job, QObject *context, std::function<void(R)> done);
    /// @brief Runs a write on the store's thread; changed(@p ids) follows when it succeeded (empty ids: "many").
    void write(std::function<std::expected<void, QString>(StoreDb &)> job, QList<QUuid> ids, QObject *context = nullptr,
               std::function<void(std::expected<void, QString>)> done = {});

    // ---- the common calls ----
    void entries(QObject *context, std::function<void(QList<LibraryEntry>)> done);
    void article(const QUuid &id, QObject *context, std::function<void(std::optional<LocalArticle>)> done);
    void search(const QString &query, int limit, QObject *context,
                std::function<void(std::expected<QList<QUuid>, QString>)> done);
    /// @brief Saves the user's text (creating the article here when new); done gets the new edit sequence.
    void saveDraft(const QUuid &id, const sync::ArticleText &text, const QUuid &authorId, const QString &authorName,
                   QObject *context = nullptr, std::function<void(std::expected<qint64, QString>)> done = {});
    void setLanguage(const QUuid &id, const QString &language);

    /// @brief Emits changed(@p ids): for a caller whose run() wrote.
    void announce(const QList<QUuid> &ids);
    /// @brief Waits until every job asked so far has run (the app's close, a test).
    void flush();

Q_SIGNALS:
    /// @brief These articles were written (empty: too many to list; re-read everything).
    void changed(const QList<QUuid> &ids);
    /// @brief A write failed (disk full, damaged file): nothing of that write is stored.
    void writeFailed(const QString &message);

private:
    explicit LocalStore(QString path, QObject *parent);
    void post(std::function<void(StoreDb &)> job);

    QString m_path;
    QThread m_thread;
    detail::StoreWorker *m_worker = nullptr;
};

namespace detail {
/// Lives in the store's thread and owns its database.
class StoreWorker : public QObject {
    Q_OBJECT
public:
    StoreDb db;
};
} // namespace detail

template <typename R>
void LocalStore::run(std::function<R(StoreDb &)> job, QObject *context, std::function<void(R)> done)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const QPointer<LocalStore> self(this);
    post([this, job = std::move(job), done = std::move(done), guard, hasContext](StoreDb &db) {
        auto result = std::make_shared<R>(job(db));
        // Back to the store's own thread (the caller's); the store is alive until every job ran (destructor).
        QMetaObject::invokeMethod(
            this,
            [done, guard, hasContext, result] {
                if (done && (!hasContext || guard))
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace inkwell::engine
