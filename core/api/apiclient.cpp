#include "api/apiclient.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrentRun>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "inkwell.core.api")

namespace inkwell::api {

namespace {

/// Answers at least this big are parsed on a worker thread.
constexpr qsizetype kParseOffThreadBytes = 256 * 1024;

/// Streams a stream manager takes (below the six connections per host of QNetworkAccessManager, so a reply that
/// has ended but is not deleted yet never makes the next stream wait).
constexpr qsizetype kStreamsPerNetwork = 4;
const QString kStreamNetworkName = QStringLiteral("inkwell-stream-network");

/// A refresh starts this long before the access token would expire, so a call never races the expiry.
constexpr qint64 kRefreshMarginMs = 20'000;

const QByteArray kUserAgent = QByteArrayLiteral("Inkwell-Desktop/" INKWELL_VERSION);

QString trApi(const char *text)
{
    return QCoreApplication::translate("inkwell::api::ApiClient", text);
}

/// application/x-www-form-urlencoded as every reader understands it: '+' and every reserved character
/// percent-encoded (QUrlQuery would leave '+' as is, which a form decoder reads as a space).
QByteArray encodeQuery(const QUrlQuery &query)
{
    QByteArray out;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

/// Adds text the user typed to a query. QUrlQuery::addQueryItem() reads its value as partly encoded, so a typed
/// "%20" or "%2B" would reach the server as a space or a plus sign; percent-encoded first, the text comes out of
/// encodeQuery() exactly as typed.
void addTypedText(QUrlQuery &query, const QString &key, const QString &text)
{
    query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(text)));
}

QString pathId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray ifMatch(int revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

Parsed<QJsonObject> objectOf(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::unexpected(FieldErrors{{QString(), u"is not a JSON object"_s}});
    return document.object();
}

ApiError httpError(const ApiResponse &response)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.status = response.status;
    error.requestId = QString::fromLatin1(response.header("x-request-id"));
    const QByteArray retryAfter = response.header("retry-after").trimmed();
    bool ok = false;
    const int seconds = retryAfter.toInt(&ok);
    if (ok && seconds >= 0)
        error.retryAfterSeconds = seconds;
    const Parsed<QJsonObject> problem = objectOf(response.body);
    if (problem) {
        error.body = *problem;
        error.type = problem->value(u"type").toString();
        error.title = problem->value(u"title").toString();
        error.detail = problem->value(u"detail").toString();
        for (const QJsonValue &item : problem->value(u"errors").toArray()) {
            const QJsonObject fieldError = item.toObject();
            error.fieldErrors.append({fieldError.value(u"field").toString(), fieldError.value(u"message").toString()});
        }
        if (error.requestId.isEmpty())
            error.requestId = problem->value(u"request_id").toString();
    }
    return error;
}

} // namespace

QByteArray ApiResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// ---- ApiCall ----------------------------------------------------------------------------------------------------

ApiCall::ApiCall(ApiClient *client, ApiRequest request, QObject *context,
                 std::function<void(ApiResult<ApiResponse>)> done)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_context(context)
    , m_hasContext(context != nullptr)
    , m_done(std::move(done))
{
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_reply) {
            QNetworkReply *reply = m_reply;
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
        ApiError error;
        error.kind = ApiError::Kind::Timeout;
        complete(std::unexpected(error));
    });
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::abort()
{
    if (m_ended)
        return;
    m_done = nullptr;
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_ended = true;
    m_idleTimer.stop();
    Q_EMIT finished();
    deleteLater();
}

