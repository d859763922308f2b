#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

namespace inkwell::test {

/// @brief One HTTP/1.1 response parsed from raw bytes.
struct RawResponse {
    int status = 0;
    QByteArray head; ///< status line and headers
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
};

/// @brief A blocking raw-socket client, for what QNetworkAccessManager will not send: ambiguous
/// framing, pipelining, trickling, oversized headers. A test may wait with QTRY_/qWaitFor between
/// reads: what the event loop reads in meanwhile is kept for the next read.
class RawHttp {
public:
    explicit RawHttp(quint16 port);
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes);
    /// @brief Reads until the server closes or `timeoutMs` passes; returns everything read.
    QByteArray readUntilClosed(int timeoutMs = 10000);
    /// @brief Reads until `count` complete responses arrived (or the time is up).
    QList<RawResponse> readResponses(int count, int timeoutMs = 10000);
    bool closedByServer() const { return m_closed; }
    QTcpSocket &socket() { return m_socket; }

    /// @brief Splits bytes into responses (Content-Length framing; "100 Continue" included).
    static QList<RawResponse> parse(const QByteArray &bytes, QByteArray *rest = nullptr);

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

} // namespace inkwell::test
