#include "fakeupstream.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

using namespace Qt::StringLiterals;

namespace inkwell::test {

namespace detail {

/// What the test thread and the fake's thread share.
struct FakeUpstreamState {
    mutable QMutex mutex;
    mutable QWaitCondition changed;
    std::deque<FakeUpstream::Reply> queue;
    FakeUpstream::Reply fallback;
    QList<FakeUpstream::Request> requests;
    int clientAborts = 0;
    int accepted = 0;
    int open = 0;
};

namespace {

constexpr qsizetype kMaxHead = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

bool hasHeader(const FakeUpstream::Reply &reply, QByteArrayView name, QByteArrayView value = {})
{
    return std::any_of(reply.headers.begin(), reply.headers.end(), [&](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0 &&
               (value.isEmpty() || header.second.trimmed().compare(value, Qt::CaseInsensitive) == 0);
    });
}

} // namespace

/// One client connection, served in the fake's thread.
class FakeConnection : public QObject {
    Q_OBJECT
public:
    enum class Framing { Length, Chunked, CloseDelimited };
    enum class Phase { Reading, Replying, Held, Closing };

    FakeConnection(QTcpSocket *socket, std::shared_ptr<FakeUpstreamState> state, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_state(std::move(state))
    {
        m_socket->setParent(this);
        {
            QMutexLocker lock(&m_state->mutex);
            ++m_state->accepted;
            ++m_state->open;
        }
        connect(m_socket, &QTcpSocket::readyRead, this, &FakeConnection::readRequests);
        connect(m_socket, &QTcpSocket::disconnected, this, &FakeConnection::onDisconnected);
        readRequests();
    }

    ~FakeConnection() override
    {
        QMutexLocker lock(&m_state->mutex);
        --m_state->open;
        m_state->changed.wakeAll();
    }

    Phase phase() const { return m_phase; }

    /// Ends a held reply normally.
    void release()
    {
        if (m_phase == Phase::Held)
            endNormally();
    }

private:
    void readRequests()
    {
        if (m_phase == Phase::Closing)
            return;
        m_buffer += m_socket->readAll();
        if (m_phase != Phase::Reading)
            return; // a pipelined request waits for the current reply
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > kMaxHead)
                m_socket->abort();
            return;
        }
        FakeUpstream::Request request;
        const QList<QByteArray> lines = m_buffer.first(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].first(colon).trimmed().toLower(), lines[i].sliced(colon + 1).trimmed());
        }
        const qsizetype bodyLength = request.headers.value("content-length", "0").toLongLong();
        if (m_buffer.size() < headEnd + 4 + bodyLength)
            return;
        request.body = m_buffer.sliced(headEnd + 4, bodyLength);
        m_buffer.remove(0, headEnd + 4 + bodyLength);
        m_clientWantsClose = request.headers.value("connection").toLower() == "close";

