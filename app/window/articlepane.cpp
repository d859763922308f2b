#include "articlepane.h"

#include "editor/editorstatus.h"
#include "editor/findreplacebar.h"
#include "editor/markdowneditor.h"
#include "editor/previewpane.h"
#include "librarypanel.h"
#include "markdown/markdown.h"
#include "spelling/spellchecker.h"
#include "theme/thememanager.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

QStringList parseTags(const QString &text)
{
    QStringList tags;
    QStringList folded;
    for (const QString &part : text.split(u',')) {
        const QString tag = part.trimmed().remove(QRegularExpression(u"^#+"_s));
        if (tag.isEmpty() || folded.contains(tag.toCaseFolded()))
            continue;
        tags.append(tag);
        folded.append(tag.toCaseFolded());
    }
    return tags;
}

/// A completer for a comma-separated list: completes the last item.
class TagCompleter : public QCompleter {
public:
    using QCompleter::QCompleter;
    QStringList splitPath(const QString &path) const override { return {path.section(u',', -1).trimmed()}; }
    QString pathFromIndex(const QModelIndex &index) const override
    {
        const QString current = widget() ? static_cast<QLineEdit *>(widget())->text() : QString();
        const int comma = current.lastIndexOf(u',');
        const QString head = comma < 0 ? QString() : current.left(comma + 1) + u' ';
        return head + index.data().toString() + u", "_s;
    }
};

} // namespace

