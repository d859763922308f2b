#pragma once

#include "db/threaddatabase.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <expected>
#include <functional>

namespace inkwell::server {

/// @brief One row of the outbox, as a handler sees it.
struct OutboxEvent {
    qint64 id = 0;
    QString topic;
    QJsonObject payload;
    int attempts = 0; ///< failed attempts before this one
};

/// @brief What handles the events of one topic.
///
/// A handler runs inside the worker's transaction, on the worker's connection (`db`), and its writes
/// commit together with the event being marked processed. Delivery is at least once (a worker may die
/// after the work and before the commit, or an event may be written twice), so a handler must be
/// idempotent: doing the same event twice must change nothing the second time. It returns the reason
/// it failed, which is kept in outbox.last_error; the event is then retried later, and parked after
/// the last attempt.
using EventHandler = std::function<std::expected<void, QString>(const OutboxEvent &event, ThreadDatabase &db)>;

/// @brief The handlers of a worker, by topic. The worker claims only events of these topics.
class EventHandlers {
public:
    void add(const QString &topic, EventHandler handler) { m_handlers.insert(topic, std::move(handler)); }
    const EventHandler *find(const QString &topic) const;
    QStringList topics() const { return m_handlers.keys(); }

private:
    QHash<QString, EventHandler> m_handlers;
};

} // namespace inkwell::server
