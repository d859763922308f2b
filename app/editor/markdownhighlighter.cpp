#include "editor/markdownhighlighter.h"

#include "editor/inlineparser.h"
#include "spelling/spelldictionary.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

// Per-character style flags; a run of equal flags becomes one format.
enum Flag : quint32 {
    HeadingMask = 0x7, // heading level 1..6
    Emphasis = 1u << 3,
    Strong = 1u << 4,
    Strike = 1u << 5,
    Code = 1u << 6,
    CodeBlock = 1u << 7,
    LinkText = 1u << 8,
    Url = 1u << 9,
    Markup = 1u << 10,
    Html = 1u << 11,
    Quote = 1u << 12,
    Misspelled = 1u << 13,
};

// What the spell checker skips.
constexpr quint32 kNotProse = Code | CodeBlock | Url | Markup | Html;

constexpr qreal kHeadingScale[] = {1.0, 1.6, 1.35, 1.17, 1.05, 1.0, 1.0};

/// The misspellings found in a block, for the context menu and for rechecking after "Add to dictionary".
class SpellingData : public QTextBlockUserData {
public:
    QList<LineRange> misspelled;
};

quint32 flagFor(InlineSpan::Kind kind)
{
    switch (kind) {
    case InlineSpan::Emphasis:
        return Emphasis;
    case InlineSpan::Strong:
        return Strong;
    case InlineSpan::Strikethrough:
        return Strike;
    case InlineSpan::Code:
        return Code;
    case InlineSpan::LinkText:
        return LinkText;
    case InlineSpan::Url:
        return Url;
    case InlineSpan::Html:
        return Html;
    case InlineSpan::Markup:
        return Markup;
    }
    return 0;
}

void mark(QVarLengthArray<quint32, 256> &flags, int start, int length, quint32 flag)
{
    const int end = std::min<int>(start + length, int(flags.size()));
    for (int i = std::max(0, start); i < end; ++i)
        flags[i] |= flag;
}

bool isEmailChar(QChar c)
{
    return c.unicode() < 128 && (c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-' || c == u'+');
}

/// Marks URLs and e-mail addresses that cmark saw no link in (`example.org/path`, `name@host`): never prose.
void markAddresses(const QString &text, QVarLengthArray<quint32, 256> &flags)
{
    const int n = int(text.size());
    const auto tokenEnd = [&](int from) {
        while (from < n && !text[from].isSpace() && text[from] != u'<' && text[from] != u'>' && text[from] != u')' &&
               text[from] != u']' && text[from] != u'"')
            ++from;
        return from;
    };
    for (int at = int(text.indexOf(u"://")); at > 0; at = int(text.indexOf(u"://", at + 3))) {
        int start = at;
        while (start > 0 && text[start - 1].isLetter())
            --start;
        if (start < at)
            mark(flags, start, tokenEnd(at) - start, Url);
    }
    for (int at = int(text.indexOf(u"www.", 0, Qt::CaseInsensitive)); at >= 0;
         at = int(text.indexOf(u"www.", at + 4, Qt::CaseInsensitive))) {
        if (at == 0 || !text[at - 1].isLetterOrNumber())
            mark(flags, at, tokenEnd(at) - at, Url);
    }
    for (int at = int(text.indexOf(u'@')); at >= 0; at = int(text.indexOf(u'@', at + 1))) {
        int start = at;
        while (start > 0 && isEmailChar(text[start - 1]))
            --start;
        int end = at + 1;
        while (end < n && isEmailChar(text[end]))
            ++end;
        if (start < at && end > at + 1)
            mark(flags, start, end - start, Url);
    }
}

} // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_colors(EditorColors::forTheme(false))
    , m_monospaceFamily(QFontDatabase::systemFont(QFontDatabase::FixedFont).family())
{
    if (document && document->defaultFont().pointSizeF() > 0)
        m_basePointSize = document->defaultFont().pointSizeF();
}

MarkdownHighlighter::~MarkdownHighlighter() = default;

void MarkdownHighlighter::setColors(const EditorColors &colors)
{
    m_colors = colors;
    m_formats.clear();
    rehighlight();
}

