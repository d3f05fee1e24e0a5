"""Build the entity CRF's word clusters: marsad/lang/ar/word_clusters.tsv.

Distributional clusters of clitic-free keys (entity_words.Word.key): co-occurrence counts
within two words either side over ANERcorp's training part and SaudiNewsNet articles (both
read from ../shared at run time), positive PMI against the most frequent context keys, a
truncated SVD (eigenvectors of the PMI matrix's Gram matrix, numpy only), then spherical
k-means at three granularities. The file holds a key and its three cluster ids per line
(ids only, no text from the sources); words in the same cluster share CRF features, so a
name or a head noun unseen in training borrows the weights of ones seen.

Run: .venv/bin/python -m bench.word_clusters [ARTICLES]   (default 12000; about 3 minutes)
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from bench.anercorp import DEFAULT, read_sentences
from bench.corpus import iter_articles
from marsad.extract.entity_words import words_of

OUT = Path(__file__).resolve().parents[1] / "marsad" / "lang" / "ar" / "word_clusters.tsv"
VOCABULARY = 30_000
CONTEXTS = 1_000
DIMENSIONS = 100
GRANULARITIES = (64, 256, 1024)
WINDOW = 2
SEED = 13


def documents(articles: int) -> list[list[str]]:
    """Each text's keys (numbers left out), ANERcorp's training sentences first."""
    train = DEFAULT.with_name("train.txt")
    texts = [" ".join(tok for tok, _ in s) for s in read_sentences(train)]
    texts += [a.get("content") or "" for a in iter_articles(articles)]
    return [[w.key for w in words_of(t) if not w.num] for t in texts]


def cooccurrence(docs: list[list[str]], vocab: dict[str, int], contexts: int) -> np.ndarray:
    """Counts of (key, context key) pairs at most WINDOW words apart."""
    counts = np.zeros(len(vocab) * contexts, np.int64)
    batch: list[np.ndarray] = []
    for doc in docs:
        ids = np.array([vocab.get(k, -1) for k in doc], np.intp)
        for d in range(1, WINDOW + 1):
            for a, b in ((ids[:-d], ids[d:]), (ids[d:], ids[:-d])):
                keep = (a >= 0) & (b >= 0) & (b < contexts)
                batch.append(a[keep] * contexts + b[keep])
        if len(batch) > 4000:
            counts += np.bincount(np.concatenate(batch), minlength=counts.size)
            batch = []
    if batch:
        counts += np.bincount(np.concatenate(batch), minlength=counts.size)
    return counts.reshape(len(vocab), contexts).astype(np.float32)


def embed(counts: np.ndarray) -> np.ndarray:
    """Unit rows of the positive PMI matrix projected on its top singular vectors (computed
    in place: the matrix is the largest thing here)."""
    rows = counts.sum(axis=1, keepdims=True) + 1e-9
    cols = counts.sum(axis=0, keepdims=True) ** 0.75 + 1e-9  # context smoothing
    ppmi = counts
    ppmi *= cols.sum() / rows
    ppmi /= cols
    np.log(ppmi, out=ppmi, where=ppmi > 0)
    np.maximum(ppmi, 0.0, out=ppmi)
    _, vectors = np.linalg.eigh((ppmi.T @ ppmi).astype(np.float64))
    out = ppmi @ vectors[:, -DIMENSIONS:].astype(np.float32)
    return out / (np.linalg.norm(out, axis=1, keepdims=True) + 1e-9)


def kmeans(points: np.ndarray, k: int, rounds: int = 12) -> np.ndarray:
    """Spherical k-means (cosine) from a seeded random draw of centres; each point's
    cluster."""
    rng = np.random.default_rng(SEED)
    centres = points[rng.choice(len(points), k, replace=False)]
    for _ in range(rounds):
        assign = (points @ centres.T).argmax(axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, points)
        empty = ~sums.any(axis=1)
        sums[empty] = centres[empty]
        centres = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9)
    return (points @ centres.T).argmax(axis=1)


def main(articles: int = 12_000) -> None:
    began = time.perf_counter()
    docs = documents(articles)
    freq = Counter(k for doc in docs for k in doc)
    keys = [k for k, n in freq.most_common(VOCABULARY) if n >= 3]
    vocab = {k: n for n, k in enumerate(keys)}
    counts = cooccurrence(docs, vocab, min(CONTEXTS, len(keys)))
    points = embed(counts)
    columns = [kmeans(points, k) for k in GRANULARITIES]
    lines = ["# key, then its cluster at " + ", ".join(map(str, GRANULARITIES))
             + " clusters (bench/word_clusters.py)"]
    lines += ["\t".join([key, *(str(c[n]) for c in columns)]) for n, key in enumerate(keys)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    words = sum(map(len, docs))
    print(f"{len(keys)} keys from {len(docs)} texts ({words} words) → {OUT} "
          f"({OUT.stat().st_size // 1024} KB) in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
