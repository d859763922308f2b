#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace inkwell::app {

/// @brief One conflict region in a merged text being edited: the marker lines and what each side has.
struct MarkerRegion {
    int openLine = 0;      ///< 0-based line of "<<<<<<< mine"
    int separatorLine = 0; ///< line of "======="
    int closeLine = 0;     ///< line of ">>>>>>> theirs"
    QString mine;          ///< the lines between the open marker and the separator, each with its "\n"
    QString theirs;        ///< the lines between the separator and the close marker

    friend bool operator==(const MarkerRegion &, const MarkerRegion &) = default;
};

/// @brief What a scan of a merged text found.
struct MarkerScan {
    QList<MarkerRegion> regions; ///< complete regions, in text order
    QList<int> strayLines;       ///< marker lines that belong to no complete region (half-edited regions)

    bool hasMarkers() const { return !regions.isEmpty() || !strayLines.isEmpty(); }
    /// @brief The region that holds @p line (marker lines included), or -1.
    int regionAt(int line) const;
};

/**
 * @brief The conflict markers of a merge proposal (core/sync/textmerge.h), found again in a text the user edits.
 *
 * mergeText() writes markers longer than any run of '<', '=' or '>' that starts a line of the texts it merged,
 * so a Markdown heading underlined with "=======" is never taken for a separator. detect() reads that length
 * back from the proposal; scan() then matches whole lines exactly ("\r\n" counts as "\n").
 */
class ConflictMarkers {
public:
    enum class Take { Mine, Theirs, Both };

    /// @brief Markers of @p size characters (git's default is 7).
    explicit ConflictMarkers(int size = 7);
    /// @brief The markers used in @p proposal: the longest "<…< mine" line in it, else the default.
    static ConflictMarkers detect(QStringView proposal);

    int size() const { return m_size; }
    MarkerScan scan(QStringView text) const;

    /// @brief What replaces a region's lines (open marker to close marker, with their line breaks) when the user
    /// takes @p take. @p endsText: the close marker is the text's last line and has no line break, so the
    /// replacement ends without one too.
    static QString replacement(const MarkerRegion &region, Take take, bool endsText);

private:
    int m_size;
    QString m_open;
    QString m_separator;
    QString m_close;
};

} // namespace inkwell::app
