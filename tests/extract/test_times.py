"""Time expressions: the whole written table scored, and each rule on its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.extract.time_calendar import (
    gregorian_to_hijri,
    hijri_to_gregorian,
    next_weekday,
    previous_weekday,
    resolve_day_month,
    resolve_month,
    resolve_weekday,
)
from marsad.extract.times import TimeExpression, extract_times, parse_published

TABLE = Path(__file__).parent / "data" / "time_expressions.tsv"
THURSDAY = "2019-02-14"


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            published, sentence, span, value = line.split("\t")
            rows.append((published, sentence, span, value))
    return rows


def _row_correct(published: str, sentence: str, span: str, value: str) -> bool:
    items = extract_times("t", sentence, None if published == "-" else published)
    if span == "-":
        return not [item for item in items if item.kind != "clock"]
    expected = None if value == "-" else value
    return any(item.text == span and item.value == expected for item in items)


def _one(text: str, published: str | None = THURSDAY) -> TimeExpression:
    items = [item for item in extract_times("t", text, published) if item.kind != "clock"]
    assert len(items) == 1, [(i.text, i.value) for i in items]
    return items[0]


def test_times_table_accuracy() -> None:
    rows = _rows()
    assert len(rows) >= 300
    correct = sum(_row_correct(*row) for row in rows)
    accuracy = correct / len(rows)
    print(f"time expressions table: {correct}/{len(rows)} = {accuracy:.3f}")
    assert accuracy >= 0.95


def test_times_table_spans_are_in_their_sentences() -> None:
    for _, sentence, span, _ in _rows():
        assert span == "-" or span in sentence


def test_times_spans_index_the_original_text() -> None:
    text = "وقال المتحدثُ أمسِ إنّ القصفَ بدأ فجرَ الثلاثاءِ 19 آذارَ/مارس 2019 وتوقف منذ ٢٠١١."
    items = extract_times("t", text, THURSDAY)
    assert items
    for item in items:
        assert text[item.start : item.end] == item.text


@pytest.mark.parametrize(
    ("weekday", "published", "expected"),
    [
        (6, date(2019, 2, 14), date(2019, 2, 9)),
        (4, date(2019, 2, 14), date(2019, 2, 14)),
        (1, date(2019, 1, 3), date(2018, 12, 31)),
        (6, date(2020, 3, 1), date(2020, 2, 29)),
    ],
)
def test_times_resolve_weekday_most_recent_on_or_before(
    weekday: int, published: date, expected: date
) -> None:
    assert resolve_weekday(weekday, published) == expected


def test_times_previous_and_next_weekday_are_strict() -> None:
    assert previous_weekday(4, date(2019, 2, 14)) == date(2019, 2, 7)
    assert next_weekday(4, date(2019, 2, 14)) == date(2019, 2, 21)
    assert next_weekday(5, date(2019, 2, 14)) == date(2019, 2, 15)


@pytest.mark.parametrize(
    ("day", "month", "published", "direction", "expected"),
    [
        (9, 2, date(2019, 2, 14), "", date(2019, 2, 9)),
        (16, 2, date(2019, 2, 14), "", date(2019, 2, 16)),
        (5, 3, date(2019, 2, 14), "", date(2018, 3, 5)),
        (28, 12, date(2019, 1, 3), "", date(2018, 12, 28)),
        (5, 3, date(2019, 2, 14), "future", date(2019, 3, 5)),
        (14, 2, date(2019, 2, 14), "past", date(2018, 2, 14)),
        (29, 2, date(2020, 3, 1), "", date(2020, 2, 29)),
    ],
)
def test_times_resolve_day_month(
    day: int, month: int, published: date, direction: str, expected: date
) -> None:
    assert resolve_day_month(day, month, published, direction) == expected


@pytest.mark.parametrize(
    ("month", "direction", "expected"),
    [(12, "", (2018, 12)), (2, "", (2019, 2)), (2, "past", (2018, 2)),
     (4, "future", (2019, 4)), (1, "future", (2020, 1)), (7, "current", (2019, 7))],
)
def test_times_resolve_month(month: int, direction: str, expected: tuple[int, int]) -> None:
    assert resolve_month(month, date(2019, 2, 14), direction) == expected


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [((1440, 9, 1), date(2019, 5, 6)), ((1440, 9, 15), date(2019, 5, 20)),
     ((1400, 1, 1), date(1979, 11, 21)), ((1, 1, 1), date(622, 7, 19))],  # 16 July 622 Julian,
)
def test_times_hijri_tabular_conversion_round_trips(
    hijri: tuple[int, int, int], gregorian: date
) -> None:
    assert hijri_to_gregorian(*hijri) == gregorian
    assert gregorian_to_hijri(gregorian) == hijri


@pytest.mark.parametrize(
    ("text", "span", "value", "kind"),
    [
        ("صدر القرار في 2019/03/19 رسميا", "2019/03/19", "2019-03-19", "date"),
        ("صدر القرار في 19/3/2019 رسميا", "19/3/2019", "2019-03-19", "date"),
        ("صدر القرار في 19-3-2019 رسميا", "19-3-2019", "2019-03-19", "date"),
        ("وقع الهجوم في 19 آذار/مارس 2019 فجرا", "19 آذار/مارس 2019", "2019-03-19", "date"),
        ("وقع الهجوم في 19 مارس (آذار) 2019 فجرا", "19 مارس (آذار) 2019", "2019-03-19", "date"),
        ("وجرت في التاسع من فبراير مواجهات", "التاسع من فبراير", "2019-02-09", "date"),
        ("وجرت في التاسع من شباط مواجهات", "التاسع من شباط", "2019-02-09", "date"),
        ("ووصل في 9 شباط إلى المدينة", "9 شباط", "2019-02-09", "date"),
        ("وجرى التصويت الثلاثاء 12 فبراير بهدوء", "الثلاثاء 12 فبراير", "2019-02-12", "date"),
        ("وأغلق المعبر في كانون الأول/ديسمبر 2018 كليا", "كانون الأول/ديسمبر 2018", "2018-12",
         "month"),
        ("ونظمت مسيرة في 3 جويلية 2018 بالعاصمة", "3 جويلية 2018", "2018-07-03", "date"),
        ("وعقد في 15 رمضان 1440 هـ اجتماع", "15 رمضان 1440 هـ", "2019-05-20", "hijri"),
    ],
)
def test_times_explicit_dates(text: str, span: str, value: str, kind: str) -> None:
    item = _one(text)
    assert (item.text, item.value, item.kind) == (span, value, kind)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وقال المتحدث السبت إن", "السبت", "2019-02-09"),
        ("وقال المتحدث الخميس إن", "الخميس", "2019-02-14"),
        ("ويعقد المجلس يوم الجمعة المقبل جلسة", "الجمعة المقبل", "2019-02-15"),
        ("ويعقد المجلس يوم الجمعة القادم جلسة", "الجمعة القادم", "2019-02-15"),
        ("واجتمع الخميس الماضي بالوفد", "الخميس الماضي", "2019-02-07"),
        ("ووصل المبعوث والأحد كان يوما هادئا", "الأحد", "2019-02-10"),
        ("وفي السبت، أعلنت الوزارة", "السبت", "2019-02-09"),
    ],
)
def test_times_weekdays(text: str, span: str, value: str) -> None:
    item = _one(text)
    assert (item.text, item.value, item.kind) == (span, value, "weekday")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وقال مسؤول أمس إن", "أمس", "2019-02-13"),
        ("ووقع الهجوم أول أمس في", "أول أمس", "2019-02-12"),
        ("ووقع الهجوم أمس الأول في", "أمس الأول", "2019-02-12"),
        ("وأعلنت الوزارة اليوم أن", "اليوم", "2019-02-14"),
        ("وأعلنت الوزارة اليوم الخميس أن", "اليوم الخميس", "2019-02-14"),
        # a report read on a later day: the weekday it names, not the day it was read
        ("وأعلنت الوزارة اليوم الثلاثاء أن", "اليوم الثلاثاء", "2019-02-12"),
        ("وأعلنت الوزارة أمس الاثنين أن", "أمس الاثنين", "2019-02-11"),
        ("ويصل الوفد غدا إلى", "غدا", "2019-02-15"),
        ("وارتفعت الأسعار الأسبوع الماضي بشدة", "الأسبوع الماضي", "2019-02-04/2019-02-10"),
        ("وارتفعت الأسعار الشهر الماضي بشدة", "الشهر الماضي", "2019-01"),
        ("وارتفعت الأسعار العام الماضي بشدة", "العام الماضي", "2018"),
        ("وتبدأ الحملة مطلع الشهر المقبل", "مطلع الشهر المقبل", "2019-03-01/2019-03-10"),
        ("وأفرج عنه مطلع ديسمبر الماضي", "مطلع ديسمبر الماضي", "2018-12-01/2018-12-10"),
        ("وتفاقم الوضع خلال العامين الأخيرين", "العامين الأخيرين", "2017-02-14/2019-02-14"),
        ("وتفاقم الوضع خلال السنوات الثلاث الماضية", "السنوات الثلاث الماضية",
         "2016-02-14/2019-02-14"),
        ("وهجروا منازلهم منذ ثمانية أعوام", "منذ ثمانية أعوام", "2011"),
        ("واعتقل قبل يومين في", "قبل يومين", "2019-02-12"),
        ("واعتقل قبل أسبوع في", "قبل أسبوع", "2019-02-07"),
        ("واعتقل قبل ثلاثة أشهر في", "قبل ثلاثة أشهر", "2018-11"),
        ("واعتقل قبل 10 أيام في", "قبل 10 أيام", "2019-02-04"),
    ],
)
def test_times_relative(text: str, span: str, value: str) -> None:
    item = _one(text)
    assert (item.text, item.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وبدأت الحرب العام 2014 في", "العام 2014", "2014"),
        ("وبدأت الحرب عام 2014 في", "عام 2014", "2014"),
        ("وبدأت الحرب في 2014 بعد", "2014", "2014"),
        ("وبدأت الحرب سنة 2011 بعد", "سنة 2011", "2011"),
        ("وشيد الجسر عام 1985م بتمويل", "عام 1985م", "1985"),
        ("ويعيشون في الخيام منذ سبتمبر", "منذ سبتمبر", "2018-09/2019-02-14"),
        ("وتتواصل الحرب منذ العام 2011 بلا", "منذ العام 2011", "2011/2019-02-14"),
        ("وتعقد الدورة بين 10 و15 مارس في", "بين 10 و15 مارس", "2018-03-10/2018-03-15"),
        ("وجرت العمليات من 3 إلى 7 نيسان في", "من 3 إلى 7 نيسان", "2018-04-03/2018-04-07"),
        ("وتولى المنصب من عام 2008 إلى عام 2012 قبل", "من عام 2008 إلى عام 2012", "2008/2012"),
    ],
)
def test_times_years_and_intervals(text: str, span: str, value: str) -> None:
    item = _one(text)
    assert (item.text, item.value) == (span, value)


@pytest.mark.parametrize(
    "text",
    [
        "وخسر الجيش 2000 مقاتل في المعارك",
        "وتمكن الفريق في اليوم الأول من الفوز",
        "ولا تزال الأزمة قائمة حتى اليوم",
        "وقالت المغنية ماي حريري إنها سعيدة",
        "وأعلنت شركة نيسان سحب سيارات",
        "وقال إن الخلاف بين الاثنين قديم",
        "ومارس الضغط على الحكومة",
        "واستقال الوزير قبل يومين من الانتخابات",
    ],
)
def test_times_no_false_hits(text: str) -> None:
    assert [i.text for i in extract_times("t", text, THURSDAY) if i.kind != "clock"] == []


def test_times_clock_is_not_a_date() -> None:
    items = extract_times("t", "وقع الانفجار الساعة 10 صباحاً", THURSDAY)
    assert [(i.kind, i.value) for i in items] == [("clock", None)]


def test_times_without_publication_date_keep_relative_values_null() -> None:
    assert _one("وقال المتحدث السبت إن", None).value is None
    assert _one("وارتفعت الأسعار الشهر الماضي", None).value is None
    assert _one("ووصل في 9 شباط إلى المدينة", None).value is None
    assert _one("وصدر القرار في 19/3/2019 رسميا", None).value == "2019-03-19"
    assert _one("وبدأت الحرب عام 2014 في", None).value == "2014"
    assert _one("وقال المتحدث السبت إن", None).anchor is None


def test_times_to_dict_has_the_spec_fields() -> None:
    item = _one("وقال المتحدث السبت إن")
    assert set(item.to_dict()) == {"doc", "start", "end", "text", "value", "granularity", "kind"}


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2019-02-14T10:00:00", date(2019, 2, 14)), (None, None), ("غير معروف", None)],
)
def test_times_parse_published(published: str | None, expected: date | None) -> None:
    assert parse_published(published) == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "kind"),
    [
        ("وتصحح الأوضاع حتى 1436/10/30هـ وفق", "1436/10/30هـ", "2015-08-16", "hijri"),
        ("وذلك منذ عام 1423 هـ حين", "منذ عام 1423 هـ", "2002-03-15/2019-02-14", "interval"),
        ("وصلت يوم غدٍ الأربعاء", "غدٍ الأربعاء", "2019-02-15", "relative"),
        ("في اجتماع عقد الاثنين قبل الماضي", "الاثنين قبل الماضي", "2019-02-04", "weekday"),
        ("وخطب الجمعة الماضية تناولت", "الجمعة الماضية", "2019-02-08", "weekday"),
        ("منذ يناير (كانون الثاني) من العام الماضي،", "منذ يناير (كانون الثاني) من العام الماضي",
         "2018-01/2019-02-14", "interval"),
        ("وتلعب يومي 27 و31 يناير كانون الثاني الماضي", "31 يناير كانون الثاني الماضي",
         "2019-01-31", "date"),
        ("من 25 تموز (يوليو) إلى الثاني من آب (أغسطس) 2018",
         "من 25 تموز (يوليو) إلى الثاني من آب (أغسطس) 2018", "2018-07-25/2018-08-02", "interval"),
    ],
)
def test_times_regressions_seen_in_news(text: str, span: str, value: str, kind: str) -> None:
    found = [(i.text, i.value, i.kind) for i in extract_times("t", text, THURSDAY)]
    assert (span, value, kind) in found


def test_times_smart_watch_is_no_clock() -> None:
    assert extract_times("t", "وتراجعت مبيعات الساعة الذكية", THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("مقارنة بالعام الماضي", "العام الماضي", "2018"),
        ("بالنسبة للشهر الماضي", "للشهر الماضي", "2019-01"),
        ("مقارنة بأرقام للعام 2014", "للعام 2014", "2014"),
        ("والعام 2014 شهد", "العام 2014", "2014"),
        ("وبالسبت الماضي", "السبت الماضي", "2019-02-09"),
    ],
)
def test_times_clitics_stay_outside_the_span(text: str, span: str, value: str) -> None:
    """و ف ب ل ك stay outside; ل before the article (للعام) cannot, and is kept."""
    item = _one(text)
    assert (item.text, item.value) == (span, value)
