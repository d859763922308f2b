#include "signindialog.h"

#include "api/apiclient.h"
#include "formparts.h"
#include "model/user.h"
#include "tokenstoredialog.h"

#include <QCheckBox>
#include <QCommandLinkButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
constexpr int kCheckDelayMs = 700; // check the address once typing pauses
constexpr int kCheckTimeoutMs = 8000;
} // namespace

SignInDialog::SignInDialog(engine::AccountSession *session, engine::PrivateServer *privateServer, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_privateServer(privateServer)
{
    setObjectName(u"signInDialog"_s);
    setAccessibleName(tr("Sign in to Inkwell"));

    auto *root = new QVBoxLayout(this);
    // The dialog is always as big as what it shows: it grows when an error line appears and shrinks back.
    root->setSizeConstraint(QLayout::SetFixedSize);
    root->setContentsMargins(28, 24, 28, 20);
    root->setSpacing(16);

    // One page shown at a time. Not a QStackedWidget: it is as tall as its tallest page, and the dialog should be
    // as tall as the page it shows.
    m_pages = new QWidget(this);
    m_pages->setObjectName(u"signInPages"_s);
    m_pages->setAccessibleName(tr("Sign-in steps"));
    m_pages->setFixedWidth(470); // a calm column; wrapped explanations set the height
    auto *pages = new QVBoxLayout(m_pages);
    pages->setContentsMargins(0, 0, 0, 0);
    m_welcomePage = buildWelcomePage();
    m_formPage = buildFormPage();
    pages->addWidget(m_welcomePage);
    pages->addWidget(m_formPage);
    m_formPage->hide();
    root->addWidget(m_pages, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    m_back = new QPushButton(tr("&Back"), this);
    m_back->setObjectName(u"backButton"_s);
    m_back->setAccessibleName(tr("Back to the first page"));
    m_back->setAutoDefault(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    m_primary = new QPushButton(this);
    m_primary->setObjectName(u"primaryButton"_s);
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_primary);
    root->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, &SignInDialog::showWelcome);
    connect(m_cancel, &QPushButton::clicked, this, &SignInDialog::reject);
    connect(m_primary, &QPushButton::clicked, this, &SignInDialog::submit);

    m_probe = new api::ApiClient(QUrl(), this);
    m_probe->setTimeoutMs(kCheckTimeoutMs);
    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(kCheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &SignInDialog::checkServer);

    connect(m_session, &engine::AccountSession::stateChanged, this, &SignInDialog::onSessionState);
    connect(m_session, &engine::AccountSession::signInFailed, this, &SignInDialog::onSignInFailed);
    connect(m_session, &engine::AccountSession::tokenStoreChoiceNeeded, this,
            [this](const QString &reason, const QString &filePath, engine::AccountSession::TokenStoreAnswer answer) {
                if (m_busy)
                    m_progressLabel->setText(tr("Waiting for your answer…"));
                TokenStoreDialog::ask(this, reason, filePath, std::move(answer));
            });
    if (m_privateServer) {
        connect(m_privateServer, &engine::PrivateServer::progress, this, [this](const QString &message) {
            if (m_busy && m_mode == Mode::PrivateServer)
                m_progressLabel->setText(message);
        });
        connect(m_privateServer, &engine::PrivateServer::ready, this, [this](const QUrl &url) {
            if (!m_busy || m_mode != Mode::PrivateServer || m_privateUrl.isValid())
                return;
            m_privateUrl = url;
            m_progressLabel->setText(tr("Creating your account…"));
            m_session->registerAccount(url, m_name->text().trimmed(), m_email->text().trimmed(), m_password->text(),
                                       /*privateServer=*/true);
        });
        connect(m_privateServer, &engine::PrivateServer::failed, this, [this](const QString &message) {
            if (!m_busy || m_mode != Mode::PrivateServer)
                return;
            setBusy(false);
            form::setError(m_formError, message);
        });
    }

    // What the session remembers decides where to start: the first run welcomes, later runs sign in again.
    const engine::AccountInfo &account = m_session->account();
    if (!m_session->hasRememberedAccount()) {
        showWelcome();
    } else {
        showForm(Mode::SignIn);
        QUrl server = account.server;
        if (account.privateServer && m_privateServer &&
            m_privateServer->state() == engine::PrivateServer::State::Running)
            server = m_privateServer->url();
        m_server->setText(server.toString());
        m_email->setText(account.email);
        if (!m_session->lastError().isEmpty())
            form::setError(m_formError, m_session->lastError());
        m_password->setFocus();
        checkServerSoon();
    }
}

SignInDialog::~SignInDialog()
{
    if (m_busy && m_session)
        m_session->cancelSignIn();
}

QWidget *SignInDialog::buildWelcomePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"welcomePage"_s);
    page->setAccessibleName(tr("Welcome"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);

    QLabel *heading = form::title(u"welcomeTitle"_s, page);
    heading->setText(tr("Welcome to Inkwell"));
    layout->addWidget(heading);
    QLabel *text = form::explanation(u"welcomeExplanation"_s, page);
    text->setText(tr("Inkwell keeps your writing on an Inkwell server and on this computer, so you can write "
                     "offline too. How would you like to start?"));
    layout->addWidget(text);
    layout->addSpacing(8);

    m_connectButton =
        new QCommandLinkButton(tr("Connect to a server"),
                               tr("Sign in to an Inkwell server that you or your team already run, or create an "
                                  "account on it."),
                               page);
    m_connectButton->setObjectName(u"connectServerButton"_s);
    m_connectButton->setAccessibleName(tr("Connect to a server"));
    layout->addWidget(m_connectButton);

    m_privateButton = new QCommandLinkButton(tr("Start a private server on this computer"),
                                             tr("For writing on your own: Inkwell runs its own server here, which "
                                                "only this computer can reach. You become its administrator."),
                                             page);
    m_privateButton->setObjectName(u"startPrivateServerButton"_s);
    m_privateButton->setAccessibleName(tr("Start a private server on this computer"));
    layout->addWidget(m_privateButton);
    if (!m_privateServer) {
        m_privateButton->setEnabled(false);
        m_privateButton->setDescription(tr("Not available: this copy of Inkwell came without its server."));
    }
    layout->addStretch(1);

    connect(m_connectButton, &QAbstractButton::clicked, this, [this] { showForm(Mode::SignIn); });
    connect(m_privateButton, &QAbstractButton::clicked, this, [this] { showForm(Mode::PrivateServer); });
    return page;
}

