#include "assistpanel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

using Assist = engine::AssistSession::Assist;

const QString kInfo = u"info"_s;
const QString kError = u"error"_s;
const QString kWarning = u"warning"_s;
const QString kSuccess = u"success"_s;

/// Selected text with real line ends (QTextCursor writes U+2029 between blocks).
QString plainSelection(const QTextCursor &cursor)
{
    return cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n');
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

QLabel *makeLabel(QWidget *parent, const QString &name, const QString &accessibleName, const QString &text = {})
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(name);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // user and AI text is never read as HTML
    return label;
}

QPushButton *makeButton(QWidget *parent, const QString &name, const QString &text, const QString &accessibleName)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAccessibleName(accessibleName);
    return button;
}

QProgressBar *makeBusyBar(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *bar = new QProgressBar(parent);
    bar->setObjectName(name);
    bar->setAccessibleName(accessibleName);
    bar->setRange(0, 0); // busy: no known end
    bar->setTextVisible(false);
    bar->setFixedHeight(4);
    bar->setVisible(false);
    return bar;
}

QFrame *makeCard(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *card = new QFrame(parent);
    card->setObjectName(name);
    card->setAccessibleName(accessibleName);
    card->setProperty("card", true);
    return card;
}

QLabel *makeHeading(QWidget *parent, const QString &name, const QString &text)
{
    QLabel *heading = makeLabel(parent, name, text, text);
    heading->setProperty("heading", true);
    return heading;
}

} // namespace

