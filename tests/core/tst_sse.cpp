#include "sse/ssereader.h"
#include "sse/ssewriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QTest>
#include <cstddef>
#include <limits>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using inkwell::sse::Event;
using inkwell::sse::Reader;

namespace inkwell::sse {

// How QCOMPARE prints an event when two lists differ (found by argument-dependent lookup).
char *toString(const Event &event)
{
    const auto pretty = [](const QString &text) {
        const std::unique_ptr<char[]> printed(QTest::toPrettyUnicode(text));
        return QByteArray(printed.get());
    };
    const QByteArray retry = event.retryMs ? QByteArray::number(*event.retryMs) : QByteArray("none");
    const QByteArray text = "Event{type=" + pretty(event.type) + ", data=" + pretty(event.data) +
                            ", id=" + pretty(event.id) + ", retry=" + retry + "}";
    return qstrdup(text.constData());
}

} // namespace inkwell::sse

namespace {

// ---- Helpers that build inputs and expectations (none of them calls the code under test) ------------------------

/// The bytes of a string literal, embedded NULs included (QByteArray(const char *) stops at the first).
template <std::size_t N> QByteArray raw(const char (&bytes)[N])
{
    return QByteArray(bytes, qsizetype(N - 1));
}

Event ev(const QString &data, const QString &type = u"message"_s, const QString &id = {},
         std::optional<int> retryMs = std::nullopt)
{
    Event event;
    event.type = type;
    event.data = data;
    event.id = id;
    event.retryMs = retryMs;
    return event;
}

Event withRetry(const QString &data, int retryMs)
{
    return ev(data, u"message"_s, {}, retryMs);
}

Event withId(const QString &data, const QString &id)
{
    return ev(data, u"message"_s, id);
}

using Events = QList<Event>;

/// "No reconnection time was set" in the int columns.
constexpr int kNoRetry = -1;

QList<QByteArray> wholeChunk(const QByteArray &input)
{
    return {input};
}

QList<QByteArray> byteChunks(const QByteArray &input)
{
    QList<QByteArray> chunks;
    for (qsizetype i = 0; i < input.size(); ++i)
        chunks.append(input.sliced(i, 1));
    return chunks;
}

QList<QByteArray> sizedChunks(const QByteArray &input, qsizetype size)
{
    QList<QByteArray> chunks;
    for (qsizetype i = 0; i < input.size(); i += size)
        chunks.append(input.mid(i, size));
    return chunks;
}

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(INKWELL_SHARED_DIR "/fixtures/ai-wire/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// What a Reader made of a whole stream.
struct Outcome {
    Events events;
    QString lastEventId;
    int reconnectionTimeMs = kNoRetry;
    QStringList comments;
    bool error = false;
};

Outcome read(const QList<QByteArray> &chunks, qsizetype maxBytes = Reader::DefaultMaxEventBytes)
{
    Reader reader;
    reader.setMaxEventBytes(maxBytes);
    Outcome outcome;
    for (const QByteArray &chunk : chunks)
        outcome.events += reader.feed(chunk);
    reader.finish();
    outcome.lastEventId = reader.lastEventId();
    outcome.reconnectionTimeMs = reader.reconnectionTimeMs().value_or(kNoRetry);
    outcome.comments = reader.takeComments();
    outcome.error = reader.hasError();
    return outcome;
}

QString describe(const QList<QByteArray> &chunks)
{
    QStringList sizes;
    for (const QByteArray &chunk : chunks)
        sizes.append(QString::number(chunk.size()));
    return u"chunk sizes ["_s + sizes.join(u", "_s) + u']';
}

} // namespace

class TestSse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Reader: the spec's rules, each fed whole, byte by byte and cut at every position.
    void parse_data();
    void parse();
    // Reader: when exactly events come out, for hand-picked chunk boundaries.
    void chunkBoundaries_data();
    void chunkBoundaries();
    // Reader: state that outlives one event or one stream.
    void lastEventIdAndRetryAcrossFinish();
    void finishDiscardsPendingInput();
    void bufferedBytes();
    void commentsAreTakenOnce();
    void pendingCommentsAreCapped();
    // Reader: limits and failure.
    void limits_data();
    void limits();
    void defaultLimit();
    void manySmallChunks();
    // Reader: recorded upstream streams.
    void fixtures_data();
    void fixtures();
    // Writer.
    void encodeEvent_data();
    void encodeEvent();
    void encodeComment_data();
    void encodeComment();
    void encodeJson();
    void roundTrip_data();
    void roundTrip();
    void commentRoundTrip_data();
    void commentRoundTrip();
    void writtenStreamReadsBack();
};

// ---- Reader: the spec's rules ---------------------------------------------------------------------------------------

