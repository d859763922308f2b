#include "sync/textmerge.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <algorithm>
#include <git2.h>
#include <limits>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace inkwell::sync {

namespace {

Q_LOGGING_CATEGORY(lcTextMerge, "inkwell.core.sync")

/// The conflict markers git writes by default (and we write into TextMerge::merged).
constexpr int kMarkerSize = 7;
const QString kMineLabel = u"mine"_s;
const QString kTheirsLabel = u"theirs"_s;

void ensureLibgit2()
{
    // git_libgit2_init() is thread-safe and reference counted; one call for the process. We never call
    // git_libgit2_shutdown(): another thread may still be merging, and the globals it frees are few.
    static const int initCount = git_libgit2_init();
    if (initCount < 0)
        qCWarning(lcTextMerge) << "git_libgit2_init failed";
}

QString lastGitError()
{
    const git_error *error = git_error_last();
    return error && error->message ? QString::fromUtf8(error->message) : u"unknown libgit2 error"_s;
}

/// @p text with every "\r\n" as "\n": line endings are not edits.
QString withLf(QStringView text)
{
    QString result = text.toString();
    result.replace(u"\r\n"_s, u"\n"_s);
    return result;
}

/// True when @p text has line breaks and every one of them is "\r\n".
bool usesCrlfOnly(QStringView text)
{
    const qsizetype lf = text.count(u'\n');
    return lf > 0 && text.count(u"\r\n") == lf;
}

/// Whether a text ends with a line break; no answer for an empty text (it has no last line).
std::optional<bool> endsWithBreak(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return text.endsWith(u'\n');
}

/// The merged "ends with a line break" flag: what the sides agree on, else what the side that changed it from the
/// base has (mine when there is no base to tell). An empty side does not vote.
bool mergedFinalBreak(std::optional<bool> base, std::optional<bool> mine, std::optional<bool> theirs)
{
    if (!mine && !theirs)
        return false;
    if (!mine)
        return *theirs;
    if (!theirs || *mine == *theirs)
        return *mine;
    if (base && *mine == *base)
        return *theirs;
    return *mine;
}

/// The longest run of one conflict-marker character ('<', '=', '>') that starts a line of @p text.
int longestMarkerRun(const QString &text)
{
    int longest = 0;
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        const QChar first = text.at(lineStart);
        if (first == u'<' || first == u'=' || first == u'>') {
            qsizetype i = lineStart;
            while (i < text.size() && text.at(i) == first)
                ++i;
            longest = int(std::min<qsizetype>(std::max<qsizetype>(longest, i - lineStart), INT_MAX));
        }
        const qsizetype next = text.indexOf(u'\n', lineStart);
        if (next < 0)
            break;
        lineStart = next + 1;
    }
    return longest;
}

/// A piece of the merge: lines both sides agree on, or a conflict.
struct Segment {
    bool conflict = false;
    QString text; ///< agreed lines (when !conflict)
    QString mine;
    QString theirs;
};

/// Splits xdiff's output into segments. Its markers are @p markerSize characters long, longer than any run of
/// marker characters that starts a line of the inputs, so every line that starts with one is a marker.
std::optional<QList<Segment>> parseMergeOutput(QByteArrayView output, int markerSize)
{
    const QByteArray open(markerSize, '<');
    const QByteArray separator(markerSize, '=');
    const QByteArray close(markerSize, '>');
    enum class State { Agreed, Mine, Theirs } state = State::Agreed;
    QList<Segment> segments;
    QByteArray agreed, mine, theirs;

    qsizetype lineStart = 0;
    while (lineStart < output.size()) {
        qsizetype lineEnd = output.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? output.size() : lineEnd + 1;
        const QByteArrayView line = output.sliced(lineStart, lineEnd - lineStart);
        lineStart = lineEnd;
        switch (state) {
        case State::Agreed:
            if (line.startsWith(open)) {
                if (!agreed.isEmpty())
                    segments.append(
                        Segment{.conflict = false, .text = QString::fromUtf8(agreed), .mine = {}, .theirs = {}});
                agreed.clear();
                state = State::Mine;
            } else {
                agreed.append(line);
            }
            break;
        case State::Mine:
            if (line.startsWith(separator))
                state = State::Theirs;
            else
                mine.append(line);
            break;
        case State::Theirs:
            if (line.startsWith(close)) {
                segments.append(Segment{.conflict = true,
                                        .text = {},
                                        .mine = QString::fromUtf8(mine),
                                        .theirs = QString::fromUtf8(theirs)});
                mine.clear();
                theirs.clear();
                state = State::Agreed;
            } else {
                theirs.append(line);
            }
            break;
        }
    }
    if (state != State::Agreed)
        return std::nullopt;
    if (!agreed.isEmpty())
        segments.append(Segment{.conflict = false, .text = QString::fromUtf8(agreed), .mine = {}, .theirs = {}});
    return segments;
}

