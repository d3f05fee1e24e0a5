"""The main happening of a sentence: which trigger types its event, or `statement`/`other`.

Used by `marsad.extract.events`. Rules, in this order:
1. `find_triggers`: every trigger word or phrase of event_triggers.tsv, with its position;
   shelling with no aircraft in the sentence is ground fire (attack), an attack whose
   subject is an aircraft an air strike (`_by_air_or_ground`, event_aircraft.tsv). A
   trigger inside an organisation's name (حركة التحرير) names nothing.
2. Denied happenings drop out (`event_clauses.negated_opening`, `denied`): the opening
   clause after لم/لن (ولم يحدد موعد الهجوم) and a trigger right after them (لم نتمكن من
   إنقاذ); a sentence left with none is a statement.
3. `event_reports.report_cue`: a reporting verb (quote_cues.tsv) that heads the sentence
   (وقال X إن ...; مشيرا إلى أن; after a lead-in that tells no happening: وحول الوضع ...،
   قال; not in a relative clause: الاتفاق الذي أعلن) makes it a report, unless a deed told
   in its own clause comes first (وطوقت القوات الحي، وقال مصدر إن: `_opening_deed`). Only
   the triggers in what was reported (after إن/أن, a colon or a quotation mark) count:
   not a fight named with the article, which is what the words are about (`_topic`), nor
   a deed named by a noun deep in the clause that an opinion is about (`_in_main_clause`),
   unless a verb of outcome or of doing tells it (أسفر عن مقتل، بدأ بإطلاق النار), nor a
   deed neither of war nor of need (a decision, damage) deep in what was said. A report
   whose content names no happening, that claims a deed (أعلنت الحركة مسؤوليتها عن
   الهجوم), or that takes a stance on one with no أن-clause (نددت البعثة بالهجوم), is a
   `statement`; a call for aid is a need (دعا إلى توفير الخيام → humanitarian).
4. Where a trigger stands (`marsad.extract.event_clauses`): one in a background phrase
   (منذ بدء الهجوم، بعد أسبوع من المعارك، جراء الفيضان، مع تصاعد الهجوم;
   event_subordinators.tsv) or a purpose (للإفراج عن; not
   after a verb of undergoing: تعرضت لهجوم) is not the main happening, nor is what an
   appeal calls for (دعا إلى الاستسلام), one that points back to a happening already told
   (`anaphoric`: هذا الهجوم), or a fight or taking of ground in a relative clause
   (`described`: داعش التي سيطرت على المدينة).
5. `main_trigger`: the first trigger left is the main happening, except that a weak trigger
   (a word that names a setting more than a deed: الاحتجاز، النازحين; deeds that are
   neither violence nor words: وافقت، افتتح) gives way to a strong one later in the
   sentence, deaths give way to the air strike that caused them (قتل سبعة مدنيين في غارة →
   strike; not في الغارات, strikes already told), a disaster to the deaths it caused
   (زلزال أودى بحياة → casualties), and an attack that heads its clause gives way to its
   toll (الهجوم أسفر عن 31 قتيلا → casualties).
6. Otherwise `other`: a body sentence still reports something (background, damage, a deal).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.extract.event_clauses import (
    PREPOSITION_WORDS,
    after_outcome,
    anaphoric,
    denied,
    described,
    going_on,
    negated_opening,
    subordinate,
    word_kind,
)
from marsad.extract.event_reports import (
    content_start,
    cue_after_lead_in,
    cue_word,
    report_cue,
)
from marsad.lang import load_table, load_words
from marsad.text.normalize import fold
from marsad.text.tokens import Token, tokenize

TYPES = (
    "surrender", "capture", "withdrawal", "strike", "attack", "arrest", "displacement",
    "casualties", "threat", "humanitarian", "statement", "other",
)


def _bare(key: str) -> str:
    """A word's key without the article: triggers match with or without it."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _keys(entry: str) -> set[tuple[str, ...]]:
    """An entry keyed as tokens are (clitic-free, article-free: حتفهم → حتف), and as its
    words are written, for a word the segmenter splits though it has no clitic (كوليرا is
    no ك + وليرا; written الكوليرا it keeps its ك)."""
    tokens = tokenize(entry)
    return {tuple(_bare(t.key) for t in tokens), tuple(_bare(t.folded) for t in tokens)}


