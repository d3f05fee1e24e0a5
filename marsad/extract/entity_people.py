"""The person rules: names read from the context around them, as candidate spans.

Tried after the structural rules, in this order of preference when they overlap:
`title_hits` (titles and roles, the role kept as description), `cue_hits` (after a
reporting verb), `given_name_hits` (a given name and one or two more name words),
`kunya_hits` (أبو/أبي/أبا + name), `nationality_hits` (entity_nationality_names.py);
lists of names are read in entity_lists.py.
`name_end` decides where every one of these names stops.
"""

from __future__ import annotations

from marsad.extract.entity_lexicon import (
    AMBIGUOUS_GIVEN,
    COMMON_GIVEN,
    CONTENT,
    ENDERS,
    FOREIGN_GIVEN,
    FUNCTION_LIGHT,
    GIVEN_LIGHT,
    GIVEN_NAMES,
    GIVEN_SECONDS,
    IDAFA_GIVEN,
    MODIFIERS,
    NATIONALITIES,
    ORG_HEADS,
    PLACE_TYPES,
    SAY,
    STOP,
    TITLE_INDEX,
    TITLES,
)
from marsad.extract.entity_rules import Cand, adjective, longest, nameish, verbish
from marsad.extract.entity_words import Word, not_a_name
from marsad.extract.number_lexicon import UNIT_WORDS

MAX_NAME_UNITS = 3
_SPOKESPERSON_ROLE = 12
_OTHER_ROLE = 6
_NAME_JOINERS = frozenset({"ابو", "عبد", "ابن", "بن", "ام", "ال"})
_LINEAGE = frozenset({"بن", "ابن"})
_QUOTE_MARKS = frozenset('"«“')
_ROLE_PREPOSITIONS = frozenset({"في", "اسم", "باسم"})
# Prepositions that may follow a speaker's name: a known place just before them is the last
# word of the name (مصطفى بالي في تغريدة، على تويتر), since a place would need its own في.
_AFTER_NAME = frozenset({"في", "على", "عن", "عبر", "من", "مع", "أمام"})


def name_end(words: list[Word], j: int, cover: list[Cand | None]) -> int:
    """End of the person name starting at word `j`: up to three name units (أبو X, عبد X,
    بن X, آل X count as one), stopping at punctuation, clitics, function words, verbs and
    after a definite word; a known place is taken only as the last word right before
    punctuation, إن or a preposition (عدنان عفرين عن ...)."""
    p, units, n = j, 0, len(words)
    definite_seen = False
    while p < n and units < MAX_NAME_UNITS:
        w = words[p]
        if p > j and (
            w.brk or (w.pro and not w.soft) or w.enc
            or (not nameish(w) or not_a_name(w)) and not _foreign_surname(words, p)
            or w.light in FUNCTION_LIGHT or (units >= 2 and w.key in AMBIGUOUS_GIVEN)
            or (definite_seen and w.key not in _NAME_JOINERS)
            or (w.definite and units >= 2 and not given_name(words[p - 1])
                and not _lineage_family_name(words, p)
                and not (p == j + 2 and words[p - 1].key in GIVEN_SECONDS))
            or (w.definite and words[p - 2].key in _LINEAGE
                and not _lineage_family_name(words, p))
            or (w.soft and w.key.endswith(("ه", "ات")))
            or (w.key in TITLE_INDEX and longest(words, p, TITLE_INDEX) is not None)
        ):
            break
        c = cover[p]
        if c is not None and c.type != "PER" and not _group_family_name(words, p, c) and (
            p == j or c.j != p + 1 or not _closes_name(words, p)
        ):
            break  # a known place only as the name's last word (عدنان عفرين عن)
        joined = False
        while words[p].key in _NAME_JOINERS and p + 1 < n and not words[p + 1].brk:
            p += 1  # a joiner takes the next word into the same unit
            joined = True
        definite_seen = words[p].definite and not joined and not (
            p == j and _definite_given(words[p])
        ) and not (p == j + 1 and words[p].key in GIVEN_SECONDS)
        p += 1
        units += 0 if joined and p - j > 2 else 1  # بن X بن Y آل Z: a lineage runs on
    return p


