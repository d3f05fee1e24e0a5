"""`marsad serve` as a user runs it: a real server on a free loopback port, with a token."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from click.testing import CliRunner

from marsad.cli import main

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(db: Path, *options: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """`marsad serve` on a free loopback port, ready to answer; stopped afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--port", str(port),
         *options], cwd=REPO, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/api/stories", timeout=1).is_success:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "server did not start"
            time.sleep(0.1)
        yield server, base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_help_lists_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "MARSAD_TOKEN"):
        assert option in result.output


def test_serve_runs_and_accepts_uploads_with_its_token(fresh_db: Path) -> None:
    with serving(fresh_db, "--token", "s3cret") as (_, base):
        assert "<html" in httpx.get(base + "/").text
        body = json.dumps({"id": "cli-1", "text": "أعلنت السلطات في مدينة عدن إغلاق الميناء "
                           "يوم الأحد بسبب العاصفة."}, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/x-ndjson"}
        assert httpx.post(base + "/api/documents", content=body,
                          headers=headers).status_code == 401
        ok = httpx.post(base + "/api/documents", content=body, timeout=60,
                        headers={**headers, "Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["added"] == 1
        assert httpx.get(base + "/api/documents/cli-1").json()["id"] == "cli-1"


def test_serve_keeps_answering_while_an_analysis_writes(fresh_db: Path, tmp_path: Path) -> None:
    from bench.crash_trials import make_inputs

    inputs = make_inputs(tmp_path, copies=70)
    with serving(fresh_db) as (_, base):
        before = httpx.get(base + "/api/documents?limit=1").json()["total"]
        writer = subprocess.Popen(
            [sys.executable, "-m", "marsad.cli", "analyze", str(inputs), "--out",
             str(tmp_path / "out"), "--db", str(fresh_db)],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        statuses = []
        while writer.poll() is None and len(statuses) < 2000:
            for path in ("/", "/api/stories", "/search?q=" + "الشعفة"):
                statuses.append(httpx.get(base + path, timeout=30).status_code)
        assert writer.wait(timeout=600) == 0
        assert statuses and set(statuses) == {200}
        deadline = time.monotonic() + 10
        while httpx.get(base + "/api/documents?limit=1").json()["total"] < before + 70:
            assert time.monotonic() < deadline, "the server never showed the new documents"
            time.sleep(0.5)
