#!/usr/bin/env bash
# Fault drill: inkwelld killed with SIGKILL under write load, restarted (adopting the cluster) next to a second instance.
# Prints what was sent, what was acknowledged, what was found in the database afterwards and how many requests
# failed once the database was back (target 0). Needs a built inkwelld (cmake --build --preset debug --target
# inkwelld; another one with --binary or $INKWELLD), psql and PostgreSQL's server programs. Options: --help.
set -euo pipefail
exec python3 "$(dirname "$0")/faultkit.py" sigkill "$@"
