"""Number expressions: the phrase table, each rule on its own, and the language data."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.numbers import find_numbers, parse_digits, parse_number
from marsad.lang import load_table
from marsad.text.normalize import fold, light

TABLE = Path(__file__).parent / "data" / "number_phrases.tsv"
DATA_FILES = [
    "number_words.tsv", "multipliers.tsv", "qualifiers.tsv", "units.tsv",
    "figure_categories.tsv", "attribution_cues.tsv",
]


def load_rows() -> list[list[str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _num(s: str) -> float | None:
    return None if s == "-" else float(s)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))


def score_values(rows: list[list[str]]) -> tuple[float, list[str]]:
    """Share of rows whose expression, value, low, high and qualifier are all right."""
    good, failures = 0, []
    for sentence, span, value, low, high, qualifier, *_ in rows:
        found = find_numbers(sentence)
        if span == "NONE":
            if not found:
                good += 1
            else:
                failures.append(f"{sentence}: expected none, got {[e.text for e in found]}")
            continue
        if len(found) != 1 or found[0].text != span:
            failures.append(f"{sentence}: expected «{span}», got {[e.text for e in found]}")
            continue
        e = found[0]
        want = (_num(value), _num(low), _num(high))
        if all(map(_close, (e.value, e.low, e.high), want)) and e.qualifier == qualifier:
            good += 1
        else:
            got = (e.value, e.low, e.high, e.qualifier)
            failures.append(f"{sentence}: got {got}, want {(*want, qualifier)}")
    return good / len(rows), failures


def test_numbers_table_is_large_and_well_formed() -> None:
    rows = load_rows()
    assert len(rows) >= 400
    assert sum(r[1] == "NONE" for r in rows) >= 40
    for row in rows:
        assert len(row) == 8, row
        assert row[1] == "NONE" or row[1] in row[0], row


def test_numbers_table_values_accuracy() -> None:
    accuracy, failures = score_values(load_rows())
    print(f"value/low/high/qualifier accuracy: {accuracy:.4f}")
    for failure in failures:
        print("FAIL", failure)
    assert accuracy >= 0.98


def test_numbers_spans_match_original_text() -> None:
    for row in load_rows():
        for e in find_numbers(row[0]):
            assert row[0][e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("digits", "value"),
    [("12", 12), ("12,000", 12000), ("12.000", 12000), ("99,5", 99.5), ("3,5", 3.5),
     ("3.25", 3.25), ("1,250,000", 1250000), ("1.250.000", 1250000), ("1,250.5", 1250.5),
     ("1.250,5", 1250.5), ("0,125", 0.125)],
)
def test_numbers_parse_digits(digits: str, value: float) -> None:
    assert parse_digits(digits) == value


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("قتل ٣٩ شخصا", 39), ("قتل ۳۹ شخصا", 39), ("٤٫٥ في المئة", 4.5),
        ("واحدة", 1), ("اثنتان", 2), ("ثلاث", 3), ("ثمان", 8), ("عشر", 10),
        ("إحدى عشرة", 11), ("اثنا عشر", 12), ("تسعة عشر", 19), ("تسعين", 90),
        ("مئتا", 200), ("مائتي", 200), ("ثلاث مئة", 300), ("ثمانمائة", 800),
        ("خمسة وعشرون", 25), ("مئة وخمسون", 150), ("ثلاثة آلاف وخمسمئة", 3500),
        ("ثلاثمئة وخمسة وعشرون", 325), ("مليون و200 ألف", 1200000),
    ],
)
def test_numbers_words_and_compounds(phrase: str, value: float) -> None:
    e = parse_number(phrase)
    assert e is not None and e.value == value and e.qualifier == "exact"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("39 ألف", 39000), ("24 ألفاً", 24000), ("24 ألفًا", 24000), ("24 الفا", 24000),
        ("ألفا شخص", 2000), ("ألفي مقاتل", 2000), ("والألفين", 2000), ("خمسة آلاف", 5000),
        ("3 ملايين", 3e6), ("2,5 مليار", 2.5e9), ("1,5 مليون", 1.5e6), ("مليون ونصف", 1.5e6),
        ("نصف مليون", 5e5), ("ربع مليون", 2.5e5), ("مليوني نسمة", 2e6), ("بليون", 1e9),
        ("مئة وخمسون ألف", 150000), ("أحد عشر ألفا", 11000), ("ملياران ونصف مليار", 2.5e9),
    ],
)
def test_numbers_multipliers(phrase: str, value: float) -> None:
    e = parse_number(phrase)
    assert e is not None and e.value == value


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("نزح ستين إلى سبعين شخصا", 60, 70), ("قتل بين 10 و15 شخصا", 10, 15),
        ("من 200 إلى 300 مقاتل", 200, 300), ("قتل 10-15 شخصا", 10, 15),
        ("بين 15 و20 ألف شخص", 15000, 20000), ("بين ألف وألفي مقاتل", 1000, 2000),
        ("بين ألفين وثلاثة آلاف جندي", 2000, 3000),
    ],
)
def test_numbers_ranges(sentence: str, low: float, high: float) -> None:
    e = parse_number(sentence)
    assert e is not None
    assert (e.value, e.low, e.high, e.qualifier) == (None, low, high, "range")


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("قتل أكثر من 300 شخص", "more_than"), ("نزح ما يزيد على 10 آلاف", "more_than"),
        ("يضم ما يربو على ألف مقاتل", "more_than"), ("عدد القتلى يتجاوز 200", "more_than"),
        ("تجاوز عدد النازحين 600 ألف", "more_than"), ("نزح نحو 40 شخصا", "about"),
        ("قرابة 100 متظاهر", "about"), ("زهاء مليون نسمة", "about"),
        ("ما يقارب 3 آلاف", "about"), ("قتل 30 شخصا تقريبا", "about"),
        ("أقل من 50 شخصا", "less_than"), ("دون 500 جندي", "less_than"),
        ("ما لا يقل عن 20 شخصا", "at_least"), ("قتل 20 شخصا على الأقل", "at_least"),
        ("لا يتجاوز 15 جريحا", "at_most"), ("ما لا يزيد عن 500 عائلة", "at_most"),
        ("300 مقاتل على الأكثر", "at_most"), ("قتل 12 مدنيا", "exact"),
    ],
)
def test_numbers_qualifiers(sentence: str, qualifier: str) -> None:
    e = parse_number(sentence)
    assert e is not None and e.qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("بلغت 30 في المئة", 30), ("بلغت 30 في المائة", 30), ("بلغت 30 بالمئة", 30),
        ("بلغت 30%", 30), ("بلغت 30٪", 30), ("نصف السكان", 50), ("ربع المنازل", 25),
        ("ثلاثة أرباع السكان", 75), ("خمسين بالمئة", 50),
    ],
)
def test_numbers_percent_and_fractions(sentence: str, value: float) -> None:
    e = parse_number(sentence)
    assert e is not None and e.percent and _close(e.value, value)


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("قتل عشرات المدنيين", "عشرات"), ("نزح مئات الآلاف", "مئات الآلاف"),
        ("نزح عشرات الآلاف من السكان", "عشرات الآلاف"), ("فر الآلاف", "آلاف"),
        ("قتل بضعة جنود", "بضعة"), ("نزح بضعة آلاف", "بضعة آلاف"),
        ("اعتقل عدد من الناشطين", "عدد من"), ("نزح ملايين الأشخاص", "ملايين"),
    ],
)
def test_numbers_vague(sentence: str, span: str) -> None:
    e = parse_number(sentence)
    assert e is not None and e.vague and e.value is None and e.text == span


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("وخمسة أصيبوا", "خمسة", 5), ("تقدر بـ39 ألف دولار", "39 ألف", 39000),
        ("تصل لـ300 دينار", "300", 300), ("عام الألفين", None, None),
        ("قدرت بأكثر من مليار دولار", "أكثر من مليار", 1e9), ("بخمسة ملايين", "خمسة ملايين", 5e6),
    ],
)
def test_numbers_clitics(sentence: str, span: str | None, value: float | None) -> None:
    e = parse_number(sentence)
    if span is None:
        assert e is None
    else:
        assert e is not None and e.text == span and e.value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "في عام 2014", "منذ العام 2011", "في آذار 2011", "في فبراير (شباط) 2016",
        "عامي 2012 و2013", "بين 1980 و1988", "في 15/03/2019", "في 2019/03/15",
        "بتاريخ 2020-05-12", "في 12 مارس", "في 15 من نيسان", "في الـ15 من الشهر",
        "عند الساعة 10 صباحا", "الساعة 6:30", "عند 8 مساء", "على الرقم 0114567890",
        "هاتف 00963112233", "القرار 2254", "رقم 2401", "الفرقة 17", "اللواء 93",
        "إف-16", "كوفيد-19", "لمدة 72 ساعة", "قبل ثلاثة أيام", "يوم الاثنين",
        "أحد المسؤولين", "عام 1432 هـ", "في عام ألفين وثلاثة", "مساحة 500 كلم2",
    ],
)
def test_numbers_not_figures(sentence: str) -> None:
    found = [e.text for e in find_numbers(sentence)]
    assert found in ([], ["500"]), found


@pytest.mark.parametrize("name", DATA_FILES)
def test_numbers_data_files_are_light_and_unique(name: str) -> None:
    keys = [row[0] for row in load_table(name)]
    for row in load_table(name):
        for col in row:
            assert light(col) == col, (name, col)
    folded = [fold(k) for k in keys]
    assert len(folded) == len(set(folded)), name


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("منها 1.842 مليار ريال", [("1.842 مليار", 1.842e9)]),
        ("بلغ 12.000 مقاتل", [("12.000", 12000)]),
        ("في 26 فبراير (شباط) 2016 في زيورخ", []),
        ("خلال العام الماضي 2014 بلغ", []),
        ("العام المالي 2015.", []),
        ("وهي: 1 - التغيرات في الضريبة", []),
        ("لأن إيران لم تسع أبدا إلى ذلك", []),
        ("تشهد منذ 25 من شهر يونيو معارك", []),
        ("اعتبارا من 17 الشهر الحالي", []),
        ("يعاني من ضعف في عضلة القلب", []),
        ("في دورته الثالثة عشرة بمشاركة", []),
        ("مهرجان البكيرية الـ 36، بحلته", []),
        ("قبيل الساعة 04,00 (01,00 تغ) قامت", []),
        ("سحب قرعة مونديال روسيا 2018 اليوم", []),
        ("على بعد 1400 سنة ضوئية", []),
        ("وتاريخ 28 / 7 / 1433هـ، ورقم (52 / 30)", []),
        ("في العامين 1435-1436هـ عدد", []),
        ("مباراته في 25 الجاري بالرياض", []),
        ("بالمرتبتين الخامسة عشرة والرابعة عشرة", []),
        ("لمدة شهرين ونصف, طيلة الأسبوع", []),
        ("يباع بحوالي نصف ريال للتر", [("حوالي نصف", 0.5)]),
        ("قتل 2013 شخصا", [("2013", 2013)]),
        ("بلغ عدد النازحين نحو 2015", [("نحو 2015", 2015)]),
    ],
)
def test_numbers_regressions_from_news_text(sentence: str, expected: list) -> None:
    assert [(e.text, e.value) for e in find_numbers(sentence)] == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "percent"),
    [
        ("بلغت الأرباح 7ر312 مليار ين في الربع", "7ر312 مليار", 312.7e9, False),
        ("تراجعت المبيعات بنسبة 4ر2% عن العام", "4ر2%", 2.4, True),
        ("باعت الشركة 06ر3 مليون سيارة", "06ر3 مليون", 3.06e6, False),
        ("بلغ متوسط الفائدة 11.375% في المزاد", "11.375%", 11.375, True),
        ("وصل عدد الزوار إلى 2.500 شخص", "2.500", 2500, False),
    ],
)
def test_numbers_agency_decimals_and_percent_decimals(
        text: str, span: str, value: float, percent: bool) -> None:
    (found,) = find_numbers(text)
    assert (found.text, found.value, found.percent) == (span, pytest.approx(value), percent)


def test_numbers_a_list_label_opening_a_line_is_no_figure() -> None:
    text = "وهذه أسماء الفائزين:\n1. خالد سعيد – 25 نقطة\n2. سامي علي – 19 نقطة"
    assert [f.text for f in find_numbers(text)] == ["25", "19"]


def test_numbers_a_number_and_full_stop_inside_a_line_stays_a_figure() -> None:
    assert [f.text for f in find_numbers("وصل عدد المصابين إلى 12. وقال المسؤول")] == ["12"]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("تأخر الفريق بأقل من 3 آلاف متابع", "less_than"),
     ("وبأقل من 3 آلاف متابع يأتي الفريق", "less_than"),
     ("وبنحو 40 شخصا", "about")],
)
def test_numbers_qualifier_after_conjunction_and_preposition(text: str, qualifier: str) -> None:
    (found,) = find_numbers(text)
    assert found.qualifier == qualifier
