#pragma once

#include <QLineEdit>
#include <QList>
#include <QObject>
#include <QPointer>

namespace inkwell::app {

/**
 * @brief Values put into line edits on the user's request (an accepted suggestion), each of which can be taken
 * back in one step.
 *
 * A QLineEdit forgets its own undo history on setText(), so this keeps the value before each change. Values are
 * written like typing (select all, insert): textEdited() fires, so whatever saves the article on edits sees the
 * change, and the field's own Ctrl+Z keeps working too. Undo takes the most recent change back first.
 */
class FieldUndoStack : public QObject {
    Q_OBJECT
public:
    explicit FieldUndoStack(QObject *parent = nullptr);

    /// @brief Puts @p value into @p field, remembering what it held; returns the change's id (0 when nothing
    /// changed: the field already held @p value).
    int apply(QLineEdit *field, const QString &value);
    /// @brief Whether there is a change to take back (its field still exists).
    bool canUndo() const;
    /// @brief The id of the change undo() would take back; 0 when none.
    int topId() const;
    /// @brief Restores the value before the most recent change; false when there was none.
    bool undo();
    /// @brief Forgets every change (another article is shown in the same fields).
    void clear();

    /// @brief Writes @p value into @p field as an edit (select all, insert).
    static void write(QLineEdit *field, const QString &value);

Q_SIGNALS:
    /// @brief canUndo() or topId() may have changed.
    void changed();

private:
    struct Change {
        int id;
        QPointer<QLineEdit> field;
        QString before;
    };
    void dropDead();

    QList<Change> m_changes;
    int m_nextId = 1;
};

} // namespace inkwell::app
