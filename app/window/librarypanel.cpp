#include "librarypanel.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using inkwell::engine::LibraryModel;
using inkwell::engine::SyncState;

namespace inkwell::app {

namespace {

constexpr int kPadding = 10;

/// "5 min ago", "yesterday", "12 Mar": how recent a change is, in a few characters.
QString relativeTime(const QDateTime &time)
{
    const qint64 seconds = time.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 60)
        return QCoreApplication::translate("inkwell::app::LibraryDelegate", "just now");
    if (seconds < 3600) {
        // Counted before the call: lupdate 6.4 loops forever on a division inside translate()'s arguments.
        const int minutes = int(seconds / 60);
        return QCoreApplication::translate("inkwell::app::LibraryDelegate", "%n min ago", nullptr, minutes);
    }
    const QDate date = time.toLocalTime().date();
    const QDate today = QDate::currentDate();
    if (date == today)
        return QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat);
    if (date == today.addDays(-1))
        return QCoreApplication::translate("inkwell::app::LibraryDelegate", "yesterday");
    // The pattern is the translator's: "12 Mar" in English, "12. März" in German.
    return QLocale().toString(date, date.year() == today.year()
                                        ? QCoreApplication::translate("inkwell::app::LibraryDelegate", "d MMM",
                                                                      "date pattern: a day this year")
                                        : QCoreApplication::translate("inkwell::app::LibraryDelegate", "d MMM yyyy",
                                                                      "date pattern: a day in another year"));
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor syncColor(SyncState state, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    switch (state) {
    case SyncState::Synced:
        return dark ? QColor(0x6f, 0xbf, 0x73) : QColor(0x2e, 0x7d, 0x32);
    case SyncState::LocalChanges:
        return dark ? QColor(0xf0, 0xb4, 0x4c) : QColor(0xb2, 0x6a, 0x00);
    case SyncState::Conflict:
    case SyncState::Failed:
        return dark ? QColor(0xef, 0x6f, 0x6c) : QColor(0xc6, 0x28, 0x28);
    }
    return palette.color(QPalette::Text);
}

} // namespace

LibraryDelegate::LibraryDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString LibraryDelegate::syncStateText(SyncState state, bool neverSynced)
{
    switch (state) {
    case SyncState::Synced:
        return tr("Synced");
    case SyncState::LocalChanges:
        return neverSynced ? tr("Not yet on the server") : tr("Local changes");
    case SyncState::Conflict:
        return tr("Conflict");
    case SyncState::Failed:
        return tr("Refused by the server");
    }
    return {};
}

QString LibraryDelegate::statusText(ArticleStatus status)
{
    switch (status) {
    case ArticleStatus::Draft:
        return tr("Draft");
    case ArticleStatus::Published:
        return tr("Published");
    case ArticleStatus::Archived:
        return tr("Archived");
    }
    return {};
}

QSize LibraryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {200, kPadding * 2 + metrics.height() * 3 + 8};
}

void LibraryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = mix(text, palette.color(selected ? QPalette::Highlight : QPalette::Base), 0.4);

    const QRect area = option.rect.adjusted(kPadding + 2, kPadding - 2, -kPadding, -kPadding + 2);
    QFont titleFont = option.font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(option.font.pointSizeF() * 1.05);
    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics metrics(option.font);
    const QFontMetrics smallMetrics(smallFont);

    const auto state = SyncState(index.data(LibraryModel::SyncStateRole).toInt());
    const bool neverSynced = index.data(LibraryModel::NeverSyncedRole).toBool();

    // Sync state: a small dot at the right of the title line (hollow while not on the server yet).
    const int dot = 8;
    const QRect dotRect(area.right() - dot, area.top() + (titleMetrics.height() - dot) / 2, dot, dot);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor stateColor = selected ? text : syncColor(state, palette);
    if (state == SyncState::Synced) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(mix(stateColor, palette.color(QPalette::Base), selected ? 0 : 0.35));
    } else if (neverSynced && state == SyncState::LocalChanges) {
        painter->setPen(QPen(stateColor, 1.6));
        painter->setBrush(Qt::NoBrush);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColor);
    }
    painter->drawEllipse(dotRect);
    painter->restore();

    int y = area.top();
    painter->save();
    painter->setPen(text);
    painter->setFont(titleFont);
    QString title = index.data(LibraryModel::TitleRole).toString();
    if (title.trimmed().isEmpty())
        title = tr("Untitled");
    painter->drawText(QRect(area.left(), y, area.width() - dot - 8, titleMetrics.height()), Qt::AlignLeft,
                      titleMetrics.elidedText(title, Qt::ElideRight, area.width() - dot - 8));
    y += titleMetrics.height() + 2;

    painter->setFont(option.font);
    painter->setPen(muted);
    const QString excerpt = index.data(LibraryModel::ExcerptRole).toString().simplified();
    painter->drawText(QRect(area.left(), y, area.width(), metrics.height()), Qt::AlignLeft,
                      metrics.elidedText(excerpt, Qt::ElideRight, area.width()));
    y += metrics.height() + 4;

    // Meta line: status pill, then time · author · tags.
    painter->setFont(smallFont);
    const auto status = ArticleStatus(index.data(LibraryModel::StatusRole).toInt());
    const QString pill = state == SyncState::Conflict ? syncStateText(state, neverSynced)
                         : state == SyncState::Failed ? syncStateText(state, neverSynced)
                                                      : statusText(status);
    QColor pillColor = status == ArticleStatus::Published  ? syncColor(SyncState::Synced, palette)
                       : status == ArticleStatus::Archived ? muted
                                                           : palette.color(QPalette::Link);
    if (state == SyncState::Conflict || state == SyncState::Failed)
        pillColor = syncColor(state, palette);
    if (selected)
        pillColor = text;
    const int pillWidth = smallMetrics.horizontalAdvance(pill) + 12;
    const QRect pillRect(area.left(), y, pillWidth, smallMetrics.height() + 2);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(pillColor, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(pillRect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter->drawText(pillRect, Qt::AlignCenter, pill);

    QStringList meta{relativeTime(index.data(LibraryModel::UpdatedRole).toDateTime())};
    if (index.data(LibraryModel::AuthorIdRole).toUuid() != m_user)
        meta.append(index.data(LibraryModel::AuthorNameRole).toString());
    const QStringList tags = index.data(LibraryModel::TagsRole).toStringList();
    if (!tags.isEmpty())
        meta.append(u"#"_s + tags.join(u"  #"_s));
    painter->setPen(muted);
    const QRect metaRect(pillRect.right() + 8, y, area.right() - pillRect.right() - 8, pillRect.height());
    painter->drawText(metaRect, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(meta.join(u"  ·  "_s), Qt::ElideRight, metaRect.width()));
    painter->restore();

    if (option.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        focus.rect = option.rect.adjusted(1, 1, -1, -1);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

LibraryPanel::LibraryPanel(engine::Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(u"libraryPanel"_s);
    setAccessibleName(tr("Library"));

    m_searchBox = new QLineEdit(this);
    m_searchBox->setObjectName(u"librarySearch"_s);
    m_searchBox->setAccessibleName(tr("Search the library"));
    m_searchBox->setPlaceholderText(tr("Search (Ctrl+Shift+F)"));
    m_searchBox->setClearButtonEnabled(true);

    m_searchInfo = new QLabel(this);
    m_searchInfo->setObjectName(u"librarySearchInfo"_s);
    m_searchInfo->setAccessibleName(tr("Search status"));
    m_searchInfo->setTextFormat(Qt::PlainText);
    m_searchInfo->setWordWrap(true);
    m_searchInfo->hide();

    m_status = new QComboBox(this);
    m_status->setObjectName(u"libraryStatusFilter"_s);
    m_status->setAccessibleName(tr("Show articles of status"));
    m_status->addItem(tr("All"), -1);
    m_status->addItem(tr("Drafts"), int(ArticleStatus::Draft));
    m_status->addItem(tr("Published"), int(ArticleStatus::Published));
    m_status->addItem(tr("Archived"), int(ArticleStatus::Archived));

    m_tag = new QComboBox(this);
    m_tag->setObjectName(u"libraryTagFilter"_s);
    m_tag->setAccessibleName(tr("Show articles with tag"));

    m_sort = new QComboBox(this);
    m_sort->setObjectName(u"librarySort"_s);
    m_sort->setAccessibleName(tr("Sort articles by"));
    m_sort->addItem(tr("Recently changed"), int(engine::LibraryFilter::Sort::Updated));
    m_sort->addItem(tr("Title"), int(engine::LibraryFilter::Sort::Title));

    m_scope = new QComboBox(this);
    m_scope->setObjectName(u"libraryScope"_s);
    m_scope->setAccessibleName(tr("Whose articles"));
    m_scope->addItem(tr("Mine and published"), 0);
    m_scope->addItem(tr("Only mine"), 1);

    m_new = new QToolButton(this);
    m_new->setObjectName(u"libraryNew"_s);
    m_new->setAccessibleName(tr("New article"));
    m_new->setText(tr("New"));
    m_new->setToolTip(tr("New article (Ctrl+N)"));
    m_new->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_new, &QToolButton::clicked, this, &LibraryPanel::newRequested);

    auto *model = workspace->library();
    m_filter = new engine::LibraryFilter(this);
    m_filter->setSourceModel(model);
    m_search = new engine::LibrarySearch(workspace->client(), workspace->store(), this);

    m_view = new QListView(this);
    m_view->setObjectName(u"libraryList"_s);
    m_view->setAccessibleName(tr("Articles"));
    m_view->setModel(m_filter);
    m_delegate = new LibraryDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(true); // 10,000 rows: one size, no per-row measuring
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);

    m_empty = new QLabel(this);
    m_empty->setObjectName(u"libraryEmpty"_s);
    m_empty->setAccessibleName(tr("Library is empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setMargin(24);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(m_searchBox, 1);
    top->addWidget(m_new);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_tag, 1);
    auto *order = new QHBoxLayout;
    order->setSpacing(6);
    order->addWidget(m_sort, 1);
    order->addWidget(m_scope, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_searchInfo);
    layout->addLayout(filters);
    layout->addLayout(order);
    layout->addWidget(m_stack, 1);

    connect(m_searchBox, &QLineEdit::textChanged, m_search, &engine::LibrarySearch::setQuery);
    connect(m_search, &engine::LibrarySearch::results, this, [this](const std::optional<QList<QUuid>> &ids) {
        m_filter->setSearchResult(ids);
        m_searchInfo->setVisible(ids.has_value());
        if (ids) {
            m_searchInfo->setText(m_search->online()
                                      ? tr("%n result(s) from the server and this computer", nullptr, int(ids->size()))
                                      : tr("%n result(s) on this computer (offline)", nullptr, int(ids->size())));
        }
        updateEmptyState();
    });
    connect(m_search, &engine::LibrarySearch::failed, this, [this](const QString &message) {
        m_searchInfo->setText(message);
        m_searchInfo->show();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_status->currentData().toInt();
        m_filter->setStatus(status < 0 ? std::nullopt : std::optional(ArticleStatus(status)));
        updateEmptyState();
    });
    connect(m_tag, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setTag(m_tag->currentData().toString());
        updateEmptyState();
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setSort(engine::LibraryFilter::Sort(m_sort->currentData().toInt())); });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &LibraryPanel::applyUser);
    connect(m_view, &QListView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT openRequested(index.data(LibraryModel::IdRole).toUuid()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT openRequested(index.data(LibraryModel::IdRole).toUuid());
    });
    connect(model, &LibraryModel::loadedChanged, this, [this] {
        updateTags();
        updateEmptyState();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateTags();
        updateEmptyState();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LibraryPanel::updateEmptyState);
    connect(model, &QAbstractItemModel::dataChanged, this, &LibraryPanel::updateTags);
    connect(workspace, &engine::Workspace::userChanged, this, &LibraryPanel::applyUser);

    // Keyboard: Down from the search box goes to the list; Esc clears the search.
    m_searchBox->installEventFilter(this);
    connect(m_searchBox, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() > 0) {
            m_view->setFocus();
            m_view->setCurrentIndex(m_filter->index(0, 0));
        }
    });
    applyUser();
    updateTags();
    updateEmptyState();
}

