// The Markdown editor's parts, as a writer meets them: highlighting, spelling, preview, outline, find and
// replace, focus mode, list editing, word counts, themes. GUI under QT_QPA_PLATFORM=offscreen.
#include "editor/editorstatus.h"
#include "editor/findreplacebar.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/outlinemodel.h"
#include "editor/outlineview.h"
#include "editor/previewpane.h"
#include "editor/previewrenderer.h"
#include "spelling/spellchecker.h"
#include "spelling/spelldictionary.h"
#include "theme/thememanager.h"
#include "translations.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextList>
#include <QTextTable>
#include <QVBoxLayout>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace inkwell::app;

namespace {

QTextCharFormat formatAt(const QTextBlock &block, int position)
{
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return {};
}

QStringList misspelledWords(const QTextDocument *document)
{
    QStringList words;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (const LineRange &r : MarkdownHighlighter::misspellingsOf(block))
            words.append(block.text().sliced(r.start, r.length));
    }
    return words;
}

QAction *actionNamed(QMenu *menu, const QString &name)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

/// A realistic article of about @p size characters: headings, paragraphs, lists, code, tables, quotes.
QString article(int size)
{
    QString s;
    for (int i = 0; s.size() < size; ++i) {
        s += u"## Section %1\n\n"_s.arg(i);
        s +=
            u"The quick brown fox jumps over the *lazy* dog, and **then** some `code` with a [link](https://example.com/%1).\n\n"_s
                .arg(i);
        s += u"- first item\n- second item with _emphasis_\n  - nested item\n- [ ] a task\n\n"_s;
        if (i % 3 == 0)
            s += u"```cpp\nint main() {\n    return %1;\n}\n```\n\n"_s.arg(i);
        if (i % 4 == 0)
            s += u"| Name | Value |\n|------|------:|\n| a | %1 |\n| b | 2 |\n\n"_s.arg(i);
        if (i % 5 == 0)
            s += u"> A quote that says something wise about section %1.\n\n"_s.arg(i);
    }
    return s;
}

/// What a preview document looks like, block by block: text, block format, list, table cell, horizontal rule,
/// and character formats.
QStringList describe(QTextDocument *document)
{
    QStringList lines;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat bf = block.blockFormat();
        QString line = u"%1|h%2|m%3/%4|l%5|i%6"_s.arg(block.text())
                           .arg(bf.headingLevel())
                           .arg(bf.topMargin())
                           .arg(bf.bottomMargin())
                           .arg(block.textList() ? int(block.textList()->format().style()) : 0)
                           .arg(bf.indent());
        if (const auto *table = qobject_cast<QTextTable *>(document->frameAt(block.position()))) {
            const QTextTableCell cell = table->cellAt(block.position());
            line += u"|t%1x%2@%3,%4"_s.arg(table->rows()).arg(table->columns()).arg(cell.row()).arg(cell.column());
        }
        if (bf.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth))
            line += u"|rule"_s;
        for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            line += u"|%1:%2%3%4%5"_s.arg(it.fragment().length())
                        .arg(cf.fontWeight())
                        .arg(cf.fontItalic() ? u"i"_s : QString())
                        .arg(cf.fontFixedPitch() ? u"m"_s : QString())
                        .arg(cf.fontStrikeOut() ? u"s"_s : QString());
        }
        lines.append(line);
    }
    return lines;
}

/// What a reader sees in a preview, element by element: a block's text, "rule" for a horizontal rule, and
/// "table RxC: cell|cell|…" (row by row) for a table. Empty blocks are left out.
QStringList outline(QTextDocument *document)
{
    QStringList items;
    for (QTextFrame::iterator it = document->rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto *table = qobject_cast<QTextTable *>(it.currentFrame())) {
            QStringList cells;
            for (int row = 0; row < table->rows(); ++row) {
                for (int column = 0; column < table->columns(); ++column) {
                    const QTextTableCell cell = table->cellAt(row, column);
                    QTextCursor text = cell.firstCursorPosition();
                    text.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
                    cells.append(text.selectedText());
                }
            }
            items.append(u"table %1x%2: %3"_s.arg(table->rows()).arg(table->columns()).arg(cells.join(u'|')));
        } else if (const QTextBlock block = it.currentBlock(); block.isValid()) {
            if (block.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth))
                items.append(u"rule"_s);
            else if (!block.text().isEmpty())
                items.append(block.text());
        }
    }
    return items;
}

/// A whole render of @p markdown, as the preview would show it from scratch.
std::unique_ptr<QTextDocument> fullRender(const QString &markdown, const QFont &font)
{
    preview::RenderInput whole;
    whole.markdown = markdown;
    whole.css = PreviewStyle::forTheme(false).css;
    whole.font = font;
    return std::unique_ptr<QTextDocument>(preview::render(whole, QThread::currentThread()).document);
}

/// Describes both documents and, where they differ, logs the blocks around the first difference.
bool sameDocument(QTextDocument *shown, QTextDocument *wanted, const QString &label)
{
    const QStringList a = describe(shown);
    const QStringList b = describe(wanted);
    if (a == b)
        return true;
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    qDebug() << label << "differs at block" << i;
    for (qsizetype k = std::max<qsizetype>(0, i - 3); k < i + 4; ++k)
        qDebug() << k << a.value(k) << "  <->  " << b.value(k);
    return false;
}

/// The settings portal of xdg-desktop-portal, as far as the theme asks it.
class FakePortal : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 1;

public Q_SLOTS:
    QDBusVariant ReadOne(const QString &nameSpace, const QString &key)
    {
        if (nameSpace != u"org.freedesktop.appearance"_s || key != u"color-scheme"_s) {
            sendErrorReply(u"org.freedesktop.portal.Error.NotFound"_s, u"no such setting"_s);
            return {};
        }
        return QDBusVariant(QVariant::fromValue(scheme));
    }

Q_SIGNALS:
    void SettingChanged(const QString &nameSpace, const QString &key, const QDBusVariant &value);
};

/// An older portal (Settings version 1): only Read, which wraps the value in a second variant.
class LegacyPortal : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 1;

public Q_SLOTS:
    QDBusVariant Read(const QString &, const QString &)
    {
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant::fromValue(scheme))));
    }
};

/// A private session bus for one test.
class PrivateBus {
public:
    PrivateBus()
    {
        m_daemon.setProgram(u"dbus-daemon"_s);
        m_daemon.setArguments({u"--session"_s, u"--nofork"_s, u"--nopidfile"_s, u"--print-address=1"_s});
        m_daemon.start();
        if (m_daemon.waitForStarted(5000) && m_daemon.waitForReadyRead(5000))
            m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    }
    ~PrivateBus()
    {
        for (const QString &name : std::as_const(m_names))
            QDBusConnection::disconnectFromBus(name);
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(5000))
            m_daemon.kill();
    }
    QString address() const { return m_address; }
    QDBusConnection connect(const QString &name)
    {
        m_names.append(name);
        return QDBusConnection::connectToBus(m_address, name);
    }

private:
    QProcess m_daemon;
    QString m_address;
    QStringList m_names;
};

} // namespace

class TestEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Highlighting
    void highlightsMarkdown_data();
    void highlightsMarkdown();
    void lineBelowDecidesTheLineAbove();
    void keystrokeRehighlightsOnlyNearbyLines();

    // Spelling
    void underlinesMisspelledWords();
    void germanArticleFlagsEnglishTypos();
    void wordBeingTypedIsJudgedWhenLeft();
    void neverChecksCodeOrAddresses_data();
    void neverChecksCodeOrAddresses();
    void suggestionReplacesInOneUndoStep();
    void addToDictionaryPersists();
    void ignoreLastsTheSession();
    void spellingOffOrUnknownLanguage();
    void resolvesLanguages_data();
    void resolvesLanguages();

    // Preview
    void previewFollowsTyping();
    void previewShowsRawHtmlAsNothing();
    void previewWaitsWhileHidden();
    void previewShowsTablesRulesAndTasks_data();
    void previewShowsTablesRulesAndTasks();
    void previewUpdatesMatchAFullRender();
    void previewUpdatesAroundTables_data();
    void previewUpdatesAroundTables();
    void previewKeepsTheScrollPosition();
    void previewDoesNotFollowLinks();
    void previewFetchesNoImages();

    // Outline
    void outlineListsHeadings();
    void outlineFollowsEditsAndJumps();

    // Find and replace
    void findCounts_data();
    void findCounts();
    void findNavigatesWithKeys();
    void invalidRegularExpressionIsExplained();
    void replaceAllIsOneUndoStep();
    void replaceUsesCaptures();
    void escapeClosesTheBar();

    // Editing
    void focusModeDimsOtherParagraphs();
    void textColumnIsCentred();
    void enterContinuesLists_data();
    void enterContinuesLists();
    void tabIndentsListItems();
    void wrapsSelectionAndInsertsLinks();
    void leavesCtrlKToTheWindow();
    void undoSurvivesSaving();

    // Status, theme, names
    void countsWords();
    void themeFollowsThePortal_data();
    void themeFollowsThePortal();
    void themeWithoutBusIsQuiet();
    void everyWidgetIsNamed();

private:
    std::unique_ptr<QTemporaryDir> m_dictionaries;
};

void TestEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"inkwell-tst-editor"_s);
    installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    // Personal word lists from earlier runs must not leak in.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QVERIFY2(SpellChecker().availableLanguages().contains(u"en_US"_s), "hunspell-en-us is not installed");
    QVERIFY2(SpellChecker().availableLanguages().contains(u"de_DE"_s), "hunspell-de-de is not installed");
}

// ---------------------------------------------------------------------------------------------------------------
// Highlighting

