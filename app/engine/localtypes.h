#pragma once

#include "model/article.h"
#include "sync/articlemerge.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>

/// @file
/// What the desktop's local store holds, as the rest of the app sees it.

namespace inkwell::engine {

/// @brief Where an article stands between this computer and the server.
enum class SyncState {
    Synced,       ///< the local copy is the server's
    LocalChanges, ///< edited here, not yet on the server (also: never synced)
    Conflict,     ///< edited here and on the server in the same place: the user decides
    Failed,       ///< the server refused the local version (a reason is kept); it stays here
};

/// @brief One row of the library: what a list shows, without the body.
struct LibraryEntry {
    QUuid id;
    QString title;
    QString excerpt;
    QStringList tags;
    ArticleStatus status = ArticleStatus::Draft;
    QUuid authorId;
    QString authorName;
    QDateTime updatedAt; ///< the local save when edited here, else the server's
    std::optional<QDateTime> publishedAt;
    int wordCount = 0;
    std::optional<int> revision; ///< the server revision the local copy is (based on); none: never synced
    SyncState syncState = SyncState::Synced;
    QString syncMessage; ///< why it failed, or a note ("deleted on the server; kept as a new draft")

    bool neverSynced() const { return !revision.has_value(); }
    friend bool operator==(const LibraryEntry &, const LibraryEntry &) = default;
};

/// @brief A conflict kept for the user: the three texts and the proposed merge.
struct Conflict {
    sync::ArticleText base;   ///< what both sides started from
    sync::ArticleText mine;   ///< the local draft
    sync::ArticleText theirs; ///< the server's article
    int theirsRevision = 0;
    sync::ArticleText merged; ///< the proposal: clean parts merged, conflicting content with markers
    QStringList fields;       ///< the conflicting fields ("title", "excerpt", "content")

    friend bool operator==(const Conflict &, const Conflict &) = default;
};

/// @brief An article as the editor opens it: the text the user sees (the draft when there is one), where it
/// stands, and the server's copy.
struct LocalArticle {
    LibraryEntry entry;
    sync::ArticleText text;        ///< what the user edits
    std::optional<Article> server; ///< the server's copy, when it has been synced
    std::optional<Conflict> conflict;
    qint64 editSeq = 0; ///< grows with every local save; 0 when there is no draft
    QString language;   ///< spell-checking language chosen for this article ("" = the default)
};

/// @brief A draft waiting to be pushed.
struct PushItem {
    QUuid id;
    sync::ArticleText text;
    std::optional<int> baseRevision; ///< none: a create
    qint64 editSeq = 0;
};

} // namespace inkwell::engine

Q_DECLARE_METATYPE(inkwell::engine::LibraryEntry)