void LibraryPanel::applyUser()
{
    const User &user = m_workspace->user();
    m_delegate->setCurrentUser(user.id);
    if (user.role == Role::Admin) {
        m_scope->setItemText(0, tr("Everyone's"));
    } else {
        m_scope->setItemText(0, tr("Mine and published"));
    }
    m_filter->setAuthor(m_scope->currentData().toInt() == 1 ? user.id : QUuid());
    m_view->viewport()->update();
    updateEmptyState();
}

void LibraryPanel::updateTags()
{
    const QStringList tags = m_workspace->library()->tags();
    const QString current = m_tag->currentData().toString();
    QStringList shown;
    for (int i = 1; i < m_tag->count(); ++i)
        shown.append(m_tag->itemData(i).toString());
    if (shown == tags && m_tag->count() > 0)
        return;
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("Any tag"), QString());
    for (const QString &tag : tags)
        m_tag->addItem(u"#"_s + tag, tag);
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        m_filter->setTag(QString());
}

void LibraryPanel::updateEmptyState()
{
    const bool empty = m_filter->rowCount() == 0;
    if (empty) {
        if (!m_workspace->library()->loaded())
            m_empty->setText(tr("Loading the library…"));
        else if (m_filter->searching())
            m_empty->setText(tr("Nothing matches “%1”.").arg(m_searchBox->text()));
        else if (m_workspace->library()->rowCount() == 0)
            m_empty->setText(tr("No articles yet.\nPress Ctrl+N to start writing."));
        else
            m_empty->setText(tr("No article matches these filters."));
    }
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
}

void LibraryPanel::select(const QUuid &id)
{
    const int row = m_workspace->library()->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_workspace->library()->index(row));
    if (!index.isValid())
        return;
    const QSignalBlocker blocker(m_view->selectionModel());
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void LibraryPanel::focusSearch()
{
    m_searchBox->setFocus();
    m_searchBox->selectAll();
}

bool LibraryPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchBox && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down && m_filter->rowCount() > 0) {
            m_view->setFocus();
            m_view->setCurrentIndex(m_filter->index(0, 0));
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_searchBox->text().isEmpty()) {
            m_searchBox->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace inkwell::app
