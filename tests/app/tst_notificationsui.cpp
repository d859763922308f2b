// Notifications in the desktop app against the real inkwelld (bundled PostgreSQL): the engine's NotificationCenter
// (list, unread count, live stream with reconnect and Last-Event-ID resume) and the widgets (bell, list, tray) under
// the offscreen platform. A notification is made the way users make one: Rita follows Bob, Bob publishes.
#include "api/apiclient.h"
#include "inkwelldprocess.h"
#include "notifications/notificationbell.h"
#include "notificationcenter.h"
#include "notifications/notificationlist.h"
#include "notifications/traynotifier.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace inkwell;
using inkwell::api::ApiClient;
using inkwell::api::ApiResult;
using inkwell::app::NotificationBell;
using inkwell::app::NotificationList;
using inkwell::app::TrayNotifier;
using inkwell::engine::NotificationCenter;

namespace {

constexpr auto kPassword = "correct horse battery staple";
constexpr int kWaitMs = 20000;

template <typename T> struct Outcome {
    std::optional<ApiResult<T>> result;
    auto callback()
    {
        return [this](ApiResult<T> value) { result = std::move(value); };
    }
    bool arrived() const { return result.has_value(); }
    bool ok() const { return result && result->has_value(); }
    QString why() const { return result && !*result ? result->error().message() : QString(); }
};

/// How often the notification about @p article is in @p center's list (it must never be twice).
int rowsAbout(const NotificationCenter &center, const QUuid &article)
{
    int rows = 0;
    for (int row = 0; row < center.rowCount(); ++row)
        rows += center.index(row).data(NotificationCenter::ArticleIdRole).toUuid() == article ? 1 : 0;
    return rows;
}

int rowAbout(const NotificationCenter &center, const QUuid &article)
{
    for (int row = 0; row < center.rowCount(); ++row) {
        if (center.index(row).data(NotificationCenter::ArticleIdRole).toUuid() == article)
            return row;
    }
    return -1;
}

/// How many notificationArrived() signals in @p spy were about @p article.
int arrivalsAbout(const QSignalSpy &spy, const QUuid &article)
{
    int count = 0;
    for (const QList<QVariant> &arguments : spy) {
        const Notification notification = arguments.at(0).value<Notification>();
        count += notification.link && NotificationCenter::articleIdFromLink(*notification.link) == article ? 1 : 0;
    }
    return count;
}

Notification notification(const QString &title, const QString &message)
{
    return Notification{QUuid::createUuid(),
                        u"article.published"_s,
                        title,
                        message,
                        std::nullopt,
                        false,
                        QDateTime::currentDateTimeUtc(),
                        std::nullopt};
}

} // namespace

class TestNotificationsUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void articleLinks_data();
    void articleLinks();
    void backoffDoublesUpToTheCap_data();
    void backoffDoublesUpToTheCap();
    void trayMessages_data();
    void trayMessages();

    void newNotificationRingsTheBellWithinTwoSeconds();
    void markReadAndMarkAllUpdateTheCount();
    void clickOrEnterOpensTheArticle();
    void unresumableIdFallsBackToTheList();
    void streamSurvivesAServerRestart(); // last: it takes the server away and back

private:
    std::unique_ptr<ApiClient> signUp(const QString &email, const QString &name, User *user = nullptr);
    /// Bob publishes an article; returns its id (null on failure).
    QUuid publish(const QString &title);
    /// Rita's unread count as the server has it.
    int serverUnread();
    /// Whether Rita's notification about @p article exists on the server.
    bool onServer(const QUuid &article);

    std::unique_ptr<test::InkwelldProcess> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_rita;      // the reader: her notifications are the ones tested
    std::unique_ptr<ApiClient> m_ritaProbe; // Rita in a second app, to ask the server behind the center's back
    std::unique_ptr<ApiClient> m_bob;       // the author she follows
    User m_bobUser;
};

std::unique_ptr<ApiClient> TestNotificationsUi::signUp(const QString &email, const QString &name, User *user)
{
    auto client = std::make_unique<ApiClient>(m_server->url());
    Outcome<api::AuthGrant> outcome;
    client->registerAccount({email, QString::fromLatin1(kPassword), name}, this, outcome.callback());
    if (!QTest::qWaitFor([&] { return outcome.arrived(); }, kWaitMs) || !outcome.ok()) {
        qWarning() << "registration failed:" << outcome.why();
        return nullptr;
    }
    if (user)
        *user = (*outcome.result)->user;
    return client;
}

