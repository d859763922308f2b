// The admin panel and its engine models against the real inkwelld (bundled PostgreSQL): users with search, role
// filter and paging; role changes and deactivation after a confirmation; the last administrator; a non-admin's 403;
// the statistics charts; the audit log. Widgets run under the offscreen platform.
#include "admin/adminpanel.h"
#include "adminstatsmodel.h"
#include "admin/adminstatspage.h"
#include "adminusersmodel.h"
#include "admin/adminuserspage.h"
#include "api/apiclient.h"
#include "auditlogmodel.h"
#include "admin/auditlogpage.h"
#include "inkwelldprocess.h"
#include "admin/messagebanner.h"
#include "admin/statcard.h"

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace inkwell;
using inkwell::api::ApiClient;
using inkwell::api::ApiResult;
using inkwell::app::AdminPanel;
using inkwell::engine::AdminStatsModel;
using inkwell::engine::AdminUsersModel;
using inkwell::engine::AuditLogModel;

namespace {

constexpr auto kPassword = "correct horse battery staple";
constexpr int kWaitMs = 20000;

/// Collects one callback's result so a test can wait for it.
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

/// An account on the server with its own signed-in client.
struct Account {
    std::unique_ptr<ApiClient> client;
    User user;
};

/// The rows of @p model whose name column reads @p name.
int rowOfName(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, AdminUsersModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QStringList names(const QAbstractItemModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, AdminUsersModel::NameColumn).data().toString());
    return out;
}

/// Opens the row's context menu as the keyboard's menu key (or a right click) does.
QMenu *openContextMenu(QWidget *page, QTableView *table, int row)
{
    const QPoint position = table->visualRect(table->model()->index(row, 0)).center();
    QContextMenuEvent event(QContextMenuEvent::Keyboard, position, table->viewport()->mapToGlobal(position));
    QApplication::sendEvent(table->viewport(), &event);
    return page->findChild<QMenu *>(u"usersContextMenu"_s);
}

/// The visible confirmation of @p page, once it is there.
QMessageBox *waitForConfirmation(app::AdminUsersPage *page)
{
    if (!QTest::qWaitFor([page] { return page->confirmation() && page->confirmation()->isVisible(); }, 5000))
        return nullptr;
    return page->confirmation();
}

qreal dayX(const QDate &date)
{
    return qreal(date.startOfDay().toMSecsSinceEpoch());
}

/// The points of the series named @p name in @p view's chart (an area series by its upper line).
QList<QPointF> seriesPoints(QChartView *view, const QString &name)
{
    for (QAbstractSeries *series : view->chart()->series()) {
        if (series->name() != name)
            continue;
        if (auto *area = qobject_cast<QAreaSeries *>(series))
            return area->upperSeries()->points();
        if (auto *line = qobject_cast<QXYSeries *>(series))
            return line->points();
    }
    return {};
}

} // namespace

class TestAdminPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void searchAndRoleFilter_data();
    void searchAndRoleFilter();
    void usersTablePagesSearchesAndFilters();
    void lastAdminCannotBeDemoted_data();
    void lastAdminCannotBeDemoted();
    void cancelledConfirmationChangesNothing();
    void roleChangeAfterConfirmation();
    void roleChangeReachesTheUserAfterRefresh();
    void deactivationEndsTheUsersSession();
    void nonAdminGetsTheServersRefusal_data();
    void nonAdminGetsTheServersRefusal();
    void statisticsChartsShowTheServersNumbers();
    void auditLogShowsTheRoleChange();

private:
    Account registerAccount(const QString &email, const QString &name);
    /// The user as the server has it now (through the admin's client).
    std::optional<User> serverUser(const QUuid &id);

    std::unique_ptr<test::InkwelldProcess> m_server;
    Account m_admin;
    Account m_carl;
    Account m_vera;
    Account m_dora;
    QHash<QUuid, Role> m_roles; // what this test made of every account
    int m_pagers = 0;
};