QWidget *SignInDialog::buildFormPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"formPage"_s);
    page->setAccessibleName(tr("Account"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);

    m_title = form::title(u"formTitle"_s, page);
    layout->addWidget(m_title);
    m_explanation = form::explanation(u"formExplanation"_s, page);
    layout->addWidget(m_explanation);

    m_server = new QLineEdit(page);
    m_server->setObjectName(u"serverEdit"_s);
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(tr("https://inkwell.example.com"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_serverStatus = form::hint(u"serverStatus"_s, page);
    m_serverStatus->setAccessibleName(tr("Server check"));
    m_serverStatus->hide();
    m_serverGroup = form::fieldGroup(tr("&Server address"), m_server, {m_serverStatus}, page);
    layout->addWidget(m_serverGroup);

    m_name = new QLineEdit(page);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setAccessibleName(tr("Your name"));
    m_name->setMaxLength(100);
    m_nameError = form::errorLine(u"nameError"_s, tr("Problem with the name"), page);
    m_nameGroup = form::fieldGroup(tr("Your &name"), m_name, {m_nameError}, page);
    layout->addWidget(m_nameGroup);

    m_email = new QLineEdit(page);
    m_email->setObjectName(u"emailEdit"_s);
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_emailError = form::errorLine(u"emailError"_s, tr("Problem with the email"), page);
    layout->addWidget(form::fieldGroup(tr("&Email"), m_email, {m_emailError}, page));

    m_password = new QLineEdit(page);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_passwordRules = form::hint(u"passwordRules"_s, page);
    m_passwordRules->setAccessibleName(tr("Password rules"));
    m_passwordRules->setText(form::passwordRules());
    m_passwordError = form::errorLine(u"passwordError"_s, tr("Problem with the password"), page);
    m_showPassword = new QCheckBox(tr("S&how password"), page);
    m_showPassword->setObjectName(u"showPasswordCheck"_s);
    m_showPassword->setAccessibleName(tr("Show password"));
    layout->addWidget(
        form::fieldGroup(tr("&Password"), m_password, {m_passwordRules, m_passwordError, m_showPassword}, page));

    m_keepRunning = new QCheckBox(tr("&Keep the server running after Inkwell closes"), page);
    m_keepRunning->setObjectName(u"keepRunningCheck"_s);
    m_keepRunning->setAccessibleName(tr("Keep the server running after Inkwell closes"));
    m_keepRunningHint = form::hint(u"keepRunningHint"_s, page);
    m_keepRunningHint->setText(tr("Otherwise the server stops when you quit Inkwell and starts again with it."));
    m_keepRunningHint->setAccessibleName(tr("About keeping the server running"));
    if (m_privateServer)
        m_keepRunning->setChecked(m_privateServer->keepRunning());
    auto *keepBox = new QVBoxLayout;
    keepBox->setSpacing(2);
    keepBox->addWidget(m_keepRunning);
    // Under the check box's text, not under its box.
    keepBox->addWidget(m_keepRunningHint);
    m_keepRunningHint->setContentsMargins(style()->pixelMetric(QStyle::PM_IndicatorWidth) +
                                              style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing),
                                          0, 0, 0);
    layout->addLayout(keepBox);

    m_modeSwitch = new QPushButton(page);
    m_modeSwitch->setObjectName(u"modeSwitchButton"_s);
    m_modeSwitch->setFlat(true);
    m_modeSwitch->setAutoDefault(false);
    m_modeSwitch->setCursor(Qt::PointingHandCursor);
    m_modeSwitch->setStyleSheet(u"QPushButton { text-align: left; padding: 2px 0; color: palette(link); }"_s);
    layout->addWidget(m_modeSwitch, 0, Qt::AlignLeft);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(u"progressBar"_s);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setRange(0, 0); // busy, no percentage: the server does not say how far it is
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progressLabel = form::hint(u"progressLabel"_s, page);
    m_progressLabel->setAccessibleName(tr("What is happening"));
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_progressLabel, 1);
    layout->addLayout(progressRow);
    m_progress->hide();
    m_progressLabel->hide();

    m_formError = form::errorLine(u"formError"_s, tr("Why signing in did not work"), page);
    layout->addWidget(m_formError);
    layout->addStretch(1);

    connect(m_server, &QLineEdit::textEdited, this, &SignInDialog::checkServerSoon);
    connect(m_server, &QLineEdit::editingFinished, this, [this] {
        if (m_checkTimer.isActive()) {
            m_checkTimer.stop();
            checkServer();
        }
    });
    connect(m_showPassword, &QCheckBox::toggled, this,
            [this](bool show) { m_password->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_modeSwitch, &QPushButton::clicked, this,
            [this] { showForm(m_mode == Mode::SignIn ? Mode::Register : Mode::SignIn); });
    for (QLineEdit *edit : {m_name, m_email, m_password}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            // The error under a field goes once the field is edited.
            if (edit == m_name)
                form::setError(m_nameError, {});
            else if (edit == m_email)
                form::setError(m_emailError, {});
            else
                form::setError(m_passwordError, {});
        });
    }
    return page;
}

