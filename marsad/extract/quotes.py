"""Who said what: direct and indirect speech with speakers, roles, cues, channels and dates.

Rules, tried in this order within each sentence:
1. `_direct_spans`: text in quotation marks («» “” "" „“) that reads as speech (a cue
   nearby, or long enough not to be a scare-quoted name).
2. `_cue_clauses`: every reporting verb or participle (quote_cues.tsv) opens a clause: the
   speaker phrase after it, then channel and time words, then the content — a quotation,
   or the clause after إن/أن (after إلى/ب for appeals), or after a colon.
3. A clause with no speaker of its own whose cue continues (وأضاف، مضيفاً) takes the last
   speaker of the document; a direct quote with no cue before it looks for one right after
   it ("..."، قال X) and otherwise continues the last speaker when it opens its sentence.
Speaker phrases are split into role and name with the document's person mentions when
the caller gives them, else with the given-names lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from marsad.lang import load_table, load_words
from marsad.model import Span
from marsad.text.normalize import fold
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize

_CUES = {fold(row[0]): (row[1], row[2] == "yes") for row in load_table("quote_cues.tsv")}
_CUE_PREPOSITIONS = {fold(row[0]): fold(row[3]) for row in load_table("quote_cues.tsv")
                     if row[3] != "-"}
_CHANNELS = sorted(
    ((tuple(fold(row[0]).split()), row[1]) for row in load_table("quote_channels.tsv")),
    key=lambda c: -len(c[0]),
)
_WEEKDAYS = {fold(row[0]) for row in load_table("weekdays.tsv")}
_TIME_WORDS = _WEEKDAYS | {fold(w) for w in ("اليوم", "أمس", "الأمس", "مساء", "صباح", "ليل",
                                              "ظهر", "فجر", "مساءً", "يوم", "الليلة", "غدا")}
_CONTENT_MARKERS = {fold(w) for w in ("إن", "أن", "بأن", "إنه", "إنها", "إنهم", "أنه", "أنها",
                                      "أنهم", "بأنه", "بأنها", "بأنهم", "إننا", "أننا")}
# A speaker phrase never starts with a preposition: «أعلن في العام ...» has no subject.
_PREPOSITIONS = {fold(w) for w in ("في", "من", "على", "عن", "إلى", "مع", "منذ", "خلال")}
_DIRECT = re.compile(r'«[^«»\n]{2,3000}»|“[^“”\n]{2,3000}”|„[^„“\n]{2,3000}“|"[^"\n]{2,3000}"'
                     r'|”[^”\n]{2,3000}”')
# A quoted phrase this short with no cue beside it is a name or a scare quote, not speech;
# even beside a cue, speech has at least _MIN_CUED_WORDS words.
_MIN_UNCUED_WORDS = 6
_MIN_CUED_WORDS = 3
# A quotation right after one of these nouns names the thing (منظمة "..."), it is no speech.
_NAMING_NOUNS = frozenset(fold(w) for w in load_words("entity_triggers.tsv"))
_MAX_SPEAKER_TOKENS = 14
_BETWEEN_QUOTE_AND_CUE = ' \t"«»“”„،,.-–—'



def _given_names() -> frozenset[str]:
    try:
        return frozenset(fold(w) for w in load_words("given_names.tsv"))
    except FileNotFoundError:
        return frozenset()


_GIVEN_NAMES = _given_names()


def _cue_key(tok: Token) -> str | None:
    """The cue a token is, if any; a leading و/ف counts as a conjunction even where the
    segmenter kept it (ودعا is read as ودّع "bade farewell" out of context)."""
    if tok.key in _CUES:
        return tok.key
    if tok.folded[:1] in ("و", "ف") and tok.folded[1:] in _CUES:
        return tok.folded[1:]
    return None


@dataclass(slots=True)
class Speaker:
    name: str | None
    title: str | None = None
    entity: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name, "title": self.title,
                "start": self.start, "end": self.end}


@dataclass(slots=True)
class Quote:
    id: str
    doc: str
    start: int
    end: int
    text: str
    direct: bool
    speaker: Speaker
    cue: str | None
    channel: str | None = None
    said_on: str | None = None
    sentence: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "doc": self.doc, "start": self.start, "end": self.end,
            "text": self.text, "direct": self.direct, "speaker": self.speaker.to_dict(),
            "cue": self.cue, "channel": self.channel, "said_on": self.said_on,
            "sentence": list(self.sentence),
        }


@dataclass(slots=True)
class PersonMention:
    """A mention the entity layer found, used to split speaker phrases into role and name."""

    start: int
    end: int
    type: str
    entity: str | None = None


@dataclass(slots=True)
class _Clause:
    cue: Token
    kind: str
    continues: bool
    speaker_tokens: list[Token] = field(default_factory=list)
    channel: str | None = None
    time_span: tuple[int, int] | None = None
    content_start: int | None = None  # offset where the reported words begin


def _direct_spans(text: str) -> list[Span]:
    """Inner spans of quotations (marks excluded), whitespace trimmed."""
    spans = []
    for match in _DIRECT.finditer(text):
        start, end = match.start() + 1, match.end() - 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


def _channel_at(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """A channel phrase starting at token i (its first word may carry ل): (length, label)."""
    for words, label in _CHANNELS:
        if i + len(words) > len(tokens):
            continue
        if words[0] in (tokens[i].key, tokens[i].folded) and all(
            tokens[i + k].key == w for k, w in enumerate(words[1:], start=1)
        ):
            return len(words), label
    return None


def _parse_clause(text: str, tokens: list[Token], ci: int, stop: int, quotes: list[Span],
                  cue_kind: str, continues: bool) -> _Clause:
    """Read speaker, channel, time and the start of the content after the cue at token ci."""
    clause = _Clause(tokens[ci], cue_kind, continues)
    cue_key = _cue_key(tokens[ci])
    i = ci + 1
    in_tail = False  # past the speaker: only channel and time words may follow
    while i < stop and i - ci <= _MAX_SPEAKER_TOKENS + 6:
        tok = tokens[i]
        gap = text[tokens[i - 1].end : tok.start]
        if '"' in gap or "«" in gap or "“" in gap or "”" in gap:
            break
        if ":" in gap:
            clause.content_start = tok.start
            return clause
        key = tok.key
        if key in _CONTENT_MARKERS or tok.folded in _CONTENT_MARKERS:
            clause.content_start = tokens[i + 1].start if i + 1 < stop else None
            return clause
        if tok.folded == _CUE_PREPOSITIONS.get(cue_key):
            clause.content_start = tokens[i + 1].start if i + 1 < stop else None
            return clause
        if not clause.speaker_tokens and tok.folded in _PREPOSITIONS:
            in_tail = True
        if any(q.start <= tok.start < q.end for q in quotes):
            break
        channel = _channel_at(tokens, i)
        if channel:
            clause.channel = clause.channel or channel[1]
            in_tail = True
            i += channel[0]
            continue
        if key in _TIME_WORDS or tok.folded in _TIME_WORDS:
            clause.time_span = clause.time_span or (tok.start, tok.end)
            in_tail = True
            i += 1
            continue
        if _cue_key(tok):
            break
        if not in_tail:
            clause.speaker_tokens.append(tok)
        i += 1
    return clause


def _split_speaker(text: str, toks: list[Token], persons: list[PersonMention]) -> Speaker:
    """Role and name of a speaker phrase: the person mention is the name, the rest the role."""
    start, end = toks[0].start, toks[-1].end
    inside = [p for p in persons if start <= p.start and p.end <= end]
    person = next((p for p in inside if p.type == "PER"), None)
    if person is not None:
        title = text[start:person.start].strip() or None
        return Speaker(text[person.start:person.end], title, person.entity, person.start,
                       person.end)
    named = next((k for k, t in enumerate(toks) if t.key in _GIVEN_NAMES and k > 0), None)
    if named is not None:
        name_start = toks[named].start
        return Speaker(text[name_start:end], text[start:name_start].strip() or None, None,
                       name_start, end)
    org = next((p for p in inside if p.start == start and p.type != "PER"), None)
    if org is not None:
        org_end = _extend_with_place(text, org.end, inside)
        return Speaker(text[start:org_end], None, org.entity, start, org_end)
    phrase = text[start:end]
    return Speaker(phrase, phrase if len(toks) > 1 else None, None, start, end)


def _reads_as_speech(text: str, quote: Span, tokens: list[Token]) -> bool:
    """Long enough to be speech, and not the name after a naming noun (حركة "...")."""
    if len(text[quote.start:quote.end].split()) < _MIN_CUED_WORDS:
        return False
    before = [t for t in tokens if t.end <= quote.start]
    return not before or not {before[-1].key, before[-1].folded} & _NAMING_NOUNS


def _addressee(toks: list[Token]) -> bool:
    """«دعا أنصاره إلى»: one word with a pronoun suffix is whom the cue addresses."""
    return len(toks) == 1 and bool(toks[0].seg.enclitics)


def _back_reference(speaker: Speaker, toks: list[Token], last: Speaker | None) -> Speaker:
    """«وقال المسؤول» after «قال مسؤول إعلامي ...»: a bare definite role word that the
    last speaker's phrase holds is that speaker again."""
    if last is None or len(toks) != 1 or not toks[0].key.startswith("ال"):
        return speaker
    word = toks[0].key[2:]
    held = fold(f"{last.name or ''} {last.title or ''}").split()
    return last if word in held or toks[0].key in held else speaker


