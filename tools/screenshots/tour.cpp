// Takes the README's screenshots of the desktop app: a real inkwelld (bundled PostgreSQL), a writer's library
// synced into a local store, the real windows. Run by tools/screenshots/take.sh under Xvfb; each shot is the
// X server's root window (ImageMagick's `import -window root`), i.e. what a user would see.
//
//   inkwell_tour --out docs/screenshots [--only NAME]
#include "editor/previewpane.h"
#include "admin/adminpanel.h"
#include "compare/conflictview.h"
#include "compare/revisionhistoryview.h"
#include "chat/chatinput.h"
#include "chat/chatpanel.h"
#include "awaitvalue.h"
#include "fakeupstream.h"
#include "inkwelldprocess.h"
#include "translations.h"
#include "mainwindow.h"
#include "theme/thememanager.h"
#include "window/articlepane.h"
#include "window/librarypanel.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QCommandLineParser>
#include <QDir>
#include <QListView>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace inkwell;

namespace {

constexpr auto kPassword = "a long and careful passphrase";

using test::await;

struct Sample {
    QString title;
    QStringList tags;
    QString content;
    std::optional<ArticleStatus> status;
};

QList<Sample> samples()
{
    return {
        {u"The lighthouse keeper's ledger"_s,
         {u"history"_s, u"sea"_s},
         u"# The lighthouse keeper's ledger\n\n"
         u"For forty-one years the keepers of **Hollow Point** wrote one line a night: the weather, the ships, "
         u"and whether the lamp *held*. The ledgers survive, water-stained and complete.\n\n"
         u"## What the lines say\n\n"
         u"Most entries are three words long. A few run to a page:\n\n"
         u"> 14 March 1887. Fog from the south. The *Amelia* passed at two bells, close enough to hear her crew "
         u"singing.\n\n"
         u"- **1871–1890**: oil lamps, hand-trimmed wicks\n"
         u"- **1891–1912**: the first mantle lamp\n"
         u"- [ ] transcribe the 1913 volume\n"
         u"- [x] photograph every page\n\n"
         u"| Decade | Entries | Storms |\n|---|---:|---:|\n| 1870s | 3,412 | 41 |\n| 1880s | 3,650 | 57 |\n\n"
         u"## Why it matters\n\n"
         u"Read in order, the ledger is a weather record of a coast that had no other. It is also a diary of "
         u"people who rarely wrote anything else down. See the archive at https://example.org/hollow-point.\n\n"
         u"```\nyear  storms  wrecks\n1881  7       1\n1882  4       0\n```\n"_s,
         ArticleStatus::Published},
        {u"Notes on slow mornings"_s,
         {u"essay"_s},
         u"# Notes on slow mornings\n\nCoffee first. Then the window, then the page. The trick is not to open "
         u"the laptop until the first paragraph exists on paper.\n"_s,
         std::nullopt},
        {u"A field guide to harbour gulls"_s,
         {u"nature"_s, u"sea"_s},
         u"Herring gulls, mostly. Some black-backs in winter.\n"_s,
         ArticleStatus::Published},
        {u"Interview: the last ferry captain"_s,
         {u"interview"_s},
         u"She ran the crossing for twenty-two years and never once missed the tide.\n"_s,
         std::nullopt},
        {u"Copper, canvas and salt"_s,
         {u"essay"_s, u"craft"_s},
         u"On the materials of boat-building, and what they remember.\n"_s,
         ArticleStatus::Archived},
        {u"Reading list for the long winter"_s,
         {u"books"_s},
         u"1. *The Outermost House*\n2. *The Log from the Sea of Cortez*\n3. *Moby-Dick*, again\n"_s,
         ArticleStatus::Published},
    };
}

} // namespace

class Tour : public QObject {
public:
    Tour(QString out, QString only)
        : m_out(std::move(out))
        , m_only(std::move(only))
    {
    }

