#include "chatstream.h"

#include "ai/aistreams.h"
#include "http/answers.h"
#include "http/jsonbody.h"
#include "http/ssestream.h"
#include "json/jsonreader.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcChat, "inkwell.server.chat")

namespace inkwell::server::ai {

namespace {

constexpr int kFlushIntervalMs = 2000;
constexpr int kMaxTitleInputChars = 2000;

/// The first line of a model's title, without quotes, Markdown marks, a "Title:" prefix or a final period;
/// at most 8 words and the stored length.
QString cleanTitle(const QString &raw)
{
    QString line;
    for (const QString &candidate : raw.split(u'\n')) {
        if (!candidate.trimmed().isEmpty()) {
            line = candidate.trimmed();
            break;
        }
    }
    static const QRegularExpression prefix(u"^(title\\s*:\\s*)"_s, QRegularExpression::CaseInsensitiveOption);
    line.remove(prefix);
    static const QString marks = u"\"'`*#_\u201C\u201D\u2018\u2019\u00AB\u00BB "_s;
    while (!line.isEmpty() && marks.contains(line.front()))
        line.remove(0, 1);
    while (!line.isEmpty() && (marks.contains(line.back()) || line.back() == u'.'))
        line.chop(1);
    QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.size() > 8)
        words = words.mid(0, 8);
    QString title = words.join(u' ');
    while (codePointCount(title) > kMaxConversationTitleLength)
        title.chop(1);
    return title.trimmed();
}

/// The first six words of the user's message: the title when the model gives none.
QString fallbackTitle(const QString &message)
{
    const QStringList words = message.simplified().split(u' ', Qt::SkipEmptyParts);
    QString title = words.mid(0, 6).join(u' ');
    while (codePointCount(title) > kMaxConversationTitleLength)
        title.chop(1);
    title = title.trimmed();
    return title.isEmpty() ? u"New conversation"_s : title;
}

} // namespace

void GenerationRegistry::add(const QUuid &messageId, ChatGeneration *generation)
{
    QMutexLocker lock(&m_mutex);
    m_generations.insert(messageId, generation);
}

void GenerationRegistry::remove(const QUuid &messageId)
{
    QMutexLocker lock(&m_mutex);
    m_generations.remove(messageId);
}

void GenerationRegistry::cancel(const QUuid &messageId)
{
    QMutexLocker lock(&m_mutex);
    if (ChatGeneration *generation = m_generations.value(messageId))
        QMetaObject::invokeMethod(generation, [generation] { generation->cancel(); }, Qt::QueuedConnection);
}

ChatGeneration::ChatGeneration(std::shared_ptr<ChatService> service, std::shared_ptr<GenerationRegistry> registry,
                               Exchange exchange, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_registry(std::move(registry))
    , m_exchange(std::move(exchange))
{
    m_flush.setInterval(kFlushIntervalMs);
    connect(&m_flush, &QTimer::timeout, this, &ChatGeneration::flush);
    m_registry->add(m_exchange.assistant.id, this);
}

ChatGeneration::~ChatGeneration()
{
    m_registry->remove(m_exchange.assistant.id);
    if (!m_over) {
        // The listener shuts down in the middle of the answer: keep what was produced.
        m_over = true;
        if (m_upstream)
            m_upstream->abort();
        store(MessageStatus::Failed, tokenEstimate(m_content), tokenEstimate(m_content));
    }
}

void ChatGeneration::start(SseStream *stream)
{
    m_stream = stream;
    connect(stream, &SseStream::closed, this, &ChatGeneration::onClientLeft);
    stream->sendEvent(u"message.created",
                      {{u"user_message"_s, toJson(m_exchange.userMessage)},
                       {u"assistant_message_id"_s, formatId(m_exchange.assistant.id)}});
    begin();
}

void ChatGeneration::start(std::shared_ptr<DeferredReply> reply)
{
    m_reply = std::move(reply);
    begin();
}

void ChatGeneration::begin()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_upstream = m_service->provider()->start(m_exchange.request, this);
    connect(m_upstream, &AiStream::delta, this, &ChatGeneration::onDelta);
    connect(m_upstream, &AiStream::finished, this, [this](const Usage &usage, const QString &) { onFinished(usage); });
    connect(m_upstream, &AiStream::failed, this, &ChatGeneration::onFailed);
    m_flush.start();
}

