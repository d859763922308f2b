#pragma once

#include "model/message.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace inkwell::engine {

/// @brief How a message of an open conversation stands.
enum class ChatMessageState {
    Complete,  ///< stored and whole
    Cancelled, ///< the answer was stopped; what it had produced is kept ("stopped")
    Failed,    ///< the answer broke off, or a question could not be sent; errorText says why
    Streaming, ///< the answer is arriving
    Sending,   ///< a question on its way to the server (not stored yet)
};

/// @brief One message as the chat shows it: the server's message plus what only the client knows.
struct ChatMessage {
    QUuid id; ///< null until the server stored it
    MessageRole role = MessageRole::User;
    QString content; ///< Markdown for answers, plain text for questions
    ChatMessageState state = ChatMessageState::Complete;
    int tokens = 0;
    QDateTime createdAt;
    QString errorText;                     ///< Failed: a readable sentence saying why
    std::optional<QDateTime> retryAt;      ///< Failed with 429/503: not worth retrying before this time
    std::optional<int> firstTokenMs;       ///< an answer streamed here: from sending to its first words
    std::optional<double> tokensPerSecond; ///< an answer streamed here: its tokens over the time they took

    bool isStored() const { return !id.isNull(); }
    /// @brief A stored message; a failed one gets a generic error text (the server does not keep the reason).
    static ChatMessage fromMessage(const Message &message);
};

/**
 * @brief The messages of one conversation, oldest first, one row per message shown.
 *
 * A turn is a question (a user row) and its answer (the assistant row after it). Regenerating keeps the earlier
 * answers of a turn: they are the alternatives of the answer row, of which one is shown (the newest by default;
 * showAlternative() switches, like "‹ 1 / 2 ›"). When a conversation is read from the server, consecutive
 * assistant messages after one question are grouped into one row this way (the server lists a regenerated answer
 * right after the earlier ones of the last turn).
 *
 * A question that was edited and sent again (ChatSession::editAndResend) stays in the list with the answer it
 * got, marked superseded (SupersededRole), above the new question: nothing the user saw disappears. The server
 * has no notion of an edit, so a conversation read again shows those turns as ordinary ones.
 *
 * Streaming deltas change one row's content: appendText() emits textAppended() (cheap: row and the appended
 * length) and dataChanged() for that row with ContentRole only.
 *
 * The change functions (setMessages(), append(), ...) are for ChatSession; views only read and call
 * showAlternative().
 */
class MessageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        ContentRole = Qt::UserRole + 1, ///< QString (also Qt::DisplayRole)
        IdRole,                         ///< QUuid, null when not stored
        MessageRoleRole,                ///< int: inkwell::MessageRole
        StateRole,                      ///< int: ChatMessageState
        TokensRole,                     ///< int
        CreatedAtRole,                  ///< QDateTime (UTC)
        IsLatestAnswerRole,             ///< bool: an answer that is the newest of its turn
        ErrorTextRole,                  ///< QString, Failed only
        RetryAtRole,                    ///< QDateTime or invalid
        AlternativeIndexRole,           ///< int: which answer of the turn is shown (0-based)
        AlternativeCountRole,           ///< int: how many answers the turn has (1 for questions)
        SupersededRole,                 ///< bool: a question that was edited and resent, or its answer
        FirstTokenMsRole,               ///< int or invalid: time to the first words (answers streamed here)
        TokensPerSecondRole,            ///< double or invalid: output speed (answers streamed here)
    };
    Q_ENUM(Roles)

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// @brief The message shown in @p row (the chosen alternative of an answer).
    const ChatMessage &message(int row) const;
    /// @brief Every answer of the turn in @p row, oldest first (a question: itself).
    QList<ChatMessage> alternatives(int row) const;
    int alternativeIndex(int row) const;
    int alternativeCount(int row) const;
    bool isSuperseded(int row) const;
    /// @brief The last row whose role is @p role, or -1.
    int lastRow(MessageRole role) const;

    /// @brief Shows answer @p index of the turn in @p row.
    void showAlternative(int row, int index);

    // ---- changes, made by ChatSession ----

    /// @brief Replaces everything with the messages of a conversation (oldest first), grouping answers into turns.
    void setMessages(const QList<Message> &messages);
    void clear();
    /// @brief Adds a row at the end; returns it.
    int append(const ChatMessage &message);
    /// @brief Replaces the shown message of @p row.
    void replace(int row, const ChatMessage &message);
    /// @brief Adds another answer to the turn in @p row and shows it; returns its alternative index.
    int addAlternative(int row, const ChatMessage &message);
    /// @brief Removes the shown answer of the turn in @p row (one never stored); the newest other one is shown.
    void removeShownAlternative(int row);
    /// @brief Appends @p text to the shown message of @p row (a delta).
    void appendText(int row, QStringView text);
    /// @brief Removes the last row.
    void removeLast();
    /// @brief Marks @p row as superseded (or not).
    void setSuperseded(int row, bool superseded);
    /// @brief Sets the token count of the stored message @p id wherever it is; true when it changed.
    bool setTokens(const QUuid &id, int tokens);

Q_SIGNALS:
    /// @brief @p row's content grew by @p length characters (a delta arrived). Emitted before dataChanged().
    void textAppended(int row, qsizetype length);

private:
    struct Entry {
        QList<ChatMessage> versions; // a question: one; an answer: the turn's answers, oldest first
        int shown = 0;
        bool superseded = false;
    };
    void changed(int row, const QList<int> &roles = {});

    QList<Entry> m_entries;
};

} // namespace inkwell::engine
