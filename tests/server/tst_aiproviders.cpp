#include "ai/provider.h"
#include "config/config.h"
#include "fakeupstream.h"
#include "health/healthroutes.h"
#include "httpclient.h"
#include "rawhttp.h"
#include "testpostgres.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;
using inkwell::server::Config;
using inkwell::server::ai::AiStream;
using inkwell::server::ai::ChatRequest;
using inkwell::server::ai::ChatTurn;
using inkwell::server::ai::Provider;
using inkwell::server::ai::ProviderError;
using inkwell::server::ai::Usage;
using inkwell::test::FakeUpstream;
using inkwell::test::RawHttp;

namespace {

/// A key no error text may ever contain.
const QString kKey = u"sk-TESTKEY-do-not-leak"_s;

/// Every error any provider reported in this run, checked for the key at the end.
QList<ProviderError> g_errors;

std::shared_ptr<const Provider> makeProvider(const QString &kind, const QString &baseUrl, int timeoutS = 10,
                                             const QString &key = kKey, const QString &model = {})
{
    Config config;
    config.aiProvider = kind;
    config.aiBaseUrl = baseUrl;
    config.aiApiKey = key;
    config.aiModel = model.isEmpty() ? (kind == u"gemini"_s ? u"gemini-test"_s : u"gpt-test"_s) : model;
    config.aiTimeoutS = timeoutS;
    return inkwell::server::ai::makeProvider(config);
}

/// A provider that keeps idle connections `keepAliveS` seconds (0: a new one per call) and trusts the
/// fake's certificate when it speaks TLS.
std::shared_ptr<const Provider> pooledProvider(const QString &kind, const FakeUpstream &fake, int keepAliveS)
{
    Config config;
    config.aiProvider = kind;
    config.aiBaseUrl = fake.baseUrl();
    config.aiApiKey = kKey;
    config.aiModel = kind == u"gemini"_s ? u"gemini-test"_s : u"gpt-test"_s;
    config.aiTimeoutS = 10;
    config.aiKeepAliveS = keepAliveS;
    config.aiCaFile = fake.certificateFile();
    return inkwell::server::ai::makeProvider(config);
}

ChatRequest conversation()
{
    ChatRequest request;
    request.systemPrompt = u"You are a careful editor."_s;
    request.turns = {{ChatTurn::Role::User, u"Here is a story about a baker."_s},
                     {ChatTurn::Role::Assistant, u"A lovely story."_s},
                     {ChatTurn::Role::User, u"What is the title of the story?"_s}};
    return request;
}

/// What a stream did, as a caller sees it.
struct Outcome {
    QString text;
    int deltas = 0;
    bool finished = false;
    Usage usage;
    QString finishReason;
    std::optional<ProviderError> error;
    int finalSignals = 0;
    qint64 elapsedMs = 0;
};

/// Runs one call to its end in this thread's event loop.
Outcome run(const Provider &provider, const ChatRequest &request = conversation(), int timeoutMs = 20000)
{
    Outcome outcome;
    QObject owner;
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    AiStream *stream = provider.start(request, &owner);
    QObject::connect(stream, &AiStream::delta, &owner, [&](const QString &text) {
        outcome.text += text;
        ++outcome.deltas;
    });
    QObject::connect(stream, &AiStream::finished, &owner, [&](const Usage &usage, const QString &reason) {
        outcome.finished = true;
        outcome.usage = usage;
        outcome.finishReason = reason;
        ++outcome.finalSignals;
        loop.quit();
    });
    QObject::connect(stream, &AiStream::failed, &owner, [&](const ProviderError &error) {
        outcome.error = error;
        g_errors.append(error);
        ++outcome.finalSignals;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    outcome.elapsedMs = timer.elapsed();
    // Nothing may follow the final signal.
    QTest::qWait(50);
    return outcome;
}

/// The reply's body bytes re-cut at the given absolute offsets (and nowhere else).
FakeUpstream::Reply recut(FakeUpstream::Reply reply, QList<qsizetype> offsets)
{
    QByteArray body;
    for (const FakeUpstream::Chunk &chunk : std::as_const(reply.chunks))
        body += chunk.bytes;
    std::sort(offsets.begin(), offsets.end());
    reply.chunks.clear();
    qsizetype start = 0;
    for (const qsizetype offset : offsets) {
        reply.chunks.append({body.mid(start, offset - start), 2});
        start = offset;
    }
    reply.chunks.append({body.mid(start), 2});
    return reply;
}

QByteArray bodyOf(const FakeUpstream::Reply &reply)
{
    QByteArray body;
    for (const FakeUpstream::Chunk &chunk : reply.chunks)
        body += chunk.bytes;
    return body;
}

FakeUpstream::Reply errorReply(int status, const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    FakeUpstream::Reply reply;
    reply.status = status;
    reply.headers = std::move(headers);
    reply.headers.emplaceBack("Content-Type", "application/json; charset=UTF-8");
    reply.chunks = {{body, 0}};
    return reply;
}

const QString kGeminiOkText =
    u"The story doesn't have an explicit title. However, based on the story's focus and atmosphere, suitable titles "
    "could be:\n\n*   **The Baker and the Storm**\n*   **A Loaf of Hope**\n*   **Weathering the Flood**\n*   **Rain**\n"_s;
const QString kOpenAiOkText = u"The story doesn't have an explicit title, but **The Baker and the Storm** would fit."_s;
const QString kOllamaText = u"The story doesn't have a title, but \"Bread & Rain\" would fit."_s;

/// Undoes the chunked transfer coding; `complete` tells whether the terminating chunk came.
QByteArray dechunk(const QByteArray &body, bool *complete)
{
    QByteArray out;
    qsizetype pos = 0;
    *complete = false;
    for (;;) {
        const qsizetype eol = body.indexOf("\r\n", pos);
        if (eol < 0)
            return out;
        bool ok = false;
        const qsizetype size = body.mid(pos, eol - pos).toLongLong(&ok, 16);
        if (!ok)
            return out;
        if (size == 0) {
            *complete = body.indexOf("\r\n\r\n", eol) == eol;
            return out;
        }
        out += body.mid(eol + 2, size);
        pos = eol + 2 + size + 2;
    }
}

QByteArray request(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders +
           "Content-Length: 2\r\n\r\n{}";
}

} // namespace

class TestAiProviders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The fake upstream itself (what the provider tests rely on).
    void fakeReplaysFixtureBytesExactly();
    void fakeKeepsConnectionsAliveAndServesWhileHolding();
    void fakeCountsClientAborts();

    // Streams from the recorded fixtures, whole and cut at awkward offsets.
    void fixtureStreams_data();
    void fixtureStreams();
    void cutsInsideMultiByteCharacters_data();
    void cutsInsideMultiByteCharacters();
    void bodyFramings_data();
    void bodyFramings();
    // What the upstream receives.
    void geminiRequest();
    void openaiRequest();
    void openaiWithoutKeySendsNoAuthorization();
    // Error answers and retries.
    void errorAnswers_data();
    void errorAnswers();
    void rateLimitedThenAnswered_data();
    void rateLimitedThenAnswered();
    void unavailableThreeTimesFails();
    void retryWaitBeyondTenSecondsIsNotWaited();
    void upstreamEchoingTheKeyIsNotRepeated();
    void malformedChunkIsUnusable();
    // Connection trouble.
    void idleTimeout_data();
    void idleTimeout();
    void droppedConnection_data();
    void droppedConnection();
    void unreachableUpstream();
    void abortClosesTheUpstreamConnection();
    void firstDeltaArrivesWhileTheUpstreamHolds_data();
    void firstDeltaArrivesWhileTheUpstreamHolds();
    // Keep-alive connections (UpstreamPool).
    void keptConnectionIsReused_data();
    void keptConnectionIsReused();
    void withoutKeepAliveEveryCallConnects();
    void connectionThatFailedIsNotReused_data();
    void connectionThatFailedIsNotReused();
    void idleKeptConnectionIsClosed();
    void upstreamClosingAKeptConnectionIsNotAFailure();
    void untrustedCertificateIsRefused();
    void baseUrlWithCredentialsIsRefusedAtStart();
    // /health/ai through the real routes.
    void healthAi();
    // Last: nothing any provider said contained the key.
    void noErrorEverContainsTheKey();
};

void TestAiProviders::fakeReplaysFixtureBytesExactly()
{
    FakeUpstream fake;
    fake.enqueue(FakeUpstream::fixture(u"gemini-stream-ok.sse"_s, 0, {7, 100}));
    fake.enqueue(FakeUpstream::fixture(u"gemini-error-404.json"_s));
    RawHttp client(fake.port());
    client.send(request("/v1beta/models/m:streamGenerateContent?alt=sse", "x-goog-api-key: k\r\n"));
    QVERIFY(fake.waitForRequests(1, 5000));
    QByteArray wire;
    bool complete = false;
    QDeadlineTimer deadline(5000);
    while (!complete && !deadline.hasExpired()) {
        client.socket().waitForReadyRead(100);
        wire += client.socket().readAll();
        const qsizetype headEnd = wire.indexOf("\r\n\r\n");
        if (headEnd >= 0)
            dechunk(wire.sliced(headEnd + 4), &complete);
    }
    QVERIFY(complete);
    QVERIFY(wire.startsWith("HTTP/1.1 200 "));
    QVERIFY(wire.contains("\r\nTransfer-Encoding: chunked\r\n"));
    QCOMPARE(dechunk(wire.sliced(wire.indexOf("\r\n\r\n") + 4), &complete),
             FakeUpstream::fixtureBytes(u"gemini-stream-ok.sse"_s));

    // The same connection takes the next request: a Content-Length error body as recorded.
    client.send(request("/v1beta/models/unknown:streamGenerateContent?alt=sse"));
    const QList<inkwell::test::RawResponse> responses = client.readResponses(1, 5000);
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses[0].status, 404);
    QCOMPARE(responses[0].header("content-type"), "text/event-stream");
    QCOMPARE(responses[0].body, FakeUpstream::fixtureBytes(u"gemini-error-404.json"_s));

