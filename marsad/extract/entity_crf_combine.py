"""How the entity CRF's labels join the rules' names (see entity_crf.py).

`combine` keeps a rule's name where the CRF confirms it (a name of the same type over its
words) or where the rule is of a kind our news conventions trust (PROTECTED), drops the
others, and adds the CRF's names that overlap none kept (how = "crf"). The CRF's names come
from `written_unit_spans`: never a piece of a written unit (سي.بي.اس.نيوز).
"""

from __future__ import annotations

from marsad.extract.entity_crf_features import RULE_LABELS
from marsad.extract.entity_lexicon import GIVEN_NAMES
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word

# CRF labels → entity types (LOC in the training data is mostly countries and cities).
LABEL_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "GPE"}
# Rule kinds kept even where the CRF labels their words otherwise. ANERcorp leaves out much
# that our news conventions mark (وزارة الصحة، الحكومة العراقية، شركة X as a whole): letting
# the CRF overrule these kinds scores higher on ANERcorp but lower on the news gold
# (bench/train_crf.py --tune, and `marsad eval` on the examples).
PROTECTED = frozenset({"gazetteer", "trigger"})
# Rule kinds whose names stay even where the CRF labels their words O (a person's bounds may
# still move, `_person_bounds`): on the news dev sets every such name the CRF dropped was
# right, while on a held-out slice of ANERcorp train keeping them costs 0.009 F1.
KEPT = PROTECTED | {"cue", "given_name", "list"}


def spans_of(words: list[Word], labels: list[str]) -> list[tuple[int, int, str]]:
    """BIO labels → (first word, end word, CRF type); a name never runs across punctuation."""
    out: list[tuple[int, int, str]] = []
    start, last, typ = -1, -2, ""
    for k in [k for k, label in enumerate(labels) if label != "O"]:
        label = labels[k]
        if k == last + 1 and label[0] == "I" and label[2:] == typ and not words[k].brk:
            last = k
            continue
        if start >= 0:
            out.append((start, last + 1, typ))
        start, last, typ = k, k, label[2:]
    if start >= 0:
        out.append((start, last + 1, typ))
    return out


def _person_bounds(words: list[Word], c: Cand, spans: list[tuple[int, int, str]],
                   taken: set[int]) -> Cand:
    """A rule's person name that the CRF reads from the same first word to another end: the
    CRF's end when it goes further over free words (a surname the rules missed), or when it
    stops before words that do not look like names (no article, not a given name: the verb or
    noun after a name, وقال زيد عمرو إن → زيد عمرو)."""
    for i, j, t in spans:
        if t != "PERS" or i != c.i or j == c.j:
            continue
        if j > c.j and not taken.intersection(range(c.j, j)):
            return c._replace(j=j)
        if j < c.j and not any(w.definite or w.key in GIVEN_NAMES for w in words[j : c.j]):
            return c._replace(j=j)
    return c


def combine(words: list[Word], cands: list[Cand], spans: list[tuple[int, int, str]],
            protected: frozenset[str] = PROTECTED, kept: frozenset[str] = KEPT) -> list[Cand]:
    """The rules' names of a kept kind, of a kind the CRF does not label (NORP), or that the
    CRF confirms (a name of the same type overlapping them: the rules' roles are kept, and
    their bounds unless `_person_bounds` says otherwise), plus the CRF's names that overlap
    none of them."""

    def confirmed(c: Cand) -> bool:
        label = RULE_LABELS.get(c.type)
        return any(i < c.j and c.i < j and t == label for i, j, t in spans)

    stay = [c for c in cands if c.how in kept or c.type not in RULE_LABELS or confirmed(c)]
    taken = {p for c in stay for p in range(c.i, c.j)}
    stay = [
        _person_bounds(words, c, spans, taken) if c.type == "PER" and c.how not in protected
        else c
        for c in stay
    ]
    used = {p for c in stay for p in range(c.i, c.j)}
    added = [Cand(i, j, LABEL_TYPES[t], "crf") for i, j, t in spans
             if t in LABEL_TYPES and not used.intersection(range(i, j))]
    return sorted(stay + added)


def _glued(words: list[Word], text: str, i: int) -> bool:
    """Word i is written against the word before it, with no space (سي.بي، إي.بي.سي)."""
    return not any(ch.isspace() for ch in text[words[i - 1].end : words[i].tstart])


def written_unit_spans(words: list[Word], labels: list[str],
                       text: str) -> list[tuple[int, int, str]]:
    """`spans_of` without the names that begin or end inside a written unit: the CRF reads
    the letters of an abbreviation as names of their own, which the rules join whole."""
    n = len(words)
    return [(i, j, t) for i, j, t in spans_of(words, labels)
            if not (i and _glued(words, text, i)) and not (j < n and _glued(words, text, j))]