void TestSse::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Events>("expected");
    QTest::addColumn<QString>("lastEventId");
    QTest::addColumn<int>("reconnectionTimeMs");
    QTest::addColumn<QStringList>("comments");

    const QString none;
    const QStringList noComments;

    // Framing and line ends.
    QTest::newRow("empty input") << QByteArray() << Events{} << none << kNoRetry << noComments;
    QTest::newRow("only blank lines") << raw("\n\r\n\r\n\n") << Events{} << none << kNoRetry << noComments;
    QTest::newRow("one event") << raw("data: hello\n\n") << Events{ev(u"hello"_s)} << none << kNoRetry << noComments;
    QTest::newRow("two events, LF") << raw("data: a\n\ndata: b\n\n") << Events{ev(u"a"_s), ev(u"b"_s)} << none
                                    << kNoRetry << noComments;
    QTest::newRow("two events, CRLF") << raw("data: a\r\n\r\ndata: b\r\n\r\n") << Events{ev(u"a"_s), ev(u"b"_s)} << none
                                      << kNoRetry << noComments;
    QTest::newRow("two events, CR") << raw("data: a\r\rdata: b\r\r") << Events{ev(u"a"_s), ev(u"b"_s)} << none
                                    << kNoRetry << noComments;
    QTest::newRow("mixed line ends") << raw("data: a\r\ndata: b\rdata: c\ndata: d\r\n\n") << Events{ev(u"a\nb\nc\nd"_s)}
                                     << none << kNoRetry << noComments;
    QTest::newRow("LF then CR is two line ends")
        << raw("data: a\n\rdata: b\n\n") << Events{ev(u"a"_s), ev(u"b"_s)} << none << kNoRetry << noComments;
    QTest::newRow("CR, CRLF") << raw("data: a\r\r\ndata: b\n\n") << Events{ev(u"a"_s), ev(u"b"_s)} << none << kNoRetry
                              << noComments;
    QTest::newRow("leading blank lines") << raw("\n\n\r\ndata: a\n\n") << Events{ev(u"a"_s)} << none << kNoRetry
                                         << noComments;
    QTest::newRow("CR blank line at the very end")
        << raw("data: a\n\r") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;

    // End of stream: an event without its blank line is discarded.
    QTest::newRow("unterminated event discarded")
        << raw("data: a\n\ndata: b\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("unterminated line discarded") << raw("data: a") << Events{} << none << kNoRetry << noComments;
    QTest::newRow("line ended by CR at EOF, no blank line")
        << raw("data: a\r") << Events{} << none << kNoRetry << noComments;

    // data
    QTest::newRow("multi-line data") << raw("data: a\ndata: b\ndata: c\n\n") << Events{ev(u"a\nb\nc"_s)} << none
                                     << kNoRetry << noComments;
    QTest::newRow("empty data line in the middle")
        << raw("data: a\ndata:\ndata: b\n\n") << Events{ev(u"a\n\nb"_s)} << none << kNoRetry << noComments;
    QTest::newRow("only the final LF is removed")
        << raw("data: a\ndata:\n\n") << Events{ev(u"a\n"_s)} << none << kNoRetry << noComments;
    QTest::newRow("empty data is dispatched")
        << raw("data:\n\n") << Events{ev(QString())} << none << kNoRetry << noComments;
    QTest::newRow("field without colon has an empty value")
        << raw("data\n\n") << Events{ev(QString())} << none << kNoRetry << noComments;
    QTest::newRow("data of one space is empty")
        << raw("data: \n\n") << Events{ev(QString())} << none << kNoRetry << noComments;
    QTest::newRow("only one leading space is removed")
        << raw("data:  two spaces\n\n") << Events{ev(u" two spaces"_s)} << none << kNoRetry << noComments;
    QTest::newRow("no space after the colon")
        << raw("data:tight\n\n") << Events{ev(u"tight"_s)} << none << kNoRetry << noComments;
    QTest::newRow("a tab is not removed")
        << raw("data:\tx\n\n") << Events{ev(u"\tx"_s)} << none << kNoRetry << noComments;
    QTest::newRow("trailing spaces are kept")
        << raw("data: x  \n\n") << Events{ev(u"x  "_s)} << none << kNoRetry << noComments;
    QTest::newRow("only the first colon splits")
        << raw("data: a: b:c\n\n") << Events{ev(u"a: b:c"_s)} << none << kNoRetry << noComments;
    QTest::newRow("NUL in data") << raw("data: a\0b\n\n") << Events{ev(u"a\0b"_s)} << none << kNoRetry << noComments;

    // event
    QTest::newRow("event type") << raw("event: add\ndata: 1\n\n") << Events{ev(u"1"_s, u"add"_s)} << none << kNoRetry
                                << noComments;
    QTest::newRow("empty event type is message")
        << raw("event:\ndata: 1\n\n") << Events{ev(u"1"_s)} << none << kNoRetry << noComments;
    QTest::newRow("event type resets after dispatch")
        << raw("event: a\ndata: 1\n\ndata: 2\n\n") << Events{ev(u"1"_s, u"a"_s), ev(u"2"_s)} << none << kNoRetry
        << noComments;
    QTest::newRow("event type of an event without data is dropped")
        << raw("event: a\n\ndata: 2\n\n") << Events{ev(u"2"_s)} << none << kNoRetry << noComments;
    QTest::newRow("last event field wins")
        << raw("event: a\nevent: b\ndata: 1\n\n") << Events{ev(u"1"_s, u"b"_s)} << none << kNoRetry << noComments;
    QTest::newRow("event type keeps inner spaces")
        << raw("event:  up date \ndata: 1\n\n") << Events{ev(u"1"_s, u" up date "_s)} << none << kNoRetry << noComments;

    // Unknown and malformed fields.
    QTest::newRow("field names are case-sensitive")
        << raw("Data: x\nDATA: y\nEvent: e\ndata: z\n\n") << Events{ev(u"z"_s)} << none << kNoRetry << noComments;
    QTest::newRow("unknown fields are ignored")
        << raw("foo: bar\ndata: x\nbaz\nerror: {}\n\n") << Events{ev(u"x"_s)} << none << kNoRetry << noComments;
    QTest::newRow("a space before the colon makes another field")
        << raw("data : x\n data: y\ndata: z\n\n") << Events{ev(u"z"_s)} << none << kNoRetry << noComments;
    QTest::newRow("invalid UTF-8 in a field name") << raw("d\xFF"
                                                          "ata: x\ndata: y\n\n")
                                                   << Events{ev(u"y"_s)} << none << kNoRetry << noComments;

    // Comments.
    QTest::newRow("keep-alive comment") << raw(": keep-alive\n\n") << Events{} << none << kNoRetry
                                        << QStringList{u"keep-alive"_s};
    QTest::newRow("comment forms") << raw(":\n:  two\n:x\n::y\n") << Events{} << none << kNoRetry
                                   << QStringList{QString(), u" two"_s, u"x"_s, u":y"_s};
    QTest::newRow("comment inside an event")
        << raw("data: a\n: note\ndata: b\n\n") << Events{ev(u"a\nb"_s)} << none << kNoRetry << QStringList{u"note"_s};
    QTest::newRow("unterminated comment is discarded")
        << raw(": one\n: tw") << Events{} << none << kNoRetry << QStringList{u"one"_s};

    // id
    QTest::newRow("id") << raw("id: 1\ndata: a\n\n") << Events{withId(u"a"_s, u"1"_s)} << u"1"_s << kNoRetry
                        << noComments;
    QTest::newRow("id persists") << raw("id: 1\ndata: a\n\ndata: b\n\n")
                                 << Events{withId(u"a"_s, u"1"_s), withId(u"b"_s, u"1"_s)} << u"1"_s << kNoRetry
                                 << noComments;
    QTest::newRow("empty id resets") << raw("id: 1\ndata: a\n\nid\ndata: b\n\n")
                                     << Events{withId(u"a"_s, u"1"_s), withId(u"b"_s, QString())} << none << kNoRetry
                                     << noComments;
    QTest::newRow("id with NUL is ignored")
        << raw("id: 1\ndata: a\n\nid: 2\0"
               "3\ndata: b\n\n")
        << Events{withId(u"a"_s, u"1"_s), withId(u"b"_s, u"1"_s)} << u"1"_s << kNoRetry << noComments;
    QTest::newRow("id without data still takes effect")
        << raw("id: 7\n\n") << Events{} << u"7"_s << kNoRetry << noComments;
    QTest::newRow("id without data, then an event")
        << raw("id: 7\n\ndata: a\n\n") << Events{withId(u"a"_s, u"7"_s)} << u"7"_s << kNoRetry << noComments;
    QTest::newRow("id after data in the same event")
        << raw("data: a\nid: 5\n\n") << Events{withId(u"a"_s, u"5"_s)} << u"5"_s << kNoRetry << noComments;
    QTest::newRow("id of an unterminated event never takes effect")
        << raw("data: a\n\nid: 9\ndata: b\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("unicode id and type") << raw("event: \xC3\xBC"
                                                "ber\nid: \xE2\x9C\x93\ndata: x\n\n")
                                         << Events{ev(u"x"_s, u"\u00FCber"_s, u"\u2713"_s)} << u"\u2713"_s << kNoRetry
                                         << noComments;

    // retry
    QTest::newRow("retry") << raw("retry: 1500\ndata: a\n\n") << Events{withRetry(u"a"_s, 1500)} << none << 1500
                           << noComments;
    QTest::newRow("retry belongs to its event only")
        << raw("retry: 1500\ndata: a\n\ndata: b\n\n") << Events{withRetry(u"a"_s, 1500), ev(u"b"_s)} << none << 1500
        << noComments;
    QTest::newRow("retry zero") << raw("retry: 0\ndata: a\n\n") << Events{withRetry(u"a"_s, 0)} << none << 0
                                << noComments;
    QTest::newRow("retry without data") << raw("retry: 300\n\ndata: a\n\n") << Events{ev(u"a"_s)} << none << 300
                                        << noComments;
    QTest::newRow("retry with a letter is ignored")
        << raw("retry: 12a\ndata: a\n\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("negative retry is ignored")
        << raw("retry: -5\ndata: a\n\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("decimal retry is ignored")
        << raw("retry: 1.5\ndata: a\n\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("retry with a second space is ignored")
        << raw("retry:  100\ndata: a\n\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("empty retry is ignored") << raw("retry\ndata: a\n\nretry:\ndata: b\n\n")
                                            << Events{ev(u"a"_s), ev(u"b"_s)} << none << kNoRetry << noComments;
    QTest::newRow("fullwidth digits are not ASCII digits")
        << raw("retry: \xEF\xBC\x91\ndata: a\n\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("an invalid retry keeps the valid one")
        << raw("retry: 1000\nretry: x\ndata: a\n\n") << Events{withRetry(u"a"_s, 1000)} << none << 1000 << noComments;
    QTest::newRow("huge retry saturates") << raw("retry: 99999999999\ndata: a\n\n")
                                          << Events{withRetry(u"a"_s, 2147483647)} << none << 2147483647 << noComments;

    // BOM
    QTest::newRow("BOM is skipped") << raw("\xEF\xBB\xBF"
                                           "data: a\n\n")
                                    << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("BOM before a comment") << raw("\xEF\xBB\xBF"
                                                 ": hi\n")
                                          << Events{} << none << kNoRetry << QStringList{u"hi"_s};
    QTest::newRow("only a BOM") << raw("\xEF\xBB\xBF") << Events{} << none << kNoRetry << noComments;
    QTest::newRow("second BOM is content") << raw("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                  "data: a\n\ndata: b\n\n")
                                           << Events{ev(u"b"_s)} << none << kNoRetry << noComments;
    QTest::newRow("BOM inside data is content") << raw("data: \xEF\xBB\xBF"
                                                       "a\n\n")
                                                << Events{ev(u"\uFEFFa"_s)} << none << kNoRetry << noComments;
    QTest::newRow("BOM at the start of a later line is content")
        << raw("data: a\n\n\xEF\xBB\xBF"
               "data: b\n\n")
        << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("partial BOM is content") << raw("\xEF"
                                                   "data: a\n\ndata: b\n\n")
                                            << Events{ev(u"b"_s)} << none << kNoRetry << noComments;
    QTest::newRow("partial BOM on a line of its own")
        << raw("\xEF\xBB\ndata: a\n\n") << Events{ev(u"a"_s)} << none << kNoRetry << noComments;
    QTest::newRow("partial BOM only") << raw("\xEF\xBB") << Events{} << none << kNoRetry << noComments;

    // UTF-8
    QTest::newRow("4-byte emoji") << raw("data: \xF0\x9F\x98\x80 ok\n\n") << Events{ev(u"\U0001F600 ok"_s)} << none
                                  << kNoRetry << noComments;
    QTest::newRow("2- and 3-byte sequences")
        << raw("data: gr\xC3\xBC\xC3\x9F \xE2\x82\xAC\n\n") << Events{ev(u"gr\u00FC\u00DF \u20AC"_s)} << none
        << kNoRetry << noComments;
    QTest::newRow("invalid byte") << raw("data: a\xFF"
                                         "b\n\n")
                                  << Events{ev(u"a\uFFFDb"_s)} << none << kNoRetry << noComments;
    QTest::newRow("truncated sequence is one U+FFFD") << raw("data: \xE2\x82"
                                                             "x\n\n")
                                                      << Events{ev(u"\uFFFDx"_s)} << none << kNoRetry << noComments;
    QTest::newRow("truncated sequence at the line end")
        << raw("data: \xF0\x9F\x98\ndata: x\n\n") << Events{ev(u"\uFFFD\nx"_s)} << none << kNoRetry << noComments;
    QTest::newRow("overlong encoding") << raw("data: \xC0\x80\n\n") << Events{ev(u"\uFFFD\uFFFD"_s)} << none << kNoRetry
                                       << noComments;
    QTest::newRow("encoded surrogate") << raw("data: \xED\xA0\x80\n\n") << Events{ev(u"\uFFFD\uFFFD\uFFFD"_s)} << none
                                       << kNoRetry << noComments;
    QTest::newRow("above U+10FFFF") << raw("data: \xF4\x90\x80\x80\n\n") << Events{ev(u"\uFFFD\uFFFD\uFFFD\uFFFD"_s)}
                                    << none << kNoRetry << noComments;
    QTest::newRow("lone continuation bytes") << raw("data: \x80\x80"
                                                    "a\n\n")
                                             << Events{ev(u"\uFFFD\uFFFDa"_s)} << none << kNoRetry << noComments;
    QTest::newRow("lead byte cut by another lead byte")
        << raw("data: \xE2\xC3\xA9\n\n") << Events{ev(u"\uFFFD\u00E9"_s)} << none << kNoRetry << noComments;
    QTest::newRow("highest code point") << raw("data: \xF4\x8F\xBF\xBF\n\n") << Events{ev(u"\U0010FFFF"_s)} << none
                                        << kNoRetry << noComments;
}

void TestSse::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(Events, expected);
    QFETCH(QString, lastEventId);
    QFETCH(int, reconnectionTimeMs);
    QFETCH(QStringList, comments);

    const auto check = [&](const QList<QByteArray> &chunks) {
        const Outcome outcome = read(chunks);
        QCOMPARE(outcome.events, expected);
        QCOMPARE(outcome.lastEventId, lastEventId);
        QCOMPARE(outcome.reconnectionTimeMs, reconnectionTimeMs);
        QCOMPARE(outcome.comments, comments);
        QVERIFY(!outcome.error);
    };
    const auto checkOrStop = [&](const QList<QByteArray> &chunks) {
        check(chunks);
        if (QTest::currentTestFailed())
            qWarning("failed with %s", qPrintable(describe(chunks)));
        return !QTest::currentTestFailed();
    };

    if (!checkOrStop(wholeChunk(input)) || !checkOrStop(byteChunks(input)))
        return;
    // Two chunks, cut at every position (including before the first and after the last byte).
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        if (!checkOrStop({input.first(cut), input.sliced(cut)}))
            return;
    }
    // Three chunks, cut at every pair of positions (an empty middle chunk included).
    for (qsizetype first = 0; first <= input.size(); ++first) {
        for (qsizetype second = first; second <= input.size(); ++second) {
            const QList<QByteArray> chunks{input.first(first), input.sliced(first, second - first),
                                           input.sliced(second)};
            if (!checkOrStop(chunks))
                return;
        }
    }
}

// ---- Reader: chunk boundaries ---------------------------------------------------------------------------------------

void TestSse::chunkBoundaries_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QList<Events>>("expected"); // the events each feed() returns

    QTest::newRow("CR at a chunk end, LF at the next start is one line end")
        << QList<QByteArray>{raw("data: x\r"), raw("\ndata: y\r"), raw("\n\r"), raw("\n")}
        << QList<Events>{{}, {}, {ev(u"x\ny"_s)}, {}};
    QTest::newRow("a blank line ended by CR dispatches at once")
        << QList<QByteArray>{raw("data: x\r\n\r"), raw("\n"), raw("data: y\n\n")}
        << QList<Events>{{ev(u"x"_s)}, {}, {ev(u"y"_s)}};
    QTest::newRow("CR at a chunk end, CR at the next start")
        << QList<QByteArray>{raw("data: x\r"), raw("\r")} << QList<Events>{{}, {ev(u"x"_s)}};
    QTest::newRow("CR, empty chunk, LF") << QList<QByteArray>{raw("data: x\r"), QByteArray(), raw("\n"), raw("\n")}
                                         << QList<Events>{{}, {}, {}, {ev(u"x"_s)}};
    QTest::newRow("LF after a CR blank line is swallowed once")
        << QList<QByteArray>{raw("data: x\r\r"), raw("\n"), raw("\n"), raw("data: y\r\r")}
        << QList<Events>{{ev(u"x"_s)}, {}, {}, {ev(u"y"_s)}};
    QTest::newRow("BOM split in three") << QList<QByteArray>{raw("\xEF"), raw("\xBB"),
                                                             raw("\xBF"
                                                                 "data: a\n\n")}
                                        << QList<Events>{{}, {}, {ev(u"a"_s)}};
    QTest::newRow("BOM split, then a BOM-only chunk is content") << QList<QByteArray>{raw("\xEF\xBB"), raw("\xBF"),
                                                                                      raw("\xEF\xBB\xBF"
                                                                                          "data: a\n\n"),
                                                                                      raw("data: b\n\n")}
                                                                 << QList<Events>{{}, {}, {}, {ev(u"b"_s)}};
    QTest::newRow("partial BOM, then a line end")
        << QList<QByteArray>{raw("\xEF\xBB"), raw("\n"), raw("data: a\n\n")} << QList<Events>{{}, {}, {ev(u"a"_s)}};
    QTest::newRow("emoji split byte by byte")
        << QList<QByteArray>{raw("data: \xF0"), raw("\x9F"), raw("\x98"), raw("\x80\n"), raw("\n")}
        << QList<Events>{{}, {}, {}, {}, {ev(u"\U0001F600"_s)}};
    QTest::newRow("events completed mid-chunk")
        << QList<QByteArray>{raw("data: a\n\ndata: b"), raw("\n\ndata: c\n\ndata:"), raw(" d\n\n")}
        << QList<Events>{{ev(u"a"_s)}, {ev(u"b"_s), ev(u"c"_s)}, {ev(u"d"_s)}};
    QTest::newRow("empty chunks") << QList<QByteArray>{QByteArray(), raw("data: a\n"), QByteArray(), raw("\n")}
                                  << QList<Events>{{}, {}, {}, {ev(u"a"_s)}};
}

void TestSse::chunkBoundaries()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QList<Events>, expected);
    QCOMPARE(chunks.size(), expected.size());

    Reader reader;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const Events events = reader.feed(chunks.at(i));
        if (events != expected.at(i))
            qWarning("chunk %lld", static_cast<long long>(i));
        QCOMPARE(events, expected.at(i));
    }
    QVERIFY(!reader.hasError());
}

