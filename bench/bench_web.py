"""Load the story page with many concurrent clients on loopback; print latency percentiles.

Usage: .venv/bin/python -m bench.bench_web [--clients 50] [--requests 2000] [--seconds 60]
Analyses examples/ (and ../shared/seeds when present) into a temp database, starts
`marsad serve` on 127.0.0.1 in its own process, then drives every story page (in turn)
with N concurrent clients (threads, one keep-alive connection each, stdlib http.client so
the client costs little CPU on the same machine) until the request count or the time cap.
Target: p99 < 100 ms with 50 clients.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from marsad.pipeline import analyze

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def build_db(folder: Path) -> Path:
    inputs = [REPO / "examples"] + ([SEEDS] if SEEDS.is_dir() else [])
    started = time.perf_counter()
    result = analyze(inputs, folder / "out")
    analysis = json.loads((folder / "out" / "analysis.json").read_text(encoding="utf-8"))
    print(f"database: {result.documents} documents, "
          f"{len(analysis['stories'])} stories from {', '.join(map(str, inputs))} "
          f"in {time.perf_counter() - started:.1f} s")
    return folder / "out" / "marsad.db"


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MARSAD_TOKEN": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--host", HOST,
         "--port", str(port)], env=env, cwd=REPO)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stories?limit=1", timeout=1).is_success:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 30 s")


def drive(port: int, paths: list[str], clients: int, total: int,
          seconds: float) -> tuple[list[float], int, float]:
    """`clients` threads, each with its own keep-alive connection (opened and warmed before
    the clock), share one request budget and one deadline; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    lock = threading.Lock()
    ready = threading.Barrier(clients + 1)
    deadline = [0.0]

    def get(conn: http.client.HTTPConnection, path: str) -> int:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status

    def client(n: int) -> None:
        nonlocal issued, errors
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        get(conn, paths[n % len(paths)])
        ready.wait()
        while True:
            with lock:
                if issued >= total or time.perf_counter() > deadline[0]:
                    break
                path = paths[issued % len(paths)]
                issued += 1
            t0 = time.perf_counter()
            try:
                status = get(conn, path)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                status = 0
            elapsed_ms = (time.perf_counter() - t0) * 1000
            with lock:
                latencies.append(elapsed_ms)
                errors += status != 200
        conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    deadline[0] = time.perf_counter() + 30 + seconds
    ready.wait(timeout=30)
    started = time.perf_counter()
    deadline[0] = started + seconds
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    clients = max(1, min(args.clients, 500))
    total = max(1, min(args.requests, 100_000))
    with tempfile.TemporaryDirectory(prefix="marsad-bench-web-") as tmp:
        db = build_db(Path(tmp))
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://{HOST}:{port}"
            stories = httpx.get(f"{base}/api/stories?limit=200").json()["items"]
            paths = [f"/stories/{quote(s['id'], safe='')}" for s in stories] or ["/"]
            for path in paths:  # render each page once, outside the clock
                httpx.get(base + path).raise_for_status()
            latencies, errors, elapsed = drive(port, paths, clients, total,
                                               min(args.seconds, 600))
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"story pages: {len(paths)}; clients: {clients}; requests: {len(latencies)} "
          f"({errors} not 200) in {elapsed:.2f} s")
    print(f"latency ms: p50 {percentile(latencies, 50):.1f}  p95 {percentile(latencies, 95):.1f}"
          f"  p99 {percentile(latencies, 99):.1f}  max {max(latencies):.1f}")
    p99 = percentile(latencies, 99)
    print(f"throughput: {len(latencies) / elapsed:.0f} requests/s; "
          f"p99 {'meets' if p99 < 100 else 'misses'} the 100 ms target")


if __name__ == "__main__":
    main()