void TestEditor::highlightsMarkdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("block");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("kind");

    QTest::newRow("heading text") << u"# Title"_s << 0 << 3 << u"heading"_s;
    QTest::newRow("heading marker") << u"# Title"_s << 0 << 0 << u"markup"_s;
    QTest::newRow("heading level 3 is smaller than 1") << u"### Small"_s << 0 << 5 << u"heading3"_s;
    QTest::newRow("not a heading without space") << u"#hashtag"_s << 0 << 2 << u"plain"_s;
    QTest::newRow("emphasis") << u"some *emph* text"_s << 0 << 7 << u"italic"_s;
    QTest::newRow("emphasis delimiter") << u"some *emph* text"_s << 0 << 5 << u"markup"_s;
    QTest::newRow("text before emphasis") << u"some *emph* text"_s << 0 << 1 << u"plain"_s;
    QTest::newRow("underscore emphasis") << u"an _emph_ word"_s << 0 << 5 << u"italic"_s;
    QTest::newRow("strong") << u"a **strong** b"_s << 0 << 5 << u"bold"_s;
    QTest::newRow("strikethrough") << u"~~gone~~ now"_s << 0 << 3 << u"strike"_s;
    QTest::newRow("inline code") << u"x `code` y"_s << 0 << 3 << u"code"_s;
    QTest::newRow("after inline code") << u"x `code` y"_s << 0 << 9 << u"plain"_s;
    QTest::newRow("non-ASCII before emphasis") << u"Grüße *hier*"_s << 0 << 8 << u"italic"_s;
    QTest::newRow("fenced code line") << u"```\nint a = *b*;\n```\nafter"_s << 1 << 9 << u"codeblock"_s;
    QTest::newRow("fence line") << u"```cpp\nx\n```"_s << 0 << 1 << u"codeblock"_s;
    QTest::newRow("heading inside fence is code") << u"```md\n# not a heading\n```"_s << 1 << 3 << u"codeblock"_s;
    QTest::newRow("text after closing fence") << u"```\nint a;\n```\nafter *fence*"_s << 3 << 0 << u"plain"_s;
    QTest::newRow("emphasis after closing fence") << u"```\nint a;\n```\nafter *fence*"_s << 3 << 8 << u"italic"_s;
    QTest::newRow("tilde fence ignores backticks") << u"~~~\n```\nstill code\n~~~\nout"_s << 2 << 0 << u"codeblock"_s;
    QTest::newRow("indented code") << u"para\n\n    code here"_s << 2 << 6 << u"codeblock"_s;
    QTest::newRow("indented continuation is text") << u"para\n    more para"_s << 1 << 6 << u"plain"_s;
    QTest::newRow("nested list item is not code") << u"- a\n    - b"_s << 1 << 6 << u"plain"_s;
    QTest::newRow("list marker") << u"- item"_s << 0 << 0 << u"markup"_s;
    QTest::newRow("ordered marker") << u"12. item"_s << 0 << 1 << u"markup"_s;
    QTest::newRow("task box") << u"- [x] done"_s << 0 << 3 << u"markup"_s;
    QTest::newRow("block quote text") << u"> quoted words"_s << 0 << 4 << u"quote"_s;
    QTest::newRow("link text") << u"[text](https://x.org/a)"_s << 0 << 2 << u"linktext"_s;
    QTest::newRow("link URL") << u"[text](https://x.org/a)"_s << 0 << 10 << u"url"_s;
    QTest::newRow("image URL") << u"![alt](pic.png)"_s << 0 << 9 << u"url"_s;
    QTest::newRow("autolink") << u"see <https://example.com> now"_s << 0 << 8 << u"url"_s;
    QTest::newRow("bare URL") << u"see https://example.com/x now"_s << 0 << 8 << u"url"_s;
    QTest::newRow("setext heading") << u"Title\n====="_s << 0 << 2 << u"heading"_s;
    QTest::newRow("setext underline") << u"Title\n-----"_s << 1 << 2 << u"markup"_s;
    QTest::newRow("rule after blank") << u"text\n\n---"_s << 2 << 1 << u"markup"_s;
    QTest::newRow("table pipe") << u"| a | b |\n|---|---|\n| 1 | *2* |"_s << 2 << 0 << u"markup"_s;
    QTest::newRow("table cell emphasis") << u"| a | b |\n|---|---|\n| 1 | *2* |"_s << 2 << 7 << u"italic"_s;
    QTest::newRow("table delimiter") << u"| a | b |\n|---|---|"_s << 1 << 2 << u"markup"_s;
    QTest::newRow("pipes without delimiter are text") << u"a | b\nnext"_s << 0 << 2 << u"plain"_s;
    QTest::newRow("continuation line that looks like a list") << u"Paragraph\n1986. A year"_s << 1 << 0 << u"plain"_s;
    QTest::newRow("raw HTML") << u"a <b>bold</b>"_s << 0 << 3 << u"html"_s;
    QTest::newRow("reference definition URL") << u"[ref]: https://x.org"_s << 0 << 9 << u"url"_s;
}

void TestEditor::highlightsMarkdown()
{
    QFETCH(QString, markdown);
    QFETCH(int, block);
    QFETCH(int, position);
    QFETCH(QString, kind);

    MarkdownEditor editor;
    editor.loadText(markdown);
    const EditorColors colors = editor.colors();
    const QTextBlock b = editor.document()->findBlockByNumber(block);
    QVERIFY(b.isValid());
    const QTextCharFormat f = formatAt(b, position);
    const qreal base = editor.font().pointSizeF();

    if (kind == u"plain"_s) {
        QVERIFY2(!f.hasProperty(QTextFormat::ForegroundBrush) && !f.fontItalic() && f.fontWeight() <= QFont::Normal &&
                     !f.fontFixedPitch(),
                 qPrintable(b.text()));
    } else if (kind == u"heading"_s) {
        QCOMPARE(f.fontWeight(), int(QFont::Bold));
        QVERIFY(f.fontPointSize() > base);
        QCOMPARE(f.foreground().color(), colors.heading);
    } else if (kind == u"heading3"_s) {
        QCOMPARE(f.fontWeight(), int(QFont::Bold));
        QVERIFY(f.fontPointSize() > base);
        MarkdownEditor h1;
        h1.loadText(u"# Big"_s);
        QVERIFY(f.fontPointSize() < formatAt(h1.document()->firstBlock(), 3).fontPointSize());
    } else if (kind == u"markup"_s) {
        QCOMPARE(f.foreground().color(), colors.markup);
    } else if (kind == u"italic"_s) {
        QVERIFY(f.fontItalic());
        QVERIFY(f.foreground().color() != colors.markup);
    } else if (kind == u"bold"_s) {
        QCOMPARE(f.fontWeight(), int(QFont::Bold));
    } else if (kind == u"strike"_s) {
        QVERIFY(f.fontStrikeOut());
    } else if (kind == u"code"_s) {
        QVERIFY(f.fontFixedPitch());
        QCOMPARE(f.foreground().color(), colors.code);
        QCOMPARE(f.background().color(), colors.codeBackground);
    } else if (kind == u"codeblock"_s) {
        QVERIFY(f.fontFixedPitch());
        QVERIFY(f.fontWeight() <= QFont::Normal); // no heading or strong inside code
        QVERIFY(!f.fontItalic());
    } else if (kind == u"quote"_s) {
        QCOMPARE(f.foreground().color(), colors.quote);
    } else if (kind == u"linktext"_s) {
        QCOMPARE(f.foreground().color(), colors.link);
    } else if (kind == u"url"_s) {
        QCOMPARE(f.foreground().color(), colors.url);
    } else if (kind == u"html"_s) {
        QCOMPARE(f.foreground().color(), colors.html);
    } else {
        QFAIL("unknown kind");
    }
}

void TestEditor::lineBelowDecidesTheLineAbove()
{
    // Typing the underline (or the delimiter row) on the next line turns the line above into a heading (a
    // table header), and deleting it turns it back.
    MarkdownEditor editor;
    editor.loadText(u"Title\n"_s);
    const QTextBlock title = editor.document()->firstBlock();
    QVERIFY(formatAt(title, 1).fontWeight() <= QFont::Normal);
    QTextCursor cursor(editor.document());
    cursor.movePosition(QTextCursor::End);
    editor.setTextCursor(cursor);
    QTest::keyClicks(&editor, u"==="_s);
    QTRY_COMPARE(formatAt(title, 1).fontWeight(), int(QFont::Bold));
    QTest::keyClick(&editor, Qt::Key_Backspace);
    QTest::keyClick(&editor, Qt::Key_Backspace);
    QTest::keyClick(&editor, Qt::Key_Backspace);
    QTRY_VERIFY(formatAt(title, 1).fontWeight() <= QFont::Normal);

    editor.loadText(u"| a | b |\n"_s);
    cursor.movePosition(QTextCursor::End);
    editor.setTextCursor(cursor);
    QTest::keyClicks(&editor, u"|---|---|"_s);
    QTRY_COMPARE(MarkdownHighlighter::stateOf(editor.document()->firstBlock()).kind, LineKind::TableHeader);
    QCOMPARE(formatAt(editor.document()->firstBlock(), 0).foreground().color(), editor.colors().markup);
}