def _load_triggers() -> dict[tuple[str, ...], tuple[str, str, bool]]:
    return {key: (row[1], row[2], len(row) > 3 and row[3] == "weak")
            for row in load_table("event_triggers.tsv") for key in _keys(row[0])}


_TRIGGERS = _load_triggers()
_GENERAL = frozenset(key for word in load_words("event_general_words.tsv")
                     for key in _keys(word))
# first words as token keys, with and without the article, so one set lookup per token
_TRIGGER_FIRST_WORDS = {words[0] for words in _TRIGGERS} | {
    "ال" + words[0] for words in _TRIGGERS}
_LONGEST_TRIGGER = max(len(words) for words in _TRIGGERS)
_AIRCRAFT = frozenset(fold(w) for w in load_words("event_aircraft.tsv"))
_APPEAL_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv")
                if row[1] in ("call", "call_participle")}
_STANCE_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv") if row[1] == "stance"}
_MEANS = frozenset(fold(w) for w in ("في", "جراء", "إثر", "بفعل"))
_NEEDS = frozenset(("humanitarian", "displacement"))
_CLAUSE_HEAD = 4  # words into a reported clause where its own happening stands
_AIR_REACH = 3  # words after an attack verb where its subject stands (هاجمت مروحيتان)


@dataclass(slots=True)
class Trigger:
    type: str
    sub_event: str
    token: Token
    index: int
    weak: bool = False
    general: bool = False  # a word as often for everyday things (event_general_words.tsv)


def _first_word(tok: Token, first_words: set[str]) -> str | None:
    """The token as the first word of a trigger; a leading و/ف is a conjunction even where
    the segmenter kept it (وفر is و + فر "fled" as well as وفّر "provided"), and the alif
    of the accusative tanwin is no part of the word (علاجاً، هجوماً)."""
    key = tok.seg.key
    if key in first_words and _bare(key) in first_words:
        return _bare(key)
    folded = tok.folded
    if folded[:1] in ("و", "ف") and folded[1:] in first_words:
        return folded[1:]
    if key.endswith("ا") and key[:-1] in first_words:  # tanwin: علاجا، هجوما
        return _bare(key[:-1])
    return None


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    """Every trigger among the sentence's tokens, in text order."""
    found = []
    first_words = _TRIGGER_FIRST_WORDS
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        size = 1
        first = _first_word(tok, first_words)
        if first is not None:
            for size in range(min(_LONGEST_TRIGGER, len(tokens) - i), 0, -1):
                words = (first, *(_bare(t.key) for t in tokens[i + 1 : i + size]))
                if words in _TRIGGERS:
                    event_type, sub_event, weak = _TRIGGERS[words]
                    if weak and size == 1 and tok.seg.key.endswith("ا") and first != _bare(
                            tok.seg.key):
                        break  # «140 محتجزاً»: a weak word counted, no happening
                    found.append(Trigger(event_type, sub_event, tok, i, weak,
                                         words in _GENERAL))
                    break
            else:
                size = 1
        i += max(size, 1)
    return found


def _by_air_or_ground(tokens: list[Token], triggers: list[Trigger]) -> list[Trigger]:
    """Shelling with no aircraft in the sentence is ground fire, an attack (قصف مدفعي،
    قذائف هاون); an attack whose subject is an aircraft is an air strike (هاجمت مروحيتان)."""
    if not any(t.type in ("strike", "attack") for t in triggers):
        return triggers
    air = [i for i, t in enumerate(tokens) if _bare(t.seg.key) in _AIRCRAFT]
    for t in triggers:
        if t.type == "strike" and t.sub_event.startswith("shelling") and not air:
            t.type = "attack"
        elif t.type == "attack" and any(0 < i - t.index <= _AIR_REACH for i in air):
            t.type, t.sub_event = "strike", "air/drone strike"
    return triggers


def _opening_deed(tokens: list[Token], triggers: list[Trigger], cue: int,
                  text: str) -> Trigger | None:
    """A happening told in its own clause before the report that follows a comma (وطوقت
    القوات القطاع، وقال مصدران إن ...) is the sentence's main happening."""
    before = [t for t in triggers if t.index < cue and t.type != "statement"]
    deed = main_trigger(tokens, before)
    if deed is None or deed.weak:
        return None
    gaps = (text[tokens[i - 1].end:tokens[i].start] for i in range(deed.index + 1, cue + 1))
    return deed if any("،" in gap or "," in gap for gap in gaps) else None


