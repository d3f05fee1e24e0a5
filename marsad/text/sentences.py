"""Split a text into sentences, as spans over the original text.

The work is done on the light form (quotes unified to `"`, digits to ASCII, diacritics and
tatweel gone) and the boundaries are mapped back. Rules, in order:

1. `_paragraph_breaks`: every line break ends a sentence.
2. `_terminators`: runs of . ! ? ؟ … end a sentence; a dot followed by a digit (99.5, 3.000)
   or directly by a Latin letter (example.com) does not.
3. `_is_abbreviation`: a dot after an abbreviation (abbreviations.tsv: د. ق.م. أ.ف.ب. Dr.),
   after a single letter (an initial: ج.) or after letters and dots (U.S.) does not end a
   sentence - except a single م. or ه. right after a number, which marks the era (2015 م.).
4. `_quote_regions`: inside a quotation («...», “...”, "...") nothing ends a sentence, but a
   terminator right before the closing quote ends it after the quote. A quote left open for
   more than 600 characters or across a line break is ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from marsad.lang import load_words
from marsad.model import Span
from marsad.text.normalize import NormalizedText, normalize

MAX_QUOTE = 600

_ABBREVIATIONS = load_words("abbreviations.tsv")
_TERMINATOR = re.compile(r"[.!?؟…]+")
_LINE_BREAK = re.compile(r"\n")
_QUOTE = re.compile('"')
_CLOSERS = re.compile(r"[)\]]*")
_WORD_BEFORE = re.compile(r"[^\s(\[\"']*$")
_INITIALS = re.compile(r"(?:[\u0621-\u064aA-Za-z]\.)+")
_ERA = re.compile(r"[مه]\.")
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def _paragraph_breaks(light: str) -> list[int]:
    return [m.start() for m in _LINE_BREAK.finditer(light)]


def _quote_regions(light: str) -> list[tuple[int, int]]:
    """(open, close) positions of paired quotes; unpaired quotes are skipped."""
    positions = [m.start() for m in _QUOTE.finditer(light)]
    regions: list[tuple[int, int]] = []
    i = 0
    while i + 1 < len(positions):
        start, end = positions[i], positions[i + 1]
        if end - start <= MAX_QUOTE and light.find("\n", start, end) == -1:
            regions.append((start, end))
            i += 2
        else:
            i += 1
    return regions


def _is_abbreviation(light: str, dot: int) -> bool:
    """Whether the dot at `dot` belongs to an abbreviation or an initial."""
    word = _WORD_BEFORE.search(light, max(0, dot - 20), dot + 1).group()
    if word not in _ABBREVIATIONS and not _INITIALS.fullmatch(word):
        return False
    era = _ERA.fullmatch(word) and _NUMBER_BEFORE.search(light, max(0, dot - 12), dot - 1)
    return not era


def _terminators(light: str, regions: list[tuple[int, int]]) -> list[int]:
    """Positions just after each sentence-ending terminator (and its closing quote)."""
    ends: list[int] = []
    starts = [r[0] for r in regions]
    length = len(light)
    for m in _TERMINATOR.finditer(light):
        first, end = m.start(), m.end()
        if end < length and light[end - 1] == "." and _LATIN_OR_DIGIT.match(light, end):
            continue  # a decimal point (99.5, 3.000) or a dot inside a name (example.com)
        if end - first == 1 and light[first] == "." and _is_abbreviation(light, first):
            continue
        k = bisect_right(starts, first) - 1
        if k >= 0 and regions[k][0] < first < regions[k][1]:
            close = regions[k][1]
            if light[end:close].strip():
                continue
            end = close + 1
        ends.append(_CLOSERS.match(light, end).end())
    return ends


def split_sentences(text: str, norm: NormalizedText | None = None) -> list[Span]:
    """Sentences of `text` as spans, whitespace trimmed, in order, covering every other char.

    `norm` may pass `normalize(text)` when the caller already has it.
    """
    norm = norm or normalize(text)
    light = norm.light
    regions = _quote_regions(light)
    cuts = sorted({*_paragraph_breaks(light), *_terminators(light, regions)})
    if norm._segments:
        cuts = [norm.to_original(c) for c in cuts]
    spans: list[Span] = []
    start = 0
    for cut in [*cuts, len(text)]:
        if cut > start:
            _append_trimmed(text, start, cut, spans)
            start = cut
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        left = start + len(chunk) - len(chunk.lstrip())
        spans.append(Span(left, left + len(stripped)))
