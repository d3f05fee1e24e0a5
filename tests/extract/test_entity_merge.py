"""Merging: a shorter organisation name joins the longer one it begins, a trigger phrase the
name it ends in, within one document only.

All sentences are written for these tests.
"""

from __future__ import annotations

from marsad.extract.entities import Entity, extract_entities


def _entity_with(entities: list[Entity], surface: str) -> Entity:
    hits = [e for e in entities if any(m.text == surface for m in e.mentions)]
    assert len(hits) == 1, f"{surface}: {[e.name for e in hits]}"
    return hits[0]


def test_a_shorter_body_name_joins_the_longer_one_it_begins() -> None:
    text = ("وعقدت لجنة الموارد الوطنية اجتماعا أمس. "
            "وقررت لجنة الموارد رفع توصياتها إلى الحكومة.")
    entities = extract_entities([("d", text)])
    assert _entity_with(entities, "لجنة الموارد") is _entity_with(
        entities, "لجنة الموارد الوطنية")


def test_a_shorter_name_with_two_longer_ones_stays_apart() -> None:
    text = ("وأعلنت شركة الريان للتجارة الدولية أرباحها، فيما خسرت شركة الريان للعقار "
            "الحديث. وقالت شركة الريان إن السوق تتحسن.")
    entities = extract_entities([("d", text)])
    short = _entity_with(entities, "شركة الريان")
    assert short is not _entity_with(entities, "شركة الريان للتجارة الدولية")
    assert short is not _entity_with(entities, "شركة الريان للعقار الحديث")


def test_a_body_name_in_another_document_does_not_join() -> None:
    entities = extract_entities([
        ("a", "وعقدت لجنة الموارد الوطنية اجتماعا أمس."),
        ("b", "وقررت لجنة الموارد رفع توصياتها."),
    ])
    assert _entity_with(entities, "لجنة الموارد") is not _entity_with(
        entities, "لجنة الموارد الوطنية")


def test_a_trigger_phrase_joins_the_club_it_ends_in() -> None:
    text = ("وأنهى المدرب تدريبات الفريق قبل المباراة الودية. وغادرت بعثة النصر إلى "
            "المعسكر، وقال النصر في بيان إن اللاعبين جاهزون.")
    entities = extract_entities([("d", text)])
    assert _entity_with(entities, "بعثة النصر") is _entity_with(entities, "النصر")