AssistPanel::AssistPanel(engine::AssistSession *session, ArticleFields current, NewArticleFactory newArticle,
                         QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_newArticle(std::move(newArticle))
{
    setObjectName(u"assistPanel"_s);
    setAccessibleName(tr("AI assists"));
    buildUi();
    applyTheme();
    setCurrentArticle(current);

    connect(m_session, &engine::AssistSession::availabilityChanged, this, &AssistPanel::updateState);
    connect(m_session, &engine::AssistSession::limitChanged, this, &AssistPanel::updateState);
    connect(m_session, &engine::AssistSession::quotaChanged, this, &AssistPanel::updateQuota);
    connect(m_session, &engine::AssistSession::runningChanged, this, &AssistPanel::updateRunning);
    connect(m_session, &engine::AssistSession::generatedDelta, this, [this](const QString &text) {
        if (!m_streamer)
            return;
        if (!m_streamer->alive()) {
            // The new draft was closed while it was being written: nothing left to write into.
            m_session->cancel();
            m_streamer.reset();
            setMessage(m_generateMessage, tr("The draft was closed, so the generation stopped."), kWarning);
            return;
        }
        m_streamer->append(text);
    });
    connect(m_session, &engine::AssistSession::generated, this, [this](const api::GeneratedArticle &article) {
        if (!m_streamer)
            return;
        m_streamer->finish(article);
        m_streamer.reset();
        setMessage(m_generateMessage, tr("Draft ready: “%1”.").arg(article.title), kSuccess);
    });
    connect(m_session, &engine::AssistSession::summarized, this, &AssistPanel::onSummarized);
    connect(m_session, &engine::AssistSession::suggested, this, &AssistPanel::onSuggested);
    connect(m_session, &engine::AssistSession::failed, this, &AssistPanel::onFailed);
    connect(&m_undo, &FieldUndoStack::changed, this, [this] {
        updateUndoButtons();
        Q_EMIT undoAvailableChanged(m_undo.canUndo());
    });

    updateState();
    updateQuota();
    updateRunning();
}

AssistPanel::~AssistPanel()
{
    if (m_streamer && m_session)
        m_session->cancel(); // nobody is left to write the rest
}

// ---- layout ---------------------------------------------------------------------------------------------------

void AssistPanel::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"assistScroll"_s);
    scroll->setAccessibleName(tr("AI assists"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    content->setObjectName(u"assistContent"_s);
    content->setAccessibleName(tr("AI assists"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);

    auto *header = new QHBoxLayout;
    QLabel *title = makeLabel(content, u"assistTitle"_s, tr("AI assists"), tr("AI assists"));
    title->setProperty("title", true);
    m_provider = makeLabel(content, u"assistProvider"_s, tr("AI provider"));
    m_provider->setProperty("muted", true);
    m_provider->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    header->addWidget(title);
    header->addWidget(m_provider, 1);
    layout->addLayout(header);

    m_quota = makeLabel(content, u"assistQuota"_s, tr("AI quota"));
    m_quota->setProperty("muted", true);
    layout->addWidget(m_quota);
    m_quotaBar = new QProgressBar(content);
    m_quotaBar->setObjectName(u"assistQuotaBar"_s);
    m_quotaBar->setAccessibleName(tr("AI tokens left today"));
    m_quotaBar->setTextVisible(false);
    m_quotaBar->setFixedHeight(6);
    layout->addWidget(m_quotaBar);

    m_status = makeLabel(content, u"assistStatus"_s, tr("AI status"));
    m_status->setProperty("banner", true);
    m_status->setContentsMargins(8, 6, 8, 6); // inside its coloured box
    layout->addWidget(m_status);

    layout->addWidget(buildGenerateSection());
    layout->addWidget(buildSummarizeSection());
    layout->addWidget(buildSuggestSection());
    layout->addStretch(1);
    scroll->setWidget(content);
    setMinimumWidth(300);
}

QWidget *AssistPanel::buildGenerateSection()
{
    QFrame *card = makeCard(this, u"generateSection"_s, tr("Draft from a prompt"));
    auto *layout = new QVBoxLayout(card);
    layout->setSpacing(6);
    layout->addWidget(makeHeading(card, u"generateHeading"_s, tr("Draft from a prompt")));

    m_prompt = new QPlainTextEdit(card);
    m_prompt->setObjectName(u"generatePrompt"_s);
    m_prompt->setAccessibleName(tr("Prompt"));
    m_prompt->setAccessibleDescription(tr("What the new article should be about; Ctrl+Enter generates it."));
    m_prompt->setPlaceholderText(tr("What should the article be about?"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setFixedHeight(m_prompt->fontMetrics().lineSpacing() * 4 + 14);
    layout->addWidget(m_prompt);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_prompt, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &AssistPanel::generate);
    }

    m_style = new QComboBox(card);
    m_style->setObjectName(u"generateStyle"_s);
    m_style->setAccessibleName(tr("Style"));
    m_style->setEditable(true);
    m_style->setInsertPolicy(QComboBox::NoInsert);
    m_style->addItems({QString(), tr("friendly"), tr("formal"), tr("technical"), tr("persuasive"), tr("concise")});
    m_style->lineEdit()->setPlaceholderText(tr("Style (optional)"));
    m_style->lineEdit()->setObjectName(u"generateStyleEdit"_s);
    m_style->lineEdit()->setAccessibleName(tr("Style"));
    layout->addWidget(m_style);

    auto *buttons = new QHBoxLayout;
    m_generateButton = makeButton(card, u"generateButton"_s, tr("Generate draft"), tr("Generate draft"));
    m_generateButton->setProperty("primary", true);
    m_generateButton->setDefault(false);
    connect(m_generateButton, &QPushButton::clicked, this, &AssistPanel::generate);
    m_stopButton = makeButton(card, u"stopButton"_s, tr("Stop"), tr("Stop generating"));
    connect(m_stopButton, &QPushButton::clicked, this, &AssistPanel::stop);
    buttons->addWidget(m_generateButton, 1);
    buttons->addWidget(m_stopButton);
    layout->addLayout(buttons);

    m_generateBusy = makeBusyBar(card, u"generateBusy"_s, tr("Writing the draft"));
    layout->addWidget(m_generateBusy);
    m_generateMessage = makeLabel(card, u"generateMessage"_s, tr("Draft generation status"));
    m_generateMessage->setVisible(false);
    layout->addWidget(m_generateMessage);
    return card;
}

QWidget *AssistPanel::buildSummarizeSection()
{
    QFrame *card = makeCard(this, u"summarizeSection"_s, tr("Summary"));
    auto *layout = new QVBoxLayout(card);
    layout->setSpacing(6);
    layout->addWidget(makeHeading(card, u"summarizeHeading"_s, tr("Summary")));

    m_summarizeButton = makeButton(card, u"summarizeButton"_s, tr("Summarize article"), tr("Summarize"));
    connect(m_summarizeButton, &QPushButton::clicked, this, &AssistPanel::summarize);
    layout->addWidget(m_summarizeButton);
    m_summarizeBusy = makeBusyBar(card, u"summarizeBusy"_s, tr("Summarizing"));
    layout->addWidget(m_summarizeBusy);
    m_summarizeMessage = makeLabel(card, u"summarizeMessage"_s, tr("Summary status"));
    m_summarizeMessage->setVisible(false);
    layout->addWidget(m_summarizeMessage);

    m_summaryView = new QTextBrowser(card);
    m_summaryView->setObjectName(u"summaryView"_s);
    m_summaryView->setAccessibleName(tr("Summary and key points"));
    m_summaryView->setOpenLinks(false);
    m_summaryView->setFrameShape(QFrame::NoFrame);
    m_summaryView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summaryView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summaryView->setVisible(false);
    // As tall as its text: the panel scrolls, not a box inside it.
    connect(m_summaryView->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            m_summaryView, [view = m_summaryView](const QSizeF &size) {
                view->setFixedHeight(int(std::ceil(size.height())) + 2 * view->frameWidth() + 4);
            });
    layout->addWidget(m_summaryView);

    m_summaryButtons = new QWidget(card);
    m_summaryButtons->setObjectName(u"summaryButtons"_s);
    m_summaryButtons->setAccessibleName(tr("Summary actions"));
    auto *buttons = new QHBoxLayout(m_summaryButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    m_insertSummaryButton =
        makeButton(m_summaryButtons, u"insertSummaryButton"_s, tr("Insert below"), tr("Insert the summary below"));
    connect(m_insertSummaryButton, &QPushButton::clicked, this, &AssistPanel::insertSummary);
    m_copySummaryButton = makeButton(m_summaryButtons, u"copySummaryButton"_s, tr("Copy"), tr("Copy the summary"));
    connect(m_copySummaryButton, &QPushButton::clicked, this, &AssistPanel::copySummary);
    buttons->addWidget(m_insertSummaryButton);
    buttons->addWidget(m_copySummaryButton);
    buttons->addStretch(1);
    m_summaryButtons->setVisible(false);
    layout->addWidget(m_summaryButtons);
    return card;
}

QWidget *AssistPanel::buildSuggestSection()
{
    QFrame *card = makeCard(this, u"suggestSection"_s, tr("Title, excerpt and tags"));
    auto *layout = new QVBoxLayout(card);
    layout->setSpacing(6);
    layout->addWidget(makeHeading(card, u"suggestHeading"_s, tr("Title, excerpt and tags")));

    m_suggestButton = makeButton(card, u"suggestButton"_s, tr("Suggest title, excerpt and tags"),
                                 tr("Suggest title, excerpt and tags"));
    connect(m_suggestButton, &QPushButton::clicked, this, &AssistPanel::suggest);
    layout->addWidget(m_suggestButton);
    m_suggestBusy = makeBusyBar(card, u"suggestBusy"_s, tr("Suggesting"));
    layout->addWidget(m_suggestBusy);
    m_suggestMessage = makeLabel(card, u"suggestMessage"_s, tr("Suggestion status"));
    m_suggestMessage->setVisible(false);
    layout->addWidget(m_suggestMessage);

    m_suggestResults = new QWidget(card);
    m_suggestResults->setObjectName(u"suggestResults"_s);
    m_suggestResults->setAccessibleName(tr("Suggestions"));
    auto *results = new QVBoxLayout(m_suggestResults);
    results->setContentsMargins(0, 0, 0, 0);
    results->setSpacing(4);
    QLabel *titles = makeLabel(m_suggestResults, u"titlesHeading"_s, tr("Titles"), tr("Titles"));
    titles->setProperty("subheading", true);
    results->addWidget(titles);
    m_titlesLayout = new QVBoxLayout;
    m_titlesLayout->setSpacing(2);
    results->addLayout(m_titlesLayout);

    QLabel *excerpt = makeLabel(m_suggestResults, u"excerptHeading"_s, tr("Excerpt"), tr("Excerpt"));
    excerpt->setProperty("subheading", true);
    results->addWidget(excerpt);
    m_excerptRow = makeRow(m_suggestResults, u"excerpt"_s, tr("Suggested excerpt"), {}, tr("Use this excerpt"));
    results->addWidget(m_excerptRow.row);
    connect(m_excerptRow.use, &QPushButton::clicked, this, [this] {
        if (m_suggestions)
            useSuggestion(m_excerptRow, m_current.excerpt, m_suggestions->excerpt, tr("Excerpt set."));
    });

    QLabel *tags = makeLabel(m_suggestResults, u"tagsHeading"_s, tr("Tags"), tr("Tags"));
    tags->setProperty("subheading", true);
    results->addWidget(tags);
    m_tagsRow = makeRow(m_suggestResults, u"tags"_s, tr("Suggested tags"), {}, tr("Add these tags"));
    m_tagsRow.use->setText(tr("Add"));
    results->addWidget(m_tagsRow.row);
    connect(m_tagsRow.use, &QPushButton::clicked, this, [this] {
        if (m_suggestions && m_current.tags)
            useSuggestion(m_tagsRow, m_current.tags, mergedTags(m_current.tags->text(), m_suggestions->tags),
                          tr("Tags added."));
    });
    m_suggestResults->setVisible(false);
    layout->addWidget(m_suggestResults);
    return card;
}

AssistPanel::SuggestionRow AssistPanel::makeRow(QWidget *parent, const QString &name, const QString &accessibleName,
                                                const QString &text, const QString &useAccessibleName)
{
    SuggestionRow row;
    row.row = new QWidget(parent);
    row.row->setObjectName(name + u"Row"_s);
    row.row->setAccessibleName(accessibleName);
    auto *layout = new QHBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    row.text = makeLabel(row.row, name + u"Suggestion"_s, accessibleName, text);
    row.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row.use = makeButton(row.row, name + u"UseButton"_s, tr("Use"), useAccessibleName);
    row.use->setProperty("link", true);
    row.undo = makeButton(row.row, name + u"UndoButton"_s, tr("Undo"), tr("Undo: %1").arg(useAccessibleName));
    row.undo->setProperty("link", true);
    row.undo->setToolTip(tr("Put back what the field held before (Ctrl+Alt+Z)"));
    row.undo->setVisible(false);
    connect(row.undo, &QPushButton::clicked, this, &AssistPanel::undoSuggestion);
    layout->addWidget(row.text, 1);
    layout->addWidget(row.use, 0, Qt::AlignTop);
    layout->addWidget(row.undo, 0, Qt::AlignTop);
    return row;
}

void AssistPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // Qt 6.4 has no colour-scheme signal: a new palette is how a switch to dark mode shows.
        static thread_local bool restyling = false;
        if (!restyling) {
            restyling = true;
            applyTheme();
            restyling = false;
        }
    }
}

void AssistPanel::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    struct Tone {
        const char *background;
        const char *text;
    };
    const Tone info = dark ? Tone{"#1f2b45", "#b7caff"} : Tone{"#eaf1ff", "#1d43a6"};
    const Tone warning = dark ? Tone{"#44371b", "#ffd98f"} : Tone{"#fff4dc", "#7a4a00"};
    const Tone error = dark ? Tone{"#4a2327", "#ffb4bb"} : Tone{"#fdecee", "#a11d2b"};
    const Tone success = dark ? Tone{"#1c3a28", "#a4e5bd"} : Tone{"#e7f6ed", "#1d6a3a"};
    const QString card = dark ? u"#26282c"_s : u"#ffffff"_s;
    const QString border = dark ? u"#3b3e44"_s : u"#dde1e6"_s;
    const QString muted = dark ? u"#a3a8b0"_s : u"#5c636d"_s;
    const QString accent = dark ? u"#7aa2ff"_s : u"#2f5fd8"_s;
    const QString track = dark ? u"#3b3e44"_s : u"#e6e9ee"_s;

    // Messages inside a card are coloured text; the banner above the cards is a coloured box.
    const auto tone = [](const QString &name, const Tone &t) {
        return u"QLabel[tone=\"%1\"] { color: %3; }\n"
               u"QLabel[banner=\"true\"][tone=\"%1\"] { background: %2; border-radius: 6px; }\n"_s.arg(
                   name, QLatin1StringView(t.background), QLatin1StringView(t.text));
    };
    QString sheet;
    sheet +=
        u"QFrame[card=\"true\"] { background: %1; border: 1px solid %2; border-radius: 8px; }\n"_s.arg(card, border);
    sheet += u"QLabel[title=\"true\"] { font-size: 15px; font-weight: 600; }\n"_s;
    sheet += u"QLabel[heading=\"true\"] { font-weight: 600; }\n"_s;
    sheet += u"QLabel[subheading=\"true\"] { color: %1; font-size: 11px; font-weight: 600; margin-top: 4px; }\n"_s.arg(
        muted);
    sheet += u"QLabel[muted=\"true\"] { color: %1; }\n"_s.arg(muted);
    sheet += tone(kInfo, info) + tone(kWarning, warning) + tone(kError, error) + tone(kSuccess, success);
    // Dark text on the lighter dark-mode accent, white on the light-mode one: both above 4.5:1.
    sheet += u"QPushButton[primary=\"true\"] { background: %1; color: %2; border: none; border-radius: 6px; "
             u"padding: 6px 14px; font-weight: 600; }\n"_s.arg(accent, dark ? u"#0b1226"_s : u"#ffffff"_s);
    sheet += u"QPushButton[primary=\"true\"]:disabled { background: %1; color: %2; }\n"_s.arg(track, muted);
    sheet += u"QPushButton[link=\"true\"] { border: none; background: transparent; color: %1; padding: 2px 4px; "
             u"font-weight: 600; }\n"_s.arg(accent);
    sheet += u"QPushButton[link=\"true\"]:disabled { color: %1; }\n"_s.arg(muted);
    sheet += u"QPushButton[link=\"true\"]:hover { text-decoration: underline; }\n"_s;
    sheet += u"QProgressBar { background: %1; border: none; border-radius: 2px; }\n"_s.arg(track);
    sheet += u"QProgressBar::chunk { background: %1; border-radius: 2px; }\n"_s.arg(accent);
    sheet += u"QTextBrowser#summaryView { background: transparent; }\n"_s;
    setStyleSheet(sheet);
}

