"""Train the entity CRF on ANERcorp's training part and score it on the test part.

The CRF reads marsad's words, lexicon flags and the rules' own tags (entity_crf.features)
and only adds names where the rules found none (marsad uses it with `crf=True`). Prints
ANERcorp scores (as bench/anercorp.py computes them) with the rules alone and with the CRF.
Needs python-crfsuite: .venv/bin/pip install python-crfsuite==0.9.12

Run: .venv/bin/python -m bench.train_crf [MODEL_PATH]
     (default: marsad/lang/ar/entity_crf.crfsuite, which marsad then loads)
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from bench.anercorp import DEFAULT, TYPE_MAP, TYPES, _prf, gold_chunks, read_sentences
from marsad.extract.entities import rule_candidates
from marsad.extract.entity_crf import LABEL_TYPES, MODEL_NAME, features, rule_tags, sentences
from marsad.extract.entity_words import Word, words_of

TRAIN = DEFAULT.with_name("train.txt")
MODEL = Path(__file__).resolve().parents[1] / "marsad" / "lang" / "ar" / MODEL_NAME
CRF_LABELS = {v: k for k, v in LABEL_TYPES.items()}


def _sentence_words(tokens: list[str]) -> tuple[str, list[tuple[int, int]], list[Word]]:
    offsets, pos = [], 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    text = " ".join(tokens)
    return text, offsets, words_of(text)


def _word_tokens(words: list[Word], offsets: list[tuple[int, int]]) -> list[int]:
    """The ANERcorp token each marsad word lies in."""
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


def train(model: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in read_sentences(TRAIN):
        text, offsets, words = _sentence_words([tok for tok, _ in sent])
        if not words:
            continue
        labels = _gold_labels(_word_tokens(words, offsets), [tag for _, tag in sent])
        tags = rule_tags(words, rule_candidates(words, text))
        for a, b in sentences(words, text):
            trainer.append(features(words[a:b], tags[a:b]), labels[a:b])
    trainer.set_params(
        {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
    )
    trainer.train(str(model))


def _token_chunks(m_spans: list[tuple[int, int, str]], offsets: list[tuple[int, int]]):
    chunks = set()
    for start, end, typ in m_spans:
        covered = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
        if covered:
            chunks.add((covered[0], covered[-1] + 1, typ))
    return chunks


def evaluate() -> None:
    """Score test.txt with the rules alone and with the CRF (the installed model)."""
    from marsad.extract.entities import extract_mentions

    counts: dict[str, dict[str, Counter]] = {
        name: {t: Counter() for t in TYPES} for name in ("rules", "rules+crf")
    }
    for sent in read_sentences(DEFAULT):
        tokens = [tok for tok, _ in sent]
        text, offsets, _ = _sentence_words(tokens)
        gold = gold_chunks([tag for _, tag in sent])
        spans = [
            (m.start, m.end, TYPE_MAP.get(m.type), m.how)
            for m in extract_mentions("s", text, crf=True)
        ]
        found = {
            "rules": [(s, e, t) for s, e, t, how in spans if t and how != "crf"],
            "rules+crf": [(s, e, t) for s, e, t, _ in spans if t],
        }
        for name, chosen in found.items():
            pred = _token_chunks(chosen, offsets)
            for c in pred & gold:
                counts[name][c[2]]["tp"] += 1
            for c in pred - gold:
                counts[name][c[2]]["fp"] += 1
            for c in gold - pred:
                counts[name][c[2]]["fn"] += 1
    for name, per_type in counts.items():
        total: Counter = Counter()
        print(name)
        for typ in TYPES:
            total.update(per_type[typ])
            p, r, f = _prf(per_type[typ])
            print(f"  {typ:6} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        p, r, f = _prf(total)
        print(f"  micro  P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main() -> None:
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        sys.exit("python-crfsuite is not installed: .venv/bin/pip install python-crfsuite==0.9.12")
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else MODEL
    began = time.perf_counter()
    train(model)
    seconds = time.perf_counter() - began
    print(f"trained {model} ({model.stat().st_size // 1024} KB) in {seconds:.0f} s")
    if model == MODEL:
        evaluate()


if __name__ == "__main__":
    main()
