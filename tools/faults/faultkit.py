#!/usr/bin/env python3
"""Database-fault drills against a real inkwelld with its bundled PostgreSQL.

One scenario per fault (outage, sigkill, diskfull); the shell scripts next to this file run them. Each prints what it
sent, what was acknowledged, what was found in the database afterwards and how many requests failed after the
database was back (the target is 0). Standard library only; needs psql and PostgreSQL's server programs (pg_ctl).
"""

import argparse
import glob
import hashlib
import http.client
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "fault-drill-horse-42"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def pg_bin_dir():
    if os.environ.get("INKWELL_PG_BINDIR"):
        return os.environ["INKWELL_PG_BINDIR"]
    found = shutil.which("pg_ctl")
    if found:
        return os.path.dirname(os.path.realpath(found))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if not versions:
        sys.exit("PostgreSQL's server programs (pg_ctl) are not installed")
    return versions[-1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One inkwelld process on a data folder (its bundled cluster lives in <data>/postgres)."""

    def __init__(self, binary, data_dir, port=None, extra_env=None, log_name="inkwelld.log"):
        self.binary = binary
        self.data_dir = data_dir
        self.port = port or free_port()
        self.extra_env = extra_env or {}
        self.log_path = os.path.join(tempfile.gettempdir(), f"faults-{os.getpid()}-{log_name}")
        self.process = None

    @property
    def pgdata(self):
        return os.path.join(self.data_dir, "postgres", "data")

    def start(self, timeout=180):
        env = {k: v for k, v in os.environ.items() if not k.startswith("INKWELL_")}
        env.update({"INKWELL_SIGNUP_ROLE": "creator", "INKWELL_RATE_LIMIT_PER_MIN": "1000000",
                    "INKWELL_LOG_LEVEL": "warning"})
        env.update(self.extra_env)
        self.log_file = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.binary, "--data-dir", self.data_dir, "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log_file, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"inkwelld ended while starting; see {self.log_path}")
            try:
                if request(self.port, "GET", "/health", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit(f"inkwelld did not answer within {timeout} s; see {self.log_path}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(90)
        self.log_file.close()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)
        self.log_file.close()

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")


def cluster_owner(data_dir):
    return os.stat(os.path.join(data_dir, "postgres", "data")).st_uid


def pg_program(data_dir, program, *args, check=True):
    """Runs pg_ctl & co. as the cluster's owner (inkwelld runs the cluster as `postgres` when it is root)."""
    command = [os.path.join(pg_bin_dir(), program), *args]
    owner = cluster_owner(data_dir)
    if os.geteuid() == 0 and owner != 0:
        command = ["runuser", "-u", pwd.getpwuid(owner).pw_name, "--", *command]
    result = subprocess.run(command, cwd="/", capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{program} failed: {result.stdout}{result.stderr}")
    return result


def pg_stop(data_dir, mode="fast"):
    pg_program(data_dir, "pg_ctl", "stop", "-D", os.path.join(data_dir, "postgres", "data"), "-m", mode, "-w")


def pg_start(data_dir):
    pg_program(data_dir, "pg_ctl", "start", "-D", os.path.join(data_dir, "postgres", "data"), "-l",
               os.path.join(data_dir, "postgres", "server.log"), "-w", "-t", "120")


def db_env(data_dir):
    with open(os.path.join(data_dir, "db-password")) as f:
        password = f.read().strip()
    env = dict(os.environ, PGPASSWORD=password)
    return env, ["-h", os.path.join(data_dir, "postgres"), "-p", "5432", "-U", "inkwell", "-d", "inkwell"]


def psql(data_dir, sql, stdin=None):
    env, target = db_env(data_dir)
    result = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", *target, "-c" if stdin is None else "-f",
                             sql if stdin is None else "-"], input=stdin, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"psql failed: {result.stderr.strip()}")
    return [line for line in result.stdout.splitlines() if line]


def database_url(data_dir):
    with open(os.path.join(data_dir, "db-password")) as f:
        password = urllib.parse.quote(f.read().strip(), safe="")
    socket_dir = urllib.parse.quote(os.path.join(data_dir, "postgres"), safe="")
    return f"postgres://inkwell:{password}@localhost:5432/inkwell?host={socket_dir}"


