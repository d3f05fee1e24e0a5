"""What happened: one typed event per body sentence, with actors, places, date and figures.

Rules, in this order:
1. `_body_sentence`: titles and datelines report nothing; a line with no final punctuation
   (a headline) and a sentence of fewer than `_MIN_WORDS` words are skipped. Every other
   sentence of an article reports something happening and gives one event.
2. The type is the sentence's main happening (`marsad.extract.event_types`): the first
   trigger of the main clause (in a report, of what was reported), `statement` for a report
   of words alone, `other` when no trigger names the happening (background, damage, deals);
   the sentence's organisation names are passed along, a trigger word in one names nothing.
   Words as often for everyday things (علاج، مواجهة، مساعدات) type a sentence only when
   another sentence of the document tells a happening in a word that is not one of them.
3. The date is the sentence's own time expression when it has one (so a background
   sentence about 2014 is an event of 2014; in a report of a deed, a time in what was
   reported first; a past part of a month gives the month), else the publication date
   with precision `reported` (it happened on or before that day); a «منذ ...» interval
   dates nothing, nor does the time that ends a «منذ <event>» phrase (منذ بدء الهجوم
   الثلاثاء), a deadline (حتى نهاية الشهر) or a time in a relative clause (الهجوم الذي
   بدأ مطلع الشهر).
4. Actors and places are the sentence's entity mentions; the main actor, the subject
   right after the main verb, comes first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.event_types import Happening, sentence_type
from marsad.model import Span
from marsad.text.normalize import fold
from marsad.text.tokens import Token, tokenize_sentences

_ACTOR_TYPES = {"PER", "ORG", "NORP"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_MIN_WORDS = 4
_SINCE = re.compile(r"(?<![\w])و?منذ\s")
_RELATIVE_BEFORE = re.compile(r"(?<![\w])و?(?:الذي|التي|الذين)(?:\s+[^\s،,]+){0,4}\s+$")
_SUBJECT_WORDS = 2  # words before a relative clause on the opening subject (وكان الاتفاق)
_UNTIL = re.compile(r"(?<![\w])و?حتى\s")
_FINAL_PUNCTUATION = '.!?؟…"»”\''


@dataclass(slots=True)
class Event:
    id: str
    doc: str
    type: str
    sub_event: str
    trigger: str | None
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


def _body_sentence(text: str, sentence: Span, tokens: list[Token]) -> bool:
    """A sentence of the article's body: not a headline line, not a dateline."""
    if len(tokens) < _MIN_WORDS:
        return False
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    whole_line = not text[line_start:sentence.start].strip() and not text[
        sentence.end:line_end].strip()
    return not whole_line or text[sentence.start:sentence.end].rstrip()[-1:] in \
        _FINAL_PUNCTUATION


_PREFERRED = ("day", "month", "year", "interval", "unknown")


def _precision(value: str) -> str:
    if "/" in value:
        return "interval"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def _within(items: list[dict[str, Any]], starts: list[int], span: Span) -> list[dict]:
    """The items (sorted by start, with `starts` their starts) that start inside span."""
    return items[bisect_left(starts, span.start):bisect_left(starts, span.end)]


def _sentence_date(
    text: str, sentence: Span, times: list[dict[str, Any]], published: str | None,
    told_from: int | None = None,
) -> tuple[str | None, str | None]:
    """The sentence's date; with `told_from` (where a reported deed is told: قالت المصادر
    اليوم السبت إن الجيش أنهى ليل الجمعة ...), a time there dates the deed, not the report."""
    inside = [
        (t["start"], value) for t in times
        if (value := _day_or_month(t, text, published))
        and not _since_phrase(text, sentence.start, t["start"])
        and not _described(text, _clause_start(sentence, told_from, t["start"]), t["start"])
    ]
    if told_from is not None and any(at >= told_from for at, _ in inside):
        inside = [(at, value) for at, value in inside if at >= told_from]
    if inside:
        value = min((v for _, v in inside), key=lambda v: _PREFERRED.index(_precision(v)))
        return value, _precision(value)
    return (published, "reported") if published else (None, None)


def _clause_start(sentence: Span, told_from: int | None, at: int) -> int:
    """Where the clause holding the time at `at` opens: what was reported, when the time is
    told there (قال سكان إن الهجمات التي وقعت في 19 يوليو نفذها ...), else the sentence."""
    return told_from if told_from is not None and at >= told_from else sentence.start


def _day_or_month(time: dict[str, Any], text: str, published: str | None) -> str | None:
    """A time's value as an event date: a past part of a month (مطلع الشهر الحالي، أواخر
    أبريل) is that month; other spans (منذ السبت، الأسبوع الماضي) date no event, nor does
    a deadline or forecast (حتى نهاية أبريل، توقعت أمطارا منتصف الشهر), nor a length of
    time since (يشن الجيش منذ سنتين عمليات، أعنف قتال منذ شهر): what lasts is ongoing."""
    if _SINCE.match(str(time.get("text") or "") + " "):
        return None
    value = str(time.get("value") or "")
    if "/" not in value:
        return value or None
    past = published is not None and value.split("/", 1)[1] < published
    until = _UNTIL.search(text, max(0, time["start"] - 6), time["start"]) is not None
    return value[:7] if time.get("kind") == "part_of_month" and past and not until else None


