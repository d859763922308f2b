#pragma once

#include "api/apiclient.h"

#include <QObject>
#include <QTimer>

namespace inkwell::engine {

/**
 * @brief Whether the server can answer chat messages: GET /health/ai, and what 503 answers said since.
 *
 * A server without a configured AI provider still keeps conversations (they can be read, renamed, deleted) but
 * answers every message with 503. The chat keeps its send action visible and disabled, with message() saying
 * why, instead of letting the user type a question that cannot be answered. While unconfigured it checks again
 * every minute (an administrator may set a provider up and restart the server).
 */
class AiAvailability : public QObject {
    Q_OBJECT
public:
    enum class State {
        Unknown,      ///< not checked yet, or the check failed: sending is allowed (the answer will tell)
        Available,    ///< a provider is configured (it may still be unhealthy: errors then show per message)
        Unconfigured, ///< no provider: sending is pointless
    };
    Q_ENUM(State)

    explicit AiAvailability(api::ApiClient *api, QObject *parent = nullptr);

    /// @brief Asks the server now.
    void check();
    State state() const { return m_state; }
    /// @brief False only when the server has no provider.
    bool canChat() const { return m_state != State::Unconfigured; }
    /// @brief Why chatting is not possible (empty when it is).
    QString message() const { return m_message; }
    /// @brief The provider and model the server uses ("openai · llama3"), when known.
    QString providerDescription() const { return m_provider; }

    /// @brief A chat call answered 503 /problems/ai-unconfigured with @p message.
    void reportUnconfigured(const QString &message);
    /// @brief How often to check again while unconfigured; default 60000.
    void setRecheckIntervalMs(int ms) { m_recheck.setInterval(ms); }

Q_SIGNALS:
    void changed();

private:
    void set(State state, const QString &message, const QString &provider);

    api::ApiClient *m_api;
    State m_state = State::Unknown;
    QString m_message;
    QString m_provider;
    QTimer m_recheck;
    quint64 m_generation = 0;
};

} // namespace inkwell::engine
