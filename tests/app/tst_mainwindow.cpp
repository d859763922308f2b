// The desktop shell in a real (offscreen) window against a real in-process server.
#include "mainwindow.h"
#include "testpostgres.h"
#include "testserver.h"
#include "translations.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using inkwell::app::HealthMonitor;
using inkwell::app::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsTheThreePanes();
    void previewFollowsTheEditor();
    void statusBarShowsServerHealth();
    void germanTranslationLoads();

private:
    std::unique_ptr<inkwell::test::TestPostgres> m_postgres;
    std::unique_ptr<inkwell::test::TestServer> m_server;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(inkwell::app::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    m_postgres = std::make_unique<inkwell::test::TestPostgres>();
    QVERIFY2(m_postgres->error().isEmpty(), qPrintable(m_postgres->error()));
    m_server = std::make_unique<inkwell::test::TestServer>(m_postgres->params());
    QVERIFY2(m_server->error().isEmpty(), qPrintable(m_server->error()));
}

void TestMainWindow::cleanupTestCase()
{
    m_server.reset();
    m_postgres.reset();
}

void TestMainWindow::showsTheThreePanes()
{
    MainWindow window(m_server->url());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *library = window.findChild<QTreeWidget *>(u"librarySidebar"_s);
    auto *editor = window.findChild<QPlainTextEdit *>(u"editor"_s);
    auto *preview = window.findChild<QTextBrowser *>(u"preview"_s);
    QVERIFY(library && editor && preview);
    QVERIFY(library->isVisible() && editor->isVisible() && preview->isVisible());
    QCOMPARE(library->topLevelItemCount(), 3);
    QCOMPARE(library->topLevelItem(0)->text(0), u"Drafts"_s);
    QCOMPARE(window.windowTitle(), u"Inkwell"_s);
}

void TestMainWindow::previewFollowsTheEditor()
{
    MainWindow window(m_server->url());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *editor = window.findChild<QPlainTextEdit *>(u"editor"_s);
    auto *preview = window.findChild<QTextBrowser *>(u"preview"_s);
    auto *words = window.findChild<QLabel *>(u"wordCount"_s);
    QVERIFY(editor && preview && words);
    QCOMPARE(words->text(), u"0 words · 1 min read"_s);

    editor->setFocus();
    QTest::keyClicks(editor, u"# Hello"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"Some *emphasis* and <script>alert(1)</script> here"_s);

    QTRY_VERIFY(window.previewHtml().contains(u"<em>emphasis</em>"_s));
    QVERIFY(window.previewHtml().startsWith(u"<h1>Hello</h1>"_s));
    QVERIFY(!window.previewHtml().contains(u"<script"_s)); // safe mode: raw HTML is dropped
    QVERIFY(preview->toPlainText().contains(u"Some emphasis and"_s));
    QCOMPARE(words->text(), u"6 words · 1 min read"_s);
}

void TestMainWindow::statusBarShowsServerHealth()
{
    MainWindow window(m_server->url());
    window.show();
    auto *status = window.findChild<QLabel *>(u"serverStatus"_s);
    QVERIFY(status);
    QTRY_COMPARE_WITH_TIMEOUT(window.healthMonitor()->state(), HealthMonitor::State::Healthy, 10000);
    QCOMPARE(status->text(), u"Server %1 is healthy (version %2)"_s.arg(m_server->url().authority(),
                                                                           QStringLiteral(INKWELL_VERSION)));

    // The database goes away: the status bar says so.
    QVERIFY(m_postgres->stop());
    window.healthMonitor()->checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(window.healthMonitor()->state(), HealthMonitor::State::DatabaseDown, 10000);
    QVERIFY(status->text().contains(u"its database does not"_s));
    QVERIFY(m_postgres->start());
    window.healthMonitor()->checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(window.healthMonitor()->state(), HealthMonitor::State::Healthy, 10000);

    // The whole server goes away: offline.
    const QUrl url = m_server->url();
    m_server->stop();
    window.healthMonitor()->checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(window.healthMonitor()->state(), HealthMonitor::State::Unreachable, 10000);
    QCOMPARE(status->text(), u"Server %1 is unreachable; working offline"_s.arg(url.authority()));
    m_server = std::make_unique<inkwell::test::TestServer>(m_postgres->params());
}

void TestMainWindow::germanTranslationLoads()
{
    QVERIFY(inkwell::app::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    {
        MainWindow window(m_server->url());
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QCOMPARE(menus.first()->text(), u"&Datei"_s);
        QCOMPARE(window.windowTitle(), u"Inkwell"_s);
        auto *library = window.findChild<QTreeWidget *>(u"librarySidebar"_s);
        QCOMPARE(library->topLevelItem(0)->text(0), u"Entwürfe"_s);
    }
    // A language we do not ship falls back to English, plural forms included.
    QVERIFY(!inkwell::app::installTranslations(*qApp, QLocale(QLocale::Japanese)));
    MainWindow english(m_server->url());
    QCOMPARE(english.menuBar()->actions().first()->text(), u"&File"_s);
    QCOMPARE(english.findChild<QLabel *>(u"wordCount"_s)->text(), u"0 words · 1 min read"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
