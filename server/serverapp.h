#pragma once

namespace inkwell::server {

/// @brief inkwelld's whole command line: `serve` (default), `migrate [--status]`,
/// `--print-config`, `--version`. Returns the process exit code.
int inkwelldMain(int argc, char **argv);

} // namespace inkwell::server
