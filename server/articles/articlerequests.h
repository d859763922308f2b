#pragma once

#include "api/apitypes.h"
#include "domain/result.h"

#include <QUrlQuery>

namespace inkwell::server {

/// @brief The query strings of the article routes, read into core's requests (api.md: articles, search, sync).
/// A parameter a route does not take, a repeated one or a value of the wrong shape is a bad request; what depends
/// on the caller or the data (a cursor's list, who may list drafts) is the service's to check.

/// `?status=&author_id=&tag=&q=&limit=&cursor=` of GET /articles.
Result<api::ArticleListRequest> articleListRequest(const QUrlQuery &query);
/// `?q=&limit=` of GET /search (a cursor is refused: search has one page).
Result<api::SearchRequest> searchRequest(const QUrlQuery &query);
/// `?since=&limit=` of GET /sync/changes.
Result<api::ChangesRequest> changesRequest(const QUrlQuery &query);

} // namespace inkwell::server
