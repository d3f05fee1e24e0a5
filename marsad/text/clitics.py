"""Clitics of one word: proclitics, stem and pronoun suffixes split off for matching.


`segment(word)` analyses a word in light form into proclitics, stem and pronoun suffixes.
Rules, tried in this order (each a small function below):

1. `_unsegmentable`: shorter than three letters, not Arabic, or neither its first letter nor
   its last could belong to a clitic -> kept whole.
2. `_function_word`: a function word (function_words.tsv: في، التي، لكن ...) -> kept whole.
3. `_protected_word`: a word of the team lexicon (stems_protected.tsv: وزارة، بغداد، فرنسا ...)
   or a month name (months.tsv: فبراير) -> kept whole: its first letters only look like
   clitics. Lists match a word as written, or by its folded key when it has no hamza seat
   (so الغاء matches إلغاء, but وإلى never matches والي).
4. `_lam_lam`: لل + X where لX is a known word: a name keeps no article (للبنان = ل + لبنان),
   any other word takes it (للجنة = ل + ال + لجنة).
5. `_analyses`: every reading allowed by the shape rules: at most one conjunction (و ف), then
   one preposition (ب ك ل) or the future س (only before ي ت ن أ, never on a word ending in
   ة ات ية), then the article ال (ل + ال is written لل); optionally one pronoun suffix
   (ه ها هم هما كم نا; never ي ك ني كن هن, which end too many nouns), only without the article,
   never after ة or ى; ه and نا never after ا or و (اتجاه، أحيانا، مكروه). Stems keep at
   least three letters (two after the article); a function word or a pronoun host
   (clitic_hosts.tsv: علي، من، كل ...) may be shorter.
6. `_best_known`: among the readings, the one with fewest clitics whose stem is known (lexicon,
   function words, pronoun hosts, or a lexicon word with a plural/nisba ending: لبنانية،
   وزارات); a function-word stem only after و ف ب.
7. `_most_stripped`: otherwise the reading that strips most (proclitics first, then a suffix),
   among readings `_plausible_unknown` keeps: ب or ك never before an unknown stem in ي.

`Segmentation.key` is the clitic-free matching form: the folded stem, with the article kept
when present, and a ة written ت before a suffix restored (سيطرته -> سيطره).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.lang import load_table, load_words
from marsad.text.normalize import _FOLD_TABLE, fold

ARTICLE = "ال"
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
FUTURE = "س"
IMPERFECTIVE = frozenset("يتنأ")
ENCLITICS = ("هما", "هم", "ها", "كم", "نا", "ه")
_CLITIC_FIRST = frozenset("وفبكلسا")
_CLITIC_LAST = frozenset("هام")
_DERIVED_ENDINGS = ("يين", "يون", "يات", "ية", "يان", "ات", "ين", "ون", "ان", "ي", "ة", "ا")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")

# The lexicon, plus month names (فبراير is not ف + براير), as light form -> kind.
_PROTECTED_LIGHT: dict[str, str] = {
    **{row[0]: "name" for row in load_table("months.tsv") if " " not in row[0]},
    **{row[0]: (row[1] if len(row) > 1 else "word") for row in load_table("stems_protected.tsv")},
}
_PROTECTED: dict[str, str] = {fold(word): kind for word, kind in _PROTECTED_LIGHT.items()}
_FUNCTION = frozenset(fold(w) for w in load_words("function_words.tsv"))
_FUNCTION_LIGHT = load_words("function_words.tsv")
_HAMZA_SEATS = re.compile("[أإآ]")
_HOSTS = frozenset(fold(w) for w in load_words("clitic_hosts.tsv"))
_FUNCTION_PROCLITICS = frozenset({(), ("و",), ("ف",), ("ب",), ("و", "ب"), ("ف", "ب")})


@dataclass(slots=True, frozen=True)
class Segmentation:
    """One word split into proclitics, stem and pronoun suffixes (all in light form)."""

    proclitics: tuple[str, ...]
    stem: str
    enclitics: tuple[str, ...]
    _key: str = field(default="", compare=False, repr=False)

    @property
    def key(self) -> str:
        """The clitic-free folded form used for matching (بالباغوز -> الباغوز)."""
        return self._key or _key_of(self.proclitics, self.stem, self.enclitics)


def _key_of(proclitics: tuple[str, ...], stem: str, enclitics: tuple[str, ...]) -> str:
    if enclitics and stem.endswith("ت") and not stem.endswith(("ات", "وت", "يت")):
        stem = stem[:-1] + "ة"
    key = stem.translate(_FOLD_TABLE)
    return ARTICLE + key if proclitics and proclitics[-1] == ARTICLE else key


def _make(proclitics: tuple[str, ...], stem: str, enclitics: tuple[str, ...]) -> Segmentation:
    return Segmentation(proclitics, stem, enclitics, _key_of(proclitics, stem, enclitics))


def _whole(word: str) -> Segmentation:
    return Segmentation((), word, (), word.translate(_FOLD_TABLE))


# --- rules 1-4: words kept whole or decided by the lexicon ------------------------------


def _unsegmentable(word: str) -> bool:
    """Too short, not Arabic, or neither starts nor ends with a letter a clitic could be."""
    return (
        len(word) < 3
        or (word[0] not in _CLITIC_FIRST and word[-1] not in _CLITIC_LAST)
        or not _ARABIC_LETTER.match(word)
    )


def _listed(word: str, folded: str, exact: Collection[str], keys: Collection[str]) -> bool:
    """In a word list: as written, or by its folded key when written without hamza seats."""
    return word in exact or (folded in keys and not _HAMZA_SEATS.search(word))


def _function_word(word: str, folded: str) -> bool:
    return _listed(word, folded, _FUNCTION_LIGHT, _FUNCTION)


def _protected_word(word: str, folded: str) -> bool:
    return _listed(word, folded, _PROTECTED_LIGHT, _PROTECTED)


def _derived_forms() -> dict[str, frozenset[str]]:
    """Folded plural/nisba forms of lexicon words -> the light endings that make them.

    A lexicon word's base is the word, or the word without a final ة/ا/يا (وزارة -> وزار,
    سوريا -> سور); base + ending (وزارات، سوري، لبنانية) is then known too.
    """
    forms: dict[str, set[str]] = {}
    for key in _PROTECTED:
        bases = {key}
        if key.endswith(("ه", "ا")):
            bases.add(key[:-1])
        if key.endswith("يا"):
            bases.add(key[:-2])
        for base in bases:
            if len(base) < 3 or base.endswith("ه"):
                continue
            for ending in _DERIVED_ENDINGS:
                forms.setdefault(base + ending.translate(_FOLD_TABLE), set()).add(ending)
    return {form: frozenset(endings) for form, endings in forms.items()}


_DERIVED = _derived_forms()


def _known_kind(stem: str) -> str | None:
    """The lexicon kind of `stem`, directly or through a plural or nisba ending."""
    kind = _PROTECTED_LIGHT.get(stem)
    if kind:
        return kind
    folded = stem.translate(_FOLD_TABLE)
    if not _HAMZA_SEATS.search(stem):
        kind = _PROTECTED.get(folded)
        if kind:
            return kind
    endings = _DERIVED.get(folded)
    if endings and any(stem.endswith(e) and stem[-len(e) - 1] != "ه" for e in endings):
        return "derived"
    return None


def _lam_lam(word: str) -> Segmentation | None:
    if not word.startswith("لل") or len(word) < 5:
        return None
    kind = _known_kind(word[1:])
    if kind is None:
        return None
    if kind == "name":
        return _make(("ل",), word[1:], ())
    return _make(("ل", ARTICLE), word[1:], ())


# --- rule 5: the readings the shape rules allow -----------------------------------------

Reading = tuple[tuple[str, ...], str, tuple[str, ...]]


def _proclitic_readings(word: str) -> list[tuple[tuple[str, ...], str]]:
    """Every (proclitics, rest) the proclitic grammar allows, the bare word first."""
    out: list[tuple[tuple[str, ...], str]] = [((), word)]
    heads: list[tuple[tuple[str, ...], str]] = [((), word)]
    if word[0] in CONJUNCTIONS:
        heads.append(((word[0],), word[1:]))
    for procs, rest in list(heads):
        if procs:
            out.append((procs, rest))
        if len(rest) > 1 and rest[0] in PREPOSITIONS:
            out.append(((*procs, rest[0]), rest[1:]))
            if rest[0] == "ل" and rest[1] == "ل":  # ل + ال is written لل
                out.append(((*procs, "ل", ARTICLE), rest[2:]))
        elif _future_verb(rest):
            out.append(((*procs, FUTURE), rest[1:]))
    with_article = []
    for procs, rest in out:
        if rest.startswith(ARTICLE) and (not procs or procs[-1] in ("و", "ف", "ب", "ك")):
            with_article.append(((*procs, ARTICLE), rest[2:]))
    return out + with_article


def _future_verb(rest: str) -> bool:
    """س + an imperfective verb: ي ت ن أ next, and no noun ending (سيارة، سنوات، سياسية)."""
    return (
        len(rest) > 3
        and rest[0] == FUTURE
        and rest[1] in IMPERFECTIVE
        and not rest.endswith(("ة", "ات", "ية"))
    )


def _short_stem_allowed(stem: str, has_enclitic: bool) -> bool:
    folded = stem.translate(_FOLD_TABLE)
    return folded in _FUNCTION or (has_enclitic and folded in _HOSTS)


def _stem_long_enough(procs: tuple[str, ...], stem: str, has_enclitic: bool) -> bool:
    if procs and procs[-1] == ARTICLE:
        return len(stem) >= 2
    return len(stem) >= 3 or (len(stem) >= 2 and _short_stem_allowed(stem, has_enclitic))


def _enclitic_readings(rest: str) -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = [(rest, ())]
    for suffix in ENCLITICS:
        if not rest.endswith(suffix) or len(rest) <= len(suffix):
            continue
        stem = rest[: -len(suffix)]
        last = stem[-1]
        if last in "ةى" or (last in "او" and suffix in ("ه", "نا")):
            continue
        out.append((stem, (suffix,)))
    return out


def _analyses(word: str) -> list[Reading]:
    readings: list[Reading] = []
    for procs, rest in _proclitic_readings(word):
        if not rest:
            continue
        has_article = bool(procs) and procs[-1] == ARTICLE
        for stem, encs in _enclitic_readings(rest) if not has_article else [(rest, ())]:
            if _stem_long_enough(procs, stem, bool(encs)):
                readings.append((procs, stem, encs))
    return readings


# --- rules 6-7: choosing a reading ------------------------------------------------------


def _is_known(reading: Reading) -> bool:
    procs, stem, encs = reading
    folded = stem.translate(_FOLD_TABLE)
    if encs and folded in _HOSTS:
        return True
    if folded in _FUNCTION:
        return procs in _FUNCTION_PROCLITICS and not encs
    if encs and stem.endswith("ت") and _known_kind(stem[:-1] + "ة"):
        return True
    return _known_kind(stem) is not None


def _best_known(readings: list[Reading]) -> Reading | None:
    known = [r for r in readings if _is_known(r)]
    if not known:
        return None
    return min(known, key=lambda r: len(r[0]) + len(r[2]))


def _most_stripped(readings: list[Reading]) -> Reading:
    plausible = [r for r in readings if _plausible_unknown(r)]
    return max(plausible or readings, key=lambda r: (len(r[0]), len(r[2])))


def _plausible_unknown(reading: Reading) -> bool:
    """ب and ك take nouns, and hardly any noun starts with ي (بيلاروس is not ب + يلاروس)."""
    procs, stem, _ = reading
    return not (procs and procs[-1] in ("ب", "ك") and stem[0] == "ي")


@lru_cache(maxsize=1 << 18)
def segment(word: str) -> Segmentation:
    """Split one light-form word into proclitics, stem and pronoun suffixes (rules above)."""
    if _unsegmentable(word):
        return _whole(word)
    folded = word.translate(_FOLD_TABLE)
    if _function_word(word, folded) or _protected_word(word, folded):
        return _whole(word)
    lam_lam = _lam_lam(word)
    if lam_lam is not None:
        return lam_lam
    readings = _analyses(word)
    procs, stem, encs = _best_known(readings) or _most_stripped(readings)
    if not procs and not encs:
        return _whole(word)
    return _make(procs, stem, encs)


