// The desktop's sync against a real inkwelld: the first sync of a large library into a fresh local store (the
// store and its FTS5 index), and an incremental sync of one change. Prints a table.
//
//   bench_sync --server URL --data-dir DIR [--articles 10000] [--rounds 20] [--account-out FILE]
//
// It registers two accounts (a writer who seeds the library through the API, and the reader whose store is
// synced), so run it against a server whose new accounts are creators (INKWELL_SIGNUP_ROLE=creator) and whose
// rate limit is off (INKWELL_RATE_LIMIT_PER_MIN=0). The store is left where the app keeps that account's store
// under --data-dir, and the account in --account-out (JSON), for the start-up benchmark (bench_start).
#include "api/apiclient.h"
#include "localstore.h"
#include "syncengine.h"
#include "workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace inkwell;

namespace {

constexpr auto kPassword = "bench password for the desktop";

template <typename T>
std::optional<T> await(const std::function<void(std::function<void(T)>)> &start, int timeoutMs = 120000)
{
    std::optional<T> value;
    start([&value](T result) { value = std::move(result); });
    if (!QTest::qWaitFor([&] { return value.has_value(); }, timeoutMs))
        return std::nullopt;
    return value;
}

/// About 300 words of varied prose with some Markdown, different for each article.
QString body(int n)
{
    static const QStringList words{u"river"_s,   u"lantern"_s, u"harbour"_s, u"quiet"_s,  u"morning"_s, u"ledger"_s,
                                   u"copper"_s,  u"window"_s,  u"meadow"_s,  u"signal"_s, u"archive"_s, u"thread"_s,
                                   u"compass"_s, u"orchard"_s, u"winter"_s,  u"letter"_s, u"garden"_s,  u"engine"_s,
                                   u"paper"_s,   u"silver"_s,  u"market"_s,  u"island"_s, u"station"_s, u"autumn"_s,
                                   u"journal"_s, u"forest"_s,  u"canvas"_s,  u"harvest"_s};
    QRandomGenerator random(quint32(n) * 2654435761u);
    QString text = u"# Notes %1\n\n"_s.arg(n);
    for (int paragraph = 0; paragraph < 6; ++paragraph) {
        if (paragraph == 3)
            text += u"## A section\n\n"_s;
        for (int word = 0; word < 50; ++word) {
            const QString w = words.at(int(random.bounded(quint32(words.size()))));
            text += word == 0 ? w.left(1).toUpper() + w.mid(1) : (word % 17 == 0 ? u"**"_s + w + u"**"_s : w);
            text += word == 49 ? u".\n\n"_s : u" "_s;
        }
    }
    return text + u"- one\n- two\n"_s;
}

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

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serverOption(u"server"_s, u"inkwelld's URL"_s, u"url"_s);
    const QCommandLineOption articlesOption(u"articles"_s, u"articles to seed (default 10000)"_s, u"n"_s, u"10000"_s);
    const QCommandLineOption dataOption(u"data-dir"_s, u"the app's data folder (the store goes in it)"_s, u"dir"_s);
    const QCommandLineOption accountOption(u"account-out"_s, u"where to write the account (JSON)"_s, u"file"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"incremental rounds (default 20)"_s, u"n"_s, u"20"_s);
    parser.addOptions({serverOption, articlesOption, dataOption, accountOption, roundsOption});
    parser.process(app);
    const QUrl server(parser.value(serverOption));
    const int articles = parser.value(articlesOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();
    const QString dataDir = parser.value(dataOption);
    if (!server.isValid() || dataDir.isEmpty() || articles < 1) {
        std::fprintf(stderr, "bench_sync: --server and --data-dir are required\n");
        return 2;
    }

    // The writer seeds the library through the API, several requests in flight.
    api::ApiClient writer(server);
    const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch());
    auto grant = await<api::ApiResult<api::AuthGrant>>([&](auto done) {
        writer.registerAccount({u"writer-%1@bench.example"_s.arg(tag), QString::fromLatin1(kPassword), u"Writer"_s},
                               &app, done);
    });
    if (!grant || !*grant) {
        std::fprintf(stderr, "bench_sync: cannot register: %s\n",
                     grant ? qPrintable(grant->error().message()) : "timeout");
        return 1;
    }
    QElapsedTimer seeding;
    seeding.start();
    int sent = 0;
    int done = 0;
    int failed = 0;
    QList<QUuid> ids;
    const auto sendOne = [&](auto &&self) -> void {
        if (sent >= articles)
            return;
        const int n = sent++;
        const QUuid id = QUuid::createUuid();
        ids.append(id);
        writer.putArticle(id,
                          {u"Notes %1"_s.arg(n),
                           body(n),
                           {},
                           QStringList{u"bench"_s, u"t%1"_s.arg(n % 40)},
                           n % 5 == 0 ? std::optional(ArticleStatus::Draft) : std::optional(ArticleStatus::Published)},
                          std::nullopt, &app, [&, self](api::ApiResult<Article> result) {
                              ++done;
                              if (!result)
                                  ++failed;
                              self(self);
                          });
    };
    for (int i = 0; i < 16; ++i)
        sendOne(sendOne);
    if (!QTest::qWaitFor([&] { return done >= articles; }, 3600 * 1000)) {
        std::fprintf(stderr, "bench_sync: seeding did not finish\n");
        return 1;
    }
    if (failed > 0) {
        std::fprintf(stderr, "bench_sync: %d of %d creates failed\n", failed, articles);
        return 1;
    }
    const double seedSeconds = double(seeding.elapsed()) / 1000;

