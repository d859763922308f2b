#include "sync/articlemerge.h"
#include "sync/textmerge.h"

#include <QList>
#include <QStringList>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using inkwell::sync::ArticleText;
using inkwell::sync::ConflictRegion;
using inkwell::sync::DiffHunk;
using inkwell::sync::DiffLine;

Q_DECLARE_METATYPE(inkwell::sync::ArticleText)
Q_DECLARE_METATYPE(inkwell::sync::ConflictRegion)
Q_DECLARE_METATYPE(inkwell::sync::DiffHunk)

namespace inkwell::sync {

// How QCOMPARE prints the values when they differ (found by argument-dependent lookup).
namespace {
QByteArray pretty(const QString &text)
{
    const std::unique_ptr<char[]> printed(QTest::toPrettyUnicode(text));
    return QByteArray(printed.get());
}
} // namespace

char *toString(const ConflictRegion &region)
{
    const QByteArray text = "Conflict{mine=" + pretty(region.mine) + ", theirs=" + pretty(region.theirs) + ", lines " +
                            QByteArray::number(region.firstLine) + ".." + QByteArray::number(region.lastLine) + "}";
    return qstrdup(text.constData());
}

char *toString(const DiffLine &line)
{
    static constexpr const char *kinds[] = {" ", "+", "-"};
    const QByteArray text = QByteArray(kinds[line.kind]) + "(" + QByteArray::number(line.oldNumber) + "," +
                            QByteArray::number(line.newNumber) + ")" + pretty(line.text);
    return qstrdup(text.constData());
}

char *toString(const DiffHunk &hunk)
{
    QByteArray text = "Hunk{-" + QByteArray::number(hunk.oldStart) + "," + QByteArray::number(hunk.oldLines) + " +" +
                      QByteArray::number(hunk.newStart) + "," + QByteArray::number(hunk.newLines) + ":";
    for (const DiffLine &line : hunk.lines) {
        const std::unique_ptr<char[]> printed(toString(line));
        text += " " + QByteArray(printed.get());
    }
    text += "}";
    return qstrdup(text.constData());
}

char *toString(const ArticleText &article)
{
    const QByteArray text = "Article{title=" + pretty(article.title) + ", excerpt=" + pretty(article.excerpt) +
                            ", tags=" + pretty(article.tags.join(u'|')) + ", content=" + pretty(article.content) + "}";
    return qstrdup(text.constData());
}

} // namespace inkwell::sync

namespace {

// ---- Builders for expectations (none of them calls the code under test) ------------------------------------------

ConflictRegion region(const QString &mine, const QString &theirs, int firstLine, int lastLine)
{
    return ConflictRegion{.mine = mine, .theirs = theirs, .firstLine = firstLine, .lastLine = lastLine};
}

DiffLine context(const QString &text, int oldNumber, int newNumber)
{
    return DiffLine{.kind = DiffLine::Context, .oldNumber = oldNumber, .newNumber = newNumber, .text = text};
}

DiffLine added(const QString &text, int newNumber)
{
    return DiffLine{.kind = DiffLine::Added, .oldNumber = -1, .newNumber = newNumber, .text = text};
}

DiffLine removed(const QString &text, int oldNumber)
{
    return DiffLine{.kind = DiffLine::Removed, .oldNumber = oldNumber, .newNumber = -1, .text = text};
}

DiffHunk hunk(int oldStart, int oldLines, int newStart, int newLines, const QList<DiffLine> &lines)
{
    return DiffHunk{
        .oldStart = oldStart, .oldLines = oldLines, .newStart = newStart, .newLines = newLines, .lines = lines};
}

/// "l1\n" … "l10\n", with the lines named in @p upper written as "L<n>".
QString tenLines(const QList<int> &upper = {})
{
    QString text;
    for (int i = 1; i <= 10; ++i)
        text += (upper.contains(i) ? u"L"_s : u"l"_s) + QString::number(i) + u'\n';
    return text;
}

ArticleText baseArticle()
{
    return ArticleText{.title = u"Base title"_s,
                       .excerpt = u"Base excerpt"_s,
                       .tags = {u"qt"_s, u"cpp"_s},
                       .content = u"Intro\n\nBody\n"_s};
}

/// The long-article generator: paragraph @p i, with an optional suffix.
QString paragraph(int i, const QString &suffix = {})
{
    return u"Paragraph %1 — Grüße: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"_s
               .arg(i) +
           suffix;
}

} // namespace