void ChatGeneration::onDelta(const QString &text)
{
    if (m_over || text.isEmpty())
        return;
    if (!m_firstDeltaMs)
        m_firstDeltaMs = int(m_clock.elapsed());
    m_content += text;
    m_dirty = true;
    // Sent at once, one event per upstream delta: no batching.
    if (m_stream && m_stream->isOpen())
        m_stream->sendEvent(u"message.delta", {{u"text"_s, text}});
}

void ChatGeneration::flush()
{
    if (m_over)
        return;
    // Also when nothing changed: the write renews the lease and reads the cancel flag.
    auto flushed = m_service->store().flush(m_exchange.assistant.id, m_content);
    if (!flushed)
        return; // logged; the next tick tries again
    m_dirty = false;
    if (!*flushed || **flushed)
        cancel(); // cancel requested, or the conversation was deleted
}

std::optional<Message> ChatGeneration::store(MessageStatus status, int outputTokens, qint64 exchangeTokens)
{
    m_flush.stop();
    auto stored = m_service->store().finishAnswer(m_exchange.assistant.id, m_content, status, outputTokens,
                                                  exchangeTokens);
    if (!stored)
        return std::nullopt;
    if (*stored)
        return **stored;
    // The conversation was deleted meanwhile: the client still learns how its answer ended.
    Message message = m_exchange.assistant;
    message.content = m_content;
    message.status = status;
    message.tokens = outputTokens;
    return message;
}

void ChatGeneration::record(bool ok, int status, qint64 tokens)
{
    AiRequestRecord entry;
    entry.userId = m_exchange.userId;
    entry.kind = m_exchange.kind;
    entry.startedAt = m_startedAt;
    entry.firstDeltaMs = m_firstDeltaMs;
    entry.totalMs = int(m_clock.elapsed());
    entry.ok = ok;
    entry.status = status;
    entry.tokens = tokens;
    m_service->usage().account(entry);
}

void ChatGeneration::onFinished(const Usage &usage)
{
    if (m_over)
        return;
    m_over = true;
    const int output = usage.outputTokens > 0 ? usage.outputTokens : tokenEstimate(m_content);
    const qint64 exchange = usage.total() > 0 ? usage.total() : qint64(output) + tokenEstimate(m_exchange.userMessage.content);
    const std::optional<Message> message = store(MessageStatus::Complete, output, exchange);
    record(true, 200, exchange);
    if (message)
        deliver(*message);
    else
        deliverError({500, u"about:blank"_s, u"Internal Server Error"_s,
                      u"The answer could not be stored; try again."_s, 0, 0, true});
    if (m_exchange.wantsTitle)
        startTitle();
    else
        deleteLater();
}

void ChatGeneration::onFailed(const ProviderError &error)
{
    if (m_over)
        return;
    m_over = true;
    qCInfo(lcChat) << "generation" << m_exchange.assistant.id << "failed:" << error.status << error.title;
    const int tokens = tokenEstimate(m_content);
    store(MessageStatus::Failed, tokens, tokens);
    record(false, error.status, tokens);
    deliverError(error);
    deleteLater();
}

void ChatGeneration::onClientLeft()
{
    if (m_over)
        return;
    // The reader is gone: stop paying for an answer no one reads, keep what was produced.
    m_over = true;
    if (m_upstream)
        m_upstream->abort();
    const int tokens = tokenEstimate(m_content);
    store(MessageStatus::Cancelled, tokens, tokens + tokenEstimate(m_exchange.userMessage.content));
    record(true, 499, tokens);
    deleteLater();
}

