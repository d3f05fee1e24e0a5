"""The rules that find entity names in one document's words, as candidate spans.

Structural rules first (`gazetteer_hits`, `trigger_hits`), resolved longest first; then the
person rules that read context around them (`title_hits`, `cue_hits`, `given_name_hits`,
`kunya_hits`), which may take over a structural match only by containing it.
A candidate is (first word, end word, type, how, gazetteer entry, description).
"""

from __future__ import annotations

from typing import NamedTuple

from marsad.extract.entity_lexicon import (
    AMBIGUOUS_GIVEN,
    CONTENT,
    ENDERS,
    FUNCTION_LIGHT,
    GAZ,
    GAZ_INDEX,
    GAZ_SINGULAR,
    GAZ_VARIANT,
    GAZ_VARIANT_INDEX,
    GIVEN_NAMES,
    HOMOGRAPHS,
    MODIFIERS,
    NATIONALITIES,
    PLACE_PREPOSITIONS,
    PLACE_TRIGGERS,
    SAY,
    STOP,
    TITLE_INDEX,
    TITLES,
    TRIGGER_INDEX,
    TRIGGERS,
    GazEntry,
    number_key,
    spelling_key,
)
from marsad.extract.entity_words import Word

MAX_NAME_UNITS = 3
MAX_NP_WORDS = 5
_SPOKESPERSON_ROLE = 12
_OTHER_ROLE = 6
_NAME_JOINERS = frozenset({"ابو", "عبد", "ابن", "بن", "ام", "ال"})
_PLURALS = ("يون", "يين", "يان")
_ROLE_PREPOSITIONS = frozenset({"في", "اسم", "باسم"})


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


def _longest(words: list[Word], i: int, index: dict[str, list[tuple[str, ...]]]) -> tuple | None:
    w = words[i]
    for first in (w.key, w.folded) if w.folded != w.key else (w.key,):
        for tup in index.get(first, ()):
            if _matches(words, i, tup):
                return tup
    return None


def _verbish(w: Word) -> bool:
    """An imperfective verb (يعلن، يقول) rather than a name."""
    return w.key[:1] == "ي" and len(w.key) >= 3 and w.key not in GIVEN_NAMES


def _nameish(w: Word) -> bool:
    return not w.num and len(w.key) >= 2 and w.key not in STOP and not _verbish(w)


# --- structural rules ---------------------------------------------------------------------


def _ambiguous(words: list[Word], i: int) -> bool:
    """A one-word known name read as a common word here: a nisba after a definite noun
    (اللغة العربية، الحكومة السعودية), or a listed homograph (السنة، عنه) outside a place
    context."""
    w = words[i]
    prev = words[i - 1] if i > 0 and not w.brk else None
    if w.key in HOMOGRAPHS:
        return prev is None or not (prev.key in PLACE_PREPOSITIONS or prev.key in PLACE_TRIGGERS)
    return prev is not None and not w.pro and _adjective(w) and prev.definite


def gazetteer_hits(words: list[Word]) -> list[Cand]:
    """Known names: the longest gazetteer surface starting at each word."""
    out: list[Cand] = []
    for i, w in enumerate(words):
        if w.num:
            continue
        key = w.key
        if not (
            key in GAZ_INDEX or w.folded in GAZ_INDEX or key in GAZ_VARIANT_INDEX
            or key.endswith(_PLURALS) or (len(key) >= 7 and "و" in key)
        ):
            continue  # the common case, decided without a call
        tup = _longest(words, i, GAZ_INDEX)
        if tup is not None:
            if len(tup) > 1 or not _ambiguous(words, i):
                out.append(Cand(i, i + len(tup), GAZ[tup].type, "gazetteer", GAZ[tup]))
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


def _adjective(w: Word) -> bool:
    """A definite nisba or direction (السورية، الشرقي) that describes a place, not names it."""
    return w.definite and w.key.endswith(("ي", "يه", "يين", "يون"))