class TestTextMerge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mergeText_data();
    void mergeText();
    void mergeLongText_data();
    void mergeLongText();
    void diffLines_data();
    void diffLines();
    void unifiedDiff_data();
    void unifiedDiff();
    void mergeArticle_data();
    void mergeArticle();
};

void TestTextMerge::mergeText_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("mine");
    QTest::addColumn<QString>("theirs");
    QTest::addColumn<QString>("merged");
    QTest::addColumn<QList<ConflictRegion>>("conflicts");

    // Clean merges
    QTest::newRow("edits in different paragraphs")
        << u"First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"_s
        << u"First paragraph, edited here.\n\nSecond paragraph.\n\nThird paragraph.\n"_s
        << u"First paragraph.\n\nSecond paragraph.\n\nThird paragraph, edited on the server.\n"_s
        << u"First paragraph, edited here.\n\nSecond paragraph.\n\nThird paragraph, edited on the server.\n"_s
        << QList<ConflictRegion>{};
    QTest::newRow("identical edits") << u"A\n\nB\n"_s << u"A\n\nB edited\n"_s << u"A\n\nB edited\n"_s
                                     << u"A\n\nB edited\n"_s << QList<ConflictRegion>{};
    QTest::newRow("identical edit plus an edit of mine")
        << u"A\n\nB\n\nC\n"_s << u"A same\n\nB\n\nC mine\n"_s << u"A same\n\nB\n\nC\n"_s << u"A same\n\nB\n\nC mine\n"_s
        << QList<ConflictRegion>{};
    QTest::newRow("mine unchanged") << u"A\nB\n"_s << u"A\nB\n"_s << u"A\nB\nC\n"_s << u"A\nB\nC\n"_s
                                    << QList<ConflictRegion>{};
    QTest::newRow("theirs unchanged") << u"A\nB\n"_s << u"A\nB2\n"_s << u"A\nB\n"_s << u"A\nB2\n"_s
                                      << QList<ConflictRegion>{};
    QTest::newRow("deleted paragraph, edit elsewhere")
        << u"A\n\nB\n\nC\n"_s << u"B\n\nC\n"_s << u"A\n\nB\n\nC2\n"_s << u"B\n\nC2\n"_s << QList<ConflictRegion>{};
    QTest::newRow("insertions at start and end") << u"A\n\nB\n"_s << u"Intro\n\nA\n\nB\n"_s << u"A\n\nB\n\nOutro\n"_s
                                                 << u"Intro\n\nA\n\nB\n\nOutro\n"_s << QList<ConflictRegion>{};

    // Conflicts
    QTest::newRow("same line") << u"Hello world\n"_s << u"Hello there\n"_s << u"Hello everyone\n"_s
                               << u"<<<<<<< mine\nHello there\n=======\nHello everyone\n>>>>>>> theirs\n"_s
                               << QList{region(u"Hello there\n"_s, u"Hello everyone\n"_s, 0, 4)};
    QTest::newRow("same line between paragraphs")
        << u"A\n\nB\n\nC\n"_s << u"A\n\nB mine\n\nC\n"_s << u"A\n\nB theirs\n\nC\n"_s
        << u"A\n\n<<<<<<< mine\nB mine\n=======\nB theirs\n>>>>>>> theirs\n\nC\n"_s
        << QList{region(u"B mine\n"_s, u"B theirs\n"_s, 2, 6)};
    QTest::newRow("two conflicts") << u"A\n\nB\n\nC\n\nD\n\nE\n"_s << u"A1\n\nB\n\nC\n\nD\n\nE1\n"_s
                                   << u"A2\n\nB\n\nC\n\nD\n\nE2\n"_s
                                   << u"<<<<<<< mine\nA1\n=======\nA2\n>>>>>>> theirs\n\nB\n\nC\n\nD\n\n"
                                      u"<<<<<<< mine\nE1\n=======\nE2\n>>>>>>> theirs\n"_s
                                   << QList{region(u"A1\n"_s, u"A2\n"_s, 0, 4), region(u"E1\n"_s, u"E2\n"_s, 12, 16)};
    // git's rule (xdl_simplify_non_conflicts): conflicts fewer than four lines apart are shown as one.
    QTest::newRow("conflicts three lines apart are one")
        << u"A\n\nB\n\nC\n"_s << u"A1\n\nB\n\nC1\n"_s << u"A2\n\nB\n\nC2\n"_s
        << u"<<<<<<< mine\nA1\n\nB\n\nC1\n=======\nA2\n\nB\n\nC2\n>>>>>>> theirs\n"_s
        << QList{region(u"A1\n\nB\n\nC1\n"_s, u"A2\n\nB\n\nC2\n"_s, 0, 12)};
    QTest::newRow("adjacent lines (line-level merge)")
        << u"A\nB\n"_s << u"A1\nB\n"_s << u"A\nB1\n"_s << u"<<<<<<< mine\nA1\nB\n=======\nA\nB1\n>>>>>>> theirs\n"_s
        << QList{region(u"A1\nB\n"_s, u"A\nB1\n"_s, 0, 6)};
    QTest::newRow("deleted vs edited") << u"A\nB\nC\n"_s << u"A\nC\n"_s << u"A\nB2\nC\n"_s
                                       << u"A\n<<<<<<< mine\n=======\nB2\n>>>>>>> theirs\nC\n"_s
                                       << QList{region(QString(), u"B2\n"_s, 1, 4)};
    QTest::newRow("both insert at the start")
        << u"A\n"_s << u"M\nA\n"_s << u"T\nA\n"_s << u"<<<<<<< mine\nM\n=======\nT\n>>>>>>> theirs\nA\n"_s
        << QList{region(u"M\n"_s, u"T\n"_s, 0, 4)};
    QTest::newRow("both append at the end")
        << u"A\n"_s << u"A\nM\n"_s << u"A\nT\n"_s << u"A\n<<<<<<< mine\nM\n=======\nT\n>>>>>>> theirs\n"_s
        << QList{region(u"M\n"_s, u"T\n"_s, 1, 5)};

    // The final line break
    QTest::newRow("no final newline anywhere")
        << u"A\n\nB"_s << u"A2\n\nB"_s << u"A\n\nB2"_s << u"A2\n\nB2"_s << QList<ConflictRegion>{};
    QTest::newRow("mine adds the final newline")
        << u"A\n\nB"_s << u"A\n\nB\n"_s << u"A2\n\nB"_s << u"A2\n\nB\n"_s << QList<ConflictRegion>{};
    QTest::newRow("theirs drops the final newline")
        << u"A\n\nB\n"_s << u"A2\n\nB\n"_s << u"A\n\nB"_s << u"A2\n\nB"_s << QList<ConflictRegion>{};
    QTest::newRow("final newline dropped vs last line edited")
        << u"A\n\nB\n"_s << u"A\n\nB1\n"_s << u"A\n\nB"_s << u"A\n\nB1"_s << QList<ConflictRegion>{};
    QTest::newRow("conflict on a last line without newline")
        << u"A\n\nB"_s << u"A\n\nB1"_s << u"A\n\nB2"_s << u"A\n\n<<<<<<< mine\nB1\n=======\nB2\n>>>>>>> theirs"_s
        << QList{region(u"B1"_s, u"B2"_s, 2, 6)};
    QTest::newRow("conflict at the end, mine dropped the newline")
        << u"A\nB\n"_s << u"A\nB1"_s << u"A\nB2\n"_s << u"A\n<<<<<<< mine\nB1\n=======\nB2\n>>>>>>> theirs"_s
        << QList{region(u"B1"_s, u"B2"_s, 1, 5)};

    // Line endings
    QTest::newRow("CRLF on all sides") << u"A\r\n\r\nB\r\n"_s << u"A2\r\n\r\nB\r\n"_s << u"A\r\n\r\nB2\r\n"_s
                                       << u"A2\r\n\r\nB2\r\n"_s << QList<ConflictRegion>{};
    QTest::newRow("CRLF conflict") << u"X\r\n"_s << u"M\r\n"_s << u"T\r\n"_s
                                   << u"<<<<<<< mine\r\nM\r\n=======\r\nT\r\n>>>>>>> theirs\r\n"_s
                                   << QList{region(u"M\r\n"_s, u"T\r\n"_s, 0, 4)};
    QTest::newRow("mine CRLF, theirs LF")
        << u"A\n\nB\n"_s << u"A2\r\n\r\nB\r\n"_s << u"A\n\nB2\n"_s << u"A2\r\n\r\nB2\r\n"_s << QList<ConflictRegion>{};
    QTest::newRow("mine LF, theirs CRLF")
        << u"A\r\n\r\nB\r\n"_s << u"A2\n\nB\n"_s << u"A\r\n\r\nB2\r\n"_s << u"A2\n\nB2\n"_s << QList<ConflictRegion>{};
    QTest::newRow("only the line endings changed on one side")
        << u"A\nB\n"_s << u"A\r\nB\r\n"_s << u"A\nB2\n"_s << u"A\r\nB2\r\n"_s << QList<ConflictRegion>{};

    // Unicode
    QTest::newRow("umlauts and emoji in different paragraphs")
        << u"Grüße aus Köln\n\nÄrger über Übermut 🙂\n"_s
        << u"Grüße aus München\n\nÄrger über Übermut 🙂\n"_s
        << u"Grüße aus Köln\n\nFreude über Übermut 🎉👩‍💻\n"_s
        << u"Grüße aus München\n\nFreude über Übermut 🎉👩‍💻\n"_s << QList<ConflictRegion>{};
    QTest::newRow("emoji conflict") << u"Straße\n"_s << u"Straße 🚲\n"_s << u"Straße 🚗\n"_s
                                    << u"<<<<<<< mine\nStraße 🚲\n=======\nStraße 🚗\n>>>>>>> theirs\n"_s
                                    << QList{region(u"Straße 🚲\n"_s, u"Straße 🚗\n"_s, 0, 4)};

    // Empty texts
    QTest::newRow("all empty") << QString() << QString() << QString() << QString() << QList<ConflictRegion>{};
    QTest::newRow("empty base, one side wrote")
        << QString() << u"Mine\n"_s << QString() << u"Mine\n"_s << QList<ConflictRegion>{};
    QTest::newRow("empty base, same text")
        << QString() << u"Same\n"_s << u"Same\n"_s << u"Same\n"_s << QList<ConflictRegion>{};
    QTest::newRow("empty base, different texts")
        << QString() << u"Mine\n"_s << u"Theirs\n"_s << u"<<<<<<< mine\nMine\n=======\nTheirs\n>>>>>>> theirs\n"_s
        << QList{region(u"Mine\n"_s, u"Theirs\n"_s, 0, 4)};
    QTest::newRow("empty base, shared first lines")
        << QString() << u"Title\n\nmine body\n"_s << u"Title\n\ntheirs body\n"_s
        << u"Title\n\n<<<<<<< mine\nmine body\n=======\ntheirs body\n>>>>>>> theirs\n"_s
        << QList{region(u"mine body\n"_s, u"theirs body\n"_s, 2, 6)};
    QTest::newRow("mine deleted everything, theirs unchanged")
        << u"A\n\nB\n"_s << QString() << u"A\n\nB\n"_s << QString() << QList<ConflictRegion>{};
    QTest::newRow("mine deleted everything, theirs edited")
        << u"A\n\nB\n"_s << QString() << u"A\n\nB2\n"_s << u"<<<<<<< mine\n=======\nA\n\nB2\n>>>>>>> theirs\n"_s
        << QList{region(QString(), u"A\n\nB2\n"_s, 0, 5)};
    QTest::newRow("theirs deleted everything, mine edited")
        << u"A\n"_s << u"A2\n"_s << QString() << u"<<<<<<< mine\nA2\n=======\n>>>>>>> theirs\n"_s
        << QList{region(u"A2\n"_s, QString(), 0, 3)};

    // Text that looks like conflict markers
    QTest::newRow("setext heading underline inside a conflict")
        << u"Title\n\nBody\n"_s << u"Title A\n=======\n\nBody\n"_s << u"Title B\n-------\n\nBody\n"_s
        << u"<<<<<<< mine\nTitle A\n=======\n=======\nTitle B\n-------\n>>>>>>> theirs\n\nBody\n"_s
        << QList{region(u"Title A\n=======\n"_s, u"Title B\n-------\n"_s, 0, 6)};
    QTest::newRow("marker lines as text") << u"x\n"_s << u"<<<<<<< mine\n"_s << u">>>>>>> theirs\n"_s
                                          << u"<<<<<<< mine\n<<<<<<< mine\n=======\n>>>>>>> theirs\n>>>>>>> theirs\n"_s
                                          << QList{region(u"<<<<<<< mine\n"_s, u">>>>>>> theirs\n"_s, 0, 4)};
}

