#pragma once

#include "assist/articlefields.h"
#include "assist/draftstreamer.h"
#include "assist/fieldundostack.h"
#include "assistsession.h"

#include <QPointer>
#include <QTextCursor>
#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace inkwell::app {

/**
 * @brief The AI assists beside the editor: draft an article from a prompt (streamed into a new draft), summarize
 * the selection or the article, and suggest a title, an excerpt and tags, each applied with one click and taken
 * back with one. Shows whether the assists can be used (disabled with the reason, never hidden), the day's quota,
 * a 429's reset time and any error, in words.
 *
 * It works on the article whose widgets it was given (setCurrentArticle() when another one is shown), and asks
 * @p newArticle for a fresh article when a draft is generated. The AI work itself is the AssistSession's, which
 * must outlive the panel.
 */
class AssistPanel : public QWidget {
    Q_OBJECT
public:
    AssistPanel(engine::AssistSession *session, ArticleFields current, NewArticleFactory newArticle,
                QWidget *parent = nullptr);
    ~AssistPanel() override;

    /// @brief The article shown now. Results and undo steps of the previous one are dropped (they belong to it).
    void setCurrentArticle(const ArticleFields &fields);
    const ArticleFields &currentArticle() const { return m_current; }

    /// @brief Whether the AI actions can run now (a provider, the role, no 429 waiting).
    bool canAssist() const;
    bool generating() const;

    /// @brief Shows the prompt box with the keyboard focus in it (asks to be shown first).
    void focusPrompt();
    /// @brief The keyboard's way (Ctrl+Alt+G): to the prompt box; pressed again from a filled prompt, generate().
    void focusPromptOrGenerate();
    /// @brief Drafts a new article from the prompt box: a new article is made and the text streams into it.
    /// False (with the reason shown) when it cannot start.
    bool generate();
    /// @brief Stops the generation; what was written stays.
    void stop();
    /// @brief Summarizes the current article's selection, or the whole article when nothing is selected.
    bool summarize();
    /// @brief Inserts the summary after the summarized selection (or at the end) as one undo step.
    bool insertSummary();
    /// @brief Copies the summary (Markdown) to the clipboard.
    bool copySummary();
    /// @brief Asks for title, excerpt and tag suggestions for the current article.
    bool suggest();
    /// @brief Whether an accepted suggestion can be taken back.
    bool canUndoSuggestion() const;
    /// @brief Takes back the most recently accepted suggestion (the field's value before it).
    bool undoSuggestion();

    /// @brief Suggested tags added to a comma-separated list: existing ones first, no duplicates ignoring case.
    static QString mergedTags(const QString &existing, const QStringList &suggested);
    /// @brief The summary as Markdown: the paragraph, then the key points as a list.
    static QString summaryMarkdown(const api::Summary &summary);

Q_SIGNALS:
    /// @brief An action wants the panel seen (the window shows and raises its dock).
    void activationRequested();
    /// @brief canAssist() or generating() changed.
    void stateChanged();
    /// @brief canUndoSuggestion() changed.
    void undoAvailableChanged(bool available);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct SuggestionRow {
        QWidget *row = nullptr;
        QLabel *text = nullptr;
        QPushButton *use = nullptr;
        QPushButton *undo = nullptr;
        int changeId = 0;
    };

    void buildUi();
    QWidget *buildGenerateSection();
    QWidget *buildSummarizeSection();
    QWidget *buildSuggestSection();
    SuggestionRow makeRow(QWidget *parent, const QString &name, const QString &accessibleName, const QString &text,
                          const QString &useAccessibleName);
    void applyTheme();

    void updateState();
    void updateQuota();
    void updateRunning();
    void updateSummarizeLabel();
    void updateUndoButtons();
    void setMessage(QLabel *label, const QString &text, const QString &tone);

    void onSummarized(const api::Summary &summary);
    void onSuggested(const api::Suggestions &suggestions);
    void onFailed(engine::AssistSession::Assist kind, const QString &message);
    void useSuggestion(SuggestionRow &row, QLineEdit *field, const QString &value, const QString &done);
    void clearResults();
    /// Whether @p document is the current article's (the one a result would go to).
    bool isShown(const QTextDocument *document) const;

    QPointer<engine::AssistSession> m_session;
    ArticleFields m_current;
    NewArticleFactory m_newArticle;
    FieldUndoStack m_undo;
    std::unique_ptr<DraftStreamer> m_streamer;
    QMetaObject::Connection m_selectionConnection;

    // What was summarized, for "Insert below": a cursor that follows edits, at the selection's end.
    std::optional<QTextCursor> m_pendingAnchor;
    // The article a pending summary or suggestion is for: an answer for another one is not shown.
    QPointer<QTextDocument> m_summaryFor;
    QPointer<QTextDocument> m_suggestFor;
    std::optional<QTextCursor> m_summaryAnchor;
    std::optional<api::Summary> m_summary;
    std::optional<api::Suggestions> m_suggestions;

    QLabel *m_provider = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_quota = nullptr;
    QProgressBar *m_quotaBar = nullptr;

    QPlainTextEdit *m_prompt = nullptr;
    QComboBox *m_style = nullptr;
    QPushButton *m_generateButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QProgressBar *m_generateBusy = nullptr;
    QLabel *m_generateMessage = nullptr;

    QPushButton *m_summarizeButton = nullptr;
    QProgressBar *m_summarizeBusy = nullptr;
    QLabel *m_summarizeMessage = nullptr;
    QTextBrowser *m_summaryView = nullptr;
    QWidget *m_summaryButtons = nullptr;
    QPushButton *m_insertSummaryButton = nullptr;
    QPushButton *m_copySummaryButton = nullptr;

    QPushButton *m_suggestButton = nullptr;
    QProgressBar *m_suggestBusy = nullptr;
    QLabel *m_suggestMessage = nullptr;
    QWidget *m_suggestResults = nullptr;
    QVBoxLayout *m_titlesLayout = nullptr;
    QList<SuggestionRow> m_titleRows;
    SuggestionRow m_excerptRow;
    SuggestionRow m_tagsRow;
};

} // namespace inkwell::app
