#pragma once

#include "api/apitypes.h"
#include "assist/articlefields.h"

#include <QObject>
#include <QTimer>

namespace inkwell::app {

/**
 * @brief Writes a generated article into its new draft while it arrives.
 *
 * Deltas are gathered and appended at the end of the editor through a QTextCursor at most once per frame (about
 * 60 times a second, however fast they come), so a fast stream does not re-layout the editor per token. The view
 * follows the end only while the user has not scrolled away. The whole text is one undo step. The editor is
 * read-only while the text streams in (typing into it would interleave with the stream) and gets its state back
 * at the end. finish() puts the server's final content in place when it differs from what streamed (beyond white
 * space), and fills the title, excerpt and tags.
 */
class DraftStreamer : public QObject {
    Q_OBJECT
public:
    explicit DraftStreamer(ArticleFields fields, QObject *parent = nullptr);
    ~DraftStreamer() override;

    /// @brief Queues @p text to be appended (soon, with whatever else arrives meanwhile).
    void append(const QString &text);
    /// @brief Appends what is queued now.
    void flush();
    /// @brief The end: the final content, then title, excerpt and tags (comma-separated); the editor is writable.
    void finish(const api::GeneratedArticle &article);
    /// @brief Stopped or failed: what came stays; the editor is writable again.
    void stop();
    /// @brief The text streamed into the editor so far (after flush()).
    QString written() const;
    /// @brief Whether the draft's editor still exists.
    bool alive() const { return !m_fields.editor.isNull(); }
    const ArticleFields &fields() const { return m_fields; }

private:
    void insert(const QString &text, bool replaceWritten);
    void release();

    ArticleFields m_fields;
    QString m_pending;
    QTimer m_flushTimer;
    int m_start = 0;
    bool m_wasReadOnly = false;
    bool m_editBlockOpen = false; ///< the first insert began the undo step the later ones join
    bool m_released = false;
};

} // namespace inkwell::app