def _topic(tokens: list[Token], trigger: Trigger) -> bool:
    """In what a speaker said, a fight named with the article (الهجوم، التفجير، المعركة)
    is what the words are about, not a new happening, unless a verb tells it happened or
    went on (أن الاشتباكات استمرت، عندما وقع الانفجار)."""
    return trigger.type in ("attack", "strike") and "ال" in trigger.token.seg.proclitics \
        and not going_on(tokens, trigger.index)


def _in_main_clause(tokens: list[Token], trigger: Trigger, content: int,
                    marked: bool = True) -> bool:
    """In what was said, a happening is told near the start of the clause (أن مسلحاً فتح
    النار) or by a bare word (verb or subject); a noun deep in the clause that a
    preposition or the article ties to other words (أسفنا لمقتل، يتطلب الانسحاب) is what
    an opinion is about."""
    if trigger.index - content <= _CLAUSE_HEAD or trigger.type in _NEEDS:
        return True  # needs and flight are told in nouns (الحاجة إلى المأوى، للوافدين)
    if marked and trigger.weak and trigger.type == "other":
        return False  # a deed neither of war nor need deep in what was said (أن ... دمرت)
    if word_kind(tokens[trigger.index - 1]) == "deed":
        return True  # the deed a verb of doing names (بدأ بإطلاق النار، قامت بقصف)
    if after_outcome(tokens, trigger.index) or going_on(tokens, trigger.index):
        return True  # what a happening left (أسفر عن مقتل 14), or that it went on, is told
    tok = trigger.token
    bound = set(tok.seg.proclitics) & {"ال", "ب", "ل", "ك"} \
        or tokens[trigger.index - 1].folded in PREPOSITION_WORDS
    return not bound


def main_trigger(tokens: list[Token], triggers: list[Trigger], start: int = 0) -> Trigger | None:
    """The main happening among the triggers at or after token `start` (rules 4-5)."""
    at = frozenset(t.index for t in triggers)
    candidates = [t for t in triggers if t.index >= start
                  and not subordinate(tokens, t.index, at) and not anaphoric(tokens, t.index)
                  and not described(tokens, t.index, t.type, at)]
    if not candidates:
        return None
    strong = [t for t in candidates if not t.weak]
    chosen = strong[0] if strong else candidates[0]
    if chosen.type == "casualties":
        return _air_means(tokens, candidates, chosen)
    if chosen.sub_event == "natural disaster":
        return _disaster_toll(candidates, chosen)
    if chosen.type in ("attack", "strike") and chosen.index <= start + 1:
        return _toll(tokens, candidates, chosen) or chosen
    return chosen


def _toll(tokens: list[Token], candidates: list[Trigger], subject: Trigger) -> Trigger | None:
    """A clause whose subject is the attack and whose predicate is its toll (الهجوم أسفر عن
    31 قتيلا، إن انفجارا في البلدة أسفر عن مقتل 27) reports the deaths."""
    return next((t for t in candidates if t.index > subject.index and t.type == "casualties"
                 and after_outcome(tokens, t.index)
                 and not any(subject.index < o.index < t.index and o.type != "casualties"
                             for o in candidates)), None)


def _air_means(tokens: list[Token], triggers: list[Trigger], deaths: Trigger) -> Trigger:
    """Deaths give way to the air strike that caused them: «قتل سبعة في غارة» → strike."""
    return next((t for t in triggers if t.index > deaths.index and t.type == "strike"
                 and _by_means(tokens, t.index)), deaths)


def _by_means(tokens: list[Token], index: int) -> bool:
    """The event word is the means of a death: «في غارة»، «بقذائف هاون»، «جراء القصف»;
    not «في الغارات»، the strikes the article already told, where the deaths are the news."""
    tok = tokens[index]
    if "ب" in tok.seg.proclitics:
        return True
    before = tokens[index - 1].folded if index > 0 else ""
    return before in _MEANS and not (before == "في" and "ال" in tok.seg.proclitics)


def _disaster_toll(candidates: list[Trigger], disaster: Trigger) -> Trigger:
    """A disaster told with the deaths it caused (زلزال ... أودى بحياة 300، فيضانات أدت إلى
    مقتل) reports a death toll; one told with damage alone stays `other`."""
    return next((t for t in candidates if t.index > disaster.index
                 and t.type == "casualties" and not t.weak), disaster)