void ChatGeneration::cancel()
{
    if (m_over)
        return;
    m_over = true;
    if (m_upstream)
        m_upstream->abort();
    const int tokens = tokenEstimate(m_content);
    const std::optional<Message> message =
        store(MessageStatus::Cancelled, tokens, tokens + tokenEstimate(m_exchange.userMessage.content));
    record(true, 499, tokens);
    if (message)
        deliver(*message);
    else
        deliverError({500, u"about:blank"_s, u"Internal Server Error"_s,
                      u"The answer could not be stored."_s, 0, 0, true});
    deleteLater();
}

void ChatGeneration::deliver(const Message &message)
{
    if (m_stream && m_stream->isOpen()) {
        m_stream->sendEvent(u"message.done", {{u"message"_s, toJson(message)}});
        m_stream->close();
    }
    if (m_reply && !m_reply->sent()) {
        m_reply->send(jsonResponse(api::toJson(api::ChatExchange{m_exchange.userMessage, message}), 201));
    }
}

void ChatGeneration::deliverError(const ProviderError &error)
{
    if (m_stream && m_stream->isOpen()) {
        m_stream->sendEvent(u"error", errorEventPayload(providerError(error)));
        m_stream->close();
    }
    if (m_reply && !m_reply->sent())
        m_reply->send(problemResponse(providerError(error), m_reply->context()));
}

void ChatGeneration::startTitle()
{
    ChatRequest request;
    request.model = m_exchange.request.model;
    request.systemPrompt = u"You name conversations. Answer with the title only: no quotes, no punctuation at the end."_s;
    request.turns.append({ChatTurn::Role::User,
                          u"Give a title of at most 6 words for a conversation that begins with this message:\n\n"_s +
                              m_exchange.userMessage.content.left(kMaxTitleInputChars)});
    request.maxOutputTokens = 64;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.restart();
    m_firstDeltaMs.reset();
    m_content.clear();
    AiStream *title = m_service->provider()->start(request, this);
    connect(title, &AiStream::delta, this, [this](const QString &text) {
        if (!m_firstDeltaMs)
            m_firstDeltaMs = int(m_clock.elapsed());
        m_content += text;
    });
    connect(title, &AiStream::finished, this, [this](const Usage &usage, const QString &) {
        finishTitle(cleanTitle(m_content), usage.total() > 0 ? usage.total() : tokenEstimate(m_content), true, 200);
    });
    connect(title, &AiStream::failed, this,
            [this](const ProviderError &error) { finishTitle({}, 0, false, error.status); });
}

void ChatGeneration::finishTitle(const QString &title, qint64 tokens, bool ok, int status)
{
    const QString chosen = title.isEmpty() ? fallbackTitle(m_exchange.userMessage.content) : title;
    if (!m_service->store().setTitleIfUnset(m_exchange.conversation.id, chosen, tokens)) {
        // Retried off this object (deleted below): the service outlives it.
        ChatService *service = m_service.get();
        const QUuid conversation = m_exchange.conversation.id;
        service->usage().retries().retryLater(u"A conversation title"_s, [service, conversation, chosen, tokens] {
            return bool(service->store().setTitleIfUnset(conversation, chosen, tokens));
        });
    }
    m_exchange.kind = u"title"_s;
    AiRequestRecord entry;
    entry.userId = m_exchange.userId;
    entry.kind = u"title"_s;
    entry.startedAt = m_startedAt;
    entry.firstDeltaMs = m_firstDeltaMs;
    entry.totalMs = int(m_clock.elapsed());
    entry.ok = ok;
    entry.status = status;
    entry.tokens = tokens;
    entry.countsAsRequest = false;
    m_service->usage().account(entry);
    deleteLater();
}

} // namespace inkwell::server::ai
