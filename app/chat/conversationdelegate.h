#pragma once

#include "chattheme.h"

#include <QDateTime>
#include <QSet>
#include <QStyledItemDelegate>
#include <QUuid>

namespace inkwell::app {

/// @brief Paints a conversation in the list: its title, when it was last updated, how many messages and tokens,
/// and a dot while one of its answers is arriving. Renaming edits the title in place (F2).
class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ConversationDelegate(QObject *parent = nullptr);

    void setTheme(const ChatTheme &theme) { m_theme = theme; }
    /// @brief Marks the conversations whose answers are arriving.
    void setStreaming(const QSet<QUuid> &ids) { m_streaming = ids; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// @brief "5 min ago", "yesterday", a date.
    static QString relativeTime(const QDateTime &utc, const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    ChatTheme m_theme;
    QSet<QUuid> m_streaming;
};

} // namespace inkwell::app
