#pragma once

#include "wiring/module.h"

namespace inkwell::server {

/// @brief Accounts: sign-up, sign-in, sessions, profiles, followers, the admin's users and audit log.
Module accountsModule();

} // namespace inkwell::server
