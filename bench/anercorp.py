"""Score marsad's entity finder on ANERcorp (CoNLL-style exact entity match, token level).

ANERcorp tokens keep their clitics (بباريس is LOC), so each marsad mention, whose span
leaves the clitic out, is widened to the whole tokens it touches. Types compared: PERS, LOC
(marsad GPE, LOC, FAC) and ORG; MISC and NORP are left out.

Prints the rules alone (`crf=False`), then with the CRF (the default; bench/train_crf.py).

Run: .venv/bin/python bench/anercorp.py [test.txt]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from marsad.extract.entities import extract_mentions

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "ner" / "anercorp" / "test.txt"
TYPE_MAP = {"PER": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
TYPES = ("PERS", "LOC", "ORG")

Chunk = tuple[int, int, str]


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """(token, tag) lists, one per sentence (blank lines between sentences)."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, _, tag = line.rstrip().rpartition(" ")
        current.append((token or tag, tag if token else "O"))
    if current:
        sentences.append(current)
    return sentences


def gold_chunks(tags: list[str]) -> set[Chunk]:
    """BIO tags → (first token, end token, type) chunks."""
    chunks: set[Chunk] = set()
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == typ and start >= 0
        if inside:
            continue
        if start >= 0:
            chunks.add((start, i, typ))
            start = -1
        if tag.startswith(("B-", "I-")):
            start, typ = i, tag[2:]
    return {c for c in chunks if c[2] in TYPES}


def predicted_chunks(tokens: list[str], crf: bool = False) -> set[Chunk]:
    """marsad's mentions in the space-joined sentence, widened to whole tokens."""
    offsets, pos = [], 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    text = " ".join(tokens)
    chunks: set[Chunk] = set()
    for m in extract_mentions("s", text, crf=crf):
        typ = TYPE_MAP.get(m.type)
        if typ is None:
            continue
        covered = [i for i, (s, e) in enumerate(offsets) if s < m.end and m.start < e]
        if covered:
            chunks.add((covered[0], covered[-1] + 1, typ))
    return chunks


def score(sentences: list[list[tuple[str, str]]], crf: bool = False) -> dict[str, Counter]:
    counts: dict[str, Counter] = {t: Counter() for t in TYPES}
    for sent in sentences:
        gold = gold_chunks([tag for _, tag in sent])
        pred = predicted_chunks([tok for tok, _ in sent], crf)
        for c in pred & gold:
            counts[c[2]]["tp"] += 1
        for c in pred - gold:
            counts[c[2]]["fp"] += 1
        for c in gold - pred:
            counts[c[2]]["fn"] += 1
    return counts


def _prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(counts: dict[str, Counter]) -> None:
    total: Counter = Counter()
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for typ in TYPES:
        total.update(counts[typ])
        p, r, f = _prf(counts[typ])
        c = counts[typ]
        print(f"{typ:6} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp']:5} {c['fp']:5} {c['fn']:5}")
    p, r, f = _prf(total)
    print(f"{'micro':6} {p:6.3f} {r:6.3f} {f:6.3f} {total['tp']:5} {total['fp']:5} {total['fn']:5}")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.is_file():
        sys.exit(f"ANERcorp file not found at {path}")
    sentences = read_sentences(path)
    words = sum(len(s) for s in sentences)
    for name, crf in (("rules", False), ("rules + CRF", True)):
        began = time.perf_counter()
        counts = score(sentences, crf)
        seconds = time.perf_counter() - began
        print(f"{name}: {len(sentences)} sentences, {words} tokens in {seconds:.2f}s")
        report(counts)


if __name__ == "__main__":
    main()
