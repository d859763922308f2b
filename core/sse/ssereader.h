#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace inkwell::sse {

/// @brief One dispatched Server-Sent Event, as the WHATWG "event stream interpretation" defines it.
struct Event {
    QString type = QStringLiteral("message"); ///< the "event:" field; "message" when absent or empty
    QString data;                             ///< the "data:" lines joined with LF (the final LF removed)
    QString id;                               ///< the last event ID in effect when the event was dispatched
    std::optional<int> retryMs;               ///< a valid "retry:" field of this event, if it had one

    friend bool operator==(const Event &, const Event &) = default;
};

/**
 * @brief Incremental parser for a `text/event-stream` body (WHATWG HTML, 9.2.6).
 *
 * Feed the body in chunks of any size, cut anywhere: inside a line, inside a UTF-8 sequence,
 * inside the leading byte order mark or between the CR and LF of a line end. Each byte is
 * looked at a constant number of times, so parsing is linear in the input.
 *
 * Lines end in CRLF, LF or CR. UTF-8 is decoded one complete line at a time with the WHATWG
 * "UTF-8 decode" rules (each maximal invalid subsequence becomes one U+FFFD); a single BOM at the
 * very start of the stream is skipped, one anywhere else is content.
 *
 * Comment lines (": keep-alive") are not events; their text (after the colon and at most one
 * space) is kept for takeComments() so a client can see that the connection is alive.
 *
 * Limits: a line longer than maxEventBytes(), or an event whose data grows beyond it, puts the
 * reader into a permanent error state (hasError()). The buffered bytes are released, and every
 * later feed() returns nothing. Abort the connection; a new stream needs a new Reader.
 */
class Reader {
public:
    /// @brief The default for setMaxEventBytes(): 16 MiB.
    static constexpr qsizetype DefaultMaxEventBytes = qsizetype(16) * 1024 * 1024;
    /// @brief The most comments held for takeComments(); beyond it the oldest are dropped.
    static constexpr qsizetype MaxPendingComments = 1024;

    /**
     * @brief Parses the next bytes of the stream.
     * @return the events completed by this chunk, in stream order (often none). After an error,
     *         the events completed before the offending line are still returned.
     */
    QList<Event> feed(QByteArrayView bytes);

    /**
     * @brief Marks the end of the stream.
     *
     * Per the spec an event without its closing blank line is discarded, as is a partial last
     * line, and an "id:" seen in that incomplete event does not change lastEventId(). Nothing
     * is dispatched. Afterwards the reader expects a new stream (a BOM may start it again);
     * lastEventId(), reconnectionTimeMs(), untaken comments and the error state are kept, which
     * is what a client needs to reconnect with Last-Event-ID.
     */
    void finish();

    /// @brief The last event ID string: the ID set by the last completed event (blank line),
    /// even one that was not dispatched because it had no data. Empty at first.
    QString lastEventId() const;

    /// @brief The reconnection time from the last valid "retry:" field, if any was seen.
    std::optional<int> reconnectionTimeMs() const;

    /// @brief Returns the comment texts seen since the last call, oldest first, and forgets them.
    QList<QString> takeComments();

    /// @brief Bytes held for the incomplete line (and a possibly partial BOM), not yet parsed.
    qsizetype bufferedBytes() const;

    /**
     * @brief Sets the longest line, and the largest data of one event, that the reader accepts.
     *
     * Lines are measured in bytes without their line end; event data as the bytes of its
     * "data:" values plus one per line. Values below 1 are treated as 1.
     */
    void setMaxEventBytes(qsizetype maxBytes);

    /// @brief The limit set with setMaxEventBytes(), DefaultMaxEventBytes by default.
    qsizetype maxEventBytes() const;

    /// @brief Whether a limit was exceeded; the reader then ignores all further input.
    bool hasError() const;

    /// @brief A readable description of the error, empty when hasError() is false.
    QString errorString() const;

private:
    void processLine(QByteArrayView line, QList<Event> &events);
    void processField(QByteArrayView field, QByteArrayView value);
    void dispatch(QList<Event> &events);
    void resetEvent();
    void fail(const QString &message);

    QByteArray m_line;           // the incomplete line carried over from earlier chunks
    qsizetype m_bomMatched = 0;  // how many bytes of a leading BOM have been seen so far
    bool m_atStreamStart = true; // still deciding whether the stream starts with a BOM
    bool m_skipLineFeed = false; // the last line ended in CR: an LF right after it belongs to it

    QString m_data;            // the spec's data buffer (each line followed by LF)
    qsizetype m_dataBytes = 0; // bytes of the "data:" values in m_data plus one per line
    QString m_eventType;       // the spec's event type buffer
    QString m_idBuffer;        // the spec's last event ID buffer
    std::optional<int> m_eventRetry;

    QString m_lastEventId; // the spec's last event ID string
    std::optional<int> m_reconnectionTime;
    QList<QString> m_comments;

    qsizetype m_maxBytes = DefaultMaxEventBytes;
    QString m_errorString;
    bool m_hasError = false;
};

} // namespace inkwell::sse
