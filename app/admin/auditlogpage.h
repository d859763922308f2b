#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace inkwell::engine {
class AuditLogModel;
}

namespace inkwell::app {

class MessageBanner;

/**
 * @brief The Audit log tab: who did what to whom, newest first, filterable by action and by text, with "load
 * more". Keys: Ctrl+F filters, F5 reloads.
 */
class AuditLogPage : public QWidget {
    Q_OBJECT
public:
    explicit AuditLogPage(engine::AuditLogModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    MessageBanner *banner() const { return m_banner; }

private:
    void fillActions();
    void updateFooter();

    engine::AuditLogModel *m_model;
    MessageBanner *m_banner;
    QComboBox *m_action;
    QLineEdit *m_text;
    QToolButton *m_refresh;
    QTableView *m_table;
    QLabel *m_footer;
    QPushButton *m_loadMore;
    QTimer m_textDelay;
};

} // namespace inkwell::app
