"""Cue clauses: a reporting verb, the speaker phrase after it, channel, time and content.

Used by `marsad.extract.quotes`. `parse_clause` reads the words after a cue, in order:
1. a quotation mark (speech) or a colon ends the head; a quoted name («قسد») does not;
2. إن/أن (and the cue's own preposition: أشار إلى أن، شدد على أن; an appeal's content
   follows its preposition directly: دعا إلى وقف) opens the content; «قبل أن» does not;
3. a comma (unless a name follows it: «الوزير، أحمد علي،»), a pronoun or relative
   (quote_speaker_words.tsv), a preposition, ل + an outlet (لوكالة الأنباء، لـ«الشرق
   الأوسط»; a subject may still follow a quoted outlet: كشف لـ"الرياض" الدكتور X) or a
   channel (في بيان) or time word (أمس) ends the speaker phrase; an agency right after
   the cue is its subject (ذكرت الأناضول), one after ل is whom it was told (لفرانس برس);
   a present-tense verb (يشتبه) ends the whole
   head (not after a preposition or ب + noun: بجامعة يورك): its أن-clause is its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.extract.quote_cues import (
    CONTENT_MARKERS,
    MAX_SPEAKER_TOKENS,
    attribution_cue,
    cue_key,
    in_speaker_phrase,
    lone_cue_verb,
)
from marsad.extract.quote_speakers import (
    ACCORDING,
    ADVERBS,
    LINKS,
    LIST_OPENERS,
    MEDIA,
    MOUTHPIECES,
    STOPS,
    given_name,
    meeting_verb,
    word_of,
)
from marsad.lang import load_table, load_words
from marsad.model import Span
from marsad.text.normalize import fold
from marsad.text.tokens import Token

_CUE_PREPOSITIONS = {fold(row[0]): row[3] for row in load_table("quote_cues.tsv")
                     if row[3] != "-"}
_CHANNELS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _label in sorted(
    ((tuple(fold(row[0]).split()), row[1]) for row in load_table("quote_channels.tsv")),
    key=lambda c: -len(c[0]),
):
    _CHANNELS.setdefault(_words[0], []).append((_words, _label))
_WEEKDAYS = {fold(row[0]) for row in load_table("weekdays.tsv")}
TIME_WORDS = _WEEKDAYS | {fold(w) for w in ("اليوم", "أمس", "الأمس", "مساء", "صباح", "ليل",
                                              "ظهر", "فجر", "مساءً", "يوم", "الليلة", "غدا")}
_ALEFS = str.maketrans("أإآ", "ااا")
# light forms with a bare alef (إلى and الى alike; على stays apart from علي)
_PREPOSITION_WORDS = ("في", "من", "على", "عن", "إلى", "مع", "منذ", "خلال", "أمام", "لدى", "حول")
_PREPOSITIONS = frozenset(w.translate(_ALEFS) for w in _PREPOSITION_WORDS)
_PREPOSITION_KEYS = frozenset(fold(w) for w in _PREPOSITION_WORDS)  # فيه → في
_NAME_WORDS = 4  # words of a person's name at the end of a role
_LATE_COLON_REACH = 12  # further words a channel or time tail may run before its colon
QUOTE_MARKS = '"«»“”„'
_DASHES = frozenset("–—")  # «وأضاف – نشكر ...»: a dash right after the cue opens speech
_ON = fold("على")
_APPEALS = frozenset({"call", "call_participle"})  # content after إلى/ب is nominal
PARTICIPLES = frozenset({"participle", "call_participle"})  # never a subject of their own
# A role's last word before an agency that the role belongs to (صحافي في فرانس برس, مراسل
# لدى رويترز): the agency is part of who spoke, not the channel.
_AFFILIATIONS = frozenset(fold(w) for w in ("في", "لدى", "ب"))
_CONJUNCTIONS = frozenset(fold(w) for w in ("قبل", "بعد", "دون", "بدون", "منذ", "حتى", "بمجرد"))
_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذا", "ذلك"))
_NISBA = ("ي", "ية", "يون", "يين", "يات")  # يمنية، يونانيون: adjectives, not verbs
_GIVEN = frozenset(fold(w) for w in load_words("given_names.tsv"))
_FUNCTION = load_words("function_words.tsv")


@dataclass(slots=True)
class Clause:
    cue: Token
    kind: str
    speaker_tokens: list[Token] = field(default_factory=list)
    channel: str | None = None
    channel_words: tuple[str, ...] = ()
    time_span: tuple[int, int] | None = None
    content_start: int | None = None  # offset where the reported words begin
    end: int = 0  # offset where the clause's head (speaker, channel, time) ends
    after_colon: bool = False  # the words follow a colon with no إن: direct speech
    mouthpiece: bool = False  # the speaker followed «على لسان»: a subject, not an object


def _channel_at(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """A channel phrase starting at token i (its first word may carry ل): (length, label)."""
    first = tokens[i]
    for words, label in _CHANNELS.get(first.key, []) + _CHANNELS.get(first.folded, []):
        if i + len(words) > len(tokens):
            continue
        if all(
            tokens[i + k].key == w for k, w in enumerate(words[1:], start=1)
        ):
            return len(words), label
    return None


def present_verb(tok: Token) -> bool:
    """A word that reads as a present-tense verb (يشتبه، يطالب): ي + stem, no article, no
    given name; it ends a speaker phrase."""
    return (tok.light[:1] == "ي" and not tok.seg.proclitics and len(tok.light) >= 4
            and not tok.light.endswith(_NISBA) and tok.key not in _GIVEN
            and tok.key not in TIME_WORDS)


def _marker_next(tokens: list[Token], i: int, stop: int) -> bool:
    return i + 1 < stop and (tokens[i + 1].key in CONTENT_MARKERS
                             or tokens[i + 1].folded in CONTENT_MARKERS)


def _press(tok: Token) -> bool:
    """«لـ» (before a quoted outlet) or ل + an outlet noun: whom the words were said to."""
    if tok.folded in ("ل", "لـ"):
        return True
    return "ل" in tok.seg.proclitics and fold(tok.seg.stem) in MEDIA


def _content_after(tokens: list[Token], i: int, stop: int) -> int | None:
    """Where the content begins after the token at i: past a following إن/أن too."""
    if _marker_next(tokens, i, stop):
        i += 1
    return tokens[i + 1].start if i + 1 < stop else None


def parse_clause(text: str, tokens: list[Token], ci: int, stop: int, quotes: list[Span],
                  names: set[Span], name_starts: set[int], cue_kind: str,
                  person_starts: frozenset[int] = frozenset()) -> Clause:
    """Read speaker, channel, time and the start of the content after the cue at token ci;
    `person_starts` are where person names begin (a name after a comma is in apposition)."""
    clause = Clause(tokens[ci], cue_kind)
    preposition = _CUE_PREPOSITIONS.get(cue_key(tokens[ci]) or "")
    i = ci + 1
    in_tail = False  # past the speaker: only channel and time words may follow
    tail_from: int | None = None  # the first word left out of the speaker phrase
    while i < stop and i - ci <= MAX_SPEAKER_TOKENS + 6:
        tok = tokens[i]
        clause.end = tok.start
        gap = text[tokens[i - 1].end : tok.start]
        if "/" in gap:  # the colon of a link (http://) opens nothing
            gap = gap.replace(":", "")
        quote = next((q for q in quotes if q.start <= tok.start < q.end), None)
        if quote is not None and quote not in names:
            break
        if quote is not None and tok.start == quote.start and cue_kind in _APPEALS \
                and any(word_of(t) in LINKS for t in clause.speaker_tokens[:-1]):
            in_tail = True  # «دعا المتحدث باسم الحركة المسلحة "أنصار الدولة"»: whom he called
        if quote is None and any(c in gap for c in QUOTE_MARKS) and not any(
                q.end <= tok.start and q.end >= tokens[i - 1].end for q in quotes):
            break
        if ":" in gap and word_of(tokens[i - 1]) in LIST_OPENERS:
            return clause  # «عن الأعراض، مثل: القيء»: a list, not what was said
        if i == ci + 1 and (_DASHES & set(gap) or " - " in gap):
            clause.content_start, clause.after_colon = tok.start, True
            return clause
        if ":" in gap:  # «قالت الوزارة: إن ...»: the words after the colon, past إن
            marker = tok.seg.key in CONTENT_MARKERS or tok.folded in CONTENT_MARKERS
            clause.content_start = tokens[i + 1].start if marker and i + 1 < stop else tok.start
            clause.after_colon = not marker
            return clause
        if ("،" in gap or "," in gap) and not (not in_tail and _name_ahead(
                tokens, i, stop, clause.speaker_tokens, person_starts)):
            in_tail = in_tail or bool(clause.speaker_tokens)  # «الوزير، أحمد علي،» goes on
        key = tok.key  # a name that folds like a complementiser (بان كي مون) is none
        marker = (key in CONTENT_MARKERS or tok.folded in CONTENT_MARKERS) \
            and tok.start not in person_starts
        if marker and tokens[i - 1].folded in _CONJUNCTIONS:
            break  # «قبل أن يخسرها»: a time clause, not what was said
        if marker:  # a cue word right
            # after it opens the content (أوضح أنه يقدر ...): the caller drops that cue
            clause.content_start = tokens[i + 1].start if i + 1 < len(tokens) else None
            if tail_from is not None:
                _name_after_role(clause, tokens[tail_from:i], person_starts)
            return clause
        if tok.folded == _ON and i + 2 < stop and word_of(tokens[i + 1]) in MOUTHPIECES:
            clause.speaker_tokens, in_tail, tail_from = [], False, None
            clause.mouthpiece = True
            i += 2  # «قالت البلدية على لسان رئيسها X»: X speaks for it
            continue
        own = bool(preposition) and _bare_alef(tok.light) == _bare_alef(preposition)  # not علي
        if own and cue_kind in _APPEALS and clause.speaker_tokens \
                and _name_soon(tokens, i, stop, person_starts):
            pass  # «دعا المبعوث الدولي إلى اليمن X إلى ...»: the role goes on
        elif own:
            if cue_kind in _APPEALS or _marker_next(tokens, i, stop):
                clause.content_start = _content_after(tokens, i, stop)
                return clause
            in_tail = True  # «حذر من استمرار ...»: a topic, not reported words
        elif _is_preposition(tok) and _marker_next(tokens, i, stop):
            clause.content_start = _content_after(tokens, i, stop)  # «كشف مصدر إلى أن»
            return clause
        if preposition == "ب" and tok.seg.proclitics[-1:] in (("ب",), ("ال",)) \
                and "ب" in tok.seg.proclitics and clause.speaker_tokens:
            in_tail = True  # «رحب المبعوث بالاتفاق»: the object, no more speaker
        if not clause.speaker_tokens and (_is_preposition(tok)
                                          or tok.seg.enclitics and tok.key in _PREPOSITION_KEYS
                                          or set(tok.seg.proclitics) & {"ب", "ل", "ك"}
                                          and tok.start not in name_starts
                                          and not _ba_name(tokens, i, stop)
                                          and not _lone_subject(tokens, i, ci, stop)):
            in_tail = True  # «أعلن في العام»، «أعلنت فيه»، «دعت لإنشاء»: no subject follows
        if _press(tok):
            clause.channel = clause.channel or "press"
            after = _past_quoted_outlet(quotes, tokens, i, stop)
            if not clause.speaker_tokens and after is not None:
                i = after  # «كشف لـ"الرياض" الدكتور ...»: the subject follows the outlet
                continue
            in_tail = True
        if not clause.speaker_tokens and word_of(tok) in ADVERBS:
            i += 1  # «وأكد أيضا الوزير»، «وأضاف لاحقا أن»: no subject yet
            continue
        if not clause.speaker_tokens and word_of(tok) in _DEMONSTRATIVES and i + 1 < stop \
                and (_press(tokens[i + 1]) or _is_preposition(tokens[i + 1])):
            i += 1  # «كشف هذا لـ ...»، «أكد ذلك في ...»: the object, a subject may follow
            continue
        if word_of(tok) in STOPS or key in STOPS or word_of(tok) in ACCORDING \
                or clause.speaker_tokens and meeting_verb(tok):  # «سكان التقاهم مراسلنا»
            in_tail = True  # «وشدد رئيس الوزراء بحسب القناة على أن»: the source is no role
        if not in_tail and clause.speaker_tokens and present_verb(tok) \
                and tok.start not in name_starts and not _governs_a_noun(tokens[i - 1]):
            break  # another verb: what follows is its own clause
        channel = _channel_at(tokens, i)
        if channel and i == ci + 1 and channel[1] == "agency" \
                and "ل" not in tok.seg.proclitics:  # «وذكرت الأناضول أن»; not «لفرانس برس»
            clause.speaker_tokens.extend(tokens[i:i + channel[0]])
            in_tail = True
            i += channel[0]
            continue
        if channel and not in_tail and clause.speaker_tokens and channel[1] == "agency" \
                and word_of(tokens[i - 1]) in _AFFILIATIONS:
            clause.speaker_tokens.extend(tokens[i:i + channel[0]])  # «صحافي في فرانس برس»
            in_tail = True
            i += channel[0]
            continue
        if channel:
            clause.channel = clause.channel or channel[1]
            clause.channel_words = tuple(t.key for t in tokens[i:i + channel[0]])
            in_tail = True
            i += channel[0]
            continue
        if key in TIME_WORDS or tok.folded in TIME_WORDS:
            clause.time_span = clause.time_span or (tok.start, tok.end)
            in_tail = in_tail or bool(clause.speaker_tokens)  # «قال أمس مسؤول»: one may follow
            i += 1
            continue
        if cue_key(tok) and not in_speaker_phrase(tokens, i) and not attribution_cue(tokens, i) \
                and not lone_cue_verb(tokens, i):
            break
        if not in_tail:
            clause.speaker_tokens.append(tok)
        elif tail_from is None:
            tail_from = i
        i += 1
    if i < stop and in_tail and clause.content_start is None:
        _late_colon(text, tokens, i, stop, clause)
    return clause


def _late_colon(text: str, tokens: list[Token], i: int, stop: int, clause: Clause) -> None:
    """«أعلن X، في تعليق على ... مساء أمس: لن ...»: a long adverbial tail may still end in
    the colon that opens the speech, if no mark, full stop or content word comes first."""
    for j in range(i, min(stop, i + _LATE_COLON_REACH)):
        gap = text[tokens[j - 1].end : tokens[j].start]
        if ":" in gap and "/" not in gap:  # not the colon of a link
            clause.content_start, clause.after_colon = tokens[j].start, True
            return
        if any(c in gap for c in QUOTE_MARKS + ".؟!؛") or tokens[j].key in CONTENT_MARKERS:
            return


def _name_after_role(clause: Clause, tail: list[Token], person_starts: frozenset[int]) -> None:
    """A role that ran on past a preposition ends in the speaker's name just before أن
    (أكد عضو مجلس الإدارة والمشرف على الفريق مروان دفتردار أن): the name, with the words
    between, joins the phrase; not when they say to whom or when (لنظيره، في تصريح له)."""
    if not clause.speaker_tokens or clause.channel or clause.time_span \
            or any(t.start in person_starts for t in clause.speaker_tokens):
        return
    named = next((k for k, t in enumerate(tail) if t.start in person_starts), None)
    if named is None or len(tail) - named > _NAME_WORDS \
            or any(t.seg.enclitics or word_of(t) in STOPS for t in tail):
        return
    clause.speaker_tokens.extend(tail)


def _name_soon(tokens: list[Token], i: int, stop: int, person_starts: frozenset[int]) -> bool:
    """«دعا المبعوث الدولي إلى اليمن X إلى ...»: a person named within two words after the
    appeal's preposition ends its speaker's role, not the appeal."""
    return any(tokens[j].start in person_starts for j in range(i + 1, min(stop, i + 3)))


def _bare_alef(word: str) -> str:
    return word.translate(_ALEFS)


def _is_preposition(tok: Token) -> bool:
    return _bare_alef(tok.light) in _PREPOSITIONS


def _ba_name(tokens: list[Token], i: int, stop: int) -> bool:
    """«وأضاف باسلمة إن»: a family name in با (باسلمة، باعباد) read as ب + noun, when
    إن/أن, a preposition or the end of the head follows it."""
    tok = tokens[i]
    if not tok.folded.startswith("با") or "ال" in tok.seg.proclitics or tok.seg.enclitics:
        return False
    return i + 1 >= stop or _marker_next(tokens, i, stop) or _is_preposition(tokens[i + 1])


def _lone_subject(tokens: list[Token], i: int, ci: int, stop: int) -> bool:
    """«وأكد لافال أن»، «وقال كيري إن»: the one word between a cue and إن/أن is its subject
    though it reads as ل/ك + noun, unless it is a function word, a pronoun-suffixed word
    (وقال لهم إن), one with the article (للجزيرة) or an adverbial accusative (لاحقا); not
    after ب, which is mostly a manner (وقال بوضوح إن)."""
    tok = tokens[i]
    return i == ci + 1 and _marker_next(tokens, i, stop) and not tok.seg.enclitics \
        and tok.seg.proclitics in (("ل",), ("ك",)) \
        and tok.light not in _FUNCTION and len(tok.light) >= 4 and not tok.light.endswith("ا") \
        and tok.key not in TIME_WORDS


def _governs_a_noun(tok: Token) -> bool:
    """A preposition, or ب/ل + a noun without the article (بجامعة، لشركة): the next word
    is a noun (بجامعة يورك), not a verb."""
    proclitics = tok.seg.proclitics
    return _is_preposition(tok) or (
        bool({"ب", "ل"} & set(proclitics)) and "ال" not in proclitics)


def _name_ahead(tokens: list[Token], i: int, stop: int, phrase: list[Token],
                person_starts: frozenset[int]) -> bool:
    """After a comma, the speaker phrase goes on to a name: one starts at token i, or the
    phrase so far names nobody and a name (or a given name) comes before any content
    (رئيس اللجنة، المبتعث لدراسة الدكتوراه سالم علي، إن ...)."""
    if tokens[i].start in person_starts:
        return True
    if not phrase or any(t.start in person_starts for t in phrase):
        return False
    for j in range(i, min(stop, i + 10)):
        if tokens[j].key in CONTENT_MARKERS or tokens[j].folded in CONTENT_MARKERS:
            return False
        if tokens[j].start in person_starts or given_name(tokens[j]):
            return True
    return False


def _past_quoted_outlet(quotes: list[Span], tokens: list[Token], i: int, stop: int) -> int | None:
    """Index of the first token after a quoted outlet that follows «لـ» at i, if any."""
    if tokens[i].folded not in ("ل", "لـ") or i + 1 >= stop:
        return None
    quote = next((q for q in quotes if q.start <= tokens[i + 1].start < q.end), None)
    if quote is None:
        return None
    j = i + 1
    while j < stop and tokens[j].start < quote.end:
        j += 1
    return j if j < stop else None
