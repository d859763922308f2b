#pragma once

#include "model/user.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace inkwell::api {
class ApiClient;
}

namespace inkwell::engine {
class AdminStatsModel;
class AdminUsersModel;
class AuditLogModel;
} // namespace inkwell::engine

namespace inkwell::app {

class AdminStatsPage;
class AdminUsersPage;
class AuditLogPage;

/**
 * @brief The administration dashboard: tabs Users, Statistics and Audit log over the engine's admin models.
 *
 * The main window decides whether to show it (admins only); the panel itself never assumes: every call goes to
 * the server, and what the server refuses (a 403 for a non-admin) is shown in the server's words, with the
 * actions disabled. Everything loads when the panel is first shown (or on reload()).
 *
 * Keys: Ctrl+Tab / Ctrl+Shift+Tab or Alt+U / Alt+S / Alt+A switch tabs; each tab's own keys are on its page.
 */
class AdminPanel : public QWidget {
    Q_OBJECT
public:
    AdminPanel(api::ApiClient *client, const User &currentUser, QWidget *parent = nullptr);
    ~AdminPanel() override;

    /// @brief Loads every tab again.
    void reload();
    /// @brief The signed-in user changed (e.g. a new role after a token refresh).
    void setCurrentUser(const User &user);

    engine::AdminUsersModel *usersModel() const { return m_users; }
    engine::AuditLogModel *auditModel() const { return m_audit; }
    engine::AdminStatsModel *statsModel() const { return m_stats; }
    AdminUsersPage *usersPage() const { return m_usersPage; }
    AdminStatsPage *statsPage() const { return m_statsPage; }
    AuditLogPage *auditPage() const { return m_auditPage; }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateHeader();
    void restyle();

    api::ApiClient *m_client;
    User m_currentUser;
    engine::AdminUsersModel *m_users;
    engine::AuditLogModel *m_audit;
    engine::AdminStatsModel *m_stats;
    AdminUsersPage *m_usersPage;
    AdminStatsPage *m_statsPage;
    AuditLogPage *m_auditPage;
    QTabWidget *m_tabs;
    QLabel *m_subtitle;
    bool m_loaded = false;
    bool m_restyling = false;
};

} // namespace inkwell::app
