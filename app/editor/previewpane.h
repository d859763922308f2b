#pragma once

#include "editor/previewrenderer.h"
#include "theme/themecolors.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <memory>

class QTextBrowser;
class QTextDocument;

namespace inkwell::app {

/// @brief The live preview of a Markdown document: core's safe HTML (markdown::toHtml) in a read-only
/// QTextBrowser.
///
/// Links are never followed: clicking one emits linkActivated() (the window may offer to open it in the
/// browser). No image is fetched from the network or read from disk (preview::PreviewDocument).
///
/// Refreshing: after the text changes the pane waits characterCount / 30000 × 20 ms (20…1000 ms), then renders
/// off the GUI thread with a copy of the text; one render at a time (a request during a render runs after it).
/// The worker also builds the QTextDocument content, and only the top-level blocks whose HTML changed are
/// replaced in the shown document, so the GUI thread's share stays small and the scroll position stays where
/// it was; after a whole rebuild (first render, new style) it is restored proportionally. Nothing is rendered
/// while the pane is hidden; it catches up when shown.
class PreviewPane : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPane(QWidget *parent = nullptr);
    ~PreviewPane() override;

    /// @brief Follows @p document (the editor's); nullptr stops.
    void setSourceDocument(QTextDocument *document);
    void setPreviewStyle(const PreviewStyle &style);

    /// @brief The HTML of the last render (core's markdown::toHtml output).
    QString html() const { return m_html; }
    QTextBrowser *browser() const { return m_browser; }
    /// @brief Renders now (still off the GUI thread), skipping the wait.
    void refreshNow();
    bool isRendering() const { return m_rendering; }
    /// @brief The debounce delay for the current text length, in ms.
    int refreshDelay() const;

    /// @brief Timings of the last render (benchmarks): the worker's part and the GUI thread's part.
    struct Timings {
        qint64 workerNanoseconds = 0;
        qint64 guiNanoseconds = 0;    ///< wall clock
        qint64 guiCpuNanoseconds = 0; ///< the GUI thread's CPU time in the same span (0 where unknown)
        bool full = true;
    };
    Timings lastTimings() const { return m_timings; }

Q_SIGNALS:
    /// @brief A render was shown.
    void rendered();
    /// @brief The user clicked a link in the preview; it was not followed.
    void linkActivated(const QUrl &url);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void startRender();
    void renderFinished();
    void apply(preview::RenderOutput output);
    bool replaceChunks(const preview::RenderOutput &output, QTextDocument *replacement);

    QTextBrowser *m_browser = nullptr;
    QPointer<QTextDocument> m_source;
    PreviewStyle m_style;
    QTimer m_timer;
    QFutureWatcher<preview::RenderOutput> m_watcher;
    std::unique_ptr<QTextDocument> m_document; // what the browser shows
    QString m_html;
    QList<preview::Chunk> m_chunks;
    QList<int> m_blockCounts;
    bool m_dirty = false;
    bool m_rendering = false;
    bool m_again = false;
    bool m_forceFull = true;
    double m_restoreRatio = -1;
    bool m_restoringScroll = false;
    Timings m_timings;
};

} // namespace inkwell::app