QUuid TestNotificationsUi::publish(const QString &title)
{
    const QUuid id = QUuid::createUuid();
    const ArticleInput input{.title = title,
                             .content = u"Words about "_s + title,
                             .excerpt = std::nullopt,
                             .tags = std::nullopt,
                             .status = ArticleStatus::Published};
    // A create with a client-chosen id is idempotent: one retry covers a connection the restarted server closed.
    for (int attempt = 0; attempt < 2; ++attempt) {
        Outcome<Article> put;
        m_bob->putArticle(id, input, std::nullopt, this, put.callback());
        if (!QTest::qWaitFor([&] { return put.arrived(); }, kWaitMs))
            return {};
        if (put.ok())
            return id;
        if (!put.result->error().isUnreachable()) {
            qWarning() << "publishing failed:" << put.why();
            return {};
        }
    }
    return {};
}

int TestNotificationsUi::serverUnread()
{
    Outcome<int> count;
    m_ritaProbe->unreadCount(this, count.callback());
    if (!QTest::qWaitFor([&] { return count.arrived(); }, kWaitMs) || !count.ok())
        return -1;
    return **count.result;
}

bool TestNotificationsUi::onServer(const QUuid &article)
{
    Outcome<api::Page<Notification>> page;
    m_ritaProbe->notifications(false, {}, this, page.callback());
    if (!QTest::qWaitFor([&] { return page.arrived(); }, kWaitMs) || !page.ok())
        return false;
    for (const Notification &item : (*page.result)->items) {
        if (item.link && NotificationCenter::articleIdFromLink(*item.link) == article)
            return true;
    }
    return false;
}

void TestNotificationsUi::initTestCase()
{
    m_server = std::make_unique<test::InkwelldProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_admin = signUp(u"admin@example.com"_s, u"Ada Admin"_s);
    m_rita = signUp(u"rita@example.com"_s, u"Rita Reader"_s);
    m_bob = signUp(u"bob@example.com"_s, u"Bob Author"_s, &m_bobUser);
    QVERIFY(m_admin && m_rita && m_bob);
    m_ritaProbe = std::make_unique<ApiClient>(m_server->url());
    Outcome<api::AuthGrant> login;
    m_ritaProbe->login({u"rita@example.com"_s, QString::fromLatin1(kPassword)}, this, login.callback());
    QTRY_VERIFY_WITH_TIMEOUT(login.arrived(), kWaitMs);
    QVERIFY2(login.ok(), qPrintable(login.why()));

    Outcome<api::ApiResponse> follow;
    m_rita->send(
        {.method = "PUT", .path = u"/api/v1/users/%1/follow"_s.arg(m_bobUser.id.toString(QUuid::WithoutBraces))}, this,
        follow.callback());
    QTRY_VERIFY_WITH_TIMEOUT(follow.arrived(), kWaitMs);
    QVERIFY2(follow.ok(), qPrintable(follow.why()));
}

void TestNotificationsUi::cleanupTestCase()
{
    m_rita.reset();
    m_ritaProbe.reset();
    m_bob.reset();
    m_admin.reset();
    if (m_server)
        QVERIFY(m_server->stop());
    m_server.reset();
}

// ---- rules without a server ------------------------------------------------------------------------------------

void TestNotificationsUi::articleLinks_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QUuid>("expected"); // null: not an article

    const QUuid id(u"0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b"_s);
    QTest::newRow("API path") << u"/api/v1/articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b"_s << id;
    QTest::newRow("app path") << u"/articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b"_s << id;
    QTest::newRow("full URL") << u"https://ink.example.org/api/v1/articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b"_s
                              << id;
    QTest::newRow("trailing slash") << u"/articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b/"_s << id;
    QTest::newRow("upper case id") << u"/articles/0B9F6A4E-3C1D-4E2F-9A8B-7C6D5E4F3A2B"_s << id;
    QTest::newRow("empty") << QString() << QUuid();
    QTest::newRow("not a UUID") << u"/articles/hello-world"_s << QUuid();
    QTest::newRow("UUID one short") << u"/articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2"_s << QUuid();
    QTest::newRow("something under the article")
        << u"/articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b/revisions"_s << QUuid();
    QTest::newRow("another resource") << u"/users/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b"_s << QUuid();
    QTest::newRow("javascript") << u"javascript:alert(1)//articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b"_s << QUuid();
    QTest::newRow("query after the id") << u"/articles/0b9f6a4e-3c1d-4e2f-9a8b-7c6d5e4f3a2b?x=1"_s << QUuid();
}

