#pragma once

#include "accountsession.h"

#include <QDialog>

class QCommandLinkButton;
class QPushButton;

namespace inkwell::app {

/**
 * @brief The plain question asked when no keyring works: keep the sign-in for this session only, or in a file
 * only the user can read (unencrypted), or do not sign in.
 *
 * Open it with open(); chosen() carries the answer once (Cancel when the dialog is closed any other way).
 * AccountSession::tokenStoreChoiceNeeded is answered with ask().
 */
class TokenStoreDialog : public QDialog {
    Q_OBJECT
public:
    using Choice = engine::AccountSession::TokenStoreChoice;

    /// @param reason why the keyring does not work (shown small, for the curious)
    /// @param filePath where the file would be
    TokenStoreDialog(const QString &reason, const QString &filePath, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

    /// @brief Opens the question as a child of @p parent and calls @p answer with the choice when it closes.
    static TokenStoreDialog *ask(QWidget *parent, const QString &reason, const QString &filePath,
                                 engine::AccountSession::TokenStoreAnswer answer);

Q_SIGNALS:
    void chosen(inkwell::engine::AccountSession::TokenStoreChoice choice);

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Cancel;
    bool m_answered = false;
};

} // namespace inkwell::app