Account TestAdminPanel::registerAccount(const QString &email, const QString &name)
{
    Account account{std::make_unique<ApiClient>(m_server->url()), {}};
    Outcome<api::AuthGrant> outcome;
    account.client->registerAccount({email, QString::fromLatin1(kPassword), name}, this, outcome.callback());
    if (!QTest::qWaitFor([&] { return outcome.arrived(); }, kWaitMs) || !outcome.ok()) {
        qWarning() << "registration of" << email << "failed:" << outcome.why();
        return account;
    }
    account.user = (*outcome.result)->user;
    m_roles.insert(account.user.id, account.user.role);
    return account;
}

std::optional<User> TestAdminPanel::serverUser(const QUuid &id)
{
    Outcome<api::Page<api::AdminUser>> page;
    m_admin.client->adminUsers({}, std::nullopt, {}, 100, this, page.callback());
    if (!QTest::qWaitFor([&] { return page.arrived(); }, kWaitMs) || !page.ok())
        return std::nullopt;
    for (const api::AdminUser &item : (*page.result)->items) {
        if (item.user.id == id)
            return item.user;
    }
    return std::nullopt;
}

void TestAdminPanel::initTestCase()
{
    m_server = std::make_unique<test::InkwelldProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));

    // The first account of a fresh server is its administrator; the server makes every later one a creator.
    m_admin = registerAccount(u"ada@example.com"_s, u"Ada Admin"_s);
    QCOMPARE(m_admin.user.role, Role::Admin);
    m_carl = registerAccount(u"carl@example.com"_s, u"Carl Creator"_s);
    QCOMPARE(m_carl.user.role, Role::Creator);
    m_vera = registerAccount(u"vera@example.com"_s, u"Vera Viewer"_s);
    m_dora = registerAccount(u"dora@example.com"_s, u"Dora Gone"_s);
    QVERIFY(!registerAccount(u"zoe@example.com"_s, u"Zoë Ünicode"_s).user.id.isNull());
    for (m_pagers = 1; m_pagers <= 6; ++m_pagers)
        QVERIFY(!registerAccount(u"pager.%1@example.com"_s.arg(m_pagers), u"Paula Pager %1"_s.arg(m_pagers))
                     .user.id.isNull());
    m_pagers = 6;

    Outcome<User> demoted;
    m_admin.client->adminUpdateUser(m_vera.user.id, {.role = Role::Viewer, .isActive = std::nullopt}, this,
                                    demoted.callback());
    QTRY_VERIFY_WITH_TIMEOUT(demoted.arrived(), kWaitMs);
    QVERIFY2(demoted.ok(), qPrintable(demoted.why()));
    m_roles.insert(m_vera.user.id, Role::Viewer);
}

void TestAdminPanel::cleanupTestCase()
{
    m_admin = {};
    m_carl = {};
    m_vera = {};
    m_dora = {};
    if (m_server)
        QVERIFY(m_server->stop());
    m_server.reset();
}

// ---- the users list --------------------------------------------------------------------------------------------

void TestAdminPanel::searchAndRoleFilter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("role"); // -1: any
    QTest::addColumn<QStringList>("expected");

    const QStringList pagers{u"Paula Pager 1"_s, u"Paula Pager 2"_s, u"Paula Pager 3"_s,
                             u"Paula Pager 4"_s, u"Paula Pager 5"_s, u"Paula Pager 6"_s};
    QTest::newRow("name, any case") << u"pAgEr"_s << -1 << pagers;
    QTest::newRow("email") << u"vera@example"_s << -1 << QStringList{u"Vera Viewer"_s};
    QTest::newRow("non-ASCII name") << u"Zoë"_s << -1 << QStringList{u"Zoë Ünicode"_s};
    QTest::newRow("spaces around are ignored") << u"  carl  "_s << -1 << QStringList{u"Carl Creator"_s};
    QTest::newRow("role admin") << QString() << int(Role::Admin) << QStringList{u"Ada Admin"_s};
    QTest::newRow("role viewer") << QString() << int(Role::Viewer) << QStringList{u"Vera Viewer"_s};
    QTest::newRow("search and role") << u"pager"_s << int(Role::Viewer) << QStringList{};
    QTest::newRow("no match") << u"nobody-like-this"_s << -1 << QStringList{};
    QTest::newRow("percent is not a wildcard") << u"%"_s << -1 << QStringList{};
}