        FakeUpstream::Reply reply;
        {
            QMutexLocker lock(&m_state->mutex);
            if (!m_state->queue.empty()) {
                reply = std::move(m_state->queue.front());
                m_state->queue.pop_front();
            } else {
                reply = m_state->fallback;
            }
            m_state->requests.append(request);
            m_state->changed.wakeAll();
        }
        startReply(std::move(reply));
    }

    void startReply(FakeUpstream::Reply reply)
    {
        m_reply = std::move(reply);
        m_next = 0;
        m_phase = Phase::Replying;

        const bool immediate = std::all_of(m_reply.chunks.begin(), m_reply.chunks.end(),
                                           [](const FakeUpstream::Chunk &chunk) { return chunk.delayMs <= 0; });
        QByteArray head = "HTTP/1.1 " + QByteArray::number(m_reply.status) + ' ' + reasonPhrase(m_reply.status) + "\r\n";
        for (const auto &[name, value] : std::as_const(m_reply.headers))
            head += name + ": " + value + "\r\n";
        if (hasHeader(m_reply, "content-length")) {
            m_framing = Framing::Length;
        } else if (hasHeader(m_reply, "transfer-encoding", "chunked")) {
            m_framing = Framing::Chunked;
        } else if (hasHeader(m_reply, "connection", "close")) {
            m_framing = Framing::CloseDelimited;
        } else if (immediate && m_reply.end == FakeUpstream::Reply::End::Close) {
            m_framing = Framing::Length;
            qsizetype total = 0;
            for (const FakeUpstream::Chunk &chunk : std::as_const(m_reply.chunks))
                total += chunk.bytes.size();
            head += "Content-Length: " + QByteArray::number(total) + "\r\n";
        } else {
            m_framing = Framing::Chunked;
            head += "Transfer-Encoding: chunked\r\n";
        }
        m_closeAfter = m_clientWantsClose || m_framing == Framing::CloseDelimited || hasHeader(m_reply, "connection", "close");
        if (m_clientWantsClose && !hasHeader(m_reply, "connection"))
            head += "Connection: close\r\n";
        head += "\r\n";
        m_socket->write(head);
        m_socket->flush();
        writeNextChunk();
    }

    void writeNextChunk()
    {
        if (m_phase != Phase::Replying)
            return;
        if (m_next >= m_reply.chunks.size()) {
            switch (m_reply.end) {
            case FakeUpstream::Reply::End::Close:
                endNormally();
                break;
            case FakeUpstream::Reply::End::Drop:
                // Whatever was written goes out, then FIN: no terminator, no complete length.
                m_phase = Phase::Closing;
                m_socket->disconnectFromHost();
                break;
            case FakeUpstream::Reply::End::Hold:
                m_phase = Phase::Held;
                break;
            }
            return;
        }
        const FakeUpstream::Chunk &chunk = m_reply.chunks[m_next];
        if (chunk.delayMs > 0 && !m_waited) {
            m_waited = true;
            QTimer::singleShot(chunk.delayMs, this, &FakeConnection::writeNextChunk);
            return;
        }
        m_waited = false;
        ++m_next;
        if (!chunk.bytes.isEmpty()) {
            if (m_framing == Framing::Chunked)
                m_socket->write(QByteArray::number(chunk.bytes.size(), 16) + "\r\n" + chunk.bytes + "\r\n");
            else
                m_socket->write(chunk.bytes);
            m_socket->flush();
        }
        if (m_next >= m_reply.chunks.size() && m_reply.end == FakeUpstream::Reply::End::Close) {
            // The ending goes out with the last chunk: a client that hangs up as soon as it has
            // the whole answer has not aborted anything.
            endNormally();
            return;
        }
        // Through the event loop, so that a client that went away is noticed between chunks.
        QTimer::singleShot(0, this, &FakeConnection::writeNextChunk);
    }

    void endNormally()
    {
        if (m_framing == Framing::Chunked)
            m_socket->write("0\r\n\r\n");
        m_socket->flush();
        if (m_closeAfter) {
            m_phase = Phase::Closing;
            m_socket->disconnectFromHost();
            return;
        }
        m_phase = Phase::Reading;
        m_reply = {};
        QTimer::singleShot(0, this, &FakeConnection::readRequests); // a pipelined request may be waiting
    }

    void onDisconnected()
    {
        if (m_phase == Phase::Replying || m_phase == Phase::Held) {
            QMutexLocker lock(&m_state->mutex);
            ++m_state->clientAborts;
            m_state->changed.wakeAll();
        }
        m_phase = Phase::Closing;
        deleteLater();
    }

    QTcpSocket *m_socket;
    std::shared_ptr<FakeUpstreamState> m_state;
    QByteArray m_buffer;
    FakeUpstream::Reply m_reply;
    qsizetype m_next = 0;
    bool m_waited = false;
    bool m_clientWantsClose = false;
    bool m_closeAfter = false;
    Framing m_framing = Framing::Length;
    Phase m_phase = Phase::Reading;
};

