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
#include "chat/chatpanel.h"
#include "chatsession.h"
#include "chat/chatview.h"
#include "conversationlistmodel.h"
#include "fakeupstream.h"
#include "inkwelldprocess.h"
#include "chat/messagebody.h"
#include "chat/messagewidget.h"
#include "chat/renderscheduler.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QLoggingCategory>
#include <QPaintEvent>
#include <QPalette>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace inkwell;
using api::ApiClient;
using api::ApiResult;
using test::FakeUpstream;

namespace {

/// Stops the server (and its PostgreSQL) when the run gives up: std::exit() runs no destructors of main's locals.
std::function<void()> g_stopServer;

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_chat: %s\n", qPrintable(why));
    if (g_stopServer)
        g_stopServer();
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

/// CPU time the calling thread has used.
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
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

/// The UI thread's stalls while streams run: a 1 ms precise timer's lateness (wall clock: includes time other
/// processes on a busy machine took), and the UI thread's own CPU time between two ticks (its own work only).
struct StallMeter {
    QElapsedTimer clock;
    QTimer tick;
    QList<double> lateness;
    QList<double> busy;
    qint64 last = 0;
    qint64 lastCpu = 0;
    double worstBusy = -1;
    double worstBusyAtMs = 0;

    void start()
    {
        clock.start();
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        last = clock.nsecsElapsed();
        lastCpu = threadCpuNs();
        QObject::connect(&tick, &QTimer::timeout, &tick, [this] {
            const qint64 now = clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            lateness.append(double(now - last) / 1e6 - 1.0);
            busy.append(double(cpu - lastCpu) / 1e6);
            if (busy.constLast() > worstBusy) {
                worstBusy = busy.constLast();
                worstBusyAtMs = double(now) / 1e6;
            }
            last = now;
            lastCpu = cpu;
        });
        tick.start();
    }
    void stop() { tick.stop(); }
    double seconds() const { return double(clock.elapsed()) / 1000.0; }

