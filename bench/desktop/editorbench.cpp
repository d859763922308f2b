// The editor under load (issue: the Markdown editor a writer trusts): a 200 KB article, measured on the GUI
// thread as a writer would feel it. Prints a table.
//
//   cmake --preset release && cmake --build --preset release --target bench_editor
//   ./build/release/bench/bench_editor [--keystrokes 500] [--refreshes 60] [--typing-seconds 15]
//
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise (xvfb-run works too).
//
// (a) keystroke → painted: a key press is posted to the editor; the clock stops when the viewport has painted.
//     "natural" lets Qt's repaint manager schedule the update as it would on screen (on the offscreen platform
//     the update request goes through the event loop like on X11); "forced" then also repaints the whole
//     viewport synchronously (an upper bound: a real update paints only the changed lines).
// (b) preview refresh after a one-character edit: the worker's time (Markdown → HTML → QTextDocument blocks of
//     the changed top-level elements) and the GUI thread's (swap them into the shown document, its layout).
// (c) the longest GUI-thread stall while typing with the preview visible: a 1 ms timer notes every gap in the
//     event loop while keys arrive at 60–250 ms intervals with pauses, so the preview renders in between.
//     The same run with the preview hidden is the baseline.
// On a shared machine a wall-clock gap also holds the time other processes had the core; the GUI thread's own
// CPU time (CLOCK_THREAD_CPUTIME_ID) within the same span is printed next to it.
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/previewpane.h"
#include "spelling/spellchecker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace inkwell::app;

namespace {

/// A realistic 200 KB article: sections with headings, paragraphs with inline Markdown, nested lists, task
/// lists, code blocks, tables and quotes.
QString makeArticle(qsizetype size)
{
    static const QStringList sentences = {
        u"The quick brown fox jumps over the *lazy* dog while the editor keeps up with every keystroke."_s,
        u"Writers care about **latency** more than about features, and they notice a stall at once."_s,
        u"A paragraph may hold `inline code`, a [link to the docs](https://example.org/docs/page) and an image."_s,
        u"Spelling is checked as you type, so a misspeled word gets its wavy line right away."_s,
        u"Long documents grow section by section; nobody should pay for the parts they are not editing."_s,
        u"Markdown stays plain text, which is why ~~rich text~~ editors lose to it for serious writing."_s,
        u"See https://inkwell.invalid/articles/42 for the published version of this very article."_s,
    };
    QString s;
    s.reserve(size + 4096);
    QRandomGenerator random(42);
    for (int section = 0; s.size() < size; ++section) {
        s += (section % 5 == 0 ? u"# Part "_s : u"## Section "_s) + QString::number(section) + u"\n\n"_s;
        for (int p = 0; p < 3; ++p) {
            for (int k = 0; k < 4; ++k)
                s += sentences[random.bounded(int(sentences.size()))] + u' ';
            s += u"\n\n"_s;
        }
        s += u"- a first point about section %1\n- a second point with _emphasis_\n  - and a nested detail\n"
             u"- [ ] a task still open\n- [x] a task done\n\n"_s.arg(section);
        if (section % 3 == 0)
            s += u"```cpp\nint section%1()\n{\n    return %1 * 2; // *not* emphasis\n}\n```\n\n"_s.arg(section);
        if (section % 7 == 0)
            s += u"| Name | Value | Note |\n|------|------:|:----:|\n| alpha | %1 | ok |\n| beta | 2 | *fine* |\n\n"_s
                     .arg(section);
        if (section % 4 == 0)
            s += u"> Quoted wisdom for section %1, with a **strong** word.\n\n"_s.arg(section);
    }
    return s;
}

struct Stats {
    qsizetype n = 0;
    double median = 0;
    double p99 = 0;
    double max = 0;
};

Stats statsOf(QList<double> values)
{
    Stats s;
    s.n = values.size();
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    s.median = values[values.size() / 2];
    s.p99 = values[std::max<qsizetype>(0, qsizetype(std::ceil(0.99 * double(values.size()))) - 1)];
    s.max = values.back();
    return s;
}

void row(const char *name, const Stats &s, const char *target = "")
{
    std::printf("%-52s %5lld %9.2f %9.2f %9.2f   %s\n", name, static_cast<long long>(s.n), s.median, s.p99, s.max,
                target);
}

double ms(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

/// Notes when the viewport has been painted.
class PaintWatch : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

/// CPU time this thread has used, in ns: tells work from waiting for a core on a busy machine.
qint64 threadCpuNanoseconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

/// The longest time the GUI thread did not get back to its event loop, from a 1 ms timer's gaps; and the
/// longest CPU time the thread spent within one gap (the rest of a gap is the machine running something else).
class StallMonitor : public QObject {
public:
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNanoseconds();
            m_longest = std::max(m_longest, now - m_last);
            m_longestCpu = std::max(m_longestCpu, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNanoseconds();
        m_longest = 0;
        m_longestCpu = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longestMs() const { return std::max(0.0, ms(m_longest) - 1.0); } // minus the timer's own interval
    double longestCpuMs() const { return ms(m_longestCpu); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestCpu = 0;
};

void postKey(QWidget *target, QChar c)
{
    const int key = c == u' ' ? int(Qt::Key_Space) : int(Qt::Key_A) + (c.toLower().unicode() - u'a');
    QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier, QString(c)));
    QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyRelease, key, Qt::NoModifier, QString(c)));
}