    int run()
    {
        QDir().mkpath(m_out);
        // The AI answers come from the loopback fake upstream (the only fake: no real provider is reachable here).
        m_server.setEnvironment(u"INKWELL_AI_PROVIDER"_s, u"openai"_s);
        m_server.setEnvironment(u"INKWELL_AI_MODEL"_s, u"gpt-4o-mini"_s);
        m_server.setEnvironment(u"INKWELL_AI_BASE_URL"_s, m_upstream.baseUrl());
        m_server.setEnvironment(u"INKWELL_AI_REQUESTS_PER_MIN"_s, u"0"_s);
        if (!m_server.start()) {
            std::fprintf(stderr, "inkwell_tour: %s\n", qPrintable(m_server.error()));
            return 1;
        }
        m_client = std::make_unique<api::ApiClient>(m_server.url());
        auto grant = await<api::ApiResult<api::AuthGrant>>([&](auto done) {
            m_client->registerAccount({u"ada@example.org"_s, QString::fromLatin1(kPassword), u"Ada Lovelace"_s}, this,
                                      done);
        });
        if (!grant || !*grant)
            return fail(u"cannot register"_s);
        m_user = (*grant)->user;
        if (!seed())
            return fail(u"cannot seed articles"_s);

        auto workspace = engine::Workspace::open(m_client.get(), m_user, m_data.path());
        if (!workspace)
            return fail(workspace.error());
        m_workspace = std::move(*workspace);
        QSignalSpy synced(m_workspace->sync(), &engine::SyncEngine::roundFinished);
        m_workspace->sync()->syncNow();
        if (!synced.wait(60000))
            return fail(u"the first sync did not finish"_s);

        m_theme = std::make_unique<app::ThemeManager>();
        m_theme->setMode(app::ThemeManager::Mode::Light);
        m_window = std::make_unique<app::MainWindow>(m_workspace.get(), m_theme.get());
        m_window->resize(1400, 900);
        m_window->move(0, 0);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return fail(u"the window was not shown"_s);
        if (!QTest::qWaitFor([&] { return m_workspace->library()->rowCount() >= 6; }, 20000))
            return fail(u"the library did not fill"_s);

        // The main window with the first article open, light and dark.
        m_workspace->draft()->open(m_ids.first());
        QSignalSpy rendered(m_window->article()->preview(), &app::PreviewPane::rendered);
        rendered.wait(10000);
        settle();
        shoot(u"main-light"_s);
        m_theme->setMode(app::ThemeManager::Mode::Dark);
        settle();
        rendered.wait(3000);
        settle();
        shoot(u"main-dark"_s);
        m_theme->setMode(app::ThemeManager::Mode::Light);
        settle();

        if (!conflictAndHistory())
            return fail(u"the conflict and history shots failed"_s);
        if (!adminDashboard())
            return fail(u"the admin dashboard shot failed"_s);
        if (!chatStreaming())
            return fail(u"the chat shot failed"_s);
        if (!german())
            return fail(u"the German shot failed"_s);

        m_window.reset();
        m_workspace.reset();
        return m_failed ? 1 : 0;
    }

private:
    /// A real conflict: the same paragraph changed here and, meanwhile, on another computer; then the history.
    bool conflictAndHistory()
    {
        const QUuid id = m_ids.first();
        m_workspace->sync()->setAutomatic(false);
        api::ApiClient other(m_server.url());
        auto grant = await<api::ApiResult<api::AuthGrant>>([&](auto done) {
            other.login({u"ada@example.org"_s, QString::fromLatin1(kPassword)}, this, done);
        });
        auto current = await<api::ApiResult<Article>>([&](auto done) { other.article(id, this, done); });
        if (!grant || !*grant || !current || !*current)
            return false;
        const QString theirs = QString((*current)->content)
                                   .replace(u"For forty-one years the keepers"_s,
                                            u"For forty-one winters, without a gap, the keepers"_s);
        auto pushed = await<api::ApiResult<Article>>([&](auto done) {
            other.putArticle(id, {(*current)->title, theirs, {}, (*current)->tags, {}}, (*current)->revision, this,
                             done);
        });
        if (!pushed || !*pushed)
            return false;
        m_workspace->draft()->open(id);
        settle();
        const QString mine = QString(m_workspace->draft()->article().text.content).replace(
            u"For forty-one years the keepers"_s, u"For forty-one years, in every weather, the keepers"_s);
        m_workspace->store()->saveDraft(id, {m_workspace->draft()->article().text.title, {},
                                             m_workspace->draft()->article().text.tags, mine},
                                        m_user.id, m_user.fullName);
        m_workspace->store()->flush();
        QSignalSpy synced(m_workspace->sync(), &engine::SyncEngine::roundFinished);
        m_workspace->sync()->syncNow();
        synced.wait(30000);
        settle();
        auto article = await<std::optional<engine::LocalArticle>>(
            [&](auto done) { m_workspace->store()->article(id, this, done); });
        if (!article || !*article || !(*article)->conflict)
            return false;
        auto view = std::make_unique<app::ConflictView>(m_workspace->sync(), **article, m_client.get());
        view->setWindowTitle(u"Resolve the conflict"_s);
        view->resize(1400, 900);
        view->move(0, 0);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return false;
        settle();
        shoot(u"conflict"_s, view.get());
        view.reset();

        auto history = std::make_unique<app::RevisionHistoryView>(m_client.get(), m_workspace->store(), id,
                                                                 m_workspace->sync());
        history->resize(1400, 900);
        history->move(0, 0);
        history->show();
        if (!QTest::qWaitForWindowExposed(history.get()) ||
            !QTest::qWaitFor([&] { return history->selectRevision(1); }, 10000))
            return false;
        settle();
        shoot(u"revision-diff"_s, history.get());
        history.reset();
        m_workspace->sync()->setAutomatic(true);
        return true;
    }