void MarkdownHighlighter::setBaseFont(const QFont &font)
{
    const qreal size = font.pointSizeF() > 0 ? font.pointSizeF() : m_basePointSize;
    if (qFuzzyCompare(size, m_basePointSize))
        return;
    m_basePointSize = size;
    m_formats.clear();
    rehighlight();
}

void MarkdownHighlighter::setDictionary(SpellDictionary *dictionary)
{
    if (m_dictionary == dictionary)
        return;
    if (m_dictionary)
        disconnect(m_dictionary, nullptr, this, nullptr);
    m_dictionary = dictionary;
    if (m_dictionary)
        connect(m_dictionary, &SpellDictionary::wordAccepted, this, &MarkdownHighlighter::recheckWord);
    m_deferredWord = QTextCursor();
    rehighlight();
}

SpellDictionary *MarkdownHighlighter::dictionary() const
{
    return m_dictionary;
}

LineState MarkdownHighlighter::stateOf(const QTextBlock &block)
{
    return LineState::fromInt(block.userState());
}

QList<LineRange> MarkdownHighlighter::misspellingsOf(const QTextBlock &block)
{
    if (const auto *data = dynamic_cast<const SpellingData *>(block.userData()))
        return data->misspelled;
    return {};
}

QTextCharFormat MarkdownHighlighter::formatFor(quint32 flags)
{
    if (const auto it = m_formats.constFind(flags); it != m_formats.cend())
        return *it;
    QTextCharFormat f;
    if (flags & Quote) {
        f.setForeground(m_colors.quote);
        f.setFontItalic(true);
    }
    if (const quint32 level = flags & HeadingMask) {
        f.setForeground(m_colors.heading);
        f.setFontWeight(QFont::Bold);
        f.setFontPointSize(m_basePointSize * kHeadingScale[std::min<quint32>(level, 6)]);
    }
    if (flags & Emphasis)
        f.setFontItalic(true);
    if (flags & Strong)
        f.setFontWeight(QFont::Bold);
    if (flags & Strike)
        f.setFontStrikeOut(true);
    if (flags & LinkText)
        f.setForeground(m_colors.link);
    if (flags & Url)
        f.setForeground(m_colors.url);
    if (flags & (Code | CodeBlock)) {
        f.setFontFamilies({m_monospaceFamily});
        f.setFontFixedPitch(true);
        f.setFontItalic(false);
        f.setForeground(m_colors.code);
        if (flags & Code)
            f.setBackground(m_colors.codeBackground);
    }
    if (flags & Html)
        f.setForeground(m_colors.html);
    if (flags & Markup)
        f.setForeground(m_colors.markup);
    if (flags & Misspelled) {
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(m_colors.spelling);
    }
    m_formats.insert(flags, f);
    return f;
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    ++m_highlightCount;
    const QTextBlock block = currentBlock();
    const LineState before = LineState::fromInt(currentBlockState());
    const QTextBlock next = block.next();
    const LineScan scan =
        scanLine(text, previousBlockState(), next.isValid() ? QStringView(next.text()) : QStringView());
    setCurrentBlockState(scan.state.toInt());

    QVarLengthArray<quint32, 256> flags(text.size());
    std::fill(flags.begin(), flags.end(), 0u);
    const int n = int(text.size());
    if (scan.state.quoteDepth > 0)
        mark(flags, 0, n, Quote);
    if (scan.state.isHeading())
        mark(flags, 0, n, scan.state.headingLevel);
    for (const LineRange &r : scan.markup)
        mark(flags, r.start, r.length, Markup);
    if (scan.state.isCode()) {
        mark(flags, scan.code.start, scan.code.length, CodeBlock);
        for (const LineRange &r : scan.markup)
            mark(flags, r.start, r.length, CodeBlock);
    }
    mark(flags, scan.taskBox.start, scan.taskBox.length, Markup);
    mark(flags, scan.linkLabel.start, scan.linkLabel.length, LinkText);
    mark(flags, scan.linkUrl.start, scan.linkUrl.length, Url);
    for (const LineRange &r : scan.inlines) {
        const InlineSpans spans = parseInlines(QStringView(text).sliced(r.start, r.length));
        for (const InlineSpan &span : spans)
            mark(flags, r.start + span.start, span.length, flagFor(span.kind));
    }

    if (m_dictionary && !scan.state.isCode())
        checkSpelling(text, flags);
    else if (block.userData())
        setCurrentBlockUserData(nullptr);

    for (int start = 0; start < n;) {
        int end = start + 1;
        while (end < n && flags[end] == flags[start])
            ++end;
        if (flags[start] != 0)
            setFormat(start, end - start, formatFor(flags[start]));
        start = end;
    }

    // This line's text may change what the line above is (a setext underline, a table's delimiter row).
    const QTextBlock previous = block.previous();
    if (previous.isValid()) {
        const QTextBlock beforePrevious = previous.previous();
        const LineScan again =
            scanLine(previous.text(), beforePrevious.isValid() ? beforePrevious.userState() : -1, text);
        if (again.state.toInt() != previous.userState())
            scheduleRehighlight(previous);
    }
    if (before.isHeading() || scan.state.isHeading())
        Q_EMIT headingsChanged();
}

