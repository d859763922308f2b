#include "diffdocument.h"

#include "sync/textmerge.h"

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {

using Kind = TextPane::LineKind;
using Line = TextPane::Line;

int lineCount(QStringView text)
{
    if (text.isEmpty())
        return 0;
    const int breaks = int(text.count(u'\n'));
    return text.endsWith(u'\n') ? breaks : breaks + 1;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'\'';
}

QString number(int n, int width)
{
    return n > 0 ? QString::number(n).rightJustified(width) : QString(width, u' ');
}

} // namespace

std::array<int, 4> DiffDocument::changedWords(QStringView oldLine, QStringView newLine)
{
    const qsizetype shorter = qMin(oldLine.size(), newLine.size());
    qsizetype prefix = 0;
    while (prefix < shorter && oldLine.at(prefix) == newLine.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           oldLine.at(oldLine.size() - 1 - suffix) == newLine.at(newLine.size() - 1 - suffix))
        ++suffix;
    // Whole words: a change inside a word marks the word.
    while (prefix > 0 && isWordChar(oldLine.at(prefix - 1)))
        --prefix;
    while (suffix > 0 && isWordChar(oldLine.at(oldLine.size() - suffix)))
        --suffix;
    const qsizetype oldLength = oldLine.size() - prefix - suffix;
    const qsizetype newLength = newLine.size() - prefix - suffix;
    // Emphasis helps only when part of the line stayed: a line rewritten throughout is simply changed.
    const qsizetype kept = prefix + suffix;
    if (kept == 0 || kept * 5 < qMax(oldLine.size(), newLine.size()))
        return {-1, -1, -1, -1};
    return {int(prefix), int(oldLength), int(prefix), int(newLength)};
}

DiffDocument DiffDocument::build(QStringView before, QStringView after, int contextLines)
{
    DiffDocument doc;
    const QList<sync::DiffHunk> hunks = sync::diffLines(before, after, contextLines);
    if (hunks.isEmpty())
        return doc;
    const int oldTotal = lineCount(before);
    const int width = int(QString::number(qMax(oldTotal, lineCount(after))).size());

    // Returns a QString, not the QStringBuilder expression (which would refer to temporaries gone by then).
    const auto inlineLabel = [width](int oldNumber, int newNumber, QChar sign) -> QString {
        return number(oldNumber, width) % u' ' % number(newNumber, width) % u' ' % sign;
    };
    const auto separator = [&doc](int unchanged) {
        const QString text = tr("⋯ %n unchanged line(s)", nullptr, unchanged);
        const Line line{text, Kind::Separator, QString(), -1, 0};
        doc.inlineLines.append(line);
        doc.oldLines.append(line);
        doc.newLines.append(line);
    };
    const auto flushChange = [&](QList<sync::DiffLine> &removed, QList<sync::DiffLine> &added) {
        const qsizetype rows = qMax(removed.size(), added.size());
        QList<Line> inlineRemoved;
        QList<Line> inlineAdded;
        for (qsizetype i = 0; i < rows; ++i) {
            const sync::DiffLine *r = i < removed.size() ? &removed.at(i) : nullptr;
            const sync::DiffLine *a = i < added.size() ? &added.at(i) : nullptr;
            std::array<int, 4> words{-1, -1, -1, -1};
            if (r && a)
                words = changedWords(r->text, a->text);
            if (r) {
                const Line line{r->text, Kind::Removed, QString(), words[0], words[1]};
                doc.oldLines.append(Line{line.text, line.kind, number(r->oldNumber, width), words[0], words[1]});
                inlineRemoved.append(
                    Line{line.text, line.kind, inlineLabel(r->oldNumber, -1, u'\x2212'), words[0], words[1]});
            } else {
                doc.oldLines.append(Line{QString(), Kind::Filler, QString(), -1, 0});
            }
            if (a) {
                doc.newLines.append(Line{a->text, Kind::Added, number(a->newNumber, width), words[2], words[3]});
                inlineAdded.append(Line{a->text, Kind::Added, inlineLabel(-1, a->newNumber, u'+'), words[2], words[3]});
            } else {
                doc.newLines.append(Line{QString(), Kind::Filler, QString(), -1, 0});
            }
        }
        doc.inlineLines += inlineRemoved;
        doc.inlineLines += inlineAdded;
        doc.removed += int(removed.size());
        doc.added += int(added.size());
        removed.clear();
        added.clear();
    };

    int nextOld = 1; // the first old line not shown yet
    for (const sync::DiffHunk &hunk : hunks) {
        const int firstOld = hunk.oldLines == 0 ? hunk.oldStart + 1 : hunk.oldStart;
        // The hunk's first line in the old text: its first context or removed line.
        int hunkFirstOld = firstOld;
        for (const sync::DiffLine &line : hunk.lines) {
            if (line.oldNumber > 0) {
                hunkFirstOld = line.oldNumber;
                break;
            }
        }
        if (hunkFirstOld > nextOld)
            separator(hunkFirstOld - nextOld);

        QList<sync::DiffLine> removed;
        QList<sync::DiffLine> added;
        for (const sync::DiffLine &line : hunk.lines) {
            switch (line.kind) {
            case sync::DiffLine::Removed:
                if (!added.isEmpty())
                    flushChange(removed, added);
                removed.append(line);
                break;
            case sync::DiffLine::Added:
                added.append(line);
                break;
            case sync::DiffLine::Context:
                flushChange(removed, added);
                doc.inlineLines.append(
                    Line{line.text, Kind::Plain, inlineLabel(line.oldNumber, line.newNumber, u' '), -1, 0});
                doc.oldLines.append(Line{line.text, Kind::Plain, number(line.oldNumber, width), -1, 0});
                doc.newLines.append(Line{line.text, Kind::Plain, number(line.newNumber, width), -1, 0});
                break;
            }
            if (line.oldNumber > 0)
                nextOld = line.oldNumber + 1;
        }
        flushChange(removed, added);
        nextOld = qMax(nextOld, hunk.oldLines == 0 ? hunk.oldStart + 1 : hunk.oldStart + hunk.oldLines);
    }
    if (oldTotal >= nextOld)
        separator(oldTotal - nextOld + 1);
    return doc;
}

} // namespace inkwell::app
