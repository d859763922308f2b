#pragma once

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace inkwell::app {

/**
 * @brief A conflicting single-line field (title, excerpt): take yours, take the server's, or edit — one row.
 *
 * Child object names start with the field's name: "titleMine", "titleTheirs", "titleEdit", "titleValue".
 */
class FieldChoice : public QWidget {
    Q_OBJECT
public:
    enum class Choice { Mine, Theirs, Edit };

    /// @brief A row for the field @p field ("title", "excerpt") shown as @p label; starts with mine chosen.
    FieldChoice(const QString &field, const QString &label, const QString &mine, const QString &theirs,
                QWidget *parent = nullptr);

    QString value() const;
    Choice choice() const { return m_choice; }
    void choose(Choice choice);

Q_SIGNALS:
    void valueChanged();

private:
    QString m_mine;
    QString m_theirs;
    Choice m_choice = Choice::Mine;
    QRadioButton *m_mineButton;
    QRadioButton *m_theirsButton;
    QRadioButton *m_editButton;
    QLineEdit *m_value;
};

} // namespace inkwell::app
