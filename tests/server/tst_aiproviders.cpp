#include "fakeupstream.h"
#include "rawhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using inkwell::test::FakeUpstream;
using inkwell::test::RawHttp;

namespace {

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

QTEST_GUILESS_MAIN(TestAiProviders)
#include "tst_aiproviders.moc"
