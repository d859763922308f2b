#!/usr/bin/env python3
"""Load client of bench/run-ai-bench.sh (standard library only).

  ai-load.py ttfd --inkwelld URL --token T --fake URL --provider openai|gemini --requests 100
      Time to the first streamed delta, one request at a time: through inkwelld (a chat message,
      Accept: text/event-stream, until `message.delta`) and straight from the fake upstream (the
      same client code, the provider's own request, until the first data event with text).
  ai-load.py pool --with URL --with-token T --without URL --without-token T --provider P --requests 100
      Time to the first delta through two inkwelld at once, one keeping upstream connections alive
      (INKWELL_AI_KEEPALIVE_S > 0) and one connecting for every answer (0), requests interleaved.
  ai-load.py concurrent --inkwelld URL --token T --streams 500 --pid PID --expect TEXT
      That many chat answers streamed at once, each read to `message.done`; the server's resident
      memory sampled every 100 ms; then every answer read back from the API.
Prints one JSON object. With AIDBG=1, ttfd also prints when each part of every answer arrived.
"""
import argparse
import asyncio
import json
import os
import sys
import statistics
import time
import urllib.parse
import urllib.request


def split_url(url):
    parts = urllib.parse.urlsplit(url)
    return parts.hostname, parts.port


class StreamReader:
    """An HTTP/1.1 response read from an asyncio stream: head, then the body (chunked or not) as SSE events."""

    def __init__(self, reader):
        self.reader = reader
        self.status = 0
        self.chunked = False
        self.raw = b""
        self.body = b""
        self.text = b""  # de-chunked body not yet parsed into events
        self.ended = False

    async def head(self):
        while b"\r\n\r\n" not in self.raw:
            data = await self.reader.read(65536)
            if not data:
                raise ConnectionError("closed before the head")
            self.raw += data
        head, rest = self.raw.split(b"\r\n\r\n", 1)
        self.status = int(head.split(b" ")[1])
        self.chunked = b"transfer-encoding: chunked" in head.lower()
        self.raw = rest

    def _dechunk(self):
        if not self.chunked:
            self.text += self.raw
            self.raw = b""
            return
        while True:
            end = self.raw.find(b"\r\n")
            if end < 0:
                return
            size = int(self.raw[:end], 16)
            if len(self.raw) < end + 2 + size + 2:
                return
            self.text += self.raw[end + 2:end + 2 + size]
            self.raw = self.raw[end + 4 + size:]
            if size == 0:
                self.ended = True
                return

    async def events(self):
        """Yields (type, data) for each event as it arrives."""
        while True:
            self._dechunk()
            normalized = self.text.replace(b"\r\n", b"\n")
            while b"\n\n" in normalized:
                block, normalized = normalized.split(b"\n\n", 1)
                kind, data = "message", []
                for line in block.split(b"\n"):
                    if line.startswith(b"event:"):
                        kind = line[6:].strip().decode()
                    elif line.startswith(b"data:"):
                        data.append(line[5:].lstrip().decode())
                if data:
                    yield kind, "\n".join(data)
            self.text = normalized
            if self.ended:
                return
            data = await self.reader.read(65536)
            if not data:
                return
            self.raw += data


def request_bytes(method, host, port, path, body, headers):
    payload = json.dumps(body).encode()
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {len(payload)}\r\nConnection: close\r\n"
    for name, value in headers.items():
        head += f"{name}: {value}\r\n"
    return head.encode() + b"\r\n" + payload


def api(base, method, path, token, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read() or b"{}")


def is_delta(provider, kind, data):
    if kind == "message.delta":
        return True
    if kind != "message" or data == "[DONE]":
        return False
    try:
        chunk = json.loads(data)
    except ValueError:
        return False
    if provider == "gemini":
        parts = ((chunk.get("candidates") or [{}])[0].get("content") or {}).get("parts") or []
        return any(p.get("text") for p in parts)
    choices = chunk.get("choices") or []
    return bool(choices and (choices[0].get("delta") or {}).get("content"))