bool SignInDialog::isShowingWelcome() const
{
    return m_currentPage == m_welcomePage;
}

void SignInDialog::showWelcome()
{
    if (m_busy)
        return;
    showPage(m_welcomePage);
    setWindowTitle(tr("Welcome to Inkwell"));
    m_primary->hide();
    m_back->hide();
    updateDefaultButton();
    m_connectButton->setFocus();
}

void SignInDialog::showForm(Mode mode)
{
    if (m_busy)
        return;
    m_mode = mode;
    clearErrors();
    showPage(m_formPage);
    const bool firstRun = !m_session->hasRememberedAccount();
    m_back->setVisible(firstRun);
    m_primary->show();

    const bool isPrivate = mode == Mode::PrivateServer;
    m_serverGroup->setVisible(!isPrivate);
    m_nameGroup->setVisible(mode != Mode::SignIn);
    m_passwordRules->setVisible(mode != Mode::SignIn);
    m_keepRunning->setVisible(isPrivate);
    m_keepRunningHint->setVisible(isPrivate);
    m_modeSwitch->setVisible(!isPrivate);

    switch (mode) {
    case Mode::SignIn:
        setWindowTitle(tr("Sign in — Inkwell"));
        m_title->setText(tr("Sign in"));
        m_explanation->setText(tr("Enter the address of your Inkwell server and your account's email and password."));
        m_primary->setText(tr("Sign in"));
        m_primary->setAccessibleName(tr("Sign in"));
        m_modeSwitch->setText(tr("New here? Create an &account"));
        m_modeSwitch->setAccessibleName(tr("Create an account instead"));
        m_password->setPlaceholderText(QString());
        break;
    case Mode::Register:
        setWindowTitle(tr("Create an account — Inkwell"));
        m_title->setText(tr("Create your account"));
        m_explanation->setText(
            tr("Your account lives on the server you connect to. The first account on a new server manages it."));
        m_primary->setText(tr("Create account"));
        m_primary->setAccessibleName(tr("Create account"));
        m_modeSwitch->setText(tr("Already have an account? Sign &in"));
        m_modeSwitch->setAccessibleName(tr("Sign in instead"));
        m_password->setPlaceholderText(tr("At least 12 characters"));
        break;
    case Mode::PrivateServer:
        setWindowTitle(tr("Private server — Inkwell"));
        m_title->setText(tr("Start a private server"));
        m_explanation->setText(tr("Inkwell starts its own server on this computer and creates your account on it. "
                                  "You are its administrator; only this computer can reach it."));
        m_primary->setText(tr("Start server"));
        m_primary->setAccessibleName(tr("Start the private server and create the account"));
        m_password->setPlaceholderText(tr("At least 12 characters"));
        if (m_privateServer)
            m_keepRunning->setChecked(m_privateServer->keepRunning());
        break;
    }
    updateDefaultButton();

    // Focus the first field that still needs something.
    QLineEdit *first = nullptr;
    for (QLineEdit *edit : {m_server, m_name, m_email, m_password}) {
        if (edit->parentWidget()->isVisibleTo(this) && edit->text().isEmpty()) {
            first = edit;
            break;
        }
    }
    (first ? first : m_password)->setFocus();
}

