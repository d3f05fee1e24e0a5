"""What the web app serves: the store's documents and items with the cross-document layer.

The layer (entities, stories, merged events) is computed over every stored document and
kept until the store changes (another run finished, an upload), so pages stay fast.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.pipeline import analysis_of, stored_items
from marsad.store import open_store


@dataclass
class Snapshot:
    """One consistent view of the store, with lookup tables."""

    analysis: dict[str, Any]
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    stories: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    story_of_doc: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, analysis: dict[str, Any]) -> Snapshot:
        snap = cls(analysis)
        snap.documents = {d["id"]: d for d in analysis["documents"]}
        snap.stories = {s["id"]: s for s in analysis["stories"]}
        snap.entities = {e["id"]: e for e in analysis["entities"]}
        snap.events = {e["id"]: e for e in analysis["events"]}
        snap.story_of_doc = {d: s["id"] for s in analysis["stories"] for d in s["documents"]}
        return snap


class Corpus:
    """A cached Snapshot of the database at `db_path`, rebuilt when the store changes."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.Lock()
        self._version: tuple[int, ...] | None = None
        self._snapshot: Snapshot | None = None

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
                self._snapshot = self._load()
                self._version = version
            return self._snapshot

    def _load(self) -> Snapshot:
        with open_store(self.db_path) as store:
            documents = list(store.documents())
            items = stored_items(store)
        return Snapshot.of(analysis_of(documents, [], items))

    def search(self, query: str, limit: int, offset: int) -> list[Any]:
        with open_store(self.db_path) as store:
            return store.search(query, limit, offset)