def _foreign_surname(words: list[Word], p: int) -> bool:
    """يوبنك in دافيد يوبنك من: right after a foreign first name and closing the name (before
    punctuation, a preposition, إن or a reporting verb), a word is the family name even when
    it looks like a verb or a verbal noun."""
    first, w = words[p - 1], words[p]
    if first.key not in FOREIGN_GIVEN or first.definite or first.pro not in ("", "و") or (
        first.key in COMMON_GIVEN
    ):
        return False  # الآن is no آلان, بيان (ب + يان) no name
    if w.num or len(w.key) < 3 or w.key in STOP:
        return False
    return _closes_name(words, p)


def _closes_name(words: list[Word], p: int) -> bool:
    """Is word `p` the last of a name: punctuation, إن, a reporting verb or a preposition
    follows (عدنان عفرين عن، مصطفى بالي لفرانس برس)?"""
    nxt = words[p + 1] if p + 1 < len(words) else None
    return nxt is None or nxt.brk or nxt.key in CONTENT or nxt.key in SAY or (
        nxt.light in _AFTER_NAME or nxt.pro == "ل"
    )


def _group_family_name(words: list[Word], p: int, c: Cand) -> bool:
    """عبدالملك الحوثي، محمد المصري: a group's or nationality's nisba right after a given name
    is the family name."""
    return (c.type == "NORP" and c.i == p and c.j == p + 1 and _nisba_name(words[p])
            and p > 0 and given_name(words[p - 1]))


def _lineage_family_name(words: list[Word], p: int) -> bool:
    """الفهد in عبد الرحمن بن حمد الفهد: a definite word after بن X, unless it has a plural or
    feminine ending (بن بندر الفائزين، بن سعيد الجائزة)."""
    return words[p - 2].key in _LINEAGE and not words[p].key.endswith(("ين", "ون", "ات", "ه"))


def name_start_ok(w: Word, cover: Cand | None) -> bool:
    """Could a person's name start at `w`? Not a verb, a clitic word, a word with a pronoun
    suffix (أنصاره), a counted noun (جنود، مقاتلين) or a nationality (مسؤول أميركي) unless it
    is also a given name (تركي)."""
    if w.num or w.pro[:1] == "و" or (w.pro and not w.soft) or w.key in STOP or verbish(w):
        return False
    if (w.enc or w.key in UNIT_WORDS or w.key in NATIONALITIES) and not given_name(w):
        return False  # نظيره، أنصاره، جنود، أميركي: possessed or counted nouns, nisbas
    if cover is not None:
        return cover.type == "PER"
    if w.key in _NAME_JOINERS or given_name(w):
        return True
    if w.light in FUNCTION_LIGHT:
        return False
    if w.definite or w.key.endswith("ه") or len(w.key) < 3 or not_a_name(w):
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
    if kind == "office" and w.key == "في" and j + 1 < len(words) and not words[j + 1].brk:
        place = cover[j + 1]  # رئيس البعثة في اليمن X: where the office is held
        return place is not None and place.type in PLACE_TYPES and place.i == j + 1
    if w.key in ENDERS or kind in ("honorific", "rank", "profession") and not adjective(w):
        return False
    nxt = words[j + 1] if j + 1 < len(words) else None
    idafa_next = nxt is not None and not nxt.brk and (
        nxt.definite or nxt.pro == "ل" or cover[j + 1] is not None
    )
    if w.definite or w.pro == "ل" or (w.key.endswith("ه") and idafa_next):
        return True
    # مديرة قسم الشرق، وزير دفاع أميركي: an indefinite noun heading an idafa or before an
    # indefinite adjective (a definite nisba after it would rather be a family name)
    if given_name(w) or nxt is None or nxt.brk:
        return False
    if nxt.definite:
        return not nxt.key.endswith("ي")
    return nxt.key.endswith(("ي", "يه"))


