"""The dateline's outlet and the writers of a byline are names. Sentences are invented."""

from __future__ import annotations

from marsad.extract.entities import extract_mentions

_BODY = "افتتح المسؤولون المعرض الجديد الذي يضم عشرات الأجنحة من مختلف المجالات والتخصصات العلمية."


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in extract_mentions("d", text, crf=False)}


def test_an_outlet_before_a_place_is_an_organisation() -> None:
    found = _found("سبق - الدمام: " + _BODY)
    assert {("ORG", "سبق"), ("GPE", "الدمام")} <= found


def test_the_writers_before_an_outlet_are_persons() -> None:
    found = _found("خالد العمري ومحمود الشمري - سبق: " + _BODY)
    assert {("PER", "خالد العمري"), ("PER", "محمود الشمري"), ("ORG", "سبق")} <= found


def test_a_place_before_an_outlet_is_no_writer() -> None:
    found = _found("جدة - سبق: " + _BODY)
    assert ("GPE", "جدة") in found and not any(t == "PER" for t, _ in found)


def test_the_outlets_name_in_the_body_is_a_common_word() -> None:
    found = _found("وقال المدير إن الفريق سبق أن فاز بالبطولة مرتين في السنوات الماضية الأخيرة.")
    assert ("ORG", "سبق") not in found


def test_a_line_opening_with_words_and_a_colon_is_no_outlet() -> None:
    found = _found("نسمع بعضهم يقول: " + _BODY)
    assert not any(t == "ORG" for t, _ in found)