// ---- Reader: state that outlives one event or one stream
// --------------------------------------------------------------

void TestSse::lastEventIdAndRetryAcrossFinish()
{
    Reader reader;
    QCOMPARE(reader.lastEventId(), QString());
    QCOMPARE(reader.reconnectionTimeMs(), std::nullopt);

    QCOMPARE(reader.feed(raw("id: 1\ndata: a\n\nretry: 500\nid: 2\ndata: b\n")), Events{withId(u"a"_s, u"1"_s)});
    QCOMPARE(reader.lastEventId(), u"1"_s);     // "2" belongs to an event that has not ended
    QCOMPARE(reader.reconnectionTimeMs(), 500); // retry takes effect at once

    reader.finish();
    QCOMPARE(reader.lastEventId(), u"1"_s);
    QCOMPARE(reader.reconnectionTimeMs(), 500);

    // The next stream (a reconnection) starts from the last event ID in effect, not from "2".
    QCOMPARE(reader.feed(raw("data: c\n\n")), Events{withId(u"c"_s, u"1"_s)});
    QCOMPARE(reader.feed(raw("id: 3\ndata: d\n\n")), Events{withId(u"d"_s, u"3"_s)});
    QCOMPARE(reader.lastEventId(), u"3"_s);
    QVERIFY(!reader.hasError());
}

