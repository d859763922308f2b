#pragma once

#include "http/listener.h"

namespace inkwell::server {

/// @brief The routes of api.md's Articles, Tags, Search and Sync sections, and the admin restore.
RouteRegistrar articleRoutes();

} // namespace inkwell::server
