#include "conflictview.h"

#include "api/apiclient.h"
#include "colorchip.h"
#include "comparecolors.h"
#include "comparetext.h"
#include "fieldchoice.h"
#include "namecache.h"
#include "syncengine.h"
#include "textpane.h"

#include <QAction>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QFrame>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

constexpr int kColourDelayMs = 120; // re-colour the merged text after typing pauses, not on every keystroke

using Kind = TextPane::LineKind;
using Take = ConflictMarkers::Take;

QString withLf(const QString &text)
{
    QString result = text;
    result.replace(u"\r\n"_s, u"\n"_s);
    return result;
}

bool crlfOnly(const QString &text)
{
    const qsizetype lf = text.count(u'\n');
    return lf > 0 && text.count(u"\r\n"_s) == lf;
}

/// The kinds of @p text's lines: @p kind where it differs from @p base.
QList<Kind> changedLines(const QString &base, const QString &text, int lineCount, Kind kind)
{
    QList<Kind> kinds(lineCount, Kind::Plain);
    for (const sync::DiffHunk &hunk : sync::diffLines(base, text, 0)) {
        for (const sync::DiffLine &line : hunk.lines) {
            if (line.kind == sync::DiffLine::Added && line.newNumber >= 1 && line.newNumber <= lineCount)
                kinds[line.newNumber - 1] = kind;
        }
    }
    return kinds;
}

/// A label in the palette's secondary text colour.
QLabel *secondaryLabel(QWidget *parent, const QString &name, const QString &accessible)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAccessibleName(accessible);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