void TestEditor::keystrokeRehighlightsOnlyNearbyLines()
{
    MarkdownEditor editor;
    editor.resize(800, 600);
    editor.setSpellLanguage(u"en_US"_s); // spelling is checked in the same pass, for the same lines
    editor.loadText(article(200 * 1000));
    const int blocks = editor.document()->blockCount();
    QVERIFY(blocks > 3000);

    // In the middle of a paragraph, in a list, in a table, in a code block: one or two lines each.
    for (const QString &probe : {u"The quick brown"_s, u"- second item"_s, u"| b | 2 |"_s, u"    return"_s}) {
        const QTextCursor found = editor.document()->find(probe, editor.document()->characterCount() / 2);
        QVERIFY2(!found.isNull(), qPrintable(probe));
        QTextCursor cursor = found;
        cursor.clearSelection();
        editor.setTextCursor(cursor);
        const quint64 before = editor.highlighter()->highlightCount();
        QTest::keyClick(&editor, Qt::Key_X);
        QCoreApplication::processEvents(); // queued line-above rechecks, if any
        const quint64 lines = editor.highlighter()->highlightCount() - before;
        QVERIFY2(lines >= 1 && lines <= 3, qPrintable(u"%1 lines rehighlighted for %2"_s.arg(lines).arg(probe)));
    }

    // Enter in a list item: the new line and its neighbours.
    QTextCursor cursor = editor.document()->find(u"- first item"_s);
    cursor.clearSelection();
    editor.setTextCursor(cursor);
    const quint64 before = editor.highlighter()->highlightCount();
    QTest::keyClick(&editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QVERIFY(editor.highlighter()->highlightCount() - before <= 4);
}

// ---------------------------------------------------------------------------------------------------------------
// Spelling

void TestEditor::underlinesMisspelledWords()
{
    MarkdownEditor editor;
    editor.setSpellLanguage(u"en_US"_s);
    QCOMPARE(editor.activeSpellLanguage(), u"en_US"_s);
    editor.loadText(u"This sentance is *speled* well enough."_s);
    QCOMPARE(misspelledWords(editor.document()), (QStringList{u"sentance"_s, u"speled"_s}));

    const QTextBlock block = editor.document()->firstBlock();
    const QTextCharFormat wrong = formatAt(block, 6);
    QCOMPARE(wrong.underlineStyle(), QTextCharFormat::WaveUnderline);
    QCOMPARE(wrong.underlineColor(), editor.colors().spelling);
    QVERIFY(formatAt(block, 1).underlineStyle() == QTextCharFormat::NoUnderline);
    // The Markdown format and the underline share the word: neither wipes the other.
    const QTextCharFormat both = formatAt(block, 19);
    QVERIFY(both.fontItalic());
    QCOMPARE(both.underlineStyle(), QTextCharFormat::WaveUnderline);

    // Fixing the word removes the underline as soon as the line is edited.
    QTextCursor cursor = editor.document()->find(u"sentance"_s);
    cursor.insertText(u"sentence"_s);
    QCOMPARE(misspelledWords(editor.document()), QStringList{u"speled"_s});
}

void TestEditor::germanArticleFlagsEnglishTypos()
{
    MarkdownEditor editor;
    editor.setSpellLanguage(u"de-DE"_s);
    QCOMPARE(editor.activeSpellLanguage(), u"de_DE"_s);
    editor.loadText(u"Die Häuser am Fluss sind schön, aber recieve ist kein Wort.\n\nDas Gebäude heißt Straße."_s);
    QCOMPARE(misspelledWords(editor.document()), QStringList{u"recieve"_s});

    // The same text checked as English: the German words are the wrong ones now.
    editor.setSpellLanguage(u"en"_s);
    const QStringList english = misspelledWords(editor.document());
    QVERIFY(english.contains(u"Häuser"_s));
    QVERIFY(english.contains(u"recieve"_s));
}

void TestEditor::wordBeingTypedIsJudgedWhenLeft()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *editor = new MarkdownEditor(&window);
    layout->addWidget(editor);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    editor->setSpellLanguage(u"en_US"_s);
    editor->setFocus();
    QVERIFY(editor->hasFocus());

    // "th" on the way to "the" is not marked while the cursor is at its end…
    QTest::keyClicks(editor, u"Say th"_s);
    QVERIFY(misspelledWords(editor->document()).isEmpty());
    QTest::keyClicks(editor, u"e wrod"_s);
    QVERIFY(misspelledWords(editor->document()).isEmpty());
    // …and is judged when the writer moves on: by typing a space, or by moving the cursor.
    QTest::keyClick(editor, Qt::Key_Space);
    QCOMPARE(misspelledWords(editor->document()), QStringList{u"wrod"_s});
    QTest::keyClicks(editor, u"agian"_s);
    QCOMPARE(misspelledWords(editor->document()), QStringList{u"wrod"_s});
    QTest::keyClick(editor, Qt::Key_Home);
    QCOMPARE(misspelledWords(editor->document()), (QStringList{u"wrod"_s, u"agian"_s}));
}

void TestEditor::neverChecksCodeOrAddresses_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("misspelled");

    QTest::newRow("plain typo (control)") << u"a tehx word"_s << QStringList{u"tehx"_s};
    QTest::newRow("code span") << u"run `tehx --fo` now"_s << QStringList{};
    QTest::newRow("fenced code") << u"```\ntehx qwzx\n```"_s << QStringList{};
    QTest::newRow("indented code") << u"text\n\n    tehx qwzx"_s << QStringList{};
    QTest::newRow("link destination") << u"[a link](https://exmaple.org/tehx)"_s << QStringList{};
    QTest::newRow("link text is prose") << u"[a lnik](https://example.org)"_s << QStringList{u"lnik"_s};
    QTest::newRow("autolink") << u"<https://tehx.exmaple.org/qwzx>"_s << QStringList{};
    QTest::newRow("bare URL") << u"go to https://tehx.exmaple.org/qwzx today"_s << QStringList{};
    QTest::newRow("www address") << u"go to www.tehx-qwzx.com today"_s << QStringList{};
    QTest::newRow("e-mail address") << u"write to tehx.qwzx@exmaple.org today"_s << QStringList{};
    QTest::newRow("words with digits") << u"the tehx2 and 3qwzx models"_s << QStringList{};
    QTest::newRow("raw HTML") << u"a <spna class=\"tehx\"> tag"_s << QStringList{};
    QTest::newRow("reference definition") << u"[ref]: https://tehx.org/qwzx"_s << QStringList{};
}

void TestEditor::neverChecksCodeOrAddresses()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, misspelled);
    MarkdownEditor editor;
    editor.setSpellLanguage(u"en_US"_s);
    editor.loadText(markdown);
    QCOMPARE(misspelledWords(editor.document()), misspelled);
}

void TestEditor::suggestionReplacesInOneUndoStep()
{
    MarkdownEditor editor;
    editor.setSpellLanguage(u"en_US"_s);
    editor.loadText(u"I recieve letters."_s);
    QCOMPARE(misspelledWords(editor.document()), QStringList{u"recieve"_s});

    std::unique_ptr<QMenu> menu(editor.createContextMenuAt(4));
    QStringList suggestions;
    QAction *receive = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->objectName() == u"spellingSuggestion"_s) {
            suggestions.append(action->text());
            if (action->text() == u"receive"_s)
                receive = action;
        }
    }
    QVERIFY2(receive, qPrintable(suggestions.join(u", "_s)));
    QVERIFY(suggestions.size() <= 6);
    QVERIFY(actionNamed(menu.get(), u"addToDictionary"_s));
    QVERIFY(actionNamed(menu.get(), u"ignoreWord"_s));

    receive->trigger();
    QCOMPARE(editor.text(), u"I receive letters."_s);
    QVERIFY(misspelledWords(editor.document()).isEmpty());
    editor.undo();
    QCOMPARE(editor.text(), u"I recieve letters."_s);
    QVERIFY(!editor.document()->isUndoAvailable());

    // A correct word gets the plain edit menu.
    std::unique_ptr<QMenu> plain(editor.createContextMenuAt(13));
    QVERIFY(!actionNamed(plain.get(), u"spellingSuggestion"_s));
    QVERIFY(!actionNamed(plain.get(), u"addToDictionary"_s));
    QVERIFY(!plain->actions().isEmpty()); // cut, copy, paste…
}

