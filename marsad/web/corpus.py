"""What the web app serves: the store's documents and the cross-document layer over them.

The layer (entities, stories, merged events) is computed over every stored document and
kept until the store changes (another run finished, an upload), so pages stay fast. Quotes,
figures and times are not held: they are read from the store, a page or a document at a
time, and given their entity ids as they are read, as `analyze` reads them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.export.analysis_json import document_dict
from marsad.pipeline import across_documents
from marsad.store import Store, open_store
from marsad.story.entities import EntityLinker

Item = dict[str, Any]
# Kinds read from the store when asked, and where each names the entity it relies on.
STORED_KINDS = ("quotes", "figures", "times")
_ENTITY_FIELD = {"quotes": "speaker", "figures": "source"}


@dataclass
class Snapshot:
    """One consistent view of the store: documents and the layer, with lookup tables, and
    the stored items read through `read`."""

    documents: dict[str, Item]
    entities: dict[str, Item]
    stories: dict[str, Item]
    events: dict[str, Item]
    linker: EntityLinker
    read: Callable[[], Store]
    story_of_doc: dict[str, str] = field(default_factory=dict)
    # entity id -> the documents where it speaks (quotes) or is a figure's source (figures)
    docs_of_entity: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.story_of_doc = {d: s["id"] for s in self.stories.values() for d in s["documents"]}

    def items(
        self, kind: str, doc_ids: Iterable[str] | None = None, keep: Callable[[Item], bool]
        | None = None,
    ) -> Iterator[Item]:
        """Stored items of one kind (of these documents, or all) with their entity ids, in
        (doc, start) order; only those `keep` accepts."""
        for item in self.read().iter_items(kind, doc_ids):
            linked = self.linker.link(kind, item)
            if keep is None or keep(linked):
                yield linked

    def page(
        self, kind: str, doc_ids: Iterable[str] | None, limit: int, offset: int
    ) -> tuple[list[Item], int]:
        """One page of a kind's items and their number, counted and cut by the store."""
        store = self.read()
        found = store.iter_items(kind, doc_ids, limit=limit, offset=offset)
        return [self.linker.link(kind, i) for i in found], store.count_items(kind, doc_ids)

    def docs_of(self, kind: str, entity_id: str) -> set[str]:
        """The documents where the entity speaks (quotes) or is a source (figures)."""
        return self.docs_of_entity[kind].get(entity_id, set())

    def entity_of(self, kind: str, item: Item) -> str | None:
        """The entity a quote's speaker or a figure's source is, if known."""
        return (item.get(_ENTITY_FIELD[kind]) or {}).get("entity")


class Corpus:
    """A cached Snapshot of the database at `db_path`, rebuilt when the store changes."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.Lock()
        self._version: tuple[int, ...] | None = None
        self._snapshot: Snapshot | None = None
        self._local = threading.local()

    def _store_version(self) -> tuple[int, ...]:
        with open_store(self.db_path) as store:
            row = store.conn.execute(
                "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM analysed), "
                "(SELECT COALESCE(MAX(id), 0) FROM runs WHERE finished_at IS NOT NULL)"
            ).fetchone()
        return tuple(row)

    def snapshot(self) -> Snapshot:
        version = self._store_version()
        with self._lock:
            if self._snapshot is None or version != self._version:
                self._snapshot = None  # the old one is not kept while the new one is made
                self._snapshot = self._load()
                self._version = version
            return self._snapshot

    def reader(self) -> Store:
        """This thread's read-only connection to the store."""
        store = getattr(self._local, "store", None)
        if store is None:
            uri = self.db_path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=10000")
            store = self._local.store = Store(conn)
        return store

    def _load(self) -> Snapshot:
        with open_store(self.db_path) as store:
            documents = list(store.documents())
            layer = across_documents(documents, store)
            docs_of_entity: dict[str, dict[str, set[str]]] = {}
            for kind, name in _ENTITY_FIELD.items():
                docs_of_entity[kind] = defaultdict(set)
                for item in layer.iter_items(kind):
                    entity = (item.get(name) or {}).get("entity")
                    if entity:
                        docs_of_entity[kind][entity].add(item["doc"])
        return Snapshot(
            documents={d.id: document_dict(d) for d in documents},
            entities={e["id"]: e for e in layer.entities},
            stories={s["id"]: s for s in layer.stories},
            events={e["id"]: e for e in layer.events},
            linker=layer.linker,
            read=self.reader,
            docs_of_entity=docs_of_entity,
        )

    def search(self, query: str, limit: int, offset: int) -> list[Any]:
        with open_store(self.db_path) as store:
            return store.search(query, limit, offset)
