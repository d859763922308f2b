#pragma once

#include "streamingmarkdown.h"

#include <QTextBrowser>
#include <memory>

namespace inkwell::app {

/**
 * @brief The text of one message: Markdown (answers, rendered progressively) or plain text (questions).
 *
 * A read-only QTextBrowser without frame or scroll bars whose height follows its document, so the message column
 * scrolls, not the message. Text can be selected with the mouse or the keyboard. Links open in the browser; a code
 * block's "Copy" link copies that block. The context menu adds "Copy code block" on a code block and "Copy
 * message" (the Markdown source).
 */
class MessageBody : public QTextBrowser {
    Q_OBJECT
public:
    explicit MessageBody(const StreamingMarkdown::Style &style, QWidget *parent = nullptr);
    ~MessageBody() override;

    /// @brief Shows Markdown; when it extends what is shown, only the changed tail is rendered again.
    void showMarkdown(const QString &markdown);
    /// @brief Shows plain text as typed.
    void setPlainContent(const QString &text);
    /// @brief The Markdown or plain text shown.
    QString source() const { return m_source; }
    /// @brief Number of code blocks and the text of one.
    qsizetype codeBlockCount() const;
    QString codeBlock(qsizetype index) const;
    /// @brief The code block at @p viewportPos, or -1.
    qsizetype codeBlockAt(const QPoint &viewportPos) const;
    /// @brief Copies code block @p index to the clipboard.
    void copyCodeBlock(qsizetype index);
    /// @brief While an answer grows, its height grows a few lines at a time instead of line by line: each change
    /// of height moves the messages below and, when the view follows the stream, repaints all of it.
    void setGrowing(bool growing);
    /// @brief Changes colours (renders again).
    void setMarkdownStyle(const StreamingMarkdown::Style &style);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// @brief Something was copied; @p what says what (for a short confirmation).
    void copied(const QString &what);
    /// @brief "Copy message" was chosen.
    void copyMessageRequested();

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onAnchorClicked(const QUrl &url);
    void updateHeight();

    std::unique_ptr<StreamingMarkdown> m_markdown;
    QString m_source;
    bool m_isMarkdown = false;
    int m_height = 0;
    int m_naturalWidth = 0; // plain text: the widest line, unwrapped
    bool m_growing = false;
};

} // namespace inkwell::app