// ---- state ----------------------------------------------------------------------------------------------------

bool AssistPanel::canAssist() const
{
    return m_session->available() && !m_session->limited();
}

bool AssistPanel::generating() const
{
    return m_session->running(Assist::Generate);
}

void AssistPanel::setMessage(QLabel *label, const QString &text, const QString &tone)
{
    label->setText(text);
    label->setProperty("tone", tone);
    label->setVisible(!text.isEmpty());
    repolish(label);
}

void AssistPanel::updateState()
{
    const bool available = m_session->available();
    QString banner;
    QString tone;
    if (!available) {
        banner = m_session->unavailableReason();
        tone = m_session->availability() == engine::AssistSession::Availability::Checking ? kInfo : kWarning;
    } else if (m_session->limited()) {
        banner = m_session->limitText();
        tone = kError;
    } else if (!m_session->providerWarning().isEmpty()) {
        banner = m_session->providerWarning();
        tone = kWarning;
    }
    if (m_status->text() != banner || m_status->property("tone").toString() != tone)
        setMessage(m_status, banner, tone);
    m_provider->setText(m_session->providerName());

    const bool can = canAssist();
    const QString why = can ? QString() : banner;
    m_generateButton->setEnabled(can && !generating());
    m_summarizeButton->setEnabled(can);
    m_suggestButton->setEnabled(can);
    m_generateButton->setToolTip(can ? tr("Write a new draft from the prompt (Ctrl+Enter)") : why);
    m_summarizeButton->setToolTip(can ? tr("Summarize the selection, or the whole article when nothing is selected")
                                      : why);
    m_suggestButton->setToolTip(can ? tr("Suggest titles, an excerpt and tags for this article") : why);
    m_stopButton->setEnabled(generating());
    Q_EMIT stateChanged();
}

