"""The entity finder's language data, loaded once: gazetteers, titles, triggers and cues.

Every lexicon entry is indexed by matching keys (`fold`, with the kunya and عبد forms made
one), so the finder only does dictionary look-ups per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.lang import load_table
from marsad.text.normalize import fold

_KUNYA = {"ابو", "ابي", "ابا"}
_ABD = "عبد"
# Long vowels dropped by the spelling-variant key (الديموقراطية = الديمقراطية).
_VOWELS_INSIDE = re.compile(r"(?<=[^\s])[اوي](?=[^\s])")
# The narrower variant used to look names up: و between consonants (ديموقراطية).
_WAW_INSIDE = re.compile(r"(?<=[^\sاوي])و(?=[^\sاوي])")


def key_tokens(name: str, join_abd: bool = False) -> tuple[str, ...]:
    """The matching keys of a name's words: folded, أبي/أبا → أبو (and عبد joined to the next
    word when `join_abd`, for merge keys)."""
    words = fold(name).split()
    out: list[str] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word in _KUNYA and i + 1 < len(words):
            word = "ابو"
        if join_abd and word == _ABD and i + 1 < len(words):
            word = _ABD + words[i + 1]
            skip = True
        out.append(word)
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The key two spellings of one name share: `key_tokens` joined by spaces."""
    return " ".join(key_tokens(name, join_abd=True))


def variant_key(key: str) -> str:
    """A looser key: long vowels inside words dropped (ديموقراطية/ديمقراطية, يوسف/يوسيف)."""
    return _VOWELS_INSIDE.sub("", key)


@lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """A long word's key without a و between consonants, for gazetteer look-ups."""
    return _WAW_INSIDE.sub("", word) if len(word) >= 7 else word


def number_key(key: str) -> str:
    """A group name's plural or dual made singular: الحوثيون/الحوثيين → الحوثي."""
    if len(key) > 5 and key.endswith(("يون", "يين", "يان")):
        return key[:-2]
    return key


@dataclass(frozen=True, slots=True)
class GazEntry:
    canonical: str
    type: str
    lat: float | None = None
    lon: float | None = None
    role: str | None = None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _gazetteer() -> dict[tuple[str, ...], GazEntry]:
    """Every gazetteer surface's key tuple → its entry (the first file listing it wins)."""
    entries: dict[tuple[str, ...], GazEntry] = {}
    for name in ("gaz_places.tsv", "gaz_orgs.tsv", "gaz_norp.tsv", "gaz_people.tsv"):
        for row in load_table(name):
            if len(row) < 3 or not row[0]:
                continue
            canonical = row[1] or row[0]
            entry = GazEntry(canonical, row[2])
            if name == "gaz_places.tsv" and len(row) >= 5:
                entry = GazEntry(canonical, row[2], _float(row[3]), _float(row[4]))
            elif name == "gaz_people.tsv" and len(row) >= 4 and row[3]:
                entry = GazEntry(canonical, row[2], role=row[3])
            for surface in (row[0], canonical):
                entries.setdefault(key_tokens(surface), entry)
    return entries


