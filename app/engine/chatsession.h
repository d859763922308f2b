#pragma once

#include "api/apiclient.h"
#include "messagelistmodel.h"
#include "model/conversation.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUuid>
#include <optional>

namespace inkwell::engine {

/**
 * @brief One open conversation with the AI: its messages, sending, streaming answers, stop, regenerate, edit,
 * retry and the system prompt. No widgets: a test drives it with no window.
 *
 * Every reply is checked against a generation counter that open() and close() bump, so a slow answer for a
 * conversation the user has left is dropped instead of landing in the one now shown. A running answer is aborted
 * by open()/close() (the server then keeps what was produced, as cancelled); a UI that lets answers run in the
 * background keeps one session per conversation instead.
 *
 * Sending: the question appears at once (Sending), with an empty answer row (Streaming) under it. The stream's
 * `message.created` replaces the question with the stored one; each `message.delta` is appended to the answer as
 * it arrives (MessageListModel::textAppended); `message.done` stores the final answer (status complete, or
 * cancelled after stop()); an `error` event marks it Failed with the server's words. When no answer came at all
 * (429, 503, the server unreachable) the question is marked Failed ("not sent") and retry() sends it again.
 */
class ChatSession : public QObject {
    Q_OBJECT
public:
    enum class Status { Closed, Loading, Ready, LoadFailed };
    Q_ENUM(Status)

    explicit ChatSession(api::ApiClient *api, QObject *parent = nullptr);
    /// @brief Aborts a running answer (the server keeps it as cancelled).
    ~ChatSession() override;

    /// @brief Loads a conversation (GET /conversations/{id}); a reply for an earlier open() is dropped.
    void open(const QUuid &conversationId);
    /// @brief Like open(id), showing what the list already knows (title, tokens) until the load arrives.
    void open(const Conversation &conversation);
    /// @brief Shows nothing; a running answer is aborted.
    void close();
    /// @brief Reads the conversation's title, token total and system prompt again (the messages stay).
    void refresh();

    Status status() const { return m_status; }
    /// @brief Why the last open() failed.
    QString loadError() const { return m_loadError; }
    QUuid conversationId() const { return m_conversation ? m_conversation->id : QUuid(); }
    /// @brief The conversation as last read or patched; std::nullopt when closed.
    const std::optional<Conversation> &conversation() const { return m_conversation; }
    MessageListModel *messages() const { return m_messages; }

    /// @brief An answer is arriving (send, regenerate or retry).
    bool isStreaming() const { return m_pending.has_value(); }
    /// @brief stop() was asked and the answer has not ended yet.
    bool isStopping() const { return m_pending && m_pending->stopRequested; }
    /// @brief Tokens of the whole conversation as the server counts them (questions, answers, titles).
    qint64 totalTokens() const { return m_conversation ? m_conversation->totalTokens : 0; }
    QString systemPrompt() const;

    bool canSend() const;
    bool canStop() const { return isStreaming() && !isStopping(); }
    /// @brief The last turn has a stored answer and nothing is running.
    bool canRegenerate() const;
    /// @brief There is a last question to edit and nothing is running.
    bool canEditLastQuestion() const;
    /// @brief The last question could not be sent, or the last answer failed, and nothing is running.
    bool canRetry() const;
    /// @brief The text of the last question (what "edit last question" starts from).
    QString lastQuestion() const;

    /// @brief Sends @p text and streams the answer. False (and errorOccurred()) when it cannot be sent now.
    bool send(const QString &text);
    /// @brief Stops the running answer (POST .../cancel). The stream ends with the partial answer, cancelled.
    void stop();
    /// @brief Answers the last question again; the earlier answer stays as an alternative of the turn.
    bool regenerate();
    /// @brief Sends @p text as a new question in place of the last one. The old question and its answer stay,
    /// marked superseded (the server keeps them as they were; it has no edit). A last question that was never
    /// stored is simply replaced.
    bool editAndResend(const QString &text);
    /// @brief After a failure: sends the unsent question again, or answers the failed answer's question again.
    bool retry();
    /// @brief Sets the conversation's system prompt (PATCH); an empty text removes it.
    void setSystemPrompt(const QString &prompt);

    /// @brief How long stop() waits for the stream to end after the server accepted the cancel, before it drops
    /// the stream itself. Default 5000.
    void setStopTimeoutMs(int ms) { m_stopTimer.setInterval(ms); }

Q_SIGNALS:
    void statusChanged(inkwell::engine::ChatSession::Status status);
    /// @brief The conversation's title, token total, message count or system prompt changed.
    void conversationChanged(const inkwell::Conversation &conversation);
    /// @brief Streaming started or ended, or stop was asked: the can*() answers may have changed.
    void actionsChanged();
    /// @brief An answer ended; @p row is its row, in any state.
    void answerFinished(int row);
    /// @brief The server has no AI provider (503 /problems/ai-unconfigured): say so and stop offering to send.
    void providerUnavailable(const QString &message);
    /// @brief Something not shown on a message went wrong (the system prompt could not be saved, a message was
    /// too long...).
    void errorOccurred(const QString &message);
    /// @brief The system prompt was saved.
    void systemPromptSaved();

private:
    /// The exchange whose answer is arriving.
    struct Pending {
        enum class Kind { Send, Regenerate };
        Kind kind = Kind::Send;
        QPointer<api::ApiCall> call = {};
        int questionRow = -1; ///< Send: the question's row
        int answerRow = -1;
        QUuid answerId = {};  ///< from message.created
        bool created = false; ///< message.created arrived
        bool ended = false;   ///< message.done or error arrived
        bool stopRequested = false;
        bool cancelSent = false;
        quint64 serial = 0;       ///< tells this exchange's callbacks from a later one's
        QElapsedTimer clock = {}; ///< since the question went out
        qint64 firstDeltaMs = -1; ///< when the first words came
    };

    void reset(Status status);
    void setStatus(Status status);
    void startSend(int questionRow);
    void startRegenerate(int answerRow, const QUuid &answerId);
    void watch(api::ApiCall *call);
    std::function<void(api::ApiResult<void>)> streamEnd();
    void onEvent(quint64 serial, const sse::Event &event);
    void onStreamEnded(quint64 serial, const api::ApiResult<void> &result);
    void failPending(const api::ApiError &error);
    void finishPending();
    void sendCancel();
    void dropStreamAsStopped();
    void applyConversation(const Conversation &conversation);
    void scheduleRefresh(int delayMs);
    int answerRowOfLastTurn() const;

    api::ApiClient *m_api;
    MessageListModel *m_messages;
    Status m_status = Status::Closed;
    QString m_loadError;
    std::optional<Conversation> m_conversation;
    std::optional<Pending> m_pending;
    quint64 m_generation = 0; // bumped by open() and close(): replies of an earlier one are dropped
    // Bumped when a change of the conversation (its system prompt) is sent and when its answer arrives: a refresh
    // read before either shows the conversation as it was, and its copy is not applied.
    quint64 m_conversationEdits = 0;
    int m_editsInFlight = 0;
    quint64 m_serial = 0;     // bumped by every exchange
    QTimer m_stopTimer;
    QTimer m_refreshTimer;
    int m_titleRefreshes = 0; // refreshes left to pick up a generated title
};

/// @brief Readable text for a failed chat call; sets @p retryAt for a 429 or 503 that says when to retry.
QString describeChatError(const api::ApiError &error, std::optional<QDateTime> *retryAt = nullptr);
/// @brief "Try again in 30 seconds." / "in 5 minutes." / "at 00:00." for a wait of @p seconds from now.
QString retryAdvice(qint64 seconds);

} // namespace inkwell::engine
