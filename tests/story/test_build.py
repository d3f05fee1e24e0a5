"""Stories from stored items: terms items with or without their facts."""

from __future__ import annotations

from marsad.model import Document
from marsad.story.build import build_stories
from marsad.story.cluster import story_terms
from marsad.story.facts import story_facts
from marsad.story.items import MemoryItems
from tests.story.test_cluster import FIFTH, FOURTH


def _stories(with_facts: bool) -> list[list[str]]:
    documents = [Document(id=d, text=text, title=title, published=day, language="ar")
                 for d, day, title, text in FOURTH + FIFTH]
    terms = []
    for doc in documents:
        item = {"id": f"{doc.id}:terms", "doc": doc.id, "start": 0, "end": 0,
                "terms": story_terms(doc.text)}
        if with_facts:
            item["facts"] = story_facts(doc.title, doc.text)
        terms.append(item)
    stories, _ = build_stories(documents, MemoryItems({"terms": terms}), [])
    return sorted(story["documents"] for story in stories)


def test_build_stories_terms_items_stored_before_facts_still_keep_events_apart() -> None:
    expected = sorted([[d for d, *_ in FOURTH], [d for d, *_ in FIFTH]])
    assert _stories(with_facts=True) == expected
    assert _stories(with_facts=False) == expected  # facts read from the text instead


def test_build_stories_entities_of_one_name_and_count_are_ordered_by_id() -> None:
    text = "زار الوفد مدينة مطروح ثم عاد إلى مطروح"
    documents = [Document(id="d1", text=text, published="2024-05-02", language="ar")]
    entities = [
        {"id": f"ent:{suffix}", "name": "مطروح",
         "mentions": [{"doc": "d1", "start": start, "end": start + 5, "text": "مطروح"}]}
        for suffix, start in (("f", 15), ("a", 33), ("c", 15))
    ]
    stories, _ = build_stories(documents, MemoryItems({}), entities)
    assert [e["id"] for e in stories[0]["entities"]] == ["ent:a", "ent:c", "ent:f"]
