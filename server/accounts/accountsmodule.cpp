#include "accounts/accountsmodule.h"

#include "accounts/accountroutes.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

Module accountsModule()
{
    return {u"accounts"_s, {accountRoutes()}, {}, {}, {}};
}

} // namespace inkwell::server
