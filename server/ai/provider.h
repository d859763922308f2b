#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace inkwell::server {
struct Config;
}

namespace inkwell::server::ai {

/// @brief One turn of the history sent upstream (the system prompt travels apart, in ChatRequest).
struct ChatTurn {
    enum class Role { User, Assistant };
    Role role = Role::User;
    QString text;
};

/// @brief What a provider is asked: the system prompt, the turns oldest first, and generation knobs.
struct ChatRequest {
    QString systemPrompt;
    QList<ChatTurn> turns;
    /// Empty: the provider's configured model.
    QString model;
    /// 0: the upstream's default.
    int maxOutputTokens = 0;
    /// Negative: the upstream's default.
    double temperature = -1.0;
    /// Ask for a JSON answer where the upstream can be told so (Gemini responseMimeType,
    /// OpenAI response_format); the caller still parses tolerantly.
    bool jsonOutput = false;
};

/// @brief Tokens of one exchange; `estimated` when the upstream did not report them (about 4 characters a token).
struct Usage {
    int promptTokens = 0;
    int outputTokens = 0;
    bool estimated = false;
    int total() const { return promptTokens + outputTokens; }
};

/// @brief Why a call failed, already in the words a client may see: never the key, never the
/// upstream's request echo. `status` is what the client is told (problem status / `error` event):
/// 422 blocked by safety rules (type /problems/ai-blocked), 429 upstream quota that waiting will
/// not fix, 502 unusable upstream answer or error, 503 upstream unavailable, 504 no answer in time.
struct ProviderError {
    int status = 502;
    /// Problem type: "/problems/ai-blocked" (422), "/problems/ai-quota" (429, waiting will not help),
    /// "/problems/ai-rate-limited" (429, retryAfterS set), "/problems/ai-unavailable" (503: overloaded,
    /// retryAfterS set, or not reachable), "/problems/ai-upstream" (502), "/problems/ai-timeout" (504).
    QString type;
    QString title;
    QString detail;
    int upstreamStatus = 0;   ///< the upstream's HTTP status, 0 when none (connect failure, timeout)
    int retryAfterS = 0;      ///< when the upstream said how long to wait (only meaningful for 429/503)
    bool afterOutput = false; ///< whether some delta had already been emitted
};

/// @brief One running upstream call. Lives in the thread that started it (a listener thread) and is
/// driven by that thread's event loop. Emits any number of delta(), then exactly one of finished()
/// or failed(), and nothing after abort(). Retries of 429/503 before the first byte of output happen
/// inside (honouring Retry-After / RetryInfo.retryDelay), never after output has started.
class AiStream : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~AiStream() override = default;

    /// @brief Stops the upstream call at once (closes its connection); no signal follows.
    virtual void abort() = 0;

Q_SIGNALS:
    /// @brief A piece of answer text, as soon as the upstream chunk carrying it is parsed.
    void delta(const QString &text);
    /// @brief The answer is complete. `finishReason` as the upstream says it (normalised to lower case:
    /// "stop", "length", "max_tokens", ...).
    void finished(const inkwell::server::ai::Usage &usage, const QString &finishReason);
    void failed(const inkwell::server::ai::ProviderError &error);
};

/// @brief A configured upstream (Gemini or OpenAI-compatible). Shared by every listener thread:
/// const and thread-safe; start() makes the call in the calling thread.
class Provider {
public:
    virtual ~Provider() = default;
    /// "gemini" or "openai".
    virtual QString name() const = 0;
    /// The configured model (ChatRequest::model overrides it per call).
    virtual QString model() const = 0;
    /// @brief Starts a streamed call; the returned stream is a child of `parent` and lives in the
    /// calling thread.
    virtual AiStream *start(const ChatRequest &request, QObject *parent) const = 0;
    /// @brief A cheap reachability check for /health/ai (lists models or similar); `done(ok, detail)`
    /// is called once in the calling thread, within the connect timeout.
    virtual void probe(QObject *context, std::function<void(bool ok, const QString &detail)> done) const = 0;
};

/// @brief The provider the configuration names (INKWELL_AI_PROVIDER, _MODEL, _API_KEY, _BASE_URL,
/// _TIMEOUT_S), or null for `none`.
std::shared_ptr<const Provider> makeProvider(const Config &config);

} // namespace inkwell::server::ai

namespace inkwell::server {
struct ServiceContext;
}

namespace inkwell::server::ai {

/// @brief The server's one provider, made from its configuration on first use (null for `none`).
std::shared_ptr<const Provider> configuredProvider(const ServiceContext &context);

} // namespace inkwell::server::ai

Q_DECLARE_METATYPE(inkwell::server::ai::Usage)
Q_DECLARE_METATYPE(inkwell::server::ai::ProviderError)
