#pragma once

#include <QListView>
#include <QPointer>

namespace inkwell::app {

class MarkdownEditor;
class OutlineModel;

/// @brief The outline of the article: its headings, indented by level. Activating one (click, Enter) moves the
/// editor's cursor to it; the heading of the section with the cursor is kept selected.
class OutlineView : public QListView {
    Q_OBJECT
public:
    explicit OutlineView(QWidget *parent = nullptr);

    /// @brief Shows the headings of @p editor's text (creates and owns the model).
    void setEditor(MarkdownEditor *editor);
    OutlineModel *outlineModel() const { return m_model; }

Q_SIGNALS:
    /// @brief The editor was moved to the heading at @p blockNumber.
    void headingActivated(int blockNumber);

private:
    void jumpTo(const QModelIndex &index);
    void followCursor();

    OutlineModel *m_model = nullptr;
    QPointer<MarkdownEditor> m_editor;
};

} // namespace inkwell::app
