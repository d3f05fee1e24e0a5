"""Score an analysis against hand annotations (`marsad eval GOLD.json ANALYSIS.json`).

Gold files have the shape of analysis.json with any subset of the item kinds. Items are
matched one to one within a document by the largest character overlap (greedy); precision
and recall count matched items, and each kind's attributes are scored on the matched pairs.
A gold document id must be one of the analysis's documents for its items to count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from marsad.text.normalize import fold

Item = dict[str, Any]


@dataclass
class Score:
    """Precision, recall and F1 of matched items, plus attribute accuracies on the matches."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact_spans: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def count(self, name: str, right: bool) -> None:
        tally = self.attributes.setdefault(name, [0, 0])
        tally[0] += int(right)
        tally[1] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "exact_span_rate": round(self.exact_spans / self.matched, 4) if self.matched else 0.0,
            "attributes": {
                name: round(right / total, 4) if total else 0.0
                for name, (right, total) in sorted(self.attributes.items())
            },
        }


def _overlap(a: Item, b: Item) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def match_items(
    gold: list[Item], predicted: list[Item], compatible: Callable[[Item, Item], bool] | None = None
) -> list[tuple[Item, Item]]:
    """Pair gold and predicted items of the same document, largest overlap first."""
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for item in predicted:
        by_doc[item["doc"]].append(item)
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(by_doc.get(g["doc"], [])):
            overlap = _overlap(g, p)
            if overlap > 0 and (compatible is None or compatible(g, p)):
                candidates.append((-overlap, gi, g["doc"], pi, g, p))
    candidates.sort(key=lambda c: c[:4])
    used_gold: set[int] = set()
    used_pred: set[tuple[str, int]] = set()
    pairs = []
    for _, gi, doc, pi, g, p in candidates:
        if gi not in used_gold and (doc, pi) not in used_pred:
            used_gold.add(gi)
            used_pred.add((doc, pi))
            pairs.append((g, p))
    return pairs


def _same_text(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return fold(str(a)).strip() == fold(str(b)).strip()


def _loose_text(a: Any, b: Any) -> bool:
    """Names match when one folded form contains the other (المرصد ⊂ المرصد السوري)."""
    if a is None or b is None:
        return a is None and b is None
    fa, fb = fold(str(a)).strip(), fold(str(b)).strip()
    return bool(fa and fb) and (fa in fb or fb in fa)


def _numbers_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(a)))


def _speaker_name(item: Item) -> str | None:
    speaker = item.get("speaker") or {}
    return speaker.get("name")


def _source_name(item: Item) -> str | None:
    source = item.get("source") or {}
    return source.get("name") if isinstance(source, dict) else source


# attribute name -> (getter, comparison), per kind
_ATTRIBUTES: dict[str, dict[str, tuple[Callable[[Item], Any], Callable[[Any, Any], bool]]]] = {
    "times": {"value": (lambda i: i.get("value"), lambda a, b: a == b)},
    "figures": {
        "value": (lambda i: i.get("value"), _numbers_equal),
        "low": (lambda i: i.get("low"), _numbers_equal),
        "high": (lambda i: i.get("high"), _numbers_equal),
        "qualifier": (lambda i: i.get("qualifier"), lambda a, b: a == b),
        "unit": (lambda i: i.get("unit"), _same_text),
        "category": (lambda i: i.get("category"), lambda a, b: a == b),
        "source": (_source_name, _loose_text),
        "as_of": (lambda i: i.get("as_of"), lambda a, b: a == b),
    },
    "quotes": {
        "speaker": (_speaker_name, _loose_text),
        "direct": (lambda i: i.get("direct"), lambda a, b: a == b),
    },
    "events": {
        "type": (lambda i: i.get("type"), lambda a, b: a == b),
        "date": (lambda i: i.get("date"), lambda a, b: a == b),
    },
}


def _event_spans(events: list[Item]) -> list[Item]:
    """Events are matched by their mentions: one item per (event, mention)."""
    return [{**e, **m} for e in events for m in e.get("mentions", [])]