void TestEditor::addToDictionaryPersists()
{
    QTemporaryDir personal;
    QVERIFY(personal.isValid());
    {
        SpellChecker checker({}, personal.path());
        MarkdownEditor editor;
        editor.setSpellChecker(&checker);
        editor.setSpellLanguage(u"en_US"_s);
        editor.loadText(u"Inkwellish prose.\n\nMore Inkwellish prose."_s);
        QCOMPARE(misspelledWords(editor.document()), (QStringList{u"Inkwellish"_s, u"Inkwellish"_s}));
        std::unique_ptr<QMenu> menu(editor.createContextMenuAt(2));
        QAction *add = actionNamed(menu.get(), u"addToDictionary"_s);
        QVERIFY(add);
        add->trigger();
        QVERIFY(misspelledWords(editor.document()).isEmpty()); // both lines rechecked
    }
    QFile file(personal.filePath(u"en_US.txt"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), u"Inkwellish\n"_s);

    // A later session loads the word again; the German dictionary does not have it.
    SpellChecker later({}, personal.path());
    QVERIFY(later.dictionary(u"en_US")->isCorrect(u"Inkwellish"));
    QVERIFY(!later.dictionary(u"de_DE")->isCorrect(u"Inkwellish"));

    // The default place is the application's data folder.
    SpellChecker defaults;
    QCOMPARE(defaults.personalDirectory(),
             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/dictionaries"_s);

    // A folder that cannot be written: the word still counts in this session, and nothing crashes.
    QTemporaryDir blocked;
    QFile::setPermissions(blocked.path(), QFile::ReadOwner | QFile::ExeOwner);
    SpellChecker readOnly({}, blocked.path() + u"/sub"_s);
    SpellDictionary *english = readOnly.dictionary(u"en_US");
    if (QFileInfo(blocked.path()).isWritable()) // running as root: permissions do not bind
        QVERIFY(english->addToPersonal(u"Quuxish"_s));
    else
        QVERIFY(!english->addToPersonal(u"Quuxish"_s));
    QVERIFY(english->isCorrect(u"Quuxish"));
    QFile::setPermissions(blocked.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestEditor::ignoreLastsTheSession()
{
    QTemporaryDir personal;
    SpellChecker checker({}, personal.path());
    MarkdownEditor editor;
    editor.setSpellChecker(&checker);
    editor.setSpellLanguage(u"en_US"_s);
    editor.loadText(u"Zorblat was here."_s);
    std::unique_ptr<QMenu> menu(editor.createContextMenuAt(1));
    actionNamed(menu.get(), u"ignoreWord"_s)->trigger();
    QVERIFY(misspelledWords(editor.document()).isEmpty());
    QVERIFY(!QFile::exists(personal.filePath(u"en_US.txt"_s)));

    // Another editor on the same dictionary ignores it too; a new session does not.
    MarkdownEditor other;
    other.setSpellChecker(&checker);
    other.setSpellLanguage(u"en_US"_s);
    other.loadText(u"Zorblat again."_s);
    QVERIFY(misspelledWords(other.document()).isEmpty());
    SpellChecker nextSession({}, personal.path());
    QVERIFY(!nextSession.dictionary(u"en_US")->isCorrect(u"Zorblat"));
}

void TestEditor::spellingOffOrUnknownLanguage()
{
    MarkdownEditor editor;
    editor.loadText(u"Tehx qwzx."_s);
    QVERIFY(misspelledWords(editor.document()).isEmpty()); // off by default
    editor.setSpellLanguage(u"en_US"_s);
    QCOMPARE(misspelledWords(editor.document()), (QStringList{u"Tehx"_s, u"qwzx"_s}));
    editor.setSpellLanguage(QString());
    QVERIFY(misspelledWords(editor.document()).isEmpty());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no usable dictionary|no dictionary"_s));
    editor.setSpellLanguage(u"xx_YY"_s);
    QVERIFY(editor.activeSpellLanguage().isEmpty());
    QVERIFY(misspelledWords(editor.document()).isEmpty());
}

void TestEditor::resolvesLanguages_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("resolved");
    QTest::newRow("exact") << u"de_DE"_s << u"de_DE"_s;
    QTest::newRow("BCP 47") << u"en-US"_s << u"en_US"_s;
    QTest::newRow("lower case") << u"en_us"_s << u"en_US"_s;
    QTest::newRow("language only") << u"de"_s << u"de_DE"_s;
    QTest::newRow("other country, same language") << u"en_GB"_s << u"en_US"_s;
    QTest::newRow("not installed") << u"fr_FR"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestEditor::resolvesLanguages()
{
    QFETCH(QString, requested);
    QFETCH(QString, resolved);
    QCOMPARE(SpellChecker().resolveLanguage(requested), resolved);
}

// ---------------------------------------------------------------------------------------------------------------
// Preview

void TestEditor::previewFollowsTyping()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *editor = new MarkdownEditor(&window);
    auto *pane = new PreviewPane(&window);
    layout->addWidget(editor);
    layout->addWidget(pane);
    pane->setSourceDocument(editor->document());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTest::keyClicks(editor, u"# Hello"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"Some *emphasis* here"_s);
    QTRY_VERIFY(pane->html().contains(u"<em>emphasis</em>"_s));
    QVERIFY(pane->html().startsWith(u"<h1>Hello</h1>"_s));
    QTRY_VERIFY(pane->browser()->toPlainText().contains(u"Some emphasis here"_s));
    QCOMPARE(pane->browser()->document()->findBlock(1).blockFormat().headingLevel(), 1);
}

void TestEditor::previewShowsRawHtmlAsNothing()
{
    MarkdownEditor editor;
    PreviewPane pane;
    pane.setSourceDocument(editor.document());
    pane.show();
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    editor.loadText(u"<script>alert('x')</script>\n\nA <b>bold</b> claim and <img src=x onerror=alert(1)>.\n"_s);
    QTRY_VERIFY(pane.html().contains(u"claim"_s));
    QVERIFY(!pane.html().contains(u"<script"_s));
    QVERIFY(!pane.html().contains(u"<b>"_s));
    QVERIFY(!pane.html().contains(u"onerror"_s));
    const QString shown = pane.browser()->toPlainText();
    QVERIFY2(!shown.contains(u"alert"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"A bold claim and"_s), qPrintable(shown));
    const QTextCursor bold = pane.browser()->document()->find(u"bold"_s);
    QVERIFY(!bold.isNull());
    QVERIFY(bold.charFormat().fontWeight() <= QFont::Normal);
}

void TestEditor::previewWaitsWhileHidden()
{
    MarkdownEditor editor;
    PreviewPane pane;
    pane.setSourceDocument(editor.document());
    pane.show();
    editor.loadText(u"First version"_s);
    QTRY_VERIFY(pane.html().contains(u"First version"_s));

    pane.hide();
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    editor.loadText(u"Second version"_s);
    QVERIFY(!pane.isRendering());
    QVERIFY(!rendered.wait(pane.refreshDelay() * 5)); // nothing happens while hidden
    QVERIFY(pane.html().contains(u"First version"_s));

    pane.show();
    QTRY_VERIFY(pane.html().contains(u"Second version"_s));
    QTRY_VERIFY(pane.browser()->toPlainText().contains(u"Second version"_s));
}

void TestEditor::previewShowsTablesRulesAndTasks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("seen");
    QTest::addColumn<QString>("struck"); // a word shown struck through

    QTest::newRow("table, then a paragraph") << u"| h | i |\n|---|---|\n| 1 | 2 |\n\nAfter."_s
                                             << QStringList{u"table 2x2: h|i|1|2"_s, u"After."_s} << QString();
    QTest::newRow("table whose last cell is empty") << u"| h | i |\n|---|---|\n| 1 | |\n\nAfter."_s
                                                    << QStringList{u"table 2x2: h|i|1|"_s, u"After."_s} << QString();
    QTest::newRow("table at the end") << u"Before.\n\n| h |\n|---|\n| 1 |"_s
                                      << QStringList{u"Before."_s, u"table 2x1: h|1"_s} << QString();
    QTest::newRow("two tables side by side") << u"| a |\n|---|\n| |\n\n| b |\n|---|\n| 2 |"_s
                                             << QStringList{u"table 2x1: a|"_s, u"table 2x1: b|2"_s} << QString();
    QTest::newRow("table in a list item") << u"- item\n\n  | t |\n  |---|\n  | 1 |\n\nAfter."_s
                                          << QStringList{u"item"_s, u"table 2x1: t|1"_s, u"After."_s} << QString();
    QTest::newRow("table in a quote") << u"> | q |\n> |---|\n> | |\n\nAfter."_s
                                      << QStringList{u"table 2x1: q|"_s, u"After."_s} << QString();
    QTest::newRow("rule between paragraphs")
        << u"Above.\n\n---\n\nBelow."_s << QStringList{u"Above."_s, u"rule"_s, u"Below."_s} << QString();
    QTest::newRow("task list") << u"- [ ] open\n- [x] done"_s << QStringList{u"\u2610 open"_s, u"\u2611 done"_s}
                               << QString();
    QTest::newRow("strike-through") << u"Keep ~~gone~~ here."_s << QStringList{u"Keep gone here."_s} << u"gone"_s;
}

void TestEditor::previewShowsTablesRulesAndTasks()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, seen);
    QFETCH(QString, struck);

    MarkdownEditor editor;
    PreviewPane pane;
    pane.setSourceDocument(editor.document());
    pane.show();
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    editor.loadText(markdown);
    QTRY_VERIFY(!rendered.isEmpty() && !pane.isRendering());
    QCOMPARE(outline(pane.browser()->document()), seen);
    if (!struck.isEmpty()) {
        const QTextCursor word = pane.browser()->document()->find(struck);
        QVERIFY(!word.isNull());
        QVERIFY(word.charFormat().fontStrikeOut());
        const QTextCursor other = pane.browser()->document()->find(u"Keep"_s);
        QVERIFY(!other.charFormat().fontStrikeOut());
    }

    // The same after partial updates: a paragraph before it all and one after it.
    rendered.clear();
    QTextCursor(editor.document()).insertText(u"Intro.\n\n"_s);
    pane.refreshNow();
    QTRY_VERIFY(!rendered.isEmpty() && !pane.isRendering());
    QVERIFY(!pane.lastTimings().full);
    rendered.clear();
    QTextCursor end(editor.document());
    end.movePosition(QTextCursor::End);
    end.insertText(u"\n\nThe end."_s);
    pane.refreshNow();
    QTRY_VERIFY(!rendered.isEmpty() && !pane.isRendering());
    QVERIFY(!pane.lastTimings().full);
    QCOMPARE(outline(pane.browser()->document()), QStringList{u"Intro."_s} + seen + QStringList{u"The end."_s});
}