    const QList<FakeUpstream::Request> seen = fake.requests();
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen[0].method, "POST");
    QCOMPARE(seen[0].path, "/v1beta/models/m:streamGenerateContent?alt=sse");
    QCOMPARE(seen[0].headers.value("x-goog-api-key"), "k");
    QCOMPARE(seen[1].path, "/v1beta/models/unknown:streamGenerateContent?alt=sse");
}

void TestAiProviders::fakeKeepsConnectionsAliveAndServesWhileHolding()
{
    FakeUpstream fake;
    FakeUpstream::Reply held = FakeUpstream::openaiText({u"first"_s});
    held.end = FakeUpstream::Reply::End::Hold;
    fake.enqueue(held);
    fake.enqueue(FakeUpstream::fixture(u"openai-error-500.json"_s));

    RawHttp holding(fake.port());
    holding.send(request("/v1/chat/completions"));
    QVERIFY(fake.waitForRequests(1, 5000));
    RawHttp other(fake.port());
    other.send(request("/v1/chat/completions"));
    const QList<inkwell::test::RawResponse> answers = other.readResponses(1, 5000);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers[0].status, 500);

    // The held reply has sent its chunks but not its terminator until release().
    QByteArray wire;
    while (!wire.contains("data: [DONE]") && holding.socket().waitForReadyRead(2000))
        wire += holding.socket().readAll();
    QVERIFY(wire.contains("\"content\":\"first\""));
    QVERIFY(!wire.endsWith("0\r\n\r\n"));
    QVERIFY(!holding.socket().waitForReadyRead(200));
    fake.release();
    while (!wire.endsWith("0\r\n\r\n") && holding.socket().waitForReadyRead(2000))
        wire += holding.socket().readAll();
    QVERIFY(wire.endsWith("0\r\n\r\n"));
    QCOMPARE(fake.clientAborts(), 0);
}

void TestAiProviders::fakeCountsClientAborts()
{
    FakeUpstream fake;
    FakeUpstream::Reply held = FakeUpstream::geminiText({u"a"_s});
    held.end = FakeUpstream::Reply::End::Hold;
    fake.enqueue(held);
    {
        RawHttp client(fake.port());
        client.send(request("/x"));
        QVERIFY(fake.waitForRequests(1, 5000));
        QVERIFY(client.socket().waitForReadyRead(2000));
    }
    QVERIFY(fake.waitForClientAborts(1, 5000));
    QCOMPARE(fake.clientAborts(), 1);
}