def _extend_with_place(text: str, end: int, mentions: list[PersonMention]) -> int:
    """An institution's name goes on over «في <place>» (وزارة الصحة في ولاية كسلا)."""
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start > end and text[end:m.start].strip() in ("في", "ب"):
            return m.end
    return end


def _content_end(text: str, sentence: Span, start: int, next_cue: int | None) -> int:
    end = sentence.end if next_cue is None else next_cue
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,؛;:!؟?"):
        end -= 1
    return end


def extract_quotes(
    doc_id: str,
    text: str,
    persons: list[PersonMention] | None = None,
    times: list[dict[str, Any]] | None = None,
) -> list[Quote]:
    """All quotes of one document, in text order, each with its speaker and cue."""
    persons = persons or []
    day_values = {
        (t["start"], t["end"]): t["value"]
        for t in times or []
        if t.get("value") and len(str(t["value"])) == 10
    }
    direct = _direct_spans(text)
    tokens = tokenize(text)
    quotes: list[Quote] = []
    last_speaker: Speaker | None = None
    t0 = 0
    for sentence in split_sentences(text):
        while t0 < len(tokens) and tokens[t0].start < sentence.start:
            t0 += 1
        t1 = t0
        while t1 < len(tokens) and tokens[t1].end <= sentence.end:
            t1 += 1
        sent_tokens = tokens[t0:t1]
        sent_quotes = [q for q in direct if sentence.start <= q.start and q.end <= sentence.end]
        found, last_speaker = _sentence_quotes(
            doc_id, text, sentence, sent_tokens, sent_quotes, persons, day_values, last_speaker
        )
        quotes.extend(found)
        t0 = t1
    return quotes


