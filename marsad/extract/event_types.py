"""The main happening of a sentence: which trigger types its event, or `statement`/`other`.

Used by `marsad.extract.events`. Rules, in this order:
1. `find_triggers`: every trigger word or phrase of event_triggers.tsv, with its position.
2. `report_cue`: a reporting verb (quote_cues.tsv) that heads the sentence (وقال X إن ...)
   makes it a report: only the triggers in what was reported count (not a fight named
   with the article, which is what the words are about: `_topic`, nor a deed named by a
   noun deep in the clause that an opinion is about: `_in_main_clause`), and a report whose
   content names no happening, or that claims a deed before its content (أعلنت الحركة
   مسؤوليتها عن الهجوم قائلة إن ...), is a `statement`.
3. `_subordinate`: a trigger in a background phrase (منذ بدء الهجوم، بعد أسبوع من المعارك،
   جراء الفيضان، مع تصاعد الهجوم; event_subordinators.tsv) or a purpose (للإفراج عن) is not
   the main happening, nor is what an appeal calls for (دعا إلى الاستسلام), nor one that
   points back to a happening already told (`_anaphoric`: هذا الهجوم، بهجمات كهذه).
4. `main_trigger`: the first trigger left is the main happening, except that a weak trigger
   (a word that names a setting more than a deed: الاحتجاز، النازحين) gives way to a strong
   one later in the sentence, and deaths give way to the air strike that caused them
   (قتل سبعة مدنيين في غارة → strike) but stay the main verb beside a ground attack.
5. Otherwise `other`: a body sentence still reports something (background, damage, a deal).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.lang import load_table
from marsad.text.normalize import fold
from marsad.text.tokens import Token, tokenize

TYPES = (
    "surrender", "capture", "withdrawal", "strike", "attack", "arrest", "displacement",
    "casualties", "threat", "humanitarian", "statement", "other",
)


def _bare(key: str) -> str:
    """A word's key without the article: triggers match with or without it."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _load_triggers() -> dict[tuple[str, ...], tuple[str, str, bool]]:
    """Entries keyed as tokens are (clitic-free, article-free): حتفهم → حتف."""
    rows = load_table("event_triggers.tsv")
    return {tuple(_bare(t.key) for t in tokenize(row[0])): (row[1], row[2],
                                                            len(row) > 3 and row[3] == "weak")
            for row in rows}


_TRIGGERS = _load_triggers()
# first words as token keys, with and without the article, so one set lookup per token
_TRIGGER_FIRST_WORDS = {words[0] for words in _TRIGGERS} | {
    "ال" + words[0] for words in _TRIGGERS}
_LONGEST_TRIGGER = max(len(words) for words in _TRIGGERS)
_SUBORDINATORS = {fold(row[0]): row[1] for row in load_table("event_subordinators.tsv")}
_REPORT_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv")
                if row[1] not in ("participle", "call_participle")}
_ALL_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv")}
_APPEAL_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv")
                if row[1] in ("call", "call_participle")}
_CONTENT_MARKERS = frozenset(fold(w) for w in ("إن", "أن", "بأن", "إنه", "إنها", "أنه", "أنها",
                                                "أنهم", "بأنه", "بأنها", "إنهم"))
_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان"))
_LIKE_THIS = frozenset(fold(w) for w in ("كهذه", "كهذا", "كتلك", "كذلك"))
_MEANS = frozenset(fold(w) for w in ("في", "جراء", "إثر", "بفعل"))
_OPENER = {fold(row[0]): row[1] for row in load_table("quote_speaker_words.tsv")}
# A report's verb comes early: after at most this many words (من جهته، وفي مخيم الهول،).
_REPORT_HEAD = 6
_NEEDS = frozenset(("humanitarian", "displacement"))
_CLAUSE_HEAD = 4  # words into a reported clause where its own happening stands
_PREPOSITION_WORDS = frozenset(fold(w) for w in ("من", "عن", "على", "إلى", "في", "مع"))


@dataclass(slots=True)
class Trigger:
    type: str
    sub_event: str
    token: Token
    index: int
    weak: bool = False


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
                    found.append(Trigger(event_type, sub_event, tok, i, weak))
                    break
            else:
                size = 1
        i += max(size, 1)
    return found


def _cue_word(tok: Token) -> str | None:
    """The reporting verb a token is (quote_cues.tsv), with or without و/ف."""
    key = tok.seg.key
    if key in _ALL_CUES:
        return key
    if tok.folded[:1] in ("و", "ف") and tok.folded[1:] in _ALL_CUES:
        return tok.folded[1:]
    return None


def report_cue(tokens: list[Token]) -> int | None:
    """Index of the reporting verb that heads the sentence, if it is a report: it opens
    the sentence or follows a short lead-in (من جهته، وفي المخيم، قال), or follows a
    subject put first (أما الوزير فقال، غير أن المتحدث ... أكد); «وفق ما أعلن» is no head."""
    opened = bool(tokens) and _OPENER.get(tokens[0].key, _OPENER.get(tokens[0].folded)) == "opener"
    reach = _REPORT_HEAD + 10 if opened else _REPORT_HEAD
    for i, tok in enumerate(tokens[: reach + 1]):
        if _cue_word(tok) in _REPORT_CUES:
            if i >= 1 and tokens[i - 1].folded == "ما":
                return None
            return i
    return None


