#include "assistservice.h"

#include "ai/aistreams.h"
#include "ai/jsonextract.h"
#include "http/answers.h"
#include "http/jsonbody.h"
#include "http/listener.h"
#include "http/ssestream.h"
#include "model/article.h"

#include "json/jsonreader.h"
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

constexpr int kMaxTags = 5;
constexpr int kMaxTagLength = 50;

/// A member that must be a non-empty string (trimmed).
std::optional<QString> text(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    const QString trimmed = value.toString().trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    return trimmed;
}

/// A member that must be an array of strings (empty items dropped, at most `maxItems`, each cut to
/// `maxLength`); an absent member is an empty list when `optional`.
std::optional<QStringList> strings(const QJsonObject &object, const QString &key, int maxItems, int maxLength,
                                   bool optional)
{
    if (!object.contains(key))
        return optional ? std::optional<QStringList>(QStringList()) : std::nullopt;
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return std::nullopt;
        QString s = item.toString().simplified();
        if (s.isEmpty())
            continue;
        if (s.size() > maxLength)
            s = s.left(maxLength).trimmed();
        if (out.size() < maxItems && !out.contains(s, Qt::CaseInsensitive))
            out.append(s);
    }
    return out;
}

QString excerptOf(const QString &content)
{
    QString plain = content.simplified();
    if (plain.size() > 200)
        plain = plain.left(197).trimmed() + u"..."_s;
    return plain;
}

std::optional<api::GeneratedArticle> parseArticle(const QString &answer)
{
    const auto json = extractJsonObject(answer);
    if (!json)
        return std::nullopt;
    const auto title = text(*json, u"title"_s);
    const auto content = text(*json, u"content"_s);
    const auto tags = strings(*json, u"tags"_s, kMaxTags, kMaxTagLength, true);
    if (!title || !content || !tags)
        return std::nullopt;
    const QJsonValue excerptValue = json->value(u"excerpt"_s);
    if (!excerptValue.isUndefined() && !excerptValue.isNull() && !excerptValue.isString())
        return std::nullopt;
    QString excerpt = excerptValue.toString().trimmed();
    if (excerpt.isEmpty())
        excerpt = excerptOf(*content);
    return api::GeneratedArticle{title->left(kMaxTitleLength), *content, excerpt, *tags};
}

std::optional<api::Summary> parseSummary(const QString &answer)
{
    const auto json = extractJsonObject(answer);
    if (!json)
        return std::nullopt;
    const auto summary = text(*json, u"summary"_s);
    const auto points = strings(*json, u"key_points"_s, 20, 1000, true);
    if (!summary || !points)
        return std::nullopt;
    return api::Summary{*summary, *points};
}

std::optional<api::Suggestions> parseSuggestions(const QString &answer)
{
    const auto json = extractJsonObject(answer);
    if (!json)
        return std::nullopt;
    const auto titles = strings(*json, u"titles"_s, 5, kMaxTitleLength, false);
    const auto excerpt = text(*json, u"excerpt"_s);
    const auto tags = strings(*json, u"tags"_s, kMaxTags, kMaxTagLength, true);
    if (!titles || titles->isEmpty() || !excerpt || !tags)
        return std::nullopt;
    return api::Suggestions{*titles, *excerpt, *tags};
}

/// An assist's parser whose result is written with core's writer (the document the response carries).
template <typename T>
std::function<std::optional<QJsonObject>(const QString &)> written(std::optional<T> (*parse)(const QString &))
{
    return [parse](const QString &answer) -> std::optional<QJsonObject> {
        const std::optional<T> result = parse(answer);
        if (!result)
            return std::nullopt;
        return api::toJson(*result);
    };
}

ChatRequest jsonRequest(const QString &system, const QString &user)
{
    ChatRequest request;
    request.systemPrompt = system;
    request.turns.append({ChatTurn::Role::User, user});
    request.jsonOutput = true;
    return request;
}

} // namespace

ProviderError badAnswerError()
{
    return {502,
            u"/problems/ai-bad-answer"_s,
            u"Unusable AI answer"_s,
            u"The AI provider's answer was not in the form asked for; try again."_s,
            0,
            0,
            true};
}

AssistService::AssistService(const ServiceContext &context, ThreadDatabase &db)
    : m_usage(db)
    , m_quota(context.config, m_usage)
    , m_provider(configuredProvider(context))
{
}

Result<void> AssistService::admit(const Caller &caller, const Error *bodyError)
{
    if (!hasPermission(caller.user().role, Permission::UseAiAssists))
        return std::unexpected(Error::forbidden(u"AI assists are for creators and administrators."_s));
    if (bodyError)
        return std::unexpected(*bodyError);
    return {};
}

Result<void> AssistService::admitCall(const Caller &caller)
{
    if (!m_provider)
        return std::unexpected(noProviderError());
    return m_quota.admit(caller.user());
}

Result<api::AiQuota> AssistService::quota(const Caller &caller)
{
    return m_quota.status(caller.user());
}

Result<AssistJob> AssistService::generateArticle(const Caller &caller,
                                                 const Result<api::GenerateArticleRequest> &request)
{
    if (auto admitted = admit(caller, request ? nullptr : &request.error()); !admitted)
        return std::unexpected(admitted.error());
    if (auto admitted = admitCall(caller); !admitted)
        return std::unexpected(admitted.error());
    QString user = u"Write a blog article about: "_s + request->prompt;
    if (request->style && !request->style->isEmpty())
        user += u"\nStyle: "_s + *request->style;
    AssistJob job;
    job.userId = caller.user().id;
    job.kind = u"generate-article"_s;
    job.request = jsonRequest(
        u"You are a writing assistant of a blogging platform. Answer with one JSON object and nothing else: "
        u"{\"title\": string (at most 12 words), \"content\": string (the article in CommonMark Markdown), "
        u"\"excerpt\": string (one or two sentences), \"tags\": array of at most 5 short lowercase strings}."_s,
        user);
    job.parse = written(parseArticle);
    return job;
}

