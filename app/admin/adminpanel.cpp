#include "adminpanel.h"

#include "adminstatsmodel.h"
#include "adminstatspage.h"
#include "adminusersmodel.h"
#include "adminuserspage.h"
#include "api/apiclient.h"
#include "auditlogmodel.h"
#include "auditlogpage.h"
#include "dashboardstyle.h"

#include <QEvent>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace inkwell::engine;

namespace inkwell::app {

AdminPanel::AdminPanel(api::ApiClient *client, const User &currentUser, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_currentUser(currentUser)
    , m_users(new AdminUsersModel(client, this))
    , m_audit(new AuditLogModel(client, this))
    , m_stats(new AdminStatsModel(client, this))
{
    setObjectName(u"adminPanel"_s);
    setAccessibleName(tr("Administration"));

    auto *title = new QLabel(tr("Administration"), this);
    title->setObjectName(u"adminTitle"_s);
    title->setAccessibleName(tr("Administration"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::Bold);
    title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(u"adminSubtitle"_s);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextFormat(Qt::PlainText);

    m_usersPage = new AdminUsersPage(m_users, currentUser, this);
    m_statsPage = new AdminStatsPage(m_stats, this);
    m_auditPage = new AuditLogPage(m_audit, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"adminTabs"_s);
    m_tabs->setAccessibleName(tr("Administration sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_usersPage, tr("&Users"));
    m_tabs->addTab(m_statsPage, tr("&Statistics"));
    m_tabs->addTab(m_auditPage, tr("&Audit log"));

    auto *header = new QVBoxLayout;
    header->setContentsMargins(18, 14, 18, 6);
    header->setSpacing(0);
    header->addWidget(title);
    header->addWidget(m_subtitle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    // The audit log names people; the users list already knows their names.
    const auto nameUsers = [this] {
        for (int row = 0; row < m_users->rowCount(); ++row)
            m_audit->setUserName(m_users->userAt(row).user.id, m_users->userAt(row).user.fullName);
    };
    connect(m_users, &AdminUsersModel::loaded, this, nameUsers);
    // A change shows at once in the log and in the statistics (users by role).
    connect(m_users, &AdminUsersModel::userUpdated, this, [this](const User &user) {
        if (user.id == m_currentUser.id)
            setCurrentUser(user);
        m_audit->reload();
        m_stats->reload();
    });
    updateHeader();
    restyle();
}

AdminPanel::~AdminPanel() = default;

void AdminPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_restyling)
        restyle();
    QWidget::changeEvent(event);
}

void AdminPanel::restyle()
{
    using namespace dashboard;
    m_restyling = true;
    const QPalette &palette = this->palette();
    const auto rgba = [](const QColor &c) {
        return u"rgba(%1, %2, %3, %4)"_s.arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
    };
    const QColor text = palette.color(QPalette::Text);
    const QColor dim = withAlpha(text, 0.66f);
    const QColor border = withAlpha(text, isDark(palette) ? 0.16f : 0.13f);
    const QColor accentColor = accent(Accent::Primary, palette);
    const QColor selection = withAlpha(accentColor, isDark(palette) ? 0.30f : 0.16f);
    // A product's dashboard rather than a form: tabs as a navigation bar with an accent underline, quiet table
    // headers, and a soft selection that keeps the row's text (and its badges) readable.
    const QString sheet =
        u"QTabWidget#adminTabs::pane { border: none; border-top: 1px solid %1; top: -1px; }"
        u"QTabWidget#adminTabs > QTabBar { qproperty-drawBase: 0; }"
        u"QTabWidget#adminTabs > QTabBar::tab { padding: 7px 18px; margin-right: 2px; border: none;"
        u"  border-bottom: 2px solid transparent; background: transparent; color: %2; }"
        u"QTabWidget#adminTabs > QTabBar::tab:selected { color: %3; border-bottom: 2px solid %4; font-weight: 600; }"
        u"QTabWidget#adminTabs > QTabBar::tab:hover:!selected { color: %3; border-bottom: 2px solid %1; }"
        u"QHeaderView::section { background: %5; color: %2; padding: 6px 4px; border: none;"
        u"  border-bottom: 1px solid %1; font-weight: 600; }"
        u"QTableView { border: 1px solid %1; border-radius: 6px; background: %5; gridline-color: transparent;"
        u"  selection-background-color: %6; selection-color: %3; }"_s.arg(
            rgba(border), rgba(dim), text.name(), accentColor.name(), palette.color(QPalette::Base).name(),
            rgba(selection));
    if (styleSheet() != sheet)
        setStyleSheet(sheet);
    m_restyling = false;
}

void AdminPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        reload();
}

void AdminPanel::reload()
{
    m_loaded = true;
    m_users->reload();
    m_stats->reload();
    m_audit->reload();
}

void AdminPanel::setCurrentUser(const User &user)
{
    m_currentUser = user;
    m_usersPage->setCurrentUser(user);
    updateHeader();
}

void AdminPanel::updateHeader()
{
    const QString server = m_client->server().host();
    m_subtitle->setText(tr("Users, usage and security events of %1 · signed in as %2 (%3)")
                            .arg(server, m_currentUser.fullName, roleDisplayName(m_currentUser.role)));
    m_subtitle->setAccessibleName(m_subtitle->text());
}

} // namespace inkwell::app
