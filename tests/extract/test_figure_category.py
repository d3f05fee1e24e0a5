"""What a figure counts: trigger words in their clitic forms, «عدد X», lists and breakdowns."""

from __future__ import annotations

import pytest

from marsad.extract.figure_category import listed_after, trigger
from marsad.extract.figures import extract_figures

PUBLISHED = "2021-05-04"


def _cats(text: str) -> list[tuple[str, str | None, str]]:
    return [(f.text, f.unit, f.category) for f in extract_figures("d", text, PUBLISHED)]


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("توقيفهم", "arrested"),  # pronoun suffix
        ("والخارجين", "displaced"),  # conjunction and article
        ("للنازحين", "displaced"),
        ("قاطنيه", "population"),
        ("الاسر", "other"),  # families, not captivity
        ("اسره", None),  # a folded أسرة is not أسر + ه
        ("الامن", None),  # الأمن الغذائي is no security force
    ],
)
def test_trigger_forms(word: str, category: str | None) -> None:
    assert trigger(word) == category


@pytest.mark.parametrize(
    ("between", "joined"),
    [
        (" عنصرا من الشرطة و", "list"),
        (" مدنيا، بينهم ", "breakdown"),
        (" محتجزا، منهم ", "breakdown"),
        (" محتجزا، والثلاثاء ", "list"),
        (" ألف شخص، مقارنة مع ", "list"),
        (" أشخاص وأصيب ", None),  # a new verb: a new count
        (" شخصا، وقال الوزير إن ", None),
        (" شخص " + "في القرى المحيطة بالمدينة " * 4 + "و", None),  # too far apart
    ],
)
def test_listed_after(between: str, joined: str | None) -> None:
    assert listed_after(between) == joined


def test_a_sibling_with_a_noun_of_its_own_keeps_it_a_part_takes_the_whole() -> None:
    figures = extract_figures("d", "خرج 60 ألف شخص، بينهم 30 ألف مدني و9 آلاف من أفراد عائلاتهم.",
                              PUBLISHED)
    assert [f.unit for f in figures] == ["شخص", "مدني", None]
    assert [f.part_of for f in figures] == [None, figures[0].id, figures[0].id]
    got = _cats("أفرج عن 312 محتجزا، منهم 224 من أنصار الجماعة و88 من الجانب الآخر.")
    assert [f[1:] for f in got[1:]] == [("محتجز", "arrested")] * 2


def test_listed_figures_share_the_first_ones_category() -> None:
    got = _cats("قتل 26 عنصرا من الشرطة و58 من المسلحين، إلى جانب 11 مدنيا، بينهم أربعة أطفال.")
    assert [c for *_, c in got] == ["killed"] * 4
    assert got[1][1] == "مسلح"  # «58 من المسلحين»: the partitive noun is the unit


def test_breakdown_with_an_elided_unit_takes_the_unit() -> None:
    got = _cats("ونقل الإثنين 140 محتجزا، والثلاثاء 96، والأربعاء 73.")
    assert got == [("140", "محتجز", "arrested"), ("96", "محتجز", "arrested"),
                   ("73", "محتجز", "arrested")]


def test_an_own_event_word_beats_the_list() -> None:
    got = _cats("خرج 60 ألف شخص من الجيب، بينهم 5000 مسلح تم توقيفهم.")
    assert [c for *_, c in got] == ["displaced", "arrested"]


def test_a_new_clause_is_not_a_list() -> None:
    got = _cats("اعتقلت الشرطة 12 شخصا، وقال الوزير إن 300 عنصر يشاركون في الحملة.")
    assert [c for *_, c in got] == ["arrested", "fighters"]


def test_pronoun_points_back_to_the_last_group() -> None:
    got = _cats("وقال إن 9 آلاف مدني خرجوا من البلدة. وأضاف أن نحو 4500 منهم غادروا أمس.")
    assert got[1][1:] == ("مدني", "displaced")


