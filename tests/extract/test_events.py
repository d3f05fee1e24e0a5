"""Events: typed from triggers, with actors, places, figures and the right date."""

from __future__ import annotations

import pytest

from marsad.extract.events import extract_events


def _mention(text: str, surface: str, type_: str, entity: str) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "type": type_, "entity": entity,
            "text": surface}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("شنت الطائرات الحربية غارات على أطراف البلدة فجر اليوم.", "strike"),
        ("وسيطرت القوات الحكومية على التلة الاستراتيجية بعد معارك عنيفة.", "capture"),
        ("واستسلم العشرات من المسلحين مع عائلاتهم خلال الليل.", "surrender"),
        ("وانسحبت الفصائل من مواقعها في الجهة الغربية.", "withdrawal"),
        ("ونزح آلاف السكان باتجاه القرى المجاورة.", "displacement"),
        ("واعتقلت الشرطة خمسة أشخاص يشتبه في تورطهم.", "arrest"),
        ("وأسفرت الاشتباكات عن مقتل ثلاثة مقاتلين.", "attack"),
        ("وتوعد التنظيم في تسجيل صوتي بالثأر لقتلاه.", "threat"),
        ("ووصلت قافلة مساعدات إلى المخيم محملة بالأغذية.", "humanitarian"),
        ("وأعلنت الحكومة تشكيل لجنة للتحقيق في الحادث.", "statement"),
    ],
)
def test_events_type_from_triggers(sentence: str, expected: str) -> None:
    [event] = extract_events("d", sentence, "2024-03-07")
    assert event.type == expected


def test_events_sentences_without_triggers_give_no_event() -> None:
    assert extract_events("d", "ويبلغ عدد سكان المدينة نحو نصف مليون نسمة.", "2024-03-07") == []


def test_events_date_from_the_sentence_else_reported_on_publication() -> None:
    text = "وقصفت المدفعية القرية السبت. واندلعت اشتباكات في الحي الشمالي."
    saturday = text.index("السبت")
    times = [{"start": saturday, "end": saturday + 5, "value": "2024-03-02"}]
    first, second = extract_events("d", text, "2024-03-07", times=times)
    assert (first.date, first.date_precision) == ("2024-03-02", "day")
    assert (second.date, second.date_precision) == ("2024-03-07", "reported")


def test_events_background_sentence_takes_its_own_year() -> None:
    text = "وكان التنظيم قد سيطر على مساحات واسعة من البلاد في العام 2014."
    year = text.index("2014")
    [event] = extract_events("d", text, "2024-03-07",
                             times=[{"start": year, "end": year + 4, "value": "2014"}])
    assert (event.date, event.date_precision) == ("2014", "year")


def test_events_carry_actors_places_figures_and_fatalities() -> None:
    text = "وقتل سبعة مدنيين في غارة شنتها طائرات التحالف على بلدة الشعيطات."
    mentions = [_mention(text, "التحالف", "ORG", "e-coalition"),
                _mention(text, "الشعيطات", "GPE", "e-town")]
    start = text.index("سبعة")
    figures = [{"id": "f1", "start": start, "end": start + 4, "value": 7, "category": "killed"}]
    [event] = extract_events("d", text, "2024-03-07", mentions=mentions, figures=figures)
    assert event.type == "strike"
    assert [a["entity"] for a in event.actors] == ["e-coalition"]
    assert [p["entity"] for p in event.places] == ["e-town"]
    assert event.figures == ["f1"] and event.fatalities == 7
    assert text[event.start:event.end] == event.text


def test_events_a_since_interval_does_not_date_the_event() -> None:
    text = "ونزح آلاف المدنيين منذ مطلع الشهر من القرى الواقعة على الضفة الشرقية."
    since = text.index("منذ")
    times = [{"start": since, "end": since + 14, "value": "2024-03-01/2024-03-07"}]
    [event] = extract_events("d", text, "2024-03-07", times=times)
    assert (event.date, event.date_precision) == ("2024-03-07", "reported")
