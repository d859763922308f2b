#!/usr/bin/env python3
"""Whether a login's latency tells an unknown email from a known one (bench/run-auth-bench.sh).

Registers ACCOUNTS accounts, then sends ROUNDS pairs of failed logins one request at a time: an email
nobody registered and a wrong password for a registered one, the pair's order alternating. Both must
do the same password-hash work (the server verifies against a dummy hash when the email is unknown),
so both should take the same time. Prints the medians, p10/p90 and the ratio.

The server must trust loopback as a proxy (INKWELL_TRUSTED_PROXIES=127.0.0.1): every try comes from
its own forwarded address, and no known account takes more than four, so no throttle starts.

    python3 bench/auth/login-enumeration.py http://127.0.0.1:8080 [ROUNDS] [ACCOUNTS]
"""
import json
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid

base = sys.argv[1].rstrip("/")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
accounts = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, (rounds + 3) // 4)
if rounds > 4 * accounts:
    sys.exit("at most four tries per account: the account throttle starts after five")

serial = 0


def post(path, body):
    """POST JSON from a fresh forwarded address; returns (status, body bytes, seconds)."""
    global serial
    serial += 1
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "X-Forwarded-For": "10.%d.%d.%d" % ((serial >> 16) & 255, (serial >> 8) & 255, serial & 255),
        },
        method="POST",
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, data = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, data = error.code, error.read()
    return status, data, time.perf_counter() - start


run = uuid.uuid4().hex[:8]
known = []
for i in range(accounts):
    email = "enum-%s-%d@example.test" % (run, i)
    status, data, _ = post("/api/v1/auth/register",
                           {"email": email, "password": "enumeration bench %d harbour" % i, "full_name": "Known"})
    if status != 201:
        sys.exit("register %s: %d %s" % (email, status, data[:200]))
    known.append(email)

unknown_s, known_s, answers = [], [], set()
for i in range(rounds):
    guess = "wrong guess %d harbour" % i
    pair = [("unknown", "enum-%s-nobody-%d@example.test" % (run, i)), ("known", known[i % accounts])]
    if i % 2:
        pair.reverse()
    for kind, email in pair:
        status, data, seconds = post("/api/v1/auth/login", {"email": email, "password": guess})
        try:
            problem = json.loads(data).get("type")
        except ValueError:
            problem = None
        answers.add((status, problem))
        (unknown_s if kind == "unknown" else known_s).append(seconds)
if len(answers) != 1 or next(iter(answers))[0] != 401:
    sys.exit("the failed logins did not all get the same 401: %r" % answers)


def describe(label, samples):
    ms = sorted(s * 1000 for s in samples)
    p10, p90 = ms[len(ms) // 10], ms[(len(ms) * 9) // 10]
    return "%-44s %10.1f %10.1f %10.1f" % (label, statistics.median(ms), p10, p90)


print("%-44s %10s %10s %10s" % ("failed login, %d each, one at a time" % rounds, "median ms", "p10", "p90"))
print(describe("unknown email", unknown_s))
print(describe("known email, wrong password", known_s))
ratio = statistics.median(unknown_s) / statistics.median(known_s)
print("median ratio unknown / known: %.3f (1.0: the latency says nothing)" % ratio)
