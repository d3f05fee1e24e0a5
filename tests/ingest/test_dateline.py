"""Dates, places and outlets stated in an article's first lines."""

from __future__ import annotations

import pytest

from marsad.ingest import Dateline, find_dateline

BODY = (
    "قال مسؤول في الدفاع المدني إن فرق الإنقاذ عملت طوال الليل لإخماد الحريق الذي اندلع "
    "في مستودع قديم قرب الميناء، ولم تسجل أي إصابات."
)
TITLE = "حريق في مستودع قرب الميناء"

# (text, published, place, outlet)
ROWS = [
    (f"{TITLE}\n\nالثلاثاء 2019/03/19\n\n{BODY}", "2019-03-19", None, None),
    (f"2019-03-19\n{BODY}", "2019-03-19", None, None),
    (f"19/03/2019\n{BODY}", "2019-03-19", None, None),
    (f"19.3.2019\n{BODY}", "2019-03-19", None, None),
    (f"19 آذار/مارس 2019\n{BODY}", "2019-03-19", None, None),
    (f"19 آذار (مارس) 2019\n{BODY}", "2019-03-19", None, None),
    (f"الثلاثاء 19 مارس 2019\n{BODY}", "2019-03-19", None, None),
    (f"الخميس، 5 كانون الثاني 2023\n{BODY}", "2023-01-05", None, None),
    (f"الأحد 12 جوان 2022\n{BODY}", "2022-06-12", None, None),
    (f"١٩ أيار ٢٠٢٠\n{BODY}", "2020-05-19", None, None),
    # the weekday contradicts the date (19/03/2019 was a Tuesday): the date still counts
    (f"الجمعة 2019/03/19\n{BODY}", "2019-03-19", None, None),
    (f"2019/02/30\n{BODY}", None, None, None),  # no such day
    (f"15 رجب 1440\n{BODY}", None, None, None),  # Hijri dates are not taken as published
    (f"{TITLE}\n\nبيروت - {BODY}", None, "بيروت", None),
    (f"دير الزور (سوريا) - {BODY}", None, "دير الزور", None),
    (f"القاهرة – {BODY}", None, "القاهرة", None),
    (f"الرياض (واس) - {BODY}", None, "الرياض", "واس"),
    (f"دمشق - سانا - {BODY}", None, "دمشق", "سانا"),
    (f"إيلاف: {BODY}", None, None, "إيلاف"),
    (f"المدار - {BODY}", None, None, "المدار"),
    (f"صحيفة الحي: {BODY}", None, None, "صحيفة الحي"),
    (f"{BODY}\n\nرويترز: {BODY}", None, None, "رويترز"),
    (f"{TITLE}\n\nالرافد: {BODY}", None, None, "الرافد"),  # opens the first body paragraph
    (f"{TITLE}\n\n{BODY}\n\nالرافد: {BODY}", None, None, None),  # later: a quote, not an outlet
    (f"المتحدث باسم الدفاع: {BODY}", None, None, None),
    (f"أ ف ب - {BODY}", None, None, "فرانس برس"),
    (f"وقال المتحدث: {BODY}", None, None, None),
    (f"عاجل: {BODY}", None, None, None),
    (f"{TITLE}\nالأربعاء 2021/07/14\nغزة - {BODY}", "2021-07-14", "غزة", None),
    (BODY, None, None, None),
    (f"{BODY} وذلك في 19 مارس 2019 حسب البيان الذي نشر لاحقا على موقع الوزارة.", None, None, None),
    ("", None, None, None),
]


@pytest.mark.parametrize(("text", "published", "place", "outlet"), ROWS)
def test_find_dateline_table(text: str, published, place, outlet) -> None:
    found = find_dateline(text)
    assert (found.published, found.place, found.outlet) == (published, place, outlet)


@pytest.mark.parametrize(("text", "published", "place", "outlet"), ROWS)
def test_find_dateline_spans_point_into_the_text(text: str, published, place, outlet) -> None:
    found = find_dateline(text)
    if found.place_span:
        assert text[slice(*found.place_span)] == found.place
    if found.published_span:
        assert any(ch.isdigit() for ch in text[slice(*found.published_span)])
    if found.outlet_span:
        assert text[slice(*found.outlet_span)].strip()


def test_find_dateline_looks_only_at_the_opening() -> None:
    late = "\n".join([BODY] * 12) + "\n2019-03-19\n"
    assert find_dateline(late) == Dateline()