void TestAiProviders::fixtureStreams_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("cuts");
    QTest::addColumn<int>("status"); // 0: finished
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<int>("promptTokens"); // -1: estimated
    QTest::addColumn<int>("outputTokens");

    const QByteArray geminiOk = FakeUpstream::fixtureBytes(u"gemini-stream-ok.sse"_s);
    QVERIFY(!geminiOk.isEmpty());
    const int insideCrlfCrlf = int(geminiOk.indexOf("\r\n\r\n")) + 2; // between "\r\n" and "\r\n"
    const int insideCr = int(geminiOk.indexOf("\r\n\r\n", insideCrlfCrlf)) + 1; // between '\r' and '\n'
    const int insideString = int(geminiOk.indexOf("explicit title")) + 4;
    const int insideKey = int(geminiOk.indexOf("usageMetadata")) + 3;
    QList<int> everyFewBytes;
    for (int i = 5; i < geminiOk.size(); i += 7)
        everyFewBytes.append(i);

    QTest::newRow("gemini ok") << u"gemini"_s << u"gemini-stream-ok.sse"_s << QList<int>{} << 0 << kGeminiOkText
                               << u"stop"_s << 151 << 62;
    QTest::newRow("gemini ok, cut inside CRLFCRLF and a JSON string")
        << u"gemini"_s << u"gemini-stream-ok.sse"_s << QList<int>{insideCrlfCrlf, insideCr, insideString, insideKey} << 0
        << kGeminiOkText << u"stop"_s << 151 << 62;
    QTest::newRow("gemini ok, cut every 7 bytes")
        << u"gemini"_s << u"gemini-stream-ok.sse"_s << everyFewBytes << 0 << kGeminiOkText << u"stop"_s << 151 << 62;
    QTest::newRow("gemini recorded short") << u"gemini"_s << u"recorded/gemini-firebase-streaming-success-basic-reply-short.sse"_s
                                           << QList<int>{} << 0 << u"The capital of Wyoming is **Cheyenne**.\n"_s
                                           << u"stop"_s << 7 << 10;
    QTest::newRow("gemini thoughts left out")
        << u"gemini"_s << u"recorded/gemini-firebase-streaming-success-thinking-reply-thought-summary.sse"_s << QList<int>{}
        << 0
        << u"The sky is blue because tiny gas molecules in Earth's atmosphere scatter blue light from the sun more "
           "efficiently than other colors. Blue light has shorter, smaller wavelengths, causing it to be scattered in "
           "all directions, making the sky appear blue to our eyes."_s
        << u"stop"_s << 10 << 48 + 540;
    QTest::newRow("gemini prompt blocked (HTTP 200)") << u"gemini"_s << u"gemini-stream-safety.sse"_s << QList<int>{} << 422
                                                      << QString() << QString() << 0 << 0;
    QTest::newRow("gemini output blocked") << u"gemini"_s << u"gemini-stream-finish-safety.sse"_s << QList<int>{} << 422
                                           << u"No"_s << QString() << 0 << 0;
    QTest::newRow("gemini recitation") << u"gemini"_s << u"recorded/gemini-firebase-streaming-failure-recitation-no-content.sse"_s
                                       << QList<int>{} << 422 << u"text1text2text3text4text5text6text7text8"_s << QString()
                                       << 0 << 0;
    QTest::newRow("gemini bare JSON error mid-stream")
        << u"gemini"_s << u"gemini-stream-midstream-error.sse"_s << QList<int>{} << 502
        << u"The story doesn't have an explicit title. However, based on the story's focus and"_s << QString() << 0 << 0;
    QTest::newRow("gemini without alt=sse (a JSON array)") << u"gemini"_s << u"gemini-stream-no-alt-sse-array.json"_s
                                                           << QList<int>{} << 502 << QString() << QString() << 0 << 0;

    const QByteArray openaiOk = FakeUpstream::fixtureBytes(u"openai-stream-ok.sse"_s);
    const int insideLfLf = int(openaiOk.indexOf("\n\n")) + 1;
    const int insideDone = int(openaiOk.indexOf("[DONE]")) + 2;
    const int insideContent = int(openaiOk.indexOf("\"content\":\" story")) + 14;
    QTest::newRow("openai ok") << u"openai"_s << u"openai-stream-ok.sse"_s << QList<int>{} << 0 << kOpenAiOkText << u"stop"_s
                               << 168 << 19;
    QTest::newRow("openai ok, cut inside LFLF, [DONE] and a string")
        << u"openai"_s << u"openai-stream-ok.sse"_s << QList<int>{insideLfLf, insideDone, insideContent} << 0 << kOpenAiOkText
        << u"stop"_s << 168 << 19;
    QTest::newRow("ollama without usage") << u"openai"_s << u"openai-stream-no-usage.sse"_s << QList<int>{} << 0 << kOllamaText
                                          << u"stop"_s << -1 << 0;
    QTest::newRow("ollama 0.32.6") << u"openai"_s << u"openai-stream-ollama-0.32.6.sse"_s << QList<int>{} << 0 << kOllamaText
                                   << u"stop"_s << -1 << 0;
    QTest::newRow("openai error event mid-stream") << u"openai"_s << u"openai-stream-midstream-error.sse"_s << QList<int>{}
                                                   << 502 << u"The story doesn't"_s << QString() << 0 << 0;
    QTest::newRow("openai recorded usage") << u"openai"_s << u"recorded/openai-newrelic-stream-gpt-5.1-include-usage.sse"_s
                                           << QList<int>{} << 0 << u"six"_s << u"stop"_s << 33 << 10;
    QTest::newRow("openai recorded length") << u"openai"_s << u"recorded/openai-python-stream-max-tokens-length.sse"_s
                                            << QList<int>{} << 0 << u"{\""_s << u"length"_s << 79 << 1;
    QTest::newRow("openai recorded no usage") << u"openai"_s << u"recorded/openai-newrelic-stream-gpt-3.5-turbo-no-usage.sse"_s
                                              << QList<int>{} << 0 << u"Six"_s << u"stop"_s << -1 << 0;
}

void TestAiProviders::fixtureStreams()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(QList<int>, cuts);
    QFETCH(int, status);
    QFETCH(QString, text);
    QFETCH(QString, finishReason);
    QFETCH(int, promptTokens);
    QFETCH(int, outputTokens);

    FakeUpstream fake;
    fake.enqueue(FakeUpstream::fixture(file, 2, cuts));
    const auto provider = makeProvider(kind, fake.baseUrl());
    const Outcome outcome = run(*provider);

    QCOMPARE(outcome.finalSignals, 1);
    QCOMPARE(outcome.text, text);
    if (status == 0) {
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->detail : QString()));
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.finishReason, finishReason);
        if (promptTokens < 0) {
            QVERIFY(outcome.usage.estimated);
            QVERIFY(outcome.usage.promptTokens > 0);
            QCOMPARE(outcome.usage.outputTokens, int((text.size() + 3) / 4));
        } else {
            QVERIFY(!outcome.usage.estimated);
            QCOMPARE(outcome.usage.promptTokens, promptTokens);
            QCOMPARE(outcome.usage.outputTokens, outputTokens);
        }
    } else {
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->status, status);
        QCOMPARE(outcome.error->afterOutput, !text.isEmpty());
        if (status == 422)
            QCOMPARE(outcome.error->type, u"/problems/ai-blocked"_s);
        QVERIFY(!outcome.error->detail.isEmpty());
    }
    QCOMPARE(fake.requests().size(), 1);
}