ArticlePane::ArticlePane(engine::Workspace *workspace, ThemeManager *theme, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_theme(theme)
{
    setObjectName(u"articlePane"_s);
    setAccessibleName(tr("Article"));

    m_placeholder = new QLabel(tr("Pick an article in the library, or press Ctrl+N to start a new one."), this);
    m_placeholder->setObjectName(u"articlePlaceholder"_s);
    m_placeholder->setAccessibleName(tr("No article open"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    // Banner: a conflict, a refusal, a note from the sync.
    m_banner = new QWidget(this);
    m_banner->setObjectName(u"articleBanner"_s);
    m_banner->setAccessibleName(tr("Article notice"));
    m_banner->setAutoFillBackground(true);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(u"articleBannerText"_s);
    m_bannerText->setAccessibleName(tr("Notice"));
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    m_bannerAction = new QPushButton(tr("Resolve…"), m_banner);
    m_bannerAction->setObjectName(u"articleResolve"_s);
    m_bannerAction->setAccessibleName(tr("Resolve the conflict"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 8, 12, 8);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerAction);
    m_banner->hide();
    connect(m_bannerAction, &QPushButton::clicked, this,
            [this] { Q_EMIT resolveConflictRequested(m_workspace->draft()->id()); });

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"articleTitle"_s);
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("Title"));
    m_title->setFrame(false);
    m_title->setMaxLength(kMaxTitleLength);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    m_tags = new QLineEdit(this);
    m_tags->setObjectName(u"articleTags"_s);
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Tags, separated by commas"));
    auto *tagModel = new QStringListModel(this);
    auto *completer = new TagCompleter(tagModel, m_tags);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_tags->setCompleter(completer);
    const auto refreshTags = [this, tagModel] { tagModel->setStringList(m_workspace->library()->tags()); };
    connect(m_workspace->library(), &engine::LibraryModel::loadedChanged, this, refreshTags);
    connect(m_workspace->library(), &QAbstractItemModel::dataChanged, this, refreshTags);
    refreshTags();

    m_excerpt = new QLineEdit(this);
    m_excerpt->setObjectName(u"articleExcerpt"_s);
    m_excerpt->setAccessibleName(tr("Excerpt"));
    m_excerpt->setMaxLength(kMaxExcerptLength);

    m_language = new QComboBox(this);
    m_language->setObjectName(u"articleLanguage"_s);
    m_language->setAccessibleName(tr("Spelling language"));
    m_language->setToolTip(tr("The language this article is checked in"));
    m_language->addItem(tr("No spell checking"), QString());
    for (const QString &language : SpellChecker::shared()->availableLanguages()) {
        const QLocale locale(language);
        m_language->addItem(locale.nativeLanguageName().isEmpty()
                                ? language
                                : u"%1 (%2)"_s.arg(locale.nativeLanguageName(), locale.nativeTerritoryName()),
                            language);
    }

    m_meta = new QLabel(this);
    m_meta->setObjectName(u"articleMeta"_s);
    m_meta->setAccessibleName(tr("Article status"));
    m_meta->setTextFormat(Qt::PlainText);

    m_editor = new MarkdownEditor(this);
    m_editor->setAccessibleName(tr("Article text"));
    m_preview = new PreviewPane(this);
    m_preview->setSourceDocument(m_editor->document());
    connect(m_preview, &PreviewPane::linkActivated, this, &ArticlePane::linkActivated);
    m_find = new FindReplaceBar(m_editor, this);
    m_find->hide();
    m_status = new EditorStatus(m_editor, this);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setObjectName(u"editorSplitter"_s);
    m_split->setChildrenCollapsible(false);
    auto *editorColumn = new QWidget(m_split);
    auto *editorLayout = new QVBoxLayout(editorColumn);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_find);
    m_split->addWidget(editorColumn);
    m_split->addWidget(m_preview);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);

    m_header = new QWidget(this);
    auto *details = new QHBoxLayout;
    details->setSpacing(8);
    details->addWidget(m_tags, 2);
    details->addWidget(m_language, 0);
    details->addWidget(m_meta, 0);
    auto *headerLayout = new QVBoxLayout(m_header);
    headerLayout->setContentsMargins(16, 10, 16, 6);
    headerLayout->setSpacing(4);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_excerpt);
    headerLayout->addLayout(details);

    auto *article = new QWidget(this);
    auto *articleLayout = new QVBoxLayout(article);
    articleLayout->setContentsMargins(0, 0, 0, 0);
    articleLayout->setSpacing(0);
    articleLayout->addWidget(m_banner);
    articleLayout->addWidget(m_header);
    articleLayout->addWidget(m_split, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(article);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    engine::DraftSession *draft = m_workspace->draft();
    draft->setTextProvider([this] { return currentText(); });
    connect(draft, &engine::DraftSession::opened, this, &ArticlePane::showArticle);
    connect(draft, &engine::DraftSession::closed, this, [this] {
        m_open = false;
        m_stack->setCurrentWidget(m_placeholder);
    });
    connect(draft, &engine::DraftSession::vanished, this, [this] {
        m_open = false;
        m_stack->setCurrentWidget(m_placeholder);
    });
    connect(draft, &engine::DraftSession::textReplaced, this, &ArticlePane::applyReplacement);
    connect(draft, &engine::DraftSession::entryChanged, this, &ArticlePane::showEntry);
    connect(draft, &engine::DraftSession::saved, m_editor, &MarkdownEditor::markSaved);

    connect(m_title, &QLineEdit::textEdited, this, &ArticlePane::edited);
    connect(m_tags, &QLineEdit::textEdited, this, &ArticlePane::edited);
    connect(m_excerpt, &QLineEdit::textEdited, this, &ArticlePane::edited);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        edited();
        updateExcerptHint();
    });
    connect(m_language, &QComboBox::activated, this, &ArticlePane::chooseLanguage);
    // Enter in the title goes to the text.
    connect(m_title, &QLineEdit::returnPressed, m_editor, qOverload<>(&QWidget::setFocus));

    if (m_theme)
        connect(m_theme, &ThemeManager::themeChanged, this, &ArticlePane::applyTheme);
    applyTheme();
    m_stack->setCurrentWidget(m_placeholder);
}

sync::ArticleText ArticlePane::currentText() const
{
    return {m_title->text(), m_excerpt->text(), parseTags(m_tags->text()), m_editor->text()};
}

void ArticlePane::edited()
{
    if (!m_loading && m_open)
        m_workspace->draft()->touch();
}

void ArticlePane::showArticle(const engine::LocalArticle &article)
{
    m_loading = true;
    m_title->setText(article.text.title);
    m_excerpt->setText(article.text.excerpt);
    m_tags->setText(article.text.tags.join(u", "_s));
    m_editor->loadText(article.text.content);
    QString language = article.language;
    if (language.isEmpty())
        language = SpellChecker::shared()->resolveLanguage(QLocale().name());
    if (language.isEmpty()) // a locale without a dictionary ("C", "fr"): English, the app's own language
        language = SpellChecker::shared()->resolveLanguage(u"en_US"_s);
    const int index = m_language->findData(SpellChecker::shared()->resolveLanguage(language));
    m_language->setCurrentIndex(article.language == u"-"_s ? 0 : std::max(index, 0));
    m_editor->setSpellLanguage(m_language->currentData().toString());
    m_loading = false;
    m_open = true;
    m_stack->setCurrentIndex(1);
    showEntry(article.entry);
    updateExcerptHint();
    m_preview->refreshNow();
    if (article.text.title.isEmpty())
        m_title->setFocus();
    else
        m_editor->setFocus();
}

