#include "sse/ssewriter.h"

#include <QJsonDocument>
#include <QString>

namespace inkwell::sse {

namespace {

/// @p text without the characters that would end its line (and NUL when @p dropNul).
QByteArray singleLine(QStringView text, bool dropNul)
{
    QString cleaned;
    cleaned.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\r' || c == u'\n' || (dropNul && c == u'\0'))
            continue;
        cleaned.append(c);
    }
    return cleaned.toUtf8();
}

/// Writes "<prefix> <line>\n" (or "<prefix>\n" for an empty line) for each line of @p text;
/// @p prefix is "data:" or ":".
void appendLines(QByteArray &out, QByteArrayView prefix, QStringView text)
{
    qsizetype start = 0;
    qsizetype i = 0;
    const auto appendLine = [&](QStringView line) {
        out.append(prefix);
        if (!line.isEmpty()) {
            out.append(' ');
            out.append(line.toUtf8());
        }
        out.append('\n');
    };
    while (i < text.size()) {
        const QChar c = text[i];
        if (c != u'\r' && c != u'\n') {
            ++i;
            continue;
        }
        appendLine(text.sliced(start, i - start));
        i += (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') ? 2 : 1;
        start = i;
    }
    appendLine(text.sliced(start));
}

void appendType(QByteArray &out, QStringView type)
{
    const QByteArray cleaned = singleLine(type, false);
    if (cleaned.isEmpty() || cleaned == QByteArrayView("message"))
        return;
    out.append("event: ");
    out.append(cleaned);
    out.append('\n');
}

} // namespace

QByteArray encode(const Event &event)
{
    QByteArray out;
    out.reserve(event.data.size() + 32);
    appendType(out, event.type);
    if (const QByteArray id = singleLine(event.id, true); !id.isEmpty()) {
        out.append("id: ");
        out.append(id);
        out.append('\n');
    }
    if (event.retryMs && *event.retryMs >= 0) {
        out.append("retry: ");
        out.append(QByteArray::number(*event.retryMs));
        out.append('\n');
    }
    appendLines(out, "data:", event.data);
    out.append('\n');
    return out;
}

QByteArray encodeComment(QStringView text)
{
    QByteArray out;
    appendLines(out, ":", text);
    out.append('\n');
    return out;
}

QByteArray encode(QStringView type, const QJsonObject &payload)
{
    QByteArray out;
    appendType(out, type);
    // Compact JSON is one line: newlines inside strings are escaped as \n.
    out.append("data: ");
    out.append(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    out.append("\n\n");
    return out;
}

} // namespace inkwell::sse