def _title_name_ok(words: list[Word], j: int, kind: str, cover: list[Cand | None]) -> bool:
    """A name after a title starts with a given name, or has two words (after a profession, a
    family name for second), or (after an office or honorific: الرئيس أوباما) is one word
    that punctuation or a function word ends."""
    w = words[j]
    if given_name(w):
        return True
    if w.pro or (w.definite and not _definite_given(w)):
        return False
    e = name_end(words, j, cover)
    if w.soft and e - j >= 2 and words[j + 1].definite:
        return False  # لأمير قطر بموفور الصحة: a preposition and its noun, not a name
    if kind == "profession":
        return e - j >= 2 and _profession_name(words[j + 1])
    if e - j >= 2:
        return True
    if w.soft:
        return False  # وزير المالية بمنصبه: a clitic, not a name
    nxt = words[e] if e < len(words) else None
    return nxt is None or nxt.brk or nxt.key in ENDERS or nxt.light in FUNCTION_LIGHT


def _profession_name(second: Word) -> bool:
    """After a profession or person noun (أخصائي، الطفل) a name with no given name needs a
    family name for second word, not a noun phrase (علم الاجتماع، سمات شخصية، بارتكاب
    الجريمة)."""
    if second.definite:
        return _nisba_name(second)
    return not second.key.endswith("ه")


def title_hits(words: list[Word], cover: list[Cand | None], text: str) -> list[Cand]:
    """الرئيس الأميركي X، المتحدث باسم ... X، اللواء X: the name after a title and its role.

    Between them may stand the role (definite words, idafa, a ل-phrase; for spokespeople
    also باسم and في + place); honorifics, ranks and professions allow only adjectives."""
    out: list[Cand] = []
    n = len(words)
    for i, w in enumerate(words):
        if w.key not in TITLE_INDEX and w.folded not in TITLE_INDEX:
            continue
        if cover[i] is not None and cover[i].type != "PER":
            continue  # جامعة الملك سعود: the title is inside a name
        tup = longest(words, i, TITLE_INDEX)
        if tup is None:
            continue
        kind = TITLES[tup]
        limit = _SPOKESPERSON_ROLE if kind == "spokesperson" else _OTHER_ROLE
        k = j = i + len(tup)
        while j < n and j - k < limit and not words[j].brk:
            inner = longest(words, j, TITLE_INDEX) if j > k and words[j].key in STOP else None
            if inner is not None:  # والي كسلا اللواء X: the last title leads to the name
                kind = TITLES[inner]
                j = k = j + len(inner)
                continue
            if kind != "spokesperson" and j == k and _definite_given(words[j]):
                break
            if name_start_ok(words[j], cover[j]) and (j > k or kind != "spokesperson"):
                break
            if not _role_word(words, j, kind, cover):
                j = n
                break
            j += 1
        if j >= n or words[j].brk and not _quoted(words, j, text):
            continue
        if not name_start_ok(words[j], cover[j]) and not (j == k and _definite_given(words[j])):
            continue
        if cover[j] is None and not _title_name_ok(words, j, kind, cover):
            continue
        description = text[words[i].start : words[j - 1].end]
        c = cover[j]
        if c is not None:  # a known person: keep the role for it
            out.append(Cand(c.i, c.j, "PER", "title", c.entry, description))
            continue
        e = name_end(words, j, cover)
        out.append(Cand(j, e, "PER", "title", None, description, words[j].soft))
    return out


def _quoted(words: list[Word], j: int, text: str) -> bool:
    """Only an opening quotation mark stands before word `j` (اللاعب "سالم الدوسري")."""
    gap = text[words[j - 1].end : words[j].tstart].strip()
    return len(gap) == 1 and gap in _QUOTE_MARKS


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
        if not name_start_ok(w, None):
            continue
        e = name_end(words, j, cover)
        role_follows = e < n and longest(words, e, TITLE_INDEX) is not None
        lineage = any(words[q].key in _LINEAGE for q in range(j + 1, e - 1))
        place_next = e == j + 1 and e < n and cover[e] is not None and cover[e].type != "PER"
        if place_next and not words[e].brk:
            continue  # وقال أمين جدة: a post of that place, not a one-word name
        if e > j and (given_name(w) or _abd_name(words, j) or role_follows or lineage
                      or _lone_speaker(words, j, e)):
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
        if not _nisba_name(w) or w.key in STOP:
            return False
    elif w.key.endswith(("ه", "ات")) or (w.key.endswith("ون") and len(w.key) <= 7):
        return False
    nxt = words[e] if e < len(words) else None
    return (
        nxt is None or nxt.brk or nxt.key in CONTENT or nxt.light in FUNCTION_LIGHT
        or (bool(nxt.pro) and not nxt.soft) or nxt.num
    )


