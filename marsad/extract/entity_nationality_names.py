"""Persons named after their nationality, used as a noun: الإيطالي أندريا، البولندي زوكالا.

One of the person rules of entity_people.py (tried last of them, see entities.py); it shares
that module's test of where a name starts and ends.
"""

from __future__ import annotations

from marsad.extract.entity_lexicon import FUNCTION_LIGHT, NATIONALITIES, TITLES
from marsad.extract.entity_people import given_name, name_end, name_start_ok
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word


def nationality_hits(words: list[Word], cover: list[Cand | None]) -> list[Cand]:
    """الإيطالي أندريا ...، الألماني ديتريش فيشر: a nationality used as a noun, then a name
    that starts with a given name."""
    out: list[Cand] = []
    n = len(words)
    for i in range(n - 1):
        w = words[i]
        if not w.definite or (w.key not in NATIONALITIES and not (
            w.key.endswith("ه") and w.key[:-1] in NATIONALITIES
        )):
            continue
        j = i + 1
        if words[j].brk or cover[j] is not None or not name_start_ok(words[j], None):
            continue
        e = name_end(words, j, cover)
        if e > j and (given_name(words[j]) or (
            cover[i] is None and _foreign_name_after_nationality(words, i, j)
        )):
            out.append(Cand(j, e, "PER", "cue", None, None, words[j].soft))
    return out


def _foreign_name_after_nationality(words: list[Word], i: int, j: int) -> bool:
    """البولندي زوكالا، والروماني بولوني: a nationality used as a noun (no definite noun
    before it, which it would describe: الجيش السوري; a title may: المدرب الروماني) before
    an unknown indefinite word names a person of that nationality."""
    prev = words[i - 1] if i > 0 and not words[i].brk else None
    if words[i].key not in NATIONALITIES:
        return False  # a feminine nisba is as often the country: بقيادة السعودية
    as_noun = words[i].pro == "و" or prev is None or not (prev.definite or prev.num) or (
        (prev.key,) in TITLES)  # المدرب الروماني بولوني
    w = words[j]
    return as_noun and not w.definite and not w.soft and not w.enc and len(w.key) >= 3 and (
        w.key not in FUNCTION_LIGHT and not w.key.endswith(("ه", "ات", "ت"))
    )  # not a feminine noun or a verb: شاركت
