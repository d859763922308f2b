#pragma once

#include <QStringView>
#include <QVarLengthArray>

/// @file
/// The block structure of one Markdown line, given the state the previous line ended in and the text of the
/// next line (CommonMark + GFM tables, as far as one line of context decides it). The highlighter keeps the
/// packed state in QTextBlock::userState, so a keystroke rescans only the lines whose state changes.
///
/// Known simplifications: one list-content column is remembered (the innermost), so a line that returns to an
/// outer list level after a deeper one is judged by its own indentation; only the last line of a multi-line
/// paragraph becomes a setext heading; HTML blocks are left to the inline parser.

namespace inkwell::app {

/// @brief What a line is, in block terms.
enum class LineKind : quint8 {
    Blank,
    Paragraph, ///< text (also a list item's or a quote's text, and a setext heading's text line)
    Heading,   ///< ATX heading (`# Title`)
    SetextUnderline,
    ThematicBreak,
    FenceOpen,
    FenceBody,
    FenceClose,
    IndentedCode,
    TableHeader,
    TableDelimiter,
    TableRow,
    ReferenceDefinition, ///< `[label]: https://…`
};

/// @brief The block state a line ends in, packed into a non-negative int for QTextBlock::userState.
struct LineState {
    LineKind kind = LineKind::Blank;
    quint8 quoteDepth = 0;      ///< number of `>` containers (0..7)
    quint8 listColumn = 0;      ///< content column of the innermost list item the line belongs to (0 = none)
    quint8 fenceLength = 0;     ///< length of the opening fence while inside fenced code
    bool fenceTilde = false;    ///< the fence is `~~~` rather than backticks
    quint8 headingLevel = 0;    ///< 1..6 for headings (ATX, or a paragraph line underlined by a setext line)
    bool listItemStart = false; ///< the line starts a list item (has a list marker)

    bool isHeading() const { return headingLevel > 0 && (kind == LineKind::Heading || kind == LineKind::Paragraph); }
    bool isCode() const
    {
        return kind == LineKind::FenceOpen || kind == LineKind::FenceBody || kind == LineKind::FenceClose ||
               kind == LineKind::IndentedCode;
    }

    int toInt() const;
    /// @brief The state packed by toInt(); a negative value (no state yet) gives the state before a document.
    static LineState fromInt(int packed);
    bool operator==(const LineState &) const = default;
};

/// @brief A range of a line, in UTF-16 code units.
struct LineRange {
    int start = 0;
    int length = 0;
    int end() const { return start + length; }
};

/// @brief The result of scanLine(): the state and where markup, code and inline text are.
struct LineScan {
    LineState state;
    QVarLengthArray<LineRange, 8> markup;  ///< syntax characters: `>`, list markers, `#`, fences, pipes, rules
    QVarLengthArray<LineRange, 8> inlines; ///< text to parse for inline Markdown (one per table cell)
    LineRange code;                        ///< the code of a code line (length 0 if none)
    LineRange taskBox;                     ///< `[ ]` / `[x]` after a list marker (length 0 if none)
    bool taskChecked = false;
    LineRange linkLabel; ///< a reference definition's label
    LineRange linkUrl;   ///< a reference definition's destination and title
};

/// @brief Scans one line. @p previousState is the previous line's LineState::toInt() (or -1 for the first
/// line); @p nextLine is the following line's text (empty for the last line), which decides setext headings
/// and table headers.
LineScan scanLine(QStringView line, int previousState, QStringView nextLine);

} // namespace inkwell::app
