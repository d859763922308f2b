#include "messagewidget.h"

#include "messagebody.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::ChatMessageState;

namespace inkwell::app {

namespace {

QString timeText(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace

MessageWidget::MessageWidget(MessageRole role, const StreamingMarkdown::Style &style, QWidget *parent)
    : QFrame(parent)
    , m_role(role)
{
    const bool user = role == MessageRole::User;
    setObjectName(user ? u"userMessage"_s : u"assistantMessage"_s);
    setAccessibleName(user ? tr("Your message") : tr("Answer"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 6, 0, 6);
    column->setSpacing(4);

    // Header: who, state, when.
    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    m_roleLabel = new QLabel(user ? tr("You") : tr("Assistant"), this);
    m_roleLabel->setObjectName(u"messageRoleLabel"_s);
    m_roleLabel->setAccessibleName(tr("Author"));
    m_badge = new QLabel(this);
    m_badge->setObjectName(u"streamingBadge"_s);
    m_badge->setAccessibleName(tr("Message state"));
    m_badge->hide();
    m_metaLabel = new QLabel(this);
    m_metaLabel->setObjectName(u"messageMeta"_s);
    m_metaLabel->setAccessibleName(tr("Time"));
    if (user) {
        header->addStretch(1);
        header->addWidget(m_badge);
        header->addWidget(m_metaLabel);
        header->addWidget(m_roleLabel);
    } else {
        header->addWidget(m_roleLabel);
        header->addWidget(m_badge);
        header->addWidget(m_metaLabel);
        header->addStretch(1);
    }
    column->addLayout(header);

    // The text: a bubble on the right for questions, the full width for answers.
    m_body = new MessageBody(style, this);
    connect(m_body, &MessageBody::copied, this, &MessageWidget::copied);
    connect(m_body, &MessageBody::copyMessageRequested, this, &MessageWidget::copyRequested);
    if (user) {
        m_bubble = new QFrame(this);
        m_bubble->setObjectName(u"userBubble"_s);
        m_bubble->setAccessibleName(tr("Your message"));
        auto *inner = new QVBoxLayout(m_bubble);
        inner->setContentsMargins(14, 9, 14, 9);
        inner->addWidget(m_body);
        m_body->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(m_bubble);
        column->addLayout(row);
    } else {
        column->addWidget(m_body);
    }

    // Why it failed, with Retry.
    m_errorFrame = new QFrame(this);
    m_errorFrame->setObjectName(u"messageError"_s);
    m_errorFrame->setAccessibleName(tr("Error"));
    auto *errorRow = new QHBoxLayout(m_errorFrame);
    errorRow->setContentsMargins(10, 6, 6, 6);
    m_errorLabel = new QLabel(m_errorFrame);
    m_errorLabel->setObjectName(u"messageErrorText"_s);
    m_errorLabel->setAccessibleName(tr("Error message"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton(tr("Retry"), m_errorFrame);
    m_retryButton->setObjectName(u"retryButton"_s);
    m_retryButton->setAccessibleName(tr("Retry"));
    m_retryButton->setCursor(Qt::PointingHandCursor);
    connect(m_retryButton, &QPushButton::clicked, this, &MessageWidget::retryRequested);
    errorRow->addWidget(m_errorLabel, 1);
    errorRow->addWidget(m_retryButton, 0, Qt::AlignVCenter);
    m_errorFrame->hide();
    column->addWidget(m_errorFrame);

    // Actions and the token count.
    m_footer = new QWidget(this);
    m_footer->setObjectName(u"messageFooter"_s);
    m_footer->setAccessibleName(tr("Message actions"));
    auto *footer = new QHBoxLayout(m_footer);
    footer->setContentsMargins(0, 0, 0, 0);
    footer->setSpacing(2);
    if (user)
        footer->addStretch(1);
    m_copyButton = addAction(footer, u"copyMessageButton"_s, tr("Copy"), tr("Copy message"));
    connect(m_copyButton, &QToolButton::clicked, this, &MessageWidget::copyRequested);
    if (user) {
        m_editButton = addAction(footer, u"editQuestionButton"_s, tr("Edit"), tr("Edit question and send again"));
        connect(m_editButton, &QToolButton::clicked, this, &MessageWidget::editRequested);
    } else {
        m_regenerateButton = addAction(footer, u"regenerateButton"_s, tr("Regenerate"), tr("Answer again"));
        connect(m_regenerateButton, &QToolButton::clicked, this, &MessageWidget::regenerateRequested);
        m_previousButton = addAction(footer, u"previousAnswerButton"_s, u"‹"_s, tr("Previous answer"));
        m_alternativeLabel = new QLabel(m_footer);
        m_alternativeLabel->setObjectName(u"alternativeLabel"_s);
        m_alternativeLabel->setAccessibleName(tr("Answer number"));
        footer->addWidget(m_alternativeLabel);
        m_nextButton = addAction(footer, u"nextAnswerButton"_s, u"›"_s, tr("Next answer"));
        connect(m_previousButton, &QToolButton::clicked, this,
                [this] { Q_EMIT alternativeRequested(m_snapshot.alternativeIndex - 1); });
        connect(m_nextButton, &QToolButton::clicked, this,
                [this] { Q_EMIT alternativeRequested(m_snapshot.alternativeIndex + 1); });
        footer->addStretch(1);
    }
    m_tokensLabel = new QLabel(m_footer);
    m_tokensLabel->setObjectName(u"messageTokens"_s);
    m_tokensLabel->setAccessibleName(tr("Tokens"));
    footer->addSpacing(8);
    footer->addWidget(m_tokensLabel);
    column->addWidget(m_footer);
}

QToolButton *MessageWidget::addAction(QHBoxLayout *layout, const QString &objectName, const QString &text,
                                      const QString &accessibleName)
{
    auto *button = new QToolButton(m_footer);
    button->setObjectName(objectName);
    button->setProperty("messageAction", true);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolTip(accessibleName);
    button->setAutoRaise(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setFocusPolicy(Qt::TabFocus);
    layout->addWidget(button);
    return button;
}

void MessageWidget::setMarkdownStyle(const StreamingMarkdown::Style &style)
{
    m_body->setMarkdownStyle(style);
}

void MessageWidget::setSnapshot(const MessageSnapshot &snapshot, bool deferText)
{
    const bool textChanged = snapshot.message.content != m_body->source() || m_body->document()->isEmpty();
    m_snapshot = snapshot;
    if (textChanged) {
        if (deferText)
            m_textPending = true;
        else {
            m_textPending = true;
            flushText();
        }
    }
    updateChrome();
}

void MessageWidget::setPendingText(const QString &content)
{
    const bool started = m_snapshot.message.content.isEmpty() && !content.isEmpty();
    m_snapshot.message.content = content;
    m_textPending = true;
    if (started)
        updateChrome(); // "thinking…" becomes "writing…"
}

bool MessageWidget::flushText()
{
    if (!m_textPending)
        return false;
    m_textPending = false;
    if (m_role == MessageRole::User)
        m_body->setPlainContent(m_snapshot.message.content);
    else
        m_body->showMarkdown(m_snapshot.message.content);
    return true;
}

void MessageWidget::updateChrome()
{
    const engine::ChatMessage &message = m_snapshot.message;
    const bool streaming = message.state == ChatMessageState::Streaming;
    const bool sending = message.state == ChatMessageState::Sending;
    m_body->setGrowing(streaming);

    QString badge;
    QString badgeName;
    switch (message.state) {
    case ChatMessageState::Streaming:
        badge = message.content.isEmpty() ? tr("thinking…") : tr("writing…");
        badgeName = u"streamingBadge"_s;
        break;
    case ChatMessageState::Sending:
        badge = tr("sending…");
        badgeName = u"streamingBadge"_s;
        break;
    case ChatMessageState::Cancelled:
        badge = tr("stopped");
        badgeName = u"stoppedBadge"_s;
        break;
    case ChatMessageState::Failed:
        badge = m_role == MessageRole::User ? tr("not sent") : tr("failed");
        badgeName = u"failedBadge"_s;
        break;
    case ChatMessageState::Complete:
        if (m_snapshot.superseded) {
            badge = m_role == MessageRole::User ? tr("edited") : tr("earlier answer");
            badgeName = u"supersededBadge"_s;
        }
        break;
    }
    if (m_badge->objectName() != badgeName && !badgeName.isEmpty()) {
        m_badge->setObjectName(badgeName);
        m_badge->style()->unpolish(m_badge);
        m_badge->style()->polish(m_badge);
    }
    m_badge->setText(badge);
    m_badge->setVisible(!badge.isEmpty());

    m_metaLabel->setText(timeText(message.createdAt));
    m_metaLabel->setToolTip(message.createdAt.toLocalTime().toString(Qt::TextDate));

    const bool failed = message.state == ChatMessageState::Failed;
    m_errorFrame->setVisible(failed);
    if (failed) {
        m_errorLabel->setText(message.errorText);
        m_retryButton->setVisible(m_snapshot.canRetry);
        if (message.retryAt)
            m_retryButton->setToolTip(
                tr("The server asked to wait until %1.")
                    .arg(QLocale().toString(message.retryAt->toLocalTime(), QLocale::ShortFormat)));
        else
            m_retryButton->setToolTip(tr("Send again"));
    }
    // The empty text of an answer that failed before any output takes no room.
    m_body->setVisible(!message.content.isEmpty() || streaming || sending || !failed);

    m_copyButton->setVisible(!message.content.isEmpty() && !streaming);
    if (m_editButton)
        m_editButton->setVisible(m_snapshot.canEdit);
    if (m_regenerateButton) {
        m_regenerateButton->setVisible(m_snapshot.canRegenerate && !failed);
        const bool several = m_snapshot.alternativeCount > 1;
        m_previousButton->setVisible(several);
        m_nextButton->setVisible(several);
        m_alternativeLabel->setVisible(several);
        m_previousButton->setEnabled(!streaming && m_snapshot.alternativeIndex > 0);
        m_nextButton->setEnabled(!streaming && m_snapshot.alternativeIndex < m_snapshot.alternativeCount - 1);
        m_alternativeLabel->setText(u"%1 / %2"_s.arg(m_snapshot.alternativeIndex + 1).arg(m_snapshot.alternativeCount));
        m_alternativeLabel->setAccessibleDescription(
            tr("Answer %1 of %2").arg(m_snapshot.alternativeIndex + 1).arg(m_snapshot.alternativeCount));
    }
    QString tokens = message.tokens > 0 && !streaming ? tr("%n token(s)", nullptr, message.tokens) : QString();
    if (!tokens.isEmpty() && message.tokensPerSecond)
        tokens += u" · "_s + tr("%1 tok/s").arg(QLocale().toString(*message.tokensPerSecond, 'f', 1));
    m_tokensLabel->setText(tokens);
    m_tokensLabel->setToolTip(
        message.firstTokenMs
            ? tr("First words after %1 s").arg(QLocale().toString(*message.firstTokenMs / 1000.0, 'f', 1))
            : QString());
    m_footer->setVisible(!streaming && !sending);
    setEnabled(true);
    // Superseded turns fade: they are kept for reference, not part of the conversation any more.
    setProperty("superseded", m_snapshot.superseded);
    QString accessible = m_role == MessageRole::User ? tr("Your message") : tr("Answer");
    if (!badge.isEmpty())
        accessible += u", "_s + badge;
    setAccessibleName(accessible);
}

void MessageWidget::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    if (m_bubble)
        m_bubble->setMaximumWidth(std::max(200, int(width() * 0.82)));
}

} // namespace inkwell::app
