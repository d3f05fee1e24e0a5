"""`marsad batch`: the same per-document pipeline on a Dask cluster, Parquet out.

Two rounds of tasks: workers read partitions of the input files into documents; the client
links duplicates across all of them (a global view, as `analyze` has); workers extract
from partitions of the original documents; the client runs the cross-document layer and
writes one Parquet dataset per kind, analysis.json and report.html. Results are put back
in input order, so the output is the same whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from dask.distributed import Client, LocalCluster

from marsad.export.analysis_json import write_json
from marsad.export.report import write_report
from marsad.extract.document import PER_DOCUMENT_KINDS, extract_document
from marsad.ingest import IngestOptions, read_file
from marsad.ingest.reader import iter_files
from marsad.model import Document, Rejected
from marsad.pipeline import (
    AnalyzeOptions,
    RunResult,
    analysis_of,
    exit_code,
    needs_extraction,
    prepare_documents,
)

Items = dict[str, list[dict[str, Any]]]
# Tasks per worker: enough to balance uneven files without drowning the scheduler.
_PARTITIONS_PER_WORKER = 4
# Rows per Parquet file: a kind with more rows is written as several partitions.
_ROWS_PER_PARTITION = 50_000
_PARQUET_KINDS = ("documents", "entities", "quotes", "figures", "times", "events", "stories")


def _read_partition(files: list[str], options: IngestOptions) -> list[Document | Rejected]:
    return [item for path in files for item in read_file(path, options)]


def _extract_partition(documents: list[Document], crf: bool) -> Items:
    items: Items = {kind: [] for kind in PER_DOCUMENT_KINDS}
    for doc in documents:
        for kind, found in extract_document(doc, crf).items():
            items[kind].extend(found)
    return items


def _partitions(values: Sequence[Any], count: int) -> list[list[Any]]:
    """Consecutive slices, so that concatenating the results keeps the input order."""
    size = max(1, -(-len(values) // max(1, count)))
    return [list(values[i : i + size]) for i in range(0, len(values), size)]


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the given scheduler, or of a local cluster of single-threaded processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, Client(cluster) as client:
        yield client


def _to_column_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def write_parquet(analysis: dict[str, Any], out_dir: Path) -> None:
    """One Parquet dataset folder per kind, in partitions of _ROWS_PER_PARTITION rows;
    nested values become JSON strings."""
    for kind in _PARQUET_KINDS:
        folder = out_dir / kind
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.parquet"):
            old.unlink()
        rows = [{k: _to_column_value(v) for k, v in row.items()} for row in analysis[kind]]
        columns = sorted({k for row in rows for k in row})
        for part, start in enumerate(range(0, len(rows), _ROWS_PER_PARTITION)):
            chunk = rows[start : start + _ROWS_PER_PARTITION]
            table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in chunk])
            pq.write_table(table, folder / f"part-{part:04d}.parquet")


def batch(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    scheduler: str | None = None,
    workers: int = 2,
    options: AnalyzeOptions | None = None,
) -> RunResult:
    """Analyse the inputs on Dask; writes DIR/<kind>/, analysis.json and report.html."""
    options = options or AnalyzeOptions()
    out_dir = Path(out_dir)
    files = list(iter_files(paths))
    with _client(scheduler, workers) as client:
        count = max(1, len(client.scheduler_info()["workers"])) * _PARTITIONS_PER_WORKER
        read = client.gather(
            client.map(_read_partition, _partitions(files, count), options=options.ingest)
        )
        documents = [i for part in read for i in part if isinstance(i, Document)]
        rejected = [i for part in read for i in part if isinstance(i, Rejected)]
        documents = prepare_documents(documents)
        pending = [d for d in documents if needs_extraction(d, options)]
        extracted = client.gather(
            client.map(_extract_partition, _partitions(pending, count), crf=options.crf,
                       pure=False)
        )
    items: Items = {kind: [] for kind in PER_DOCUMENT_KINDS}
    for part in extracted:
        for kind, found in part.items():
            items[kind].extend(found)
    for found in items.values():
        found.sort(key=lambda item: (item["doc"], item.get("start") or 0, item["id"]))
    analysis = analysis_of(documents, rejected, items)  # Dask runs hold it whole anyway
    write_json(analysis, out_dir / "analysis.json")
    write_report(analysis, out_dir / "report.html")
    write_parquet(analysis, out_dir)
    code = exit_code(documents, rejected, options)
    return RunResult(len(documents), rejected, len(documents), len(pending), code)