/// Owns the listening socket and the connections; lives in the fake's thread.
class FakeUpstreamWorker : public QObject {
    Q_OBJECT
public:
    explicit FakeUpstreamWorker(std::shared_ptr<FakeUpstreamState> state)
        : m_state(std::move(state))
    {
    }

    quint16 listen(const std::optional<QSslConfiguration> &tls)
    {
        if (tls) {
            auto *server = new QSslServer(this);
            server->setSslConfiguration(*tls);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        // pendingConnectionAvailable (not newConnection): a QSslServer queues a socket only once its
        // handshake is done.
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                m_connections.append(new FakeConnection(socket, m_state, this));
        });
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        return m_server->serverPort();
    }

    void release()
    {
        for (const QPointer<FakeConnection> &connection : std::as_const(m_connections)) {
            if (connection)
                connection->release();
        }
        m_connections.removeAll(nullptr);
    }

    void shutdown()
    {
        delete m_server;
        m_server = nullptr;
        for (const QPointer<FakeConnection> &connection : std::as_const(m_connections))
            delete connection.data();
        m_connections.clear();
    }

private:
    std::shared_ptr<FakeUpstreamState> m_state;
    QTcpServer *m_server = nullptr;
    QList<QPointer<FakeConnection>> m_connections;
};

} // namespace detail

namespace {

FakeUpstream::Reply jsonReply(int status, const QByteArray &body)
{
    FakeUpstream::Reply reply;
    reply.status = status;
    reply.headers = {{"Content-Type", "application/json; charset=UTF-8"},
                     {"Content-Length", QByteArray::number(body.size())}};
    reply.chunks = {{body, 0}};
    return reply;
}

QJsonObject loadManifest()
{
    QFile file(QStringLiteral(INKWELL_SHARED_DIR "/fixtures/ai-wire/manifest.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(u"files"_s).toObject();
}

/// Where each event of an SSE body ends (just after its blank line), for CRLF, LF or CR line ends.
QList<qsizetype> eventEnds(const QByteArray &body)
{
    QList<qsizetype> ends;
    qsizetype i = 0;
    bool lineStart = true;
    while (i < body.size()) {
        const char c = body[i];
        if (c == '\r' || c == '\n') {
            const qsizetype eolLength = (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') ? 2 : 1;
            if (lineStart)
                ends.append(i + eolLength); // an empty line: the event ends here
            lineStart = true;
            i += eolLength;
        } else {
            lineStart = false;
            ++i;
        }
    }
    return ends;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QJsonObject FakeUpstream::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeUpstream::FakeUpstream(Transport transport)
    : m_state(std::make_shared<detail::FakeUpstreamState>())
    , m_tls(transport == Transport::Tls)
    , m_thread(std::make_unique<QThread>())
{
    std::optional<QSslConfiguration> tls;
    if (m_tls) {
        // A fresh self-signed certificate for 127.0.0.1 (Qt 6.4 cannot make one): an EC key, quick to make.
        m_certificateDir = std::make_unique<QTemporaryDir>();
        const QString dir = m_certificateDir->path();
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                     u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                                     u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s,
                                     u"-keyout"_s, dir + u"/key.pem"_s, u"-out"_s, dir + u"/cert.pem"_s});
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            m_error =
                u"openssl could not make a certificate: "_s + QString::fromLocal8Bit(openssl.readAllStandardError());
        } else {
            QFile keyFile(dir + u"/key.pem"_s);
            const QList<QSslCertificate> certificates = QSslCertificate::fromPath(dir + u"/cert.pem"_s, QSsl::Pem);
            if (!keyFile.open(QIODevice::ReadOnly) || certificates.isEmpty()) {
                m_error = u"the certificate openssl made cannot be read"_s;
            } else {
                QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
                configuration.setLocalCertificate(certificates.first());
                configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem));
                configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
                tls = configuration;
            }
        }
    }
    m_state->fallback = jsonReply(
        500, R"({"error": {"code": 500, "message": "FakeUpstream: no reply queued for this request", "status": "INTERNAL"}})"
             "\n");
    m_thread->setObjectName(u"FakeUpstream"_s);
    m_worker = new detail::FakeUpstreamWorker(m_state);
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    if (m_tls && !tls)
        return; // m_error says why; port() stays 0
    QMetaObject::invokeMethod(
        m_worker, [this, tls] { m_port = m_worker->listen(tls); }, Qt::BlockingQueuedConnection);
    if (m_port == 0)
        m_error = u"the fake upstream could not listen"_s;
}