void TestNotificationsUi::articleLinks()
{
    QFETCH(QString, link);
    QFETCH(QUuid, expected);
    QCOMPARE(NotificationCenter::articleIdFromLink(link).value_or(QUuid()), expected);
}

void TestNotificationsUi::backoffDoublesUpToTheCap_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("delay");
    QTest::newRow("first retry") << 0 << 250;
    QTest::newRow("second") << 1 << 500;
    QTest::newRow("fourth") << 3 << 2000;
    QTest::newRow("reaches the cap") << 5 << 5000;
    QTest::newRow("stays at the cap") << 6 << 5000;
    QTest::newRow("no overflow after many") << 200 << 5000;
}

void TestNotificationsUi::backoffDoublesUpToTheCap()
{
    QFETCH(int, attempt);
    QFETCH(int, delay);
    ApiClient client(QUrl(u"http://127.0.0.1:9"_s));
    NotificationCenter center(&client);
    center.setReconnectDelays(250, 5000);
    QCOMPARE(center.backoffDelayMs(attempt), delay);
}

void TestNotificationsUi::trayMessages_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("text");
    QTest::newRow("one: its own words") << 1 << u"New article by Bob"_s << u"Title 1"_s;
    QTest::newRow("three: every title") << 3 << u"3 new notifications"_s << u"• T1\n• T2\n• T3"_s;
    QTest::newRow("five: three and the rest counted")
        << 5 << u"5 new notifications"_s << u"• T1\n• T2\n• T3\n… and 2 more"_s;
}

void TestNotificationsUi::trayMessages()
{
    QFETCH(int, count);
    QFETCH(QString, title);
    QFETCH(QString, text);
    QList<Notification> batch;
    for (int i = 1; i <= count; ++i)
        batch.append(count == 1 ? notification(u"New article by Bob"_s, u"Title 1"_s)
                                : notification(u"T%1"_s.arg(i), u"M%1"_s.arg(i)));
    const auto [shownTitle, shownText] = TrayNotifier::messageFor(batch);
    QCOMPARE(shownTitle, title);
    QCOMPARE(shownText, text);
}

// ---- against the server ----------------------------------------------------------------------------------------

void TestNotificationsUi::newNotificationRingsTheBellWithinTwoSeconds()
{
    NotificationCenter center(m_rita.get());
    NotificationBell bell(&center);
    TrayNotifier tray(&center); // no system tray offscreen: it must stay quiet, not fail
    QSignalSpy shown(&tray, &TrayNotifier::messageShown);
    QSignalSpy arrived(&center, &NotificationCenter::notificationArrived);
    bell.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bell));
    QVERIFY(!tray.isAvailable());

    center.start();
    QTRY_VERIFY_WITH_TIMEOUT(center.streamState() == NotificationCenter::StreamState::Connected && center.hasLoaded(),
                             kWaitMs);
    // Rita's welcome notification is there and unread: the bell says so.
    QTRY_COMPARE_WITH_TIMEOUT(center.unreadCount(), serverUnread(), kWaitMs);
    const int before = center.unreadCount();
    QVERIFY(before >= 1);
    QCOMPARE(bell.badgeText(), QString::number(before));
    QVERIFY(bell.accessibleName().contains(QString::number(before)));
    QCOMPARE(arrived.count(), 0); // what the first load shows is not "new"

    const QUuid article = publish(u"The bell article"_s);
    QVERIFY(!article.isNull());
    QElapsedTimer sincePublished;
    sincePublished.start();
    QTRY_VERIFY_WITH_TIMEOUT(bell.badgeText() == QString::number(before + 1), 2000);
    qInfo("notification in the bell %lld ms after the article was published", sincePublished.elapsed());

    QCOMPARE(arrived.count(), 1);
    const Notification got = arrived.at(0).at(0).value<Notification>();
    QCOMPARE(got.message, u"The bell article"_s);
    QVERIFY2(got.title.contains(u"Bob Author"_s), qPrintable(got.title));
    QCOMPARE(got.link ? NotificationCenter::articleIdFromLink(*got.link) : std::nullopt, std::optional(article));
    QCOMPARE(rowAbout(center, article), 0); // newest first
    QCOMPARE(center.index(0).data(NotificationCenter::ReadRole).toBool(), false);
    QCOMPARE(shown.count(), 0);
}

