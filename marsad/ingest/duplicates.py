"""Link copies of an article (syndicated wire stories, re-posts) to the earliest one.

Exact copies share a content hash. Near-exact copies are found with MinHash over word
5-shingles of the folded text and LSH banding, so the work grows about linearly with the
number of documents; a candidate pair whose MinHash estimate comes near the threshold is
verified with the exact Jaccard similarity of the two shingle sets.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict

import numpy as np

from marsad.model import Document
from marsad.text.normalize import fold

PERMUTATIONS = 64
BANDS = 16
SHINGLE = 5
MAX_CANDIDATES = 64
ESTIMATE_MARGIN = 0.15  # the estimate's error with 64 permutations stays well inside this
_ROWS = PERMUTATIONS // BANDS
# A word: letters and digits with the diacritics and tatweel inside it (folding drops those).
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]+")
_RNG = np.random.default_rng(20190319)
_A = _RNG.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_MIX = np.array([0x9E3779B97F4A7C15 ** (k + 1) % 2**64 for k in range(SHINGLE)], dtype=np.uint64)


def _order(doc: Document) -> tuple[str, str]:
    """Earlier published first, then by id: the first of a group is the original."""
    return (doc.published or "9999", doc.id)


def _word_ids(text: str, vocabulary: dict[str, int]) -> list[int]:
    """A hash of the folded form of each word; words are folded once per run, not per text."""
    words = _WORD.findall(text)
    try:
        return [vocabulary[w] for w in words]
    except KeyError:
        for word in set(words).difference(vocabulary):
            vocabulary[word] = zlib.crc32(fold(word).encode()) | 1
        return [vocabulary[w] for w in words]


def _shingles(text: str, vocabulary: dict[str, int]) -> np.ndarray:
    """Hashes of the word 5-shingles of the folded text (one shingle for shorter texts)."""
    ids = np.array(_word_ids(text, vocabulary), dtype=np.uint64)
    if len(ids) < SHINGLE:
        ids = np.concatenate([ids, np.zeros(SHINGLE - len(ids), dtype=np.uint64)])
    windows = np.lib.stride_tricks.sliding_window_view(ids, SHINGLE)
    with np.errstate(over="ignore"):
        return np.unique((windows * _MIX).sum(axis=1, dtype=np.uint64))


def signature(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature: per permutation, the least hash over all shingles."""
    with np.errstate(over="ignore"):
        hashed = shingles[:, None] * _A[None, :] + _B[None, :]
    return (hashed >> np.uint64(32)).min(axis=0)


def link_duplicates(documents: list[Document], threshold: float = 0.8) -> int:
    """Set `duplicate_of` on exact and near-exact copies; return how many were linked."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    linked = 0
    originals_by_hash: dict[str, Document] = {}
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    originals: list[tuple[Document, np.ndarray, np.ndarray]] = []
    vocabulary: dict[str, int] = {}
    for doc in sorted(documents, key=_order):
        first = originals_by_hash.get(doc.content_hash) if doc.content_hash else None
        if first is not None:
            linked += _link(doc, first)
            continue
        if doc.content_hash:
            originals_by_hash[doc.content_hash] = doc
        shingles = _shingles(doc.text, vocabulary)
        sig = signature(shingles)
        keys = [(band, sig[band * _ROWS : (band + 1) * _ROWS].tobytes()) for band in range(BANDS)]
        match = _best_match(shingles, sig, keys, buckets, originals, threshold)
        if match is not None:
            linked += _link(doc, match)
            continue
        index = len(originals)
        originals.append((doc, sig, shingles))
        for key in keys:
            buckets[key].append(index)
    return linked


def jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted arrays of distinct shingle hashes."""
    shared = len(np.intersect1d(first, second, assume_unique=True))
    return shared / (len(first) + len(second) - shared)


def _best_match(
    shingles: np.ndarray,
    sig: np.ndarray,
    keys: list[tuple[int, bytes]],
    buckets: dict[tuple[int, bytes], list[int]],
    originals: list[tuple[Document, np.ndarray, np.ndarray]],
    threshold: float,
) -> Document | None:
    """The earliest original sharing a band whose Jaccard similarity reaches the threshold."""
    candidates: set[int] = set()
    for key in keys:
        candidates.update(buckets.get(key, ())[:MAX_CANDIDATES])
    for index in sorted(candidates)[:MAX_CANDIDATES]:
        doc, other_sig, other_shingles = originals[index]
        if float(np.mean(sig == other_sig)) < threshold - ESTIMATE_MARGIN:
            continue
        if jaccard(shingles, other_shingles) >= threshold:
            return doc
    return None


def _link(doc: Document, original: Document) -> int:
    if doc is original or doc.id == original.id:
        return 0
    doc.duplicate_of = original.id
    return 1
