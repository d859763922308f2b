#include "editor/previewpane.h"

#include "editor/previewdocument.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <ctime>
#include <numeric>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
/// CPU time of the calling thread (wall time on a shared machine also counts other processes).
qint64 threadCpuNanoseconds()
{
#if defined(Q_OS_UNIX)
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
#else
    return 0;
#endif
}

int sumOf(const QList<int> &counts, qsizetype from, qsizetype count)
{
    return std::accumulate(counts.cbegin() + from, counts.cbegin() + from + count, 0);
}
} // namespace

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent)
    , m_style(PreviewStyle::forTheme(false))
{
    setObjectName(u"previewPane"_s);
    setAccessibleName(tr("Preview"));

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"previewBrowser"_s);
    m_browser->setAccessibleName(tr("Preview of the article"));
    m_browser->setOpenLinks(false); // links are offered to the window, never followed here
    m_browser->setOpenExternalLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_document = std::make_unique<preview::PreviewDocument>();
    m_browser->setDocument(m_document.get());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);

    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment())
            m_browser->scrollToAnchor(url.fragment());
        else
            Q_EMIT linkActivated(url);
    });

    // After a whole rebuild the new document is laid out in steps; keep the old proportional position while
    // the range grows, until the user scrolls.
    QScrollBar *bar = m_browser->verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_restoreRatio < 0)
            return;
        m_restoringScroll = true;
        bar->setValue(qRound(m_restoreRatio * maximum));
        m_restoringScroll = false;
    });
    // Any other move (the user, a link to an anchor) ends the restoring.
    connect(bar, &QScrollBar::valueChanged, this, [this] {
        if (!m_restoringScroll)
            m_restoreRatio = -1;
    });

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PreviewPane::startRender);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &PreviewPane::renderFinished);
    setPreviewStyle(m_style);
}

PreviewPane::~PreviewPane()
{
    if (m_rendering) {
        // The worker's document would be orphaned: wait for it (one render at most) and drop it.
        m_watcher.waitForFinished();
        delete m_watcher.result().document;
    }
    delete m_browser; // before the document it shows
    m_browser = nullptr;
}

void PreviewPane::setSourceDocument(QTextDocument *document)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = document;
    m_forceFull = true;
    if (m_source) {
        connect(m_source, &QTextDocument::contentsChanged, this, &PreviewPane::scheduleRefresh);
        scheduleRefresh();
    }
}

void PreviewPane::setPreviewStyle(const PreviewStyle &style)
{
    m_style = style;
    QPalette p = m_browser->palette();
    p.setColor(QPalette::Base, style.background);
    p.setColor(QPalette::Text, style.text);
    p.setColor(QPalette::Link, style.link);
    m_browser->setPalette(p);
    m_forceFull = true; // the style is baked into the document's formats
    if (m_source)
        scheduleRefresh();
}

int PreviewPane::refreshDelay() const
{
    const int characters = m_source ? m_source->characterCount() : 0;
    return std::clamp(characters / 30000 * 20, 20, 1000);
}

void PreviewPane::scheduleRefresh()
{
    m_dirty = true;
    if (!isVisible())
        return; // rendered when shown
    m_timer.start(refreshDelay());
}

void PreviewPane::refreshNow()
{
    m_timer.stop();
    m_dirty = true;
    startRender();
}

void PreviewPane::startRender()
{
    if (!m_source || !isVisible())
        return;
    if (m_rendering) {
        m_again = true;
        return;
    }
    m_dirty = false;
    m_rendering = true;
    preview::RenderInput input;
    input.markdown = m_source->toPlainText(); // the worker's own copy
    input.css = m_style.css;
    input.font = m_browser->font();
    input.full = m_forceFull || m_blockCounts.size() != m_chunks.size();
    input.previousHtml = m_html;
    input.previousChunks = m_chunks;
    m_forceFull = false;
    QThread *target = thread();
    m_watcher.setFuture(
        QtConcurrent::run([input = std::move(input), target] { return preview::render(input, target); }));
}

void PreviewPane::renderFinished()
{
    m_rendering = false;
    apply(m_watcher.result());
    if (m_again) {
        m_again = false;
        startRender();
    } else if (m_dirty && !m_timer.isActive() && isVisible()) {
        m_timer.start(refreshDelay());
    }
}

void PreviewPane::apply(preview::RenderOutput output)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 cpu = threadCpuNanoseconds();
    std::unique_ptr<QTextDocument> document(output.document);
    bool ok = true;
    if (document && output.full) {
        QScrollBar *bar = m_browser->verticalScrollBar();
        const double ratio = bar->maximum() > 0 ? double(bar->value()) / bar->maximum() : 0.0;
        m_browser->setDocument(document.get());
        std::swap(m_document, document); // the old one goes at the end of this function
        m_blockCounts = output.blockCounts;
        m_restoreRatio = ratio;
        m_restoringScroll = true;
        bar->setValue(qRound(ratio * bar->maximum()));
        m_restoringScroll = false;
    } else if (document) {
        ok = replaceChunks(output, document.get());
    }
    m_html = output.html;
    m_chunks = output.chunks;
    if (!ok || m_blockCounts.size() != m_chunks.size() ||
        1 + sumOf(m_blockCounts, 0, m_blockCounts.size()) != m_document->blockCount()) {
        // Out of step with the shown document: the next render rebuilds it.
        m_forceFull = true;
        m_dirty = true;
    }
    document.reset();
    m_timings = {output.workerNanoseconds, timer.nsecsElapsed(), threadCpuNanoseconds() - cpu, output.full};
    Q_EMIT rendered();
}

bool PreviewPane::replaceChunks(const preview::RenderOutput &output, QTextDocument *replacement)
{
    const int first = output.firstChanged;
    const int removed = output.removedChunks;
    if (first < 0 || removed < 0 || first + removed > m_blockCounts.size())
        return false;
    const int firstBlock = 1 + sumOf(m_blockCounts, 0, first);
    const int oldBlocks = sumOf(m_blockCounts, first, removed);
    const QTextBlock before = m_document->findBlockByNumber(firstBlock - 1);
    const QTextBlock last = oldBlocks > 0 ? m_document->findBlockByNumber(firstBlock + oldBlocks - 1) : before;
    if (!before.isValid() || !last.isValid())
        return false;
    // Every chunk ends with a top-level block (previewrenderer.h); a cut inside a table would take the table with
    // it, so a document out of step with the counts is rebuilt instead.
    const QTextFrame *root = m_document->rootFrame();
    if (m_document->frameAt(before.position()) != root || m_document->frameAt(last.position()) != root)
        return false;

    // From the end of the block before the changed chunks to the end of their last block: the replacement
    // (everything after its guard block) starts with a block break or a table's start, so each new block keeps
    // its own format, and the block before stays as it was (see replaceAfter: it may be the guard, a horizontal
    // rule or the empty block after a table).
    QTextCursor source(replacement);
    source.setPosition(replacement->firstBlock().length() - 1);
    source.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    QTextCursor cursor(m_document.get());
    preview::replaceAfter(cursor, before, last.position() + last.length() - 1,
                          source.hasSelection() ? QTextDocumentFragment(source) : QTextDocumentFragment());

    m_blockCounts.remove(first, removed);
    for (int i = 0; i < output.blockCounts.size(); ++i)
        m_blockCounts.insert(first + i, output.blockCounts[i]);
    return true;
}

void PreviewPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty && m_source)
        m_timer.start(0);
}

void PreviewPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_forceFull = true;
        if (m_source)
            scheduleRefresh();
    }
}

} // namespace inkwell::app