void TestEditor::previewUpdatesMatchAFullRender()
{
    // The preview replaces only the changed top-level blocks; after every kind of edit the document must be
    // the one a whole render gives.
    MarkdownEditor editor;
    PreviewPane pane;
    pane.resize(600, 800);
    pane.setSourceDocument(editor.document());
    pane.show();
    editor.loadText(article(12000));
    QTRY_VERIFY(!pane.html().isEmpty() && !pane.isRendering());
    QVERIFY(pane.lastTimings().full);
    QVERIFY(pane.html().contains(u"<table>"_s));

    const auto edit = [&](const QString &find, const QString &replacement) {
        QTextCursor c = find.isEmpty() ? QTextCursor(editor.document()) : editor.document()->find(find);
        if (find.isEmpty())
            c.movePosition(QTextCursor::End);
        QVERIFY2(!c.isNull(), qPrintable(find));
        c.insertText(replacement);
    };
    struct Step {
        QString find;
        QString replacement;
    };
    // The article has a table in every fourth section (| a | 0 |, | a | 4 |, …), a task in every list.
    const QList<Step> steps = {
        {u"quick brown"_s, u"slow red"_s},                                           // inside a paragraph
        {u"## Section 0\n"_s, u"# A new title\n\nIntro.\n\n## Section 0\n"_s},       // the first chunk
        {u"| a | 4 |"_s, u"| a | *changed* |"_s},                                    // a table cell
        {u"- second item"_s, u"- second item\n- an added item"_s},                   // a list grows
        {u"> A quote that says"_s, u"A paragraph that says"_s},                      // a quote becomes a paragraph
        {u"    return 3;"_s, u"    return 3;\n```\n\nSplit code.\n\n```"_s},         // a code block splits
        {QString(), u"\n\nThe end, *really*.\n"_s},                                  // at the very end
        {u"## Section 7"_s, u"Section seven\n---"_s},                                // ATX becomes setext
        {u"## Section 3"_s, u"## Section three"_s},                                  // a heading right after a list
        {u"| b | 2 |\n\n"_s, u"| b | 2 |\n\nRight after a table.\n\n"_s},            // a new chunk after a table
        {u"> A quote that says something wise about section 10.\n\n"_s, QString()},  // a chunk goes
        {u"- first item"_s, u"- first item, changed"_s},                             // a list item after a paragraph
        {u"## Section 2\n\n"_s, u"## Section 2\n\n- a list\n- between\n\n"_s},       // lists side by side
        {u"| a | 8 |"_s, u"| a | 8 |\n| c | 9 |"_s},                                 // a table row added
        {u"| a | 12 |\n"_s, QString()},                                              // a table row removed
        {u"| a | 16 |\n| b | 2 |"_s, u"| a | 16 |\n| b | |"_s},                      // a table's last cell emptied
        {u"## Section 17"_s, u"## Section seventeen"_s},                             // right after that table
        {u"> A quote that says something wise about section 20."_s, u"> Edited."_s}, // right after a table
        {u"## Section 25"_s, u"- Section 25 in a list"_s},                           // after a table, now a list
        {u"| Name | Value |\n|------|------:|\n| a | 28 |\n| b | 2 |\n\n"_s, QString()},           // a table removed
        {u"## Section 30\n\n"_s, u"## Section 30\n\n| New | Table |\n|---|---|\n| x | y |\n\n"_s}, // one added
        {u"| x | y |"_s, u"| x | ~~y~~ |"_s}, // a cell struck through
        {u"| a | 36 |\n| b | 2 |\n\n"_s,
         u"| a | 36 |\n| b | 2 |\n\n| Second |\n|---|\n| 3 |\n\n"_s},        // tables side by side
        {u"| 3 |"_s, u"| 4 |"_s},                                            // the second of them
        {QString(), u"\n\n| Last | Table |\n|---|---|\n| 1 | 2 |\n"_s},      // a table at the end
        {u"| Last |"_s, u"| Final |"_s},                                     // inside the last table
        {QString(), u"\nA paragraph right after the last table.\n"_s},       // after the last table
        {u"[ ] a task"_s, u"[x] a task"_s},                                  // a task item ticked
        {u"jumps over the *lazy* dog"_s, u"jumps over the ~~lazy~~ dog"_s},  // strike-through
        {u"## Section 33\n"_s, u"---\n\n## Section 33\n"_s},                 // a horizontal rule
        {u"## Section 33"_s, u"## Section thirty-three"_s},                  // right after the rule
        {u"# A new title\n"_s, u"| T |\n|---|\n| 1 |\n\n# A new title\n"_s}, // a table comes first
        {u"| T |"_s, u"| Top |"_s},                                          // and is edited
    };
    for (const Step &step : steps) {
        QSignalSpy rendered(&pane, &PreviewPane::rendered);
        if (step.find.isEmpty() || !step.find.contains(u'\n')) {
            edit(step.find, step.replacement);
        } else {
            // find() works within blocks; replace through the plain text instead.
            QString text = editor.text();
            QVERIFY2(text.contains(step.find), qPrintable(step.find));
            text.replace(text.indexOf(step.find), step.find.size(), step.replacement);
            QTextCursor all(editor.document());
            all.select(QTextCursor::Document);
            all.insertText(text);
        }
        pane.refreshNow();
        QTRY_VERIFY(!rendered.isEmpty() && !pane.isRendering());
        QVERIFY2(!pane.lastTimings().full, qPrintable(step.find)); // only the changed blocks were replaced

        preview::RenderInput whole;
        whole.markdown = editor.text();
        whole.css = PreviewStyle::forTheme(false).css;
        whole.font = pane.browser()->font();
        const preview::RenderOutput reference = preview::render(whole, QThread::currentThread());
        std::unique_ptr<QTextDocument> expected(reference.document);
        QCOMPARE(pane.html(), reference.html);
        QVERIFY2(sameDocument(pane.browser()->document(), expected.get(), step.find), qPrintable(step.find));
    }
    // Replacing the whole text at once (another article) goes through the same path.
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    editor.loadText(u"Just one line."_s);
    QTRY_VERIFY(!rendered.isEmpty() && !pane.isRendering());
    QCOMPARE(pane.browser()->toPlainText().trimmed(), u"Just one line."_s);
}

void TestEditor::previewUpdatesAroundTables_data()
{
    // Where QTextDocument's blocks around a table (a frame) and around empty blocks behave on their own.
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    const QString emptyCell = u"| h | i |\n|---|---|\n| 1 | |"_s;
    QTest::newRow("paragraph after a table with an empty last cell")
        << emptyCell + u"\n\nAfter."_s << emptyCell + u"\n\nAfter, edited."_s;
    QTest::newRow("a table's last cell emptied")
        << u"| h | i |\n|---|---|\n| 1 | 2 |\n\nAfter."_s << emptyCell + u"\n\nAfter."_s;
    QTest::newRow("a table's last cell filled")
        << emptyCell + u"\n\nAfter."_s << u"| h | i |\n|---|---|\n| 1 | 2 |\n\nAfter."_s;
    QTest::newRow("table with an empty last cell at the end") << u"Before."_s << u"Before.\n\n"_s + emptyCell;
    QTest::newRow("the block after a table becomes a list item")
        << u"| a |\n|---|\n| 1 |\n\n## Heading"_s << u"| a |\n|---|\n| 1 |\n\n- Heading"_s;
    QTest::newRow("a list after a table becomes a heading")
        << u"| a |\n|---|\n| 1 |\n\n- item\n- two"_s << u"| a |\n|---|\n| 1 |\n\n## item\n- two"_s;
    QTest::newRow("a list after a rule becomes a paragraph")
        << u"Above.\n\n---\n\n- item"_s << u"Above.\n\n---\n\nitem"_s;
    QTest::newRow("second of two tables")
        << u"| a |\n|---|\n| |\n\n| b |\n|---|\n| 1 |"_s << u"| a |\n|---|\n| |\n\n| b |\n|---|\n| 2 |"_s;
    QTest::newRow("first of two tables") << u"| a |\n|---|\n| |\n\n| b |\n|---|\n| 1 |"_s
                                         << u"| a |\n|---|\n| x |\n\n| b |\n|---|\n| 1 |"_s;
    QTest::newRow("table removed between tables")
        << u"| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| |\n\n| c |\n|---|\n| 3 |"_s
        << u"| a |\n|---|\n| 1 |\n\n| c |\n|---|\n| 3 |"_s;
    QTest::newRow("table becomes a paragraph")
        << u"Para.\n\n| a |\n|---|\n| 1 |\n\nEnd."_s << u"Para.\n\n| a |\n\nEnd."_s;
    QTest::newRow("paragraph becomes a table")
        << u"Para.\n\n| a |\n\nEnd."_s << u"Para.\n\n| a |\n|---|\n| 1 |\n\nEnd."_s;
    QTest::newRow("paragraph joins a table")
        << u"| a |\n|---|\n| 1 |\n\n| more |\n\nEnd."_s << u"| a |\n|---|\n| 1 |\n| more |\n\nEnd."_s;
    QTest::newRow("table in a list item")
        << u"- a\n\n  | t |\n  |---|\n  | 1 |\n\nAfter."_s << u"- a\n\n  | t |\n  |---|\n  | 2 |\n\nAfter, edited."_s;
    QTest::newRow("table in a quote") << u"> | q |\n> |---|\n> | |\n\nAfter."_s
                                      << u"> | q |\n> |---|\n> | |\n\nAfter, edited."_s;
    QTest::newRow("paragraph after a rule") << u"Above.\n\n---\n\nBelow."_s << u"Above.\n\n---\n\nBelow, edited."_s;
    QTest::newRow("list ending in an empty item") << u"Intro.\n\n- x\n-"_s << u"Intro, edited.\n\n- x\n-"_s;
    QTest::newRow("raw HTML block at the end") << u"Para."_s << u"Para.\n\n<div>raw</div>"_s;
    QTest::newRow("task ticked in a list after a table")
        << u"| a |\n|---|\n| 1 |\n\n- [ ] task\n- [x] done"_s << u"| a |\n|---|\n| 1 |\n\n- [x] task\n- [x] done"_s;
}

void TestEditor::previewUpdatesAroundTables()
{
    QFETCH(QString, before);
    QFETCH(QString, after);

    MarkdownEditor editor;
    PreviewPane pane;
    pane.setSourceDocument(editor.document());
    pane.show();
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    editor.loadText(before);
    QTRY_VERIFY(!rendered.isEmpty() && !pane.isRendering());
    std::unique_ptr<QTextDocument> expected = fullRender(before, pane.browser()->font());
    QVERIFY(sameDocument(pane.browser()->document(), expected.get(), u"before"_s));

    // Only the differing middle is retyped, as a writer would.
    qsizetype head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head])
        ++head;
    qsizetype tail = 0;
    while (tail < before.size() - head && tail < after.size() - head &&
           before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    QTextCursor cursor(editor.document());
    cursor.setPosition(int(head));
    cursor.setPosition(int(before.size() - tail), QTextCursor::KeepAnchor);
    cursor.insertText(after.sliced(head, after.size() - tail - head));
    QCOMPARE(editor.text(), after);
    rendered.clear();
    pane.refreshNow();
    QTRY_VERIFY(!rendered.isEmpty() && !pane.isRendering());
    QVERIFY(!pane.lastTimings().full);
    expected = fullRender(after, pane.browser()->font());
    QVERIFY(sameDocument(pane.browser()->document(), expected.get(), u"after"_s));
}

void TestEditor::previewKeepsTheScrollPosition()
{
    MarkdownEditor editor;
    PreviewPane pane;
    pane.resize(500, 400);
    pane.setSourceDocument(editor.document());
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    editor.loadText(article(30000));
    QScrollBar *bar = pane.browser()->verticalScrollBar();
    QTRY_VERIFY(!pane.isRendering() && bar->maximum() > 2000);
    bar->setValue(bar->maximum() / 2);
    const int position = bar->value();

    // Edits below and above the visible part: the reader's place stays.
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    QTextCursor end(editor.document());
    end.movePosition(QTextCursor::End);
    end.insertText(u"\n\nOne more paragraph at the end.\n"_s);
    QTRY_VERIFY(rendered.count() >= 1 && !pane.isRendering());
    QCOMPARE(bar->value(), position);
    QTextCursor word = editor.document()->find(u"quick"_s);
    word.insertText(u"fast"_s);
    QTRY_VERIFY(rendered.count() >= 2 && !pane.isRendering());
    QVERIFY(qAbs(bar->value() - position) < 5);

    // A new style rebuilds everything: the position is kept in proportion.
    const double ratio = double(bar->value()) / bar->maximum();
    pane.setPreviewStyle(PreviewStyle::forTheme(true));
    QTRY_VERIFY(rendered.count() >= 3 && !pane.isRendering());
    QVERIFY(pane.lastTimings().full);
    QTRY_VERIFY(qAbs(double(bar->value()) / bar->maximum() - ratio) < 0.02);
}

