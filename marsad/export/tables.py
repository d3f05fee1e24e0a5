"""Flat tables of the analysis for pandas, DuckDB and spreadsheets: CSV or Parquet.

One table per kind (documents, entities, mentions, quotes, figures, times, events, stories);
nested values are JSON strings. Two extra CSV views: `events_acled.csv` (ACLED's columns) and
`figures_tidy.csv` (one row per figure, the columns an analyst plots).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.errors import OptionError

Row = dict[str, Any]
FORMATS = ("csv", "parquet")
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "title", "source", "url", "published", "published_origin", "language",
                  "format", "encoding", "duplicate_of", "content_hash", "path", "story", "text"),
    "entities": ("id", "name", "type", "aliases", "description", "lat", "lon", "documents",
                 "mentions"),
    "mentions": ("entity", "entity_name", "entity_type", "doc", "start", "end", "text"),
    "quotes": ("id", "doc", "story", "start", "end", "text", "direct", "speaker_entity",
               "speaker_name", "speaker_title", "cue", "said_on"),
    "figures": ("id", "doc", "story", "start", "end", "text", "value", "low", "high",
                "qualifier", "unit", "category", "subject", "source_entity", "source_name",
                "as_of", "since"),
    "times": ("id", "doc", "start", "end", "text", "value", "granularity"),
    "events": ("id", "type", "sub_event", "date", "date_precision", "actors", "places",
               "figures", "fatalities", "sources", "documents", "mentions", "story", "text"),
    "stories": ("id", "title", "first_date", "last_date", "outlets", "documents", "entities",
                "events", "series", "summary"),
}
ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                 "latitude", "longitude", "source", "notes", "fatalities")
TIDY_COLUMNS = ("figure", "doc", "story", "category", "unit", "value", "low", "high",
                "qualifier", "source", "as_of", "since", "text")
# marsad's event types in ACLED's event types; the marsad type is kept as sub_event_type
# when the event has no finer one.
ACLED_TYPES = {
    "attack": "Battles", "capture": "Battles", "casualties": "Violence against civilians",
    "strike": "Explosions/Remote violence", "withdrawal": "Strategic developments",
    "surrender": "Strategic developments", "displacement": "Strategic developments",
    "arrest": "Strategic developments", "statement": "Strategic developments",
    "threat": "Strategic developments", "humanitarian": "Strategic developments",
    "other": "Strategic developments",
}
# Columns stored as float64 in Parquet (elsewhere a column of the same name may hold text).
FLOAT_COLUMNS = {"entities": {"lat", "lon"}, "figures": {"value", "low", "high"}}


def _cell(value: Any) -> Any:
    """A value a flat table can hold: nested lists and objects as JSON strings."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _row(columns: Iterable[str], values: Row) -> Row:
    return {c: _cell(values.get(c)) for c in columns}


def tables(analysis: dict[str, Any]) -> dict[str, list[Row]]:
    """The analysis as one list of flat rows per kind, columns as in COLUMNS."""
    story_of = {d: s["id"] for s in analysis["stories"] for d in s["documents"]}
    event_story = {e: s["id"] for s in analysis["stories"] for e in s.get("events") or []}
    out: dict[str, list[Row]] = {kind: [] for kind in COLUMNS}
    for doc in analysis["documents"]:
        row = {**doc, "story": story_of.get(doc["id"])}
        out["documents"].append(_row(COLUMNS["documents"], row))
    for ent in analysis["entities"]:
        out["entities"].append(_row(COLUMNS["entities"], {
            **ent, "mentions": len(ent.get("mentions") or []),
            "documents": ent.get("documents", len({m["doc"] for m in ent.get("mentions") or []})),
        }))
        for m in ent.get("mentions") or []:
            out["mentions"].append(_row(COLUMNS["mentions"], {
                **m, "entity": ent["id"], "entity_name": ent["name"], "entity_type": ent["type"]}))
    for q in analysis["quotes"]:
        speaker = q.get("speaker") or {}
        out["quotes"].append(_row(COLUMNS["quotes"], {
            **q, "story": story_of.get(q["doc"]), "speaker_entity": speaker.get("entity"),
            "speaker_name": speaker.get("name"), "speaker_title": speaker.get("title")}))
    for f in analysis["figures"]:
        source = f.get("source") or {}
        out["figures"].append(_row(COLUMNS["figures"], {
            **f, "story": story_of.get(f["doc"]), "source_entity": source.get("entity"),
            "source_name": source.get("name")}))
    for t in analysis["times"]:
        out["times"].append(_row(COLUMNS["times"], t))
    for e in analysis["events"]:
        out["events"].append(_row(COLUMNS["events"], {**e, "story": event_story.get(e["id"])}))
    for s in analysis["stories"]:
        out["stories"].append(_row(COLUMNS["stories"], s))
    return out


