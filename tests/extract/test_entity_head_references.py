"""The first word of a body's name alone refers back to that body. Sentences are invented."""

from __future__ import annotations

from marsad.extract.entities import extract_mentions


def _orgs(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.ref) for m in extract_mentions("d", text, crf=False) if m.type == "ORG"]


def test_a_definite_head_alone_refers_to_the_body_named_before() -> None:
    orgs = _orgs("وأعلنت المقاومة الشعبية السيطرة على التل، وقال قائد في المقاومة إن الحرب انتهت.")
    assert orgs[-1][0] == "المقاومة"
    assert orgs[-1][1] is not None and "الشعبيه" in orgs[-1][1]


def test_an_indefinite_first_word_refers_back_with_the_article() -> None:
    orgs = _orgs("وقال برنامج الأغذية العالمي إن التمويل نقص، وأضاف البرنامج أنه سيقلص الحصص.")
    assert [t for t, _ in orgs] == ["برنامج الأغذية العالمي", "البرنامج"]


def test_a_head_followed_by_a_definite_word_is_another_body() -> None:
    orgs = _orgs("وأعلنت المقاومة الشعبية السيطرة على التل، ثم وصلت المقاومة الجنوبية إلى الميناء.")
    assert "المقاومة" not in [t for t, _ in orgs]


def test_a_head_is_no_mention_before_the_body_is_named() -> None:
    orgs = _orgs("وقال قائد في المقاومة إن المعارك انتهت، وأعلنت المقاومة الشعبية النصر.")
    assert [t for t, _ in orgs] == ["المقاومة الشعبية"]


def test_a_named_college_is_meant_by_the_college_alone() -> None:
    found = {(m.type, m.text) for m in extract_mentions(
        "d", "وزار الوزير الكلية الحربية والتقى طلبة الكلية في القاعة.")}
    assert {("ORG", "الكلية الحربية"), ("ORG", "الكلية")} <= found


def test_a_team_noun_alone_refers_to_no_team() -> None:
    mentions = extract_mentions("d", "وفاز المنتخب الجزائري وقال مدرب المنتخب إن اللاعبين تألقوا.")
    assert [m.text for m in mentions] == ["المنتخب الجزائري"]
