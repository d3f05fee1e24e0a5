"""The words around a number: percent markers, qualifiers, and what makes it no figure.

A number is dropped when it is a year, a day of a month, a clock time, a duration, a phone
number or part of a name (القرار 2254، الفرقة 17، الـ15، كوفيد-19).
"""

from __future__ import annotations

from marsad.extract.number_lexicon import (
    MONTHS1,
    MONTHS2,
    PERCENT_AFTER_FI,
    PERCENT_WORDS,
    QUAL_POST,
    QUAL_PRE,
    QUAL_VERB,
    QUAL_VERB_NOUNS,
    UNIT_WORDS,
    Core,
    Tok,
    cue,
    strip_clitic,
)

_YEAR_WORDS = frozenset({"عام", "العام", "سنه", "السنه", "عامي"})
_ABOUT_WORDS = frozenset({"نحو", "حوالي", "قرابه", "زهاء"})
_YEAR_ADJECTIVES = frozenset({"الماضي", "الجاري", "الحالي", "المقبل", "القادم", "المالي"})
def unit_after(toks: list[Tok], j: int) -> bool:
    """نصف ريال, ربع ساعة: a fraction of a unit is a value, not a share."""
    return j < len(toks) and toks[j].text in UNIT_WORDS


def after_to(toks: list[Tok], i: int) -> bool:
    """A bare ضعف counts only after إلى/حتى/بمقدار (ليصل إلى ضعف), else it means weakness."""
    return i > 0 and toks[i - 1].text in ("الي", "حتي", "بمقدار")


def year_range(toks: list[Tok], a: Core, b: Core) -> bool:
    """2011-2012, بين 1980 و1988, 1435-1436هـ: a span of years, not a count."""
    if any(toks[c.i].kind == "d" and _bad_digits(toks, c.i) for c in (a, b)):
        return True
    return all(
        toks[c.i].kind == "d" and len(toks[c.i].text) == 4 and c.j == c.i + 1
        and 1900 <= (c.value or 0) <= 2100
        for c in (a, b)
    )


def percent_end(toks: list[Tok], j: int) -> int:
    n = len(toks)
    t = toks[j].text
    if t == "%" or t in PERCENT_WORDS:
        return j + 1
    if t == "في" and j + 1 < n and toks[j + 1].text in PERCENT_AFTER_FI:
        return j + 2
    return 0


_QUALIFIER_CLITICS = ("وب", "فب", "ول", "فل", "و", "ب", "ل", "ف")


def pre_qualifier(toks: list[Tok], i: int) -> tuple[str, int, int] | None:
    """Longest qualifier phrase right before token i: (qualifier, first token, clitic offset)."""
    for length in (4, 3, 2, 1):
        s = i - length
        if s < 0:
            continue
        words = [t.text for t in toks[s:i]]
        if any(toks[x].kind != "w" for x in range(s, i)):
            continue
        key = tuple(words)
        if key in QUAL_PRE:
            return QUAL_PRE[key], s, 0
        head = words[0]
        for p in _QUALIFIER_CLITICS:  # وبأقل من: a conjunction, then a preposition
            rest = (head[len(p):], *words[1:])
            if head.startswith(p) and rest in QUAL_PRE:
                return QUAL_PRE[rest], s, len(p)
    return None


def verb_qualifier(toks: list[Tok], i: int) -> str | None:
    """تجاوز عدد القتلى 200: a qualifying verb before عدد/حصيلة and its noun."""
    for p in range(i - 1, max(-1, i - 5), -1):
        if toks[p].kind != "w":
            return None
        if strip_clitic(toks[p].text) in QUAL_VERB_NOUNS:
            for length in (2, 1):
                key = tuple(t.text for t in toks[max(0, p - length) : p])
                if len(key) == length and key in QUAL_VERB:
                    return QUAL_VERB[key]
                if key and key[0][:1] in "وف" and (key[0][1:], *key[1:]) in QUAL_VERB:
                    return QUAL_VERB[(key[0][1:], *key[1:])]
            return None
    return None


def post_qualifier(toks: list[Tok], j: int) -> str | None:
    for s in range(j, min(len(toks), j + 3)):
        if toks[s].kind != "w":
            return None
        for length in (2, 1):
            key = tuple(t.text for t in toks[s : s + length])
            if len(key) == length and key in QUAL_POST:
                return QUAL_POST[key]
    return None


