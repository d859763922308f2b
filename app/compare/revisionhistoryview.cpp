#include "revisionhistoryview.h"

#include "api/apiclient.h"
#include "colorchip.h"
#include "comparecolors.h"
#include "comparetext.h"
#include "diffdocument.h"
#include "localstore.h"
#include "markdown/markdown.h"
#include "namecache.h"
#include "syncengine.h"
#include "textpane.h"

#include <QAction>
#include <QBoxLayout>
#include <QButtonGroup>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

constexpr int kContextLines = 3;

enum Column { RevisionColumn, SavedColumn, ByColumn, TitleColumn };

QLabel *plainLabel(QWidget *parent, const QString &name, const QString &accessible)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAccessibleName(accessible);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void dim(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

/// Tags of @p a that @p b lacks, ignoring case (the server keeps tags unique that way).
QStringList tagsMissing(const QStringList &a, const QStringList &b)
{
    QStringList missing;
    for (const QString &tag : a) {
        if (!b.contains(tag, Qt::CaseInsensitive))
            missing.append(tag);
    }
    return missing;
}

} // namespace

RevisionHistoryView::RevisionHistoryView(api::ApiClient *client, engine::LocalStore *store, const QUuid &articleId,
                                         engine::SyncEngine *engine, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_store(store)
    , m_engine(engine)
    , m_id(articleId)
    , m_names(new NameCache(client, this))
{
    setObjectName(u"revisionHistoryView"_s);
    setAccessibleName(tr("Revision history"));
    setWindowTitle(tr("History"));
    resize(1200, 760);
    buildUi();
    connect(m_names, &NameCache::nameKnown, this, &RevisionHistoryView::updateNames);
    if (m_store) {
        connect(m_store, &engine::LocalStore::changed, this, [this](const QList<QUuid> &ids) {
            if (ids.isEmpty() || ids.contains(m_id))
                readLocal();
        });
    }
    readLocal();
    updateActions();
}

RevisionHistoryView::~RevisionHistoryView()
{
    // The children outlive this part of the object and may still signal while QWidget deletes them.
    for (QObject *child : std::initializer_list<QObject *>{m_old, m_new, m_inline, m_list})
        child->disconnect(this);
}

void RevisionHistoryView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);

    m_title = plainLabel(this, u"historyTitle"_s, tr("Article"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_title->setFont(big);
    layout->addWidget(m_title);
    auto *explanation = plainLabel(this, u"historyExplanation"_s, tr("About the history"));
    explanation->setWordWrap(true);
    explanation->setText(tr("Every save on the server is a revision. Select one to see how your text differs from "
                            "it; restoring one makes it your text again without losing any revision."));
    dim(explanation);
    layout->addWidget(explanation);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"historySplitter"_s);
    splitter->setAccessibleName(tr("Revisions and comparison"));
    splitter->setChildrenCollapsible(false);

    // The list of revisions.
    auto *left = new QWidget(splitter);
    left->setObjectName(u"revisionsPanel"_s);
    left->setAccessibleName(tr("Revisions"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *listLabel = new QLabel(tr("&Revisions on the server"), left);
    listLabel->setObjectName(u"revisionListLabel"_s);
    listLabel->setAccessibleName(tr("Revisions on the server"));
    QFont bold = listLabel->font();
    bold.setBold(true);
    listLabel->setFont(bold);
    leftLayout->addWidget(listLabel);
    m_list = new QTreeWidget(left);
    m_list->setObjectName(u"revisionList"_s);
    m_list->setAccessibleName(tr("Revisions, newest first"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Revision"), tr("Saved"), tr("By"), tr("Title")});
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(RevisionColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(SavedColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ByColumn, QHeaderView::ResizeToContents);
    listLabel->setBuddy(m_list);
    leftLayout->addWidget(m_list, 1);
    m_listMessage = plainLabel(left, u"listMessage"_s, tr("History status"));
    m_listMessage->setWordWrap(true);
    m_listMessage->hide();
    leftLayout->addWidget(m_listMessage);
    auto *listButtons = new QHBoxLayout;
    m_retry = new QPushButton(tr("Try a&gain"), left);
    m_retry->setObjectName(u"retry"_s);
    m_retry->setAccessibleName(tr("Try loading the history again"));
    m_retry->hide();
    m_loadMore = new QPushButton(tr("Load &older revisions"), left);
    m_loadMore->setObjectName(u"loadMore"_s);
    m_loadMore->setAccessibleName(tr("Load older revisions"));
    m_loadMore->hide();
    listButtons->addWidget(m_retry);
    listButtons->addWidget(m_loadMore);
    listButtons->addStretch(1);
    leftLayout->addLayout(listButtons);
    splitter->addWidget(left);

    // The comparison.
    auto *right = new QWidget(splitter);
    right->setObjectName(u"comparisonPanel"_s);
    right->setAccessibleName(tr("Comparison"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_diffHeader = plainLabel(right, u"diffHeader"_s, tr("Comparison"));
    m_diffHeader->setFont(bold);
    m_diffHeader->setWordWrap(true);
    rightLayout->addWidget(m_diffHeader);
    m_summary = plainLabel(right, u"diffSummary"_s, tr("Title, excerpt and tags"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_summary);

    auto *tools = new QHBoxLayout;
    m_inlineButton = new QToolButton(right);
    m_inlineButton->setObjectName(u"inlineMode"_s);
    m_inlineButton->setAccessibleName(tr("Show the differences inline"));
    m_inlineButton->setText(tr("&Inline"));
    m_inlineButton->setCheckable(true);
    m_inlineButton->setChecked(true);
    m_sideButton = new QToolButton(right);
    m_sideButton->setObjectName(u"sideBySideMode"_s);
    m_sideButton->setAccessibleName(tr("Show the differences side by side"));
    m_sideButton->setText(tr("Side &by side"));
    m_sideButton->setCheckable(true);
    auto *modes = new QButtonGroup(this);
    modes->setExclusive(true);
    modes->addButton(m_inlineButton);
    modes->addButton(m_sideButton);
    connect(m_inlineButton, &QToolButton::clicked, this, [this] { setMode(Mode::Inline); });
    connect(m_sideButton, &QToolButton::clicked, this, [this] { setMode(Mode::SideBySide); });
    tools->addWidget(m_inlineButton);
    tools->addWidget(m_sideButton);
    tools->addSpacing(12);
    m_stats = plainLabel(right, u"diffStats"_s, tr("Lines changed"));
    tools->addWidget(m_stats);
    tools->addStretch(1);
    m_copy = new QPushButton(tr("&Copy as unified diff"), right);
    m_copy->setObjectName(u"copyDiff"_s);
    m_copy->setAccessibleName(tr("Copy the differences as a unified diff"));
    m_copy->setAutoDefault(false);
    auto *copyAction = new QAction(this);
    copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, [this] {
        if (m_copy->isEnabled())
            copyUnifiedDiff();
    });
    addAction(copyAction);
    m_copy->setToolTip(tr("Copy the text's differences as a unified diff (%1)")
                           .arg(copyAction->shortcut().toString(QKeySequence::NativeText)));
    tools->addWidget(m_copy);
    rightLayout->addLayout(tools);

    m_stack = new QStackedWidget(right);
    m_stack->setObjectName(u"diffStack"_s);
    m_stack->setAccessibleName(tr("Differences"));
    m_inline = new TextPane(m_stack);
    m_inline->setObjectName(u"inlineDiff"_s);
    m_inline->setAccessibleName(tr("Differences, inline"));
    m_inline->setReadOnly(true);
    m_inline->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_inline->setPlaceholderText(tr("Select a revision to compare it with your text."));
    auto *inlineFrame = new QFrame(m_stack);
    inlineFrame->setObjectName(u"inlineFrame"_s);
    inlineFrame->setAccessibleName(tr("Differences, inline"));
    inlineFrame->setFrameShape(QFrame::StyledPanel);
    auto *inlineLayout = new QVBoxLayout(inlineFrame);
    inlineLayout->setContentsMargins(0, 0, 0, 0);
    inlineLayout->addWidget(m_inline);
    m_stack->addWidget(inlineFrame);

    auto *sides = new QSplitter(Qt::Horizontal, m_stack);
    sides->setObjectName(u"sideBySide"_s);
    sides->setAccessibleName(tr("Differences, side by side"));
    sides->setChildrenCollapsible(false);
    const auto column = [sides](TextPane *pane, QLabel *header, ColorChip::Role role) {
        auto *frame = new QFrame(sides);
        frame->setObjectName(pane->objectName() + u"Column"_s);
        frame->setAccessibleName(pane->accessibleName());
        frame->setFrameShape(QFrame::StyledPanel);
        auto *columnLayout = new QVBoxLayout(frame);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->setSpacing(0);
        auto *head = new QHBoxLayout;
        head->setContentsMargins(10, 6, 10, 6);
        head->setSpacing(8);
        head->addWidget(new ColorChip(role, frame));
        head->addWidget(header, 1);
        columnLayout->addLayout(head);
        columnLayout->addWidget(pane, 1);
        sides->addWidget(frame);
    };
    m_old = new TextPane(sides);
    m_old->setObjectName(u"oldPane"_s);
    m_old->setAccessibleName(tr("The revision's text"));
    m_old->setReadOnly(true);
    m_old->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_new = new TextPane(sides);
    m_new->setObjectName(u"newPane"_s);
    m_new->setAccessibleName(tr("Your text"));
    m_new->setReadOnly(true);
    m_new->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_oldHeader = plainLabel(sides, u"oldHeader"_s, tr("Revision header"));
    m_oldHeader->setFont(bold);
    m_newHeader = plainLabel(sides, u"newHeader"_s, tr("Your text header"));
    m_newHeader->setFont(bold);
    m_newHeader->setText(tr("Your text"));
    column(m_old, m_oldHeader, ColorChip::Role::Removed);
    column(m_new, m_newHeader, ColorChip::Role::Added);
    m_stack->addWidget(sides);
    // The two columns have the same rows: scrolling one scrolls the other to the same row.
    connect(m_old, &TextPane::topLineChanged, this, [this](int line) {
        if (!m_syncingScroll) {
            m_syncingScroll = true;
            m_new->scrollToLine(line);
            m_syncingScroll = false;
        }
    });
    connect(m_new, &TextPane::topLineChanged, this, [this](int line) {
        if (!m_syncingScroll) {
            m_syncingScroll = true;
            m_old->scrollToLine(line);
            m_syncingScroll = false;
        }
    });
    rightLayout->addWidget(m_stack, 1);

    auto *restoreRow = new QHBoxLayout;
    m_message = plainLabel(right, u"message"_s, tr("What happened"));
    m_message->setWordWrap(true);
    restoreRow->addWidget(m_message, 1);
    m_restoreReason = plainLabel(right, u"restoreReason"_s, tr("Why restoring is not possible"));
    dim(m_restoreReason);
    restoreRow->addWidget(m_restoreReason);
    m_restore = new QPushButton(tr("Re&store this revision…"), right);
    m_restore->setObjectName(u"restore"_s);
    m_restore->setAccessibleName(tr("Restore this revision"));
    m_restore->setAutoDefault(false);
    restoreRow->addWidget(m_restore);
    rightLayout->addLayout(restoreRow);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({420, 900});
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"dialogButtons"_s);
    buttons->setAccessibleName(tr("Dialog buttons"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"close"_s);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the history"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &RevisionHistoryView::onSelectionChanged);
    connect(m_loadMore, &QPushButton::clicked, this, &RevisionHistoryView::loadMore);
    connect(m_retry, &QPushButton::clicked, this, &RevisionHistoryView::reload);
    connect(m_copy, &QPushButton::clicked, this, &RevisionHistoryView::copyUnifiedDiff);
    connect(m_restore, &QPushButton::clicked, this, &RevisionHistoryView::restoreSelected);
    m_list->setFocus();
}

void RevisionHistoryView::readLocal()
{
    if (!m_store)
        return;
    m_store->article(m_id, this, [this](std::optional<engine::LocalArticle> article) {
        const bool first = !m_localRead;
        m_localRead = true;
        m_local = std::move(article);
        if (!m_local) {
            m_title->setText(tr("History"));
            m_listMessage->setText(tr("This article is not in the library on this computer."));
            m_listMessage->show();
            updateActions();
            return;
        }
        m_title->setText(tr("History of %1").arg(comparetext::quoted(m_local->text.title, 80)));
        setWindowTitle(tr("History — %1").arg(m_local->text.title));
        m_names->seed(m_local->entry.authorId, m_local->entry.authorName);
        if (m_local->entry.neverSynced()) {
            m_listMessage->setText(tr("This article has not been on the server yet, so it has no history. It will "
                                      "once it has synced."));
            m_listMessage->show();
            updateActions();
            return;
        }
        const bool newRevision = m_knownRevision && m_knownRevision != m_local->entry.revision;
        m_knownRevision = m_local->entry.revision;
        if (first || (newRevision && m_listLoaded))
            reload(); // a sync brought a new revision: list it
        if (!first)
            compare(); // the text here changed: compare again
        updateActions();
    });
}

void RevisionHistoryView::reload()
{
    m_list->clear();
    m_infos.clear();
    m_nextCursor.clear();
    m_listLoaded = false;
    m_loadMore->hide();
    fetchPage(QString());
}

void RevisionHistoryView::loadMore()
{
    if (!m_nextCursor.isEmpty())
        fetchPage(m_nextCursor);
}

void RevisionHistoryView::fetchPage(const QString &cursor)
{
    if (!m_client)
        return;
    const quint64 generation = ++m_listGeneration;
    m_retry->hide();
    m_loadMore->setEnabled(false);
    m_listMessage->setText(cursor.isEmpty() ? tr("Loading the history…") : tr("Loading older revisions…"));
    setTextColor(m_listMessage, palette().color(QPalette::PlaceholderText));
    m_listMessage->show();
    m_client->revisions(m_id, cursor, this,
                        [this, generation, cursor](api::ApiResult<api::Page<api::RevisionInfo>> page) {
                            if (generation != m_listGeneration)
                                return; // a newer request replaced this one
                            m_loadMore->setEnabled(true);
                            if (!page) {
                                m_listMessage->setText(describe(page.error(), true));
                                setTextColor(m_listMessage, CompareColors::fromPalette(palette()).bad);
                                m_retry->setVisible(cursor.isEmpty());
                                m_loadMore->setVisible(!cursor.isEmpty());
                                return;
                            }
                            m_listLoaded = true;
                            m_listMessage->hide();
                            addRows(page->items);
                            m_nextCursor = page->nextCursor.value_or(QString());
                            m_loadMore->setVisible(!m_nextCursor.isEmpty());
                            if (m_list->topLevelItemCount() == 0) {
                                m_listMessage->setText(tr("The server lists no revisions of this article."));
                                m_listMessage->show();
                            }
                        });
}

void RevisionHistoryView::addRows(const QList<api::RevisionInfo> &items)
{
    const bool firstPage = m_list->topLevelItemCount() == 0;
    for (const api::RevisionInfo &info : items) {
        m_infos.insert(info.revision, info);
        auto *item = new QTreeWidgetItem(m_list);
        const bool latest = firstPage && item == m_list->topLevelItem(0);
        item->setText(RevisionColumn, latest ? tr("%1 · latest").arg(info.revision) : QString::number(info.revision));
        item->setData(RevisionColumn, Qt::UserRole, info.revision);
        item->setText(SavedColumn, comparetext::when(info.updatedAt));
        item->setToolTip(SavedColumn, QLocale().toString(info.updatedAt.toLocalTime(), QLocale::LongFormat));
        item->setText(TitleColumn, info.title);
        item->setToolTip(TitleColumn, info.title);
    }
    updateNames();
    // A reload keeps the revision the user was looking at.
    if (m_selected != 0 && !m_list->currentItem())
        selectRevision(m_selected);
}

void RevisionHistoryView::updateNames()
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const api::RevisionInfo info = m_infos.value(item->data(RevisionColumn, Qt::UserRole).toInt());
        QString name;
        if (info.updatedBy) {
            name = m_names->name(*info.updatedBy);
            if (name.isEmpty())
                name = tr("another account");
        }
        item->setText(ByColumn, name);
    }
    if (m_selected != 0) {
        m_oldHeader->setText(revisionLabel(m_selected));
        m_diffHeader->setText(tr("%1 compared with your text").arg(revisionLabel(m_selected)));
    }
}

bool RevisionHistoryView::selectRevision(int revision)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(RevisionColumn, Qt::UserRole).toInt() == revision) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void RevisionHistoryView::onSelectionChanged()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return; // a reload cleared the list; the selection comes back with it
    const int revision = item->data(RevisionColumn, Qt::UserRole).toInt();
    if (revision == m_selected && m_shownRevision == revision)
        return;
    m_selected = revision;
    setMessage(QString());
    compare();
}

QString RevisionHistoryView::revisionLabel(int revision) const
{
    const api::RevisionInfo info = m_infos.value(revision);
    QString who;
    if (info.updatedBy)
        who = m_names->name(*info.updatedBy);
    const QString when = comparetext::when(info.updatedAt);
    if (!who.isEmpty())
        return tr("Revision %1 (%2, by %3)").arg(revision).arg(when, who);
    return when.isEmpty() ? tr("Revision %1").arg(revision) : tr("Revision %1 (%2)").arg(revision).arg(when);
}

sync::ArticleText RevisionHistoryView::revisionText(int revision) const
{
    const Article article = m_revisions.value(revision);
    // As the store keeps texts: an excerpt that is only the automatic one is no typed excerpt.
    const bool automatic = article.excerpt == markdown::excerpt(article.content);
    return {article.title, automatic ? QString() : article.excerpt, article.tags, article.content};
}

void RevisionHistoryView::compare()
{
    if (m_selected == 0 || !m_local)
        return;
    const int revision = m_selected;
    const quint64 generation = ++m_diffGeneration;
    if (!m_revisions.contains(revision)) {
        if (!m_client)
            return;
        setMessage(tr("Fetching revision %1…").arg(revision));
        m_client->revision(m_id, revision, this, [this, revision, generation](api::ApiResult<Article> article) {
            if (article)
                m_revisions.insert(revision, *article);
            if (generation != m_diffGeneration)
                return; // the user moved on
            if (!article) {
                setMessage(describe(article.error(), false), true);
                m_shownRevision = 0;
                m_inline->setLines({});
                m_old->setLines({});
                m_new->setLines({});
                m_inline->setPlaceholderText(tr("Revision %1 could not be fetched.").arg(revision));
                updateActions();
                return;
            }
            setMessage(QString());
            compare();
        });
        updateActions();
        return;
    }

    const sync::ArticleText old = revisionText(revision);
    const sync::ArticleText current = m_local->text;
    m_diffHeader->setText(tr("%1 compared with your text").arg(revisionLabel(revision)));
    m_oldHeader->setText(revisionLabel(revision));
    m_newHeader->setText(m_local->entry.syncState == engine::SyncState::Synced ? tr("Your text")
                                                                               : tr("Your text (not synced yet)"));
    QStringList summary;
    const auto excerptShown = [](const QString &excerpt) {
        return excerpt.isEmpty() ? tr("(automatic)") : comparetext::quoted(excerpt, 50);
    };
    if (old.title != current.title)
        summary.append(tr("Title: %1 → %2").arg(comparetext::quoted(old.title), comparetext::quoted(current.title)));
    if (old.excerpt != current.excerpt)
        summary.append(tr("Excerpt: %1 → %2").arg(excerptShown(old.excerpt), excerptShown(current.excerpt)));
    const QStringList added = tagsMissing(current.tags, old.tags);
    const QStringList removed = tagsMissing(old.tags, current.tags);
    if (!added.isEmpty() || !removed.isEmpty()) {
        QStringList parts;
        if (!added.isEmpty())
            parts.append(tr("added %1").arg(added.join(u", "_s)));
        if (!removed.isEmpty())
            parts.append(tr("removed %1").arg(removed.join(u", "_s)));
        summary.append(tr("Tags: %1").arg(parts.join(u"; "_s)));
    }
    if (summary.isEmpty())
        summary.append(tr("Title, excerpt and tags: the same as yours."));
    m_summary->setText(summary.join(u'\n'));

    // The diff on a worker: a long article must not stall typing elsewhere in the app.
    auto *watcher = new QFutureWatcher<DiffDocument>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, revision] {
        watcher->deleteLater();
        if (generation == m_diffGeneration)
            showDiff(watcher->result(), revision);
    });
    watcher->setFuture(QtConcurrent::run(
        [before = old.content, after = current.content] { return DiffDocument::build(before, after, kContextLines); }));
}

void RevisionHistoryView::showDiff(const DiffDocument &diff, int revision)
{
    m_shownRevision = revision;
    const QString same = tr("The text of revision %1 is the same as yours.").arg(revision);
    m_inline->setPlaceholderText(same);
    m_old->setPlaceholderText(same);
    m_new->setPlaceholderText(QString());
    m_inline->setLines(diff.inlineLines);
    m_old->setLines(diff.oldLines);
    m_new->setLines(diff.newLines);
    const CompareColors colors = CompareColors::fromPalette(palette());
    if (diff.identical()) {
        m_stats->setText(tr("No changes in the text"));
        setTextColor(m_stats, palette().color(QPalette::PlaceholderText));
    } else {
        m_stats->setText(tr("%n line(s) added", nullptr, diff.added) + u", "_s +
                         tr("%n line(s) removed", nullptr, diff.removed));
        setTextColor(m_stats, palette().color(QPalette::WindowText));
    }
    Q_UNUSED(colors)
    updateActions();
}

QString RevisionHistoryView::unifiedDiffText() const
{
    if (m_shownRevision == 0 || m_shownRevision != m_selected || !m_local || !m_revisions.contains(m_selected))
        return {};
    return sync::unifiedDiff(m_revisions.value(m_selected).content, m_local->text.content,
                             u"revision %1"_s.arg(m_selected), u"current"_s);
}

void RevisionHistoryView::copyUnifiedDiff()
{
    const QString diff = unifiedDiffText();
    if (diff.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(diff);
    setMessage(tr("Copied the differences as a unified diff (%n line(s)).", nullptr, int(diff.count(u'\n'))));
}

void RevisionHistoryView::setMode(Mode mode)
{
    m_mode = mode;
    m_stack->setCurrentIndex(mode == Mode::Inline ? 0 : 1);
    m_inlineButton->setChecked(mode == Mode::Inline);
    m_sideButton->setChecked(mode == Mode::SideBySide);
}

void RevisionHistoryView::updateActions()
{
    const bool shown = m_local && m_selected != 0 && m_shownRevision == m_selected && m_revisions.contains(m_selected);
    const bool sameText = shown && revisionText(m_selected) == m_local->text;
    const bool conflict = m_local && m_local->entry.syncState == engine::SyncState::Conflict;
    QString reason;
    if (conflict)
        reason = tr("Settle this article's conflict first.");
    else if (shown && sameText)
        reason = tr("Your text is already that of revision %1.").arg(m_selected);
    m_restore->setEnabled(shown && !sameText && !conflict && !m_restoring && m_store);
    m_restoreReason->setText(reason);
    m_restore->setToolTip(reason.isEmpty() ? tr("Make this revision your text again") : reason);
    m_copy->setEnabled(shown && m_revisions.value(m_selected).content != m_local->text.content);
    if (!shown && m_selected == 0) {
        m_diffHeader->setText(tr("Select a revision to compare it with your text"));
        m_summary->clear();
        m_stats->clear();
    }
}

void RevisionHistoryView::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    setTextColor(m_message, error ? CompareColors::fromPalette(palette()).bad : palette().color(QPalette::WindowText));
}

QString RevisionHistoryView::describe(const api::ApiError &error, bool list) const
{
    if (error.isUnreachable()) {
        return list ? tr("The history is kept on the server, which cannot be reached right now. Your text is safe on "
                         "this computer; try again when you are online.")
                    : tr("This revision is on the server, which cannot be reached right now. Try again when you are "
                         "online.");
    }
    if (error.kind == api::ApiError::Kind::Http) {
        switch (error.status) {
        case 401:
            return tr("Your session has ended: sign in again to see the history.");
        case 403:
            return tr("The server does not let this account see the history of this article.");
        case 404:
            return list ? tr("The server does not have this article any more; it may have been deleted.")
                        : tr("The server does not have this revision.");
        default:
            break;
        }
    }
    return tr("The server refused: %1").arg(error.message());
}

void RevisionHistoryView::restoreSelected()
{
    if (!m_restore->isEnabled())
        return;
    const int revision = m_selected;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Restore revision %1?").arg(revision),
                                tr("Your title, excerpt, tags and text become those of revision %1. They are saved "
                                   "here as your draft and sent to the server as a new revision with the next sync; "
                                   "every earlier revision, including the one you have now, stays in the history.")
                                    .arg(revision),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"restoreConfirmation"_s);
    box->setAccessibleName(tr("Confirm restoring revision %1").arg(revision));
    if (m_local && m_local->entry.syncState != engine::SyncState::Synced)
        box->setInformativeText(tr("Your text has changes that are not on the server yet. They are replaced and "
                                   "will not be in the history."));
    QPushButton *restore = box->addButton(tr("Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(u"confirmRestore"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelRestore"_s);
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, restore, revision] {
        if (box->clickedButton() == restore)
            doRestore(revision);
    });
    box->open();
}

void RevisionHistoryView::doRestore(int revision)
{
    if (!m_store || !m_local || !m_revisions.contains(revision))
        return;
    m_restoring = true;
    updateActions();
    setMessage(tr("Restoring revision %1…").arg(revision));
    m_store->saveDraft(m_id, revisionText(revision), m_local->entry.authorId, m_local->entry.authorName, this,
                       [this, revision](std::expected<qint64, QString> saved) {
                           m_restoring = false;
                           if (!saved) {
                               setMessage(tr("Revision %1 was not restored: %2").arg(revision).arg(saved.error()),
                                          true);
                               updateActions();
                               return;
                           }
                           setMessage(tr("Revision %1 is your text again. It is saved on this computer and goes to "
                                         "the server as a new revision with the next sync; the earlier revisions "
                                         "stay in the history.")
                                          .arg(revision));
                           updateActions();
                           if (m_engine)
                               m_engine->draftSaved();
                           Q_EMIT revisionRestored(m_id, revision);
                       });
}

} // namespace inkwell::app