    /// The admin dashboard over a month of use. The API stamps everything "now", so the month is made by moving
    /// the dates of what the tour created back in the server's own database (the bundled PostgreSQL): the charts
    /// then have the shape they have on a real server. Nothing else is invented.
    bool adminDashboard()
    {
        const QStringList names{u"Grace Hopper"_s, u"Alan Turing"_s, u"Mary Somerville"_s, u"Edsger Dijkstra"_s,
                                u"Katherine Johnson"_s, u"Claude Shannon"_s, u"Hedy Lamarr"_s, u"John Napier"_s};
        for (const QString &name : names) {
            api::ApiClient client(m_server.url());
            const QString email = name.toLower().replace(u' ', u'.') + u"@example.org"_s;
            auto grant = await<api::ApiResult<api::AuthGrant>>([&](auto done) {
                client.registerAccount({email, QString::fromLatin1(kPassword), name}, this, done);
            });
            if (!grant || !*grant)
                return false;
            for (int n = 0; n < 6; ++n) {
                auto created = await<api::ApiResult<Article>>([&](auto done) {
                    client.putArticle(QUuid::createUuid(),
                                      {u"%1's notes, part %2"_s.arg(name).arg(n + 1), u"Some notes.\n"_s, {}, {},
                                       ArticleStatus::Published},
                                      std::nullopt, this, done);
                });
                if (!created || !*created)
                    return false;
            }
            // A conversation of a few questions each; the answers' lengths (their token counts) vary.
            auto conversation = await<api::ApiResult<Conversation>>([&](auto done) {
                client.createConversation({u"Research"_s, {}, {}}, this, done);
            });
            if (!conversation || !*conversation)
                return false;
            for (int n = 0; n < 4; ++n) {
                QStringList pieces;
                const int words = 30 + int((name.size() * 37 + n * 53) % 170);
                for (int w = 0; w < words; ++w)
                    pieces.append(u"word "_s);
                m_upstream.enqueue(test::FakeUpstream::openaiText(pieces));
                auto sent = await<api::ApiResult<void>>([&](auto done) {
                    client.streamMessage((*conversation)->id, {u"Question %1"_s.arg(n + 1)}, this, done);
                });
                if (!sent || !*sent)
                    return false;
            }
        }
        const QString sql =
            u"UPDATE users SET created_at = now() - (random() * interval '29 days') WHERE email <> 'ada@example.org';"
            u"UPDATE articles SET published_at = now() - (random() * interval '29 days') WHERE published_at IS NOT NULL;"
            u"UPDATE messages SET created_at = now() - (random() * interval '29 days');"
            u"UPDATE ai_requests SET started_at = now() - (random() * interval '29 days');"_s;
        QProcess psql;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QFile password(m_server.dataDir() + u"/db-password"_s);
        if (!password.open(QIODevice::ReadOnly))
            return false;
        env.insert(u"PGPASSWORD"_s, QString::fromUtf8(password.readAll()).trimmed());
        psql.setProcessEnvironment(env);
        psql.start(u"psql"_s, {u"-q"_s, u"-h"_s, m_server.dataDir() + u"/postgres"_s, u"-U"_s, u"inkwell"_s, u"-d"_s,
                               u"inkwell"_s, u"-c"_s, sql});
        if (!psql.waitForFinished(30000) || psql.exitCode() != 0) {
            std::fprintf(stderr, "inkwell_tour: psql: %s\n", psql.readAllStandardError().constData());
            return false;
        }
        auto panel = std::make_unique<app::AdminPanel>(m_client.get(), m_user);
        panel->setWindowTitle(u"Inkwell — Administration"_s);
        panel->resize(1400, 900);
        panel->move(0, 0);
        panel->show();
        if (!QTest::qWaitForWindowExposed(panel.get()))
            return false;
        if (QTabWidget *tabs = panel->tabs())
            tabs->setCurrentIndex(1);
        settle();
        QTest::qWait(1500); // the statistics load and the charts animate in
        shoot(u"admin-dashboard"_s, panel.get());
        return true;
    }


