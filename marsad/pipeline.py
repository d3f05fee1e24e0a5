"""The one place that strings the stages together: ingest, store, extract, export."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from marsad.errors import OptionError
from marsad.export.analysis_json import (
    ITEM_KINDS,
    build_analysis,
    document_dict,
    stream_analysis,
)
from marsad.export.report import write_report
from marsad.extract.document import PER_DOCUMENT_KINDS, extract_document
from marsad.ingest import IngestOptions, link_duplicates, read_inputs
from marsad.model import Document, Rejected
from marsad.store import Store, open_store
from marsad.story.build import EventSink, build_stories
from marsad.story.entities import EntityLinker, merge_mentions
from marsad.story.items import ItemSource, MemoryItems, SpooledItems

# Bump when an extractor changes its output, so stored documents are analysed again.
PIPELINE_VERSION = "2"
# Below this many documents, starting worker processes costs more than it saves.
_MIN_DOCUMENTS_FOR_PROCESSES = 64
Items = dict[str, list[dict[str, Any]]]
SUPPORTED_LANGUAGES = ("ar",)


@dataclass(frozen=True)
class AnalyzeOptions:
    """Options of `analyze`, validated once."""

    lang: str = "ar"
    strict: bool = False
    jobs: int = 0  # extraction processes; 0 = one per core
    crf: bool = False  # entity names from the CRF as well as the rules (slower)
    ingest: IngestOptions = field(default_factory=IngestOptions)

    def __post_init__(self) -> None:
        if self.lang not in SUPPORTED_LANGUAGES:
            raise OptionError("lang", self.lang, ", ".join(SUPPORTED_LANGUAGES))
        if not isinstance(self.jobs, int) or self.jobs < 0:
            raise OptionError("jobs", self.jobs, "a whole number >= 0 (0: one per core)")

    @property
    def processes(self) -> int:
        return self.jobs or os.cpu_count() or 1


@dataclass
class RunResult:
    """What a run produced and the exit status SPEC.md asks for; the analysis itself is in
    the files written (analysis.json), never held whole."""

    documents: int
    rejected: list[Rejected]
    added: int
    analysed: int
    exit_code: int


class Reporter:
    """Where a run tells the user about rejected inputs and progress; silent by default."""

    def rejected(self, item: Rejected) -> None:
        """Called once for every rejected file or record."""

    def progress(self, documents: Sequence[Document]) -> Iterator[Document]:
        """Wrap the documents being analysed; a terminal reporter draws a bar."""
        return iter(documents)


def analyze(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    db_path: str | Path | None = None,
    options: AnalyzeOptions | None = None,
    reporter: Reporter | None = None,
) -> RunResult:
    """Analyse the inputs, keep everything in the store, write analysis.json and report.html."""
    options = options or AnalyzeOptions()
    reporter = reporter or Reporter()
    out_dir = Path(out_dir)
    with open_store(db_path or out_dir / "marsad.db") as store:
        run_id = store.start_run()
        documents, rejected = _ingest(paths, options, store, run_id, reporter)
        added = sum(store.add_document(doc) for doc in documents)
        analysed = _extract_all(documents, options, store, reporter)
        store.finish_run(run_id, len(documents), len(rejected))
        # items are read back kind by kind as the outputs need them, not all at once
        with cross_document_layer(documents, RunItems(store, [d.id for d in documents]),
                                  out_dir) as layer:
            write_outputs(documents, rejected, layer, out_dir)
    return RunResult(len(documents), rejected, added, analysed,
                     exit_code(documents, rejected, options))


class RunItems:
    """The stored items of one run's documents (the store may hold others)."""

    def __init__(self, store: Store, doc_ids: list[str]) -> None:
        self._store = store
        self._doc_ids = doc_ids

    def iter_items(
        self, kind: str, doc_ids: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        return self._store.iter_items(kind, self._doc_ids if doc_ids is None else doc_ids)


@contextlib.contextmanager
def cross_document_layer(
    documents: list[Document], source: ItemSource, spool_dir: Path
) -> Iterator[Layer]:
    """The cross-document layer over items read from `source`, its merged events spooled
    in `spool_dir` until the block ends: what every output of a run is written from."""
    spool_dir.mkdir(parents=True, exist_ok=True)
    layer = across_documents(documents, source, SpooledItems(spool_dir))
    try:
        yield layer
    finally:
        layer.close()


def write_outputs(
    documents: list[Document], rejected: list[Rejected], layer: Layer, out_dir: Path
) -> None:
    """Write analysis.json and report.html from the layer, streamed."""
    stream_analysis(out_dir / "analysis.json", documents, rejected, layer.sections())
    report = {
        "documents": [document_dict(d) for d in documents],
        "rejected": [r.to_dict() for r in rejected],
        "entities": layer.entities,
        "events": layer.events,
        "stories": layer.stories,
    }
    write_report(report, out_dir / "report.html", layer)


def exit_code(documents: list[Document], rejected: list[Rejected], options: AnalyzeOptions) -> int:
    """SPEC: 2 when no document was read, 1 with --strict when anything was rejected."""
    if not documents:
        return 2
    return 1 if options.strict and rejected else 0


def _ingest(
    paths: Iterable[str | Path],
    options: AnalyzeOptions,
    store: Store,
    run_id: int,
    reporter: Reporter,
) -> tuple[list[Document], list[Rejected]]:
    """Read the inputs; reuse stored copies and link duplicates within the run and the store."""
    documents: list[Document] = []
    rejected: list[Rejected] = []
    for item in read_inputs(paths, options.ingest):
        if isinstance(item, Rejected):
            rejected.append(item)
            store.add_rejected(run_id, item)
            reporter.rejected(item)
        else:
            documents.append(item)
    return as_stored(documents, store), rejected


def as_stored(documents: list[Document], store: Store) -> list[Document]:
    """The run's documents as the store knows them: a stored document is reused, one read
    twice kept once, copies linked within the run and to documents already stored."""
    documents = prepare_documents([store.get_document(d.id) or d for d in documents])
    stored_copies = store.ids_with_hashes(d.content_hash for d in documents)
    return [_linked_to_store(doc, stored_copies.get(doc.content_hash)) for doc in documents]


def prepare_documents(documents: list[Document]) -> list[Document]:
    """Drop documents read twice in one run (the same file given twice) and link copies."""
    seen: set[str] = set()
    unique = []
    for doc in documents:
        if doc.id not in seen:
            seen.add(doc.id)
            unique.append(doc)
    link_duplicates(unique)
    return unique


def needs_extraction(doc: Document, options: AnalyzeOptions) -> bool:
    """Originals in the run's language are analysed; copies and other languages are not."""
    return doc.duplicate_of is None and doc.language == options.lang


def _linked_to_store(doc: Document, stored_id: str | None) -> Document:
    """Mark a new document whose exact text is already stored under another id as a copy."""
    if stored_id is None or stored_id == doc.id or doc.duplicate_of:
        return doc
    return replace(doc, duplicate_of=stored_id)


def _extract_all(
    documents: list[Document], options: AnalyzeOptions, store: Store, reporter: Reporter
) -> int:
    """Extract from every original document in the run's language not yet analysed."""
    pending = pending_documents(documents, options, store)
    version = pipeline_version(options)
    for doc, items in zip(reporter.progress(pending), _extracted(pending, options), strict=True):
        store.save_results(doc.id, items, version)
    return len(pending)


def pipeline_version(options: AnalyzeOptions) -> str:
    """The version stored with a document's items: items from another version of the
    extractors, or from the other CRF setting, are redone."""
    return f"{PIPELINE_VERSION}+crf" if options.crf else PIPELINE_VERSION


def pending_documents(
    documents: list[Document], options: AnalyzeOptions, store: Store
) -> list[Document]:
    """The documents to extract from: originals in the run's language not yet analysed."""
    version = pipeline_version(options)
    return [doc for doc in documents
            if needs_extraction(doc, options) and not store.is_analysed(doc.id, version)]


def _extracted(documents: list[Document], options: AnalyzeOptions) -> Iterator[Items]:
    """Items of each document, in order; worker processes share the work of long runs
    while this process alone writes to the store."""
    extract = partial(extract_document, crf=options.crf)
    if options.processes == 1 or len(documents) < _MIN_DOCUMENTS_FOR_PROCESSES:
        yield from map(extract, documents)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(options.processes, mp_context=context) as pool:
        yield from pool.map(extract, documents, chunksize=8)


def stored_items(store: Store, doc_ids: list[str] | None = None) -> Items:
    """Per-document items read back from the store: of these documents, or of all."""
    return {kind: store.items(kind, doc_ids) for kind in PER_DOCUMENT_KINDS}


@dataclass
class Layer:
    """The cross-document layer: merged entities, stories and merged events are held;
    quotes, times and figures are read from the source, with their entity ids, when asked."""

    entities: list[dict[str, Any]]
    events: EventSink  # merged events, in story order
    stories: list[dict[str, Any]]
    source: ItemSource
    linker: EntityLinker

    def iter_items(
        self, kind: str, doc_ids: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Per-document items of one kind with their entity ids (an ItemSource)."""
        return (self.linker.link(kind, i) for i in self.source.iter_items(kind, doc_ids))

    def section(self, kind: str) -> Iterable[dict[str, Any]]:
        """One kind analysis.json lists; a kind read from the source is read afresh."""
        if kind == "events":
            return self.events.in_order() if isinstance(self.events, SpooledItems) \
                else self.events
        held = {"entities": self.entities, "stories": self.stories}
        return held[kind] if kind in held else self.iter_items(kind)

    def sections(self) -> dict[str, Iterable[dict[str, Any]]]:
        """Every kind analysis.json lists, in its order; the read ones are read then."""
        return {kind: self.section(kind) for kind in ITEM_KINDS}

    def close(self) -> None:
        """Remove the spooled events, if any."""
        if isinstance(self.events, SpooledItems):
            self.events.close()


class AnalysisView(Mapping[str, Iterable[dict[str, Any]]]):
    """analysis.json's lists, each made afresh when asked and never held whole: what the
    tables and Parquet datasets are written from, in one pass or two."""

    def __init__(self, documents: list[Document], rejected: list[Rejected], layer: Layer) -> None:
        self._documents = documents
        self._rejected = rejected
        self._layer = layer

    def __getitem__(self, kind: str) -> Iterable[dict[str, Any]]:
        if kind == "documents":
            return (document_dict(d) for d in self._documents)
        if kind == "rejected":
            return (r.to_dict() for r in self._rejected)
        if kind not in ITEM_KINDS:
            raise KeyError(kind)
        return self._layer.section(kind)

    def __iter__(self) -> Iterator[str]:
        return iter(("documents", "rejected", *ITEM_KINDS))

    def __len__(self) -> int:
        return 2 + len(ITEM_KINDS)


def analysis_of(
    documents: list[Document], rejected: list[Rejected], items: Items
) -> dict[str, Any]:
    """The analysis.json dict, whole in memory: the reference the streamed outputs are
    checked against (tests, benches)."""
    sections = across_documents(documents, MemoryItems(items)).sections()
    return build_analysis(documents, rejected, {k: list(v) for k, v in sections.items()})


def across_documents(
    documents: list[Document], source: ItemSource, events_out: SpooledItems | None = None
) -> Layer:
    """The cross-document layer: merged entities, linked items, stories, merged events
    (held in a list, or spooled to `events_out`)."""
    entities = merge_mentions(source.iter_items("mentions"))
    linker = EntityLinker(entities)
    stories, events = build_stories(documents, source, entities, linker=linker,
                                    events_out=events_out)
    return Layer(entities, events, stories, source, linker)
