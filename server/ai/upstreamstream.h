#pragma once

#include "ai/provider.h"
#include "ai/upstreamcall.h"

#include <QPointer>
#include <QUrl>

#include <optional>

namespace inkwell::server::ai {

/// @brief What a provider needs of the configuration.
struct ProviderSettings {
    QString model;
    QString apiKey;
    QUrl baseUrl;     ///< without a trailing slash
    int timeoutS = 60; ///< idle timeout of a call
    int keepAliveS = 0; ///< how long a connection may wait in the UpstreamPool for the next call; 0: never kept
    QList<QSslCertificate> caCertificates; ///< trusted besides the system's CAs (INKWELL_AI_CA_FILE)
};

/// @brief How a provider reads a non-200 answer.
struct ErrorVerdict {
    ProviderError error;
    /// 429/503 that waiting may fix (not a per-day quota, not insufficient_quota).
    bool retryable = false;
    /// The wait the upstream asked for (Retry-After, retry-after-ms, RetryInfo.retryDelay), if it did.
    std::optional<int> waitS;
};

/// @name The errors every provider reports, in the words a client may see (never the key, never
/// the upstream's body).
/// @{
ProviderError keyRejectedError(const QString &provider, int upstreamStatus);
ProviderError unknownModelError(const QString &provider, const QString &model, int upstreamStatus);
ProviderError quotaExhaustedError(const QString &provider, int upstreamStatus);
/// 429 (`/problems/ai-rate-limited`) or 503 (`/problems/ai-unavailable`) that waiting may fix.
ProviderError busyError(const QString &provider, int upstreamStatus);
ProviderError upstreamFailedError(const QString &provider, int upstreamStatus);
ProviderError blockedError(const QString &provider, const QString &reason, bool afterOutput);
ProviderError unusableAnswerError(const QString &provider, bool afterOutput);
ProviderError midStreamError(const QString &provider, bool afterOutput);
ProviderError brokenOffError(const QString &provider, bool afterOutput);
/// @}

/// @brief Seconds to wait from `Retry-After` (seconds or an HTTP date) or `retry-after-ms`, if present.
std::optional<int> retryAfterHeader(const UpstreamCall &call);
/// @brief Seconds of a protobuf Duration string ("21s", "0.5s"), rounded up; nullopt when malformed.
std::optional<int> durationSeconds(const QString &text);
/// @brief About four characters a token, rounded up.
int estimateTokens(qsizetype characters);
/// @brief The estimated prompt size of a request (system prompt and every turn).
qsizetype promptCharacters(const ChatRequest &request);

/**
 * @brief The /health/ai check shared by the providers: one GET, 200 is healthy. `done` is called once,
 * in the calling thread, unless `context` is destroyed first. The detail never carries the upstream's body.
 */
void probeUpstream(const QString &provider, const QString &model, UpstreamCall::Request request, QObject *context,
                   std::function<void(bool ok, const QString &detail)> done);

/**
 * @brief The part of a streamed call every provider shares: the HTTP call, retries of 429/503
 * before any output, error bodies, timeouts, and the rule that exactly one final signal is emitted
 * and nothing after abort().
 *
 * Retries: at most kMaxRetries, only before the first delta, and only while the total wait stays
 * within kMaxTotalWaitS. Without a hint from the upstream the waits are 1 s, then 2 s.
 */
class UpstreamStream : public AiStream {
    Q_OBJECT
public:
    static constexpr int kMaxRetries = 2;
    static constexpr int kMaxTotalWaitS = 10;

    UpstreamStream(QString providerName, UpstreamCall::Request request, QObject *parent);
    ~UpstreamStream() override;

    /// @brief Makes the first attempt (call once, after the signals are connected).
    void begin();
    void abort() override;

protected:
    /// @brief Bytes of a 200 body, as they arrive.
    virtual void consume(const QByteArray &bytes) = 0;
    /// @brief The 200 body ended normally (the provider decides whether the answer was complete).
    virtual void bodyEnded() = 0;
    /// @brief Reads a non-200 answer: status, body and headers are those of `call`.
    virtual ErrorVerdict classify(int status, const QByteArray &body, const UpstreamCall &call) const = 0;

    /// @brief Emits delta() (nothing for empty text) and marks that output has started.
    void emitDelta(const QString &text);
    /// @brief Emits finished() once, then closes the connection.
    void succeed(const Usage &usage, const QString &finishReason);
    /// @brief Emits failed() once, then closes the connection.
    void failWith(ProviderError error);
    bool outputStarted() const { return m_outputStarted; }
    /// @brief Whether finished() or failed() was emitted, or abort() called: stop parsing.
    bool over() const { return m_over; }
    const QString &providerName() const { return m_provider; }

private:
    void attempt();
    void onResponseStarted(int status);
    void onBodyData(const QByteArray &bytes);
    void onFinished();
    void onFailed(UpstreamCall::Failure failure, const QString &detail);
    void handleErrorAnswer();
    void dropCall();

    QString m_provider;
    UpstreamCall::Request m_request;
    QPointer<UpstreamCall> m_call;
    int m_status = 0;
    QByteArray m_errorBody;
    int m_retries = 0;
    int m_waitedS = 0;
    bool m_outputStarted = false;
    bool m_over = false;
};

} // namespace inkwell::server::ai
