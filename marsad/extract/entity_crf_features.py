"""The entity CRF's features, in groups that depend on few things each, so they can be cached.

A word's features are the union of: its own (a function of its light form alone: key,
prefixes and suffixes, clitics, shape, lexicon flags, distributional word clusters from
lang/ar/word_clusters.tsv, made by bench/word_clusters.py), those of each neighbour within two
words (a function of the neighbour's light form and the offset), the rules' BIO tags around
it, its place in the sentence, and the key bigrams it belongs to (with a flag when the pair
starts a gazetteer name). Training (`features`) joins them as strings; the tagger
(entity_crf.py) sums each group's weights once per distinct value.
"""

from __future__ import annotations

import re

from marsad.extract.entity_lexicon import (
    GAZ,
    GAZ_INDEX,
    GIVEN_NAMES,
    NATIONALITIES,
    SAY,
    STOP,
    TITLE_INDEX,
    TRIGGER_INDEX,
)
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word
from marsad.lang import load_table

OFFSETS = (-2, -1, 1, 2)
# The rules' types as CRF labels (NORP and anything else is MISC: ANERcorp's MISC is left out).
RULE_LABELS = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
RULE_TAGS = ("O", *(f"{b}-{t}" for t in ("PERS", "LOC", "ORG", "MISC") for b in "BI"))
EDGE = "^"  # a rule tag or neighbour beyond the sentence
SURFACE_PARTS = frozenset({"sp2", "ss2", "word"})
# The first two keys of each multi-word gazetteer name → its type.
GAZ_PAIRS = {k[:2]: e.type for k, e in GAZ.items() if len(k) >= 2}
_SENTENCE_END = frozenset(".!?؟\n")
_LATIN = re.compile("[A-Za-z]")
# Key → its distributional word clusters at three granularities (bench/word_clusters.py).
CLUSTERS = {row[0]: row[1:4] for row in load_table("word_clusters.tsv")}


def _gaz_type(key: str) -> str:
    entry = GAZ.get((key,))
    return entry.type if entry else ("multi" if key in GAZ_INDEX else "-")


def _shape(w: Word) -> str:
    if w.num:
        return "num"
    if _LATIN.search(w.folded):
        return "latin"
    return "ar"


def _flags(key: str) -> tuple[str, bool, bool, bool, bool, bool, bool]:
    """What the lexicons say of a key: gazetteer type, given name, title, trigger, stop word,
    reporting verb, nationality."""
    return (_gaz_type(key), key in GIVEN_NAMES, key in TITLE_INDEX, key in TRIGGER_INDEX,
            key in STOP, key in SAY, key in NATIONALITIES)


def _clusters(key: str) -> tuple[str, str, str]:
    return CLUSTERS.get(key, ("-", "-", "-"))


def key_parts(key: str) -> tuple[tuple[str, object], ...]:
    """A key as (part, value) pairs; a word's key features are the union of `part_attrs` over
    them, so the tagger can cache each part's weights by its value (few prefixes, suffixes and
    flag sets serve many keys)."""
    return (("k", key), ("p2", key[:2]), ("p3", key[:3]), ("s1", key[-1:]), ("s2", key[-2:]),
            ("s3", key[-3:]), ("len", min(len(key), 9)), ("flags", _flags(key)),
            ("cl", _clusters(key)))


def part_attrs(part: str, value: object, off: int) -> tuple[str, ...]:
    """The features a key part gives the word `off` places away (0: the word itself)."""
    if part == "cl":
        return _cluster_attrs(value, off)
    if off == 0:
        if part == "flags":
            gaz, given, title, trig, stop, say, nat = value
            return ("gaz=" + gaz, f"given={given}", f"title={title}", f"trig={trig}",
                    f"stop={stop}", f"say={say}", f"nat={nat}")
        return (f"{part}={value}",)
    o = str(off)
    near = off in (-1, 1)
    if part == "k":
        return (f"{o}k={value}",)
    if part == "s2" and near:
        return (f"{o}s2={value}",)
    if part == "flags":
        gaz, given, title, trig, stop, say, nat = value
        far = (o + "g=" + gaz, f"{o}n={given}", f"{o}t={title}")
        return (*far, f"{o}trig={trig}", f"{o}say={say}", f"{o}stop={stop}",
                f"{o}nat={nat}") if near else far
    return ()


def _cluster_attrs(value: tuple[str, str, str], off: int) -> tuple[str, ...]:
    """Word clusters (coarse, middle, fine): all three for the word itself, the coarse two for
    the words next to it, the coarsest for those two away."""
    o = str(off) if off else ""
    kept = 3 if off == 0 else 2 if off in (-1, 1) else 1
    return tuple(f"{o}c{n}={c}" for n, c in enumerate(value[:kept]))


def key_attrs(key: str) -> tuple[str, ...]:
    """The part of a word's own features that depends on its key alone."""
    return tuple(a for part, value in key_parts(key) for a in part_attrs(part, value, 0))


