#pragma once

#include "wiring/module.h"

namespace inkwell::server {

/// @brief Notifications: the list, the unread count, the live stream (on `inkwell_notifications`), and the
/// outbox handlers that write them (a welcome; a follower's new article).
Module notificationsModule();

} // namespace inkwell::server
