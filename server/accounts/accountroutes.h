#pragma once

#include "http/listener.h"

namespace inkwell::server {

/// @brief The routes of api.md's Auth, Users and Admin users / audit log sections.
RouteRegistrar accountRoutes();

} // namespace inkwell::server