def _sentence_quotes(doc_id: str, text: str, sentence: Span, tokens: list[Token],
                     direct: list[Span], persons: list[PersonMention],
                     day_values: dict[tuple[int, int], str],
                     last_speaker: Speaker | None) -> tuple[list[Quote], Speaker | None]:
    cue_positions = [
        i for i, t in enumerate(tokens)
        if _cue_key(t) and not any(q.start <= t.start < q.end for q in direct)
    ]
    quotes: list[Quote] = []
    claimed: set[int] = set()
    for n, ci in enumerate(cue_positions):
        kind, continues = _CUES[_cue_key(tokens[ci]) or ""]
        stop = cue_positions[n + 1] if n + 1 < len(cue_positions) else len(tokens)
        clause = _parse_clause(text, tokens, ci, stop, direct, kind, continues)
        if clause.speaker_tokens and not _addressee(clause.speaker_tokens):
            speaker = _split_speaker(text, clause.speaker_tokens, persons)
            speaker = _back_reference(speaker, clause.speaker_tokens, last_speaker)
        elif last_speaker is not None:  # no subject of its own: the last speaker goes on
            speaker = last_speaker
        else:
            continue
        next_cue = tokens[stop].start if stop < len(tokens) else None
        said_on = day_values.get(clause.time_span) if clause.time_span else None
        own = [i for i, q in enumerate(direct) if q.start >= tokens[ci].end
               and (next_cue is None or q.start < next_cue) and i not in claimed
               and _reads_as_speech(text, q, tokens)]
        if not own and clause.content_start is None:
            own = [i for i, q in enumerate(direct) if i not in claimed
                   and q.end <= tokens[ci].start
                   and not text[q.end:tokens[ci].start].strip(_BETWEEN_QUOTE_AND_CUE)]
        if own:
            for i in own:
                claimed.add(i)
                quotes.append(_quote(doc_id, text, direct[i], True, speaker, tokens[ci],
                                     clause.channel, said_on, sentence))
        elif clause.content_start is None and kind == "announce" and clause.speaker_tokens \
                and speaker.end is not None and speaker.end < clause.speaker_tokens[-1].end:
            # «أعلنت الوزارة تسجيل 47 حالة»: what was announced follows the institution
            start = next(t.start for t in clause.speaker_tokens if t.start >= speaker.end)
            end = _content_end(text, sentence, start, next_cue)
            quotes.append(_quote(doc_id, text, Span(start, end), False, speaker, tokens[ci],
                                 clause.channel, said_on, sentence))
        elif clause.content_start is not None:
            end = _content_end(text, sentence, clause.content_start, next_cue)
            if end - clause.content_start >= 8:
                quotes.append(_quote(doc_id, text, Span(clause.content_start, end), False,
                                     speaker, tokens[ci], clause.channel, said_on, sentence))
        else:
            continue
        last_speaker = speaker
    for i, q in enumerate(direct):
        if i in claimed or len(text[q.start:q.end].split()) < _MIN_UNCUED_WORDS:
            continue
        opens_sentence = not text[sentence.start:q.start].strip(' "«“„”')
        if opens_sentence and last_speaker is not None:
            quotes.append(_quote(doc_id, text, q, True, last_speaker, None, None, None, sentence))
    quotes.sort(key=lambda q: q.start)
    return quotes, last_speaker


def _quote(doc_id: str, text: str, span: Span, direct: bool, speaker: Speaker,
           cue: Token | None, channel: str | None, said_on: str | None,
           sentence: Span) -> Quote:
    return Quote(
        id=f"{doc_id}:quote:{span.start}", doc=doc_id, start=span.start, end=span.end,
        text=text[span.start:span.end], direct=direct, speaker=speaker,
        cue=cue.text if cue else None, channel=channel, said_on=said_on,
        sentence=(sentence.start, sentence.end),
    )