void TestAdminPanel::searchAndRoleFilter()
{
    QFETCH(QString, search);
    QFETCH(int, role);
    QFETCH(QStringList, expected);

    AdminUsersModel model(m_admin.client.get());
    model.setPageSize(100);
    QSignalSpy loaded(&model, &AdminUsersModel::loaded);
    model.setSearch(search);
    model.setRoleFilter(role < 0 ? std::nullopt : std::optional<Role>(Role(role)));
    if (search.trimmed().isEmpty() && role < 0)
        model.reload();
    // Only the answer to the last question counts: wait until nothing is loading any more.
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !model.isLoading(), kWaitMs);
    QVERIFY2(model.errorText().isEmpty(), qPrintable(model.errorText()));
    QStringList shown = names(&model);
    shown.sort();
    expected.sort();
    QCOMPARE(shown, expected);
}

void TestAdminPanel::usersTablePagesSearchesAndFilters()
{
    AdminPanel panel(m_admin.client.get(), m_admin.user);
    panel.usersModel()->setPageSize(4);
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *table = panel.findChild<QTableView *>(u"usersTable"_s);
    auto *loadMore = panel.findChild<QPushButton *>(u"usersLoadMore"_s);
    auto *search = panel.findChild<QLineEdit *>(u"usersSearch"_s);
    auto *roleFilter = panel.findChild<QComboBox *>(u"usersRoleFilter"_s);
    QVERIFY(table && loadMore && search && roleFilter);

    // 11 accounts in pages of 4: 4, 8, 11; then nothing more to load.
    const int total = int(m_roles.size());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, kWaitMs);
    QVERIFY(loadMore->isVisible());
    QTest::mouseClick(loadMore, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 8, kWaitMs);
    QTest::mouseClick(loadMore, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), total, kWaitMs);
    QTRY_VERIFY(!loadMore->isVisible());
    QStringList all = names(table->model());
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), total); // nobody twice across pages
    QCOMPARE(table->model()->index(rowOfName(table->model(), u"Vera Viewer"_s), AdminUsersModel::RoleColumn).data(),
             QVariant(u"Viewer"_s));

    // Typing searches (after a short pause); the search is paged too.
    search->setFocus();
    QTest::keyClicks(search, u"pager"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.usersModel()->isLoading() && table->model()->rowCount() == 4 &&
                                 names(table->model()).filter(u"Paula Pager"_s).size() == 4,
                             kWaitMs);
    QVERIFY(loadMore->isVisible());
    QTest::mouseClick(loadMore, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(names(table->model()).filter(u"Paula Pager"_s).size(), m_pagers, kWaitMs);
    QCOMPARE(table->model()->rowCount(), m_pagers);

    // The role filter, by keyboard, together with an emptied search.
    search->selectAll();
    QTest::keyClick(search, Qt::Key_Delete);
    roleFilter->setFocus();
    QTest::keyClick(roleFilter, Qt::Key_Down); // All roles → Viewers
    QCOMPARE(roleFilter->currentData().toInt(), int(Role::Viewer));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.usersModel()->isLoading() && names(table->model()) == QStringList{u"Vera Viewer"_s},
                             kWaitMs);
    QVERIFY(!loadMore->isVisible());
}

void TestAdminPanel::lastAdminCannotBeDemoted_data()
{
    QTest::addColumn<bool>("deactivate");
    QTest::newRow("demote") << false;
    QTest::newRow("deactivate") << true;
}

