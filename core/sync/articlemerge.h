#pragma once

#include "sync/textmerge.h"

#include <QString>
#include <QStringList>

namespace inkwell::sync {

/// @brief The parts of an article that a person edits, as the sync engine merges them.
struct ArticleText {
    QString title;
    QString excerpt;
    QStringList tags; ///< tag names, compared ignoring case (the server keeps them unique that way)
    QString content;  ///< CommonMark

    friend bool operator==(const ArticleText &, const ArticleText &) = default;
};

/// @brief The result of mergeArticle().
struct ArticleMerge {
    bool clean = true;  ///< no field conflicts: `merged` can be pushed as it is
    ArticleText merged; ///< conflicting title/excerpt keep mine; conflicting content holds the conflict markers
    QStringList conflictingFields; ///< of "title", "excerpt", "content", in that order
    TextMerge content;             ///< the content merge, with its conflict regions for a side-by-side view

    friend bool operator==(const ArticleMerge &, const ArticleMerge &) = default;
};

/// @brief Merges the local draft (@p mine) with the server's article (@p theirs), both edited from @p base.
///
/// - title, excerpt: single values. A side that left the value as in @p base takes the other side's; the same new
///   value on both sides is clean; two different new values conflict, and `merged` keeps mine so nothing the user
///   typed is lost.
/// - tags: a set. Additions and removals of both sides (relative to @p base, ignoring case) all apply; never a
///   conflict. Order: mine's tags first, then the tags theirs added; a tag both added keeps mine's spelling.
/// - content: mergeText().
ArticleMerge mergeArticle(const ArticleText &base, const ArticleText &mine, const ArticleText &theirs);

} // namespace inkwell::sync
