#include "connectionguard.h"

#include "http/metrics.h"
#include "http/problem.h"
#include "http/router.h"
#include "log/logging.h"

#include <QDynamicPropertyChangeEvent>
#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <cstring>
#include <expected>
#include <sys/ioctl.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

qint64 GuardLimits::bodyLimitFor(QByteArrayView path) const
{
    for (const auto &[prefix, limit] : bodyLimitByPathPrefix) {
        if (path.startsWith(prefix))
            return limit;
    }
    return maxBodyBytes;
}

bool ConnectionCounter::tryAcquire(const QHostAddress &address, int max)
{
    QMutexLocker lock(&m_mutex);
    int &count = m_byAddress[address];
    if (count >= max) {
        if (count == 0)
            m_byAddress.remove(address);
        return false;
    }
    ++count;
    ++m_total;
    return true;
}

void ConnectionCounter::release(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_byAddress.find(address);
    if (it == m_byAddress.end())
        return;
    if (--it.value() <= 0)
        m_byAddress.erase(it);
    --m_total;
}

namespace {

constexpr qint64 kReadBufferBytes = 64 * 1024;
/// What a connection may pipeline behind a held answer; more ends the connection after that answer.
constexpr qint64 kMaxParkedBytes = 256 * 1024;

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

/// Follows the request framing of one connection byte by byte, in step with QHttpServer, and
/// refuses what must not reach it. Lives as a child of its socket.
class RequestGuard : public QObject {
public:
    RequestGuard(QTcpSocket *socket, const GuardLimits &limits, std::shared_ptr<ConnectionCounter> counter,
                 std::shared_ptr<Metrics> metrics, QHostAddress peer)
        : QObject(socket)
        , m_socket(socket)
        , m_limits(limits)
        , m_counter(std::move(counter))
        , m_metrics(std::move(metrics))
        , m_peer(std::move(peer))
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::CoarseTimer);
        connect(&m_timer, &QTimer::timeout, this, &RequestGuard::onTimer);
        // Connected before QHttpServer connects its own handler, so this one runs first.
        connect(socket, &QTcpSocket::readyRead, this, &RequestGuard::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, [this] {
            m_lastActivity.start();
            if (m_refused && m_socket->bytesToWrite() == 0)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR); // answer sent: FIN, keep draining
        });
        m_lastActivity.start();
        m_connected.start();
        socket->installEventFilter(this); // sees kHeldProperty change (QDynamicPropertyChangeEvent)
        armTimer();
    }

    ~RequestGuard() override { m_counter->release(m_peer); }

    /// Close as soon as nothing is in progress; answers written meanwhile are completed first.
    void beginDrain()
    {
        m_draining = true;
        checkDrain();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_socket && event->type() == QEvent::DynamicPropertyChange &&
            static_cast<QDynamicPropertyChangeEvent *>(event)->propertyName() == kHeldProperty) {
            if (held())
                park();
            else
                release();
        }
        return false;
    }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers };

    /// While an answer is held, what the client pipelines behind it is taken out of the socket before
    /// QHttpServer reads it (it would answer it at once, before the held answer) and kept here, unframed.
    /// The guard has framed nothing past the held request (onReadyRead stops at the end of a request),
    /// so these bytes begin at a request boundary and are framed when they are handed back.
    void park()
    {
        if (m_socket->bytesAvailable() <= 0)
            return;
        const QByteArray bytes = m_socket->readAll();
        // QHttpServer leaves a transaction open when it found nothing to read: what was read here is gone.
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        if (m_parkOverflow)
            return;
        if (m_parked.size() + bytes.size() > kMaxParkedBytes) {
            // Too much behind one answer: it is the connection's last, the client sends the rest again.
            m_parked = QByteArray();
            m_parkOverflow = true;
            m_closeAfterSet = true;
            m_socket->setProperty(kCloseAfterProperty, true);
            return;
        }
        m_parked += bytes;
    }

    /// The held answer is written (or given up): the connection ends if that request asked for it, or the
    /// pipelined requests are handed to QHttpServer, in order, at the next turn of the event loop (a stream
    /// that ends also closes the connection, which the queued call then finds).
    void release()
    {
        if (m_socket->property(kCloseAfterProperty).toBool()) {
            m_parked = QByteArray();
            if (m_socket->state() == QAbstractSocket::ConnectedState)
                m_socket->disconnectFromHost(); // once the answer is written
            return;
        }
        if (m_parked.isEmpty())
            return;
        QMetaObject::invokeMethod(this, &RequestGuard::replay, Qt::QueuedConnection);
    }

    void replay()
    {
        if (held() || m_parked.isEmpty())
            return;
        if (m_draining || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_parked = QByteArray();
            return;
        }
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction(); // QHttpServer's, empty: everything read while held was parked
        // Back in front of whatever arrived since (there is nothing: while held, everything is parked).
        for (qsizetype i = m_parked.size() - 1; i >= 0; --i)
            m_socket->ungetChar(m_parked.at(i));
        m_parked = QByteArray();
        Q_EMIT m_socket->readyRead(); // the guard frames the first request, then QHttpServer serves it
    }

    void onReadyRead()
    {
        m_lastActivity.start();
        if (m_refused) {
            m_socket->readAll(); // draining what the client still sends after the refusal
            return;
        }
        if (held()) {
            // A handler holds this connection's answer (a deferred reply, a stream): what the client
            // pipelines now waits until the answer is written, never parsed or answered mid-answer.
            park();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (m_state == State::Body && available <= m_remaining) {
            // Inside a body nothing needs looking at: count it without copying it.
            m_remaining -= available;
            if (m_remaining == 0)
                requestComplete();
            armTimer();
            return;
        }
        m_scratch.resize(available);
        const qint64 got = m_socket->peek(m_scratch.data(), available);
        const QByteArrayView data(m_scratch.constData(), std::max<qint64>(0, got));
        qsizetype i = 0;
        // Framing stops at the end of a request: QHttpServer reads exactly that one request next (in this
        // same readyRead), and raises readyRead again for what follows, which this then frames. Bytes
        // framed ahead would be peeked, and framed, a second time.
        m_requestEnded = false;
        while (i < data.size() && !m_refused && !m_requestEnded) {
            switch (m_state) {
            case State::Head: {
                if (m_head.isEmpty() && !m_active) {
                    m_active = true;
                    m_requestTimer.start();
                }
                // A line at a time: up to and including the next LF, or all there is.
                const char *begin = data.data() + i;
                const auto *lf = static_cast<const char *>(std::memchr(begin, '\n', size_t(data.size() - i)));
                const qsizetype take = lf ? (lf - begin) + 1 : data.size() - i;
                if (m_head.size() + take > m_limits.maxHeaderBytes) {
                    refuse(431, u"Request Header Fields Too Large"_s,
                           u"The request line and headers exceed %1 bytes."_s.arg(m_limits.maxHeaderBytes));
                    break;
                }
                m_head.append(begin, take);
                i += take;
                if (!lf)
                    break;
                if (m_head.size() < 2 || m_head.at(m_head.size() - 2) != '\r') {
                    refuse(400, u"Bad Request"_s, u"Lines must end with CRLF."_s);
                    break;
                }
                if (m_head.size() == 2) { // empty lines before a request are tolerated (RFC 9112 2.2)
                    m_head.clear();
                    break;
                }
                if (m_head.endsWith("\r\n\r\n"))
                    headComplete(i < data.size());
                break;
            }
            case State::Body: {
                const qint64 take = std::min<qint64>(m_remaining, data.size() - i);
                i += take;
                m_remaining -= take;
                if (m_remaining == 0)
                    requestComplete();
                break;
            }
            case State::ChunkSize:
            case State::Trailers:
            case State::ChunkDataEnd: {
                const char c = data.at(i++);
                m_line.append(c);
                if (m_line.size() > 1024) {
                    refuse(400, u"Bad Request"_s, u"A chunk line is too long."_s);
                    break;
                }
                if (c == '\n')
                    chunkLine();
                break;
            }
            case State::ChunkData: {
                const qint64 take = std::min<qint64>(m_remaining, data.size() - i);
                i += take;
                m_remaining -= take;
                if (m_remaining == 0)
                    m_state = State::ChunkDataEnd;
                break;
            }
            }
        }
        if (m_scratch.capacity() > kReadBufferBytes)
            m_scratch = QByteArray(); // do not keep a large body's worth per connection
        if (m_refused)
            m_socket->readAll(); // QHttpServer must see none of it
        armTimer();
    }

    /// Why a request head is refused: the answer's status, reason phrase and detail.
    struct Refusal {
        int status;
        QString title;
        QString detail;
    };
    static Refusal badRequest(const QString &detail) { return {400, u"Bad Request"_s, detail}; }

    /// The request line: `METHOD SP target SP HTTP/1.x` (views into the head).
    struct RequestLine {
        QByteArrayView method;
        QByteArrayView path; ///< the target without its query
        bool http11 = false;
    };

    /// What the header lines say about framing and the connection.
    struct Framing {
        bool keepAlive = false;
        QByteArrayView contentLength;
        QByteArray transferCodings;
        bool expectContinue = false;
        bool hasContentLength = false;
        bool hasTransferEncoding = false;
    };

    static std::expected<RequestLine, Refusal> parseRequestLine(QByteArrayView requestLine)
    {
        const qsizetype sp1 = requestLine.indexOf(' ');
        const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0)
            return std::unexpected(badRequest(u"The request line is malformed."_s));
        const QByteArrayView method = requestLine.first(sp1);
        const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
        const QByteArrayView version = requestLine.sliced(sp2 + 1);
        if (version != "HTTP/1.1" && version != "HTTP/1.0")
            return std::unexpected(badRequest(u"The request line is malformed."_s));
        for (char c : method) {
            if (!isTokenChar(c))
                return std::unexpected(badRequest(u"The request method is malformed."_s));
        }
        const qsizetype query = target.indexOf('?');
        return RequestLine{method, query < 0 ? target : target.first(query), version == "HTTP/1.1"};
    }

    /// Reads the header lines of `all` from `pos` on (views into the head; only framing headers are looked at).
    static std::expected<Framing, Refusal> parseHeaders(QByteArrayView all, qsizetype pos, bool http11)
    {
        Framing out;
        out.keepAlive = http11;
        while (pos < all.size()) {
            qsizetype end = all.indexOf('\n', pos);
            if (end < 0)
                end = all.size();
            const QByteArrayView line = all.sliced(pos, end - pos - 1); // without CR
            pos = end + 1;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return std::unexpected(badRequest(u"A header line is malformed."_s));
            const QByteArrayView name = line.first(colon);
            for (char c : name) {
                if (!isTokenChar(c)) // also refuses obsolete line folding and "Name :"
                    return std::unexpected(badRequest(u"A header name is malformed."_s));
            }
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            const auto is = [&name](QByteArrayView wanted) { return name.compare(wanted, Qt::CaseInsensitive) == 0; };
            if (is("content-length")) {
                if (!isDigits(value))
                    return std::unexpected(badRequest(u"Content-Length must be plain digits."_s));
                if (out.hasContentLength && value != out.contentLength)
                    return std::unexpected(badRequest(u"The request has conflicting Content-Length headers."_s));
                out.hasContentLength = true;
                out.contentLength = value;
            } else if (is("transfer-encoding")) {
                out.hasTransferEncoding = true;
                out.transferCodings += (out.transferCodings.isEmpty() ? "" : ",") + value.toByteArray();
            } else if (is("expect")) {
                if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                    return std::unexpected(Refusal{417, u"Expectation Failed"_s, u"Only 100-continue is supported."_s});
                out.expectContinue = true;
            } else if (is("connection")) {
                for (const QByteArray &token : value.toByteArray().split(',')) {
                    const QByteArray t = token.trimmed().toLower();
                    if (t == "close")
                        out.keepAlive = false;
                    else if (t == "keep-alive")
                        out.keepAlive = true;
                }
            }
        }
        if (out.hasTransferEncoding) {
            if (out.hasContentLength)
                return std::unexpected(badRequest(u"Transfer-Encoding and Content-Length must not both be sent."_s));
            QList<QByteArray> codings;
            for (const QByteArray &coding : out.transferCodings.split(','))
                codings.append(coding.trimmed().toLower());
            if (codings != QList<QByteArray>{"chunked"})
                return std::unexpected(
                    Refusal{501, u"Not Implemented"_s, u"Only the chunked transfer coding is supported."_s});
        }
        return out;
    }

    void headComplete(bool bodyBytesFollow)
    {
        const QByteArray head = std::exchange(m_head, QByteArray());
        if (head.count('\r') != head.count('\n')) { // every LF has its CR; no CR may stand alone
            refuse(400, u"Bad Request"_s, u"A line contains a bare CR."_s);
            return;
        }
        // Views into the head, no copies: this runs for every request.
        const QByteArrayView all(head.constData(), head.size() - 2); // without the final empty line
        const qsizetype lineEnd = all.indexOf('\n');
        const auto requestLine = parseRequestLine(all.first(lineEnd - 1));
        if (!requestLine) {
            refuse(requestLine.error());
            return;
        }
        const auto framing = parseHeaders(all, lineEnd + 1, requestLine->http11);
        if (!framing) {
            refuse(framing.error());
            return;
        }
        m_closeAfterResponse = !framing->keepAlive;
        acceptBody(*framing, m_limits.bodyLimitFor(requestLine->path), bodyBytesFollow);
    }

    /// Sets up reading the body the head announced (chunked, or Content-Length bytes), or completes the request.
    void acceptBody(const Framing &framing, qint64 limit, bool bodyBytesFollow)
    {
        if (framing.hasTransferEncoding) {
            m_bodyLimit = limit;
            m_bodyTotal = 0;
            m_state = State::ChunkSize;
            m_line.clear();
        } else {
            const qint64 length = framing.hasContentLength ? framing.contentLength.toByteArray().toLongLong() : 0;
            if (length > limit) {
                refuse(413, u"Content Too Large"_s, u"The request body exceeds %1 bytes."_s.arg(limit));
                return;
            }
            if (length == 0) {
                requestComplete();
                return;
            }
            m_expectedBody = length;
            m_remaining = length;
            m_state = State::Body;
        }
        m_socket->setReadBufferSize(0); // accepted: QHttpServer reads the body as fast as it comes
        if (framing.expectContinue && !bodyBytesFollow)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }

    void refuse(const Refusal &refusal) { refuse(refusal.status, refusal.title, refusal.detail); }

    void chunkLine()
    {
        if (m_line.size() < 2 || m_line.at(m_line.size() - 2) != '\r') {
            refuse(400, u"Bad Request"_s, u"Lines must end with CRLF."_s);
            return;
        }
        const QByteArray line = m_line.chopped(2);
        m_line.clear();
        switch (m_state) {
        case State::ChunkSize: {
            const QByteArray hex = line.left(line.indexOf(';') < 0 ? line.size() : line.indexOf(';')).trimmed();
            bool ok = !hex.isEmpty() && hex.size() <= 15;
            for (char c : hex)
                ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            if (!ok) {
                refuse(400, u"Bad Request"_s, u"A chunk size is malformed."_s);
                return;
            }
            const qint64 size = hex.toLongLong(nullptr, 16);
            if (size == 0) {
                m_state = State::Trailers;
                return;
            }
            m_bodyTotal += size;
            if (m_bodyTotal > m_bodyLimit) {
                refuse(413, u"Content Too Large"_s, u"The request body exceeds %1 bytes."_s.arg(m_bodyLimit));
                return;
            }
            m_remaining = size;
            m_state = State::ChunkData;
            return;
        }
        case State::ChunkDataEnd:
            if (!line.isEmpty()) {
                refuse(400, u"Bad Request"_s, u"A chunk is longer than its size says."_s);
                return;
            }
            m_state = State::ChunkSize;
            return;
        case State::Trailers:
            m_trailerBytes += line.size() + 2;
            if (m_trailerBytes > m_limits.maxHeaderBytes) {
                refuse(431, u"Request Header Fields Too Large"_s, u"The trailers are too large."_s);
                return;
            }
            if (line.isEmpty()) {
                m_trailerBytes = 0;
                requestComplete();
            }
            return;
        default:
            return;
        }
    }

    void requestComplete()
    {
        if (m_state != State::Head)
            m_socket->setReadBufferSize(kReadBufferBytes);
        m_state = State::Head;
        m_active = false;
        m_expectedBody = 0;
        ++m_completed;
        m_requestEnded = true;
        // For an answer given later (DeferredReply): whether to say "Connection: close" and end here.
        if (m_closeAfterResponse != m_closeAfterSet) { // a property set costs an event: only on a change
            m_closeAfterSet = m_closeAfterResponse;
            m_socket->setProperty(kCloseAfterProperty, m_closeAfterResponse);
        }
        if (m_closeAfterResponse) {
            // QHttpServer 6.4 ignores "Connection: close". A returned response has been written by the
            // time the queued call runs; a held responder (a stream) closes the socket itself.
            QPointer<QTcpSocket> socket(m_socket);
            QMetaObject::invokeMethod(
                this,
                [socket] {
                    if (socket && socket->bytesToWrite() > 0 && !socket->property(kHeldProperty).toBool())
                        socket->disconnectFromHost();
                },
                Qt::QueuedConnection);
        }
    }

    void refuse(int status, const QString &title, const QString &detail,
                QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        m_refused = true;
        // From now on read at most this much from the kernel at a time: what the client still sends
        // is dropped piece by piece and never sits in memory whole.
        m_socket->setReadBufferSize(kReadBufferBytes);
        const QByteArray requestId = newRequestId();
        const Problem problem{status, u"/problems/bad-request"_s, title, detail, {}, {}, {}};
        m_socket->write(problem.toRawHttp(requestId, headers));
        if (m_metrics)
            m_metrics->recordRefusal(status);
        logging::access({{u"request_id"_s, QString::fromLatin1(requestId)},
                         {u"route"_s, u"-"_s},
                         {u"status"_s, status},
                         {u"remote"_s, m_peer.toString()},
                         {u"refused_by"_s, u"connection guard"_s},
                         {u"detail"_s, detail}});
        m_timer.start(m_limits.lingerMs); // then close, whatever the client does
        m_lingering = true;
    }

    qint64 requestAllowanceMs() const
    {
        // Headers must arrive within the idle timeout; a body at the minimum rate after that.
        return m_limits.idleTimeoutMs + m_expectedBody * 1000 / std::max<qint64>(1, m_limits.minBodyBytesPerSecond);
    }

    bool partial() const { return m_active || m_state != State::Head || !m_head.isEmpty(); }
    bool held() const { return m_socket->property(kHeldProperty).toBool(); }

    void armTimer()
    {
        if (m_lingering)
            return;
        if (m_draining) {
            m_timer.start(20);
            return;
        }
        // Restarting a timer on every read costs two calls into the event dispatcher. A running
        // timer fires no later than any deadline that activity can set (each is at least the idle
        // timeout away), and onTimer() re-checks and re-arms for what is left.
        if (!m_timer.isActive())
            m_timer.start(m_limits.idleTimeoutMs);
    }

    void rearmFor(qint64 remainingMs)
    {
        m_timer.start(int(std::clamp<qint64>(remainingMs, 1, m_limits.idleTimeoutMs)));
    }

    void checkDrain()
    {
        if (m_lingering || m_refused)
            return;
        // A connection that has sent nothing yet gets a moment: its request may be on the way.
        const bool fresh = m_completed == 0 && m_connected.elapsed() < 500;
        // Bytes may also wait in the kernel while this thread was busy serving other requests.
        int unread = 0;
        ::ioctl(int(m_socket->socketDescriptor()), FIONREAD, &unread);
        if (!partial() && !held() && !fresh && m_socket->bytesToWrite() == 0 && m_socket->bytesAvailable() == 0 &&
            unread == 0) {
            m_socket->disconnectFromHost();
            return;
        }
        m_timer.start(20);
    }

    void onTimer()
    {
        if (m_lingering || m_refused) {
            m_socket->abort();
            return;
        }
        if (m_draining) {
            checkDrain();
            return;
        }
        const qint64 idleLeft = m_limits.idleTimeoutMs - m_lastActivity.elapsed();
        if (partial()) {
            // Activity restarts the idle clock, never the deadline of a request in progress (slowloris).
            const qint64 requestLeft = requestAllowanceMs() - m_requestTimer.elapsed();
            if (requestLeft <= 0 || idleLeft <= 0) {
                refuse(408, u"Request Timeout"_s, u"The request did not arrive in time."_s);
                return;
            }
            rearmFor(std::min(requestLeft, idleLeft));
            return;
        }
        if (idleLeft <= 0 && !held()) {
            m_socket->disconnectFromHost(); // idle keep-alive connection
            return;
        }
        rearmFor(idleLeft > 0 ? idleLeft : m_limits.idleTimeoutMs);
    }

    QTcpSocket *m_socket;
    const GuardLimits m_limits;
    std::shared_ptr<ConnectionCounter> m_counter;
    std::shared_ptr<Metrics> m_metrics;
    QHostAddress m_peer;
    QTimer m_timer;
    QElapsedTimer m_lastActivity;
    QElapsedTimer m_requestTimer;
    QElapsedTimer m_connected;
    int m_completed = 0;
    bool m_draining = false;
    State m_state = State::Head;
    QByteArray m_head;
    QByteArray m_line;
    QByteArray m_scratch; ///< what is peeked at, reused between reads
    qint64 m_remaining = 0;
    qint64 m_expectedBody = 0;
    qint64 m_bodyTotal = 0;
    qint64 m_bodyLimit = 0;
    qint64 m_trailerBytes = 0;
    QByteArray m_parked;          ///< pipelined behind a held answer, not yet framed
    bool m_parkOverflow = false;  ///< more than kMaxParkedBytes was pipelined: the held answer is the last
    bool m_requestEnded = false;  ///< onReadyRead framed a whole request and stops there
    bool m_closeAfterSet = false; ///< the value of kCloseAfterProperty on the socket
    bool m_active = false;
    bool m_refused = false;
    bool m_lingering = false;
    bool m_closeAfterResponse = false;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(GuardLimits limits, std::shared_ptr<ConnectionCounter> counter,
                                   std::shared_ptr<Metrics> metrics, QObject *parent)
    : QTcpServer(parent)
    , m_limits(std::move(limits))
    , m_counter(std::move(counter))
    , m_metrics(std::move(metrics))
{
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // Until a request's headers are accepted, read at most this much from the kernel at a time, so a
    // body that will be refused never sits in memory whole (QTcpSocket reads all there is otherwise).
    socket->setReadBufferSize(kReadBufferBytes);
    const QHostAddress peer = socket->peerAddress();
    if (!m_counter->tryAcquire(peer, m_limits.maxConnectionsPerIp)) {
        const Problem problem{429,
                              u"/problems/too-many-connections"_s,
                              u"Too Many Requests"_s,
                              u"Too many open connections from this address."_s,
                              {},
                              {},
                              {}};
        socket->write(problem.toRawHttp(newRequestId(), {{"Retry-After", "1"}}));
        if (m_metrics)
            m_metrics->recordRefusal(429);
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    auto *guard = new RequestGuard(socket, m_limits, m_counter, m_metrics, peer);
    m_guards.insert(guard);
    connect(guard, &QObject::destroyed, this, [this](QObject *gone) { m_guards.remove(gone); });
    if (m_draining)
        guard->beginDrain();
    addPendingConnection(socket);
}

void GuardedTcpServer::beginDrain()
{
    if (m_draining)
        return;
    m_draining = true;
    // Connections the kernel already completed are taken in and served, not reset by the close.
    while (isListening() && waitForNewConnection(0)) {
    }
    close();
    for (QObject *guard : std::as_const(m_guards))
        static_cast<RequestGuard *>(guard)->beginDrain();
}

} // namespace inkwell::server
