#include "rawhttp.h"

#include <QElapsedTimer>

namespace inkwell::test {

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RawHttp::RawHttp(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.waitForConnected(5000);
}

void RawHttp::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(5000)) {
    }
}

QByteArray RawHttp::readUntilClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_closed && timer.elapsed() < timeoutMs) {
        m_buffer += m_socket.readAll(); // what an event loop (a QTRY_ wait) may already have read in
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_closed = true;
            break;
        }
        if (m_socket.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - timer.elapsed()))))
            m_buffer += m_socket.readAll();
        else if (m_socket.state() != QAbstractSocket::ConnectedState || m_socket.error() == QAbstractSocket::RemoteHostClosedError)
            m_closed = true;
    }
    m_buffer += m_socket.readAll();
    return m_buffer;
}

QList<RawResponse> RawHttp::readResponses(int count, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QList<RawResponse> responses;
    while (timer.elapsed() < timeoutMs) {
        m_buffer += m_socket.readAll(); // what an event loop (a QTRY_ wait) may already have read in
        responses = parse(m_buffer);
        if (responses.size() >= count)
            return responses;
        if (!m_socket.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - timer.elapsed())))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                m_closed = true;
                m_buffer += m_socket.readAll();
                break;
            }
            continue;
        }
        m_buffer += m_socket.readAll();
    }
    return parse(m_buffer);
}

QList<RawResponse> RawHttp::parse(const QByteArray &bytes, QByteArray *rest)
{
    QList<RawResponse> out;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", pos);
        if (end < 0)
            break;
        RawResponse response;
        response.head = bytes.mid(pos, end - pos);
        const qsizetype lineEnd = response.head.indexOf('\r');
        const QList<QByteArray> statusLine = (lineEnd < 0 ? response.head : response.head.left(lineEnd)).split(' ');
        response.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        const qsizetype bodyStart = end + 4;
        const qsizetype length = response.status == 100 || response.status == 204 ? 0 : response.header("Content-Length").toLongLong();
        if (bytes.size() - bodyStart < length)
            break;
        response.body = bytes.mid(bodyStart, length);
        out.append(response);
        pos = bodyStart + length;
    }
    if (rest)
        *rest = bytes.mid(pos);
    return out;
}

} // namespace inkwell::test
