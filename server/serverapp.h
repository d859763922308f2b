#pragma once

namespace inkwell::server {

/// @brief inkwelld's whole command line: `serve` (default), `migrate [--status]`,
/// `create-admin`, `backup FILE`, `restore FILE [--force]`, `--print-config`, `--version`. Returns the exit code.
int inkwelldMain(int argc, char **argv);

} // namespace inkwell::server
