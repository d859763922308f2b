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
/// stream every `recheckMs` (15 s by default with a notifier; 1 s without one, when that is all there is). A
/// stream that does not keep up is not fed until it drained: nothing is lost, it comes later.
///
/// A stream lives longer than the token that opened it, so at each recheck the sessions of the open
/// streams are looked up (one statement for all of them): a stream whose session ended (logout,
/// password change elsewhere, refresh-token reuse) or whose user was deactivated gets an `error`
/// event (status 401) and is closed; the client signs in again.
class NotificationStreams : public QObject {
    Q_OBJECT
public:
    /// `recheckMs`: the recheck with a notifier (without one, streams look every second).
    NotificationStreams(ThreadDatabase &db, std::shared_ptr<PgNotifier> notifier, int recheckMs = 15000,
                        QObject *parent = nullptr);
    ~NotificationStreams() override;

    /// @brief Starts feeding `stream` with the notifications of `userId` after `cursor`.
    void add(SseStream *stream, const QUuid &userId, const QUuid &sessionId, StreamCursor cursor);
    int count() const { return int(m_entries.size()); }

private:
    struct Entry {
        QPointer<SseStream> stream;
        QUuid userId;
        QUuid sessionId;
        StreamCursor cursor;
        bool scheduled = false;
    };

    void notified(const QString &channel, const QString &payload);
    void schedule(SseStream *stream, int delayMs = 0);
    void pump(SseStream *stream);
    void remove(SseStream *stream);
    /// @brief Closes the streams whose session is no longer valid.
    void endRevokedSessions();

    NotificationStore m_store;
    std::shared_ptr<PgNotifier> m_notifier;
    QHash<SseStream *, Entry> m_entries;
    QMultiHash<QUuid, SseStream *> m_byUser;
    QTimer m_recheck;
};

} // namespace inkwell::server
