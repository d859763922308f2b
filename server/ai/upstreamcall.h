#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <utility>

class QTcpSocket;

namespace inkwell::server::ai {

/**
 * @brief One HTTP/1.1 request to an AI upstream on its own TCP (or TLS) connection, with the
 * response body delivered as it arrives.
 *
 * Why not QNetworkAccessManager: in Qt 6.4 a manager opens at most 6 connections per host and
 * queues the rest (QHttp1Configuration, which raises the limit, arrives only in Qt 6.8). A server
 * that streams hundreds of answers at once from one upstream host would serialise them behind six
 * sockets. This class opens its own socket per call instead, or takes an idle one to the same upstream
 * from this thread's UpstreamPool (Request::keepAliveMs > 0): a connection whose response ended cleanly
 * goes back there, one that failed or was aborted is closed. With keepAliveMs 0 it sends
 * `Connection: close` and a connection is never reused. A kept connection that turns out to be closed
 * by the upstream before any byte of the answer came is replaced by a new one, once.
 *
 * Framing: Content-Length, chunked and close-delimited bodies. Timeouts: connecting (including the
 * TLS handshake and the request write) may take min(10 s, idle timeout); after that, the idle
 * timeout is the longest silence between two reads. Lives in, and is driven by, the thread that
 * created it. Emits responseStarted() once, bodyData() any number of times, then exactly one of
 * finished() or failed(); nothing after abort().
 */
class UpstreamCall : public QObject {
    Q_OBJECT
public:
    /// @brief Why a call failed (before or during the response).
    enum class Failure {
        Connect,  ///< no connection (refused, DNS, TLS handshake, TLS unavailable)
        Timeout,  ///< connect timeout, or no byte within the idle timeout
        Truncated,///< the connection ended before the response did
        Protocol, ///< not a valid HTTP/1.1 response
    };
    Q_ENUM(Failure)

    struct Request {
        QByteArray method = "POST";
        QUrl url;
        QList<std::pair<QByteArray, QByteArray>> headers; ///< besides Host, Content-Length, Connection
        QByteArray body;
        int idleTimeoutMs = 60000;
        int connectTimeoutMs = 10000; ///< capped at idleTimeoutMs
        /// How long the connection may wait idle in the UpstreamPool for the next call; 0: not kept.
        int keepAliveMs = 0;
        /// Trusted for https besides the system's CAs (INKWELL_AI_CA_FILE: a private CA, a test's own).
        QList<QSslCertificate> caCertificates;
    };

    explicit UpstreamCall(QObject *parent = nullptr);
    ~UpstreamCall() override;

    /// @brief Connects and sends the request (asynchronously; failures are signalled).
    void start(const Request &request);
    /// @brief Closes the connection at once; no signal follows.
    void abort();
    /**
     * @brief The caller has all it wanted (a stream's final event came before the end of the HTTP
     * response): no signal follows, but the rest of the response is read, for at most
     * `withinMs`, so that the connection can go back to the UpstreamPool; then the call deletes itself.
     * Without keep-alive, the same as abort() followed by deleteLater().
     */
    void finishInBackground(int withinMs = 5000);

    /// @brief The response status (0 until responseStarted()).
    int status() const { return m_status; }
    /// @brief Whether the call went over a connection kept from an earlier call.
    bool reusedConnection() const { return m_reused; }
    /// @brief A response header (case-insensitive name; the last one wins), empty when absent.
    QByteArray header(QByteArrayView name) const;

Q_SIGNALS:
    /// @brief The status line and headers have arrived.
    void responseStarted(int status);
    /// @brief The next bytes of the (de-chunked) body.
    void bodyData(const QByteArray &bytes);
    /// @brief The body is complete.
    void finished();
    /// @brief The call failed; `detail` is for the log (host and port, never headers or the body).
    void failed(inkwell::server::ai::UpstreamCall::Failure failure, const QString &detail);

private:
    enum class State { Idle, Connecting, StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done };
    enum class Framing { Length, Chunked, Close };

    void connectFresh();
    void wire(QTcpSocket *socket, bool tls);
    bool reusable() const;
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onTimeout();
    void parse();
    bool parseHead();
    void beginBody();
    void complete();
    void fail(Failure failure, const QString &detail);
    void armTimer(int ms);

    QPointer<QTcpSocket> m_socket;
    QTimer m_timer;
    Request m_request;
    State m_state = State::Idle;
    Framing m_framing = Framing::Close;
    QByteArray m_buffer;
    qint64 m_remaining = 0;
    int m_status = 0;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    bool m_over = false;        ///< a final signal was emitted, or abort() was called
    bool m_reused = false;      ///< the connection came from the UpstreamPool
    bool m_receivedAny = false; ///< a byte of the response arrived
    bool m_http11 = false;      ///< the response's version allows keeping the connection
};

} // namespace inkwell::server::ai
