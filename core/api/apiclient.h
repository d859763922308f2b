#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"
#include "sse/ssereader.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QNetworkReply;

namespace inkwell::api {

class ApiClient;

/// @brief What one HTTP call sends. Paths are relative to the server's root ("/api/v1/articles").
struct ApiRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QString path = {};
    QUrlQuery query = {}; ///< as QUrlQuery holds values: add typed text percent-encoded (a typed "%20" is no space)
    std::optional<QJsonObject> body = {}; ///< sent as application/json
    QList<std::pair<QByteArray, QByteArray>> headers = {};
    bool authenticated = true; ///< send the access token (and refresh it on 401)
    bool stream = false;       ///< Accept: text/event-stream, no transfer timeout, events as they arrive
};

/// @brief A raw answer: status, headers (lowercase names) and body.
struct ApiResponse {
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray header(QByteArrayView name) const;
};

/**
 * @brief One call in flight: the single shape of asynchronous work in the API client (KJob's).
 *
 * A call is started by ApiClient and ends exactly once: its typed callback runs (when the context object given
 * with it still lives), then finished() is emitted and the call deletes itself later. abort() ends it early
 * without running the callback. A call that met a 401 waits, invisibly, for the client's token refresh and is
 * then sent again.
 */
class ApiCall : public QObject {
    Q_OBJECT
public:
    ~ApiCall() override;

    /// @brief Stops the call: the request is cancelled, the callback never runs; finished() is still emitted.
    void abort();
    /// @brief Whether the call ended with an error (valid after finished()).
    bool failed() const { return m_error.has_value(); }
    /// @brief The error the call ended with, if any.
    const std::optional<ApiError> &error() const { return m_error; }
    /// @brief The error as a readable message; empty when none.
    QString errorText() const { return m_error ? m_error->message() : QString(); }
    /// @brief The request this call sends.
    const ApiRequest &request() const { return m_request; }

Q_SIGNALS:
    /// @brief Once, when the call has ended (after its callback).
    void finished();
    /// @brief Streams only: one Server-Sent Event, as soon as it has arrived.
    void event(const inkwell::sse::Event &event);
    /// @brief Streams only: the stream's answer head arrived with a 2xx status; events follow.
    void streamOpened();

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, ApiRequest request, QObject *context, std::function<void(ApiResult<ApiResponse>)> done);

    void send();
    void onReadyRead();
    void onFinished();
    void complete(ApiResult<ApiResponse> result);
    void armIdleTimer();

    ApiClient *m_client;
    ApiRequest m_request;
    QPointer<QObject> m_context;
    bool m_hasContext;
    std::function<void(ApiResult<ApiResponse>)> m_done;
    QPointer<QNetworkReply> m_reply;
    std::optional<ApiError> m_error;
    sse::Reader m_reader;
    QTimer m_idleTimer;
    bool m_streamOpen = false;
    bool m_ended = false;
    bool m_retriedAfterRefresh = false;
    QByteArray m_sentAccessToken;
};

/**
 * @brief Typed calls for the HTTP API of api.md, over QNetworkAccessManager.
 *
 * Holds the session's tokens. An authenticated call that meets a 401 is held while the client trades the
 * refresh token for a new pair (one refresh in flight at a time, however many calls wait), then sent again;
 * when the refresh itself is refused the waiting calls fail and sessionEnded() is emitted. Every new refresh
 * token is announced through tokensChanged() so the app can keep it (it rotates on every use).
 *
 * Answers are read tolerantly (api/apitypes.h): members the app does not know are ignored; a missing or
 * mistyped member is an ApiError of kind BadAnswer. Problem documents become ApiError's readable message().
 *
 * Every typed call takes a context object: the callback runs only while it lives (a window that closed never
 * gets called back). Nothing here blocks; callbacks run in the thread that owns the client. A big answer is
 * parsed on a worker thread first, so its callback may run after the call's finished() signal.
 */
class ApiClient : public QObject {
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(ApiResult<T>)>;

