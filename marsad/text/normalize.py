"""Normalise Arabic text for matching while keeping a map back to the original offsets.

Two forms come out of one pass, both the same length and aligned character for character:
`light` is what a careful writer would have typed (Persian and Urdu letters, Arabic-Indic
and Persian digits, odd spaces, curly and guillemet quotes and presentation forms unified;
diacritics, tatweel and invisible characters dropped; hamza seats, ة and ى kept); `folded`
further merges alef and hamza seats (أ إ آ → ا), ة/ه and ى/ي and lower-cases Latin: the
matching key.
Deletions and expansions are recorded as segments so any offset maps back to `text`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Characters dropped for matching: harakat, Quranic marks, superscript alef, tatweel,
# zero-width and bidi controls, soft hyphen, BOM.
_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"
)
_INVISIBLE = "\u00ad\u061c\u0640\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
REMOVED_CLASS = f"[{_MARKS}{_INVISIBLE}]"
_TRAILING_MARK = re.compile(f"[{_MARKS}\u0640]*")

_LIGHT_PAIRS = {
    "ٱ": "ا", "ٲ": "أ", "ٳ": "إ", "ٵ": "أ",
    # Persian and Urdu letters met in Arabic web text
    "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي", "ێ": "ي", "ي": "ي",
    "ک": "ك", "ڪ": "ك",
    "ھ": "ه", "ہ": "ه", "ە": "ه", "ۀ": "ه", "ۂ": "ه",
    "ٶ": "ؤ", "ٸ": "ئ",
    # punctuation
    "\u066b": ",", "\u066c": ",", "\u066a": "%", "\u066d": "*",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"', "＂": '"',
    "〝": '"', "〞": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
}
for _first in (0x0660, 0x06F0):
    for _i in range(10):
        _LIGHT_PAIRS[chr(_first + _i)] = str(_i)
_ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
for _space in _ODD_SPACES:
    _LIGHT_PAIRS[_space] = " "

_FOLD_PAIRS = {"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"}
_FOLD_PAIRS.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})

_REMOVED = re.compile(REMOVED_CLASS)


def _light_char(c: str) -> str:
    return _LIGHT_PAIRS.get(c, c)


def _presentation_forms() -> tuple[dict[str, str], dict[str, str]]:
    """Map Arabic presentation forms to their letters: 1:1 ones and expansions (ﻻ → لا)."""
    single: dict[str, str] = {}
    expand: dict[str, str] = {}
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        c = chr(code)
        if unicodedata.category(c) == "Cn":
            continue
        nf = _REMOVED.sub("", unicodedata.normalize("NFKC", c)).strip()
        nf = "".join(_light_char(x) for x in nf)
        if not nf or nf == c:
            continue
        (single if len(nf) == 1 else expand)[c] = nf
    return single, expand


_SINGLE_FORMS, _EXPANSIONS = _presentation_forms()
_LIGHT_TABLE = str.maketrans({**_LIGHT_PAIRS, **_SINGLE_FORMS})
_FOLD_TABLE = str.maketrans(_FOLD_PAIRS)
_SPECIAL = re.compile(f"(?:{REMOVED_CLASS}|[{''.join(_EXPANSIONS)}])+")


def _char_class(chars: set[str]) -> str:
    """A regex character class for `chars`, written as ranges."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = code
    return "[" + "".join(parts) + "]"


# str.translate with a dict costs ~60 ns a character; these touch only what must change.
_LIGHT_NEEDED = re.compile(
    _char_class({k for k, v in {**_LIGHT_PAIRS, **_SINGLE_FORMS}.items() if k != v}) + "+"
)
_FOLD_ARABIC = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ى", "ي"))
_UPPER_LATIN = re.compile("[A-Z]+")


def _to_light(text: str) -> str:
    return _LIGHT_NEEDED.sub(_light_run, text)


def _light_run(match: re.Match[str]) -> str:
    return match.group().translate(_LIGHT_TABLE)