def _content_start(tokens: list[Token], cue: int) -> int:
    """Index where a report's content begins: after إن/أن (or a colon or quotation mark)
    following the cue; the speaker phrase before it (مصدر طبي في مستشفى) is no content."""
    for i in range(cue + 1, min(len(tokens), cue + 25)):
        if tokens[i].folded in _CONTENT_MARKERS or tokens[i].key in _CONTENT_MARKERS:
            return i + 1
    return cue + 1


def _subordinate(tokens: list[Token], index: int, others: frozenset[int] = frozenset()) -> bool:
    """The trigger at index sits in a background phrase: منذ/بعد/مع/جراء (+ بدء) X, or
    in a purpose (للإفراج عن، لصفقة أكبر): what is meant to happen has not happened.
    `others` are where other triggers stand: a background phrase ends at its own."""
    if "ل" in tokens[index].seg.proclitics:
        return True
    for back in (1, 2, 3):
        j = index - back
        if j < 0 or j in others:  # «منذ انطلاق الهجوم مقتل 19»: past another happening
            return False
        kind = _SUBORDINATORS.get(tokens[j].key) or _SUBORDINATORS.get(tokens[j].folded)
        if kind == "link":
            return True
        if kind == "onset" and j >= 1 and (
                _SUBORDINATORS.get(tokens[j - 1].key) == "link"
                or _SUBORDINATORS.get(tokens[j - 1].folded) == "link"):
            return True
        if kind is None and back >= 2:
            return False
    return False


def _anaphoric(tokens: list[Token], index: int) -> bool:
    """The trigger points back to a happening already told: «هذا الهجوم»، «بهجمات كهذه»."""
    before = tokens[index - 1].folded if index > 0 else ""
    after = tokens[index + 1].folded if index + 1 < len(tokens) else ""
    return before.removeprefix("و") in _DEMONSTRATIVES or after in _LIKE_THIS


def _topic(trigger: Trigger) -> bool:
    """In what a speaker said, a fight named with the article (الهجوم، التفجير، المعركة)
    is what the words are about, not a new happening."""
    return trigger.type in ("attack", "strike") and "ال" in trigger.token.seg.proclitics


def _in_main_clause(tokens: list[Token], trigger: Trigger, content: int) -> bool:
    """In what was said, a happening is told near the start of the clause (أن مسلحاً فتح
    النار) or by a bare word (verb or subject); a noun deep in the clause that a
    preposition or the article ties to other words (أسفنا لمقتل، يتطلب الانسحاب) is what
    an opinion is about."""
    if trigger.index - content <= _CLAUSE_HEAD or trigger.type in _NEEDS:
        return True  # needs and flight are told in nouns (الحاجة إلى المأوى، للوافدين)
    tok = trigger.token
    bound = set(tok.seg.proclitics) & {"ال", "ب", "ل", "ك"} \
        or tokens[trigger.index - 1].folded in _PREPOSITION_WORDS
    return not bound


def main_trigger(tokens: list[Token], triggers: list[Trigger], start: int = 0) -> Trigger | None:
    """The main happening among the triggers at or after token `start` (rules 3-4)."""
    at = frozenset(t.index for t in triggers)
    candidates = [t for t in triggers if t.index >= start
                  and not _subordinate(tokens, t.index, at) and not _anaphoric(tokens, t.index)]
    if not candidates:
        return None
    strong = [t for t in candidates if not t.weak]
    chosen = strong[0] if strong else candidates[0]
    if chosen.type == "casualties":  # «قتل سبعة في غارة»: the strike that killed them
        means = next((t for t in candidates if t.index > chosen.index
                      and t.type == "strike" and _by_means(tokens, t.index)), None)
        return means or chosen
    return chosen


def _by_means(tokens: list[Token], index: int) -> bool:
    """The event word is the means of a death: «في غارة»، «بقذائف هاون»، «جراء القصف»."""
    tok = tokens[index]
    return "ب" in tok.seg.proclitics or index > 0 and tokens[index - 1].folded in _MEANS


@dataclass(slots=True)
class Happening:
    """A sentence's main happening: its type, the trigger (if any) and where the clause
    that reports it begins (after «قال X إن» in a report, else at the sentence's start)."""

    type: str
    sub_event: str
    trigger: Token | None
    clause_start: int


def sentence_type(tokens: list[Token]) -> Happening:
    """The main happening of one sentence (rules 1-5)."""
    triggers = find_triggers(tokens)
    cue = report_cue(tokens)
    start = tokens[0].start if tokens else 0
    appeal = next((i for i, t in enumerate(tokens) if _cue_word(t) in _APPEAL_CUES), None)
    if appeal is not None:  # what a speaker calls for (دعا إلى الاستسلام) has not happened
        triggers = [t for t in triggers if t.index < appeal]
    if cue is not None:  # what was said decides; that it was said is the fallback
        said = [t for t in triggers if t.type != "statement"]
        content = _content_start(tokens, cue)
        start = tokens[content].start if content < len(tokens) else tokens[-1].end
        claim = main_trigger(tokens, triggers, cue + 1)
        said = [t for t in said if not _topic(t) and _in_main_clause(tokens, t, content)]
        chosen = main_trigger(tokens, said, content)
        if chosen is None or claim is not None and claim.sub_event == "claim" \
                and claim.index < content:  # «أعلنت الحركة مسؤوليتها عن الهجوم قائلة إن»
            return Happening("statement", "statement", tokens[cue], start)
    else:
        chosen = main_trigger(tokens, triggers)
    if chosen is None:
        return Happening("other", "other", None, start)
    return Happening(chosen.type, chosen.sub_event, chosen.token, start)
