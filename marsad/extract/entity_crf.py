"""Names the rules leave out, from a CRF over the words, lexicon flags and the rules' own tags.

The model (lang/ar/entity_crf.crfsuite) is trained by bench/train_crf.py on ANERcorp's
training part; it only adds names where the rules found none (how = "crf"). It is used only
when the caller asks (`extract_mentions(..., crf=True)`); retrain it whenever the rules
change, since their tags are its strongest feature. Without python-crfsuite or the model
file the step does nothing.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Any

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

MODEL_NAME = "entity_crf.crfsuite"
# CRF labels → entity types (LOC in the training data is mostly countries and cities).
LABEL_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "GPE"}
RULE_LABELS = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_SENTENCE_END = frozenset(".!?؟\n")
_WINDOW = (-1, 1)


def _gaz_type(key: str) -> str:
    entry = GAZ.get((key,))
    return entry.type if entry else ("multi" if key in GAZ_INDEX else "-")


@lru_cache(maxsize=1 << 16)
def _own(key: str) -> tuple[str, ...]:
    """The features of a word that depend on its key alone (cached: words repeat)."""
    return (
        f"key={key}",
        f"suf2={key[-2:]}",
        f"suf3={key[-3:]}",
        f"gaz={_gaz_type(key)}",
        f"given={key in GIVEN_NAMES}",
        f"title={key in TITLE_INDEX}",
        f"trig={key in TRIGGER_INDEX}",
        f"stop={key in STOP}",
        f"say={key in SAY}",
        f"nat={key in NATIONALITIES}",
        f"len={min(len(key), 8)}",
        f"def={len(key) > 3 and key.startswith('ال')}",
    )


@lru_cache(maxsize=1 << 17)
def _around(key: str, off: int) -> tuple[str, ...]:
    """The features a neighbour at `off` contributes through its key."""
    return (
        f"{off}:key={key}",
        f"{off}:gaz={_gaz_type(key)}",
        f"{off}:given={key in GIVEN_NAMES}",
        f"{off}:title={key in TITLE_INDEX}",
        f"{off}:say={key in SAY}",
        f"{off}:stop={key in STOP}",
    )


def features(words: list[Word], rule_tags: list[str]) -> list[list[str]]:
    """Per word, "name=value" strings: its own features, the rules' tag, and the keys and
    flags of the words either side."""
    n = len(words)
    out = []
    for i, w in enumerate(words):
        feats = [
            *_own(w.key), f"pro={w.pro or '-'}", f"soft={w.soft}", f"num={w.num}",
            f"brk={w.brk}", f"rule={rule_tags[i]}",
            f"rules={rule_tags[i - 1] if i else '^'}|{rule_tags[i]}",
        ]
        for off in _WINDOW:
            j = i + off
            if 0 <= j < n:
                feats.extend(_around(words[j].key, off))
                feats.append(f"{off}:pro={words[j].pro or '-'}")
                feats.append(f"{off}:rule={rule_tags[j]}")
            else:
                feats.append(f"{off}:edge")
        out.append(feats)
    return out


def rule_tags(words: list[Word], cands: list[Cand]) -> list[str]:
    """The rules' findings as BIO tags over the words (the CRF's strongest feature)."""
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


@cache
def _tagger() -> Any:
    try:
        import pycrfsuite
    except ImportError:
        return None
    model = resources.files("marsad.lang").joinpath("ar", MODEL_NAME)
    if not model.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    with resources.as_file(model) as path:
        tagger.open(str(path))
    return tagger


def crf_hits(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """Names the CRF finds where the rules found nothing (empty without a model)."""
    tagger = _tagger()
    if tagger is None or not words:
        return []
    tags = rule_tags(words, cands)
    used = {p for c in cands for p in range(c.i, c.j)}
    out: list[Cand] = []
    for a, b in sentences(words, text):
        if all(t == "O" for t in tags[a:b]) and b - a < 4:
            continue
        labels = tagger.tag(features(words[a:b], tags[a:b]))
        start, typ = -1, ""
        for k, label in enumerate([*labels, "O"]):
            inside = label.startswith("I-") and label[2:] == typ and start >= 0
            if inside and not words[a + k].brk:
                continue
            if start >= 0:
                span = range(a + start, a + k)
                if not used.intersection(span) and typ in LABEL_TYPES:
                    out.append(Cand(a + start, a + k, LABEL_TYPES[typ], "crf"))
                start = -1
            if label != "O":
                start, typ = k, label[2:]
    return out
