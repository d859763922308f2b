#!/usr/bin/env bash
# The desktop app's benchmarks, against a real inkwelld (Release, bundled PostgreSQL), printed as tables:
#   - sync: the first sync of a large library into a fresh local store (store + FTS5 index), and an incremental
#     sync of one change (bench_sync);
#   - start: cold start of the main window to its first paint with that library, and resident memory (bench_start);
#   - editor: keystroke to repaint and preview refresh in a 200 KB article (bench_editor);
#   - chat: a delta arriving to it being painted, and the longest UI stall with 10 streams (bench_chat).
#
#   bash bench/run-desktop-bench.sh                  # 10,000 articles
#   BENCH_ARTICLES=2000 bash bench/run-desktop-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${BENCH_ARTICLES:-10000}

bash installer/install-deps.sh
# Release, with the test support library that bench_chat's fake AI upstream lives in (only these targets are built).
cmake --preset bench >/dev/null
cmake --build --preset bench --target inkwelld bench_sync bench_start bench_editor bench_chat >/dev/null

work=$(mktemp -d /tmp/inkwell-desktop-bench.XXXXXX)
chmod 711 "$work" # the bundled PostgreSQL runs as its own user when this runs as root
pid=""
cleanup() {
    [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
INKWELL_SIGNUP_ROLE=creator INKWELL_LOG_LEVEL=warning INKWELL_RATE_LIMIT_PER_MIN=0 \
    ./build/bench/server/inkwelld --data-dir "$work/server" --port "$port" >/dev/null 2>"$work/inkwelld.log" &
pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/health" && break; sleep 0.2; done

export QT_LOGGING_RULES="inkwell.*.debug=false"
echo "== sync: $ARTICLES articles (seeding them through the API first)" >&2
./build/bench/bench/bench_sync --server "$base" --articles "$ARTICLES" --data-dir "$work/app" \
    --account-out "$work/account.json"

echo
echo "== start: the main window with that library (three cold starts; the server is not needed)"
printf '%-52s %13s %12s\n' "measure" "value" "target"
for run in 1 2 3; do
    sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true # cold page cache when allowed (root)
    QT_QPA_PLATFORM=offscreen ./build/bench/bench/bench_start --data-dir "$work/app" --account "$work/account.json" \
        --server "$base" --launched-ns "$(date +%s%N)" | sed "s/^/run $run  /"
done

echo
echo "== editor: a 200 KB article"
QT_QPA_PLATFORM=offscreen ./build/bench/bench/bench_editor

echo
echo "== chat"
QT_QPA_PLATFORM=offscreen ./build/bench/bench/bench_chat
