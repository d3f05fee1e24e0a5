"""Who reported a figure: the cue of its own sentence, then its quote and the body it names.

`sentence_cues` / `cue_source` read a reporter off the figure's own sentence (بحسب X، أعلنت X,
not past فيما/بينما); a sentence that goes on with a report (وإنه ...، وأضاف أن ...، مؤكدة
...) keeps the reporter before it (`continues_report`). `attribute_figures` runs once the
document's quotes and names are known.
News states most numbers inside reported speech instead: «وقال الحلبي إن "عدد الخارجين بلغ
15 ألفاً"». A figure inside a quote was reported by its speaker, unless the quote itself names
a source for it. And a speaker who speaks for a body (المتحدث باسم قسد، مدير المرصد) makes
the body the source (its role before or after the name); a later short form of the same
person (الحلبي) speaks for it too, and a description (الشركة) stands for the name it follows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from marsad.extract.entity_lexicon import TITLES, TRIGGERS, key_tokens
from marsad.extract.figure_category import EVENTS, trigger
from marsad.extract.number_lexicon import Tok, lookup
from marsad.lang import load_table
from marsad.text.normalize import NormalizedText, fold
from marsad.text.tokens import segment

Item = dict[str, Any]
_TITLE_REACH = 8  # characters between a title's end and the name it introduces
_ROLE_REACH = 70  # characters after a speaker's name where a role may name their body
_ROLE_WINDOW = re.compile(r"[^«\"“:،,.؛\n]+")


def attribute_figures(
    text: str, figures: list[Item], quotes: list[Item], mentions: list[Item]
) -> None:
    """Set each figure's `source` from its quote's speaker and the body a speaker speaks for."""
    if not figures:
        return
    named = [m for m in mentions if m["type"] == "ORG" and not m.get("ref")]
    # A description refers back by the name's key or by its folded text (للصناعات كما كتب).
    full_names = {fold(m["text"]): m["text"] for m in named}
    full_names.update({m["key"]: m["text"] for m in named})
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
            body = bodies.get(_name_key(speaker["name"])) or _body_inside(
                text, _span_of(speaker), orgs, org_starts)  # الشركة → the company it names
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
        if title:
            body = _title_body(text, title, start, orgs, org_starts)
        else:
            body = _title_after(text, speaker.get("end") or start, orgs, org_starts)
        if body is None:
            continue
        for key in {_name_key(name), *_name_key(name).split()}:
            if len(key) > 2:
                bodies.setdefault(key, body)
    return bodies


def _title_body(
    text: str, title: str, name_start: int, orgs: list[Item], org_starts: list[int]
) -> Item | None:
    """The organisation named inside a speaker's title written just before the name, or just
    after it (سامي الراشد مدير مكتب الإحصاء)."""
    at = text.rfind(title, max(0, name_start - len(title) - _TITLE_REACH), name_start + 1)
    if at < 0:
        at = text.find(title, name_start, name_start + len(title) + 2 * _TITLE_REACH + 40)
    if at < 0:
        return None
    return _first_org(orgs, org_starts, at, at + len(title)) or _after_role(title, at)


def _title_after(
    text: str, end: int, orgs: list[Item], org_starts: list[int], role: bool = True
) -> Item | None:
    """«وقال جون ويلموث رئيس شعبة السكان في الأمم المتحدة»: a role after the name (or, with
    `role` False, the rest of a role: «المدير الطبي» في العيادات ...), up to the quotation or
    the clause's end, names the body the speaker speaks for."""
    window = _ROLE_WINDOW.match(text, end, min(len(text), end + _ROLE_REACH))
    if window is None:
        return None
    words = window.group().split()
    if role and not any(key_tokens(w) in TITLES for w in words[:3]):
        return None
    return _first_org(orgs, org_starts, end, window.end())


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
    if found is None and key_tokens(source["name"].split()[0]) in TITLES:
        found = _title_after(text, source["end"], orgs, org_starts, role=False)
    if found is None and " " not in source["name"].strip() and _names_a_body(source["name"]):
        found = _described(text, source)
    return found or source


def _described(text: str, source: Item) -> Item | None:
    """«الشركة» after «شركة النور للصناعات الغذائية»: the last name built on the same noun
    before it (the noun, then words with the article or لل)."""
    head = source["name"].strip()[2:]
    found = None
    for m in re.finditer(rf"(?<![\w]){re.escape(head)}(?:\s+\S+){{1,4}}", text[: source["start"]]):
        words = m.group().split()
        kept = [words[0]]
        for k, word in enumerate(words[1:], 1):
            named = word.startswith(("ال", "لل"))
            first_name = k == 1 and len(words) > 2 and words[2].startswith(("ال", "لل"))
            if not (named or first_name) or not word[-1].isalpha():
                if word[:-1].startswith(("ال", "لل")) and not word[-1].isalpha():
                    kept.append(word[:-1])
                break
            kept.append(word)
        if len(kept) > 1:
            name = " ".join(kept)
            found = {"entity": None, "name": name, "start": m.start(), "end": m.start() + len(name)}
    return found


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


# --- The reporter a figure's own sentence names (بحسب X، أعلنت X) ---

_CUES = {fold(w): k for w, k in load_table("attribution_cues.tsv")}
_WEEKDAYS = frozenset(fold(w) for w, _ in load_table("weekdays.tsv"))
_QUALIFIER_HEADS = frozenset(fold(row[0]).split()[0] for row in load_table("qualifiers.tsv"))
_REPORT_NOUNS = frozenset(
    fold(w) for w in ("حصيلة", "الحصيلة", "أرقام", "تقديرات", "إحصاءات", "إحصائيات", "بيانات",
                      "تقرير", "معطيات")
)
_CLAUSE_BREAKS = frozenset(fold(w) for w in ("فيما", "وفيما", "بينما", "وبينما", "حين"))
_REPORTED = frozenset(fold(w) for w in ("أن", "إن", "بأن", "أنه", "أنها", "أنهم", ":"))
_CONTINUATIONS = frozenset(fold(w) for w in ("وإن", "وإنه", "وإنها", "وأن", "وأنه", "وأنها"))


