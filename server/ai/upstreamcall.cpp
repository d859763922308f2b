#include "ai/upstreamcall.h"

#include "ai/upstreampool.h"

#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

Q_LOGGING_CATEGORY(lcUpstream, "inkwell.server.ai")

constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr qsizetype kMaxLineBytes = 8 * 1024;

} // namespace

UpstreamCall::UpstreamCall(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamCall::onTimeout);
}

UpstreamCall::~UpstreamCall()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QByteArray UpstreamCall::header(QByteArrayView name) const
{
    for (auto it = m_headers.crbegin(); it != m_headers.crend(); ++it) {
        if (it->first.compare(name, Qt::CaseInsensitive) == 0)
            return it->second;
    }
    return {};
}

void UpstreamCall::start(const Request &request)
{
    m_request = request;
    m_state = State::Connecting;
    armTimer(std::min(m_request.connectTimeoutMs, m_request.idleTimeoutMs));
    if (m_request.keepAliveMs > 0) {
        if (QTcpSocket *kept = UpstreamPool::forThisThread().take(UpstreamPool::keyOf(m_request.url), this)) {
            m_reused = true;
            wire(kept, m_request.url.scheme() == u"https"_s);
            // Queued, like a new connection's connected(): the caller connects to the signals after start().
            QMetaObject::invokeMethod(this, &UpstreamCall::onConnected, Qt::QueuedConnection);
            return;
        }
    }
    connectFresh();
}

void UpstreamCall::connectFresh()
{
    m_reused = false;
    const QUrl &url = m_request.url;
    const bool tls = url.scheme() == u"https"_s;
    if (tls && !QSslSocket::supportsSsl()) {
        // Queued: the caller connects to failed() after start() returns.
        QMetaObject::invokeMethod(
            this, [this] { fail(Failure::Connect, u"TLS is not available in this build of Qt"_s); }, Qt::QueuedConnection);
        return;
    }
    QTcpSocket *socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        if (!m_request.caCertificates.isEmpty()) {
            QSslConfiguration configuration = ssl->sslConfiguration();
            configuration.addCaCertificates(m_request.caCertificates);
            ssl->setSslConfiguration(configuration);
        }
        connect(ssl, &QSslSocket::encrypted, this, &UpstreamCall::onConnected);
    } else {
        connect(socket, &QTcpSocket::connected, this, &UpstreamCall::onConnected);
    }
    wire(socket, tls);
    if (tls)
        static_cast<QSslSocket *>(socket)->connectToHostEncrypted(url.host(), quint16(url.port(443)));
    else
        socket->connectToHost(url.host(), quint16(url.port(80)));
}

void UpstreamCall::wire(QTcpSocket *socket, bool tls)
{
    m_socket = socket;
    const QString where = u"%1:%2"_s.arg(m_request.url.host()).arg(m_request.url.port(tls ? 443 : 80));
    connect(socket, &QTcpSocket::readyRead, this, &UpstreamCall::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &UpstreamCall::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, [this, where](QAbstractSocket::SocketError error) {
        if (m_over)
            return;
        if (error == QAbstractSocket::RemoteHostClosedError && m_state != State::Connecting)
            return; // disconnected() decides whether the body was complete
        const QString text = m_socket ? m_socket->errorString() : QString();
        fail(m_state == State::Connecting ? Failure::Connect : Failure::Truncated, u"%1: %2"_s.arg(where, text));
    });
}