def request(port, method, path, body=None, token=None, timeout=10):
    """One request on a connection of its own: (status, headers, parsed body or raw bytes). Status 0: no answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Connection": "close"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        try:
            parsed = json.loads(data) if data else {}
        except ValueError:
            parsed = data
        return response.status, {k.lower(): v for k, v in response.getheaders()}, parsed
    finally:
        connection.close()


def register(port, email):
    status, _, body = request(port, "POST", "/api/v1/auth/register",
                              {"email": email, "password": PASSWORD, "full_name": "Fault Drill"})
    if status != 201:
        sys.exit(f"cannot register {email}: {status} {body}")
    return body["access_token"], body["user"]["id"]


class Record:
    """What one request did: when it was sent and answered, and the answer."""

    __slots__ = ("kind", "sent", "answered", "status", "retry_after", "problem", "article_id", "digest")

    def __init__(self, kind, sent):
        self.kind, self.sent = kind, sent
        self.answered = self.status = self.retry_after = self.problem = self.article_id = self.digest = None


class Load:
    """Writers creating articles in a loop, a login loop and a /health/db loop, each on fresh connections."""

    def __init__(self, port, token, email, writers=4, published=False, content_size=200, logins=True):
        self.port, self.token, self.email = port, token, email
        self.writers, self.published, self.content_size, self.logins = writers, published, content_size, logins
        self.records = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = []
        self.serial = 0

    def _next(self):
        with self.lock:
            self.serial += 1
            return self.serial

    def _add(self, record):
        with self.lock:
            self.records.append(record)

    def _one(self, kind, method, path, body=None, token=None):
        record = Record(kind, time.time())
        try:
            status, headers, answer = request(self.port, method, path, body, token, timeout=15)
            record.status, record.retry_after = status, headers.get("retry-after")
            if isinstance(answer, dict):
                record.problem = answer.get("type") if status >= 400 else None
                if kind == "write" and status == 201:
                    record.article_id = answer.get("id")
                if status >= 400 and record.problem is None:
                    record.problem = answer.get("status")
        except OSError as error:
            record.status, record.problem = 0, type(error).__name__
        record.answered = time.time()
        return record

    def _writer(self):
        while not self.stopping.is_set():
            n = self._next()
            content = (f"Article {n} of the fault drill. " * (self.content_size // 30 + 1))[: self.content_size]
            body = {"title": f"Drill {n}", "content": content}
            if self.published:
                body["status"] = "published"
            record = self._one("write", "POST", "/api/v1/articles", body, self.token)
            record.digest = hashlib.md5(content.encode()).hexdigest()
            self._add(record)
            if record.status == 0 and self.stopping.is_set():
                break
            if record.status != 201:
                time.sleep(0.05)  # a client backing off a little

    def _login(self):
        while not self.stopping.is_set():
            self._add(self._one("login", "POST", "/api/v1/auth/login", {"email": self.email, "password": PASSWORD}))
            time.sleep(0.1)

    def _health(self):
        while not self.stopping.is_set():
            self._add(self._one("health", "GET", "/health/db"))
            time.sleep(0.2)

    def start(self):
        targets = [self._writer] * self.writers + ([self._login] if self.logins else []) + [self._health]
        self.threads = [threading.Thread(target=t, daemon=True) for t in targets]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(30)


def summarize(records, since=None, until=None, label=""):
    """Counts by kind and status of the requests answered in [since, until)."""
    chosen = [r for r in records if (since is None or r.sent >= since) and (until is None or r.sent < until)]
    by = {}
    for r in chosen:
        key = f"{r.kind} {r.status}" + (f" {r.problem}" if r.problem and r.status != 200 and r.status != 201 else "")
        by[key] = by.get(key, 0) + 1
    lines = ", ".join(f"{k}: {v}" for k, v in sorted(by.items()))
    log(f"{label}: {len(chosen)} requests ({lines or 'none'})")
    return chosen


def ok(record):
    return record.status in (200, 201)


def verify_articles(data_dir, records):
    """How many acknowledged writes are in the database, and whole (their content's MD5 matches what was sent)."""
    acknowledged = [r for r in records if r.kind == "write" and r.status == 201 and r.article_id]
    if not acknowledged:
        return 0, 0, 0
    found = whole = 0
    for start in range(0, len(acknowledged), 500):
        chunk = acknowledged[start:start + 500]
        ids = ",".join(f"'{r.article_id}'" for r in chunk)
        rows = dict(line.split("|") for line in psql(data_dir, f"SELECT id, md5(content) FROM articles WHERE id IN ({ids})"))
        for r in chunk:
            if r.article_id in rows:
                found += 1
                whole += rows[r.article_id] == r.digest
    return len(acknowledged), found, whole


# ---- scenarios --------------------------------------------------------------------------------------------------

def scenario_outage(args):
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="inkwell-outage-")
    server = Server(args.binary, data_dir, extra_env={"INKWELL_THREADS": str(args.threads)})
    log(f"starting inkwelld on {data_dir} (port {server.port}, {args.threads} listener threads)")
    server.start()
    email = "drill@example.com"
    token, _ = register(server.port, email)
    load = Load(server.port, token, email, writers=args.writers)
    load.start()
    time.sleep(args.warmup)
    log(f"pg_ctl stop -m fast ({args.outage} s outage)")
    down_at = time.time()
    pg_stop(data_dir)
    time.sleep(args.outage)
    log("pg_ctl start")
    pg_start(data_dir)
    up_at = time.time()
    log("PostgreSQL is back")
    time.sleep(args.after)
    load.stop()
    records = load.records

    print()
    log("---- what was sent and answered ----")
    summarize(records, None, down_at, "before the outage")
    during = summarize(records, down_at, up_at, "during the outage")
    after = summarize(records, up_at, None, "after the database was back")
    # A refusal must be quick; a request that straddled the stop and succeeded (a login hashing meanwhile) may not be.
    slow = [r for r in during if r.status == 503 and r.answered - r.sent > 1.0]
    unavailable = [r for r in during if r.status == 503]
    with_retry = [r for r in unavailable if r.retry_after or r.kind == "health"]
    others = [r for r in during if r.status not in (503, 200, 201)]
    failed_after = [r for r in after if not ok(r)]
    sent, found, whole = verify_articles(data_dir, records)
    writes_sent = len([r for r in records if r.kind == "write"])
    log("---- figures ----")
    print(f"writes sent:                         {writes_sent}")
    print(f"writes acknowledged (201):           {sent}")
    print(f"acknowledged writes in the database: {found} (whole: {whole})")
    print(f"requests during the outage:          {len(during)}; 503: {len(unavailable)} "
          f"(with Retry-After or health: {len(with_retry)}); other failures: {len(others)}; "
          f"503 answered after more than 1 s: {len(slow)}")
    for kind in ("write", "login", "health"):
        chosen = [r.answered - r.sent for r in during if r.kind == kind]
        if chosen:
            chosen.sort()
            print(f"  {kind:6} answers during the outage: median {chosen[len(chosen) // 2] * 1000:.0f} ms, "
                  f"slowest {chosen[-1] * 1000:.0f} ms")
    print(f"requests after the database was back: {len(after)}; failed: {len(failed_after)} (target 0)")
    for r in failed_after[:10]:
        print(f"    failed after recovery: {r.kind} {r.status} {r.problem} at +{r.sent - up_at:.2f} s")
    text = server.log_text()
    print(f"log lines 'the database is unavailable': {text.count('the database is unavailable')}, "
          f"'reachable again': {text.count('the database is reachable again')}, "
          f"'Unable to free statement': {text.count('Unable to free statement')}")
    server.stop()
    if not args.data_dir:
        shutil.rmtree(data_dir, ignore_errors=True)
    good = found == sent and not failed_after and not others and not slow
    log("PASS" if good else "FAIL")
    return 0 if good else 1


