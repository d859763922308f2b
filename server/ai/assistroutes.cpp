#include "assistroutes.h"

#include "accounts/authedroutes.h"
#include "ai/aistreams.h"
#include "ai/assistservice.h"
#include "http/answers.h"
#include "http/jsonbody.h"

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

using Method = QHttpServerRequest::Method;
template <typename Request>
using Prepare = Result<AssistJob> (AssistService::*)(const Caller &, const Result<Request> &);

/// Core's reader of each assist's body, chosen by the service call it is for.
auto bodyReader(Prepare<api::GenerateArticleRequest>)
{
    return api::generateArticleRequestFromJson;
}
auto bodyReader(Prepare<api::SummarizeRequest>)
{
    return api::summarizeRequestFromJson;
}
auto bodyReader(Prepare<api::SuggestRequest>)
{
    return api::suggestRequestFromJson;
}

/// One handler shape for the three assists (only generate-article streams): the body is read with core's
/// reader and handed to the service as read, which answers 403 before the body's problems.
template <typename Request>
auto assistHandler(std::shared_ptr<AssistService> service, Router &router, const ServiceContext &context,
                   Prepare<Request> prepare, bool mayStream)
{
    Parsed<Request> (*read)(const QJsonObject &) = bodyReader(prepare);
    return [service = std::move(service), r = &router, ctx = &context, prepare, read,
            mayStream](const Caller &who, const QHttpServerRequest &request, RequestContext &requestContext,
                       const Defer &defer) -> std::optional<QHttpServerResponse> {
        const bool stream = mayStream && wantsEventStream(request);
        if (stream) {
            if (auto refused = refuseWhileDraining(*ctx, requestContext))
                return refused;
        }
        auto job = (service.get()->*prepare)(who, parseBody(request, read));
        if (!job)
            return problemResponse(job.error(), requestContext);
        auto reply = defer();
        auto *call = new AssistCall(service, std::move(*job), r->threadContext());
        if (stream) {
            SseStream *sse = r->openStream(reply);
            if (!sse) {
                call->deleteLater();
                return problemResponse(Problem::internal(), requestContext);
            }
            call->start(sse, u"article.done"_s);
        } else {
            call->start(reply);
        }
        return std::nullopt;
    };
}

} // namespace

RouteRegistrar assistRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        const ServiceContext &context = resources.service;
        auto service = std::make_shared<AssistService>(context, resources.db);
        AuthedRoutes authed(router, std::make_shared<AccountService>(context, resources.db));
        const auto handler = [service, &router, &context](auto prepare, bool mayStream) {
            return assistHandler(service, router, context, prepare, mayStream);
        };

        // Read by the desktop to show what is left before an assist is refused with 429.
        authed.route(Method::Get, u"/api/v1/ai/quota"_s,
                     [service](const Caller &who, const QHttpServerRequest &, RequestContext &requestContext) {
                         return answer(service->quota(who), requestContext,
                                       [](const api::AiQuota &quota) { return jsonResponse(api::toJson(quota)); });
                     },
                     {u"Your AI quota today: {tokens_per_day (0 = unlimited), tokens_used_today, tokens_remaining "
                      u"(null when unlimited), requests_per_minute, resets_at (the next UTC midnight)}"_s,
                      {},
                      {200, 401},
                      true,
                      u"ai"_s,
                      {},
                      {ResponseContent::json(200, u"AiQuota"_s)}});

        authed.routeDeferred(Method::Post, u"/api/v1/ai/generate-article"_s,
                             handler(&AssistService::generateArticle, true),
                             {u"Draft an article from a prompt: {prompt, style?} → {title, content, excerpt, tags}; "
                              u"streamed (message.delta..., article.done) with Accept: text/event-stream"_s,
                              {},
                              {200, 400, 401, 403, 415, 422, 429, 502, 503, 504},
                              true,
                              u"ai"_s,
                              u"GenerateArticleInput"_s,
                              {ResponseContent::json(200, u"GeneratedArticle"_s),
                               ResponseContent::eventStream(
                                   u"With Accept: text/event-stream. message.delta {text} for each piece of the "
                                   u"draft as it arrives, then article.done {title, content, excerpt, tags} (a "
                                   u"GeneratedArticle); or error {status, type, title, detail}, after which the "
                                   u"stream ends."_s)}});
        authed.routeDeferred(Method::Post, u"/api/v1/ai/summarize"_s, handler(&AssistService::summarize, false),
                             {u"Summarise a text: {content, max_words?} → {summary, key_points}"_s,
                              {},
                              {200, 400, 401, 403, 415, 422, 429, 502, 503, 504},
                              true,
                              u"ai"_s,
                              u"SummarizeInput"_s,
                              {ResponseContent::json(200, u"Summary"_s)}});
        authed.routeDeferred(Method::Post, u"/api/v1/ai/suggest"_s, handler(&AssistService::suggest, false),
                             {u"Suggest titles, an excerpt and tags: {content} → {titles, excerpt, tags}"_s,
                              {},
                              {200, 400, 401, 403, 415, 422, 429, 502, 503, 504},
                              true,
                              u"ai"_s,
                              u"SuggestInput"_s,
                              {ResponseContent::json(200, u"Suggestions"_s)}});
    };
}

} // namespace inkwell::server::ai