void ApiCall::send()
{
    if (m_ended)
        return;
    if (m_request.authenticated && !m_client->m_refreshToken.isEmpty() &&
        (m_client->m_refreshing || !m_client->accessTokenFresh())) {
        m_client->waitForRefresh(this);
        return;
    }
    m_sentAccessToken = m_client->m_accessToken.toLatin1();
    m_reply = m_client->start(this);
    if (m_request.stream) {
        connect(m_reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
        armIdleTimer();
    }
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
}

void ApiCall::armIdleTimer()
{
    if (m_client->m_streamIdleMs > 0)
        m_idleTimer.start(m_client->m_streamIdleMs);
}

void ApiCall::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status > 299)
        return; // an error answer: read whole when it has finished
    armIdleTimer();
    if (!m_streamOpen) {
        m_streamOpen = true;
        m_client->noteReachable(true);
        Q_EMIT streamOpened();
    }
    const QByteArray bytes = m_reply->readAll();
    const QList<sse::Event> events = m_reader.feed(bytes);
    const QPointer<ApiCall> self(this);
    for (const sse::Event &event : events) {
        Q_EMIT this->event(event);
        if (!self || m_ended)
            return; // a receiver aborted the call
    }
    if (m_reader.hasError()) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        complete(std::unexpected(ApiError::badAnswer(status, m_reader.errorString())));
    }
}

void ApiCall::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    m_idleTimer.stop();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        ApiError error;
        error.kind =
            (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
                ? ApiError::Kind::Timeout
                : ApiError::Kind::Network;
        error.detail = reply->errorString();
        m_client->noteReachable(false);
        complete(std::unexpected(error));
        return;
    }
    m_client->noteReachable(true);

    ApiResponse response;
    response.status = statusAttribute.toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.append({name.toLower(), value});

    if (response.status == 401 && m_request.authenticated && !m_client->m_refreshToken.isEmpty() &&
        !m_retriedAfterRefresh) {
        // The access token was refused (expired early, or the server restarted with a new key): refresh once
        // and send again. A token that changed since this call was sent needs no new refresh.
        m_retriedAfterRefresh = true;
        reply->readAll();
        if (m_client->m_accessToken.toLatin1() != m_sentAccessToken && !m_client->m_refreshing)
            send();
        else {
            m_client->m_accessExpires = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC); // stale: refresh
            m_client->waitForRefresh(this);
        }
        return;
    }

    if (response.status >= 200 && response.status <= 299) {
        if (m_request.stream) {
            const QList<sse::Event> events = m_reader.feed(reply->readAll());
            const QPointer<ApiCall> self(this);
            for (const sse::Event &event : events) {
                Q_EMIT this->event(event);
                if (!self || m_ended)
                    return;
            }
            m_reader.finish();
            if (reply->error() != QNetworkReply::NoError) {
                // The head came, then the connection broke.
                ApiError error = ApiError::network(reply->errorString());
                error.status = response.status;
                complete(std::unexpected(error));
                return;
            }
        } else {
            response.body = reply->readAll();
        }
        complete(response);
        return;
    }
    response.body = reply->readAll();
    complete(std::unexpected(httpError(response)));
}

void ApiCall::complete(ApiResult<ApiResponse> result)
{
    if (m_ended)
        return;
    m_ended = true;
    m_idleTimer.stop();
    if (!result)
        m_error = result.error();
    const QPointer<ApiCall> self(this);
    if (m_done && (!m_hasContext || m_context)) {
        auto done = std::move(m_done);
        done(std::move(result));
    }
    if (!self)
        return;
    Q_EMIT finished();
    deleteLater();
}

// ---- ApiClient --------------------------------------------------------------------------------------------------

ApiClient::ApiClient(QUrl server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
{
    m_network.setAutoDeleteReplies(false);
}

ApiClient::~ApiClient()
{
    // Calls are children: they die with the client, aborting their replies without calling back.
    for (ApiCall *call : findChildren<ApiCall *>(Qt::FindDirectChildrenOnly))
        call->m_done = nullptr;
}

void ApiClient::setServer(const QUrl &server)
{
    if (server == m_server)
        return;
    m_server = server;
    clearSession();
}

void ApiClient::setSession(const QString &accessToken, const QString &refreshToken, int expiresInSeconds)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
    m_accessExpires = expiresInSeconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds) : QDateTime();
    if (accessToken.isEmpty())
        m_accessExpires = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
}