void TestSse::finishDiscardsPendingInput()
{
    Reader reader;
    QCOMPARE(reader.feed(raw("event: x\ndata: a\n")), Events{});
    reader.finish();
    // Without finish() this blank line would dispatch "a" with type "x".
    QCOMPARE(reader.feed(raw("\n")), Events{});

    QCOMPARE(reader.feed(raw("data: partial line")), Events{});
    reader.finish();
    QCOMPARE(reader.bufferedBytes(), 0);
    QCOMPARE(reader.feed(raw("\n\ndata: b\n\n")), Events{ev(u"b"_s)});

    // A CR at the end of one stream does not swallow an LF at the start of the next.
    QCOMPARE(reader.feed(raw("data: c\r")), Events{});
    reader.finish();
    QCOMPARE(reader.feed(raw("\ndata: d\n\n")), Events{ev(u"d"_s)});

    // A new stream may start with a BOM again, even one split across chunks.
    reader.finish();
    QCOMPARE(reader.feed(raw("\xEF\xBB")), Events{});
    QCOMPARE(reader.feed(raw("\xBF"
                             "data: e\n\n")),
             Events{ev(u"e"_s)});

    // finish() itself never dispatches anything.
    QCOMPARE(reader.feed(raw("data: f\n")), Events{});
    reader.finish();
    QCOMPARE(reader.feed(QByteArray()), Events{});
    QVERIFY(!reader.hasError());
}

