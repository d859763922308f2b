// The chat panel's streaming cost, measured against a real inkwelld (bundled PostgreSQL) and the tests' fake AI
// upstream, in a real window (offscreen platform by default; run under Xvfb for X11 painting).
//
//   bench_chat [--pieces 4000] [--pace-ms 10] [--streams 10] [--screenshot FILE]
//
// (a) Delta to paint. One answer of --pieces pieces (about four characters each, Markdown with headings, lists and
//     code blocks) arrives --pace-ms apart. Each delta is stamped when ChatSession appends it to the message model:
//     that happens inside the ApiCall::event signal, i.e. in the same call stack as the QNetworkReply readyRead
//     that read the bytes from the socket. The paint is stamped by an event filter on the streaming message's
//     text viewport that runs the Paint event itself and notes the time after it returns: the moment the pixels
//     were in the backing store. A delta counts as painted by the first paint after which the message's rendered
//     source contains it. Median, p99 and max over all deltas.
// (b) UI stalls. --streams conversations stream at once (same answer, same pace), each shown in its own ChatView
//     in one window, so all of them render. A 1 ms precise QTimer runs meanwhile; its lateness (gap minus 1 ms)
//     is the time the UI thread was busy elsewhere. Target: the longest stall at most 16 ms (one frame).
//
// --screenshot FILE: instead of measuring, sets up a few conversations, stops an answer mid-stream and saves a
// picture of the whole panel (docs/screenshots/chat-streaming.png).
#include "api/apiclient.h"
#include "chatpanel.h"
#include "chatsession.h"
#include "chatview.h"
#include "conversationlistmodel.h"
#include "fakeupstream.h"
#include "inkwelldprocess.h"
#include "messagebody.h"
#include "messagewidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QLoggingCategory>
#include <QPaintEvent>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace inkwell;
using api::ApiClient;
using api::ApiResult;
using test::FakeUpstream;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_chat: %s\n", qPrintable(why));
    std::exit(1);
}

void waitUntil(const std::function<bool()> &done, int timeoutMs, const QString &what)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            fail(u"timed out waiting for "_s + what);
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
}

template <typename T> T await(const std::function<void(std::function<void(ApiResult<T>)>)> &start, const QString &what)
{
    std::optional<ApiResult<T>> result;
    start([&result](ApiResult<T> value) { result = std::move(value); });
    waitUntil([&] { return result.has_value(); }, 60000, what);
    if (!*result)
        fail(what + u": "_s + result->error().message());
    return **result;
}

/// An answer of @p count pieces of about four characters: the Markdown a writer gets back (headings, paragraphs,
/// lists, code), so rendering does real work.
QStringList answerPieces(int count)
{
    QString text;
    int section = 0;
    while (text.size() < count * 4) {
        ++section;
        text += u"## Scene %1: the lighthouse\n\nThe keeper climbs the stairs at dusk, counting the steps the way "
                "his father did. *Every* step is a year; the **light** at the top is the one thing that never "
                "changes. Give the reader a `detail` they can hold.\n\n- Open on the sound of the sea\n- Let the "
                "dialogue carry the tension\n- End the scene one beat early\n\n```python\ndef beats(scene):\n    "
                "return [b for b in scene if b.turns]\n```\n\n"_s.arg(section);
    }
    QStringList pieces;
    for (qsizetype i = 0; i < count; ++i)
        pieces << text.mid(i * 4, 4);
    return pieces;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

/// Stamps each delta's arrival and the paint that first shows it (see the top of the file).
class PaintProbe : public QObject {
public:
    PaintProbe(app::MessageBody *body, const QElapsedTimer &clock)
        : m_body(body)
        , m_clock(clock)
    {
        body->viewport()->installEventFilter(this);
    }
    void arrived(qsizetype totalLength) { m_arrivals.append({m_clock.nsecsElapsed(), totalLength}); }
    const QList<double> &latenciesMs() const { return m_latencies; }
    int paints() const { return m_paints; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inPaint)
            return false;
        m_inPaint = true;
        QCoreApplication::sendEvent(watched, event); // paint now, then take the time
        m_inPaint = false;
        ++m_paints;
        const qint64 now = m_clock.nsecsElapsed();
        const qsizetype shown = m_body->source().size();
        while (m_next < m_arrivals.size() && m_arrivals.at(m_next).second <= shown) {
            m_latencies.append(double(now - m_arrivals.at(m_next).first) / 1e6);
            ++m_next;
        }
        return true;
    }

private:
    app::MessageBody *m_body;
    const QElapsedTimer &m_clock;
    QList<std::pair<qint64, qsizetype>> m_arrivals;
    QList<double> m_latencies;
    qsizetype m_next = 0;
    int m_paints = 0;
    bool m_inPaint = false;
};

