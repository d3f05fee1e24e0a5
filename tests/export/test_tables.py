"""Flat tables (CSV, Parquet), the ACLED-style events and the tidy figures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.errors import OptionError
from marsad.export.tables import (
    ACLED_COLUMNS,
    COLUMNS,
    TIDY_COLUMNS,
    acled_rows,
    tables,
    tidy_figures,
    write_tables,
)
from marsad.pipeline import analyze

ANALYSIS = {
    "version": 1,
    "documents": [{"id": "d1", "title": "عنوان", "source": "وكالة", "url": None,
                   "published": "2024-03-14", "published_origin": "metadata",
                   "text": "قصفت الطائرات بلدة الشعفة، وقُتل 12 شخصاً بحسب المرصد.",
                   "path": "a.txt"}],
    "rejected": [],
    "entities": [
        {"id": "e1", "name": "الشعفة", "type": "GPE", "aliases": ["بالشعفة"], "description": None,
         "lat": 34.65, "lon": 40.87, "documents": 1,
         "mentions": [{"doc": "d1", "start": 19, "end": 25, "text": "الشعفة"}]},
        {"id": "e2", "name": "المرصد السوري", "type": "ORG", "aliases": [], "description": None,
         "lat": None, "lon": None, "documents": 1,
         "mentions": [{"doc": "d1", "start": 47, "end": 53, "text": "المرصد"}]},
    ],
    "quotes": [],
    "times": [{"id": "t1", "doc": "d1", "start": 0, "end": 4, "text": "قصفت", "value": "2024-03-14",
               "granularity": "day"}],
    "figures": [{"id": "f1", "doc": "d1", "start": 33, "end": 35, "text": "12", "value": 12,
                 "low": None, "high": None, "qualifier": "exact", "unit": "شخص",
                 "category": "killed", "subject": "شخص",
                 "source": {"entity": "e2", "name": "المرصد"}, "as_of": "2024-03-14",
                 "since": None}],
    "events": [{"id": "v1", "type": "strike", "sub_event": "air/drone strike",
                "date": "2024-03-14", "date_precision": "day",
                "actors": [{"entity": None, "name": "الطائرات"}],
                "places": [{"entity": "e1", "name": "بلدة الشعفة"}], "figures": ["f1"],
                "fatalities": 12, "mentions": [{"doc": "d1", "start": 0, "end": 41}],
                "sources": ["وكالة"], "text": "قصفت الطائرات بلدة الشعفة، وقُتل 12 شخصاً"}],
    "stories": [{"id": "s1", "title": "قصة", "documents": ["d1"], "entities": [], "events": ["v1"],
                 "series": [], "summary": [{"text": "قصفت", "doc": "d1", "start": 0, "end": 4}]}],
}


def test_tables_fixture_offsets_line_up() -> None:
    text = ANALYSIS["documents"][0]["text"]
    spans = [m for e in ANALYSIS["entities"] for m in e["mentions"]] + ANALYSIS["figures"] \
        + ANALYSIS["times"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)
    event = ANALYSIS["events"][0]
    assert text[0:event["mentions"][0]["end"]] == event["text"]


def test_tables_one_row_per_item_with_fixed_columns() -> None:
    out = {kind: list(rows()) for kind, rows in tables(ANALYSIS).items()}
    assert set(out) == set(COLUMNS)
    assert {k: len(v) for k, v in out.items()} == {
        "documents": 1, "entities": 2, "mentions": 2, "quotes": 0, "figures": 1, "times": 1,
        "events": 1, "stories": 1}
    for kind, rows in out.items():
        assert all(list(r) == list(COLUMNS[kind]) for r in rows)
    assert out["documents"][0]["story"] == "s1"
    assert out["figures"][0]["source_entity"] == "e2" and out["figures"][0]["story"] == "s1"
    assert json.loads(out["entities"][0]["aliases"]) == ["بالشعفة"]
    assert out["events"][0]["story"] == "s1"
    assert out["mentions"][0] | {} == {"entity": "e1", "entity_name": "الشعفة",
                                       "entity_type": "GPE", "doc": "d1", "start": 19,
                                       "end": 25, "text": "الشعفة"}


def test_tables_acled_takes_coordinates_from_the_place_entity() -> None:
    (row,) = acled_rows(ANALYSIS)
    assert list(row) == list(ACLED_COLUMNS)
    assert row == {"event_date": "2024-03-14", "event_type": "Explosions/Remote violence",
                   "sub_event_type": "air/drone strike", "actor1": "الطائرات", "actor2": None,
                   "location": "الشعفة", "latitude": 34.65, "longitude": 40.87,
                   "source": "وكالة", "notes": ANALYSIS["events"][0]["text"], "fatalities": 12}


def test_tables_tidy_figures() -> None:
    (row,) = tidy_figures(ANALYSIS)
    assert list(row) == list(TIDY_COLUMNS)
    assert (row["doc"], row["story"], row["category"], row["value"], row["source"]) == (
        "d1", "s1", "killed", 12, "المرصد")


def test_tables_csv_is_plain_utf8_and_reads_back(tmp_path: Path) -> None:
    written = write_tables(ANALYSIS, tmp_path, "csv")
    names = {p.name for p in written}
    assert names == {f"{k}.csv" for k in COLUMNS} | {"events_acled.csv", "figures_tidy.csv"}
    raw = (tmp_path / "entities.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader((tmp_path / "figures_tidy.csv").open(encoding="utf-8")))
    assert rows[0]["value"] == "12" and rows[0]["low"] == "" and rows[0]["text"] == "12"
    acled = list(csv.DictReader((tmp_path / "events_acled.csv").open(encoding="utf-8")))
    assert acled[0]["latitude"] == "34.65" and acled[0]["location"] == "الشعفة"
    docs = list(csv.DictReader((tmp_path / "documents.csv").open(encoding="utf-8")))
    assert docs[0]["text"] == ANALYSIS["documents"][0]["text"]


def test_tables_parquet_types(tmp_path: Path) -> None:
    write_tables(ANALYSIS, tmp_path, "parquet")
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert str(figures.schema.field("value").type) == "double"
    assert str(figures.schema.field("low").type) == "double"
    assert figures.column("category").to_pylist() == ["killed"]
    quotes = pq.read_table(tmp_path / "quotes.parquet")
    assert quotes.num_rows == 0 and quotes.column_names == list(COLUMNS["quotes"])
    assert (tmp_path / "events_acled.csv").exists()


def test_tables_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="format"):
        write_tables(ANALYSIS, tmp_path, "xlsx")


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory, examples_dir: Path) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("tables")
    analyze([examples_dir], out)
    return out / "marsad.db", json.loads((out / "analysis.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_command_writes_every_table(examples_db, tmp_path: Path, fmt: str) -> None:
    db, analysis = examples_db
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--out", str(tmp_path),
                                       "--format", fmt])
    assert result.exit_code == 0, result.output
    for kind in COLUMNS:
        assert (tmp_path / f"{kind}.{fmt}").exists()
    if fmt == "parquet":
        assert pq.read_table(tmp_path / "figures.parquet").num_rows == len(analysis["figures"])
        assert pq.read_table(tmp_path / "documents.parquet").num_rows == len(
            analysis["documents"])
    tidy = list(csv.DictReader((tmp_path / "figures_tidy.csv").open(encoding="utf-8")))
    assert len(tidy) == len(analysis["figures"])
    acled = list(csv.DictReader((tmp_path / "events_acled.csv").open(encoding="utf-8")))
    assert len(acled) == len(analysis["events"])
    assert any(row["latitude"] for row in acled)


def test_export_command_needs_a_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db"),
                                       "--out", str(tmp_path)])
    assert result.exit_code == 2


def test_export_store_writes_what_the_whole_analysis_would(examples_db, tmp_path: Path) -> None:
    """The streamed export (items read from the store kind by kind) equals the tables of the
    analysis held whole in memory: the same CSV bytes, the same Parquet rows and types."""
    from marsad.export.tables import export_store
    from marsad.pipeline import analysis_of, stored_items
    from marsad.store import open_store

    db, _ = examples_db
    with open_store(db) as store:
        whole = analysis_of(list(store.documents()), [], stored_items(store))
    for fmt in ("csv", "parquet"):
        streamed = export_store(db, tmp_path / "streamed" / fmt, fmt)
        held = write_tables(whole, tmp_path / "held" / fmt, fmt)
        assert sorted(p.name for p in streamed) == sorted(p.name for p in held)
        assert list(streamed.values()) == list(held.values())
        for path in held:
            other = tmp_path / "streamed" / fmt / path.name
            if path.suffix == ".csv":
                assert other.read_bytes() == path.read_bytes(), path.name
            else:
                mine, theirs = pq.read_table(other), pq.read_table(path)
                assert mine.schema == theirs.schema and mine.to_pylist() == theirs.to_pylist()


def test_tables_parquet_in_several_row_groups_reads_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.export import tables as module

    rows = [{"id": f"t{n}", "doc": "d1", "start": n, "end": n + 1, "text": "س",
             "value": None if n % 2 else f"2024-01-0{n + 1}", "granularity": "day"}
            for n in range(5)]
    monkeypatch.setattr(module, "_ROWS_PER_GROUP", 2)
    path = tmp_path / "times.parquet"
    assert module.write_parquet(lambda: iter(rows), COLUMNS["times"], path) == 5
    assert pq.ParquetFile(path).num_row_groups == 3
    assert pq.read_table(path).to_pylist() == rows


@pytest.mark.parametrize(("values", "expected"), [
    ([1, None, 3], "int64"),
    ([1, 2.5, None], "double"),
    (["أ", None], "string"),
    ([None, None], "string"),
    ([True, None], "bool"),
])
def test_tables_parquet_column_types_are_those_of_the_whole_column(
    tmp_path: Path, values: list, expected: str
) -> None:
    from marsad.export.tables import write_parquet

    path = tmp_path / "t.parquet"
    write_parquet(lambda: ({"x": v} for v in values), ["x"], path)
    assert str(pq.read_table(path).schema.field("x").type) == expected
