"""Entities across documents: merge the stored mentions, then point items at entity ids.

Per-document extractors keep the spans of the names they relied on (a quote's speaker, a
figure's source, an event's actors and places); once mentions from every document are
merged, those spans find their entity here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
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


def merge_mentions(mention_items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities (SPEC shape, with a document count) from stored mention dicts."""
    mentions = [
        EntityMention(**{k: v for k, v in m.items() if k in _MENTION_FIELDS})
        for m in mention_items
    ]
    entities = [e.to_dict() for e in merge_entities(mentions)]
    for entity in entities:
        entity["documents"] = len({m["doc"] for m in entity["mentions"]})
    return entities


def link_entities(items: Items, entities: list[dict[str, Any]]) -> None:
    """Fill entity ids into quote speakers, figure sources and event actors and places."""
    index = _SpanIndex(entities)
    for quote in items.get("quotes", []):
        speaker = quote.get("speaker") or {}
        if speaker.get("start") is not None and not speaker.get("entity"):
            speaker["entity"] = index.inside(quote["doc"], speaker["start"], speaker["end"])
    for figure in items.get("figures", []):
        source = figure.get("source")
        if isinstance(source, dict) and source.get("start") is not None and not source["entity"]:
            source["entity"] = index.inside(figure["doc"], source["start"], source["end"])
    for event in items.get("events", []):
        for ref in event.get("actors", []) + event.get("places", []):
            if ref.get("start") is not None:
                ref["entity"] = index.inside(event["doc"], ref["start"], ref["end"])
