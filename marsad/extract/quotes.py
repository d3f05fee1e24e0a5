"""Who said what: direct and indirect speech with speakers, roles, cues, channels and dates.

Rules, tried in this order within each sentence:
1. `quote_marks.direct_spans`: text in quotation marks («» “” "" „“; straight marks nest,
   one left open after a colon runs to the line end). A quotation belongs to the sentence
   it opens in. `quote_marks.name_quotes`: a short one («قسد»), one a name mention fills,
   or a quoted office before a name names, not quotes; so does one after a naming word.
2. `quote_clauses.parse_clause`: every reporting verb or participle (quote_cues.tsv)
   opens a clause: the speaker phrase after it, then channel and time words, then the
   content — a quotation, or the clause after إن/أن (after إلى/على/من/ب when an أن-clause
   follows, or directly for appeals: دعا إلى), or after a colon (direct speech). «بحسب ما
   أعلن» is no cue, nor is a bare verb inside the clause another cue reports.
3. `quote_attribution.clause_speaker` (with `quote_speakers`, `quote_references`): who
   speaks the clause — its own subject, one it points back to, or the speaker it continues.
4. A quotation after an indirect clause of the same cue (أن X، وأن "...") makes two items;
   a short quotation inside the clause (إن مقاتليه "طهّروا") is the one, direct, item.
5. A direct quote with no cue before it looks for one right after it ("..."، قال X) and
   otherwise continues the last speaker when it opens its sentence.
`said_on` is the day of a time expression between the cue and the content (أمس، الإثنين).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.extract.quote_attribution import DocState, clause_speaker
from marsad.extract.quote_clauses import PARTICIPLES, Clause, parse_clause
from marsad.extract.quote_cues import (
    CUES,
    attribution_cue,
    cue_key,
    in_speaker_phrase,
    lone_cue_verb,
)
from marsad.extract.quote_marks import MIN_CUED_WORDS, MIN_UNCUED_WORDS, direct_spans, name_quotes
from marsad.extract.quote_references import attributions
from marsad.extract.quote_speakers import MEDIA, NAMING, PersonMention, Speaker
from marsad.lang import load_words
from marsad.model import Span
from marsad.text.normalize import fold
from marsad.text.tokens import Token, tokenize_sentences

__all__ = ["PersonMention", "Quote", "Speaker", "extract_quotes"]

# A quotation right after one of these nouns names the thing (منظمة "..."), it is no speech.
_NAMING = frozenset(fold(w) for w in load_words("entity_triggers.tsv")) | NAMING
_NISBA_ENDINGS = ("ي", "ية")  # الأسبوعية، المصري: an adjective between a noun and its name
_WHERE = frozenset(fold(w) for w in ("في", "عبر"))
_CLAUSE_BREAKS = '،,.؛;:"«»“”'
_BETWEEN_QUOTE_AND_CUE = ' \t"«»“”„،,.-–—'
# After a comma, these open a new reported clause (، وأن "..."، إلا أن "...").
_CLAUSE_OPENER = re.compile(r"\s*(?:و|ف)?(?:أن|إن|بأن|إلا أن|غير أن|لكن|ولكن)\b")


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


def _reads_as_speech(quote: Span, tokens: list[Token], names: set[Span]) -> bool:
    """No name (see `name_quotes`), and not the name after a naming noun (حركة "..."); a
    noun with a pronoun suffix names nothing (إن قواته "سجّلت ...")."""
    return quote not in names and not _named_by(quote, tokens)


def _named_by(quote: Span, tokens: list[Token]) -> bool:
    """The quotation follows a naming noun or word without a pronoun suffix, or an outlet
    after a preposition and its nisba adjective (في الصحيفة الأسبوعية "..."): a name."""
    before = [t for t in tokens if t.end <= quote.start]
    if len(before) >= 3 and before[-1].light.startswith("ال") \
            and before[-1].light.endswith(_NISBA_ENDINGS) and _in_medium(before[-3:-1]):
        return True
    return bool(before) and not before[-1].seg.enclitics \
        and bool({before[-1].key, before[-1].folded} & _NAMING)


def _in_medium(words: list[Token]) -> bool:
    """«في الصحيفة»، «لمجلة»: an outlet after a preposition is where, not who spoke."""
    where, noun = words
    return fold(noun.seg.stem) in MEDIA and (
        bool(set(noun.seg.proclitics) & {"ل", "ب"}) or where.folded in _WHERE)


def _content_end(text: str, sentence: Span, start: int, next_cue: int | None) -> int:
    end = sentence.end if next_cue is None else next_cue
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,؛;:!؟?"):
        end -= 1
    return end


def _fragment(text: str, quote: Span, doc: DocState, content: int | None) -> bool:
    """A short quotation inside the reported clause (إن مقاتليه "طهّروا" المستشفى), unless
    it is one word with the article in mid-clause: a term (جديرة بالسياحة "البيئية")."""
    if quote not in doc.fragments or content is None or quote.start < content:
        return False
    word = text[quote.start:quote.end]
    return quote.start <= content + 1 or " " in word or not word.startswith("ال")


def _inside_content(text: str, cue: Token, content_start: int | None) -> bool:
    """A bare reporting verb inside the clause a cue reports, with no punctuation between
    (أن المركز دعا الأطباء إلى ...): its subject is in that clause, it is no new cue."""
    if content_start is None or cue.start < content_start or cue.folded[:1] in ("و", "ف"):
        return False
    if CUES[cue_key(cue) or ""][0] in PARTICIPLES:
        return False
    return not any(c in text[content_start:cue.start] for c in _CLAUSE_BREAKS)


def _lead_clause(text: str, start: int | None, quote_start: int) -> Span | None:
    """The reported clause before a later quotation of the same cue, when a new clause
    opens the quotation (أن X، وأن "..."، أن X، إلا أن "..."): its own indirect item."""
    if start is None or quote_start <= start:
        return None
    comma = max(text.rfind("،", start, quote_start), text.rfind(",", start, quote_start))
    if comma < 0 or not _CLAUSE_OPENER.match(text, comma + 1, quote_start):
        return None
    end = comma
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if len(text[start:end].split()) >= MIN_CUED_WORDS else None


def _said_on(clause: Clause, day_times: list[tuple[int, int, str]]) -> str | None:
    """The day a time expression in the clause's head names (قال أمس، أعلن الإثنين)."""
    head_end = clause.content_start or clause.end or clause.cue.end
    for start, _end, value in day_times:
        if clause.cue.end <= start < head_end:
            return value
    return None


