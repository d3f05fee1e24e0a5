"""What a figure counts: the noun after it in its case and number, duals, one after its noun."""

from __future__ import annotations

import pytest

from marsad.extract.figures import extract_figures

PUBLISHED = "2022-11-08"


def _units(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.unit) for f in extract_figures("d", text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("استقبلت العيادة 245 مراجعاً خلال الشهر", "مراجع"),  # ends in 45: singular accusative
        ("افتتحت الوزارة 14 مكتبةً في القرى", "مكتبة"),  # a feminine singular after 11..99
        ("وزعت الجمعية 3000 سلة غذائية", "سلة"),  # a round thousand: singular genitive
        ("قتل 30 قرويا في الهجوم", "قروي"),  # a nisba noun in the accusative
        ("أنجز الفريق 12 يوميا", None),  # an adverb is not counted
        ("أحضروا 7 صناديق", None),  # 3..10 take a plural no lexicon lists
        ("أوقفت الشرطة «14» مشتبهاً بهم", "مشتبه"),  # past a quotation mark
        ("ضبطت الدوريات (52) مخالفةً", "مخالفة"),  # a count set in brackets
    ],
)
def test_counted_noun_by_the_numbers_grammar(text: str, unit: str | None) -> None:
    assert _units(text)[0][1] == unit


@pytest.mark.parametrize(
    ("text", "span", "unit", "category"),
    [
        ("لقي رجلان حتفهما في الحادث", "رجلان", "رجل", "killed"),
        ("أسفر الانفجار عن مقتل شخصين", "شخصين", "شخص", "killed"),
        ("انتشل الغواصون جثتي صيادين من البحر", "جثتي", "جثة", "killed"),
        ("سجلت المستشفى حالتي وفاة بالحمى", "حالتي", "حالة وفاة", "killed"),
        ("أقيم مخيمان للنازحين على أطراف المدينة", "مخيمان", "مخيم", "other"),
    ],
)
def test_a_dual_counts_two(text: str, span: str, unit: str, category: str) -> None:
    got = [(f.text, f.value, f.unit, f.category) for f in extract_figures("d", text, PUBLISHED)]
    assert got[0] == (span, 2, unit, category)


@pytest.mark.parametrize(
    "text",
    [
        "تقع البلدة بين مدينتين كبيرتين",  # a place between two
        "زار الوفد الموقع مرتين",  # twice: how often, not how many
        "أعلنت حركة طالبان مسؤوليتها",  # the movement, not two students
        "ما زال 20 من المحتجزين في السجن",  # the plural محتجزين is not a dual of محتجز
        "قالت إن عائلتي الكبيرة بخير",  # my family, not two families
    ],
)
def test_a_dual_that_describes_is_no_figure(text: str) -> None:
    assert [u for u in _units(text) if u[0] != "20"] == []


def test_a_dual_before_its_number_word_is_one_figure() -> None:
    assert _units("نقل المسعفون شخصين اثنين إلى المستشفى") == [("اثنين", "شخص")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("توفي 3 أشخاص وأصيب 11 آخرون في الحريق", "شخص"),
        ("أطلق الحراس سراح 40 محتجزا ونقلوا 6 آخرين إلى المشفى", "محتجز"),
        ("غادر السكان البلدة بينما بقي مئات آخرون", None),  # البلدة is no counted noun
    ],
)
def test_others_count_the_noun_counted_before(text: str, unit: str | None) -> None:
    assert _units(text)[-1][1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("سجلت المستشفى إصابة واحدة بالحمى", "إصابة"),
        ("كان في المخيم دورة مياه واحدة", "دورة مياه"),
        ("قتل واحد من عناصر الحراسة", "عنصر"),  # the noun comes after من
        ("نجا الركاب واحدا تلو الآخر", None),
    ],
)
def test_one_after_its_noun_counts_that_noun(text: str, unit: str | None) -> None:
    got = _units(text)
    assert (got[0][1] if got else None) == unit


def test_one_of_the_most_is_no_count() -> None:
    assert _units("تعد المدينة واحدة من أكبر المدن الساحلية") == []
    assert _units("قتل واحد من الحراس")[0][0] == "واحد"


@pytest.mark.parametrize(
    "text",
    [
        "جدد اللاعب عقده لمدة عام واحد",  # a duration
        "أقام الوفد في الفندق ليلة واحدة",
        "استمر التدريب لمدة (20) يوماً",  # a duration in brackets
        "أرسل رسالة تبدأ بالرمز (103) ثم مسافة",  # a code in brackets
    ],
)
def test_durations_and_labels_are_no_counts(text: str) -> None:
    assert _units(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("تعافى 900 مريض وتماثلت 580 منها للشفاء", "مريض"),  # منها points back, no «منه»
        ("أقيمت احتفالات «عيد الواحة 36» إقامة للمعارض", None),  # the quotation closes a name
        ("شارك في الحفل 36 بمشاركة الفرق الشعبية", None),  # a preposition: no counted noun
        ("قتل في القصف 681 مواطنة و3168 رجلا", "مواطنة"),  # a person, so events decide
    ],
)
def test_no_counted_noun_where_grammar_says_none(text: str, unit: str | None) -> None:
    assert [u for t, u in _units(text) if t not in ("900", "3168")][0] == unit


def test_a_feminine_participle_keeps_the_event_category() -> None:
    figures = extract_figures("d", "قتل في القصف 681 مواطنة و3168 رجلا", PUBLISHED)
    assert [f.category for f in figures] == ["killed", "killed"]


@pytest.mark.parametrize(
    ("text", "unit", "category"),
    [("بلغت الأرباح 120 مليار ين", "ين", "money"),
     ("زرعت الوزارة 15 ألف فدان", "فدان", "area"),
     ("بلغ عدد أجهزة الصرف 900 جهاز صرف آلي", "جهاز", "other"),
     ("ضبط المفتشون 3500 كيلوجرام من اللحوم", "كيلوجرام", "other"),
     ("يتابع الحساب نصف مليون متابع", "متابع", "other")],
)
def test_currency_measure_and_thing_units(text: str, unit: str, category: str) -> None:
    (figure,) = extract_figures("d", text, None)
    assert (figure.unit, figure.category) == (unit, category)
