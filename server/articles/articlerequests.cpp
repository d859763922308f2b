#include "articles/articlerequests.h"

#include "domain/listquery.h"

#include "json/jsonreader.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

Result<api::ArticleListRequest> articleListRequest(const QUrlQuery &query)
{
    auto params = readListParams(query, {u"status"_s, u"author_id"_s, u"tag"_s, u"q"_s});
    if (!params)
        return std::unexpected(params.error());
    api::ArticleListRequest out;
    out.page = params->page;
    if (params->filters.contains(u"status"_s)) {
        out.status = articleStatusFromString(params->filters.value(u"status"_s));
        if (!out.status)
            return std::unexpected(Error::badRequest(u"status must be one of: %1."_s.arg(kArticleStatusNames)));
    }
    if (params->filters.contains(u"author_id"_s)) {
        out.authorId = parseId(params->filters.value(u"author_id"_s));
        if (!out.authorId)
            return std::unexpected(Error::badRequest(u"author_id must be a user id."_s));
    }
    out.tag = params->filters.value(u"tag"_s).trimmed();
    out.q = params->filters.value(u"q"_s).trimmed();
    if (out.tag.size() > 50 || out.q.size() > 200)
        return std::unexpected(Error::badRequest(u"tag or q is too long."_s));
    return out;
}

Result<api::SearchRequest> searchRequest(const QUrlQuery &query)
{
    auto params = readListParams(query, {u"q"_s});
    if (!params)
        return std::unexpected(params.error());
    if (!params->page.cursor.isEmpty())
        return std::unexpected(Error::badRequest(u"Search has one page; raise limit instead."_s));
    const QString text = params->filters.value(u"q"_s).trimmed();
    if (text.isEmpty() || text.size() > 200)
        return std::unexpected(Error::badRequest(u"q must be 1 to 200 characters."_s));
    return api::SearchRequest{text, params->page.limit};
}

Result<api::ChangesRequest> changesRequest(const QUrlQuery &query)
{
    api::ChangesRequest out;
    QStringList seen;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (seen.contains(name))
            return std::unexpected(Error::badRequest(u"The parameter '%1' is given more than once."_s.arg(name)));
        seen.append(name);
        if (name == u"since") {
            out.since = value == u"0" ? QString() : value;
        } else if (name == u"limit") {
            bool ok = false;
            out.limit = value.toInt(&ok);
            if (!ok || out.limit < 1 || out.limit > api::kMaxChangesLimit || !isPlainCount(value))
                return std::unexpected(
                    Error::badRequest(u"limit must be a whole number from 1 to %1."_s.arg(api::kMaxChangesLimit)));
        } else {
            return std::unexpected(
                Error::badRequest(u"Unknown query parameter '%1'; this feed takes since, limit."_s.arg(name)));
        }
    }
    return out;
}

} // namespace inkwell::server