void ApiClient::clearSession()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_accessExpires = QDateTime();
}

bool ApiClient::accessTokenFresh() const
{
    if (m_accessToken.isEmpty())
        return false;
    return !m_accessExpires.isValid() || QDateTime::currentDateTimeUtc().msecsTo(m_accessExpires) > kRefreshMarginMs;
}

QNetworkReply *ApiClient::start(ApiCall *call)
{
    const ApiRequest &request = call->m_request;
    QUrl url = m_server;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + request.path);
    if (!request.query.isEmpty())
        url.setQuery(QString::fromLatin1(encodeQuery(request.query)), QUrl::StrictMode);
    QNetworkRequest networkRequest(url);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, kUserAgent);
    networkRequest.setRawHeader("Accept", request.stream ? "text/event-stream" : "application/json");
    networkRequest.setTransferTimeout(request.stream ? 0 : m_timeoutMs);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (request.authenticated && !m_accessToken.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + m_accessToken.toLatin1());
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    QByteArray body;
    if (request.body) {
        body = QJsonDocument(*request.body).toJson(QJsonDocument::Compact);
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    // Streams do not share the manager of ordinary calls: one QNetworkAccessManager opens at most six connections
    // per host (Qt 6.4 has no setting for it; QHttp1Configuration came in 6.5), so six open streams (chat answers,
    // the notification stream) would hold every later call, and a seventh stream, until one of them ended. They
    // go to stream managers with room (each runs a thread; they are kept, not made per stream, because destroying
    // one waits for its thread).
    QNetworkAccessManager *network = &m_network;
    if (request.stream) {
        network = nullptr;
        const auto managers = findChildren<QNetworkAccessManager *>(kStreamNetworkName, Qt::FindDirectChildrenOnly);
        for (QNetworkAccessManager *candidate : managers) {
            if (candidate->findChildren<QNetworkReply *>(QString(), Qt::FindDirectChildrenOnly).size() <
                kStreamsPerNetwork) {
                network = candidate;
                break;
            }
        }
        if (!network) {
            network = new QNetworkAccessManager(this);
            network->setObjectName(kStreamNetworkName);
            network->setAutoDeleteReplies(false);
        }
    }
    QNetworkReply *reply = network->sendCustomRequest(networkRequest, request.method, body);
    qCDebug(lcApi) << request.method << url.path();
    return reply;
}

void ApiClient::waitForRefresh(ApiCall *call)
{
    m_waiting.append(call);
    if (!m_refreshing)
        refreshNow();
}

void ApiClient::refreshNow()
{
    if (m_refreshing || m_refreshToken.isEmpty())
        return;
    m_refreshing = true;
    ApiRequest request{.method = "POST",
                       .path = u"/api/v1/auth/refresh"_s,
                       .body = QJsonObject{{u"refresh_token"_s, m_refreshToken}},
                       .authenticated = false};
    const QString presented = m_refreshToken;
    auto *call = new ApiCall(this, request, nullptr, [this, presented](ApiResult<ApiResponse> result) {
        if (!result) {
            const ApiError error = result.error();
            if (!error.isUnreachable() && error.status >= 400 && error.status < 500 && error.status != 429 &&
                m_refreshToken == presented) {
                // Refused for good (spent, revoked, expired): the session is over.
                clearSession();
                ApiError ended = error;
                ended.detail = trApi("Your session has ended; please sign in again.");
                finishRefresh(ended);
                Q_EMIT sessionEnded(ended);
                return;
            }
            finishRefresh(error);
            return;
        }
        const Parsed<QJsonObject> object = objectOf(result->body);
        const Parsed<AuthGrant> grant =
            object ? authGrantFromJson(*object) : Parsed<AuthGrant>(std::unexpected(object.error()));
        if (!grant) {
            finishRefresh(ApiError::badAnswer(result->status, u"/auth/refresh"_s, grant.error()));
            return;
        }
        acceptGrant(*grant);
        finishRefresh(std::nullopt);
    });
    call->send();
}