void SignInDialog::showPage(QWidget *page)
{
    m_currentPage = page;
    m_welcomePage->setVisible(page == m_welcomePage);
    m_formPage->setVisible(page == m_formPage);
}

void SignInDialog::updateDefaultButton()
{
    const bool welcome = isShowingWelcome();
    m_primary->setDefault(!welcome);
    m_primary->setAutoDefault(!welcome);
    m_connectButton->setDefault(welcome);
}

void SignInDialog::setServerAddress(const QString &address)
{
    m_server->setText(address);
    checkServerSoon();
}

// ---- the server check -------------------------------------------------------------------------------------------

void SignInDialog::checkServerSoon()
{
    ++m_checkGeneration; // an answer for what was typed before is no longer wanted
    form::setStatus(m_serverStatus, {}, form::Tone::Neutral);
    m_checkTimer.start();
}

void SignInDialog::checkServer()
{
    m_checkTimer.stop();
    const quint64 generation = ++m_checkGeneration;
    if (m_server->text().trimmed().isEmpty()) {
        form::setStatus(m_serverStatus, {}, form::Tone::Neutral);
        return;
    }
    const auto url = engine::parseServerAddress(m_server->text());
    if (!url) {
        form::setStatus(m_serverStatus, url.error(), form::Tone::Bad);
        return;
    }
    form::setStatus(m_serverStatus, tr("Checking %1…").arg(url->toString()), form::Tone::Neutral);
    m_probe->setServer(*url);
    m_probe->health(this, [this, generation, url = *url](api::ApiResult<api::ServerHealth> result) {
        if (generation != m_checkGeneration)
            return;
        if (!result) {
            const api::ApiError &error = result.error();
            form::setStatus(m_serverStatus,
                            error.kind == api::ApiError::Kind::BadAnswer || error.status == 404
                                ? tr("Something answers at this address, but it is not an Inkwell server.")
                                : error.message(),
                            form::Tone::Bad);
            return;
        }
        QString text = result->version.isEmpty()
                           ? tr("An Inkwell server answers at this address.")
                           : tr("Inkwell server %1 answers at this address.").arg(result->version);
        form::Tone tone = form::Tone::Good;
        if (url.scheme() == u"http"_s && !engine::isLoopbackUrl(url)) {
            text += u' ' + tr("The connection is not encrypted: your password would travel readable by others on "
                              "the network. Use https:// if the server offers it.");
            tone = form::Tone::Warning;
        }
        form::setStatus(m_serverStatus, text, tone);
    });
}