/// Runs git_merge_file on texts whose lines all end with "\n"; std::nullopt when libgit2 fails.
std::optional<QList<Segment>> xdiffMerge(const QString &base, const QString &mine, const QString &theirs)
{
    ensureLibgit2();
    const int longestRun = std::max({longestMarkerRun(base), longestMarkerRun(mine), longestMarkerRun(theirs)});
    if (longestRun >= std::numeric_limits<unsigned short>::max())
        return std::nullopt;
    const int markerSize = std::max(kMarkerSize, longestRun + 1);

    const QByteArray base8 = base.toUtf8();
    const QByteArray mine8 = mine.toUtf8();
    const QByteArray theirs8 = theirs.toUtf8();
    const auto input = [](const QByteArray &bytes) {
        git_merge_file_input in;
        git_merge_file_input_init(&in, GIT_MERGE_FILE_INPUT_VERSION);
        in.ptr = bytes.constData();
        in.size = size_t(bytes.size());
        return in;
    };
    const git_merge_file_input baseIn = input(base8);
    const git_merge_file_input mineIn = input(mine8);
    const git_merge_file_input theirsIn = input(theirs8);

    const QByteArray mineLabel = kMineLabel.toUtf8();
    const QByteArray theirsLabel = kTheirsLabel.toUtf8();
    git_merge_file_options options;
    git_merge_file_options_init(&options, GIT_MERGE_FILE_OPTIONS_VERSION);
    options.our_label = mineLabel.constData();
    options.their_label = theirsLabel.constData();
    options.favor = GIT_MERGE_FILE_FAVOR_NORMAL;
    options.flags = GIT_MERGE_FILE_STYLE_MERGE; // no base section: the regions are shrunk to what differs
    options.marker_size = static_cast<unsigned short>(markerSize);

    git_merge_file_result result{};
    const auto freeResult = qScopeGuard([&result] { git_merge_file_result_free(&result); });
    if (git_merge_file(&result, &baseIn, &mineIn, &theirsIn, &options) < 0) {
        qCWarning(lcTextMerge) << "git_merge_file failed:" << lastGitError();
        return std::nullopt;
    }
    const QByteArrayView output(result.ptr, result.ptr ? qsizetype(result.len) : 0);
    if (result.automergeable)
        return QList<Segment>{Segment{.conflict = false, .text = QString::fromUtf8(output), .mine = {}, .theirs = {}}};
    auto segments = parseMergeOutput(output, markerSize);
    if (!segments)
        qCWarning(lcTextMerge) << "git_merge_file wrote an unfinished conflict; treating the texts as one conflict";
    return segments;
}

/// Adds a final "\n" to a non-empty text without one, so that every line is complete for xdiff.
void completeLastLine(QString &text)
{
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text.append(u'\n');
}

QString conflictBlock(const ConflictRegion &region)
{
    return u"<<<<<<< "_s % kMineLabel % u'\n' % region.mine % u"=======\n"_s % region.theirs % u">>>>>>> "_s %
           kTheirsLabel % u'\n';
}