void TestNotificationsUi::markReadAndMarkAllUpdateTheCount()
{
    NotificationCenter center(m_rita.get());
    NotificationList list(&center);
    list.resize(420, 480);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    center.start();
    QTRY_VERIFY_WITH_TIMEOUT(center.streamState() == NotificationCenter::StreamState::Connected, kWaitMs);
    const QUuid first = publish(u"Read me first"_s);
    const QUuid second = publish(u"Read me second"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowsAbout(center, first) == 1 && rowsAbout(center, second) == 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(center.unreadCount(), serverUnread(), kWaitMs);
    const int before = center.unreadCount();
    QVERIFY(before >= 2);
    auto *summary = list.findChild<QLabel *>(u"notificationsSummary"_s);
    QVERIFY(summary->text().contains(QString::number(before)));

    // Keyboard: the newest is current; Ctrl+R marks it read.
    QListView *view = list.view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(rowAbout(center, second), 0);
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(center.unreadCount(), before - 1); // at once
    QVERIFY(center.index(0).data(NotificationCenter::ReadRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), before - 1, kWaitMs);
    // Marking it again changes nothing.
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(center.unreadCount(), before - 1);
    // An id that is not in the list changes nothing either.
    center.markRead(QUuid::createUuid());
    QCOMPARE(center.unreadCount(), before - 1);

    // The button: every notification read, here and on the server.
    auto *markAll = list.findChild<QPushButton *>(u"markAllReadButton"_s);
    QVERIFY(markAll && markAll->isEnabled());
    QTest::mouseClick(markAll, Qt::LeftButton);
    QCOMPARE(center.unreadCount(), 0);
    for (int row = 0; row < center.rowCount(); ++row)
        QVERIFY(center.index(row).data(NotificationCenter::ReadRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 0, kWaitMs);
    QTRY_VERIFY(!markAll->isEnabled());
    QVERIFY(!summary->text().contains(QString::number(before)));
    QCOMPARE(center.unreadCount(), 0); // the check after the mark agrees

    // A new one afterwards counts again.
    const QUuid third = publish(u"After mark all"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowsAbout(center, third) == 1, kWaitMs);
    QCOMPARE(center.unreadCount(), 1);
    QTRY_VERIFY(markAll->isEnabled());
}

void TestNotificationsUi::clickOrEnterOpensTheArticle()
{
    NotificationCenter center(m_rita.get());
    NotificationBell bell(&center);
    bell.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bell));
    QSignalSpy opened(&bell, &NotificationBell::openArticleRequested);
    center.start();
    QTRY_VERIFY_WITH_TIMEOUT(center.streamState() == NotificationCenter::StreamState::Connected, kWaitMs);
    const QUuid byKeyboard = publish(u"Open me with Enter"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rowsAbout(center, byKeyboard), 1, kWaitMs);

    // Enter on the bell opens the popup; Enter on the newest notification opens its article and closes the popup.
    bell.setFocus();
    QTest::keyClick(&bell, Qt::Key_Space);
    QTRY_VERIFY(bell.popup() && bell.popup()->isVisible());
    QListView *view = bell.popup()->list()->view();
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(view->currentIndex().row(), rowAbout(center, byKeyboard));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toUuid(), byKeyboard);
    QTRY_VERIFY(!bell.popup()->isVisible());
    QVERIFY(center.index(rowAbout(center, byKeyboard)).data(NotificationCenter::ReadRole).toBool());

    // A click in the list.
    const QUuid byMouse = publish(u"Open me with a click"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rowsAbout(center, byMouse), 1, kWaitMs);
    NotificationList list(&center);
    list.resize(420, 480);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QSignalSpy listOpened(&list, &NotificationList::openArticleRequested);
    const QRect rect = list.view()->visualRect(center.index(rowAbout(center, byMouse)));
    QTest::mouseClick(list.view()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(listOpened.count(), 1);
    QCOMPARE(listOpened.at(0).at(0).toUuid(), byMouse);

    // The welcome notification links nowhere: opening it marks it read and asks for no article.
    int welcome = -1;
    for (int row = 0; row < center.rowCount() && welcome < 0; ++row) {
        if (center.index(row).data(NotificationCenter::TypeRole).toString() == u"welcome"_s)
            welcome = row;
    }
    QVERIFY(welcome >= 0);
    listOpened.clear();
    QVERIFY(!center.open(center.at(welcome).id));
    QCOMPARE(listOpened.count(), 0);
    QVERIFY(center.index(welcome).data(NotificationCenter::ReadRole).toBool());
}

