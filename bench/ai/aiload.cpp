// Load client of bench/run-ai-bench.sh: raw QTcpSocket HTTP/1.1, core's SSE reader, one thread.
//
//   bench_aiload ttfd --server URL --token T --fake URL --provider openai|gemini [--requests 100] [--warmup 5]
//       Time from writing the request to the first streamed text, one request at a time, alternating:
//       through inkwelld (POST /api/v1/conversations/{id}/messages, Accept: text/event-stream, until
//       `message.delta`) and straight from the fake upstream (the provider's own streaming request, until
//       the first data event carrying text). Same client code for both. Each stream is read to its end.
//   bench_aiload concurrent --server URL --token T --streams 500 --pid PID --expect TEXT
//       That many chat answers posted at once, each read to `message.done` (deltas must add up to
//       TEXT); inkwelld's VmRSS/VmHWM sampled every 100 ms; then every conversation read back through
//       GET /api/v1/conversations/{id} (last message: assistant, complete, content TEXT).
// Prints one JSON object on stdout; progress on stderr.
#include "sse/ssereader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Endpoint {
    QString host;
    quint16 port = 0;
    static Endpoint from(const QString &url)
    {
        const QUrl u(url);
        return {u.host(), quint16(u.port(80))};
    }
};

using Headers = QList<std::pair<QByteArray, QByteArray>>;

QByteArray httpRequest(const QByteArray &method, const Endpoint &to, const QByteArray &path, const Headers &headers,
                       const QByteArray &body = {})
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: " + to.host.toLatin1() + ':' +
                     QByteArray::number(to.port) + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

/**
 * One HTTP/1.1 exchange on its own connection: writes the request once connected, decodes the body
 * (Content-Length, chunked or close-delimited) and hands it on as it arrives. Not deleted while its
 * socket may still signal: owners keep it until their event loop is done with it.
 */
class Exchange {
public:
    std::function<void(QByteArrayView)> onBody;
    std::function<void(const QString &error)> onDone; ///< once; empty error: the whole body arrived

    Exchange(const Endpoint &to, QByteArray request) : m_to(to), m_request(std::move(request))
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this] {
            m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_clock.start();
            m_socket.write(m_request);
        });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] {
            read();
            if (m_bodyMode == Body::UntilClose)
                finish({});
            else
                finish(m_status ? u"connection closed before the end of the body"_s
                                : u"connection closed before the response head"_s);
        });
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &m_socket, [this](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                finish(u"socket: "_s + m_socket.errorString());
        });
    }
    void start() { m_socket.connectToHost(m_to.host, m_to.port); }
    int status() const { return m_status; }
    /// @brief Nanoseconds since the request was written.
    qint64 elapsedNs() const { return m_clock.isValid() ? m_clock.nsecsElapsed() : 0; }
    bool done() const { return m_done; }

private:
    enum class Body { Head, Length, Chunked, UntilClose };

    void read()
    {
        if (m_done)
            return;
        m_buffer += m_socket.readAll();
        if (m_bodyMode == Body::Head && !parseHead())
            return;
        if (m_bodyMode == Body::Length) {
            const qsizetype n = std::min<qsizetype>(m_buffer.size(), m_remaining);
            deliver(QByteArrayView(m_buffer).first(n));
            m_remaining -= n;
            m_buffer.clear();
            if (m_remaining == 0)
                finish({});
        } else if (m_bodyMode == Body::UntilClose) {
            deliver(m_buffer);
            m_buffer.clear();
        } else if (m_bodyMode == Body::Chunked) {
            while (!m_done) {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n");
                if (lineEnd < 0)
                    return;
                bool ok = false;
                const qsizetype size = m_buffer.left(lineEnd).split(';').first().trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0)
                    return finish(u"bad chunk size"_s);
                if (m_buffer.size() < lineEnd + 2 + size + 2)
                    return;
                if (size == 0)
                    return finish({}); // no trailers are sent by either server
                deliver(QByteArrayView(m_buffer).sliced(lineEnd + 2, size));
                m_buffer.remove(0, lineEnd + 2 + size + 2);
            }
        }
    }

    bool parseHead()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.first().split(' ');
        m_status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        std::optional<qsizetype> length;
        bool chunked = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                chunked = true;
        }
        m_buffer.remove(0, end + 4);
        if (chunked) {
            m_bodyMode = Body::Chunked;
        } else if (length) {
            m_bodyMode = Body::Length;
            m_remaining = *length;
            if (m_remaining == 0)
                finish({});
        } else {
            m_bodyMode = Body::UntilClose;
        }
        return !m_done;
    }

    void deliver(QByteArrayView bytes)
    {
        if (!bytes.isEmpty() && onBody)
            onBody(bytes);
    }

    void finish(const QString &error)
    {
        if (m_done)
            return;
        m_done = true;
        m_socket.abort();
        if (onDone)
            onDone(error);
    }

    Endpoint m_to;
    QByteArray m_request;
    QTcpSocket m_socket;
    QElapsedTimer m_clock;
    QByteArray m_buffer;
    Body m_bodyMode = Body::Head;
    qsizetype m_remaining = 0;
    int m_status = 0;
    bool m_done = false;
};

