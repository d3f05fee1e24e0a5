"""split_sentences(): boundaries, numbers, abbreviations and quotations."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.sentences import split_sentences

SENTENCES = [
    ("وصل الوفد إلى المدينة. وبدأت المحادثات صباحا.",
     ["وصل الوفد إلى المدينة.", "وبدأت المحادثات صباحا."]),
    ("هل انتهت المعارك؟ لا أحد يعرف!", ["هل انتهت المعارك؟", "لا أحد يعرف!"]),
    ("انتظر السكان طويلا… ثم غادروا.", ["انتظر السكان طويلا…", "ثم غادروا."]),
    ("ماذا حدث؟! لا نعرف.", ["ماذا حدث؟!", "لا نعرف."]),
    ("بلغت النسبة 99.5 في المئة. وهذا رقم قياسي.",
     ["بلغت النسبة 99.5 في المئة.", "وهذا رقم قياسي."]),
    ("بلغت النسبة 99,5 في المئة. وهذا رقم قياسي.",
     ["بلغت النسبة 99,5 في المئة.", "وهذا رقم قياسي."]),
    ("فر نحو 3.000 شخص من القرية.", ["فر نحو 3.000 شخص من القرية."]),
    ("في 2019/03/19 أعلن الجيش انتهاء العملية.", ["في 2019/03/19 أعلن الجيش انتهاء العملية."]),
    ("بلغت النسبة ٩٩٫٥ في المئة. ثم تراجعت.", ["بلغت النسبة ٩٩٫٥ في المئة.", "ثم تراجعت."]),
    ("قال د. سامي إن الوضع صعب.", ["قال د. سامي إن الوضع صعب."]),
    ("وصل م. خالد إلى الموقع.", ["وصل م. خالد إلى الموقع."]),
    ("بنيت القلعة في القرن الثالث ق.م. على التل.", ["بنيت القلعة في القرن الثالث ق.م. على التل."]),
    ("نقلت وكالة أ.ف.ب. الخبر عن مصدر أمني.", ["نقلت وكالة أ.ف.ب. الخبر عن مصدر أمني."]),
    ("كتب الصحفي ج. منصور تقريرا مطولا.", ["كتب الصحفي ج. منصور تقريرا مطولا."]),
    ("وقع الاتفاق سنة 1436 هـ. وبدأ تنفيذه فورا.",
     ["وقع الاتفاق سنة 1436 هـ.", "وبدأ تنفيذه فورا."]),
    ("افتتح المعرض في 2015م. وزاره الآلاف.", ["افتتح المعرض في 2015م.", "وزاره الآلاف."]),
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("زوروا الموقع example.com للمزيد.", ["زوروا الموقع example.com للمزيد."]),
    ("قال الوزير: «لن نتراجع. سنواصل العمل» ثم غادر القاعة.",
     ["قال الوزير: «لن نتراجع. سنواصل العمل» ثم غادر القاعة."]),
    ("قال الوزير: «لن نتراجع.» ثم غادر القاعة.",
     ["قال الوزير: «لن نتراجع.»", "ثم غادر القاعة."]),
    ("وأضاف: “الوضع خطير! يجب التحرك” في بيان.", ["وأضاف: “الوضع خطير! يجب التحرك” في بيان."]),
    ('وقال: "انتهى الأمر. نعود غدا" وابتسم.', ['وقال: "انتهى الأمر. نعود غدا" وابتسم.']),
    ("قال: «انتهى الأمر. ولم يكمل\nفقرة جديدة. وأخرى.",
     ["قال: «انتهى الأمر.", "ولم يكمل", "فقرة جديدة.", "وأخرى."]),
    ("عنوان الخبر\n\nنص الخبر الأول. والثاني", ["عنوان الخبر", "نص الخبر الأول.", "والثاني"]),
    ("  مسافات في البداية.   ونهاية  ", ["مسافات في البداية.", "ونهاية"]),
    ("قُتِلَ ثلاثةٌ. وأُصيبَ آخرون.", ["قُتِلَ ثلاثةٌ.", "وأُصيبَ آخرون."]),
    ("اﻻتفاق صامد. والمعارك توقفت.", ["اﻻتفاق صامد.", "والمعارك توقفت."]),
    ("انتهى الاجتماع (وفق مصادر).وبدأ آخر.", ["انتهى الاجتماع (وفق مصادر).", "وبدأ آخر."]),
    ("", []),
    ("   \n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_split_sentences_table(text: str, expected: list[str]) -> None:
    assert [s.of(text) for s in split_sentences(text)] == expected


def _assert_partition(text: str) -> None:
    spans = split_sentences(text)
    covered = [0] * len(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        piece = span.of(text)
        assert piece == piece.strip()
        for i in range(span.start, span.end):
            covered[i] += 1
        previous_end = span.end
    for i, char in enumerate(text):
        assert covered[i] == (0 if char.isspace() and covered[i] == 0 else 1), (text, i)
        if not char.isspace():
            assert covered[i] == 1


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_split_sentences_cover_every_character_once(text: str, expected: list[str]) -> None:
    _assert_partition(text)


def test_split_sentences_random_mixes_cover_every_character_once() -> None:
    pieces = ["قال", " ", "الوزير", ".", "؟", "!", "\n", "«", "»", '"', "99", ",", "5", "د.",
              "\u064e", "\u0640", "ﻻ", "…", "ج", "م", "2015"]
    rng = random.Random(7)
    for _ in range(2000):
        _assert_partition("".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))))


def test_split_sentences_long_open_quote_is_ignored() -> None:
    text = "قال «" + "كلام طويل جدا " * 60 + "انتهى. وبدأ» فصل آخر."
    assert [s.of(text) for s in split_sentences(text)][-1] == "وبدأ» فصل آخر."


@given(st.text())
def test_split_sentences_never_raises_and_partitions_any_text(text: str) -> None:
    _assert_partition(text)
