#include "assistsession.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAssist, "inkwell.engine.assist")

namespace inkwell::engine {

namespace {

constexpr int kLimitTickMs = 1000;
/// The per-minute request limit never asks to wait longer than this; a longer Retry-After is the day's quota.
constexpr int kMinuteLimitSeconds = 60;
const QString kUnconfiguredType = u"/problems/ai-unconfigured"_s;

int indexOf(AssistSession::Assist kind)
{
    return int(kind);
}

QJsonObject dataObject(const sse::Event &event)
{
    return QJsonDocument::fromJson(event.data.toUtf8()).object();
}

/// "in 45 s", "in 12 min", "in 3 h 12 min" (whole minutes rounded up, so it never promises too early).
QString inDuration(qint64 seconds)
{
    if (seconds < 60)
        return AssistSession::tr("in %1 s").arg(std::max<qint64>(1, seconds));
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return AssistSession::tr("in %1 min").arg(minutes);
    return AssistSession::tr("in %1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

AssistSession::AssistSession(api::ApiClient *client, Role role, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_role(role)
{
    m_limitTimer.setInterval(kLimitTickMs);
    connect(&m_limitTimer, &QTimer::timeout, this, &AssistSession::tickLimit);
    connect(client, &api::ApiClient::userChanged, this, [this](const User &user) { setRole(user.role); });
    connect(client, &api::ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (!m_started)
            return;
        if (!reachable) {
            setHealth(Health::Unreachable);
        } else if (m_health == Health::Unreachable) {
            checkHealth();
            refreshQuota();
        }
    });
}

AssistSession::~AssistSession()
{
    // The calls are the client's children: stop them so that nothing answers into a session that is gone.
    for (const QPointer<api::ApiCall> &call :
         {m_healthCall, m_quotaCall, m_generateCall, m_summarizeCall, m_suggestCall}) {
        if (call)
            call->abort();
    }
}

void AssistSession::start()
{
    m_started = true;
    checkHealth();
    refreshQuota();
}

void AssistSession::checkHealth()
{
    if (!m_client || m_healthCall)
        return;
    m_healthCall = m_client->aiHealth(this, [this](api::ApiResult<api::AiHealth> result) {
        m_healthCall = nullptr;
        if (result) {
            m_provider = result->provider;
            m_model = result->model;
            if (!result->configured())
                setHealth(Health::Unconfigured);
            else if (result->status == u"healthy"_s)
                setHealth(Health::Healthy);
            else
                setHealth(Health::Unhealthy,
                          tr("The AI provider did not pass the server's last check; assists may fail."));
            return;
        }
        const api::ApiError &error = result.error();
        if (error.isUnreachable()) {
            setHealth(Health::Unreachable);
            return;
        }
        // 503 {"status": "unhealthy", "provider", "model"}: configured, but the upstream did not answer the probe.
        // Assists stay usable: the probe can fail where the real call works (a model list an Ollama lacks).
        m_provider = error.body.value(u"provider"_s).toString();
        m_model = error.body.value(u"model"_s).toString();
        setHealth(Health::Unhealthy,
                  tr("The AI provider does not answer the server's check right now; assists may fail."));
    });
}

void AssistSession::setHealth(Health health, const QString &warning)
{
    const Availability before = availability();
    const QString warningBefore = m_providerWarning;
    m_health = health;
    m_providerWarning = warning;
    if (availability() != before || warning != warningBefore)
        Q_EMIT availabilityChanged();
}

void AssistSession::setRole(Role role)
{
    if (role == m_role && !m_forbidden)
        return;
    const Availability before = availability();
    m_role = role;
    m_forbidden = false; // a new role: the server decides again
    m_forbiddenDetail.clear();
    if (availability() != before)
        Q_EMIT availabilityChanged();
    if (m_started)
        refreshQuota(); // the quota is by role
}

AssistSession::Availability AssistSession::availability() const
{
    if (!hasPermission(m_role, Permission::UseAiAssists) || m_forbidden)
        return Availability::NotPermitted;
    switch (m_health) {
    case Health::Unknown:
        return Availability::Checking;
    case Health::Unreachable:
        return Availability::Unreachable;
    case Health::Unconfigured:
        return Availability::Unconfigured;
    case Health::Healthy:
    case Health::Unhealthy:
        return Availability::Available;
    }
    return Availability::Checking;
}

QString AssistSession::unavailableReason() const
{
    switch (availability()) {
    case Availability::Available:
        return {};
    case Availability::Checking:
        return tr("Checking whether this server offers AI assists…");
    case Availability::Unreachable:
        return tr("The server cannot be reached; AI assists need a connection to it.");
    case Availability::Unconfigured:
        return tr("This server has no AI provider; ask its administrator to set INKWELL_AI_PROVIDER.");
    case Availability::NotPermitted:
        if (m_role == Role::Viewer)
            return tr("AI assists are for creators and administrators, and your account is a viewer; ask an "
                      "administrator for the creator role.");
        return m_forbiddenDetail.isEmpty()
                   ? tr("The server does not let your account use AI assists.")
                   : tr("The server does not let your account use AI assists: %1").arg(m_forbiddenDetail);
    }
    return {};
}

QString AssistSession::providerName() const
{
    if (m_provider.isEmpty() || m_provider == u"none"_s)
        return {};
    return m_model.isEmpty() ? m_provider : m_provider + u" · "_s + m_model;
}

// ---- quota ----------------------------------------------------------------------------------------------------

void AssistSession::refreshQuota()
{
    if (!m_client)
        return;
    // The newest numbers win: an older read still under way may predate the assist that just ended.
    if (m_quotaCall)
        m_quotaCall->abort();
    m_quotaCall = m_client->aiQuota(this, [this](api::ApiResult<api::AiQuota> result) {
        m_quotaCall = nullptr;
        if (!result) {
            qCDebug(lcAssist) << "quota not read:" << result.error().message();
            return;
        }
        m_quota = *result;
        Q_EMIT quotaChanged();
        // A 429 whose Retry-After alone did not tell (just before midnight): the quota does.
        if (limited() && !m_limitDaily && !m_quota->unlimited() && m_quota->tokensRemaining == 0) {
            m_limitDaily = true;
            Q_EMIT limitChanged();
        }
    });
}

QString AssistSession::quotaText(const std::optional<api::AiQuota> &quota, const QLocale &locale)
{
    if (!quota)
        return {};
    if (quota->unlimited())
        return tr("Unlimited");
    return tr("%1 of %2 token(s) left today", nullptr,
              int(std::min<qint64>(quota->tokensPerDay, std::numeric_limits<int>::max())))
        .arg(locale.toString(*quota->tokensRemaining), locale.toString(quota->tokensPerDay));
}

// ---- 429 ------------------------------------------------------------------------------------------------------

void AssistSession::startLimit(const api::ApiError &error)
{
    const int seconds = std::max(1, error.retryAfterSeconds.value_or(kMinuteLimitSeconds));
    m_limitedUntil = QDateTime::currentDateTimeUtc().addSecs(seconds);
    m_limitDaily = seconds > kMinuteLimitSeconds || (m_quota && !m_quota->unlimited() && m_quota->tokensRemaining == 0);
    m_limitTimer.start();
    Q_EMIT limitChanged();
}

void AssistSession::tickLimit()
{
    if (m_limitedUntil.isValid() && QDateTime::currentDateTimeUtc() >= m_limitedUntil) {
        m_limitedUntil = {};
        m_limitTimer.stop();
        Q_EMIT limitChanged();
        refreshQuota();
        return;
    }
    Q_EMIT limitChanged();
}

QString AssistSession::limitText() const
{
    if (!limited())
        return {};
    QDateTime until = m_limitedUntil;
    // The server's day ends at its UTC midnight, which the quota names exactly.
    if (m_limitDaily && m_quota && m_quota->resetsAt.isValid() && m_quota->resetsAt > QDateTime::currentDateTimeUtc())
        until = m_quota->resetsAt;
    return limitText(m_limitDaily, until, QDateTime::currentDateTimeUtc());
}

QString AssistSession::limitText(bool daily, const QDateTime &until, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(1, (now.msecsTo(until) + 999) / 1000);
    if (!daily)
        return tr("Too many requests; try again in %1 s").arg(seconds);
    // Retry-After is whole seconds: show the reset at the nearest minute ("00:00", not "23:59").
    const QDateTime utc = until.toUTC();
    const QDateTime resetAt = utc.addSecs(utc.time().second() >= 30 ? 60 - utc.time().second() : -utc.time().second());
    return tr("AI quota used up; it resets at %1 UTC (%2)").arg(resetAt.toString(u"HH:mm"_s), inDuration(seconds));
}

// ---- the assists ----------------------------------------------------------------------------------------------

bool AssistSession::running(Assist kind) const
{
    return m_running[indexOf(kind)];
}

void AssistSession::setRunning(Assist kind, bool running)
{
    if (m_running[indexOf(kind)] == running)
        return;
    m_running[indexOf(kind)] = running;
    Q_EMIT runningChanged(kind, running);
}

void AssistSession::fail(Assist kind, const api::ApiError &error)
{
    QString message;
    if (error.status == 429) {
        startLimit(error);
        message = limitText();
    } else if (error.status == 403) {
        const Availability before = availability();
        m_forbidden = true;
        m_forbiddenDetail = error.detail;
        if (availability() != before)
            Q_EMIT availabilityChanged();
        message = unavailableReason();
    } else if (error.status == 503 && error.type == kUnconfiguredType) {
        setHealth(Health::Unconfigured); // the provider was taken away since start()
        message = unavailableReason();
    } else {
        message = error.message();
    }
    Q_EMIT failed(kind, message);
}

void AssistSession::generate(const QString &prompt, const QString &style)
{
    if (!m_client)
        return;
    if (m_generateCall)
        cancel();
    const quint64 generation = ++m_generateGeneration;
    m_content.emplace(u"content"_s);
    m_generateEnded = false;
    setRunning(Assist::Generate, true);
    m_generateCall =
        m_client->streamGenerateArticle(prompt, style, this, [this, generation](api::ApiResult<void> result) {
            if (generation != m_generateGeneration)
                return;
            if (!m_generateEnded) {
                m_generateEnded = true;
                if (result) // the stream ended without article.done or error
                    Q_EMIT failed(Assist::Generate, tr("The server ended the stream before the article was complete."));
                else // an error answer instead of the stream (429, 403, 503...), or a connection that broke
                    fail(Assist::Generate, result.error());
            }
            endGeneration();
        });
    connect(m_generateCall, &api::ApiCall::event, this, [this, generation](const sse::Event &event) {
        if (generation == m_generateGeneration)
            onGenerateEvent(event);
    });
}

void AssistSession::onGenerateEvent(const sse::Event &event)
{
    if (m_generateEnded)
        return;
    if (event.type == u"message.delta"_s) {
        const QString piece = m_content->feed(dataObject(event).value(u"text"_s).toString());
        if (!piece.isEmpty())
            Q_EMIT generatedDelta(piece);
    } else if (event.type == u"article.done"_s) {
        m_generateEnded = true;
        const Parsed<api::GeneratedArticle> article = api::generatedArticleFromJson(dataObject(event));
        if (article)
            Q_EMIT generated(*article);
        else
            fail(Assist::Generate, api::ApiError::badAnswer(200, u"article.done"_s, article.error()));
    } else if (event.type == u"error"_s) {
        m_generateEnded = true;
        const QJsonObject data = dataObject(event);
        api::ApiError error;
        error.kind = api::ApiError::Kind::Http;
        error.status = data.value(u"status"_s).toInt();
        error.type = data.value(u"type"_s).toString();
        error.title = data.value(u"title"_s).toString();
        error.detail = data.value(u"detail"_s).toString();
        error.body = data;
        fail(Assist::Generate, error);
    }
}

void AssistSession::cancel()
{
    if (!m_generateCall)
        return;
    ++m_generateGeneration; // nothing more is delivered from it
    m_generateCall->abort();
    endGeneration();
}

void AssistSession::endGeneration()
{
    m_generateCall = nullptr;
    setRunning(Assist::Generate, false);
    refreshQuota();
}

void AssistSession::summarize(const QString &text, std::optional<int> maxWords)
{
    if (!m_client)
        return;
    if (m_summarizeCall)
        m_summarizeCall->abort(); // replaced: its answer would be stale
    const quint64 generation = ++m_summarizeGeneration;
    setRunning(Assist::Summarize, true);
    m_summarizeCall =
        m_client->summarize(text, maxWords, this, [this, generation](api::ApiResult<api::Summary> result) {
            if (generation != m_summarizeGeneration)
                return;
            m_summarizeCall = nullptr;
            setRunning(Assist::Summarize, false);
            if (result)
                Q_EMIT summarized(*result);
            else
                fail(Assist::Summarize, result.error());
            refreshQuota();
        });
}

void AssistSession::suggest(const QString &text)
{
    if (!m_client)
        return;
    if (m_suggestCall)
        m_suggestCall->abort();
    const quint64 generation = ++m_suggestGeneration;
    setRunning(Assist::Suggest, true);
    m_suggestCall = m_client->suggest(text, this, [this, generation](api::ApiResult<api::Suggestions> result) {
        if (generation != m_suggestGeneration)
            return;
        m_suggestCall = nullptr;
        setRunning(Assist::Suggest, false);
        if (result)
            Q_EMIT suggested(*result);
        else
            fail(Assist::Suggest, result.error());
        refreshQuota();
    });
}

} // namespace inkwell::engine
