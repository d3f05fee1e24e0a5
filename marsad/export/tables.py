"""Flat tables of the analysis for pandas, DuckDB and spreadsheets: CSV or Parquet.

One table per kind (documents, entities, mentions, quotes, figures, times, events, stories);
nested values are JSON strings. Two extra CSV views: `events_acled.csv` (ACLED's columns) and
`figures_tidy.csv` (one row per figure, the columns an analyst plots).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
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
# Rows per Parquet row group: the rows of one group are held while it is written.
_ROWS_PER_GROUP = 50_000


def _cell(value: Any) -> Any:
    """A value a flat table can hold: nested lists and objects as JSON strings."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _row(columns: Iterable[str], values: Row) -> Row:
    return {c: _cell(values.get(c)) for c in columns}


Analysis = Mapping[str, Iterable[Row]]


def _story_of_doc(analysis: Analysis) -> dict[str, str]:
    return {d: s["id"] for s in analysis["stories"] for d in s["documents"]}


def tables(analysis: Analysis) -> dict[str, Callable[[], Iterator[Row]]]:
    """Per kind, a function giving the kind's flat rows (columns as in COLUMNS) afresh,
    read from `analysis` as they are written: only the stories' maps are held."""
    story_of = _story_of_doc(analysis)
    event_story = {e: s["id"] for s in analysis["stories"] for e in s.get("events") or []}

    def documents() -> Iterator[Row]:
        for doc in analysis["documents"]:
            yield _row(COLUMNS["documents"], {**doc, "story": story_of.get(doc["id"])})

    def entities() -> Iterator[Row]:
        for ent in analysis["entities"]:
            mentions = ent.get("mentions") or []
            yield _row(COLUMNS["entities"], {
                **ent, "mentions": len(mentions),
                "documents": ent.get("documents", len({m["doc"] for m in mentions}))})

    def mentions() -> Iterator[Row]:
        for ent in analysis["entities"]:
            for m in ent.get("mentions") or []:
                yield _row(COLUMNS["mentions"], {
                    **m, "entity": ent["id"], "entity_name": ent["name"],
                    "entity_type": ent["type"]})

    def quotes() -> Iterator[Row]:
        for q in analysis["quotes"]:
            speaker = q.get("speaker") or {}
            yield _row(COLUMNS["quotes"], {
                **q, "story": story_of.get(q["doc"]), "speaker_entity": speaker.get("entity"),
                "speaker_name": speaker.get("name"), "speaker_title": speaker.get("title")})

    def figures() -> Iterator[Row]:
        for f in analysis["figures"]:
            source = f.get("source") or {}
            yield _row(COLUMNS["figures"], {
                **f, "story": story_of.get(f["doc"]), "source_entity": source.get("entity"),
                "source_name": source.get("name")})

    def times() -> Iterator[Row]:
        return (_row(COLUMNS["times"], t) for t in analysis["times"])

    def events() -> Iterator[Row]:
        for e in analysis["events"]:
            yield _row(COLUMNS["events"], {**e, "story": event_story.get(e["id"])})

    def stories() -> Iterator[Row]:
        return (_row(COLUMNS["stories"], s) for s in analysis["stories"])

    return {"documents": documents, "entities": entities, "mentions": mentions,
            "quotes": quotes, "figures": figures, "times": times, "events": events,
            "stories": stories}


def acled_rows(analysis: Analysis) -> Iterator[Row]:
    """Events in ACLED's columns; latitude and longitude from the place entity when known."""
    entities = {e["id"]: e for e in analysis["entities"]}
    for event in analysis["events"]:
        actors = [_name(a, entities) for a in event.get("actors") or []]
        places = event.get("places") or []
        place = entities.get(places[0].get("entity") or "", {}) if places else {}
        yield _row(ACLED_COLUMNS, {
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
        })


