#include "eventprocessor.h"

#include "log/logging.h"

#include <exception>

using namespace Qt::StringLiterals;

namespace inkwell::server {

EventProcessor::EventProcessor(ThreadDatabase &db, EventHandlers handlers, EventWorkerOptions options)
    : m_db(db)
    , m_handlers(std::move(handlers))
    , m_options(options)
    , m_store(db)
    , m_topics(m_handlers.topics())
{
    m_topics.sort();
}

qint64 EventProcessor::backoffMs(int failuresBefore) const
{
    const int doublings = std::clamp(failuresBefore, 0, 30);
    return std::min<qint64>(qint64(m_options.backoffBaseMs) << doublings, m_options.backoffCapMs);
}

Result<EventProcessor::Batch> EventProcessor::runBatch()
{
    Batch batch;
    if (m_topics.isEmpty())
        return batch;
    if (auto begun = m_store.beginBatch(); !begun)
        return std::unexpected(begun.error());
    const auto abandon = [this](const Error &problem) {
        m_store.rollbackBatch();
        return std::unexpected(problem);
    };
    auto events = m_store.claim(m_topics, m_options.batchSize);
    if (!events)
        return abandon(events.error());
    batch.claimed = int(events->size());
    for (const OutboxEvent &event : std::as_const(*events)) {
        if (auto saved = m_store.savepoint(); !saved)
            return abandon(saved.error());
        const EventHandler *handler = m_handlers.find(event.topic);
        std::expected<void, QString> outcome;
        try {
            outcome = handler ? (*handler)(event, m_db) : std::unexpected(u"no handler for this topic"_s);
        } catch (const std::exception &e) {
            outcome = std::unexpected(u"the handler threw: %1"_s.arg(QString::fromUtf8(e.what())));
        } catch (...) {
            outcome = std::unexpected(u"the handler threw"_s);
        }
        if (outcome) {
            if (auto released = m_store.releaseSavepoint(); !released)
                return abandon(released.error());
            if (auto marked = m_store.markProcessed(event.id); !marked)
                return abandon(marked.error());
            ++batch.processed;
            continue;
        }
        // Undo whatever the handler did; if even that fails, the connection is gone: the batch with it.
        if (auto undone = m_store.rollbackToSavepoint(); !undone)
            return abandon(undone.error());
        const qint64 retryInMs = backoffMs(event.attempts);
        auto parked = m_store.markFailed(event.id, outcome.error(), retryInMs, m_options.maxAttempts);
        if (!parked)
            return abandon(parked.error());
        ++batch.failed;
        if (*parked)
            ++batch.parked;
        logging::write(*parked ? QtCriticalMsg : QtWarningMsg, u"inkwell.server.events"_s,
                       *parked ? u"event %1 (%2) failed for the last time and is parked: %3"_s.arg(event.id).arg(
                                     event.topic, outcome.error())
                               : u"event %1 (%2) failed, next try in %3 ms: %4"_s.arg(event.id)
                                     .arg(event.topic)
                                     .arg(retryInMs)
                                     .arg(outcome.error()),
                       {{u"event_id"_s, event.id}, {u"topic"_s, event.topic}, {u"attempt"_s, event.attempts + 1}});
    }
    if (auto committed = m_store.commitBatch(); !committed)
        return std::unexpected(committed.error());
    return batch;
}

Result<EventProcessor::Batch> EventProcessor::runUntilIdle(int maxBatches)
{
    Batch total;
    for (int i = 0; i < maxBatches; ++i) {
        auto batch = runBatch();
        if (!batch)
            return std::unexpected(batch.error());
        total.claimed += batch->claimed;
        total.processed += batch->processed;
        total.failed += batch->failed;
        total.parked += batch->parked;
        if (batch->claimed < m_options.batchSize)
            break;
    }
    return total;
}

} // namespace inkwell::server