FakeUpstream::~FakeUpstream()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString FakeUpstream::baseUrl() const
{
    return (m_tls ? u"https://127.0.0.1:%1"_s : u"http://127.0.0.1:%1"_s).arg(m_port);
}

QString FakeUpstream::certificateFile() const
{
    return m_certificateDir ? m_certificateDir->path() + u"/cert.pem"_s : QString();
}

int FakeUpstream::acceptedConnections() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->accepted;
}

int FakeUpstream::openConnections() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->open;
}

quint16 FakeUpstream::port() const
{
    return m_port;
}

void FakeUpstream::enqueue(Reply reply)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->queue.push_back(std::move(reply));
}

void FakeUpstream::setFallback(Reply reply)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->fallback = std::move(reply);
}

QList<FakeUpstream::Request> FakeUpstream::requests() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->requests;
}

namespace {

/// Waits for `ready` (checked under the lock), running the calling thread's events in slices.
template <typename Ready>
bool waitFor(detail::FakeUpstreamState &state, int timeoutMs, Ready ready)
{
    const QDeadlineTimer deadline(timeoutMs);
    const bool pump = QThread::currentThread()->eventDispatcher() != nullptr;
    for (;;) {
        {
            QMutexLocker lock(&state.mutex);
            if (ready())
                return true;
            if (deadline.hasExpired())
                return false;
            if (!pump) {
                state.changed.wait(&state.mutex, deadline);
                continue;
            }
            state.changed.wait(&state.mutex, QDeadlineTimer(std::min<qint64>(5, deadline.remainingTime())));
            if (ready())
                return true;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
}

} // namespace

bool FakeUpstream::waitForRequests(int count, int timeoutMs) const
{
    return waitFor(*m_state, timeoutMs, [&] { return m_state->requests.size() >= count; });
}

void FakeUpstream::release()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->release(); }, Qt::BlockingQueuedConnection);
}

int FakeUpstream::clientAborts() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->clientAborts;
}

bool FakeUpstream::waitForClientAborts(int count, int timeoutMs) const
{
    return waitFor(*m_state, timeoutMs, [&] { return m_state->clientAborts >= count; });
}

