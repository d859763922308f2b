#include "textpane.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace inkwell::app {

/// The line-number gutter: painted by its pane, which knows the lines.
class TextPaneGutter : public QWidget {
public:
    explicit TextPaneGutter(TextPane *pane)
        : QWidget(pane)
        , m_pane(pane)
    {
        setObjectName(u"gutter"_s);
        setAccessibleName(TextPane::tr("Line numbers"));
    }
    QSize sizeHint() const override { return {m_pane->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_pane->paintGutter(event); }

private:
    TextPane *m_pane;
};

namespace {
constexpr int kStripWidth = 3;    // the coloured strip at the gutter's left edge
constexpr int kGutterPadding = 8; // between the numbers and the text
} // namespace

TextPane::TextPane(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_colors(CompareColors::fromPalette(palette()))
{
    m_gutter = new TextPaneGutter(this); // first: setFont() below already asks for its width
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 4);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabChangesFocus(true);
    setFrameShape(QFrame::NoFrame);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &TextPane::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        const int top = topLine();
        if (top != m_lastTop) {
            m_lastTop = top;
            Q_EMIT topLineChanged(top);
        }
    });
    updateGutterWidth();
}

void TextPane::setLines(const QList<Line> &lines)
{
    QStringList texts;
    QStringList labels;
    QList<LineKind> kinds;
    QList<std::pair<int, int>> emphasis;
    texts.reserve(lines.size());
    labels.reserve(lines.size());
    kinds.reserve(lines.size());
    emphasis.reserve(lines.size());
    for (const Line &line : lines) {
        texts.append(line.text);
        labels.append(line.label);
        kinds.append(line.kind);
        emphasis.append({line.emphasisStart, line.emphasisLength});
    }
    m_kinds = kinds;
    m_labels = labels;
    m_emphasis = emphasis;
    setPlainText(texts.join(u'\n'));
    m_lastTop = -1;
    updateGutterWidth();
    applySelections();
}

void TextPane::setLineKinds(const QList<LineKind> &kinds)
{
    if (kinds == m_kinds && m_emphasis.isEmpty())
        return; // typing inside a line changes no kinds: no repaint
    m_kinds = kinds;
    m_emphasis.clear();
    applySelections();
    m_gutter->update();
}

void TextPane::setLineLabels(const QStringList &labels)
{
    m_labels = labels;
    updateGutterWidth();
    m_gutter->update();
}

TextPane::LineKind TextPane::lineKind(int line) const
{
    return line >= 0 && line < m_kinds.size() ? m_kinds.at(line) : LineKind::Plain;
}

QString TextPane::lineLabel(int line) const
{
    if (m_labels.isEmpty())
        return line >= 0 && line < blockCount() ? QString::number(line + 1) : QString();
    return line >= 0 && line < m_labels.size() ? m_labels.at(line) : QString();
}

QString TextPane::lineText(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line);
    return block.isValid() ? block.text() : QString();
}

int TextPane::topLine() const
{
    return firstVisibleBlock().blockNumber();
}

void TextPane::scrollToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(0, line, blockCount() - 1));
    // QPlainTextEdit's scroll bar counts layout lines (a wrapped paragraph is several), so the top of a block is
    // its first line number.
    verticalScrollBar()->setValue(block.firstLineNumber());
}

void TextPane::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(0, line, blockCount() - 1));
    setTextCursor(QTextCursor(block));
    const int visible = qMax(1, viewport()->height() / qMax(1, fontMetrics().height()));
    scrollToLine(block.blockNumber() - visible / 3);
}

QRect TextPane::lineRect(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line);
    if (!block.isValid())
        return {};
    const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
    return QRect(0, qRound(box.top()), viewport()->width(), fontMetrics().height());
}

void TextPane::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void TextPane::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_colors = CompareColors::fromPalette(palette());
        applySelections();
        m_gutter->update();
    } else if (event->type() == QEvent::FontChange) {
        updateGutterWidth();
    }
}

int TextPane::gutterWidth() const
{
    qsizetype chars = QString::number(qMax(1, blockCount())).size();
    if (!m_labels.isEmpty()) {
        chars = 0;
        for (const QString &label : m_labels)
            chars = qMax(chars, label.size());
    }
    return kStripWidth + kGutterPadding * 2 + fontMetrics().horizontalAdvance(u'9') * int(qMax<qsizetype>(2, chars));
}

void TextPane::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
    m_gutter->update();
}