    explicit ApiClient(QUrl server, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl server() const { return m_server; }
    /// @brief Points the client at another server; the session is dropped.
    void setServer(const QUrl &server);

    /// @brief Takes a session (a refresh token kept from an earlier run, or a fresh grant). An empty or expired
    /// access token is refreshed before the first authenticated call.
    void setSession(const QString &accessToken, const QString &refreshToken, int expiresInSeconds = 0);
    /// @brief Forgets the tokens (no call to the server; see logout()).
    void clearSession();
    bool hasSession() const { return !m_refreshToken.isEmpty() || !m_accessToken.isEmpty(); }
    QString refreshToken() const { return m_refreshToken; }
    QString accessToken() const { return m_accessToken; }
    /// @brief Whether a token refresh is under way.
    bool refreshing() const { return m_refreshing; }

    /// @brief Transfer timeout of ordinary calls (not streams); default 30 s.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    /// @brief Streams fail with a Timeout when nothing (not even a keep-alive comment) arrives for this long;
    /// default 45 s (the server sends a comment every 15 s). 0 switches it off.
    void setStreamIdleTimeoutMs(int ms) { m_streamIdleMs = ms; }

    /// @brief Sends any request; the callback gets the raw response for a 2xx, else the error.
    ApiCall *send(const ApiRequest &request, QObject *context, Callback<ApiResponse> done);

    // ---- health ----
    ApiCall *health(QObject *context, Callback<ServerHealth> done);
    ApiCall *aiHealth(QObject *context, Callback<AiHealth> done);

    // ---- auth ----
    ApiCall *registerAccount(const RegisterInput &input, QObject *context, Callback<AuthGrant> done);
    ApiCall *login(const LoginInput &input, QObject *context, Callback<AuthGrant> done);
    /// @brief Ends the session on the server (the refresh token's family is revoked) and forgets the tokens.
    ApiCall *logout(QObject *context, Callback<void> done);
    ApiCall *me(QObject *context, Callback<User> done);
    ApiCall *changePassword(const PasswordChangeInput &input, QObject *context, Callback<void> done);
    /// @brief Trades the refresh token for a new pair now (it also happens by itself on a 401).
    void refreshNow();

    // ---- users ----
    ApiCall *user(const QUuid &id, QObject *context, Callback<User> done);
    ApiCall *updateProfile(const ProfilePatch &patch, QObject *context, Callback<User> done);

    // ---- articles ----
    ApiCall *article(const QUuid &id, QObject *context, Callback<Article> done);
    /// @brief PUT /articles/{id}: create (no @p ifMatchRevision) or replace (with it; 412 carries the current
    /// article, see currentArticle()).
    ApiCall *putArticle(const QUuid &id, const ArticleInput &input, std::optional<int> ifMatchRevision,
                        QObject *context, Callback<Article> done);
    ApiCall *setArticleStatus(const QUuid &id, ArticleStatus status, std::optional<int> ifMatchRevision,
                              QObject *context, Callback<Article> done);
    ApiCall *deleteArticle(const QUuid &id, std::optional<int> ifMatchRevision, QObject *context, Callback<void> done);
    ApiCall *revisions(const QUuid &id, const QString &cursor, QObject *context, Callback<Page<RevisionInfo>> done);
    ApiCall *revision(const QUuid &id, int revision, QObject *context, Callback<Article> done);
    ApiCall *tags(const QString &cursor, QObject *context, Callback<Page<Tag>> done);
    ApiCall *search(const QString &query, int limit, QObject *context, Callback<QList<SearchHit>> done);
    ApiCall *changes(const QString &since, int limit, QObject *context, Callback<ChangesPage> done);
    ApiCall *restoreArticle(const QUuid &id, QObject *context, Callback<Article> done);

    /// @brief The current article a 412 answer carries (its problem's "current" member), if readable.
    static std::optional<Article> currentArticle(const ApiError &error);

    // ---- chat ----
    ApiCall *conversations(const QString &cursor, QObject *context, Callback<Page<Conversation>> done);
    ApiCall *createConversation(const ConversationInput &input, QObject *context, Callback<Conversation> done);
    ApiCall *conversation(const QUuid &id, QObject *context, Callback<ConversationDetail> done);
    ApiCall *updateConversation(const QUuid &id, const ConversationPatch &patch, QObject *context,
                                Callback<Conversation> done);
    ApiCall *deleteConversation(const QUuid &id, QObject *context, Callback<void> done);
    /// @brief POST /conversations/{id}/messages as a stream: the call's event() signal carries message.created,
    /// message.delta, message.done or error as they arrive; @p done runs when the stream has ended.
    ApiCall *streamMessage(const QUuid &conversation, const MessageInput &input, QObject *context, Callback<void> done);
    ApiCall *regenerate(const QUuid &conversation, const QUuid &message, QObject *context, Callback<void> done);
    ApiCall *cancelMessage(const QUuid &conversation, const QUuid &message, QObject *context, Callback<void> done);

    // ---- AI assists ----
    /// @brief Streams message.delta events, then article.done.
    ApiCall *streamGenerateArticle(const QString &prompt, const QString &style, QObject *context, Callback<void> done);
    ApiCall *summarize(const QString &content, std::optional<int> maxWords, QObject *context, Callback<Summary> done);
    ApiCall *suggest(const QString &content, QObject *context, Callback<Suggestions> done);
    /// @brief GET /ai/quota: the caller's tokens for today and request rate (any role, also without a provider).
    ApiCall *aiQuota(QObject *context, Callback<AiQuota> done);

    // ---- notifications ----
    ApiCall *notifications(bool unreadOnly, const QString &cursor, QObject *context, Callback<Page<Notification>> done);
    ApiCall *unreadCount(QObject *context, Callback<int> done);
    ApiCall *markRead(const QUuid &id, QObject *context, Callback<void> done);
    ApiCall *markAllRead(QObject *context, Callback<void> done);
    /// @brief GET /notifications/stream; events through the call's event() signal. @p lastEventId resumes.
    ApiCall *notificationStream(const QString &lastEventId, QObject *context, Callback<void> done);

    // ---- admin ----
    ApiCall *adminUsers(const QString &query, std::optional<Role> role, const QString &cursor, int limit,
                        QObject *context, Callback<Page<AdminUser>> done);
    ApiCall *adminUpdateUser(const QUuid &id, const AdminUserPatch &patch, QObject *context, Callback<User> done);
    ApiCall *adminStats(int days, QObject *context, Callback<AdminStats> done);
    ApiCall *auditLog(const QString &cursor, int limit, QObject *context, Callback<Page<AuditEntry>> done);

Q_SIGNALS:
    /// @brief A new token pair arrived (sign-in or refresh): keep @p refreshToken, the old one is spent.
    void tokensChanged(const QString &refreshToken);
    /// @brief The signed-in user as the latest grant or /me showed it (a role may have changed).
    void userChanged(const inkwell::User &user);
    /// @brief The server refused the refresh token (signed out elsewhere, password changed, expired): the
    /// session is over and the user must sign in again.
    void sessionEnded(const inkwell::api::ApiError &why);
    /// @brief Every call's outcome as seen on the wire: whether the server answered at all. The app's
    /// online/offline state follows this.
    void reachabilityChanged(bool reachable);

private:
    friend class ApiCall;

    template <typename T>
    ApiCall *json(const ApiRequest &request, QObject *context, Callback<T> done,
                  std::function<Parsed<T>(const QJsonObject &)> read);
    ApiCall *empty(const ApiRequest &request, QObject *context, Callback<void> done);
    ApiCall *grant(const ApiRequest &request, QObject *context, Callback<AuthGrant> done);

    QNetworkReply *start(ApiCall *call);
    /// The call met a 401 or needs a fresh token: wait for the refresh, then send again.
    void waitForRefresh(ApiCall *call);
    bool accessTokenFresh() const;
    void acceptGrant(const AuthGrant &grant);
    void finishRefresh(const std::optional<ApiError> &error);
    void noteReachable(bool reachable);

    QUrl m_server;
    QNetworkAccessManager m_network;
    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_accessExpires;
    bool m_refreshing = false;
    QList<QPointer<ApiCall>> m_waiting;
    int m_timeoutMs = 30000;
    int m_streamIdleMs = 45000;
    std::optional<bool> m_reachable;
};

} // namespace inkwell::api