/// English plurals for strings no .ts file holds yet: "(s)" becomes "s" unless n is 1.
class PluralEnglish : public QTranslator {
public:
    QString translate(const char *, const char *source, const char *, int n) const override
    {
        const QString text = QString::fromUtf8(source);
        if (n < 0 || !text.contains(u"(s)"_s))
            return {};
        return QString(text).replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    }
    bool isEmpty() const override { return false; }
};

struct Bench {
    FakeUpstream upstream;
    test::InkwelldProcess server;
    std::unique_ptr<ApiClient> api;

    void start()
    {
        server.setEnvironment(u"INKWELL_AI_PROVIDER"_s, u"openai"_s);
        server.setEnvironment(u"INKWELL_AI_MODEL"_s, u"test-model"_s);
        server.setEnvironment(u"INKWELL_AI_BASE_URL"_s, upstream.baseUrl());
        server.setEnvironment(u"INKWELL_AI_REQUESTS_PER_MIN"_s, u"0"_s);
        server.setEnvironment(u"INKWELL_AI_TOKENS_PER_DAY"_s, u"viewer=0,creator=0,admin=0"_s);
        if (!server.start())
            fail(server.error());
        api = std::make_unique<ApiClient>(server.url());
        await<api::AuthGrant>(
            [this](auto done) {
                api->registerAccount({u"bench@example.com"_s, u"correct horse battery staple"_s, u"Ada Writer"_s},
                                     api.get(), done);
            },
            u"register"_s);
    }

    Conversation create(const QString &title, const QString &systemPrompt = {})
    {
        ConversationInput input;
        input.title = title;
        if (!systemPrompt.isEmpty())
            input.systemPrompt = systemPrompt;
        return await<Conversation>([&](auto done) { api->createConversation(input, api.get(), done); },
                                   u"create conversation"_s);
    }
};