/// @brief A whole JSON exchange, run to its end in a nested event loop.
QJsonDocument callJson(const Endpoint &to, const QByteArray &method, const QByteArray &path, const QByteArray &token,
                       const QByteArray &body = {}, int *statusOut = nullptr)
{
    Exchange exchange(to, httpRequest(method, to, path, {{"Authorization", "Bearer " + token}}, body));
    QByteArray answer;
    QString error;
    QEventLoop loop;
    exchange.onBody = [&](QByteArrayView bytes) { answer += bytes; };
    exchange.onDone = [&](const QString &e) {
        error = e;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    exchange.start();
    loop.exec();
    if (statusOut)
        *statusOut = exchange.status();
    if (!error.isEmpty() || exchange.status() / 100 != 2) {
        std::fprintf(stderr, "%s %s: HTTP %d %s %s\n", method.constData(), path.constData(), exchange.status(),
                     qPrintable(error), answer.left(300).constData());
        return {};
    }
    return QJsonDocument::fromJson(answer);
}

QList<QByteArray> createConversations(const Endpoint &server, const QByteArray &token, int count)
{
    QList<QByteArray> ids;
    for (int i = 0; i < count; ++i) {
        // A title, so that no title is generated upstream: one upstream request per message.
        const QJsonDocument doc = callJson(server, "POST", "/api/v1/conversations", token,
                                           R"({"title":"bench"})");
        const QByteArray id = doc.object().value(u"id"_s).toString().toLatin1();
        if (id.isEmpty())
            return {};
        ids << id;
    }
    return ids;
}

QByteArray chatRequest(const Endpoint &server, const QByteArray &token, const QByteArray &conversation,
                       const QByteArray &content)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"content"_s, QString::fromLatin1(content)}})
                                .toJson(QJsonDocument::Compact);
    return httpRequest("POST", server, "/api/v1/conversations/" + conversation + "/messages",
                       {{"Authorization", "Bearer " + token}, {"Accept", "text/event-stream"}}, body);
}

/// @brief The text of a provider's raw stream event (empty for role, finish, usage and [DONE] events).
QString upstreamText(const QString &provider, const inkwell::sse::Event &event)
{
    if (event.data == u"[DONE]"_s)
        return {};
    const QJsonObject chunk = QJsonDocument::fromJson(event.data.toUtf8()).object();
    QString text;
    if (provider == u"gemini"_s) {
        const QJsonArray parts = chunk.value(u"candidates"_s)[0][u"content"_s][u"parts"_s].toArray();
        for (const QJsonValue &part : parts)
            text += part[u"text"_s].toString();
    } else {
        text = chunk.value(u"choices"_s)[0][u"delta"_s][u"content"_s].toString();
    }
    return text;
}

struct Timed {
    QString error;
    double headMs = -1;    ///< the response head
    double createdMs = -1; ///< `message.created` (through inkwelld)
    double firstMs = -1;   ///< the first text
};