void AssistPanel::updateQuota()
{
    const std::optional<api::AiQuota> &quota = m_session->quota();
    const QString text = m_session->quotaText();
    m_quota->setText(text.isEmpty() ? QString() : tr("AI quota: %1").arg(text));
    m_quota->setVisible(!text.isEmpty());
    const bool bar = quota && !quota->unlimited() && quota->tokensPerDay > 0;
    m_quotaBar->setVisible(bar);
    if (bar) {
        // Thousands of tokens keep the values inside int for any configured quota.
        const qint64 scale = quota->tokensPerDay > 1'000'000 ? 1000 : 1;
        m_quotaBar->setRange(0, int(quota->tokensPerDay / scale));
        m_quotaBar->setValue(int(std::min(*quota->tokensRemaining, quota->tokensPerDay) / scale));
        m_quotaBar->setToolTip(text);
    }
}

void AssistPanel::updateRunning()
{
    m_generateBusy->setVisible(m_session->running(Assist::Generate));
    m_summarizeBusy->setVisible(m_session->running(Assist::Summarize));
    m_suggestBusy->setVisible(m_session->running(Assist::Suggest));
    updateState();
}

void AssistPanel::updateSummarizeLabel()
{
    const bool selection = m_current.editor && m_current.editor->textCursor().hasSelection();
    m_summarizeButton->setText(selection ? tr("Summarize selection") : tr("Summarize article"));
}