def extract_quotes(
    doc_id: str,
    text: str,
    persons: list[PersonMention] | None = None,
    times: list[dict[str, Any]] | None = None,
) -> list[Quote]:
    """All quotes of one document, in text order, each with its speaker and cue."""
    persons = sorted(persons or [], key=lambda p: p.start)
    day_times = sorted(
        (t["start"], t["end"], str(t["value"])) for t in times or []
        if t.get("value") and len(str(t["value"])) == 10
    )
    direct = direct_spans(text)
    full_names = frozenset(p.start for p in persons
                           if p.type == "PER" and " " in text[p.start:p.end])
    names, fragments = name_quotes(text, direct, persons)
    doc = DocState(doc_id, text, persons, day_times, names, fragments, {p.start for p in persons},
               full_names)
    quotes: list[Quote] = []
    q0 = 0
    for sentence, sent_tokens in tokenize_sentences(text):
        while q0 < len(direct) and direct[q0].end <= sentence.start:
            q0 += 1
        around = []
        for q in direct[q0:]:
            if q.start >= sentence.end:
                break
            around.append(q)
        own = [q for q in around if q.start >= sentence.start]
        quotes.extend(_sentence_quotes(doc, sentence, sent_tokens, own, around))
    return quotes


def _sentence_quotes(doc: DocState, sentence: Span, tokens: list[Token], direct: list[Span],
                     around: list[Span]) -> list[Quote]:
    doc_id, text, names, state = doc.id, doc.text, doc.names, doc
    cue_positions = [
        i for i, t in enumerate(tokens)
        if cue_key(t) and not any(q.start <= t.start < q.end for q in around)
        and not attribution_cue(tokens, i) and not in_speaker_phrase(tokens, i)
        and not lone_cue_verb(tokens, i)
    ]
    pending = attributions(text, tokens, doc.persons)
    if not cue_positions and not direct:
        doc.cited(pending)
        return []
    quotes: list[Quote] = []
    claimed: set[int] = set()
    current: Speaker | None = None  # the speaker of this sentence so far
    lower = 0
    n = 0
    while n < len(cue_positions):
        ci = cue_positions[n]
        kind = CUES[cue_key(tokens[ci]) or ""][0]
        stop = cue_positions[n + 1] if n + 1 < len(cue_positions) else len(tokens)
        clause = parse_clause(text, tokens, ci, stop, around, names, doc.name_starts, kind,
                              doc.person_starts)
        if stop < len(tokens) and _inside_content(text, tokens[stop], clause.content_start):
            del cue_positions[n + 1]  # «أوضح X أن المركز دعا ...»: part of what X said
            continue
        n += 1
        pending = doc.cite_before(pending, tokens[ci].start)
        speaker, named = clause_speaker(doc, tokens, ci, lower, clause, current)
        lower = ci + 1
        if speaker is None:
            continue
        next_cue = tokens[stop].start if stop < len(tokens) else None
        said_on = _said_on(clause, doc.day_times)
        content = clause.content_start
        own = [i for i, q in enumerate(direct) if q.start >= tokens[ci].end
               and (next_cue is None or q.start < next_cue) and i not in claimed
               and (_reads_as_speech(q, tokens, names)
                    or _fragment(text, q, doc, content) and not _named_by(q, tokens))]
        if not own and clause.content_start is None:
            own = [i for i, q in enumerate(direct) if i not in claimed
                   and q.end <= tokens[ci].start and _reads_as_speech(q, tokens, names)
                   and not text[q.end:tokens[ci].start].strip(_BETWEEN_QUOTE_AND_CUE)]
        found = len(quotes)
        if own:
            lead = _lead_clause(text, clause.content_start, direct[own[0]].start)
            if lead is not None:
                quotes.append(_quote(doc_id, text, lead, False, speaker, tokens[ci],
                                     clause.channel, said_on, sentence))
            for i in own:
                claimed.add(i)
                quotes.append(_quote(doc_id, text, direct[i], True, speaker, tokens[ci],
                                     clause.channel, said_on, sentence))
        elif clause.content_start is not None and kind != "stance":
            end = _content_end(text, sentence, clause.content_start, next_cue)
            if end - clause.content_start >= 8:
                quotes.append(_quote(doc_id, text, Span(clause.content_start, end),
                                     clause.after_colon,
                                     speaker, tokens[ci], clause.channel, said_on, sentence))
        if clause.speaker_tokens and clause.kind not in PARTICIPLES or len(quotes) > found:
            current = speaker
        if len(quotes) > found or named:
            state.spoke(speaker)
    for i, q in enumerate(direct):
        if i in claimed or len(text[q.start:q.end].split()) < MIN_UNCUED_WORDS:
            continue
        opens_sentence = not text[sentence.start:q.start].strip(' "«“„”')
        last = current or (state.speakers[-1] if state.speakers else None)
        if opens_sentence and last is not None:
            quotes.append(_quote(doc_id, text, q, True, last, None, None, None, sentence))
    doc.cited(pending)
    if quotes:
        doc.quiet_from = sentence.end
    quotes.sort(key=lambda q: q.start)
    return quotes


def _quote(doc_id: str, text: str, span: Span, direct: bool, speaker: Speaker,
           cue: Token | None, channel: str | None, said_on: str | None,
           sentence: Span) -> Quote:
    return Quote(
        id=f"{doc_id}:quote:{span.start}", doc=doc_id, start=span.start, end=span.end,
        text=text[span.start:span.end], direct=direct, speaker=speaker,
        cue=cue.text if cue else None, channel=channel, said_on=said_on,
        sentence=(sentence.start, sentence.end),
    )