void TestSse::bufferedBytes()
{
    Reader reader;
    QCOMPARE(reader.bufferedBytes(), 0);
    reader.feed(raw("\xEF\xBB"));
    QCOMPARE(reader.bufferedBytes(), 2); // maybe a BOM
    reader.feed(raw("\xBF"));
    QCOMPARE(reader.bufferedBytes(), 0); // it was: skipped
    reader.feed(raw("data: ab"));
    QCOMPARE(reader.bufferedBytes(), 8);
    reader.feed(raw("c"));
    QCOMPARE(reader.bufferedBytes(), 9);
    reader.feed(raw("\r"));
    QCOMPARE(reader.bufferedBytes(), 0);
    QCOMPARE(reader.feed(raw("\n\n")), Events{ev(u"abc"_s)});
    QCOMPARE(reader.bufferedBytes(), 0);
    reader.feed(raw("data: x\n\ndata: y"));
    QCOMPARE(reader.bufferedBytes(), 7);
}

void TestSse::commentsAreTakenOnce()
{
    Reader reader;
    QCOMPARE(reader.takeComments(), QStringList());
    QCOMPARE(reader.feed(raw(": keep-alive\n\ndata: a\n\n: keep-alive\n")), Events{ev(u"a"_s)});
    QCOMPARE(reader.takeComments(), (QStringList{u"keep-alive"_s, u"keep-alive"_s}));
    QCOMPARE(reader.takeComments(), QStringList());
    reader.feed(raw(":ping\r"));
    QCOMPARE(reader.takeComments(), QStringList{u"ping"_s});
}

void TestSse::pendingCommentsAreCapped()
{
    // A client that never looks at comments must not make a long-lived stream grow without bound.
    Reader reader;
    QByteArray input;
    for (int i = 0; i < 1030; ++i)
        input += ": " + QByteArray::number(i) + '\n';
    QCOMPARE(reader.feed(input), Events{});
    const QStringList comments = reader.takeComments();
    QCOMPARE(comments.size(), Reader::MaxPendingComments);
    QCOMPARE(Reader::MaxPendingComments, 1024);
    QCOMPARE(comments.first(), u"6"_s);
    QCOMPARE(comments.last(), u"1029"_s);
}

// ---- Reader: limits and failure
// ---------------------------------------------------------------------------------------

void TestSse::limits_data()
{
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Events>("expected");
    QTest::addColumn<bool>("error");

    // "data: 0123456789" is 16 bytes.
    QTest::newRow("line at the limit") << qsizetype(16) << raw("data: 0123456789\n\n") << Events{ev(u"0123456789"_s)}
                                       << false;
    QTest::newRow("line over the limit") << qsizetype(16) << raw("data: 0123456789a\n\n") << Events{} << true;
    QTest::newRow("unterminated line over the limit")
        << qsizetype(16) << raw("data: 0123456789abcdefgh") << Events{} << true;
    QTest::newRow("CRLF does not count") << qsizetype(16) << raw("data: 0123456789\r\n\r\n")
                                         << Events{ev(u"0123456789"_s)} << false;
    QTest::newRow("events before the long line are kept")
        << qsizetype(16) << raw("data: a\n\ndata: 0123456789abcdef\n\ndata: b\n\n") << Events{ev(u"a"_s)} << true;
    QTest::newRow("long comment") << qsizetype(16) << raw(": 0123456789abcdef\ndata: a\n\n") << Events{} << true;
    QTest::newRow("long unknown field") << qsizetype(16) << raw("x: 0123456789abcdef\ndata: a\n\n") << Events{} << true;
    // Each "data: 0123456" adds 7 bytes and a line end: two fit in 16, three do not.
    QTest::newRow("event data at the limit")
        << qsizetype(16) << raw("data: 0123456\ndata: 0123456\n\n") << Events{ev(u"0123456\n0123456"_s)} << false;
    QTest::newRow("event data over the limit")
        << qsizetype(16) << raw("data: 0123456\ndata: 0123456\ndata: 0\n\n") << Events{} << true;
    QTest::newRow("the data limit is per event")
        << qsizetype(16) << raw("data: 0123456\ndata: 0123456\n\ndata: 0123456\ndata: 0123456\n\n")
        << Events{ev(u"0123456\n0123456"_s), ev(u"0123456\n0123456"_s)} << false;
    QTest::newRow("limit of one byte") << qsizetype(0) << raw("data\n\n: x\n") << Events{} << true;
}

void TestSse::limits()
{
    QFETCH(qsizetype, maxBytes);
    QFETCH(QByteArray, input);
    QFETCH(Events, expected);
    QFETCH(bool, error);

    for (const QList<QByteArray> &chunks : {wholeChunk(input), byteChunks(input)}) {
        Reader reader;
        reader.setMaxEventBytes(maxBytes);
        QCOMPARE(reader.maxEventBytes(), std::max<qsizetype>(maxBytes, 1));
        Events events;
        for (const QByteArray &chunk : chunks)
            events += reader.feed(chunk);
        QCOMPARE(events, expected);
        QCOMPARE(reader.hasError(), error);
        QCOMPARE(reader.errorString().isEmpty(), !error);
        if (error) {
            // Dead for good: nothing buffered, nothing more parsed, finish() does not revive it.
            QCOMPARE(reader.bufferedBytes(), 0);
            QCOMPARE(reader.feed(raw("\n\ndata: more\n\n")), Events{});
            reader.finish();
            QVERIFY(reader.hasError());
            QCOMPARE(reader.feed(raw("data: more\n\n")), Events{});
        }
    }
}

void TestSse::defaultLimit()
{
    Reader reader;
    QCOMPARE(reader.maxEventBytes(), qsizetype(16 * 1024 * 1024));
    QCOMPARE(Reader::DefaultMaxEventBytes, qsizetype(16 * 1024 * 1024));

    const QByteArray mebibyte(1024 * 1024, 'x');
    for (int i = 0; i < 16; ++i)
        QCOMPARE(reader.feed(mebibyte), Events{});
    QVERIFY(!reader.hasError()); // exactly 16 MiB of a line is allowed
    QCOMPARE(reader.bufferedBytes(), qsizetype(16 * 1024 * 1024));
    QCOMPARE(reader.feed(raw("x")), Events{});
    QVERIFY(reader.hasError());
    QVERIFY(!reader.errorString().isEmpty());
    QCOMPARE(reader.bufferedBytes(), 0);
}

void TestSse::manySmallChunks()
{
    // Parsing is linear: a 1 MiB line fed one byte at a time, and 20,000 events fed in 3-byte
    // chunks, finish quickly. Re-scanning the buffer on every chunk would take minutes.
    Reader reader;
    const QByteArray payload(1024 * 1024, 'y');
    QCOMPARE(reader.feed(raw("data: ")), Events{});
    for (const char c : payload)
        QCOMPARE(reader.feed(QByteArrayView(&c, 1)), Events{});
    const Events big = reader.feed(raw("\n\n"));
    QCOMPARE(big.size(), 1);
    QCOMPARE(big.first().data, QString(1024 * 1024, u'y'));

    QByteArray stream;
    for (int i = 0; i < 20000; ++i)
        stream += "id: " + QByteArray::number(i) + "\r\ndata: " + QByteArray::number(i * 7) + "\r\n\r\n";
    Events events;
    for (const QByteArray &chunk : sizedChunks(stream, 3))
        events += reader.feed(chunk);
    QCOMPARE(events.size(), 20000);
    QCOMPARE(events.first(), withId(u"0"_s, u"0"_s));
    QCOMPARE(events.at(12345), withId(u"86415"_s, u"12345"_s));
    QCOMPARE(events.last(), withId(u"139993"_s, u"19999"_s));
}

