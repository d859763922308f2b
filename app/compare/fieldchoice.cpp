#include "fieldchoice.h"

#include "comparetext.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

using namespace Qt::StringLiterals;

namespace inkwell::app {

FieldChoice::FieldChoice(const QString &field, const QString &label, const QString &mine, const QString &theirs,
                         QWidget *parent)
    : QWidget(parent)
    , m_mine(mine)
    , m_theirs(theirs)
{
    setObjectName(field + u"Choice"_s);
    setAccessibleName(tr("%1: choose a version").arg(label));
    const auto shown = [](const QString &value) {
        return value.isEmpty() ? tr("(automatic)") : comparetext::quoted(value, 48);
    };

    auto *name = new QLabel(tr("%1:").arg(label), this);
    name->setObjectName(field + u"Label"_s);
    name->setAccessibleName(label);
    name->setMinimumWidth(fontMetrics().horizontalAdvance(u"Excerpt:"_s) + 12);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);

    m_mineButton = new QRadioButton(tr("Yours: %1").arg(shown(mine)), this);
    m_mineButton->setObjectName(field + u"Mine"_s);
    m_mineButton->setAccessibleName(tr("%1: yours").arg(label));
    m_mineButton->setToolTip(mine);
    m_theirsButton = new QRadioButton(tr("Server's: %1").arg(shown(theirs)), this);
    m_theirsButton->setObjectName(field + u"Theirs"_s);
    m_theirsButton->setAccessibleName(tr("%1: the server's").arg(label));
    m_theirsButton->setToolTip(theirs);
    m_editButton = new QRadioButton(tr("Edit:"), this);
    m_editButton->setObjectName(field + u"Edit"_s);
    m_editButton->setAccessibleName(tr("%1: edit").arg(label));
    m_value = new QLineEdit(mine, this);
    m_value->setObjectName(field + u"Value"_s);
    m_value->setAccessibleName(tr("%1 to save").arg(label));
    m_value->setReadOnly(true);
    name->setBuddy(m_mineButton);

    auto *group = new QButtonGroup(this);
    group->addButton(m_mineButton);
    group->addButton(m_theirsButton);
    group->addButton(m_editButton);
    m_mineButton->setChecked(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(name);
    layout->addWidget(m_mineButton);
    layout->addWidget(m_theirsButton);
    layout->addWidget(m_editButton);
    layout->addWidget(m_value, 1);

    connect(m_mineButton, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            choose(Choice::Mine);
    });
    connect(m_theirsButton, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            choose(Choice::Theirs);
    });
    connect(m_editButton, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            choose(Choice::Edit);
    });
    connect(m_value, &QLineEdit::textEdited, this, &FieldChoice::valueChanged);
}

QString FieldChoice::value() const
{
    return m_value->text();
}

void FieldChoice::choose(Choice choice)
{
    QRadioButton *button = choice == Choice::Mine     ? m_mineButton
                           : choice == Choice::Theirs ? m_theirsButton
                                                      : m_editButton;
    if (!button->isChecked()) {
        button->setChecked(true); // toggled() calls back here with the button checked
        return;
    }
    m_choice = choice;
    if (choice == Choice::Mine)
        m_value->setText(m_mine);
    else if (choice == Choice::Theirs)
        m_value->setText(m_theirs);
    // Editing starts from the value chosen so far.
    m_value->setReadOnly(choice != Choice::Edit);
    if (choice == Choice::Edit)
        m_value->setFocus();
    Q_EMIT valueChanged();
}

} // namespace inkwell::app
