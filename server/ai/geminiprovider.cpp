#include "ai/geminiprovider.h"

#include "sse/ssereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

const QString kProvider = u"gemini"_s;

/// Largest bare JSON error kept (Gemini ends a failing stream with a pretty-printed error object).
constexpr qsizetype kMaxBareJson = 64 * 1024;

bool isBlockingFinish(const QString &reason)
{
    static const QStringList blocking{u"SAFETY"_s, u"RECITATION"_s, u"BLOCKLIST"_s, u"PROHIBITED_CONTENT"_s,
                                      u"SPII"_s, u"IMAGE_SAFETY"_s, u"IMAGE_PROHIBITED_CONTENT"_s, u"IMAGE_RECITATION"_s};
    return blocking.contains(reason);
}

/// The google.rpc.Status of an error body (a one-element array is unwrapped, as python-genai does).
QJsonObject errorObject(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QJsonObject object = document.isArray() ? document.array().at(0).toObject() : document.object();
    return object.value(u"error"_s).toObject();
}

class GeminiStream : public UpstreamStream {
public:
    GeminiStream(UpstreamCall::Request request, QString model, qsizetype promptCharacters, QObject *parent)
        : UpstreamStream(kProvider, std::move(request), parent)
        , m_model(std::move(model))
        , m_promptCharacters(promptCharacters)
    {
    }

protected:
    void consume(const QByteArray &bytes) override
    {
        const QPointer<GeminiStream> alive(this);
        scanBareJson(bytes);
        if (!alive || over())
            return;
        const QList<sse::Event> events = m_reader.feed(bytes);
        if (m_reader.hasError()) {
            failWith(unusableAnswerError(kProvider, outputStarted()));
            return;
        }
        for (const sse::Event &event : events) {
            handle(event.data.toUtf8());
            if (!alive || over())
                return;
        }
    }

    void bodyEnded() override
    {
        // No event carried a finishReason: the answer is incomplete (README trap 3).
        const QPointer<GeminiStream> alive(this);
        scanBareJson("\n");
        if (!alive || over())
            return;
        failWith(brokenOffError(kProvider, outputStarted()));
    }

    ErrorVerdict classify(int status, const QByteArray &body, const UpstreamCall &call) const override
    {
        const QJsonObject error = errorObject(body);
        bool keyInvalid = false;
        bool perDay = false;
        std::optional<int> retryDelay;
        for (const QJsonValue &value : error.value(u"details"_s).toArray()) {
            const QJsonObject detail = value.toObject();
            const QString type = detail.value(u"@type"_s).toString();
            if (detail.value(u"reason"_s).toString() == u"API_KEY_INVALID"_s)
                keyInvalid = true;
            if (type.endsWith(u"google.rpc.QuotaFailure"_s)) {
                for (const QJsonValue &violation : detail.value(u"violations"_s).toArray()) {
                    if (violation.toObject().value(u"quotaId"_s).toString().contains(u"PerDay"_s))
                        perDay = true;
                }
            }
            if (type.endsWith(u"google.rpc.RetryInfo"_s))
                retryDelay = durationSeconds(detail.value(u"retryDelay"_s).toString());
        }

        ErrorVerdict verdict;
        if (status == 401 || status == 403 || (status == 400 && keyInvalid)) {
            verdict.error = keyRejectedError(kProvider, status);
        } else if (status == 404) {
            verdict.error = unknownModelError(kProvider, m_model, status);
        } else if (status == 429 && perDay) {
            verdict.error = quotaExhaustedError(kProvider, status);
        } else if (status == 429 || status == 503) {
            verdict.error = busyError(kProvider, status);
            verdict.retryable = true;
            verdict.waitS = retryAfterHeader(call);
            if (!verdict.waitS)
                verdict.waitS = retryDelay;
        } else {
            verdict.error = upstreamFailedError(kProvider, status);
        }
        return verdict;
    }

private:
    /// Gemini ends a failing stream with a bare, pretty-printed JSON error object without `data:`
    /// (README "Errors mid-stream"); an SSE parser drops those lines silently, so they are watched here.
    void scanBareJson(QByteArrayView bytes)
    {
        for (const char c : bytes) {
            if (c != '\n') {
                if (m_line.size() < kMaxBareJson)
                    m_line.append(c);
                continue;
            }
            const QByteArray line = std::exchange(m_line, {});
            if (!m_inBareJson && !line.trimmed().startsWith('{'))
                continue;
            m_inBareJson = true;
            m_bareJson += line + '\n';
            const QJsonDocument document = QJsonDocument::fromJson(m_bareJson);
            if (document.isObject()) {
                failWith(document.object().contains(u"error"_s) ? midStreamError(kProvider, outputStarted())
                                                                 : unusableAnswerError(kProvider, outputStarted()));
                return;
            }
            if (m_bareJson.size() > kMaxBareJson) {
                failWith(unusableAnswerError(kProvider, outputStarted()));
                return;
            }
        }
    }