void TestTextMerge::mergeText()
{
    QFETCH(QString, base);
    QFETCH(QString, mine);
    QFETCH(QString, theirs);
    QFETCH(QString, merged);
    QFETCH(QList<ConflictRegion>, conflicts);

    const inkwell::sync::TextMerge result = inkwell::sync::mergeText(base, mine, theirs);
    QCOMPARE(result.merged, merged);
    QCOMPARE(result.conflicts, conflicts);
    QCOMPARE(result.clean, conflicts.isEmpty());
}

void TestTextMerge::mergeLongText_data()
{
    QTest::addColumn<int>("conflictAt"); // -1: none

    QTest::newRow("clean") << -1;
    QTest::newRow("one conflict in the middle") << 1000;
}

void TestTextMerge::mergeLongText()
{
    QFETCH(int, conflictAt);

    constexpr int kParagraphs = 2000;
    // Paragraph i is line 2i; mine edits every paragraph i % 10 == 1, theirs every i % 10 == 6.
    QString base, mine, theirs, expected;
    for (int i = 0; i < kParagraphs; ++i) {
        const QString separator = i + 1 < kParagraphs ? u"\n\n"_s : u"\n"_s;
        const QString original = paragraph(i);
        QString mineText = i % 10 == 1 ? paragraph(i, u" [edited locally]"_s) : original;
        QString theirsText = i % 10 == 6 ? paragraph(i, u" [edited on the server] 🎉"_s) : original;
        if (i == conflictAt) {
            mineText = paragraph(i, u" [mine]"_s);
            theirsText = paragraph(i, u" [theirs]"_s);
        }
        base += original + separator;
        mine += mineText + separator;
        theirs += theirsText + separator;
        if (i == conflictAt) {
            expected +=
                u"<<<<<<< mine\n"_s + mineText + u"\n=======\n"_s + theirsText + u"\n>>>>>>> theirs"_s + separator;
        } else {
            expected += (i % 10 == 1 ? mineText : theirsText) + separator;
        }
    }
    QVERIFY(base.toUtf8().size() > 200 * 1024);

    const inkwell::sync::TextMerge result = inkwell::sync::mergeText(base, mine, theirs);
    QCOMPARE(result.merged, expected);
    if (conflictAt < 0) {
        QVERIFY(result.clean);
        QVERIFY(result.conflicts.isEmpty());
    } else {
        QVERIFY(!result.clean);
        QCOMPARE(result.conflicts,
                 QList{region(paragraph(conflictAt, u" [mine]"_s) + u'\n',
                              paragraph(conflictAt, u" [theirs]"_s) + u'\n', 2 * conflictAt, 2 * conflictAt + 4)});
    }
}