async def first_delta(host, port, raw, provider):
    """Seconds from before connecting to the first delta; the stream is then read to its end."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(raw)
    await writer.drain()
    response = StreamReader(reader)
    await response.head()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}")
    first = None
    marks = {"head": time.perf_counter() - start}
    async for kind, data in response.events():
        marks.setdefault(kind, time.perf_counter() - start)
        if first is None and is_delta(provider, kind, data):
            first = time.perf_counter() - start
        if kind in ("message.done", "error"):
            break
    writer.close()
    if first is None:
        raise RuntimeError("no delta")
    if os.environ.get("AIDBG"):
        print({k: round(v * 1000, 2) for k, v in marks.items()}, file=sys.stderr)
    return first


def summary(values):
    ms = sorted(v * 1000 for v in values)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    return {"median_ms": statistics.median(ms), "p90_ms": pick(0.9), "p99_ms": pick(0.99), "n": len(ms)}


async def ttfd(args):
    host, port = split_url(args.inkwelld)
    fhost, fport = split_url(args.fake)
    if args.provider == "gemini":
        direct_path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
        direct_body = {"contents": [{"role": "user", "parts": [{"text": "Say something"}]}]}
        direct_headers = {"x-goog-api-key": "bench"}
    else:
        direct_path = "/v1/chat/completions"
        direct_body = {"model": "bench", "stream": True, "stream_options": {"include_usage": True},
                       "messages": [{"role": "user", "content": "Say something"}]}
        direct_headers = {"Authorization": "Bearer bench"}
    direct_raw = request_bytes("POST", fhost, fport, direct_path, direct_body, direct_headers)
    conversations = [api(args.inkwelld, "POST", "/api/v1/conversations", args.token, {"title": "bench"})["id"]
                     for _ in range(args.requests + args.warmup)]

    def through(i):
        return request_bytes("POST", host, port, f"/api/v1/conversations/{conversations[i]}/messages",
                             {"content": "Say something"},
                             {"Authorization": "Bearer " + args.token, "Accept": "text/event-stream"})

    direct, proxied = [], []
    for i in range(args.warmup):
        await first_delta(fhost, fport, direct_raw, args.provider)
        await first_delta(host, port, through(i), args.provider)
    # Interleaved, so that whatever else the machine does falls on both alike.
    for i in range(args.warmup, args.warmup + args.requests):
        direct.append(await first_delta(fhost, fport, direct_raw, args.provider))
        proxied.append(await first_delta(host, port, through(i), args.provider))
    d, p = summary(direct), summary(proxied)
    return {"provider": args.provider, "direct": d, "inkwelld": p,
            "added_median_ms": p["median_ms"] - d["median_ms"]}


async def pool(args):
    """The same chat request through both servers, alternately, after a warm-up."""
    sides = {}
    for name, base, token in (("with", args.with_, args.with_token), ("without", args.without, args.without_token)):
        host, port = split_url(base)
        conversations = [api(base, "POST", "/api/v1/conversations", token, {"title": "bench"})["id"]
                         for _ in range(args.requests + args.warmup)]
        sides[name] = (host, port, token, conversations, [])

    def through(side, i):
        host, port, token, conversations, _ = sides[side]
        return request_bytes("POST", host, port, f"/api/v1/conversations/{conversations[i]}/messages",
                             {"content": "Say something"},
                             {"Authorization": "Bearer " + token, "Accept": "text/event-stream"})

    for i in range(args.warmup + args.requests):
        for side in ("with", "without"):
            host, port, _, _, times = sides[side]
            seconds = await first_delta(host, port, through(side, i), args.provider)
            if i >= args.warmup:
                times.append(seconds)
    w, wo = summary(sides["with"][4]), summary(sides["without"][4])
    return {"provider": args.provider, "with_pool": w, "without_pool": wo,
            "saved_median_ms": wo["median_ms"] - w["median_ms"]}


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def concurrent(args):
    host, port = split_url(args.inkwelld)
    conversations = [api(args.inkwelld, "POST", "/api/v1/conversations", args.token, {"title": "bench"})["id"]
                     for _ in range(args.streams)]
    before = rss_kib(args.pid)
    samples = [before]
    open_now, open_max, errors, done = 0, 0, [], 0
    stop = asyncio.Event()

    async def sample():
        while not stop.is_set():
            samples.append(rss_kib(args.pid))
            await asyncio.sleep(0.1)

    async def one(conversation):
        nonlocal open_now, open_max, done
        raw = request_bytes("POST", host, port, f"/api/v1/conversations/{conversation}/messages",
                            {"content": "Tell me something"},
                            {"Authorization": "Bearer " + args.token, "Accept": "text/event-stream"})
        counted = False
        try:
            reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
            writer.write(raw)
            await writer.drain()
            response = StreamReader(reader)
            await response.head()
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}")
            async for kind, data in response.events():
                if kind == "message.created":
                    counted = True
                    open_now += 1
                    open_max = max(open_max, open_now)
                elif kind == "message.done":
                    status = json.loads(data)["message"]["status"]
                    if status != "complete":
                        raise RuntimeError("answer " + status)
                    done += 1
                    break
                elif kind == "error":
                    raise RuntimeError("error event " + data)
            else:
                raise RuntimeError("stream ended without message.done")
            writer.close()
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            errors.append(str(error))
        finally:
            if counted:
                open_now -= 1

    sampler = asyncio.ensure_future(sample())
    started = time.perf_counter()
    await asyncio.gather(*(one(c) for c in conversations))
    wall = time.perf_counter() - started
    stop.set()
    await sampler
    await asyncio.sleep(1.0)
    after = rss_kib(args.pid)
    # Every answer, read back.
    stored = 0
    for conversation in conversations:
        messages = api(args.inkwelld, "GET", f"/api/v1/conversations/{conversation}", args.token)["messages"]
        last = messages[-1] if messages else {}
        if last.get("role") == "assistant" and last.get("status") == "complete" and last.get("content") == args.expect:
            stored += 1
    return {"streams": args.streams, "completed": done, "errors": len(errors), "first_errors": errors[:3],
            "open_at_once_max": open_max, "wall_s": wall, "stored_complete": stored,
            "rss_before_mib": before / 1024, "rss_peak_mib": max(samples) / 1024, "rss_after_mib": after / 1024,
            "growth_peak_mib": (max(samples) - before) / 1024}


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("ttfd")
    t.add_argument("--inkwelld", required=True)
    t.add_argument("--token", required=True)
    t.add_argument("--fake", required=True)
    t.add_argument("--provider", default="openai")
    t.add_argument("--requests", type=int, default=100)
    t.add_argument("--warmup", type=int, default=20)
    p = sub.add_parser("pool")
    p.add_argument("--with", dest="with_", required=True)
    p.add_argument("--with-token", required=True)
    p.add_argument("--without", required=True)
    p.add_argument("--without-token", required=True)
    p.add_argument("--provider", default="gemini")
    p.add_argument("--requests", type=int, default=100)
    p.add_argument("--warmup", type=int, default=10)
    c = sub.add_parser("concurrent")
    c.add_argument("--inkwelld", required=True)
    c.add_argument("--token", required=True)
    c.add_argument("--streams", type=int, default=500)
    c.add_argument("--pid", type=int, required=True)
    c.add_argument("--expect", required=True)
    args = parser.parse_args()
    commands = {"ttfd": ttfd, "pool": pool, "concurrent": concurrent}
    result = asyncio.run(commands[args.command](args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
