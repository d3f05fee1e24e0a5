"""Names in an article's dateline: the outlet it opens with, and the writers of a byline."""

from __future__ import annotations

from marsad.extract.entity_lexicon import (
    GIVEN_NAMES,
    OUTLET_FIRST_WORDS,
    OUTLET_NAMES,
    PLACE_TYPES,
)
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word
from marsad.ingest.dateline import find_dateline
from marsad.text.normalize import fold

_MAX_BYLINE_NAME = 4
_HEAD_WORDS = 12


def _word_span(words: list[Word], start: int, end: int) -> tuple[int, int] | None:
    """The words that lie within the characters start..end, or None when none does."""
    inside = [p for p, w in enumerate(words) if w.tstart >= start and w.end <= end]
    return (inside[0], inside[-1] + 1) if inside else None


def _without(cands: list[Cand], i: int, j: int) -> list[Cand]:
    return [c for c in cands if c.j <= i or c.i >= j]


def dateline_hits(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """«سبق - الرياض:»، «محمد السيد ومحمود الحمد - سبق:»: the outlet named at the head of
    an article is an organisation (سبق is a verb elsewhere); the words before it and a dash,
    when they are no place, are its writers: each item joined by و that opens with a given
    name is a person."""
    if not any(w.key in OUTLET_FIRST_WORDS or w.folded in OUTLET_FIRST_WORDS
               for w in words[:_HEAD_WORDS]):
        return cands  # no outlet among the first words: the dateline is not read
    line = find_dateline(text)
    if line.outlet_span is None or fold(line.outlet or "") not in OUTLET_NAMES:
        return cands  # «نسمع بعضهم يقول:» opens a line with a colon but names no outlet
    outlet = _word_span(words, *line.outlet_span)
    if outlet is None:
        return cands
    out = _without(cands, *outlet) + [Cand(*outlet, "ORG", "trigger")]
    byline = _word_span(words, *line.place_span) if line.place_span else None
    if byline is None or byline[1] > outlet[0] or any(
        c.type in PLACE_TYPES and c.i < byline[1] and byline[0] < c.j for c in cands
    ):
        return sorted(out)
    item_starts = [p for p in range(*byline) if p == byline[0] or words[p].pro == "و"]
    for i, j in zip(item_starts, [*item_starts[1:], byline[1]], strict=True):
        if 2 <= j - i <= _MAX_BYLINE_NAME and words[i].key in GIVEN_NAMES:
            out = _without(out, i, j) + [Cand(i, j, "PER", "given_name")]
    return sorted(out)