    void handle(const QByteArray &data)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            failWith(unusableAnswerError(kProvider, outputStarted()));
            return;
        }
        const QJsonObject chunk = document.object();
        if (chunk.contains(u"error"_s)) {
            failWith(midStreamError(kProvider, outputStarted()));
            return;
        }
        if (const QJsonValue usage = chunk.value(u"usageMetadata"_s); usage.isObject()) {
            // Running totals: the last chunk's numbers count, never a sum.
            const QJsonObject totals = usage.toObject();
            m_usage.promptTokens = totals.value(u"promptTokenCount"_s).toInt();
            m_usage.outputTokens =
                totals.value(u"candidatesTokenCount"_s).toInt() + totals.value(u"thoughtsTokenCount"_s).toInt();
            m_haveUsage = true;
        }
        const QString blockReason = chunk.value(u"promptFeedback"_s).toObject().value(u"blockReason"_s).toString();
        if (!blockReason.isEmpty()) {
            failWith(blockedError(kProvider, blockReason, outputStarted()));
            return;
        }
        const QJsonObject candidate = chunk.value(u"candidates"_s).toArray().at(0).toObject();
        QString text;
        for (const QJsonValue &part : candidate.value(u"content"_s).toObject().value(u"parts"_s).toArray()) {
            const QJsonObject object = part.toObject();
            if (!object.value(u"thought"_s).toBool())
                text += object.value(u"text"_s).toString();
        }
        const QPointer<GeminiStream> alive(this);
        m_outputCharacters += text.size();
        emitDelta(text);
        if (!alive || over())
            return;
        const QString finishReason = candidate.value(u"finishReason"_s).toString();
        if (finishReason.isEmpty())
            return;
        if (isBlockingFinish(finishReason)) {
            failWith(blockedError(kProvider, finishReason, outputStarted()));
            return;
        }
        Usage usage = m_usage;
        if (!m_haveUsage) {
            usage.promptTokens = estimateTokens(m_promptCharacters);
            usage.outputTokens = estimateTokens(m_outputCharacters);
            usage.estimated = true;
        }
        succeed(usage, finishReason.toLower());
    }

    sse::Reader m_reader;
    QString m_model;
    qsizetype m_promptCharacters = 0;
    qsizetype m_outputCharacters = 0;
    Usage m_usage;
    bool m_haveUsage = false;
    QByteArray m_line;
    QByteArray m_bareJson;
    bool m_inBareJson = false;
};

} // namespace

GeminiProvider::GeminiProvider(ProviderSettings settings)
    : m_settings(std::move(settings))
{
    if (m_settings.model.isEmpty())
        m_settings.model = u"gemini-2.5-flash"_s;
    if (m_settings.baseUrl.isEmpty())
        m_settings.baseUrl = QUrl(u"https://generativelanguage.googleapis.com"_s);
}

QString GeminiProvider::name() const
{
    return kProvider;
}

QString GeminiProvider::model() const
{
    return m_settings.model;
}

QJsonObject GeminiProvider::requestBody(const ChatRequest &request)
{
    QJsonArray contents;
    for (const ChatTurn &turn : request.turns) {
        // Gemini knows only "user" and "model"; the system prompt travels in systemInstruction.
        contents.append(QJsonObject{{u"role"_s, turn.role == ChatTurn::Role::User ? u"user"_s : u"model"_s},
                                    {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, turn.text}}}}});
    }
    QJsonObject body{{u"contents"_s, contents}};
    if (!request.systemPrompt.isEmpty())
        body.insert(u"systemInstruction"_s, QJsonObject{{u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, request.systemPrompt}}}}});
    QJsonObject generation;
    if (request.maxOutputTokens > 0)
        generation.insert(u"maxOutputTokens"_s, request.maxOutputTokens);
    if (request.temperature >= 0)
        generation.insert(u"temperature"_s, request.temperature);
    if (request.jsonOutput)
        generation.insert(u"responseMimeType"_s, u"application/json"_s);
    if (!generation.isEmpty())
        body.insert(u"generationConfig"_s, generation);
    return body;
}

AiStream *GeminiProvider::start(const ChatRequest &request, QObject *parent) const
{
    const QString model = request.model.isEmpty() ? m_settings.model : request.model;
    UpstreamCall::Request call;
    call.method = "POST";
    call.url = m_settings.baseUrl;
    call.url.setPath(m_settings.baseUrl.path() + u"/v1beta/models/%1:streamGenerateContent"_s.arg(model));
    call.url.setQuery(u"alt=sse"_s);
    call.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    if (!m_settings.apiKey.isEmpty())
        call.headers.append({"x-goog-api-key", m_settings.apiKey.toUtf8()});
    call.body = QJsonDocument(requestBody(request)).toJson(QJsonDocument::Compact);
    call.idleTimeoutMs = m_settings.timeoutS * 1000;
    call.keepAliveMs = m_settings.keepAliveS * 1000;
    call.caCertificates = m_settings.caCertificates;

    auto *stream = new GeminiStream(std::move(call), model, promptCharacters(request), parent);
    // Started from the event loop, so the caller connects its slots before anything can be emitted.
    QMetaObject::invokeMethod(stream, [stream] { stream->begin(); }, Qt::QueuedConnection);
    return stream;
}

void GeminiProvider::probe(QObject *context, std::function<void(bool ok, const QString &detail)> done) const
{
    UpstreamCall::Request call;
    call.method = "GET";
    call.url = m_settings.baseUrl;
    call.url.setPath(m_settings.baseUrl.path() + u"/v1beta/models/%1"_s.arg(m_settings.model));
    if (!m_settings.apiKey.isEmpty())
        call.headers.append({"x-goog-api-key", m_settings.apiKey.toUtf8()});
    call.idleTimeoutMs = std::min(m_settings.timeoutS * 1000, 10000);
    call.connectTimeoutMs = call.idleTimeoutMs;
    call.keepAliveMs = m_settings.keepAliveS * 1000;
    call.caCertificates = m_settings.caCertificates;
    probeUpstream(kProvider, m_settings.model, std::move(call), context, std::move(done));
}

} // namespace inkwell::server::ai