void ApiClient::finishRefresh(const std::optional<ApiError> &error)
{
    m_refreshing = false;
    const QList<QPointer<ApiCall>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<ApiCall> &call : waiting) {
        if (!call || call->m_ended)
            continue;
        if (error)
            call->complete(std::unexpected(*error));
        else
            call->send();
    }
}

void ApiClient::acceptGrant(const AuthGrant &grant)
{
    m_accessToken = grant.accessToken;
    m_refreshToken = grant.refreshToken;
    m_accessExpires = QDateTime::currentDateTimeUtc().addSecs(grant.expiresIn);
    Q_EMIT tokensChanged(m_refreshToken);
    Q_EMIT userChanged(grant.user);
}

void ApiClient::noteReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    Q_EMIT reachabilityChanged(reachable);
}

ApiCall *ApiClient::send(const ApiRequest &request, QObject *context, Callback<ApiResponse> done)
{
    auto *call = new ApiCall(this, request, context, std::move(done));
    call->send();
    return call;
}

template <typename T>
ApiCall *ApiClient::json(const ApiRequest &request, QObject *context, Callback<T> done,
                         std::function<Parsed<T>(const QJsonObject &)> read)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    return send(request, context, [this, guard, hasContext, done = std::move(done), read = std::move(read),
                                   path = request.path](ApiResult<ApiResponse> result) mutable {
        if (!result) {
            done(std::unexpected(result.error()));
            return;
        }
        const int status = result->status;
        auto parse = [read, path, status](const QByteArray &body) -> ApiResult<T> {
            const Parsed<QJsonObject> object = objectOf(body);
            if (!object)
                return std::unexpected(ApiError::badAnswer(status, path, object.error()));
            Parsed<T> value = read(*object);
            if (!value)
                return std::unexpected(ApiError::badAnswer(status, path, value.error()));
            return std::move(*value);
        };
        if (result->body.size() < kParseOffThreadBytes) {
            done(parse(result->body));
            return;
        }
        // A big answer (a page of the change feed is megabytes) is parsed on a worker thread, so the UI keeps
        // painting; the callback still runs here, in the client's thread, and only while its context lives.
        auto *watcher = new QFutureWatcher<ApiResult<T>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this,
                [watcher, guard, hasContext, done = std::move(done)]() mutable {
                    watcher->deleteLater();
                    if (!hasContext || guard)
                        done(watcher->result());
                });
        watcher->setFuture(QtConcurrent::run(std::move(parse), result->body));
    });
}

ApiCall *ApiClient::empty(const ApiRequest &request, QObject *context, Callback<void> done)
{
    return send(request, context, [done = std::move(done)](ApiResult<ApiResponse> result) {
        if (!result)
            done(std::unexpected(result.error()));
        else
            done({});
    });
}

ApiCall *ApiClient::grant(const ApiRequest &request, QObject *context, Callback<AuthGrant> done)
{
    return json<AuthGrant>(
        request, context,
        [this, done = std::move(done)](ApiResult<AuthGrant> result) {
            if (result)
                acceptGrant(*result);
            done(std::move(result));
        },
        authGrantFromJson);
}

// ---- health ----

ApiCall *ApiClient::health(QObject *context, Callback<ServerHealth> done)
{
    return json<ServerHealth>({.path = u"/health"_s, .authenticated = false}, context, std::move(done),
                              serverHealthFromJson);
}

ApiCall *ApiClient::aiHealth(QObject *context, Callback<AiHealth> done)
{
    return json<AiHealth>({.path = u"/health/ai"_s, .authenticated = false}, context, std::move(done),
                          aiHealthFromJson);
}