    /// The chat docked beside the editor, an answer half-way through arriving: the upstream holds it open.
    bool chatStreaming()
    {
        auto *dock = m_window->findChild<QDockWidget *>(u"chatDock"_s);
        auto *panel = m_window->findChild<app::ChatPanel *>();
        if (!dock || !panel)
            return false;
        dock->show();
        dock->raise();
        m_window->resizeDocks({dock}, {720}, Qt::Horizontal);
        panel->newConversation();
        if (!QTest::qWaitFor([&] {
                return panel->currentSession() &&
                       panel->currentSession()->status() == engine::ChatSession::Status::Ready;
            }, 20000))
            return false;
        engine::ChatSession *session = panel->currentSession();
        const auto ask = [&](const QString &question) {
            panel->input()->setFocus();
            QTest::keyClicks(panel->input(), question);
            QTest::keyClick(panel->input(), Qt::Key_Return);
        };
        const QString first =
            u"Three ways in, each with a different pace:\n\n"
            u"1. **Start with the ledger itself.** Open on one entry, quoted whole, and let the reader feel the "
            u"weight of forty-one years behind it.\n"
            u"2. **Start with the storm.** The night the lamp nearly failed, told through the keeper's three words.\n"
            u"3. **Start with today.** The water-stained volumes in the archive, and why nobody had read them.\n\n"
            u"A pull-quote that works for any of them:\n\n"
            u"```markdown\n> Fog from the south. The *Amelia* passed at two bells.\n```\n"_s;
        QStringList pieces;
        for (const QString &word : first.split(u' '))
            pieces.append(word + u' ');
        m_upstream.enqueue(test::FakeUpstream::openaiText(pieces, 2));
        ask(u"How could I open the lighthouse piece? Give me three options."_s);
        if (!QTest::qWaitFor([&] { return session->messages()->rowCount() >= 2 && !session->isStreaming(); }, 30000))
            return false;
        const QString second =
            u"Option 2 works best if you trust the reader. Begin in the dark:\n\n"
            u"> *The lamp held.* Three words, written at dawn on 9 November 1893, after the worst night in the "
            u"ledger's forty-one years.\n\n"
            u"Then pull back: who wrote them, what the storm took from the coast that week, and why the keeper "
            u"wrote nothing else. Keep the"_s;
        QStringList secondPieces;
        for (const QString &word : second.split(u' '))
            secondPieces.append(word + u' ');
        test::FakeUpstream::Reply held = test::FakeUpstream::openaiText(secondPieces);
        held.chunks.resize(held.chunks.size() - 3); // finish, usage, [DONE]: the answer is still coming
        held.end = test::FakeUpstream::Reply::End::Hold;
        m_upstream.enqueue(held);
        ask(u"Expand option 2 into an opening paragraph."_s);
        if (!QTest::qWaitFor([&] {
                return session->messages()->rowCount() >= 4 &&
                       session->messages()->message(3).content.contains(u"Keep"_s);
            }, 30000))
            return false;
        settle();
        shoot(u"chat-streaming"_s);
        m_upstream.release();
        if (!QTest::qWaitFor([&] { return !session->isStreaming(); }, 30000))
            return false;
        dock->hide();
        return true;
    }

