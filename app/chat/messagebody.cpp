#include "messagebody.h"

#include <QAbstractTextDocumentLayout>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QMenu>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace inkwell::app {

MessageBody::MessageBody(const StreamingMarkdown::Style &style, QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"messageBody"_s);
    setAccessibleName(tr("Message text"));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard | Qt::LinksAccessibleByMouse |
                            Qt::LinksAccessibleByKeyboard);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::ClickFocus); // Tab moves between the message's actions, not into every text
    viewport()->setAutoFillBackground(false);
    viewport()->setCursor(Qt::IBeamCursor);
    document()->setDocumentMargin(0);
    m_markdown = std::make_unique<StreamingMarkdown>(document(), style);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &MessageBody::updateHeight);
    connect(this, &QTextBrowser::anchorClicked, this, &MessageBody::onAnchorClicked);
}

MessageBody::~MessageBody() = default;

void MessageBody::showMarkdown(const QString &markdown)
{
    if (!m_isMarkdown) {
        m_isMarkdown = true;
        m_source.clear();
    }
    if (markdown == m_source && !markdown.isEmpty())
        return;
    m_source = markdown;
    m_markdown->showMarkdown(markdown);
}

void MessageBody::setPlainContent(const QString &text)
{
    if (!m_isMarkdown && text == m_source && !document()->isEmpty())
        return;
    m_isMarkdown = false;
    m_source = text;
    // setPlainText() keeps the cursor's character format: start from a clean document, not the renderer's.
    m_markdown->clear();
    document()->clear();
    setCurrentCharFormat(QTextCharFormat());
    setPlainText(text);
    // The widest line decides how wide a question's bubble wants to be (the layout caps it).
    m_naturalWidth = 0;
    const QFontMetrics metrics(document()->defaultFont());
    qsizetype lines = 0;
    for (const QStringView line : QStringView(text).tokenize(u'\n')) {
        m_naturalWidth = std::max(m_naturalWidth, metrics.horizontalAdvance(line.toString()));
        if (++lines > 200 || m_naturalWidth > 4000)
            break;
    }
    updateGeometry();
}

void MessageBody::setMarkdownStyle(const StreamingMarkdown::Style &style)
{
    m_markdown->setStyle(style);
    if (m_isMarkdown)
        m_markdown->rebuild();
}

qsizetype MessageBody::codeBlockCount() const
{
    return m_isMarkdown ? m_markdown->codeBlockCount() : 0;
}

QString MessageBody::codeBlock(qsizetype index) const
{
    return m_isMarkdown ? m_markdown->codeBlock(index) : QString();
}

qsizetype MessageBody::codeBlockAt(const QPoint &viewportPos) const
{
    if (!m_isMarkdown)
        return -1;
    const int position = document()->documentLayout()->hitTest(viewportPos, Qt::FuzzyHit);
    return position < 0 ? -1 : m_markdown->codeBlockAt(position);
}

void MessageBody::copyCodeBlock(qsizetype index)
{
    if (index < 0 || index >= codeBlockCount())
        return;
    QGuiApplication::clipboard()->setText(codeBlock(index));
    Q_EMIT copied(tr("Code block copied"));
}

void MessageBody::onAnchorClicked(const QUrl &url)
{
    if (const qsizetype index = StreamingMarkdown::codeBlockOfLink(url.toString()); index >= 0) {
        copyCodeBlock(index);
        return;
    }
    // Only web and mail links leave the app; anything else in an answer is not followed.
    if (url.scheme() == u"http"_s || url.scheme() == u"https"_s || url.scheme() == u"mailto"_s)
        QDesktopServices::openUrl(url);
}

void MessageBody::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    menu->setObjectName(u"messageContextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *before = menu->actions().value(0);
    const qsizetype code = codeBlockAt(event->pos());
    if (code >= 0) {
        QAction *copyCode = new QAction(tr("Copy code block"), menu);
        copyCode->setObjectName(u"copyCodeBlockAction"_s);
        connect(copyCode, &QAction::triggered, this, [this, code] { copyCodeBlock(code); });
        menu->insertAction(before, copyCode);
    }
    QAction *copyMessage = new QAction(tr("Copy message"), menu);
    copyMessage->setObjectName(u"copyMessageAction"_s);
    connect(copyMessage, &QAction::triggered, this, &MessageBody::copyMessageRequested);
    menu->insertAction(before, copyMessage);
    menu->insertSeparator(before);
    menu->popup(event->globalPos());
}

void MessageBody::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    updateHeight();
}

void MessageBody::setGrowing(bool growing)
{
    if (growing == m_growing)
        return;
    m_growing = growing;
    updateHeight();
}

void MessageBody::updateHeight()
{
    int height = int(std::ceil(document()->size().height())) + 2 * frameWidth();
    if (m_growing && !document()->isEmpty()) {
        const int step = 3 * fontMetrics().lineSpacing();
        height = (height + step - 1) / step * step;
    }
    if (height == m_height)
        return;
    m_height = height;
    setFixedHeight(std::max(height, fontMetrics().height()));
}

QSize MessageBody::sizeHint() const
{
    // Questions are bubbles as wide as their longest line (within the width the layout allows).
    const int width = m_isMarkdown ? 400 : m_naturalWidth + 2 * frameWidth() + 4;
    return {width, std::max(m_height, fontMetrics().height())};
}

QSize MessageBody::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 4, fontMetrics().height()};
}

} // namespace inkwell::app
