"""Per-document items as the cross-document layer reads them: kind by kind, for the
documents it works on, from the store or from memory, so no stage need hold them all."""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

Items = dict[str, list[dict[str, Any]]]


class ItemSource(Protocol):
    """Where items are read from; `marsad.store.Store` is one."""

    def iter_items(
        self, kind: str, doc_ids: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Items of one kind, of these documents or all, in (doc, start) order."""
        ...


class MemoryItems:
    """Items already in memory (a Dask run, the web snapshot, a test), read as the store
    reads them; the dicts are handed out themselves, not copies."""

    def __init__(self, items: Items) -> None:
        self._items = items
        self._by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def iter_items(
        self, kind: str, doc_ids: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        found = self._items.get(kind, [])
        if doc_ids is None:
            yield from found
            return
        if kind not in self._by_doc:
            by_doc = defaultdict(list)
            for item in found:
                by_doc[item["doc"]].append(item)
            self._by_doc[kind] = by_doc
        for doc in sorted(set(doc_ids)):
            yield from self._by_doc[kind].get(doc, ())


class SpooledItems(Mapping[str, dict[str, Any]]):
    """Items written to a temporary file as they are made, one JSON line each, and read
    back in order or by id: a long run's merged events are not held while the outputs
    are written. Only each item's file offset stays in memory."""

    def __init__(self, folder: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (closed by close())
        self._offsets: dict[str, int] = {}
        self._count = 0

    def extend(self, items: Iterable[dict[str, Any]]) -> None:
        self._file.seek(0, os.SEEK_END)
        for item in items:
            self._offsets[item["id"]] = self._file.tell()
            self._file.write(json.dumps(item, ensure_ascii=False).encode() + b"\n")
            self._count += 1

    def __getitem__(self, item_id: str) -> dict[str, Any]:
        self._file.seek(self._offsets[item_id])
        return json.loads(self._file.readline())

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._offsets

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)

    def in_order(self) -> Iterator[dict[str, Any]]:
        """Every item in the order it was added, read in one pass."""
        position = 0
        for _ in range(self._count):
            self._file.seek(position)  # a lookup by id may have moved it meanwhile
            line = self._file.readline()
            position += len(line)
            yield json.loads(line)

    def close(self) -> None:
        self._file.close()