    // The reader: an admin would see the drafts too; a second writer sees the published ones. The writer's own
    // second computer sees all of them: sign in as the writer again.
    api::ApiClient reader(server);
    auto login = await<api::ApiResult<api::AuthGrant>>([&](auto done2) {
        reader.login({u"writer-%1@bench.example"_s.arg(tag), QString::fromLatin1(kPassword)}, &app, done2);
    });
    if (!login || !*login)
        return 1;
    const QString storePath = engine::Workspace::storePath(dataDir, server, (*login)->user.email);
    QFile::remove(storePath);
    if (parser.isSet(accountOption)) {
        QFile account(parser.value(accountOption));
        if (!account.open(QIODevice::WriteOnly))
            return 1;
        account.write(QJsonDocument(toJson((*login)->user, UserView::Self)).toJson());
    }
    auto store = engine::LocalStore::open(storePath);
    if (!store) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(store.error()));
        return 1;
    }
    engine::SyncEngine engine(&reader, store->get());
    QSignalSpy finished(&engine, &engine::SyncEngine::roundFinished);
    const qint64 rssBefore = residentKiB();
    QElapsedTimer first;
    first.start();
    engine.syncNow();
    if (!finished.wait(600000) || !finished.last().first().toBool()) {
        std::fprintf(stderr, "bench_sync: the first sync failed: %s\n", qPrintable(engine.statusText()));
        return 1;
    }
    const double firstSeconds = double(first.elapsed()) / 1000;
    const qint64 rssAfter = residentKiB();
    const int stored = int(await<QList<engine::LibraryEntry>>([&](auto done2) { (*store)->entries(&app, done2); })
                               .value_or(QList<engine::LibraryEntry>())
                               .size());

    // Incremental: the writer changes one article, the reader's next round brings it.
    QList<double> incremental;
    for (int round = 0; round < rounds; ++round) {
        const QUuid id = ids.at(round % ids.size());
        auto current = await<api::ApiResult<Article>>([&](auto done2) { writer.article(id, &app, done2); });
        if (!current || !*current)
            return 1;
        auto changed = await<api::ApiResult<Article>>([&](auto done2) {
            writer.putArticle(id, {(*current)->title, (*current)->content + u"\nOne more line.\n"_s, {}, {}, {}},
                              (*current)->revision, &app, done2);
        });
        if (!changed || !*changed)
            return 1;
        // Timed until the change is in the local store (a round that ran before the server's feed showed it
        // is followed by another, inside the measured time).
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            finished.clear();
            engine.syncNow();
            if (!finished.wait(60000))
                return 1;
            auto local =
                await<std::optional<engine::LocalArticle>>([&](auto done2) { (*store)->article(id, &app, done2); });
            if (local && *local && (*local)->server && (*local)->server->revision == (*changed)->revision)
                break;
        }
        incremental.append(double(timer.nsecsElapsed()) / 1e6);
    }

    std::printf("\ndesktop sync against inkwelld (%s)\n", qPrintable(server.toString()));
    std::printf("%-44s %12s %10s\n", "measure", "value", "target");
    std::printf("%-44s %12d %10s\n", "articles seeded through the API", articles, "-");
    std::printf("%-44s %10.1f s %10s\n", "  seeding took", seedSeconds, "-");
    std::printf("%-44s %12d %10s\n", "articles in the local store after sync", stored, "-");
    std::printf("%-44s %10.2f s %10s\n", "first sync (store + FTS5 index)", firstSeconds, "<= 10 s");
    std::printf("%-44s %8.0f /s %10s\n", "  articles per second", double(stored) / firstSeconds, "-");
    std::printf("%-44s %9.1f ms %10s\n", "incremental sync of one change, median", percentile(incremental, 0.5),
                "<= 100 ms");
    std::printf("%-44s %9.1f ms %10s\n", "incremental sync of one change, p90", percentile(incremental, 0.9), "-");
    std::printf("%-44s %9.1f MB %10s\n", "sync process RSS before the first sync", double(rssBefore) / 1024, "-");
    std::printf("%-44s %9.1f MB %10s\n", "sync process RSS after it", double(rssAfter) / 1024, "-");
    std::printf("%-44s %9.1f MB %10s\n", "local store file size",
                double(QFileInfo(storePath).size() + QFileInfo(storePath + u"-wal"_s).size()) / (1024 * 1024), "-");
    std::fflush(stdout);
    return stored >= articles ? 0 : 1;
}
