"""Which words are reporting cues: the cue table, and cue words that introduce nothing.

Used by `marsad.extract.quote_clauses` and `marsad.extract.quotes`: `cue_key` reads a
token as a cue of quote_cues.tsv; `in_speaker_phrase`, `lone_cue_verb` and
`attribution_cue` tell when such a word is a noun, a verb with no statement, or a source
(بحسب ما أعلنت) rather than a new quote.
"""

from __future__ import annotations

from marsad.extract.quote_speakers import (
    ACCORDING,
    RELAY_VERBS,
    STATEMENT_VERBS,
    STATEMENTS,
    word_of,
)
from marsad.lang import load_table
from marsad.text.normalize import fold
from marsad.text.tokens import Token

CUES = {fold(row[0]): (row[1], row[2] == "yes") for row in load_table("quote_cues.tsv")}
for _verb in STATEMENT_VERBS:  # «وجاء في بيان ...»: a cue only before a statement
    CUES.setdefault(_verb, ("say", False))
for _verb in RELAY_VERBS:  # «ونقلت الوكالة عن مصدر أن»: the one after عن speaks
    CUES.setdefault(_verb, ("quoting", False))
CONTENT_MARKERS = {fold(w) for w in ("إن", "أن", "بأن", "إنه", "إنها", "إنهم", "أنه", "أنها",
                                      "أنهم", "بأنه", "بأنها", "بأنهم", "إننا", "أننا")}
# A speaker phrase never starts with a preposition: «أعلن في العام ...» has no subject.
_NOUN_CLITICS = frozenset(("ب", "ل", "ك", "ال"))
MAX_SPEAKER_TOKENS = 14
_RESUMPTIVE = frozenset(fold(w) for w in ("به", "بها", "عنه", "عنها"))
_AS_WORDS = frozenset(fold(w) for w in ("حسبما", "كما", "وفقما"))
_ALSO = fold("كما")


def cue_key(tok: Token) -> str | None:
    """The cue a token is, if any; a leading و/ف counts as a conjunction even where the
    segmenter kept it (ودعا is read as ودّع "bade farewell" out of context). A verb with an
    object pronoun (ما قاله العلماء، أكده) refers to words, it does not introduce them; a
    word with a preposition or the article (بقدر، الكاتب) is a noun."""
    if tok.seg.enclitics:  # unless the whole word is a cue the segmenter split (مبينا)
        return tok.folded if tok.folded in CUES else None
    if set(tok.seg.proclitics) & _NOUN_CLITICS and tok.folded not in CUES:
        return None
    key = tok.seg.key
    if key in CUES:
        return key
    folded = tok.folded
    if folded[:1] in ("و", "ف") and folded[1:] in CUES:
        return folded[1:]
    return None


def in_speaker_phrase(tokens: list[Token], i: int) -> bool:
    """A bare cue word right after the definite noun of an earlier cue's subject is a noun
    (وذكر رئيس النادي طالب الدكتوراه ...: a student, not «demanded»)."""
    tok = tokens[i]
    if i < 2 or tok.seg.proclitics[:1] in (("و",), ("ف",)) or tok.folded[:1] in ("و", "ف") \
            or CUES.get(cue_key(tok) or "", ("",))[0] == "quoting":  # عن الوزير قوله
        return False
    if not tokens[i - 1].key.startswith("ال") or tokens[i - 1].end != tok.start - 1:
        return False
    return any(cue_key(tokens[j]) and not lone_cue_verb(tokens, j)
               for j in range(max(0, i - 4), i - 1))


def lone_cue_verb(tokens: list[Token], i: int) -> bool:
    """«وجاء الرد سريعا»: a statement verb (جاء، ورد) not followed by «في» and a statement
    (بيان، تقرير: quote_speaker_words.tsv) is no cue; nor is a relay verb (نقل) with no
    عن before the content (عملية نقل الأسرى), or one whose عن-phrase ends in قوله (that
    cue speaks for it)."""
    key = cue_key(tokens[i])
    if key in RELAY_VERBS:
        after = []
        for tok in tokens[i + 1:i + MAX_SPEAKER_TOKENS]:
            if tok.key in CONTENT_MARKERS or tok.folded in CONTENT_MARKERS:
                break
            after.append(word_of(tok))
        return "عن" not in after or any(CUES.get(w, ("",))[0] == "quoting" for w in after)
    if key not in STATEMENT_VERBS:
        return False
    after = tokens[i + 1:i + 3]  # في بيان، في البيان، في بيانها
    return not (len(after) == 2 and after[0].folded == "في"
                and fold(after[1].seg.stem) in STATEMENTS)


def attribution_cue(tokens: list[Token], i: int) -> bool:
    """«بحسب ما أعلنت الوزارة»، «وفق ما أفاد»: a source for the sentence, not a quote;
    «على ما صرح به الوزير» names words another cue reports, as «أكده» does; «كما» is «as»
    (كما أعلنت الوزارة) unless an أن-clause follows: then it is «also» (كما أكد X أن)."""
    if i >= 1 and tokens[i - 1].folded == "ما" and i + 1 < len(tokens) \
            and tokens[i + 1].folded in _RESUMPTIVE:
        return True
    if i >= 2 and tokens[i - 1].folded == "ما":
        before = tokens[i - 2]
        return word_of(before) in ACCORDING or before.key in ACCORDING
    if i >= 1 and word_of(tokens[i - 1]) == _ALSO:  # «كما أكد X أن ...»: also said
        for tok in tokens[i + 1:i + 2 + MAX_SPEAKER_TOKENS]:
            if tok.key in CONTENT_MARKERS or tok.folded in CONTENT_MARKERS:
                return False
            if cue_key(tok):  # «كما أعلنت الحركة مسؤوليتها، قائلة إن»: that cue's own
                return True
        return True
    return i >= 1 and word_of(tokens[i - 1]) in _AS_WORDS
