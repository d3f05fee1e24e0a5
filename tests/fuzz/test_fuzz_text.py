"""Fuzzing the text layer: normalize, sentences and tokens never raise and keep their spans."""

from __future__ import annotations

from fuzz_props import ANY_CHARS, TEXTS, check_normalize, check_sentences, check_tokens
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(derandomize=True, max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(TEXTS)
def test_normalize_fuzz_keeps_offsets(text: str) -> None:
    check_normalize(text)


@FUZZ
@given(st.text(alphabet=ANY_CHARS, max_size=100))
def test_normalize_fuzz_lone_surrogates(text: str) -> None:
    check_normalize(text)


@FUZZ
@given(TEXTS)
def test_split_sentences_fuzz_covers_text_once(text: str) -> None:
    check_sentences(text)


@FUZZ
@given(st.text(alphabet=ANY_CHARS, max_size=100))
def test_split_sentences_fuzz_lone_surrogates(text: str) -> None:
    check_sentences(text)


@FUZZ
@given(TEXTS)
def test_tokenize_fuzz_spans_match_text(text: str) -> None:
    check_tokens(text)


@FUZZ
@given(st.text(alphabet=ANY_CHARS, max_size=100))
def test_tokenize_fuzz_lone_surrogates(text: str) -> None:
    check_tokens(text)
