#pragma once

#include "ai/chatservice.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace inkwell::server {
class DeferredReply;
class SseStream;
} // namespace inkwell::server

namespace inkwell::server::ai {

class ChatGeneration;

/// @brief The generations running in one instance (one HttpService), by assistant message id, so that a
/// cancel made on this instance, or announced by NOTIFY from another, reaches its generation at once.
/// Thread-safe: generations run on every listener thread.
class GenerationRegistry {
public:
    void add(const QUuid &messageId, ChatGeneration *generation);
    void remove(const QUuid &messageId);
    /// @brief Queues cancel() to the generation's thread, if it runs here.
    void cancel(const QUuid &messageId);

private:
    // A generation removes itself in its destructor under the lock, so a pointer found under it is alive.
    QMutex m_mutex;
    QHash<QUuid, ChatGeneration *> m_generations;
};

/**
 * @brief One answer being generated: drives the provider's AiStream on the listener thread and writes
 * what it produces to the client (an SSE stream or, in JSON mode, one deferred reply) and to the database.
 *
 * The assistant row exists from the start (ConversationStore::beginExchange); the partial text is
 * flushed every 2 s, and the end (complete, cancelled, failed) is written once. Continuations are tied
 * to this object (a child of the listener's thread context) and the stream is watched through a
 * QPointer, so a client that leaves can never be written to after its stream is gone: its closed()
 * aborts the upstream and stores the partial answer as `cancelled`.
 *
 * A cancel from any instance reaches the generation through the database flag (seen at the next flush,
 * within 2 s), and at once through the GenerationRegistry: from the cancel route of this instance, and
 * from the NOTIFY on kAiCancelChannel of other instances when the notifier listens there (chatroutes.cpp).
 * After the answer, the first exchange of an untitled conversation gets a generated title; the object
 * deletes itself when all is done.
 */
class ChatGeneration : public QObject {
    Q_OBJECT
public:
    ChatGeneration(std::shared_ptr<ChatService> service, std::shared_ptr<GenerationRegistry> registry,
                   Exchange exchange, QObject *parent);
    ~ChatGeneration() override;

    /// @brief Streams to `stream` (message.created now, then message.delta..., then message.done or error).
    void start(SseStream *stream);
    /// @brief Answers `reply` once the answer is complete: 201 `{user_message, assistant_message}` or a problem.
    void start(std::shared_ptr<DeferredReply> reply);

    /// @brief Stops the upstream, keeps what was produced as `cancelled`, and ends the answer with it.
    void cancel();

private:
    void begin();
    void onDelta(const QString &text);
    void onFinished(const Usage &usage);
    void onFailed(const ProviderError &error);
    void onClientLeft();
    void flush();
    /// The final write; std::nullopt when it failed (the client then gets a 500).
    std::optional<Message> store(MessageStatus status, int outputTokens, qint64 exchangeTokens);
    void record(bool ok, int status, qint64 tokens);
    void deliver(const Message &message);
    void deliverError(const ProviderError &error);
    void startTitle();
    void finishTitle(const QString &title, qint64 tokens, bool ok, int status);

    std::shared_ptr<ChatService> m_service;
    std::shared_ptr<GenerationRegistry> m_registry;
    Exchange m_exchange;
    QPointer<SseStream> m_stream;
    std::shared_ptr<DeferredReply> m_reply;
    QPointer<AiStream> m_upstream;
    QTimer m_flush;
    QElapsedTimer m_clock;
    QDateTime m_startedAt;
    std::optional<int> m_firstDeltaMs;
    QString m_content;
    bool m_dirty = false;
    bool m_over = false; ///< the answer ended (stored); only the title may follow
};

} // namespace inkwell::server::ai