TextMerge render(const QList<Segment> &segments, bool finalBreak, bool crlf)
{
    TextMerge merge;
    int line = 0;
    for (const Segment &segment : segments) {
        if (!segment.conflict) {
            merge.merged += segment.text;
            line += int(segment.text.count(u'\n'));
            continue;
        }
        ConflictRegion region;
        region.mine = segment.mine;
        region.theirs = segment.theirs;
        region.firstLine = line;
        line += 3 + int(region.mine.count(u'\n') + region.theirs.count(u'\n'));
        region.lastLine = line - 1;
        merge.merged += conflictBlock(region);
        merge.conflicts.append(region);
    }
    merge.clean = merge.conflicts.isEmpty();

    if (!finalBreak && merge.merged.endsWith(u'\n')) {
        merge.merged.chop(1);
        // A conflict at the very end holds the last lines of both sides: they end as the result does, so that
        // putting either side in place of the block gives the right ending.
        if (!segments.isEmpty() && segments.constLast().conflict) {
            for (QString *side : {&merge.conflicts.last().mine, &merge.conflicts.last().theirs}) {
                if (side->endsWith(u'\n'))
                    side->chop(1);
            }
        }
    }
    if (crlf) {
        merge.merged.replace(u'\n', u"\r\n"_s);
        for (ConflictRegion &region : merge.conflicts) {
            region.mine.replace(u'\n', u"\r\n"_s);
            region.theirs.replace(u'\n', u"\r\n"_s);
        }
    }
    return merge;
}

} // namespace

TextMerge mergeText(QStringView base, QStringView mine, QStringView theirs)
{
    // One side unchanged: the other side, exactly as it is.
    if (mine == theirs || theirs == base)
        return TextMerge{.clean = true, .merged = mine.toString(), .conflicts = {}};
    if (mine == base)
        return TextMerge{.clean = true, .merged = theirs.toString(), .conflicts = {}};

    QStringView lineEndingModel = mine;
    if (!lineEndingModel.contains(u'\n'))
        lineEndingModel = theirs.contains(u'\n') ? theirs : base;
    const bool crlf = usesCrlfOnly(lineEndingModel);

    QString base1 = withLf(base);
    QString mine1 = withLf(mine);
    QString theirs1 = withLf(theirs);
    const bool finalBreak = mergedFinalBreak(endsWithBreak(base1), endsWithBreak(mine1), endsWithBreak(theirs1));
    completeLastLine(base1);
    completeLastLine(mine1);
    completeLastLine(theirs1);

    std::optional<QList<Segment>> segments;
    // xdiff takes a NUL byte for a binary file and would not merge at all.
    if (!base1.contains(QChar()) && !mine1.contains(QChar()) && !theirs1.contains(QChar()))
        segments = xdiffMerge(base1, mine1, theirs1);
    if (!segments) {
        segments = QList<Segment>{};
        if (mine1 == theirs1)
            segments->append(Segment{.conflict = false, .text = mine1, .mine = {}, .theirs = {}});
        else
            segments->append(Segment{.conflict = true, .text = {}, .mine = mine1, .theirs = theirs1});
    }
    return render(*segments, finalBreak, crlf);
}