int measure(Bench &bench, int pieceCount, int paceMs, int streams)
{
    const QStringList pieces = answerPieces(pieceCount);
    QElapsedTimer clock;
    clock.start();

    // (a) One answer in the panel: delta to paint.
    engine::ConversationListModel list(bench.api.get());
    app::ChatPanel panel(bench.api.get(), &list);
    panel.resize(1400, 900);
    panel.show();
    const Conversation conversation = bench.create(u"Latency"_s);
    waitUntil([&] { return !list.isLoading(); }, 30000, u"the list"_s);
    panel.openConversation(conversation.id);
    waitUntil([&] { return panel.currentSession()->status() == engine::ChatSession::Status::Ready; }, 30000,
              u"the conversation"_s);
    engine::ChatSession *session = panel.currentSession();
    bench.upstream.enqueue(FakeUpstream::openaiText(pieces, paceMs));
    if (!session->send(u"Draft the lighthouse scene."_s))
        fail(u"send refused"_s);
    app::MessageWidget *widget = panel.messageView()->messageWidget(1);
    if (!widget)
        fail(u"no widget for the answer"_s);
    PaintProbe probe(widget->body(), clock);
    QObject::connect(session->messages(), &engine::MessageListModel::textAppended, &probe,
                     [&](int row, qsizetype) { probe.arrived(session->messages()->message(row).content.size()); });
    const qint64 started = clock.elapsed();
    waitUntil([&] { return !session->isStreaming(); }, 600000, u"the answer"_s);
    const double seconds = double(clock.elapsed() - started) / 1000.0;
    // The last render may still be pending.
    waitUntil([&] { return probe.latenciesMs().size() >= pieceCount || !widget->hasPendingText(); }, 5000,
              u"the last paint"_s);
    QCoreApplication::processEvents();
    const QList<double> latencies = probe.latenciesMs();
    panel.hide();

    // (b) Several streams at once, each in a visible view.
    QWidget window;
    window.resize(1400, 900);
    auto *grid = new QGridLayout(&window);
    QList<engine::ChatSession *> sessions;
    for (int i = 0; i < streams; ++i) {
        const Conversation c = bench.create(u"Stream %1"_s.arg(i + 1));
        auto *s = new engine::ChatSession(bench.api.get(), &window);
        s->open(c);
        auto *view = new app::ChatView(&window);
        view->setSession(s);
        grid->addWidget(view, i / 5, i % 5);
        sessions << s;
    }
    window.show();
    waitUntil(
        [&] {
            return std::all_of(sessions.begin(), sessions.end(), [](engine::ChatSession *s) {
                return s->status() == engine::ChatSession::Status::Ready;
            });
        },
        30000, u"the conversations"_s);
    for (int i = 0; i < streams; ++i)
        bench.upstream.enqueue(FakeUpstream::openaiText(pieces, paceMs));
    QList<qint64> firstDelta(streams, -1);
    QList<qint64> finished(streams, -1);
    const qint64 start = clock.elapsed();
    for (int i = 0; i < streams; ++i) {
        engine::ChatSession *s = sessions.at(i);
        QObject::connect(s->messages(), &engine::MessageListModel::textAppended, &window, [&, i] {
            if (firstDelta[i] < 0)
                firstDelta[i] = clock.elapsed() - start;
        });
        QObject::connect(s, &engine::ChatSession::answerFinished, &window,
                         [&, i] { finished[i] = clock.elapsed() - start; });
        s->send(u"Another scene, please."_s);
    }
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QList<double> gaps;
    qint64 last = clock.nsecsElapsed();
    QObject::connect(&tick, &QTimer::timeout, &window, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.append(double(now - last) / 1e6 - 1.0);
        last = now;
    });
    tick.start();
    waitUntil([&] { return std::none_of(sessions.begin(), sessions.end(), [](auto *s) { return s->isStreaming(); }); },
              1200000, u"the streams"_s);
    tick.stop();
    const double allSeconds = double(clock.elapsed() - start) / 1000.0;
    int overlapping = 0;
    const qint64 firstEnd = *std::min_element(finished.begin(), finished.end());
    for (qint64 t : firstDelta)
        overlapping += t >= 0 && t < firstEnd ? 1 : 0;
    int complete = 0;
    for (engine::ChatSession *s : sessions) {
        const int row = s->messages()->rowCount() - 1;
        complete += row >= 0 && s->messages()->message(row).state == engine::ChatMessageState::Complete ? 1 : 0;
    }

    std::printf("\nChat streaming: inkwelld + fake upstream, %d pieces %d ms apart (%s platform)\n\n", pieceCount,
                paceMs, qPrintable(QGuiApplication::platformName()));
    std::printf("| measure | value |\n|---|---|\n");
    std::printf("| (a) deltas painted | %lld of %d |\n", qlonglong(latencies.size()), pieceCount);
    std::printf("| (a) delta -> painted, median | %.1f ms |\n", percentile(latencies, 0.5));
    std::printf("| (a) delta -> painted, p99 | %.1f ms |\n", percentile(latencies, 0.99));
    std::printf("| (a) delta -> painted, max | %.1f ms |\n", percentile(latencies, 1.0));
    std::printf("| (a) paints of the streaming message | %d (%.0f per second) |\n", probe.paints(),
                probe.paints() / std::max(seconds, 0.001));
    std::printf("| (a) answer length | %lld characters in %.1f s |\n",
                qlonglong(session->messages()->message(1).content.size()), seconds);
    std::printf("| (b) streams at once | %d (%d streaming before the first one ended) |\n", streams, overlapping);
    std::printf("| (b) answers complete | %d of %d in %.1f s |\n", complete, streams, allSeconds);
    std::printf("| (b) 1 ms timer lateness, median | %.2f ms |\n", percentile(gaps, 0.5));
    std::printf("| (b) 1 ms timer lateness, p99 | %.2f ms |\n", percentile(gaps, 0.99));
    std::printf("| (b) longest UI-thread stall | %.1f ms (target <= 16 ms) |\n", percentile(gaps, 1.0));
    std::fflush(stdout);
    return 0;
}

