// The conflict view and the revision history, in real (offscreen) windows against the real inkwelld: two
// "computers" of one writer, each with its own local store and sync engine, make real conflicts and revisions.
// Widgets are found by object name and driven with the keyboard and the mouse, as a writer would.
#include "api/apiclient.h"
#include "compare/conflictview.h"
#include "compare/revisionhistoryview.h"
#include "compare/textpane.h"
#include "awaitvalue.h"
#include "inkwelldprocess.h"
#include "syncmachine.h"
#include "localstore.h"
#include "syncengine.h"
#include "translations.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace inkwell;
using inkwell::app::ConflictView;
using inkwell::app::RevisionHistoryView;
using inkwell::app::TextPane;
using inkwell::engine::LocalArticle;
using inkwell::engine::LocalStore;
using inkwell::engine::SyncEngine;
using inkwell::engine::SyncState;
using inkwell::sync::ArticleText;
using Kind = inkwell::app::TextPane::LineKind;

namespace {

constexpr auto kPassword = "correct horse battery staple";

/// One computer of a writer: its own session, local store and sync engine.
using Machine = test::SyncMachine;

using test::await;

QString paragraphs(const QStringList &list)
{
    return list.join(u"\n\n"_s) + u'\n';
}

template <typename T> T *child(QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qWarning() << "no child" << name;
    return found;
}

/// The lines of @p pane whose kind is @p kind, in order.
QStringList linesOfKind(const TextPane *pane, Kind kind)
{
    QStringList lines;
    for (int i = 0; i < pane->blockCount(); ++i) {
        if (pane->lineKind(i) == kind)
            lines.append(pane->lineText(i));
    }
    return lines;
}

/// The visible message box named @p name among the application's widgets.
QMessageBox *messageBox(const QString &name)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->objectName() == name && box->isVisible())
            return box;
    }
    return nullptr;
}

/// Widgets of @p root that a test or a screen reader cannot tell apart: no object name or no accessible name. Qt's
/// own parts of a composite widget (scroll bars, viewports, splitter handles, a header) are not ours to name.
QStringList unnamedWidgets(QWidget &root)
{
    QStringList problems;
    for (QWidget *widget : root.findChildren<QWidget *>()) {
        if (widget->objectName().startsWith(u"qt_"_s) || qobject_cast<QScrollBar *>(widget) ||
            qobject_cast<QHeaderView *>(widget) || qobject_cast<QSplitterHandle *>(widget) ||
            qobject_cast<QAbstractScrollArea *>(widget->parentWidget()))
            continue;
        if (widget->objectName().isEmpty() || widget->accessibleName().isEmpty())
            problems.append(
                u"%1 \"%2\""_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName()));
    }
    return problems;
}

/// Where the screenshots go when INKWELL_SCREENSHOT_DIR is set (see docs/screenshots).
void screenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("INKWELL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(200); // let the last layout and paint settle
    QVERIFY(widget.grab().save(dir + u'/' + name));
}

} // namespace

class TestCompareViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void conflictViewShowsBothVersionsAndTheProposal();
    void saveMergedWaitsUntilTheMarkersAreGone();
    void takeSidesPerConflict_data();
    void takeSidesPerConflict();
    void laterChangesNothing();
    void keepMineAndTakeTheirsSettleWithAWholeVersion();
    void savingAConflictSettledElsewhereSaysWhy();
    void conflictingTitleIsAChoice();
    void scrollingOnePaneScrollsTheOthers();

    void historyListsTheRevisionsNewestFirst();
    void historyComparesRevisionOneWithTheCurrentText();
    void restoreMakesRevisionOneTheDraftAndANewRevision();
    void aLongHistoryComesInPages();
    void historyTheServerRefusesSaysWhy();
    void historyOfflineSaysSoAndKeepsWorking();

private:
    std::unique_ptr<Machine> machine(const QString &email, bool registerAccount = false);
    bool sync(Machine &m, int timeoutMs = 60000);
    bool save(Machine &m, const QUuid &id, const ArticleText &text);
    std::optional<LocalArticle> local(Machine &m, const QUuid &id);
    std::optional<Article> onServer(Machine &m, const QUuid &id);
    /// A conflict on @p b: both computers start from @p base, @p a's edit reaches the server first.
    QUuid conflict(Machine &a, Machine &b, const ArticleText &base, const ArticleText &theirs, const ArticleText &mine);
    /// A view of @p b's conflict on @p id, shown as a window of its own.
    std::unique_ptr<ConflictView> conflictView(Machine &b, const QUuid &id);
    /// An article with three revisions made through the API, synced into @p m's store.
    QUuid threeRevisions(Machine &m);
    std::unique_ptr<RevisionHistoryView> history(Machine &m, const QUuid &id);

    std::unique_ptr<test::InkwelldProcess> m_server;
    QTemporaryDir m_dir;
    int m_stores = 0;
};

// ---- fixtures --------------------------------------------------------------------------------------------------

