"""Who reported a figure, once the document's quotes and names are known.

`figures.extract_figures` reads a reporter off the figure's own sentence (بحسب X، أعلنت X).
News states most numbers inside reported speech instead: «وقال الحلبي إن "عدد الخارجين بلغ
15 ألفاً"». A figure inside a quote was reported by its speaker, unless the quote itself names
a source for it. And a speaker who speaks for a body (المتحدث باسم قسد، مدير المرصد) makes
the body the source; a later short form of the same person (الحلبي) speaks for it too.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from marsad.extract.entity_lexicon import TITLES, TRIGGERS, key_tokens
from marsad.text.normalize import fold

Item = dict[str, Any]
_TITLE_REACH = 8  # characters between a title's end and the name it introduces


def attribute_figures(
    text: str, figures: list[Item], quotes: list[Item], mentions: list[Item]
) -> None:
    """Set each figure's `source` from its quote's speaker and the body a speaker speaks for."""
    if not figures:
        return
    full_names = {m["key"]: m["text"] for m in mentions if m["type"] == "ORG" and not m.get("ref")}
    orgs = [
        # A description (الوزارة) stands for the name it refers back to; names stay as written.
        {**m, "text": full_names.get(m.get("ref") or "", _written(m))}
        for m in sorted(mentions, key=lambda m: m["start"])
        if m["type"] == "ORG"
    ]
    org_starts = [m["start"] for m in orgs]
    bodies = _speaker_bodies(text, quotes, orgs, org_starts, mentions)
    spans = sorted(((q["start"], q["end"], q) for q in quotes), key=lambda s: s[0])
    starts = [s[0] for s in spans]
    for figure in figures:
        source = figure.get("source")
        k = bisect_right(starts, figure["start"]) - 1
        quote = None
        while k >= 0 and quote is None:
            start, end, q = spans[k]
            if start <= figure["start"] and figure["end"] <= end:
                quote = q
            k -= 1
        if source and (quote is None or quote["start"] <= source["start"] < quote["end"]):
            body = _body_inside(text, source, orgs, org_starts)
        elif quote is not None and (quote.get("speaker") or {}).get("name"):
            speaker = quote["speaker"]
            body = bodies.get(_name_key(speaker["name"])) or _span_of(speaker)
        else:
            continue
        if body:
            figure["source"] = body


def _speaker_bodies(
    text: str, quotes: list[Item], orgs: list[Item], org_starts: list[int], mentions: list[Item]
) -> dict[str, Item]:
    """Speaker name key → the body they speak for, also under each word of a person's name, so
    that a later surname alone (الحلبي) finds it."""
    bodies: dict[str, Item] = {}
    people = {(m["start"], m["end"]): m for m in mentions if m["type"] == "PER"}
    for q in sorted(quotes, key=lambda q: q["start"]):
        speaker = q.get("speaker") or {}
        name, start = speaker.get("name"), speaker.get("start")
        if not name or start is None:
            continue
        title = speaker.get("title") or (people.get((start, speaker["end"])) or {}).get(
            "description"
        )
        body = _title_body(text, title, start, orgs, org_starts) if title else None
        if body is None:
            continue
        for key in {_name_key(name), *_name_key(name).split()}:
            if len(key) > 2:
                bodies.setdefault(key, body)
    return bodies


def _title_body(
    text: str, title: str, name_start: int, orgs: list[Item], org_starts: list[int]
) -> Item | None:
    """The organisation named inside a speaker's title written just before the name."""
    at = text.rfind(title, max(0, name_start - len(title) - _TITLE_REACH), name_start + 1)
    if at < 0:
        return None
    return _first_org(orgs, org_starts, at, at + len(title)) or _after_role(title, at)


def _after_role(title: str, at: int) -> Item | None:
    """The body a title names after its role words when no organisation was recognised there:
    مدير المرصد → المرصد; المتحدثة باسم اللجنة الدولية في صنعاء → اللجنة الدولية في صنعاء."""
    words = title.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        if key_tokens(" ".join(words[:n])) in TITLES:
            rest = title.split(maxsplit=n)[n]
            if not _names_a_body(rest.split()[0]):
                return None  # والي كسلا، والي المدينة، المدير العام: an office, not a body
            start = at + title.index(rest)
            return {"entity": None, "name": rest, "start": start, "end": start + len(rest)}
    return None


def _body_inside(text: str, source: Item, orgs: list[Item], org_starts: list[int]) -> Item:
    """A local source that names an organisation (المتحدث باسم الدفاع المدني) → the
    organisation; any other source as it is."""
    found = _first_org(orgs, org_starts, source["start"], source["end"])
    return found or source


def _first_org(orgs: list[Item], org_starts: list[int], lo: int, hi: int) -> Item | None:
    k = bisect_right(org_starts, lo - 1)
    while k < len(orgs) and orgs[k]["start"] < hi:
        if orgs[k]["end"] <= hi:
            m = orgs[k]
            return {"entity": None, "name": m["text"], "start": m["start"], "end": m["end"]}
        k += 1
    return None


def _names_a_body(word: str) -> bool:
    """المرصد، اللجنة، الوزارة: a definite organisation noun (entity_triggers.tsv, ORG)."""
    key = key_tokens(word)
    if not key or not key[0].startswith("ال"):
        return False
    return (TRIGGERS.get((key[0][2:],)) or ("",))[0] == "ORG"


def _written(mention: Item) -> str:
    """The name as written, with the article a لل spelling hides (للمرصد → المرصد)."""
    text = mention["text"]
    if text[:1] == "ل" and not text.startswith("ال") and mention["key"].startswith("ال"):
        return "ا" + text
    return text


def _span_of(speaker: Item) -> Item:
    return {"entity": None, "name": speaker["name"], "start": speaker.get("start"),
            "end": speaker.get("end")}


def _name_key(name: str) -> str:
    return fold(name).strip()