void AssistPanel::updateUndoButtons()
{
    const int top = m_undo.topId();
    const auto show = [top](SuggestionRow &row) {
        if (row.undo)
            row.undo->setVisible(row.changeId != 0 && row.changeId == top);
    };
    for (SuggestionRow &row : m_titleRows)
        show(row);
    show(m_excerptRow);
    show(m_tagsRow);
}

void AssistPanel::setCurrentArticle(const ArticleFields &fields)
{
    if (m_selectionConnection)
        disconnect(m_selectionConnection);
    m_current = fields;
    if (m_current.editor)
        m_selectionConnection =
            connect(m_current.editor, &QPlainTextEdit::selectionChanged, this, &AssistPanel::updateSummarizeLabel);
    m_undo.clear();
    clearResults();
    // Answers still on their way belong to the article shown before (even when it used the same editor).
    m_summaryFor = nullptr;
    m_suggestFor = nullptr;
    updateSummarizeLabel();
}

void AssistPanel::clearResults()
{
    m_summary.reset();
    m_summaryAnchor.reset();
    m_summaryView->clear();
    m_summaryView->setVisible(false);
    m_summaryButtons->setVisible(false);
    setMessage(m_summarizeMessage, {}, kInfo);
    m_suggestions.reset();
    m_suggestResults->setVisible(false);
    setMessage(m_suggestMessage, {}, kInfo);
}

