#include "changepassworddialog.h"

#include "formparts.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

QLineEdit *passwordEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(engine::AccountSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(u"changePasswordDialog"_s);
    setAccessibleName(tr("Change password"));
    setWindowTitle(tr("Change password — Inkwell"));

    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(14);

    QLabel *heading = form::title(u"changePasswordTitle"_s, this);
    heading->setText(tr("Change your password"));
    heading->setFixedWidth(420); // the column's width; wrapped text below sets the height
    layout->addWidget(heading);
    QLabel *text = form::explanation(u"changePasswordExplanation"_s, this);
    text->setText(tr("You stay signed in here. Everywhere else (other computers, other apps) you will have to sign "
                     "in again with the new password."));
    layout->addWidget(text);

    m_current = passwordEdit(u"currentPasswordEdit"_s, tr("Current password"), this);
    m_currentError = form::errorLine(u"currentPasswordError"_s, tr("Problem with the current password"), this);
    layout->addWidget(form::fieldGroup(tr("&Current password"), m_current, {m_currentError}, this));

    m_new = passwordEdit(u"newPasswordEdit"_s, tr("New password"), this);
    m_new->setPlaceholderText(tr("At least 12 characters"));
    QLabel *rules = form::hint(u"newPasswordRules"_s, this);
    rules->setAccessibleName(tr("Password rules"));
    rules->setText(form::passwordRules());
    m_newError = form::errorLine(u"newPasswordError"_s, tr("Problem with the new password"), this);
    layout->addWidget(form::fieldGroup(tr("&New password"), m_new, {rules, m_newError}, this));

    m_confirm = passwordEdit(u"confirmPasswordEdit"_s, tr("New password again"), this);
    m_confirmError = form::errorLine(u"confirmPasswordError"_s, tr("Problem with the repeated password"), this);
    layout->addWidget(form::fieldGroup(tr("New password &again"), m_confirm, {m_confirmError}, this));

    m_show = new QCheckBox(tr("S&how passwords"), this);
    m_show->setObjectName(u"showPasswordsCheck"_s);
    m_show->setAccessibleName(tr("Show passwords"));
    layout->addWidget(m_show);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progressBar"_s);
    m_progress->setAccessibleName(tr("Changing the password"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_formError = form::errorLine(u"formError"_s, tr("Why the password was not changed"), this);
    layout->addWidget(m_formError);
    layout->addStretch(1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    m_primary = new QPushButton(tr("Change password"), this);
    m_primary->setObjectName(u"changePasswordButton"_s);
    m_primary->setAccessibleName(tr("Change password"));
    m_primary->setDefault(true);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_primary);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &ChangePasswordDialog::reject);
    connect(m_primary, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    connect(m_show, &QCheckBox::toggled, this, [this](bool show) {
        for (QLineEdit *edit : {m_current, m_new, m_confirm})
            edit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_current, &QLineEdit::textEdited, this, [this] { form::setError(m_currentError, {}); });
    connect(m_new, &QLineEdit::textEdited, this, [this] { form::setError(m_newError, {}); });
    connect(m_confirm, &QLineEdit::textEdited, this, [this] { form::setError(m_confirmError, {}); });

    connect(m_session, &engine::AccountSession::passwordChanged, this, [this] {
        if (!m_busy)
            return;
        setBusy(false);
        for (QLineEdit *edit : {m_current, m_new, m_confirm})
            edit->clear();
        accept();
        Q_EMIT passwordChanged();
    });
    connect(m_session, &engine::AccountSession::passwordChangeFailed, this, &ChangePasswordDialog::onFailed);
    m_current->setFocus();
}

bool ChangePasswordDialog::validateLocally()
{
    for (QLabel *line : {m_currentError, m_newError, m_confirmError, m_formError})
        form::setError(line, {});
    QWidget *firstBad = nullptr;
    const auto bad = [&firstBad](QLabel *line, QWidget *field, const QString &text) {
        form::setError(line, text);
        if (!firstBad)
            firstBad = field;
    };
    if (m_current->text().isEmpty())
        bad(m_currentError, m_current, tr("Enter the password you use now."));
    if (const QString problem = form::newPasswordProblem(m_new->text()); !problem.isEmpty())
        bad(m_newError, m_new, problem);
    else if (m_new->text() == m_current->text())
        bad(m_newError, m_new, tr("The new password is the same as the current one."));
    if (m_confirm->text() != m_new->text())
        bad(m_confirmError, m_confirm, tr("This is not the same as the new password above."));
    if (firstBad)
        firstBad->setFocus();
    return !firstBad;
}

void ChangePasswordDialog::submit()
{
    if (m_busy || !validateLocally())
        return;
    setBusy(true);
    m_session->changePassword(m_current->text(), m_new->text());
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_current, m_new, m_confirm, m_show, m_primary})
        widget->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_primary->setText(busy ? tr("Changing…") : tr("Change password"));
    if (busy)
        m_cancel->setFocus();
}

void ChangePasswordDialog::onFailed(const api::ApiError &error)
{
    if (!m_busy)
        return;
    setBusy(false);
    const QString rest =
        form::showFieldErrors(error, {{u"current_password"_s, m_currentError}, {u"new_password"_s, m_newError}});
    form::setError(m_formError, m_currentError->isVisible() || m_newError->isVisible() ? QString() : rest);
    if (m_currentError->isVisible()) {
        m_current->setFocus();
        m_current->selectAll();
    } else if (m_newError->isVisible()) {
        m_new->setFocus();
    }
}

void ChangePasswordDialog::reject()
{
    // Closing does not undo a change the server is making; the answer is simply not shown.
    m_busy = false;
    for (QLineEdit *edit : {m_current, m_new, m_confirm})
        edit->clear();
    QDialog::reject();
}

} // namespace inkwell::app
