#include "aiavailability.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

AiAvailability::AiAvailability(api::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_recheck.setInterval(60000);
    connect(&m_recheck, &QTimer::timeout, this, &AiAvailability::check);
}

void AiAvailability::check()
{
    const quint64 generation = ++m_generation;
    m_api->aiHealth(this, [this, generation](api::ApiResult<api::AiHealth> result) {
        if (generation != m_generation)
            return;
        if (!result) {
            // Not known: do not block sending on a failed check (the server answers the message itself).
            set(m_state == State::Unconfigured ? State::Unconfigured : State::Unknown, m_message, m_provider);
            return;
        }
        const QString provider =
            result->model.isEmpty() ? result->provider : result->provider + u" · "_s + result->model;
        if (!result->configured()) {
            set(State::Unconfigured,
                QCoreApplication::translate(
                    "inkwell::engine::AiAvailability",
                    "This server has no AI provider set up, so the assistant cannot answer. An administrator can "
                    "configure one (INKWELL_AI_PROVIDER) and restart the server; your conversations stay readable."),
                provider);
            return;
        }
        set(State::Available, {}, provider);
    });
}

void AiAvailability::reportUnconfigured(const QString &message)
{
    set(State::Unconfigured, message, m_provider);
}

void AiAvailability::set(State state, const QString &message, const QString &provider)
{
    if (state == State::Unconfigured) {
        if (!m_recheck.isActive())
            m_recheck.start();
    } else {
        m_recheck.stop();
    }
    if (state == m_state && message == m_message && provider == m_provider)
        return;
    m_state = state;
    m_message = message;
    m_provider = provider;
    Q_EMIT changed();
}

} // namespace inkwell::engine