// ---- auth ----

ApiCall *ApiClient::registerAccount(const RegisterInput &input, QObject *context, Callback<AuthGrant> done)
{
    return grant({.method = "POST", .path = u"/api/v1/auth/register"_s, .body = toJson(input), .authenticated = false},
                 context, std::move(done));
}

ApiCall *ApiClient::login(const LoginInput &input, QObject *context, Callback<AuthGrant> done)
{
    return grant({.method = "POST", .path = u"/api/v1/auth/login"_s, .body = toJson(input), .authenticated = false},
                 context, std::move(done));
}

ApiCall *ApiClient::logout(QObject *context, Callback<void> done)
{
    const QString refresh = m_refreshToken;
    clearSession();
    return empty({.method = "POST",
                  .path = u"/api/v1/auth/logout"_s,
                  .body = QJsonObject{{u"refresh_token"_s, refresh}},
                  .authenticated = false},
                 context, std::move(done));
}

ApiCall *ApiClient::me(QObject *context, Callback<User> done)
{
    return json<User>(
        {.path = u"/api/v1/auth/me"_s}, context,
        [this, done = std::move(done)](ApiResult<User> result) {
            if (result)
                Q_EMIT userChanged(*result);
            done(std::move(result));
        },
        selfUserItem);
}

ApiCall *ApiClient::changePassword(const PasswordChangeInput &input, QObject *context, Callback<void> done)
{
    return empty({.method = "POST", .path = u"/api/v1/auth/password"_s, .body = toJson(input)}, context,
                 std::move(done));
}

// ---- users ----

ApiCall *ApiClient::user(const QUuid &id, QObject *context, Callback<User> done)
{
    return json<User>({.path = u"/api/v1/users/"_s + pathId(id)}, context, std::move(done), publicUserItem);
}

ApiCall *ApiClient::updateProfile(const ProfilePatch &patch, QObject *context, Callback<User> done)
{
    return json<User>({.method = "PATCH", .path = u"/api/v1/users/me"_s, .body = toJson(patch)}, context,
                      std::move(done), selfUserItem);
}

// ---- articles ----

ApiCall *ApiClient::article(const QUuid &id, QObject *context, Callback<Article> done)
{
    return json<Article>({.path = u"/api/v1/articles/"_s + pathId(id)}, context, std::move(done), articleItem);
}

ApiCall *ApiClient::putArticle(const QUuid &id, const ArticleInput &input, std::optional<int> ifMatchRevision,
                               QObject *context, Callback<Article> done)
{
    ApiRequest request{.method = "PUT", .path = u"/api/v1/articles/"_s + pathId(id), .body = toJson(input)};
    if (ifMatchRevision)
        request.headers.append({"If-Match", ifMatch(*ifMatchRevision)});
    return json<Article>(request, context, std::move(done), articleItem);
}

ApiCall *ApiClient::setArticleStatus(const QUuid &id, ArticleStatus status, std::optional<int> ifMatchRevision,
                                     QObject *context, Callback<Article> done)
{
    QString action;
    switch (status) {
    case ArticleStatus::Published:
        action = u"publish"_s;
        break;
    case ArticleStatus::Draft:
        action = u"unpublish"_s;
        break;
    case ArticleStatus::Archived:
        action = u"archive"_s;
        break;
    }
    ApiRequest request{.method = "POST", .path = u"/api/v1/articles/"_s + pathId(id) + u'/' + action};
    if (ifMatchRevision)
        request.headers.append({"If-Match", ifMatch(*ifMatchRevision)});
    return json<Article>(request, context, std::move(done), articleItem);
}

ApiCall *ApiClient::deleteArticle(const QUuid &id, std::optional<int> ifMatchRevision, QObject *context,
                                  Callback<void> done)
{
    ApiRequest request{.method = "DELETE", .path = u"/api/v1/articles/"_s + pathId(id)};
    if (ifMatchRevision)
        request.headers.append({"If-Match", ifMatch(*ifMatchRevision)});
    return empty(request, context, std::move(done));
}