void UpstreamCall::abort()
{
    m_over = true;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void UpstreamCall::finishInBackground(int withinMs)
{
    disconnect(this, nullptr, nullptr, nullptr); // the caller hears nothing more
    if (m_over || m_request.keepAliveMs <= 0) {
        abort();
        deleteLater();
        return;
    }
    // Owned by this thread's pool from now on: the caller (a stream) may be deleted before the response ends.
    setParent(&UpstreamPool::forThisThread());
    connect(this, &UpstreamCall::finished, this, &QObject::deleteLater);
    connect(this, &UpstreamCall::failed, this, &QObject::deleteLater);
    armTimer(std::min(withinMs, m_request.idleTimeoutMs));
}

void UpstreamCall::armTimer(int ms)
{
    m_timer.start(std::max(ms, 1));
}

void UpstreamCall::onConnected()
{
    if (m_over)
        return;
    const QUrl &url = m_request.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == u"https"_s ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());

    QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &[name, value] : std::as_const(m_request.headers))
        head += name + ": " + value + "\r\n";
    if (!m_request.body.isEmpty() || m_request.method == "POST")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    head += m_request.keepAliveMs > 0 ? QByteArray("\r\n") : QByteArray("Connection: close\r\n\r\n");
    m_socket->write(head + m_request.body);
    m_state = State::StatusLine;
    armTimer(m_request.idleTimeoutMs);
}

void UpstreamCall::onReadyRead()
{
    if (m_over || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    m_receivedAny = m_receivedAny || !m_buffer.isEmpty();
    if (m_state != State::Connecting)
        armTimer(m_request.idleTimeoutMs);
    parse();
}

void UpstreamCall::onDisconnected()
{
    if (m_over || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    m_receivedAny = m_receivedAny || !m_buffer.isEmpty();
    parse();
    if (m_over)
        return;
    if (m_state == State::Body && m_framing == Framing::Close)
        complete();
    else
        fail(m_state == State::Connecting ? Failure::Connect : Failure::Truncated,
             u"the upstream closed the connection before the response ended"_s);
}

void UpstreamCall::onTimeout()
{
    if (m_over)
        return;
    fail(Failure::Timeout, m_state == State::Connecting ? u"no connection within the connect timeout"_s
                                                        : u"no data within the idle timeout"_s);
}

bool UpstreamCall::parseHead()
{
    // Status line, then headers, up to the empty line. Returns false when more bytes are needed.
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > kMaxHeadBytes)
            fail(Failure::Protocol, u"the response head is too large"_s);
        return false;
    }
    const QList<QByteArray> lines = m_buffer.first(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QByteArray statusLine = lines.value(0).trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    bool ok = false;
    const int status = parts.value(1).toInt(&ok);
    if (!statusLine.startsWith("HTTP/1.") || !ok || status < 100 || status > 999) {
        fail(Failure::Protocol, u"not an HTTP/1.1 status line"_s);
        return false;
    }
    m_http11 = statusLine.startsWith("HTTP/1.1 ");
    m_headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0) {
            fail(Failure::Protocol, u"a malformed response header"_s);
            return false;
        }
        m_headers.append({lines[i].first(colon).trimmed(), lines[i].sliced(colon + 1).trimmed()});
    }
    if (status < 200)
        return true; // 100 Continue and friends: the real head follows
    m_status = status;
    m_state = State::Body;
    return true;
}

void UpstreamCall::beginBody()
{
    const QByteArray transfer = header("transfer-encoding").toLower();
    const QByteArray length = header("content-length");
    if (transfer.contains("chunked")) {
        m_framing = Framing::Chunked;
        m_state = State::ChunkSize;
    } else if (!length.isEmpty()) {
        bool ok = false;
        m_remaining = length.toLongLong(&ok);
        if (!ok || m_remaining < 0) {
            fail(Failure::Protocol, u"an invalid Content-Length"_s);
            return;
        }
        m_framing = Framing::Length;
        m_state = State::Body;
    } else {
        m_framing = Framing::Close;
        m_state = State::Body;
    }
    if (m_status == 204 || m_status == 304 || m_request.method == "HEAD") {
        m_framing = Framing::Length;
        m_remaining = 0;
        m_state = State::Body;
    }
}

