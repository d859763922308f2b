#include "auditlogpage.h"

#include "auditlogmodel.h"
#include "dashboardstyle.h"
#include "messagebanner.h"
#include "pilldelegate.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::AuditLogModel;

namespace inkwell::app {

namespace {
constexpr int kFilterDelayMs = 200;
}

AuditLogPage::AuditLogPage(AuditLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(u"auditLogPage"_s);
    setAccessibleName(tr("Audit log"));

    m_banner = new MessageBanner(u"auditMessage"_s, this);

    m_text = new QLineEdit(this);
    m_text->setObjectName(u"auditTextFilter"_s);
    m_text->setAccessibleName(tr("Filter the audit log"));
    m_text->setPlaceholderText(tr("Filter by name, address or detail  (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(260);

    m_action = new QComboBox(this);
    m_action->setObjectName(u"auditActionFilter"_s);
    m_action->setAccessibleName(tr("Show entries of action"));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_refresh = new QToolButton(this);
    m_refresh->setObjectName(u"auditRefresh"_s);
    m_refresh->setAccessibleName(tr("Reload the audit log"));
    m_refresh->setText(tr("Reload"));
    m_refresh->setToolTip(tr("Reload (F5)"));
    m_refresh->setFocusPolicy(Qt::StrongFocus);

    m_table = new QTableView(this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AuditLogModel::DetailColumn, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(AuditLogModel::ActionColumn,
                                      new PillDelegate(
                                          [](const QModelIndex &index, const QPalette &palette) {
                                              using dashboard::Accent;
                                              const QString action = index.data(AuditLogModel::ActionRole).toString();
                                              if (action == u"auth.login_failed"_s || action == u"auth.token_reuse"_s ||
                                                  action == u"user.deactivated"_s)
                                                  return dashboard::accent(Accent::Red, palette);
                                              if (action.startsWith(u"user."_s))
                                                  return dashboard::accent(Accent::Violet, palette);
                                              if (action.startsWith(u"article."_s))
                                                  return dashboard::accent(Accent::Amber, palette);
                                              return dashboard::accent(Accent::Slate, palette);
                                          },
                                          m_table));

    m_footer = new QLabel(this);
    m_footer->setObjectName(u"auditCount"_s);
    m_footer->setAccessibleName(tr("How many entries are shown"));
    m_footer->setForegroundRole(QPalette::PlaceholderText);
    m_loadMore = new QPushButton(tr("Load &older entries"), this);
    m_loadMore->setObjectName(u"auditLoadMore"_s);
    m_loadMore->setAccessibleName(tr("Load older audit entries"));

    auto *tools = new QHBoxLayout;
    tools->setSpacing(8);
    tools->addWidget(m_text, 2);
    tools->addWidget(m_action);
    tools->addStretch(1);
    tools->addWidget(m_refresh);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_footer, 1);
    footer->addWidget(m_loadMore);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(tools);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);

    setTabOrder(m_text, m_action);
    setTabOrder(m_action, m_refresh);
    setTabOrder(m_refresh, m_table);
    setTabOrder(m_table, m_loadMore);

    auto *findAction = new QAction(tr("Filter the audit log"), this);
    findAction->setObjectName(u"auditFindAction"_s);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);
    connect(findAction, &QAction::triggered, this, [this] {
        m_text->setFocus(Qt::ShortcutFocusReason);
        m_text->selectAll();
    });
    auto *reloadAction = new QAction(tr("Reload the audit log"), this);
    reloadAction->setObjectName(u"auditReloadAction"_s);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(reloadAction);
    connect(reloadAction, &QAction::triggered, model, &AuditLogModel::reload);
    connect(m_refresh, &QToolButton::clicked, model, &AuditLogModel::reload);
    connect(m_loadMore, &QPushButton::clicked, model, &AuditLogModel::loadMore);

    m_textDelay.setSingleShot(true);
    m_textDelay.setInterval(kFilterDelayMs);
    connect(m_text, &QLineEdit::textChanged, &m_textDelay, qOverload<>(&QTimer::start));
    connect(&m_textDelay, &QTimer::timeout, this, [this] { m_model->setTextFilter(m_text->text()); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        m_textDelay.stop();
        m_model->setTextFilter(m_text->text());
    });
    connect(m_action, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setActionFilter(m_action->currentData().toString()); });

    connect(model, &AuditLogModel::knownActionsChanged, this, &AuditLogPage::fillActions);
    connect(model, &AuditLogModel::loadingChanged, this, &AuditLogPage::updateFooter);
    connect(model, &QAbstractItemModel::modelReset, this, &AuditLogPage::updateFooter);
    connect(model, &AuditLogModel::loaded, this, [this] {
        m_banner->clear();
        updateFooter();
    });
    connect(model, &AuditLogModel::loadFailed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The audit log could not be loaded: %1").arg(message));
        updateFooter();
    });
    fillActions();
    updateFooter();
}

void AuditLogPage::fillActions()
{
    const QString selected = m_model->actionFilter();
    const QSignalBlocker blocker(m_action);
    m_action->clear();
    m_action->addItem(tr("All actions"), QString());
    for (const QString &action : m_model->knownActions())
        m_action->addItem(AuditLogModel::actionLabel(action), action);
    m_action->setCurrentIndex(std::max(0, m_action->findData(selected)));
}

void AuditLogPage::updateFooter()
{
    if (m_model->isLoading()) {
        m_footer->setText(tr("Loading…"));
    } else {
        QString text = tr("Entries shown: %1").arg(QLocale().toString(m_model->rowCount()));
        if (m_model->rowCount() != m_model->loadedCount())
            text += tr(" (of %1 loaded)").arg(QLocale().toString(m_model->loadedCount()));
        if (m_model->canLoadMore())
            text += tr(" · older entries available");
        m_footer->setText(text);
    }
    m_loadMore->setVisible(m_model->canLoadMore());
    m_loadMore->setEnabled(!m_model->isLoading());
}

} // namespace inkwell::app