ApiCall *ApiClient::revisions(const QUuid &id, const QString &cursor, QObject *context,
                              Callback<Page<RevisionInfo>> done)
{
    ApiRequest request{.path = u"/api/v1/articles/"_s + pathId(id) + u"/revisions"_s};
    request.query.addQueryItem(u"limit"_s, u"100"_s);
    if (!cursor.isEmpty())
        request.query.addQueryItem(u"cursor"_s, cursor);
    return json<Page<RevisionInfo>>(request, context, std::move(done), [](const QJsonObject &object) {
        return pageFromJson<RevisionInfo>(object, revisionInfoFromJson);
    });
}

ApiCall *ApiClient::revision(const QUuid &id, int revision, QObject *context, Callback<Article> done)
{
    return json<Article>({.path = u"/api/v1/articles/"_s + pathId(id) + u"/revisions/"_s + QString::number(revision)},
                         context, std::move(done), articleItem);
}

ApiCall *ApiClient::tags(const QString &cursor, QObject *context, Callback<Page<Tag>> done)
{
    ApiRequest request{.path = u"/api/v1/tags"_s};
    request.query.addQueryItem(u"limit"_s, u"100"_s);
    if (!cursor.isEmpty())
        request.query.addQueryItem(u"cursor"_s, cursor);
    return json<Page<Tag>>(request, context, std::move(done),
                           [](const QJsonObject &object) { return pageFromJson<Tag>(object, tagItem); });
}

ApiCall *ApiClient::search(const QString &query, int limit, QObject *context, Callback<QList<SearchHit>> done)
{
    ApiRequest request{.path = u"/api/v1/search"_s};
    addTypedText(request.query, u"q"_s, query);
    request.query.addQueryItem(u"limit"_s, QString::number(limit));
    return json<QList<SearchHit>>(request, context, std::move(done),
                                  [](const QJsonObject &object) -> Parsed<QList<SearchHit>> {
                                      auto page = pageFromJson<SearchHit>(object, searchHitFromJson);
                                      if (!page)
                                          return std::unexpected(page.error());
                                      return page->items;
                                  });
}

ApiCall *ApiClient::changes(const QString &since, int limit, QObject *context, Callback<ChangesPage> done)
{
    ApiRequest request{.path = u"/api/v1/sync/changes"_s};
    if (!since.isEmpty())
        request.query.addQueryItem(u"since"_s, since);
    request.query.addQueryItem(u"limit"_s, QString::number(limit));
    return json<ChangesPage>(request, context, std::move(done), changesPageFromJson);
}

ApiCall *ApiClient::restoreArticle(const QUuid &id, QObject *context, Callback<Article> done)
{
    return json<Article>({.method = "POST", .path = u"/api/v1/admin/articles/"_s + pathId(id) + u"/restore"_s}, context,
                         std::move(done), articleItem);
}

std::optional<Article> ApiClient::currentArticle(const ApiError &error)
{
    const QJsonValue current = error.body.value(u"current");
    if (!current.isObject())
        return std::nullopt;
    Parsed<Article> article = articleItem(current.toObject());
    if (!article)
        return std::nullopt;
    return *article;
}

// ---- chat ----

ApiCall *ApiClient::conversations(const QString &cursor, QObject *context, Callback<Page<Conversation>> done)
{
    ApiRequest request{.path = u"/api/v1/conversations"_s};
    request.query.addQueryItem(u"limit"_s, u"100"_s);
    if (!cursor.isEmpty())
        request.query.addQueryItem(u"cursor"_s, cursor);
    return json<Page<Conversation>>(request, context, std::move(done), [](const QJsonObject &object) {
        return pageFromJson<Conversation>(object, conversationItem);
    });
}

