"""The structural entity rules: known names and the helpers the trigger rule shares.

`gazetteer_hits` and `trigger_hits` (entity_triggers.py) run first and are resolved longest
first (`resolve`); the person rules in entity_people.py then read the context around them.
A candidate is (first word, end word, type, how, gazetteer entry, description, first word
taken whole).
"""

from __future__ import annotations

from typing import NamedTuple

from marsad.extract.entity_lexicon import (
    CLUB_INDEX,
    CLUBS,
    FUNCTION_LIGHT,
    GAZ,
    GAZ_INDEX,
    GAZ_SINGULAR,
    GAZ_VARIANT,
    GAZ_VARIANT_INDEX,
    GIVEN_NAMES,
    GROUP_NISBAS,
    HOMOGRAPHS,
    PLACE_PREPOSITIONS,
    PLACE_TRIGGERS,
    SPORT_WORDS,
    STOP,
    TITLE_ENDS,
    TRIGGER_INDEX,
    GazEntry,
    number_key,
    spelling_key,
)
from marsad.extract.entity_words import Word
from marsad.extract.number_lexicon import LEX as NUMBER_WORDS

MAX_NP_WORDS = 5
_PLURALS = ("يون", "يين", "يان")


class Cand(NamedTuple):
    i: int
    j: int
    type: str
    how: str
    entry: GazEntry | None = None
    description: str | None = None
    whole: bool = False  # the first word is a name as written, with no clitic cut off


# --- matching helpers ---------------------------------------------------------------------


def _matches(words: list[Word], i: int, tup: tuple[str, ...]) -> bool:
    """Do the words from `i` spell `tup` (by key or whole folded form) with no punctuation?"""
    if i + len(tup) > len(words):
        return False
    for m in range(1, len(tup)):
        w = words[i + m]
        if w.brk or (w.key != tup[m] and w.folded != tup[m]):
            return False
    return True


def longest(words: list[Word], i: int, index: dict[str, list[tuple[str, ...]]]) -> tuple | None:
    w = words[i]
    for first in (w.key, w.folded) if w.folded != w.key else (w.key,):
        for tup in index.get(first, ()):
            if _matches(words, i, tup):
                return tup
    return None


def verbish(w: Word) -> bool:
    """An imperfective verb (يعلن، يقول) rather than a name."""
    return w.key[:1] == "ي" and len(w.key) >= 3 and w.key not in GIVEN_NAMES


def nameish(w: Word) -> bool:
    return not w.num and len(w.key) >= 2 and w.key not in STOP and not verbish(w)


# --- structural rules ---------------------------------------------------------------------


def _ambiguous(words: list[Word], i: int) -> bool:
    """A one-word known name read as a common word here: a nisba after a definite noun
    (اللغة العربية، الحكومة السعودية), a feminine noun with its adjective (القاعدة
    الجوية: the base, not al-Qaeda), or a listed homograph (السنة، عنه) outside a place
    context."""
    w = words[i]
    prev = words[i - 1] if i > 0 and not w.brk else None
    nxt = words[i + 1] if i + 1 < len(words) and not words[i + 1].brk else None
    if (nxt is not None and w.definite and w.key.endswith("ه") and not nxt.pro
            and adjective(nxt) and nxt.key.endswith("يه")):
        return True  # القاعدة العسكرية، الجزيرة العربية: a feminine noun and its adjective
    if w.key in HOMOGRAPHS:
        return prev is None or not (prev.key in PLACE_PREPOSITIONS or prev.key in PLACE_TRIGGERS)
    if prev is None or w.pro or w.key in GROUP_NISBAS:
        return False  # المتمردين الحوثيين: a movement, named even after a noun
    if not w.definite and (w.key.endswith(_PLURALS) or _norp_word(w)) and not (
        prev.definite or prev.enc or prev.num or prev.light in FUNCTION_LIGHT
        or prev.key.endswith("ه") or prev.key in NUMBER_WORDS
    ):
        return True  # مواطنين سعوديين، صياد مصري (not من إيرانيين، ثلاثة سعوديين، مليون سوري)
    if prev.definite and prev.key.endswith(("ين", "ون")) and _norp_word(w):
        return True  # للصحافيين الأتراك: a people after a definite plural describes it
    return adjective(w) and prev.definite and not _disagrees(prev, w)


def _disagrees(noun: Word, nisba: Word) -> bool:
    """ساعدت الجمعية السوريين: a plural nisba cannot describe a feminine singular noun
    before it, so it is the people (الطلبة السوريين, a short broken plural, agrees)."""
    stem = noun.key[2:] if noun.key.startswith("ال") else noun.key
    return nisba.key.endswith(_PLURALS) and stem.endswith("ه") and len(stem) >= 5


def _adjective_of_noun(words: list[Word], i: int) -> bool:
    """A name that starts with a nisba (الخارجية المصرية) right after a definite noun, which
    that nisba describes (السياسة الخارجية المصرية)."""
    w = words[i]
    return i > 0 and not w.brk and not w.pro and w.key.endswith("يه") and adjective(w) and (
        words[i - 1].definite and not words[i - 1].enc and w.key[2:] not in TRIGGER_INDEX
    )  # الكلية، الجمعية: trigger nouns that only look like a nisba


