#pragma once

#include "wiring/module.h"

namespace inkwell::server {

/// @brief Articles: writing, revisions, tags, search, the change feed; its caches listen on `inkwell_articles`
/// (another instance's writes) and `inkwell_write_positions` (read-your-own-writes with a replica).
Module articlesModule();

} // namespace inkwell::server