QColor TextPane::background(LineKind kind) const
{
    switch (kind) {
    case LineKind::Plain:
        return {};
    case LineKind::Added:
        return m_colors.added;
    case LineKind::Removed:
        return m_colors.removed;
    case LineKind::Mine:
        return m_colors.mine;
    case LineKind::Theirs:
        return m_colors.theirs;
    case LineKind::Merged:
        return m_colors.merged;
    case LineKind::Marker:
        return m_colors.marker;
    case LineKind::Filler:
        return m_colors.filler;
    case LineKind::Separator:
        return m_colors.separator;
    }
    return {};
}

QColor TextPane::accent(LineKind kind) const
{
    switch (kind) {
    case LineKind::Added:
        return m_colors.addedAccent;
    case LineKind::Removed:
        return m_colors.removedAccent;
    case LineKind::Mine:
        return m_colors.mineAccent;
    case LineKind::Theirs:
        return m_colors.theirsAccent;
    case LineKind::Merged:
        return m_colors.addedAccent;
    case LineKind::Marker:
        return m_colors.markerAccent;
    case LineKind::Plain:
    case LineKind::Filler:
    case LineKind::Separator:
        break;
    }
    return {};
}

void TextPane::applySelections()
{
    // Backgrounds are painted per visible line (paintEvent), which costs nothing for a long text; only the few
    // conflict-marker lines need a text format, which extra selections give.
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = document()->begin();
    for (int line = 0; line < m_kinds.size() && block.isValid(); ++line, block = block.next()) {
        if (m_kinds.at(line) != LineKind::Marker && m_kinds.at(line) != LineKind::Separator)
            continue;
        QTextEdit::ExtraSelection format;
        format.cursor = QTextCursor(block);
        format.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        if (m_kinds.at(line) == LineKind::Marker) {
            format.format.setForeground(m_colors.markerText);
            format.format.setFontWeight(QFont::Bold);
        } else {
            format.format.setForeground(m_colors.gutterText);
        }
        selections.append(format);
    }
    setExtraSelections(selections);
    viewport()->update();
}

void TextPane::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(viewport());
        const QRect area = event->rect();
        const QPointF offset = contentOffset();
        const qreal right = viewport()->width();
        QColor hatch = m_colors.gutterText;
        hatch.setAlpha(50);
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            const QRectF box = blockBoundingGeometry(block).translated(offset);
            if (box.top() > area.bottom())
                break;
            if (box.bottom() < area.top() || !block.isVisible())
                continue;
            const int line = block.blockNumber();
            const LineKind kind = lineKind(line);
            if (kind != LineKind::Plain) {
                const QRectF whole(0, box.top(), right, box.height());
                painter.fillRect(whole, background(kind));
                if (kind == LineKind::Filler)
                    painter.fillRect(whole, QBrush(hatch, Qt::BDiagPattern));
            }
            if (line >= m_emphasis.size() || m_emphasis.at(line).first < 0 || m_emphasis.at(line).second <= 0)
                continue;
            // The changed words, on each row of the wrapped line they fall on.
            const auto [start, length] = m_emphasis.at(line);
            const QColor strong = kind == LineKind::Removed ? m_colors.removedStrong : m_colors.addedStrong;
            const QTextLayout *layout = block.layout();
            for (int i = 0; layout && i < layout->lineCount(); ++i) {
                const QTextLine row = layout->lineAt(i);
                const int from = qMax(start, row.textStart());
                const int to = qMin(start + length, row.textStart() + row.textLength());
                if (from >= to)
                    continue;
                const qreal x1 = row.cursorToX(from);
                const qreal x2 = row.cursorToX(to);
                painter.fillRect(QRectF(box.left() + x1, box.top() + row.y(), x2 - x1, row.height()), strong);
            }
        }
    }
    QPlainTextEdit::paintEvent(event);
}

void TextPane::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), m_colors.gutter);
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int line = block.blockNumber();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    qreal bottom = top + blockBoundingRect(block).height();
    const int lineHeight = fontMetrics().height();
    const int width = m_gutter->width();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const LineKind kind = lineKind(line);
            const QColor strip = accent(kind);
            if (strip.isValid())
                painter.fillRect(QRectF(0, top, kStripWidth, bottom - top), strip);
            painter.setPen(kind == LineKind::Marker ? m_colors.markerAccent : m_colors.gutterText);
            painter.drawText(QRectF(kStripWidth, top, width - kStripWidth - kGutterPadding, lineHeight),
                             Qt::AlignRight | Qt::AlignVCenter, lineLabel(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + blockBoundingRect(block).height();
        ++line;
    }
    QColor edge = m_colors.gutterText;
    edge.setAlpha(40);
    painter.setPen(edge);
    painter.drawLine(width - 1, event->rect().top(), width - 1, event->rect().bottom());
}

} // namespace inkwell::app