void TestAiProviders::cutsInsideMultiByteCharacters_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("gemini") << u"gemini"_s;
    QTest::newRow("openai") << u"openai"_s;
}

void TestAiProviders::cutsInsideMultiByteCharacters()
{
    QFETCH(QString, kind);
    const QStringList pieces{u"Caf\u00e9 \u20ac5 "_s, u"\U0001F600!"_s, u" \u00e9\u20ac\U0001F600"_s};
    const FakeUpstream::Reply whole = kind == u"gemini"_s ? FakeUpstream::geminiText(pieces) : FakeUpstream::openaiText(pieces);
    const QByteArray body = bodyOf(whole);
    // One cut after the first byte of every multi-byte sequence, one before its last byte.
    QList<qsizetype> cuts;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const uchar byte = uchar(body[i]);
        if (byte >= 0xC2 && byte <= 0xF4) {
            cuts.append(i + 1);
            const int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
            if (length > 2)
                cuts.append(i + length - 1);
        }
    }
    // é twice (one cut each), € twice and 😀 twice (two cuts each): the body really carries raw UTF-8.
    QCOMPARE(cuts.size(), 10);
    FakeUpstream fake;
    fake.enqueue(recut(whole, cuts));
    const Outcome outcome = run(*makeProvider(kind, fake.baseUrl()));
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->detail : QString()));
    QCOMPARE(outcome.text, pieces.join(QString()));
    QVERIFY(!outcome.text.contains(QChar::ReplacementCharacter));
    QCOMPARE(outcome.usage.outputTokens, 3); // the fake's one token per piece
}

void TestAiProviders::bodyFramings_data()
{
    QTest::addColumn<QByteArray>("framing");
    QTest::newRow("chunked") << QByteArray("chunked");
    QTest::newRow("content-length") << QByteArray("length");
    QTest::newRow("close-delimited") << QByteArray("close");
}

void TestAiProviders::bodyFramings()
{
    QFETCH(QByteArray, framing);
    FakeUpstream::Reply reply = FakeUpstream::openaiText({u"one"_s, u" two"_s}, 1);
    reply.headers = {{"Content-Type", "text/event-stream"}};
    if (framing == "chunked")
        reply.headers.emplaceBack("Transfer-Encoding", "chunked");
    else if (framing == "length")
        reply.headers.emplaceBack("Content-Length", QByteArray::number(bodyOf(reply).size()));
    else
        reply.headers.emplaceBack("Connection", "close");
    FakeUpstream fake;
    fake.enqueue(reply);
    const Outcome outcome = run(*makeProvider(u"openai"_s, fake.baseUrl()));
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->detail : QString()));
    QCOMPARE(outcome.text, u"one two"_s);
    QCOMPARE(outcome.usage.promptTokens, 12);
    QCOMPARE(outcome.usage.outputTokens, 2);
}

void TestAiProviders::geminiRequest()
{
    FakeUpstream fake;
    fake.enqueue(FakeUpstream::geminiText({u"Hi"_s}));
    ChatRequest request = conversation();
    request.maxOutputTokens = 256;
    request.temperature = 0.25;
    request.jsonOutput = true;
    const Outcome outcome = run(*makeProvider(u"gemini"_s, fake.baseUrl()), request);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.text, u"Hi"_s);

    const QList<FakeUpstream::Request> seen = fake.requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, "POST");
    QCOMPARE(seen[0].path, "/v1beta/models/gemini-test:streamGenerateContent?alt=sse");
    QCOMPARE(seen[0].headers.value("x-goog-api-key"), kKey.toUtf8());
    QVERIFY(!seen[0].path.contains(kKey.toUtf8()));
    QVERIFY(!seen[0].path.contains("key="));
    QCOMPARE(seen[0].headers.value("content-type"), "application/json");
    const QJsonObject body = seen[0].json();
    QCOMPARE(body.value(u"systemInstruction"_s).toObject().value(u"parts"_s).toArray().at(0).toObject().value(u"text"_s).toString(),
             u"You are a careful editor."_s);
    const QJsonArray contents = body.value(u"contents"_s).toArray();
    QCOMPARE(contents.size(), 3);
    QStringList roles;
    for (const QJsonValue &content : contents)
        roles.append(content.toObject().value(u"role"_s).toString());
    QCOMPARE(roles, (QStringList{u"user"_s, u"model"_s, u"user"_s}));
    QCOMPARE(contents.at(2).toObject().value(u"parts"_s).toArray().at(0).toObject().value(u"text"_s).toString(),
             u"What is the title of the story?"_s);
    const QJsonObject generation = body.value(u"generationConfig"_s).toObject();
    QCOMPARE(generation.value(u"maxOutputTokens"_s).toInt(), 256);
    QCOMPARE(generation.value(u"temperature"_s).toDouble(), 0.25);
    QCOMPARE(generation.value(u"responseMimeType"_s).toString(), u"application/json"_s);
}

void TestAiProviders::openaiRequest()
{
    FakeUpstream fake;
    fake.enqueue(FakeUpstream::openaiText({u"Hi"_s}));
    ChatRequest request = conversation();
    request.maxOutputTokens = 100;
    const Outcome outcome = run(*makeProvider(u"openai"_s, fake.baseUrl() + u"/"_s), request);
    QVERIFY(outcome.finished);

    const QList<FakeUpstream::Request> seen = fake.requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].path, "/v1/chat/completions");
    QCOMPARE(seen[0].headers.value("authorization"), "Bearer " + kKey.toUtf8());
    QVERIFY(!seen[0].path.contains(kKey.toUtf8()));
    const QJsonObject body = seen[0].json();
    QCOMPARE(body.value(u"model"_s).toString(), u"gpt-test"_s);
    QCOMPARE(body.value(u"stream"_s).toBool(), true);
    QCOMPARE(body.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool(), true);
    QCOMPARE(body.value(u"max_tokens"_s).toInt(), 100);
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QStringList roles;
    for (const QJsonValue &message : messages)
        roles.append(message.toObject().value(u"role"_s).toString());
    QCOMPARE(roles, (QStringList{u"system"_s, u"user"_s, u"assistant"_s, u"user"_s}));
    QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"You are a careful editor."_s);
}

void TestAiProviders::openaiWithoutKeySendsNoAuthorization()
{
    FakeUpstream fake;
    fake.enqueue(FakeUpstream::fixture(u"openai-stream-no-usage.sse"_s));
    const Outcome outcome = run(*makeProvider(u"openai"_s, fake.baseUrl(), 10, QString(), u"llama3.2"_s));
    QVERIFY(outcome.finished);
    QCOMPARE(fake.requests().size(), 1);
    QVERIFY(!fake.requests().at(0).headers.contains("authorization"));
}

