"""The project's own example articles, end to end: what the demo shows must hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.pipeline import analyze


@pytest.fixture(scope="module")
def analysis(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("examples-out")
    result = analyze([examples_dir], out)
    assert result.exit_code == 0
    return json.loads((out / "analysis.json").read_text(encoding="utf-8"))


def test_examples_every_file_is_read_and_nothing_rejected(analysis: dict) -> None:
    assert analysis["rejected"] == []
    assert len(analysis["documents"]) >= 10


def test_examples_document_ids_are_unique(analysis: dict) -> None:
    ids = [d["id"] for d in analysis["documents"]]
    assert len(ids) == len(set(ids))


def test_examples_come_from_several_outlets_and_days(analysis: dict) -> None:
    arabic = [d for d in analysis["documents"] if d["language"] == "ar"]
    assert len({d["source"] for d in arabic if d["source"]}) >= 4
    assert len({d["published"] for d in arabic if d["published"]}) >= 4


def test_examples_non_arabic_article_is_kept_and_marked(analysis: dict) -> None:
    languages = {d["language"] for d in analysis["documents"]}
    assert "ar" in languages and "en" in languages


def test_examples_syndicated_copy_is_linked(analysis: dict) -> None:
    ids = {d["id"] for d in analysis["documents"]}
    copies = [d for d in analysis["documents"] if d["duplicate_of"]]
    assert copies and all(d["duplicate_of"] in ids for d in copies)


def test_examples_a_date_is_found_in_the_text(analysis: dict) -> None:
    assert any(d["published_origin"] == "text" for d in analysis["documents"])


def test_examples_every_item_points_at_its_text(analysis: dict) -> None:
    texts = {d["id"]: d["text"] for d in analysis["documents"]}
    checked = 0
    for kind in ("quotes", "times", "figures"):
        for item in analysis[kind]:
            assert texts[item["doc"]][item["start"]:item["end"]] == item["text"], (kind, item)
            checked += 1
    for entity in analysis["entities"]:
        for m in entity["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"], entity["name"]
            checked += 1
    for event in analysis["events"]:
        for m in event["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(texts[m["doc"]])
            checked += 1
        if len(event["mentions"]) == 1:
            m = event["mentions"][0]
            assert texts[m["doc"]][m["start"]:m["end"]] == event["text"]
    for kind in ("entities", "quotes", "times", "figures", "events", "stories"):
        assert analysis[kind], f"the examples gave no {kind}"
    assert checked > 500