// ---- submitting -------------------------------------------------------------------------------------------------

void SignInDialog::clearErrors()
{
    for (QLabel *line : {m_nameError, m_emailError, m_passwordError, m_formError})
        form::setError(line, {});
}

bool SignInDialog::validateLocally()
{
    clearErrors();
    QWidget *firstBad = nullptr;
    const auto bad = [&firstBad](QLabel *line, QWidget *field, const QString &text) {
        form::setError(line, text);
        if (!firstBad)
            firstBad = field;
    };
    if (m_mode != Mode::PrivateServer) {
        const auto url = engine::parseServerAddress(m_server->text());
        if (!url) {
            form::setStatus(m_serverStatus, url.error(), form::Tone::Bad);
            firstBad = m_server;
        }
    }
    if (m_mode != Mode::SignIn && m_name->text().trimmed().isEmpty())
        bad(m_nameError, m_name, tr("Enter your name as others should see it."));
    const QString email = m_email->text().trimmed();
    if (email.isEmpty())
        bad(m_emailError, m_email, tr("Enter your email address."));
    else if (m_mode != Mode::SignIn && !isPlausibleEmail(email))
        bad(m_emailError, m_email, tr("This does not look like an email address."));
    if (m_mode == Mode::SignIn) {
        if (m_password->text().isEmpty())
            bad(m_passwordError, m_password, tr("Enter your password."));
    } else if (const QString problem = form::newPasswordProblem(m_password->text()); !problem.isEmpty()) {
        bad(m_passwordError, m_password, problem);
    }
    if (firstBad)
        firstBad->setFocus();
    return !firstBad;
}

void SignInDialog::submit()
{
    if (m_busy || isShowingWelcome() || !validateLocally())
        return;
    const QString email = m_email->text().trimmed();
    switch (m_mode) {
    case Mode::SignIn: {
        const QUrl url = *engine::parseServerAddress(m_server->text());
        m_server->setText(url.toString());
        setBusy(true, tr("Signing in…"));
        m_session->signIn(url, email, m_password->text(), isPrivateServerUrl(url));
        break;
    }
    case Mode::Register: {
        const QUrl url = *engine::parseServerAddress(m_server->text());
        m_server->setText(url.toString());
        setBusy(true, tr("Creating your account…"));
        m_session->registerAccount(url, m_name->text().trimmed(), email, m_password->text(), isPrivateServerUrl(url));
        break;
    }
    case Mode::PrivateServer:
        submitPrivateServer(m_name->text().trimmed(), email, m_password->text());
        break;
    }
}