def _first_index(keys: dict[tuple[str, ...], object]) -> dict[str, list[tuple[str, ...]]]:
    """First word → the key tuples starting with it, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for tup in keys:
        if tup:
            index.setdefault(tup[0], []).append(tup)
    for tuples in index.values():
        tuples.sort(key=lambda t: (-len(t), t))
    return index


GAZ = _gazetteer()
GAZ_INDEX = _first_index(GAZ)
# Club names, many of them common words (النصر، الاتفاق): read only in sports reports.
CLUBS = {key_tokens(row[0]): GazEntry(row[1], row[2]) for row in load_table("gaz_clubs.tsv")}
CLUB_INDEX = _first_index(CLUBS)
# Single-word group names by singular key, so الحوثيين finds الحوثيون.
GAZ_SINGULAR = {
    number_key(k[0]): e for k, e in GAZ.items() if len(k) == 1 and e.type in ("NORP", "ORG")
}
# Singular nationality and group adjectives (الإيطالي from الإيطاليون), for الإيطالي X.
_NATIONALITY_NISBAS = frozenset(fold(row[0]) for row in load_table("nationalities.tsv"))
NATIONALITIES = _NATIONALITY_NISBAS | frozenset(
    number_key(k[0]) for k, e in GAZ.items()
    if len(k) == 1 and e.type == "NORP" and number_key(k[0]) != k[0]
)
# Spelling keys of names with a long word, for a last-chance look-up (الديمقراطية).
GAZ_VARIANT = {
    tuple(spelling_key(w) for w in k): e
    for k, e in GAZ.items()
    if any(len(w) >= 7 for w in k) and (len(k) > 1 or len(k[0]) > 7)  # not المملوكة
}
GAZ_VARIANT_INDEX = _first_index(GAZ_VARIANT)

TITLES: dict[tuple[str, ...], str] = {
    key_tokens(row[0]): (row[1] if len(row) > 1 else "office") for row in load_table("titles.tsv")
}
TITLE_INDEX = _first_index(TITLES)
# Last words of titles (الوزراء in رئيس الوزراء): a known surname after one is the person.
TITLE_ENDS = frozenset(k[-1] for k in TITLES)
# Royal and courtesy titles after which a facility or body is named (مطار الملك خالد).
HONOREE_TITLE_INDEX = _first_index({k: v for k, v in TITLES.items() if v == "honorific"})

# trigger keys → (type, include): include = the trigger word belongs to the name.
TRIGGERS: dict[tuple[str, ...], tuple[str, bool]] = {
    key_tokens(row[0]): (row[1], len(row) > 2 and row[2] != "exclude")
    for row in load_table("entity_triggers.tsv")
    if len(row) >= 2
}


def _trigger_scope(scope: str) -> frozenset[tuple[str, ...]]:
    return frozenset(
        key_tokens(row[0]) for row in load_table("entity_triggers.tsv")
        if len(row) > 2 and row[2] == scope
    )


# Triggers that name something only with a royal title and a name after them (قاعة الملك).
HONOREE_ONLY = _trigger_scope("honoree")
# Triggers that before a lone place name are a battle front, not a body (جبهة حلب).
FRONTS = _trigger_scope("front")
# Plural triggers that name something only with a known place after them (مخيمات تندوف, not
# مخيمات النزوح).
PLACE_PLURALS = _trigger_scope("plural")
TRIGGER_INDEX = _first_index(TRIGGERS)
# الرياضية from «مدينة رياضية»: after a town noun and a royal name, the adjective of a
# facility trigger makes the whole a facility (مدينة الملك عبدالله الرياضية).
FACILITY_ADJECTIVES = frozenset(
    "ال" + words[1] for words, (typ, _) in TRIGGERS.items()
    if len(words) == 2 and typ == "FAC" and words[0] == fold("مدينة")
)
# «الحكومة اليمنية»، «القوات المسلحة الأميركية»: the definite head nouns of organisations
# (ORG triggers, scope include) and the stems of nationalities (from the NORP gazetteer's
# plurals: السوريون → سور) that together name a country's body.
DEFINITE_ORG_HEADS = frozenset(
    "ال" + words[0] for words, (typ, include) in TRIGGERS.items()
    if len(words) == 1 and typ == "ORG" and include
)
NATIONALITY_STEMS = frozenset(
    key[2:-3]
    for key in (fold(row[0]) for row in load_table("gaz_norp.tsv"))
    if key.startswith("ال") and key.endswith(("يون", "يين")) and len(key) > 6
) | frozenset(key[2:-1] for key in _NATIONALITY_NISBAS)
# Definite ORG triggers used alone refer back to a named organisation (التنظيم → تنظيم ...).
# «الوزارة» after «وزارة الداخلية», «الحركة» after «حركة حماس»: a definite head noun of an
# organisation's name refers back to the last such name (entity_triggers.tsv, ORG with
# scope include, plus تنظيم whose names the gazetteer spells without the trigger table).
ORG_HEADS = {
    fold("ال" + trigger): fold(trigger)
    for trigger, etype, scope in (row[:3] for row in load_table("entity_triggers.tsv"))
    if scope in ("include", "front") and etype == "ORG"
} | {fold("التنظيم"): fold("تنظيم")}

GIVEN_NAMES = frozenset(fold(row[0]) for row in load_table("given_names.tsv"))
# Transliterated first names: the word after one is a foreign family name, whatever Arabic
# word shape it happens to have (ويندي تايلور, not a verbal noun; دافيد يونغ, not a verb).
FOREIGN_GIVEN = frozenset(
    fold(row[0]) for row in load_table("given_names.tsv") if row[1] == "foreign"
)
# As written, to tell ناديه (his club) from نادية: a name in ة typed with ه is a suffix.
GIVEN_LIGHT = frozenset(row[0] for row in load_table("given_names.tsv"))
# News outlets as named at the head of an article (سبق، واس), written and canonical.
OUTLET_NAMES = frozenset(fold(name) for row in load_table("outlets.tsv") for name in row[:2])
OUTLET_FIRST_WORDS = frozenset(name.split()[0] for name in OUTLET_NAMES if name.strip())
# Function words as written, to tell the preposition على from the name علي.
FUNCTION_LIGHT = frozenset(row[0] for row in load_table("function_words.tsv"))
# Given names that are also a function word as often typed (علي for على).
AMBIGUOUS_GIVEN = GIVEN_NAMES & frozenset(fold(w) for w in FUNCTION_LIGHT)

_CUES: dict[str, str] = {
    fold(row[0]): row[1] for row in load_table("entity_cues.tsv") if len(row) > 1
}


def _cues_of(kind: str) -> frozenset[str]:
    """The cue words of one kind (entity_cues.tsv, second column)."""
    return frozenset(k for k, v in _CUES.items() if v == kind)


SAY = _cues_of("say")
ACCORDING = _cues_of("according")
CONTENT = _cues_of("content")
MODIFIERS = _cues_of("modifier")
ANAPHOR_ADJ = _cues_of("anaphor")
EPITHETS = _cues_of("epithet")
HOMOGRAPHS = _cues_of("homograph")
SPORT_WORDS = _cues_of("sport")
COMMON_GIVEN = _cues_of("common_given")
IDAFA_GIVEN = _cues_of("idafa_given")
STANDALONE_ORGS = _cues_of("standalone_org")
# الحوثيين: plural nisbas of movements, names even as an adjective after a noun.
GROUP_NISBAS = _cues_of("group_nisba")
# الدين، الإسلام: second halves of two-word given names (سيف الإسلام القذافي).
GIVEN_SECONDS = _cues_of("given_second")
# الجنوب، البلاد، المنطقة: definite words that describe where, never a place's name.
VAGUE_PLACES = _cues_of("vague_place")
# مبنى، مقر: facility nouns that name a body's building, no facility named after the body.
PREMISES = _cues_of("premises")
# صحيفة، وكالة: nouns of news outlets (a quoted name after them is the outlet), whose name
# news also uses alone (الوسط).
PRESS_HEADS = _cues_of("outlet")
# شبكة: also an outlet's noun, but as often a technical network's.
OUTLET_HEADS = PRESS_HEADS | _cues_of("network")
# قوات صالح، حكومة المالكي: heads of a body that news names after its leader.
LEADER_HEADS = _cues_of("leader_head")
# عن طريق: (preposition, trigger) pairs that are no name.
IDIOMS = frozenset(tuple(k.split()) for k, v in _CUES.items() if v == "idiom")
# الحملة الوطنية السعودية، الإدارة العامة للمرور: heads and adjectives of bodies' names.
BODY_HEADS = _cues_of("body")
# الشؤون الصحية بمنطقة حائل: heads of a region's body, named only with بـ + a known place.
REGIONAL_HEADS = _cues_of("regional_body")
INSTITUTIONAL = _cues_of("institutional")
# الإنترنت، الجيش: common nouns that complete no name after a trigger (شبكة الإنترنت).
GENERIC_NOUNS = _cues_of("generic_noun")
# شمال، غرب: between a body's trigger and a known place, part of the body's name.
DIRECTIONS = _cues_of("direction")
# عائلة، أسرة: a surname after them names a family, not a person.
FAMILY_NOUNS = _cues_of("family")
# Weekdays and months, which a name never runs on into (للإغاثة الخميس).
TIME_NAMES = frozenset(fold(row[0]) for name in ("weekdays.tsv", "months.tsv")
                       for row in load_table(name))
# Cue kinds that describe words rather than end names.
_CONTEXT_KINDS = (
    "epithet", "homograph", "sport", "common_given", "idafa_given", "body", "institutional",
    "standalone_org", "idiom", "premises", "given_second", "vague_place", "outlet",
    "regional_body", "generic_noun", "family", "network",
)
# Words that end a name: cue and function words (ENDERS), also titles and trigger nouns (STOP).
ENDERS = (
    frozenset(k for k, v in _CUES.items() if v not in _CONTEXT_KINDS)
    | frozenset(fold(row[0]) for row in load_table("function_words.tsv"))
) - GIVEN_NAMES
STOP = (ENDERS | frozenset(TITLE_INDEX) | frozenset(TRIGGER_INDEX)) - GIVEN_NAMES
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_TRIGGERS = frozenset(k[0] for k, (t, _) in TRIGGERS.items() if t in PLACE_TYPES)
# Words that mark a place context for the word after them.
PLACE_PREPOSITIONS = frozenset({"في", "الي", "من", "نحو", "قرب", "داخل", "شمال", "جنوب", "شرق",
                                "غرب", "ريف"})
