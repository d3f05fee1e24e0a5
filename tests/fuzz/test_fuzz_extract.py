"""Fuzzing the extractors: numbers, figures and times never raise, keep their spans valid and
their values finite, and stay fast on adversarial runs of lexicon words (no catastrophic
backtracking, nothing quadratic)."""

from __future__ import annotations

import math

import pytest
from fuzz_props import (
    PUBLISHED,
    TEXTS,
    check_figures,
    check_numbers,
    check_times,
    lexicon_text,
    timed,
)
from hypothesis import HealthCheck, given, settings

from marsad.extract.figures import extract_figures
from marsad.extract.numbers import find_numbers, parse_number
from marsad.extract.times import extract_times

FUZZ = settings(derandomize=True, max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
SIZE = 20_000  # characters of each adversarial input
LIMIT_S = 2.0  # per call, for SIZE characters


@FUZZ
@given(TEXTS)
def test_find_numbers_fuzz_spans_and_finite_values(text: str) -> None:
    check_numbers(text)


@FUZZ
@given(TEXTS)
def test_extract_figures_fuzz_spans_and_finite_values(text: str) -> None:
    check_figures(text)


@FUZZ
@given(TEXTS)
def test_extract_times_fuzz_spans(text: str) -> None:
    check_times(text)


@settings(derandomize=True, max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(lexicon_text(max_tokens=60))
def test_extractors_fuzz_lexicon_runs_repeated_to_20k_are_fast(unit: str) -> None:
    text = (unit * (SIZE // max(len(unit), 1) + 1))[:SIZE] if unit else ""
    for check in (check_numbers, check_figures, check_times):
        timed(check, text, LIMIT_S)


def _repeat(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


ADVERSARIAL = {
    "alf": "ألف ",
    "alf_glued": "ألف",
    "digits": "1",
    "grouped_digits": "1,",
    "grouped_digits_3": "111,",
    "decimal_dots": "1.",
    "dashes": "1-",
    "slashes": "1/",
    "dates": "12/12/2012 ",
    "spaced_digits": "1 ",
    "tabbed_digits": "\t1",
    "percent": "50% ",
    "tens_and": "عشرين و",
    "and_three": "وثلاثة ",
    "millions": "مليون ",
    "three_thousand": "3 آلاف ",
    "between": "بين 3 و ",
    "nested_qualifiers": "أكثر من نحو حوالي قرابة ",
    "qualified_number": "أكثر من نحو حوالي ثلاثة آلاف و",
    "since": "منذ ",
    "since_month": "منذ يناير ",
    "months": "يناير ",
    "levantine_months": "كانون الثاني ",
    "weekdays": "الأحد ",
    "ago": "قبل يومين ",
    "clock": "الساعة ",
    "day_of": "1 من ",
    "hijri": "1 رمضان 1435 هـ ",
    "reported": "قال 3 ",
    "cue_runs": "بحسب قال عن ما ",
    "cue_chain": "وفقا لـ أعلنت 3 ",
    "according_to": "بحسب وزارة الصحة 5 قتلى ",
    "yesterday_since": "أمس منذ 2011 قتل 5 ",
    "lam_alef_ligature": "ﻻ",
    "diacritics": "ثَلَاثَةُ آلَافٍ ",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_extractors_adversarial_20k_finish_fast(name: str) -> None:
    text = _repeat(ADVERSARIAL[name])
    for check in (check_numbers, check_figures, check_times):
        timed(check, text, LIMIT_S)


def test_find_numbers_ten_thousand_digits() -> None:
    for text in ("1" * 10_000, "1" * 10_000 + ".5", "9" * 400 + ".5 مليون", "0," * 5000):
        assert all(math.isfinite(e.value) for e in find_numbers(text) if e.value is not None)


def test_find_numbers_grouped_digits_past_float_range_regression() -> None:
    # Was OverflowError (int(inf)) in number_context.not_a_figure.
    text = "قتل " + ",".join(["999"] * 200) + " شخصا"
    assert find_numbers(text) == []
    assert parse_number(",".join(["111"] * 150)) is None
    assert extract_figures("d", text, PUBLISHED) == []


def test_find_numbers_huge_product_stays_finite_regression() -> None:
    text = ",".join(["999"] * 102) + " مليار مليون ألف"
    for expr in find_numbers(text):
        assert expr.value is None or math.isfinite(expr.value)


def test_extract_figures_many_numbers_in_one_sentence_is_linear_regression() -> None:
    # Was quadratic: _says_yesterday and _since scanned the whole sentence for every figure
    # (20 KB of "1 " took 16 s).
    timed(check_figures, _repeat("\t1"), 1.5)
    figures = extract_figures("d", "أمس قتل 5 و 6 و 7 منذ 2011", PUBLISHED)
    assert [(f.as_of, f.since) for f in figures] == [("2024-04-30", "2011")] * len(figures)


def test_find_numbers_many_blocked_dates_is_linear_regression() -> None:
    # Was quadratic: each digit token scanned every clock/date span of its region.
    timed(check_numbers, "1-" * 20_000, 2.0)


def test_extract_times_many_finds_is_linear_regression() -> None:
    # Was quadratic: _select compared each find with every kept one.
    timed(check_times, "يناير " * 4000, 2.0)
    found = extract_times("d", "في 5 يناير 2014 و يناير", PUBLISHED)
    assert [t.text for t in found] == ["5 يناير 2014", "يناير"]
