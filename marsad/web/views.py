"""What the pages and the API show, derived once per Snapshot: indexes, filters, contexts."""

from __future__ import annotations

import bisect
import gc
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException

from marsad.export.report import highlight
from marsad.text.sentences import split_sentences
from marsad.web.corpus import STORED_KINDS, Corpus, Snapshot

Item = dict[str, Any]
# Anchor prefixes on the document page, in the order they are written before a piece, so
# that a quote's anchor sits right before its first piece (CSS `:target + .quote`).
ANCHOR_ORDER = ("s", "e", "m", "t", "f", "q")
# An entity page shows at most this many mentions in their sentences (the API has them all).
MAX_CONTEXTS = 500


def anchor(kind: str, start: int) -> str:
    """The id of the anchor at `start` on a document page: q-120 (quote), s-0 (sentence)..."""
    return f"{kind}-{start}"


def date_bounds(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date covers, as comparable strings: 2014 -> 2014-00-00 to
    2014-99-99; an interval START/END spans both; None when the date is unknown."""
    if not value:
        return None
    first, _, last = value.partition("/")
    last = last or first
    return (first + "-00-00"[: 10 - len(first)], last + "-99-99"[: 10 - len(last)])


def in_dates(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    """True when the date overlaps [date_from, date_to]; unknown dates only pass no filter.
    A partial bound covers its whole period: date_to=2024 keeps 2024-05-01."""
    if not date_from and not date_to:
        return True
    bounds = date_bounds(value)
    if bounds is None:
        return False
    low, high = bounds
    return ((not date_from or high >= date_bounds(date_from)[0])
            and (not date_to or low <= date_bounds(date_to)[1]))


def found(item: Item | None, kind: str) -> Item:
    """The item asked for by id, or the 404 that both pages and the API answer with."""
    if item is None:
        raise HTTPException(404, f"no {kind} with this id")
    return item


@dataclass
class Context:
    """A mention in its sentence: text before, the mention, text after."""

    doc: Item
    before: str
    text: str
    after: str
    start: int


class PageCache:
    """Rendered pages of one Snapshot by URL; pages are pure functions of the snapshot."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._pages.get(key)

    def put(self, key: str, body: bytes) -> None:
        if len(self._pages) >= self.size:
            self._pages.clear()
        self._pages[key] = body


class Views:
    """Indexes over one Snapshot; built once, read by many requests. Quotes, figures and
    times are read from the store as pages ask for them."""

    def __init__(self, snap: Snapshot, cached_pages: int = 2000) -> None:
        self.snap = snap
        self.pages = PageCache(cached_pages)
        # per document, the layer's spans in it: (mention, its entity), event mentions,
        # summary lines; references into the layer, not copies
        self.by_doc: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for entity in snap.entities.values():
            for mention in entity["mentions"]:
                self.by_doc[mention["doc"]]["mentions"].append((mention, entity))
        for event in snap.events.values():
            for mention in event.get("mentions") or []:
                self.by_doc[mention["doc"]]["events"].append(mention)
        for story in snap.stories.values():
            for line in story.get("summary") or []:
                self.by_doc[line["doc"]]["summary"].append(line)
        self.stories = sorted(
            snap.stories.values(),
            key=lambda s: (s.get("last_date") or "", len(s["documents"]), s["id"]),
            reverse=True,
        )
        self.documents = sorted(
            snap.documents.values(), key=lambda d: (d.get("published") or "", d["id"]),
            reverse=True,
        )
        self.stories_of_entity: dict[str, list[str]] = defaultdict(list)
        for story in snap.stories.values():
            for entity in story.get("entities") or []:
                self.stories_of_entity[entity["id"]].append(story["id"])
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._lock = threading.Lock()

    def doc_items(self, doc_id: str) -> dict[str, list[Any]]:
        """The document's quotes, figures and times (read now) and the layer's spans in it."""
        items = dict(self.by_doc.get(doc_id, {}))
        for kind in STORED_KINDS:
            items[kind] = list(self.snap.items(kind, [doc_id]))
        return items

    # items and filters -------------------------------------------------------------------

    def story_of(self, doc_id: str) -> str | None:
        return self.snap.story_of_doc.get(doc_id)

    def outlet_of(self, doc_id: str) -> str | None:
        doc = self.snap.documents.get(doc_id)
        return doc.get("source") if doc else None

    def published(self, doc_id: str) -> str | None:
        doc = self.snap.documents.get(doc_id)
        return doc.get("published") if doc else None

    def docs_of_outlet(self, outlet: str) -> set[str]:
        return {d for d, doc in self.snap.documents.items() if doc.get("source") == outlet}

    def story_docs(self, story_id: str) -> set[str]:
        story = self.snap.stories.get(story_id)
        return set(story["documents"]) if story else set()

    def quotes_of_docs(self, doc_ids: Iterable[str]) -> list[Item]:
        quotes = self.snap.items("quotes", doc_ids)
        return sorted(quotes, key=lambda q: (q.get("said_on") or self.published(q["doc"]) or "",
                                             q["doc"], q["start"]))

    def events_of_story(self, story: Item) -> list[Item]:
        """The story's timeline as people read it: typed events (background sentences, of
        type `other`, stay in the API and the document page)."""
        events = [self.snap.events[e] for e in story.get("events") or []
                  if e in self.snap.events and self.snap.events[e]["type"] != "other"]
        return sorted(events, key=lambda e: (e.get("date") or "9999", e["id"]))

    # the document page -------------------------------------------------------------------

    def pieces(self, doc_id: str, items: dict[str, list[Any]]) -> list[tuple[str, str, list[str]]]:
        """The document's text cut at every highlighted span: (text, css classes, anchor ids
        opening there). Entities, quotes, figures and times (`items`, from doc_items) are
        marked as in the report."""
        doc = self.snap.documents[doc_id]
        marks = [(m["start"], m["end"], f"ent ent-{entity['type']}", "")
                 for m, entity in items.get("mentions", [])]
        for kind, css in (("quotes", "quote"), ("figures", "fig"), ("times", "time")):
            marks += [(i["start"], i["end"], css, "") for i in items.get(kind, [])]
        anchors: dict[int, set[str]] = defaultdict(set)
        for kind, prefix in (("summary", "s"), ("events", "e"), ("mentions", "m"),
                             ("times", "t"), ("figures", "f"), ("quotes", "q")):
            for item in items.get(kind, []):
                start = item[0]["start"] if kind == "mentions" else item["start"]
                anchors[start].add(prefix)
        marks += [(start, start, "", "") for start in anchors]
        pieces, pos = [], 0
        for text, classes, _ in highlight(doc["text"], marks):
            here = anchors.pop(pos, set())
            opening = [anchor(p, pos) for p in ANCHOR_ORDER if p in here]
            pieces.append((text, classes, opening))
            pos += len(text)
        return pieces

    # the entity page ---------------------------------------------------------------------

    def sentences(self, doc_id: str) -> list[tuple[int, int]]:
        with self._lock:
            cached = self._sentences.get(doc_id)
        if cached is None:
            text = self.snap.documents[doc_id]["text"]
            cached = [(s.start, s.end) for s in split_sentences(text)]
            with self._lock:
                self._sentences[doc_id] = cached
        return cached

    def context(self, doc_id: str, start: int, end: int) -> Context:
        """The sentence around text[start:end], cut in three."""
        doc = self.snap.documents[doc_id]
        text = doc["text"]
        spans = self.sentences(doc_id)
        i = bisect.bisect_right([s for s, _ in spans], start) - 1
        s_start, s_end = spans[i] if i >= 0 else (start, end)
        s_start, s_end = min(s_start, start), max(s_end, end)
        return Context(doc, text[s_start:start], text[start:end], text[end:s_end], start)

    def entity_page(self, entity: Item) -> dict[str, Any]:
        """Everything about one entity across stories: mentions, quotes, figures, events."""
        eid = entity["id"]
        snap = self.snap
        mentions = sorted(entity["mentions"], key=lambda m: (
            self.published(m["doc"]) or "", m["doc"], m["start"]))
        by_story: dict[str | None, list[Context]] = defaultdict(list)
        for m in mentions[:MAX_CONTEXTS]:
            if m["doc"] in self.snap.documents:
                by_story[self.story_of(m["doc"])].append(
                    self.context(m["doc"], m["start"], m["end"]))
        return {
            "entity": entity,
            "hidden": max(0, len(mentions) - MAX_CONTEXTS),
            "contexts": sorted(by_story.items(), key=lambda kv: kv[0] is None),
            "quotes": self.items_of_entity("quotes", eid),
            "figures": self.items_of_entity("figures", eid),
            "events": [e for e in snap.events.values() if eid in event_entities(e)],
            "stories": [self.snap.stories[s] for s in self.stories_of_entity.get(eid, [])],
        }


    def items_of_entity(self, kind: str, entity_id: str) -> list[Item]:
        """Quotes the entity said, or figures it is the source of, in (doc, start) order."""
        snap = self.snap
        return list(snap.items(kind, snap.docs_of(kind, entity_id),
                               lambda i: snap.entity_of(kind, i) == entity_id))


def event_entities(event: Item) -> set[str]:
    return {a.get("entity") for a in (event.get("actors") or []) + (event.get("places") or [])
            if a.get("entity")}


class LiveViews:
    """Views of the corpus's current Snapshot. The store is asked whether it changed at most
    every `refresh_seconds`; Views are rebuilt only when the snapshot did change."""

    def __init__(self, corpus: Corpus, refresh_seconds: float, cached_pages: int) -> None:
        self.corpus = corpus
        self.refresh_seconds = refresh_seconds
        self.cached_pages = cached_pages
        self._lock = threading.Lock()
        self._views: Views | None = None
        self._checked = 0.0

    def fresh(self) -> Views | None:
        """The current Views when recently checked, else None (call refresh, off the loop)."""
        if self._views is not None and time.monotonic() - self._checked < self.refresh_seconds:
            return self._views
        return None

    def refresh(self) -> Views:
        """Ask the store (blocking) and rebuild the Views if it changed."""
        snap = self.corpus.snapshot()
        with self._lock:
            if self._views is None or self._views.snap is not snap:
                self._views = Views(snap, self.cached_pages)
                # The snapshot lives until the store changes: keep its many objects out of
                # the collector's full passes, which would otherwise pause every request.
                gc.freeze()
            self._checked = time.monotonic()
            return self._views
