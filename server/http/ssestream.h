#pragma once

#include "http/router.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>
#include <atomic>
#include <optional>

namespace inkwell::server {

/// @brief How a Server-Sent-Events stream treats a slow or silent connection.
struct SseOptions {
    /// A comment line (": keep-alive") after this long without a write, so proxies and clients see life.
    int keepAliveMs = 15000;
    /// Below this many bytes waiting in the socket's buffer the stream is writable() again (drained()).
    qint64 lowWaterBytes = 64 * 1024;
    /// A client that lets more than this pile up is too slow to keep: the connection is cut.
    qint64 maxBufferedBytes = 4 * 1024 * 1024;
};

/// @brief A Server-Sent-Events answer on one connection, written from the listener thread that owns it.
///
/// QHttpServer 6.4 has no chunked-encoding API (qt64-notes.md), so the stream writes the framing itself:
/// the status line and headers (the middleware's, from Router::beginStream, plus `text/event-stream`,
/// `Transfer-Encoding: chunked`, `Connection: close`), then each event as one chunk, and at the end the
/// terminating chunk before the connection closes. The connection is its own: nothing more is read from
/// it (a pipelined request would be answered in the middle of the stream) and the connection guard
/// neither idles nor drains it (kHeldProperty). Made by Router::openStream; owned by the SseRegistry.
class SseStream : public QObject {
    Q_OBJECT
public:
    SseStream(const Router &router, RequestContext context, QHttpServerResponder &&responder, SseOptions options);
    ~SseStream() override;

    /// @brief Sends one encoded event (core's sse::encode) as one chunk; false when the stream is closed.
    bool send(const QByteArray &encodedEvent);
    /// @brief Sends `event: type`, `id: id` (when given) and `data: <payload as compact JSON>`.
    bool sendEvent(QStringView type, const QJsonObject &payload, QStringView id = {});
    /// @brief Ends the stream: `lastEvent` (if any), the terminating chunk, then the connection closes
    /// once what is buffered is written.
    void close(const QByteArray &lastEvent = {});

    bool isOpen() const { return m_open; }
    /// @brief Whether the client keeps up (little is waiting to be written). A producer that can wait
    /// should, until drained().
    bool writable() const;
    /// @brief Bytes written but not yet handed to the kernel.
    qint64 buffered() const;
    const RequestContext &context() const { return m_context; }

Q_SIGNALS:
    /// @brief What was waiting has been written (after writable() had turned false).
    void drained();
    /// @brief The stream ended (closed, the client left, or it was cut for being too slow). Once.
    void closed();

private:
    void writeChunk(const QByteArray &data);
    void ended(const char *why);

    RequestContext m_context;
    SseOptions m_options;
    std::optional<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    QTimer m_keepAlive;
    bool m_open = false;
    bool m_closedEmitted = false;
    mutable bool m_full = false;
};

/// @brief The open streams of one listener thread. Owns them (each is deleted after its closed()),
/// counts them in the `inkwell_sse_open_streams` gauge, and ends them all at shutdown.
class SseRegistry {
public:
    /// `gauge` (Metrics::openStreams) counts the open streams of every listener.
    explicit SseRegistry(std::atomic<int> *gauge);
    ~SseRegistry();
    SseRegistry(const SseRegistry &) = delete;
    SseRegistry &operator=(const SseRegistry &) = delete;

    void add(SseStream *stream);
    int count() const { return int(m_streams.size()); }

    /// @brief Shutdown: every stream gets `event: shutdown` with `{"reason", "retry_ms"}` (and a matching
    /// `retry:` field, a few seconds with some jitter so that clients do not all come back at once),
    /// then its end. The connections close once that is written, instead of being cut at the end of the
    /// grace period.
    void closeAll();

private:
    std::atomic<int> *m_gauge;
    QSet<SseStream *> m_streams;
};

} // namespace inkwell::server
