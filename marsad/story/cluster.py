"""Group articles that tell the same story, in near-linear time.

A story is one event: what happened (its key words and the pairs of adjacent words that
name it), who and where (entities), how many (its numbers), and when. Each document becomes
a sparse TF-IDF vector over clitic-free terms, adjacent-term pairs, numbers and entity ids.
Entities weigh more (outlets rewrite sentences but keep the names), and so do the words of
the title and of the lead, where a report states its event: two stories on one topic (one
city, one leader) share the names of the topic and the background of their bodies, their
titles and leads tell the events apart. Rare features weigh more than common ones
through the IDF: a country name shared by half the news counts for little, a person or a
place named by one story for much.

News of one event is told within a few days: beyond a day of grace, similarity halves
every `days_scale` days apart, so pairs further apart than the gap that damps a perfect
cosine below the threshold (eleven days with the defaults) cannot join, and are never even
compared. Candidate
pairs come from an inverted index, walked in date order, that leaves out features too
common to tell stories apart, so no all-pairs loop runs. Pairs are merged greedily, best
first, while the mean cosine over all pairs across the two clusters stays above a threshold
(an average-link guard against chaining through loose members) and above a share of the
mean cosine inside the tighter of the two (a cohesion guard: two tight groups that are only
loosely alike are two events of one topic, however similar in absolute terms, such as two
ministry statements on two executions the same day). The facts of the clusters' titles
and leads (`marsad.story.facts`) judge the merge too: when they disagree on more kinds of
fact than they agree on (the second and the third relief plane, two executed men of two
nationalities, two towns far apart), the merge is refused however alike the words, since
one press-release template tells both events; when they agree more, a rewritten report
joins the copies of its event under a looser cohesion guard. A cluster's facts are those
most of its members state, so that a round-up of two events does not bridge them. A merge
that would span more than a few days must be the more alike the longer the span: a daily
series (prices, cables of congratulation) chains day to day but is no one story.
Syndicated copies follow their original.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from marsad.story.facts import Facts, FactTally, compare_facts, content_word, story_facts
from marsad.text.tokens import tokenize

Vector = dict[str, float]


@dataclass(frozen=True)
class ClusterOptions:
    """Thresholds of the clustering, with their defaults in one place."""

    threshold: float = 0.16  # date-damped pair similarity needed to join
    centroid_threshold: float = 0.18  # mean cosine over the pairs of two merging clusters
    cohesion_ratio: float = 0.4  # that mean against the mean cosine inside the tighter cluster
    entity_weight: float = 2.0
    title_weight: float = 2.0  # features of the title weigh this many times more
    bigram_weight: float = 0.5  # pairs of adjacent content words, relative to single words
    terms_per_doc: int = 80  # strongest features kept per document
    max_postings: int = 400  # features shared by more documents are too common to index
    days_grace: int = 1  # days apart that cost nothing (dates of print and web differ)
    days_scale: float = 4.0  # beyond the grace, similarity halves every this many days
    lead_chars: int = 400  # the opening of the text, where a report states its event
    lead_weight: float = 2.0  # features of the lead weigh this many times more
    conflict_margin: float = 1.0  # mean cosine added to the merge threshold per fact conflict
    agreed_cohesion_ratio: float = 0.2  # the cohesion ratio when facts agree more than not
    span_grace: int = 8  # days a cluster may span before its merges must be more alike
    span_scale: float = 2.0  # beyond that grace, the mean cosine halves every this many days


@dataclass
class StoryInput:
    """What clustering needs of one document."""

    doc_id: str
    text: str
    published: str | None = None
    entities: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    terms: dict[str, int] | None = None  # from `story_terms`, when the document has them
    title: str | None = None
    facts: Facts | None = None  # from `story_facts`, when the document has them


# Pseudo-documents added to the collection size so that, in a small collection that is all
# one story, the terms every article shares still weigh something.
_PRIOR_DOCS = 20


def story_terms(text: str) -> dict[str, int]:
    """The content words of a document, the pairs of adjacent ones ("word word") and its
    numbers of two digits or more ("#186"), with their counts: what clustering compares.
    Pairs name events and things ("قوات الطوارئ", "مبايعة الزعيم") better than their words
    alone; punctuation, numbers and function words break them. Numbers (tons, victims,
    amounts) are facts that tell apart events of one kind.

    Computed once per document by the per-document stage and stored with its items.
    """
    counts: Counter[str] = Counter()
    previous, previous_end = None, -1
    for tok in tokenize(text):
        key = tok.key
        if key.isdigit():  # amounts, counts, days: "186", "3540"
            if len(key) > 1:
                counts["#" + key.lstrip("0")] += 1
            previous = None
            continue
        if key.startswith("ال"):
            key = key[2:]
        if content_word(key):
            counts[key] += 1
            if previous and text[previous_end:tok.start].isspace():
                counts[previous + " " + key] += 1
            previous, previous_end = key, tok.end
        else:
            previous = None
    return dict(counts)


# Reads the stored terms of documents as (doc id, terms), in any order; called once per
# pass over them, so that they are never all held at once.
TermsReader = Callable[[], Iterable[tuple[str, dict[str, int]]]]


def _doc_terms(
    docs: list[StoryInput], stored: TermsReader | None
) -> Iterator[tuple[int, dict[str, int]]]:
    """(position, terms) of every document: stored ones as read, else its own or its text's."""
    found: set[int] = set()
    if stored is not None:
        position = {d.doc_id: i for i, d in enumerate(docs)}
        for doc_id, terms in stored():
            i = position.get(doc_id)
            if i is not None and i not in found:
                found.add(i)
                yield i, terms
    for i, doc in enumerate(docs):
        if i not in found:
            yield i, doc.terms if doc.terms is not None else story_terms(doc.text)


