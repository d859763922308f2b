#include "health/healthmodule.h"

#include "health/healthroutes.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

Module healthModule()
{
    return {u"health"_s, {healthRoutes()}, {}, {}, {}};
}

} // namespace inkwell::server
