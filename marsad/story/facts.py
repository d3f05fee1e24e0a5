"""The specific facts of a report's title and lead, that tell apart events of one template.

Two press releases from one template (the second and the third relief plane to one
airport, two executions the same day) share almost every word; what differs is an ordinal
(«الطائرة الثالثة»), the nationality of the person concerned («سوري الجنسية»), a number of
some unit («12 طنا»). A fact is a key (what the value is about) and a value:
"o:طائره" → "3", "nat" → "السوريون", "n:طن" → "12". Two reports whose values of one key
share none disagree on it; two that share one agree.

Ordinals and places are read from the title only (or the opening when there is none): a
lead names background ordinals too (the second deputy prime minister, the first half of a
match) and places of background. Two titles' places conflict only when far apart: no
hierarchy of places tells a town inside a province from one of another province.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import cache

from marsad.lang import load_table, load_words
from marsad.text.normalize import fold
from marsad.text.tokens import ARTICLE, Token, tokenize

Facts = dict[str, list[str]]

FACT_CHARS = 600  # the opening of the text whose nationalities and numbers count
_UNTITLED_ORDINAL_WORDS = 20  # where an untitled report states its event
_KIND_WINDOW = 3  # content words before an ordinal that say what it counts
_TA_MARBUTA = fold("ة")  # a feminine adjective of nationality: السورية
_PLURAL_SUFFIX = "ون"  # the sound masculine plural of a nisba: سوريون
_MIN_WORD_LENGTH = 3
_NATIONALITY_KEY = "nat"
_PERSON_KEY = "who"
_ORDINAL_FAMILY = "o"
_PLACE_KEY = "place"  # the towns, provinces and sites a title names
_NEAR_KM = 200  # places this close may lie one inside the other (a city in its province)
_EARTH_KM = 6371.0  # the last name of a person whose nationality is stated
_DIGITS = re.compile(r"\d+")
_FIXED_CATEGORIES = frozenset({"other", "money", "area"})


def _bare(key: str) -> str:
    return key[2:] if key.startswith(ARTICLE) and len(key) > 4 else key


@cache
def _fact_words(kind: str) -> dict[str, str]:
    """Folded word -> value, of one kind of story_fact_words.tsv."""
    return {fold(row[0]): row[2] for row in load_table("story_fact_words.tsv") if row[1] == kind}


@cache
def _nationalities() -> dict[str, str]:
    return {fold(row[0]): row[1] for row in load_table("gaz_norp.tsv")}


@cache
def _units() -> dict[str, str]:
    """Units of things and amounts, whose numbers a report states once and for all; counts
    of people (killed, arrested, fighters) are left out: they grow as a story goes on and
    outlets give them as they stood when they wrote."""
    return {fold(row[0]): row[1] for row in load_table("units.tsv")
            if len(row) > 2 and row[2] in _FIXED_CATEGORIES}


@cache
def _multipliers() -> dict[str, int]:
    return {fold(row[0]): int(row[1]) for row in load_table("multipliers.tsv")}


def content_word(key: str) -> bool:
    """Whether a clitic-free, article-free token key carries content (not a function word)."""
    return len(key) >= _MIN_WORD_LENGTH and key not in _function_words()


@cache
def _function_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_words("function_words.tsv"))


def _nationality(key: str) -> str | None:
    """The group of a nationality adjective: سوري, السورية; a singular the gazetteer leaves
    out is found by its sound plural (باكستاني → باكستانيون)."""
    word = _bare(key)
    table = _nationalities()
    for form in (word, word[:-1] if word.endswith(_TA_MARBUTA) else None):
        if form:
            group = table.get(form) or table.get(form + _PLURAL_SUFFIX)
            if group:
                return group
    return None


@cache
def _places() -> dict[str, tuple[str, float, float]]:
    """Folded surface -> (canonical, latitude, longitude) of the gazetteer's towns,
    provinces and sites; countries and regions (seas, ranges) are left out: they hold
    the places of many events."""
    places = {}
    for row in load_table("gaz_places.tsv"):
        surface, canonical, kind, lat, lon, country = (row + ("",) * 6)[:6]
        if kind != "LOC" and canonical != country and lat and lon:
            places[fold(surface)] = (canonical, float(lat), float(lon))
    return places


def _place_facts(tokens: list[Token], facts: dict[str, set[str]]) -> None:
    """The places a title names, two-word names («خميس مشيط») before one-word ones."""
    places = _places()
    k = 0
    while k < len(tokens):
        pair = f"{tokens[k].key} {tokens[k + 1].key}" if k + 1 < len(tokens) else ""
        for span, key in ((2, pair), (1, tokens[k].key)):
            if key in places:
                facts[_PLACE_KEY].add(places[key][0])
                k += span - 1
                break
        k += 1


def _far_apart(a: set[str], b: set[str]) -> bool:
    """Whether every place of one set is far from every place of the other: without a
    hierarchy of places, distance tells a city of another province from one inside it."""
    coordinates = {canonical: (lat, lon) for canonical, lat, lon in _places().values()}
    return all(_km(coordinates[x], coordinates[y]) > _NEAR_KM
               for x in a if x in coordinates for y in b if y in coordinates)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * _EARTH_KM * math.asin(math.sqrt(h))


def _ordinal_facts(tokens: list[Token], facts: dict[str, set[str]]) -> None:
    """Each ordinal under the content words just before it, the thing it counts: «طائرة
    الشحن الثانية» is "o:طائره" and "o:شحن" → "2". A number before it makes it a count
    («30 ثانية»), not an ordinal."""
    kinds: list[str] = []
    for tok in tokens:
        key = _bare(tok.key)
        value = _fact_words("ordinal").get(key)
        if value:
            for kind in kinds[-_KIND_WINDOW:]:
                facts["o:" + kind].add(value)
            kinds = []
        elif key[:1].isdigit():
            kinds = []
        elif content_word(key):
            kinds.append(key)


def _readings(text: str, tok: Token) -> list[int]:
    """The whole numbers a written number may be read as. Outlets write one decimal many
    ways («186,3», «3.2», «2ر3» and «2.3» for 3.2 typed right to left), so each run of
    digits of the word is one reading."""
    start = max(text.rfind(" ", 0, tok.start), text.rfind("\n", 0, tok.start)) + 1
    return [int(run) for run in _DIGITS.findall(text[start:tok.end])]


def _nationality_facts(text: str, tokens: list[Token], facts: dict[str, set[str]]) -> None:
    """The nationality of each person a report concerns, and that person's last name when
    the nationality is set off after it («المدعو فلان الفلاني - سوري الجنسية -»)."""
    cues = _fact_words("nationality")
    for k, tok in enumerate(tokens):
        if _bare(tok.key) not in cues:
            continue
        for near in tokens[max(0, k - 1):k] + tokens[k + 1:k + 2]:
            nationality = _nationality(near.key)
            if nationality:
                facts[_NATIONALITY_KEY].add(nationality)
        if k >= 2 and _nationality(tokens[k - 1].key):
            name, between = tokens[k - 2], text[tokens[k - 2].end:tokens[k - 1].start]
            if between.strip() and not between.strip().isalnum() and content_word(name.key):
                facts[_PERSON_KEY].add(_bare(name.key))


def _number_facts(text: str, tokens: list[Token], facts: dict[str, set[str]]) -> None:
    units, multipliers = _units(), _multipliers()
    for k, tok in enumerate(tokens):
        if not tok.key[:1].isdigit():
            continue
        after = tokens[k + 1:k + 3]
        scale = 1
        if after and after[0].key in multipliers:
            scale, after = multipliers[after[0].key], after[1:]
        if after and _bare(after[0].key) in units:
            facts["n:" + units[_bare(after[0].key)]].update(
                str(reading * scale) for reading in _readings(text, tok))


def story_facts(title: str | None, text: str) -> Facts:
    """The facts of a report: the ordinals and places of its title, the numbers of things
    and amounts in its title and opening, the nationalities of the people it concerns
    (wherever they are stated: a statement may open with a verse and name the person later).
    Values sorted, so that stored facts compare as they are."""
    facts: dict[str, set[str]] = defaultdict(set)
    title_tokens = tokenize(title) if title else []
    tokens = tokenize(text)
    opening = tokens[:bisect_left([tok.start for tok in tokens], FACT_CHARS)]
    headline = title_tokens or opening[:_UNTITLED_ORDINAL_WORDS]
    _ordinal_facts(headline, facts)
    _place_facts(headline, facts)
    if title:
        _number_facts(title, title_tokens, facts)
    _number_facts(text, opening, facts)
    _nationality_facts(text, tokens, facts)
    return {key: sorted(values) for key, values in sorted(facts.items())}


def compare_facts(a: dict[str, set[str]], b: dict[str, set[str]]) -> tuple[int, int]:
    """(agreements, conflicts) between two sets of facts, one per family (ordinals,
    nationality, person, numbers): a family agrees when one of its keys shares a value, and
    conflicts when none does and some key held by both shares none. A shared nationality
    is no agreement: many people share one, while two of them tell two persons apart;
    nor is a shared place, and two places conflict only when far apart.
    An ordinal conflict counts twice: it numbers two events of one series, which share
    the template's other facts (the second and the fourth plane both carry 10 tons)."""
    agree: set[str] = set()
    conflict: set[str] = set()
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    for key, values in small.items():
        other = large.get(key)
        if other is None:
            continue
        if key == _PLACE_KEY:  # one town hosts many events: places only tell events apart
            if not values & other and _far_apart(values, other):
                conflict.add(key)
            continue
        family = key.split(":")[0]
        (agree if values & other else conflict).add(family)
    conflicts = conflict - agree
    return len(agree - {_NATIONALITY_KEY}), len(conflicts) + (_ORDINAL_FAMILY in conflicts)


class FactTally:
    """The facts of a cluster: how many members state each value of each key. A cluster is
    judged by the values most of the members that state a key hold, not by their union: a
    round-up of two executions must not link the cluster it joins to the other one."""

    def __init__(self, facts: Facts) -> None:
        self._values = {key: Counter(values) for key, values in facts.items() if values}
        self._holders = Counter(dict.fromkeys(self._values, 1))

    def add(self, other: FactTally) -> None:
        for key, values in other._values.items():
            self._values.setdefault(key, Counter()).update(values)
        self._holders.update(other._holders)

    def core(self) -> dict[str, set[str]]:
        """The values of each key held by more than half of its holders or, when none is,
        the values held most (a tie keeps them all: the town and its province)."""
        core = {}
        for key, values in self._values.items():
            most = max(values.values())
            held = {value for value, count in values.items()
                    if 2 * count > self._holders[key] or count == most}
            core[key] = held
        return core
