"""normalize(): light and folded forms, and the map back to original offsets."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import fold, light, normalize

FORMS = [
    # (original, light, folded)
    ("مُحَمَّدٌ", "محمد", "محمد"),
    ("الْعِرَاقِ", "العراق", "العراق"),
    ("مـــدينة", "مدينة", "مدينه"),
    ("أحمد وإبراهيم وآمنة", "أحمد وإبراهيم وآمنة", "احمد وابراهيم وامنه"),
    ("مستشفى الهدى", "مستشفى الهدى", "مستشفي الهدي"),
    ("ٱلكتاب", "الكتاب", "الكتاب"),
    ("ایران", "ايران", "ايران"),
    ("کرکوک", "كركوك", "كركوك"),
    ("ھذا", "هذا", "هذا"),
    ("٢٠١٩/٠٣/١٩", "2019/03/19", "2019/03/19"),
    ("۱۲۳ قتيلا", "123 قتيلا", "123 قتيلا"),
    ("٩٩٫٥", "99,5", "99,5"),
    ("قال\u00a0الوزير", "قال الوزير", "قال الوزير"),
    ("قال\u202fالوزير", "قال الوزير", "قال الوزير"),
    ("مي\u200cخواهم", "ميخواهم", "ميخواهم"),
    ("\u200fالخبر\u200e", "الخبر", "الخبر"),
    ("«لن نتراجع»", '"لن نتراجع"', '"لن نتراجع"'),
    ("“نعم” و‘لا’", "\"نعم\" و'لا'", "\"نعم\" و'لا'"),
    ("2014–2015", "2014-2015", "2014-2015"),
    ("ﻻ بد", "لا بد", "لا بد"),
    ("ﺑﻴﺖ", "بيت", "بيت"),
    ("Reuters AFP", "Reuters AFP", "reuters afp"),
    ("\ufeffنص", "نص", "نص"),
]


@pytest.mark.parametrize(("original", "light_form", "folded_form"), FORMS)
def test_normalize_forms(original: str, light_form: str, folded_form: str) -> None:
    norm = normalize(original)
    assert norm.light == light_form
    assert norm.folded == folded_form
    assert light(original) == light_form
    assert fold(original) == folded_form


@pytest.mark.parametrize(("original", "light_form", "folded_form"), FORMS)
def test_normalize_word_spans_map_back(original: str, light_form: str, folded_form: str) -> None:
    norm = normalize(original)
    for m in re.finditer(r"\S+", norm.light):
        start, end = norm.span_to_original(*m.span())
        assert fold(original[start:end]) == norm.folded[m.start() : m.end()]


_PIECES = [
    "قال", "الوزير", "مدينة", "إلى", "مستشفى", " ", " ", "\n", "\u064e", "\u0651", "\u0652",
    "\u0640", "\u200c", "\u200f", "ﻻ", "ﷲ", "«", "»", "٢٠١٩", "۱۲", "ی", "ک", "\u00a0", "A", "b",
    ".", "؟", "ٱ", "\u0670",
]


def test_normalize_random_mixes_map_back_word_by_word() -> None:
    rng = random.Random(20260101)
    for _ in range(2000):
        original = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25)))
        norm = normalize(original)
        for m in re.finditer(r"\S+", norm.light):
            start, end = norm.span_to_original(*m.span())
            assert fold(original[start:end]) == norm.folded[m.start() : m.end()], original


@given(st.text())
def test_normalize_never_raises_and_keeps_forms_aligned(text: str) -> None:
    norm = normalize(text)
    assert len(norm.light) == len(norm.folded)
    previous = 0
    for i in range(len(norm.light) + 1):
        offset = norm.to_original(i)
        assert previous <= offset <= len(text)
        previous = offset


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_normalize_arabic_mixes_keep_forms_aligned(text: str) -> None:
    norm = normalize(text)
    assert len(norm.light) == len(norm.folded)
    offsets = [norm.to_original(i) for i in range(len(norm.light) + 1)]
    assert offsets == sorted(offsets)
    assert norm.light == light(text)
