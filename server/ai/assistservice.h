#pragma once

#include "accounts/accountservice.h"
#include "ai/aiquota.h"
#include "ai/aiusagestore.h"
#include "ai/provider.h"
#include "api/apitypes.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace inkwell::server {
struct ServiceContext;
class DeferredReply;
class SseStream;
} // namespace inkwell::server

namespace inkwell::server::ai {

/// @brief One assist to run: the upstream request and how its answer becomes the response.
struct AssistJob {
    QUuid userId;
    QString kind; ///< "generate-article", "summarize", "suggest"
    ChatRequest request;
    /// The answer's text → the response document (core's writer of the assist's result: api::GeneratedArticle,
    /// api::Summary, api::Suggestions), or std::nullopt when it cannot be used (502).
    std::function<std::optional<QJsonObject>(const QString &answer)> parse;
};

/// @brief The rules of api.md's AI assists (creator and admin): validation, permission, provider, quotas,
/// and prompts that ask for JSON, read tolerantly (jsonextract.h) and checked field by field.
class AssistService {
public:
    AssistService(const ServiceContext &context, ThreadDatabase &db);

    // Each takes the body as the route read it: 403 (not a creator or admin) comes before the body's
    // 400/415/422, then 503 (no provider) and 429 (quota).

    /// @brief `{prompt, style?}` → api::GeneratedArticle `{title, content, excerpt, tags}`.
    Result<AssistJob> generateArticle(const Caller &caller, const Result<api::GenerateArticleRequest> &request);
    /// @brief `{content, max_words?}` → api::Summary `{summary, key_points}`.
    Result<AssistJob> summarize(const Caller &caller, const Result<api::SummarizeRequest> &request);
    /// @brief `{content}` → api::Suggestions `{titles, excerpt, tags}`.
    Result<AssistJob> suggest(const Caller &caller, const Result<api::SuggestRequest> &request);

    /// @brief The caller's AI quota today (any role; also without a provider: the quota is still there).
    Result<api::AiQuota> quota(const Caller &caller);

    AiUsageStore &usage() { return m_usage; }
    const std::shared_ptr<const Provider> &provider() const { return m_provider; }

private:
    /// 403, then the body's problem (`bodyError`, when there is one).
    Result<void> admit(const Caller &caller, const Error *bodyError);
    /// 503 / 429, in this order.
    Result<void> admitCall(const Caller &caller);

    AiUsageStore m_usage;
    AiQuota m_quota;
    std::shared_ptr<const Provider> m_provider;
};

/**
 * @brief One assist call on the listener thread: streams `message.delta` events and then `article.done`
 * (SSE), or answers the JSON document once (deferred reply). An answer that cannot be used is 502
 * `/problems/ai-bad-answer`. Tied to the stream through a QPointer and to this object's life: a client
 * that leaves aborts the upstream. Deletes itself at the end.
 */
class AssistCall : public QObject {
    Q_OBJECT
public:
    AssistCall(std::shared_ptr<AssistService> service, AssistJob job, QObject *parent);
    ~AssistCall() override;

    /// @brief Streams the answer; the last event is `doneEvent` with the parsed document, or `error`.
    void start(SseStream *stream, const QString &doneEvent);
    void start(std::shared_ptr<DeferredReply> reply);

private:
    void begin();
    void finish(const Usage &usage);
    void fail(const ProviderError &error);
    void record(bool ok, int status, qint64 tokens);

    std::shared_ptr<AssistService> m_service;
    AssistJob m_job;
    QPointer<SseStream> m_stream;
    QString m_doneEvent;
    std::shared_ptr<DeferredReply> m_reply;
    QPointer<AiStream> m_upstream;
    QElapsedTimer m_clock;
    QDateTime m_startedAt;
    std::optional<int> m_firstDeltaMs;
    QString m_text;
    bool m_over = false;
};

/// @brief The 502 of an answer that is not the JSON asked for.
ProviderError badAnswerError();

} // namespace inkwell::server::ai