void TestNotificationsUi::unresumableIdFallsBackToTheList()
{
    // An id the server never sent (kept from another server, say): the stream starts afresh, the list is loaded,
    // and live notifications still arrive, once.
    NotificationCenter center(m_rita.get());
    QSignalSpy arrived(&center, &NotificationCenter::notificationArrived);
    center.setReconnectDelays(50, 400);
    center.setLastEventId(u"not-an-event-id"_s);
    center.start();
    QTRY_VERIFY_WITH_TIMEOUT(center.streamState() == NotificationCenter::StreamState::Connected, kWaitMs);
    QVERIFY(center.lastEventId().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(center.hasLoaded() && center.rowCount() > 0, kWaitMs);

    const QUuid article = publish(u"After a bad id"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rowsAbout(center, article), 1, kWaitMs);
    QCOMPARE(arrivalsAbout(arrived, article), 1);
    QVERIFY(!center.lastEventId().isEmpty());
}

void TestNotificationsUi::streamSurvivesAServerRestart()
{
    NotificationCenter center(m_rita.get());
    center.setReconnectDelays(100, 800);
    QSignalSpy arrived(&center, &NotificationCenter::notificationArrived);
    QSignalSpy errors(&center, &NotificationCenter::errorOccurred);
    center.start();
    QTRY_VERIFY_WITH_TIMEOUT(center.streamState() == NotificationCenter::StreamState::Connected, kWaitMs);
    const QUuid beforeRestart = publish(u"Before the restart"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rowsAbout(center, beforeRestart), 1, kWaitMs);
    QVERIFY(!center.lastEventId().isEmpty()); // something to resume from
    QTRY_COMPARE_WITH_TIMEOUT(center.unreadCount(), serverUnread(), kWaitMs);
    const int unreadBefore = center.unreadCount();

    // The server goes away: the stream waits to reconnect.
    QVERIFY(m_server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(center.streamState() != NotificationCenter::StreamState::Connected, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(center.reconnectAttempts() >= 2, kWaitMs); // retrying, not given up
    QVERIFY(center.streamState() != NotificationCenter::StreamState::Stopped);

    // Marking read while it is away fails, and the notification is shown unread again.
    center.markRead(center.at(rowAbout(center, beforeRestart)).id);
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kWaitMs);
    QVERIFY(!center.index(rowAbout(center, beforeRestart)).data(NotificationCenter::ReadRole).toBool());
    QCOMPARE(center.unreadCount(), unreadBefore);

    // Back on the same data and port; Bob publishes at once, before the stream is back.
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    const QUuid afterRestart = publish(u"Right after the restart"_s);
    QVERIFY(!afterRestart.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(rowsAbout(center, afterRestart), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(center.streamState(), NotificationCenter::StreamState::Connected, kWaitMs);
    QCOMPARE(arrivalsAbout(arrived, afterRestart), 1);
    QCOMPARE(rowsAbout(center, beforeRestart), 1);
    QCOMPARE(arrivalsAbout(arrived, beforeRestart), 1);

    // The Last-Event-ID path on its own: the stream ends, a notification is created, the stream comes back and the
    // server sends what was missed (the list is not fetched when there is an id to resume from).
    const QString resumeFrom = center.lastEventId();
    center.stop();
    QCOMPARE(center.streamState(), NotificationCenter::StreamState::Stopped);
    const QUuid whileAway = publish(u"While the stream was away"_s);
    QVERIFY(!whileAway.isNull());
    QTRY_VERIFY_WITH_TIMEOUT(onServer(whileAway), kWaitMs);
    QCOMPARE(rowsAbout(center, whileAway), 0);
    center.start();
    QTRY_COMPARE_WITH_TIMEOUT(rowsAbout(center, whileAway), 1, kWaitMs);
    QVERIFY(center.lastEventId() != resumeFrom);
    QCOMPARE(arrivalsAbout(arrived, whileAway), 1);

    // Nothing twice, and the count agrees with the server.
    QSet<QUuid> ids;
    for (int row = 0; row < center.rowCount(); ++row)
        ids.insert(center.at(row).id);
    QCOMPARE(ids.size(), center.rowCount());
    QTRY_COMPARE_WITH_TIMEOUT(center.unreadCount(), serverUnread(), kWaitMs);
}

QTEST_MAIN(TestNotificationsUi)
#include "tst_notificationsui.moc"