// ---- Reader: recorded upstream streams
// --------------------------------------------------------------------------------

void TestSse::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("crlf");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstData");
    QTest::addColumn<QString>("lastData");

    // Expectations copied by hand from the files (each event is one "data: " line). The bare
    // JSON error at the end of gemini-stream-midstream-error.sse has no "data:" prefix: its lines
    // are unknown fields (or, like "{", field names with no value), so it yields no event.
    QTest::newRow("gemini-stream-finish-safety")
        << u"gemini-stream-finish-safety.sse"_s << true << 1
        << uR"json({"candidates": [{"content": {"parts": [{"text": "No"}]},"finishReason": "SAFETY","index": 0,"safetyRatings": [{"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HATE_SPEECH","probability": "HIGH"},{"category": "HARM_CATEGORY_HARASSMENT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_DANGEROUS_CONTENT","probability": "NEGLIGIBLE"}]}],"promptFeedback": {"safetyRatings": [{"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HATE_SPEECH","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HARASSMENT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_DANGEROUS_CONTENT","probability": "NEGLIGIBLE"}]}})json"_s
        << uR"json({"candidates": [{"content": {"parts": [{"text": "No"}]},"finishReason": "SAFETY","index": 0,"safetyRatings": [{"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HATE_SPEECH","probability": "HIGH"},{"category": "HARM_CATEGORY_HARASSMENT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_DANGEROUS_CONTENT","probability": "NEGLIGIBLE"}]}],"promptFeedback": {"safetyRatings": [{"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HATE_SPEECH","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HARASSMENT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_DANGEROUS_CONTENT","probability": "NEGLIGIBLE"}]}})json"_s;
    QTest::newRow("gemini-stream-midstream-error")
        << u"gemini-stream-midstream-error.sse"_s << true << 2
        << uR"json({"candidates": [{"content": {"parts": [{"text": "The"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 159,"totalTokenCount": 159,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 159}]},"modelVersion": "gemini-2.0-flash","responseId": "pNSfaKXnDvKonvgPm4qiIQ"})json"_s
        << uR"json({"candidates": [{"content": {"parts": [{"text": " story doesn't have an explicit title. However, based on the story's focus and"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 159,"totalTokenCount": 159,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 159}]},"modelVersion": "gemini-2.0-flash","responseId": "pNSfaKXnDvKonvgPm4qiIQ"})json"_s;
    QTest::newRow("gemini-stream-ok")
        << u"gemini-stream-ok.sse"_s << true << 4
        << uR"json({"candidates": [{"content": {"parts": [{"text": "The"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 159,"totalTokenCount": 159,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 159}]},"modelVersion": "gemini-2.0-flash","responseId": "pNSfaKXnDvKonvgPm4qiIQ"})json"_s
        << uR"json({"candidates": [{"content": {"parts": [{"text": "*   **A Loaf of Hope**\n*   **Weathering the Flood**\n*   **Rain**\n"}],"role": "model"},"finishReason": "STOP"}],"usageMetadata": {"promptTokenCount": 151,"candidatesTokenCount": 62,"totalTokenCount": 213,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 151}],"candidatesTokensDetails": [{"modality": "TEXT","tokenCount": 62}]},"modelVersion": "gemini-2.0-flash","responseId": "pNSfaKXnDvKonvgPm4qiIQ"})json"_s;
    QTest::newRow("gemini-stream-safety")
        << u"gemini-stream-safety.sse"_s << true << 1
        << uR"json({"promptFeedback": {"blockReason": "SAFETY","safetyRatings": [{"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HATE_SPEECH","probability": "HIGH"},{"category": "HARM_CATEGORY_HARASSMENT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_DANGEROUS_CONTENT","probability": "NEGLIGIBLE"}]}})json"_s
        << uR"json({"promptFeedback": {"blockReason": "SAFETY","safetyRatings": [{"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_HATE_SPEECH","probability": "HIGH"},{"category": "HARM_CATEGORY_HARASSMENT","probability": "NEGLIGIBLE"},{"category": "HARM_CATEGORY_DANGEROUS_CONTENT","probability": "NEGLIGIBLE"}]}})json"_s;
    QTest::newRow("openai-stream-midstream-error")
        << u"openai-stream-midstream-error.sse"_s << false << 6
        << uR"json({"id":"chatcmpl-C6e5Cr6CJt9qQlTrAUvlgXFwBhEN1","object":"chat.completion.chunk","created":1787131840,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"096p4UOeNjxX9S"})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("openai-stream-no-usage")
        << u"openai-stream-no-usage.sse"_s << false << 19
        << uR"json({"id":"chatcmpl-417","object":"chat.completion.chunk","created":1787131901,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"The"},"finish_reason":null}]})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("openai-stream-ok")
        << u"openai-stream-ok.sse"_s << false << 23
        << uR"json({"id":"chatcmpl-C6e5Cr6CJt9qQlTrAUvlgXFwBhEN1","object":"chat.completion.chunk","created":1787131840,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"XuL6jDIN0YjygT"})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("openai-stream-ollama-0.32.6")
        << u"openai-stream-ollama-0.32.6.sse"_s << false << 19
        << uR"json({"id":"chatcmpl-417","object":"chat.completion.chunk","created":1787131901,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"The"},"finish_reason":null}]})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("recorded/gemini-firebase-streaming-failure-recitation-no-content")
        << u"recorded/gemini-firebase-streaming-failure-recitation-no-content.sse"_s << true << 9
        << uR"json({"candidates": [{"content": {"parts": [{"text": "text1"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 9,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 9}]},"modelVersion": "gemini-2.0-flash"})json"_s
        << uR"json({"candidates": [{"finishReason": "RECITATION","citationMetadata": {"citationSources": [{"startIndex": 793,"endIndex": 1341,"uri": "https://www.google.com/"}]}}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 261,"totalTokenCount": 270,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 9}],"candidatesTokensDetails": [{"modality": "TEXT","tokenCount": 261}]},"modelVersion": "gemini-2.0-flash"})json"_s;
    QTest::newRow("recorded/gemini-firebase-streaming-success-basic-reply-short")
        << u"recorded/gemini-firebase-streaming-success-basic-reply-short.sse"_s << true << 3
        << uR"json({"candidates": [{"content": {"parts": [{"text": "The"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 7,"totalTokenCount": 7,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 7}]},"modelVersion": "gemini-2.0-flash"})json"_s
        << uR"json({"candidates": [{"content": {"parts": [{"text": " is **Cheyenne**.\n"}],"role": "model"},"finishReason": "STOP"}],"usageMetadata": {"promptTokenCount": 7,"candidatesTokenCount": 10,"totalTokenCount": 17,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 7}],"candidatesTokensDetails": [{"modality": "TEXT","tokenCount": 10}]},"modelVersion": "gemini-2.0-flash"})json"_s;
    QTest::newRow("recorded/gemini-firebase-streaming-success-thinking-reply-thought-summary")
        << u"recorded/gemini-firebase-streaming-success-thinking-reply-thought-summary.sse"_s << true << 5
        << uR"json({"candidates": [{"content": {"parts": [{"text": "**Exploring Sky Color**\n\nI've zeroed in on the core question: why does the sky appear blue? My thought process has taken shape, highlighting sunlight's composition, the atmospheric role, and the significance of scattering. Specifically, I'm focusing on Rayleigh scattering and how the wavelengths of light interact. My next step will be to explain this.\n\n\n","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 10,"totalTokenCount": 80,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 10}],"thoughtsTokenCount": 70},"modelVersion": "gemini-2.5-flash","responseId": "0J-HaJetAqv0jrEPwu-tsQ0"})json"_s
        << uR"json({"candidates": [{"content": {"parts": [{"text": " Blue light has shorter, smaller wavelengths, causing it to be scattered in all directions, making the sky appear blue to our eyes."}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 10,"candidatesTokenCount": 48,"totalTokenCount": 598,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 10}],"thoughtsTokenCount": 540},"modelVersion": "gemini-2.5-flash","responseId": "0J-HaJetAqv0jrEPwu-tsQ0"})json"_s;
    QTest::newRow("recorded/openai-newrelic-stream-gpt-3.5-turbo-no-usage")
        << u"recorded/openai-newrelic-stream-gpt-3.5-turbo-no-usage.sse"_s << false << 4
        << uR"json({"id":"chatcmpl-E3sGuuKuI1BusTtxeOEMKvJYQpyBo","object":"chat.completion.chunk","created":1784592312,"model":"gpt-3.5-turbo-0125","service_tier":"default","system_fingerprint":null,"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"obfuscation":"rH4I1"})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("recorded/openai-newrelic-stream-gpt-5.1-include-usage")
        << u"recorded/openai-newrelic-stream-gpt-5.1-include-usage.sse"_s << false << 5
        << uR"json({"id":"chatcmpl-E3sGF577gSw6Gdwhv6IS5eC14yUOO","object":"chat.completion.chunk","created":1784592271,"model":"gpt-5.1-2025-11-13","service_tier":"default","system_fingerprint":null,"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"finish_reason":null}],"usage":null,"obfuscation":"b5n4VhWv"})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("recorded/openai-newrelic-stream-gpt-5.1-no-usage")
        << u"recorded/openai-newrelic-stream-gpt-5.1-no-usage.sse"_s << false << 4
        << uR"json({"id":"chatcmpl-E3sGDy52HD1En9Au9TnoiWmmYS0QB","object":"chat.completion.chunk","created":1784592269,"model":"gpt-5.1-2025-11-13","service_tier":"default","system_fingerprint":null,"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"finish_reason":null}],"obfuscation":"qszui"})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("recorded/openai-python-stream-max-tokens-length")
        << u"recorded/openai-python-stream-max-tokens-length.sse"_s << false << 5
        << uR"json({"id":"chatcmpl-ABfw3Oqj8RD0z6aJiiX37oTjV2HFh","object":"chat.completion.chunk","created":1727346171,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_7568d46099","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]})json"_s
        << uR"json([DONE])json"_s;
    QTest::newRow("recorded/openai-python-stream-parse-nothing")
        << u"recorded/openai-python-stream-parse-nothing.sse"_s << false << 34
        << uR"json({"id":"chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL","object":"chat.completion.chunk","created":1727346168,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_5050236cbd","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]})json"_s
        << uR"json([DONE])json"_s;
}