// ---- generate -------------------------------------------------------------------------------------------------

void AssistPanel::focusPrompt()
{
    Q_EMIT activationRequested();
    m_prompt->setFocus(Qt::ShortcutFocusReason);
    m_prompt->selectAll();
}

void AssistPanel::focusPromptOrGenerate()
{
    if (m_prompt->hasFocus() && !m_prompt->toPlainText().trimmed().isEmpty())
        generate();
    else
        focusPrompt();
}

bool AssistPanel::generate()
{
    if (!canAssist()) {
        setMessage(m_generateMessage, m_status->text(), kWarning);
        return false;
    }
    if (generating())
        return false;
    const QString prompt = m_prompt->toPlainText().trimmed();
    if (prompt.isEmpty()) {
        setMessage(m_generateMessage, tr("Write what the article should be about first."), kError);
        m_prompt->setFocus();
        return false;
    }
    ArticleFields fields = m_newArticle ? m_newArticle() : ArticleFields{};
    if (!fields.editor) {
        setMessage(m_generateMessage, tr("A new draft could not be created."), kError);
        return false;
    }
    m_streamer = std::make_unique<DraftStreamer>(fields);
    setMessage(m_generateMessage, tr("Writing a new draft…"), kInfo);
    m_session->generate(prompt, m_style->currentText().trimmed());
    return true;
}

void AssistPanel::stop()
{
    if (!generating())
        return;
    m_session->cancel();
    if (m_streamer) {
        m_streamer->stop();
        m_streamer.reset();
    }
    setMessage(m_generateMessage, tr("Stopped; the text written so far is kept."), kInfo);
}

// ---- summarize ------------------------------------------------------------------------------------------------

