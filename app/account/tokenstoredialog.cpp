#include "tokenstoredialog.h"

#include "formparts.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app {

TokenStoreDialog::TokenStoreDialog(const QString &reason, const QString &filePath, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"tokenStoreDialog"_s);
    setWindowTitle(tr("No keyring available"));
    setAccessibleName(tr("Where to keep your sign-in"));

    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(12);

    QLabel *heading = form::title(u"tokenStoreTitle"_s, this);
    heading->setText(tr("Where should Inkwell keep your sign-in?"));
    heading->setFixedWidth(470); // the column's width; wrapped text below sets the height
    layout->addWidget(heading);

    QLabel *text = form::explanation(u"tokenStoreExplanation"_s, this);
    text->setText(tr("Inkwell keeps your sign-in in your system's keyring, where it is encrypted. No keyring works "
                     "on this computer right now, so you decide."));
    layout->addWidget(text);

    QLabel *why = form::hint(u"tokenStoreReason"_s, this);
    why->setText(tr("Why: %1").arg(reason));
    why->setAccessibleName(tr("Why no keyring works"));
    layout->addWidget(why);

    auto *sessionOnly = new QCommandLinkButton(tr("Keep it for this session only"),
                                               tr("Nothing is written to disk. You sign in again each time you start "
                                                  "Inkwell."),
                                               this);
    sessionOnly->setObjectName(u"sessionOnlyButton"_s);
    sessionOnly->setAccessibleName(tr("Keep the sign-in for this session only"));
    sessionOnly->setDefault(true); // Enter picks the safer answer
    sessionOnly->setAutoDefault(true);
    layout->addWidget(sessionOnly);

    auto *plainFile = new QCommandLinkButton(
        tr("Keep it in a file only you can read"),
        tr("Not encrypted: anyone who can read your files or your backups can use it to act as you. Stored in %1.")
            .arg(QDir::toNativeSeparators(filePath)),
        this);
    plainFile->setObjectName(u"plainFileButton"_s);
    plainFile->setAccessibleName(tr("Keep the sign-in in an unencrypted file only you can read"));
    layout->addWidget(plainFile);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(u"tokenStoreButtons"_s);
    QPushButton *dontSignIn = buttons->addButton(tr("Do&n't sign in"), QDialogButtonBox::RejectRole);
    dontSignIn->setObjectName(u"dontSignInButton"_s);
    dontSignIn->setAccessibleName(tr("Don't sign in"));
    dontSignIn->setAutoDefault(false);
    layout->addSpacing(4);
    layout->addWidget(buttons);

    connect(sessionOnly, &QAbstractButton::clicked, this, [this] { choose(Choice::SessionOnly); });
    connect(plainFile, &QAbstractButton::clicked, this, [this] { choose(Choice::PlainFile); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this] {
        if (!m_answered) {
            m_answered = true;
            m_choice = Choice::Cancel;
            Q_EMIT chosen(m_choice);
        }
    });
    sessionOnly->setFocus();
}

void TokenStoreDialog::choose(Choice choice)
{
    if (m_answered)
        return;
    m_answered = true;
    m_choice = choice;
    Q_EMIT chosen(choice);
    accept();
}

TokenStoreDialog *TokenStoreDialog::ask(QWidget *parent, const QString &reason, const QString &filePath,
                                        engine::AccountSession::TokenStoreAnswer answer)
{
    auto *dialog = new TokenStoreDialog(reason, filePath, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TokenStoreDialog::chosen, dialog, [answer = std::move(answer)](Choice choice) { answer(choice); });
    dialog->open();
    return dialog;
}

} // namespace inkwell::app
