#include "ai/openaiprovider.h"

#include "sse/ssereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

const QString kProvider = u"openai"_s;

/// `code` is a string on OpenAI and Ollama, an integer on llama.cpp: compare as text.
QString codeText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

class OpenAiStream : public UpstreamStream {
public:
    OpenAiStream(UpstreamCall::Request request, QString model, qsizetype promptCharacters, QObject *parent)
        : UpstreamStream(kProvider, std::move(request), parent)
        , m_model(std::move(model))
        , m_promptCharacters(promptCharacters)
    {
    }

protected:
    void consume(const QByteArray &bytes) override
    {
        const QPointer<OpenAiStream> alive(this);
        const QList<sse::Event> events = m_reader.feed(bytes);
        if (m_reader.hasError()) {
            failWith(unusableAnswerError(kProvider, outputStarted()));
            return;
        }
        for (const sse::Event &event : events) {
            handle(event.data);
            if (!alive || over())
                return;
        }
    }

    void bodyEnded() override
    {
        // No [DONE]: complete only if the finish chunk came (its usage chunk may be missing).
        if (m_finishReason.isEmpty())
            failWith(brokenOffError(kProvider, outputStarted()));
        else
            succeed(usage(), m_finishReason);
    }

    ErrorVerdict classify(int status, const QByteArray &body, const UpstreamCall &call) const override
    {
        const QJsonObject error = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject();
        const QString code = codeText(error.value(u"code"_s));
        const QString type = error.value(u"type"_s).toString();

        ErrorVerdict verdict;
        if (status == 401 || status == 403 || code == u"invalid_api_key"_s) {
            verdict.error = keyRejectedError(kProvider, status);
        } else if (status == 404) {
            verdict.error = unknownModelError(kProvider, m_model, status);
        } else if (status == 429 && (code == u"insufficient_quota"_s || type == u"insufficient_quota"_s)) {
            verdict.error = quotaExhaustedError(kProvider, status);
        } else if (status == 429 || status == 503) {
            verdict.error = busyError(kProvider, status);
            verdict.retryable = true;
            verdict.waitS = retryAfterHeader(call);
        } else {
            verdict.error = upstreamFailedError(kProvider, status);
        }
        return verdict;
    }

private:
    Usage usage() const
    {
        if (m_usage)
            return *m_usage;
        Usage estimate;
        estimate.promptTokens = estimateTokens(m_promptCharacters);
        estimate.outputTokens = estimateTokens(m_outputCharacters);
        estimate.estimated = true;
        return estimate;
    }

    void handle(const QString &data)
    {
        if (data == u"[DONE]"_s) {
            // The end marker, not JSON. A stream without a finish_reason is incomplete (older
            // llama.cpp reported errors in a non-standard `error:` field, then [DONE]).
            if (m_finishReason.isEmpty())
                failWith(brokenOffError(kProvider, outputStarted()));
            else
                succeed(usage(), m_finishReason);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            failWith(unusableAnswerError(kProvider, outputStarted()));
            return;
        }
        const QJsonObject chunk = document.object();
        if (chunk.contains(u"error"_s)) {
            failWith(midStreamError(kProvider, outputStarted()));
            return;
        }
        // Usage may be on any chunk (null on the others); the usage chunk has `choices: []`.
        if (const QJsonValue value = chunk.value(u"usage"_s); value.isObject()) {
            const QJsonObject object = value.toObject();
            Usage reported;
            reported.promptTokens = object.value(u"prompt_tokens"_s).toInt();
            reported.outputTokens = object.value(u"completion_tokens"_s).toInt();
            m_usage = reported;
        }
        const QJsonArray choices = chunk.value(u"choices"_s).toArray();
        if (choices.isEmpty())
            return;
        const QJsonObject choice = choices.at(0).toObject();
        const QString text = choice.value(u"delta"_s).toObject().value(u"content"_s).toString();
        m_outputCharacters += text.size();
        const QPointer<OpenAiStream> alive(this);
        emitDelta(text);
        if (!alive || over())
            return;
        if (const QString reason = choice.value(u"finish_reason"_s).toString(); !reason.isEmpty()) {
            if (reason == u"content_filter"_s) {
                failWith(blockedError(kProvider, reason, outputStarted()));
                return;
            }
            m_finishReason = reason.toLower();
        }
    }