bool AssistPanel::summarize()
{
    if (!canAssist()) {
        setMessage(m_summarizeMessage, m_status->text(), kWarning);
        return false;
    }
    QPlainTextEdit *editor = m_current.editor;
    if (!editor) {
        setMessage(m_summarizeMessage, tr("Open an article to summarize it."), kError);
        return false;
    }
    const QTextCursor selection = editor->textCursor();
    const bool partial = selection.hasSelection();
    const QString text = partial ? plainSelection(selection) : editor->toPlainText();
    if (text.trimmed().isEmpty()) {
        setMessage(m_summarizeMessage, tr("There is nothing to summarize yet."), kError);
        return false;
    }
    m_pendingAnchor.reset();
    if (partial) {
        QTextCursor anchor(editor->document());
        anchor.setPosition(selection.selectionEnd());
        // A selection of whole lines ends at the start of the next block: the summary belongs after the last
        // selected line, not after the next paragraph.
        if (anchor.atBlockStart() && selection.selectionEnd() > selection.selectionStart())
            anchor.movePosition(QTextCursor::PreviousCharacter);
        m_pendingAnchor = anchor;
    }
    m_summaryFor = editor->document();
    setMessage(m_summarizeMessage, partial ? tr("Summarizing the selection…") : tr("Summarizing the article…"), kInfo);
    m_session->summarize(text);
    return true;
}

QString AssistPanel::summaryMarkdown(const api::Summary &summary)
{
    QString text = summary.summary.trimmed();
    QStringList points;
    for (const QString &point : summary.keyPoints) {
        if (!point.trimmed().isEmpty())
            points.append(u"- "_s + point.trimmed());
    }
    if (!points.isEmpty())
        text += u"\n\n"_s + points.join(u'\n');
    return text;
}

bool AssistPanel::isShown(const QTextDocument *document) const
{
    return document && m_current.editor && m_current.editor->document() == document;
}

void AssistPanel::onSummarized(const api::Summary &summary)
{
    if (!isShown(m_summaryFor))
        return; // asked for an article that is no longer shown
    m_summary = summary;
    m_summaryAnchor = m_pendingAnchor;
    // Built from escaped plain text: an answer can never inject markup.
    QString html = u"<p>%1</p>"_s.arg(summary.summary.toHtmlEscaped());
    if (!summary.keyPoints.isEmpty()) {
        html += u"<ul>"_s;
        for (const QString &point : summary.keyPoints)
            html += u"<li>%1</li>"_s.arg(point.toHtmlEscaped());
        html += u"</ul>"_s;
    }
    m_summaryView->setHtml(html);
    m_summaryView->setVisible(true);
    m_summaryButtons->setVisible(true);
    setMessage(m_summarizeMessage, {}, kInfo);
}

bool AssistPanel::insertSummary()
{
    QPlainTextEdit *editor = m_current.editor;
    if (!editor || !m_summary)
        return false;
    QTextDocument *document = editor->document();
    QTextCursor cursor(document);
    if (m_summaryAnchor && m_summaryAnchor->document() == document) {
        cursor = *m_summaryAnchor;
        cursor.clearSelection();
        cursor.movePosition(QTextCursor::EndOfBlock);
    } else {
        cursor.movePosition(QTextCursor::End);
    }
    // A blank line before and after, counting the line ends already there.
    const int position = cursor.position();
    const auto lineEnds = [document](int from, int step) {
        int count = 0;
        for (int at = from; count < 2 && at >= 0 && at < document->characterCount() - 1; at += step) {
            const QChar c = document->characterAt(at);
            if (c != QChar::ParagraphSeparator && c != u'\n')
                break;
            ++count;
        }
        return count;
    };
    const QString before = position == 0 ? QString() : QString(2 - lineEnds(position - 1, -1), u'\n');
    const QString after = cursor.atEnd() ? QString() : QString(2 - lineEnds(position, 1), u'\n');
    cursor.beginEditBlock(); // one undo step takes it all back
    cursor.insertText(before + summaryMarkdown(*m_summary) + after);
    cursor.endEditBlock();
    editor->setTextCursor(cursor);
    editor->ensureCursorVisible();
    setMessage(m_summarizeMessage, tr("Summary inserted; Ctrl+Z in the editor takes it back."), kSuccess);
    return true;
}

bool AssistPanel::copySummary()
{
    if (!m_summary)
        return false;
    QApplication::clipboard()->setText(summaryMarkdown(*m_summary));
    setMessage(m_summarizeMessage, tr("Summary copied."), kSuccess);
    return true;
}

// ---- suggest --------------------------------------------------------------------------------------------------

