"""Stories across outlets: clusters with their entities, timeline, figure series and summary."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from marsad.model import Document
from marsad.story.cluster import ClusterOptions, StoryInput, cluster_documents
from marsad.story.entities import EntityLinker
from marsad.story.items import ItemSource, SpooledItems
from marsad.story.series import build_series
from marsad.story.summary import summarize
from marsad.story.timeline import build_timeline
from marsad.text.normalize import fold
from marsad.text.tokens import tokenize_sentences

Items = dict[str, list[dict[str, Any]]]
EventSink = list[dict[str, Any]] | SpooledItems
_TITLE_ENTITIES = 3
# Stories whose events and figures are read from the source at once: few reads, few held.
_STORIES_PER_READ = 256


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
    source: ItemSource,
    entities: list[dict[str, Any]],
    options: ClusterOptions | None = None,
    linker: EntityLinker | None = None,
    events_out: EventSink | None = None,
) -> tuple[list[dict[str, Any]], EventSink]:
    """(stories, merged events): every Arabic document belongs to exactly one story.

    Terms are read from `source` twice while clustering, and each story's events and
    figures with the stories around it (entity ids filled in by `linker`), so that no
    kind of item is held for the whole collection; merged events go to `events_out` (a
    list by default, or a spool on disk) in story order.
    """
    arabic = [d for d in documents if d.language == "ar"]
    linker = linker or EntityLinker(entities)
    entities_of_doc: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        for mention in entity["mentions"]:
            entities_of_doc[mention["doc"]].append(entity["id"])
    # items stored before facts existed have none: clustering then reads them from the text
    facts_of = {t["doc"]: t.get("facts") for t in _terms_items(source)}

    def stored_terms() -> Iterator[tuple[str, dict[str, int]]]:
        return ((t["doc"], t["terms"]) for t in _terms_items(source))

    clusters = cluster_documents(
        [StoryInput(d.id, d.text, d.published, entities_of_doc.get(d.id, []), d.duplicate_of,
                    None, d.title, facts_of.get(d.id))
         for d in arabic],
        options,
        stored_terms,
    )
    by_id = {d.id: d for d in arabic}
    name_of = {e["id"]: e["name"] for e in entities}
    outlets = {d.id: d.source or d.id for d in arabic}
    stories: list[dict[str, Any]] = []
    all_events: EventSink = [] if events_out is None else events_out
    for start in range(0, len(clusters), _STORIES_PER_READ):
        chunk = clusters[start:start + _STORIES_PER_READ]
        by_doc = _linked_items(source, linker, [i for ids in chunk for i in ids])
        for doc_ids in chunk:
            docs = sorted((by_id[i] for i in doc_ids), key=lambda d: (d.published or "", d.id))
            originals = [d for d in docs if not d.duplicate_of]
            events = build_timeline([e for d in originals for e in by_doc[d.id]["events"]],
                                    outlets)
            figures = [f for d in originals for f in by_doc[d.id]["figures"]]
            counts = Counter(e for d in originals for e in set(entities_of_doc.get(d.id, [])))
            # the id last: entities of one name and count keep one order in every process
            ranked = sorted(counts, key=lambda e: (-counts[e], name_of[e], e))
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
                "entities": [{"id": e, "name": name_of[e], "documents": counts[e]}
                             for e in ranked],
                "events": [e["id"] for e in events],
                "series": build_series(figures),
                "summary": summary,
            })
            all_events.extend(events)
    return stories, all_events


def _terms_items(source: ItemSource) -> Iterator[dict[str, Any]]:
    return source.iter_items("terms")


def _linked_items(source: ItemSource, linker: EntityLinker, doc_ids: list[str]) -> dict[str, Items]:
    """Events and figures of these documents, by document, with their entity ids."""
    by_doc: dict[str, Items] = defaultdict(lambda: defaultdict(list))
    for kind in ("events", "figures"):
        for item in source.iter_items(kind, doc_ids):
            by_doc[item["doc"]][kind].append(linker.link(kind, item))
    return by_doc
