"""Where an event word stands: background phrases, relative clauses, denials, outcomes."""

from __future__ import annotations

import pytest

from marsad.extract.event_clauses import (
    after_outcome,
    denied,
    described,
    going_on,
    negated_opening,
    subordinate,
)
from marsad.text.tokens import Token, tokenize_sentences


def _tokens(sentence: str) -> list[Token]:
    [(_, tokens)] = tokenize_sentences(sentence)
    return tokens


def _at(tokens: list[Token], word: str) -> int:
    return next(i for i, t in enumerate(tokens) if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("وفر الآلاف منذ بدء الهجوم على البلدة.", "الهجوم", True),
        ("وتحشد القوات جنودها لتحرير المدينة.", "لتحرير", True),
        ("وتعرضت دورية الشرطة لهجوم قرب الحدود.", "لهجوم", False),
        ("وشن المسلحون هجوما على الحاجز.", "هجوما", False),
    ],
)
def test_event_clauses_subordinate(sentence: str, word: str, expected: bool) -> None:
    tokens = _tokens(sentence)
    assert subordinate(tokens, _at(tokens, word)) is expected


@pytest.mark.parametrize(
    ("sentence", "word", "event_type", "expected"),
    [
        ("وتقع البلدة قرب الطريق الذي سيطر عليه المسلحون.", "سيطر", "capture", True),
        ("وقالت الوزارة إن الذين قتلوا كانوا مدنيين.", "قتلوا", "casualties", False),
        ("وسيطر المسلحون على الطريق الذي يربط البلدتين.", "وسيطر", "capture", False),
    ],
)
def test_event_clauses_described(sentence: str, word: str, event_type: str,
                                 expected: bool) -> None:
    tokens = _tokens(sentence)
    assert described(tokens, _at(tokens, word), event_type, frozenset()) is expected


def test_event_clauses_denied_and_negated_opening() -> None:
    text = "ولم يحدد الجيش موعد الهجوم، لكن مصدرا قال إن القصف بدأ."
    tokens = _tokens(text)
    assert negated_opening(tokens, text) == _at(tokens, "لكن")
    assert negated_opening(_tokens("وقصف الجيش المواقع."), "وقصف الجيش المواقع.") == 0
    tokens = _tokens("وقال إن العائلة لم تتمكن من إنقاذ شيء.")
    assert denied(tokens, _at(tokens, "إنقاذ"))
    assert not denied(tokens, _at(tokens, "العائلة"))


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("وقال إن الهجوم أسفر عن مقتل ستة.", "مقتل", True),
        ("وقال إن الهجوم أسفر عن 31 قتيلا.", "قتيلا", True),
        ("وقال إن الحكومة تأسف لمقتل ستة.", "لمقتل", False),
    ],
)
def test_event_clauses_after_outcome(sentence: str, word: str, expected: bool) -> None:
    tokens = _tokens(sentence)
    assert after_outcome(tokens, _at(tokens, word)) is expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("أن المواجهات استمرت حتى المساء", "المواجهات", True),
        ("عندما وقع الانفجار في السوق", "الانفجار", True),
        ("أن المواجهات في الشمال تكشف ضعف الحكومة", "المواجهات", False),
    ],
)
def test_event_clauses_going_on(sentence: str, word: str, expected: bool) -> None:
    tokens = _tokens(sentence)
    index = next(i for i, t in enumerate(tokens) if t.text == word)
    assert going_on(tokens, index) is expected
