"""`marsad batch`: the same per-document pipeline on a Dask cluster, Parquet out.

Two rounds of tasks: workers read partitions of the input files into documents; the client
links duplicates across all of them (a global view, as `analyze` has) and stores them;
workers extract from partitions of the original documents, whose items the client stores
as they come back; then the same streamed outputs as `analyze` (analysis.json and
report.html, items read back from the store) and one Parquet dataset per kind. Results
are stored in input order, so the output is the same whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from dask.distributed import Client, Future, LocalCluster

from marsad.extract.document import extract_document
from marsad.ingest import IngestOptions, read_file
from marsad.ingest.reader import iter_files
from marsad.model import Document, Rejected
from marsad.pipeline import (
    AnalysisView,
    AnalyzeOptions,
    RunItems,
    RunResult,
    as_stored,
    cross_document_layer,
    exit_code,
    pending_documents,
    pipeline_version,
    write_outputs,
)
from marsad.store import Store, open_store

Items = dict[str, list[dict[str, Any]]]
# Tasks per worker: enough to balance uneven files without drowning the scheduler.
_PARTITIONS_PER_WORKER = 4
# Rows per Parquet file: a kind with more rows is written as several partitions.
_ROWS_PER_PARTITION = 50_000
# Documents per extraction task at most: the client holds one task's items at a time.
_DOCUMENTS_PER_TASK = 500
_PARQUET_KINDS = ("documents", "entities", "quotes", "figures", "times", "events", "stories")


def _read_partition(files: list[str], options: IngestOptions) -> list[Document | Rejected]:
    return [item for path in files for item in read_file(path, options)]


def _extract_partition(documents: list[Document], crf: bool) -> list[tuple[str, Items]]:
    return [(doc.id, extract_document(doc, crf)) for doc in documents]


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


def write_parquet(analysis: Mapping[str, Iterable[dict[str, Any]]], out_dir: Path) -> None:
    """One Parquet dataset folder per kind, in partitions of _ROWS_PER_PARTITION rows;
    nested values become JSON strings. Each kind is read twice (its columns, then its
    rows), so only one partition's rows are held."""
    for kind in _PARQUET_KINDS:
        folder = out_dir / kind
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.parquet"):
            old.unlink()
        columns = sorted({k for row in analysis[kind] for k in row})
        rows = ({k: _to_column_value(v) for k, v in row.items()} for row in analysis[kind])
        for part, chunk in enumerate(_chunks(rows, _ROWS_PER_PARTITION)):
            table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in chunk])
            pq.write_table(table, folder / f"part-{part:04d}.parquet")


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def batch(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    scheduler: str | None = None,
    workers: int = 2,
    options: AnalyzeOptions | None = None,
) -> RunResult:
    """Analyse the inputs on Dask; writes DIR/<kind>/, analysis.json and report.html, and
    keeps the items in DIR/marsad.db, read back from there as `analyze` reads them."""
    options = options or AnalyzeOptions()
    out_dir = Path(out_dir)
    files = list(iter_files(paths))
    with open_store(out_dir / "marsad.db") as store, _client(scheduler, workers) as client:
        count = max(1, len(client.scheduler_info()["workers"])) * _PARTITIONS_PER_WORKER
        read = client.gather(
            client.map(_read_partition, _partitions(files, count), options=options.ingest)
        )
        documents = [i for part in read for i in part if isinstance(i, Document)]
        rejected = [i for part in read for i in part if isinstance(i, Rejected)]
        del read
        documents = as_stored(documents, store)
        added = sum(store.add_document(doc) for doc in documents)
        pending = pending_documents(documents, options, store)
        parts = max(count, -(-len(pending) // _DOCUMENTS_PER_TASK))
        futures = client.map(_extract_partition, _partitions(pending, parts), crf=options.crf,
                             pure=False)
        _gather_extracted(futures, store, pipeline_version(options))
        with cross_document_layer(documents, RunItems(store, [d.id for d in documents]),
                                  out_dir) as layer:
            write_outputs(documents, rejected, layer, out_dir)
            write_parquet(AnalysisView(documents, rejected, layer), out_dir)
    code = exit_code(documents, rejected, options)
    return RunResult(len(documents), rejected, added, len(pending), code)


def _gather_extracted(futures: list[Future], store: Store, version: str) -> None:
    """Store each partition's items as it arrives, in input order, so that the client
    holds one partition's items at a time."""
    for future in futures:
        for doc_id, items in future.result():
            store.save_results(doc_id, items, version)
        future.release()