void MarkdownHighlighter::checkSpelling(const QString &text, QVarLengthArray<quint32, 256> &flags)
{
    const int n = int(text.size());
    markAddresses(text, flags);

    int typingAt = -1;
    if (m_typingPosition) {
        const int position = m_typingPosition() - currentBlock().position();
        if (position >= 0 && position <= n)
            typingAt = position;
    }

    auto data = std::make_unique<SpellingData>();
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    int wordStart = (finder.boundaryReasons() & QTextBoundaryFinder::StartOfItem) ? 0 : -1;
    for (int at = finder.toNextBoundary(); at >= 0; at = finder.toNextBoundary()) {
        const auto reasons = finder.boundaryReasons();
        if ((reasons & QTextBoundaryFinder::EndOfItem) && wordStart >= 0) {
            const QStringView word = QStringView(text).sliced(wordStart, at - wordStart);
            bool prose = true;
            bool hasLetter = false;
            for (int i = wordStart; i < at && prose; ++i) {
                if ((flags[i] & kNotProse) || text[i].isDigit())
                    prose = false;
                hasLetter = hasLetter || text[i].isLetter();
            }
            if (prose && hasLetter) {
                if (at == typingAt) {
                    // Being typed: judge it when the cursor leaves.
                    m_deferredWord = QTextCursor(currentBlock());
                    m_deferredWord.setPosition(currentBlock().position() + at);
                } else if (!m_dictionary->isCorrect(word)) {
                    mark(flags, wordStart, at - wordStart, Misspelled);
                    data->misspelled.append({wordStart, at - wordStart});
                }
            }
        }
        wordStart = (reasons & QTextBoundaryFinder::StartOfItem) ? at : -1;
    }
    if (data->misspelled.isEmpty()) {
        if (currentBlock().userData())
            setCurrentBlockUserData(nullptr);
    } else {
        setCurrentBlockUserData(data.release());
    }
}

void MarkdownHighlighter::cursorMoved(int position)
{
    if (m_deferredWord.isNull() || m_deferredWord.position() == position)
        return;
    const QTextBlock block = m_deferredWord.block();
    m_deferredWord = QTextCursor();
    if (block.isValid())
        rehighlightBlock(block);
}

void MarkdownHighlighter::scheduleRehighlight(const QTextBlock &block)
{
    // Not from inside highlightBlock(): QSyntaxHighlighter is not reentrant.
    const bool idle = m_pending.isEmpty();
    m_pending.append(QTextCursor(block));
    if (idle)
        QMetaObject::invokeMethod(this, &MarkdownHighlighter::rehighlightPending, Qt::QueuedConnection);
}

void MarkdownHighlighter::rehighlightPending()
{
    const QList<QTextCursor> pending = std::exchange(m_pending, {});
    for (const QTextCursor &cursor : pending) {
        if (!cursor.isNull() && cursor.block().isValid())
            rehighlightBlock(cursor.block());
    }
}

void MarkdownHighlighter::recheckWord(const QString &word)
{
    if (!document())
        return;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const QList<LineRange> misspelled = misspellingsOf(block);
        for (const LineRange &r : misspelled) {
            if (QStringView(block.text()).sliced(r.start, r.length) == word) {
                rehighlightBlock(block);
                break;
            }
        }
    }
}

} // namespace inkwell::app