ApiCall *ApiClient::createConversation(const ConversationInput &input, QObject *context, Callback<Conversation> done)
{
    return json<Conversation>({.method = "POST", .path = u"/api/v1/conversations"_s, .body = toJson(input)}, context,
                              std::move(done), conversationItem);
}

ApiCall *ApiClient::conversation(const QUuid &id, QObject *context, Callback<ConversationDetail> done)
{
    return json<ConversationDetail>({.path = u"/api/v1/conversations/"_s + pathId(id)}, context, std::move(done),
                                    conversationDetailFromJson);
}

ApiCall *ApiClient::updateConversation(const QUuid &id, const ConversationPatch &patch, QObject *context,
                                       Callback<Conversation> done)
{
    return json<Conversation>(
        {.method = "PATCH", .path = u"/api/v1/conversations/"_s + pathId(id), .body = toJson(patch)}, context,
        std::move(done), conversationItem);
}

ApiCall *ApiClient::deleteConversation(const QUuid &id, QObject *context, Callback<void> done)
{
    return empty({.method = "DELETE", .path = u"/api/v1/conversations/"_s + pathId(id)}, context, std::move(done));
}

ApiCall *ApiClient::streamMessage(const QUuid &conversation, const MessageInput &input, QObject *context,
                                  Callback<void> done)
{
    return empty({.method = "POST",
                  .path = u"/api/v1/conversations/"_s + pathId(conversation) + u"/messages"_s,
                  .body = toJson(input),
                  .stream = true},
                 context, std::move(done));
}

ApiCall *ApiClient::regenerate(const QUuid &conversation, const QUuid &message, QObject *context, Callback<void> done)
{
    return empty({.method = "POST",
                  .path = u"/api/v1/conversations/"_s + pathId(conversation) + u"/messages/"_s + pathId(message) +
                          u"/regenerate"_s,
                  .stream = true},
                 context, std::move(done));
}

ApiCall *ApiClient::cancelMessage(const QUuid &conversation, const QUuid &message, QObject *context,
                                  Callback<void> done)
{
    return empty(
        {.method = "POST",
         .path = u"/api/v1/conversations/"_s + pathId(conversation) + u"/messages/"_s + pathId(message) + u"/cancel"_s},
        context, std::move(done));
}

// ---- AI assists ----

ApiCall *ApiClient::streamGenerateArticle(const QString &prompt, const QString &style, QObject *context,
                                          Callback<void> done)
{
    const QJsonObject body =
        toJson(GenerateArticleRequest{prompt, style.isEmpty() ? std::nullopt : std::optional<QString>(style)});
    return empty({.method = "POST", .path = u"/api/v1/ai/generate-article"_s, .body = body, .stream = true}, context,
                 std::move(done));
}

ApiCall *ApiClient::summarize(const QString &content, std::optional<int> maxWords, QObject *context,
                              Callback<Summary> done)
{
    const QJsonObject body = toJson(SummarizeRequest{content, maxWords});
    return json<Summary>({.method = "POST", .path = u"/api/v1/ai/summarize"_s, .body = body}, context, std::move(done),
                         summaryFromJson);
}

ApiCall *ApiClient::suggest(const QString &content, QObject *context, Callback<Suggestions> done)
{
    return json<Suggestions>(
        {.method = "POST", .path = u"/api/v1/ai/suggest"_s, .body = toJson(SuggestRequest{content})}, context,
        std::move(done), suggestionsFromJson);
}

ApiCall *ApiClient::aiQuota(QObject *context, Callback<AiQuota> done)
{
    return json<AiQuota>({.path = u"/api/v1/ai/quota"_s}, context, std::move(done), aiQuotaFromJson);
}

// ---- notifications ----

