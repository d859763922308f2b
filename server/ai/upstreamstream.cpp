#include "ai/upstreamstream.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

Q_LOGGING_CATEGORY(lcAi, "inkwell.server.ai")

/// Error bodies are read for their codes only; beyond this they are not kept.
constexpr qsizetype kMaxErrorBody = 64 * 1024;

const QString kTypeUpstream = u"/problems/ai-upstream"_s;

ProviderError make(int status, const QString &type, const QString &title, const QString &detail, int upstreamStatus,
                   bool afterOutput = false)
{
    ProviderError error;
    error.status = status;
    error.type = type;
    error.title = title;
    error.detail = detail;
    error.upstreamStatus = upstreamStatus;
    error.afterOutput = afterOutput;
    return error;
}

} // namespace

ProviderError keyRejectedError(const QString &provider, int upstreamStatus)
{
    return make(502, kTypeUpstream, u"AI provider error"_s,
                u"The AI provider (%1) rejected the configured API key (HTTP %2). Check INKWELL_AI_API_KEY and "
                "that the API is enabled for it."_s.arg(provider)
                    .arg(upstreamStatus),
                upstreamStatus);
}

ProviderError unknownModelError(const QString &provider, const QString &model, int upstreamStatus)
{
    return make(502, kTypeUpstream, u"AI provider error"_s,
                u"The AI provider (%1) does not know the model \"%2\" (HTTP %3). Check INKWELL_AI_MODEL."_s.arg(provider, model)
                    .arg(upstreamStatus),
                upstreamStatus);
}

ProviderError quotaExhaustedError(const QString &provider, int upstreamStatus)
{
    return make(429, u"/problems/ai-quota"_s, u"AI provider quota exhausted"_s,
                u"The upstream quota of the AI provider (%1) is exhausted; retrying soon will not help."_s.arg(provider),
                upstreamStatus);
}

ProviderError busyError(const QString &provider, int upstreamStatus)
{
    if (upstreamStatus == 429)
        return make(429, u"/problems/ai-rate-limited"_s, u"AI provider busy"_s,
                    u"The AI provider (%1) is rate limiting requests; try again later."_s.arg(provider), upstreamStatus);
    return make(503, u"/problems/ai-unavailable"_s, u"AI provider unavailable"_s,
                u"The AI provider (%1) is overloaded or unavailable; try again later."_s.arg(provider), upstreamStatus);
}

ProviderError upstreamFailedError(const QString &provider, int upstreamStatus)
{
    return make(502, kTypeUpstream, u"AI provider error"_s,
                u"The AI provider (%1) answered with an error (HTTP %2)."_s.arg(provider).arg(upstreamStatus),
                upstreamStatus);
}

ProviderError blockedError(const QString &provider, const QString &reason, bool afterOutput)
{
    return make(422, u"/problems/ai-blocked"_s, u"Blocked by the AI provider's safety rules"_s,
                u"The AI provider (%1) blocked this %2 (%3)."_s.arg(provider, afterOutput ? u"answer"_s : u"request"_s, reason),
                200, afterOutput);
}

ProviderError unusableAnswerError(const QString &provider, bool afterOutput)
{
    return make(502, kTypeUpstream, u"AI provider error"_s,
                u"The AI provider (%1) sent an unusable answer."_s.arg(provider), 200, afterOutput);
}

ProviderError midStreamError(const QString &provider, bool afterOutput)
{
    return make(502, kTypeUpstream, u"AI provider error"_s,
                u"The AI provider (%1) reported an error in the middle of its answer."_s.arg(provider), 200, afterOutput);
}

ProviderError brokenOffError(const QString &provider, bool afterOutput)
{
    return make(502, kTypeUpstream, u"AI provider error"_s,
                u"The AI provider's (%1) answer broke off before it was complete."_s.arg(provider), 200, afterOutput);
}

std::optional<int> retryAfterHeader(const UpstreamCall &call)
{
    // openai-python reads retry-after-ms first, then Retry-After as seconds or as an HTTP date.
    bool ok = false;
    if (const QByteArray ms = call.header("retry-after-ms").trimmed(); !ms.isEmpty()) {
        const double value = ms.toDouble(&ok);
        if (ok && value >= 0 && value < 1e9)
            return int(std::ceil(value / 1000.0));
    }
    const QByteArray text = call.header("retry-after").trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(std::min<qint64>(seconds, 86400)));
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().secsTo(when), 0, 86400));
}

std::optional<int> durationSeconds(const QString &text)
{
    if (!text.endsWith(u's'))
        return std::nullopt;
    bool ok = false;
    const double seconds = QStringView(text).chopped(1).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86400)
        return std::nullopt;
    return int(std::ceil(seconds));
}

int estimateTokens(qsizetype characters)
{
    return int((characters + 3) / 4);
}

qsizetype promptCharacters(const ChatRequest &request)
{
    qsizetype characters = request.systemPrompt.size();
    for (const ChatTurn &turn : request.turns)
        characters += turn.text.size();
    return characters;
}

