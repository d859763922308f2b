#include "pathids.h"

namespace inkwell::server {

std::optional<QUuid> parseUuidPath(QStringView text)
{
    if (text.size() != 36)
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return std::nullopt;
    }
    const QUuid id = QUuid::fromString(text);
    if (id.isNull())
        return std::nullopt;
    return id;
}

std::optional<int> parsePositiveIntPath(QStringView text)
{
    if (text.isEmpty() || text.size() > 10 || text.front() == u'0')
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value > 2147483647)
        return std::nullopt;
    return int(value);
}

} // namespace inkwell::server
