#pragma once

#include "ai/provider.h"
#include "ai/upstreamstream.h"

namespace inkwell::server::ai {

/**
 * @brief An OpenAI-compatible chat-completions server (OpenAI, Ollama, llama.cpp):
 * `POST {base}/v1/chat/completions` with `stream: true` and `stream_options.include_usage`, and
 * `Authorization: Bearer <key>` when a key is configured (Ollama needs none).
 *
 * The stream is SSE with LF line ends; `data: [DONE]` ends it and is not JSON. The usage chunk has
 * `choices: []`; without one (older Ollama) usage is estimated. A `data: {"error": ...}` event fails
 * with 502, `finish_reason: "content_filter"` with 422 `/problems/ai-blocked`, and a stream that
 * ends without a `finish_reason` with 502.
 */
class OpenAiProvider : public Provider {
public:
    explicit OpenAiProvider(ProviderSettings settings);

    QString name() const override;
    QString model() const override;
    AiStream *start(const ChatRequest &request, QObject *parent) const override;
    void probe(QObject *context, std::function<void(bool ok, const QString &detail)> done) const override;

    /// @brief The JSON body of a chat-completions call (public for tests and logs).
    static QJsonObject requestBody(const ChatRequest &request, const QString &model);

private:
    ProviderSettings m_settings;
};

} // namespace inkwell::server::ai
