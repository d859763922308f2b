#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QTimer>

class QTextDocument;

namespace inkwell::app {

class MarkdownHighlighter;

/// @brief The headings of a Markdown document, in order, for an outline view.
///
/// Built from the highlighter's block states (no Markdown parse of the document): a walk over the block list
/// when a heading line is highlighted or the number of lines changes, debounced.
class OutlineModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        LevelRole = Qt::UserRole + 1, ///< int, 1..6
        BlockNumberRole,              ///< int, the heading's line (QTextBlock number)
    };

    struct Heading {
        int level = 0;
        QString text;
        int blockNumber = 0;
        bool operator==(const Heading &) const = default;
    };

    explicit OutlineModel(QObject *parent = nullptr);

    /// @brief Follows @p document, highlighted by @p highlighter (the editor's).
    void setSource(QTextDocument *document, MarkdownHighlighter *highlighter);
    /// @brief Rebuilds now instead of after the debounce.
    void refresh();
    QList<Heading> headings() const { return m_headings; }
    /// @brief Row of the heading whose section contains block @p blockNumber, or -1 before the first heading.
    int rowForBlock(int blockNumber) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void scheduleRefresh();

    QPointer<QTextDocument> m_document;
    QPointer<MarkdownHighlighter> m_highlighter;
    QList<Heading> m_headings;
    QTimer m_timer;
};

} // namespace inkwell::app
