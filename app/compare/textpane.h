#pragma once

#include "comparecolors.h"

#include <QList>
#include <QPlainTextEdit>
#include <QStringList>

namespace inkwell::app {

/**
 * @brief A plain-text pane of the compare views: fixed-width font, a gutter with line numbers (or any label per
 * line), and a background per line that says what the line is (added, removed, yours, the server's...).
 *
 * User text is only ever set as plain text. The colours come from the pane's palette and follow a palette
 * change. Line numbers here are 0-based block numbers; the gutter shows what setLineLabels() gave, else 1-based
 * numbers.
 */
class TextPane : public QPlainTextEdit {
    Q_OBJECT
public:
    enum class LineKind : quint8 {
        Plain,     ///< nothing to say
        Added,     ///< in the newer text only (green)
        Removed,   ///< in the older text only (red)
        Mine,      ///< changed by the local draft (blue)
        Theirs,    ///< changed on the server (amber)
        Merged,    ///< settled change in the merged text (light green)
        Marker,    ///< a conflict marker line (rose)
        Filler,    ///< padding that keeps two side-by-side panes aligned (hatched)
        Separator, ///< "⋯ n unchanged lines" between diff hunks
    };
    Q_ENUM(LineKind)

    /// @brief One line of a document given whole to setLines().
    struct Line {
        QString text; ///< without its line break
        LineKind kind = LineKind::Plain;
        QString label;          ///< the gutter's text for this line
        int emphasisStart = -1; ///< a run of changed characters inside the line, drawn stronger; -1: none
        int emphasisLength = 0;
    };

    explicit TextPane(QWidget *parent = nullptr);

    /// @brief Replaces the text with @p lines, their kinds, labels and emphasis.
    void setLines(const QList<Line> &lines);
    /// @brief Sets the kinds of the current text's lines (index = line); lines past the list are Plain.
    void setLineKinds(const QList<LineKind> &kinds);
    /// @brief Gutter labels per line; empty: 1-based line numbers.
    void setLineLabels(const QStringList &labels);

    LineKind lineKind(int line) const;
    QString lineLabel(int line) const;
    QString lineText(int line) const;

    /// @brief The line shown at the top of the viewport.
    int topLine() const;
    /// @brief Scrolls so that @p line is the top line (as far as the scroll range allows).
    void scrollToLine(int line);
    /// @brief Moves the text cursor to the start of @p line and shows it a third of the way down.
    void goToLine(int line);

    /// @brief Where @p line's first row is, in viewport coordinates (empty when the line does not exist).
    QRect lineRect(int line) const;

    /// @brief The colours in use (from the pane's palette).
    const CompareColors &colors() const { return m_colors; }

Q_SIGNALS:
    /// @brief The top line changed (the user scrolled, or the text moved).
    void topLineChanged(int line);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class TextPaneGutter;
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();
    void applySelections();
    QColor background(LineKind kind) const;
    QColor accent(LineKind kind) const;

    QWidget *m_gutter = nullptr;
    CompareColors m_colors;
    QList<LineKind> m_kinds;
    QStringList m_labels;
    QList<std::pair<int, int>> m_emphasis; ///< per line: start, length (start -1: none)
    int m_lastTop = -1;
};

} // namespace inkwell::app