void TestAiProviders::errorAnswers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detailContains");
    QTest::addColumn<int>("requests");

    const QString key = u"rejected the configured API key"_s;
    const QString quota = u"quota of the AI provider (%1) is exhausted"_s;
    QTest::newRow("gemini 400 bad key") << u"gemini"_s << u"gemini-error-400.json"_s << 502 << key << 1;
    QTest::newRow("gemini 403") << u"gemini"_s << u"gemini-error-403.json"_s << 502 << key << 1;
    QTest::newRow("gemini 404 model") << u"gemini"_s << u"gemini-error-404.json"_s << 502 << u"\"gemini-test\""_s << 1;
    QTest::newRow("gemini 429, retry in 21 s: not waited") << u"gemini"_s << u"gemini-error-429.json"_s << 429
                                                           << u"rate limiting"_s << 1;
    QTest::newRow("gemini 500") << u"gemini"_s << u"gemini-error-500.json"_s << 502 << u"HTTP 500"_s << 1;
    QTest::newRow("openai 401") << u"openai"_s << u"openai-error-401.json"_s << 502 << key << 1;
    QTest::newRow("openai insufficient_quota") << u"openai"_s << u"openai-error-429-insufficient-quota.json"_s << 429
                                               << quota.arg(u"openai"_s) << 1;
    QTest::newRow("openai 500") << u"openai"_s << u"openai-error-500.json"_s << 502 << u"HTTP 500"_s << 1;
    QTest::newRow("ollama 404 model") << u"openai"_s << u"ollama-error-404.json"_s << 502 << u"\"gpt-test\""_s << 1;
}

void TestAiProviders::errorAnswers()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(QString, detailContains);
    QFETCH(int, requests);

    FakeUpstream fake;
    for (int i = 0; i < 3; ++i)
        fake.enqueue(FakeUpstream::fixture(file));
    const Outcome outcome = run(*makeProvider(kind, fake.baseUrl()));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.finalSignals, 1);
    QCOMPARE(outcome.error->status, status);
    QVERIFY2(outcome.error->detail.contains(detailContains), qPrintable(outcome.error->detail));
    QCOMPARE(outcome.error->afterOutput, false);
    QCOMPARE(outcome.text, QString());
    QCOMPARE(fake.requests().size(), requests);
    // The upstream's own words (which may echo the request) never reach the client.
    const QJsonObject upstream = QJsonDocument::fromJson(FakeUpstream::fixtureBytes(file)).object();
    const QString upstreamMessage = upstream.value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY(!upstreamMessage.isEmpty());
    QVERIFY(!outcome.error->detail.contains(upstreamMessage));
    if (status == 429 && file == u"gemini-error-429.json"_s)
        QCOMPARE(outcome.error->retryAfterS, 21);
}

void TestAiProviders::rateLimitedThenAnswered_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("openai, Retry-After: 1") << u"openai"_s;
    QTest::newRow("gemini, RetryInfo 1s") << u"gemini"_s;
}

void TestAiProviders::rateLimitedThenAnswered()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    if (kind == u"openai"_s) {
        fake.enqueue(errorReply(429, FakeUpstream::fixtureBytes(u"openai-error-429.json"_s), {{"Retry-After", "1"}}));
        fake.enqueue(FakeUpstream::openaiText({u"after"_s, u" waiting"_s}));
    } else {
        QByteArray body = FakeUpstream::fixtureBytes(u"gemini-error-429.json"_s);
        body.replace("\"21s\"", "\"1s\"");
        fake.enqueue(errorReply(429, body));
        fake.enqueue(FakeUpstream::geminiText({u"after"_s, u" waiting"_s}));
    }
    const Outcome outcome = run(*makeProvider(kind, fake.baseUrl()));
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->detail : QString()));
    QCOMPARE(outcome.text, u"after waiting"_s);
    QCOMPARE(fake.requests().size(), 2);
    QVERIFY2(outcome.elapsedMs >= 900, qPrintable(QString::number(outcome.elapsedMs)));
}

void TestAiProviders::unavailableThreeTimesFails()
{
    FakeUpstream fake;
    for (int i = 0; i < 4; ++i)
        fake.enqueue(FakeUpstream::fixture(u"gemini-error-503.json"_s));
    fake.enqueue(FakeUpstream::geminiText({u"too late"_s}));
    const Outcome outcome = run(*makeProvider(u"gemini"_s, fake.baseUrl()));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 503);
    QCOMPARE(outcome.error->upstreamStatus, 503);
    QVERIFY(outcome.error->retryAfterS > 0);
    QCOMPARE(fake.requests().size(), 3); // the first try and two retries
}

void TestAiProviders::retryWaitBeyondTenSecondsIsNotWaited()
{
    FakeUpstream fake;
    fake.enqueue(errorReply(503, "{}", {{"Retry-After", "11"}}));
    fake.enqueue(FakeUpstream::openaiText({u"too late"_s}));
    const Outcome outcome = run(*makeProvider(u"openai"_s, fake.baseUrl()));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 503);
    QCOMPARE(outcome.error->retryAfterS, 11);
    QVERIFY(outcome.elapsedMs < 5000);
    QCOMPARE(fake.requests().size(), 1);

    // A per-day Gemini quota is not waited for either, whatever its retryDelay says.
    FakeUpstream daily;
    QByteArray body = FakeUpstream::fixtureBytes(u"gemini-error-429.json"_s);
    body.replace("PerMinute", "PerDay").replace("\"21s\"", "\"1s\"");
    daily.enqueue(errorReply(429, body));
    daily.enqueue(FakeUpstream::geminiText({u"too late"_s}));
    const Outcome perDay = run(*makeProvider(u"gemini"_s, daily.baseUrl()));
    QVERIFY(perDay.error);
    QCOMPARE(perDay.error->status, 429);
    QVERIFY(perDay.error->detail.contains(u"exhausted"_s));
    QCOMPARE(daily.requests().size(), 1);
}

void TestAiProviders::upstreamEchoingTheKeyIsNotRepeated()
{
    FakeUpstream fake;
    const QByteArray body = R"({"error": {"code": 400, "message": "API key not valid: )" + kKey.toUtf8() +
                            R"(", "status": "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID"}]}})";
    fake.enqueue(errorReply(400, body));
    const Outcome outcome = run(*makeProvider(u"gemini"_s, fake.baseUrl()));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 502);
    QVERIFY(!outcome.error->detail.contains(kKey));
    QVERIFY(!outcome.error->title.contains(kKey));

    FakeUpstream openai;
    openai.enqueue(errorReply(401, R"({"error": {"message": "Incorrect API key provided: )" + kKey.toUtf8() +
                                       R"(", "type": "invalid_request_error", "code": "invalid_api_key"}})"));
    const Outcome second = run(*makeProvider(u"openai"_s, openai.baseUrl()));
    QVERIFY(second.error);
    QCOMPARE(second.error->status, 502);
    QVERIFY(!second.error->detail.contains(kKey));
}

