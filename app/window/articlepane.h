#pragma once

#include "workspace.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace inkwell::app {

class EditorStatus;
class FindReplaceBar;
class MarkdownEditor;
class PreviewPane;
class ThemeManager;

/**
 * @brief The open article: title, tags, excerpt and spelling language above the Markdown editor and its live
 * preview, the find bar below, and a banner when the article needs attention (a conflict, a refusal by the
 * server). Bound to the workspace's DraftSession: it reports edits and shows what the session opens or
 * replaces; it decides nothing itself.
 */
class ArticlePane : public QWidget {
    Q_OBJECT
public:
    ArticlePane(engine::Workspace *workspace, ThemeManager *theme, QWidget *parent = nullptr);

    MarkdownEditor *editor() const { return m_editor; }
    PreviewPane *preview() const { return m_preview; }
    FindReplaceBar *findBar() const { return m_find; }
    EditorStatus *status() const { return m_status; }
    QLineEdit *titleField() const { return m_title; }
    QLineEdit *excerptField() const { return m_excerpt; }
    QLineEdit *tagsField() const { return m_tags; }
    /// @brief The text as the fields show it now.
    sync::ArticleText currentText() const;
    bool hasArticle() const { return m_open; }

    void setPreviewVisible(bool visible);
    bool previewVisible() const;
    /// @brief Distraction-free: only the text column, other paragraphs dimmed.
    void setFocusMode(bool on);

Q_SIGNALS:
    /// @brief The user asked to settle the open article's conflict.
    void resolveConflictRequested(const QUuid &id);
    /// @brief A link in the preview was clicked (not followed).
    void linkActivated(const QUrl &url);

private:
    void showArticle(const engine::LocalArticle &article);
    void showEntry(const engine::LibraryEntry &entry);
    void applyReplacement(const sync::ArticleText &text);
    void edited();
    void applyTheme();
    void updateExcerptHint();
    void chooseLanguage();

    engine::Workspace *m_workspace;
    ThemeManager *m_theme;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerAction = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_tags = nullptr;
    QLineEdit *m_excerpt = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_meta = nullptr;
    QSplitter *m_split = nullptr;
    MarkdownEditor *m_editor = nullptr;
    PreviewPane *m_preview = nullptr;
    FindReplaceBar *m_find = nullptr;
    EditorStatus *m_status = nullptr;
    QWidget *m_header = nullptr;
    bool m_loading = false;
    bool m_open = false;
};

} // namespace inkwell::app