    void print(const char *label) const
    {
        const auto over = [](const QList<double> &values) {
            return qlonglong(std::count_if(values.begin(), values.end(), [](double v) { return v > 16; }));
        };
        std::printf("| %s: 1 ms timer lateness, median / p99 / max | %.2f / %.2f / %.1f ms |\n", label,
                    percentile(lateness, 0.5), percentile(lateness, 0.99), percentile(lateness, 1.0));
        std::printf("| %s: ticks more than 16 ms late | %lld of %lld |\n", label, over(lateness),
                    qlonglong(lateness.size()));
        std::printf("| %s: UI-thread CPU between two ticks, p99 / max | %.2f / %.1f ms (%.1f s after the start) |\n",
                    label, percentile(busy, 0.99), percentile(busy, 1.0), worstBusyAtMs / 1000.0);
        std::printf("| %s: ticks with more than 16 ms of UI-thread CPU | %lld |\n", label, over(busy));
    }
};

/// Starts @p count answers, one after the other (@p start sends the i-th question and returns its session), and
/// measures until all have ended. The panel deletes a background session when its answer is done, so sessions are
/// watched through QPointer and their outcome noted when they finish.
QString runStreams(Bench &bench, int count, const QStringList &pieces, int paceMs, StallMeter &meter,
                   const std::function<engine::ChatSession *(int)> &start)
{
    QElapsedTimer clock;
    clock.start();
    QList<QPointer<engine::ChatSession>> sessions;
    QList<qint64> firstDelta(count, -1);
    QList<qint64> finished(count, -1);
    QList<bool> complete(count, false);
    QObject context;
    for (int i = 0; i < count; ++i)
        bench.upstream.enqueue(FakeUpstream::openaiText(pieces, paceMs));
    meter.start();
    for (int i = 0; i < count; ++i) {
        engine::ChatSession *s = start(i);
        if (!s)
            fail(u"send refused"_s);
        sessions << s;
        QObject::connect(s->messages(), &engine::MessageListModel::textAppended, &context, [&, i] {
            if (firstDelta[i] < 0)
                firstDelta[i] = clock.elapsed();
        });
        QObject::connect(s, &engine::ChatSession::answerFinished, &context, [&, i, s](int row) {
            finished[i] = clock.elapsed();
            complete[i] = s->messages()->message(row).state == engine::ChatMessageState::Complete;
        });
        // The next question in a later turn of the event loop, as a user would send it.
        QElapsedTimer pause;
        pause.start();
        waitUntil([&] { return pause.elapsed() >= 2; }, 1000, u"a pause"_s);
    }
    waitUntil([&] { return std::all_of(finished.begin(), finished.end(), [](qint64 t) { return t >= 0; }); }, 1200000,
              u"the streams"_s);
    meter.stop();
    const qint64 firstEnd = *std::min_element(finished.begin(), finished.end());
    const auto together =
        std::count_if(firstDelta.begin(), firstDelta.end(), [&](qint64 t) { return t >= 0 && t < firstEnd; });
    return u"%1 of %2 complete; %3 streaming before the first one ended"_s
        .arg(std::count(complete.begin(), complete.end(), true))
        .arg(count)
        .arg(together);
}

int measure(Bench &bench, int pieceCount, int paceMs, int streams, bool partA)
{
    const QStringList pieces = answerPieces(pieceCount);
    QElapsedTimer clock;
    clock.start();
    std::printf("\nChat streaming: inkwelld + fake upstream, %d pieces of about 4 characters, %d ms apart (%s "
                "platform)\n\n| measure | value |\n|---|---|\n",
                pieceCount, paceMs, qPrintable(QGuiApplication::platformName()));

    engine::ConversationListModel list(bench.api.get());
    app::ChatPanel panel(bench.api.get(), &list);
    panel.resize(1400, 900);
    panel.show();

    // (a) One answer in the panel: delta to paint.
    if (partA) {
        const Conversation conversation = bench.create(u"Latency"_s);
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
        waitUntil([&] { return probe.latenciesMs().size() >= pieceCount || !widget->hasPendingText(); }, 5000,
                  u"the last paint"_s);
        QCoreApplication::processEvents();
        const QList<double> &latencies = probe.latenciesMs();
        std::printf("| (a) deltas painted | %lld of %d |\n", qlonglong(latencies.size()), pieceCount);
        std::printf("| (a) delta -> painted, median / p99 / max | %.1f / %.1f / %.1f ms |\n",
                    percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
        std::printf("| (a) paints of the streaming message | %d (%.0f per second) |\n", probe.paints(),
                    probe.paints() / std::max(seconds, 0.001));
        std::printf("| (a) answer | %lld characters in %.1f s |\n",
                    qlonglong(session->messages()->message(1).content.size()), seconds);
        std::fflush(stdout);
    }

    // (b1) The panel as a user has it: streams answering in several conversations, the last one opened shown,
    // the others in the background (a dot in the list).
    {
        QList<QUuid> ids;
        for (int i = 0; i < streams; ++i)
            ids << bench.create(u"Background %1"_s.arg(i + 1)).id;
        StallMeter panelMeter;
        // Open a conversation, ask, open the next: the earlier answers go on in the background.
        const QString panelSummary =
            runStreams(bench, streams, pieces, paceMs, panelMeter, [&](int i) -> engine::ChatSession * {
                panel.openConversation(ids.at(i));
                engine::ChatSession *session = panel.currentSession();
                waitUntil([&] { return session->status() == engine::ChatSession::Status::Ready; }, 30000,
                          u"a conversation"_s);
                return session->send(u"Another scene, please."_s) ? session : nullptr;
            });
        std::printf("| (b1) panel, %d streams, one shown | %s in %.1f s |\n", streams, qPrintable(panelSummary),
                    panelMeter.seconds());
        panelMeter.print("(b1)");
        std::fflush(stdout);
    }

    // (c) Opening a long conversation: 200 messages; only the newest get widgets at first.
    {
        const Conversation longOne = bench.create(u"A long one"_s);
        {
            engine::ChatSession filler(bench.api.get());
            filler.open(longOne);
            waitUntil([&] { return filler.status() == engine::ChatSession::Status::Ready; }, 30000, u"the filler"_s);
            const QStringList answer = answerPieces(150); // 600 characters of Markdown, a code block included
            for (int i = 0; i < 100; ++i) {
                bench.upstream.enqueue(FakeUpstream::openaiText({answer.join(QString())}));
                if (!filler.send(u"Question %1"_s.arg(i)))
                    fail(u"send refused"_s);
                waitUntil([&] { return !filler.isStreaming(); }, 30000, u"a filler answer"_s);
            }
        }
        QElapsedTimer open;
        open.start();
        panel.openConversation(longOne.id);
        engine::ChatSession *session = panel.currentSession();
        waitUntil([&] { return session->status() == engine::ChatSession::Status::Ready; }, 30000, u"the long one"_s);
        const qint64 loaded = open.elapsed();
        QCoreApplication::processEvents(); // the first paint
        const qint64 shown = open.elapsed();
        app::ChatView *view = panel.messageView();
        const int before = view->firstCreatedRow();
        StallMeter meter;
        meter.start();
        QElapsedTimer earlier;
        earlier.start();
        view->showEarlier();
        waitUntil([&] { return view->firstCreatedRow() <= std::max(0, before - app::ChatView::kBatch); }, 30000,
                  u"earlier messages"_s);
        const qint64 earlierMs = earlier.elapsed();
        meter.stop();
        std::printf("| (c) open a conversation of %d messages: loaded / shown | %lld / %lld ms (widgets for the "
                    "newest %d) |\n",
                    session->messages()->rowCount(), qlonglong(loaded), qlonglong(shown),
                    app::ChatView::kInitialMessages);
        std::printf("| (c) %d earlier messages on scrolling up | %lld ms, the UI thread busy at most %.1f ms at a "
                    "time |\n",
                    app::ChatView::kBatch, qlonglong(earlierMs), percentile(meter.busy, 1.0));
        std::fflush(stdout);
    }

    // (b2) A stress case: every stream in a view of its own, all visible, all rendering.
    panel.hide();
    QWidget window;
    window.resize(1400, 900);
    auto *grid = new QGridLayout(&window);
    QList<engine::ChatSession *> sessions;
    // One scheduler for the window: the views share one render budget per event-loop turn.
    auto *scheduler = new app::RenderScheduler(&window);
    for (int i = 0; i < streams; ++i) {
        const Conversation c = bench.create(u"Stream %1"_s.arg(i + 1));
        auto *s = new engine::ChatSession(bench.api.get(), &window);
        s->open(c);
        auto *view = new app::ChatView(&window);
        view->setRenderScheduler(scheduler);
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
    StallMeter gridMeter;
    const QString gridSummary = runStreams(bench, streams, pieces, paceMs, gridMeter, [&](int i) {
        return sessions.at(i)->send(u"Another scene, please."_s) ? sessions.at(i) : nullptr;
    });
    std::printf("| (b2) %d views side by side, all streaming | %s in %.1f s |\n", streams, qPrintable(gridSummary),
                gridMeter.seconds());
    gridMeter.print("(b2)");
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
    const QCommandLineOption darkOption(u"dark"_s, u"--screenshot with a dark palette"_s);
    const QCommandLineOption onlyStallsOption(u"only-stalls"_s, u"skip (a), measure (b) only"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"save a picture of the panel mid-stream"_s, u"file"_s);
    parser.addOptions({piecesOption, paceOption, streamsOption, onlyStallsOption, screenshotOption, darkOption});
    parser.addHelpOption();
    parser.process(app);

    // The translations of new strings come with the next lupdate; meanwhile "%n token(s)" reads as English.
    PluralEnglish plurals;
    QCoreApplication::installTranslator(&plurals);
    QLoggingCategory::setFilterRules(u"inkwell.*.debug=false"_s);

    if (parser.isSet(darkOption)) {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x24, 0x25, 0x29));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1c, 0x20));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x27, 0x2c));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x2c, 0x2d, 0x32));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x4c, 0x8d, 0xf6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x92));
        QApplication::setPalette(dark);
    }
    Bench bench;
    g_stopServer = [&bench] { bench.server.stop(); };
    bench.start();
    if (parser.isSet(screenshotOption))
        return screenshot(bench, parser.value(screenshotOption));
    return measure(bench, parser.value(piecesOption).toInt(), parser.value(paceOption).toInt(),
                   parser.value(streamsOption).toInt(), !parser.isSet(onlyStallsOption));
}