ConflictView::ConflictView(engine::SyncEngine *engine, const engine::LocalArticle &article, api::ApiClient *client,
                           QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_client(client)
    , m_article(article)
    , m_conflict(article.conflict.value_or(engine::Conflict{}))
    , m_markers(ConflictMarkers::detect(m_conflict.merged.content))
    , m_crlf(crlfOnly(m_conflict.merged.content))
    , m_names(new NameCache(client, this))
{
    setObjectName(u"conflictView"_s);
    setAccessibleName(tr("Resolve the conflict"));
    setWindowTitle(tr("Resolve conflict — %1").arg(article.entry.title));
    m_names->seed(article.entry.authorId, article.entry.authorName);
    m_colourTimer.setSingleShot(true);
    m_colourTimer.setInterval(kColourDelayMs);
    connect(&m_colourTimer, &QTimer::timeout, this, &ConflictView::refreshMergedColours);

    buildUi();
    fillPanes();
    showServerDetail();
    if (!article.conflict) {
        m_error->setText(tr("This article has no conflict to settle any more."));
        m_error->show();
    }
    updateState();
    updateCurrentRegion();
}

ConflictView::~ConflictView()
{
    // The panes outlive this part of the object (QWidget deletes its children later) and still signal while they
    // go (a focus change repaints): nothing may reach this half-destroyed view.
    for (TextPane *text : {m_minePane, m_theirsPane, m_mergedPane})
        text->disconnect(this);
    m_mergedPane->viewport()->removeEventFilter(this);
}

QWidget *ConflictView::buildColumn(Pane which, TextPane *text, QLabel *header, QLabel *detail)
{
    const QString prefix = which == Mine ? u"mine"_s : which == Theirs ? u"theirs"_s : u"merged"_s;
    auto *column = new QFrame(this);
    column->setObjectName(prefix + u"Column"_s);
    column->setAccessibleName(which == Mine     ? tr("Your version")
                              : which == Theirs ? tr("The server's version")
                                                : tr("The merged text"));
    column->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *head = new QWidget(column);
    head->setObjectName(prefix + u"Head"_s);
    head->setAccessibleName(tr("Header"));
    auto *headLayout = new QHBoxLayout(head);
    headLayout->setContentsMargins(10, 8, 10, 8);
    headLayout->setSpacing(8);
    const ColorChip::Role role = which == Mine     ? ColorChip::Role::Mine
                                 : which == Theirs ? ColorChip::Role::Theirs
                                                   : ColorChip::Role::Merged;
    headLayout->addWidget(new ColorChip(role, head));
    header->setTextFormat(Qt::PlainText);
    QFont bold = header->font();
    bold.setBold(true);
    header->setFont(bold);
    headLayout->addWidget(header);
    headLayout->addWidget(detail, 1);
    detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->setBuddy(text);
    layout->addWidget(head);
    auto *rule = new QFrame(column);
    rule->setObjectName(prefix + u"Rule"_s);
    rule->setAccessibleName(tr("Separator"));
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    rule->setForegroundRole(QPalette::Mid);
    layout->addWidget(rule);
    layout->addWidget(text, 1);
    return column;
}

void ConflictView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);

    // What happened, in a sentence.
    auto *headline = new QLabel(tr("%1 was changed here and on the server in the same places")
                                    .arg(comparetext::quoted(m_article.entry.title, 80)),
                                this);
    headline->setObjectName(u"headline"_s);
    headline->setAccessibleName(tr("What happened"));
    headline->setTextFormat(Qt::PlainText);
    QFont big = headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    headline->setFont(big);
    layout->addWidget(headline);
    auto *explanation = secondaryLabel(this, u"explanation"_s, tr("What to do"));
    explanation->setWordWrap(true);
    explanation->setText(tr("Both versions are kept until you decide. For each marked conflict in the merged text, "
                            "take yours, the server's or both — or edit it freely — then save. Nothing is sent "
                            "to the server before you save."));
    layout->addWidget(explanation);

    // Single-value fields that conflict: a choice each.
    if (m_conflict.fields.contains(u"title"_s) || m_conflict.fields.contains(u"excerpt"_s)) {
        auto *fields = new QFrame(this);
        fields->setObjectName(u"fieldChoices"_s);
        fields->setAccessibleName(tr("Conflicting title and excerpt"));
        fields->setFrameShape(QFrame::StyledPanel);
        auto *fieldsLayout = new QVBoxLayout(fields);
        fieldsLayout->setContentsMargins(10, 8, 10, 8);
        if (m_conflict.fields.contains(u"title"_s)) {
            m_titleChoice =
                new FieldChoice(u"title"_s, tr("Title"), m_conflict.mine.title, m_conflict.theirs.title, fields);
            connect(m_titleChoice, &FieldChoice::valueChanged, this, &ConflictView::updateState);
            fieldsLayout->addWidget(m_titleChoice);
        }
        if (m_conflict.fields.contains(u"excerpt"_s)) {
            m_excerptChoice = new FieldChoice(u"excerpt"_s, tr("Excerpt"), m_conflict.mine.excerpt,
                                              m_conflict.theirs.excerpt, fields);
            connect(m_excerptChoice, &FieldChoice::valueChanged, this, &ConflictView::updateState);
            fieldsLayout->addWidget(m_excerptChoice);
        }
        layout->addWidget(fields);
    }

    // Conflict navigation and the per-conflict choice.
    const auto makeAction = [this](const QString &name, const QString &text, const QKeySequence &key,
                                   void (ConflictView::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name + u"Action"_s);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(QString(text).remove(u'&'), key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_previousAction = makeAction(u"previousConflict"_s, tr("↑ Previous conflict"),
                                  QKeySequence(Qt::SHIFT | Qt::Key_F7), &ConflictView::previousConflict);
    m_nextAction =
        makeAction(u"nextConflict"_s, tr("↓ Next conflict"), QKeySequence(Qt::Key_F7), &ConflictView::nextConflict);
    m_takeMineAction =
        makeAction(u"takeMine"_s, tr("Take mine"), QKeySequence(Qt::ALT | Qt::Key_1), &ConflictView::takeMine);
    m_takeTheirsAction =
        makeAction(u"takeTheirs"_s, tr("Take theirs"), QKeySequence(Qt::ALT | Qt::Key_2), &ConflictView::takeTheirs);
    m_takeBothAction =
        makeAction(u"takeBoth"_s, tr("Take both"), QKeySequence(Qt::ALT | Qt::Key_3), &ConflictView::takeBoth);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    const auto toolButton = [this](QAction *action, const QString &name, const QString &accessible) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setDefaultAction(action);
        button->setAccessibleName(accessible);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return button;
    };
    bar->addWidget(toolButton(m_previousAction, u"previousConflict"_s, tr("Previous conflict")));
    bar->addWidget(toolButton(m_nextAction, u"nextConflict"_s, tr("Next conflict")));
    m_current = new QLabel(this);
    m_current->setObjectName(u"currentConflict"_s);
    m_current->setAccessibleName(tr("Current conflict"));
    m_current->setTextFormat(Qt::PlainText);
    bar->addSpacing(8);
    bar->addWidget(m_current);
    bar->addStretch(1);
    auto *forThis = secondaryLabel(this, u"forThisConflict"_s, tr("For this conflict"));
    forThis->setText(tr("For this conflict:"));
    bar->addWidget(forThis);
    bar->addWidget(toolButton(m_takeMineAction, u"takeMine"_s, tr("Take mine for this conflict")));
    bar->addWidget(toolButton(m_takeTheirsAction, u"takeTheirs"_s, tr("Take theirs for this conflict")));
    bar->addWidget(toolButton(m_takeBothAction, u"takeBoth"_s, tr("Take both for this conflict")));
    layout->addLayout(bar);

    // The three texts.
    m_minePane = new TextPane(this);
    m_minePane->setObjectName(u"minePane"_s);
    m_minePane->setAccessibleName(tr("Your version (read-only)"));
    m_minePane->setReadOnly(true);
    m_minePane->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_theirsPane = new TextPane(this);
    m_theirsPane->setObjectName(u"theirsPane"_s);
    m_theirsPane->setAccessibleName(tr("The server's version (read-only)"));
    m_theirsPane->setReadOnly(true);
    m_theirsPane->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_mergedPane = new TextPane(this);
    m_mergedPane->setObjectName(u"mergedPane"_s);
    m_mergedPane->setAccessibleName(tr("Merged text (editable)"));

    m_mineHeader = new QLabel(tr("Yours"), this);
    m_mineHeader->setObjectName(u"mineHeader"_s);
    m_mineDetail = secondaryLabel(this, u"mineDetail"_s, tr("About your version"));
    m_theirsHeader = new QLabel(tr("On the server"), this);
    m_theirsHeader->setObjectName(u"theirsHeader"_s);
    m_theirsDetail = secondaryLabel(this, u"theirsDetail"_s, tr("About the server's version"));
    m_mergedHeader = new QLabel(tr("Merged — edit freely"), this);
    m_mergedHeader->setObjectName(u"mergedHeader"_s);
    m_mergedDetail = secondaryLabel(this, u"mergedDetail"_s, tr("About the merged text"));
    m_mergedDetail->setText(tr("what will be saved"));
    m_mineHeader->setAccessibleName(tr("Yours"));
    m_theirsHeader->setAccessibleName(tr("On the server"));
    m_mergedHeader->setAccessibleName(tr("Merged"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"paneSplitter"_s);
    splitter->setAccessibleName(tr("The three versions"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildColumn(Mine, m_minePane, m_mineHeader, m_mineDetail));
    splitter->addWidget(buildColumn(Theirs, m_theirsPane, m_theirsHeader, m_theirsDetail));
    splitter->addWidget(buildColumn(Merged, m_mergedPane, m_mergedHeader, m_mergedDetail));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
    layout->addWidget(splitter, 1);

    // Where things stand, and the way out.
    m_error = new QLabel(this);
    m_error->setObjectName(u"errorMessage"_s);
    m_error->setAccessibleName(tr("Error"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto *bottom = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setObjectName(u"conflictCount"_s);
    m_count->setAccessibleName(tr("Conflicts left"));
    m_count->setTextFormat(Qt::PlainText);
    QFont countFont = m_count->font();
    countFont.setBold(true);
    m_count->setFont(countFont);
    bottom->addWidget(m_count);
    m_saveReason = secondaryLabel(this, u"saveReason"_s, tr("Why saving is not possible yet"));
    m_saveReason->setWordWrap(true);
    bottom->addSpacing(12);
    bottom->addWidget(m_saveReason, 1);

    const auto button = [this](const QString &name, const QString &text, const QString &accessible) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        b->setAutoDefault(false);
        return b;
    };
    m_laterButton = button(u"later"_s, tr("&Later"), tr("Later: leave the conflict as it is"));
    m_laterButton->setToolTip(tr("Close without changing anything (Esc)"));
    m_keepMineButton = button(u"keepMine"_s, tr("&Keep mine"), tr("Keep my whole version"));
    m_keepMineButton->setToolTip(tr("Save your version as it is; the server's stays in the history"));
    m_takeTheirsButton = button(u"takeTheirsAll"_s, tr("Take &theirs"), tr("Take the server's whole version"));
    m_takeTheirsButton->setToolTip(tr("Replace your version with the server's"));
    m_saveButton = button(u"saveMerged"_s, tr("&Save merged"), tr("Save the merged text"));
    m_saveButton->setDefault(true);
    bottom->addWidget(m_laterButton);
    bottom->addWidget(m_keepMineButton);
    bottom->addWidget(m_takeTheirsButton);
    bottom->addWidget(m_saveButton);
    layout->addLayout(bottom);

    connect(m_laterButton, &QPushButton::clicked, this, &ConflictView::later);
    connect(m_keepMineButton, &QPushButton::clicked, this, &ConflictView::keepMine);
    connect(m_takeTheirsButton, &QPushButton::clicked, this, &ConflictView::takeTheirsAll);
    connect(m_saveButton, &QPushButton::clicked, this, &ConflictView::saveMerged);

    auto *escape = new QAction(tr("Later"), this);
    escape->setObjectName(u"laterAction"_s);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QAction::triggered, this, &ConflictView::later);
    addAction(escape);
    // Ctrl+S is the app's "sync now"; saving the merged text is Ctrl+Return, like committing.
    auto *save = new QAction(tr("Save merged"), this);
    save->setObjectName(u"saveMergedAction"_s);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(save, &QAction::triggered, this, [this] {
        if (m_saveButton->isEnabled())
            saveMerged();
    });
    addAction(save);
    m_saveButton->setToolTip(tr("Save the merged text (%1)").arg(save->shortcut().toString(QKeySequence::NativeText)));

    // Scrolling one pane scrolls the others to the same place in their text.
    connect(m_minePane, &TextPane::topLineChanged, this, [this](int line) { syncScroll(Mine, line); });
    connect(m_theirsPane, &TextPane::topLineChanged, this, [this](int line) { syncScroll(Theirs, line); });
    connect(m_mergedPane, &TextPane::topLineChanged, this, [this](int line) { syncScroll(Merged, line); });
    connect(m_mergedPane, &QPlainTextEdit::cursorPositionChanged, this, &ConflictView::updateCurrentRegion);
    connect(m_mergedPane, &QPlainTextEdit::updateRequest, this, &ConflictView::placeRegionActions);
    m_mergedPane->viewport()->installEventFilter(this);

    setTabOrder(m_mergedPane, m_saveButton);
}

void ConflictView::fillPanes()
{
    const QString base = withLf(m_conflict.base.content);
    const QString mine = withLf(m_conflict.mine.content);
    const QString theirs = withLf(m_conflict.theirs.content);
    m_minePane->setPlainText(mine);
    m_minePane->setLineKinds(changedLines(base, mine, m_minePane->blockCount(), Kind::Mine));
    m_theirsPane->setPlainText(theirs);
    m_theirsPane->setLineKinds(changedLines(base, theirs, m_theirsPane->blockCount(), Kind::Theirs));

    m_mergedPane->setPlainText(withLf(m_conflict.merged.content));
    // textChanged only after the proposal is in: setting it is no edit.
    connect(m_mergedPane, &QPlainTextEdit::textChanged, this, &ConflictView::mergedEdited);
    m_scan = m_markers.scan(m_mergedPane->toPlainText());
    refreshMergedColours();

    const QString when = comparetext::when(m_article.entry.updatedAt);
    m_mineDetail->setText(when.isEmpty() ? tr("(this computer)") : tr("(this computer, %1)").arg(when));
}

void ConflictView::showServerDetail()
{
    const int revision = m_conflict.theirsRevision;
    QString when;
    if (m_article.server && m_article.server->revision == revision)
        when = comparetext::when(m_article.server->updatedAt);
    const QString who = m_theirsAuthor.isNull() ? QString() : m_names->name(m_theirsAuthor);
    if (!who.isEmpty() && !when.isEmpty())
        m_theirsDetail->setText(tr("(revision %1, by %2, %3)").arg(revision).arg(who, when));
    else if (!when.isEmpty())
        m_theirsDetail->setText(tr("(revision %1, %2)").arg(revision).arg(when));
    else
        m_theirsDetail->setText(tr("(revision %1)").arg(revision));

    if (m_client && m_theirsAuthor.isNull() && revision > 0) {
        // Who saved it: the revision list says (the article itself names only its author).
        m_client->revisions(m_article.entry.id, QString(), this,
                            [this, revision](api::ApiResult<api::Page<api::RevisionInfo>> page) {
                                if (!page)
                                    return; // offline: the header simply names no one
                                for (const api::RevisionInfo &info : page->items) {
                                    if (info.revision == revision && info.updatedBy) {
                                        m_theirsAuthor = *info.updatedBy;
                                        showServerDetail();
                                    }
                                }
                            });
        connect(m_names, &NameCache::nameKnown, this, [this](const QUuid &id) {
            if (id == m_theirsAuthor)
                showServerDetail();
        });
    }
}

QString ConflictView::mergedText() const
{
    return m_mergedPane->toPlainText();
}

QString ConflictView::saveBlockedReason() const
{
    if (!m_article.conflict)
        return tr("There is no conflict to settle.");
    if (!m_scan.regions.isEmpty())
        return tr("Settle the marked conflicts first: take a side or edit the text, and remove the markers.");
    if (!m_scan.strayLines.isEmpty())
        return tr("Remove the conflict marker on line %1 first.").arg(m_scan.strayLines.first() + 1);
    if (m_titleChoice) {
        const QString title = m_titleChoice->value().trimmed();
        if (title.isEmpty())
            return tr("The title cannot be empty.");
        if (title.size() > kMaxTitleLength)
            return tr("The title is longer than %n characters.", nullptr, kMaxTitleLength);
    }
    if (m_excerptChoice && m_excerptChoice->value().size() > kMaxExcerptLength)
        return tr("The excerpt is longer than %n characters.", nullptr, kMaxExcerptLength);
    return {};
}

void ConflictView::mergedEdited()
{
    m_scan = m_markers.scan(m_mergedPane->toPlainText());
    for (auto &row : m_maps) {
        row[Merged].reset();
    }
    for (auto &map : m_maps[Merged])
        map.reset();
    m_colourTimer.start();
    updateState();
    updateCurrentRegion();
    placeRegionActions();
}

void ConflictView::refreshMergedColours()
{
    const QString text = m_mergedPane->toPlainText();
    QList<Kind> kinds = changedLines(withLf(m_conflict.base.content), text, m_mergedPane->blockCount(), Kind::Merged);
    const auto mark = [&kinds](int from, int to, Kind kind) {
        for (int line = from; line <= to && line < kinds.size(); ++line)
            kinds[line] = kind;
    };
    for (const MarkerRegion &region : std::as_const(m_scan.regions)) {
        mark(region.openLine + 1, region.separatorLine - 1, Kind::Mine);
        mark(region.separatorLine + 1, region.closeLine - 1, Kind::Theirs);
        mark(region.openLine, region.openLine, Kind::Marker);
        mark(region.separatorLine, region.separatorLine, Kind::Marker);
        mark(region.closeLine, region.closeLine, Kind::Marker);
    }
    for (int line : std::as_const(m_scan.strayLines))
        mark(line, line, Kind::Marker);
    m_mergedPane->setLineKinds(kinds);
}

void ConflictView::updateState()
{
    const CompareColors colors = CompareColors::fromPalette(palette());
    const bool open = m_article.conflict.has_value() && !m_finished;
    const int left = conflictsLeft();
    if (!m_article.conflict) {
        m_count->clear();
    } else if (left > 0) {
        m_count->setText(tr("%n conflict(s) left", nullptr, left));
        setTextColor(m_count, colors.markerAccent);
    } else if (!m_scan.strayLines.isEmpty()) {
        m_count->setText(tr("A conflict marker is left"));
        setTextColor(m_count, colors.markerAccent);
    } else {
        m_count->setText(tr("No conflicts left"));
        setTextColor(m_count, colors.good);
    }
    const QString reason = saveBlockedReason();
    m_saveReason->setText(m_busy ? tr("Saving…") : reason);
    m_saveButton->setEnabled(open && !m_busy && reason.isEmpty());
    m_keepMineButton->setEnabled(open && !m_busy);
    m_takeTheirsButton->setEnabled(open && !m_busy);
    m_mergedPane->setReadOnly(!open || m_busy);
    if (m_titleChoice)
        m_titleChoice->setEnabled(open && !m_busy);
    if (m_excerptChoice)
        m_excerptChoice->setEnabled(open && !m_busy);
    setTextColor(m_error, colors.bad);
}

void ConflictView::updateCurrentRegion()
{
    const int count = conflictsLeft();
    m_currentRegion = m_scan.regionAt(m_mergedPane->textCursor().blockNumber());
    if (count == 0)
        m_current->setText(tr("No conflicts in the text"));
    else if (m_currentRegion >= 0)
        m_current->setText(tr("Conflict %1 of %2").arg(m_currentRegion + 1).arg(count));
    else
        m_current->setText(
            tr("%1 goes to the next conflict").arg(m_nextAction->shortcut().toString(QKeySequence::NativeText)));
    const bool editable = !m_busy && !m_finished && m_article.conflict.has_value();
    m_nextAction->setEnabled(count > 0);
    m_previousAction->setEnabled(count > 0);
    for (QAction *action : {m_takeMineAction, m_takeTheirsAction, m_takeBothAction})
        action->setEnabled(editable && m_currentRegion >= 0);
}

void ConflictView::placeRegionActions()
{
    QWidget *viewport = m_mergedPane->viewport();
    const bool editable = !m_busy && !m_finished && m_article.conflict.has_value();
    while (m_regionActions.size() < m_scan.regions.size()) {
        auto *frame = new QFrame(viewport);
        frame->setObjectName(u"regionActions"_s); // transparent: it sits on the marker line's own colour
        auto *row = new QHBoxLayout(frame);
        row->setContentsMargins(6, 0, 2, 0);
        row->setSpacing(2);
        QFont small = frame->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        small.setBold(true);
        // As tall as a line of the pane, so the strip never covers the line below its marker.
        const int height = m_mergedPane->fontMetrics().height();
        const CompareColors colors = CompareColors::fromPalette(palette());
        const auto add = [&](const QString &name, const QString &text, Take take, const QColor &color) {
            auto *b = new QToolButton(frame);
            b->setObjectName(name);
            b->setText(text);
            b->setAutoRaise(true);
            b->setFont(small);
            b->setFixedHeight(height);
            QPalette buttonPalette = b->palette();
            buttonPalette.setColor(QPalette::ButtonText, color);
            b->setPalette(buttonPalette);
            b->setFocusPolicy(Qt::NoFocus); // the keyboard path is the bar above (Alt+1/2/3)
            b->setCursor(Qt::PointingHandCursor);
            connect(b, &QToolButton::clicked, this,
                    [this, frame, take] { takeRegion(frame->property("region").toInt(), take); });
            row->addWidget(b);
        };
        add(u"regionTakeMine"_s, tr("Take mine"), Take::Mine, colors.mineAccent);
        add(u"regionTakeTheirs"_s, tr("Take theirs"), Take::Theirs, colors.theirsAccent);
        add(u"regionTakeBoth"_s, tr("Take both"), Take::Both, palette().color(QPalette::Text));
        frame->adjustSize();
        m_regionActions.append(frame);
    }
    for (qsizetype i = 0; i < m_regionActions.size(); ++i) {
        QFrame *frame = m_regionActions.at(i);
        if (i >= m_scan.regions.size() || !editable) {
            frame->hide();
            continue;
        }
        frame->setProperty("region", int(i));
        frame->setAccessibleName(tr("Choices for conflict %1").arg(i + 1));
        for (QToolButton *b : frame->findChildren<QToolButton *>())
            b->setAccessibleName(tr("%1 for conflict %2").arg(b->text()).arg(i + 1));
        const QRect line = m_mergedPane->lineRect(m_scan.regions.at(i).openLine);
        if (line.isEmpty() || line.bottom() < 0 || line.top() > viewport->height()) {
            frame->hide();
            continue;
        }
        const QSize size = frame->sizeHint();
        frame->setGeometry(viewport->width() - size.width() - 6, line.top() + (line.height() - size.height()) / 2,
                           size.width(), size.height());
        frame->show();
        frame->raise();
    }
}

void ConflictView::nextConflict()
{
    if (m_scan.regions.isEmpty())
        return;
    const int line = m_mergedPane->textCursor().blockNumber();
    qsizetype target = 0;
    for (qsizetype i = 0; i < m_scan.regions.size(); ++i) {
        if (m_scan.regions.at(i).openLine > line) {
            target = i;
            break;
        }
    }
    m_mergedPane->goToLine(m_scan.regions.at(target).openLine);
    m_mergedPane->setFocus();
}

void ConflictView::previousConflict()
{
    if (m_scan.regions.isEmpty())
        return;
    const int line = m_mergedPane->textCursor().blockNumber();
    qsizetype target = m_scan.regions.size() - 1;
    for (qsizetype i = m_scan.regions.size() - 1; i >= 0; --i) {
        if (m_scan.regions.at(i).closeLine < line) {
            target = i;
            break;
        }
    }
    m_mergedPane->goToLine(m_scan.regions.at(target).openLine);
    m_mergedPane->setFocus();
}

void ConflictView::takeCurrent(Take take)
{
    takeRegion(m_scan.regionAt(m_mergedPane->textCursor().blockNumber()), take);
}

void ConflictView::takeRegion(int index, Take take)
{
    if (index < 0 || index >= m_scan.regions.size() || m_busy || m_finished || !m_article.conflict)
        return;
    const MarkerRegion region = m_scan.regions.at(index);
    QTextDocument *document = m_mergedPane->document();
    const QTextBlock open = document->findBlockByNumber(region.openLine);
    const QTextBlock after = document->findBlockByNumber(region.closeLine + 1);
    const bool endsText = !after.isValid();
    QTextCursor cursor(document);
    cursor.beginEditBlock(); // one step for Ctrl+Z
    cursor.setPosition(open.position());
    cursor.setPosition(endsText ? document->characterCount() - 1 : after.position(), QTextCursor::KeepAnchor);
    cursor.insertText(ConflictMarkers::replacement(region, take, endsText));
    cursor.endEditBlock();
    QTextCursor place(document);
    place.setPosition(qMin(open.position(), document->characterCount() - 1));
    m_mergedPane->setTextCursor(place);
    m_mergedPane->setFocus();
}

void ConflictView::saveMerged()
{
    m_scan = m_markers.scan(m_mergedPane->toPlainText());
    if (!saveBlockedReason().isEmpty() || m_busy || m_finished) {
        updateState();
        return;
    }
    sync::ArticleText text = m_conflict.merged;
    text.title = m_titleChoice ? m_titleChoice->value().trimmed() : m_conflict.merged.title;
    text.excerpt = m_excerptChoice ? m_excerptChoice->value() : m_conflict.merged.excerpt;
    text.content = m_mergedPane->toPlainText();
    if (m_crlf)
        text.content.replace(u'\n', u"\r\n"_s);
    submit(text);
}

void ConflictView::keepMine()
{
    if (!m_busy && !m_finished && m_article.conflict)
        submit(m_conflict.mine);
}

void ConflictView::takeTheirsAll()
{
    if (m_busy || m_finished || !m_article.conflict)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Take the server's version?"),
                                tr("Your version of %1 will be replaced by the server's. Your changes were never "
                                   "sent, so the history cannot bring them back.")
                                    .arg(comparetext::quoted(m_article.entry.title)),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"takeTheirsConfirmation"_s);
    box->setAccessibleName(tr("Confirm taking the server's version"));
    QPushButton *take = box->addButton(tr("Take theirs"), QMessageBox::DestructiveRole);
    take->setObjectName(u"confirmTakeTheirs"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelTakeTheirs"_s);
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, take] {
        if (box->clickedButton() == take)
            submit(m_conflict.theirs);
    });
    box->open();
}

