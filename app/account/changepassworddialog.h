#pragma once

#include "accountsession.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace inkwell::app {

/**
 * @brief Changing the signed-in user's password: the current one, the new one twice, the server's rules shown.
 *
 * Open it with open(). passwordChanged() follows a change the server accepted (it then ends every other session
 * of the user, not this one); a refusal is shown in words, next to its field.
 */
class ChangePasswordDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChangePasswordDialog(engine::AccountSession *session, QWidget *parent = nullptr);

    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void passwordChanged();

private:
    void submit();
    bool validateLocally();
    void setBusy(bool busy);
    void onFailed(const api::ApiError &error);

    QPointer<engine::AccountSession> m_session;
    bool m_busy = false;
    QLineEdit *m_current = nullptr;
    QLabel *m_currentError = nullptr;
    QLineEdit *m_new = nullptr;
    QLabel *m_newError = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_confirmError = nullptr;
    QCheckBox *m_show = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_formError = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_primary = nullptr;
};

} // namespace inkwell::app
