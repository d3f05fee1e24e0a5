"""Render report.html: one self-contained, right-to-left page a person reads offline."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from marsad.export.charts import story_charts
from marsad.story.items import ItemSource, MemoryItems

_ENV = Environment(
    loader=PackageLoader("marsad.export", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _overview(analysis: Mapping[str, Any]) -> dict[str, Any]:
    """Counts and ranges shown at the top of the report."""
    docs = analysis["documents"]
    dates = sorted(d["published"] for d in docs if d.get("published"))
    return {
        "documents": len(docs),
        "outlets": Counter(d.get("source") or "—" for d in docs).most_common(),
        "languages": Counter(d.get("language") or "und" for d in docs).most_common(),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "duplicates": sum(1 for d in docs if d.get("duplicate_of")),
        "rejected": len(analysis["rejected"]),
    }


_MARKED_KINDS = (("quotes", "quote"), ("figures", "fig"), ("times", "time"))
# Documents whose quotes, figures and times are read at once while the texts are written.
_DOCUMENTS_PER_READ = 256
Mark = tuple[int, int, str, str]
_CHUNKS_PER_WRITE = 8192


def _entity_marks(analysis: Mapping[str, Any]) -> dict[str, list[Mark]]:
    """Per document, the spans of its entity mentions: (start, end, css class, anchor id)."""
    marks: dict[str, list[Mark]] = defaultdict(list)
    for entity in analysis["entities"]:
        for m in entity["mentions"]:
            marks[m["doc"]].append((m["start"], m["end"], f"ent ent-{entity['type']}", ""))
    return marks


class _Pieces:
    """Each document's text cut at its marks, made when the template reaches it: the
    quotes, figures and times of the next documents are read then, a few hundred at a time."""

    def __init__(self, docs: list[dict[str, Any]], analysis: Mapping[str, Any],
                 source: ItemSource) -> None:
        self._docs = docs
        self._position = {d["id"]: n for n, d in enumerate(docs)}
        self._entity_marks = _entity_marks(analysis)
        self._source = source
        self._read: dict[str, list[Mark]] = {}

    def __getitem__(self, doc_id: str) -> list[tuple[str, str, str]]:
        if doc_id not in self._read:
            self._read_from(self._position[doc_id])
        marks = self._entity_marks.get(doc_id, []) + self._read.pop(doc_id)
        return highlight(self._docs[self._position[doc_id]]["text"], marks)

    def _read_from(self, position: int) -> None:
        ids = [d["id"] for d in self._docs[position:position + _DOCUMENTS_PER_READ]]
        self._read = {doc_id: [] for doc_id in ids}
        for kind, css in _MARKED_KINDS:
            for item in self._source.iter_items(kind, ids):
                anchor = _anchor(item) if kind == "quotes" else ""
                self._read[item["doc"]].append((item["start"], item["end"], css, anchor))


class _QuotesByStory:
    """A story's quotes, read when the template shows the story."""

    def __init__(self, analysis: Mapping[str, Any], source: ItemSource) -> None:
        self._documents = {s["id"]: s["documents"] for s in analysis["stories"]}
        self._source = source

    def __getitem__(self, story_id: str) -> list[dict[str, Any]]:
        return list(self._source.iter_items("quotes", self._documents[story_id]))


def _anchor(item: dict[str, Any]) -> str:
    return "q-" + "".join(c if c.isalnum() else "-" for c in f"{item['doc']}-{item['start']}")


def highlight(text: str, marks: list[tuple[int, int, str, str]]) -> list[tuple[str, str, str]]:
    """Cut `text` at every mark boundary: (piece, css classes covering it, anchor opening
    there). Overlapping marks never produce broken HTML because pieces never nest."""
    cuts = sorted({0, len(text)} | {p for s, e, _, _ in marks for p in (s, e)})
    anchors = {s: a for s, _, _, a in marks if a}
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        classes = sorted({c for s, e, c, _ in marks if s <= start and end <= e})
        pieces.append((text[start:end], " ".join(classes), anchors.get(start, "")))
    return pieces


# Charts cost tens of milliseconds each: draw them for the largest multi-outlet stories.
_CHARTED_STORIES = 50


def _events_by_id(analysis: Mapping[str, Any]) -> Mapping[str, dict[str, Any]]:
    """Events by id: the analysis's own when it keeps them so (spooled on disk)."""
    events = analysis["events"]
    return events if isinstance(events, Mapping) else {e["id"]: e for e in events}


def _charts(
    analysis: Mapping[str, Any], events: Mapping[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Per story id: the timeline SVG and one SVG per figure series (None where too few)."""
    charted = [s for s in analysis["stories"] if len(s["documents"]) > 1][:_CHARTED_STORIES]
    return {
        story["id"]: story_charts(story, [events[e] for e in story["events"] if e in events])
        for story in charted
    }


def _chunks(analysis: Mapping[str, Any], source: ItemSource | None) -> Iterator[str]:
    """The report's HTML, piece by piece as the template writes it."""
    source = source or MemoryItems({kind: analysis[kind] for kind, _ in _MARKED_KINDS})
    docs = sorted(
        analysis["documents"], key=lambda d: (d.get("published") or "9999", d["id"])
    )
    events = _events_by_id(analysis)
    return _ENV.get_template("report.html.j2").generate(
        analysis=analysis,
        documents=docs,
        overview=_overview(analysis),
        pieces=_Pieces(docs, analysis, source),
        doc_index={d["id"]: n for n, d in enumerate(docs, start=1)},
        docs_by_id={d["id"]: d for d in docs},
        events_by_id=events,
        quote_anchor=_anchor,
        quotes_by_story=_QuotesByStory(analysis, source),
        charts=_charts(analysis, events),
    )


def render_report(analysis: Mapping[str, Any], source: ItemSource | None = None) -> str:
    """The report's HTML; all article text is escaped, nothing from an article executes.

    `analysis` holds documents, rejected inputs, entities, events and stories; quotes,
    figures and times are read from `source` (by default, the analysis's own lists)."""
    return "".join(_chunks(analysis, source))


def write_report(
    analysis: Mapping[str, Any], path: str | Path, source: ItemSource | None = None
) -> Path:
    """Write report.html atomically, streamed: the page is never held whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        pending: list[str] = []  # the template yields millions of small pieces on long runs
        for chunk in _chunks(analysis, source):
            pending.append(chunk)
            if len(pending) >= _CHUNKS_PER_WRITE:
                handle.write("".join(pending))
                pending.clear()
        handle.write("".join(pending))
    os.replace(tmp, path)
    return path
