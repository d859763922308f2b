#!/usr/bin/env bash
# Several instances (issue 14, item 2): one inkwelld vs two side by side behind nginx (the shipped
# installer/nginx/inkwell.conf, only ports and paths substituted), on one PostgreSQL; then list and
# search with and without a streaming read replica (pg_basebackup on a second port). Also checks
# coherence through nginx: a notification stream opened through one instance gets the events of
# writes made through the other, at once (unbuffered), each exactly once.
#
#   bash bench/run-cluster-bench.sh                 # 10,000 articles, 20 users, 60 s per scenario
#   BENCH_ARTICLES=1000 BENCH_DURATION=5 bash bench/run-cluster-bench.sh     # a quicker look
#
# Settings: BENCH_ARTICLES [10000], BENCH_USERS [20], BENCH_DURATION [60] (seconds per scenario),
# BENCH_CONNECTIONS [64], BENCH_THREADS_PER_INSTANCE [INKWELL_THREADS of each inkwelld; 2 x cores].
# Scenarios: those of shared/bench/http-bench.sh (anonymous article, list, search; create; me) and two of
# this script that no cache answers: "search-user" (search as a signed-in user: the published hits come
# from the shared cache, the caller's own drafts are read each time) and "drafts" (a writer's own drafts).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${INKWELL_SHARED_DIR:-$ROOT/../shared}
ARTICLES=${BENCH_ARTICLES:-10000}
USERS=${BENCH_USERS:-20}
DURATION=${BENCH_DURATION:-60}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS_PER_INSTANCE:-}

bash installer/install-deps.sh
missing=()
for p in nginx wrk curl python3; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
cmake --preset release >/dev/null
cmake --build --preset release --target inkwelld >/dev/null
INKWELLD=$ROOT/build/release/server/inkwelld
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

work=$(mktemp -d /tmp/inkwell-cluster-bench.XXXXXX)
chmod 755 "$work"
AS=""
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; fi
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    [ -f "$work/nginx/nginx.pid" ] && "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
    for d in replica primary; do
        [ -f "$work/$d/data/postmaster.pid" ] && $AS "$PGBIN/pg_ctl" -D "$work/$d/data" -m fast -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---- PostgreSQL: one primary (wal_level=replica) and, later, a streaming replica of it
pg_port=$(free_port)
mkdir -p "$work/primary"
[ -n "$AS" ] && chown postgres "$work/primary"
$AS "$PGBIN/initdb" -D "$work/primary/data" -U inkwell --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
$AS sh -c "cat >> '$work/primary/data/postgresql.conf'" <<EOF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = ''
max_connections = 300
shared_buffers = 256MB
wal_level = replica
max_wal_senders = 4
EOF
$AS "$PGBIN/pg_ctl" -D "$work/primary/data" -l "$work/primary/server.log" -w start >/dev/null
psql -q -h 127.0.0.1 -p "$pg_port" -U inkwell -d postgres -c 'CREATE DATABASE inkwell' >/dev/null
DB_URL="postgres://inkwell@127.0.0.1:$pg_port/inkwell"
sql() { psql -qAt -h 127.0.0.1 -p "$1" -U inkwell -d inkwell -c "$2"; }

start_replica() {
    rep_port=$(free_port)
    mkdir -p "$work/replica"
    [ -n "$AS" ] && chown postgres "$work/replica"
    $AS "$PGBIN/pg_basebackup" -d "host=127.0.0.1 port=$pg_port user=inkwell" -D "$work/replica/data" -R -X stream \
        -c fast
    $AS sh -c "printf 'port = %s\n' $rep_port >> '$work/replica/data/postgresql.auto.conf'"
    $AS "$PGBIN/pg_ctl" -D "$work/replica/data" -l "$work/replica/server.log" -w start >/dev/null
    REPLICA_URL="postgres://inkwell@127.0.0.1:$rep_port/inkwell"
}

