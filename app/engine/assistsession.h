#pragma once

#include "api/apiclient.h"
#include "jsonmemberstream.h"
#include "model/role.h"

#include <QDateTime>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace inkwell::engine {

/**
 * @brief The AI assists of one signed-in account: draft an article from a prompt (streamed), summarize a text,
 * suggest a title, an excerpt and tags — and whether they can be used at all, and how much of the day's AI quota
 * is left. No widgets: the assist panel shows what this says and forwards what the user asks.
 *
 * Availability comes from `/health/ai` (a server without a provider cannot assist), the user's role (viewers may
 * not: the server would answer 403) and whether the server can be reached; the UI disables (never hides) the AI
 * actions while unavailable() and shows unavailableReason(). The quota (`/ai/quota`) is read at start() and again
 * after every assist. A 429 makes limited() true until its Retry-After has passed, with limitText() saying when.
 *
 * One generation runs at a time (a new one cancels the old). Summaries and suggestions may be asked again before
 * the answer came: only the newest request's answer is delivered (a generation counter drops stale ones).
 */
class AssistSession : public QObject {
    Q_OBJECT
public:
    enum class Assist { Generate, Summarize, Suggest };
    Q_ENUM(Assist)

    /// @brief Whether the assists can be used, as far as is known.
    enum class Availability {
        Checking,     ///< start() has not had its answer yet
        Available,    ///< a provider is configured and the role allows assists
        Unconfigured, ///< the server has no AI provider
        NotPermitted, ///< the user's role may not use assists (a viewer), or the server said 403
        Unreachable,  ///< the server cannot be reached
    };
    Q_ENUM(Availability)

    /// @brief A session for the account signed in on @p client, whose role is @p role. Nothing is asked before
    /// start().
    AssistSession(api::ApiClient *client, Role role, QObject *parent = nullptr);
    ~AssistSession() override;

    /// @brief Asks the server whether it has an AI provider, and for the quota. Also re-asked by itself when the
    /// server becomes reachable again.
    void start();
    /// @brief Reads the quota again (also done after every assist).
    void refreshQuota();

    /// @brief The user's role changed (e.g. ApiClient::userChanged after an administrator promoted them).
    void setRole(Role role);
    Role role() const { return m_role; }

    // ---- availability ----
    Availability availability() const;
    /// @brief Whether the AI actions can be used (they are disabled, with unavailableReason(), when not).
    bool available() const { return availability() == Availability::Available; }
    /// @brief One plain sentence saying why the assists cannot be used; empty when they can.
    QString unavailableReason() const;
    /// @brief A note when the provider is configured but failed the server's last check (assists may fail);
    /// empty otherwise.
    QString providerWarning() const { return m_providerWarning; }
    /// @brief Provider and model as /health/ai named them ("openai · test-model"); empty when unknown or none.
    QString providerName() const;

    // ---- quota ----
    /// @brief The quota as last read; std::nullopt before the first answer (or from a server without the route).
    const std::optional<api::AiQuota> &quota() const { return m_quota; }
    /// @brief "12,400 of 200,000 tokens left today", or "Unlimited"; empty while unknown.
    QString quotaText() const { return quotaText(m_quota, QLocale()); }
    /// @brief The same for any quota and locale (for tests and other views).
    static QString quotaText(const std::optional<api::AiQuota> &quota, const QLocale &locale);

    // ---- 429 ----
    /// @brief Whether the server refused an assist with 429 and its Retry-After has not passed yet.
    bool limited() const { return m_limitedUntil.isValid(); }
    /// @brief "AI quota used up; it resets at 00:00 UTC (in 3 h 12 min)" or "Too many requests; try again in
    /// 20 s"; empty when not limited.
    QString limitText() const;
    /// @brief The limit sentence for a refusal lasting until @p until, seen at @p now. @p daily: the day's tokens
    /// are used up (else the per-minute request limit).
    static QString limitText(bool daily, const QDateTime &until, const QDateTime &now);

    // ---- the assists ----
    /// @brief Drafts an article from @p prompt (and an optional @p style). The content arrives through
    /// generatedDelta() as it is written, then generated() with title, content, excerpt and tags; or failed().
    void generate(const QString &prompt, const QString &style = {});
    /// @brief Stops a generation (the request is aborted; the server keeps nothing). What came stays with the
    /// receiver of generatedDelta(); neither generated() nor failed() follows.
    void cancel();
    /// @brief Summarizes @p text in at most @p maxWords words (the server's default when absent).
    void summarize(const QString &text, std::optional<int> maxWords = std::nullopt);
    /// @brief Suggests titles, an excerpt and tags for @p text.
    void suggest(const QString &text);
    /// @brief Whether an assist of @p kind is waiting for its answer.
    bool running(Assist kind) const;

Q_SIGNALS:
    void availabilityChanged();
    void quotaChanged();
    /// @brief limited() or limitText() changed (also every second while limited, for a countdown).
    void limitChanged();
    void runningChanged(inkwell::engine::AssistSession::Assist kind, bool running);
    /// @brief More of the generated article's content, as it arrives (decoded Markdown text).
    void generatedDelta(const QString &text);
    /// @brief The generation ended with the whole article.
    void generated(const inkwell::api::GeneratedArticle &article);
    void summarized(const inkwell::api::Summary &summary);
    void suggested(const inkwell::api::Suggestions &suggestions);
    /// @brief An assist failed; @p message says why in words (never raw JSON).
    void failed(inkwell::engine::AssistSession::Assist kind, const QString &message);

private:
    enum class Health { Unknown, Healthy, Unhealthy, Unconfigured, Unreachable };

    void checkHealth();
    void setHealth(Health health, const QString &warning = {});
    void setRunning(Assist kind, bool running);
    /// The failure of an assist: 429 and 403 change the session's state; the message goes out with failed().
    void fail(Assist kind, const api::ApiError &error);
    void startLimit(const api::ApiError &error);
    void tickLimit();
    void onGenerateEvent(const sse::Event &event);
    void endGeneration();

    QPointer<api::ApiClient> m_client;
    Role m_role;
    bool m_started = false;
    Health m_health = Health::Unknown;
    QString m_providerWarning;
    QString m_provider;
    QString m_model;
    bool m_forbidden = false; ///< the server said 403 to an assist
    QString m_forbiddenDetail;
    QPointer<api::ApiCall> m_healthCall;
    QPointer<api::ApiCall> m_quotaCall;
    std::optional<api::AiQuota> m_quota;

    QDateTime m_limitedUntil;
    bool m_limitDaily = false;
    QTimer m_limitTimer;

    QPointer<api::ApiCall> m_generateCall;
    std::optional<JsonMemberStream> m_content;
    bool m_generateEnded = false;
    QPointer<api::ApiCall> m_summarizeCall;
    QPointer<api::ApiCall> m_suggestCall;
    quint64 m_summarizeGeneration = 0;
    quint64 m_suggestGeneration = 0;
    quint64 m_generateGeneration = 0;
    bool m_running[3] = {false, false, false};
};

} // namespace inkwell::engine
