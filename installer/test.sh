#!/usr/bin/env bash
# The test command: installs what is missing, builds Debug with ASan + UBSan and -Werror, and runs
# the whole suite with ctest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
cmake --preset debug-asan
cmake --build --preset debug-asan
ctest --preset debug-asan "$@"
