"""Quotes: when a cue word is a cue, and when it only names a source."""

from __future__ import annotations

import pytest

from marsad.extract.quotes import extract_quotes


def test_quote_cues_kama_before_a_content_clause_is_also() -> None:
    text = "كما أكد رئيس البلدية أن أعمال التشجير ستشمل جميع الأحياء الجديدة."
    [quote] = extract_quotes("d", text)
    assert quote.text == "أعمال التشجير ستشمل جميع الأحياء الجديدة"
    assert quote.speaker.name == "رئيس البلدية"


@pytest.mark.parametrize("text", [
    "وارتفع عدد المصابين إلى عشرين شخصا، كما أعلنت وزارة الصحة في بيان.",
    "وأصيب عشرون شخصا كما أفاد الدفاع المدني، مؤكدا عدم وجود وفيات.",
])
def test_quote_cues_kama_as_a_source_is_no_quote(text: str) -> None:
    assert all(q.cue != "أعلنت" and q.cue != "أفاد" for q in extract_quotes("d", text))

