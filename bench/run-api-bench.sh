#!/usr/bin/env bash
# The API against the seed's own stack, side by side in one run (issue: content). Seeds the same
# corpus into inkwelld (Release, bundled PostgreSQL) and into the reference
# (shared/anchors/seed-fastapi with its Redis cache, as the seed designs it), runs
# shared/bench/http-bench.sh against both, times paging through inkwelld's whole change feed,
# and prints one comparison table.
#
#   bash bench/run-api-bench.sh           # 10,000 articles, 20 users, 10 s per scenario
#   BENCH_ARTICLES=2000 BENCH_DURATION=5 bash bench/run-api-bench.sh    # a quicker look
#   BENCH_ARTICLES=50000 BENCH_USERS=50 bash bench/run-api-bench.sh     # the large corpus (issue 15)
#   BENCH_SKIP_REFERENCE=1 ...            # inkwelld only
#   BENCH_KEEP=/tmp/seeded-50k ...        # keep inkwelld's seeded data there; a later run with the same
#                                         # BENCH_KEEP skips seeding (with BENCH_SCENARIOS without "create",
#                                         # runs compare on the same corpus)
#   BENCH_REFERENCE_KEEP=/tmp/ref-50k ... # keep the reference's seeded stack there (reused when seeded for the
#                                         # same BENCH_USERS/BENCH_ARTICLES)
#   BENCH_INKWELLD=/path/to/inkwelld ...  # run this binary instead of building build/release's
#
# Seeding takes most of the time: seeding 50,000 articles into the reference takes ~13 minutes on this 2-core
# machine (more while other work runs), on top of seeding inkwelld (both times are printed at the end).
# After the comparison table comes the time of each page of the whole-feed walk (the first, every 5th and
# the last): flat from the first page to the last when every page is an index range read of its own rows.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${INKWELL_SHARED_DIR:-$ROOT/../shared}
ARTICLES=${BENCH_ARTICLES:-10000}
USERS=${BENCH_USERS:-20}
DURATION=${BENCH_DURATION:-10}
SKIP_REFERENCE=${BENCH_SKIP_REFERENCE:-0}
KEEP=${BENCH_KEEP:-}
REFERENCE_KEEP=${BENCH_REFERENCE_KEEP:-}
INKWELLD=${BENCH_INKWELLD:-}

bash installer/install-deps.sh
anchor_packages=(python3-fastapi python3-uvicorn python3-sqlalchemy python3-psycopg2 python3-passlib
    python3-bcrypt python3-jose python3-redis python3-hiredis redis-server python3-uvloop
    python3-httptools python3-markdown-it python3-email-validator wrk)
missing=()
for p in "${anchor_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -z "$INKWELLD" ]; then
    cmake --preset release >/dev/null
    cmake --build --preset release --target inkwelld >/dev/null
    INKWELLD=./build/release/server/inkwelld
fi

