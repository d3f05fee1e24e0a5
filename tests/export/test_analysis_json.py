"""analysis.json: the streamed writer gives the very bytes json.dump of the whole dict gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.export.analysis_json import build_analysis, stream_analysis, write_json
from marsad.model import Document, Rejected

DOCS = [
    Document(id="d1", text="قال الناطق: \"وصلت القافلة\".\nثم غادرت.", title="قافلة",
             source="صحيفة", published="2024-05-02", language="ar", content_hash="h1"),
    Document(id="d2", text="A second line.", language="en", duplicate_of="d1"),
]
ITEMS = {
    "entities": [{"id": "e1", "name": "الناطق", "aliases": [], "lat": 15.35, "lon": None,
                  "mentions": [{"doc": "d1", "start": 4, "end": 10, "text": "الناطق"}]}],
    "quotes": [{"id": "q1", "doc": "d1", "speaker": {"name": "الناطق", "entity": "e1"},
                "direct": True, "nested": {"empty": {}, "list": [[], [1, 2.5]]}}],
    "times": [],
    "stories": [{"id": "s1", "documents": ["d1", "d2"], "series": [], "summary": []}],
}


@pytest.mark.parametrize("rejected", [[], [Rejected("bad.jsonl:3", "line 3: not valid JSON")]])
def test_analysis_json_streamed_equals_json_dump_of_the_dict(
    tmp_path: Path, rejected: list[Rejected]
) -> None:
    whole = write_json(build_analysis(DOCS, rejected, ITEMS), tmp_path / "whole.json")
    streamed = stream_analysis(
        tmp_path / "streamed.json", iter(DOCS), iter(rejected),
        {kind: iter(values) for kind, values in ITEMS.items()},  # read once, item by item
    )
    assert streamed.read_bytes() == whole.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_analysis_json_streamed_with_nothing_found_has_every_kind_empty(tmp_path: Path) -> None:
    whole = write_json(build_analysis([], []), tmp_path / "whole.json")
    streamed = stream_analysis(tmp_path / "streamed.json", [], [], {})
    assert streamed.read_bytes() == whole.read_bytes()
    assert '"stories": []' in streamed.read_text(encoding="utf-8")


def test_analysis_json_streamed_unknown_kind_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown item kinds"):
        stream_analysis(tmp_path / "a.json", DOCS, [], {"mentions": []})
    assert not (tmp_path / "a.json").exists()
