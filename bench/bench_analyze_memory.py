"""Where `analyze` spends its memory: peak resident memory per phase, on SaudiNewsNet.

Writes N corpus articles to a temporary JSON Lines file (read straight from the zips in
../shared) and runs `analyze` on them in a child process, where a sampler thread reads the
main thread's stack every few milliseconds to name the phase (ingest, storing documents,
extraction, reading items back, the cross-document layer, analysis.json, report.html) and
the kernel's high-water mark of resident memory (VmHWM, reset at each change of phase when
the kernel allows it), so each phase gets its own peak. Prints wall time, the peak of the
main process per phase and of the extraction workers. Usage:
  python -m bench.bench_analyze_memory [N] [JOBS]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.bench_pipeline import write_corpus

# Innermost matching function on the main thread's stack -> phase; names of the old and
# the new pipeline both appear, so the same script measures before and after.
PHASES = {
    "_ingest": "ingest (read inputs, link duplicates)",
    "add_document": "store documents",
    "_extract_all": "extraction (main process: store writes)",
    "stored_items": "read items back",
    "across_documents": "cross-document layer",
    "build_analysis": "build the analysis dict",
    "write_json": "write analysis.json",
    "stream_analysis": "write analysis.json",
    "write_report": "write report.html",
}
_SAMPLE_S = 0.005


def _phase(frame: object) -> str:
    while frame is not None:
        name = frame.f_code.co_name  # type: ignore[attr-defined]
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


def child(corpus: str, out: str, jobs: int) -> None:
    """Run analyze here, sampling phases; print one JSON line of results."""
    from marsad.pipeline import AnalyzeOptions, analyze

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
    analyze([corpus], out, options=AnalyzeOptions(jobs=jobs))
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"wall": wall, "peaks_kb": peaks, "seconds": seconds,
                      "workers_kb": workers, "resettable": _reset_high_water_mark()}))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs, words = write_corpus(corpus, limit)
        args = [sys.executable, "-m", "bench.bench_analyze_memory", "--child", str(corpus),
                f"{tmp}/out", str(jobs)]
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"analyze failed ({done.returncode}): {done.stderr[-2000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
    # Resetting the high-water mark resets ru_maxrss too: the run's peak is its phases' peak.
    peak = max(result["peaks_kb"].values()) / 1024 if result["resettable"] else \
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"analyze on {docs} articles ({words} words): {result['wall']:.1f} s, peak memory "
          f"of the main process {peak:.0f} MB (extraction workers "
          f"{result['workers_kb'] / 1024:.0f} MB)")
    note = "" if result["resettable"] else " (peak so far: the kernel kept the high-water mark)"
    print(f"main process, peak per phase{note}:")
    for phase, kb in result["peaks_kb"].items():
        print(f"  {phase:45s} {kb / 1024:7.0f} MB  {result['seconds'].get(phase, 0):7.1f} s")


if __name__ == "__main__":
    main()
