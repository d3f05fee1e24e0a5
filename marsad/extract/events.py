"""What happened: typed events from trigger words, with actors, places, date and figures.

One event per sentence that holds a trigger (event_triggers.tsv); when triggers of several
types meet, `_TYPE_PRIORITY` decides (a strike that killed people is a strike whose
figures say how many). The date is the sentence's own time expression when it has one
(so a background sentence about 2014 is an event of 2014), else the publication date
with precision `reported` (it happened on or before that day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.lang import load_table
from marsad.model import Span
from marsad.text.normalize import fold
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize

_TYPE_PRIORITY = (
    "surrender", "capture", "withdrawal", "strike", "attack", "arrest", "displacement",
    "casualties", "threat", "humanitarian", "statement",
)
_ACTOR_TYPES = {"PER", "ORG", "NORP"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}


def _load_triggers() -> dict[tuple[str, ...], tuple[str, str]]:
    rows = load_table("event_triggers.tsv")
    return {tuple(map(_bare, fold(row[0]).split())): (row[1], row[2]) for row in rows}


def _bare(key: str) -> str:
    """A word's key without the article: triggers match with or without it."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


_TRIGGERS = _load_triggers()
_TRIGGER_FIRST_WORDS = {words[0] for words in _TRIGGERS}
_LONGEST_TRIGGER = max(len(words) for words in _TRIGGERS)


@dataclass(slots=True)
class Event:
    id: str
    doc: str
    type: str
    sub_event: str
    trigger: str
    date: str | None
    date_precision: str | None
    start: int
    end: int
    text: str
    actors: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    fatalities: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "sub_event": self.sub_event,
            "trigger": self.trigger, "date": self.date, "date_precision": self.date_precision,
            "actors": self.actors, "places": self.places, "figures": self.figures,
            "fatalities": self.fatalities,
            "mentions": [{"doc": self.doc, "start": self.start, "end": self.end}],
            "sources": [self.doc], "text": self.text, "doc": self.doc,
            "start": self.start, "end": self.end,
        }


def _find_triggers(tokens: list[Token]) -> list[tuple[str, str, Token]]:
    """(type, sub_event, first token) of every trigger among the sentence's tokens."""
    found = []
    for i, tok in enumerate(tokens):
        if _bare(tok.key) not in _TRIGGER_FIRST_WORDS:
            continue
        for size in range(min(_LONGEST_TRIGGER, len(tokens) - i), 0, -1):
            words = tuple(_bare(t.key) for t in tokens[i : i + size])
            if words in _TRIGGERS:
                found.append((*_TRIGGERS[words], tok))
                break
    return found


_PREFERRED = ("day", "month", "year", "interval", "unknown")


def _precision(value: str) -> str:
    if "/" in value:
        return "interval"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def _sentence_date(
    sentence: Span, times: list[dict[str, Any]], published: str | None
) -> tuple[str | None, str | None]:
    inside = [
        str(t["value"]) for t in times
        if sentence.start <= t["start"] < sentence.end and t.get("value")
        and "/" not in str(t["value"])  # «منذ ...» spans a period, it does not date an event
    ]
    if inside:
        value = min(inside, key=lambda v: _PREFERRED.index(_precision(v)))
        return value, _precision(value)
    return (published, "reported") if published else (None, None)


def _entity_refs(mentions: list[dict[str, Any]], sentence: Span, types: set[str]) -> list[dict]:
    refs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for m in mentions:
        if m["type"] in types and sentence.start <= m["start"] < sentence.end:
            key = m.get("entity") or fold(m["text"])
            if key not in seen:
                seen.add(key)
                refs.append({"entity": m.get("entity"), "name": m["text"], "type": m["type"],
                             "start": m["start"], "end": m["end"]})
    return refs


def extract_events(
    doc_id: str,
    text: str,
    published: str | None,
    mentions: list[dict[str, Any]] | None = None,
    times: list[dict[str, Any]] | None = None,
    figures: list[dict[str, Any]] | None = None,
) -> list[Event]:
    """Events of one document, one per sentence with a trigger, in text order."""
    mentions, times, figures = mentions or [], times or [], figures or []
    tokens = tokenize(text)
    events = []
    t0 = 0
    for sentence in split_sentences(text):
        while t0 < len(tokens) and tokens[t0].start < sentence.start:
            t0 += 1
        t1 = t0
        while t1 < len(tokens) and tokens[t1].end <= sentence.end:
            t1 += 1
        triggers = _find_triggers(tokens[t0:t1])
        t0 = t1
        if not triggers:
            continue
        event_type, sub_event, trigger = min(triggers, key=lambda t: _TYPE_PRIORITY.index(t[0]))
        date, precision = _sentence_date(sentence, times, published)
        sentence_figures = [f for f in figures if sentence.start <= f["start"] < sentence.end]
        killed = [f["value"] for f in sentence_figures
                  if f.get("category") == "killed" and f.get("value") is not None]
        events.append(Event(
            id=f"{doc_id}:event:{sentence.start}", doc=doc_id, type=event_type,
            sub_event=sub_event, trigger=trigger.text, date=date, date_precision=precision,
            start=sentence.start, end=sentence.end, text=text[sentence.start:sentence.end],
            actors=_entity_refs(mentions, sentence, _ACTOR_TYPES),
            places=_entity_refs(mentions, sentence, _PLACE_TYPES),
            figures=[f["id"] for f in sentence_figures],
            fatalities=int(max(killed)) if killed else None,
        ))
    return events
