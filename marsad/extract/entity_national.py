"""A country's bodies named by a definite head noun and a nationality: الحكومة اليمنية."""

from __future__ import annotations

from marsad.extract.entity_lexicon import (
    BODY_HEADS,
    DEFINITE_ORG_HEADS,
    INSTITUTIONAL,
    NATIONALITY_STEMS,
    REGIONAL_HEADS,
)
from marsad.extract.entity_rules import Cand, adjective
from marsad.extract.entity_triggers import lam_phrase_end
from marsad.extract.entity_words import Word


def _nationality(w: Word) -> bool:
    """A nisba of a nationality: اليمنية، الأميركي (stem found among the NORP plurals)."""
    if w.brk or w.pro or not w.definite:
        return False
    key = w.key[2:] if w.key.startswith("ال") else w.key
    stem = key[:-2] if key.endswith("يه") else key[:-1] if key.endswith("ي") else None
    return stem is not None and stem in NATIONALITY_STEMS


def national_body_hits(words: list[Word], known: list[Cand]) -> list[Cand]:
    """«الحكومة اليمنية»، «القوات المسلحة الأميركية»: a definite organisation noun with a
    nationality adjective (one definite word may stand between) names that country's
    body. «المكتب المركزي للتحقيقات القضائية»، «الحملة الوطنية السعودية»: with an
    institutional adjective (الوطنية، العامة، المركزي) it names a body when a ل-phrase or a
    nationality follows, or بـ and a known place (`_regional_end`). With any other adjective
    (الحكومة المحلية) it stays a common noun."""
    out: list[Cand] = []
    n = len(words)
    known_starts = {c.i for c in known}
    places = {c.i: c for c in known if c.type == "GPE"}
    for i, w in enumerate(words):
        body = w.key in DEFINITE_ORG_HEADS or w.key in BODY_HEADS
        if not body and w.key not in REGIONAL_HEADS or i in known_starts or _describes(words, i):
            continue
        j, national, institutional = i + 1, False, False
        while body and j < n and j - i <= 3 and not words[j].brk and not words[j].pro:
            if _nationality(words[j]):
                national = True
            elif words[j].key in INSTITUTIONAL:
                institutional = True
            elif not (j == i + 1 and words[j].definite and not adjective(words[j])):
                break  # only one plain definite word may stand first (القوات المسلحة)
            j += 1
        end = lam_phrase_end(words, j) if institutional or national else j
        if national or (institutional and end > j):
            out.append(Cand(i, _regional_end(words, end, places) or end, "ORG", "trigger",
                            None, None, not w.pro))
        elif w.key in REGIONAL_HEADS:
            k = i + 1
            while k < n and not words[k].brk and not words[k].pro and adjective(words[k]):
                k += 1
            place_end = _regional_end(words, k, places) if k > i + 1 else None
            if place_end is not None:
                out.append(Cand(i, place_end, "ORG", "trigger", None, None, not w.pro))
    return out


def _describes(words: list[Word], i: int) -> bool:
    """السياسة الخارجية المصرية: a head shaped as a nisba right after a definite noun is that
    noun's adjective, no body (وأكدت الخارجية المصرية is the ministry)."""
    w = words[i]
    return i > 0 and not w.brk and not w.pro and adjective(w) and words[i - 1].definite


def _regional_end(words: list[Word], k: int, places: dict[int, Cand]) -> int | None:
    """المديرية العامة للشئون الصحية بمنطقة حائل، الشؤون الصحية بمكة المكرمة: بـ and a known
    place right after a body's name make the region's body, one name; where it ends."""
    place = places.get(k)
    if place is None or words[k].pro != "ب" or words[k].brk:
        return None
    return place.j