def scenario_sigkill(args):
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="inkwell-sigkill-")
    first = Server(args.binary, data_dir, log_name="first.log")
    log(f"starting inkwelld (first instance) on {data_dir}")
    first.start()
    email = "drill@example.com"
    token, author_id = register(first.port, email)
    # A follower, so that each published article's event has work to do (a notification).
    follower_token, _ = register(first.port, "follower@example.com")
    request(first.port, "PUT", f"/api/v1/users/{author_id}/follow", token=follower_token)
    load = Load(first.port, token, email, writers=args.writers, published=True, logins=False)
    load.start()
    time.sleep(args.load)
    log("kill -9 inkwelld under write load")
    first.kill()
    killed_at = time.time()
    load.stop()
    pending_at_kill = int(psql(data_dir, "SELECT count(*) FROM outbox WHERE processed_at IS NULL")[0])
    idle_in_tx = int(psql(data_dir, "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' "
                                    "AND usename = 'inkwell'")[0])
    log(f"outbox events not yet handled when the instance died: {pending_at_kill}; "
        f"sessions of the dead instance still in a transaction: {idle_in_tx}")

    log("restarting inkwelld on the same folder (it adopts the running cluster), and a second instance "
        "on the same database")
    second_dir = tempfile.mkdtemp(prefix="inkwell-second-")
    restarted = Server(args.binary, data_dir, port=first.port, log_name="restarted.log")
    other = Server(args.binary, second_dir, extra_env={"INKWELL_DATABASE_URL": database_url(data_dir)},
                   log_name="second.log")
    restarted.start()
    other.start()
    deadline = time.time() + 60
    pending = pending_at_kill
    while time.time() < deadline:
        pending = int(psql(data_dir, "SELECT count(*) FROM outbox WHERE processed_at IS NULL")[0])
        if pending == 0:
            break
        time.sleep(0.5)
    twice = int(psql(data_dir, "SELECT count(*) FROM outbox WHERE attempts <> 1 AND processed_at IS NOT NULL")[0])
    sent, found, whole = verify_articles(data_dir, load.records)
    writes_sent = len([r for r in load.records if r.kind == "write"])
    lost_in_flight = len([r for r in load.records if r.kind == "write" and r.status == 0])
    log("---- figures ----")
    print(f"writes sent:                         {writes_sent} ({lost_in_flight} got no answer: the process died)")
    print(f"writes acknowledged (201):           {sent}")
    print(f"acknowledged writes in the database: {found} (whole: {whole})")
    print(f"outbox events pending at the kill:   {pending_at_kill}; still pending after the restart: {pending}; "
          f"handled more than once: {twice}")
    # Requests against the restarted instance: a short burst, which must all succeed.
    burst = [request(restarted.port, "POST", "/api/v1/articles", {"title": f"After {i}", "content": "Back."}, token)[0]
             for i in range(20)]
    failed = len([s for s in burst if s != 201])
    print(f"requests after the restart:          {len(burst)}; failed: {failed} (target 0)")
    other.stop()  # first: the restarted instance stops the cluster it adopted
    restarted.stop()
    shutil.rmtree(second_dir, ignore_errors=True)
    if not args.data_dir:
        shutil.rmtree(data_dir, ignore_errors=True)
    good = found == sent and pending == 0 and twice == 0 and failed == 0
    log("PASS" if good else "FAIL")
    return 0 if good else 1