void TestTextMerge::diffLines_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("contextLines");
    QTest::addColumn<QList<DiffHunk>>("hunks");

    QTest::newRow("one changed line") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << 3
                                      << QList{hunk(1, 3, 1, 3,
                                                    {context(u"a"_s, 1, 1), removed(u"b"_s, 2), added(u"B"_s, 2),
                                                     context(u"c"_s, 3, 3)})};
    QTest::newRow("equal texts") << u"a\nb\n"_s << u"a\nb\n"_s << 3 << QList<DiffHunk>{};
    QTest::newRow("two hunks with one line of context")
        << tenLines() << tenLines({2, 9}) << 1
        << QList{hunk(1, 3, 1, 3,
                      {context(u"l1"_s, 1, 1), removed(u"l2"_s, 2), added(u"L2"_s, 2), context(u"l3"_s, 3, 3)}),
                 hunk(8, 3, 8, 3,
                      {context(u"l8"_s, 8, 8), removed(u"l9"_s, 9), added(u"L9"_s, 9), context(u"l10"_s, 10, 10)})};
    QTest::newRow("close changes share a hunk")
        << tenLines() << tenLines({3, 8}) << 3
        << QList{hunk(1, 10, 1, 10,
                      {context(u"l1"_s, 1, 1), context(u"l2"_s, 2, 2), removed(u"l3"_s, 3), added(u"L3"_s, 3),
                       context(u"l4"_s, 4, 4), context(u"l5"_s, 5, 5), context(u"l6"_s, 6, 6), context(u"l7"_s, 7, 7),
                       removed(u"l8"_s, 8), added(u"L8"_s, 8), context(u"l9"_s, 9, 9), context(u"l10"_s, 10, 10)})};
    QTest::newRow("insertion at the start, no context")
        << u"a\nb\n"_s << u"new\na\nb\n"_s << 0 << QList{hunk(0, 0, 1, 1, {added(u"new"_s, 1)})};
    QTest::newRow("insertion at the start, with context")
        << u"a\nb\n"_s << u"new\na\nb\n"_s << 3
        << QList{hunk(1, 2, 1, 3, {added(u"new"_s, 1), context(u"a"_s, 1, 2), context(u"b"_s, 2, 3)})};
    QTest::newRow("deletion at the end") << u"a\nb\nc\n"_s << u"a\nb\n"_s << 1
                                         << QList{hunk(2, 2, 2, 1, {context(u"b"_s, 2, 2), removed(u"c"_s, 3)})};
    QTest::newRow("line numbers shift after an insertion")
        << u"a\nb\nc\nd\n"_s << u"a\nX\nb\nc\nd2\n"_s << 0
        << QList{hunk(1, 0, 2, 1, {added(u"X"_s, 2)}), hunk(4, 1, 5, 1, {removed(u"d"_s, 4), added(u"d2"_s, 5)})};
    QTest::newRow("from empty") << QString() << u"x\ny\n"_s << 3
                                << QList{hunk(0, 0, 1, 2, {added(u"x"_s, 1), added(u"y"_s, 2)})};
    QTest::newRow("to empty") << u"x\ny\n"_s << QString() << 3
                              << QList{hunk(1, 2, 0, 0, {removed(u"x"_s, 1), removed(u"y"_s, 2)})};
    QTest::newRow("unicode with CRLF")
        << u"Grüße\r\nWelt\r\n"_s << u"Grüße 🙂\r\nWelt\r\n"_s << 1
        << QList{hunk(1, 2, 1, 2, {removed(u"Grüße"_s, 1), added(u"Grüße 🙂"_s, 1), context(u"Welt"_s, 2, 2)})};
    QTest::newRow("only line endings differ") << u"a\r\nb\r\n"_s << u"a\nb\n"_s << 3 << QList<DiffHunk>{};
    QTest::newRow("final newline added") << u"a\nb"_s << u"a\nb\n"_s << 3
                                         << QList{hunk(1, 2, 1, 2,
                                                       {context(u"a"_s, 1, 1), removed(u"b"_s, 2), added(u"b"_s, 2)})};
}