void probeUpstream(const QString &provider, const QString &model, UpstreamCall::Request request, QObject *context,
                   std::function<void(bool ok, const QString &detail)> done)
{
    auto *call = new UpstreamCall(context);
    auto report = std::make_shared<std::function<void(bool, const QString &)>>(std::move(done));
    const auto finish = [call, report](bool ok, const QString &detail) {
        if (*report)
            std::exchange(*report, {})(ok, detail);
        call->deleteLater();
    };
    QObject::connect(call, &UpstreamCall::finished, call, [call, finish, provider, model] {
        const int status = call->status();
        if (status == 200)
            finish(true, {});
        else if (status == 400 || status == 401 || status == 403)
            finish(false, keyRejectedError(provider, status).detail);
        else if (status == 404)
            finish(false, unknownModelError(provider, model, status).detail);
        else
            finish(false, upstreamFailedError(provider, status).detail);
    });
    QObject::connect(call, &UpstreamCall::failed, call, [finish, provider](UpstreamCall::Failure failure, const QString &) {
        finish(false, failure == UpstreamCall::Failure::Timeout
                          ? u"The AI provider (%1) did not answer in time."_s.arg(provider)
                          : u"The AI provider (%1) cannot be reached."_s.arg(provider));
    });
    call->start(request);
}

UpstreamStream::UpstreamStream(QString providerName, UpstreamCall::Request request, QObject *parent)
    : AiStream(parent)
    , m_provider(std::move(providerName))
    , m_request(std::move(request))
{
}

UpstreamStream::~UpstreamStream() = default;

void UpstreamStream::begin()
{
    attempt();
}

void UpstreamStream::abort()
{
    m_over = true;
    dropCall();
}

void UpstreamStream::dropCall()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->abort();
        m_call->deleteLater();
        m_call = nullptr;
    }
}

void UpstreamStream::attempt()
{
    if (m_over)
        return;
    m_status = 0;
    m_errorBody.clear();
    auto *call = new UpstreamCall(this);
    m_call = call;
    connect(call, &UpstreamCall::responseStarted, this, &UpstreamStream::onResponseStarted);
    connect(call, &UpstreamCall::bodyData, this, &UpstreamStream::onBodyData);
    connect(call, &UpstreamCall::finished, this, &UpstreamStream::onFinished);
    connect(call, &UpstreamCall::failed, this, &UpstreamStream::onFailed);
    call->start(m_request);
}

void UpstreamStream::onResponseStarted(int status)
{
    m_status = status;
}

void UpstreamStream::onBodyData(const QByteArray &bytes)
{
    if (m_over)
        return;
    if (m_status == 200) {
        consume(bytes);
        return;
    }
    if (m_errorBody.size() < kMaxErrorBody)
        m_errorBody += bytes.first(std::min(bytes.size(), kMaxErrorBody - m_errorBody.size()));
}

void UpstreamStream::onFinished()
{
    if (m_over)
        return;
    if (m_status == 200)
        bodyEnded();
    else
        handleErrorAnswer();
}

void UpstreamStream::onFailed(UpstreamCall::Failure failure, const QString &detail)
{
    if (m_over)
        return;
    qCInfo(lcAi).noquote() << m_provider << "upstream call failed:" << detail;
    switch (failure) {
    case UpstreamCall::Failure::Timeout: {
        ProviderError error;
        error.status = 504;
        error.type = u"/problems/ai-timeout"_s;
        error.title = u"AI provider timeout"_s;
        error.detail = u"The AI provider (%1) did not answer within %2 seconds."_s.arg(m_provider).arg(
            std::max(1, m_request.idleTimeoutMs / 1000));
        error.upstreamStatus = m_status;
        error.afterOutput = m_outputStarted;
        failWith(error);
        return;
    }
    case UpstreamCall::Failure::Connect: {
        ProviderError error;
        error.status = 503;
        error.type = u"/problems/ai-unavailable"_s;
        error.title = u"AI provider unavailable"_s;
        error.detail = u"The AI provider (%1) cannot be reached."_s.arg(m_provider);
        failWith(error);
        return;
    }
    case UpstreamCall::Failure::Truncated:
        if (m_status != 0 && m_status != 200) {
            handleErrorAnswer(); // an error status is enough, even with its body cut short
            return;
        }
        failWith(brokenOffError(m_provider, m_outputStarted));
        return;
    case UpstreamCall::Failure::Protocol:
        failWith(unusableAnswerError(m_provider, m_outputStarted));
        return;
    }
}

void UpstreamStream::handleErrorAnswer()
{
    ErrorVerdict verdict = classify(m_status, m_errorBody, *m_call);
    verdict.error.afterOutput = m_outputStarted;
    qCInfo(lcAi).noquote() << m_provider << "upstream answered HTTP" << m_status << "->" << verdict.error.status;
    if (verdict.retryable && !m_outputStarted) {
        const int wait = verdict.waitS.value_or(1 << m_retries);
        if (m_retries < kMaxRetries && m_waitedS + wait <= kMaxTotalWaitS) {
            ++m_retries;
            m_waitedS += wait;
            dropCall();
            QTimer::singleShot(wait * 1000, this, &UpstreamStream::attempt);
            return;
        }
        verdict.error.retryAfterS = std::max(wait, 1);
    }
    failWith(verdict.error);
}

void UpstreamStream::emitDelta(const QString &text)
{
    if (m_over || text.isEmpty())
        return;
    m_outputStarted = true;
    Q_EMIT delta(text);
}

void UpstreamStream::succeed(const Usage &usage, const QString &finishReason)
{
    if (m_over)
        return;
    m_over = true;
    // The answer is complete; the HTTP response may still have its last bytes coming (the chunked
    // terminator): read them so that the connection can be kept for the next call.
    if (m_call) {
        m_call->disconnect(this);
        std::exchange(m_call, nullptr)->finishInBackground();
    }
    Q_EMIT finished(usage, finishReason);
}

void UpstreamStream::failWith(ProviderError error)
{
    if (m_over)
        return;
    m_over = true;
    error.afterOutput = error.afterOutput || m_outputStarted;
    dropCall();
    Q_EMIT failed(error);
}

} // namespace inkwell::server::ai