/// @brief One streamed request: ms from writing it to the first text; the stream is read to its end.
Timed timeFirstText(const Endpoint &to, const QByteArray &request, const std::function<bool(const inkwell::sse::Event &)> &isText)
{
    Exchange exchange(to, request);
    inkwell::sse::Reader reader;
    Timed result;
    QEventLoop loop;
    exchange.onBody = [&](QByteArrayView bytes) {
        const qint64 at = exchange.elapsedNs();
        if (result.headMs < 0)
            result.headMs = double(at) / 1e6; // the head and the first body bytes are read together
        for (const auto &event : reader.feed(bytes)) {
            if (result.createdMs < 0 && event.type == u"message.created"_s)
                result.createdMs = double(at) / 1e6;
            if (result.firstMs < 0 && isText(event))
                result.firstMs = double(at) / 1e6;
            if (event.type == u"error"_s && result.error.isEmpty())
                result.error = u"error event: "_s + event.data;
        }
    };
    exchange.onDone = [&](const QString &e) {
        if (result.error.isEmpty())
            result.error = e;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    exchange.start();
    loop.exec();
    if (result.error.isEmpty() && exchange.status() != 200)
        result.error = u"HTTP %1"_s.arg(exchange.status());
    if (result.error.isEmpty() && result.firstMs < 0)
        result.error = u"no text in the stream"_s;
    return result;
}

QJsonObject summary(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto rank = [&](double q) { // nearest rank
        const auto i = qsizetype(std::ceil(q * double(ms.size()))) - 1;
        return ms.empty() ? 0.0 : ms[size_t(std::clamp<qsizetype>(i, 0, qsizetype(ms.size()) - 1))];
    };
    const double median = ms.empty() ? 0.0
                          : ms.size() % 2 ? ms[ms.size() / 2]
                                          : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    return {{u"n"_s, qint64(ms.size())},  {u"median_ms"_s, median},     {u"p90_ms"_s, rank(0.9)},
            {u"p99_ms"_s, rank(0.99)},    {u"min_ms"_s, ms.empty() ? 0.0 : ms.front()},
            {u"max_ms"_s, ms.empty() ? 0.0 : ms.back()}};
}

int runTtfd(const QCommandLineParser &args)
{
    const Endpoint server = Endpoint::from(args.value(u"server"_s));
    const Endpoint fake = Endpoint::from(args.value(u"fake"_s));
    const QByteArray token = args.value(u"token"_s).toLatin1();
    const QString provider = args.value(u"provider"_s);
    const int requests = args.value(u"requests"_s).toInt();
    const int warmup = args.value(u"warmup"_s).toInt();

    // The request inkwelld itself would send (same shape), straight to the fake.
    QByteArray directRequest;
    if (provider == u"gemini"_s) {
        directRequest = httpRequest(
            "POST", fake, "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
            {{"x-goog-api-key", "bench-key"}, {"Accept", "text/event-stream"}},
            R"({"contents":[{"role":"user","parts":[{"text":"Say something"}]}]})");
    } else {
        directRequest = httpRequest(
            "POST", fake, "/v1/chat/completions", {{"Authorization", "Bearer bench-key"}, {"Accept", "text/event-stream"}},
            R"({"model":"bench","stream":true,"stream_options":{"include_usage":true},)"
            R"("messages":[{"role":"user","content":"Say something"}]})");
    }
    const QList<QByteArray> conversations = createConversations(server, token, requests + warmup);
    if (conversations.size() != requests + warmup)
        return 1;
    const auto isDelta = [](const inkwell::sse::Event &e) { return e.type == u"message.delta"_s; };
    const auto isUpstreamText = [&](const inkwell::sse::Event &e) { return !upstreamText(provider, e).isEmpty(); };

    std::vector<double> direct, through, throughHead, throughCreated;
    QStringList errors;
    // Alternating, so that whatever else the machine does falls on both alike.
    for (int i = 0; i < requests + warmup; ++i) {
        const Timed d = timeFirstText(fake, directRequest, isUpstreamText);
        const Timed t = timeFirstText(server, chatRequest(server, token, conversations.at(i), "Say something"), isDelta);
        for (const Timed *r : {&d, &t})
            if (!r->error.isEmpty())
                errors << r->error;
        if (i < warmup)
            continue;
        if (d.error.isEmpty())
            direct.push_back(d.firstMs);
        if (t.error.isEmpty()) {
            through.push_back(t.firstMs);
            throughHead.push_back(t.headMs);
            throughCreated.push_back(t.createdMs);
        }
    }
    const QJsonObject directSummary = summary(direct);
    const QJsonObject throughSummary = summary(through);
    QJsonObject out{{u"mode"_s, u"ttfd"_s},
                    {u"provider"_s, provider},
                    {u"direct"_s, directSummary},
                    {u"inkwelld"_s, throughSummary},
                    {u"inkwelld_first_body"_s, summary(throughHead)},
                    {u"inkwelld_created"_s, summary(throughCreated)},
                    {u"added_median_ms"_s, throughSummary[u"median_ms"_s].toDouble() - directSummary[u"median_ms"_s].toDouble()},
                    {u"errors"_s, qint64(errors.size())},
                    {u"first_errors"_s, QJsonArray::fromStringList(errors.mid(0, 3))}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

struct Memory {
    qint64 rssKiB = 0;
    qint64 hwmKiB = 0;
};

Memory readMemory(const QString &pid)
{
    QFile file(u"/proc/"_s + pid + u"/status"_s);
    Memory m;
    if (!file.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            m.rssKiB = line.mid(6).trimmed().split(' ').first().toLongLong();
        else if (line.startsWith("VmHWM:"))
            m.hwmKiB = line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return m;
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int runConcurrent(const QCommandLineParser &args)
{
    const Endpoint server = Endpoint::from(args.value(u"server"_s));
    const QByteArray token = args.value(u"token"_s).toLatin1();
    const int streams = args.value(u"streams"_s).toInt();
    const QString pid = args.value(u"pid"_s);
    const QString expect = args.value(u"expect"_s);

    std::fprintf(stderr, "creating %d conversations\n", streams);
    const QList<QByteArray> conversations = createConversations(server, token, streams);
    if (conversations.size() != streams)
        return 1;
    pause(1000);
    // Resets VmHWM to the current RSS (proc(5), clear_refs "5"), so VmHWM afterwards is the peak of
    // this run, including spikes between two samples, and not the start-up's (Argon2id, 64 MiB).
    QFile clearRefs(u"/proc/"_s + pid + u"/clear_refs"_s);
    const bool hwmReset = clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
    clearRefs.close();
    const Memory before = readMemory(pid);

    struct Client {
        std::unique_ptr<Exchange> exchange;
        inkwell::sse::Reader reader;
        QString text;
        QString error;
        bool created = false;
        bool finished = false;
        double createdS = 0; ///< since all requests were started
        double doneS = 0;
    };
    std::vector<Client> clients(static_cast<size_t>(streams));
    int open = 0, openMax = 0, finished = 0;
    qint64 peakRss = before.rssKiB;
    QEventLoop loop;
    QTimer sampler;
    sampler.setInterval(100);
    QObject::connect(&sampler, &QTimer::timeout, &loop, [&] { peakRss = std::max(peakRss, readMemory(pid).rssKiB); });
    sampler.start();

    QElapsedTimer wall;
    for (int i = 0; i < streams; ++i) {
        Client &c = clients[size_t(i)];
        c.exchange = std::make_unique<Exchange>(server, chatRequest(server, token, conversations.at(i), "Tell me something"));
        c.exchange->onBody = [&, i](QByteArrayView bytes) {
            Client &me = clients[size_t(i)];
            for (const auto &event : me.reader.feed(bytes)) {
                const QJsonObject data = QJsonDocument::fromJson(event.data.toUtf8()).object();
                if (event.type == u"message.created"_s) {
                    me.created = true;
                    me.createdS = double(wall.nsecsElapsed()) / 1e9;
                    openMax = std::max(openMax, ++open);
                } else if (event.type == u"message.delta"_s) {
                    me.text += data.value(u"text"_s).toString();
                } else if (event.type == u"message.done"_s && !me.finished) {
                    me.finished = true;
                    const QString status = data[u"message"_s][u"status"_s].toString();
                    if (status != u"complete"_s)
                        me.error = u"message.done with status "_s + status;
                    else if (me.text != expect)
                        me.error = u"streamed text differs: "_s + me.text.left(80);
                } else if (event.type == u"error"_s && me.error.isEmpty()) {
                    me.error = u"error event: "_s + event.data;
                }
            }
        };
        c.exchange->onDone = [&, i](const QString &error) {
            Client &me = clients[size_t(i)];
            if (me.error.isEmpty() && !error.isEmpty())
                me.error = error;
            if (me.error.isEmpty() && me.exchange->status() != 200)
                me.error = u"HTTP %1"_s.arg(me.exchange->status());
            if (me.error.isEmpty() && !me.finished)
                me.error = u"stream ended without message.done"_s;
            me.doneS = double(wall.nsecsElapsed()) / 1e9;
            if (me.created)
                --open;
            if (++finished == streams)
                QTimer::singleShot(0, &loop, &QEventLoop::quit);
        };
    }
    wall.start();
    for (Client &c : clients)
        c.exchange->start();
    loop.exec();
    const double wallS = double(wall.nsecsElapsed()) / 1e9;
    sampler.stop();
    peakRss = std::max(peakRss, readMemory(pid).rssKiB);
    QStringList errors;
    std::vector<double> doneMs, createdMs;
    for (const Client &c : clients) {
        doneMs.push_back(c.doneS * 1000);
        if (c.created)
            createdMs.push_back(c.createdS * 1000);
        if (!c.error.isEmpty())
            errors << c.error;
    }
    clients.clear();
    std::fprintf(stderr, "streams done in %.1f s; %lld errors\n", wallS, qint64(errors.size()));
    pause(2000);
    const Memory after = readMemory(pid);

    // Every answer as stored.
    int stored = 0;
    QStringList storeErrors;
    for (const QByteArray &id : conversations) {
        const QJsonArray messages =
            callJson(server, "GET", "/api/v1/conversations/" + id, token).object().value(u"messages"_s).toArray();
        const QJsonObject last = messages.isEmpty() ? QJsonObject{} : messages.last().toObject();
        if (messages.size() == 2 && last.value(u"role"_s) == u"assistant"_s &&
            last.value(u"status"_s) == u"complete"_s && last.value(u"content"_s).toString() == expect)
            ++stored;
        else if (storeErrors.size() < 3)
            storeErrors << QString::fromUtf8(QJsonDocument(last).toJson(QJsonDocument::Compact)).left(200);
    }

    const QJsonObject out{{u"mode"_s, u"concurrent"_s},
                          {u"streams"_s, streams},
                          {u"completed"_s, qint64(streams - errors.size())},
                          {u"errors"_s, qint64(errors.size())},
                          {u"first_errors"_s, QJsonArray::fromStringList(errors.mid(0, 3))},
                          {u"open_at_once_max"_s, openMax},
                          {u"wall_s"_s, wallS},
                          {u"stream_duration"_s, summary(doneMs)},
                          {u"created_after"_s, summary(createdMs)},
                          {u"stored_complete"_s, stored},
                          {u"first_store_errors"_s, QJsonArray::fromStringList(storeErrors)},
                          {u"rss_before_mib"_s, double(before.rssKiB) / 1024},
                          {u"rss_peak_mib"_s, double(peakRss) / 1024},
                          {u"rss_after_mib"_s, double(after.rssKiB) / 1024},
                          {u"hwm_reset"_s, hwmReset},
                          {u"hwm_before_mib"_s, double(before.hwmKiB) / 1024},
                          {u"hwm_after_mib"_s, double(after.hwmKiB) / 1024}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"AI streaming load client for bench/run-ai-bench.sh"_s);
    parser.addPositionalArgument(u"mode"_s, u"ttfd or concurrent"_s);
    parser.addOptions({
        {u"server"_s, u"inkwelld base URL"_s, u"url"_s},
        {u"token"_s, u"access token"_s, u"token"_s},
        {u"fake"_s, u"fake upstream base URL (ttfd)"_s, u"url"_s},
        {u"provider"_s, u"openai or gemini (ttfd)"_s, u"name"_s, u"openai"_s},
        {u"requests"_s, u"timed requests per path (ttfd)"_s, u"n"_s, u"100"_s},
        {u"warmup"_s, u"untimed requests first (ttfd)"_s, u"n"_s, u"5"_s},
        {u"streams"_s, u"concurrent streams (concurrent)"_s, u"n"_s, u"500"_s},
        {u"pid"_s, u"inkwelld's process id (concurrent)"_s, u"pid"_s},
        {u"expect"_s, u"the full answer text (concurrent)"_s, u"text"_s},
    });
    parser.addHelpOption();
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0);
    if (mode == u"ttfd"_s)
        return runTtfd(parser);
    if (mode == u"concurrent"_s)
        return runConcurrent(parser);
    parser.showHelp(2);
}