void TestAdminPanel::lastAdminCannotBeDemoted()
{
    QFETCH(bool, deactivate);

    // What the server says, asked directly: the panel must show this reason, in words.
    Outcome<User> direct;
    m_admin.client->adminUpdateUser(m_admin.user.id,
                                    deactivate ? AdminUserPatch{.role = std::nullopt, .isActive = false}
                                               : AdminUserPatch{.role = Role::Creator, .isActive = std::nullopt},
                                    this, direct.callback());
    QTRY_VERIFY_WITH_TIMEOUT(direct.arrived(), kWaitMs);
    QVERIFY(!direct.ok());
    QCOMPARE(direct.result->error().status, 409);
    const QString reason = direct.result->error().detail;
    QVERIFY(!reason.isEmpty());

    AdminPanel panel(m_admin.client.get(), m_admin.user);
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *page = panel.usersPage();
    auto *table = page->table();
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(table->model(), u"Ada Admin"_s) >= 0, kWaitMs);
    const int row = rowOfName(table->model(), u"Ada Admin"_s);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
    QCOMPARE(table->currentIndex().row(), row);

    QSignalSpy failed(panel.usersModel(), &AdminUsersModel::updateFailed);
    if (deactivate) {
        auto *toggle = panel.findChild<QPushButton *>(u"usersToggleActive"_s);
        QVERIFY(toggle && toggle->isEnabled());
        QTest::mouseClick(toggle, Qt::LeftButton);
    } else {
        QMenu *menu = openContextMenu(page, table, row);
        QVERIFY(menu);
        auto *makeCreator = menu->findChild<QAction *>(u"makeRole_creator"_s);
        QVERIFY(makeCreator && makeCreator->isEnabled());
        makeCreator->trigger();
        menu->close();
    }
    QMessageBox *box = waitForConfirmation(page);
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(failed.at(0).at(2).toInt(), 409);
    auto *banner = panel.findChild<app::MessageBanner *>(u"usersMessage"_s);
    QVERIFY(banner && banner->isVisible());
    QCOMPARE(banner->kind(), app::MessageBanner::Kind::Error);
    QVERIFY2(banner->text().contains(reason), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"Ada Admin"_s), qPrintable(banner->text()));
    // Nothing changed, here or there.
    QCOMPARE(table->model()->index(row, AdminUsersModel::RoleColumn).data(AdminUsersModel::RoleRole).toInt(),
             int(Role::Admin));
    const auto stored = serverUser(m_admin.user.id);
    QVERIFY(stored);
    QCOMPARE(stored->role, Role::Admin);
    QVERIFY(stored->isActive);
}

void TestAdminPanel::cancelledConfirmationChangesNothing()
{
    AdminPanel panel(m_admin.client.get(), m_admin.user);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *page = panel.usersPage();
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->table()->model(), u"Carl Creator"_s) >= 0, kWaitMs);
    const int row = rowOfName(page->table()->model(), u"Carl Creator"_s);
    QSignalSpy updated(panel.usersModel(), &AdminUsersModel::userUpdated);
    QSignalSpy failed(panel.usersModel(), &AdminUsersModel::updateFailed);

    QMenu *menu = openContextMenu(page, page->table(), row);
    QVERIFY(menu);
    auto *makeAdmin = menu->findChild<QAction *>(u"makeRole_admin"_s);
    QVERIFY(makeAdmin);
    makeAdmin->trigger();
    menu->close();
    QMessageBox *box = waitForConfirmation(page);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"Carl Creator"_s), qPrintable(box->text()));
    QTest::keyClick(box, Qt::Key_Escape); // the keyboard's "no"
    QTRY_VERIFY(!page->confirmation());

    // Give a wrongly sent change time to arrive, then check the server.
    QVERIFY(!QTest::qWaitFor([&] { return !updated.isEmpty() || !failed.isEmpty(); }, 500));
    const auto stored = serverUser(m_carl.user.id);
    QVERIFY(stored);
    QCOMPARE(stored->role, Role::Creator);
}