def _np_end(words: list[Word], k: int, include: bool) -> int:
    """Where the name after a trigger ends: one word (indefinite or definite), then only
    definite words or a ل-idafa (لحقوق الإنسان), up to five words when the trigger is part of
    the name (include), else a one- or two-word place name (دير الزور، not حلب الشرقي)."""
    limit = MAX_NP_WORDS if include else 2
    j, n = k, len(words)
    while j < n and j - k < limit:
        w = words[j]
        if w.brk or not _nameish(w) or w.pro[:1] in ("و", "ف"):
            break
        if j == k:
            if (w.pro and not w.soft) or (not w.definite and w.key.endswith(("يه", "يين", "يون"))):
                break  # بالقرب، قوات روسية، قرية حدودية: no name
        elif w.pro:
            lam_idafa = include and w.pro == "ل" and j + 1 < n
            if not (lam_idafa and words[j + 1].definite and not words[j + 1].brk):
                break
        elif not w.definite or (not include and (_adjective(w) or words[k].definite)):
            break
        j += 1
    return j


def trigger_hits(words: list[Word], known: list[Cand]) -> list[Cand]:
    """Names after trigger nouns: وزارة الدفاع (the noun is part of it), بلدة الباغوز (not).

    A known name starting at the trigger stands, but for nisba adjectives after an
    organisation (وزارة الدفاع + الأميركية); the phrase never runs on past it (قوات سوريا الديموقراطية
    + السيطرة)."""
    known_end = {c.i: c.j for c in known}
    out: list[Cand] = []
    for i, w in enumerate(words):
        if w.key not in TRIGGER_INDEX and w.folded not in TRIGGER_INDEX:
            continue
        tup = _longest(words, i, TRIGGER_INDEX)
        if tup is None:
            continue
        typ, include = TRIGGERS[tup]
        k = i + len(tup)
        if include and i in known_end:
            j = end = known_end[i]
            while typ == "ORG" and j < len(words) and j - end < 2 and _nisba(words[j]):
                j += 1
            if j > end:
                out.append(Cand(i, j, typ, "trigger"))
            continue
        j = _np_end(words, k, include)
        if j > k:
            whole = not include and words[k].soft
            out.append(Cand(i if include else k, j, typ, "trigger", None, None, whole))
    return out


def _nisba(w: Word) -> bool:
    return not w.brk and not w.pro and _adjective(w) and _nameish(w)


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


# --- person rules -------------------------------------------------------------------------


def _not_a_name(w: Word) -> bool:
    """Adverbs, verbs and verbal nouns that follow names: عسكريا، تكريما، سعت، اقترح."""
    key = w.key
    if key in GIVEN_NAMES:
        return False
    if len(key) >= 5 and (key.endswith("يا") or key[0] == "ت" or key.startswith("است")):
        return True  # عسكريا، تكريما، ترتكب، تطوير، استطاع
    if len(key) == 5 and key[0] == "ا" and key[2] == "ت":
        return True  # اقترح، اعتبر، انتقد
    return len(key) == 3 and key.endswith("ت")


def _name_end(words: list[Word], j: int, cover: list[Cand | None]) -> int:
    """End of the person name starting at word `j`: up to three name units (أبو X, عبد X,
    بن X, آل X count as one), stopping at punctuation, clitics, function words, verbs and
    after a definite word; a known place is taken only as the last word right before
    punctuation or إن (عدنان عفرين)."""
    p, units, n = j, 0, len(words)
    definite_seen = False
    while p < n and units < MAX_NAME_UNITS:
        w = words[p]
        if p > j and (
            w.brk or (w.pro and not w.soft) or w.enc or not _nameish(w) or _not_a_name(w)
            or w.light in FUNCTION_LIGHT or (units >= 2 and w.key in AMBIGUOUS_GIVEN)
            or (definite_seen and w.key not in _NAME_JOINERS)
            or (w.definite and units >= 2 and not _given(words[p - 1]))
            or (w.soft and w.key.endswith(("ه", "ات")))
        ):
            break
        c = cover[p]
        if c is not None and c.type != "PER":
            nxt = words[p + 1] if p + 1 < n else None
            ends = nxt is None or nxt.brk or nxt.key in CONTENT or nxt.key in SAY
            if p == j or c.j != p + 1 or not ends:
                break
        joined = False
        while words[p].key in _NAME_JOINERS and p + 1 < n and not words[p + 1].brk:
            p += 1  # a joiner takes the next word into the same unit
            joined = True
        definite_seen = words[p].definite
        p += 1
        units += 0 if joined and p - j > 2 else 1  # بن X بن Y آل Z: a lineage runs on
    return p


