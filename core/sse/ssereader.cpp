#include "sse/ssereader.h"

#include <QChar>
#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace inkwell::sse {

namespace {

constexpr uchar kBom[3] = {0xEF, 0xBB, 0xBF};

void appendCodePoint(QString &out, char32_t codePoint)
{
    if (QChar::requiresSurrogates(codePoint)) {
        out.append(QChar(QChar::highSurrogate(codePoint)));
        out.append(QChar(QChar::lowSurrogate(codePoint)));
    } else {
        out.append(QChar(char16_t(codePoint)));
    }
}

/*
 * The WHATWG Encoding "UTF-8 decode" (without BOM handling, which only applies to the start of
 * the stream and is done by the caller). QString::fromUtf8 cannot be used: it replaces some
 * invalid sequences with more than one U+FFFD ("\xE2\x82" gives two, the spec one) and it
 * silently drops a BOM at the start of every string it decodes.
 *
 * Decoding line by line gives the same result as decoding the whole stream: the bytes that end
 * a line or split a field (CR, LF, ':') are ASCII, and an ASCII byte always ends a pending
 * multi-byte sequence, which yields exactly one U+FFFD either way.
 */
QString decodeUtf8(QByteArrayView bytes)
{
    const auto isAscii = [](char c) { return uchar(c) < 0x80; };
    if (std::all_of(bytes.begin(), bytes.end(), isAscii))
        return QString::fromLatin1(bytes.data(), bytes.size());

    QString out;
    out.reserve(bytes.size());
    char32_t codePoint = 0;
    int bytesNeeded = 0;
    int bytesSeen = 0;
    uchar lowerBoundary = 0x80;
    uchar upperBoundary = 0xBF;

    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar byte = uchar(bytes[i]);
        if (bytesNeeded == 0) {
            if (byte <= 0x7F) {
                out.append(QChar(char16_t(byte)));
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                bytesNeeded = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lowerBoundary = 0xA0;
                if (byte == 0xED)
                    upperBoundary = 0x9F;
                bytesNeeded = 2;
                codePoint = byte & 0xF;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lowerBoundary = 0x90;
                if (byte == 0xF4)
                    upperBoundary = 0x8F;
                bytesNeeded = 3;
                codePoint = byte & 0x7;
            } else {
                out.append(QChar::ReplacementCharacter);
            }
            continue;
        }
        if (byte < lowerBoundary || byte > upperBoundary) {
            // The sequence is cut short: one U+FFFD for it, then this byte starts afresh.
            codePoint = 0;
            bytesNeeded = 0;
            bytesSeen = 0;
            lowerBoundary = 0x80;
            upperBoundary = 0xBF;
            out.append(QChar::ReplacementCharacter);
            --i;
            continue;
        }
        lowerBoundary = 0x80;
        upperBoundary = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++bytesSeen != bytesNeeded)
            continue;
        appendCodePoint(out, codePoint);
        codePoint = 0;
        bytesNeeded = 0;
        bytesSeen = 0;
    }
    if (bytesNeeded != 0)
        out.append(QChar::ReplacementCharacter);
    return out;
}

/// "retry:" takes only ASCII digits; a number too large for an int saturates at INT_MAX.
std::optional<int> parseRetry(QByteArrayView value)
{
    if (value.isEmpty())
        return std::nullopt;
    qint64 result = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        result = std::min<qint64>(result * 10 + (c - '0'), std::numeric_limits<int>::max());
    }
    return int(result);
}

} // namespace