def score_kind(kind: str, gold: list[Item], predicted: list[Item]) -> Score:
    """Score one kind of spanned items (times, figures, quotes, events)."""
    if kind == "events":
        gold, predicted = _event_spans(gold), _event_spans(predicted)
    score = Score(gold=len(gold), predicted=len(predicted))
    pairs = match_items(gold, predicted)
    score.matched = len(pairs)
    for g, p in pairs:
        score.exact_spans += g["start"] == p["start"] and g["end"] == p["end"]
        for name, (get, same) in _ATTRIBUTES.get(kind, {}).items():
            if name in g:  # attributes the annotator left out are not scored
                score.count(name, same(get(g), get(p)))
    return score


def _mentions(entities: list[Item]) -> list[Item]:
    return [
        {**m, "type": e["type"], "entity": e.get("id") or e.get("name")}
        for e in entities
        for m in e.get("mentions", [])
    ]


def score_entities(gold: list[Item], predicted: list[Item]) -> dict[str, Any]:
    """Mention-level P/R/F1 per type (span overlap, same type) and pairwise merge accuracy."""
    gold_m, pred_m = _mentions(gold), _mentions(predicted)
    types = sorted({m["type"] for m in gold_m} | {m["type"] for m in pred_m})
    per_type = {}
    for etype in types:
        g = [m for m in gold_m if m["type"] == etype]
        p = [m for m in pred_m if m["type"] == etype]
        s = Score(gold=len(g), predicted=len(p))
        pairs = match_items(g, p)
        s.matched = len(pairs)
        s.exact_spans = sum(a["start"] == b["start"] and a["end"] == b["end"] for a, b in pairs)
        per_type[etype] = s
    overall = Score(gold=len(gold_m), predicted=len(pred_m))
    pairs = match_items(gold_m, pred_m, lambda a, b: a["type"] == b["type"])
    overall.matched = len(pairs)
    overall.exact_spans = sum(a["start"] == b["start"] and a["end"] == b["end"] for a, b in pairs)
    return {
        "all": overall.to_dict(),
        "per_type": {t: s.to_dict() for t, s in per_type.items()},
        "merge": _merge_accuracy(pairs),
    }


def _merge_accuracy(pairs: list[tuple[Item, Item]]) -> dict[str, float]:
    """Over matched mentions: are two mentions of one gold entity one predicted entity?"""
    same_gold = same_pred = both = 0
    for (g1, p1), (g2, p2) in combinations(pairs, 2):
        in_gold = g1["entity"] == g2["entity"]
        in_pred = p1["entity"] == p2["entity"]
        same_gold += in_gold
        same_pred += in_pred
        both += in_gold and in_pred
    precision = both / same_pred if same_pred else 1.0
    recall = both / same_gold if same_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _anchor(item: Item, texts: dict[str, str]) -> bool:
    """Move a gold span onto its text when the document's text shifted (e.g. a reader now
    strips one more line): the nearest occurrence of the annotated surface wins."""
    text = texts.get(item.get("doc", ""))
    surface = item.get("text")
    if text is None or not surface or text[item["start"] : item["end"]] == surface:
        return True
    places = []
    at = text.find(surface)
    while at != -1:
        places.append(at)
        at = text.find(surface, at + 1)
    if not places:
        return False
    start = min(places, key=lambda p: abs(p - item["start"]))
    item["start"], item["end"] = start, start + len(surface)
    return True


def _anchor_all(gold: dict[str, Any], texts: dict[str, str]) -> int:
    """Re-anchor every gold span; returns how many could not be found in their document."""
    lost = 0
    for kind in ("times", "figures", "quotes"):
        lost += sum(not _anchor(i, texts) for i in gold.get(kind, []))
    for kind in ("entities", "events"):
        for item in gold.get(kind, []):
            lost += sum(not _anchor(m, texts) for m in item.get("mentions", []))
    return lost


