#!/usr/bin/env bash
# The test command: installs what is missing, builds Debug with ASan + UBSan and -Werror (and
# Release with -Werror), and runs the whole suite with ctest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
# The OpenAPI 3.1 validator and Prism (the contract check) the tests use, at the versions of
# tests/tools/package-lock.json.
if [ ! -d tests/tools/node_modules/@apidevtools/swagger-parser ] || [ ! -e tests/tools/node_modules/.bin/prism ]; then
    npm ci --silent --no-audit --no-fund --prefix tests/tools >/dev/null
fi
cmake --preset debug-asan
cmake --build --preset debug-asan
# Some warnings only appear with optimisation: the Release build must be warning-free as well.
cmake --preset release-werror >/dev/null
cmake --build --preset release-werror
ctest --preset debug-asan "$@"
