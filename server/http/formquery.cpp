#include "formquery.h"

#include "domain/listquery.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

QUrlQuery formQuery(const QHttpServerRequest &request)
{
    // QUrlQuery follows RFC 3986 and never reads '+' as a space (its documentation, "Handling of spaces
    // and plus"). In the fully encoded query a '+' can only be one the client wrote as is (a plus sign
    // in the text arrives as %2B), so it becomes %20 before QUrlQuery splits and decodes the items.
    QString query = request.url().query(QUrl::FullyEncoded);
    query.replace(u'+', u"%20"_s);
    return QUrlQuery(query);
}

Result<ListParams> readListParams(const QUrlQuery &query, const QStringList &filters)
{
    constexpr int kMaxLimit = 100;
    ListParams out;
    QStringList seen;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (seen.contains(name))
            return std::unexpected(Error::badRequest(u"The parameter '%1' is given more than once."_s.arg(name)));
        seen.append(name);
        if (name == u"limit") {
            bool ok = false;
            const int limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > kMaxLimit || !isPlainCount(value))
                return std::unexpected(
                    Error::badRequest(u"limit must be a whole number from 1 to %1."_s.arg(kMaxLimit)));
            out.page.limit = limit;
        } else if (name == u"cursor") {
            out.page.cursor = value;
        } else if (filters.contains(name)) {
            out.filters.insert(name, value);
        } else {
            const QString allowed = (QStringList{u"limit"_s, u"cursor"_s} + filters).join(u", "_s);
            return std::unexpected(
                Error::badRequest(u"Unknown query parameter '%1'; this list takes %2."_s.arg(name, allowed)));
        }
    }
    return out;
}

} // namespace inkwell::server