def acled_rows(analysis: dict[str, Any]) -> list[Row]:
    """Events in ACLED's columns; latitude and longitude from the place entity when known."""
    entities = {e["id"]: e for e in analysis["entities"]}
    rows = []
    for event in analysis["events"]:
        actors = [_name(a, entities) for a in event.get("actors") or []]
        places = event.get("places") or []
        place = entities.get(places[0].get("entity") or "", {}) if places else {}
        rows.append(_row(ACLED_COLUMNS, {
            "event_date": event.get("date"),
            "event_type": ACLED_TYPES.get(event.get("type", ""), "Strategic developments"),
            "sub_event_type": event.get("sub_event") or event.get("type"),
            "actor1": actors[0] if actors else None,
            "actor2": actors[1] if len(actors) > 1 else None,
            "location": _name(places[0], entities) if places else None,
            "latitude": place.get("lat"),
            "longitude": place.get("lon"),
            "source": "; ".join(event.get("sources") or []),
            "notes": event.get("text"),
            "fatalities": event.get("fatalities"),
        }))
    return rows


def tidy_figures(analysis: dict[str, Any]) -> list[Row]:
    """One row per figure with its story and the source's name, ready to plot."""
    story_of = {d: s["id"] for s in analysis["stories"] for d in s["documents"]}
    return [
        _row(TIDY_COLUMNS, {**f, "figure": f["id"], "story": story_of.get(f["doc"]),
                            "source": (f.get("source") or {}).get("name")})
        for f in analysis["figures"]
    ]


def _name(argument: Row, entities: dict[str, Row]) -> str | None:
    entity = entities.get(argument.get("entity") or "")
    return entity["name"] if entity else argument.get("name")


def write_csv(
    rows: list[Row], columns: Iterable[str], path: Path, floats: Iterable[str] = ()
) -> Path:
    """Plain UTF-8 CSV (no BOM), a header row, empty cells for nulls; written atomically."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, path)
    return path


def write_parquet(
    rows: list[Row], columns: Iterable[str], path: Path, floats: Iterable[str] = ()
) -> Path:
    """One Parquet file, the columns in order even when there are no rows; `floats` are
    the columns stored as float64."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, floats = list(columns), set(floats)
    arrays = {}
    for name in columns:
        values = [r.get(name) for r in rows]
        if name in floats:
            arrays[name] = pa.array(values, type=pa.float64())
        elif all(v is None for v in values):
            arrays[name] = pa.array(values, type=pa.string())
        else:
            arrays[name] = pa.array(values)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.table(arrays), tmp)
    os.replace(tmp, path)
    return path


def write_tables(
    analysis: dict[str, Any], out_dir: str | Path, fmt: str = "csv"
) -> dict[Path, int]:
    """Write every table in `fmt`, plus events_acled.csv and figures_tidy.csv; {path: rows}."""
    if fmt not in FORMATS:
        raise OptionError("format", fmt, ", ".join(FORMATS))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writer = write_csv if fmt == "csv" else write_parquet
    written = {}
    for kind, rows in tables(analysis).items():
        path = out / f"{kind}.{fmt}"
        written[writer(rows, COLUMNS[kind], path, FLOAT_COLUMNS.get(kind, ()))] = len(rows)
    written[write_csv(acled_rows(analysis), ACLED_COLUMNS, out / "events_acled.csv")] = len(
        analysis["events"])
    written[write_csv(tidy_figures(analysis), TIDY_COLUMNS, out / "figures_tidy.csv")] = len(
        analysis["figures"])
    return written


def store_analysis(db_path: str | Path) -> dict[str, Any]:
    """The analysis of every document in the store, with the cross-document layer."""
    from marsad.pipeline import analysis_of, stored_items
    from marsad.store import open_store

    with open_store(db_path) as store:
        documents = list(store.documents())
        items = stored_items(store)
    return analysis_of(documents, [], items)


def export_store(db_path: str | Path, out_dir: str | Path, fmt: str = "csv") -> dict[Path, int]:
    """`marsad export`: the store's tables written to `out_dir`."""
    return write_tables(store_analysis(db_path), out_dir, fmt)