void TestCompareViews::initTestCase()
{
    // The English translation carries the plural forms: "1 conflict left", "2 conflicts left".
    QVERIFY(app::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    m_server = std::make_unique<test::InkwelldProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestCompareViews::cleanupTestCase()
{
    m_server.reset();
}

void TestCompareViews::cleanup()
{
    // A message box a failed test left open must not answer the next test's question.
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<QMessageBox *>(widget))
            widget->deleteLater();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

std::unique_ptr<Machine> TestCompareViews::machine(const QString &email, bool registerAccount)
{
    return Machine::open(m_server->url(), email, QString::fromLatin1(kPassword), registerAccount,
                         m_dir.filePath(u"store-%1/library.sqlite"_s.arg(++m_stores)), this);
}

bool TestCompareViews::sync(Machine &m, int timeoutMs)
{
    return m.sync(timeoutMs);
}

bool TestCompareViews::save(Machine &m, const QUuid &id, const ArticleText &text)
{
    return m.save(id, text, this);
}

std::optional<LocalArticle> TestCompareViews::local(Machine &m, const QUuid &id)
{
    return m.local(id, this);
}

std::optional<Article> TestCompareViews::onServer(Machine &m, const QUuid &id)
{
    auto article = await<api::ApiResult<Article>>([&](auto done) { m.client->article(id, this, done); });
    if (!article || !*article)
        return std::nullopt;
    return **article;
}

QUuid TestCompareViews::conflict(Machine &a, Machine &b, const ArticleText &base, const ArticleText &theirs,
                                 const ArticleText &mine)
{
    const QUuid id = QUuid::createUuid();
    if (!save(a, id, base) || !sync(a) || !sync(b))
        return {};
    if (!save(a, id, theirs) || !save(b, id, mine) || !sync(a) || !sync(b))
        return {};
    const std::optional<LocalArticle> kept = local(b, id);
    if (!kept || kept->entry.syncState != SyncState::Conflict) {
        qWarning() << "no conflict was made";
        return {};
    }
    return id;
}

std::unique_ptr<ConflictView> TestCompareViews::conflictView(Machine &b, const QUuid &id)
{
    const std::optional<LocalArticle> article = local(b, id);
    if (!article || !article->conflict)
        return nullptr;
    auto view = std::make_unique<ConflictView>(b.engine.get(), *article, b.client.get());
    view->resize(1300, 800);
    view->show();
    view->activateWindow();
    if (!QTest::qWaitForWindowActive(view.get()))
        return nullptr;
    return view;
}

namespace {
// Paragraphs 3 to 7 never change: the diff shows two hunks with the unchanged lines between them folded.
const QStringList kMiddle{u"The path by the reeds was flooded again."_s, u"Two swans on the far bank, as every year."_s,
                          u"A kingfisher, too quick for the camera."_s,
                          u"The bench by the lock has been repainted green."_s,
                          u"Coffee at the boathouse; they open at nine now."_s};
const ArticleText kRevision1{
    u"Field notes"_s,
    {},
    {u"nature"_s},
    paragraphs(QStringList{u"Morning walk."_s, u"Saw a heron."_s} + kMiddle + QStringList{u"Rain later."_s})};
const ArticleText kRevision2{
    u"Field notes"_s,
    {},
    {u"nature"_s},
    paragraphs(QStringList{u"Morning walk."_s, u"Saw two herons."_s} + kMiddle + QStringList{u"Rain later."_s})};
const ArticleText kRevision3{u"Field notes, March"_s,
                             {},
                             {u"nature"_s, u"birds"_s},
                             paragraphs(QStringList{u"Morning walk by the river."_s, u"Saw two herons."_s} + kMiddle +
                                        QStringList{u"Rain later."_s, u"Home by noon."_s})};

ArticleInput inputOf(const ArticleText &text)
{
    return ArticleInput{text.title, text.content, std::nullopt, text.tags, std::nullopt};
}
} // namespace

QUuid TestCompareViews::threeRevisions(Machine &m)
{
    const QUuid id = QUuid::createUuid();
    std::optional<int> revision;
    for (const ArticleText &text : {kRevision1, kRevision2, kRevision3}) {
        auto put = await<api::ApiResult<Article>>(
            [&](auto done) { m.client->putArticle(id, inputOf(text), revision, this, done); });
        if (!put || !*put) {
            qWarning() << "put failed" << (put ? put->error().message() : u"timeout"_s);
            return {};
        }
        revision = (*put)->revision;
    }
    if (revision != 3 || !sync(m))
        return {};
    return id;
}

std::unique_ptr<RevisionHistoryView> TestCompareViews::history(Machine &m, const QUuid &id)
{
    auto view = std::make_unique<RevisionHistoryView>(m.client.get(), m.store.get(), id, m.engine.get());
    view->resize(1300, 680);
    view->open();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

// ---- the conflict view ------------------------------------------------------------------------------------------

void TestCompareViews::conflictViewShowsBothVersionsAndTheProposal()
{
    auto a = machine(u"shows@example.com"_s, true);
    auto b = machine(u"shows@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = conflict(*a, *b, {u"Contested"_s, {}, {}, paragraphs({u"Intro."_s, u"The cat sat."_s})},
                              {u"Contested"_s, {}, {}, paragraphs({u"Intro."_s, u"The cat sat on the mat."_s})},
                              {u"Contested"_s, {}, {}, paragraphs({u"Intro."_s, u"The dog sat."_s})});
    QVERIFY(!id.isNull());
    auto view = conflictView(*b, id);
    QVERIFY(view);

    auto *mine = child<TextPane>(*view, u"minePane"_s);
    auto *theirs = child<TextPane>(*view, u"theirsPane"_s);
    auto *merged = child<TextPane>(*view, u"mergedPane"_s);
    QVERIFY(mine && theirs && merged);
    QCOMPARE(mine->toPlainText(), u"Intro.\n\nThe dog sat.\n"_s);
    QCOMPARE(theirs->toPlainText(), u"Intro.\n\nThe cat sat on the mat.\n"_s);
    QCOMPARE(merged->toPlainText(),
             u"Intro.\n\n<<<<<<< mine\nThe dog sat.\n=======\nThe cat sat on the mat.\n>>>>>>> theirs\n"_s);
    QVERIFY(mine->isReadOnly() && theirs->isReadOnly() && !merged->isReadOnly());
    // User text is plain text in a fixed-width font.
    QVERIFY(QFontInfo(merged->font()).fixedPitch());

    // Each side's change from the base is marked; the merged text marks the conflict's parts.
    QCOMPARE(linesOfKind(mine, Kind::Mine), QStringList{u"The dog sat."_s});
    QCOMPARE(linesOfKind(theirs, Kind::Theirs), QStringList{u"The cat sat on the mat."_s});
    QCOMPARE(linesOfKind(merged, Kind::Marker), (QStringList{u"<<<<<<< mine"_s, u"======="_s, u">>>>>>> theirs"_s}));
    QCOMPARE(linesOfKind(merged, Kind::Mine), QStringList{u"The dog sat."_s});
    QCOMPARE(linesOfKind(merged, Kind::Theirs), QStringList{u"The cat sat on the mat."_s});
    QCOMPARE(merged->lineKind(0), Kind::Plain);

    QCOMPARE(child<QLabel>(*view, u"mineHeader"_s)->text(), u"Yours"_s);
    QCOMPARE(child<QLabel>(*view, u"theirsHeader"_s)->text(), u"On the server"_s);
    QCOMPARE(child<QLabel>(*view, u"mergedHeader"_s)->text(), u"Merged — edit freely"_s);
    // Who saved the server's revision comes from the server's revision list.
    QTRY_VERIFY(child<QLabel>(*view, u"theirsDetail"_s)->text().startsWith(u"(revision 2, by Writer shows, "_s));

    QCOMPARE(child<QLabel>(*view, u"conflictCount"_s)->text(), u"1 conflict left"_s);
    auto *save = child<QPushButton>(*view, u"saveMerged"_s);
    QVERIFY(!save->isEnabled());
    QVERIFY(child<QLabel>(*view, u"saveReason"_s)->text().contains(u"conflicts first"_s));
    // It opens at the conflict, ready for the keyboard.
    QTRY_COMPARE(merged->textCursor().blockNumber(), 2);
    QCOMPARE(child<QLabel>(*view, u"currentConflict"_s)->text(), u"Conflict 1 of 1"_s);
    const QStringList unnamed = unnamedWidgets(*view);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

void TestCompareViews::saveMergedWaitsUntilTheMarkersAreGone()
{
    auto a = machine(u"typed@example.com"_s, true);
    auto b = machine(u"typed@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = conflict(*a, *b, {u"Typed"_s, {}, {}, paragraphs({u"Intro."_s, u"The cat sat."_s})},
                              {u"Typed"_s, {}, {}, paragraphs({u"Intro."_s, u"The cat sat on the mat."_s})},
                              {u"Typed"_s, {}, {}, paragraphs({u"Intro."_s, u"The dog sat."_s})});
    QVERIFY(!id.isNull());
    auto view = conflictView(*b, id);
    QVERIFY(view);
    QSignalSpy finished(view.get(), &ConflictView::finished);
    auto *merged = child<TextPane>(*view, u"mergedPane"_s);
    auto *save = child<QPushButton>(*view, u"saveMerged"_s);
    auto *count = child<QLabel>(*view, u"conflictCount"_s);
    auto *reason = child<QLabel>(*view, u"saveReason"_s);
    QTRY_VERIFY(merged->hasFocus());

    // F7 goes to the conflict; the writer deletes the marker lines and the server's line by hand.
    QTest::keyClick(merged, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(merged, Qt::Key_F7);
    QCOMPARE(merged->textCursor().blockNumber(), 2);
    QTest::keyClick(merged, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(merged, Qt::Key_Delete);
    // Half a conflict is still a conflict marker left behind.
    QCOMPARE(count->text(), u"A conflict marker is left"_s);
    QVERIFY(!save->isEnabled());
    QCOMPARE(reason->text(), u"Remove the conflict marker on line 4 first."_s);
    QTest::keyClick(merged, Qt::Key_Down);
    QTest::keyClick(merged, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(merged, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(merged, Qt::Key_Delete);
    QVERIFY(!save->isEnabled());
    QTest::keyClick(merged, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(merged, Qt::Key_Delete);
    QCOMPARE(merged->toPlainText(), u"Intro.\n\nThe dog sat.\n"_s);
    QCOMPARE(count->text(), u"No conflicts left"_s);
    QVERIFY(save->isEnabled());
    QVERIFY(reason->text().isEmpty());
    // And words of both, typed.
    QTest::keyClick(merged, Qt::Key_Up);
    QTest::keyClick(merged, Qt::Key_End);
    QTest::keyClick(merged, Qt::Key_Left);
    QTest::keyClicks(merged, u" on the mat"_s);
    QCOMPARE(merged->toPlainText(), u"Intro.\n\nThe dog sat on the mat.\n"_s);
    // The colours follow the edit: no marker lines are left.
    QTRY_VERIFY(linesOfKind(merged, Kind::Marker).isEmpty());

    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!view->isVisible()); // a window of its own closes when done
    const std::optional<LocalArticle> settled = local(*b, id);
    QVERIFY(settled);
    QVERIFY(settled->entry.syncState != SyncState::Conflict); // the engine may be pushing it already
    QVERIFY(!settled->conflict);
    QCOMPARE(settled->text.content, u"Intro.\n\nThe dog sat on the mat.\n"_s);
    QVERIFY(sync(*b));
    const std::optional<Article> server = onServer(*b, id);
    QVERIFY(server);
    QCOMPARE(server->content, u"Intro.\n\nThe dog sat on the mat.\n"_s);
    QCOMPARE(server->revision, 3);
}

void TestCompareViews::takeSidesPerConflict_data()
{
    QTest::addColumn<int>("first");  // 0 mine, 1 theirs, 2 both — by the keyboard (F7, Alt+n)
    QTest::addColumn<int>("second"); // the same, by the buttons beside the conflict
    QTest::addColumn<QString>("expected");
    const QString middle = u"\n\nTwo.\n\nThree.\n\nFour.\n\n"_s;
    QTest::newRow("mine, theirs") << 0 << 1 << (u"One, mine."_s + middle + u"Five, theirs.\n"_s);
    QTest::newRow("theirs, both") << 1 << 2 << (u"One, theirs."_s + middle + u"Five, mine.\nFive, theirs.\n"_s);
    QTest::newRow("both, mine") << 2 << 0 << (u"One, mine.\nOne, theirs."_s + middle + u"Five, mine.\n"_s);
}

void TestCompareViews::takeSidesPerConflict()
{
    QFETCH(int, first);
    QFETCH(int, second);
    QFETCH(QString, expected);
    const QString email = u"sides-%1-%2@example.com"_s.arg(first).arg(second);
    auto a = machine(email, true);
    auto b = machine(email);
    QVERIFY(a && b);
    const auto text = [](const QString &one, const QString &five) {
        return ArticleText{u"Sides"_s, {}, {}, paragraphs({one, u"Two."_s, u"Three."_s, u"Four."_s, five})};
    };
    const QUuid id = conflict(*a, *b, text(u"One."_s, u"Five."_s), text(u"One, theirs."_s, u"Five, theirs."_s),
                              text(u"One, mine."_s, u"Five, mine."_s));
    QVERIFY(!id.isNull());
    auto view = conflictView(*b, id);
    QVERIFY(view);
    auto *merged = child<TextPane>(*view, u"mergedPane"_s);
    const QString proposal = u"<<<<<<< mine\nOne, mine.\n=======\nOne, theirs.\n>>>>>>> theirs\n\nTwo.\n\nThree.\n\n"
                             u"Four.\n\n<<<<<<< mine\nFive, mine.\n=======\nFive, theirs.\n>>>>>>> theirs\n"_s;
    QCOMPARE(merged->toPlainText(), proposal);
    QCOMPARE(child<QLabel>(*view, u"conflictCount"_s)->text(), u"2 conflicts left"_s);
    QTRY_VERIFY(merged->hasFocus());

    // The first conflict by the keyboard: Shift+F7 from the end wraps to the last, F7 to the first.
    QTest::keyClick(merged, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(merged, Qt::Key_F7);
    QCOMPARE(merged->textCursor().blockNumber(), 0);
    QCOMPARE(child<QLabel>(*view, u"currentConflict"_s)->text(), u"Conflict 1 of 2"_s);
    QTest::keyClick(merged, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(merged->textCursor().blockNumber(), 12);
    QTest::keyClick(merged, Qt::Key_F7);
    QCOMPARE(merged->textCursor().blockNumber(), 0);
    const Qt::Key keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3};
    QTest::keyClick(merged, keys[first], Qt::AltModifier);
    QCOMPARE(child<QLabel>(*view, u"conflictCount"_s)->text(), u"1 conflict left"_s);

    // The second by the buttons beside it (now the only one).
    const QString names[] = {u"regionTakeMine"_s, u"regionTakeTheirs"_s, u"regionTakeBoth"_s};
    QFrame *actions = nullptr;
    QTRY_VERIFY(([&] {
        for (QFrame *frame : view->findChildren<QFrame *>(u"regionActions"_s)) {
            if (frame->isVisible() && frame->property("region").toInt() == 0)
                actions = frame;
        }
        return actions != nullptr;
    }()));
    auto *button = actions->findChild<QToolButton *>(names[second]);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(merged->toPlainText(), expected);
    QCOMPARE(child<QLabel>(*view, u"conflictCount"_s)->text(), u"No conflicts left"_s);
    QVERIFY(child<QPushButton>(*view, u"saveMerged"_s)->isEnabled());
    QTRY_VERIFY(std::ranges::none_of(view->findChildren<QFrame *>(u"regionActions"_s),
                                     [](QFrame *frame) { return frame->isVisible(); }));

    // Each take is one step back with Ctrl+Z.
    QTest::keyClick(merged, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(child<QLabel>(*view, u"conflictCount"_s)->text(), u"1 conflict left"_s);
    QTest::keyClick(merged, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(merged->toPlainText(), proposal);
}

void TestCompareViews::laterChangesNothing()
{
    auto a = machine(u"later@example.com"_s, true);
    auto b = machine(u"later@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = conflict(*a, *b, {u"Later"_s, {}, {}, paragraphs({u"A."_s})},
                              {u"Later"_s, {}, {}, paragraphs({u"A, theirs."_s})},
                              {u"Later"_s, {}, {}, paragraphs({u"A, mine."_s})});
    QVERIFY(!id.isNull());
    const std::optional<LocalArticle> before = local(*b, id);
    auto view = conflictView(*b, id);
    QVERIFY(view);
    QSignalSpy finished(view.get(), &ConflictView::finished);
    QSignalSpy resolved(view.get(), &ConflictView::resolved);
    // Edits in the merged text are dropped with it.
    auto *merged = child<TextPane>(*view, u"mergedPane"_s);
    QTRY_VERIFY(merged->hasFocus());
    QTest::keyClicks(merged, u"scribble"_s);
    QTest::mouseClick(child<QPushButton>(*view, u"later"_s), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(resolved.count(), 0);
    QVERIFY(!view->isVisible());

    const std::optional<LocalArticle> after = local(*b, id);
    QVERIFY(after && before);
    QCOMPARE(after->entry.syncState, SyncState::Conflict);
    QVERIFY(after->conflict == before->conflict);
    QCOMPARE(after->text, before->text);
    QCOMPARE(after->editSeq, before->editSeq);
    QVERIFY(sync(*b));
    QCOMPARE(onServer(*b, id)->content, paragraphs({u"A, theirs."_s}));
    QCOMPARE(onServer(*b, id)->revision, 2);

    // Esc is "Later" too, and closing the window is as well.
    auto again = conflictView(*b, id);
    QVERIFY(again);
    QSignalSpy finishedAgain(again.get(), &ConflictView::finished);
    QTest::keyClick(child<TextPane>(*again, u"mergedPane"_s), Qt::Key_Escape);
    QCOMPARE(finishedAgain.count(), 1);
    QCOMPARE(local(*b, id)->entry.syncState, SyncState::Conflict);
}

void TestCompareViews::keepMineAndTakeTheirsSettleWithAWholeVersion()
{
    auto a = machine(u"whole@example.com"_s, true);
    auto b = machine(u"whole@example.com"_s);
    QVERIFY(a && b);
    const ArticleText base{u"Whole"_s, {}, {}, paragraphs({u"A."_s, u"B."_s})};
    const ArticleText theirs{u"Whole"_s, {}, {}, paragraphs({u"A, theirs."_s, u"B."_s})};
    const ArticleText mine{u"Whole"_s, {}, {}, paragraphs({u"A, mine."_s, u"B."_s})};

    // Keep mine: my version goes to the server.
    const QUuid kept = conflict(*a, *b, base, theirs, mine);
    QVERIFY(!kept.isNull());
    auto view = conflictView(*b, kept);
    QVERIFY(view);
    QSignalSpy finished(view.get(), &ConflictView::finished);
    QTest::mouseClick(child<QPushButton>(*view, u"keepMine"_s), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(local(*b, kept)->entry.syncState != SyncState::Conflict); // the engine may be pushing it already
    QVERIFY(sync(*b));
    QCOMPARE(onServer(*b, kept)->content, mine.content);

    // Take theirs asks first; "Cancel" changes nothing.
    const QUuid taken = conflict(*a, *b, base, theirs, mine);
    QVERIFY(!taken.isNull());
    view = conflictView(*b, taken);
    QVERIFY(view);
    QSignalSpy finishedTaken(view.get(), &ConflictView::finished);
    QTest::mouseClick(child<QPushButton>(*view, u"takeTheirsAll"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = messageBox(u"takeTheirsConfirmation"_s)));
    QTest::mouseClick(box->findChild<QPushButton *>(u"cancelTakeTheirs"_s), Qt::LeftButton);
    QTRY_VERIFY(!messageBox(u"takeTheirsConfirmation"_s));
    QCOMPARE(finishedTaken.count(), 0);
    QCOMPARE(local(*b, taken)->entry.syncState, SyncState::Conflict);
    QTest::mouseClick(child<QPushButton>(*view, u"takeTheirsAll"_s), Qt::LeftButton);
    QTRY_VERIFY((box = messageBox(u"takeTheirsConfirmation"_s)));
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmTakeTheirs"_s), Qt::LeftButton);
    QTRY_COMPARE(finishedTaken.count(), 1);
    QCOMPARE(finishedTaken.first().first().toBool(), true);
    QVERIFY(sync(*b));
    QCOMPARE(local(*b, taken)->text.content, theirs.content);
    QCOMPARE(local(*b, taken)->entry.syncState, SyncState::Synced);
    QCOMPARE(onServer(*b, taken)->content, theirs.content);
}

void TestCompareViews::savingAConflictSettledElsewhereSaysWhy()
{
    auto a = machine(u"elsewhere@example.com"_s, true);
    auto b = machine(u"elsewhere@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = conflict(*a, *b, {u"Elsewhere"_s, {}, {}, paragraphs({u"A."_s})},
                              {u"Elsewhere"_s, {}, {}, paragraphs({u"A, theirs."_s})},
                              {u"Elsewhere"_s, {}, {}, paragraphs({u"A, mine."_s})});
    QVERIFY(!id.isNull());
    auto view = conflictView(*b, id);
    QVERIFY(view);
    QSignalSpy finished(view.get(), &ConflictView::finished);
    // Meanwhile another window settles it.
    const int theirs = local(*b, id)->conflict->theirsRevision;
    auto done = await<std::expected<void, QString>>([&](auto callback) {
        b->engine->resolveConflict(id, {u"Elsewhere"_s, {}, {}, paragraphs({u"A, settled."_s})}, theirs, this,
                                   callback);
    });
    QVERIFY(done && *done);

    auto *merged = child<TextPane>(*view, u"mergedPane"_s);
    QTRY_VERIFY(merged->hasFocus());
    QTest::keyClick(merged, Qt::Key_1, Qt::AltModifier);
    auto *save = child<QPushButton>(*view, u"saveMerged"_s);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    auto *error = child<QLabel>(*view, u"errorMessage"_s);
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), u"Could not settle the conflict: This conflict was already settled."_s);
    QCOMPARE(finished.count(), 0);
    QVERIFY(view->isVisible());
    QVERIFY(save->isEnabled()); // the writer may copy the text out and leave
    QCOMPARE(local(*b, id)->text.content, paragraphs({u"A, settled."_s}));
}

void TestCompareViews::conflictingTitleIsAChoice()
{
    auto a = machine(u"titles@example.com"_s, true);
    auto b = machine(u"titles@example.com"_s);
    QVERIFY(a && b);
    // A realistic article (it is also the screenshot): the title and two paragraphs conflict, one merges cleanly.
    const QStringList baseText{
        u"# Planting notes"_s,
        u"The beds by the south wall get the most sun, so the tomatoes go there again this year."_s,
        u"Water in the morning; the soil dries out by noon in July."_s,
        u"Compost goes on in March, two barrows per bed."_s,
        u"## Seeds to order"_s,
        u"- tomatoes (Sungold)\n- beans\n- lettuce"_s,
        u"Order before the end of February, when the shop runs out."_s};
    QStringList theirsText = baseText;
    theirsText[1] = u"The beds by the south wall get the most sun, so the tomatoes and peppers go there this year."_s;
    theirsText[3] = u"Compost goes on in early March, three barrows per bed."_s;
    theirsText[6] = u"Order before the end of January: the shop ran out last year."_s;
    QStringList mineText = baseText;
    mineText[1] = u"The beds by the south wall get the most sun; the squash goes there this year."_s;
    mineText[2] = u"Water in the morning, before work; the soil dries out by noon in July."_s;
    mineText[5] = u"- tomatoes (Sungold, Black Krim)\n- beans\n- lettuce\n- squash"_s;
    mineText[6] = u"Order before the end of February, or sooner."_s;
    const QUuid id = conflict(*a, *b, {u"Planting notes"_s, {}, {u"garden"_s}, paragraphs(baseText)},
                              {u"Planting notes for spring"_s, {}, {u"garden"_s}, paragraphs(theirsText)},
                              {u"Planting notes, 2027"_s, {}, {u"garden"_s}, paragraphs(mineText)});
    QVERIFY(!id.isNull());
    QCOMPARE(local(*b, id)->conflict->fields, (QStringList{u"title"_s, u"content"_s}));
    auto view = conflictView(*b, id);
    QVERIFY(view);
    QVERIFY(child<QWidget>(*view, u"titleChoice"_s));
    QVERIFY(!view->findChild<QWidget *>(u"excerptChoice"_s));
    QTRY_VERIFY(child<QLabel>(*view, u"theirsDetail"_s)->text().contains(u"by Writer titles"_s));
    screenshot(*view, u"conflict.png"_s);

    auto *value = child<QLineEdit>(*view, u"titleValue"_s);
    QCOMPARE(value->text(), u"Planting notes, 2027"_s);
    QVERIFY(value->isReadOnly());
    QTest::mouseClick(child<QRadioButton>(*view, u"titleTheirs"_s), Qt::LeftButton);
    QCOMPARE(value->text(), u"Planting notes for spring"_s);
    // Settle the text: take theirs everywhere.
    auto *merged = child<TextPane>(*view, u"mergedPane"_s);
    QTest::mouseClick(merged->viewport(), Qt::LeftButton, {}, QPoint(40, 10));
    QTRY_VERIFY(merged->hasFocus());
    while (view->conflictsLeft() > 0) {
        QTest::keyClick(merged, Qt::Key_F7);
        QTest::keyClick(merged, Qt::Key_2, Qt::AltModifier);
    }
    auto *save = child<QPushButton>(*view, u"saveMerged"_s);
    QVERIFY(save->isEnabled());
    // An edited title may not be empty.
    QTest::mouseClick(child<QRadioButton>(*view, u"titleEdit"_s), Qt::LeftButton);
    QVERIFY(!value->isReadOnly());
    QTRY_VERIFY(value->hasFocus());
    value->selectAll();
    QTest::keyClick(value, Qt::Key_Delete);
    QVERIFY(!save->isEnabled());
    QCOMPARE(child<QLabel>(*view, u"saveReason"_s)->text(), u"The title cannot be empty."_s);
    QTest::keyClicks(value, u"Planting notes, spring 2027"_s);
    QVERIFY(save->isEnabled());
    QSignalSpy finished(view.get(), &ConflictView::finished);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    const std::optional<LocalArticle> settled = local(*b, id);
    QCOMPARE(settled->text.title, u"Planting notes, spring 2027"_s);
    QStringList expected = theirsText;
    expected[2] = mineText[2]; // merged cleanly: only mine changed it
    expected[5] = mineText[5];
    QCOMPARE(settled->text.content, paragraphs(expected));
}

void TestCompareViews::scrollingOnePaneScrollsTheOthers()
{
    auto a = machine(u"scroll@example.com"_s, true);
    auto b = machine(u"scroll@example.com"_s);
    QVERIFY(a && b);
    QStringList base;
    for (int i = 1; i <= 300; ++i)
        base.append(u"Line %1."_s.arg(i));
    QStringList theirs = base;
    theirs[199] = u"Line 200, theirs."_s;
    QStringList mine = base;
    mine[199] = u"Line 200, mine."_s;
    for (int i = 30; i >= 1; --i)
        mine.insert(10, u"New line %1."_s.arg(i)); // 30 lines after line 10
    const auto text = [](const QStringList &lines) {
        return ArticleText{u"Long"_s, {}, {}, lines.join(u'\n') + u'\n'};
    };
    const QUuid id = conflict(*a, *b, text(base), text(theirs), text(mine));
    QVERIFY(!id.isNull());
    auto view = conflictView(*b, id);
    QVERIFY(view);
    auto *minePane = child<TextPane>(*view, u"minePane"_s);
    auto *theirsPane = child<TextPane>(*view, u"theirsPane"_s);
    auto *merged = child<TextPane>(*view, u"mergedPane"_s);
    // Mine's lines 0–9 are the base's, 10–39 are new, then base line n is mine's n + 30; the merged text takes
    // mine's insertion, so it counts as mine does up to the conflict.
    QTRY_COMPARE(merged->textCursor().blockNumber(), 229);
    minePane->verticalScrollBar()->setValue(100);
    QCOMPARE(minePane->topLine(), 100);
    QCOMPARE(theirsPane->topLine(), 70);
    QCOMPARE(merged->topLine(), 100);
    theirsPane->verticalScrollBar()->setValue(50);
    QCOMPARE(minePane->topLine(), 80);
    QCOMPARE(merged->topLine(), 80);
    // Inside mine's insertion the server's pane waits at the place it was inserted.
    minePane->verticalScrollBar()->setValue(20);
    QCOMPARE(theirsPane->topLine(), 10);
}

// ---- the revision history ---------------------------------------------------------------------------------------

void TestCompareViews::historyListsTheRevisionsNewestFirst()
{
    auto m = machine(u"history@example.com"_s, true);
    QVERIFY(m);
    const QUuid id = threeRevisions(*m);
    QVERIFY(!id.isNull());
    auto view = history(*m, id);
    QVERIFY(view);
    auto *list = child<QTreeWidget>(*view, u"revisionList"_s);
    QTRY_COMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(0)->text(0), u"3 · latest"_s);
    QCOMPARE(list->topLevelItem(1)->text(0), u"2"_s);
    QCOMPARE(list->topLevelItem(2)->text(0), u"1"_s);
    QCOMPARE(list->topLevelItem(0)->text(3), u"Field notes, March"_s);
    QCOMPARE(list->topLevelItem(2)->text(3), u"Field notes"_s);
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE(list->topLevelItem(i)->text(2), u"Writer history"_s);
        QVERIFY(!list->topLevelItem(i)->text(1).isEmpty());
    }
    QVERIFY(!child<QPushButton>(*view, u"loadMore"_s)->isVisible()); // one page
    QVERIFY(!child<QLabel>(*view, u"listMessage"_s)->isVisible());
    QVERIFY(!child<QPushButton>(*view, u"restore"_s)->isEnabled()); // nothing selected yet
    QCOMPARE(view->windowTitle(), u"History — Field notes, March"_s);
    const QStringList unnamed = unnamedWidgets(*view);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

void TestCompareViews::historyComparesRevisionOneWithTheCurrentText()
{
    auto m = machine(u"diff@example.com"_s, true);
    QVERIFY(m);
    const QUuid id = threeRevisions(*m);
    QVERIFY(!id.isNull());
    auto view = history(*m, id);
    QVERIFY(view);
    auto *list = child<QTreeWidget>(*view, u"revisionList"_s);
    QTRY_COMPARE(list->topLevelItemCount(), 3);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down); // the first key of a list with no current row selects the newest
    QCOMPARE(view->selectedRevision(), 3);
    QTest::keyClick(list, Qt::Key_End); // the oldest: revision 1
    QCOMPARE(view->selectedRevision(), 1);

    // Inline: from revision 1 to the current text (revision 3, as synced here). Lines 1–6 and 13–17 are shown; the
    // six unchanged lines between (7–12) are folded into one row.
    auto *inlineDiff = child<TextPane>(*view, u"inlineDiff"_s);
    QTRY_VERIFY(inlineDiff->blockCount() > 1);
    QCOMPARE(linesOfKind(inlineDiff, Kind::Removed), (QStringList{u"Morning walk."_s, u"Saw a heron."_s}));
    QCOMPARE(linesOfKind(inlineDiff, Kind::Added),
             (QStringList{u"Morning walk by the river."_s, u"Saw two herons."_s, QString(), u"Home by noon."_s}));
    QCOMPARE(linesOfKind(inlineDiff, Kind::Plain), (QStringList{QString(), QString(), kMiddle.first(), QString(),
                                                                kMiddle.last(), QString(), u"Rain later."_s}));
    const QStringList folded = linesOfKind(inlineDiff, Kind::Separator);
    QCOMPARE(folded.size(), 1);
    QCOMPARE(folded.first(), u"⋯ 6 unchanged lines"_s);
    QCOMPARE(inlineDiff->blockCount(), 14);
    QCOMPARE(inlineDiff->lineKind(8), Kind::Separator); // after line 6, before line 13
    // Old and new line numbers in the gutter, and the sign.
    for (int i = 0; i < inlineDiff->blockCount(); ++i) {
        if (inlineDiff->lineText(i) == u"Saw a heron."_s)
            QCOMPARE(inlineDiff->lineLabel(i).simplified(), u"3 −"_s);
        if (inlineDiff->lineText(i) == u"Home by noon."_s)
            QCOMPARE(inlineDiff->lineLabel(i).simplified(), u"17 +"_s);
        if (inlineDiff->lineText(i) == u"Rain later."_s)
            QCOMPARE(inlineDiff->lineLabel(i).simplified(), u"15 15"_s);
        if (inlineDiff->lineText(i) == kMiddle.last())
            QCOMPARE(inlineDiff->lineLabel(i).simplified(), u"13 13"_s);
    }
    const QString summary = child<QLabel>(*view, u"diffSummary"_s)->text();
    QVERIFY2(summary.contains(u"Title: “Field notes” → “Field notes, March”"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"Tags: added birds"_s), qPrintable(summary));
    QVERIFY(!summary.contains(u"Excerpt"_s));
    QCOMPARE(child<QLabel>(*view, u"diffStats"_s)->text(), u"4 lines added, 2 lines removed"_s);
    QVERIFY(child<QLabel>(*view, u"diffHeader"_s)->text().startsWith(u"Revision 1 ("_s));
    screenshot(*view, u"revision-diff.png"_s);

    // Side by side: the rows line up, with padding opposite lines only one side has.
    QTest::mouseClick(child<QToolButton>(*view, u"sideBySideMode"_s), Qt::LeftButton);
    QCOMPARE(view->mode(), RevisionHistoryView::Mode::SideBySide);
    auto *oldPane = child<TextPane>(*view, u"oldPane"_s);
    auto *newPane = child<TextPane>(*view, u"newPane"_s);
    QVERIFY(oldPane->isVisible() && newPane->isVisible() && !inlineDiff->isVisible());
    QCOMPARE(oldPane->blockCount(), 12);
    QCOMPARE(newPane->blockCount(), 12);
    const QString path = kMiddle.first();
    const QString coffee = kMiddle.last();
    const QList<std::pair<Kind, QString>> left{{Kind::Removed, u"Morning walk."_s},
                                               {Kind::Plain, {}},
                                               {Kind::Removed, u"Saw a heron."_s},
                                               {Kind::Plain, {}},
                                               {Kind::Plain, path},
                                               {Kind::Plain, {}},
                                               {Kind::Separator, folded.first()},
                                               {Kind::Plain, coffee},
                                               {Kind::Plain, {}},
                                               {Kind::Plain, u"Rain later."_s},
                                               {Kind::Filler, {}},
                                               {Kind::Filler, {}}};
    const QList<std::pair<Kind, QString>> right{{Kind::Added, u"Morning walk by the river."_s},
                                                {Kind::Plain, {}},
                                                {Kind::Added, u"Saw two herons."_s},
                                                {Kind::Plain, {}},
                                                {Kind::Plain, path},
                                                {Kind::Plain, {}},
                                                {Kind::Separator, folded.first()},
                                                {Kind::Plain, coffee},
                                                {Kind::Plain, {}},
                                                {Kind::Plain, u"Rain later."_s},
                                                {Kind::Added, {}},
                                                {Kind::Added, u"Home by noon."_s}};
    for (int row = 0; row < 12; ++row) {
        QCOMPARE(oldPane->lineKind(row), left.at(row).first);
        QCOMPARE(oldPane->lineText(row), left.at(row).second);
        QCOMPARE(newPane->lineKind(row), right.at(row).first);
        QCOMPARE(newPane->lineText(row), right.at(row).second);
    }
    QCOMPARE(oldPane->lineLabel(2).trimmed(), u"3"_s);
    QCOMPARE(newPane->lineLabel(11).trimmed(), u"17"_s);

    // The unified diff, as `diff -u` would write it.
    QApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(*view, u"copyDiff"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(),
             u"--- revision 1\n+++ current\n@@ -1,6 +1,6 @@\n-Morning walk.\n+Morning walk by the river.\n \n"
             u"-Saw a heron.\n+Saw two herons.\n \n The path by the reeds was flooded again.\n \n"
             u"@@ -13,3 +13,5 @@\n Coffee at the boathouse; they open at nine now.\n \n Rain later.\n+\n"
             u"+Home by noon.\n"_s);

    // The latest revision is the text here: nothing to restore or copy.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    QCOMPARE(view->selectedRevision(), 3);
    QTRY_COMPARE(child<QLabel>(*view, u"diffStats"_s)->text(), u"No changes in the text"_s);
    QCOMPARE(newPane->toPlainText(), QString());
    QVERIFY(!child<QPushButton>(*view, u"restore"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(*view, u"copyDiff"_s)->isEnabled());
    QCOMPARE(child<QLabel>(*view, u"restoreReason"_s)->text(), u"Your text is already that of revision 3."_s);
}

void TestCompareViews::restoreMakesRevisionOneTheDraftAndANewRevision()
{
    auto m = machine(u"restore@example.com"_s, true);
    QVERIFY(m);
    const QUuid id = threeRevisions(*m);
    QVERIFY(!id.isNull());
    auto view = history(*m, id);
    QVERIFY(view);
    QSignalSpy restored(view.get(), &RevisionHistoryView::revisionRestored);
    auto *list = child<QTreeWidget>(*view, u"revisionList"_s);
    QTRY_COMPARE(list->topLevelItemCount(), 3);
    QVERIFY(view->selectRevision(1));
    auto *restore = child<QPushButton>(*view, u"restore"_s);
    QTRY_VERIFY(restore->isEnabled());

    // Cancel: nothing changes.
    QTest::mouseClick(restore, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = messageBox(u"restoreConfirmation"_s)));
    QTest::mouseClick(box->findChild<QPushButton *>(u"cancelRestore"_s), Qt::LeftButton);
    QTRY_VERIFY(!messageBox(u"restoreConfirmation"_s));
    QCOMPARE(local(*m, id)->text, kRevision3);
    QCOMPARE(local(*m, id)->entry.syncState, SyncState::Synced);

    // Restore.
    QTest::mouseClick(restore, Qt::LeftButton);
    QTRY_VERIFY((box = messageBox(u"restoreConfirmation"_s)));
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmRestore"_s), Qt::LeftButton);
    QTRY_COMPARE(restored.count(), 1);
    QCOMPARE(restored.first().at(1).toInt(), 1);
    const std::optional<LocalArticle> draft = local(*m, id);
    QCOMPARE(draft->text, kRevision1);
    QCOMPARE(draft->entry.syncState, SyncState::LocalChanges);
    QVERIFY(child<QLabel>(*view, u"message"_s)->text().startsWith(u"Revision 1 is your text again."_s));
    // The view compares again with the new text: they are the same now.
    QTRY_COMPARE(child<QLabel>(*view, u"diffStats"_s)->text(), u"No changes in the text"_s);
    QVERIFY(!restore->isEnabled());

    // After a sync the server has a new revision with revision 1's text; the older ones stay.
    QVERIFY(sync(*m));
    const std::optional<Article> server = onServer(*m, id);
    QCOMPARE(server->revision, 4);
    QCOMPARE(server->title, kRevision1.title);
    QCOMPARE(server->content, kRevision1.content);
    QCOMPARE(server->tags, kRevision1.tags);
    auto third = await<api::ApiResult<Article>>([&](auto done) { m->client->revision(id, 3, this, done); });
    QVERIFY(third && *third);
    QCOMPARE((*third)->content, kRevision3.content);
    QTRY_COMPARE(list->topLevelItemCount(), 4); // the view lists the new revision
    QCOMPARE(list->topLevelItem(0)->text(0), u"4 · latest"_s);
    QCOMPARE(view->selectedRevision(), 1);
}

void TestCompareViews::aLongHistoryComesInPages()
{
    // The client asks for 100 revisions a page: 102 make two pages.
    auto m = machine(u"pages@example.com"_s, true);
    QVERIFY(m);
    const QUuid id = QUuid::createUuid();
    std::optional<int> revision;
    for (int i = 1; i <= 102; ++i) {
        const ArticleInput input{u"Long history"_s, u"Draft %1.\n"_s.arg(i), std::nullopt, std::nullopt, std::nullopt};
        auto put =
            await<api::ApiResult<Article>>([&](auto done) { m->client->putArticle(id, input, revision, this, done); });
        QVERIFY(put && *put);
        revision = (*put)->revision;
    }
    QCOMPARE(revision, 102);
    QVERIFY(sync(*m));
    auto view = history(*m, id);
    QVERIFY(view);
    auto *list = child<QTreeWidget>(*view, u"revisionList"_s);
    auto *more = child<QPushButton>(*view, u"loadMore"_s);
    QTRY_COMPARE(list->topLevelItemCount(), 100);
    QCOMPARE(list->topLevelItem(0)->text(0), u"102 · latest"_s);
    QCOMPARE(list->topLevelItem(99)->text(0), u"3"_s);
    QVERIFY(more->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    QTRY_COMPARE(list->topLevelItemCount(), 102);
    QCOMPARE(list->topLevelItem(100)->text(0), u"2"_s);
    QCOMPARE(list->topLevelItem(101)->text(0), u"1"_s);
    QVERIFY(!more->isVisible());
    QVERIFY(view->selectRevision(1));
    auto *inlineDiff = child<TextPane>(*view, u"inlineDiff"_s);
    QTRY_COMPARE(linesOfKind(inlineDiff, Kind::Removed), QStringList{u"Draft 1."_s});
    QCOMPARE(linesOfKind(inlineDiff, Kind::Added), QStringList{u"Draft 102."_s});
}

void TestCompareViews::historyTheServerRefusesSaysWhy()
{
    // Another writer's published article reaches every writer's library, but only its author sees its history.
    auto author = machine(u"author@example.com"_s, true);
    auto reader = machine(u"reader@example.com"_s, true);
    QVERIFY(author && reader);
    const QUuid id = QUuid::createUuid();
    auto put = await<api::ApiResult<Article>>([&](auto done) {
        author->client->putArticle(id,
                                   {u"Public"_s, u"Hello.\n"_s, std::nullopt, std::nullopt, ArticleStatus::Published},
                                   std::nullopt, this, done);
    });
    QVERIFY(put && *put);
    QVERIFY(sync(*reader));
    QVERIFY(local(*reader, id));
    auto view = history(*reader, id);
    QVERIFY(view);
    auto *message = child<QLabel>(*view, u"listMessage"_s);
    QTRY_COMPARE(message->text(), u"The server does not let this account see the history of this article."_s);
    QVERIFY(message->isVisible());
    QVERIFY(child<QPushButton>(*view, u"retry"_s)->isVisible());
    QCOMPARE(child<QTreeWidget>(*view, u"revisionList"_s)->topLevelItemCount(), 0);
}

void TestCompareViews::historyOfflineSaysSoAndKeepsWorking()
{
    auto m = machine(u"offline@example.com"_s, true);
    QVERIFY(m);
    const QUuid id = threeRevisions(*m);
    QVERIFY(!id.isNull());
    // A draft never synced has no history, and the view says so without asking.
    const QUuid fresh = QUuid::createUuid();
    QVERIFY(save(*m, fresh, {u"Fresh"_s, {}, {}, u"New.\n"_s}));
    auto freshView = history(*m, fresh);
    QVERIFY(freshView);
    QTRY_VERIFY(child<QLabel>(*freshView, u"listMessage"_s)->text().contains(u"has not been on the server yet"_s));
    freshView.reset();

    auto view = history(*m, id);
    QVERIFY(view);
    auto *list = child<QTreeWidget>(*view, u"revisionList"_s);
    QTRY_COMPARE(list->topLevelItemCount(), 3);

    QVERIFY(m_server->stop());
    // Selecting a revision not fetched yet: a message where the diff would be.
    QVERIFY(view->selectRevision(2));
    auto *message = child<QLabel>(*view, u"message"_s);
    QTRY_COMPARE(
        message->text(),
        u"This revision is on the server, which cannot be reached right now. Try again when you are online."_s);
    QVERIFY(!child<QPushButton>(*view, u"restore"_s)->isEnabled());

    // Opening the history offline.
    auto offline = history(*m, id);
    QVERIFY(offline);
    auto *listMessage = child<QLabel>(*offline, u"listMessage"_s);
    QTRY_VERIFY(listMessage->text().startsWith(u"The history is kept on the server, which cannot be reached"_s));
    auto *retry = child<QPushButton>(*offline, u"retry"_s);
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY(listMessage->text().startsWith(u"The history is kept on the server"_s));

    // Back online, "Try again" lists it.
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QTreeWidget>(*offline, u"revisionList"_s)->topLevelItemCount(), 3, 20000);
    QVERIFY(!listMessage->isVisible());
}

QTEST_MAIN(TestCompareViews)
#include "tst_compareviews.moc"