def surface_parts(w: Word) -> tuple[tuple[str, object], ...]:
    """A word's written form beyond its key, as (part, value) pairs like `key_parts`: the
    first and last two letters, and its clitics, definiteness and shape."""
    light = w.light
    return (("sp2", light[:2]), ("ss2", light[-2:]),
            ("word", (w.pro, w.enc, w.soft, w.definite, _shape(w))))


def surface_part_attrs(part: str, value: object, off: int) -> tuple[str, ...]:
    """The features a surface part gives the word `off` places away (only the proclitics
    reach the next words)."""
    if part != "word":
        return (f"{part}={value}",) if off == 0 else ()
    pro, enc, soft, definite, shape = value
    if off == 0:
        return ("pro=" + pro, f"enc={enc}", f"soft={soft}", f"def={definite}", "shape=" + shape)
    return neighbour_pro_attrs(pro, off)


def surface_attrs(w: Word) -> tuple[str, ...]:
    """The rest of a word's own features: its written form, clitics and shape."""
    return tuple(a for part, value in surface_parts(w) for a in surface_part_attrs(part, value, 0))


def own_attrs(w: Word) -> tuple[str, ...]:
    """What a word says about itself (all determined by its light form)."""
    return (*key_attrs(w.key), *surface_attrs(w))


def neighbour_key_attrs(key: str, off: int) -> tuple[str, ...]:
    """What a word's key says about the word `off` places away (is-after-title: `-1t=True`)."""
    return tuple(a for part, value in key_parts(key) for a in part_attrs(part, value, off))


def neighbour_pro_attrs(pro: str, off: int) -> tuple[str, ...]:
    """The proclitics of the words either side."""
    return (f"{off}p={pro}",) if off in (-1, 1) else ()


def neighbour_attrs(w: Word, off: int) -> tuple[str, ...]:
    return (*neighbour_key_attrs(w.key, off), *neighbour_pro_attrs(w.pro, off))


def edge_attrs(off: int) -> tuple[str, ...]:
    return (f"{off}:{EDGE}",)


def rule_attrs(tags: list[str], i: int) -> tuple[str, ...]:
    """The rules' tags at i-2..i+2 (EDGE beyond the list) and the pairs around i."""
    n = len(tags)
    t = [tags[j] if 0 <= j < n else EDGE for j in range(i - 2, i + 3)]
    return ("r-2=" + t[0], "r-1=" + t[1], "r=" + t[2], "r1=" + t[3], "r2=" + t[4],
            "rr-=" + t[1] + "|" + t[2], "rr+=" + t[2] + "|" + t[3])


def place_attrs(words: list[Word], i: int) -> tuple[str, ...]:
    """Sentence start and end, and punctuation before and after the word."""
    out = ["first"] if i == 0 else []
    if i == len(words) - 1:
        out.append("last")
    else:
        out.append(f"nbrk={words[i + 1].brk}")
    out.append(f"brk={words[i].brk}")
    return tuple(out)


def left_pair_attrs(a: str, b: str) -> tuple[str, ...]:
    """Features of the second word of the key pair (a, b)."""
    gaz = GAZ_PAIRS.get((a, b))
    return ("b-=" + a + "|" + b, *(("gp-=" + gaz,) if gaz else ()))


def right_pair_attrs(a: str, b: str) -> tuple[str, ...]:
    """Features of the first word of the key pair (a, b)."""
    gaz = GAZ_PAIRS.get((a, b))
    return ("b+=" + a + "|" + b, *(("gp+=" + gaz,) if gaz else ()))


def features(words: list[Word], tags: list[str]) -> list[list[str]]:
    """One sentence's features per word, as strings (for training; tagging sums the same)."""
    n = len(words)
    out = []
    for i, w in enumerate(words):
        feats = [*own_attrs(w), *rule_attrs(tags, i), *place_attrs(words, i)]
        for off in OFFSETS:
            j = i + off
            feats.extend(neighbour_attrs(words[j], off) if 0 <= j < n else edge_attrs(off))
        if i:
            feats.extend(left_pair_attrs(words[i - 1].key, w.key))
        if i + 1 < n:
            feats.extend(right_pair_attrs(w.key, words[i + 1].key))
        out.append(feats)
    return out


def rule_tags(words: list[Word], cands: list[Cand]) -> list[str]:
    """The rules' findings as BIO tags over the words."""
    tags = ["O"] * len(words)
    for c in cands:
        label = RULE_LABELS.get(c.type, "MISC")
        for p in range(c.i, c.j):
            tags[p] = ("B-" if p == c.i else "I-") + label
    return tags


def sentences(words: list[Word], text: str) -> list[tuple[int, int]]:
    """Word ranges between sentence-ending punctuation or line breaks."""
    spans, start = [], 0
    for i in range(1, len(words)):
        if words[i].brk and _SENTENCE_END.intersection(text[words[i - 1].end : words[i].tstart]):
            spans.append((start, i))
            start = i
    if words:
        spans.append((start, len(words)))
    return spans
