"""Whether a sentence is a report of words, where its reporting verb stands and where what
was said begins.

Used by `marsad.extract.event_types`: in a report only the happenings told in what was said
type the event. The reporting verbs are the quotes' (quote_cues.tsv), the words that may put
a subject before its verb the quote speakers' (quote_speaker_words.tsv, `opener`).
"""

from __future__ import annotations

from marsad.extract.event_clauses import content_marker, word_kind
from marsad.lang import load_table
from marsad.text.normalize import fold
from marsad.text.tokens import Token

_REPORT_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv")
                if row[1] not in ("participle", "call_participle")}
_ALL_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv")}
_PARTICIPLE_CUES = {fold(row[0]) for row in load_table("quote_cues.tsv")
                    if row[1] == "participle"}
_OPENER = {fold(row[0]): row[1] for row in load_table("quote_speaker_words.tsv")}
# A report's verb comes early: after at most this many words (من جهته، وفي مخيم الهول،).
_REPORT_HEAD = 6
_SPEECH_OPENERS = (":", "«", "“", '"')
_SPEECH_CLOSERS = ("»", "”", '"')
_NAME_WORDS = 3  # a name in quotation marks has at most this many words


def cue_word(tok: Token) -> str | None:
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
    subject put first (أما الوزير فقال، وكان الوزير الذي أعلن ...، أكد أن); a participle
    opening the sentence goes on with the last report (مشيرا إلى أن). «وفق ما أعلن» and
    «الاتفاق الذي أعلن» are no head, though one may follow them."""
    if tokens and cue_word(tokens[0]) in _PARTICIPLE_CUES:
        return 0
    opened = bool(tokens) and _OPENER.get(tokens[0].key, _OPENER.get(tokens[0].folded)) == "opener"
    reach = _REPORT_HEAD + 10 if opened else _REPORT_HEAD
    for i, tok in enumerate(tokens[: reach + 1]):
        if cue_word(tok) in _REPORT_CUES and not _described_cue(tokens, i):
            return i
    return None


def _described_cue(tokens: list[Token], index: int) -> bool:
    """A cue after ما or a relative pronoun describes a noun or a source (وفق ما أعلن،
    الاتفاق الذي أعلن): the words it reports are not the sentence's."""
    return index >= 1 and (tokens[index - 1].folded == "ما"
                           or word_kind(tokens[index - 1]) == "relative")


def cue_after_lead_in(tokens: list[Token], first_deed: int, text: str) -> int | None:
    """A reporting verb that opens a clause after a comma heads the sentence when the words
    before it tell no happening (no trigger before token `first_deed`): the lead-in says
    what the words answer or are about (وحول الوضع في المدينة، قال المحافظ إن)."""
    for i in range(1, first_deed):
        gap = text[tokens[i - 1].end:tokens[i].start]
        if ("،" in gap or "," in gap) and cue_word(tokens[i]) in _REPORT_CUES:
            return i
    return None


def content_start(tokens: list[Token], cue: int, text: str) -> int | None:
    """Index where a report's content begins: after إن/أن following the cue, or at a
    colon or an opening quotation mark; the speaker phrase before it (مصدر طبي في
    مستشفى) is no content, nor a name in quotation marks within it (الشركة «البحري»
    أنها). None without any."""
    for i in range(cue + 1, min(len(tokens), cue + 25)):
        if content_marker(tokens[i]):
            return i + 1
        gap = text[tokens[i - 1].end:tokens[i].start]
        if ":" in gap or any(mark in gap for mark in _SPEECH_OPENERS) \
                and not _quoted_name(tokens, i, text):
            return i
    return None


def _quoted_name(tokens: list[Token], i: int, text: str) -> bool:
    """The quotation opened before token i closes within a few words and the sentence goes
    on: a name set in marks («البحري»، "داعش"), not words spoken."""
    last = min(i + _NAME_WORDS, len(tokens) - 1)
    for j in range(i, last):
        if any(mark in text[tokens[j].end:tokens[j + 1].start] for mark in _SPEECH_CLOSERS):
            return True
    return False
