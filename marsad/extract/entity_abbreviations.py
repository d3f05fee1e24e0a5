"""Short forms of organisation names that the word rules do not see: a dotted abbreviation
(سي.إن.إن، د.ب.أ) after an organisation noun or in brackets after the name it shortens, Latin
capitals after a body's name (NHS), an outlet's name in quotation marks after its noun
(صحيفة «التايمز»), and an outlet's name used later without its noun (صحيفة الوسط ... صدور
الوسط)."""

from __future__ import annotations

from marsad.extract.entity_lexicon import (
    GAZ_INDEX,
    GIVEN_NAMES,
    OUTLET_HEADS,
    PLACE_TYPES,
    PRESS_HEADS,
    STOP,
    TRIGGER_INDEX,
    TRIGGERS,
)
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word

_MIN_PIECES = 3  # أ.د. (a professor) has two: an abbreviation of a body has three or more
_MAX_PIECE = 3


def _gap(words: list[Word], text: str, q: int) -> str:
    return text[words[q - 1].end : words[q].tstart].strip()


def _dotted_end(words: list[Word], text: str, k: int) -> int:
    """Where a dotted abbreviation starting at word `k` ends (`k` when there is none): short
    pieces joined by dots, the last one a word of any length (سي.بي.اس.نيوز)."""
    j = k
    while (j + 1 < len(words) and len(words[j].light) <= _MAX_PIECE and not words[j].pro
           and _gap(words, text, j + 1) == "."):
        j += 1
    return j + 1 if j + 1 - k >= _MIN_PIECES else k


def _trailing_word(words: list[Word], e: int) -> bool:
    """نيوز in إي.بي.سي نيوز: an unknown, indefinite word right after the abbreviation."""
    if e >= len(words):
        return False
    w = words[e]
    return not (w.brk or w.pro or w.enc or w.num or w.definite or len(w.key) < 3
                or w.key in STOP or w.key in GAZ_INDEX or w.key in GIVEN_NAMES)


def _org_noun(w: Word) -> bool:
    return any(len(t) == 1 and TRIGGERS[t][0] == "ORG" for t in TRIGGER_INDEX.get(w.key, ()))


def dotted_abbreviations(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """شبكة (سي.بي.اس.نيوز): the organisation named by the abbreviation after its noun;
    وكالة الأنباء الألمانية (د.ب.أ): a short form of the body just named."""
    covered = {p for c in cands for p in range(c.i, c.j)}
    ends = {c.j: c for c in cands if c.type == "ORG"}
    out = list(cands)
    for k in range(1, len(words)):
        if k in covered:
            continue
        e = _dotted_end(words, text, k)
        if e == k or any(p in covered for p in range(k, e)):
            continue
        opened = _gap(words, text, k) == "("
        closed = e < len(words) and _gap(words, text, e)[:1] == ")"
        body = ends.get(k)
        if opened and closed and body is not None:
            out.append(Cand(k, e, "ORG", "coref", body.entry, f"@{body.i}:{body.j}"))
        elif _org_noun(words[k - 1]) and _gap(words, text, k) in ("", "("):
            if not opened and _trailing_word(words, e):
                e += 1
            out.append(Cand(k - 1 if not opened else k, e, "ORG", "trigger"))
    return sorted(out)


def outlet_short_names(words: list[Word], cands: list[Cand]) -> list[Cand]:
    """صحيفة الوسط ... وعلقت صدور الوسط: an outlet found by its noun is meant where its name
    stands alone later in the document."""
    names = {tuple(w.key for w in words[c.i + 1 : c.j]): c for c in cands
             if c.how == "trigger" and c.j - c.i >= 2 and words[c.i].key in OUTLET_HEADS}
    if not names:
        return cands
    covered = {p for c in cands for p in range(c.i, c.j)}
    out = list(cands)
    for name, outlet in names.items():
        size = len(name)
        for p in range(outlet.j, len(words) - size + 1):
            span = words[p : p + size]
            if (tuple(w.key for w in span) == name and not any(w.brk for w in span[1:])
                    and not any(q in covered for q in range(p, p + size))):
                out.append(Cand(p, p + size, "ORG", "coref", None, f"@{outlet.i}:{outlet.j}"))
    return sorted(out)


_LATIN_LETTERS = (2, 6)


def _latin_abbreviation(w: Word) -> bool:
    """NHS، BBC: a word of two to six Latin capitals."""
    return _LATIN_LETTERS[0] <= len(w.light) <= _LATIN_LETTERS[1] and (
        w.light.isascii() and w.light.isalpha() and w.light.isupper()
    )


def latin_abbreviations(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """هيئة الخدمات الصحية البريطانية NHS، (NHS): Latin capitals right after a body's name,
    bare or in brackets, are its short form."""
    covered = {p for c in cands for p in range(c.i, c.j)}
    out = list(cands)
    for c in cands:
        e = c.j
        if c.type != "ORG" or e >= len(words) or e in covered or not _latin_abbreviation(words[e]):
            continue
        if _gap(words, text, e) in ("", "("):
            out.append(Cand(e, e + 1, "ORG", "coref", c.entry, f"@{c.i}:{c.j}"))
    return sorted(out)


_OPEN_QUOTES = frozenset('«"“')
_CLOSE_QUOTES = frozenset('»"”')
_MAX_QUOTED_WORDS = 3


def quoted_outlets(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """صحيفة «التايمز»، قناة "الحدث": a name of up to three words in quotation marks right
    after an outlet's noun is the outlet, even where a place or river has that name. Not
    after شبكة, as often a technical network (شبكة "الواي فاي") as a broadcaster."""
    out = list(cands)
    n = len(words)
    for p in range(n - 1):
        if words[p].key not in PRESS_HEADS or _gap(words, text, p + 1) not in _OPEN_QUOTES:
            continue
        q = p + 2
        while q < n and q - p <= _MAX_QUOTED_WORDS and not words[q].brk:
            q += 1
        after = text[words[q - 1].end : words[q].tstart if q < n else len(text)].strip()
        if q - p - 1 > _MAX_QUOTED_WORDS or after[:1] not in _CLOSE_QUOTES:
            continue
        inside = [c for c in out if c.i < q and p + 1 < c.j]
        if any(c.type not in PLACE_TYPES or c.i < p + 1 or c.j > q for c in inside):
            continue
        for c in inside:
            out.remove(c)
        out.append(Cand(p + 1, q, "ORG", "trigger", None, None, True))
    return sorted(out)