int screenshot(Bench &bench, const QString &file)
{
    // A writer's sidebar.
    for (const QString &title : {u"Names for the antagonist"_s, u"Tighten the prologue"_s,
                                 u"Is the midpoint twist earned?"_s, u"Research: 1920s lighthouses"_s})
        bench.create(title);
    const Conversation conversation =
        bench.create(u"Chapter 3 — the lighthouse scene"_s, u"You are a patient editor. Keep my voice."_s);

    engine::ConversationListModel list(bench.api.get());
    app::ChatPanel panel(bench.api.get(), &list);
    panel.resize(1400, 900);
    panel.show();
    waitUntil([&] { return !list.isLoading() && list.rowCount() == 5; }, 30000, u"the list"_s);
    panel.openConversation(conversation.id);
    engine::ChatSession *session = panel.currentSession();
    waitUntil([&] { return session->status() == engine::ChatSession::Status::Ready; }, 30000, u"the conversation"_s);

    bench.upstream.enqueue(FakeUpstream::openaiText(
        {u"Start later. "_s, u"Cut the first two paragraphs: the reader does not need the weather, they need "_s,
         u"the keeper. Try opening on the stairs:\n\n> He counted the steps the way his father had, one year "_s,
         u"for each.\n\nThat line does the work of the whole page you cut."_s},
        5));
    session->send(u"The opening of chapter 3 drags. Where would you start it?"_s);
    waitUntil([&] { return !session->isStreaming(); }, 30000, u"the first answer"_s);

    FakeUpstream::Reply held = FakeUpstream::openaiText(
        {u"Three ways to raise the tension, "_s, u"from the smallest change to the largest:\n\n"_s,
         u"1. **Cut the storm's warning.** "_s, u"If the keeper knows the storm is coming, the reader relaxes. "_s,
         u"Let it arrive in the middle of a sentence.\n"_s, u"2. **Give the lamp a fault.** "_s,
         u"A flicker he has to fix *while* the ship is out there:\n\n"_s, u"```python\n"_s,
         u"def scene_beats(keeper, storm):\n"_s, u"    yield keeper.notices(storm.lull)\n"_s,
         u"    yield storm.breaks(mid_sentence=True)\n"_s, u"    yield keeper.fixes(lamp, hands_shaking=True)\n"_s,
         u"```\n\n"_s, u"3. **Put someone on the rocks** "_s, u"— his brother, who"_s},
        15);
    held.chunks.resize(held.chunks.size() - 3); // no finish, no usage, no [DONE]: the answer is still coming
    held.end = FakeUpstream::Reply::End::Hold;
    bench.upstream.enqueue(held);
    session->send(u"Good. Now the storm itself feels flat — how do I raise the tension?"_s);
    const int answerRow = 3;
    waitUntil(
        [&] {
            return session->messages()->rowCount() > answerRow &&
                   session->messages()->message(answerRow).content.endsWith(u"who"_s);
        },
        30000, u"the streaming answer"_s);
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() > 400; }, 5000, u"the last render"_s);
    const QPixmap picture = panel.grab();
    if (!picture.save(file))
        fail(u"cannot write "_s + file);
    std::printf("saved %s (%dx%d)\n", qPrintable(file), picture.width(), picture.height());
    bench.upstream.release();
    session->stop();
    waitUntil([&] { return !session->isStreaming(); }, 30000, u"the stop"_s);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption piecesOption(u"pieces"_s, u"pieces of the answer"_s, u"n"_s, u"4000"_s);
    const QCommandLineOption paceOption(u"pace-ms"_s, u"pause before each piece"_s, u"ms"_s, u"10"_s);
    const QCommandLineOption streamsOption(u"streams"_s, u"answers streamed at once in (b)"_s, u"n"_s, u"10"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"save a picture of the panel mid-stream"_s, u"file"_s);
    parser.addOptions({piecesOption, paceOption, streamsOption, screenshotOption});
    parser.addHelpOption();
    parser.process(app);

    // The translations of new strings come with the next lupdate; meanwhile "%n token(s)" reads as English.
    PluralEnglish plurals;
    QCoreApplication::installTranslator(&plurals);
    QLoggingCategory::setFilterRules(u"inkwell.*.debug=false"_s);

    Bench bench;
    bench.start();
    if (parser.isSet(screenshotOption))
        return screenshot(bench, parser.value(screenshotOption));
    return measure(bench, parser.value(piecesOption).toInt(), parser.value(paceOption).toInt(),
                   parser.value(streamsOption).toInt());
}
