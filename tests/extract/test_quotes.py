"""Quotes: direct and indirect speech, speakers before and after the cue, continuations."""

from __future__ import annotations

import pytest

from marsad.extract.quotes import PersonMention, extract_quotes


def _person(text: str, name: str, type_: str = "PER", entity: str | None = None) -> PersonMention:
    start = text.index(name)
    return PersonMention(start, start + len(name), type_, entity)


def test_quotes_indirect_with_role_channel_and_weekday() -> None:
    text = ("وقال المتحدث باسم الدفاع المدني في المحافظة سامر الخطيب لوكالة الأنباء الإثنين "
            "إن فرق الإنقاذ انتشلت جثث ثلاثة أشخاص من تحت الأنقاض.")
    times = [{"start": text.index("الإثنين"), "end": text.index("الإثنين") + 7,
              "value": "2024-03-04"}]
    [quote] = extract_quotes("d", text, [_person(text, "سامر الخطيب", entity="e1")], times)
    assert quote.direct is False
    assert quote.text == "فرق الإنقاذ انتشلت جثث ثلاثة أشخاص من تحت الأنقاض"
    assert quote.speaker.name == "سامر الخطيب"
    assert quote.speaker.entity == "e1"
    assert quote.speaker.title == "المتحدث باسم الدفاع المدني في المحافظة"
    assert quote.cue == "وقال"
    assert quote.said_on == "2024-03-04"
    assert text[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("marks", [('"', '"'), ("«", "»"), ("“", "”")])
def test_quotes_direct_in_every_quotation_style(marks: tuple[str, str]) -> None:
    o, c = marks
    text = f"وأكد وزير الري كمال النعيمي {o}السدود الترابية لن تصمد أمام موجة ثانية من السيول{c}."
    [quote] = extract_quotes("d", text, [_person(text, "كمال النعيمي")])
    assert quote.direct is True
    assert quote.text == "السدود الترابية لن تصمد أمام موجة ثانية من السيول"
    assert quote.speaker.name == "كمال النعيمي"
    assert quote.speaker.title == "وزير الري"


def test_quotes_interrupted_quote_keeps_the_speaker() -> None:
    text = ('وتحدث القائد الميداني أحمد الراوي عن "معارك ضارية في الأحياء الشرقية"، '
            'لافتاً إلى "مقاومة شرسة من المسلحين المتحصنين في الأنفاق".')
    cue_text = text.replace("وتحدث", "وقال")
    quotes = extract_quotes("d", cue_text, [_person(cue_text, "أحمد الراوي")])
    assert [q.text for q in quotes] == [
        "معارك ضارية في الأحياء الشرقية", "مقاومة شرسة من المسلحين المتحصنين في الأنفاق"]
    assert {q.speaker.name for q in quotes} == {"أحمد الراوي"}


def test_quotes_continuation_verb_takes_the_last_speaker() -> None:
    text = ("وقالت مديرة المنظمة في الإقليم ليلى حداد إن المخيمات تجاوزت طاقتها الاستيعابية. "
            "وأضافت أن آلاف العائلات تبيت في العراء منذ أسبوع.")
    quotes = extract_quotes("d", text, [_person(text, "ليلى حداد")])
    assert len(quotes) == 2
    assert quotes[1].speaker.name == "ليلى حداد"
    assert quotes[1].text == "آلاف العائلات تبيت في العراء منذ أسبوع"


def test_quotes_institution_as_speaker() -> None:
    text = "وأعلنت وزارة الصحة في بيان أن عدد الإصابات المؤكدة بالكوليرا ارتفع إلى 412 حالة."
    [quote] = extract_quotes("d", text, [_person(text, "وزارة الصحة", "ORG", "org1")])
    assert quote.speaker.name == "وزارة الصحة"
    assert quote.speaker.entity == "org1"
    assert quote.channel == "statement"


def test_quotes_unnamed_speaker_keeps_the_phrase() -> None:
    text = "وقال مسؤول محلي في البلدية إن المياه غمرت أكثر من مئتي منزل في الحي القديم."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "مسؤول محلي في البلدية"
    assert quote.speaker.entity is None


def test_quotes_speaker_after_the_quotation() -> None:
    text = '"لن نغادر أرضنا مهما طال الحصار ومهما اشتد القصف"، قالت المعلمة سعاد يوسف.'
    [quote] = extract_quotes("d", text, [_person(text, "سعاد يوسف")])
    assert quote.text.startswith("لن نغادر")
    assert quote.speaker.name == "سعاد يوسف"


def test_quotes_scare_quotes_are_not_speech() -> None:
    text = 'وسيطر مسلحو "الجبهة" على بلدة "العين" الصغيرة بعد معارك استمرت يومين.'
    assert extract_quotes("d", text) == []


def test_quotes_call_verb_content_after_ila() -> None:
    text = "ودعا الأمين العام للمنظمة الدولية جميع الأطراف إلى وقف فوري لإطلاق النار في المدينة."
    [quote] = extract_quotes("d", text)
    assert quote.text == "وقف فوري لإطلاق النار في المدينة"
    assert quote.cue == "ودعا"


def test_quotes_institution_announces_a_noun_clause() -> None:
    text = ("وأعلنت وزارة الصحة في الولاية تسجيل 47 حالة إسهال مائي حاد في مراكز الإيواء. "
            "وأعلنت أيضاً إرسال فرق طبية إلى القرى المتضررة.")
    ministry, state = "وزارة الصحة", "الولاية"
    first = extract_quotes("d", text, [_person(text, ministry, "ORG"), _person(text, state, "GPE")])
    assert first[0].speaker.name == "وزارة الصحة في الولاية"
    assert first[0].text == "تسجيل 47 حالة إسهال مائي حاد في مراكز الإيواء"