void TestAiProviders::malformedChunkIsUnusable()
{
    FakeUpstream fake;
    FakeUpstream::Reply reply = FakeUpstream::openaiText({u"fine"_s});
    reply.chunks.insert(2, {"data: {\"choices\": [{\"delta\": {\"content\": \"bro\n\n", 0});
    fake.enqueue(reply);
    const Outcome outcome = run(*makeProvider(u"openai"_s, fake.baseUrl()));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 502);
    QVERIFY(outcome.error->detail.contains(u"unusable answer"_s));
    QCOMPARE(outcome.text, u"fine"_s);
    QVERIFY(outcome.error->afterOutput);
}

void TestAiProviders::idleTimeout_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("piecesBeforeSilence");
    QTest::newRow("gemini, silent from the start") << u"gemini"_s << 0;
    QTest::newRow("openai, silent after a delta") << u"openai"_s << 1;
}

void TestAiProviders::idleTimeout()
{
    QFETCH(QString, kind);
    QFETCH(int, piecesBeforeSilence);
    FakeUpstream fake;
    FakeUpstream::Reply reply =
        kind == u"gemini"_s ? FakeUpstream::geminiText({u"first"_s}) : FakeUpstream::openaiText({u"first"_s});
    // Keep the head (and the first piece); then say nothing.
    reply.chunks = reply.chunks.mid(0, piecesBeforeSilence == 0 ? 0 : (kind == u"gemini"_s ? 1 : 2));
    reply.end = FakeUpstream::Reply::End::Hold;
    fake.enqueue(reply);
    const Outcome outcome = run(*makeProvider(kind, fake.baseUrl(), 1));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 504);
    QCOMPARE(outcome.error->type, u"/problems/ai-timeout"_s);
    QCOMPARE(outcome.error->afterOutput, piecesBeforeSilence > 0);
    QCOMPARE(outcome.text, piecesBeforeSilence > 0 ? u"first"_s : QString());
    QVERIFY2(outcome.elapsedMs >= 900 && outcome.elapsedMs < 5000, qPrintable(QString::number(outcome.elapsedMs)));
    fake.release();
}

void TestAiProviders::droppedConnection_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("gemini") << u"gemini"_s;
    QTest::newRow("openai") << u"openai"_s;
}

void TestAiProviders::droppedConnection()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    FakeUpstream::Reply reply = kind == u"gemini"_s ? FakeUpstream::geminiText({u"half"_s, u" of it"_s})
                                                    : FakeUpstream::openaiText({u"half"_s, u" of it"_s});
    reply.chunks = reply.chunks.mid(0, kind == u"gemini"_s ? 1 : 2);
    reply.end = FakeUpstream::Reply::End::Drop;
    fake.enqueue(reply);
    const Outcome outcome = run(*makeProvider(kind, fake.baseUrl()));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 502);
    QCOMPARE(outcome.text, u"half"_s);
    QVERIFY(outcome.error->afterOutput);
    QCOMPARE(fake.requests().size(), 1); // never retried after output
}

void TestAiProviders::unreachableUpstream()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    const Outcome outcome = run(*makeProvider(u"openai"_s, u"http://127.0.0.1:%1"_s.arg(port)));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 503);
    QCOMPARE(outcome.error->upstreamStatus, 0);
}

void TestAiProviders::abortClosesTheUpstreamConnection()
{
    FakeUpstream fake;
    FakeUpstream::Reply reply = FakeUpstream::geminiText({u"first"_s, u"second"_s});
    reply.chunks = reply.chunks.mid(0, 1);
    reply.end = FakeUpstream::Reply::End::Hold;
    fake.enqueue(reply);
    const auto provider = makeProvider(u"gemini"_s, fake.baseUrl());
    QObject owner;
    AiStream *stream = provider->start(conversation(), &owner);
    QSignalSpy deltas(stream, &AiStream::delta);
    QSignalSpy finished(stream, &AiStream::finished);
    QSignalSpy failed(stream, &AiStream::failed);
    QVERIFY(deltas.wait(5000));
    QCOMPARE(fake.clientAborts(), 0);
    stream->abort();
    QVERIFY(fake.waitForClientAborts(1, 5000));
    QTest::qWait(100);
    QCOMPARE(deltas.size(), 1);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 0);
}

void TestAiProviders::keptConnectionIsReused_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("kind");
    QTest::newRow("https, gemini") << true << u"gemini"_s;
    QTest::newRow("https, openai") << true << u"openai"_s;
    QTest::newRow("http, gemini") << false << u"gemini"_s;
}

void TestAiProviders::keptConnectionIsReused()
{
    QFETCH(bool, tls);
    QFETCH(QString, kind);
    FakeUpstream fake(tls ? FakeUpstream::Transport::Tls : FakeUpstream::Transport::Plain);
    QVERIFY2(fake.error().isEmpty(), qPrintable(fake.error()));
    fake.setFallback(kind == u"gemini"_s ? FakeUpstream::geminiText({u"Hello"_s, u" there"_s})
                                         : FakeUpstream::openaiText({u"Hello"_s, u" there"_s}));
    const auto provider = pooledProvider(kind, fake, 30);
    for (int i = 0; i < 3; ++i) {
        const Outcome outcome = run(*provider);
        QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->detail) : "no final signal");
        QCOMPARE(outcome.text, u"Hello there"_s);
    }
    QCOMPARE(fake.requests().size(), 3);
    QCOMPARE(fake.acceptedConnections(), 1); // one TCP (and TLS) handshake for three answers
    QCOMPARE(fake.openConnections(), 1);
    for (const FakeUpstream::Request &request : fake.requests())
        QVERIFY(request.headers.value("connection").toLower() != "close");
}

void TestAiProviders::withoutKeepAliveEveryCallConnects()
{
    FakeUpstream fake(FakeUpstream::Transport::Tls);
    QVERIFY2(fake.error().isEmpty(), qPrintable(fake.error()));
    fake.setFallback(FakeUpstream::geminiText({u"Hi"_s}));
    const auto provider = pooledProvider(u"gemini"_s, fake, 0); // INKWELL_AI_KEEPALIVE_S=0
    for (int i = 0; i < 2; ++i)
        QVERIFY(run(*provider).finished);
    QCOMPARE(fake.acceptedConnections(), 2);
    QCOMPARE(fake.requests().at(1).headers.value("connection"), QByteArray("close"));
    QTRY_COMPARE_WITH_TIMEOUT(fake.openConnections(), 0, 5000);
}

