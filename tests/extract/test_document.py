"""The date a sentence's figures hold for, from the times the sentence names."""

from __future__ import annotations

import pytest

from marsad.extract.document import _sentence_days
from marsad.extract.times import extract_times
from marsad.model import Span


@pytest.mark.parametrize(
    ("sentence", "day"),
    [("بلغت الصادرات في شهر مارس الماضي 40 مليار ريال.", "2016-03"),
     ("بلغ الإنتاج في عام 2011 نحو 900 ألف طن.", "2011"),
     ("بلغ عدد الإصابات أمس 30 حالة في مارس الماضي.", "2016-06-09"),  # a day comes first
     ("سجلت 12 حالة منذ عام 1435هـ الموافق لعام 2014م.", None),  # a restated date
     ("ارتفع المؤشر 5% في يونيو بعد تراجعه 3% في مارس.", None),  # two periods: no one date
     ("بلغت الصادرات في يونيو 40 مليار ريال.", None)],  # the current month: publication
)
def test_sentence_days_past_month_or_year(sentence: str, day: str | None) -> None:
    times = [t.to_dict() for t in extract_times("d", sentence, "2016-06-10")]
    days = _sentence_days(sentence, [Span(0, len(sentence))], times, "2016-06-10")
    assert days.get(0) == day
