#include "editor/listediting.h"

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}
} // namespace

LinePrefix linePrefix(QStringView line)
{
    LinePrefix p;
    const int n = int(line.size());
    int i = 0;
    // Quotes: `>` after at most three spaces, each with an optional space after it.
    for (;;) {
        int k = i;
        while (k < n && line[k] == u' ' && k - i < 3)
            ++k;
        if (k < n && line[k] == u'>') {
            p.isQuote = true;
            i = k + 1;
            if (i < n && isBlank(line[i]))
                ++i;
            continue;
        }
        break;
    }
    p.indentStart = i;
    int k = i;
    while (k < n && isBlank(line[k]))
        ++k;

    // A bullet or an ordered marker, followed by a space (or the end of the line: an empty item).
    int markerEnd = -1;
    QString nextMarker;
    if (k < n && (line[k] == u'-' || line[k] == u'+' || line[k] == u'*') && (k + 1 == n || isBlank(line[k + 1]))) {
        markerEnd = k + 1;
        nextMarker = line[k];
    } else {
        int d = k;
        qint64 number = 0;
        while (d < n && d - k < 9 && line[d] >= u'0' && line[d] <= u'9') {
            number = number * 10 + (line[d].unicode() - u'0');
            ++d;
        }
        if (d > k && d < n && (line[d] == u'.' || line[d] == u')') && (d + 1 == n || isBlank(line[d + 1]))) {
            markerEnd = d + 1;
            nextMarker = QString::number(number + 1) + line[d];
            p.ordered = true;
        }
    }
    if (markerEnd < 0) {
        p.contentStart = k;
        if (p.isQuote)
            p.continuation = line.first(p.indentStart).toString();
        return p;
    }
    // "* * *" and "- - -" are rules, not items.
    const QChar markerChar = line[k];
    if (!p.ordered) {
        int count = 0;
        bool rule = true;
        for (int j = k; j < n; ++j) {
            if (line[j] == markerChar)
                ++count;
            else if (!isBlank(line[j]))
                rule = false;
        }
        if (rule && count >= 3) {
            p.contentStart = k;
            if (p.isQuote)
                p.continuation = line.first(p.indentStart).toString();
            return p;
        }
    }

    p.isListItem = true;
    p.markerStart = k;
    p.markerLength = markerEnd - k;
    int content = markerEnd;
    while (content < n && isBlank(line[content]))
        ++content;
    QString spacing = line.sliced(markerEnd, content - markerEnd).toString();
    if (spacing.isEmpty())
        spacing = u" "_s;
    if (content + 2 < n && line[content] == u'[' && line[content + 2] == u']' &&
        (line[content + 1] == u' ' || line[content + 1] == u'x' || line[content + 1] == u'X') &&
        (content + 3 == n || isBlank(line[content + 3]))) {
        p.task = true;
        content += 3;
        while (content < n && isBlank(line[content]))
            ++content;
    }
    p.contentStart = content;
    p.continuation = line.first(k).toString() + nextMarker + spacing + (p.task ? u"[ ] "_s : QString());
    return p;
}

} // namespace inkwell::app