QByteArray FakeUpstream::fixtureBytes(const QString &fileName)
{
    QFile file(QStringLiteral(INKWELL_SHARED_DIR "/fixtures/ai-wire/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

FakeUpstream::Reply FakeUpstream::fixture(const QString &fileName, int delayMs, const QList<int> &cutAt)
{
    static const QJsonObject manifest = loadManifest();
    const QJsonObject entry = manifest.value(fileName).toObject();
    QFile file(QStringLiteral(INKWELL_SHARED_DIR "/fixtures/ai-wire/") + fileName);
    if (entry.isEmpty() || !file.open(QIODevice::ReadOnly))
        return jsonReply(599, "FakeUpstream: no fixture named " + fileName.toUtf8() + '\n');
    const QByteArray body = file.readAll();

    Reply reply;
    reply.status = entry.value(u"status"_s).toInt(200);
    for (const QJsonValue &value : entry.value(u"headers"_s).toArray()) {
        const QByteArray line = value.toString().toUtf8();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            reply.headers.append({line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()});
    }

    std::set<qsizetype> cuts;
    if (fileName.endsWith(u".sse"_s)) {
        for (const qsizetype end : eventEnds(body))
            cuts.insert(end);
    }
    for (const int cut : cutAt)
        cuts.insert(cut);
    qsizetype start = 0;
    for (const qsizetype cut : cuts) {
        if (cut <= start || cut >= body.size())
            continue;
        reply.chunks.append({body.sliced(start, cut - start), delayMs});
        start = cut;
    }
    if (start < body.size() || reply.chunks.isEmpty())
        reply.chunks.append({body.sliced(start), delayMs});
    return reply;
}

FakeUpstream::Reply FakeUpstream::geminiText(const QStringList &pieces, int delayMs)
{
    const auto usage = [](int output) {
        constexpr int kPromptTokens = 12;
        return QJsonObject{{u"promptTokenCount"_s, kPromptTokens},
                           {u"candidatesTokenCount"_s, output},
                           {u"totalTokenCount"_s, kPromptTokens + output}};
    };
    Reply reply;
    reply.headers = {{"Content-Type", "text/event-stream"}, {"Content-Disposition", "attachment"},
                     {"Transfer-Encoding", "chunked"}};
    int output = 0;
    for (const QString &piece : pieces) {
        ++output;
        const QJsonObject content{{u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, piece}}}}, {u"role"_s, u"model"_s}};
        const QJsonObject chunk{{u"candidates"_s, QJsonArray{QJsonObject{{u"content"_s, content}}}},
                                {u"usageMetadata"_s, usage(output)},
                                {u"modelVersion"_s, u"gemini-fake"_s}};
        reply.chunks.append({"data: " + compact(chunk) + "\r\n\r\n", delayMs});
    }
    const QJsonObject last{
        {u"candidates"_s, QJsonArray{QJsonObject{{u"content"_s, QJsonObject{{u"role"_s, u"model"_s}}},
                                                 {u"finishReason"_s, u"STOP"_s},
                                                 {u"index"_s, 0}}}},
        {u"usageMetadata"_s, usage(output)},
        {u"modelVersion"_s, u"gemini-fake"_s}};
    reply.chunks.append({"data: " + compact(last) + "\r\n\r\n", delayMs});
    return reply;
}

FakeUpstream::Reply FakeUpstream::openaiText(const QStringList &pieces, int delayMs, bool withUsage)
{
    const auto chunk = [](const QJsonArray &choices, const QJsonValue &usage) -> QByteArray {
        QJsonObject object{{u"id"_s, u"chatcmpl-fake"_s},
                           {u"object"_s, u"chat.completion.chunk"_s},
                           {u"created"_s, 1787131840},
                           {u"model"_s, u"gpt-fake"_s},
                           {u"choices"_s, choices}};
        if (!usage.isUndefined())
            object.insert(u"usage"_s, usage);
        return "data: " + compact(object) + "\n\n";
    };
    const auto choice = [](const QJsonObject &delta, const QJsonValue &finish) {
        return QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finish}}};
    };
    const QJsonValue noUsage = withUsage ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Undefined);

    Reply reply;
    reply.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}, {"Transfer-Encoding", "chunked"}};
    reply.chunks.append(
        {chunk(choice(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}}, QJsonValue::Null), noUsage),
         delayMs});
    for (const QString &piece : pieces)
        reply.chunks.append({chunk(choice(QJsonObject{{u"content"_s, piece}}, QJsonValue::Null), noUsage), delayMs});
    reply.chunks.append({chunk(choice(QJsonObject{}, u"stop"_s), noUsage), delayMs});
    if (withUsage) {
        const int output = int(pieces.size());
        const QJsonObject usage{{u"prompt_tokens"_s, 12}, {u"completion_tokens"_s, output}, {u"total_tokens"_s, 12 + output}};
        reply.chunks.append({chunk(QJsonArray{}, usage), delayMs});
    }
    reply.chunks.append({"data: [DONE]\n\n", delayMs});
    return reply;
}

} // namespace inkwell::test

#include "fakeupstream.moc"
