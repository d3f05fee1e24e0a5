"""Group articles that tell the same story, in near-linear time.

A story is made of who and where (entities), what (key terms, event types) and when. Each
document becomes a sparse TF-IDF vector over clitic-free term keys and entity ids (entities
weigh more: two outlets rewrite sentences but keep the names). Candidate pairs come from
an inverted index that leaves out features too common to tell stories apart, so no
all-pairs loop runs;
pairs are scored by cosine damped by the gap between publication dates, and merged
greedily, best first, while the mean cosine over all pairs across the two clusters stays
above a threshold (an average-link guard against chaining through loose members).
Syndicated copies follow their original.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from marsad.lang import load_words
from marsad.text.normalize import fold
from marsad.text.tokens import tokenize

Vector = dict[str, float]


@dataclass(frozen=True)
class ClusterOptions:
    """Thresholds of the clustering, with their defaults in one place."""

    threshold: float = 0.18  # pair similarity needed to join
    centroid_threshold: float = 0.16  # mean cosine over the pairs of two merging clusters
    entity_weight: float = 2.0
    terms_per_doc: int = 40  # strongest terms kept per document
    max_postings: int = 400  # features shared by more documents are too common to index
    days_scale: float = 14.0  # similarity halves about every this many days apart


@dataclass
class StoryInput:
    """What clustering needs of one document."""

    doc_id: str
    text: str
    published: str | None = None
    entities: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    terms: dict[str, int] | None = None  # from `story_terms`, when the document has them


_STOPWORDS = frozenset(fold(w) for w in load_words("function_words.tsv"))
_MIN_TERM_LENGTH = 3
# Pseudo-documents added to the collection size so that, in a small collection that is all
# one story, the terms every article shares still weigh something.
_PRIOR_DOCS = 20


def story_terms(text: str) -> dict[str, int]:
    """The content words of a document and their counts: what clustering compares.

    Computed once per document by the per-document stage and stored with its items.
    """
    counts: Counter[str] = Counter()
    for tok in tokenize(text):
        key = tok.key
        if key.startswith("ال"):
            key = key[2:]
        if len(key) >= _MIN_TERM_LENGTH and not key.isdigit() and key not in _STOPWORDS:
            counts[key] += 1
    return dict(counts)


def _vectors(docs: list[StoryInput], options: ClusterOptions) -> list[Vector]:
    raw: list[Counter[str]] = []
    for doc in docs:
        feats = Counter(doc.terms if doc.terms is not None else story_terms(doc.text))
        for entity in doc.entities:
            feats["e:" + entity] += 1
        raw.append(feats)
    df: Counter[str] = Counter()
    for feats in raw:
        df.update(feats.keys())
    n = len(docs)
    vectors = []
    for feats in raw:
        weighted = {
            f: (1 + math.log(c)) * math.log((n + _PRIOR_DOCS) / (df[f] + 1))
            * (options.entity_weight if f.startswith("e:") else 1.0)
            for f, c in feats.items()
        }
        top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[: options.terms_per_doc]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors.append({f: w / norm for f, w in top if w > 0})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[f] for f, w in a.items() if f in b)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _similar_pairs(vectors: list[Vector], options: ClusterOptions) -> dict[tuple[int, int], float]:
    """Cosine of every pair that shares a feature, through an inverted index.

    Features held by more than `max_postings` documents are left out of the index: they
    are too common to tell stories apart, and skipping them keeps the cost near-linear.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for feature, weight in vec.items():
            postings[feature].append((i, weight))
    postings = {f: p for f, p in postings.items() if 1 < len(p) <= options.max_postings}
    sims: dict[tuple[int, int], float] = {}
    for i, vec in enumerate(vectors):
        acc: dict[int, float] = defaultdict(float)
        for feature, weight in vec.items():
            for j, other in postings.get(feature, ()):
                if j > i:
                    acc[j] += weight * other
        for j, sim in acc.items():
            sims[(i, j)] = sim
    return sims


def cluster_documents(
    docs: Iterable[StoryInput], options: ClusterOptions | None = None
) -> list[list[str]]:
    """Clusters of document ids, largest first; every document is in exactly one."""
    options = options or ClusterOptions()
    docs = list(docs)
    known = {d.doc_id for d in docs}
    originals = [d for d in docs if not (d.duplicate_of and d.duplicate_of in known)]
    vectors = _vectors(originals, options)
    days = [_day(d.published) for d in originals]
    scored = []
    for (i, j), sim in _similar_pairs(vectors, options).items():
        if days[i] and days[j]:
            sim *= 0.5 ** (abs((days[i] - days[j]).days) / options.days_scale)
        if sim >= options.threshold:
            scored.append((-sim, i, j))
    scored.sort()
    parent = list(range(len(originals)))
    # Per cluster root: the sum of its members' unit vectors and its size, so that
    # dot(sum_i, sum_j) / (size_i * size_j) is the mean cosine over all cross pairs.
    centroid: dict[int, Vector] = {i: dict(v) for i, v in enumerate(vectors)}
    size = [1] * len(originals)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in scored:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        ci, cj = centroid[ri], centroid[rj]
        if _cosine(ci, cj) / (size[ri] * size[rj]) < options.centroid_threshold:
            continue
        parent[rj] = ri
        size[ri] += size[rj]
        for f, w in cj.items():
            ci[f] = ci.get(f, 0.0) + w
        del centroid[rj]
    groups: dict[int, list[str]] = defaultdict(list)
    for i, doc in enumerate(originals):
        groups[root(i)].append(doc.doc_id)
    cluster_of = {doc_id: root_id for root_id, ids in groups.items() for doc_id in ids}
    copy_of = {d.doc_id: d.duplicate_of for d in docs if d.duplicate_of in known}
    for doc_id in copy_of:
        original = doc_id
        for _ in range(len(copy_of) + 1):  # follow chains of copies, never loop forever
            if original not in copy_of:
                break
            original = copy_of[original]  # type: ignore[assignment]
        if original in cluster_of:
            groups[cluster_of[original]].append(doc_id)
    return sorted((sorted(ids) for ids in groups.values()), key=lambda ids: (-len(ids), ids[0]))