def not_a_figure(toks: list[Tok], core: Core, end: int, percent: bool) -> bool:
    """Years, dates, clock times, durations, phone numbers and numbers inside names."""
    n = len(toks)
    first = toks[core.i]
    prev = toks[core.i - 1] if core.i > 0 else None
    prev_key = strip_clitic(prev.text) if prev is not None and prev.kind == "w" else ""
    nxt = toks[end] if end < n else None
    if nxt is not None and nxt.text == ")" and prev is not None and prev.text == "(":
        nxt = toks[end + 1] if end + 1 < n else None  # «لمدة (20) يوماً»: past the bracket
    nxt_key = nxt.text if nxt is not None and nxt.kind == "w" else ""
    value = core.value
    single_digits = first.kind == "d" and core.j == core.i + 1
    if first.kind == "d" and _bad_digits(toks, core.i):
        return True
    ordinal = prev is not None and "ordinal_cue" in (
        cue(prev.text), cue(prev.text[1:]) if prev.text[:1] == "و" else None
    )
    if ordinal and (first.kind == "d" or core.value == 10):
        return True
    if prev_key and cue(prev_key) in ("name_cue", "time_cue", "phone_cue"):
        return True
    if not percent and (cue(nxt_key) in ("time_unit", "time_after") or nxt_key in _YEAR_WORDS):
        return True
    bare_year = single_digits and len(first.text) == 4 and 1950 <= (value or 0) <= 2030
    about = prev is not None and prev.text in _ABOUT_WORDS
    if bare_year and not about and not _counted_noun_after(toks, end):
        return True  # مونديال روسيا 2018
    if nxt_key in ("م", "ه") and nxt is not None and nxt.start == toks[end - 1].end:
        return True
    if first.kind == "w" and prev is not None and prev.text in ("لم", "لن"):
        return True  # لم تسع: a verb, not nine
    if single_digits and (_list_marker(toks, core.i) or _label_in_brackets(toks, core.i)):
        return True
    if core.kind != "number" or percent or value is None:
        return False
    if prev_key in _YEAR_ADJECTIVES and core.i >= 2:
        prev_key = strip_clitic(toks[core.i - 2].text)  # العام الماضي 2014
    if value == int(value) and 1900 <= value <= 2100 and prev_key in _YEAR_WORDS:
        return True
    if core.mult:
        return False
    if value == int(value):
        if _is_year(toks, core, prev_key, single_digits):
            return True
        if 1 <= value <= 31 and _month_after(toks, end):
            return True
        if prev_key == "يوم" and (single_digits or first.text == "اثنين"):
            return True
    return False


def _is_year(toks: list[Tok], core: Core, prev_key: str, single_digits: bool) -> bool:
    value = core.value or 0
    if single_digits and len(toks[core.i].text) == 4:
        i = core.i
        if prev_key and cue(prev_key) == "year_cue":
            return 1900 <= value <= 2100 or (1000 <= value <= 2100 and prev_key in _YEAR_WORDS)
        if _month_before(toks, i):
            return True
        if prev_key == "و" and i >= 2 and toks[i - 2].kind == "d" and len(toks[i - 2].text) == 4:
            return 1900 <= value <= 2100
        return False
    return False


def _month_before(toks: list[Tok], i: int) -> bool:
    if i >= 2 and toks[i - 1].text == ")":
        i -= 1
    if i >= 1 and strip_clitic(toks[i - 1].text) in MONTHS1:
        return True
    return i >= 2 and (toks[i - 2].text, toks[i - 1].text) in MONTHS2


def _month_after(toks: list[Tok], j: int) -> bool:
    n = len(toks)
    if j < n and toks[j].text == "من":
        j += 1
    if j < n and toks[j].text in ("شهر", "الشهر", "الجاري"):
        return True
    if j >= n:
        return False
    if strip_clitic(toks[j].text) in MONTHS1:
        return True
    return j + 1 < n and (toks[j].text, toks[j + 1].text) in MONTHS2


def _counted_noun_after(toks: list[Tok], j: int) -> bool:
    n = len(toks)
    if j < n and toks[j].text == "من":
        j += 1
    if j >= n:
        return False
    word = toks[j].text
    return word in UNIT_WORDS or (word.startswith("ال") and word[2:] in UNIT_WORDS)


def _list_marker(toks: list[Tok], i: int) -> bool:
    """«1 - ...» or «2) ...» opening a list item after punctuation; «(67) حالة» is a count
    set in brackets."""
    n = len(toks)
    if i + 2 >= n or toks[i + 1].text not in ("-", ")") or toks[i + 2].kind not in "wl":
        return False
    return i == 0 or (toks[i - 1].kind == "p" and toks[i - 1].text != "(")


_DEFINITE = ("ال", "بال", "وال", "فال", "كال", "لل")
_LABEL_FOLLOWERS = frozenset(("من", "في", "على", "عن", "الى", "و", "ثم"))


def _label_in_brackets(toks: list[Tok], i: int) -> bool:
    """«الأسبوع (133) من عمله»، «المادة (5)»: a number in brackets after a definite noun and
    before no noun of its own names that noun («الدوريات (52) مخالفة» counts)."""
    if not (1 < i + 1 < len(toks) and toks[i - 1].text == "(" and toks[i + 1].text == ")"):
        return False
    after = toks[i + 2] if i + 2 < len(toks) else None
    counted = after is not None and after.kind == "w" and after.text not in _LABEL_FOLLOWERS
    named = toks[i - 2].kind == "w" and toks[i - 2].text.startswith(_DEFINITE)
    return named and not counted


def _bad_digits(toks: list[Tok], i: int) -> bool:
    """Phone numbers and digits glued to letters (الـ15، كوفيد-19، G20)."""
    t = toks[i]
    raw = t.text
    if raw.isdigit() and len(raw) >= 9:
        return True
    if raw[0] == "0" and len(raw) > 1 and raw[1] not in ".," and "ر" not in raw:
        return True  # 0114567890, 01,00: codes and clock times, never counts
    if i > 0:
        p = toks[i - 1]
        if p.end == t.start:
            if p.text == "+":
                return True
            if p.kind == "l" or (p.kind == "w" and not _clitics_only(p.text)):
                return True
            if p.text == "-" and i > 1 and toks[i - 2].end == p.start and toks[i - 2].kind in "wl":
                return True
    if i + 1 < len(toks):
        q = toks[i + 1]
        # 100عربة: a space left out before a word; 2012م، 15th, 3D stay out
        if q.start == t.end and q.kind in "wl" and not (q.kind == "w" and len(q.text) > 2):
            return True
    return False


def _clitics_only(s: str) -> bool:
    return len(s) <= 2 and all(c in "وبلفك" for c in s)