void TestEditor::previewDoesNotFollowLinks()
{
    MarkdownEditor editor;
    PreviewPane pane;
    pane.resize(500, 300);
    pane.setSourceDocument(editor.document());
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    editor.loadText(u"Read [the docs](https://example.org/docs) first."_s);
    QTRY_VERIFY(pane.browser()->toPlainText().contains(u"the docs"_s));
    const QString before = pane.browser()->toPlainText();

    QSignalSpy activated(&pane, &PreviewPane::linkActivated);
    QTextCursor link = pane.browser()->document()->find(u"docs"_s);
    QVERIFY(!link.isNull());
    link.setPosition(link.selectionStart() + 1);
    const QRect at = pane.browser()->cursorRect(link);
    QTest::mouseClick(pane.browser()->viewport(), Qt::LeftButton, {}, at.center());
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toUrl(), QUrl(u"https://example.org/docs"_s));
    QVERIFY(pane.browser()->source().isEmpty());
    QCOMPARE(pane.browser()->toPlainText(), before);
}

void TestEditor::previewFetchesNoImages()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    MarkdownEditor editor;
    PreviewPane pane;
    pane.resize(500, 300);
    pane.setSourceDocument(editor.document());
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const QString url = u"http://127.0.0.1:%1/pixel.png"_s.arg(server.serverPort());
    editor.loadText(u"![remote](%1)\n\n![local](/etc/hostname)\n"_s.arg(url));
    QTRY_VERIFY(pane.html().contains(u"pixel.png"_s) && !pane.isRendering());
    pane.browser()->viewport()->grab(); // lays out and paints, loading what it would load

    const QVariant remote = pane.browser()->document()->resource(QTextDocument::ImageResource, QUrl(url));
    QCOMPARE(remote.value<QImage>().size(), QSize(24, 24)); // the placeholder
    const QVariant local =
        pane.browser()->document()->resource(QTextDocument::ImageResource, QUrl(u"file:///etc/hostname"_s));
    QCOMPARE(local.value<QImage>().size(), QSize(24, 24));
    QVERIFY(!server.waitForNewConnection(200));
}

// ---------------------------------------------------------------------------------------------------------------
// Outline

void TestEditor::outlineListsHeadings()
{
    MarkdownEditor editor;
    editor.loadText(
        u"# First *part*\ntext\n## Second\n\nSetext title\n---\n```\n# not a heading\n```\n> ## Quoted\n"_s);
    OutlineModel model;
    model.setSource(editor.document(), editor.highlighter());
    const QList<OutlineModel::Heading> expected = {
        {1, u"First part"_s, 0}, {2, u"Second"_s, 2}, {2, u"Setext title"_s, 4}, {2, u"Quoted"_s, 9}};
    QCOMPARE(model.headings(), expected);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1).data().toString(), u"Second"_s);
    QCOMPARE(model.index(1).data(OutlineModel::LevelRole).toInt(), 2);
    QCOMPARE(model.index(2).data(OutlineModel::BlockNumberRole).toInt(), 4);
    QCOMPARE(model.rowForBlock(3), 1);
    QCOMPARE(model.rowForBlock(0), 0);
}

void TestEditor::outlineFollowsEditsAndJumps()
{
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *outline = new OutlineView(&window);
    auto *editor = new MarkdownEditor(&window);
    layout->addWidget(outline);
    layout->addWidget(editor);
    editor->loadText(u"# One\n\ntext\n\n# Two\n\nmore text\n"_s);
    outline->setEditor(editor);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(outline->model()->rowCount(), 2);

    // Typing a heading adds a row (after the debounce).
    QTextCursor end(editor->document());
    end.movePosition(QTextCursor::End);
    editor->setTextCursor(end);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"## Three"_s);
    QTRY_COMPARE(outline->model()->rowCount(), 3);
    QCOMPARE(outline->outlineModel()->index(2).data().toString(), u"Three"_s);
    // Removing one removes the row.
    QTextCursor two = editor->document()->find(u"# Two"_s);
    two.insertText(u"Two"_s);
    QTRY_COMPARE(outline->model()->rowCount(), 2);

    // Enter on a heading moves the editor there.
    outline->setFocus();
    outline->setCurrentIndex(outline->outlineModel()->index(1));
    QTest::keyClick(outline, Qt::Key_Return);
    QTRY_COMPARE(editor->textCursor().blockNumber(), 8);
    QVERIFY(editor->hasFocus());
    // A click too.
    const QRect first = outline->visualRect(outline->outlineModel()->index(0));
    QTest::mouseClick(outline->viewport(), Qt::LeftButton, {}, first.center());
    QTRY_COMPARE(editor->textCursor().blockNumber(), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Find and replace

void TestEditor::findCounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("matchCase");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");

    const QString cats = u"Cat cat CAT category scat.\nA cat; the cat's toy."_s;
    QTest::newRow("any case") << cats << u"cat"_s << false << false << false << 7;
    QTest::newRow("match case") << cats << u"cat"_s << true << false << false << 5;
    QTest::newRow("whole words") << cats << u"cat"_s << false << true << false << 5;
    QTest::newRow("whole words, match case") << cats << u"cat"_s << true << true << false << 3;
    QTest::newRow("regex") << cats << u"c[a-z]t\\b"_s << false << false << true << 6;
    QTest::newRow("regex anchors per line") << cats << u"^\\w+"_s << false << false << true << 2;
    QTest::newRow("dot is literal without regex") << u"a.b axb a.b"_s << u"a.b"_s << false << false << false << 2;
    QTest::newRow("empty matches are skipped") << u"aaa b aa"_s << u"a*"_s << false << false << true << 2;
    QTest::newRow("whole words around punctuation") << u"(x) x(x) (x)y"_s << u"(x)"_s << false << true << false << 1;
    QTest::newRow("nothing") << cats << u"dog"_s << false << false << false << 0;
    QTest::newRow("Unicode case") << u"Straße STRASSE straße"_s << u"straße"_s << false << false << false << 2;
}

void TestEditor::findCounts()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, matchCase);
    QFETCH(bool, wholeWords);
    QFETCH(bool, regex);
    QFETCH(int, count);

    MarkdownEditor editor;
    FindReplaceBar bar(&editor);
    editor.loadText(text);
    bar.setMatchCase(matchCase);
    bar.setWholeWords(wholeWords);
    bar.setRegularExpression(regex);
    bar.setFindText(pattern);
    QCOMPARE(bar.matchCount(), count);
    QCOMPARE(bar.statusText(), count == 0 ? u"No matches"_s : count == 1 ? u"1 match"_s : u"%1 matches"_s.arg(count));
}

void TestEditor::findNavigatesWithKeys()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *editor = new MarkdownEditor(&window);
    auto *bar = new FindReplaceBar(editor, &window);
    layout->addWidget(editor);
    layout->addWidget(bar);
    editor->loadText(u"one fish\ntwo fish\nred fish\nblue fish"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(!bar->isVisible());

    bar->openFind();
    QVERIFY(bar->isVisible());
    auto *field = bar->findChild<QLineEdit *>(u"findField"_s);
    QVERIFY(field && field->hasFocus());
    QTest::keyClicks(field, u"fish"_s); // find as you type: the first match is selected
    QCOMPARE(bar->matchCount(), 4);
    QCOMPARE(bar->currentMatch(), 1);
    QCOMPARE(bar->statusText(), u"1 of 4"_s);
    QCOMPARE(editor->textCursor().selectedText(), u"fish"_s);
    // Every match is highlighted, the current one differently.
    const QList<QTextEdit::ExtraSelection> highlights = editor->extraSelections();
    QCOMPARE(highlights.size(), 4);
    QCOMPARE(highlights[0].format.background().color(), editor->colors().findCurrent);
    QCOMPARE(highlights[1].format.background().color(), editor->colors().findMatch);

    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(bar->currentMatch(), 2);
    QTest::keyClick(field, Qt::Key_F3);
    QCOMPARE(bar->currentMatch(), 3);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->currentMatch(), 2);
    QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(bar->currentMatch(), 1);
    QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier); // wraps to the last
    QCOMPARE(bar->currentMatch(), 4);
    QCOMPARE(editor->textCursor().blockNumber(), 3);
    QTest::keyClick(field, Qt::Key_Return); // and back to the first
    QCOMPARE(bar->currentMatch(), 1);

    // F3 works from the editor too.
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_F3);
    QCOMPARE(bar->currentMatch(), 2);

    // Matches follow edits.
    QTextCursor end(editor->document());
    end.movePosition(QTextCursor::End);
    end.insertText(u"\nfish again"_s);
    QTRY_COMPARE(bar->matchCount(), 5);
}

void TestEditor::invalidRegularExpressionIsExplained()
{
    MarkdownEditor editor;
    FindReplaceBar bar(&editor);
    editor.loadText(u"some (text)"_s);
    bar.setRegularExpression(true);
    bar.setFindText(u"(text"_s);
    QCOMPARE(bar.matchCount(), 0);
    QVERIFY2(bar.statusText().startsWith(u"Invalid regular expression: "_s), qPrintable(bar.statusText()));
    QVERIFY(bar.statusText().contains(u"at character"_s));
    QVERIFY(!bar.findNext());
    QCOMPARE(bar.replaceAll(), 0);
    QCOMPARE(editor.text(), u"some (text)"_s);
    // The same text is fine as plain text.
    bar.setRegularExpression(false);
    QCOMPARE(bar.matchCount(), 1);
    QCOMPARE(bar.statusText(), u"1 match"_s);
}

