"""Entities across documents: merge the stored mentions, then point items at entity ids.

Per-document extractors keep the spans of the names they relied on (a quote's speaker, a
figure's source, an event's actors and places); once mentions from every document are
merged, those spans find their entity here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from marsad.extract.entity_merge import merge_entities
from marsad.extract.entity_records import EntityMention

Items = dict[str, list[dict[str, Any]]]
_MENTION_FIELDS = {f.name for f in fields(EntityMention)}


class _SpanIndex:
    """The entity whose mention lies inside a span, per document, by binary search."""

    def __init__(self, entities: list[dict[str, Any]]) -> None:
        by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for entity in entities:
            for m in entity["mentions"]:
                by_doc[m["doc"]].append((m["start"], m["end"], entity["id"]))
        self._spans = {doc: sorted(spans) for doc, spans in by_doc.items()}
        self._starts = {doc: [s[0] for s in spans] for doc, spans in self._spans.items()}

    def inside(self, doc: str, start: int, end: int) -> str | None:
        """The entity of the longest mention within [start, end)."""
        spans = self._spans.get(doc)
        if not spans:
            return None
        best: tuple[int, str] | None = None
        for s, e, entity in spans[bisect_right(self._starts[doc], start - 1):]:
            if s >= end:
                break
            if e <= end and (best is None or e - s > best[0]):
                best = (e - s, entity)
        return best[1] if best else None


def merge_mentions(mention_items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities (SPEC shape, with a document count) from stored mention dicts, read one at
    a time: only the compact mention records are held while merging."""
    mentions = [
        EntityMention(**{k: v for k, v in m.items() if k in _MENTION_FIELDS})
        for m in mention_items
    ]
    entities = [e.to_dict() for e in merge_entities(mentions)]
    for entity in entities:
        entity["documents"] = len({m["doc"] for m in entity["mentions"]})
    return entities


class EntityLinker:
    """Fills entity ids into the names items rely on; built once, applied item by item as
    items are read (quote speakers, figure sources, event actors and places)."""

    def __init__(self, entities: list[dict[str, Any]]) -> None:
        self._index = _SpanIndex(entities)

    def link(self, kind: str, item: dict[str, Any]) -> dict[str, Any]:
        """The item, with its references pointed at their entities (in place)."""
        inside = self._index.inside
        if kind == "quotes":
            speaker = item.get("speaker") or {}
            if speaker.get("start") is not None and not speaker.get("entity"):
                speaker["entity"] = inside(item["doc"], speaker["start"], speaker["end"])
        elif kind == "figures":
            source = item.get("source")
            if isinstance(source, dict) and source.get("start") is not None \
                    and not source["entity"]:
                source["entity"] = inside(item["doc"], source["start"], source["end"])
        elif kind == "events":
            for ref in item.get("actors", []) + item.get("places", []):
                if ref.get("start") is not None:
                    ref["entity"] = inside(item["doc"], ref["start"], ref["end"])
        return item


def link_entities(items: Items, entities: list[dict[str, Any]]) -> None:
    """Fill entity ids into quote speakers, figure sources and event actors and places."""
    linker = EntityLinker(entities)
    for kind in ("quotes", "figures", "events"):
        for item in items.get(kind, []):
            linker.link(kind, item)
