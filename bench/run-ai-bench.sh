#!/usr/bin/env bash
# AI streaming through inkwelld, in one run (issue: AI). Builds the Release inkwelld and the tests'
# fake upstream as a program (bench/ai/fakeupstream-main.cpp), then:
#  1. time to the first streamed delta over BENCH_AI_REQUESTS requests (default 100), one at a time:
#     through inkwelld (a chat message, SSE) against the same fake upstream read directly, for the
#     OpenAI-compatible and the Gemini wire format;
#  2. BENCH_AI_STREAMS chat answers (default 500) streamed at once (20 chunks 100 ms apart each, so
#     they are all open together), every one read to message.done and then read back from the API as
#     stored; inkwelld's resident memory before, at its peak and after;
#  3. the upstream keep-alive pool: time to the first delta against a TLS fake upstream (a
#     self-signed certificate made with openssl, trusted through INKWELL_AI_CA_FILE), through two
#     inkwelld at once, one keeping upstream connections (INKWELL_AI_KEEPALIVE_S=30) and one opening
#     a new TCP + TLS connection for every answer (INKWELL_AI_KEEPALIVE_S=0), requests interleaved.
# BENCH_AI_PARTS picks parts (default "ttfd concurrent pool"); BENCH_AI_POOL_REQUESTS (default 100)
# sizes part 3; BENCH_AI_PRESET builds and runs another CMake preset than release (e.g. debug, for a
# quick look on a machine where a release build is not at hand).
# Quotas are lifted for the run (INKWELL_AI_REQUESTS_PER_MIN=0, tokens 0 = unlimited): one user sends
# everything. Run it on a quiet machine:   bash bench/run-ai-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REQUESTS=${BENCH_AI_REQUESTS:-100}
STREAMS=${BENCH_AI_STREAMS:-500}
PARTS=${BENCH_AI_PARTS:-ttfd concurrent pool}
POOL_REQUESTS=${BENCH_AI_POOL_REQUESTS:-100}
PRESET=${BENCH_AI_PRESET:-release}
part() { [[ " $PARTS " == *" $1 "* ]]; }

bash installer/install-deps.sh
cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" --target inkwelld bench_fake_upstream >/dev/null

work=$(mktemp -d /tmp/inkwell-ai-bench.XXXXXX)
chmod 711 "$work"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_fake PROVIDER DELAY_MS [--tls] → sets fake_url (and fake_ca with --tls)
start_fake() {
    ./build/$PRESET/bench/bench_fake_upstream --provider "$1" --chunks 20 --delay-ms "$2" ${3:-} >"$work/fake.out" &
    pids+=($!)
    for _ in $(seq 1 200); do grep -q '^listening on' "$work/fake.out" 2>/dev/null && break; sleep 0.05; done
    local scheme=http
    [[ "${3:-}" == --tls ]] && scheme=https
    fake_url="$scheme://127.0.0.1:$(awk '/^listening on/ {print $3}' "$work/fake.out")"
    fake_ca=$(awk '/^certificate/ {print $2}' "$work/fake.out")
}

# start_inkwelld PROVIDER FAKE_URL [DATA_DIR_NAME [VAR=VALUE...]] → sets base, server_pid
start_inkwelld() {
    local port; port=$(free_port)
    local dir=${3:-inkwelld}
    base="http://127.0.0.1:$port"
    env INKWELL_AI_PROVIDER="$1" INKWELL_AI_BASE_URL="$2" INKWELL_AI_API_KEY=bench-key INKWELL_AI_MODEL=bench-model \
    INKWELL_AI_REQUESTS_PER_MIN=0 INKWELL_AI_TOKENS_PER_DAY=viewer=0,creator=0,admin=0 \
    INKWELL_RATE_LIMIT_PER_MIN=0 INKWELL_MAX_CONNECTIONS_PER_IP=4000 INKWELL_LOG_LEVEL=warning "${@:4}" \
        ./build/$PRESET/server/inkwelld --data-dir "$work/$dir" --port "$port" >/dev/null 2>>"$work/inkwelld.log" &
    server_pid=$!
    pids+=($server_pid)
    for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/health" && return 0; sleep 0.2; done
    echo "inkwelld did not start:" >&2
    tail -5 "$work/inkwelld.log" >&2
    exit 1
}

stop_all() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    pids=()
}

