#include "notificationstreams.h"

#include "http/ssestream.h"

#include "json/jsonreader.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

/// Notifications read per query; a stream with more waiting is fed again right after.
constexpr int kPageSize = 100;
/// How soon to look again when a row waits for an older transaction, or the database failed.
constexpr int kHeldBackRetryMs = 100;
constexpr int kFailureRetryMs = 1000;
constexpr int kRecheckWithoutNotifierMs = 1000;

} // namespace

NotificationStreams::NotificationStreams(ThreadDatabase &db, std::shared_ptr<PgNotifier> notifier, int recheckMs,
                                         QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_notifier(std::move(notifier))
{
    if (m_notifier) {
        connect(m_notifier.get(), &PgNotifier::notified, this, &NotificationStreams::notified);
        connect(m_notifier.get(), &PgNotifier::resync, this, [this] {
            for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
                schedule(it.key());
        });
    }
    m_recheck.setTimerType(Qt::CoarseTimer);
    m_recheck.setInterval(m_notifier ? recheckMs : std::min(recheckMs, kRecheckWithoutNotifierMs));
    connect(&m_recheck, &QTimer::timeout, this, [this] {
        endRevokedSessions();
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
            schedule(it.key());
    });
}

NotificationStreams::~NotificationStreams() = default;

void NotificationStreams::add(SseStream *stream, const QUuid &userId, const QUuid &sessionId, StreamCursor cursor)
{
    if (!stream || !stream->isOpen())
        return;
    m_entries.insert(stream, Entry{stream, userId, sessionId, std::move(cursor), false});
    m_byUser.insert(userId, stream);
    connect(stream, &SseStream::closed, this, [this, stream] { remove(stream); });
    connect(stream, &SseStream::drained, this, [this, stream] { schedule(stream); });
    if (!m_recheck.isActive())
        m_recheck.start();
    schedule(stream); // a reconnecting client gets what it missed at once
}

void NotificationStreams::remove(SseStream *stream)
{
    const auto it = m_entries.constFind(stream);
    if (it == m_entries.cend())
        return;
    m_byUser.remove(it->userId, stream);
    m_entries.erase(it);
    if (m_entries.isEmpty())
        m_recheck.stop();
}

void NotificationStreams::endRevokedSessions()
{
    QSet<QUuid> sessions;
    for (const Entry &entry : std::as_const(m_entries))
        sessions.insert(entry.sessionId);
    if (sessions.isEmpty())
        return;
    auto live = m_store.liveSessions(sessions);
    if (!live)
        return; // the database is away (logged); the streams stay until it answers again
    QList<SseStream *> ended;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!live->contains(it->sessionId))
            ended.append(it.key());
    }
    for (SseStream *stream : std::as_const(ended)) {
        const auto it = m_entries.constFind(stream);
        if (it == m_entries.cend() || !it->stream)
            continue;
        QPointer<SseStream> alive = it->stream;
        alive->sendEvent(u"error", {{u"status"_s, 401},
                                    {u"title"_s, u"Session ended"_s},
                                    {u"detail"_s, u"This session was signed out or ended; sign in again."_s}});
        if (alive)
            alive->close(); // remove() runs on closed()
    }
}

void NotificationStreams::notified(const QString &channel, const QString &payload)
{
    if (channel != kNotificationsChannel)
        return;
    const auto userId = parseId(payload);
    if (!userId)
        return;
    for (auto it = m_byUser.constFind(*userId); it != m_byUser.cend() && it.key() == *userId; ++it)
        schedule(it.value());
}

void NotificationStreams::schedule(SseStream *stream, int delayMs)
{
    const auto it = m_entries.find(stream);
    if (it == m_entries.end() || it->scheduled)
        return;
    it->scheduled = true;
    // Queued, not at once: several NOTIFYs for one user that arrive together make one read.
    QTimer::singleShot(delayMs, this, [this, stream] {
        const auto entry = m_entries.find(stream);
        if (entry == m_entries.end())
            return;
        entry->scheduled = false;
        pump(stream);
    });
}

void NotificationStreams::pump(SseStream *stream)
{
    auto it = m_entries.find(stream);
    if (it == m_entries.end())
        return;
    if (!it->stream || !it->stream->isOpen()) {
        remove(stream);
        return;
    }
    if (!it->stream->writable())
        return; // fed again on drained()
    auto rows = m_store.streamAfter(it->userId, it->cursor, kPageSize);
    if (!rows) {
        schedule(stream, kFailureRetryMs); // the database is away; the failure is logged
        return;
    }
    bool heldBack = false;
    for (const StreamedNotification &row : std::as_const(*rows)) {
        if (!row.settled) {
            // An older transaction is still in flight and may yet add a row before this one.
            heldBack = true;
            break;
        }
        const bool skip = it->cursor.skip.remove(row.position.seq);
        QSet<qint64> rest = std::move(it->cursor.skip);
        it->cursor = row.position;
        it->cursor.skip = std::move(rest);
        if (skip)
            continue;
        if (!it->stream->sendEvent(u"notification.created", {{u"notification"_s, toJson(row.notification)}},
                                   it->cursor.toEventId()))
            return; // closed: remove() runs on closed()
        if (!it->stream->writable())
            return; // the rest when the client caught up
    }
    if (heldBack)
        schedule(stream, kHeldBackRetryMs);
    else if (rows->size() == kPageSize)
        schedule(stream);
}

} // namespace inkwell::server