void ConflictView::submit(const sync::ArticleText &text)
{
    if (!m_engine) {
        m_error->setText(tr("Nothing was saved: the sync engine has stopped."));
        m_error->show();
        return;
    }
    m_busy = true;
    m_error->hide();
    updateState();
    updateCurrentRegion();
    placeRegionActions();
    m_engine->resolveConflict(m_article.entry.id, text, m_article.conflict->theirsRevision, this,
                              [this](std::expected<void, QString> result) {
        m_busy = false;
        if (!result) {
            m_error->setText(tr("Could not settle the conflict: %1").arg(result.error()));
            m_error->show();
            updateState();
            updateCurrentRegion();
            placeRegionActions();
            return;
        }
        finish(true);
    });
}

void ConflictView::later()
{
    if (!m_busy)
        finish(false);
}

void ConflictView::finish(bool settled)
{
    if (m_finished)
        return;
    m_finished = true;
    updateState();
    updateCurrentRegion();
    placeRegionActions();
    if (settled)
        Q_EMIT resolved(m_article.entry.id);
    Q_EMIT finished(settled);
    if (isWindow())
        close();
}

void ConflictView::closeEvent(QCloseEvent *event)
{
    if (m_busy) {
        event->ignore(); // the save's answer is on its way; closing now would hide its outcome
        return;
    }
    if (!m_finished) {
        m_finished = true;
        Q_EMIT finished(false);
    }
    QWidget::closeEvent(event);
}