token() {
    python3 - "$base" <<'PY'
import json, sys, urllib.request, urllib.error
base = sys.argv[1]
body = {"email": "bench@example.com", "password": "a long benchmark passphrase", "full_name": "Bench"}
def call(path, data):
    request = urllib.request.Request(base + path, data=json.dumps(data).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as error:
        if error.code == 409:
            return None
        raise
answer = call("/api/v1/auth/register", body) or call("/api/v1/auth/login", {k: body[k] for k in ("email", "password")})
print(answer["access_token"])
PY
}

for provider in openai gemini; do
    part ttfd || continue
    echo "time to first delta: $provider, $REQUESTS requests" >&2
    start_fake "$provider" 5
    start_inkwelld "$provider" "$fake_url"
    python3 bench/ai/ai-load.py ttfd --inkwelld "$base" --token "$(token)" --fake "$fake_url" \
        --provider "$provider" --requests "$REQUESTS" >"$work/ttfd-$provider.json"
    stop_all
done

if part concurrent; then
    echo "$STREAMS concurrent streams" >&2
    start_fake openai 100
    start_inkwelld openai "$fake_url"
    expect=$(python3 -c 'print("".join(f"word{i} " for i in range(20)), end="")')
    python3 bench/ai/ai-load.py concurrent --inkwelld "$base" --token "$(token)" --streams "$STREAMS" \
        --pid "$server_pid" --expect "$expect" >"$work/concurrent.json"
    stop_all
fi

if part pool; then
    echo "upstream keep-alive pool against a TLS fake upstream, $POOL_REQUESTS requests each" >&2
    start_fake gemini 5 --tls
    start_inkwelld gemini "$fake_url" pooled INKWELL_AI_CA_FILE="$fake_ca" INKWELL_AI_KEEPALIVE_S=30
    with_base=$base with_token=$(token)
    start_inkwelld gemini "$fake_url" unpooled INKWELL_AI_CA_FILE="$fake_ca" INKWELL_AI_KEEPALIVE_S=0
    without_base=$base without_token=$(token)
    python3 bench/ai/ai-load.py pool --with "$with_base" --with-token "$with_token" --without "$without_base" \
        --without-token "$without_token" --provider gemini --requests "$POOL_REQUESTS" >"$work/pool.json"
    stop_all
fi

python3 - "$work" "$(nproc)" <<'PY'
import json, os, sys
work, cores = sys.argv[1], sys.argv[2]
if os.path.exists(f"{work}/ttfd-openai.json"):
    print("time to first delta (ms), one request at a time")
    print(f"{'provider':<9} {'path':<22} {'median':>7} {'p90':>7} {'p99':>7} {'n':>4}")
for provider in ("openai", "gemini") if os.path.exists(f"{work}/ttfd-openai.json") else ():
    r = json.load(open(f"{work}/ttfd-{provider}.json"))
    for label, key in (("fake upstream direct", "direct"), ("through inkwelld", "inkwelld")):
        s = r[key]
        print(f"{provider:<9} {label:<22} {s['median_ms']:7.2f} {s['p90_ms']:7.2f} {s['p99_ms']:7.2f} {s['n']:4d}")
    print(f"{provider:<9} {'added by inkwelld':<22} {r['added_median_ms']:7.2f}   (target <= 5 ms at the median)")
if os.path.exists(f"{work}/concurrent.json"):
    c = json.load(open(f"{work}/concurrent.json"))
    print()
    print(f"{c['streams']} concurrent chat streams (20 chunks, 100 ms apart)")
    print(f"  completed {c['completed']}, errors {c['errors']}, open at once (max) {c['open_at_once_max']}, "
          f"wall {c['wall_s']:.1f} s, stored complete {c['stored_complete']}/{c['streams']}")
    print(f"  inkwelld RSS: before {c['rss_before_mib']:.1f} MiB, peak {c['rss_peak_mib']:.1f} MiB, "
          f"after {c['rss_after_mib']:.1f} MiB; peak growth {c['growth_peak_mib']:.1f} MiB (target <= 150 MiB)")
    if c["first_errors"]:
        print("  first errors:", c["first_errors"])
if os.path.exists(f"{work}/pool.json"):
    p = json.load(open(f"{work}/pool.json"))
    print()
    print("time to first delta (ms) through inkwelld, TLS fake upstream (gemini), requests interleaved")
    print(f"{'upstream connections':<40} {'median':>7} {'p90':>7} {'p99':>7} {'n':>4}")
    for label, key in (("kept alive (INKWELL_AI_KEEPALIVE_S=30)", "with_pool"),
                       ("new per call (INKWELL_AI_KEEPALIVE_S=0)", "without_pool")):
        s = p[key]
        print(f"{label:<40} {s['median_ms']:7.2f} {s['p90_ms']:7.2f} {s['p99_ms']:7.2f} {s['n']:4d}")
    print(f"{'saved by the pool (median)':<40} {p['saved_median_ms']:7.2f}")
print(f"cores: {cores}")
PY