# ---- inkwelld instances (same database, same token key)
key="$work/jwt.key"
inst_ports=()
start_instances() { # N [replica url]
    local n=$1 replica=${2:-}
    inst_ports=()
    for i in $(seq 1 "$n"); do
        local port
        port=$(free_port)
        mkdir -p "$work/inkwelld$i"
        env INKWELL_DATABASE_URL="$DB_URL" INKWELL_DATABASE_REPLICA_URL="$replica" INKWELL_JWT_SECRET_FILE="$key" \
            INKWELL_SIGNUP_ROLE=creator INKWELL_LOG_LEVEL=warning INKWELL_RATE_LIMIT_PER_MIN=0 \
            INKWELL_TRUSTED_PROXIES=127.0.0.1 ${THREADS:+INKWELL_THREADS=$THREADS} \
            "$INKWELLD" --data-dir "$work/inkwelld$i" --port "$port" >/dev/null 2>>"$work/inkwelld$i.log" &
        pids+=($!)
        for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done
        curl -fs -o /dev/null "http://127.0.0.1:$port/health"
        inst_ports+=("$port")
    done
}
stop_instances() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    pids=()
}

# ---- nginx with the shipped example: upstream ports, the listen port and paths substituted
nginx_port=$(free_port)
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
start_nginx() { # uses inst_ports
    local site="$work/nginx/inkwell.conf"
    # One server line per running instance (the example's 8081/8082 lines are the template), the listen port.
    python3 - "$ROOT/installer/nginx/inkwell.conf" "$site" "$nginx_port" "${inst_ports[@]}" <<'PY'
import re, sys
src, dst, listen, ports = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
text = open(src).read()
lines = text.split("\n")
servers = [i for i, l in enumerate(lines) if re.match(r"\s*server 127\.0\.0\.1:808[12]\b", l)]
template = lines[servers[0]]
new = [template.replace("8081", p) for p in ports]
lines = lines[:servers[0]] + new + lines[servers[-1] + 1:]
text = "\n".join(lines)
text = text.replace("listen 80;", "listen 127.0.0.1:%s;" % listen).replace("    listen [::]:80;\n", "")
open(dst, "w").write(text)
PY
    cat > "$work/nginx/nginx.conf" <<EOF
user root;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    include $site;
}
EOF
    if [ -f "$work/nginx/nginx.pid" ]; then
        "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" -s reload
        sleep 1
    else
        "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf"
    fi
    for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/health" && break; sleep 0.1; done
}
BASE="http://127.0.0.1:$nginx_port"

# ---- scenarios: http-bench.sh's, plus this script's uncached ones
cat > "$work/wrk-search-user.lua" <<'LUA'
-- GET /api/v1/search?q={random term} as a random signed-in user (own drafts are read each time)
local C = dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/bench-common.lua")
setup = C.setup
local terms, tokens, headers
function init(args)
  C.seed()
  terms = C.read_lines("search_terms.txt")
  tokens = C.read_lines("tokens_all.txt")
  headers = C.headers()
