"""Entities across documents, and items pointed at them by the spans they keep."""

from __future__ import annotations

from marsad.extract.document import extract_document
from marsad.model import Document
from marsad.story.entities import link_entities, merge_mentions

TEXTS = {
    "a": "وقالت وزارة الصحة إن 17 شخصا أصيبوا في الانفجار.",
    "b": "وبحسب وزارة الصحة، قتل 4 أشخاص وأصيب 9 آخرون.",
}


def test_figure_sources_and_speakers_point_at_merged_entities() -> None:
    items = {"mentions": [], "figures": [], "quotes": [], "events": []}
    for doc_id, text in TEXTS.items():
        got = extract_document(Document(id=doc_id, text=text, published="2024-05-02"))
        for kind in items:
            items[kind].extend(got[kind])
    entities = merge_mentions(items["mentions"])
    link_entities(items, entities)
    ministry = next(e for e in entities if e["name"] == "وزارة الصحة")
    assert ministry["documents"] == 2
    sources = [f["source"]["entity"] for f in items["figures"] if f["source"]]
    assert len(sources) == 3 and set(sources) == {ministry["id"]}
    assert items["quotes"][0]["speaker"]["entity"] == ministry["id"]
