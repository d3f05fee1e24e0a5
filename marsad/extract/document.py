"""Run every per-document extractor on one Arabic document, each feeding the next.

Order matters: entity mentions name figure sources, quote speakers and event actors; time
expressions date figures, quotes and events; quote speakers report the figures they quote;
figures are linked from events.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from marsad.extract.entities import extract_mentions
from marsad.extract.events import extract_events
from marsad.extract.figure_sources import attribute_figures
from marsad.extract.figures import extract_figures
from marsad.extract.quotes import PersonMention, extract_quotes
from marsad.extract.times import extract_times
from marsad.model import Document, Span
from marsad.story.cluster import story_terms
from marsad.story.facts import story_facts
from marsad.text.sentences import split_sentences

Items = dict[str, list[dict[str, Any]]]
# Kinds stored per document; entities are merged across documents from their mentions,
# and stories are clustered from each document's terms.
PER_DOCUMENT_KINDS = ("mentions", "times", "figures", "quotes", "events", "terms")


def _sentence_days(
    text: str, sentences: list[Span], times: list[dict[str, Any]], published: str | None
) -> dict[int, str]:
    """Sentence index -> the date a sentence speaks about: a day it names, else the one past
    month or year it names (في مايو الماضي، في عام 2009) when it names no other period; never
    a «since», a restated date (الموافق لعام 2012), nor the first day of a period («في الفترة
    من 7 يوليو وحتى ...»)."""
    days: dict[int, str] = {}
    t = 0
    ordered = sorted(times, key=lambda x: x["start"])
    for index, sentence in enumerate(sentences):
        while t < len(ordered) and ordered[t]["start"] < sentence.start:
            t += 1
        named_days: list[str] = []
        periods: list[str] = []
        for item in ordered[t:]:
            if item["start"] >= sentence.end:
                break
            value = item.get("value")
            before = text[max(0, item["start"] - 12) : item["start"]]
            if before.split()[-1:] in (["من"], ["بين"]) or not value or "/" in value:
                continue
            if item.get("granularity") == "day":
                named_days.append(value)
            elif item.get("granularity") in ("month", "year") and "الموافق" not in before:
                periods.append(value)
        if named_days:
            days[index] = named_days[0]
        elif len(periods) == 1 and published and periods[0] < published[: len(periods[0])]:
            days[index] = periods[0]
    return days


def _since(phrase: str, published: str | None) -> str | None:
    """The start of a «منذ ...» phrase, resolved by the time layer."""
    for item in extract_times("", phrase, published):
        if item.value:
            return item.value.split("/")[0]
    return None


def extract_document(doc: Document, crf: bool = False) -> Items:
    """All items of one document as plain dicts, each with `id`, `doc`, `start`, `end`
    (`crf`: entity names from the CRF as well as the rules).

    Entity ids are filled in later, once mentions are merged across documents
    (`marsad.story.entities`), by the spans items keep for their speakers, sources, actors.
    """
    text = doc.text
    mentions = [
        {**asdict(m), "id": f"{doc.id}:mention:{m.start}:{m.end}"}
        for m in extract_mentions(doc.id, text, crf=crf)
    ]
    times = [t.to_dict() for t in extract_times(doc.id, text, doc.published)]
    for t in times:
        t["id"] = f"{doc.id}:time:{t['start']}:{t['end']}"
    sentences = split_sentences(text)
    figures = [
        f.to_dict()
        for f in extract_figures(
            doc.id, text, doc.published, sentences,
            sentence_dates=_sentence_days(text, sentences, times, doc.published),
            since_resolver=lambda phrase: _since(phrase, doc.published),
        )
    ]
    persons = [PersonMention(m["start"], m["end"], m["type"]) for m in mentions]
    quotes = [q.to_dict() for q in extract_quotes(doc.id, text, persons, times)]
    attribute_figures(text, figures, quotes, mentions)
    events = [
        e.to_dict()
        for e in extract_events(doc.id, text, doc.published, mentions, times, figures)
    ]
    terms = {"id": f"{doc.id}:terms", "doc": doc.id, "start": 0, "end": 0,
             "terms": story_terms(text), "facts": story_facts(doc.title, text)}
    return {"mentions": mentions, "times": times, "figures": figures, "quotes": quotes,
            "events": events, "terms": [terms]}
