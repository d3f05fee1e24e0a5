"""Where each command spends its memory: peak resident memory per phase, on SaudiNewsNet.

Writes N corpus articles to a temporary JSON Lines file (read straight from the zips in
../shared), then runs, each in its own child process: `analyze` (whose store the next
three read), `export` as CSV and as Parquet, the web server's start (create_app, then a
few pages and API lists) and `batch` on a local Dask cluster. In each child a sampler
thread reads the main thread's stack every few milliseconds to name the phase and the
kernel's high-water mark of resident memory (VmHWM, reset at each change of phase when the
kernel allows it), so each phase gets its own peak. Prints wall time, the peak per phase,
the peak of child processes (extraction or Dask workers) and, for the server, its
resident memory once started. Usage:
  python -m bench.bench_memory [N] [COMMANDS] [JOBS]
COMMANDS is a comma-separated subset of analyze,csv,parquet,serve,batch (all by default;
all but analyze need analyze's store, so analyze always runs first). To measure older
code, run from a folder holding that code's marsad/ and this bench/ (the working folder
comes first on the import path).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_pipeline import write_corpus

# Innermost matching function (qualified name) on the main thread's stack -> phase; names
# of the old and the new code both appear, so the same script measures before and after.
PHASES = {
    "_ingest": "ingest (read inputs, link duplicates)",
    "Store.add_document": "store documents",
    "_extract_all": "extraction (main process: store writes)",
    "_gather_extracted": "dask: extraction (client: store writes)",
    "stored_items": "read items back",
    "Corpus._load": "snapshot: read store, cross-document layer",
    "Views.__init__": "snapshot: indexes",
    "across_documents": "cross-document layer",
    "build_analysis": "build the analysis dict",
    "write_json": "write analysis.json",
    "stream_analysis": "write analysis.json",
    "write_report": "write report.html",
    "write_tables": "write tables",
    "write_parquet": "write Parquet datasets",
    "Client.gather": "dask: read and extract (client waits)",
    "LocalCluster.__init__": "dask: start cluster",
    "_serve_requests": "serve pages and API lists",
}
_SAMPLE_S = 0.005
COMMANDS = ("analyze", "csv", "parquet", "serve", "batch")


def _phase(frame: object) -> str:
    while frame is not None:
        name = frame.f_code.co_qualname  # type: ignore[attr-defined]
        if name in PHASES:
            return PHASES[name]
        frame = frame.f_back  # type: ignore[attr-defined]
    return "other (start, open store, exit)"


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_high_water_mark() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _serve_requests(db: str) -> int:
    """Start the app and ask for the pages and lists people open first; resident KB after."""
    import gc

    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    client = TestClient(create_app(db))
    for url in ("/", "/api/stories", "/api/documents", "/api/entities", "/api/quotes",
                "/api/figures", "/api/events"):
        client.get(url).raise_for_status()
    story = client.get("/api/stories", params={"limit": 1}).json()["items"][0]["id"]
    client.get(f"/stories/{story}").raise_for_status()
    gc.collect()
    return _status_kb("VmRSS")


def _runner(command: str, corpus: str, tmp: str, jobs: int) -> Callable[[], object]:
    db = f"{tmp}/analyze/marsad.db"
    if command == "analyze":
        from marsad.pipeline import AnalyzeOptions, analyze

        return lambda: analyze([corpus], f"{tmp}/analyze", options=AnalyzeOptions(jobs=jobs))
    if command in ("csv", "parquet"):
        from marsad.export.tables import export_store

        return lambda: export_store(db, f"{tmp}/{command}", command)
    if command == "serve":
        return lambda: _serve_requests(db)
    from marsad.scale.runner import batch

    return lambda: batch([corpus], f"{tmp}/batch", workers=jobs or 2)


def child(command: str, corpus: str, tmp: str, jobs: int) -> None:
    """Run one command here, sampling phases; print one JSON line of results."""
    run = _runner(command, corpus, tmp, jobs)
    main = threading.main_thread().ident
    peaks: dict[str, int] = {}
    seconds: dict[str, float] = {}
    done = threading.Event()

    def sample() -> None:
        current, since = None, time.perf_counter()
        while not done.is_set():
            frame = sys._current_frames().get(main)  # noqa: SLF001
            phase = _phase(frame)
            if phase != current:
                now = time.perf_counter()
                if current is not None:
                    peaks[current] = max(peaks.get(current, 0), _status_kb("VmHWM"))
                    seconds[current] = seconds.get(current, 0.0) + now - since
                _reset_high_water_mark()
                current, since = phase, now
            peaks[phase] = max(peaks.get(phase, 0), _status_kb("VmRSS"))
            time.sleep(_SAMPLE_S)
        peaks[current] = max(peaks.get(current, 0), _status_kb("VmHWM"))
        seconds[current] = seconds.get(current, 0.0) + time.perf_counter() - since

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    returned = run()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    resident = returned if command == "serve" else None
    print(json.dumps({"wall": wall, "peaks_kb": peaks, "seconds": seconds,
                      "children_kb": children, "resident_kb": resident,
                      "resettable": _reset_high_water_mark()}))


def _measure(command: str, corpus: Path, tmp: str, jobs: int) -> None:
    args = [sys.executable, "-m", "bench.bench_memory", "--child", command, str(corpus), tmp,
            str(jobs)]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{command} failed ({done.returncode}): {done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    peak = max(result["peaks_kb"].values()) / 1024
    resident = result["resident_kb"]
    after = f", resident after start {resident / 1024:.0f} MB" if resident else ""
    print(f"{command}: {result['wall']:.1f} s, peak of the main process {peak:.0f} MB "
          f"(child processes {result['children_kb'] / 1024:.0f} MB){after}")
    note = "" if result["resettable"] else " (peak so far: the kernel kept the high-water mark)"
    print(f"  peak per phase{note}:")
    for phase, kb in result["peaks_kb"].items():
        print(f"    {phase:45s} {kb / 1024:7.0f} MB  {result['seconds'].get(phase, 0):7.1f} s")
    sys.stdout.flush()


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
        return
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    wanted = sys.argv[2].split(",") if len(sys.argv) > 2 else list(COMMANDS)
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs, words = write_corpus(corpus, limit)
        print(f"{docs} articles ({words} words)")
        for command in ["analyze"] + [c for c in wanted if c != "analyze"]:
            _measure(command, corpus, tmp, jobs)


if __name__ == "__main__":
    main()