void ArticlePane::showEntry(const engine::LibraryEntry &entry)
{
    QStringList meta{LibraryDelegate::statusText(entry.status)};
    if (entry.revision)
        meta.append(tr("revision %1").arg(*entry.revision));
    meta.append(LibraryDelegate::syncStateText(entry.syncState, entry.neverSynced()));
    m_meta->setText(meta.join(u" · "_s));

    const bool conflict = entry.syncState == engine::SyncState::Conflict;
    const bool failed = entry.syncState == engine::SyncState::Failed;
    const bool note = !entry.syncMessage.isEmpty();
    m_banner->setVisible(conflict || failed || note);
    m_bannerAction->setVisible(conflict);
    if (conflict)
        m_bannerText->setText(tr("This article was changed on the server in the same place as here. Nothing was "
                                 "overwritten: compare both versions and choose what to keep."));
    else if (failed)
        m_bannerText->setText(tr("The server refused this version: %1 Your text is safe here; change it and it "
                                 "is sent again.")
                                  .arg(entry.syncMessage));
    else
        m_bannerText->setText(entry.syncMessage);
    QPalette palette = m_banner->palette();
    const bool dark = m_theme && m_theme->isDark();
    palette.setColor(QPalette::Window, conflict || failed
                                           ? (dark ? QColor(0x5c, 0x24, 0x24) : QColor(0xfd, 0xec, 0xea))
                                           : (dark ? QColor(0x4a, 0x40, 0x1c) : QColor(0xff, 0xf6, 0xd9)));
    m_banner->setPalette(palette);
}

void ArticlePane::applyReplacement(const sync::ArticleText &text)
{
    m_loading = true;
    if (m_title->text() != text.title)
        m_title->setText(text.title);
    if (m_excerpt->text() != text.excerpt)
        m_excerpt->setText(text.excerpt);
    if (parseTags(m_tags->text()) != text.tags)
        m_tags->setText(text.tags.join(u", "_s));
    // Only the part that differs is replaced, as one undoable edit: the cursor and the scroll position stay
    // where they are when the change is elsewhere.
    const QString before = m_editor->text();
    const QString &after = text.content;
    if (before != after) {
        qsizetype prefix = 0;
        const qsizetype shortest = std::min(before.size(), after.size());
        while (prefix < shortest && before.at(prefix) == after.at(prefix))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < shortest - prefix &&
               before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
            ++suffix;
        QTextCursor cursor(m_editor->document());
        cursor.beginEditBlock();
        cursor.setPosition(int(prefix));
        cursor.setPosition(int(before.size() - suffix), QTextCursor::KeepAnchor);
        cursor.insertText(after.mid(prefix, after.size() - suffix - prefix));
        cursor.endEditBlock();
    }
    m_loading = false;
    updateExcerptHint();
}

void ArticlePane::updateExcerptHint()
{
    if (!m_excerpt->text().isEmpty())
        return;
    const QTextBlock first = m_editor->document()->firstBlock();
    const QString opening = first.text().left(400) + u'\n' + first.next().text().left(400);
    const QString automatic = markdown::excerpt(opening);
    m_excerpt->setPlaceholderText(automatic.isEmpty() ? tr("Excerpt (made from the text when left empty)")
                                                      : tr("Excerpt — automatic: %1").arg(automatic));
}

void ArticlePane::chooseLanguage()
{
    const QString language = m_language->currentData().toString();
    m_editor->setSpellLanguage(language);
    if (m_open)
        m_workspace->store()->setLanguage(m_workspace->draft()->id(), language.isEmpty() ? u"-"_s : language);
}

void ArticlePane::applyTheme()
{
    if (!m_theme)
        return;
    m_editor->setColors(m_theme->editorColors());
    m_preview->setPreviewStyle(m_theme->previewStyle());
    if (m_open)
        showEntry(m_workspace->draft()->article().entry);
}

void ArticlePane::setPreviewVisible(bool visible)
{
    m_preview->setVisible(visible);
}

bool ArticlePane::previewVisible() const
{
    return m_preview->isVisible();
}

void ArticlePane::setFocusMode(bool on)
{
    m_header->setVisible(!on);
    m_editor->setFocusMode(on);
}

} // namespace inkwell::app
