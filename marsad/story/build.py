"""Stories across outlets: clusters with their entities, timeline, figure series and summary."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Any

from marsad.model import Document
from marsad.story.cluster import ClusterOptions, StoryInput, cluster_documents
from marsad.story.series import build_series
from marsad.story.summary import summarize
from marsad.story.timeline import build_timeline
from marsad.text.normalize import fold
from marsad.text.tokens import tokenize_sentences

Items = dict[str, list[dict[str, Any]]]
_TITLE_ENTITIES = 3


def _story_id(doc_ids: list[str]) -> str:
    return "story:" + hashlib.sha256("\n".join(sorted(doc_ids)).encode()).hexdigest()[:12]


def _title(docs: list[Document], entity_names: list[str]) -> str:
    """The document title sharing most words with the story's other titles; else its names."""
    titles = [d.title for d in docs if d.title]
    if titles:
        words = [set(fold(t).split()) for t in titles]
        shared = Counter(w for ws in words for w in ws)
        return max(titles, key=lambda t: (sum(shared[w] - 1 for w in set(fold(t).split())),
                                          -len(t), t))
    return "، ".join(entity_names[:_TITLE_ENTITIES]) or (docs[0].text[:60] if docs else "")


def _sentences(docs: list[Document]) -> list[tuple]:
    return [
        (doc.id, position, span, tokens, doc.published)
        for doc in docs
        for position, (span, tokens) in enumerate(tokenize_sentences(doc.text))
    ]


def build_stories(
    documents: list[Document],
    items: Items,
    entities: list[dict[str, Any]],
    options: ClusterOptions | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(stories, merged events): every Arabic document belongs to exactly one story."""
    arabic = [d for d in documents if d.language == "ar"]
    docs_of_entity: dict[str, set[str]] = defaultdict(set)
    entities_of_doc: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        for mention in entity["mentions"]:
            docs_of_entity[entity["id"]].add(mention["doc"])
            entities_of_doc[mention["doc"]].append(entity["id"])
    terms_of = {t["doc"]: t["terms"] for t in items.get("terms", [])}
    # items stored before facts existed have none: clustering then reads them from the text
    facts_of = {t["doc"]: t.get("facts") for t in items.get("terms", [])}
    clusters = cluster_documents(
        [StoryInput(d.id, d.text, d.published, entities_of_doc.get(d.id, []), d.duplicate_of,
                    terms_of.get(d.id), d.title, facts_of.get(d.id))
         for d in arabic],
        options,
    )
    by_id = {d.id: d for d in arabic}
    name_of = {e["id"]: e["name"] for e in entities}
    outlets = {d.id: d.source or d.id for d in arabic}
    by_doc: dict[str, Items] = defaultdict(lambda: defaultdict(list))
    for kind in ("events", "figures"):
        for item in items.get(kind, []):
            by_doc[item["doc"]][kind].append(item)
    stories, all_events = [], []
    for doc_ids in clusters:
        docs = sorted((by_id[i] for i in doc_ids), key=lambda d: (d.published or "", d.id))
        originals = [d for d in docs if not d.duplicate_of]
        events = build_timeline([e for d in originals for e in by_doc[d.id]["events"]], outlets)
        figures = [f for d in originals for f in by_doc[d.id]["figures"]]
        counts = Counter(e for d in originals for e in set(entities_of_doc.get(d.id, [])))
        ranked = sorted(counts, key=lambda e: (-counts[e], name_of[e]))
        summary = summarize(
            _sentences(originals),
            {(e["doc"], e["start"]) for e in events},
            {(f["doc"], f["start"]) for f in figures},
        )
        for line in summary:
            line["text"] = by_id[line["doc"]].text[line["start"]:line["end"]]
        dates = [d.published for d in docs if d.published]
        stories.append({
            "id": _story_id(doc_ids),
            "title": _title(originals or docs, [name_of[e] for e in ranked]),
            "documents": [d.id for d in docs],
            "outlets": sorted({d.source for d in docs if d.source}),
            "first_date": min(dates) if dates else None,
            "last_date": max(dates) if dates else None,
            "entities": [{"id": e, "name": name_of[e], "documents": counts[e]} for e in ranked],
            "events": [e["id"] for e in events],
            "series": build_series(figures),
            "summary": summary,
        })
        all_events.extend(events)
    return stories, all_events

