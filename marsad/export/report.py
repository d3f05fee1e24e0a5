"""Render report.html: one self-contained, right-to-left page a person reads offline."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from marsad.export.charts import story_charts

_ENV = Environment(
    loader=PackageLoader("marsad.export", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _overview(analysis: dict[str, Any]) -> dict[str, Any]:
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


def _marks(analysis: dict[str, Any]) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per document, the spans to highlight: (start, end, css class, anchor id)."""
    marks: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for entity in analysis["entities"]:
        for m in entity["mentions"]:
            marks[m["doc"]].append((m["start"], m["end"], f"ent ent-{entity['type']}", ""))
    for kind, css in (("quotes", "quote"), ("figures", "fig"), ("times", "time")):
        for item in analysis[kind]:
            anchor = _anchor(item) if kind == "quotes" else ""
            marks[item["doc"]].append((item["start"], item["end"], css, anchor))
    return marks


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


def _charts(analysis: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per story id: the timeline SVG and one SVG per figure series (None where too few)."""
    events = {e["id"]: e for e in analysis["events"]}
    charted = [s for s in analysis["stories"] if len(s["documents"]) > 1][:_CHARTED_STORIES]
    return {
        story["id"]: story_charts(story, [events[e] for e in story["events"] if e in events])
        for story in charted
    }


def render_report(analysis: dict[str, Any]) -> str:
    """The report's HTML; all article text is escaped, nothing from an article executes."""
    docs = sorted(
        analysis["documents"], key=lambda d: (d.get("published") or "9999", d["id"])
    )
    marks = _marks(analysis)
    story_of = {d: s["id"] for s in analysis["stories"] for d in s["documents"]}
    quotes_by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in analysis["quotes"]:
        quotes_by_story[story_of.get(quote["doc"], "")].append(quote)
    return _ENV.get_template("report.html.j2").render(
        analysis=analysis,
        documents=docs,
        overview=_overview(analysis),
        pieces={d["id"]: highlight(d["text"], marks.get(d["id"], [])) for d in docs},
        doc_index={d["id"]: n for n, d in enumerate(docs, start=1)},
        docs_by_id={d["id"]: d for d in docs},
        events_by_id={e["id"]: e for e in analysis["events"]},
        quote_anchor=_anchor,
        quotes_by_story=quotes_by_story,
        charts=_charts(analysis),
    )


def write_report(analysis: dict[str, Any], path: str | Path) -> Path:
    """Write report.html atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_report(analysis), encoding="utf-8")
    os.replace(tmp, path)
    return path