def score_clusters(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, float]:
    """Pairwise and B-cubed precision, recall and F1 of story clusters, over the gold's
    documents (predicted clusters are cut down to them)."""
    gold_of = {doc: n for n, docs in enumerate(gold) for doc in docs}
    pred_of: dict[str, int] = {}
    for n, docs in enumerate(predicted):
        for doc in docs:
            if doc in gold_of:
                pred_of[doc] = n
    docs = sorted(gold_of)
    for doc in docs:  # a gold document the prediction lost is a cluster of its own
        pred_of.setdefault(doc, -1 - len(pred_of))
    same_gold = same_pred = both = 0
    for a, b in combinations(docs, 2):
        g, p = gold_of[a] == gold_of[b], pred_of[a] == pred_of[b]
        same_gold += g
        same_pred += p
        both += g and p
    b3_p = b3_r = 0.0
    for doc in docs:
        gold_mates = {d for d in docs if gold_of[d] == gold_of[doc]}
        pred_mates = {d for d in docs if pred_of[d] == pred_of[doc]}
        shared = len(gold_mates & pred_mates)
        b3_p += shared / len(pred_mates)
        b3_r += shared / len(gold_mates)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    pair_p = both / same_pred if same_pred else 1.0
    pair_r = both / same_gold if same_gold else 1.0
    b3_p, b3_r = (b3_p / len(docs), b3_r / len(docs)) if docs else (0.0, 0.0)
    return {
        "pairwise_precision": round(pair_p, 4), "pairwise_recall": round(pair_r, 4),
        "pairwise_f1": round(f1(pair_p, pair_r), 4),
        "bcubed_precision": round(b3_p, 4), "bcubed_recall": round(b3_r, 4),
        "bcubed_f1": round(f1(b3_p, b3_r), 4),
    }


def evaluate(gold: dict[str, Any], analysis: dict[str, Any]) -> dict[str, Any]:
    """Scores for every kind the gold file annotates, on the documents both files share."""
    doc_ids = {d["id"] for d in analysis.get("documents", [])}
    texts = {d["id"]: d["text"] for d in analysis.get("documents", []) if "text" in d}
    unanchored = _anchor_all(gold, texts)
    gold_docs = {i["doc"] for k in ("times", "figures", "quotes") for i in gold.get(k, [])}
    gold_docs |= {m["doc"] for k in ("events", "entities") for i in gold.get(k, [])
                  for m in i.get("mentions", [])}
    missing = sorted(gold_docs - doc_ids)
    results: dict[str, Any] = {"missing_documents": missing, "unanchored_spans": unanchored}
    for kind in ("times", "figures", "quotes", "events"):
        if kind in gold:
            results[kind] = score_kind(kind, gold[kind], analysis.get(kind, [])).to_dict()
    if "entities" in gold:
        gold_docs = {m["doc"] for e in gold["entities"] for m in e.get("mentions", [])}
        predicted = [
            {**e, "mentions": [m for m in e.get("mentions", []) if m["doc"] in gold_docs]}
            for e in analysis.get("entities", [])
        ]
        results["entities"] = score_entities(gold["entities"], predicted)
    if "stories" in gold:
        results["stories"] = score_clusters(
            [s["documents"] for s in gold["stories"]],
            [s["documents"] for s in analysis.get("stories", [])],
        )
    return results


def format_scores(results: dict[str, Any]) -> str:
    """A plain table a person reads in a terminal."""
    lines = []
    if results.get("missing_documents"):
        missing = ", ".join(results["missing_documents"])
        lines.append(f"gold documents not in the analysis: {missing}")
    rows = []
    for kind in ("entities", "times", "figures", "quotes", "events"):
        if kind not in results:
            continue
        if kind == "entities":
            rows.append(("entities", results[kind]["all"]))
            rows.extend((f"  {t}", s) for t, s in results[kind]["per_type"].items())
        else:
            rows.append((kind, results[kind]))
    if results.get("unanchored_spans"):
        lost = results["unanchored_spans"]
        lines.append(f"gold spans whose text is not in their document: {lost}")
    lines.append(f"{'kind':<12}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}  attributes")
    for name, s in rows:
        attrs = " ".join(f"{k}={v:.3f}" for k, v in s["attributes"].items())
        lines.append(
            f"{name:<12}{s['gold']:>6}{s['predicted']:>6}{s['precision']:>8.3f}"
            f"{s['recall']:>8.3f}{s['f1']:>8.3f}  {attrs}"
        )
    if "stories" in results:
        c = results["stories"]
        lines.append(f"stories: pairwise F1={c['pairwise_f1']:.3f} "
                     f"(P={c['pairwise_precision']:.3f} R={c['pairwise_recall']:.3f}), "
                     f"B-cubed F1={c['bcubed_f1']:.3f}")
    if "entities" in results:
        m = results["entities"]["merge"]
        lines.append(f"entity merging (pairwise): P={m['precision']:.3f} R={m['recall']:.3f} "
                     f"F1={m['f1']:.3f}")
    return "\n".join(lines)