@dataclass(slots=True)
class Happening:
    """A sentence's main happening: its type, the trigger (if any) and where its main actor
    is looked for: after «قال X إن» in a report of a deed, after the cue in a report of
    words (the speaker: قال الوزير), else at the sentence's start."""

    type: str
    sub_event: str
    trigger: Token | None
    clause_start: int
    general: bool = False  # typed by a word as often for everyday things (علاج، مواجهة)
    specific: bool = False  # the sentence has a trigger of war or need that is no such word
    found: tuple[str, ...] = ()  # the types of every trigger in the sentence, main or not


def _told(trigger: Trigger, clause_start: int) -> Happening:
    return Happening(trigger.type, trigger.sub_event, trigger.token, clause_start,
                     trigger.general)


def sentence_type(tokens: list[Token], text: str = "",
                  names: list[tuple[int, int]] | None = None,
                  general: bool = True) -> Happening:
    """The main happening of one sentence (rules 1-6); `text` is the document the tokens
    index, `names` are the spans of organisation names in it (حركة التحرير الوطني): a
    trigger word inside a name names no happening; without `general`, the words of
    event_general_words.tsv (علاج، مواجهة، مساعدات) name none either."""
    triggers = _by_air_or_ground(tokens, find_triggers(tokens))
    specific = any(not t.general and t.type not in ("other", "statement") for t in triggers)
    happening = _main_happening(tokens, text, names, triggers if general else [
        t for t in triggers if not t.general])
    happening.specific = specific
    happening.found = tuple(t.type for t in triggers)
    return happening


def _main_happening(tokens: list[Token], text: str, names: list[tuple[int, int]] | None,
                    triggers: list[Trigger]) -> Happening:
    """Rules 2-6 over the sentence's triggers."""
    if names:
        triggers = [t for t in triggers
                    if not any(a <= t.token.start < b for a, b in names)]
    opening_end = negated_opening(tokens, text)
    triggers = [t for t in triggers if t.index >= opening_end and not denied(tokens, t.index)]
    cue = report_cue(tokens)
    if cue is None:
        cue = cue_after_lead_in(tokens, min(
            (t.index for t in triggers if t.type != "statement"), default=len(tokens)), text)
    start = tokens[0].start if tokens else 0
    appeal = next((i for i, t in enumerate(tokens) if cue_word(t) in _APPEAL_CUES), None)
    if appeal is not None:  # what a speaker calls for (دعا إلى الاستسلام) has not happened,
        need = next((t for t in triggers if t.index > appeal and t.type == "humanitarian"
                     and not t.weak), None)
        if need is not None:  # but a call for aid tells a need (دعا إلى توفير الخيام)
            return _told(need, start)
        triggers = [t for t in triggers if t.index < appeal]
    opening = _opening_deed(tokens, triggers, cue, text) if cue else None
    if opening is not None:  # «وطوقت القوات القطاع، وقال مصدران إنها ...»
        return _told(opening, start)
    if cue is not None:  # what was said decides; that it was said is the fallback
        said = [t for t in triggers if t.type != "statement"]
        marked = content_start(tokens, cue, text)
        if marked is None and cue_word(tokens[cue]) in _STANCE_CUES:
            # «نددت البعثة بالهجوم الذي قتل ...»: a stance on a deed, not the deed
            return Happening("statement", "statement", tokens[cue], tokens[cue].end)
        content = cue + 1 if marked is None else marked
        start = tokens[content].start if content < len(tokens) else tokens[-1].end
        claim = main_trigger(tokens, triggers, cue + 1)
        said = [t for t in said if not _topic(tokens, t) and _in_main_clause(tokens, t, content,
                                                                 marked is not None)]
        chosen = main_trigger(tokens, said, content)
        if chosen is not None and chosen.type == "casualties":  # «أن القيادي قتل في غارة»
            chosen = _air_means(tokens, [t for t in triggers if t.index > content], chosen)
        if chosen is None or claim is not None and claim.sub_event == "claim" \
                and (marked is None or claim.index < content):  # «أعلنت مسؤوليتها عن الهجوم»
            return Happening("statement", "statement", tokens[cue], tokens[cue].end)
    else:
        chosen = main_trigger(tokens, triggers)
    if chosen is None and opening_end:
        return Happening("statement", "statement", None, start)
    if chosen is None:
        return Happening("other", "other", None, start)
    return _told(chosen, start)