def _to_folded(light_text: str) -> str:
    for old, new in _FOLD_ARABIC:
        light_text = light_text.replace(old, new)
    return _UPPER_LATIN.sub(_lower_run, light_text)


def _lower_run(match: re.Match[str]) -> str:
    return match.group().lower()


_EXPANDING = re.compile(f"[{''.join(_EXPANSIONS)}]")
_REMOVED_RUN = re.compile(f"{REMOVED_CLASS}+")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The two normal forms of a text and the segments that map them back to it.

    Each segment is (normalised start, original start, expanded): inside an expanded
    segment every normalised character came from the one original character.
    """

    original: str
    light: str
    folded: str
    _norm_starts: tuple[int, ...] = ()
    _segments: tuple[tuple[int, int, bool], ...] = ()

    def to_original(self, index: int) -> int:
        """Original offset of the character at normalised `index` (or of the end, at len)."""
        if not self._segments:
            return index
        seg = bisect_right(self._norm_starts, index) - 1
        norm_start, orig_start, expanded = self._segments[seg]
        return orig_start if expanded else orig_start + index - norm_start

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a normalised span; the end takes in trailing diacritics."""
        orig_start = self.to_original(start)
        orig_end = self.to_original(end - 1) + 1 if end > start else orig_start
        trailing = _TRAILING_MARK.match(self.original, orig_end)
        return orig_start, trailing.end() if trailing else orig_end


def normalize(text: str) -> NormalizedText:
    """Normalise `text` once, returning both forms and the offset map."""
    if not _SPECIAL.search(text):
        light = _to_light(text)
        return NormalizedText(text, light, _to_folded(light))
    if not _EXPANDING.search(text):
        return _with_removals_only(text)
    parts: list[str] = []
    segments: list[tuple[int, int, bool]] = [(0, 0, False)]
    pos = norm_pos = 0
    for match in _SPECIAL.finditer(text):
        chunk = text[pos : match.start()]
        parts.append(chunk)
        norm_pos += len(chunk)
        for offset, char in enumerate(match.group(), start=match.start()):
            expansion = _EXPANSIONS.get(char)
            if expansion:
                segments.append((norm_pos, offset, True))
                parts.append(expansion)
                norm_pos += len(expansion)
                segments.append((norm_pos, offset + 1, False))
        pos = match.end()
        segments.append((norm_pos, pos, False))
    parts.append(text[pos:])
    light = "".join(parts).translate(_LIGHT_TABLE)
    segments = _drop_empty(segments)
    return NormalizedText(
        text,
        light,
        light.translate(_FOLD_TABLE),
        tuple(s[0] for s in segments),
        tuple(segments),
    )


def _with_removals_only(text: str) -> NormalizedText:
    """The common slow case (diacritics, tatweel, no ligatures): one segment per removed run."""
    segments: list[tuple[int, int, bool]] = [(0, 0, False)]
    removed = 0
    for match in _REMOVED_RUN.finditer(text):
        start, end = match.span()
        removed += end - start
        segments.append((end - removed, end, False))
    if len(segments) > 1 and segments[1][0] == 0:
        del segments[0]
    light = _to_light(_REMOVED.sub("", text))
    return NormalizedText(
        text,
        light,
        _to_folded(light),
        tuple(s[0] for s in segments),
        tuple(segments),
    )


def _drop_empty(segments: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Keep the last of segments sharing a start: the earlier ones cover no characters."""
    kept: list[tuple[int, int, bool]] = []
    for seg in segments:
        if kept and kept[-1][0] == seg[0]:
            kept[-1] = seg
        else:
            kept.append(seg)
    return kept


def fold(text: str) -> str:
    """The matching key of a short string (a name, a lexicon entry): the folded form."""
    return light(text).translate(_FOLD_TABLE)


def light(text: str) -> str:
    """The light form of a short string, without an offset map."""
    stripped = _REMOVED.sub("", text)
    if _SPECIAL.search(stripped):
        stripped = "".join(_EXPANSIONS.get(c, c) for c in stripped)
    return stripped.translate(_LIGHT_TABLE)