void ConflictView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    // After the first layout, so the conflict lands a third of the way down the pane.
    QTimer::singleShot(0, this, [this] {
        if (!m_scan.regions.isEmpty())
            m_mergedPane->goToLine(m_scan.regions.first().openLine);
        m_mergedPane->setFocus();
        syncScroll(Merged, m_mergedPane->topLine());
        placeRegionActions();
    });
}

bool ConflictView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_mergedPane->viewport() && event->type() == QEvent::Resize)
        placeRegionActions();
    return QWidget::eventFilter(watched, event);
}

TextPane *ConflictView::pane(Pane which) const
{
    return which == Mine ? m_minePane : which == Theirs ? m_theirsPane : m_mergedPane;
}

const LineMap &ConflictView::lineMap(Pane from, Pane to)
{
    std::optional<LineMap> &map = m_maps[from][to];
    if (!map)
        map = LineMap(pane(from)->toPlainText(), pane(to)->toPlainText());
    return *map;
}

void ConflictView::syncScroll(Pane from, int line)
{
    if (m_syncingScroll)
        return;
    m_syncingScroll = true;
    for (Pane to : {Mine, Theirs, Merged}) {
        if (to != from)
            pane(to)->scrollToLine(lineMap(from, to).map(line));
    }
    m_syncingScroll = false;
}

} // namespace inkwell::app