void TestAdminPanel::roleChangeAfterConfirmation()
{
    AdminPanel panel(m_admin.client.get(), m_admin.user);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *page = panel.usersPage();
    auto *table = page->table();
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(table->model(), u"Carl Creator"_s) >= 0, kWaitMs);
    const int row = rowOfName(table->model(), u"Carl Creator"_s);

    QMenu *menu = openContextMenu(page, table, row);
    QVERIFY(menu);
    auto *makeAdmin = menu->findChild<QAction *>(u"makeRole_admin"_s);
    QVERIFY(makeAdmin && makeAdmin->isEnabled());
    QVERIFY(!menu->findChild<QAction *>(u"makeRole_creator"_s)->isEnabled()); // the current role
    makeAdmin->trigger();
    menu->close();
    QMessageBox *box = waitForConfirmation(page);
    QVERIFY(box);
    QVERIFY(box->isModal() || box->windowModality() != Qt::NonModal);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(
        table->model()->index(row, AdminUsersModel::RoleColumn).data(AdminUsersModel::RoleRole).toInt(),
        int(Role::Admin), kWaitMs);
    QCOMPARE(table->model()->index(row, AdminUsersModel::RoleColumn).data().toString(), u"Administrator"_s);
    auto *banner = panel.findChild<app::MessageBanner *>(u"usersMessage"_s);
    QCOMPARE(banner->kind(), app::MessageBanner::Kind::Success);
    const auto stored = serverUser(m_carl.user.id);
    QVERIFY(stored);
    QCOMPARE(stored->role, Role::Admin);
    m_roles.insert(m_carl.user.id, Role::Admin);
}

void TestAdminPanel::roleChangeReachesTheUserAfterRefresh()
{
    // Carl is an administrator now (the test before); the admin makes him a creator again, and Carl's own app learns
    // it from the user that comes with his next token grant.
    QSignalSpy carlsUser(m_carl.client.get(), &ApiClient::userChanged);
    AdminUsersModel model(m_admin.client.get());
    QSignalSpy updated(&model, &AdminUsersModel::userUpdated);
    model.changeRole(m_carl.user.id, Role::Creator);
    QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kWaitMs);
    m_roles.insert(m_carl.user.id, Role::Creator);
    QCOMPARE(carlsUser.count(), 0); // nothing reaches Carl before his app asks

    m_carl.client->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(carlsUser.count(), 1, kWaitMs);
    const User seen = carlsUser.at(0).at(0).value<User>();
    QCOMPARE(seen.id, m_carl.user.id);
    QCOMPARE(seen.role, Role::Creator);

    // And the other way: a promotion shows after the next refresh too.
    model.changeRole(m_carl.user.id, Role::Viewer);
    QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 2, kWaitMs);
    m_carl.client->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(carlsUser.count(), 2, kWaitMs);
    QCOMPARE(carlsUser.at(1).at(0).value<User>().role, Role::Viewer);
    model.changeRole(m_carl.user.id, Role::Creator);
    QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 3, kWaitMs);
}

void TestAdminPanel::deactivationEndsTheUsersSession()
{
    // Dora is signed in and working.
    Outcome<User> before;
    m_dora.client->me(this, before.callback());
    QTRY_VERIFY_WITH_TIMEOUT(before.arrived(), kWaitMs);
    QVERIFY2(before.ok(), qPrintable(before.why()));
    QSignalSpy ended(m_dora.client.get(), &ApiClient::sessionEnded);

    AdminPanel panel(m_admin.client.get(), m_admin.user);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *page = panel.usersPage();
    auto *table = page->table();
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(table->model(), u"Dora Gone"_s) >= 0, kWaitMs);
    const int row = rowOfName(table->model(), u"Dora Gone"_s);
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
    auto *toggle = panel.findChild<QPushButton *>(u"usersToggleActive"_s);
    QVERIFY(toggle && toggle->isEnabled());
    QVERIFY2(toggle->text().remove(u'&').startsWith(u"Deactivate"_s), qPrintable(toggle->text()));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QMessageBox *box = waitForConfirmation(page);
    QVERIFY(box);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // a destructive action is not the default
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!table->model()->index(row, 0).data(AdminUsersModel::ActiveRole).toBool(), kWaitMs);
    QCOMPARE(table->model()->index(row, AdminUsersModel::ActiveColumn).data().toString(), u"Deactivated"_s);
    QTRY_VERIFY(toggle->text().remove(u'&').startsWith(u"Activate"_s));

    // Dora's app: her next call is refused, her refresh token too, and the session is over.
    Outcome<User> after;
    m_dora.client->me(this, after.callback());
    QTRY_VERIFY_WITH_TIMEOUT(after.arrived(), kWaitMs);
    QVERIFY(!after.ok());
    QCOMPARE(after.result->error().status, 401);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kWaitMs);
    QVERIFY(!m_dora.client->hasSession());
    // And she cannot sign in again.
    Outcome<api::AuthGrant> login;
    m_dora.client->login({u"dora@example.com"_s, QString::fromLatin1(kPassword)}, this, login.callback());
    QTRY_VERIFY_WITH_TIMEOUT(login.arrived(), kWaitMs);
    QVERIFY(!login.ok());
}

