#include "conflictmarkers.h"

#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
constexpr int kDefaultSize = 7;
} // namespace

int MarkerScan::regionAt(int line) const
{
    for (qsizetype i = 0; i < regions.size(); ++i) {
        if (line >= regions.at(i).openLine && line <= regions.at(i).closeLine)
            return int(i);
    }
    return -1;
}

ConflictMarkers::ConflictMarkers(int size)
    : m_size(qMax(1, size))
    , m_open(QString(m_size, u'<') + u" mine"_s)
    , m_separator(m_size, u'=')
    , m_close(QString(m_size, u'>') + u" theirs"_s)
{
}

ConflictMarkers ConflictMarkers::detect(QStringView proposal)
{
    int size = 0;
    qsizetype start = 0;
    while (start < proposal.size()) {
        qsizetype end = proposal.indexOf(u'\n', start);
        if (end < 0)
            end = proposal.size();
        QStringView line = proposal.sliced(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.endsWith(u" mine") && line.startsWith(u'<')) {
            qsizetype run = 0;
            while (run < line.size() && line.at(run) == u'<')
                ++run;
            if (run >= kDefaultSize && run == line.size() - 5)
                size = qMax(size, int(run));
        }
        start = end + 1;
    }
    return ConflictMarkers(size > 0 ? size : kDefaultSize);
}

MarkerScan ConflictMarkers::scan(QStringView text) const
{
    enum class State { Outside, Mine, Theirs } state = State::Outside;
    MarkerScan result;
    MarkerRegion current;
    QString mine;
    QString theirs;
    const auto abandon = [&] {
        // The region being read is not complete: its marker lines so far are stray.
        if (state != State::Outside)
            result.strayLines.append(current.openLine);
        if (state == State::Theirs)
            result.strayLines.append(current.separatorLine);
        state = State::Outside;
    };

    int lineNumber = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        const bool lastLine = end < 0;
        if (lastLine)
            end = text.size();
        QStringView line = text.sliced(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString withBreak = line.toString() + u'\n';

        if (line == m_open) {
            abandon();
            state = State::Mine;
            current = MarkerRegion{};
            current.openLine = lineNumber;
            mine.clear();
            theirs.clear();
        } else if (line == m_separator) {
            if (state == State::Mine) {
                current.separatorLine = lineNumber;
                state = State::Theirs;
            } else {
                abandon();
                result.strayLines.append(lineNumber);
            }
        } else if (line == m_close) {
            if (state == State::Theirs) {
                current.closeLine = lineNumber;
                current.mine = mine;
                current.theirs = theirs;
                result.regions.append(current);
                state = State::Outside;
            } else {
                abandon();
                result.strayLines.append(lineNumber);
            }
        } else if (state == State::Mine) {
            mine += withBreak;
        } else if (state == State::Theirs) {
            theirs += withBreak;
        }

        if (lastLine)
            break;
        start = end + 1;
        ++lineNumber;
    }
    abandon();
    std::sort(result.strayLines.begin(), result.strayLines.end());
    return result;
}

QString ConflictMarkers::replacement(const MarkerRegion &region, Take take, bool endsText)
{
    QString text;
    switch (take) {
    case Take::Mine:
        text = region.mine;
        break;
    case Take::Theirs:
        text = region.theirs;
        break;
    case Take::Both:
        text = region.mine + region.theirs;
        break;
    }
    if (endsText && text.endsWith(u'\n'))
        text.chop(1);
    return text;
}

} // namespace inkwell::app