Cue = tuple[int, tuple[str, tuple[int, int]]]  # cue token index, (name, original span)


def sentence_cues(norm: NormalizedText, toks: list[Tok]) -> list[Cue]:
    """The attribution cues of a sentence that name a reporter, once per sentence; «سجل» only
    when a body records (سجلت الوزارة), not a player or an index."""
    cues = []
    for i, t in enumerate(toks):
        kind = _cue(t.text)
        got = _noun_phrase(norm, toks, i) if kind in ("prep", "verb", "record") else None
        if got and (kind != "record" or _is_body(fold(got[0].split()[0]))):
            cues.append((i, got))
    return cues


def _is_body(word: str) -> bool:
    """وزارة، الوزارة، مديرية: a noun that names an organisation (entity_triggers.tsv)."""
    key = key_tokens(word)
    head = key[0][2:] if key and key[0].startswith("ال") else (key[0] if key else "")
    return (TRIGGERS.get((head,)) or ("",))[0] == "ORG"


def cue_source(cues: list[Cue], a: int, toks: list[Tok]) -> tuple[str, tuple[int, int]] | None:
    """Who the sentence says reported it: the noun phrase after the nearest attribution cue
    before the number, else after the first cue following it in the same clause («قتل 5،
    بحسب المرصد»; not across فيما/بينما: «قتل 40، فيما أفاد شهود ...» is another report)."""
    if not cues:
        return None
    k = bisect_left(cues, a, key=lambda cue: cue[0])
    if k:
        return cues[k - 1][1]
    if any(toks[i].text in _CLAUSE_BREAKS for i in range(a, cues[0][0])):
        return None
    return cues[0][1]


def continues_report(toks: list[Tok], cues: list[Cue]) -> bool:
    """A sentence that goes on with the report before it: «وإنه ...»، «وأضاف أن ...»،
    «مؤكدة مقتل ...» (a cue with no reporter of its own opens it)."""
    if len(toks) < 2 or (cues and cues[0][0] == 0):
        return False
    first, then = toks[0].text, toks[1].text
    if first in _CONTINUATIONS:
        return True
    return _cue(first) == "said" or (
        _cue(first) == "verb" and (then in _REPORTED or trigger(then) in EVENTS))


def same_report(toks: list[Tok]) -> bool:
    """«وإنه ...»: the very clause of the report before, so also said on its day."""
    return bool(toks) and toks[0].text in _CONTINUATIONS


def _cue(word: str) -> str | None:
    kind = _CUES.get(word)
    if kind is None and word[:1] in "وف" and len(word) > 3:
        kind = _CUES.get(word[1:])
    return kind


def _noun_phrase(
    norm: NormalizedText, toks: list[Tok], i: int
) -> tuple[str, tuple[int, int]] | None:
    n = len(toks)
    prep = _cue(toks[i].text) == "prep"
    j = i + 1
    while j < n and (_CUES.get(toks[j].text) == "link" or (prep and _cue(toks[j].text) == "verb")):
        j += 1
    if j < n and toks[j].text == '"':
        j += 1
    # وفقاً للأمم المتحدة; بحسب حصيلة جديدة للمرصد (the count is the body's, named after ل).
    strip_l = prep and j < n and toks[j].text[:1] == "ل" and toks[i].text in ("وفقا", "طبقا")
    if prep and j < n and toks[j].text in _REPORT_NOUNS:
        k = next((k for k in range(j + 1, min(n, j + 4)) if toks[k].text[:1] == "ل"), None)
        if k is not None and not toks[k].text.startswith("ال"):
            j, strip_l = k, True
    first, lead = j, 0
    words: list[str] = []
    while j < n and len(words) < 6:
        t = toks[j].text
        if not ("\u0621" <= t[0] <= "\u064a") or len(t) < 2 or t == "ال":
            break
        if _cue(t) is not None or t in _WEEKDAYS or t in _QUALIFIER_HEADS or (
            t[0] in "بو" and t[1:] in _QUALIFIER_HEADS
        ):
            break
        if lookup(t) or trigger(t) in EVENTS:
            break
        words.append(t)
        j += 1
    if not words or _passive_amount(toks, j):
        return None
    if not prep and words[0][0] in "لب" and segment(words[0]).proclitics[:1] in (("ل",), ("ب",)):
        return None  # قال للصحفيين, أفاد بمقتل: an addressee or the news (not بعثة، لجنة)
    start = toks[first].start
    light_first = norm.light[start : toks[first].end]
    if strip_l:
        if toks[first].text.startswith("لل"):
            light_first = "ال" + light_first[2:]
        else:
            light_first, lead = light_first[1:], 1
    name = (light_first + norm.light[toks[first].end : toks[j - 1].end]).strip()
    span = norm.span_to_original(start + lead, toks[j - 1].end)
    return name, span


def _passive_amount(toks: list[Tok], j: int) -> bool:
    """قدرت الخسائر بنحو ...: the noun after the verb is what was estimated, not who."""
    if j >= len(toks) or not toks[j].text.startswith("ب"):
        return False
    t = toks[j].text
    return t == "ب" or t[1:] in _QUALIFIER_HEADS or lookup(t) is not None