def _features(doc: StoryInput, terms: dict[str, int]) -> tuple[Counter[str], set[str]]:
    """A document's feature counts (terms, title words, entities) and its title's terms."""
    feats = Counter(terms)
    title = set(story_terms(doc.title)) if doc.title else set()
    for term in title - feats.keys():  # a title word the body does not repeat
        feats[term] = 1
    for entity in doc.entities:
        feats["e:" + entity] += 1
    return feats, title


def _vectors(
    docs: list[StoryInput], options: ClusterOptions, stored: TermsReader | None = None
) -> tuple[list[Vector], list[FactTally]]:
    """Each document's weighted feature vector, and its facts as a tally of one.

    Two passes over the terms: the first counts in how many documents each feature is,
    the second weighs each document's features and keeps its strongest; only one
    document's counts are held at a time.
    """
    facts: list[FactTally] = [FactTally({})] * len(docs)
    df: Counter[str] = Counter()
    for i, terms in _doc_terms(docs, stored):
        doc = docs[i]
        # right after the terms, whose tokens of the text are still cached
        stated = doc.facts if doc.facts is not None else story_facts(doc.title, doc.text)
        facts[i] = FactTally(stated)
        df.update(_features(doc, terms)[0].keys())
    n = len(docs)
    idf = df  # each count becomes its feature's weight, in place: no second table of them
    for f, k in idf.items():  # with the weight of the feature's kind
        idf[f] = math.log((n + _PRIOR_DOCS) / (k + 1)) * _kind_weight(f, options)
    vectors: list[Vector] = [{} for _ in docs]
    for i, terms in _doc_terms(docs, stored):
        doc = docs[i]
        feats, title = _features(doc, terms)
        boost = dict.fromkeys(story_terms(doc.text[: options.lead_chars]), options.lead_weight)
        boost.update(dict.fromkeys(title, options.title_weight))
        weighted = {f: (1 + math.log(c)) * idf[f] if c > 1 else idf[f] for f, c in feats.items()}
        for f, factor in boost.items():
            if f in weighted:
                weighted[f] *= factor
        top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[: options.terms_per_doc]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors[i] = {f: w / norm for f, w in top if w > 0}
    return vectors, facts


def _kind_weight(feature: str, options: ClusterOptions) -> float:
    if feature.startswith("e:"):
        return options.entity_weight
    return options.bigram_weight if " " in feature else 1.0


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[f] for f, w in a.items() if f in b)


def _cohesion(square: float, size: int) -> float:
    """Mean cosine over the pairs inside a cluster (0 for one document)."""
    return (square - size) / (size * (size - 1)) if size > 1 else 0.0


def _joins(mean: float, cohesion: float, facts_a: FactTally, facts_b: FactTally,
           options: ClusterOptions) -> bool:
    """Whether two clusters whose cross pairs have this mean cosine tell one story: alike
    enough on average, against the tighter one's cohesion, and by their facts."""
    if mean < options.centroid_threshold:  # most candidates stop here, before their facts
        return False
    agreements, conflicts = compare_facts(facts_a.core(), facts_b.core())
    if mean < options.centroid_threshold + options.conflict_margin * (conflicts - agreements):
        return False
    ratio = options.agreed_cohesion_ratio if agreements > conflicts else options.cohesion_ratio
    return mean >= ratio * cohesion