void SignInDialog::submitPrivateServer(const QString &name, const QString &email, const QString &password)
{
    if (!m_privateServer)
        return;
    m_privateUrl = QUrl();
    m_triedSignInInstead = false;
    setBusy(true, tr("Starting the server…"));
    m_privateServer->setKeepRunning(m_keepRunning->isChecked());
    if (m_privateServer->state() == engine::PrivateServer::State::Running) {
        m_privateUrl = m_privateServer->url();
        m_progressLabel->setText(tr("Creating your account…"));
        m_session->registerAccount(m_privateUrl, name, email, password, /*privateServer=*/true);
        return;
    }
    m_startedServer = true;
    m_privateServer->start();
}

bool SignInDialog::isPrivateServerUrl(const QUrl &url) const
{
    return m_privateServer && m_privateServer->state() == engine::PrivateServer::State::Running &&
           m_privateServer->url().adjusted(QUrl::StripTrailingSlash) == url.adjusted(QUrl::StripTrailingSlash);
}

void SignInDialog::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_server, m_name, m_email, m_password, m_showPassword,
                                                            m_keepRunning, m_modeSwitch, m_back})
        widget->setEnabled(!busy);
    m_primary->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    m_progressLabel->setText(what);
    if (busy)
        form::setError(m_formError, {});
    m_cancel->setFocus(); // Esc and Enter keep working while the fields are disabled
    if (!busy)
        m_password->setFocus();
}

// ---- the session's answers --------------------------------------------------------------------------------------

void SignInDialog::onSessionState(engine::AccountSession::State state)
{
    if (!m_busy)
        return;
    if (state == engine::AccountSession::State::SignedIn) {
        succeed();
        return;
    }
    if (state == engine::AccountSession::State::SignedOut) {
        // Refused, failed or cancelled: signInFailed (if any) comes right after with the details.
        setBusy(false);
        form::setError(m_formError, m_session->lastError());
    }
}

void SignInDialog::onSignInFailed(const api::ApiError &error)
{
    if (m_mode == Mode::PrivateServer && error.status == 409 && m_privateUrl.isValid() && !m_triedSignInInstead) {
        // The private server's data folder is from an earlier install and knows this email: sign in to it.
        m_triedSignInInstead = true;
        setBusy(true, tr("Signing in…"));
        m_session->signIn(m_privateUrl, m_email->text().trimmed(), m_password->text(), /*privateServer=*/true);
        return;
    }
    if (m_busy)
        return;
    const QString rest = form::showFieldErrors(
        error, {{u"email"_s, m_emailError}, {u"password"_s, m_passwordError}, {u"full_name"_s, m_nameError}});
    form::setError(m_formError, rest);
    if (m_emailError->isVisible())
        m_email->setFocus();
    else if (m_passwordError->isVisible() || error.status == 401)
        m_password->selectAll();
}

void SignInDialog::succeed()
{
    setBusy(false);
    m_password->clear();
    m_startedServer = false;
    accept();
    Q_EMIT signedIn(m_session);
}

void SignInDialog::reject()
{
    if (m_busy) {
        m_busy = false;
        m_session->cancelSignIn();
    }
    if (m_startedServer && m_privateServer && !m_session->isSignedIn()) {
        // The private server was started for this sign-in, which the user abandoned.
        m_privateServer->stop();
    }
    m_startedServer = false;
    m_password->clear();
    QDialog::reject();
    Q_EMIT cancelled();
}

} // namespace inkwell::app
