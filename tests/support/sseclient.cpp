#include "sseclient.h"

#include "rawhttp.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace inkwell::test {

qint64 testClockMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.elapsed();
}

SseClient::SseClient(quint16 port, const QByteArray &token, const QByteArray &extraHeaders, const QByteArray &target)
{
    QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    send(port, request + extraHeaders + "\r\n");
}

SseClient::SseClient(Post, quint16 port, const QByteArray &token, const QByteArray &target, const QByteArray &jsonBody)
{
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    send(port, request + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(jsonBody.size()) +
                   "\r\n\r\n" + jsonBody);
}

void SseClient::send(quint16 port, const QByteArray &request)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.waitForConnected(5000);
    m_socket.write(request);
    m_socket.flush();
}

bool SseClient::readUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0 || closed)
            return done();
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(left))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                consume(m_socket.readAll());
                closed = true;
            }
            continue;
        }
        consume(m_socket.readAll());
    }
    return true;
}

bool SseClient::waitForHead(int timeoutMs)
{
    return readUntil([this] { return headDone; }, timeoutMs);
}

bool SseClient::waitForEvents(qsizetype count, int timeoutMs)
{
    return readUntil([this, count] { return events.size() >= count; }, timeoutMs);
}

bool SseClient::waitForEvent(const QString &type, int timeoutMs)
{
    return readUntil([this, type] { return !ofType(type).isEmpty(); }, timeoutMs);
}

bool SseClient::waitForClose(int timeoutMs)
{
    return readUntil([this] { return closed; }, timeoutMs);
}

bool SseClient::waitForEnd(int timeoutMs)
{
    return readUntil([this] { return terminated || closed || complete; }, timeoutMs);
}

void SseClient::listen(int ms)
{
    readUntil([] { return false; }, ms);
}

QByteArray SseClient::header(const QByteArray &name) const
{
    return RawResponse{status, head, {}}.header(name);
}

QList<inkwell::sse::Event> SseClient::ofType(const QString &type) const
{
    QList<inkwell::sse::Event> out;
    for (const auto &event : events) {
        if (event.type == type)
            out.append(event);
    }
    return out;
}

QStringList SseClient::types() const
{
    QStringList out;
    for (const auto &event : events)
        out.append(event.type);
    return out;
}

QJsonObject SseClient::data(const QString &type, qsizetype index) const
{
    return QJsonDocument::fromJson(ofType(type).value(index).data.toUtf8()).object();
}

QString SseClient::deltaText() const
{
    QString text;
    for (const auto &event : ofType(u"message.delta"_s))
        text += QJsonDocument::fromJson(event.data.toUtf8()).object().value(u"text"_s).toString();
    return text;
}

void SseClient::consume(const QByteArray &bytes)
{
    m_raw += bytes;
    m_buffer += bytes;
    if (!headDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        headDone = true;
        status = head.split(' ').value(1).toInt();
        m_chunked = header("Transfer-Encoding").toLower() == "chunked";
    }
    if (!m_chunked) {
        body += m_buffer;
        m_buffer.clear();
        const QByteArray length = header("Content-Length");
        if (!length.isEmpty() && body.size() >= length.toLongLong())
            complete = true;
        return;
    }
    while (!terminated && !framingError) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd < 0)
            return;
        bool ok = false;
        const qint64 size = m_buffer.left(lineEnd).toLongLong(&ok, 16);
        if (!ok || size < 0) {
            framingError = true;
            return;
        }
        if (m_buffer.size() < lineEnd + 2 + size + 2)
            return;
        const QByteArray data = m_buffer.mid(lineEnd + 2, size);
        if (m_buffer.mid(lineEnd + 2 + size, 2) != "\r\n") {
            framingError = true;
            return;
        }
        m_buffer.remove(0, lineEnd + 2 + size + 2);
        if (size == 0) {
            terminated = true;
            break;
        }
        const QList<inkwell::sse::Event> parsed = m_reader.feed(data);
        const QStringList newComments = m_reader.takeComments();
        eventsPerChunk.append(int(parsed.size() + newComments.size()));
        for (const auto &event : parsed) {
            events.append(event);
            arrivedAt.append(testClockMs());
        }
        comments += newComments;
    }
    if (terminated) {
        afterEnd += m_buffer;
        m_buffer.clear();
    }
}

} // namespace inkwell::test