void TestAdminPanel::nonAdminGetsTheServersRefusal_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("creator") << u"carl"_s;
    QTest::newRow("viewer") << u"vera"_s;
}

void TestAdminPanel::nonAdminGetsTheServersRefusal()
{
    QFETCH(QString, who);
    Account &account = who == u"carl"_s ? m_carl : m_vera;
    ApiClient *client = account.client.get();

    // The server's own words for this caller, asked directly.
    Outcome<api::ApiResponse> direct;
    client->send({.path = u"/api/v1/admin/users"_s}, this, direct.callback());
    QTRY_VERIFY_WITH_TIMEOUT(direct.arrived(), kWaitMs);
    QVERIFY(!direct.ok());
    QCOMPARE(direct.result->error().status, 403);
    const QString reason = direct.result->error().detail;
    QVERIFY(!reason.isEmpty());

    // The engine: every model fails readably, nothing crashes, nothing is shown.
    AdminUsersModel users(client);
    QSignalSpy usersFailed(&users, &AdminUsersModel::loadFailed);
    users.reload();
    QTRY_COMPARE_WITH_TIMEOUT(usersFailed.count(), 1, kWaitMs);
    QCOMPARE(usersFailed.at(0).at(1).toInt(), 403);
    QCOMPARE(usersFailed.at(0).at(0).toString(), reason);
    QCOMPARE(users.rowCount(), 0);

    QSignalSpy changeFailed(&users, &AdminUsersModel::updateFailed);
    users.changeRole(account.user.id, Role::Admin); // promoting oneself
    QTRY_COMPARE_WITH_TIMEOUT(changeFailed.count(), 1, kWaitMs);
    QCOMPARE(changeFailed.at(0).at(2).toInt(), 403);
    QVERIFY(!changeFailed.at(0).at(1).toString().isEmpty());
    QVERIFY(!changeFailed.at(0).at(1).toString().contains(u'{'));

    AdminStatsModel stats(client);
    QSignalSpy statsFailed(&stats, &AdminStatsModel::loadFailed);
    stats.reload();
    QTRY_COMPARE_WITH_TIMEOUT(statsFailed.count(), 1, kWaitMs);
    QCOMPARE(statsFailed.at(0).at(1).toInt(), 403);
    QVERIFY(!stats.stats());

    AuditLogModel audit(client);
    QSignalSpy auditFailed(&audit, &AuditLogModel::loadFailed);
    audit.reload();
    QTRY_COMPARE_WITH_TIMEOUT(auditFailed.count(), 1, kWaitMs);
    QCOMPARE(auditFailed.at(0).at(1).toInt(), 403);

    // The panel shown to a non-admin anyway: the refusal in words, and no action offered.
    AdminPanel panel(client, account.user);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *banner = panel.findChild<app::MessageBanner *>(u"usersMessage"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kWaitMs);
    QVERIFY2(banner->text().contains(reason), qPrintable(banner->text()));
    QCOMPARE(panel.findChild<QTableView *>(u"usersTable"_s)->model()->rowCount(), 0);
    QVERIFY(!panel.findChild<QPushButton *>(u"usersChangeRole"_s)->isEnabled());
    QVERIFY(!panel.findChild<QPushButton *>(u"usersToggleActive"_s)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.findChild<app::MessageBanner *>(u"statsMessage"_s)->text().isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.findChild<app::MessageBanner *>(u"auditMessage"_s)->text().isEmpty(), kWaitMs);
}

// ---- statistics ------------------------------------------------------------------------------------------------

