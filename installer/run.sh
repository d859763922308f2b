#!/usr/bin/env bash
# The run command: installs what is missing, builds Release, starts inkwelld with its bundled
# PostgreSQL, then the desktop app connected to it. With no display, only the server runs.
# Ctrl-C (or closing the app) stops everything, PostgreSQL included.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

log=$(mktemp -t inkwelld-stdout.XXXXXX)
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -f "$log"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

./build/release/server/inkwelld "$@" >"$log" &
server_pid=$!

url=""
for _ in $(seq 1 600); do
    url=$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$log" | head -n 1)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "run: inkwelld did not start (see its log above)" >&2; exit 1; }
    sleep 0.2
done
[ -n "$url" ] || { echo "run: inkwelld did not start within 2 minutes" >&2; exit 1; }

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    echo "Inkwell server listening on $url; starting the desktop app. Close it or press Ctrl-C to stop everything."
    ./build/release/app/inkwell --server "$url" || true
else
    echo "Inkwell server listening on $url (no display here, so the desktop app is not started)."
    echo "Press Ctrl-C to stop the server and its PostgreSQL."
    wait "$server_pid" || true
    server_pid=""
fi