work=$(mktemp -d /tmp/inkwell-api-bench.XXXXXX)
chmod 711 "$work"
pid=""
cleanup() {
    [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    ANCHOR_RUN_DIR="${REFERENCE_KEEP:-$work/anchor}" bash "$SHARED/anchors/seed-fastapi/run.sh" stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# Where inkwelld's data and the seed's data file live: the run's own folder, or BENCH_KEEP's (kept).
store=$work
if [ -n "$KEEP" ]; then
    mkdir -p "$KEEP"
    store=$(cd "$KEEP" && pwd)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
# Access tokens outlive the seeding: a large seed takes longer than their default 15 minutes.
INKWELL_SIGNUP_ROLE=creator INKWELL_LOG_LEVEL=warning INKWELL_RATE_LIMIT_PER_MIN=0 INKWELL_ACCESS_TOKEN_TTL_S=86400 \
    "$INKWELLD" --data-dir "$store/inkwelld" --port "$port" >/dev/null 2>"$work/inkwelld.log" &
pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/health" && break; sleep 0.2; done

if [ -s "$store/inkwelld.json" ]; then
    echo "reusing the seeded data in $store" >&2
    seed_cxx="(reused)"
else
    echo "seeding inkwelld: $USERS users, $ARTICLES articles" >&2
    start=$(date +%s.%N)
    python3 "$SHARED/bench/seed-data.py" --base-url "$base" --users "$USERS" --articles "$ARTICLES" \
        --out "$store/inkwelld.json.part" >/dev/null
    mv "$store/inkwelld.json.part" "$store/inkwelld.json"
    seed_cxx=$(python3 -c "import time; print('%.1f' % (time.time() - $start))")
fi
PGPASSWORD=$(cat "$store/inkwelld/db-password") psql -q -h "$store/inkwelld/postgres" -p 5432 -U inkwell \
    -d inkwell -c 'VACUUM ANALYZE' -c 'CHECKPOINT' 2>/dev/null || echo "(VACUUM ANALYZE skipped)" >&2

# The whole change feed, page by page, as the desktop app does after a fresh install. Each page's time is
# kept (request to parsed JSON), split into the server's answer (request to the last byte read) and this
# client's JSON parse (Python's json, not the server's cost), and printed after the comparison table.
feed=$(python3 - "$base" "$store/inkwelld.json" "$work/feed-pages.txt" <<'PY'
import json, sys, time, urllib.request
base, data = sys.argv[1], json.load(open(sys.argv[2]))
# A writer, not the admin (who sees every draft too): published articles and the writer's own drafts.
user = next((u for u in data["users"] if u["role"] != "admin"), data["users"][0])
login = urllib.request.Request(f"{base}/api/v1/auth/login", method="POST",
                               data=json.dumps({"email": user["email"], "password": user["password"]}).encode(),
                               headers={"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(login))["access_token"]
cursor, entries, pages, size, t0 = "0", 0, 0, 0, time.time()
times = []
while True:
    t = time.time()
    req = urllib.request.Request(f"{base}/api/v1/sync/changes?limit=1000&since={cursor}",
                                 headers={"Authorization": "Bearer " + token})
    body = urllib.request.urlopen(req).read()
    fetched = time.time()
    page = json.loads(body)
    times.append(((time.time() - t) * 1000, (fetched - t) * 1000))
    entries += len(page["changes"]); pages += 1; cursor = page["cursor"]; size += len(body)
    if not page["has_more"]:
        break
print("%d entries in %d pages (%.0f MB): %.2f s; answers alone (request to last byte) %.2f s" % (
    entries, pages, size / 1e6, time.time() - t0, sum(f for _, f in times) / 1000))
with open(sys.argv[3], "w") as out:
    out.write("\n".join("%d %.1f %.1f" % (i + 1, ms, f) for i, (ms, f) in enumerate(times)) + "\n")
PY
)

BENCH_LABEL=inkwelld BENCH_JSON="$work/inkwelld-bench.json" bash "$SHARED/bench/http-bench.sh" "$base" \
    "$store/inkwelld.json" "$DURATION" >&2
# The read caches' counters after the load (evictions, database reads), to tell misses from queueing.
curl -fs "$base/metrics" | grep -E '^inkwell_(search|list)_' >&2 || true
# inkwelld's resident memory at the end of the run (the process; its bundled PostgreSQL is separate), and its peak.
memory=$(awk '/^VmRSS|^VmHWM/ {printf "%s %.0f MiB  ", $1, $2 / 1024}' "/proc/$pid/status")
cache_mb=$(curl -fs "$base/metrics" | awk '/^inkwell_article_cache_bytes / {printf "%.0f", $2 / 1048576}')
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""

if [ "$SKIP_REFERENCE" != 1 ]; then
    # BENCH_REFERENCE_KEEP=DIR keeps the reference's seeded stack there: a later run with the same corpus size
    # measures it again without the ~13 minutes of seeding 50,000 articles.
    export ANCHOR_RUN_DIR="${REFERENCE_KEEP:-$work/anchor}" ANCHOR_CACHE=redis
    bash "$SHARED/anchors/seed-fastapi/run.sh" start >/dev/null
    if [ -n "$REFERENCE_KEEP" ] && [ -s "$REFERENCE_KEEP/anchor.json" ] &&
        [ "$(cat "$REFERENCE_KEEP/seeded" 2>/dev/null)" = "$USERS/$ARTICLES" ]; then
        echo "the reference is seeded already ($REFERENCE_KEEP: $USERS users, $ARTICLES articles)" >&2
        cp "$REFERENCE_KEEP/anchor.json" "$work/anchor.json"
    else
        echo "seeding the reference: $USERS users, $ARTICLES articles" >&2
        start=$(date +%s.%N)
        python3 "$SHARED/bench/seed-data.py" --base-url http://127.0.0.1:18000 --users "$USERS" --articles "$ARTICLES" \
            --out "$work/anchor.json" >/dev/null
        seed_ref=$(python3 -c "import time; print('%.1f' % (time.time() - $start))")
        if [ -n "$REFERENCE_KEEP" ]; then
            cp "$work/anchor.json" "$REFERENCE_KEEP/anchor.json"
            echo "$USERS/$ARTICLES" > "$REFERENCE_KEEP/seeded"
        fi
    fi
    bash "$SHARED/anchors/seed-fastapi/run.sh" analyze >/dev/null
    BENCH_LABEL="seed stack + redis" BENCH_JSON="$work/anchor-bench.json" bash "$SHARED/bench/http-bench.sh" \
        http://127.0.0.1:18000 "$work/anchor.json" "$DURATION" >&2
    bash "$SHARED/anchors/seed-fastapi/run.sh" stop >/dev/null
fi

python3 - "$work/inkwelld-bench.json" "$work/anchor-bench.json" <<'PY'
import json, os, sys
ours = {r["scenario"]: r for r in json.load(open(sys.argv[1]))["results"]}
ref = {r["scenario"]: r for r in json.load(open(sys.argv[2]))["results"]} if os.path.exists(sys.argv[2]) else {}
target = {"article": 5, "list": 20, "search": 5, "create": 10, "me": 20}
print("%-8s %11s %9s %9s %7s | %11s %9s %9s %7s | %7s %7s" % (
    "scenario", "inkwelld/s", "p50 ms", "p99 ms", "errors", "seed/s", "p50 ms", "p99 ms", "errors", "ratio", "target"))
for name, r in ours.items():
    o = ref.get(name)
    errors = r["non2xx"] + r["socket_errors"]
    if o:
        print("%-8s %11.0f %9.2f %9.2f %7d | %11.0f %9.2f %9.2f %7d | %6.1fx %6s" % (
            name, r["rps"], r["p50_ms"], r["p99_ms"], errors, o["rps"], o["p50_ms"], o["p99_ms"],
            o["non2xx"] + o["socket_errors"], r["rps"] / o["rps"] if o["rps"] else 0,
            ("%dx" % target[name]) if name in target else "-"))
    else:
        print("%-8s %11.0f %9.2f %9.2f %7d |" % (name, r["rps"], r["p50_ms"], r["p99_ms"], errors))
PY
echo "change feed (inkwelld, limit=1000): $feed"
python3 - "$work/feed-pages.txt" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
times = {int(page): (float(ms), float(answer)) for page, ms, answer in rows}
last = max(times)
shown = sorted({1, last} | {p for p in times if p % 5 == 0})
print("feed page   " + " ".join("%6d" % p for p in shown))
print("time ms     " + " ".join("%6.0f" % times[p][0] for p in shown))
print("answer ms   " + " ".join("%6.0f" % times[p][1] for p in shown))
PY
echo "inkwelld at the end of the run: $memory(article cache ${cache_mb:-?} MiB)"
echo "seeding took: inkwelld ${seed_cxx} s${seed_ref:+, reference ${seed_ref} s}; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
