#include "jsonextract.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace inkwell::server::ai {

namespace {

/// The index one past the `}` that closes the `{` at `open` (strings and escapes respected), or -1.
qsizetype closingBrace(QStringView text, qsizetype open)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"')
            inString = true;
        else if (c == u'{')
            ++depth;
        else if (c == u'}' && --depth == 0)
            return i + 1;
    }
    return -1;
}

} // namespace

std::optional<QJsonObject> extractJsonObject(QStringView text)
{
    // Bounded work: at most this many candidate openings are tried.
    constexpr int kMaxAttempts = 64;
    qsizetype from = 0;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        const qsizetype open = text.indexOf(u'{', from);
        if (open < 0)
            return std::nullopt;
        const qsizetype end = closingBrace(text, open);
        if (end < 0)
            return std::nullopt;
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(text.sliced(open, end - open).toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            return document.object();
        from = open + 1;
    }
    return std::nullopt;
}

} // namespace inkwell::server::ai
