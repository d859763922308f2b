#pragma once

#include "db/pgnotifier.h"
#include "notifications/notificationstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUuid>
#include <memory>

namespace inkwell::server {

class SseStream;

/// @brief The open notification streams of one listener thread, and what feeds them.
///
/// A NOTIFY on `inkwell_notifications` (payload: a user id), sent by whichever instance created the
/// notification, reaches every instance through its PgNotifier; the listener thread holding a stream
/// of that user reads the user's notifications after what the stream sent last (commit order, see
/// NotificationStore::streamAfter) and writes them as `notification.created` events. The listener's
/// own connection does the reading, in its own thread.
///
/// Safety nets: after the notifier reconnects (resync) every stream looks again, and so does each
/// stream every `recheckMs` (15 s with a notifier; 1 s without one, when that is all there is). A
/// stream that does not keep up is not fed until it drained: nothing is lost, it comes later.
class NotificationStreams : public QObject {
    Q_OBJECT
public:
    NotificationStreams(ThreadDatabase &db, std::shared_ptr<PgNotifier> notifier, QObject *parent = nullptr);
    ~NotificationStreams() override;

    /// @brief Starts feeding `stream` with the notifications of `userId` after `cursor`.
    void add(SseStream *stream, const QUuid &userId, StreamCursor cursor);
    int count() const { return int(m_entries.size()); }

private:
    struct Entry {
        QPointer<SseStream> stream;
        QUuid userId;
        StreamCursor cursor;
        bool scheduled = false;
    };

    void notified(const QString &channel, const QString &payload);
    void schedule(SseStream *stream, int delayMs = 0);
    void pump(SseStream *stream);
    void remove(SseStream *stream);

    NotificationStore m_store;
    std::shared_ptr<PgNotifier> m_notifier;
    QHash<SseStream *, Entry> m_entries;
    QMultiHash<QUuid, SseStream *> m_byUser;
    QTimer m_recheck;
};

} // namespace inkwell::server
