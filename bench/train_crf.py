"""Train the entity CRF on ANERcorp's training part and score marsad on the test part.

The CRF reads marsad's words, lexicon flags and the rules' own tags (entity_crf_features.py);
entity_crf.combine then merges its labels with the rules'. One command retrains the shipped
model with the settings chosen below and prints ANERcorp test scores (bench/anercorp.py)
with the rules alone and with the CRF, per type.

`--tune` chooses those settings without the test part: it trains on the first 85 % of
train.txt and scores the rest (held out, contiguous so that no article is split), for each
c1/c2/minimum feature count and each way of combining the CRF with the rules. `--errors`
trains the same way and prints what the errors on the held-out slice are, per type: other
bounds, another type, missed, or found where the gold has no name.

Needs python-crfsuite: .venv/bin/pip install python-crfsuite==0.9.12
Run: .venv/bin/python -m bench.train_crf [--tune | --errors] [MODEL_PATH]
     (default: marsad/lang/ar/entity_crf.crfsuite, which marsad then loads)
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.anercorp import DEFAULT, TYPE_MAP, TYPES, _prf, gold_chunks, read_sentences, report
from bench.anercorp import score as anercorp_score
from marsad.extract.entities import rule_candidates
from marsad.extract.entity_crf import MODEL_NAME, read_model, sentence_starts
from marsad.extract.entity_crf_combine import PROTECTED, combine, written_unit_spans
from marsad.extract.entity_crf_features import features, rule_tags, sentences
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word, words_of

TRAIN = DEFAULT.with_name("train.txt")
MODEL = Path(__file__).resolve().parents[1] / "marsad" / "lang" / "ar" / MODEL_NAME
# Chosen with --tune (held-out slice of train.txt, never the test part).
PARAMS = {"c1": 0.2, "c2": 0.01, "feature.minfreq": 1}
HELD_OUT = 0.15
GRID = [
    {"c1": c1, "c2": c2, "feature.minfreq": mf}
    for c1 in (0.05, 0.2, 0.5) for c2 in (0.01, 0.1) for mf in (1, 2)
]
POLICIES = {
    "rules only": None,
    "CRF adds only": frozenset({"gazetteer", "trigger", "title", "cue", "given_name", "kunya"}),
    "CRF wins": frozenset(),
    "CRF wins, gazetteer kept": frozenset({"gazetteer"}),
    "CRF wins, gazetteer + title kept": frozenset({"gazetteer", "title"}),
    "CRF wins, gazetteer + trigger kept": frozenset({"gazetteer", "trigger"}),
}


@dataclass
class Sentence:
    """One ANERcorp sentence as marsad sees it."""

    text: str
    words: list[Word]
    word_token: list[int]  # the ANERcorp token each word lies in
    labels: list[str]  # gold BIO labels per word
    gold: set[tuple[int, int, str]]  # gold chunks over tokens
    cands: list[Cand]


def _word_tokens(words: list[Word], offsets: list[tuple[int, int]]) -> list[int]:
    out, t = [], 0
    for w in words:
        while t < len(offsets) - 1 and offsets[t][1] <= w.tstart:
            t += 1
        out.append(t)
    return out


def _gold_labels(w2t: list[int], tags: list[str]) -> list[str]:
    out = []
    for i, t in enumerate(w2t):
        tag = tags[t]
        if tag == "O" or tag[2:] not in TYPES:
            out.append("O")
            continue
        begins = tag.startswith("B-") and (i == 0 or w2t[i - 1] != t)
        out.append(("B-" if begins else "I-") + tag[2:])
    return out


def load(path: Path) -> list[Sentence]:
    out = []
    for sent in read_sentences(path):
        tokens, tags = [tok for tok, _ in sent], [tag for _, tag in sent]
        offsets, pos = [], 0
        for tok in tokens:
            offsets.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        text = " ".join(tokens)
        words = words_of(text)
        w2t = _word_tokens(words, offsets)
        out.append(Sentence(text, words, w2t, _gold_labels(w2t, tags), gold_chunks(tags),
                            rule_candidates(words, text) if words else []))
    return out


def train(data: list[Sentence], params: dict, model: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in data:
        if not s.words:
            continue
        tags = rule_tags(s.words, s.cands)
        for a, b in sentences(s.words, s.text):
            trainer.append(features(s.words[a:b], tags[a:b]), s.labels[a:b])
    trainer.set_params({**params, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(model))


def _chunks(s: Sentence, cands: list[Cand]) -> set[tuple[int, int, str]]:
    """Candidates widened to the ANERcorp tokens they touch (as bench/anercorp.py does)."""
    out = set()
    for c in cands:
        typ = TYPE_MAP.get(c.entry.type if c.entry else c.type)
        if typ:
            out.add((s.word_token[c.i], s.word_token[c.j - 1] + 1, typ))
    return out


def held_out_scores(data: list[Sentence], model_path: Path) -> dict[str, Counter]:
    """Micro counts per combination policy (and the CRF's own spans) on held-out sentences."""
    import pycrfsuite

    model = read_model(str(model_path), pycrfsuite)
    counts = {name: Counter() for name in [*POLICIES, "default", "CRF alone"]}
    for s in data:
        if not s.words:
            continue
        labels = model.tag(s.words, rule_tags(s.words, s.cands), sentence_starts(s.words, s.text))
        spans = written_unit_spans(s.words, labels, s.text)
        for name, protected in POLICIES.items():
            cands = (s.cands if protected is None
                     else combine(s.words, s.cands, spans, protected, protected))
            _count(counts[name], _chunks(s, cands), s.gold)
        _count(counts["default"], _chunks(s, combine(s.words, s.cands, spans)), s.gold)
        crf = {(s.word_token[i], s.word_token[j - 1] + 1, t) for i, j, t in spans}
        _count(counts["CRF alone"], crf, s.gold)
    return counts


def error_kinds(data: list[Sentence], model_path: Path) -> dict[str, Counter]:
    """Per gold type, what became of the names the default combination gets wrong: found
    with other bounds (same type overlapping), with another type (same or overlapping
    tokens), or missed; and per predicted type, names found where the gold has none."""
    import pycrfsuite

    model = read_model(str(model_path), pycrfsuite)
    kinds: dict[str, Counter] = {t: Counter() for t in TYPES}
    for s in data:
        if not s.words:
            continue
        labels = model.tag(s.words, rule_tags(s.words, s.cands), sentence_starts(s.words, s.text))
        pred = _chunks(s, combine(s.words, s.cands, written_unit_spans(s.words, labels, s.text)))
        for a, b, t in s.gold - pred:
            near = [q for q in pred if q[0] < b and a < q[1]]
            kind = ("bounds" if any(q[2] == t for q in near)
                    else "type " + near[0][2] if near else "missed")
            kinds[t][kind] += 1
        for a, b, t in pred - s.gold:
            if not any(g[0] < b and a < g[1] for g in s.gold):
                kinds[t]["spurious"] += 1
    return kinds


def _count(c: Counter, pred: set, gold: set) -> None:
    c["tp"] += len(pred & gold)
    c["fp"] += len(pred - gold)
    c["fn"] += len(gold - pred)


def _split() -> tuple[list[Sentence], list[Sentence]]:
    data = load(TRAIN)
    cut = int(len(data) * (1 - HELD_OUT))
    return data[:cut], data[cut:]


def errors() -> None:
    """Train on the fitting part of train.txt and print `error_kinds` on the held-out slice."""
    fit, held = _split()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.crfsuite"
        train(fit, PARAMS, path)
        for typ, kinds in error_kinds(held, path).items():
            print(f"{typ:5}", dict(kinds.most_common()))


def tune() -> None:
    fit, held = _split()
    print(f"tuning: {len(fit)} sentences to fit, {len(held)} held out (train.txt only)")
    with tempfile.TemporaryDirectory() as tmp:
        for params in GRID:
            path = Path(tmp) / "m.crfsuite"
            began = time.perf_counter()
            train(fit, params, path)
            took = time.perf_counter() - began
            print(f"{params} ({path.stat().st_size // 1024} KB, {took:.0f} s)")
            for name, c in held_out_scores(held, path).items():
                p, r, f = _prf(c)
                print(f"  {name:36} P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main() -> None:
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        sys.exit("python-crfsuite is not installed: .venv/bin/pip install python-crfsuite==0.9.12")
    args = [a for a in sys.argv[1:] if a not in ("--tune", "--errors")]
    if "--tune" in sys.argv:
        tune()
        return
    if "--errors" in sys.argv:
        errors()
        return
    model = Path(args[0]) if args else MODEL
    began = time.perf_counter()
    train(load(TRAIN), PARAMS, model)
    seconds = time.perf_counter() - began
    print(f"trained {model} ({model.stat().st_size // 1024} KB) in {seconds:.0f} s, {PARAMS}")
    if model == MODEL:
        test = read_sentences(DEFAULT)
        for name, crf in (("rules", False), (f"rules + CRF (kept: {sorted(PROTECTED)})", True)):
            print(f"ANERcorp test, {name}:")
            report(anercorp_score(test, crf))


if __name__ == "__main__":
    main()
