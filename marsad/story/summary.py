"""A short extractive summary of a story: central, informative, not repeated across outlets.

Sentences are scored by how close they are to the story as a whole (cosine to the story's
term centroid), with a bonus for carrying an event or a figure and for coming from the
latest reports; then picked by maximal marginal relevance so that the same fact told by
three outlets appears once. The picked sentences are shown in the order they were reported.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from marsad.model import Span
from marsad.text.tokens import Token

_MIN_WORDS, _MAX_WORDS = 6, 70
_EVENT_BONUS, _FIGURE_BONUS, _LEAD_BONUS, _RECENCY_BONUS = 0.15, 0.1, 0.1, 0.1
_REDUNDANCY = 0.7
_CANDIDATES = 150


def _bag(tokens: list[Token]) -> Counter[str]:
    return Counter(t.key for t in tokens if len(t.key) > 2 and not t.key.isdigit())


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def summarize(
    sentences: list[tuple[str, int, Span, list[Token], str | None]],
    event_starts: set[tuple[str, int]],
    figure_starts: set[tuple[str, int]],
    size: int = 6,
) -> list[dict[str, Any]]:
    """Pick `size` sentences; each input is (doc, position, span, tokens, published).

    `event_starts` holds (doc, start) of event sentences, `figure_starts` of figures.
    """
    figures_by_doc: dict[str, list[int]] = {}
    for doc, start in figure_starts:
        figures_by_doc.setdefault(doc, []).append(start)
    usable = [s for s in sentences if _MIN_WORDS <= len(s[3]) <= _MAX_WORDS]
    if not usable:
        return []
    bags = [_bag(s[3]) for s in usable]
    centroid: Counter[str] = Counter()
    for bag in bags:
        centroid.update(set(bag))
    dates = sorted({s[4] for s in usable if s[4]})
    latest = dates[-1] if dates else None
    scores = []
    for (doc, position, span, _, published), bag in zip(usable, bags, strict=True):
        score = _cosine(bag, centroid)
        score += _EVENT_BONUS * ((doc, span.start) in event_starts)
        score += _FIGURE_BONUS * any(
            span.start <= f < span.end for f in figures_by_doc.get(doc, ())
        )
        score += _LEAD_BONUS * (position < 2)
        score += _RECENCY_BONUS * (published is not None and published == latest)
        scores.append(score)
    # Only the best-scored sentences compete; each one's overlap with the chosen ones is
    # updated as sentences are picked, so picking costs O(size x candidates).
    candidates = sorted(range(len(usable)), key=lambda i: -scores[i])[:_CANDIDATES]
    overlap = dict.fromkeys(candidates, 0.0)
    chosen: list[int] = []
    while len(chosen) < min(size, len(usable)):
        open_ = [i for i in candidates if i not in chosen and overlap[i] < _REDUNDANCY]
        if not open_:
            break
        best = max(open_, key=lambda i: (scores[i] - 0.5 * overlap[i], -i))
        chosen.append(best)
        for i in open_:
            overlap[i] = max(overlap[i], _cosine(bags[i], bags[best]))
    chosen.sort(key=lambda i: (usable[i][4] or "", usable[i][0], usable[i][1]))
    return [{"doc": usable[i][0], "start": usable[i][2].start, "end": usable[i][2].end}
            for i in chosen]