ApiCall *ApiClient::notifications(bool unreadOnly, const QString &cursor, QObject *context,
                                  Callback<Page<Notification>> done)
{
    ApiRequest request{.path = u"/api/v1/notifications"_s};
    if (unreadOnly)
        request.query.addQueryItem(u"unread"_s, u"true"_s);
    request.query.addQueryItem(u"limit"_s, u"50"_s);
    if (!cursor.isEmpty())
        request.query.addQueryItem(u"cursor"_s, cursor);
    return json<Page<Notification>>(request, context, std::move(done), [](const QJsonObject &object) {
        return pageFromJson<Notification>(object, notificationItem);
    });
}

ApiCall *ApiClient::unreadCount(QObject *context, Callback<int> done)
{
    return json<int>({.path = u"/api/v1/notifications/unread-count"_s}, context, std::move(done),
                     [](const QJsonObject &object) -> Parsed<int> {
                         JsonReader in(object, UnknownFields::Ignore);
                         const auto count = static_cast<int>(in.requiredInt(u"count", 0, 1'000'000'000));
                         return in.finish(count);
                     });
}

ApiCall *ApiClient::markRead(const QUuid &id, QObject *context, Callback<void> done)
{
    return empty({.method = "POST", .path = u"/api/v1/notifications/"_s + pathId(id) + u"/read"_s}, context,
                 std::move(done));
}

ApiCall *ApiClient::markAllRead(QObject *context, Callback<void> done)
{
    return empty({.method = "POST", .path = u"/api/v1/notifications/read-all"_s}, context, std::move(done));
}

ApiCall *ApiClient::notificationStream(const QString &lastEventId, QObject *context, Callback<void> done)
{
    ApiRequest request{.path = u"/api/v1/notifications/stream"_s, .stream = true};
    if (!lastEventId.isEmpty())
        request.headers.append({"Last-Event-ID", lastEventId.toUtf8()});
    return empty(request, context, std::move(done));
}

// ---- admin ----

ApiCall *ApiClient::adminUsers(const QString &query, std::optional<Role> role, const QString &cursor, int limit,
                               QObject *context, Callback<Page<AdminUser>> done)
{
    ApiRequest request{.path = u"/api/v1/admin/users"_s};
    if (!query.isEmpty())
        addTypedText(request.query, u"q"_s, query);
    if (role)
        request.query.addQueryItem(u"role"_s, roleToString(*role));
    if (!cursor.isEmpty())
        request.query.addQueryItem(u"cursor"_s, cursor);
    request.query.addQueryItem(u"limit"_s, QString::number(limit));
    return json<Page<AdminUser>>(request, context, std::move(done), [](const QJsonObject &object) {
        return pageFromJson<AdminUser>(object, adminUserFromJson);
    });
}

ApiCall *ApiClient::adminUpdateUser(const QUuid &id, const AdminUserPatch &patch, QObject *context, Callback<User> done)
{
    return json<User>({.method = "PATCH", .path = u"/api/v1/admin/users/"_s + pathId(id), .body = toJson(patch)},
                      context, std::move(done), selfUserItem);
}

ApiCall *ApiClient::adminStats(int days, QObject *context, Callback<AdminStats> done)
{
    ApiRequest request{.path = u"/api/v1/admin/stats"_s};
    request.query.addQueryItem(u"days"_s, QString::number(days));
    return json<AdminStats>(request, context, std::move(done), adminStatsFromJson);
}

ApiCall *ApiClient::auditLog(const QString &cursor, int limit, QObject *context, Callback<Page<AuditEntry>> done)
{
    ApiRequest request{.path = u"/api/v1/admin/audit-log"_s};
    if (!cursor.isEmpty())
        request.query.addQueryItem(u"cursor"_s, cursor);
    request.query.addQueryItem(u"limit"_s, QString::number(limit));
    return json<Page<AuditEntry>>(request, context, std::move(done), [](const QJsonObject &object) {
        return pageFromJson<AuditEntry>(object, auditEntryFromJson);
    });
}

} // namespace inkwell::api
