#!/usr/bin/env bash
# GET /health side by side, in one run on this machine: a bare QHttpServer hello-world
# (bench/hello, same SO_REUSEPORT threading, nothing else), inkwelld, each with 1, 2 and 4
# listener threads, and the seed stack's reference (shared/anchors/seed-fastapi). Prints one table.
#
#   bash bench/run-http-bench.sh            # 10 s per row (BENCH_DURATION), wrk -t2 -c64
#
# For a fair comparison every server runs without access logs (inkwelld: INKWELL_LOG_LEVEL=warning;
# the reference: uvicorn --no-access-log), and wrk shares the machine's cores with the server.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${INKWELL_SHARED_DIR:-$ROOT/../shared}
DURATION=${BENCH_DURATION:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WARMUP=${BENCH_WARMUP:-2}

bash installer/install-deps.sh
# The reference stack's packages (shared/anchors/seed-fastapi/README.md).
anchor_packages=(python3-fastapi python3-uvicorn python3-sqlalchemy python3-psycopg2 python3-passlib
    python3-bcrypt python3-jose python3-redis python3-hiredis redis-server python3-uvloop
    python3-httptools python3-markdown-it python3-email-validator)
missing=()
for p in "${anchor_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake --preset release >/dev/null
cmake --build --preset release --target inkwelld bench_hello >/dev/null

work=$(mktemp -d /tmp/inkwell-bench.XXXXXX)
chmod 711 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    ANCHOR_RUN_DIR="$work/anchor" bash "$SHARED/anchors/seed-fastapi/run.sh" stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # URL
    for _ in $(seq 1 300); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
    echo "bench: $1 did not come up" >&2; return 1
}
rows=()
last_rps=""
measure() { # LABEL URL [BASELINE_RPS]
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$2" >/dev/null 2>&1 || true
    local out rps p50 p99 errors
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $4} /Socket errors/ {print "socket:" $0}' <<<"$out" | tr '\n' ' ')
    local share=""
    [ -n "${3:-}" ] && share=$(awk -v a="$rps" -v b="$3" 'BEGIN { printf "%.0f %%", 100 * a / b }')
    rows+=("$(printf '%-34s %12s %10s %10s %10s  %s' "$1" "$rps" "$p50" "$p99" "$share" "${errors:-}")")
    last_rps=$rps
    echo "  $1: $rps req/s" >&2
}

for threads in 1 2 4; do
    port=$(free_port)
    ./build/release/bench/bench_hello "$port" "$threads" >/dev/null &
    pids+=($!); pid=$!
    wait_for "http://127.0.0.1:$port/health"
    measure "bare QHttpServer, $threads thread(s)" "http://127.0.0.1:$port/health"
    bare_rps=$last_rps
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true

    port=$(free_port)
    INKWELL_LOG_LEVEL=warning INKWELL_RATE_LIMIT_PER_MIN=0 ./build/release/server/inkwelld \
        --data-dir "$work/inkwelld" --port "$port" --threads "$threads" >/dev/null 2>"$work/inkwelld.log" &
    pids+=($!); pid=$!
    wait_for "http://127.0.0.1:$port/health"
    measure "inkwelld, $threads thread(s)" "http://127.0.0.1:$port/health" "$bare_rps"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
done

anchor_port=$(free_port)
ANCHOR_RUN_DIR="$work/anchor" ANCHOR_PORT="$anchor_port" ANCHOR_PG_PORT="$(free_port)" \
    bash "$SHARED/anchors/seed-fastapi/run.sh" start >"$work/anchor.log" 2>&1
wait_for "http://127.0.0.1:$anchor_port/health"
measure "seed stack (FastAPI, 2 workers)" "http://127.0.0.1:$anchor_port/health"

echo
echo "GET /health — wrk -t2 -c$CONNECTIONS, ${DURATION}s per row, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-34s %12s %10s %10s %10s  %s\n' "server" "req/s" "p50" "p99" "vs bare" "errors"
printf '%s\n' "${rows[@]}"