namespace {

struct PatchDeleter {
    void operator()(git_patch *patch) const { git_patch_free(patch); }
};
using PatchPtr = std::unique_ptr<git_patch, PatchDeleter>;

/// Calls @p onHunk for every hunk of the line diff and @p onLine for each of its lines (context, added, removed).
template <typename OnHunk, typename OnLine>
void visitDiff(QStringView before, QStringView after, int contextLines, OnHunk onHunk, OnLine onLine)
{
    ensureLibgit2();
    const QByteArray before8 = withLf(before).toUtf8();
    const QByteArray after8 = withLf(after).toUtf8();
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.context_lines = uint32_t(std::max(0, contextLines));
    options.interhunk_lines = 0;
    options.flags = GIT_DIFF_FORCE_TEXT; // a stray NUL must not turn an article into "Binary files differ"

    git_patch *rawPatch = nullptr;
    if (git_patch_from_buffers(&rawPatch, before8.constData(), size_t(before8.size()), nullptr, after8.constData(),
                               size_t(after8.size()), nullptr, &options) < 0) {
        qCWarning(lcTextMerge) << "git_patch_from_buffers failed:" << lastGitError();
        return;
    }
    const PatchPtr patch(rawPatch);
    if (!patch)
        return;
    const size_t hunkCount = git_patch_num_hunks(patch.get());
    for (size_t h = 0; h < hunkCount; ++h) {
        const git_diff_hunk *hunk = nullptr;
        size_t lineCount = 0;
        if (git_patch_get_hunk(&hunk, &lineCount, patch.get(), h) < 0) {
            qCWarning(lcTextMerge) << "git_patch_get_hunk failed:" << lastGitError();
            return;
        }
        onHunk(*hunk);
        for (size_t l = 0; l < lineCount; ++l) {
            const git_diff_line *line = nullptr;
            if (git_patch_get_line_in_hunk(&line, patch.get(), h, l) < 0) {
                qCWarning(lcTextMerge) << "git_patch_get_line_in_hunk failed:" << lastGitError();
                return;
            }
            // The "\ No newline at end of file" pseudo-lines (GIT_DIFF_LINE_*_EOFNL) are not lines of the text.
            if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
                line->origin == GIT_DIFF_LINE_DELETION)
                onLine(*line);
        }
    }
}

QString lineText(const git_diff_line &line, bool *hadBreak = nullptr)
{
    QByteArrayView content(line.content, qsizetype(line.content_len));
    const bool hasBreak = content.endsWith('\n');
    if (hasBreak)
        content.chop(1);
    if (hadBreak)
        *hadBreak = hasBreak;
    return QString::fromUtf8(content);
}

QString range(int start, int count)
{
    return count == 1 ? QString::number(start) : QString::number(start) % u',' % QString::number(count);
}

} // namespace

QString unifiedDiff(QStringView before, QStringView after, const QString &beforeLabel, const QString &afterLabel,
                    int contextLines)
{
    QString body;
    visitDiff(
        before, after, contextLines,
        [&body](const git_diff_hunk &hunk) {
            body += u"@@ -"_s % range(hunk.old_start, hunk.old_lines) % u" +"_s %
                    range(hunk.new_start, hunk.new_lines) % u" @@\n"_s;
        },
        [&body](const git_diff_line &line) {
            bool hadBreak = true;
            const QString text = lineText(line, &hadBreak);
            body += QChar::fromLatin1(line.origin) % text % u'\n';
            if (!hadBreak)
                body += u"\\ No newline at end of file\n"_s;
        });
    if (body.isEmpty())
        return {};
    return u"--- "_s % beforeLabel % u"\n+++ "_s % afterLabel % u'\n' % body;
}

QList<DiffHunk> diffLines(QStringView before, QStringView after, int contextLines)
{
    QList<DiffHunk> hunks;
    visitDiff(
        before, after, contextLines,
        [&hunks](const git_diff_hunk &hunk) {
            hunks.append(DiffHunk{.oldStart = hunk.old_start,
                                  .oldLines = hunk.old_lines,
                                  .newStart = hunk.new_start,
                                  .newLines = hunk.new_lines,
                                  .lines = {}});
        },
        [&hunks](const git_diff_line &line) {
            DiffLine::Kind kind = DiffLine::Context;
            if (line.origin == GIT_DIFF_LINE_ADDITION)
                kind = DiffLine::Added;
            else if (line.origin == GIT_DIFF_LINE_DELETION)
                kind = DiffLine::Removed;
            hunks.last().lines.append(DiffLine{
                .kind = kind, .oldNumber = line.old_lineno, .newNumber = line.new_lineno, .text = lineText(line)});
        });
    return hunks;
}

} // namespace inkwell::sync
