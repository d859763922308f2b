#!/usr/bin/env bash
# What password hashing costs and whether it stalls anyone else (issue: accounts).
# One inkwelld (Release, bundled PostgreSQL, default threads) on this machine; prints one table:
#   - POST /auth/login alone, one client after another: the latency of a login (Argon2id, t=2, 64 MiB);
#   - GET /health alone (8 connections): the baseline;
#   - GET /health (8 connections) while 20 clients log in without pause: does the listener stay responsive?
# Then whether a failed login's latency tells an unknown email from a known one
# (bench/auth/login-enumeration.py: medians of interleaved tries, one at a time, on the idle server;
# tst_accounts only checks this within a margin that holds on a loaded machine).
#
#   bash bench/run-auth-bench.sh            # 10 s per row (BENCH_DURATION), 200 login pairs (BENCH_LOGIN_PAIRS)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${BENCH_DURATION:-10}
LOGIN_PAIRS=${BENCH_LOGIN_PAIRS:-200}

bash installer/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target inkwelld >/dev/null

work=$(mktemp -d /tmp/inkwell-auth-bench.XXXXXX)
chmod 711 "$work"
pid=""
cleanup() {
    [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Loopback is a trusted proxy so that the enumeration tries can each come from their own address.
INKWELL_LOG_LEVEL=warning INKWELL_RATE_LIMIT_PER_MIN=0 INKWELL_TRUSTED_PROXIES=127.0.0.1 ./build/release/server/inkwelld \
    --data-dir "$work/data" --port "$port" >/dev/null 2>"$work/inkwelld.log" &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/health" && break; sleep 0.2; done

# First, while the server is idle: failed logins, unknown email against wrong password.
enumeration=$(python3 bench/auth/login-enumeration.py "$base" "$LOGIN_PAIRS")

body='{"email":"bench@example.com","password":"bench password 1234"}'
curl -fs -o /dev/null -H 'Content-Type: application/json' -X POST "$base/api/v1/auth/register" \
    -d '{"email":"bench@example.com","password":"bench password 1234","full_name":"Bench"}'
cat >"$work/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
LUA

rows=()
row() { # LABEL WRK-OUTPUT
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$2")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$2")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$2")
    errors=$(awk '/Non-2xx/ {print "non-2xx:" $4} /Socket errors/ {print $0}' <<<"$2" | tr '\n' ' ')
    rows+=("$(printf '%-44s %10s %10s %10s  %s' "$1" "$rps" "$p50" "$p99" "${errors:-}")")
}

row "login, 1 client" "$(wrk -t1 -c1 -d"${DURATION}s" --latency -s "$work/login.lua" "$base/api/v1/auth/login")"
row "/health, 8 connections, nothing else" "$(wrk -t1 -c8 -d"${DURATION}s" --latency "$base/health")"
wrk -t2 -c20 -d"$((DURATION + 4))s" --timeout 30s --latency -s "$work/login.lua" "$base/api/v1/auth/login" >"$work/logins.txt" &
logins=$!
sleep 2
row "/health, 8 connections, 20 logins running" "$(wrk -t1 -c8 -d"${DURATION}s" --latency "$base/health")"
wait "$logins"
row "login, 20 clients (same run)" "$(cat "$work/logins.txt")"

printf '%-44s %10s %10s %10s\n' "what" "req/s" "p50" "p99"
printf '%s\n' "${rows[@]}"
echo "cores: $(nproc); password workers: one per core (at least 2); Argon2id t=2, 64 MiB"
echo
echo "$enumeration"