end
function request()
  headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]
  return wrk.format("GET", C.prefix .. "/api/v1/search?q=" .. terms[math.random(#terms)], headers)
end
function done(summary, latency, requests) C.done("search-user", summary, latency) end
LUA
cat > "$work/wrk-drafts.lua" <<'LUA'
-- GET /api/v1/articles?status=draft&limit=20 as a random writer (never cached)
local C = dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/bench-common.lua")
setup = C.setup
local tokens, headers
function init(args)
  C.seed()
  tokens = C.read_lines("tokens_all.txt")
  headers = C.headers()
end
function request()
  headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]
  return wrk.format("GET", C.prefix .. "/api/v1/articles?status=draft&limit=20", headers)
end
function done(summary, latency, requests) C.done("drafts", summary, latency) end
LUA
extra_scenarios() { # LABEL OUT.jsonl SCENARIO...
    local label=$1 out=$2
    shift 2
    python3 - "$BASE" "$work/data.json" "$work/extra" <<'PY'
import json, os, sys, urllib.parse, urllib.request
base, datafile, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
data = json.load(open(datafile))
open(work + "/search_terms.txt", "w").write("\n".join(urllib.parse.quote_plus(t) for t in data["search_terms"]) + "\n")
tokens = []
for u in data["users"]:
    req = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                 data=json.dumps({"email": u["email"], "password": u["password"]}).encode(),
                                 headers={"Content-Type": "application/json"})
    tokens.append(json.load(urllib.request.urlopen(req))["access_token"])
open(work + "/tokens_all.txt", "w").write("\n".join(tokens) + "\n")
PY
    for s in "$@"; do
        BENCH_LUA_DIR="$SHARED/bench" BENCH_DIR="$work/extra" \
            wrk -t2 -c"$CONNECTIONS" -d2s -s "$work/wrk-$s.lua" "$BASE/" >/dev/null
        echo "running $s for ${DURATION}s (2 threads, $CONNECTIONS connections)" >&2
        BENCH_LUA_DIR="$SHARED/bench" BENCH_DIR="$work/extra" \
            wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$work/wrk-$s.lua" "$BASE/" \
            | grep '^@@BENCH ' | sed 's/^@@BENCH //' >>"$out"
    done
}
run_config() { # NAME SCENARIOS(comma, of http-bench.sh) EXTRA...
    local name=$1 standard=$2
    shift 2
    # The same corpus for every configuration: what "create" added before goes (every reference cascades).
    sql "$pg_port" "DELETE FROM articles WHERE title LIKE 'Bench %'" >/dev/null
    sql "$pg_port" 'VACUUM ANALYZE' >/dev/null
    : >"$work/$name.jsonl"
    if [ -n "$standard" ]; then
        BENCH_SCENARIOS="$standard" BENCH_CONNECTIONS="$CONNECTIONS" BENCH_LABEL="$name" \
            BENCH_JSON="$work/$name.json" bash "$SHARED/bench/http-bench.sh" "$BASE" "$work/data.json" "$DURATION" >&2
        python3 -c 'import json,sys; [print(json.dumps(r)) for r in json.load(open(sys.argv[1]))["results"]]' \
            "$work/$name.json" >>"$work/$name.jsonl"
    fi
    [ $# -gt 0 ] && extra_scenarios "$name" "$work/$name.jsonl" "$@"
    return 0
}

# ---- seed once (through nginx, one instance), then the configurations
start_instances 1
start_nginx
echo "seeding: $USERS users, $ARTICLES articles" >&2
python3 "$SHARED/bench/seed-data.py" --base-url "$BASE" --users "$USERS" --articles "$ARTICLES" \
    --out "$work/data.json" >/dev/null
sql "$pg_port" 'CHECKPOINT' >/dev/null

ALL=article,list,search,create,me
run_config one "$ALL" search-user drafts
stop_instances
start_instances 2
start_nginx

# ---- coherence through nginx: a stream on one instance, writes through each instance directly
coherence=$(python3 - "$BASE" "$work/data.json" "${inst_ports[@]}" <<'PY'
import http.client, json, sys, threading, time, urllib.request, urllib.parse
base, datafile, ports = sys.argv[1], sys.argv[2], sys.argv[3:]
data = json.load(open(datafile))
def call(url, method="GET", body=None, token=None):
    h = {"Content-Type": "application/json"}
    if token: h["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, method=method, headers=h, data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=30) as r:
        raw = r.read()
        return json.loads(raw) if raw else None
def login(u):
    return call(base + "/api/v1/auth/login", "POST", {"email": u["email"], "password": u["password"]})
writers = [u for u in data["users"] if u["role"] in ("creator", "admin")]
author, reader = login(writers[0]), login(writers[1])
call(base + "/api/v1/users/%s/follow" % author["user"]["id"], "PUT", token=reader["access_token"])
before = call(base + "/api/v1/notifications/unread-count", token=reader["access_token"])["count"]
u = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
conn.request("GET", "/api/v1/notifications/stream", headers={"Authorization": "Bearer " + reader["access_token"],
                                                            "Accept": "text/event-stream"})
resp = conn.getresponse()
assert resp.status == 200, resp.status
events, lock = [], threading.Lock()
def read():
    try:
        while True:
            line = resp.fp.readline()
            if not line: return
            if line.startswith(b"event: notification.created"):
                with lock: events.append(time.time())
    except Exception:
        return
threading.Thread(target=read, daemon=True).start()
time.sleep(1)
latencies = []
for i, port in enumerate(ports):
    t0 = time.time()
    call("http://127.0.0.1:%s/api/v1/articles" % port, "POST",
         {"title": "Coherence check %d %f" % (i, t0), "content": "Through instance %d." % (i + 1), "status": "published"},
         token=author["access_token"])
    deadline = t0 + 10
    while time.time() < deadline:
        with lock:
            if len(events) > i: break
        time.sleep(0.005)
    with lock:
        latencies.append("%.0f ms" % ((events[i] - t0) * 1000) if len(events) > i else "not received")
time.sleep(2)  # a duplicate (an outbox event handled twice) would arrive meanwhile
after = call(base + "/api/v1/notifications/unread-count", token=reader["access_token"])["count"]
print("stream through nginx got %d event(s) for %d writes (one through each instance: %s); unread count +%d"
      % (len(events), len(ports), ", ".join(latencies), after - before))
PY
)
run_config two "$ALL" search-user drafts
stop_instances

start_replica
start_instances 2 "$REPLICA_URL"
start_nginx
rep_before=$(sql "$rep_port" "SELECT xact_commit FROM pg_stat_database WHERE datname = 'inkwell'")
run_config two-replica list,search search-user drafts
rep_after=$(sql "$rep_port" "SELECT xact_commit FROM pg_stat_database WHERE datname = 'inkwell'")
stop_instances
lag=$(sql "$pg_port" "SELECT coalesce(max(replay_lag)::text, 'n/a') FROM pg_stat_replication")

python3 - "$work/one.jsonl" "$work/two.jsonl" "$work/two-replica.jsonl" <<'PY'
import json, sys
def load(p):
    return {r["scenario"]: r for r in (json.loads(l) for l in open(p) if l.strip())}
one, two, rep = (load(p) for p in sys.argv[1:4])
print("\nthrough nginx, one PostgreSQL: one inkwelld vs two; two with the read replica for list and search")
print("%-12s | %9s %8s %8s %5s | %9s %8s %8s %5s %6s | %9s %8s %8s %5s %6s" % (
    "scenario", "1 inst/s", "p50 ms", "p99 ms", "err", "2 inst/s", "p50 ms", "p99 ms", "err", "x1",
    "2+rep/s", "p50 ms", "p99 ms", "err", "x2"))
def cells(r):
    if not r: return "%9s %8s %8s %5s" % ("-", "-", "-", "-")
    return "%9.0f %8.2f %8.2f %5d" % (r["rps"], r["p50_ms"], r["p99_ms"], r["non2xx"] + r["socket_errors"])
for name in one:
    a, b, c = one.get(name), two.get(name), rep.get(name)
    ratio = lambda x, y: ("%5.2fx" % (x["rps"] / y["rps"])) if x and y and y["rps"] else "     -"
    print("%-12s | %s | %s %s | %s %s" % (name, cells(a), cells(b), ratio(b, a), cells(c), ratio(c, b)))
PY
echo "replica: $((rep_after - rep_before)) transactions served during the replica runs; replay lag at the end: $lag"
echo "coherence: $coherence"
echo "corpus: $USERS users, $ARTICLES articles; ${DURATION} s per scenario, $CONNECTIONS connections; cores: $(nproc)"