void TestEditor::replaceAllIsOneUndoStep()
{
    MarkdownEditor editor;
    FindReplaceBar bar(&editor);
    const QString original = u"colour and Colour\nmore colour, colours"_s;
    editor.loadText(original);
    bar.openReplace();
    bar.setWholeWords(true);
    bar.setFindText(u"colour"_s);
    bar.setReplaceText(u"color"_s);
    QCOMPARE(bar.matchCount(), 3);
    QCOMPARE(bar.replaceAll(), 3);
    QCOMPARE(editor.text(), u"color and color\nmore color, colours"_s);
    QCOMPARE(bar.statusText(), u"Replaced 3 occurrences"_s);
    QCOMPARE(bar.matchCount(), 0);
    editor.undo();
    QCOMPARE(editor.text(), original);
    QVERIFY(!editor.document()->isUndoAvailable());
}

void TestEditor::replaceUsesCaptures()
{
    MarkdownEditor editor;
    FindReplaceBar bar(&editor);
    editor.loadText(u"mail ann@example.org or bob@example.org"_s);
    bar.openReplace();
    bar.setRegularExpression(true);
    bar.setFindText(u"(\\w+)@example\\.org"_s);
    bar.setReplaceText(u"$1 (at) example"_s);
    // Replace replaces the selected match only, then selects the next.
    QVERIFY(bar.findNext());
    QVERIFY(bar.replaceCurrent());
    QCOMPARE(editor.text(), u"mail ann (at) example or bob@example.org"_s);
    QCOMPARE(editor.textCursor().selectedText(), u"bob@example.org"_s);
    bar.setReplaceText(u"\\1!"_s);
    QVERIFY(bar.replaceCurrent());
    QCOMPARE(editor.text(), u"mail ann (at) example or bob!"_s);
    editor.undo();
    QCOMPARE(editor.text(), u"mail ann (at) example or bob@example.org"_s);
}

void TestEditor::escapeClosesTheBar()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *editor = new MarkdownEditor(&window);
    auto *bar = new FindReplaceBar(editor, &window);
    layout->addWidget(editor);
    layout->addWidget(bar);
    editor->loadText(u"alpha beta alpha"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    bar->openReplace();
    bar->setFindText(u"alpha"_s);
    QVERIFY(!editor->extraSelections().isEmpty());
    auto *replaceField = bar->findChild<QLineEdit *>(u"replaceField"_s);
    replaceField->setFocus();
    QSignalSpy closed(bar, &FindReplaceBar::closed);
    QTest::keyClick(replaceField, Qt::Key_Escape);
    QCOMPARE(closed.count(), 1);
    QVERIFY(!bar->isVisible());
    QVERIFY(editor->hasFocus());
    QVERIFY(editor->extraSelections().isEmpty());
}

// ---------------------------------------------------------------------------------------------------------------
// Editing

void TestEditor::focusModeDimsOtherParagraphs()
{
    MarkdownEditor editor;
    editor.loadText(u"First paragraph.\n\nSecond paragraph\nstill second.\n\nThird."_s);
    QSignalSpy toggled(&editor, &MarkdownEditor::focusModeChanged);
    editor.setTextCursor(editor.document()->find(u"still"_s));
    editor.setFocusMode(true);
    QCOMPARE(toggled.count(), 1);
    QVERIFY(editor.focusMode());

    const auto dimmedRanges = [&] {
        QList<QPair<int, int>> ranges;
        for (const QTextEdit::ExtraSelection &s : editor.extraSelections()) {
            if (s.format.foreground().color() == editor.colors().focusDim)
                ranges.append({s.cursor.selectionStart(), s.cursor.selectionEnd()});
        }
        return ranges;
    };
    const int second = editor.document()->findBlockByNumber(2).position();
    const QTextBlock secondEnd = editor.document()->findBlockByNumber(3);
    const int end = editor.document()->characterCount() - 1;
    QCOMPARE(dimmedRanges(),
             (QList<QPair<int, int>>{{0, second}, {secondEnd.position() + secondEnd.length() - 1, end}}));

    // The cursor moves to the last paragraph: the dimming follows.
    QTextCursor last(editor.document());
    last.movePosition(QTextCursor::End);
    editor.setTextCursor(last);
    const int third = editor.document()->lastBlock().position();
    QCOMPARE(dimmedRanges(), (QList<QPair<int, int>>{{0, third}}));

    editor.setFocusMode(false);
    QCOMPARE(toggled.count(), 2);
    QVERIFY(dimmedRanges().isEmpty());
}

void TestEditor::textColumnIsCentred()
{
    MarkdownEditor editor;
    editor.setMaximumTextWidth(600);
    editor.resize(1400, 600);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    // Wide window: the column stops at its maximum and the margins share the rest evenly.
    const auto gaps = [&editor] {
        const QRect column = editor.viewport()->geometry();
        return QPair<int, int>(column.left(), editor.width() - column.right() - 1);
    };
    QCOMPARE(gaps().first, gaps().second);
    QVERIFY(gaps().first > 300);
    QVERIFY(qAbs(editor.viewport()->width() - 600) <= 2);
    // Narrower window: the column narrows with it, down to small fixed margins.
    editor.resize(500, 600);
    QTRY_VERIFY(editor.viewport()->width() < 500);
    QCOMPARE(gaps().first, gaps().second);
    QVERIFY(gaps().first > 0 && gaps().first < 50);
    // Long lines wrap inside the column (soft wrap), they never scroll sideways.
    editor.loadText(QString(2000, u'w').replace(QRegularExpression(u"(w{9})"_s), u"\\1 "_s));
    QTRY_VERIFY(editor.document()->firstBlock().layout()->lineCount() > 5);
    QCOMPARE(editor.horizontalScrollBar()->maximum(), 0);
    QTRY_VERIFY(!editor.horizontalScrollBar()->isVisible());
}

void TestEditor::enterContinuesLists_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("after");

    QTest::newRow("bullet") << u"- item"_s << u"- item\n- "_s;
    QTest::newRow("star bullet, wide spacing") << u"*   item"_s << u"*   item\n*   "_s;
    QTest::newRow("ordered") << u"1. one"_s << u"1. one\n2. "_s;
    QTest::newRow("ordered with parenthesis") << u"9) nine"_s << u"9) nine\n10) "_s;
    QTest::newRow("task") << u"- [x] done"_s << u"- [x] done\n- [ ] "_s;
    QTest::newRow("nested") << u"  - nested"_s << u"  - nested\n  - "_s;
    QTest::newRow("quote") << u"> quoted"_s << u"> quoted\n> "_s;
    QTest::newRow("list in quote") << u"> - item"_s << u"> - item\n> - "_s;
    QTest::newRow("empty item ends the list") << u"- "_s << u""_s;
    QTest::newRow("empty ordered item ends the list") << u"3. "_s << u""_s;
    QTest::newRow("empty quote line ends the quote") << u"> "_s << u""_s;
    QTest::newRow("plain line") << u"plain"_s << u"plain\n"_s;
    QTest::newRow("rule is not a list") << u"* * *"_s << u"* * *\n"_s;
}

void TestEditor::enterContinuesLists()
{
    QFETCH(QString, line);
    QFETCH(QString, after);
    MarkdownEditor editor;
    editor.loadText(line);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(editor.text(), after);
    // One undo step brings the line back.
    editor.undo();
    QCOMPARE(editor.text(), line);
}

void TestEditor::tabIndentsListItems()
{
    MarkdownEditor editor;
    editor.loadText(u"- a\n- b\n1. one\n2. two"_s);
    editor.setTextCursor(editor.document()->find(u"b"_s));
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.text(), u"- a\n  - b\n1. one\n2. two"_s);
    QCOMPARE(MarkdownHighlighter::stateOf(editor.document()->findBlockByNumber(1)).kind, LineKind::Paragraph);
    QTest::keyClick(&editor, Qt::Key_Backtab);
    QCOMPARE(editor.text(), u"- a\n- b\n1. one\n2. two"_s);

    // Under an ordered item the child goes to the item's text column.
    editor.setTextCursor(editor.document()->find(u"two"_s));
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.text(), u"- a\n- b\n1. one\n   2. two"_s);
    QTest::keyClick(&editor, Qt::Key_Backtab);
    QCOMPARE(editor.text(), u"- a\n- b\n1. one\n2. two"_s);

    // A selection over several items moves them all, as one undo step.
    QTextCursor both = editor.document()->find(u"b"_s);
    both.setPosition(editor.document()->find(u"two"_s).position(), QTextCursor::KeepAnchor);
    editor.setTextCursor(both);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.text(), u"- a\n  - b\n  1. one\n  2. two"_s); // all children of "- a" now
    editor.undo();
    QCOMPARE(editor.text(), u"- a\n- b\n1. one\n2. two"_s);

    // Outside a list Tab types a tab.
    editor.loadText(u"text"_s);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.text(), u"text\t"_s);
}