def tidy_figures(analysis: Analysis) -> Iterator[Row]:
    """One row per figure with its story and the source's name, ready to plot."""
    story_of = _story_of_doc(analysis)
    for f in analysis["figures"]:
        yield _row(TIDY_COLUMNS, {**f, "figure": f["id"], "story": story_of.get(f["doc"]),
                                  "source": (f.get("source") or {}).get("name")})


def _name(argument: Row, entities: dict[str, Row]) -> str | None:
    entity = entities.get(argument.get("entity") or "")
    return entity["name"] if entity else argument.get("name")


def write_csv(
    rows: Callable[[], Iterable[Row]], columns: Iterable[str], path: Path,
    floats: Iterable[str] = (),
) -> int:
    """Plain UTF-8 CSV (no BOM), a header row, empty cells for nulls, written row by row
    and atomically; the number of rows."""
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows():
            writer.writerow(row)
            count += 1
    os.replace(tmp, path)
    return count


def _parquet_schema(rows: Iterable[Row], columns: list[str], floats: set[str]) -> Any:
    """The types pyarrow would infer from each whole column, found by showing it one value
    of each Python type the column holds; float64 for `floats`, text for empty columns."""
    import pyarrow as pa

    samples: dict[str, dict[type, Any]] = {name: {} for name in columns}
    for row in rows:
        for name in columns:
            value = row.get(name)
            if value is not None:
                samples[name].setdefault(type(value), value)
    fields = []
    for name in columns:
        if name in floats:
            kind = pa.float64()
        elif not samples[name]:
            kind = pa.string()
        else:
            kind = pa.array(list(samples[name].values())).type
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def write_parquet(
    rows: Callable[[], Iterable[Row]], columns: Iterable[str], path: Path,
    floats: Iterable[str] = (),
) -> int:
    """One Parquet file, the columns in order even when there are no rows; `floats` are
    the columns stored as float64. The rows are read twice (the types, then the values)
    and written in groups of _ROWS_PER_GROUP; the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(columns)
    schema = _parquet_schema(rows(), columns, set(floats))
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    with pq.ParquetWriter(tmp, schema) as writer:
        group: list[Row] = []
        for row in rows():
            group.append(row)
            if len(group) == _ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(group, schema=schema))
                count += len(group)
                group.clear()
        if group or not count:
            writer.write_table(pa.Table.from_pylist(group, schema=schema))
            count += len(group)
    os.replace(tmp, path)
    return count


def write_tables(analysis: Analysis, out_dir: str | Path, fmt: str = "csv") -> dict[Path, int]:
    """Write every table in `fmt`, plus events_acled.csv and figures_tidy.csv; {path: rows}."""
    if fmt not in FORMATS:
        raise OptionError("format", fmt, ", ".join(FORMATS))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writer = write_csv if fmt == "csv" else write_parquet
    written = {}
    for kind, rows in tables(analysis).items():
        path = out / f"{kind}.{fmt}"
        written[path] = writer(rows, COLUMNS[kind], path, FLOAT_COLUMNS.get(kind, ()))
    for name, rows_of, columns in (("events_acled.csv", acled_rows, ACLED_COLUMNS),
                                   ("figures_tidy.csv", tidy_figures, TIDY_COLUMNS)):
        path = out / name
        written[path] = write_csv(lambda rows_of=rows_of: rows_of(analysis), columns, path)
    return written


def export_store(db_path: str | Path, out_dir: str | Path, fmt: str = "csv") -> dict[Path, int]:
    """`marsad export`: the tables of every document in the store, with the cross-document
    layer, written as they are read (items from the store, kind by kind)."""
    from marsad.pipeline import AnalysisView, cross_document_layer
    from marsad.store import open_store

    if fmt not in FORMATS:
        raise OptionError("format", fmt, ", ".join(FORMATS))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open_store(db_path) as store:
        documents = list(store.documents())
        with cross_document_layer(documents, store, out) as layer:
            return write_tables(AnalysisView(documents, [], layer), out, fmt)
