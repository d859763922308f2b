#pragma once

#include "api/apitypes.h"
#include "localtypes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>
#include <expected>
#include <optional>

namespace inkwell::engine {

/// @brief What applying a page of the change feed did.
struct ApplyResult {
    QList<QUuid> changed;   ///< rows that look different now
    QList<QUuid> conflicts; ///< drafts that met a conflicting server edit
};

/// @brief What removing articles (tombstones, or a reconcile after a server reset) did.
struct RemoveResult {
    QList<QUuid> removed;
    /// Articles deleted on the server while edited here: kept as new drafts (old id, new id, title).
    QList<std::tuple<QUuid, QUuid, QString>> keptAsDrafts;
};

/// @brief What a successful push means for the local copy.
struct PushOutcome {
    bool stillDirty = false; ///< the user typed while the push was under way: the draft stays, on the new base
};

/**
 * @brief The local SQLite database: one connection, used only by the thread that opened it (LocalStore's).
 *
 * Every method is synchronous and runs whole in one transaction, so a crash leaves either all of a change or
 * none of it. Callers use LocalStore, which runs these on its thread.
 */
class StoreDb {
public:
    StoreDb() = default;
    ~StoreDb();
    StoreDb(const StoreDb &) = delete;
    StoreDb &operator=(const StoreDb &) = delete;

    /// @brief Opens (creating it 0600, with its folder 0700) and migrates the database at @p path.
    std::expected<void, QString> open(const QString &path, const QString &connectionName);
    void close();
    /// @brief The schema version after open().
    int schemaVersion() const { return m_version; }
    static constexpr int kSchemaVersion = 1;

    QList<LibraryEntry> entries();
    std::optional<LibraryEntry> entry(const QUuid &id);
    std::optional<LocalArticle> article(const QUuid &id);
    /// @brief Full-text search of what the user sees (drafts included); ids by rank.
    std::expected<QList<QUuid>, QString> search(const QString &query, int limit);

    /// @brief Saves the user's text of @p id (a new article when unknown, by @p author). Returns the new editSeq.
    std::expected<qint64, QString> saveDraft(const QUuid &id, const sync::ArticleText &text, const QUuid &authorId,
                                             const QString &authorName);
    /// @brief Forgets an article that only exists here (never synced). False when it is on the server.
    std::expected<bool, QString> discardLocal(const QUuid &id);
    /// @brief Forgets an article and any draft of it (the user deleted it on the server).
    std::expected<void, QString> forget(const QUuid &id);
    /// @brief How many drafts are in conflict, and how many the server refused.
    std::pair<int, int> attentionCounts();
    std::expected<void, QString> setLanguage(const QUuid &id, const QString &language);

    /// @brief Applies live articles of the change feed (tombstones are removeArticles()' business), and when
    /// @p cursor is given stores it in the same transaction.
    std::expected<ApplyResult, QString> applyArticles(const QList<Article> &articles,
                                                      const std::optional<QString> &cursor);
    /// @brief Removes articles; a dirty draft among them is kept as a new draft instead.
    std::expected<RemoveResult, QString> removeArticles(const QList<QUuid> &ids, const std::optional<QString> &cursor);
    /// @brief Which of @p ids this store holds a server copy of, and whether each has unpushed edits.
    QHash<QUuid, bool> present(const QList<QUuid> &ids);
    /// @brief Every id with a server copy (for a reconcile against a full feed).
    QSet<QUuid> serverIds();
    /// @brief How many articles have a server copy.
    int serverCount();

    QString cursor();
    std::expected<void, QString> setCursor(const QString &cursor);

    QList<PushItem> dirtyDrafts();
    /// @brief The server took the push of @p editSeq and answered @p stored.
    std::expected<PushOutcome, QString> markPushed(const QUuid &id, const Article &stored, qint64 editSeq);
    /// @brief The push met a newer server version (412): merge three ways against it. Returns whether it was clean.
    std::expected<bool, QString> mergeWithServer(const QUuid &id, const Article &theirs);
    /// @brief The server refused the push for good (validation, permission): keep the draft with the reason.
    std::expected<void, QString> markFailed(const QUuid &id, const QString &message);
    /// @brief The user settled a conflict with @p resolved, compared against the server's @p theirsRevision: it
    /// becomes the draft, based on that revision. Refused when the conflict is about another revision by now (the
    /// server changed again while the user compared) or is settled already.
    std::expected<qint64, QString> resolveConflict(const QUuid &id, const sync::ArticleText &resolved,
                                                   int theirsRevision);
    /// @brief Stores the server's answer to an action (publish, archive...) as the server copy.
    std::expected<void, QString> storeServerArticle(const Article &article);

private:
    std::expected<void, QString> migrate();
    std::optional<qint64> keyOf(const QUuid &id);
    void reindex(qint64 key);
    bool exec(const QString &sql);
    QString lastError() const { return m_lastError; }
    std::expected<void, QString> upsertServer(const Article &article);
    /// Merges the draft of @p key against @p theirs; returns whether clean (false: now a conflict).
    bool mergeDraft(qint64 key, const Article &theirs);

    QSqlDatabase m_db;
    QString m_connection;
    QString m_lastError;
    int m_version = 0;
};

} // namespace inkwell::engine