void TestSse::fixtures()
{
    QFETCH(QString, file);
    QFETCH(bool, crlf);
    QFETCH(int, count);
    QFETCH(QString, firstData);
    QFETCH(QString, lastData);

    const QByteArray body = fixture(file);
    QVERIFY2(!body.isEmpty(), qPrintable(u"cannot read "_s + file));
    // Guard against a checkout that rewrote the line ends (the fixtures' .gitattributes forbids it).
    QCOMPARE(body.contains("\r\n"), crlf);

    const QList<QList<QByteArray>> feeds{wholeChunk(body),       byteChunks(body),     sizedChunks(body, 2),
                                         sizedChunks(body, 3),   sizedChunks(body, 7), sizedChunks(body, 64),
                                         sizedChunks(body, 1000)};
    for (const QList<QByteArray> &chunks : feeds) {
        const Outcome outcome = read(chunks);
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.events.size(), count);
        QCOMPARE(outcome.events.first().data, firstData);
        QCOMPARE(outcome.events.last().data, lastData);
        for (const Event &event : outcome.events) {
            QCOMPARE(event.type, u"message"_s);
            QCOMPARE(event.id, QString());
            QCOMPARE(event.retryMs, std::nullopt);
            QVERIFY(!event.data.contains(u'\r'));
            QVERIFY(!event.data.contains(u'\n'));
        }
        QCOMPARE(outcome.comments, QStringList());
        QCOMPARE(outcome.lastEventId, QString());
        QCOMPARE(outcome.reconnectionTimeMs, kNoRetry);
    }
}

// ---- Writer
// -------------------------------------------------------------------------------------------------------------

void TestSse::encodeEvent_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << ev(u"hello"_s) << raw("data: hello\n\n");
    QTest::newRow("all fields") << ev(u"x"_s, u"update"_s, u"42"_s, 3000)
                                << raw("event: update\nid: 42\nretry: 3000\ndata: x\n\n");
    QTest::newRow("type message is implied") << ev(u"x"_s, u"message"_s) << raw("data: x\n\n");
    QTest::newRow("empty type is implied") << ev(u"x"_s, QString()) << raw("data: x\n\n");
    QTest::newRow("each line end splits data")
        << ev(u"a\nb\r\nc\rd"_s) << raw("data: a\ndata: b\ndata: c\ndata: d\n\n");
    QTest::newRow("empty data") << ev(QString()) << raw("data:\n\n");
    QTest::newRow("trailing LF") << ev(u"a\n"_s) << raw("data: a\ndata:\n\n");
    QTest::newRow("only CRLF") << ev(u"\r\n"_s) << raw("data:\ndata:\n\n");
    QTest::newRow("leading space kept") << ev(u" x"_s) << raw("data:  x\n\n");
    QTest::newRow("unicode as UTF-8") << ev(u"gr\u00FC\u00DF \U0001F600"_s)
                                      << raw("data: gr\xC3\xBC\xC3\x9F \xF0\x9F\x98\x80\n\n");
    QTest::newRow("line ends removed from type and id")
        << ev(u"x"_s, u"a\r\nb"_s, u"1\n2\r"_s) << raw("event: ab\nid: 12\ndata: x\n\n");
    QTest::newRow("NUL removed from id") << ev(u"x"_s, u"message"_s,
                                               u"7\0"
                                               "8"_s)
                                         << raw("id: 78\ndata: x\n\n");
    QTest::newRow("type of only a line end is implied") << ev(u"x"_s, u"\n"_s) << raw("data: x\n\n");
    QTest::newRow("negative retry is left out") << ev(u"x"_s, u"message"_s, QString(), -1) << raw("data: x\n\n");
    QTest::newRow("retry zero") << ev(u"x"_s, u"message"_s, QString(), 0) << raw("retry: 0\ndata: x\n\n");
}