void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Keystroke, preview and stall timings of the Markdown editor"_s);
    parser.addHelpOption();
    const QCommandLineOption keystrokesOption(u"keystrokes"_s, u"keystrokes for (a)"_s, u"n"_s, u"500"_s);
    const QCommandLineOption refreshesOption(u"refreshes"_s, u"preview refreshes for (b)"_s, u"n"_s, u"60"_s);
    const QCommandLineOption typingOption(u"typing-seconds"_s, u"typing time for (c)"_s, u"s"_s, u"15"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"article size in characters"_s, u"chars"_s, u"200000"_s);
    parser.addOptions({keystrokesOption, refreshesOption, typingOption, sizeOption});
    parser.process(app);
    const int keystrokes = parser.value(keystrokesOption).toInt();
    const int refreshes = parser.value(refreshesOption).toInt();
    const int typingSeconds = parser.value(typingOption).toInt();

    const QString article = makeArticle(parser.value(sizeOption).toInt());
    QTemporaryDir personal; // the personal word list stays out of the user's data folder
    SpellChecker spelling({}, personal.path());

    QWidget window;
    window.resize(1400, 900);
    auto *layout = new QHBoxLayout(&window);
    auto *editor = new MarkdownEditor(&window);
    auto *preview = new PreviewPane(&window);
    layout->addWidget(editor, 1);
    layout->addWidget(preview, 1);
    editor->setSpellChecker(&spelling);
    QElapsedTimer timer;
    timer.start();
    editor->setSpellLanguage(u"en_US"_s);
    const double dictionaryMs = ms(timer.nsecsElapsed());
    preview->hide(); // (a) measures the editor on its own
    window.show();
    settle(200);

    timer.restart();
    editor->loadText(article);
    const double openMs = ms(timer.nsecsElapsed());
    editor->setFocus();
    settle(200);
    const quint64 highlightsAtOpen = editor->highlighter()->highlightCount();

    // (a) keystroke → painted, at 50 places spread over the article, 10 keys each.
    PaintWatch paintWatch;
    PaintWatch *watch = &paintWatch;
    editor->viewport()->installEventFilter(watch);
    QList<double> natural;
    QList<double> naturalCpu;
    QList<double> forced;
    QRandomGenerator random(7);
    const QString letters = u"thequickbrownfoxjumpsoverthelazydog "_s;
    const int places = std::max(1, keystrokes / 10);
    for (int place = 0; place < places; ++place) {
        const int position = int(random.bounded(editor->document()->characterCount() - 1));
        QTextCursor cursor(editor->document());
        cursor.setPosition(position);
        cursor.movePosition(QTextCursor::EndOfWord);
        editor->setTextCursor(cursor);
        editor->ensureCursorVisible();
        settle(30);
        for (int k = 0; k < keystrokes / places; ++k) {
            const int revision = editor->document()->revision();
            watch->painted = false;
            QElapsedTimer key;
            key.start();
            const qint64 cpu = threadCpuNanoseconds();
            postKey(editor, letters[(place * 10 + k) % letters.size()]);
            while (!watch->painted && key.elapsed() < 1000)
                QCoreApplication::processEvents();
            natural.append(ms(key.nsecsElapsed()));
            naturalCpu.append(ms(threadCpuNanoseconds() - cpu));
            if (editor->document()->revision() == revision)
                std::fprintf(stderr, "warning: a key press did not reach the editor\n");
            editor->viewport()->repaint();
            forced.append(ms(key.nsecsElapsed()));
            settle(2);
        }
    }
    editor->viewport()->removeEventFilter(watch);
    const quint64 highlightsTyping = editor->highlighter()->highlightCount() - highlightsAtOpen;

    // (b) preview refreshes after one-character edits.
    preview->setSourceDocument(editor->document());
    preview->show();
    QSignalSpy rendered(preview, &PreviewPane::rendered);
    StallMonitor firstRender;
    firstRender.start();
    rendered.wait(30000);
    settle(1500); // the document's lazy layout after a whole rebuild
    firstRender.stop();
    const PreviewPane::Timings first = preview->lastTimings();

    QList<double> worker;
    QList<double> gui;
    QList<double> guiCpu;
    QList<double> total;
    for (int i = 0; i < refreshes; ++i) {
        QTextCursor cursor(editor->document());
        cursor.setPosition(int(random.bounded(editor->document()->characterCount() - 1)));
        cursor.insertText(u"x"_s);
        rendered.clear();
        preview->refreshNow();
        if (!rendered.wait(10000)) {
            std::fprintf(stderr, "warning: no render\n");
            continue;
        }
        const PreviewPane::Timings t = preview->lastTimings();
        if (t.full)
            std::fprintf(stderr, "warning: refresh %d rebuilt the whole preview\n", i);
        worker.append(ms(t.workerNanoseconds));
        gui.append(ms(t.guiNanoseconds));
        guiCpu.append(ms(t.guiCpuNanoseconds));
        total.append(ms(t.workerNanoseconds + t.guiNanoseconds));
        settle(5);
    }

    // (c) typing, with the preview visible and (for comparison) hidden.
    struct Typing {
        double stall = 0;
        double stallCpu = 0;
        double longestKeyCpu = 0;
        double longestKey = 0;
        double longestApply = 0;
        int keys = 0;
        int renders = 0;
        int fullRenders = 0;
    };
    const auto type = [&](bool withPreview) {
        preview->setVisible(withPreview);
        settle(500);
        QTextCursor place(editor->document());
        place.setPosition(int(random.bounded(editor->document()->characterCount() - 1)));
        place.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(place);
        editor->ensureCursorVisible();
        settle(100);
        Typing result;
        const QMetaObject::Connection watch = QObject::connect(preview, &PreviewPane::rendered, &window, [&] {
            ++result.renders;
            result.fullRenders += preview->lastTimings().full ? 1 : 0;
            result.longestApply = std::max(result.longestApply, ms(preview->lastTimings().guiNanoseconds));
        });
        StallMonitor stalls;
        stalls.start();
        QElapsedTimer typing;
        typing.start();
        while (typing.elapsed() < typingSeconds * 1000) {
            const QChar c = letters[result.keys % letters.size()];
            const int key = c == u' ' ? int(Qt::Key_Space) : int(Qt::Key_A) + (c.unicode() - u'a');
            QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
            QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
            QElapsedTimer handling;
            handling.start();
            const qint64 cpu = threadCpuNanoseconds();
            QCoreApplication::sendEvent(editor, &press); // the key's own work: edit, highlight, spelling, layout
            QCoreApplication::sendEvent(editor, &release);
            result.longestKey = std::max(result.longestKey, ms(handling.nsecsElapsed()));
            result.longestKeyCpu = std::max(result.longestKeyCpu, ms(threadCpuNanoseconds() - cpu));
            ++result.keys;
            // 60–250 ms between keys, and a pause of a second every 40 keys.
            settle(result.keys % 40 == 0 ? 1000 : int(random.bounded(60, 250)));
        }
        stalls.stop();
        result.stall = stalls.longestMs();
        result.stallCpu = stalls.longestCpuMs();
        QObject::disconnect(watch);
        return result;
    };
    const Typing hidden = type(false);
    const Typing visible = type(true);

    std::printf("\nInkwell editor benchmark: %lld-character article (%d lines), spelling en_US, platform %s, Qt %s\n\n",
                static_cast<long long>(article.size()), editor->document()->blockCount(),
                qPrintable(QGuiApplication::platformName()), qVersion());
    std::printf("%-52s %5s %9s %9s %9s   %s\n", "measurement (ms)", "n", "median", "p99", "max", "target");
    row("(a) keystroke -> viewport painted (natural update)", statsOf(natural), "p99 <= 16");
    row("(a) same, GUI-thread CPU time only", statsOf(naturalCpu));
    row("(a) keystroke -> viewport painted (+ forced repaint)", statsOf(forced), "p99 <= 16");
    row("(b) preview refresh, worker thread", statsOf(worker));
    row("(b) preview refresh, GUI thread", statsOf(gui), "small");
    row("(b) preview refresh, GUI-thread CPU time only", statsOf(guiCpu));
    row("(b) preview refresh, total", statsOf(total), "<= 30");
    row("(b) first render (whole document), worker thread", statsOf({ms(first.workerNanoseconds)}));
    row("(b) first render (whole document), GUI thread", statsOf({ms(first.guiNanoseconds)}));
    row("(b) first render, longest stall incl. lazy layout", statsOf({firstRender.longestMs()}));
    row("(b) first render, same stall in GUI-thread CPU time", statsOf({firstRender.longestCpuMs()}));
    for (const auto &[name, t] : {std::pair{"preview visible", visible}, std::pair{"preview hidden", hidden}}) {
        std::printf("\n(c) longest GUI-thread stall while typing, %s: %.2f ms wall, %.2f ms of this thread's CPU"
                    "  (%d keys in %d s, %d renders)\n",
                    name, t.stall, t.stallCpu, t.keys, typingSeconds, t.renders);
        std::printf("    longest key handling (edit, highlight, spelling, layout) %.2f ms wall, %.2f ms CPU",
                    t.longestKey, t.longestKeyCpu);
        if (t.renders > 0)
            std::printf(", longest preview update on the GUI thread %.2f ms, whole rebuilds %d", t.longestApply,
                        t.fullRenders);
        std::printf("\n");
    }
    std::printf("    opening the article (loadText, whole-document highlight and spelling): %.1f ms\n", openMs);
    std::printf("    loading the en_US dictionary (once per language and session): %.1f ms\n", dictionaryMs);
    std::printf("    lines highlighted during (a): %llu for %lld keystrokes\n",
                static_cast<unsigned long long>(highlightsTyping), static_cast<long long>(natural.size()));
    return 0;
}