    sse::Reader m_reader;
    QString m_model;
    qsizetype m_promptCharacters = 0;
    qsizetype m_outputCharacters = 0;
    std::optional<Usage> m_usage;
    QString m_finishReason;
};

} // namespace

OpenAiProvider::OpenAiProvider(ProviderSettings settings)
    : m_settings(std::move(settings))
{
    if (m_settings.baseUrl.isEmpty())
        m_settings.baseUrl = QUrl(u"https://api.openai.com"_s);
}

QString OpenAiProvider::name() const
{
    return kProvider;
}

QString OpenAiProvider::model() const
{
    return m_settings.model;
}

QJsonObject OpenAiProvider::requestBody(const ChatRequest &request, const QString &model)
{
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, request.systemPrompt}});
    for (const ChatTurn &turn : request.turns) {
        messages.append(QJsonObject{{u"role"_s, turn.role == ChatTurn::Role::User ? u"user"_s : u"assistant"_s},
                                    {u"content"_s, turn.text}});
    }
    QJsonObject body{{u"model"_s, model},
                     {u"messages"_s, messages},
                     {u"stream"_s, true},
                     {u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}}}};
    // max_tokens, not max_completion_tokens: Ollama and llama.cpp read only the former.
    if (request.maxOutputTokens > 0)
        body.insert(u"max_tokens"_s, request.maxOutputTokens);
    if (request.temperature >= 0)
        body.insert(u"temperature"_s, request.temperature);
    if (request.jsonOutput)
        body.insert(u"response_format"_s, QJsonObject{{u"type"_s, u"json_object"_s}});
    return body;
}

AiStream *OpenAiProvider::start(const ChatRequest &request, QObject *parent) const
{
    const QString model = request.model.isEmpty() ? m_settings.model : request.model;
    UpstreamCall::Request call;
    call.method = "POST";
    call.url = m_settings.baseUrl;
    call.url.setPath(m_settings.baseUrl.path() + u"/v1/chat/completions"_s);
    call.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    if (!m_settings.apiKey.isEmpty())
        call.headers.append({"Authorization", "Bearer " + m_settings.apiKey.toUtf8()});
    call.body = QJsonDocument(requestBody(request, model)).toJson(QJsonDocument::Compact);
    call.idleTimeoutMs = m_settings.timeoutS * 1000;
    call.keepAliveMs = m_settings.keepAliveS * 1000;
    call.caCertificates = m_settings.caCertificates;

    auto *stream = new OpenAiStream(std::move(call), model, promptCharacters(request), parent);
    // Started from the event loop, so the caller connects its slots before anything can be emitted.
    QMetaObject::invokeMethod(stream, [stream] { stream->begin(); }, Qt::QueuedConnection);
    return stream;
}

void OpenAiProvider::probe(QObject *context, std::function<void(bool ok, const QString &detail)> done) const
{
    UpstreamCall::Request call;
    call.method = "GET";
    call.url = m_settings.baseUrl;
    call.url.setPath(m_settings.baseUrl.path() + u"/v1/models"_s);
    if (!m_settings.apiKey.isEmpty())
        call.headers.append({"Authorization", "Bearer " + m_settings.apiKey.toUtf8()});
    call.idleTimeoutMs = std::min(m_settings.timeoutS * 1000, 10000);
    call.connectTimeoutMs = call.idleTimeoutMs;
    call.keepAliveMs = m_settings.keepAliveS * 1000;
    call.caCertificates = m_settings.caCertificates;
    probeUpstream(kProvider, m_settings.model, std::move(call), context, std::move(done));
}

} // namespace inkwell::server::ai
