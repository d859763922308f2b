#include "chatsession.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcChat, "inkwell.engine.chat")

namespace inkwell::engine {

namespace {

/// Picks up the counters the answer changed (total tokens) at once, and a generated title a little later: the
/// server asks the AI for a title after the first answer is done.
constexpr int kTitleRefreshDelayMs = 2000;
constexpr int kTitleRefreshTries = 3;
constexpr int kStopTimeoutMs = 5000;

QString trChat(const char *text, int n = -1)
{
    return QCoreApplication::translate("inkwell::engine::ChatSession", text, nullptr, n);
}

QJsonObject objectOf(const QString &data)
{
    return QJsonDocument::fromJson(data.toUtf8()).object();
}

qsizetype codePoints(QStringView text)
{
    qsizetype count = 0;
    for (const QChar c : text)
        count += c.isLowSurrogate() ? 0 : 1;
    return count;
}

bool isUnconfigured(const api::ApiError &error)
{
    return error.status == 503 && error.type == u"/problems/ai-unconfigured"_s;
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace

QString retryAdvice(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 1);
    if (seconds <= 90)
        return trChat("Try again in %n second(s).", int(seconds));
    if (seconds < 90 * 60)
        return trChat("Try again in %n minute(s).", int((seconds + 59) / 60));
    const QDateTime at = QDateTime::currentDateTime().addSecs(seconds);
    const QLocale locale;
    if (at.date() == QDate::currentDate())
        return trChat("Try again at %1.").arg(locale.toString(at.time(), QLocale::ShortFormat));
    return trChat("Try again on %1.").arg(locale.toString(at, QLocale::ShortFormat));
}

QString describeChatError(const api::ApiError &error, std::optional<QDateTime> *retryAt)
{
    if ((error.status == 429 || error.status == 503) && error.retryAfterSeconds) {
        if (retryAt)
            *retryAt = nowUtc().addSecs(*error.retryAfterSeconds);
        QString text = !error.detail.isEmpty() ? error.detail : error.title;
        if (text.isEmpty())
            text = error.status == 429 ? trChat("Too many requests.") : trChat("The service is unavailable.");
        if (!text.endsWith(u'.'))
            text += u'.';
        return text + u' ' + retryAdvice(*error.retryAfterSeconds);
    }
    return error.message();
}

ChatSession::ChatSession(api::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_messages(new MessageListModel(this))
{
    m_stopTimer.setSingleShot(true);
    m_stopTimer.setInterval(kStopTimeoutMs);
    connect(&m_stopTimer, &QTimer::timeout, this, &ChatSession::dropStreamAsStopped);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ChatSession::refresh);
}

ChatSession::~ChatSession()
{
    if (m_pending && m_pending->call)
        m_pending->call->abort();
}

void ChatSession::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void ChatSession::reset(Status status)
{
    ++m_generation;
    m_editsInFlight = 0; // their answers are dropped with the generation
    m_stopTimer.stop();
    m_refreshTimer.stop();
    if (m_pending) {
        if (m_pending->call)
            m_pending->call->abort(); // the server keeps what was produced, as cancelled
        m_pending.reset();
    }
    m_messages->clear();
    m_loadError.clear();
    setStatus(status);
    Q_EMIT actionsChanged();
}

void ChatSession::open(const QUuid &conversationId)
{
    Conversation conversation;
    conversation.id = conversationId;
    open(conversation);
}

void ChatSession::open(const Conversation &conversation)
{
    reset(Status::Loading);
    m_conversation = conversation;
    Q_EMIT conversationChanged(conversation);
    const quint64 generation = m_generation;
    m_api->conversation(conversation.id, this, [this, generation](api::ApiResult<api::ConversationDetail> result) {
        if (generation != m_generation)
            return; // the user opened something else meanwhile
        if (!result) {
            m_loadError = describeChatError(result.error());
            setStatus(Status::LoadFailed);
            Q_EMIT actionsChanged();
            return;
        }
        applyConversation(result->conversation);
        m_messages->setMessages(result->messages);
        setStatus(Status::Ready);
        Q_EMIT actionsChanged();
    });
}

void ChatSession::close()
{
    reset(Status::Closed);
    if (m_conversation) {
        m_conversation.reset();
        Q_EMIT conversationChanged(Conversation());
    }
}

void ChatSession::refresh()
{
    if (!m_conversation || m_status != Status::Ready)
        return;
    const quint64 generation = m_generation;
    const quint64 edits = m_conversationEdits;
    m_api->conversation(m_conversation->id, this,
                        [this, generation, edits](api::ApiResult<api::ConversationDetail> result) {
                            if (generation != m_generation || !result)
                                return;
                            // A copy read before the user's own change was answered would undo it on screen.
                            if (edits == m_conversationEdits && m_editsInFlight == 0)
                                applyConversation(result->conversation);
                            // The server counts the question's tokens itself: take its numbers.
                            for (const Message &message : std::as_const(result->messages))
                                m_messages->setTokens(message.id, message.tokens);
                            if (!result->conversation.title && m_titleRefreshes > 0) {
                                --m_titleRefreshes;
                                scheduleRefresh(kTitleRefreshDelayMs);
                            }
                        });
}

void ChatSession::scheduleRefresh(int delayMs)
{
    m_refreshTimer.start(delayMs);
}

void ChatSession::applyConversation(const Conversation &conversation)
{
    if (m_conversation == conversation)
        return;
    m_conversation = conversation;
    Q_EMIT conversationChanged(conversation);
}

QString ChatSession::systemPrompt() const
{
    return m_conversation ? m_conversation->systemPrompt.value_or(QString()) : QString();
}

int ChatSession::answerRowOfLastTurn() const
{
    const int last = m_messages->rowCount() - 1;
    if (last < 0 || m_messages->message(last).role != MessageRole::Assistant || m_messages->isSuperseded(last))
        return -1;
    return last;
}

bool ChatSession::canSend() const
{
    return m_status == Status::Ready && !isStreaming();
}

bool ChatSession::canRegenerate() const
{
    if (!canSend())
        return false;
    const int row = answerRowOfLastTurn();
    if (row < 0)
        return false;
    const QList<ChatMessage> answers = m_messages->alternatives(row);
    return std::any_of(answers.begin(), answers.end(), [](const ChatMessage &m) { return m.isStored(); });
}

bool ChatSession::canEditLastQuestion() const
{
    if (!canSend())
        return false;
    const int row = m_messages->lastRow(MessageRole::User);
    return row >= 0 && !m_messages->isSuperseded(row);
}

bool ChatSession::canRetry() const
{
    if (!canSend() || m_messages->rowCount() == 0)
        return false;
    const int last = m_messages->rowCount() - 1;
    const ChatMessage &message = m_messages->message(last);
    if (message.state != ChatMessageState::Failed || m_messages->isSuperseded(last))
        return false;
    return message.role == MessageRole::User ? !message.isStored() : canRegenerate();
}

QString ChatSession::lastQuestion() const
{
    const int row = m_messages->lastRow(MessageRole::User);
    return row < 0 ? QString() : m_messages->message(row).content;
}

bool ChatSession::send(const QString &text)
{
    if (!canSend() || text.trimmed().isEmpty())
        return false;
    if (codePoints(text) > kMaxMessageLength) {
        Q_EMIT errorOccurred(trChat("A message can be at most %n characters long.", kMaxMessageLength));
        return false;
    }
    ChatMessage question;
    question.role = MessageRole::User;
    question.content = text;
    question.state = ChatMessageState::Sending;
    question.createdAt = nowUtc();
    startSend(m_messages->append(question));
    return true;
}

std::function<void(api::ApiResult<void>)> ChatSession::streamEnd()
{
    const quint64 serial = m_pending->serial;
    return [this, serial](api::ApiResult<void> result) { onStreamEnded(serial, result); };
}

void ChatSession::startSend(int questionRow)
{
    ChatMessage answer;
    answer.role = MessageRole::Assistant;
    answer.state = ChatMessageState::Streaming;
    answer.createdAt = nowUtc();
    const int answerRow = m_messages->append(answer);
    m_pending =
        Pending{.kind = Pending::Kind::Send, .questionRow = questionRow, .answerRow = answerRow, .serial = ++m_serial};
    m_pending->clock.start();
    watch(m_api->streamMessage(m_conversation->id, MessageInput{m_messages->message(questionRow).content}, this,
                               streamEnd()));
}

void ChatSession::startRegenerate(int answerRow, const QUuid &answerId)
{
    ChatMessage answer;
    answer.role = MessageRole::Assistant;
    answer.state = ChatMessageState::Streaming;
    answer.createdAt = nowUtc();
    const ChatMessage &shown = m_messages->message(answerRow);
    if (!shown.isStored() && shown.state == ChatMessageState::Failed)
        m_messages->replace(answerRow, answer); // a regeneration that never started: this one takes its place
    else
        m_messages->addAlternative(answerRow, answer);
    m_pending = Pending{.kind = Pending::Kind::Regenerate, .answerRow = answerRow, .serial = ++m_serial};
    m_pending->clock.start();
    watch(m_api->regenerate(m_conversation->id, answerId, this, streamEnd()));
}

void ChatSession::watch(api::ApiCall *call)
{
    m_pending->call = call;
    const quint64 serial = m_pending->serial;
    connect(call, &api::ApiCall::event, this, [this, serial](const sse::Event &event) { onEvent(serial, event); });
    Q_EMIT actionsChanged();
}

void ChatSession::onEvent(quint64 serial, const sse::Event &event)
{
    if (!m_pending || m_pending->serial != serial || m_pending->ended)
        return;
    if (event.type == u"message.delta"_s) {
        if (m_pending->firstDeltaMs < 0)
            m_pending->firstDeltaMs = m_pending->clock.elapsed();
        m_messages->appendText(m_pending->answerRow, objectOf(event.data).value(u"text").toString());
        return;
    }
    const QJsonObject data = objectOf(event.data);
    if (event.type == u"message.created"_s) {
        m_pending->created = true;
        m_pending->answerId = QUuid::fromString(data.value(u"assistant_message_id").toString());
        if (m_pending->kind == Pending::Kind::Send) {
            if (const Parsed<Message> question = api::messageItem(data.value(u"user_message").toObject()))
                m_messages->replace(m_pending->questionRow, ChatMessage::fromMessage(*question));
        }
        ChatMessage answer = m_messages->message(m_pending->answerRow);
        answer.id = m_pending->answerId;
        m_messages->replace(m_pending->answerRow, answer);
        if (m_pending->stopRequested)
            sendCancel();
        Q_EMIT actionsChanged();
    } else if (event.type == u"message.done"_s) {
        m_pending->ended = true;
        const Parsed<Message> stored = api::messageItem(data.value(u"message").toObject());
        ChatMessage answer = m_messages->message(m_pending->answerRow);
        if (stored) {
            answer = ChatMessage::fromMessage(*stored);
            // The speed a reader felt, as LM Studio shows it: first words, then tokens per second after them.
            if (m_pending->firstDeltaMs >= 0) {
                answer.firstTokenMs = int(m_pending->firstDeltaMs);
                const qint64 writingMs = m_pending->clock.elapsed() - m_pending->firstDeltaMs;
                if (answer.tokens > 1 && writingMs > 0)
                    answer.tokensPerSecond = answer.tokens * 1000.0 / double(writingMs);
            }
        } else {
            qCWarning(lcChat) << "message.done without a readable message";
            answer.state = m_pending->stopRequested ? ChatMessageState::Cancelled : ChatMessageState::Complete;
        }
        m_messages->replace(m_pending->answerRow, answer);
        finishPending();
    } else if (event.type == u"error"_s) {
        m_pending->ended = true;
        api::ApiError error;
        error.kind = api::ApiError::Kind::Http;
        error.status = data.value(u"status").toInt();
        error.type = data.value(u"type").toString();
        error.title = data.value(u"title").toString();
        error.detail = data.value(u"detail").toString();
        ChatMessage answer = m_messages->message(m_pending->answerRow);
        answer.state = ChatMessageState::Failed;
        answer.errorText = describeChatError(error, &answer.retryAt);
        m_messages->replace(m_pending->answerRow, answer);
        if (isUnconfigured(error))
            Q_EMIT providerUnavailable(answer.errorText);
        finishPending();
    }
}

void ChatSession::onStreamEnded(quint64 serial, const api::ApiResult<void> &result)
{
    if (!m_pending || m_pending->serial != serial)
        return;
    if (m_pending->ended) {
        finishPending();
        return;
    }
    if (!result) {
        failPending(result.error());
        return;
    }
    // The stream ended cleanly but without its last event: the server went away in the middle.
    failPending(api::ApiError::network(trChat("the answer ended without its last event")));
}

void ChatSession::failPending(const api::ApiError &error)
{
    std::optional<QDateTime> retryAt;
    QString text = describeChatError(error, &retryAt);
    if (isUnconfigured(error))
        Q_EMIT providerUnavailable(text);
    const Pending pending = *m_pending;
    int row = pending.answerRow;
    if (!pending.created && pending.kind == Pending::Kind::Send) {
        // Nothing was stored: the question stays, marked not sent, for retry() or an edit.
        m_messages->removeLast();
        row = pending.questionRow;
        ChatMessage question = m_messages->message(row);
        question.state = ChatMessageState::Failed;
        question.errorText = text;
        question.retryAt = retryAt;
        m_messages->replace(row, question);
    } else {
        if (pending.created && error.isUnreachable())
            text = trChat("The connection to the server was lost in the middle of the answer (%1).")
                       .arg(error.detail.isEmpty() ? error.message() : error.detail);
        ChatMessage answer = m_messages->message(row);
        answer.state = ChatMessageState::Failed;
        answer.errorText = text;
        answer.retryAt = retryAt;
        m_messages->replace(row, answer);
    }
    m_pending.reset();
    m_stopTimer.stop();
    Q_EMIT actionsChanged();
    Q_EMIT answerFinished(row);
}

void ChatSession::finishPending()
{
    const int row = m_pending->answerRow;
    m_pending.reset();
    m_stopTimer.stop();
    Q_EMIT actionsChanged();
    Q_EMIT answerFinished(row);
    m_titleRefreshes = m_conversation && !m_conversation->title ? kTitleRefreshTries : 0;
    scheduleRefresh(0);
}

void ChatSession::stop()
{
    if (!canStop())
        return;
    m_pending->stopRequested = true;
    // Whatever happens to the cancel, the answer stops within the time-out.
    m_stopTimer.start();
    if (m_pending->created)
        sendCancel(); // else as soon as message.created names the answer
    Q_EMIT actionsChanged();
}

void ChatSession::sendCancel()
{
    if (m_pending->cancelSent)
        return;
    m_pending->cancelSent = true;
    const quint64 serial = m_pending->serial;
    m_api->cancelMessage(m_conversation->id, m_pending->answerId, this, [this, serial](api::ApiResult<void> result) {
        if (!m_pending || m_pending->serial != serial || result)
            return; // accepted: the stream ends with message.done, status cancelled
        if (result.error().status == 409)
            return; // it had ended already; its last event is on the way
        // The server could not be asked: leaving the stream stops the answer too (kept as cancelled).
        dropStreamAsStopped();
    });
}

void ChatSession::dropStreamAsStopped()
{
    if (!m_pending)
        return;
    const Pending pending = *m_pending;
    if (pending.call)
        pending.call->abort(); // the server sees the reader leave and keeps the answer, cancelled
    int row = pending.answerRow;
    if (!pending.created) {
        if (pending.kind == Pending::Kind::Send) {
            m_messages->removeLast();
            row = pending.questionRow;
            ChatMessage question = m_messages->message(row);
            question.state = ChatMessageState::Failed;
            question.errorText = trChat("Stopped before the server answered; the question may not have been sent.");
            m_messages->replace(row, question);
        } else {
            m_messages->removeShownAlternative(row);
        }
    } else {
        ChatMessage answer = m_messages->message(row);
        answer.state = ChatMessageState::Cancelled;
        m_messages->replace(row, answer);
    }
    m_pending.reset();
    m_stopTimer.stop();
    Q_EMIT actionsChanged();
    Q_EMIT answerFinished(row);
}

bool ChatSession::regenerate()
{
    if (!canRegenerate())
        return false;
    const int row = answerRowOfLastTurn();
    const QList<ChatMessage> answers = m_messages->alternatives(row);
    // The shown answer when it is stored, else the newest stored one: the server finds their question.
    QUuid id = m_messages->message(row).id;
    for (qsizetype i = answers.size() - 1; id.isNull() && i >= 0; --i)
        id = answers.at(i).id;
    startRegenerate(row, id);
    return true;
}

bool ChatSession::retry()
{
    if (!canRetry())
        return false;
    const int last = m_messages->rowCount() - 1;
    ChatMessage message = m_messages->message(last);
    if (message.role == MessageRole::User) {
        message.state = ChatMessageState::Sending;
        message.errorText.clear();
        message.retryAt.reset();
        m_messages->replace(last, message);
        startSend(last);
        return true;
    }
    return regenerate();
}

bool ChatSession::editAndResend(const QString &text)
{
    if (!canEditLastQuestion() || text.trimmed().isEmpty())
        return false;
    if (codePoints(text) > kMaxMessageLength) {
        Q_EMIT errorOccurred(trChat("A message can be at most %n characters long.", kMaxMessageLength));
        return false;
    }
    const int row = m_messages->lastRow(MessageRole::User);
    ChatMessage question = m_messages->message(row);
    if (!question.isStored() && row == m_messages->rowCount() - 1) {
        // Never stored: nothing to keep.
        question.content = text;
        question.state = ChatMessageState::Sending;
        question.errorText.clear();
        question.retryAt.reset();
        m_messages->replace(row, question);
        startSend(row);
        return true;
    }
    for (int r = row; r < m_messages->rowCount(); ++r)
        m_messages->setSuperseded(r, true);
    return send(text);
}

void ChatSession::setSystemPrompt(const QString &prompt)
{
    if (!m_conversation || m_status != Status::Ready)
        return;
    if (codePoints(prompt) > kMaxSystemPromptLength) {
        Q_EMIT errorOccurred(trChat("A system prompt can be at most %n characters long.", kMaxSystemPromptLength));
        return;
    }
    ConversationPatch patch;
    if (prompt.trimmed().isEmpty())
        patch.systemPrompt.emplace(); // null: no system prompt
    else
        patch.systemPrompt.emplace(prompt);
    const quint64 generation = m_generation;
    ++m_conversationEdits;
    ++m_editsInFlight;
    m_api->updateConversation(m_conversation->id, patch, this, [this, generation](api::ApiResult<Conversation> result) {
        if (generation != m_generation)
            return;
        ++m_conversationEdits;
        --m_editsInFlight;
        if (!result) {
            Q_EMIT errorOccurred(trChat("The system prompt could not be saved: %1").arg(result.error().message()));
            return;
        }
        applyConversation(*result);
        Q_EMIT systemPromptSaved();
    });
}

} // namespace inkwell::engine
