#pragma once

#include "sse/ssereader.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTcpSocket>

#include <functional>

namespace inkwell::test {

/// @brief Milliseconds on one monotonic clock for the whole test process (when events arrived, when
/// a test wrote something), so that the two can be subtracted.
qint64 testClockMs();

/// @brief A Server-Sent-Events client on a raw socket, for tests of streamed answers: checks the
/// chunked framing byte by byte, parses the events with core's reader, and notes when each event
/// arrived and how many came in each chunk. An answer that is not a stream (a problem) lands in `body`.
/// Blocking: the read functions wait on the socket in the calling thread.
class SseClient {
public:
    /// `GET target` with `Accept: text/event-stream` (and the bearer token, when given); `extraHeaders`
    /// end in CRLF and may even carry a pipelined request behind this one.
    SseClient(quint16 port, const QByteArray &token, const QByteArray &extraHeaders = {},
              const QByteArray &target = "/api/v1/notifications/stream");
    struct Post {};
    /// `POST target` with a JSON body, `Accept: text/event-stream`.
    SseClient(Post, quint16 port, const QByteArray &token, const QByteArray &target, const QByteArray &jsonBody);
    SseClient(const SseClient &) = delete;
    SseClient &operator=(const SseClient &) = delete;
    /// Everything received, in the order received (for checks over all bytes a client ever saw).
    const QByteArray &raw() const { return m_raw; }

    /// @brief Reads until `done()` or `timeoutMs`; returns done().
    bool readUntil(const std::function<bool()> &done, int timeoutMs);
    bool waitForHead(int timeoutMs = 5000);
    bool waitForEvents(qsizetype count, int timeoutMs = 10000);
    bool waitForEvent(const QString &type, int timeoutMs = 10000);
    bool waitForClose(int timeoutMs);
    /// @brief Until the terminating chunk (a stream), the whole body (Content-Length) or the close.
    bool waitForEnd(int timeoutMs = 15000);
    /// @brief Reads whatever arrives during `ms`.
    void listen(int ms);

    QByteArray header(const QByteArray &name) const;
    QList<inkwell::sse::Event> ofType(const QString &type) const;
    QStringList types() const;
    /// @brief The JSON data of the `index`th event of `type` (empty when there is none).
    QJsonObject data(const QString &type, qsizetype index = 0) const;
    /// @brief The `text` of every `message.delta`, joined.
    QString deltaText() const;

    void abort() { m_socket.abort(); }
    void close() { m_socket.disconnectFromHost(); }
    QTcpSocket &socket() { return m_socket; }

    int status = 0;
    QByteArray head;
    QByteArray body;
    QList<inkwell::sse::Event> events;
    QList<qint64> arrivedAt; ///< testClockMs() when each event was parsed
    QStringList comments;
    QList<int> eventsPerChunk;
    bool headDone = false;
    bool terminated = false; ///< the terminating chunk arrived
    bool framingError = false;
    QByteArray afterEnd; ///< bytes after the terminating chunk (there must be none)
    bool closed = false;
    bool complete = false; ///< an answer that is not a stream arrived whole (Content-Length)

private:
    void send(quint16 port, const QByteArray &request);
    void consume(const QByteArray &bytes);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_raw;
    inkwell::sse::Reader m_reader;
    bool m_chunked = false;
};

} // namespace inkwell::test
