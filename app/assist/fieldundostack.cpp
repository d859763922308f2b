#include "fieldundostack.h"

namespace inkwell::app {

FieldUndoStack::FieldUndoStack(QObject *parent)
    : QObject(parent)
{
}

void FieldUndoStack::write(QLineEdit *field, const QString &value)
{
    // Not setText(): that wipes the field's undo history and is not an edit (no textEdited()).
    field->selectAll();
    field->insert(value);
}

int FieldUndoStack::apply(QLineEdit *field, const QString &value)
{
    if (!field || field->text() == value)
        return 0;
    const int id = m_nextId++;
    m_changes.append({id, field, field->text()});
    write(field, value);
    Q_EMIT changed();
    return id;
}

void FieldUndoStack::dropDead()
{
    while (!m_changes.isEmpty() && !m_changes.constLast().field)
        m_changes.removeLast();
}

bool FieldUndoStack::canUndo() const
{
    for (qsizetype i = m_changes.size() - 1; i >= 0; --i) {
        if (m_changes.at(i).field)
            return true;
    }
    return false;
}

int FieldUndoStack::topId() const
{
    for (qsizetype i = m_changes.size() - 1; i >= 0; --i) {
        if (m_changes.at(i).field)
            return m_changes.at(i).id;
    }
    return 0;
}

bool FieldUndoStack::undo()
{
    dropDead();
    if (m_changes.isEmpty())
        return false;
    const Change change = m_changes.takeLast();
    write(change.field, change.before);
    dropDead();
    Q_EMIT changed();
    return true;
}

void FieldUndoStack::clear()
{
    if (m_changes.isEmpty())
        return;
    m_changes.clear();
    Q_EMIT changed();
}

} // namespace inkwell::app