bool AssistPanel::suggest()
{
    if (!canAssist()) {
        setMessage(m_suggestMessage, m_status->text(), kWarning);
        return false;
    }
    QPlainTextEdit *editor = m_current.editor;
    const QString text = editor ? editor->toPlainText() : QString();
    if (text.trimmed().isEmpty()) {
        setMessage(m_suggestMessage, tr("Write some of the article first: suggestions are made from its text."),
                   kError);
        return false;
    }
    m_suggestFor = editor->document();
    setMessage(m_suggestMessage, tr("Reading the article…"), kInfo);
    m_session->suggest(text);
    return true;
}

void AssistPanel::onSuggested(const api::Suggestions &suggestions)
{
    if (!isShown(m_suggestFor))
        return; // asked for an article that is no longer shown
    m_suggestions = suggestions;
    for (const SuggestionRow &row : std::as_const(m_titleRows))
        delete row.row;
    m_titleRows.clear();
    for (qsizetype i = 0; i < suggestions.titles.size(); ++i) {
        const QString title = suggestions.titles.at(i);
        SuggestionRow row = makeRow(m_suggestResults, u"title%1"_s.arg(i), tr("Suggested title %1").arg(i + 1), title,
                                    tr("Use the title “%1”").arg(title));
        row.use->setEnabled(m_current.title != nullptr);
        m_titlesLayout->addWidget(row.row);
        m_titleRows.append(row);
        connect(row.use, &QPushButton::clicked, this, [this, i] {
            if (m_suggestions && i < m_titleRows.size())
                useSuggestion(m_titleRows[i], m_current.title, m_suggestions->titles.at(i), tr("Title set."));
        });
    }
    m_excerptRow.text->setText(suggestions.excerpt);
    m_excerptRow.changeId = 0;
    m_excerptRow.use->setEnabled(m_current.excerpt != nullptr && !suggestions.excerpt.isEmpty());
    m_tagsRow.text->setText(suggestions.tags.isEmpty() ? tr("(none)") : suggestions.tags.join(u", "_s));
    m_tagsRow.changeId = 0;
    m_tagsRow.use->setEnabled(m_current.tags != nullptr && !suggestions.tags.isEmpty());
    updateUndoButtons();
    m_suggestResults->setVisible(true);
    setMessage(m_suggestMessage, {}, kInfo);
}

void AssistPanel::useSuggestion(SuggestionRow &row, QLineEdit *field, const QString &value, const QString &done)
{
    if (!field)
        return;
    const int id = m_undo.apply(field, value);
    if (id == 0) {
        setMessage(m_suggestMessage, tr("The field already says that."), kInfo);
        return;
    }
    row.changeId = id;
    updateUndoButtons();
    setMessage(m_suggestMessage, done + u' ' + tr("Undo (Ctrl+Alt+Z) puts back what was there."), kSuccess);
}

bool AssistPanel::canUndoSuggestion() const
{
    return m_undo.canUndo();
}

bool AssistPanel::undoSuggestion()
{
    if (!m_undo.undo())
        return false;
    setMessage(m_suggestMessage, tr("Undone."), kInfo);
    return true;
}

QString AssistPanel::mergedTags(const QString &existing, const QStringList &suggested)
{
    QStringList tags;
    const auto add = [&tags](const QString &tag) {
        const QString name = tag.simplified();
        if (!name.isEmpty() && !tags.contains(name, Qt::CaseInsensitive))
            tags.append(name);
    };
    for (const QString &tag : existing.split(u',', Qt::SkipEmptyParts))
        add(tag);
    for (const QString &tag : suggested)
        add(tag);
    return tags.join(u", "_s);
}

// ---- errors ---------------------------------------------------------------------------------------------------

void AssistPanel::onFailed(engine::AssistSession::Assist kind, const QString &message)
{
    switch (kind) {
    case Assist::Generate: {
        QString text = message;
        if (m_streamer) {
            m_streamer->stop();
            if (!m_streamer->written().isEmpty())
                text += u' ' + tr("The text that came is kept.");
            m_streamer.reset();
        }
        setMessage(m_generateMessage, text, kError);
        break;
    }
    case Assist::Summarize:
        if (isShown(m_summaryFor))
            setMessage(m_summarizeMessage, message, kError);
        break;
    case Assist::Suggest:
        if (isShown(m_suggestFor))
            setMessage(m_suggestMessage, message, kError);
        break;
    }
}

} // namespace inkwell::app