void TestAiProviders::connectionThatFailedIsNotReused_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("unusable answer mid-stream") << u"malformed"_s;
    QTest::newRow("aborted mid-stream") << u"aborted"_s;
}

void TestAiProviders::connectionThatFailedIsNotReused()
{
    QFETCH(QString, how);
    FakeUpstream fake(FakeUpstream::Transport::Tls);
    QVERIFY2(fake.error().isEmpty(), qPrintable(fake.error()));
    const auto provider = pooledProvider(u"openai"_s, fake, 30);
    // The connection is kept after a first good answer...
    fake.enqueue(FakeUpstream::openaiText({u"ok"_s}));
    QVERIFY(run(*provider).finished);
    QCOMPARE(fake.acceptedConnections(), 1);
    // ... and carries the second call, which fails.
    if (how == u"malformed"_s) {
        FakeUpstream::Reply reply = FakeUpstream::openaiText({u"fine"_s, u"more"_s}, 20);
        reply.chunks.insert(2, {"data: {\"choices\": [{\"delta\": {\"content\": \"bro\n\n", 0});
        fake.enqueue(reply);
        const Outcome outcome = run(*provider);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->status, 502);
    } else {
        FakeUpstream::Reply reply = FakeUpstream::openaiText({u"first"_s, u"second"_s});
        reply.chunks = reply.chunks.mid(0, 2);
        reply.end = FakeUpstream::Reply::End::Hold;
        fake.enqueue(reply);
        QObject owner;
        AiStream *stream = provider->start(conversation(), &owner);
        QSignalSpy deltas(stream, &AiStream::delta);
        QVERIFY(deltas.wait(5000));
        stream->abort();
        QVERIFY(fake.waitForClientAborts(1, 5000));
    }
    QCOMPARE(fake.requests().size(), 2);
    QCOMPARE(fake.acceptedConnections(), 1);
    // The third call connects anew: the connection of the failed call was closed, not kept.
    fake.enqueue(FakeUpstream::openaiText({u"again"_s}));
    const Outcome after = run(*provider);
    QVERIFY(after.finished);
    QCOMPARE(after.text, u"again"_s);
    QCOMPARE(fake.acceptedConnections(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(fake.openConnections(), 1, 5000);
}

void TestAiProviders::idleKeptConnectionIsClosed()
{
    FakeUpstream fake(FakeUpstream::Transport::Tls);
    QVERIFY2(fake.error().isEmpty(), qPrintable(fake.error()));
    fake.setFallback(FakeUpstream::geminiText({u"Hi"_s}));
    const auto provider = pooledProvider(u"gemini"_s, fake, 1);
    QVERIFY(run(*provider).finished);
    QElapsedTimer idle;
    idle.start();
    QCOMPARE(fake.openConnections(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(fake.openConnections(), 0, 5000);
    QVERIFY2(idle.elapsed() >= 800, "closed before its idle time");
    QVERIFY(run(*provider).finished);
    QCOMPARE(fake.acceptedConnections(), 2);
}

void TestAiProviders::upstreamClosingAKeptConnectionIsNotAFailure()
{
    // The upstream may close an idle connection at any time; the next call then connects anew.
    FakeUpstream fake(FakeUpstream::Transport::Tls);
    QVERIFY2(fake.error().isEmpty(), qPrintable(fake.error()));
    FakeUpstream::Reply closing = FakeUpstream::geminiText({u"Bye"_s});
    closing.headers.emplaceBack("Connection", "close");
    fake.enqueue(closing);
    fake.setFallback(FakeUpstream::geminiText({u"Hi"_s}));
    const auto provider = pooledProvider(u"gemini"_s, fake, 30);
    QVERIFY(run(*provider).finished);
    const Outcome second = run(*provider);
    QVERIFY(second.finished);
    QCOMPARE(second.text, u"Hi"_s);
    QCOMPARE(fake.acceptedConnections(), 2);
}

void TestAiProviders::untrustedCertificateIsRefused()
{
    FakeUpstream fake(FakeUpstream::Transport::Tls);
    QVERIFY2(fake.error().isEmpty(), qPrintable(fake.error()));
    fake.setFallback(FakeUpstream::geminiText({u"Hi"_s}));
    const Outcome outcome = run(*makeProvider(u"gemini"_s, fake.baseUrl())); // no INKWELL_AI_CA_FILE
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status, 503);
    QCOMPARE(fake.requests().size(), 0);
}

void TestAiProviders::baseUrlWithCredentialsIsRefusedAtStart()
{
    // Credentials in the URL would never be sent: the start is refused with a message that says where the key
    // goes (--print-config still shows the setting, redacted, like other refused settings).
    inkwell::server::ConfigSources sources;
    sources.environment = QProcessEnvironment();
    sources.environment.insert(u"XDG_CONFIG_HOME"_s, u"/nonexistent"_s);
    sources.environment.insert(u"INKWELL_AI_PROVIDER"_s, u"openai"_s);
    sources.environment.insert(u"INKWELL_AI_MODEL"_s, u"llama3.1"_s);
    sources.environment.insert(u"INKWELL_AI_BASE_URL"_s, u"https://user:hunter2@ollama.example.com"_s);
    const auto config = inkwell::server::loadConfig(sources);
    QVERIFY2(config, config ? "" : qPrintable(config.error()));
    const auto refused = inkwell::server::checkSupported(*config);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(u"INKWELL_AI_BASE_URL"_s) && refused.error().contains(u"INKWELL_AI_API_KEY"_s),
             qPrintable(refused.error()));
    QVERIFY(!refused.error().contains(u"hunter2"_s));
    sources.environment.insert(u"INKWELL_AI_BASE_URL"_s, u"https://ollama.example.com"_s);
    const auto plain = inkwell::server::loadConfig(sources);
    QVERIFY(plain);
    QVERIFY(inkwell::server::checkSupported(*plain));
    // A CA file that holds no certificate is refused at start too.
    sources.environment.insert(u"INKWELL_AI_CA_FILE"_s, u"/nonexistent/ca.pem"_s);
    const auto noCa = inkwell::server::loadConfig(sources);
    QVERIFY(!noCa);
    QVERIFY2(noCa.error().contains(u"INKWELL_AI_CA_FILE"_s), qPrintable(noCa.error()));
}

void TestAiProviders::firstDeltaArrivesWhileTheUpstreamHolds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("gemini") << u"gemini"_s;
    QTest::newRow("openai") << u"openai"_s;
}

