"""Dotted abbreviations of organisations and outlets named without their noun.

All names and sentences are invented for these tests (rules alone, crf=False)."""

from __future__ import annotations

from marsad.extract.entities import extract_entities, extract_mentions


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in extract_mentions("d", text, crf=False)}


def test_a_dotted_abbreviation_after_an_outlet_noun_is_the_outlet() -> None:
    assert ("ORG", "شبكة إن.تي.في نيوز") in _found("وأفاد مراسل لشبكة إن.تي.في نيوز بوقوع الحادث.")
    assert ("ORG", "ك.ر.م") in _found("وأوردت قناة (ك.ر.م) تفاصيل الاتفاق الجديد.")


def test_a_bracketed_dotted_abbreviation_is_the_body_named_before_it() -> None:
    text = "وصرح مسؤول لوكالة الأنباء الألمانية (د.ب.أ) بأن المفاوضات مستمرة."
    entities = extract_entities([("d", text)])
    short = [e for e in entities if any(m.text == "د.ب.أ" for m in e.mentions)]
    assert len(short) == 1 and len(short[0].mentions) == 2


def test_two_dotted_pieces_or_no_organisation_noun_make_no_name() -> None:
    found = _found("وحاضر أ.د. سامر الفلاني أمس، ثم كتب ر.ع.ن على اللوح.")
    assert not any(text in ("أ.د", "ر.ع.ن") for _, text in found)


def test_an_outlet_named_by_its_noun_is_meant_by_its_name_alone_later() -> None:
    text = "أوقفت السلطات صحيفة الضياء المقربة من المعارضة. وكانت الضياء قد توقفت عام 2010."
    found = _found(text)
    assert ("ORG", "صحيفة الضياء") in found
    assert ("ORG", "الضياء") in found


def test_a_name_alone_before_the_outlet_is_named_is_no_mention() -> None:
    found = _found("وقف الرجل في الوسط. ثم نشرت صحيفة الوسط الخبر.")
    assert ("ORG", "الوسط") not in found


def test_latin_capitals_after_a_body_are_its_short_form() -> None:
    mentions = extract_mentions("d", "ويعمل في هيئة الخدمات الصحية البريطانية NHS منذ سنوات.")
    latin = [m for m in mentions if m.text == "NHS"]
    assert latin and latin[0].type == "ORG" and latin[0].ref is not None


def test_latin_capitals_after_no_body_are_left() -> None:
    assert not any(m.text == "NHS" for m in extract_mentions("d", "وكتب الطبيب NHS على اللوحة."))


def test_a_quoted_name_after_a_newspaper_is_the_paper_and_the_paper_refers_back() -> None:
    found = _found("وأفادت صحيفة «التايمز» بفرار الضباط. ونقلت الصحيفة عن مصادر أن العدد كبير.")
    assert ("ORG", "التايمز") in found and ("ORG", "الصحيفة") in found
    assert not any(t == "LOC" for t, _ in found)


def test_a_quoted_name_after_a_technical_network_is_no_outlet() -> None:
    assert not _found('وتمت تغطية القاعة بشبكة "الواي فاي" مجاناً.')
