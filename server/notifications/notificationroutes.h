#pragma once

#include "http/listener.h"

namespace inkwell::server {

/// @brief The routes of api.md's Notifications section: list, unread count, mark read, mark all read,
/// and the `notification.created` stream. Every one needs a signed-in caller.
///
/// `POST /notifications/read-all` answers 200 `{"updated": n}` (how many were unread).
RouteRegistrar notificationRoutes();

} // namespace inkwell::server