void TestEditor::wrapsSelectionAndInsertsLinks()
{
    MarkdownEditor editor;
    editor.loadText(u"a word here"_s);
    editor.setTextCursor(editor.document()->find(u"word"_s));
    QTest::keyClick(&editor, Qt::Key_B, Qt::ControlModifier);
    QCOMPARE(editor.text(), u"a **word** here"_s);
    QCOMPARE(editor.textCursor().selectedText(), u"word"_s);
    QTest::keyClick(&editor, Qt::Key_I, Qt::ControlModifier);
    QCOMPARE(editor.text(), u"a ***word*** here"_s);
    QTest::keyClick(&editor, Qt::Key_I, Qt::ControlModifier); // toggles off again
    QCOMPARE(editor.text(), u"a **word** here"_s);
    QTest::keyClick(&editor, Qt::Key_B, Qt::ControlModifier);
    QCOMPARE(editor.text(), u"a word here"_s);
    editor.undo();
    QCOMPARE(editor.text(), u"a **word** here"_s);

    // No selection: the markers with the cursor between them.
    editor.loadText(u"x "_s);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_I, Qt::ControlModifier);
    QTest::keyClicks(&editor, u"new"_s);
    QCOMPARE(editor.text(), u"x *new*"_s);

    // Links: Ctrl+Shift+K.
    editor.loadText(u"see the docs"_s);
    editor.setTextCursor(editor.document()->find(u"the docs"_s));
    QTest::keyClick(&editor, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClicks(&editor, u"https://x.org"_s);
    QCOMPARE(editor.text(), u"see [the docs](https://x.org)"_s);
    editor.loadText(u"https://x.org"_s);
    editor.selectAll();
    QTest::keyClick(&editor, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClicks(&editor, u"site"_s);
    QCOMPARE(editor.text(), u"[site](https://x.org)"_s);
}

void TestEditor::leavesCtrlKToTheWindow()
{
    // Ctrl+K belongs to the chat panel (new conversation); Ctrl+N/S/F and Ctrl+Shift+P to the window.
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *editor = new MarkdownEditor(&window);
    layout->addWidget(editor);
    QStringList triggered;
    const QList<QKeySequence> windowKeys = {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_N),
                                            QKeySequence(Qt::CTRL | Qt::Key_S), QKeySequence(Qt::CTRL | Qt::Key_F),
                                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)};
    for (const QKeySequence &key : windowKeys) {
        auto *action = new QAction(key.toString(), &window);
        action->setShortcut(key);
        window.addAction(action);
        connect(action, &QAction::triggered, &window, [&triggered, key] { triggered.append(key.toString()); });
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    editor->loadText(u"keep this line whole"_s);
    editor->moveCursor(QTextCursor::Start);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_K, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_N, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(triggered, (QStringList{u"Ctrl+K"_s, u"Ctrl+N"_s, u"Ctrl+S"_s, u"Ctrl+F"_s, u"Ctrl+Shift+P"_s}));
    QCOMPARE(editor->text(), u"keep this line whole"_s);
}

void TestEditor::undoSurvivesSaving()
{
    MarkdownEditor editor;
    editor.loadText(u"Opened."_s);
    QVERIFY(!editor.document()->isUndoAvailable());
    QVERIFY(!editor.document()->isModified());
    editor.moveCursor(QTextCursor::End);
    QTest::keyClicks(&editor, u" Edited."_s);
    QVERIFY(editor.document()->isModified());
    const int steps = editor.document()->availableUndoSteps();
    QVERIFY(steps > 0);

    // What a save does: read the text, then markSaved().
    const QString saved = editor.text();
    QCOMPARE(saved, u"Opened. Edited."_s);
    editor.markSaved();
    QVERIFY(!editor.document()->isModified());
    QCOMPARE(editor.document()->availableUndoSteps(), steps);
    editor.undo();
    QCOMPARE(editor.text(), u"Opened."_s);
    QVERIFY(editor.document()->isModified()); // differs from what was saved
    editor.redo();
    QCOMPARE(editor.text(), saved);

    // Opening another article is not undoable.
    editor.loadText(u"Another article."_s);
    QVERIFY(!editor.document()->isUndoAvailable());
    QVERIFY(!editor.document()->isModified());
}

// ---------------------------------------------------------------------------------------------------------------
// Status, theme, names

void TestEditor::countsWords()
{
    MarkdownEditor editor;
    EditorStatus status(&editor);
    QSignalSpy changed(&status, &EditorStatus::changed);
    editor.loadText(u"# Title\n\nOne *two* three `four` [five](https://x.org)."_s);
    QTRY_COMPARE(status.words(), 6);
    QCOMPARE(status.readingMinutes(), 1);
    QVERIFY(!status.hasSelection());
    QCOMPARE(status.summary(), u"6 words · 1 min read"_s);

    editor.setTextCursor(editor.document()->find(u"One *two*"_s));
    QTRY_VERIFY(status.hasSelection());
    QCOMPARE(status.selectionWords(), 2);
    QCOMPARE(status.summary(), u"6 words · 1 min read · 2 selected"_s);
    editor.moveCursor(QTextCursor::End);
    QTRY_VERIFY(!status.hasSelection());

    // A long article: 230 words a minute.
    QString words;
    for (int i = 0; i < 700; ++i)
        words += u"word "_s;
    editor.loadText(words);
    QTRY_COMPARE(status.words(), 700);
    QCOMPARE(status.readingMinutes(), 4);
    QCOMPARE(status.summary(), u"700 words · 4 min read"_s);
}

void TestEditor::themeFollowsThePortal_data()
{
    QTest::addColumn<bool>("legacy");
    QTest::newRow("ReadOne (Settings v2)") << false;
    QTest::newRow("Read only (Settings v1)") << true;
}

void TestEditor::themeFollowsThePortal()
{
    QFETCH(bool, legacy);
    PrivateBus bus;
    QVERIFY2(!bus.address().isEmpty(), "dbus-daemon did not start");
    QDBusConnection portalSide = bus.connect(u"portal"_s);
    QDBusConnection appSide = bus.connect(u"app"_s);
    QVERIFY(portalSide.isConnected() && appSide.isConnected());
    FakePortal portal;
    LegacyPortal legacyPortal;
    QObject *object = legacy ? static_cast<QObject *>(&legacyPortal) : static_cast<QObject *>(&portal);
    QVERIFY(portalSide.registerObject(u"/org/freedesktop/portal/desktop"_s, object,
                                      QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(portalSide.registerService(u"org.freedesktop.portal.Desktop"_s));

    ThemeManager theme(appSide);
    QSignalSpy changed(&theme, &ThemeManager::themeChanged);
    QTRY_VERIFY(theme.isDark()); // the portal says "prefer dark"
    QVERIFY(theme.systemPrefersDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
    QCOMPARE(theme.editorColors().background, EditorColors::forTheme(true).background);

    // The explicit choice wins over the system.
    theme.setMode(ThemeManager::Mode::Light);
    QVERIFY(!theme.isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 128);
    QCOMPARE(changed.last().first().toBool(), false);
    theme.setMode(ThemeManager::Mode::System);
    QVERIFY(theme.isDark());

    if (!legacy) {
        // The desktop switches to light: the theme follows at once.
        portal.scheme = 2;
        QVERIFY(QDBusConnection(portalSide)
                    .send(QDBusMessage::createSignal(u"/org/freedesktop/portal/desktop"_s,
                                                     u"org.freedesktop.portal.Settings"_s, u"SettingChanged"_s)
                          << u"org.freedesktop.appearance"_s << u"color-scheme"_s
                          << QVariant::fromValue(QDBusVariant(QVariant::fromValue(2u)))));
        QTRY_VERIFY(!theme.isDark());
        QCOMPARE(changed.last().first().toBool(), false);
        // Other settings are not the theme's business.
        QVERIFY(portalSide.send(QDBusMessage::createSignal(u"/org/freedesktop/portal/desktop"_s,
                                                           u"org.freedesktop.portal.Settings"_s, u"SettingChanged"_s)
                                << u"org.gnome.desktop.interface"_s << u"color-scheme"_s
                                << QVariant::fromValue(QDBusVariant(QVariant::fromValue(1u)))));
        QTest::qWait(100);
        QVERIFY(!theme.isDark());
    }
    QCOMPARE(ThemeManager::modeFromName(ThemeManager::modeName(ThemeManager::Mode::Dark)), ThemeManager::Mode::Dark);
    QCOMPARE(ThemeManager::modeFromName(u"nonsense"), ThemeManager::Mode::System);
    theme.setMode(ThemeManager::Mode::Light); // leave the application light for the next tests
}

void TestEditor::themeWithoutBusIsQuiet()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    const QDBusConnection none = QDBusConnection::connectToBus(u"unix:path=/nonexistent/bus"_s, u"none"_s);
    QVERIFY(!none.isConnected());
    ThemeManager theme(none);
    QVERIFY(!theme.isDark()); // the tests' palette is light
    theme.setMode(ThemeManager::Mode::Dark);
    QVERIFY(theme.isDark());
    QCOMPARE(theme.previewStyle().background, PreviewStyle::forTheme(true).background);
    theme.setMode(ThemeManager::Mode::Light);
    QDBusConnection::disconnectFromBus(u"none"_s);
}

void TestEditor::everyWidgetIsNamed()
{
    QWidget window;
    window.setObjectName(u"testWindow"_s);
    auto *layout = new QVBoxLayout(&window);
    auto *editor = new MarkdownEditor(&window);
    auto *bar = new FindReplaceBar(editor, &window);
    auto *preview = new PreviewPane(&window);
    auto *outline = new OutlineView(&window);
    for (QWidget *w : {static_cast<QWidget *>(editor), static_cast<QWidget *>(bar), static_cast<QWidget *>(preview),
                       static_cast<QWidget *>(outline)})
        layout->addWidget(w);
    outline->setEditor(editor);
    preview->setSourceDocument(editor->document());
    editor->setSpellLanguage(u"en_US"_s);
    editor->loadText(u"A mispeled word."_s);
    bar->openReplace();
    std::unique_ptr<QMenu> menu(editor->createContextMenuAt(4));
    window.show();

    QStringList unnamed;
    const auto check = [&unnamed](QWidget *w) {
        // Qt's own parts of its widgets (scroll area viewports and bars, line edit buttons) name themselves
        // "qt_…" or are not ours to name.
        for (QWidget *p = w; p; p = p->parentWidget()) {
            if (p->objectName().startsWith(u"qt_"_s))
                return;
        }
        const QString cls = QString::fromLatin1(w->metaObject()->className());
        const bool scrollAreaPart =
            cls == u"QWidget"_s && w->objectName().isEmpty() && qobject_cast<QAbstractScrollArea *>(w->parentWidget());
        if (cls == u"QLineEditIconButton"_s || cls == u"QScrollBar"_s || scrollAreaPart)
            return;
        if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
            unnamed.append(cls + u" '"_s + w->objectName() + u"'"_s);
    };
    check(&window);
    for (QWidget *w : window.findChildren<QWidget *>())
        check(w);
    check(menu.get());
    unnamed.removeAll(u"QWidget 'testWindow'"_s);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