def _span(first_a: int | None, last_a: int | None, first_b: int | None,
          last_b: int | None) -> int:
    """Days two clusters would span together (undated members span none)."""
    firsts = [d for d in (first_a, first_b) if d is not None]
    lasts = [d for d in (last_a, last_b) if d is not None]
    return max(lasts) - min(firsts) if firsts else 0


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _similar_pairs(
    vectors: list[Vector], days: list[date | None], options: ClusterOptions
) -> list[tuple[float, int, int]]:
    """(-similarity, i, j) of every pair, i < j, whose date-damped cosine reaches the threshold.

    Through an inverted index walked in date order: a pair further apart than the cosine
    of 1 damped down to the threshold is never compared. Features held by more than
    `max_postings` documents are left out of the index: they are too common to tell
    stories apart, and skipping them keeps the cost near-linear. Undated documents are
    compared with every document and not damped.
    """
    max_gap = options.days_grace + options.days_scale * math.log2(1 / options.threshold) \
        if options.threshold > 0 else math.inf
    undated = math.inf
    ordinal = [d.toordinal() if d else undated for d in days]
    order = sorted(range(len(vectors)), key=lambda i: (ordinal[i], i))
    rank_ordinal = [ordinal[i] for i in order]
    ranks: dict[str, list[int]] = defaultdict(list)  # postings by rank, ascending
    weights: dict[str, list[float]] = defaultdict(list)
    for rank, i in enumerate(order):
        for feature, weight in vectors[i].items():
            ranks[feature].append(rank)
            weights[feature].append(weight)
    indexed = {f for f, r in ranks.items() if 1 < len(r) <= options.max_postings}
    scored = []
    for rank, i in enumerate(order):
        day = rank_ordinal[rank]
        # Ranks this document is compared with: later ones within max_gap days; an undated
        # one (ranked last) with every one before it, since dated ones stop short of it.
        last = bisect_right(rank_ordinal, day + max_gap) - 1 if day != undated else rank - 1
        acc: dict[int, float] = defaultdict(float)
        for feature, weight in vectors[i].items():
            if feature not in indexed:
                continue
            plist = ranks[feature]
            if day == undated:
                start, stop = 0, bisect_left(plist, rank)
            else:
                start, stop = bisect_right(plist, rank), bisect_right(plist, last)
            for other_rank, other in zip(plist[start:stop], weights[feature][start:stop],
                                         strict=True):
                acc[other_rank] += weight * other
        for other_rank, sim in acc.items():
            if sim < options.threshold:  # damping only lowers it
                continue
            other_day = rank_ordinal[other_rank]
            if day != undated and other_day != undated:
                sim *= 0.5 ** (max(0, other_day - day - options.days_grace) / options.days_scale)
            if sim >= options.threshold:
                j = order[other_rank]
                scored.append((-sim, min(i, j), max(i, j)))
    return scored


def cluster_documents(
    docs: Iterable[StoryInput],
    options: ClusterOptions | None = None,
    stored_terms: TermsReader | None = None,
) -> list[list[str]]:
    """Clusters of document ids, largest first; every document is in exactly one.

    A document's terms come from `stored_terms` when it has them there, else from its
    StoryInput, else from its text.
    """
    options = options or ClusterOptions()
    docs = list(docs)
    known = {d.doc_id for d in docs}
    originals = [d for d in docs if not (d.duplicate_of and d.duplicate_of in known)]
    vectors, facts = _vectors(originals, options, stored_terms)
    days = [_day(d.published) for d in originals]
    scored = _similar_pairs(vectors, days, options)
    scored.sort()
    parent = list(range(len(originals)))
    # Per cluster root: the sum of its members' unit vectors and its size, so that
    # dot(sum_i, sum_j) / (size_i * size_j) is the mean cosine over all cross pairs.
    # (the vectors themselves: they are not read again, so no copy is made)
    centroid: dict[int, Vector] = dict(enumerate(vectors))
    size = [1] * len(originals)
    # Per cluster root: its first and last day, so that a merge knows the days it would span.
    first = [d.toordinal() if d else None for d in days]
    last = list(first)
    square = [1.0] * len(originals)  # |sum of member vectors|^2 = size + 2 * (inner cosines)
    # Root pairs refused a merge, with their sizes then: the many document pairs between
    # two clusters that stay as they were need not compare their centroids again.
    refused: dict[tuple[int, int], tuple[int, int]] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in scored:
        ri, rj = root(i), root(j)
        if ri == rj or refused.get((ri, rj)) == (size[ri], size[rj]):
            continue
        ci, cj = centroid[ri], centroid[rj]
        cross = _cosine(ci, cj)
        mean = cross / (size[ri] * size[rj])
        cohesion = max(_cohesion(square[ri], size[ri]), _cohesion(square[rj], size[rj]))
        span = _span(first[ri], last[ri], first[rj], last[rj])
        mean *= 0.5 ** (max(0, span - options.span_grace) / options.span_scale)
        if not _joins(mean, cohesion, facts[ri], facts[rj], options):
            refused[ri, rj] = (size[ri], size[rj])
            continue
        if len(cj) > len(ci):  # the smaller centroid and facts are added to the larger
            ri, rj, ci, cj = rj, ri, cj, ci
        parent[rj] = ri
        square[ri] += square[rj] + 2 * cross
        size[ri] += size[rj]
        for f, w in cj.items():
            ci[f] = ci.get(f, 0.0) + w
        del centroid[rj]
        facts[ri].add(facts[rj])
        if first[rj] is not None:
            first[ri] = min(first[ri] or first[rj], first[rj])
            last[ri] = max(last[ri] or last[rj], last[rj])
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