void TestAdminPanel::statisticsChartsShowTheServersNumbers()
{
    // Carl publishes three articles today and keeps one draft.
    for (int i = 1; i <= 4; ++i) {
        Outcome<Article> put;
        m_carl.client->putArticle(QUuid::createUuid(),
                                  {.title = u"Chart article %1"_s.arg(i),
                                   .content = u"Some words for the chart."_s,
                                   .excerpt = std::nullopt,
                                   .tags = std::nullopt,
                                   .status = i <= 3 ? ArticleStatus::Published : ArticleStatus::Draft},
                                  std::nullopt, this, put.callback());
        QTRY_VERIFY_WITH_TIMEOUT(put.arrived(), kWaitMs);
        QVERIFY2(put.ok(), qPrintable(put.why()));
    }

    AdminPanel panel(m_admin.client.get(), m_admin.user);
    panel.resize(1300, 850);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.tabs()->setCurrentWidget(panel.statsPage());
    auto *stats = panel.statsPage();
    QTRY_VERIFY_WITH_TIMEOUT(panel.statsModel()->stats().has_value(), kWaitMs);
    QCOMPARE(panel.statsModel()->days(), 30);

    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QList<QPointF> published = seriesPoints(stats->publishedChart(), u"Articles published"_s);
    QCOMPARE(published.size(), 30);
    QCOMPARE(published.constLast().x(), dayX(today));
    QCOMPARE(published.constLast().y(), 3.0);
    QCOMPARE(published.constFirst().x(), dayX(today.addDays(-29)));
    for (qsizetype i = 0; i + 1 < published.size(); ++i)
        QCOMPARE(published.at(i).y(), 0.0);

    const QList<QPointF> newUsers = seriesPoints(stats->publishedChart(), u"New users"_s);
    QCOMPARE(newUsers.size(), 30);
    QCOMPARE(newUsers.constLast().y(), qreal(m_roles.size())); // everyone registered today

    // Users by role: one slice per role, with what this test made of the accounts.
    QMap<Role, int> expected;
    for (const Role role : std::as_const(m_roles))
        ++expected[role];
    auto *pie = qobject_cast<QPieSeries *>(stats->usersByRoleChart()->chart()->series().value(0));
    QVERIFY(pie);
    QCOMPARE(pie->count(), 3);
    for (const Role role : {Role::Viewer, Role::Creator, Role::Admin}) {
        auto *slice = pie->findChild<QPieSlice *>(u"slice_"_s + roleToString(role));
        QVERIFY2(slice, qPrintable(roleToString(role)));
        QCOMPARE(int(slice->value()), expected.value(role));
        QVERIFY2(slice->label().contains(QString::number(expected.value(role))), qPrintable(slice->label()));
    }

    // Chat and AI: two series on two axes; no AI provider here, so every day is zero.
    const QList<QPointF> messages = seriesPoints(stats->chatChart(), u"Chat messages"_s);
    const QList<QPointF> tokens = seriesPoints(stats->chatChart(), u"AI tokens"_s);
    QCOMPARE(messages.size(), 30);
    QCOMPARE(tokens.size(), 30);
    for (const QPointF &point : messages + tokens)
        QCOMPARE(point.y(), 0.0);
    QCOMPARE(stats->chatChart()->chart()->axes(Qt::Vertical).size(), 2);
    QVERIFY(!stats->publishedChart()->chart()->axes(Qt::Horizontal).isEmpty());

    // Articles by status: three published, one draft.
    auto *bars = qobject_cast<QAbstractBarSeries *>(stats->articlesByStatusChart()->chart()->series().value(0));
    QVERIFY(bars);
    QBarSet *set = bars->barSets().value(0);
    QVERIFY(set);
    QCOMPARE(set->at(0), 1.0); // drafts
    QCOMPARE(set->at(1), 3.0); // published
    QCOMPARE(set->at(2), 0.0); // archived

    QCOMPARE(stats->card(u"cardUsers"_s)->value(), QLocale().toString(qsizetype(m_roles.size())));
    QCOMPARE(stats->card(u"cardPublished"_s)->value(), QLocale().toString(3));
    QCOMPARE(stats->card(u"cardAiRequests"_s)->value(), QLocale().toString(0));

    // Another period: the series follow.
    auto *week = panel.findChild<QToolButton *>(u"statsPeriod7"_s);
    QVERIFY(week);
    QTest::mouseClick(week, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(seriesPoints(stats->publishedChart(), u"Articles published"_s).size(), 7, kWaitMs);
    QCOMPARE(panel.statsModel()->days(), 7);
    QCOMPARE(seriesPoints(stats->publishedChart(), u"Articles published"_s).constLast().y(), 3.0);
    QCOMPARE(seriesPoints(stats->chatChart(), u"AI tokens"_s).size(), 7);
    auto *quarter = panel.findChild<QToolButton *>(u"statsPeriod90"_s);
    quarter->setFocus();
    QTest::keyClick(quarter, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(seriesPoints(stats->publishedChart(), u"Articles published"_s).size(), 90, kWaitMs);

    // A dark palette: the charts are rebuilt in its colours, with the same numbers.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    stats->setPalette(dark);
    QCOMPARE(stats->publishedChart()->chart()->backgroundBrush().color(), QColor(0x18, 0x1a, 0x1e));
    QCOMPARE(seriesPoints(stats->publishedChart(), u"Articles published"_s).constLast().y(), 3.0);
}

// ---- audit log -------------------------------------------------------------------------------------------------

void TestAdminPanel::auditLogShowsTheRoleChange()
{
    AdminPanel panel(m_admin.client.get(), m_admin.user);
    panel.resize(1200, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTest::keyClick(panel.tabs()->tabBar(), Qt::Key_A, Qt::AltModifier); // &Audit log
    QTRY_COMPARE(panel.tabs()->currentWidget(), panel.auditPage());
    auto *table = panel.findChild<QTableView *>(u"auditTable"_s);
    auto *action = panel.findChild<QComboBox *>(u"auditActionFilter"_s);
    auto *text = panel.findChild<QLineEdit *>(u"auditTextFilter"_s);
    QVERIFY(table && action && text);
    QTRY_VERIFY_WITH_TIMEOUT(action->findData(u"user.role_changed"_s) > 0, kWaitMs);

    // Only role changes, by keyboard search in the closed combo box.
    action->setFocus();
    QTest::keyClicks(action, u"Role changed"_s);
    QCOMPARE(action->currentData().toString(), u"user.role_changed"_s);
    QTRY_VERIFY(table->model()->rowCount() > 0);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QCOMPARE(table->model()->index(row, 0).data(AuditLogModel::ActionRole).toString(), u"user.role_changed"_s);

    // The promotion made through the panel: by Ada, to Carl, creator → admin; names, not ids (once resolved).
    const auto findPromotion = [&]() -> int {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QAbstractItemModel *m = table->model();
            if (m->index(row, 0).data(AuditLogModel::TargetIdRole).toUuid() == m_carl.user.id &&
                m->index(row, AuditLogModel::DetailColumn).data().toString() == u"creator → admin"_s)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY(findPromotion() >= 0);
    const int row = findPromotion();
    QCOMPARE(table->model()->index(row, 0).data(AuditLogModel::ActorIdRole).toUuid(), m_admin.user.id);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->index(findPromotion(), AuditLogModel::ActorColumn).data().toString(),
                              u"Ada Admin"_s, kWaitMs);
    QCOMPARE(table->model()->index(findPromotion(), AuditLogModel::TargetColumn).data().toString(), u"Carl Creator"_s);
    QCOMPARE(table->model()->index(findPromotion(), AuditLogModel::ActionColumn).data().toString(), u"Role changed"_s);

    // And by text: Vera's demotion (done in the set-up) is the only role change that names her.
    text->setFocus();
    QTest::keyClicks(text, u"vera"_s);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, AuditLogModel::TargetColumn).data().toString(), u"Vera Viewer"_s);
    QCOMPARE(table->model()->index(0, AuditLogModel::DetailColumn).data().toString(), u"creator → viewer"_s);

    // Dora's deactivation is in the log too.
    text->clear();
    action->setCurrentIndex(action->findData(u"user.deactivated"_s));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(AuditLogModel::TargetIdRole).toUuid(), m_dora.user.id);
}

QTEST_MAIN(TestAdminPanel)
#include "tst_adminpanel.moc"