def scenario_diskfull(args):
    if os.geteuid() != 0:
        print("diskfull: this drill mounts a small tmpfs for the bundled cluster's folder, which needs root.\n"
              "Run it as root (sudo tools/faults/diskfull.sh); nothing was changed.")
        return 2
    base = tempfile.mkdtemp(prefix="inkwell-diskfull-")
    cluster = os.path.join(base, "postgres")
    os.makedirs(cluster)
    log(f"mounting a {args.size_mb} MiB tmpfs on {cluster}")
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={args.size_mb}m,mode=0700", "tmpfs", cluster], check=True)
    server = None
    filler = os.path.join(cluster, "filler")
    try:
        server = Server(args.binary, base)
        server.start()
        email = "drill@example.com"
        token, _ = register(server.port, email)
        load = Load(server.port, token, email, writers=args.writers, content_size=args.content_kb * 1024)
        load.start()
        time.sleep(3)
        log("filling the cluster's file system")
        with open(filler, "wb") as f:
            chunk = b"\0" * (1 << 20)
            try:
                while True:
                    f.write(chunk)
                    f.flush()
            except OSError:
                pass
        full_at = time.time()
        df = shutil.disk_usage(cluster)
        log(f"full: {df.free} bytes free")
        time.sleep(args.full)
        log("freeing the space")
        os.remove(filler)
        freed_at = time.time()
        time.sleep(args.after)
        load.stop()
        records = load.records
        log("---- what was sent and answered ----")
        summarize(records, None, full_at, "before the disk filled")
        during = summarize(records, full_at, freed_at, "while the disk was full")
        # Recovery can take a moment (a checkpoint, or PostgreSQL's own restart after a failed WAL write).
        after = summarize(records, freed_at, None, "after the space was back")
        recovered = [r for r in after if r.kind == "write" and r.status == 201]
        first_ok = min((r.answered for r in recovered), default=None)
        failed_after = [r for r in after if not ok(r)]
        failed_after_first_ok = [r for r in after if not ok(r) and first_ok and r.sent > first_ok]
        unclear = [r for r in during if r.status not in (200, 201, 503, 507)]
        sent, found, whole = verify_articles(base, records)
        amcheck = pg_amcheck(base)
        log("---- figures ----")
        print(f"writes sent:                         {len([r for r in records if r.kind == 'write'])}")
        print(f"writes acknowledged (201):           {sent}")
        print(f"acknowledged writes in the database: {found} (whole, content MD5 as sent: {whole})")
        print(f"answers while full:                  {len(during)}; 503/507: "
              f"{len([r for r in during if r.status in (503, 507)])}; other failures: {len(unclear)}")
        print(f"after the space was back:            {len(after)} requests, {len(failed_after)} failed; "
              f"first write acknowledged {('%.1f s' % (first_ok - freed_at)) if first_ok else 'never'} after; "
              f"failed after that: {len(failed_after_first_ok)} (target 0)")
        print(f"pg_amcheck:                          {amcheck}")
        text = server.log_text()
        print(f"log lines 'no disk space left': {text.count('no disk space left')}, "
              f"'accepts writes again': {text.count('accepts writes again')}, "
              f"'unavailable': {text.count('the database is unavailable')}, "
              f"'reachable again': {text.count('the database is reachable again')}")
        good = found == sent == whole and not unclear and first_ok is not None and not failed_after_first_ok \
            and amcheck.startswith("ok")
        log("PASS" if good else "FAIL")
        return 0 if good else 1
    finally:
        if server:
            server.stop()
        if os.path.exists(filler):
            os.remove(filler)
        subprocess.run(["umount", cluster], check=False)
        shutil.rmtree(base, ignore_errors=True)


