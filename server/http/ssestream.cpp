#include "ssestream.h"

#include "http/connectionguard.h"
#include "log/logging.h"
#include "sse/ssewriter.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

constexpr int kShutdownRetryMs = 2000;
constexpr int kShutdownRetryJitterMs = 3000;

} // namespace

SseStream::SseStream(const Router &router, RequestContext context, QHttpServerResponder &&responder, SseOptions options)
    : m_context(std::move(context))
    , m_options(options)
    , m_responder(std::in_place, std::move(responder))
    , m_socket(m_responder->socket())
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return; // the client left before the stream began: closed() follows from the registry
    m_open = true;
    // The DeferredReply that handed the connection over already stopped reading from it and marked it
    // held; this repeats the mark so that the stream does not depend on where it came from.
    m_socket->setProperty(kHeldProperty, true);
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] { ended("the client left"); });
    connect(m_socket, &QObject::destroyed, this, [this] { ended("the connection was closed"); });
    connect(m_socket, &QIODevice::bytesWritten, this, [this] {
        if (m_full && m_socket && m_socket->bytesToWrite() < m_options.lowWaterBytes) {
            m_full = false;
            Q_EMIT drained();
        }
    });
    m_keepAlive.setSingleShot(true);
    m_keepAlive.setTimerType(Qt::CoarseTimer);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { send(sse::encodeComment(u"keep-alive")); });

    QList<std::pair<QByteArray, QByteArray>> headers{
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream; charset=utf-8")},
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
        {QByteArrayLiteral("Connection"), QByteArrayLiteral("close")},
        {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")}, // nginx: pass each event on at once
        {QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked")},
    };
    for (auto &header : router.beginStream(m_context)) {
        const auto same = [&header](const auto &mine) {
            return mine.first.compare(header.first, Qt::CaseInsensitive) == 0;
        };
        if (std::none_of(headers.cbegin(), headers.cend(), same))
            headers.append(std::move(header));
    }
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    for (const auto &[name, value] : std::as_const(headers))
        m_responder->writeHeader(name, value);
    // The first chunk ends the header block too, so the client learns at once that the stream is open.
    writeChunk(sse::encodeComment(u"stream open"));
}

SseStream::~SseStream()
{
    if (!m_socket)
        return;
    disconnect(m_socket, nullptr, this, nullptr);
    if (m_open) {
        // Destroyed while open (the listener is going away): do not leave the client waiting.
        m_socket->setProperty(kHeldProperty, false);
        m_socket->abort();
    }
}

void SseStream::writeChunk(const QByteArray &data)
{
    QByteArray chunk;
    chunk.reserve(data.size() + 16);
    chunk += QByteArray::number(data.size(), 16);
    chunk += "\r\n";
    chunk += data;
    chunk += "\r\n";
    m_responder->writeBody(chunk); // the first call also ends the header block
    // To the kernel now, not at the next turn of the event loop: whatever the thread does next (an
    // answer's final database writes, say) must not hold back an event already produced.
    if (m_socket)
        m_socket->flush();
    m_keepAlive.start(m_options.keepAliveMs);
}

bool SseStream::send(const QByteArray &encodedEvent)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_open || !m_socket)
        return false;
    if (encodedEvent.isEmpty())
        return true; // an empty chunk would end the stream
    writeChunk(encodedEvent);
    if (m_socket->bytesToWrite() > m_options.maxBufferedBytes) {
        logging::write(QtWarningMsg, u"inkwell.server.http"_s,
                       u"stream for %1 cut: the client does not keep up (%2 bytes waiting)"_s.arg(m_context.route)
                           .arg(m_socket->bytesToWrite()),
                       {{u"request_id"_s, QString::fromLatin1(m_context.requestId)}});
        m_socket->setProperty(kHeldProperty, false);
        m_socket->abort(); // emits disconnected(): ended()
        ended("the client was too slow");
        return false;
    }
    if (m_socket->bytesToWrite() >= m_options.lowWaterBytes)
        m_full = true;
    return true;
}

bool SseStream::sendEvent(QStringView type, const QJsonObject &payload, QStringView id)
{
    sse::Event event;
    event.type = type.toString();
    event.id = id.toString();
    event.data = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return send(sse::encode(event));
}

bool SseStream::writable() const
{
    if (!m_open || !m_socket)
        return false;
    if (m_socket->bytesToWrite() >= m_options.lowWaterBytes) {
        m_full = true;
        return false;
    }
    return true;
}

qint64 SseStream::buffered() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void SseStream::close(const QByteArray &lastEvent)
{
    if (!m_open || !m_socket) {
        ended("closed");
        return;
    }
    if (!lastEvent.isEmpty())
        writeChunk(lastEvent);
    m_responder->writeBody(QByteArrayLiteral("0\r\n\r\n"));
    m_socket->setProperty(kHeldProperty, false);
    m_socket->disconnectFromHost(); // once what is buffered is written
    ended("closed by the server");
}

void SseStream::ended(const char *why)
{
    m_keepAlive.stop();
    m_open = false;
    if (std::exchange(m_closedEmitted, true))
        return;
    if (logging::enabled(QtDebugMsg))
        logging::write(QtDebugMsg, u"inkwell.server.http"_s,
                       u"stream for %1 ended: %2"_s.arg(m_context.route, QString::fromLatin1(why)),
                       {{u"request_id"_s, QString::fromLatin1(m_context.requestId)}});
    Q_EMIT closed();
}

// ---- SseRegistry ---------------------------------------------------------------------------------------------

SseRegistry::SseRegistry(std::atomic<int> *gauge)
    : m_gauge(gauge)
{
}

SseRegistry::~SseRegistry()
{
    const QSet<SseStream *> streams = std::exchange(m_streams, {});
    for (SseStream *stream : streams) {
        QObject::disconnect(stream, &SseStream::closed, nullptr, nullptr);
        delete stream;
        if (m_gauge)
            --*m_gauge;
    }
}

void SseRegistry::add(SseStream *stream)
{
    m_streams.insert(stream);
    if (m_gauge)
        ++*m_gauge;
    QObject::connect(stream, &SseStream::closed, stream, [this, stream] {
        if (!m_streams.remove(stream))
            return;
        if (m_gauge)
            --*m_gauge;
        stream->deleteLater();
    });
    if (!stream->isOpen())
        stream->close(); // the client left before it began
}

void SseRegistry::closeAll()
{
    const QSet<SseStream *> streams = m_streams; // close() removes from m_streams
    for (SseStream *stream : streams) {
        const int retryMs = kShutdownRetryMs + int(QRandomGenerator::global()->bounded(kShutdownRetryJitterMs));
        sse::Event event;
        event.type = u"shutdown"_s;
        event.retryMs = retryMs;
        event.data = QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"reason"_s, u"server shutting down"_s}, {u"retry_ms"_s, retryMs}})
                .toJson(QJsonDocument::Compact));
        stream->close(sse::encode(event));
    }
}

} // namespace inkwell::server