void UpstreamCall::parse()
{
    const QPointer<UpstreamCall> alive(this);
    const auto stillRunning = [&] { return alive && !m_over; };

    while (stillRunning()) {
        switch (m_state) {
        case State::Idle:
        case State::Connecting:
        case State::Done:
            return;
        case State::StatusLine:
        case State::Headers: {
            if (!parseHead())
                return;
            if (m_state != State::Body)
                continue; // an interim 1xx response
            beginBody();
            if (!stillRunning())
                return;
            Q_EMIT responseStarted(m_status);
            continue;
        }
        case State::Body:
            if (m_framing == Framing::Length) {
                if (m_remaining == 0) {
                    complete();
                    return;
                }
                if (m_buffer.isEmpty())
                    return;
                const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size()));
                const QByteArray piece = m_buffer.first(take);
                m_buffer.remove(0, take);
                m_remaining -= take;
                Q_EMIT bodyData(piece);
                continue;
            }
            if (m_buffer.isEmpty())
                return;
            Q_EMIT bodyData(std::exchange(m_buffer, {}));
            continue;
        case State::ChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > kMaxLineBytes)
                    fail(Failure::Protocol, u"a chunk size line is too long"_s);
                return;
            }
            QByteArray sizeText = m_buffer.first(eol);
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText.truncate(semicolon);
            bool ok = false;
            m_remaining = sizeText.trimmed().toLongLong(&ok, 16);
            m_buffer.remove(0, eol + 2);
            if (!ok || m_remaining < 0) {
                fail(Failure::Protocol, u"an invalid chunk size"_s);
                return;
            }
            m_state = m_remaining == 0 ? State::Trailers : State::ChunkData;
            continue;
        }
        case State::ChunkData: {
            if (m_buffer.isEmpty())
                return;
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size()));
            const QByteArray piece = m_buffer.first(take);
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            Q_EMIT bodyData(piece);
            continue;
        }
        case State::ChunkDataEnd:
            if (m_buffer.size() < 2)
                return;
            if (!m_buffer.startsWith("\r\n")) {
                fail(Failure::Protocol, u"a chunk is not followed by CRLF"_s);
                return;
            }
            m_buffer.remove(0, 2);
            m_state = State::ChunkSize;
            continue;
        case State::Trailers: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > kMaxLineBytes)
                    fail(Failure::Protocol, u"a trailer line is too long"_s);
                return;
            }
            const bool last = eol == 0;
            m_buffer.remove(0, eol + 2);
            if (last) {
                complete();
                return;
            }
            continue;
        }
        }
    }
}

bool UpstreamCall::reusable() const
{
    // Only a connection whose response ended exactly where its framing said, with nothing after it.
    if (m_request.keepAliveMs <= 0 || !m_socket || !m_http11 || m_framing == Framing::Close || !m_buffer.isEmpty())
        return false;
    if (header("connection").toLower().contains("close"))
        return false;
    return m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0;
}

void UpstreamCall::complete()
{
    m_over = true;
    m_state = State::Done;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (reusable()) {
            UpstreamPool::forThisThread().put(UpstreamPool::keyOf(m_request.url), m_socket, m_request.keepAliveMs);
            m_socket = nullptr;
        } else {
            m_socket->abort();
        }
    }
    Q_EMIT finished();
}

void UpstreamCall::fail(Failure failure, const QString &detail)
{
    if (m_over)
        return;
    if (m_reused && !m_receivedAny && (failure == Failure::Truncated || failure == Failure::Connect)) {
        // The upstream closed the kept connection while it was idle (the close crossed the request):
        // nothing of the request was answered, so it goes again, once, on a new connection.
        qCDebug(lcUpstream) << "kept upstream connection was closed; connecting anew:" << detail;
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_state = State::Connecting;
        m_buffer.clear();
        armTimer(std::min(m_request.connectTimeoutMs, m_request.idleTimeoutMs));
        connectFresh();
        return;
    }
    m_over = true;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    qCDebug(lcUpstream) << "upstream call failed:" << failure << detail;
    Q_EMIT failed(failure, detail);
}

} // namespace inkwell::server::ai
