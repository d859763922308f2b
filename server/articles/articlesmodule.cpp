#include "articles/articlesmodule.h"

#include "articles/articlecache.h"
#include "articles/articleroutes.h"
#include "db/replica.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

Module articlesModule()
{
    return {u"articles"_s, {articleRoutes()}, {kArticlesChannel, kWritePositionsChannel}, {}, {}};
}

} // namespace inkwell::server