@pytest.mark.parametrize(
    ("text", "unit", "category"),
    [
        ("ارتفع عدد القاطنين في المخيم إلى 70 ألفا", "قاطن", "population"),
        ("ارتفع إلى نحو 7500 عدد المدنيين الذين غادروا البلدة", "مدني", "displaced"),
        ("قدر عدد المتضررين بنحو 52 ألفا", None, "other"),
        ("سجلت المنظمة 12 حالة اعتقال", "حالة", "arrested"),
        ("سجلت المستشفيات 40 حالة إسهال بينها وفيات", "حالة", "other"),
        ("لا يزال 4 آلاف مدني داخل البلدة", "مدني", "population"),
        ("تقدر المنظمات أن آلاف الأشخاص ما زالوا محتجزين", "شخص", "arrested"),
    ],
)
def test_named_counts_and_case_nouns(text: str, unit: str | None, category: str) -> None:
    got = _cats(text)
    assert got[0][1:] == (unit, category)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("وأرجئ البت في نحو عشرين اسما", "اسم"),  # 11..99 take a singular accusative noun
        ("نفذت الطائرات ست ضربات جوية", "ضربة جوية"),
        ("بلغ عددهم 15 تقريبا", None),  # an adverb is not counted
        ("أحضروا 3 سلال", None),  # 3..10 take a plural: unknown plurals stay null
    ],
)
def test_counted_noun_after_the_number(text: str, unit: str | None) -> None:
    assert _cats(text)[0][1] == unit


def test_vague_count_of_things_is_not_a_figure() -> None:
    assert _cats("كانوا يتوزعون على سطوح عدد من الأبنية") == []
    assert _cats("يهدد الأمن الغذائي لآلاف الأسر")[0][2] == "other"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("رصدت الوزارة 300 إصابة بالحمى وتوفي منهم 12", "killed"),  # توفي: the dead
        ("ألقت الشرطة القبض على 9 أشخاص في المداهمة", "arrested"),
        ("ارتفع سعر الخام 40 سنتا في التعاملات", "money"),
        ("انتشلت فرق الإنقاذ 8 جثث وما زال 30 مفقودا يرجح أنهم لقوا حتفهم", "other"),
        ("فحصت الحملة 75 عشة على أطراف القرية بحثا عن المطلوبين", "other"),  # a thing
        ("سجلت المنطقة 230 حالة إصابة بالمرض", "other"),  # a case of illness, not a wound
        ("وثقت اللجنة 14 حالة وفاة في السجن", "killed"),
    ],
)
def test_category_of_counted_things_and_people(text: str, category: str) -> None:
    assert _cats(text)[-1][2] == category


def test_an_unknown_feminine_noun_is_a_thing_even_near_an_event_word() -> None:
    got = _cats("تستقبل اللاجئين السوريين 11 عيادة متنقلة")
    assert got[0][1:] == ("عيادة", "other")
    assert _cats("نزح 11 ألف مواطن")[0][2] == "displaced"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("سجلت الوزارة إصابة 12 شخصا بالحصبة", "other"),  # an illness: cases
        ("ارتفع عدد الإصابات إلى 40 إصابة بالفيروس", "other"),
        ("أصيب 12 شخصا بجروح في الانفجار", "injured"),  # a wound
        ("أصيب 5 جنود برصاص قناص", "injured"),
        ("سجل القصف 15 إصابة بين المدنيين", "injured"),  # بين is no ب of an illness
        ("أصيب 9 أشخاص بسبب القصف", "injured"),
    ],
)
def test_an_illness_counts_cases_not_the_wounded(text: str, category: str) -> None:
    assert _cats(text)[0][2] == category


def test_a_trigger_after_baynama_belongs_to_the_next_clause() -> None:
    got = _cats("تعافى 580 مريضا بينما توفي 46 آخرون")
    assert got[0][2] != "killed"
    assert got[1][1:] == ("مريض", "killed")


def test_others_take_the_category_of_a_definite_people_noun() -> None:
    got = _cats("نقل 98 من المفرج عنهم إلى المدينة، فيما نقل 42 آخرون إلى القرية")
    assert got[1][1:] == ("مفرج عنه", "arrested")
