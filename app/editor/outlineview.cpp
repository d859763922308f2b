#include "editor/outlineview.h"

#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/outlinemodel.h"

#include <QKeyEvent>
#include <QStyledItemDelegate>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
/// Indents each heading by its level.
class LevelDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int level = index.data(OutlineModel::LevelRole).toInt();
        option->rect.adjust(std::max(0, level - 1) * option->fontMetrics.averageCharWidth() * 2, 0, 0, 0);
        if (level <= 1)
            option->font.setBold(true);
    }
};
} // namespace

OutlineView::OutlineView(QWidget *parent)
    : QListView(parent)
    , m_model(new OutlineModel(this))
{
    setObjectName(u"outlineView"_s);
    setAccessibleName(tr("Outline"));
    setModel(m_model);
    setItemDelegate(new LevelDelegate(this));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    // activated: Enter, and a click or double-click as the style decides; clicked covers single-click styles.
    connect(this, &QListView::activated, this, &OutlineView::jumpTo);
    connect(this, &QListView::clicked, this, &OutlineView::jumpTo);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutlineView::followCursor);
}

void OutlineView::setEditor(MarkdownEditor *editor)
{
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    m_editor = editor;
    m_model->setSource(editor ? editor->document() : nullptr, editor ? editor->highlighter() : nullptr);
    if (editor)
        connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &OutlineView::followCursor);
    followCursor();
}

void OutlineView::jumpTo(const QModelIndex &index)
{
    if (!m_editor || !index.isValid())
        return;
    const int block = index.data(OutlineModel::BlockNumberRole).toInt();
    m_editor->goToBlock(block);
    Q_EMIT headingActivated(block);
}

void OutlineView::followCursor()
{
    if (!m_editor)
        return;
    const int row = m_model->rowForBlock(m_editor->textCursor().blockNumber());
    const QModelIndex index = m_model->index(row);
    if (index.isValid() && index != currentIndex())
        setCurrentIndex(index); // selection only: activation is the user's
}

} // namespace inkwell::app
