"""The trigger-noun rule: a body named with the place it serves, municipalities and
colleges as bodies, and the courts and prosecutors known by their adjectives.

All sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from marsad.extract.entities import extract_mentions


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in extract_mentions("d", text)}


@pytest.mark.parametrize(("sentence", "body"), [
    ("وقامت بلدية محافظة الخبر بحملة لتنظيف الشوارع.", "بلدية محافظة الخبر"),
    ("وأعلنت شرطة منطقة الرياض القبض على المتهم.", "شرطة منطقة الرياض"),
])
def test_a_body_named_with_its_place_noun_and_place_is_one_organisation(
    sentence: str, body: str
) -> None:
    found = _found(sentence)
    assert ("ORG", body) in found
    assert not any(t == "GPE" for t, _ in found)


def test_a_place_noun_after_a_body_and_a_verb_stays_the_place() -> None:
    found = _found("ووصل وفد وزارة الصحة إلى محافظة الطائف صباحا.")
    assert ("ORG", "وزارة الصحة") in found
    assert ("GPE", "الطائف") in found


def test_a_municipality_is_a_body_and_a_college_an_organisation() -> None:
    assert ("ORG", "بلدية جدة") in _found("وقالت بلدية جدة إن الأعمال بدأت أمس.")
    assert ("ORG", "كلية الطب") in _found("وتخرج الطلاب من كلية الطب هذا العام.")


def test_a_municipality_with_the_article_names_nothing() -> None:
    assert _found("واجتمع الأهالي عند مبنى البلدية القديم.") == set()


@pytest.mark.parametrize("court", [
    "المحكمة الاتحادية العليا", "المحكمة الإدارية العليا", "النيابة العامة",
])
def test_courts_and_the_prosecution_are_organisations(court: str) -> None:
    assert ("ORG", court) in _found(f"وأحالت الجهات القضية إلى {court} للنظر فيها.")


def test_a_court_with_an_ordinary_adjective_is_no_name() -> None:
    assert not any(t == "ORG" for t, _ in _found("ونظرت المحكمة المختصة في القضية أمس."))


@pytest.mark.parametrize("sentence", [
    "وانتشرت الصور سريعاً عبر شبكة الإنترنت خلال ساعات.",
    "وقررت هيئة التحكيم إعادة المباراة بعد الاعتراض.",
    "واعترضت مجموعة الطلاب على موعد الاختبار.",
    "وقصفت قوات النظام الأحياء الشرقية ليلاً.",
    "وتقدمت قوات الجيش نحو التلال المحيطة.",
    "وصوت مجلس الإدارة على الميزانية الجديدة.",
])
def test_a_common_noun_after_a_trigger_names_nothing(sentence: str) -> None:
    assert not any(t == "ORG" for t, _ in _found(sentence))


@pytest.mark.parametrize(("sentence", "body"), [
    ("وتخرج في معهد الإدارة العامة قبل عشر سنوات.", "معهد الإدارة العامة"),
    ("وأصدرت وزارة التعليم قراراً جديداً.", "وزارة التعليم"),
])
def test_a_body_head_with_its_adjective_after_a_trigger_is_still_a_name(
    sentence: str, body: str
) -> None:
    assert ("ORG", body) in _found(sentence)


def test_a_direction_and_a_known_place_after_a_body_are_its_name() -> None:
    found = _found("وقامت بلدية غرب الدمام بتكريم العمال أمس.")
    assert ("ORG", "بلدية غرب الدمام") in found
    assert ("GPE", "الدمام") not in found


def test_a_direction_before_an_unknown_word_stays_out_of_the_body() -> None:
    assert ("ORG", "بلدية غرب الحديقة") not in _found("وزرعت بلدية غرب الحديقة أشجاراً.")
