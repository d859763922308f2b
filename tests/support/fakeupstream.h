#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

class QTemporaryDir;
class QThread;

namespace inkwell::test {

namespace detail {
class FakeUpstreamWorker;
struct FakeUpstreamState;
} // namespace detail

/**
 * @brief A loopback HTTP/1.1 server that answers like Gemini or an OpenAI-compatible server.
 *
 * It runs in a thread of its own, so a test may block its main thread (a blocking HTTP client, a
 * QSignalSpy::wait) while it answers. Each request takes the next queued Reply (FIFO), or the
 * fallback when the queue is empty. Connections are kept alive (a client may send the next request
 * on the same connection) unless the client or the reply says `Connection: close`; several
 * connections are served at once, so a request is answered while another reply is held.
 *
 * Body framing, as real servers do it:
 * - a `Content-Length` in the reply's headers: the chunks are sent as they are (a length that does
 *   not match the chunks is the test's choice, e.g. for a truncated body);
 * - a `Transfer-Encoding: chunked` header: each chunk is one chunk of the chunked coding, and the
 *   terminating `0` chunk is sent only at a normal end;
 * - `Connection: close` and neither of the above: close-delimited;
 * - neither: Content-Length when every chunk is sent at once and the reply ends normally (End::Close),
 *   chunked otherwise.
 *
 * With Transport::Tls it speaks HTTPS with a self-signed certificate for 127.0.0.1 made at start with
 * the `openssl` command in a temporary directory (certificateFile(); a client trusts it, e.g. inkwelld
 * through INKWELL_AI_CA_FILE). It counts the connections it accepted and those still open, so a test
 * sees whether a client reused one.
 */
class FakeUpstream {
public:
    /// @brief Bytes written after `delayMs` (counted from the previous chunk), then flushed.
    struct Chunk {
        QByteArray bytes;
        int delayMs = 0;
    };
    /// @brief One scripted answer.
    struct Reply {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers; ///< e.g. Content-Type, Retry-After
        QList<Chunk> chunks;
        /// Close: normal end (terminator / length complete; the connection stays open for the next request
        /// unless framing needs the close). Drop: close the TCP connection after the chunks, with no terminator.
        /// Hold: keep the connection open after the chunks until release(), which then ends normally.
        enum class End { Close, Drop, Hold };
        End end = End::Close;
    };
    /// @brief One request as the fake received it.
    struct Request {
        QByteArray method;
        QByteArray path; ///< including the query
        QHash<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
        /// @brief The body parsed as a JSON object (empty when it is not one).
        QJsonObject json() const;
    };

    enum class Transport { Plain, Tls };

    /// @brief Starts its thread and listens on 127.0.0.1 at a free port (port() 0 when that failed,
    /// error() says why).
    explicit FakeUpstream(Transport transport = Transport::Plain);
    ~FakeUpstream();
    FakeUpstream(const FakeUpstream &) = delete;
    FakeUpstream &operator=(const FakeUpstream &) = delete;

    /// @brief "http://127.0.0.1:PORT", or "https://..." with Transport::Tls.
    QString baseUrl() const;
    /// @brief The PEM certificate a client must trust (Transport::Tls), empty otherwise.
    QString certificateFile() const;
    /// @brief Why the fake could not start (openssl failed, no port); empty when it runs.
    QString error() const { return m_error; }
    /// @brief Connections accepted so far (TLS: handshake completed).
    int acceptedConnections() const;
    /// @brief Connections open now.
    int openConnections() const;
    quint16 port() const;
    /// @brief Queues a reply; replies are used in FIFO order, one per request.
    void enqueue(Reply reply);
    /// @brief The reply used when the queue is empty (default: a 500 JSON error with Content-Length).
    void setFallback(Reply reply);
    /// @brief The requests received so far, in arrival order (a thread-safe copy).
    QList<Request> requests() const;
    /// @brief Waits until at least `count` requests arrived. While waiting it keeps running the calling
    /// thread's events (in short slices), so a client living in that thread can send its request.
    bool waitForRequests(int count, int timeoutMs) const;
    /// @brief Ends every held reply normally (terminator, or close for close-delimited bodies).
    void release();
    /// @brief Replies whose connection the client closed before the reply ended.
    int clientAborts() const;
    /// @brief Like waitForRequests(), for clientAborts().
    bool waitForClientAborts(int count, int timeoutMs) const;

    /**
     * @brief A reply from the recorded fixtures (INKWELL_SHARED_DIR/fixtures/ai-wire): status and
     * headers from manifest.json, body bytes exactly as stored.
     *
     * For `.sse` files one chunk per event (split after each blank line, keeping CRLF/LF as stored;
     * bytes after the last event, like Gemini's bare JSON error, form the last chunk). Each offset in
     * `cutAt` splits further at that absolute byte offset of the body. Every chunk is sent `delayMs`
     * after the previous one. An unknown file gives a 599 reply whose body names it.
     */
    static Reply fixture(const QString &fileName, int delayMs = 0, const QList<int> &cutAt = {});
    /// @brief The absolute body bytes of a fixture file (empty when missing).
    static QByteArray fixtureBytes(const QString &fileName);

    /**
     * @brief A Gemini `alt=sse` answer: one event per piece (`candidates[0].content.parts[0].text`),
     * then a last event with no parts, `finishReason: "STOP"`; CRLF line ends, chunked, no `[DONE]`.
     * `usageMetadata` on every event as running totals: 12 prompt tokens, one output token per piece.
     */
    static Reply geminiText(const QStringList &pieces, int delayMs = 0);
    /**
     * @brief An OpenAI chat-completions stream: a role chunk, one chunk per piece (`delta.content`),
     * a finish chunk (`finish_reason: "stop"`, empty delta), when `withUsage` a usage chunk with
     * `choices: []` (12 prompt tokens, one completion token per piece), then `data: [DONE]`; LF, chunked.
     */
    static Reply openaiText(const QStringList &pieces, int delayMs = 0, bool withUsage = true);

private:
    std::shared_ptr<detail::FakeUpstreamState> m_state;
    std::unique_ptr<QTemporaryDir> m_certificateDir;
    QString m_error;
    bool m_tls = false;
    std::unique_ptr<QThread> m_thread;
    detail::FakeUpstreamWorker *m_worker = nullptr;
    quint16 m_port = 0;
};

} // namespace inkwell::test