def _name_start_ok(w: Word, cover: Cand | None) -> bool:
    if w.num or w.pro[:1] == "و" or (w.pro and not w.soft) or w.key in STOP or _verbish(w):
        return False
    if cover is not None:
        return cover.type == "PER"
    if w.key in _NAME_JOINERS or _given(w):
        return True
    if w.light in FUNCTION_LIGHT:
        return False
    if w.definite or w.key.endswith("ه") or len(w.key) < 3 or _not_a_name(w):
        return False
    # verbal nouns (تحديد، تداول، استخدام) open idafa phrases, not names
    return not ((w.key[0] == "ت" and len(w.key) >= 5) or w.key.startswith("است"))


def _role_word(words: list[Word], j: int, kind: str, cover: list[Cand | None]) -> bool:
    """May word `j` stand between a title and the name (part of the role)?"""
    w = words[j]
    if w.key in MODIFIERS or cover[j] is not None:
        return True
    if kind == "spokesperson" and w.key in _ROLE_PREPOSITIONS:
        return True
    if w.key in ENDERS or kind in ("honorific", "rank", "profession") and not _adjective(w):
        return False
    nxt = words[j + 1] if j + 1 < len(words) else None
    idafa_next = nxt is not None and not nxt.brk and (
        nxt.definite or nxt.pro == "ل" or cover[j + 1] is not None
    )
    if w.definite or w.pro == "ل" or (w.key.endswith("ه") and idafa_next):
        return True
    # مديرة قسم الشرق، وزير دفاع أميركي: an indefinite noun heading an idafa or before an
    # indefinite adjective (a definite nisba after it would rather be a family name)
    if _given(w) or nxt is None or nxt.brk:
        return False
    if nxt.definite:
        return not nxt.key.endswith("ي")
    return nxt.key.endswith(("ي", "يه"))


def _title_name_ok(words: list[Word], j: int, kind: str, cover: list[Cand | None]) -> bool:
    """A name after a title starts with a given name, or has two words, or (after an office
    or honorific: الرئيس أوباما) is one word that punctuation or a function word ends."""
    w = words[j]
    if _given(w):
        return True
    if w.pro or w.soft:
        return False
    e = _name_end(words, j, cover)
    if e - j >= 2:
        return True
    if kind == "profession":
        return False
    nxt = words[e] if e < len(words) else None
    return nxt is None or nxt.brk or nxt.key in ENDERS or nxt.light in FUNCTION_LIGHT


def title_hits(words: list[Word], cover: list[Cand | None], text: str) -> list[Cand]:
    """الرئيس الأميركي X، المتحدث باسم ... X، اللواء X: the name after a title and its role.

    Between them may stand the role (definite words, idafa, a ل-phrase; for spokespeople
    also باسم and في + place); honorifics, ranks and professions allow only adjectives."""
    out: list[Cand] = []
    n = len(words)
    for i, w in enumerate(words):
        if w.key not in TITLE_INDEX and w.folded not in TITLE_INDEX:
            continue
        tup = _longest(words, i, TITLE_INDEX)
        if tup is None:
            continue
        kind = TITLES[tup]
        limit = _SPOKESPERSON_ROLE if kind == "spokesperson" else _OTHER_ROLE
        k = j = i + len(tup)
        while j < n and j - k < limit and not words[j].brk:
            if _name_start_ok(words[j], cover[j]) and (j > k or kind != "spokesperson"):
                break
            if not _role_word(words, j, kind, cover):
                j = n
                break
            j += 1
        if j >= n or words[j].brk or not _name_start_ok(words[j], cover[j]):
            continue
        if cover[j] is None and not _title_name_ok(words, j, kind, cover):
            continue
        description = text[words[i].start : words[j - 1].end]
        c = cover[j]
        if c is not None:  # a known person: keep the role for it
            out.append(Cand(c.i, c.j, "PER", "title", c.entry, description))
            continue
        e = _name_end(words, j, cover)
        out.append(Cand(j, e, "PER", "title", None, description, words[j].soft))
    return out


