#pragma once

#include "wiring/module.h"

namespace inkwell::server::ai {

/// @brief AI: conversations and chat, the writing assists, the admin's AI figures and `/health/ai`; cancels
/// travel on `inkwell_ai_cancel`. At start, answers a previous process left unfinished are kept as failed.
Module aiModule();

} // namespace inkwell::server::ai