void TestAiProviders::firstDeltaArrivesWhileTheUpstreamHolds()
{
    QFETCH(QString, kind);
    FakeUpstream fake;
    const bool gemini = kind == u"gemini"_s;
    FakeUpstream::Reply partial = gemini ? FakeUpstream::geminiText({u"early"_s, u" late"_s})
                                         : FakeUpstream::openaiText({u"early"_s, u" late"_s});
    const FakeUpstream::Reply whole = partial;
    partial.chunks = partial.chunks.mid(0, gemini ? 1 : 2);
    partial.end = FakeUpstream::Reply::End::Hold;
    fake.enqueue(partial);
    const auto provider = makeProvider(kind, fake.baseUrl());
    {
        QObject owner;
        AiStream *stream = provider->start(conversation(), &owner);
        QSignalSpy deltas(stream, &AiStream::delta);
        QSignalSpy finished(stream, &AiStream::finished);
        QVERIFY(deltas.wait(5000));
        QCOMPARE(deltas.at(0).at(0).toString(), u"early"_s);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(fake.clientAborts(), 0);
    }
    fake.release();

    // A complete answer ends at its last event (Gemini's finishReason, OpenAI's [DONE]) even when
    // the upstream keeps the connection open afterwards.
    FakeUpstream::Reply complete = whole;
    complete.end = FakeUpstream::Reply::End::Hold;
    fake.enqueue(complete);
    const Outcome outcome = run(*provider, conversation(), 5000);
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->detail : u"no final signal"_s));
    QCOMPARE(outcome.text, u"early late"_s);
    fake.release();
}

void TestAiProviders::healthAi()
{
    inkwell::test::TestPostgres postgres;
    QVERIFY2(postgres.error().isEmpty(), qPrintable(postgres.error()));
    const auto serve = [&](const QString &kind, const QString &base) {
        return std::make_unique<inkwell::test::TestServer>(
            postgres.params(), QList<inkwell::server::RouteRegistrar>{}, 1, [=](inkwell::server::ServiceContext &context) {
                context.config.aiProvider = kind;
                context.config.aiBaseUrl = base;
                context.config.aiApiKey = kKey;
                context.config.aiModel = kind == u"none"_s ? QString() : u"gemini-test"_s;
                context.config.aiTimeoutS = 2;
            });
    };

    {
        auto server = serve(u"none"_s, {});
        QVERIFY2(server->error().isEmpty(), qPrintable(server->error()));
        inkwell::test::HttpClient client(server->url());
        const auto response = client.get(u"/health/ai"_s);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json(), (QJsonObject{{u"status"_s, u"unconfigured"_s}, {u"provider"_s, u"none"_s}, {u"model"_s, u""_s}}));
    }
    {
        FakeUpstream fake;
        FakeUpstream::Reply models;
        models.headers = {{"Content-Type", "application/json"}};
        models.chunks = {{R"({"name": "models/gemini-test"})", 0}};
        fake.enqueue(models);
        auto server = serve(u"gemini"_s, fake.baseUrl());
        QVERIFY2(server->error().isEmpty(), qPrintable(server->error()));
        inkwell::test::HttpClient client(server->url());
        const auto response = client.get(u"/health/ai"_s);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"status"_s).toString(), u"healthy"_s);
        QCOMPARE(response.json().value(u"provider"_s).toString(), u"gemini"_s);
        QCOMPARE(response.json().value(u"model"_s).toString(), u"gemini-test"_s);
        QCOMPARE(fake.requests().size(), 1);
        QCOMPARE(fake.requests().at(0).method, "GET");
        QCOMPARE(fake.requests().at(0).path, "/v1beta/models/gemini-test");
        QCOMPARE(fake.requests().at(0).headers.value("x-goog-api-key"), kKey.toUtf8());
        // Cached: a second check within 10 s does not reach the upstream.
        QCOMPARE(client.get(u"/health/ai"_s).status, 200);
        QCOMPARE(fake.requests().size(), 1);
    }
    {
        FakeUpstream fake;
        fake.setFallback(FakeUpstream::fixture(u"openai-error-401.json"_s));
        auto server = serve(u"openai"_s, fake.baseUrl());
        QVERIFY2(server->error().isEmpty(), qPrintable(server->error()));
        inkwell::test::HttpClient client(server->url());
        const auto response = client.get(u"/health/ai"_s);
        QCOMPARE(response.status, 503);
        QCOMPARE(response.json().value(u"status"_s).toString(), u"unhealthy"_s);
        QCOMPARE(response.json().value(u"provider"_s).toString(), u"openai"_s);
        QCOMPARE(fake.requests().at(0).path, "/v1/models");
        QVERIFY(!response.body.contains(kKey.toUtf8()));
    }
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        auto server = serve(u"gemini"_s, u"http://127.0.0.1:%1"_s.arg(port));
        QVERIFY2(server->error().isEmpty(), qPrintable(server->error()));
        inkwell::test::HttpClient client(server->url());
        const auto response = client.get(u"/health/ai"_s);
        QCOMPARE(response.status, 503);
        QCOMPARE(response.json().value(u"status"_s).toString(), u"unhealthy"_s);
    }
}

void TestAiProviders::noErrorEverContainsTheKey()
{
    // Every error the other functions met is checked here too (they run first); and these, whatever ran
    // before: each upstream error body of the fixtures (OpenAI's 401 and Gemini's 400 name the key's fault).
    const QStringList fixtures{u"gemini-error-400.json"_s, u"gemini-error-403.json"_s, u"gemini-error-404.json"_s,
                               u"gemini-error-500.json"_s, u"openai-error-401.json"_s,
                               u"openai-error-429-insufficient-quota.json"_s, u"openai-error-500.json"_s,
                               u"ollama-error-404.json"_s};
    const qsizetype before = g_errors.size();
    for (const QString &name : fixtures) {
        FakeUpstream fake;
        fake.setFallback(FakeUpstream::fixture(name));
        const Outcome outcome = run(*makeProvider(name.startsWith(u"gemini"_s) ? u"gemini"_s : u"openai"_s, fake.baseUrl()));
        QVERIFY2(outcome.error.has_value(), qPrintable(name));
    }
    QCOMPARE(g_errors.size(), before + fixtures.size());
    for (const ProviderError &error : std::as_const(g_errors)) {
        QVERIFY2(!error.detail.contains(kKey), qPrintable(error.detail));
        QVERIFY2(!error.title.contains(kKey), qPrintable(error.title));
        QVERIFY2(!error.type.contains(kKey), qPrintable(error.type));
        QVERIFY(!error.title.isEmpty());
        QVERIFY(error.type.startsWith(u"/problems/ai-"_s));
    }
}

QTEST_GUILESS_MAIN(TestAiProviders)
#include "tst_aiproviders.moc"