def pg_amcheck(data_dir):
    """Checks every table and index of the database with amcheck (heap and B-tree), when PostgreSQL has it."""
    program = os.path.join(pg_bin_dir(), "pg_amcheck")
    if not os.path.exists(program):
        return "not available (pg_amcheck missing); the full read above stands in"
    env, target = db_env(data_dir)
    result = subprocess.run([program, "--install-missing", "--heapallindexed", "--rootdescend", *target],
                            capture_output=True, text=True, env=env)
    if result.returncode == 0:
        return "ok (no corruption found)"
    return f"FAILED: {(result.stdout + result.stderr).strip()[:2000]}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_binary = os.environ.get("INKWELLD") or os.path.join(here, "..", "..", "build", "debug", "server", "inkwelld")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--binary", default=os.path.normpath(default_binary), help="the inkwelld to drill ($INKWELLD)")
    common.add_argument("--data-dir", help="data folder to use (default: a new temporary one, deleted after)")
    common.add_argument("--writers", type=int, default=4, help="writer threads")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="scenario", required=True)
    outage = sub.add_parser("outage", parents=[common], help="pg_ctl stop -m fast for a few seconds under load, then start")
    outage.add_argument("--threads", type=int, default=2, help="inkwelld listener threads")
    outage.add_argument("--warmup", type=float, default=3)
    outage.add_argument("--outage", type=float, default=5)
    outage.add_argument("--after", type=float, default=5)
    sigkill = sub.add_parser("sigkill", parents=[common], help="kill -9 inkwelld under write load, restart, plus a second instance")
    sigkill.add_argument("--load", type=float, default=4)
    diskfull = sub.add_parser("diskfull", parents=[common], help="the cluster's folder on a small tmpfs that fills up (root)")
    diskfull.add_argument("--size-mb", type=int, default=160)
    diskfull.add_argument("--content-kb", type=int, default=16)
    diskfull.add_argument("--full", type=float, default=5)
    diskfull.add_argument("--after", type=float, default=15)
    args = parser.parse_args()
    if args.scenario == "diskfull" and os.geteuid() != 0:
        return scenario_diskfull(args)  # says why it needs root, and changes nothing
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no inkwelld at {args.binary}: build it (cmake --build --preset debug --target inkwelld) "
                 "or pass --binary / set INKWELLD")
    if not shutil.which("psql"):
        sys.exit("psql is needed (postgresql-client)")
    return {"outage": scenario_outage, "sigkill": scenario_sigkill, "diskfull": scenario_diskfull}[args.scenario](args)


if __name__ == "__main__":
    sys.exit(main())
