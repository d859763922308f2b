#include "statsroutes.h"

#include "accounts/authedroutes.h"
#include "ai/aiusagestore.h"
#include "http/answers.h"
#include "http/formquery.h"
#include "http/jsonbody.h"

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

/// `days` (1..365, default 30); anything else in the query is 400.
std::expected<int, Problem> parseDays(const QUrlQuery &query)
{
    int days = 30;
    bool seen = false;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name != u"days"_s || seen)
            return std::unexpected(
                Problem::badRequest(u"Unknown or repeated query parameter '%1'; only days is taken."_s.arg(name)));
        seen = true;
        bool ok = false;
        days = value.toInt(&ok);
        const bool digits =
            !value.isEmpty() && std::all_of(value.begin(), value.end(), [](QChar c) { return c.isDigit(); });
        if (!ok || !digits || days < 1 || days > 365)
            return std::unexpected(Problem::badRequest(u"days must be a whole number from 1 to 365."_s));
    }
    return days;
}

} // namespace

RouteRegistrar statsRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        auto store = std::make_shared<AiUsageStore>(resources.db);
        AuthedRoutes authed(router, std::make_shared<AccountService>(resources.service, resources.db));
        authed.route(QHttpServerRequest::Method::Get, u"/api/v1/admin/stats"_s,
                     [store](const Caller &who, const QHttpServerRequest &request, RequestContext &context) {
                         if (!hasPermission(who.user().role, Permission::ViewStats))
                             return problemResponse(Problem::forbidden(u"Only administrators see the statistics."_s),
                                                    context);
                         const auto days = parseDays(formQuery(request));
                         if (!days)
                             return problemResponse(days.error(), context);
                         return answer(store->stats(*days), context,
                                       [](const api::AdminStats &stats) { return jsonResponse(api::toJson(stats)); });
                     },
                     {u"Users, articles, chat and AI numbers of the last ?days=1..365 days (default 30)"_s,
                      {},
                      {200, 400, 401, 403},
                      true,
                      u"admin"_s,
                      {},
                      {ResponseContent::json(200, u"AdminStats"_s)}});
    };
}

} // namespace inkwell::server::ai