void TestSse::encodeEvent()
{
    QFETCH(Event, event);
    QFETCH(QByteArray, expected);
    QCOMPARE(inkwell::sse::encode(event), expected);
}

void TestSse::encodeComment_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("keep-alive") << u"keep-alive"_s << raw(": keep-alive\n\n");
    QTest::newRow("empty") << QString() << raw(":\n\n");
    QTest::newRow("two lines") << u"a\nb"_s << raw(": a\n: b\n\n");
    QTest::newRow("every line end") << u"a\r\n\r\nb\rc"_s << raw(": a\n:\n: b\n: c\n\n");
    QTest::newRow("unicode") << u"\u2713"_s << raw(": \xE2\x9C\x93\n\n");
}

void TestSse::encodeComment()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(inkwell::sse::encodeComment(text), expected);
}

void TestSse::encodeJson()
{
    const QJsonObject delta{{u"text"_s, u"a\nb"_s}, {u"n"_s, 2}};
    QCOMPARE(inkwell::sse::encode(u"delta", delta), raw("event: delta\ndata: {\"n\":2,\"text\":\"a\\nb\"}\n\n"));
    QCOMPARE(inkwell::sse::encode(u"message", QJsonObject()), raw("data: {}\n\n"));
    QCOMPARE(inkwell::sse::encode(QStringView(), QJsonObject{{u"list"_s, QJsonArray{1, 2}}}),
             raw("data: {\"list\":[1,2]}\n\n"));

    // The reader gets the JSON text back, newline escapes and all.
    Reader reader;
    QCOMPARE(reader.feed(inkwell::sse::encode(u"delta", delta)),
             Events{ev(u"{\"n\":2,\"text\":\"a\\nb\"}"_s, u"delta"_s)});
}

void TestSse::roundTrip_data()
{
    QTest::addColumn<Event>("sent");
    QTest::addColumn<Event>("received");

    QTest::newRow("plain") << ev(u"hello"_s) << ev(u"hello"_s);
    QTest::newRow("LF lines") << ev(u"a\nb\nc"_s) << ev(u"a\nb\nc"_s);
    QTest::newRow("CRLF lines come back as LF") << ev(u"a\r\nb"_s) << ev(u"a\nb"_s);
    QTest::newRow("CR lines come back as LF") << ev(u"a\rb"_s) << ev(u"a\nb"_s);
    QTest::newRow("CR then LF as separate line ends") << ev(u"a\n\rb"_s) << ev(u"a\n\nb"_s);
    QTest::newRow("empty") << ev(QString()) << ev(QString());
    QTest::newRow("only LF") << ev(u"\n"_s) << ev(u"\n"_s);
    QTest::newRow("empty lines") << ev(u"\n\na\n\n"_s) << ev(u"\n\na\n\n"_s);
    QTest::newRow("leading and trailing spaces") << ev(u"  two\n three  "_s) << ev(u"  two\n three  "_s);
    QTest::newRow("colons") << ev(u": not a comment\ndata: inside\n:"_s) << ev(u": not a comment\ndata: inside\n:"_s);
    QTest::newRow("unicode") << ev(u"gr\u00FC\u00DF \U0001F600 \u2713"_s) << ev(u"gr\u00FC\u00DF \U0001F600 \u2713"_s);
    QTest::newRow("BOM in data") << ev(u"\uFEFFx"_s) << ev(u"\uFEFFx"_s);
    QTest::newRow("NUL in data") << ev(u"a\0b"_s) << ev(u"a\0b"_s);
    QTest::newRow("type, id and retry") << ev(u"x"_s, u" spaced type"_s, u"\u00E9v-1"_s, 250)
                                        << ev(u"x"_s, u" spaced type"_s, u"\u00E9v-1"_s, 250);
    QTest::newRow("type and id with line ends")
        << ev(u"x"_s, u"up\ndate"_s, u"4\r2"_s) << ev(u"x"_s, u"update"_s, u"42"_s);
}

void TestSse::roundTrip()
{
    QFETCH(Event, sent);
    QFETCH(Event, received);

    const QByteArray bytes = inkwell::sse::encode(sent);
    for (const QList<QByteArray> &chunks : {wholeChunk(bytes), byteChunks(bytes)}) {
        const Outcome outcome = read(chunks);
        QCOMPARE(outcome.events, Events{received});
        QVERIFY(!outcome.error);
    }
}

void TestSse::commentRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("received");

    QTest::newRow("keep-alive") << u"keep-alive"_s << QStringList{u"keep-alive"_s};
    QTest::newRow("empty") << QString() << QStringList{QString()};
    QTest::newRow("lines") << u"a\r\nb\rc\n"_s << QStringList{u"a"_s, u"b"_s, u"c"_s, QString()};
    QTest::newRow("leading space kept") << u" x"_s << QStringList{u" x"_s};
    QTest::newRow("unicode") << u"\U0001F600"_s << QStringList{u"\U0001F600"_s};
}

void TestSse::commentRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(QStringList, received);

    Reader reader;
    QCOMPARE(reader.feed(inkwell::sse::encodeComment(text)), Events{});
    QCOMPARE(reader.takeComments(), received);
}

void TestSse::writtenStreamReadsBack()
{
    // A whole stream as a server writes it: comments between events, ids, retry, several types.
    const QByteArray stream =
        inkwell::sse::encodeComment(u"hello") + inkwell::sse::encode(ev(u"one"_s, u"message"_s, u"1"_s, 1000)) +
        inkwell::sse::encodeComment(u"keep-alive") + inkwell::sse::encode(ev(u"two\nlines"_s, u"delta"_s)) +
        inkwell::sse::encode(ev(u"three"_s, u"done"_s, u"3"_s));
    const Events expected{ev(u"one"_s, u"message"_s, u"1"_s, 1000), ev(u"two\nlines"_s, u"delta"_s, u"1"_s),
                          ev(u"three"_s, u"done"_s, u"3"_s)};
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        const Outcome outcome = read({stream.first(cut), stream.sliced(cut)});
        QCOMPARE(outcome.events, expected);
        QCOMPARE(outcome.comments, (QStringList{u"hello"_s, u"keep-alive"_s}));
        QCOMPARE(outcome.lastEventId, u"3"_s);
        QCOMPARE(outcome.reconnectionTimeMs, 1000);
    }
}

QTEST_GUILESS_MAIN(TestSse)

#include "tst_sse.moc"
