"""Number words, multipliers, qualifiers and non-figure cues, loaded once and folded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from marsad.lang import load_table
from marsad.text.normalize import fold


class Entry(NamedTuple):
    """What a number word is: kind (unit, tens, hundred, teen, mult, vague ...), value, form."""

    kind: str
    value: float
    form: str


class Tok(NamedTuple):
    """A token of the folded text: d digits, w Arabic word, l Latin word, p punctuation."""

    start: int
    end: int
    text: str
    kind: str


def _value(s: str) -> float:
    return 0.0 if s == "-" else float(s)


LEX: dict[str, Entry] = {}
CUES: dict[str, str] = {}
for _word, _val, _kind in load_table("number_words.tsv"):
    if _kind.endswith("_cue") or _kind.startswith("time_"):
        CUES[fold(_word)] = _kind
    elif " " not in _word:
        _form = {"أرباع": "pl", "ضعف": "bare"}.get(_word, "")  # bare ضعف may mean weakness
        LEX[fold(_word)] = Entry(_kind, _value(_val), _form)
for _word, _val, _form in load_table("multipliers.tsv"):
    LEX[fold(_word)] = Entry("mult", float(_val), _form)

QUAL_PRE: dict[tuple[str, ...], str] = {}
QUAL_VERB: dict[tuple[str, ...], str] = {}
QUAL_POST: dict[tuple[str, ...], str] = {}
for _phrase, _qual, _pos in load_table("qualifiers.tsv"):
    _key = tuple(fold(_phrase).split())
    {"pre": QUAL_PRE, "verb": QUAL_PRE, "post": QUAL_POST}[_pos][_key] = _qual
    if _pos == "verb":
        QUAL_VERB[_key] = _qual
QUAL_VERB_NOUNS = frozenset({"عدد", "اعداد", "حصيله", "نسبه"})

MONTHS1: frozenset[str] = frozenset(
    fold(row[0]) for row in load_table("months.tsv") if " " not in row[0]
)
MONTHS2: frozenset[tuple[str, ...]] = frozenset(
    tuple(fold(row[0]).split()) for row in load_table("months.tsv") if " " in row[0]
)
UNIT_WORDS: frozenset[str] = frozenset(fold(row[0]) for row in load_table("units.tsv"))
PERCENT_WORDS = frozenset({"بالمئه", "بالمائه", "بالميه"})
PERCENT_AFTER_FI = frozenset({"المئه", "المائه", "الميه"})
RANGE_SEPS = frozenset({"الي", "حتي"})

_KNOWN = frozenset(CUES) | MONTHS1 | QUAL_VERB_NOUNS | {"بين", "من", "يوم"}
_RISKY_SHORT = frozenset({"ست", "سبع", "تسع", "عشر", "خمس"})
_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_lookup_cache: dict[str, tuple[Entry, int] | None] = {}
_LOOKUP_CACHE_MAX = 1 << 17  # words remembered; past it, looked up afresh (memory stays bounded)

TOKEN = re.compile(r"[0-9]+ر[0-9]+|[0-9]+(?:[.,][0-9]+)*|[\u0621-\u063a\u0641-\u064a]+|[a-z]+|\S")
CLOCK_OR_DATE = re.compile(
    r"(?<![0-9])(?:[0-9]{1,4} ?([/.\-]) ?[0-9]{1,2} ?\1 ?[0-9]{1,4}|[0-9]{1,4} ?/ ?[0-9]{1,4}"
    r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?![0-9])"
)


def trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a trie: much faster than a flat list of words."""
    trie: dict = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(c) + build(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# The pre-filter: a digit, or a number word with its clitics, standing as a whole word.
HIT = re.compile(
    r"[0-9]|(?<![\u0621-\u064a])(?=[\u0621-\u064a])(?:وال|بال|فال|لل|ال|[وفبلك])?(?:"
    + trie_pattern([*LEX, "عدد من"])
    + r")(?![\u0621-\u064a])"
)


def lookup(word: str) -> tuple[Entry, int] | None:
    """The number entry of a folded word and how many clitic letters precede it."""
    if word in _lookup_cache:
        return _lookup_cache[word]
    result = None
    ent = LEX.get(word)
    if ent is not None:
        result = (ent, 0)
    else:
        for p in _PREFIXES:
            if not word.startswith(p) or len(word) <= len(p) + 1:
                continue
            rest = word[len(p) :]
            ent = LEX.get(rest)
            if ent is None:
                continue
            if p.endswith("ال") or p == "لل":
                if not (ent.kind == "vague" or (ent.kind == "mult" and ent.form in ("pl", "dual"))):
                    continue
            elif p != "و" and rest in _RISKY_SHORT:
                continue
            result = (ent, len(p))
            break
    if len(_lookup_cache) < _LOOKUP_CACHE_MAX:
        _lookup_cache[word] = result
    return result


def strip_clitic(word: str) -> str:
    """A cue word without a leading و ف ب ل when the bare word is a known cue."""
    if word in _KNOWN:
        return word
    for p in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "ك"):
        if word.startswith(p) and len(word) > len(p) + 1 and word[len(p) :] in _KNOWN:
            return word[len(p) :]
    if word.startswith("لل") and "ال" + word[2:] in _KNOWN:
        return "ال" + word[2:]
    return word


def cue(word: str) -> str | None:
    """The non-figure cue kind of a folded word (year_cue, name_cue, time_unit ...)."""
    return CUES.get(word)


@dataclass(slots=True)
class Core:
    """The bare number: tokens [i, j), value, the largest multiplier used and its kind."""

    i: int
    j: int
    value: float | None
    mult: float
    kind: str
    offset: int  # clitic letters to skip at the start of token i


def decimal_reading(s: str) -> float | None:
    """`1.842` read as a decimal (before a multiplier), or None when it has no single separator."""
    seps = [c for c in s if c in ".,"]
    if len(seps) != 1:
        return None
    return float(s.replace(",", "."))


def parse_digits(s: str) -> float:
    """`12,000`/`12.000` → 12000 (three digits follow), `99,5`/`3.5`/`5ر3` → decimal."""
    if s.isdigit():
        return float(s)
    if "ر" in s:  # agency style, digits stored fraction first: 4ر646 is 646.4, 5ر1% is 1.5%
        fraction, whole = s.split("ر")
        return float(whole + "." + fraction)
    seps = [c for c in s if c in ".,"]
    groups = re.split(r"[.,]", s)
    if len(set(seps)) == 1:
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and groups[0] != "0":
            return float("".join(groups))
        if len(seps) == 1:
            return float(groups[0] + "." + groups[1])
        return float("".join(groups))
    last = max(s.rfind("."), s.rfind(","))
    return float(re.sub(r"[.,]", "", s[:last]) + "." + s[last + 1 :])


def entry(tok: Tok) -> tuple[Entry | None, int]:
    if tok.kind == "d":
        return Entry("digits", parse_digits(tok.text), ""), 0
    if tok.kind == "w":
        return lookup(tok.text) or (None, 0)
    return None, 0