Result<AssistJob> AssistService::summarize(const Caller &caller, const Result<api::SummarizeRequest> &request)
{
    if (auto admitted = admit(caller, request ? nullptr : &request.error()); !admitted)
        return std::unexpected(admitted.error());
    if (auto admitted = admitCall(caller); !admitted)
        return std::unexpected(admitted.error());
    AssistJob job;
    job.userId = caller.user().id;
    job.kind = u"summarize"_s;
    job.request = jsonRequest(
        u"You summarise texts. Answer with one JSON object and nothing else: {\"summary\": string (at most %1 words), "
        u"\"key_points\": array of short strings}."_s.arg(request->maxWords.value_or(api::kDefaultSummaryWords)),
        u"Summarise this text:\n\n"_s + request->content);
    job.parse = written(parseSummary);
    return job;
}

Result<AssistJob> AssistService::suggest(const Caller &caller, const Result<api::SuggestRequest> &request)
{
    if (auto admitted = admit(caller, request ? nullptr : &request.error()); !admitted)
        return std::unexpected(admitted.error());
    if (auto admitted = admitCall(caller); !admitted)
        return std::unexpected(admitted.error());
    AssistJob job;
    job.userId = caller.user().id;
    job.kind = u"suggest"_s;
    job.request = jsonRequest(
        u"You help authors publish. Answer with one JSON object and nothing else: {\"titles\": array of 3 to 5 "
        u"title ideas, \"excerpt\": string (one or two sentences), \"tags\": array of at most 5 short lowercase "
        u"strings}."_s,
        u"Suggest titles, an excerpt and tags for this article:\n\n"_s + request->content);
    job.parse = written(parseSuggestions);
    return job;
}

AssistCall::AssistCall(std::shared_ptr<AssistService> service, AssistJob job, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_job(std::move(job))
{
}

AssistCall::~AssistCall()
{
    if (!m_over && m_upstream)
        m_upstream->abort();
}

void AssistCall::start(SseStream *stream, const QString &doneEvent)
{
    m_stream = stream;
    m_doneEvent = doneEvent;
    connect(stream, &SseStream::closed, this, [this] {
        if (m_over)
            return;
        // The reader left: stop the upstream call.
        m_over = true;
        if (m_upstream)
            m_upstream->abort();
        record(true, 499, tokenEstimate(m_text));
        deleteLater();
    });
    begin();
}

void AssistCall::start(std::shared_ptr<DeferredReply> reply)
{
    m_reply = std::move(reply);
    begin();
}

void AssistCall::begin()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_upstream = m_service->provider()->start(m_job.request, this);
    connect(m_upstream, &AiStream::delta, this, [this](const QString &piece) {
        if (m_over || piece.isEmpty())
            return;
        if (!m_firstDeltaMs)
            m_firstDeltaMs = int(m_clock.elapsed());
        m_text += piece;
        if (m_stream && m_stream->isOpen())
            m_stream->sendEvent(u"message.delta", {{u"text"_s, piece}});
    });
    connect(m_upstream, &AiStream::finished, this, [this](const Usage &usage, const QString &) { finish(usage); });
    connect(m_upstream, &AiStream::failed, this, &AssistCall::fail);
}

void AssistCall::finish(const Usage &usage)
{
    if (m_over)
        return;
    const qint64 tokens = usage.total() > 0 ? usage.total() : tokenEstimate(m_text);
    const std::optional<QJsonObject> document = m_job.parse(m_text);
    if (!document) {
        m_over = true;
        record(false, 502, tokens);
        const ProviderError error = badAnswerError();
        if (m_stream && m_stream->isOpen()) {
            m_stream->sendEvent(u"error", errorEventPayload(providerError(error)));
            m_stream->close();
        }
        if (m_reply && !m_reply->sent())
            m_reply->send(problemResponse(providerError(error), m_reply->context()));
        deleteLater();
        return;
    }
    m_over = true;
    record(true, 200, tokens);
    if (m_stream && m_stream->isOpen()) {
        m_stream->sendEvent(m_doneEvent, *document);
        m_stream->close();
    }
    if (m_reply && !m_reply->sent())
        m_reply->send(jsonResponse(*document));
    deleteLater();
}

void AssistCall::fail(const ProviderError &error)
{
    if (m_over)
        return;
    m_over = true;
    record(false, error.status, tokenEstimate(m_text));
    if (m_stream && m_stream->isOpen()) {
        m_stream->sendEvent(u"error", errorEventPayload(providerError(error)));
        m_stream->close();
    }
    if (m_reply && !m_reply->sent())
        m_reply->send(problemResponse(providerError(error), m_reply->context()));
    deleteLater();
}

void AssistCall::record(bool ok, int status, qint64 tokens)
{
    AiRequestRecord entry;
    entry.userId = m_job.userId;
    entry.kind = m_job.kind;
    entry.startedAt = m_startedAt;
    entry.firstDeltaMs = m_firstDeltaMs;
    entry.totalMs = int(m_clock.elapsed());
    entry.ok = ok;
    entry.status = status;
    entry.tokens = tokens;
    m_service->usage().account(entry);
}

} // namespace inkwell::server::ai