QList<Event> Reader::feed(QByteArrayView bytes)
{
    QList<Event> events;
    if (m_hasError)
        return events;

    const char *pos = bytes.data();
    const char *const end = pos + bytes.size();

    if (m_atStreamStart) {
        while (pos != end && m_bomMatched < 3 && uchar(*pos) == kBom[m_bomMatched]) {
            ++m_bomMatched;
            ++pos;
        }
        if (m_bomMatched == 3) {
            m_atStreamStart = false;
            m_bomMatched = 0;
        } else if (pos != end) {
            // Not a BOM after all: the bytes matched so far are the start of the first line.
            // None of them is CR or LF, so they simply go in front of what follows.
            m_line.append(QByteArrayView(reinterpret_cast<const char *>(kBom), m_bomMatched));
            m_atStreamStart = false;
            m_bomMatched = 0;
        } else {
            return events; // every byte so far may still be part of a BOM
        }
    }

    while (pos != end) {
        if (m_skipLineFeed) {
            m_skipLineFeed = false;
            if (*pos == '\n') {
                ++pos;
                continue;
            }
        }

        const char *lineEnd = pos;
        while (lineEnd != end && *lineEnd != '\n' && *lineEnd != '\r')
            ++lineEnd;

        const qsizetype pieceSize = lineEnd - pos;
        if (m_line.size() + pieceSize > m_maxBytes) {
            fail(u"an event stream line is longer than %1 bytes"_s.arg(m_maxBytes));
            return events;
        }
        if (lineEnd == end) {
            m_line.append(pos, pieceSize);
            break;
        }

        m_skipLineFeed = *lineEnd == '\r';
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(pos, pieceSize), events);
        } else {
            m_line.append(pos, pieceSize);
            processLine(m_line, events);
            m_line.clear();
        }
        if (m_hasError)
            return events;
        pos = lineEnd + 1;
    }
    return events;
}

void Reader::finish()
{
    m_line.clear();
    m_bomMatched = 0;
    m_atStreamStart = true;
    m_skipLineFeed = false;
    resetEvent();
    // The ID of an event that never completed was never "in effect".
    m_idBuffer = m_lastEventId;
}

QString Reader::lastEventId() const
{
    return m_lastEventId;
}

std::optional<int> Reader::reconnectionTimeMs() const
{
    return m_reconnectionTime;
}

QList<QString> Reader::takeComments()
{
    return std::exchange(m_comments, {});
}

qsizetype Reader::bufferedBytes() const
{
    return m_line.size() + m_bomMatched;
}

void Reader::setMaxEventBytes(qsizetype maxBytes)
{
    m_maxBytes = std::max<qsizetype>(maxBytes, 1);
}

qsizetype Reader::maxEventBytes() const
{
    return m_maxBytes;
}

bool Reader::hasError() const
{
    return m_hasError;
}

QString Reader::errorString() const
{
    return m_errorString;
}

void Reader::processLine(QByteArrayView line, QList<Event> &events)
{
    if (line.isEmpty()) {
        dispatch(events);
        return;
    }

    const qsizetype colon = line.indexOf(':');
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);

    if (colon == 0) {
        if (m_comments.size() >= MaxPendingComments)
            m_comments.removeFirst();
        m_comments.append(decodeUtf8(value));
        return;
    }
    processField(colon < 0 ? line : line.first(colon), value);
}

void Reader::processField(QByteArrayView field, QByteArrayView value)
{
    // Field names are compared on the raw bytes: they are ASCII, and a name with any other
    // byte (or an invalid sequence, decoded to U+FFFD) matches none of them either way.
    if (field == QByteArrayView("data")) {
        if (m_dataBytes + value.size() + 1 > m_maxBytes) {
            fail(u"an event's data is larger than %1 bytes"_s.arg(m_maxBytes));
            return;
        }
        m_dataBytes += value.size() + 1;
        m_data.append(decodeUtf8(value));
        m_data.append(QLatin1Char('\n'));
    } else if (field == QByteArrayView("event")) {
        m_eventType = decodeUtf8(value);
    } else if (field == QByteArrayView("id")) {
        if (!value.contains('\0'))
            m_idBuffer = decodeUtf8(value);
    } else if (field == QByteArrayView("retry")) {
        if (const std::optional<int> retry = parseRetry(value)) {
            m_reconnectionTime = retry;
            m_eventRetry = retry;
        }
    }
}

void Reader::dispatch(QList<Event> &events)
{
    m_lastEventId = m_idBuffer;
    if (m_data.isEmpty()) {
        resetEvent();
        return;
    }
    if (m_data.endsWith(QLatin1Char('\n')))
        m_data.chop(1);

    Event event;
    if (!m_eventType.isEmpty())
        event.type = m_eventType;
    event.data = std::exchange(m_data, {});
    event.id = m_lastEventId;
    event.retryMs = m_eventRetry;
    resetEvent();
    events.append(std::move(event));
}

void Reader::resetEvent()
{
    m_data.clear();
    m_dataBytes = 0;
    m_eventType.clear();
    m_eventRetry.reset();
}

void Reader::fail(const QString &message)
{
    m_hasError = true;
    m_errorString = message;
    m_line.clear();
    m_line.squeeze();
    resetEvent();
    m_data.squeeze();
}

} // namespace inkwell::sse
