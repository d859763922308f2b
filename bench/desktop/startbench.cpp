// Cold start of the desktop window with a large local library: from the moment the process was launched (the
// caller passes `date +%s%N` taken just before exec) to the first paint of the main window with the library's
// rows in it, and the resident memory then and after opening and scrolling. The store is the one bench_sync
// left; the server is not needed (the app starts offline as it would on a train).
//
//   bench_start --data-dir DIR --account FILE --server URL --launched-ns NANOSECONDS
#include "mainwindow.h"
#include "theme/thememanager.h"
#include "window/librarypanel.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QListView>
#include <QScrollBar>
#include <QTest>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace inkwell;

namespace {

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// Notes the end of the first paint of a widget that happens once a condition holds.
class PaintWatch : public QObject {
public:
    std::function<bool()> ready;
    qint64 paintedAtNs = 0;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen && ready && ready()) {
            m_seen = true;
            // The paint runs after this filter returns, within the same event: the next turn of the loop is when
            // its pixels are done.
            QTimer::singleShot(0, this, [this] { paintedAtNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000; });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Inkwell Bench"_s);
    QApplication::setOrganizationName(u"Inkwell"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dataOption(u"data-dir"_s, u"the data folder bench_sync filled"_s, u"dir"_s);
    const QCommandLineOption accountOption(u"account"_s, u"the account bench_sync wrote"_s, u"file"_s);
    const QCommandLineOption serverOption(u"server"_s, u"the server the store belongs to"_s, u"url"_s);
    const QCommandLineOption launchedOption(u"launched-ns"_s, u"when the process was launched (date +%s%N)"_s, u"ns"_s);
    parser.addOptions({dataOption, accountOption, serverOption, launchedOption});
    parser.process(app);
    const qint64 launchedNs = parser.value(launchedOption).toLongLong();

    QFile accountFile(parser.value(accountOption));
    if (!accountFile.open(QIODevice::ReadOnly))
        return 2;
    const Parsed<User> user =
        userFromJson(QJsonDocument::fromJson(accountFile.readAll()).object(), UserView::Self, UnknownFields::Ignore);
    if (!user)
        return 2;
    const QUrl server(parser.value(serverOption));

    // What the app does after an offline restore: open the account's workspace, build and show the window.
    api::ApiClient client(server);
    auto workspace = engine::Workspace::open(&client, *user, parser.value(dataOption), server);
    if (!workspace) {
        std::fprintf(stderr, "bench_start: %s\n", qPrintable(workspace.error()));
        return 1;
    }
    app::ThemeManager theme;
    app::MainWindow window(workspace->get(), &theme);
    PaintWatch watch;
    engine::LibraryModel *library = (*workspace)->library();
    watch.ready = [library] { return library->loaded() && library->rowCount() > 0; };
    window.library()->view()->viewport()->installEventFilter(&watch);
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitFor([&] { return watch.paintedAtNs != 0; }, 60000)) {
        std::fprintf(stderr, "bench_start: the library was never painted\n");
        return 1;
    }
    const double firstPaintMs = double(watch.paintedAtNs - launchedNs) / 1e6;
    const qint64 rssAtPaint = residentKiB();
    const int rows = library->rowCount();

    // Open the first article and scroll the whole library: the working set of a writer's session.
    QListView *list = window.library()->view();
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::qWait(500);
    QScrollBar *bar = list->verticalScrollBar();
    for (int value = 0; value <= bar->maximum(); value += std::max(1, bar->maximum() / 50)) {
        bar->setValue(value);
        QCoreApplication::processEvents();
    }
    QTest::qWait(300);
    const qint64 rssAfter = residentKiB();

    std::printf("%-52s %10.0f ms %12s\n", "cold start to first paint with the library", firstPaintMs, "<= 1000 ms");
    std::printf("%-52s %13d %12s\n", "  articles in the library", rows, "-");
    std::printf("%-52s %10.1f MB %12s\n", "resident memory at first paint", double(rssAtPaint) / 1024, "-");
    std::printf("%-52s %10.1f MB %12s\n", "resident memory after opening and scrolling", double(rssAfter) / 1024,
                "<= 150 MB");
    std::fflush(stdout);
    return 0;
}