def cue_hits(words: list[Word], cover: list[Cand | None]) -> list[Cand]:
    """وقال X Y إن: a name after a reporting verb when X is a given name or a role follows."""
    out: list[Cand] = []
    n = len(words)
    for i in range(n - 1):
        if words[i].key not in SAY:
            continue
        j = i + 1
        w = words[j]
        if w.brk or cover[j] is not None:
            continue
        if w.definite and not w.pro and _lone_speaker(words, j, j + 1):
            out.append(Cand(j, j + 1, "PER", "cue"))  # وأشار الربيعي إلى
            continue
        if not _name_start_ok(w, None):
            continue
        e = _name_end(words, j, cover)
        role_follows = e < n and _longest(words, e, TITLE_INDEX) is not None
        if e > j and (_given(w) or role_follows or _lone_speaker(words, j, e)):
            out.append(Cand(j, e, "PER", "cue", None, None, w.soft))
    return out


def _lone_speaker(words: list[Word], j: int, e: int) -> bool:
    """قال سافيولا "...، وأشار فينزك إلى، قال البارزاني: one word after a reporting verb (or
    a nationality), unknown and indefinite or a definite family nisba, then punctuation, a
    preposition, a clitic word or إن."""
    w = words[j]
    if e != j + 1 or len(w.key) < 4 or w.key in NATIONALITIES:
        return False
    if w.definite:
        if not w.key.endswith("ي") or w.key in STOP:
            return False
    elif w.key.endswith(("ه", "ات")) or (w.key.endswith("ون") and len(w.key) <= 7):
        return False
    nxt = words[e] if e < len(words) else None
    return (
        nxt is None or nxt.brk or nxt.key in CONTENT or nxt.light in FUNCTION_LIGHT
        or (bool(nxt.pro) and not nxt.soft) or nxt.num
    )


def nationality_hits(words: list[Word], cover: list[Cand | None]) -> list[Cand]:
    """الإيطالي أندريا ...، الألماني ديتريش فيشر: a nationality used as a noun, then a name
    that starts with a given name."""
    out: list[Cand] = []
    n = len(words)
    for i in range(n - 1):
        w = words[i]
        if not w.definite or (w.key not in NATIONALITIES and not (
            w.key.endswith("ه") and w.key[:-1] in NATIONALITIES
        )):
            continue
        j = i + 1
        if words[j].brk or cover[j] is not None or not _name_start_ok(words[j], None):
            continue
        e = _name_end(words, j, cover)
        if e > j and _given(words[j]):
            out.append(Cand(j, e, "PER", "cue", None, None, words[j].soft))
    return out


def _given(w: Word) -> bool:
    """A given name as written (not the preposition على, not عليه with a suffix)."""
    return w.key in GIVEN_NAMES and not w.enc and w.light not in FUNCTION_LIGHT


def given_name_hits(words: list[Word], cover: list[Cand | None]) -> list[Cand]:
    """A given name (given_names.tsv) and one or two more name words: كريستوفر ميلر.

    With no title or cue to vouch for it, a definite second word must read as a family
    name (a nisba: الزيداني), not a noun (نجم المباراة)."""
    out: list[Cand] = []
    n = len(words)
    for i, w in enumerate(words):
        if not _given(w) or cover[i] is not None or w.pro not in ("", "و") or i + 1 >= n:
            continue
        if w.key in AMBIGUOUS_GIVEN or (i > 0 and _longest(words, i - 1, TITLE_INDEX)):
            continue  # علي typed for على; باسم in المتحدث باسم
        second = words[i + 1]
        if second.definite and not second.key.endswith("ي") and cover[i + 1] is None:
            continue
        e = _name_end(words, i, cover)
        if e - i >= 2:
            out.append(Cand(i, e, "PER", "given_name"))
    return out


def kunya_hits(words: list[Word], cover: list[Cand | None]) -> list[Cand]:
    """أبو/أبي/أبا + a name (+ a nisba): أبو الحسن المهاجر."""
    out: list[Cand] = []
    n = len(words)
    for i, w in enumerate(words):
        if w.key != "ابو" or cover[i] is not None or i + 1 >= n:
            continue
        nxt = words[i + 1]
        if nxt.brk or nxt.pro or not _nameish(nxt) or cover[i + 1] is not None:
            continue
        e = i + 2
        if e < n:
            last = words[e]
            if (not last.brk and not last.pro and last.definite and _nameish(last)
                    and cover[e] is None):
                e += 1
        out.append(Cand(i, e, "PER", "kunya"))
    return out
