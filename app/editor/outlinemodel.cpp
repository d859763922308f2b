#include "editor/outlinemodel.h"

#include "editor/markdownhighlighter.h"
#include "markdown/markdown.h"

#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
constexpr int kRefreshDelayMs = 250;

/// The heading's text without its Markdown (`## A *b*` → `A b`).
QString headingText(const QTextBlock &block, const LineState &state)
{
    QString text = block.text();
    if (state.kind == LineKind::Heading) {
        // The line scanner has the exact ranges, but the text is short: strip the markers here.
        qsizetype i = 0;
        while (i < text.size() && (text[i] == u'>' || text[i].isSpace()))
            ++i;
        while (i < text.size() && text[i] == u'#')
            ++i;
        text = text.sliced(i).trimmed();
        while (text.endsWith(u'#'))
            text.chop(1);
    }
    return markdown::toPlainText(text.trimmed());
}
} // namespace

OutlineModel::OutlineModel(QObject *parent)
    : QAbstractListModel(parent)
{
    setObjectName(u"outlineModel"_s);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kRefreshDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &OutlineModel::refresh);
}

void OutlineModel::setSource(QTextDocument *document, MarkdownHighlighter *highlighter)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    if (m_highlighter)
        disconnect(m_highlighter, nullptr, this, nullptr);
    m_document = document;
    m_highlighter = highlighter;
    if (m_document)
        connect(m_document, &QTextDocument::blockCountChanged, this, &OutlineModel::scheduleRefresh);
    if (m_highlighter)
        connect(m_highlighter, &MarkdownHighlighter::headingsChanged, this, &OutlineModel::scheduleRefresh);
    refresh();
}

void OutlineModel::scheduleRefresh()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void OutlineModel::refresh()
{
    m_timer.stop();
    QList<Heading> headings;
    if (m_document) {
        for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next()) {
            const LineState state = MarkdownHighlighter::stateOf(block);
            if (state.isHeading())
                headings.append({state.headingLevel, headingText(block, state), block.blockNumber()});
        }
    }
    if (headings == m_headings)
        return;
    if (headings.size() == m_headings.size()) {
        // Same shape: say which rows changed, so a view keeps its selection and scroll position.
        for (int row = 0; row < headings.size(); ++row) {
            if (headings[row] != m_headings[row]) {
                m_headings[row] = headings[row];
                Q_EMIT dataChanged(index(row), index(row));
            }
        }
        return;
    }
    beginResetModel();
    m_headings = headings;
    endResetModel();
}

int OutlineModel::rowForBlock(int blockNumber) const
{
    const auto it = std::upper_bound(m_headings.cbegin(), m_headings.cend(), blockNumber,
                                     [](int block, const Heading &h) { return block < h.blockNumber; });
    return int(it - m_headings.cbegin()) - 1;
}

int OutlineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headings.size());
}

QVariant OutlineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_headings.size())
        return {};
    const Heading &h = m_headings[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return h.text;
    case Qt::AccessibleTextRole:
        return tr("Heading level %1: %2").arg(h.level).arg(h.text);
    case LevelRole:
        return h.level;
    case BlockNumberRole:
        return h.blockNumber;
    default:
        return {};
    }
}

QHash<int, QByteArray> OutlineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(LevelRole, "level");
    names.insert(BlockNumberRole, "blockNumber");
    return names;
}

} // namespace inkwell::app
