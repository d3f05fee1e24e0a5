"""Two-word given names used alone after the full name: سيف الإسلام after سيف الإسلام القذافي."""

from __future__ import annotations

from marsad.extract.entity_lexicon import GIVEN_SECONDS, name_key
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word

_MIN_FULL_NAME = 3
_LINEAGE = frozenset({"بن", "ابن"})


def compound_given_names(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """A person named with three words or more whose given name is two (X الإسلام، X الدين:
    given_second cues) is that person where the two words stand alone later on."""
    firsts: dict[tuple[str, str], str] = {}
    for c in cands:
        if c.type == "PER" and c.j - c.i >= _MIN_FULL_NAME and words[c.i + 1].key in GIVEN_SECONDS:
            full = name_key(text[words[c.i].start : words[c.j - 1].end])
            firsts[(words[c.i].key, words[c.i + 1].key)] = full
    if not firsts:
        return cands
    covered = {p for c in cands for p in range(c.i, c.j)}
    out = list(cands)
    for p in range(len(words) - 1):
        pair = (words[p].key, words[p + 1].key)
        if pair in firsts and p not in covered and p + 1 not in covered and (
            not words[p + 1].brk and not words[p + 1].pro
            and (p == 0 or words[p - 1].key not in _LINEAGE)  # بن عبد العزيز: a forebear
        ):
            out.append(Cand(p, p + 2, "PER", "coref", None, firsts[pair]))
    return sorted(out)


def first_and_last_names(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """A person named with three words or more is that person where the first and the last of
    them stand together later on (جنيد خان after جنيد أحمد خان): the middle name is dropped."""
    pairs: dict[tuple[str, str], str] = {}
    for c in cands:
        if c.type == "PER" and c.j - c.i >= _MIN_FULL_NAME:
            full = name_key(text[words[c.i].start : words[c.j - 1].end])
            pairs[(words[c.i].key, words[c.j - 1].key)] = full
    if not pairs:
        return cands
    covered = {p for c in cands if c.j - c.i > 1 for p in range(c.i, c.j)}
    out = list(cands)
    for p in range(len(words) - 1):
        pair = (words[p].key, words[p + 1].key)
        if pair in pairs and p not in covered and p + 1 not in covered and not words[p + 1].brk:
            out = [c for c in out if c.i not in (p, p + 1)]  # a one-word guess inside it
            out.append(Cand(p, p + 2, "PER", "coref", None, pairs[pair]))
    return sorted(out)
