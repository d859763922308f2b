#pragma once

#include "ai/provider.h"
#include "ai/upstreamstream.h"

namespace inkwell::server::ai {

/**
 * @brief Google Gemini (Generative Language API): `POST {base}/v1beta/models/{model}:streamGenerateContent?alt=sse`
 * with the key in the `x-goog-api-key` header (never in the URL, where it would end up in logs).
 *
 * The stream is SSE with CRLF line ends and no `[DONE]`: the event that carries
 * `candidates[0].finishReason` ends the answer. `usageMetadata` holds running totals (the last one
 * counts; output tokens include thinking tokens, which are billed as output). Thought parts are
 * left out of the answer. A prompt blocked with `promptFeedback.blockReason` (HTTP 200) and a
 * candidate stopped for SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT or SPII fail with 422
 * `/problems/ai-blocked`; an `{"error": ...}` object, bare or as `data:`, fails with 502.
 */
class GeminiProvider : public Provider {
public:
    explicit GeminiProvider(ProviderSettings settings);

    QString name() const override;
    QString model() const override;
    AiStream *start(const ChatRequest &request, QObject *parent) const override;
    void probe(QObject *context, std::function<void(bool ok, const QString &detail)> done) const override;

    /// @brief The JSON body of a streamGenerateContent call (public for tests and logs).
    static QJsonObject requestBody(const ChatRequest &request);

private:
    ProviderSettings m_settings;
};

} // namespace inkwell::server::ai
