"""Where an event word stands in its sentence, which decides whether it names the happening.

Used by `marsad.extract.event_types`. The words that govern event words are data
(event_subordinators.tsv, by kind): links and onsets open background phrases (منذ بدء
الهجوم), relative pronouns open descriptions (التي سيطرت عليها), negations deny (لم، لن),
verbs of outcome tell a toll (أسفر عن مقتل), verbs of undergoing and of doing take the deed
as object (تعرضت لهجوم، بدأ بإطلاق النار), verbs of going on tell a fight named as a
topic (أن المواجهات استمرت).
"""

from __future__ import annotations

from marsad.lang import load_table
from marsad.text.normalize import fold
from marsad.text.tokens import Token

_SUBORDINATORS = {fold(row[0]): row[1] for row in load_table("event_subordinators.tsv")}
_CONTENT_MARKERS = frozenset(fold(w) for w in ("إن", "أن", "بأن", "إنه", "إنها", "أنه", "أنها",
                                                "أنهم", "بأنه", "بأنها", "إنهم"))
_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان"))
_LIKE_THIS = frozenset(fold(w) for w in ("كهذه", "كهذا", "كتلك", "كذلك"))
_CLAUSE_BREAKS = frozenset(fold(w) for w in ("لكن", "ولكن", "بل", "فيما", "بينما", "غير"))
_DESCRIBED = frozenset(("attack", "strike", "capture", "withdrawal", "surrender", "statement"))
_GOING_ON_REACH = 3  # words between a fight and the verb that tells it happened or went on
PREPOSITION_WORDS = frozenset(fold(w) for w in ("من", "عن", "على", "إلى", "في", "مع"))


def word_kind(tok: Token) -> str | None:
    """What a word does to the event words near it (event_subordinators.tsv), if anything."""
    return _SUBORDINATORS.get(tok.key) or _SUBORDINATORS.get(tok.folded)


def content_marker(tok: Token) -> bool:
    """إن/أن and their forms, also after و/ف (فإن)."""
    folded = tok.folded
    return folded in _CONTENT_MARKERS or tok.key in _CONTENT_MARKERS or (
        folded[:1] in ("و", "ف") and folded[1:] in _CONTENT_MARKERS)


def subordinate(tokens: list[Token], index: int, others: frozenset[int] = frozenset()) -> bool:
    """The trigger at index sits in a background phrase: منذ/بعد/مع/جراء (+ بدء) X, or
    in a purpose (للإفراج عن، لصفقة أكبر): what is meant to happen has not happened;
    after a verb of undergoing, لـ marks what was met (تعرضت الدورية لهجوم), no purpose.
    `others` are where other triggers stand: a background phrase ends at its own."""
    if "ل" in tokens[index].seg.proclitics:
        return not any(word_kind(t) == "undergo" for t in tokens[max(0, index - 3):index])
    for back in (1, 2, 3):
        j = index - back
        if j < 0 or j in others:  # «منذ انطلاق الهجوم مقتل 19»: past another happening
            return False
        kind = word_kind(tokens[j])
        if kind == "link":
            return True
        if kind == "onset" and j >= 1 and word_kind(tokens[j - 1]) == "link":
            return True
        if kind is None and back >= 2:
            return False
    return False


def described(tokens: list[Token], index: int, event_type: str, others: frozenset[int]) -> bool:
    """A fight, a taking of ground or words told in a relative clause describe a noun (داعش
    التي سيطرت على الرمادي، الاتفاق الذي أعلن): background, not the happening. Deaths
    and flight told so (الأشخاص الذين قتلوا) are the news and stay."""
    if event_type not in _DESCRIBED:
        return False
    for j in range(index - 1, max(index - 4, -1), -1):
        if word_kind(tokens[j]) == "relative":
            return True
        if j in others or content_marker(tokens[j]):  # «التي تلقيناها فإن انتحاريا دخل»
            return False
    return False


def anaphoric(tokens: list[Token], index: int) -> bool:
    """The trigger points back to a happening already told: «هذا الهجوم»، «بهجمات كهذه»."""
    before = tokens[index - 1].folded if index > 0 else ""
    after = tokens[index + 1].folded if index + 1 < len(tokens) else ""
    return before.removeprefix("و") in _DEMONSTRATIVES or after in _LIKE_THIS


def denied(tokens: list[Token], index: int) -> bool:
    """A trigger right after لم/لن, or one word further (لم نتمكن من إنقاذ، لن تشن هجوما),
    names what did not or will not happen."""
    return any(index - back >= 0 and word_kind(tokens[index - back]) == "negation"
               for back in (1, 2, 3))


def negated_opening(tokens: list[Token], text: str) -> int:
    """Index where a sentence's opening clause ends when it is denied (ولم يحدد موعد
    الهجوم، كما لم تكشف ...): what it names did not happen. 0 when it is not denied."""
    first = next((i for i, t in enumerate(tokens[:2]) if word_kind(t) == "negation"
                  or t.folded[:1] == "و" and _SUBORDINATORS.get(t.folded[1:]) == "negation"),
                 None)
    if first is None or first == 1 and tokens[0].folded not in ("كما", "و"):
        return 0
    for i in range(first + 1, len(tokens)):
        if tokens[i].folded in _CLAUSE_BREAKS or "،" in text[tokens[i - 1].end:tokens[i].start]:
            return i
    return len(tokens)


def after_outcome(tokens: list[Token], index: int) -> bool:
    """The word follows a verb of outcome, alone or with عن/إلى (أسفر عن مقتل، خلفت قتلى)."""
    return any(index - back >= 0 and word_kind(tokens[index - back]) == "result"
               and all(tokens[k].folded in PREPOSITION_WORDS or tokens[k].seg.key.isdigit()
                       for k in range(index - back + 1, index))
               for back in (1, 2, 3))


def going_on(tokens: list[Token], index: int) -> bool:
    """A verb of occurring or going on stands within three words of the event word, before
    it or after it (عندما وقع الانفجار، أن المواجهات استمرت، الهجمات التي وقعت)."""
    near = range(max(0, index - _GOING_ON_REACH), min(len(tokens), index + _GOING_ON_REACH + 1))
    return any(word_kind(tokens[j]) == "going_on" for j in near if j != index)