def _definite_given(w: Word) -> bool:
    """A given name with the article (الصادق، الطيب، الوليد) right after a title."""
    return w.definite and not w.pro and w.key[2:] in GIVEN_NAMES


def given_name(w: Word) -> bool:
    """A given name as written (not the preposition على, not عليه or ناديه with a suffix)."""
    if w.key not in GIVEN_NAMES or w.enc or w.light in FUNCTION_LIGHT:
        return False
    name = w.light[len(w.pro):]
    return not (name.endswith("ه") and name not in GIVEN_LIGHT and name[:-1] + "ة" in GIVEN_LIGHT)


def given_name_hits(words: list[Word], cover: list[Cand | None]) -> list[Cand]:
    """A given name (given_names.tsv) and one or two more name words: كريستوفر ميلر.

    With no title or cue to vouch for it, a definite second word must read as a family
    name (a nisba: الزيداني), not a noun (نجم المباراة)."""
    out: list[Cand] = []
    n = len(words)
    for i, w in enumerate(words):
        if w.key == "عبد" and _abd_name(words, i) and cover[i] is None and (
            w.pro in ("", "و") and i + 2 < n and (i == 0 or words[i - 1].key not in _LINEAGE)
        ) and words[i + 2].definite and _nisba_name(words[i + 2]):
            out.append(Cand(i, name_end(words, i, cover), "PER", "given_name"))
            continue  # عبد الرحمن الشهري: a two-word given name and a family nisba
        if not given_name(w) or cover[i] is not None or w.pro not in ("", "و") or i + 1 >= n:
            continue
        if (w.key in AMBIGUOUS_GIVEN and not _opens_lineage(words, i)) or (
            i > 0 and longest(words, i - 1, TITLE_INDEX)
        ):
            continue  # علي typed for على; باسم in المتحدث باسم
        second = words[i + 1]
        nisba = second.definite and _nisba_name(second)
        if w.key in COMMON_GIVEN and not nisba:
            continue  # شهد منفذ، أمل كبير: a verb or noun, not a name
        if not second.definite and second.key.endswith("يه") and second.key not in GIVEN_NAMES:
            continue  # بيئة آمنة خالية: a feminine adjective
        ends = (i + 2 >= n or words[i + 2].brk) and w.key not in IDAFA_GIVEN
        if second.definite and not nisba and cover[i + 1] is None and (
            not ends or second.key in ORG_HEADS
        ):
            continue  # a definite noun (نجم المباراة, الحزب) unless punctuation closes a name
        e = name_end(words, i, cover)
        if e - i >= 2:
            out.append(Cand(i, e, "PER", "given_name"))
    return out


def _opens_lineage(words: list[Word], i: int) -> bool:
    """علي بن إبراهيم: a given name that is also a preposition as often typed (علي) is the
    name when written with ي before بن (no preposition stands before one)."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return (words[i].light[-1:] == "ي" and nxt is not None and not nxt.brk and not nxt.pro
            and nxt.key in _LINEAGE)


def _abd_name(words: list[Word], i: int) -> bool:
    """عبد العزيز، عبد الله: عبد and a definite word make a given name written apart."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return words[i].key == "عبد" and nxt is not None and not nxt.brk and nxt.definite


def kunya_hits(words: list[Word], cover: list[Cand | None]) -> list[Cand]:
    """أبو/أبي/أبا + a name (+ a nisba): أبو الحسن المهاجر."""
    out: list[Cand] = []
    n = len(words)
    for i, w in enumerate(words):
        if w.key != "ابو" or cover[i] is not None or i + 1 >= n:
            continue
        nxt = words[i + 1]
        if nxt.brk or nxt.pro or not nameish(nxt) or cover[i + 1] is not None:
            continue
        e = i + 2
        if e < n:
            last = words[e]
            if (not last.brk and not last.pro and last.definite and nameish(last)
                    and cover[e] is None):
                e += 1
        out.append(Cand(i, e, "PER", "kunya"))
    return out


def _nisba_name(w: Word) -> bool:
    """A family nisba (الزيداني), not a word written with alif maqsura (المستشفى، المصطفى)."""
    return w.key.endswith("ي") and not w.light.endswith("ى")