void TestTextMerge::diffLines()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(int, contextLines);
    QFETCH(QList<DiffHunk>, hunks);

    QCOMPARE(inkwell::sync::diffLines(before, after, contextLines), hunks);
}

void TestTextMerge::unifiedDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("beforeLabel");
    QTest::addColumn<QString>("afterLabel");
    QTest::addColumn<int>("contextLines");
    QTest::addColumn<QString>("diff");

    QTest::newRow("header and one hunk") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u"Revision 3"_s << u"My draft"_s << 3
                                         << u"--- Revision 3\n+++ My draft\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"_s;
    QTest::newRow("no newline at end of file")
        << u"a\nb"_s << u"a\nc"_s << u"old"_s << u"new"_s << 3
        << u"--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"_s;
    QTest::newRow("one-line ranges") << u"x\n"_s << u"y\n"_s << u"a"_s << u"b"_s << 3
                                     << u"--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n"_s;
    QTest::newRow("insertion into empty")
        << QString() << u"x\n"_s << u"a"_s << u"b"_s << 3 << u"--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n"_s;
    QTest::newRow("two hunks") << tenLines() << tenLines({2, 9}) << u"a"_s << u"b"_s << 1
                               << u"--- a\n+++ b\n@@ -1,3 +1,3 @@\n l1\n-l2\n+L2\n l3\n"
                                  u"@@ -8,3 +8,3 @@\n l8\n-l9\n+L9\n l10\n"_s;
    QTest::newRow("unicode") << u"Grüße\n"_s << u"Grüße 🙂\n"_s << u"vorher"_s << u"nachher"_s << 3
                             << u"--- vorher\n+++ nachher\n@@ -1 +1 @@\n-Grüße\n+Grüße 🙂\n"_s;
    QTest::newRow("equal texts") << u"same\n"_s << u"same\n"_s << u"a"_s << u"b"_s << 3 << QString();
}