def _described(text: str, start: int, at: int) -> bool:
    """The time at `at` is in a relative clause that describes a noun further on (تواصل
    القوات الهجوم الذي بدأ مطلع الشهر); one on the sentence's opening subject dates it
    (وكان الاتفاق الذي أعلن السبت الماضي ينص على ...)."""
    relative = _RELATIVE_BEFORE.search(text, max(start, at - 40), at)
    return relative is not None and len(text[start:relative.start()].split()) > _SUBJECT_WORDS


def _since_phrase(text: str, start: int, at: int) -> bool:
    """The time at `at` ends a «منذ <event>» phrase (منذ اندلاع الحرب في نيسان 2023، منذ
    بدء الهجوم الثلاثاء): it dates the background's onset, not what the sentence reports."""
    clause = max(text.rfind("،", start, at), text.rfind(",", start, at), start)
    return _SINCE.search(text, clause, at) is not None


def _entity_refs(mentions: list[dict[str, Any]], types: set[str],
                 first_after: int | None = None) -> list[dict]:
    """Mentions of these types in the sentence, one per entity; with `first_after`, the
    first one from that offset on leads: the subject after the main verb (قصفت طائرات
    التحالف); in a report, the subject of what was reported (قال الجيش إن حماس أطلقت)."""
    refs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for m in mentions:
        if m["type"] in types:
            key = m.get("entity") or fold(m["text"])
            if key not in seen:
                seen.add(key)
                refs.append({"entity": m.get("entity"), "name": m["text"], "type": m["type"],
                             "start": m["start"], "end": m["end"]})
    if first_after is not None:
        lead = next((r for r in refs if r["start"] >= first_after), None)
        if lead is not None:
            refs.remove(lead)
            refs.insert(0, lead)
    return refs


def body_sentences(
    text: str, mentions: list[dict[str, Any]], mention_starts: list[int],
) -> list[tuple[Span, list[Token], list[dict[str, Any]], Happening]]:
    """Each body sentence with its tokens, its entity mentions (sorted by start, with
    `mention_starts` their starts) and its main happening (rules 1-2)."""
    body = []
    for sentence, sent_tokens in tokenize_sentences(text):
        if _body_sentence(text, sentence, sent_tokens):
            sentence_mentions = _within(mentions, mention_starts, sentence)
            names = [(m["start"], m["end"]) for m in sentence_mentions if m["type"] == "ORG"]
            body.append((sentence, sent_tokens, sentence_mentions, names,
                         sentence_type(sent_tokens, text, names)))
    told = any(h.specific for *_, h in body)
    typed = []
    for sentence, sent_tokens, sentence_mentions, names, happening in body:
        if happening.general and not told:  # «مواجهة» in a sports report is a match
            happening = sentence_type(sent_tokens, text, names, general=False)
        typed.append((sentence, sent_tokens, sentence_mentions, happening))
    return typed


def _sorted_by_start(*groups: list[dict[str, Any]]) -> list[tuple[list[dict], list[int]]]:
    ordered = [sorted(group, key=lambda item: item["start"]) for group in groups]
    return [(items, [item["start"] for item in items]) for items in ordered]


def extract_events(
    doc_id: str,
    text: str,
    published: str | None,
    mentions: list[dict[str, Any]] | None = None,
    times: list[dict[str, Any]] | None = None,
    figures: list[dict[str, Any]] | None = None,
) -> list[Event]:
    """Events of one document, one per body sentence, in text order."""
    by_start = _sorted_by_start(mentions or [], times or [], figures or [])
    (mentions, mention_starts), (times, time_starts), (figures, figure_starts) = by_start
    events = []
    for sentence, _tokens, sentence_mentions, happening in body_sentences(
            text, mentions, mention_starts):
        trigger = happening.trigger
        date, precision = _sentence_date(
            text, sentence, _within(times, time_starts, sentence), published,
            None if happening.type == "statement" else happening.clause_start)
        sentence_figures = _within(figures, figure_starts, sentence)
        killed = [f["value"] for f in sentence_figures
                  if f.get("category") == "killed" and f.get("value") is not None]
        events.append(Event(
            id=f"{doc_id}:event:{sentence.start}", doc=doc_id, type=happening.type,
            sub_event=happening.sub_event, trigger=trigger.text if trigger else None, date=date,
            date_precision=precision, start=sentence.start, end=sentence.end,
            text=text[sentence.start:sentence.end],
            actors=_entity_refs(sentence_mentions, _ACTOR_TYPES, happening.clause_start),
            places=_entity_refs(sentence_mentions, _PLACE_TYPES),
            figures=[f["id"] for f in sentence_figures],
            fatalities=int(max(killed)) if killed else None,
        ))
    return events
