"""Every output of a run, to compare two versions of marsad: analyze, batch and export.

Writes N corpus articles (or reads the given JSON Lines or folder) and runs, into OUT:
`analyze` (analyze/analysis.json, report.html), `batch` with two workers (batch/, its
Parquet datasets) and `export` of analyze's store as CSV and Parquet (csv/, parquet/);
then, with --compare OTHER, says for every file whether it is byte-identical to OTHER's,
and else whether its rows are (JSON after json.load, Parquet after reading it back).
Run it from a folder holding the other version's marsad/ and this bench/ to write that
version's outputs (the working folder comes first on the import path). Usage:
  python -m bench.bench_outputs OUT (N | PATH) [--compare OTHER]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.bench_pipeline import write_corpus


def write_all(out: Path, source: str) -> None:
    from marsad.export.tables import export_store
    from marsad.pipeline import analyze
    from marsad.scale.runner import batch

    out.mkdir(parents=True)
    inputs = Path(source)
    if source.isdigit():
        inputs = out / "corpus.jsonl"
        write_corpus(inputs, int(source))
    for name, run in (
        ("analyze", lambda: analyze([inputs], out / "analyze")),
        ("batch", lambda: batch([inputs], out / "batch", workers=2)),
        ("csv", lambda: export_store(out / "analyze" / "marsad.db", out / "csv", "csv")),
        ("parquet", lambda: export_store(out / "analyze" / "marsad.db", out / "parquet",
                                         "parquet")),
    ):
        start = time.perf_counter()
        run()
        print(f"{name}: {time.perf_counter() - start:.1f} s", flush=True)


def _rows(path: Path) -> object:
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        return str(table.schema), table.to_pylist()
    return None


def compare(out: Path, other: Path) -> bool:
    """Print one line per differing file; True when every file is the same."""
    same = True
    skipped = {"marsad.db", "marsad.db-wal", "marsad.db-shm", "corpus.jsonl"}
    names = {p.relative_to(out) for p in out.rglob("*") if p.is_file()} | {
        p.relative_to(other) for p in other.rglob("*") if p.is_file()}
    for name in sorted(n for n in names if n.name not in skipped):
        mine, theirs = out / name, other / name
        if not mine.exists() or not theirs.exists():
            print(f"only in one: {name}")
            same = False
        elif mine.read_bytes() == theirs.read_bytes():
            print(f"byte-identical: {name}")
        elif _rows(mine) is not None and _rows(mine) == _rows(theirs):
            print(f"same rows, other bytes: {name}")
        else:
            print(f"DIFFERENT: {name}")
            same = False
    return same


def main() -> None:
    out, source = Path(sys.argv[1]), sys.argv[2]
    write_all(out, source)
    if "--compare" in sys.argv:
        other = Path(sys.argv[sys.argv.index("--compare") + 1])
        sys.exit(0 if compare(out, other) else 1)


if __name__ == "__main__":
    main()