    /// The main window in German: the translation installed as at start-up on a German system, a new window.
    bool german()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        if (!app::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)))
            return false;
        m_window = std::make_unique<app::MainWindow>(m_workspace.get(), m_theme.get());
        m_window->resize(1400, 900);
        m_window->move(0, 0);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        m_workspace->draft()->open(m_ids.first());
        QSignalSpy rendered(m_window->article()->preview(), &app::PreviewPane::rendered);
        rendered.wait(5000);
        // The article is English: a German writer picks its spelling language once (it is kept per article).
        if (auto *language = m_window->findChild<QComboBox *>(u"articleLanguage"_s)) {
            const int english = language->findData(u"en_US"_s);
            if (english >= 0) {
                language->setCurrentIndex(english);
                Q_EMIT language->activated(english);
            }
        }
        // The sync status is the engine's text of its last round: a round in German.
        QSignalSpy synced(m_workspace->sync(), &engine::SyncEngine::roundFinished);
        m_workspace->sync()->syncNow();
        synced.wait(20000);
        settle();
        shoot(u"main-german"_s);
        return true;
    }

    bool seed()
    {
        for (const Sample &sample : samples()) {
            const QUuid id = QUuid::createUuid();
            auto created = await<api::ApiResult<Article>>([&](auto done) {
                m_client->putArticle(id, {sample.title, sample.content, {}, sample.tags, sample.status}, std::nullopt,
                                     this, done);
            });
            if (!created || !*created)
                return false;
            if (sample.status == ArticleStatus::Archived) {
                auto archived = await<api::ApiResult<Article>>([&](auto done) {
                    m_client->setArticleStatus(id, ArticleStatus::Archived, (*created)->revision, this, done);
                });
                if (!archived || !*archived)
                    return false;
            }
            m_ids.append(id);
        }
        return true;
    }

    void settle()
    {
        for (int i = 0; i < 20; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(50);
        }
    }

    void shoot(const QString &name, QWidget *widget = nullptr)
    {
        if (!widget)
            widget = m_window.get();
        if (!m_only.isEmpty() && m_only != name)
            return;
        const QString file = QDir(m_out).filePath(name + u".png"_s);
        // What the X server shows; without an X display (offscreen), the window's own rendering.
        if (!qEnvironmentVariableIsEmpty("DISPLAY") && QGuiApplication::platformName() == u"xcb"_s) {
            const int rc = QProcess::execute(u"import"_s, {u"-window"_s, u"root"_s, file});
            if (rc != 0) {
                std::fprintf(stderr, "inkwell_tour: import failed for %s\n", qPrintable(file));
                m_failed = true;
            }
        } else {
            widget->grab().save(file);
        }
        std::printf("%s\n", qPrintable(file));
        std::fflush(stdout);
    }

    int fail(const QString &why)
    {
        std::fprintf(stderr, "inkwell_tour: %s\n", qPrintable(why));
        return 1;
    }

    QString m_out;
    QString m_only;
    QTemporaryDir m_data;
    test::FakeUpstream m_upstream;
    test::InkwelldProcess m_server;
    std::unique_ptr<api::ApiClient> m_client;
    User m_user;
    QList<QUuid> m_ids;
    std::unique_ptr<engine::Workspace> m_workspace;
    std::unique_ptr<app::ThemeManager> m_theme;
    std::unique_ptr<app::MainWindow> m_window;
    bool m_failed = false;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Inkwell Tour"_s);
    QApplication::setOrganizationName(u"Inkwell"_s);
    QStandardPaths::setTestModeEnabled(true); // settings and dictionaries of the tour stay out of the user's
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(u"out"_s, u"folder for the PNG files"_s, u"dir"_s, u"docs/screenshots"_s);
    const QCommandLineOption onlyOption(u"only"_s, u"take only this shot"_s, u"name"_s);
    parser.addOptions({outOption, onlyOption});
    parser.process(app);
    inkwell::app::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates)); // as main.cpp does
    Tour tour(parser.value(outOption), parser.value(onlyOption));
    return tour.run();
}
