"""Whole pipeline end to end: `analyze` (one process) or `batch` (Dask) on SaudiNewsNet.

Writes N corpus articles to a temporary JSON Lines file (read straight from the zips in
../shared), runs the chosen command, and prints wall time, documents/s and words/s per
core, and the peak memory of the run. Usage:
  python -m bench.bench_pipeline analyze [N]
  python -m bench.bench_pipeline batch [N] [WORKERS]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import iter_articles


def write_corpus(path: Path, limit: int | None) -> tuple[int, int]:
    docs = words = 0
    with path.open("w", encoding="utf-8") as handle:
        for n, a in enumerate(iter_articles(limit)):
            record = {"id": f"snn-{n}", "url": a["url"], "source": a["source"],
                      "title": a["title"], "published": a["date_extracted"][:10],
                      "text": a["content"]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            docs += 1
            words += len(a["content"].split())
    return docs, words


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "analyze"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs, words = write_corpus(corpus, limit)
        args = [sys.executable, "-m", "marsad.cli", command, str(corpus), "--out", f"{tmp}/out"]
        cores = os.cpu_count() or 1  # analyze extracts in one process per core by default
        if command == "batch":
            args += ["--workers", str(workers)]
            cores = workers
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if done.returncode != 0:
            sys.exit(f"{command} failed ({done.returncode}): {done.stderr[-2000:]}")
        print(f"{command} on {docs} articles ({words} words), {cores} core(s): {seconds:.1f} s, "
              f"{docs / seconds / cores:.1f} docs/s/core, {words / seconds / cores:,.0f} "
              f"words/s/core, peak memory of the largest process {peak_mb:.0f} MB")
        print(done.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
