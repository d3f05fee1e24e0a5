"""The words of one document as the entity rules see them: clitic-free spans and keys.

Each word keeps where its name part starts (after و ب ل ...; the article ال stays), its
matching key, its proclitics, and whether punctuation stands between it and the word before
(a name never runs across punctuation).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.extract.entity_lexicon import GAZ_INDEX, GIVEN_NAMES, STOP, TRIGGER_INDEX
from marsad.text.normalize import normalize
from marsad.text.tokens import Token, tokenize

_KUNYA = frozenset({"ابو", "ابي", "ابا"})
_SHORT_CLITICS = frozenset("وبلف")


@dataclass(slots=True)
class Word:
    start: int  # where the clitic-free part starts in the document text
    end: int
    key: str  # clitic-free folded form, أبي/أبا → ابو
    folded: str  # the whole word folded
    pro: str  # proclitics cut off before `start` (light form), "" when none
    brk: bool  # punctuation or a line break between the previous word and this one
    num: bool
    light: str  # the whole word in light form
    enc: bool  # a pronoun suffix was cut off (عليه، حكومته)
    tstart: int  # where the whole word starts
    soft: bool  # kept whole though it may start with ب/ك/ف/س: an unknown, maybe foreign, name
    definite: bool  # starts with the article as written, more than ال + two letters


def _keep_whole(folded: str) -> bool:
    """Names the segmenter might cut (بالي → ب + الي): a known first word is kept whole."""
    return folded in GIVEN_NAMES or (folded in GAZ_INDEX and folded not in STOP)


def _known_after_clitics(folded: str, cut: int) -> int:
    """A shorter cut when it leaves a known name (وكريستوفر = و + كريستوفر, not و + ك + ...)."""
    for n in (1, 2):
        if n < cut:
            rest = folded[n:]
            if rest in GIVEN_NAMES or rest in GAZ_INDEX:
                return n
    return 0


# (key, pro, cut, tail, soft, num) per light word; words repeat, so this is computed once.
_Analysis = tuple[str, str, int, int, bool, bool]
_CACHE: dict[str, _Analysis] = {}
_CACHE_LIMIT = 1 << 18


def _analyse(tok: Token) -> _Analysis:
    folded = tok.folded
    if folded[:1].isdigit():
        return folded, "", 0, 0, False, True
    seg = tok.seg
    if not seg.proclitics and folded[:1] in _SHORT_CLITICS and not _keep_whole(folded) and (
        folded[1:] in GAZ_INDEX or folded[1:] in TRIGGER_INDEX
    ):
        return folded[1:], tok.light[:1], 1, 0, False, False  # وذي قار، بحي: too short to cut
    if folded in _KUNYA or _keep_whole(folded) or (not seg.proclitics and not seg.enclitics):
        return ("ابو" if folded in _KUNYA else folded), "", 0, 0, False, False
    procs = seg.proclitics
    if procs and procs[-1] == "ال":
        procs = procs[:-1]
    cut = sum(map(len, procs))
    tail = sum(map(len, seg.enclitics))
    key = seg.key
    known = _known_after_clitics(folded, cut)
    if known:
        cut, tail, key = known, 0, folded[known:]
        procs = (tok.light[:known],)
    if key in _KUNYA:
        key = "ابو"
    pro = "".join(procs)
    if (
        pro in ("ب", "ك", "ف", "س") and not tail and not key.startswith("ال")
        and key not in GAZ_INDEX and key not in STOP
    ):
        return folded, "", 0, 0, True, False  # soft: kept whole, may be a foreign name
    return key, pro, cut, tail, False, False


def words_of(text: str) -> list[Word]:
    """The document's words with clitic-free spans (see module docstring)."""
    out: list[Word] = []
    append = out.append
    prev_end = 0
    cache = _CACHE
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    for tok in tokenize(text):
        start, end, light = tok.start, tok.end, tok.light
        gap = text[prev_end:start]
        brk = bool(gap) and (not gap.isspace() or "\n" in gap)
        prev_end = end
        info = cache.get(light)
        if info is None:
            info = cache[light] = _analyse(tok)
        key, pro, cut, tail, soft, num = info
        tstart = start
        if cut or tail:
            if len(tok.text) == len(light):
                start, end = start + cut, end - tail
            else:
                o_start, o_end = normalize(tok.text).span_to_original(cut, len(light) - tail)
                start, end = tstart + o_start, tstart + o_end
        # the article as written: آلاف، ألمانيا fold to ال... but have none
        definite = len(key) > 3 and key.startswith("ال") and light[cut : cut + 1] not in "آأإ"
        append(Word(start, end, key, tok.folded, pro, brk, num, light, tail > 0, tstart, soft,
                    definite))
    return out


def not_a_name(w: Word) -> bool:
    """Adverbs, verbs and verbal nouns that follow names: عسكريا، تكريما، سعت، اقترح."""
    key = w.key
    if key in GIVEN_NAMES:
        return False
    if len(key) >= 5 and (key.endswith("يا") or key[0] == "ت" or key.startswith("است")):
        return True  # عسكريا، تكريما، ترتكب، تطوير، استطاع
    if len(key) == 5 and key[0] == "ا" and key[2] == "ت":
        return True  # اقترح، اعتبر، انتقد
    if len(key) == 6 and key[0] == "ا" and key[4] == "ا" and (key[2] == "ت" or key[1] == "ن"):
        return True  # verbal nouns: ارتكاب، اعتقال (افتعال)، انسحاب، انفجار (انفعال)
    if key.endswith("ا") and (len(key) == 5 and key[1] == "ا" or len(key) in (5, 6) and (
        key[0] == "م"
    )):
        return True  # participles as adverbs: رافضا، مؤكدا، مشيرا
    if len(w.light) == 4 and w.light[0] == "أ":
        return True  # elatives and أحد: أكثر، أبرز، أحد
    return len(key) == 3 and key.endswith("ت")


def common_nisba(key: str) -> bool:
    """تاريخي، اقتصادي، محلي: a short nisba (or one of the common shapes) that may describe
    the noun before a feminine place noun (مركز مدينة تاريخي), not name the place."""
    return len(key) < 6 or (key[0] in "اتم" and len(key) <= 7)