void TestTextMerge::unifiedDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, beforeLabel);
    QFETCH(QString, afterLabel);
    QFETCH(int, contextLines);
    QFETCH(QString, diff);

    QCOMPARE(inkwell::sync::unifiedDiff(before, after, beforeLabel, afterLabel, contextLines), diff);
}

void TestTextMerge::mergeArticle_data()
{
    QTest::addColumn<ArticleText>("mine");
    QTest::addColumn<ArticleText>("theirs");
    QTest::addColumn<ArticleText>("merged");
    QTest::addColumn<QStringList>("conflictingFields");

    const ArticleText base = baseArticle();
    const auto with = [&base](auto change) {
        ArticleText article = base;
        change(article);
        return article;
    };

    QTest::newRow("nothing changed") << base << base << base << QStringList{};

    // title (the excerpt follows the same rules)
    QTest::newRow("title changed by mine") << with([](ArticleText &a) { a.title = u"Mine title"_s; }) << base
                                           << with([](ArticleText &a) { a.title = u"Mine title"_s; }) << QStringList{};
    QTest::newRow("title changed by theirs")
        << base << with([](ArticleText &a) { a.title = u"Server title"_s; })
        << with([](ArticleText &a) { a.title = u"Server title"_s; }) << QStringList{};
    QTest::newRow("title changed the same on both sides")
        << with([](ArticleText &a) { a.title = u"Same title"_s; })
        << with([](ArticleText &a) { a.title = u"Same title"_s; })
        << with([](ArticleText &a) { a.title = u"Same title"_s; }) << QStringList{};
    QTest::newRow("title changed differently: mine kept")
        << with([](ArticleText &a) { a.title = u"Mine title"_s; })
        << with([](ArticleText &a) { a.title = u"Server title"_s; })
        << with([](ArticleText &a) { a.title = u"Mine title"_s; }) << QStringList{u"title"_s};

    // excerpt
    QTest::newRow("excerpt changed by mine")
        << with([](ArticleText &a) { a.excerpt = u"Mine excerpt"_s; }) << base
        << with([](ArticleText &a) { a.excerpt = u"Mine excerpt"_s; }) << QStringList{};
    QTest::newRow("excerpt cleared by theirs") << base << with([](ArticleText &a) { a.excerpt.clear(); })
                                               << with([](ArticleText &a) { a.excerpt.clear(); }) << QStringList{};
    QTest::newRow("excerpt changed the same on both sides")
        << with([](ArticleText &a) { a.excerpt = u"Same"_s; }) << with([](ArticleText &a) { a.excerpt = u"Same"_s; })
        << with([](ArticleText &a) { a.excerpt = u"Same"_s; }) << QStringList{};
    QTest::newRow("excerpt changed differently: mine kept")
        << with([](ArticleText &a) { a.excerpt = u"Mine excerpt"_s; })
        << with([](ArticleText &a) { a.excerpt = u"Server excerpt"_s; })
        << with([](ArticleText &a) { a.excerpt = u"Mine excerpt"_s; }) << QStringList{u"excerpt"_s};

    // tags: a set, merged without conflicts
    QTest::newRow("tags added on each side") << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"sync"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"cmake"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"sync"_s, u"cmake"_s};
    }) << QStringList{};
    QTest::newRow("tag removed by mine, tag added by theirs") << with([](ArticleText &a) {
        a.tags = {u"qt"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"cmake"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cmake"_s};
    }) << QStringList{};
    QTest::newRow("tag removed by theirs") << base << with([](ArticleText &a) { a.tags = {u"cpp"_s}; })
                                           << with([](ArticleText &a) { a.tags = {u"cpp"_s}; }) << QStringList{};
    QTest::newRow("same tag added on both sides in another case") << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"Linux"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"linux"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"Linux"_s};
    }) << QStringList{};
    QTest::newRow("a base tag in another case is not a removal") << with([](ArticleText &a) {
        a.tags = {u"Qt"_s, u"cpp"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"QT"_s, u"cpp"_s, u"git"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"Qt"_s, u"cpp"_s, u"git"_s};
    }) << QStringList{};
    QTest::newRow("removed by theirs, case changed by mine") << with([](ArticleText &a) {
        a.tags = {u"Qt"_s, u"cpp"_s};
    }) << with([](ArticleText &a) { a.tags = {u"cpp"_s}; }) << with([](ArticleText &a) { a.tags = {u"cpp"_s}; })
                                                             << QStringList{};
    QTest::newRow("mine's order first") << with([](ArticleText &a) {
        a.tags = {u"cpp"_s, u"qt"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"qt"_s, u"cpp"_s, u"docs"_s};
    }) << with([](ArticleText &a) {
        a.tags = {u"cpp"_s, u"qt"_s, u"docs"_s};
    }) << QStringList{};
    QTest::newRow("the same tag removed on both sides")
        << with([](ArticleText &a) { a.tags = {u"qt"_s}; }) << with([](ArticleText &a) { a.tags = {u"qt"_s}; })
        << with([](ArticleText &a) { a.tags = {u"qt"_s}; }) << QStringList{};
    QTest::newRow("all tags removed by mine, one added by theirs")
        << with([](ArticleText &a) { a.tags.clear(); }) << with([](ArticleText &a) {
               a.tags = {u"qt"_s, u"cpp"_s, u"new"_s};
           })
        << with([](ArticleText &a) { a.tags = {u"new"_s}; }) << QStringList{};

    // content
    QTest::newRow("content edits in different paragraphs")
        << with([](ArticleText &a) { a.content = u"Intro mine\n\nBody\n"_s; })
        << with([](ArticleText &a) { a.content = u"Intro\n\nBody theirs\n"_s; })
        << with([](ArticleText &a) { a.content = u"Intro mine\n\nBody theirs\n"_s; }) << QStringList{};
    QTest::newRow("content conflict") << with([](ArticleText &a) {
        a.content = u"Intro\n\nBody mine\n"_s;
    }) << with([](ArticleText &a) {
        a.content = u"Intro\n\nBody theirs\n"_s;
    }) << with([](ArticleText &a) {
        a.content = u"Intro\n\n<<<<<<< mine\nBody mine\n=======\nBody theirs\n>>>>>>> theirs\n"_s;
    }) << QStringList{u"content"_s};

    // several fields
    QTest::newRow("every field conflicts, tags still merge")
        << ArticleText{.title = u"T mine"_s,
                       .excerpt = u"E mine"_s,
                       .tags = {u"qt"_s, u"a"_s},
                       .content = u"C mine\n"_s}
        << ArticleText{.title = u"T theirs"_s,
                       .excerpt = u"E theirs"_s,
                       .tags = {u"cpp"_s, u"b"_s},
                       .content = u"C theirs\n"_s}
        << ArticleText{.title = u"T mine"_s,
                       .excerpt = u"E mine"_s,
                       .tags = {u"a"_s, u"b"_s},
                       .content = u"<<<<<<< mine\nC mine\n=======\nC theirs\n>>>>>>> theirs\n"_s}
        << QStringList{u"title"_s, u"excerpt"_s, u"content"_s};
    QTest::newRow("independent edits of every field") << ArticleText{.title = u"T mine"_s,
                                                                     .excerpt = u"Base excerpt"_s,
                                                                     .tags = {u"qt"_s, u"cpp"_s, u"mine"_s},
                                                                     .content = u"Intro mine\n\nBody\n"_s}
                                                      << ArticleText{.title = u"Base title"_s,
                                                                     .excerpt = u"E theirs"_s,
                                                                     .tags = {u"cpp"_s},
                                                                     .content = u"Intro\n\nBody theirs\n"_s}
                                                      << ArticleText{.title = u"T mine"_s,
                                                                     .excerpt = u"E theirs"_s,
                                                                     .tags = {u"cpp"_s, u"mine"_s},
                                                                     .content = u"Intro mine\n\nBody theirs\n"_s}
                                                      << QStringList{};
}

void TestTextMerge::mergeArticle()
{
    QFETCH(ArticleText, mine);
    QFETCH(ArticleText, theirs);
    QFETCH(ArticleText, merged);
    QFETCH(QStringList, conflictingFields);

    const inkwell::sync::ArticleMerge result = inkwell::sync::mergeArticle(baseArticle(), mine, theirs);
    QCOMPARE(result.merged, merged);
    QCOMPARE(result.conflictingFields, conflictingFields);
    QCOMPARE(result.clean, conflictingFields.isEmpty());
    QCOMPARE(result.content.clean, !conflictingFields.contains(u"content"_s));
    QCOMPARE(result.content.merged, merged.content);
}

QTEST_GUILESS_MAIN(TestTextMerge)
#include "tst_textmerge.moc"