def _counted_nisba(words: list[Word], i: int) -> GazEntry | None:
    """ثمانية عشر حوثياً، «18» حوثي: an indefinite singular nisba right after a number
    (quotation marks may stand between) is a counted noun, one of that people; the people
    whose definite singular (الحوثي) the gazetteer knows."""
    w = words[i]
    if i == 0 or w.definite or w.pro or w.enc:
        return None
    prev = words[i - 1]
    if not (prev.num or prev.key in NUMBER_WORDS):
        return None
    base = w.key[:-1] if w.key.endswith("يا") else w.key
    entry = GAZ.get(("ال" + base,))
    return entry if entry is not None and entry.type == "NORP" and base.endswith("ي") else None


def _norp_word(w: Word) -> bool:
    entry = GAZ.get((w.key,))
    return entry is not None and entry.type == "NORP"


def _titled_person(words: list[Word], i: int, tup: tuple[str, ...]) -> bool:
    """رئيس الوزراء العبادي: a known surname right after a title names the person, though
    a definite nisba after a definite word would otherwise be an adjective."""
    return GAZ[tup].type == "PER" and i > 0 and not words[i].brk and (
        words[i - 1].key in TITLE_ENDS
    )


def sports_report(words: list[Word]) -> bool:
    """Does the document report sport (three sports words), so that club names are names?"""
    return sum(w.key in SPORT_WORDS for w in words) >= 3


def _club_hit(words: list[Word], i: int) -> Cand | None:
    """A club name (gaz_clubs.tsv) at `i`, unless a longer known name starts there
    (الهلال الأحمر، الاتحاد الأوروبي) or it reads as an adjective (الفريق الأهلي)."""
    tup = longest(words, i, CLUB_INDEX)
    if tup is None or len(tup) == 1 and _ambiguous(words, i):
        return None
    known = longest(words, i, GAZ_INDEX)
    if known is not None and len(known) > len(tup):
        return None
    return Cand(i, i + len(tup), "ORG", "gazetteer", CLUBS[tup], None, words[i].key != tup[0])


def gazetteer_hits(words: list[Word], sport: bool = False) -> list[Cand]:
    """Known names: the longest gazetteer surface starting at each word (and club names
    when the document reports sport)."""
    out: list[Cand] = []
    for i, w in enumerate(words):
        if w.num:
            continue
        key = w.key
        if sport and (key in CLUB_INDEX or w.folded in CLUB_INDEX):
            club = _club_hit(words, i)
            if club is not None:
                out.append(club)
                continue
        if not (
            key in GAZ_INDEX or w.folded in GAZ_INDEX or key in GAZ_VARIANT_INDEX
            or key.endswith(_PLURALS) or key.endswith(("ي", "يا")) or (len(key) >= 7 and "و" in key)
        ):
            continue  # the common case, decided without a call
        tup = longest(words, i, GAZ_INDEX)
        if tup is not None:
            if len(tup) > 1 and _adjective_of_noun(words, i):
                continue  # السياسة الخارجية المصرية: no ministry
            if len(tup) > 1 or not _ambiguous(words, i) or _titled_person(words, i, tup):
                whole = key != tup[0]
                out.append(
                    Cand(i, i + len(tup), GAZ[tup].type, "gazetteer", GAZ[tup], None, whole)
                )
            continue
        counted = _counted_nisba(words, i)
        if counted is not None:
            out.append(Cand(i, i + 1, "NORP", "gazetteer", counted))
            continue
        plural = len(w.key) > 5 and w.key.endswith(_PLURALS)
        entry = GAZ_SINGULAR.get(number_key(w.key)) if plural else None
        if entry is not None:
            out.append(Cand(i, i + 1, entry.type, "gazetteer", entry))
            continue
        if len(w.key) >= 4:
            for vtup in GAZ_VARIANT_INDEX.get(spelling_key(w.key), ()):
                n = len(vtup)
                if i + n <= len(words) and all(
                    not words[i + m].brk and spelling_key(words[i + m].key) == vtup[m]
                    for m in range(1, n)
                ):
                    entry = GAZ_VARIANT[vtup]
                    out.append(Cand(i, i + n, entry.type, "gazetteer", entry))
                    break
    return out


def adjective(w: Word) -> bool:
    """A definite nisba or direction (السورية، الشرقي) that describes a place, not names it."""
    return w.definite and w.key.endswith(("ي", "يه", "يين", "يون"))


def resolve(cands: list[Cand], order: tuple[str, ...]) -> list[Cand]:
    """Non-overlapping candidates: longest first, then by rule order, then leftmost."""
    rank = {how: n for n, how in enumerate(order)}
    taken: list[Cand] = []
    used: set[int] = set()
    for c in sorted(cands, key=lambda c: (c.i - c.j, rank.get(c.how, 99), c.i)):
        span = range(c.i, c.j)
        if not used.intersection(span):
            taken.append(c)
            used.update(span)
    return sorted(taken)
