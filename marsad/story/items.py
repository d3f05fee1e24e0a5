"""Per-document items as the cross-document layer reads them: kind by kind, for the
documents it works on, from the store or from memory, so no stage need hold them all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
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
