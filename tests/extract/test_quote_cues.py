"""Quotes: when a cue word is a cue, and when it only names a source."""

from __future__ import annotations

import pytest

from marsad.extract.quotes import extract_quotes
from tests.extract.conftest import people


def test_quote_cues_kama_before_a_content_clause_is_also() -> None:
    text = "كما أكد رئيس البلدية أن أعمال التشجير ستشمل جميع الأحياء الجديدة."
    [quote] = extract_quotes("d", text)
    assert quote.text == "أعمال التشجير ستشمل جميع الأحياء الجديدة"
    assert quote.speaker.name == "رئيس البلدية"


@pytest.mark.parametrize("text", [
    "وارتفع عدد المصابين إلى عشرين شخصا، كما أعلنت وزارة الصحة في بيان.",
    "وأصيب عشرون شخصا كما أفاد الدفاع المدني، مؤكدا عدم وجود وفيات.",
])
def test_quote_cues_kama_as_a_source_is_no_quote(text: str) -> None:
    assert all(q.cue != "أعلنت" and q.cue != "أفاد" for q in extract_quotes("d", text))



@pytest.mark.parametrize(("text", "said", "speaker"), [
    ("ويدّعي الرجل أن الرحلة الطويلة أضرت بظهره.", "الرحلة الطويلة أضرت بظهره", "الرجل"),
    ("وادعى المتهم أنه كان في منزله ليلة الحادث.", "كان في منزله ليلة الحادث", "المتهم"),
    ("واستبعد المدير أن ترتفع أسعار التذاكر هذا الموسم.", "ترتفع أسعار التذاكر هذا الموسم",
     "المدير"),
])
def test_quote_cues_claims_and_ruling_out_report_speech(text: str, said: str, speaker: str) -> None:
    [quote] = extract_quotes("d", text)
    assert (quote.text, quote.speaker.name) == (said, speaker)


def test_quote_cues_ruling_out_a_person_is_no_speech() -> None:
    assert extract_quotes("d", "واستبعد المدرب اللاعب المصاب من قائمة المباراة المقبلة.") == []


def test_quote_cues_akmal_continues_the_speaker() -> None:
    text = 'وقالت الشركة: "سنرد قريبا على الدعوى". وأكملت: "نحن واثقون من موقفنا في القضية".'
    quotes = extract_quotes("d", text)
    assert [(q.cue, q.speaker.name) for q in quotes] == [("وقالت", "الشركة"), ("وأكملت", "الشركة")]


def test_quote_cues_describing_as_reports_speech() -> None:
    text = "ووصف سامي الراشد المشروع بأنه خطوة مهمة لتنويع الاقتصاد."
    [quote] = extract_quotes("d", text, people(text, "سامي الراشد"))
    assert (quote.text, quote.speaker.name) == ("خطوة مهمة لتنويع الاقتصاد", "سامي الراشد")


def test_quote_cues_describing_without_bianna_is_no_speech() -> None:
    assert extract_quotes("d", "ووصف الوزير المشروع بالمهم في كلمته أمام الحضور.") == []


def test_quote_cues_conceding_that_reports_speech() -> None:
    text = "وأضاف الوزير أن الاتحاد ضعيف، وسلم بأن الأعضاء يختلفون في أولوياتهم كثيرا."
    assert [(q.cue, q.text) for q in extract_quotes("d", text)] == [
        ("وأضاف", "الاتحاد ضعيف"), ("وسلم", "الأعضاء يختلفون في أولوياتهم كثيرا")]


def test_quote_cues_handing_over_is_no_speech() -> None:
    assert extract_quotes("d", "وسلم الجيش المدينة إلى القوات الحكومية بعد أيام من القتال.") == []
