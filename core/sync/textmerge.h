#pragma once

#include <QList>
#include <QString>
#include <QStringView>

/// Three-way merge and line diffs of in-memory texts, done by libgit2's xdiff (`git_merge_file`,
/// `git_patch_from_buffers`) — no repository and no hand-written diff3.
///
/// Conventions shared by every function here:
/// - Texts are compared line by line. "\r\n" counts as "\n", so a text that only changed its line endings has not
///   changed; a merge result uses the line endings of the local text (see mergeText()).
/// - Every function is reentrant and may run on any thread.
namespace inkwell::sync {

/// @brief One conflict of a three-way merge: what each side has in place of the same base lines.
struct ConflictRegion {
    QString mine;      ///< the local lines of the region, with their line breaks; empty when mine deleted them
    QString theirs;    ///< the server's lines of the region; empty when the server deleted them
    int firstLine = 0; ///< 0-based line of the "<<<<<<< mine" marker in TextMerge::merged
    int lastLine = 0;  ///< 0-based line of the ">>>>>>> theirs" marker in TextMerge::merged (inclusive)

    friend bool operator==(const ConflictRegion &, const ConflictRegion &) = default;
};

/// @brief The result of mergeText().
struct TextMerge {
    bool clean = true; ///< no conflicts: merged is the finished text
    /// The merged text. When !clean each conflict appears in git's style (no base section):
    /// "<<<<<<< mine", mine's lines, "=======", theirs' lines, ">>>>>>> theirs". The markers are for a person
    /// reading the text; a program uses `conflicts`, because article text may itself contain such lines
    /// (a Markdown heading underlined with "=======").
    QString merged;
    QList<ConflictRegion> conflicts; ///< in text order; empty when clean

    friend bool operator==(const TextMerge &, const TextMerge &) = default;
};

/// @brief Merges the edits of @p mine and @p theirs, both made to @p base.
///
/// Edits to different lines merge cleanly (paragraphs are separated by a blank line, so edits to different
/// paragraphs do); edits to the same or adjacent lines conflict unless both sides made the same edit. Both sides
/// inserting different text at the same place conflicts, as does one side deleting lines the other edited.
/// Conflicts fewer than four lines apart are shown as one (git's rule), so a region may hold lines both sides
/// agree on.
/// An empty @p base is fine (both sides wrote the text independently: shared leading and trailing lines merge,
/// the rest conflicts).
///
/// The final line break is merged on its own, so a side that only added or dropped it does not conflict with an
/// edit of the last line: the result ends with a line break when both sides agree, else as the side that changed
/// it from @p base has it (mine when there is no base to tell). An empty side does not vote.
///
/// The result uses "\r\n" when the local text (or, when it has no line break, the server's, then the base's)
/// uses "\r\n" for every line break, and "\n" otherwise; when one side is unchanged the other is returned exactly.
///
/// Texts containing U+0000 (which xdiff treats as binary) and the unlikely failure of libgit2 give one conflict
/// covering the whole of both texts, so nothing is lost.
TextMerge mergeText(QStringView base, QStringView mine, QStringView theirs);

/// @brief A standard unified diff (`diff -u` format) from @p before to @p after, for copying or export.
///
/// Starts with "--- beforeLabel" and "+++ afterLabel", then one "@@ -a,b +c,d @@" header per hunk (",1" left
/// out as GNU diff does), with @p contextLines unchanged lines around each change (negative counts as 0).
/// A last line without a line break is followed by "\ No newline at end of file". Line breaks are "\n".
/// Equal texts give an empty string.
QString unifiedDiff(QStringView before, QStringView after, const QString &beforeLabel, const QString &afterLabel,
                    int contextLines = 3);

/// @brief One line of a DiffHunk.
struct DiffLine {
    enum Kind { Context, Added, Removed };
    Kind kind = Context;
    int oldNumber = -1; ///< 1-based line number in the old text; -1 for an added line
    int newNumber = -1; ///< 1-based line number in the new text; -1 for a removed line
    QString text;       ///< the line without its line break

    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

/// @brief A run of changed lines with their context, as in a unified diff's "@@" block.
struct DiffHunk {
    int oldStart = 0; ///< 1-based first old line; for a hunk that only inserts, the line before (0 at the start)
    int oldLines = 0;
    int newStart = 0; ///< likewise in the new text
    int newLines = 0;
    QList<DiffLine> lines;

    friend bool operator==(const DiffHunk &, const DiffHunk &) = default;
};

/// @brief The hunks of a line diff from @p before to @p after, for a side-by-side or inline view.
///
/// Same hunks as unifiedDiff(). A change that only adds or removes the final line break shows as that line
/// removed and added with the same text. Equal texts give no hunks.
QList<DiffHunk> diffLines(QStringView before, QStringView after, int contextLines = 3);

} // namespace inkwell::sync
