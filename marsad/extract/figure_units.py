"""What a figure counts: the counted noun (its unit) after a number, and duals that are counts.

The unit is looked up in units.tsv, also in construct state (58 من مقاتلي التنظيم) and past a
closing quotation mark or bracket («17» شخصاً، (24) محكوماً). A noun no lexicon knows is read
off the grammar of the number: a count ending in 11 to 99 takes its noun in the singular
accusative (239 مراجعاً → مراجع، 12 عيادة), a round hundred or thousand in the singular
genitive (2000 طلقة). «آخرون» (15 آخرون) counts what the sentence counted before it.

A dual noun is itself a count of two (شخصان، جثتي، حالتين) when units.tsv knows its singular,
unless it only describes (بين قريتين; nouns in figure_dual_descriptive.tsv).
"""

from __future__ import annotations

import re

from marsad.extract.figure_category import EVENTS, trigger
from marsad.extract.number_lexicon import Tok, trie_pattern
from marsad.extract.numbers import Found, NumberExpression
from marsad.lang import load_table, load_words
from marsad.text.normalize import NormalizedText, fold
from marsad.text.tokens import segment

Unit = tuple[str, str, str]  # canonical singular, default category, strength


def _units() -> tuple[dict[str, Unit], dict[tuple[str, str], Unit]]:
    one: dict[str, Unit] = {}
    two: dict[tuple[str, str], Unit] = {}
    for surface, canon, cat, strength in load_table("units.tsv"):
        info = (canon, cat, strength)
        words = fold(surface).split()
        if len(words) == 2:
            two[(words[0], words[1])] = info
        else:
            one[words[0]] = info
    return one, two


UNIT1, UNIT2 = _units()
_NOT_COUNTED = frozenset(fold(w) for w in load_words("figure_not_counted.tsv"))
_CLOSING = frozenset('")»”]')
_OTHERS = frozenset(fold(w) for w in ("آخرون", "آخرين", "آخران", "آخرَين", "أخرى", "أخريات"))
_OTHERS_REACH = 25  # tokens back to the noun «آخرون» stands for
_AFTER_NOUN = frozenset(fold(w) for w in ("واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "اثنتين"))
_PRONOUNS = ("هم", "ها", "هن", "كم", "هما")
_TIME_WORDS = frozenset(fold(row[0]) for row in load_table("time_units.tsv")) | {fold("ليلة")}
_OPENERS = frozenset('"(')
_ONE = frozenset(fold(w) for w in ("واحد", "واحدة"))
_ARABIC = re.compile(r"[\u0621-\u064a]+")


def _dual_forms() -> dict[str, Unit]:
    """Folded dual forms of the one-word singular units: شخصان، شخصين; جثتان، جثتين، جثتا، جثتي."""
    descriptive = frozenset(fold(w) for w in load_words("figure_dual_descriptive.tsv"))
    forms: dict[str, Unit] = {}
    plurals = {fold(row[0]) for row in load_table("units.tsv")}
    for surface, canon, cat, strength in load_table("units.tsv"):
        word = fold(surface)
        if " " in word or surface != canon or word in descriptive:
            continue
        if word.endswith("ه"):
            stem = word[:-1] + "ت"
            endings: tuple[str, ...] = ("ان", "ين", "ا", "ي")
        elif (word + "ين") in plurals or (word + "ون") in plurals:
            stem, endings = word, ("ان",)  # محتجزين is the plural, not two
        else:
            stem, endings = word, ("ان", "ين")
        for ending in endings:
            forms.setdefault(stem + ending, (canon, cat, strength))
    return forms


_DUALS = _dual_forms()
_DUAL_WORD = re.compile(
    r"(?<![\u0621-\u064a])([وفبل]?)(" + trie_pattern(list(_DUALS)) + r")(?![\u0621-\u064a])"
)


def not_a_count(toks: list[Tok], b: int, f: Found) -> bool:
    """«واحدة من أسوأ الأزمات»: one of the most (واحد من عناصر الشرطة is one); «لمدة عام
    واحد»، «ليلة واحدة»: a duration, which GUIDELINES leave out."""
    if fold(f.expr.text) not in _ONE:
        return False
    if b >= 2 and _bare(_no_clitic(toks[b - 2].text))[-1] in _TIME_WORDS:
        return True
    if b + 1 >= len(toks) or toks[b].text != "من":
        return False
    after = toks[b + 1].text
    return after[:1] == "ا" and len(after) in (3, 4) and after not in UNIT1  # أسوأ، أكبر، أهم


def _no_clitic(word: str) -> str:
    """The word without a leading و/ف/ب/ل/ك the segmenter reads as a clitic (لليلة → ليلة)."""
    seg = segment(word)
    lead = sum(len(p) for p in seg.proclitics if p != "ال")
    return word[lead:]


def scan_duals(norm: NormalizedText) -> list[Found]:
    """Dual nouns that count two of a unit, as figures of value 2 spanning the noun."""
    found = []
    folded = norm.folded
    for m in _DUAL_WORD.finditer(folded):
        before = folded[max(0, m.start() - 5) : m.start()].split()
        if before and before[-1] in ("بين", "وبين"):
            continue  # بين قريتين: a place between two, not a count
        start, end = m.start(2), m.end(2)
        if folded[end - 2 : end] == "تي" and not _says_whose(folded, end):
            continue  # عائلتي: my family, not two families
        lo, hi = norm.span_to_original(start, end)
        expr = NumberExpression(lo, hi, norm.original[lo:hi], 2.0, None, None, "exact", False,
                                False)
        found.append(Found(expr, start, end, "dual"))
    return found


def _says_whose(folded: str, end: int) -> bool:
    """A construct dual in ي is followed by the indefinite noun it belongs to (جثتي رجلين;
    not عائلتي الكبيرة)."""
    nxt = folded[end : end + 12].split()
    word = nxt[0] if nxt else ""
    return bool(_ARABIC.fullmatch(word)) and not word.startswith("ال")


def dual_unit(word: str) -> Unit | None:
    """The unit a dual noun counts (حالتين → حالة)."""
    return _DUALS.get(word) or _DUALS.get(word[1:])


def unit_after(
    norm: NormalizedText, toks: list[Tok], b: int, f: Found
) -> tuple[str | None, str, str, int]:
    """The counted noun after the number: (unit, default category, strength, token after it)."""
    if f.expr.percent:
        return "%", "percent", "strong", b
    if f.kind == "times":
        return "ضعف", "-", "-", b
    n = len(toks)
    if f.kind == "dual":
        return _dual_counts(norm, toks, b)
    if b >= 2 and fold(f.expr.text).split()[-1] in _AFTER_NOUN:
        before = _noun_before(norm, toks, b)
        if before[0] is not None:
            return before
    j = b
    opened = f.norm_start > 0 and norm.folded[f.norm_start - 1] in _OPENERS
    while opened and j < n and toks[j].text in _CLOSING and j < b + 2:
        j += 1  # «17» شخصاً، (24) محكوماً; not «عيد طيبة 36» إقامة
    j = j + 1 if j < n and toks[j].text == "من" else j
    if j >= n:
        return None, "-", "-", b
    for word in _bare(toks[j].text):
        if j + 1 < n:
            second = toks[j + 1].text
            if toks[j + 1].start == toks[j].end and second == "2":
                info = UNIT1.get(word + "2")
                if info:
                    return info[0], info[1], info[2], j + 2
            info2 = UNIT2.get((word, second))
            if info2:
                return info2[0], info2[1], info2[2], j + 2
        info = UNIT1.get(word) or (UNIT1.get(word + "ن") if word.endswith("ي") else None)
        if info and info[2] == "idafa":
            # حالة اعتقال، حالة وفاة: the noun after says what is counted; حالة إصابة is a
            # case of illness as often as a wound, so it stays a case.
            cat = trigger(toks[j + 1].text) if j + 1 < n else None
            return info[0], cat if cat in EVENTS and cat != "injured" else "other", "strong", j + 1
        if info:
            return info[0], info[1], info[2], j + 1
    if toks[j].text in _OTHERS:
        info = _unit_before(toks, f.norm_start)
        return (info[0], info[1], info[2], j + 1) if info else (None, "-", "-", j + 1)
    if toks[j - 1].text != "من" and (noun := _grammar_noun(norm, toks[j], f.expr.value)):
        return noun[0], noun[1], noun[2], j + 1
    return None, "-", "-", b


def _dual_counts(
    norm: NormalizedText, toks: list[Tok], b: int
) -> tuple[str | None, str, str, int]:
    """The unit of a dual: its singular, with the noun after it when that completes it (حالتا
    وفاة → حالة وفاة; مركزين للإيواء → مركز إيواء)."""
    info = dual_unit(toks[b - 1].text)
    if info is None:
        return None, "-", "-", b
    if b < len(toks):
        nxt = toks[b].text
        bare = nxt[2:] if nxt.startswith("لل") else nxt
        if two := UNIT2.get((fold(info[0]), bare)):
            return two[0], two[1], two[2], b + 1
        cat = trigger(nxt)
        if info[2] == "idafa" and cat in EVENTS:
            return f"{info[0]} {norm.light[toks[b].start : toks[b].end]}", cat, "strong", b + 1
    return info[0], info[1], info[2], b


def _grammar_noun(norm: NormalizedText, tok: Tok, value: float | None) -> Unit | None:
    """The singular noun the number's grammar puts after it, for nouns no lexicon lists:
    accusative after 11 to 99 (اسماً → اسم; عيادةً → عيادة), genitive after a round hundred or
    thousand (ألفا طلقة). A feminine noun in ة no lexicon knows is a thing, counted as other."""
    if value is None or value != int(value) or value < 11:
        return None
    word = tok.text
    if (
        len(word) < 3 or not _ARABIC.fullmatch(word) or word in _NOT_COUNTED
        or word.endswith(_PRONOUNS) or _no_clitic(word) != word
    ):
        return None  # منها، بمشاركة: no counted noun
    rest = int(value) % 100
    light = norm.light[tok.start : tok.end]
    if word.endswith("ه") and (rest >= 11 or rest == 0):
        # مواطنة، ممرضة: a feminine participle may be a person, and إصابة says what
        # happened: events still decide for them
        person = word[0] == "م" or trigger(word) in EVENTS
        return (light, "-", "-") if person else (light, "other", "strong")
    if trigger(word) in EVENTS:
        return None
    if 11 <= rest <= 99 and len(word) >= 4 and word.endswith("ا") and not word.endswith("ءا"):
        return light[:-1], "-", "-"
    return None


def _noun_before(
    norm: NormalizedText, toks: list[Tok], b: int
) -> tuple[str | None, str, str, int]:
    """«حالة واحدة»، «شخصين اثنين»: one and two follow the noun they count."""
    tok = toks[b - 2]
    word = tok.text
    if (
        not _ARABIC.fullmatch(word) or len(word) < 3 or word.startswith(("ال", "وال"))
        or word.endswith(_PRONOUNS)
    ):
        return None, "-", "-", b  # a counted noun is indefinite: no السودان واحدة، بينهم اثنان
    if b >= 3 and (info := UNIT2.get((toks[b - 3].text, word))):
        return info[0], info[1], info[2], b  # دورة مياه واحدة
    bare = _no_clitic(word)
    for form in (*_bare(word), bare):
        info = UNIT1.get(form) or dual_unit(form)
        if info:
            return info[0], info[1], info[2], b
    if fold(toks[b - 1].text) not in _ONE or (b < len(toks) and toks[b].text == "من"):
        return None, "-", "-", b  # قتل واحد من عناصر الشرطة: the noun comes after من
    return norm.light[tok.end - len(bare) : tok.end], "-", "-", b


def _unit_before(toks: list[Tok], start: int) -> Unit | None:
    """The nearest counted noun before «آخرون»: 309 محتجزين ... ثلاثة آخرون. A definite noun
    counts only when it names people (المفرج عنهم), not a place the others left (البلدة)."""
    k = next((k for k, t in enumerate(toks) if t.start >= start), len(toks))
    for p in range(k - 1, max(-1, k - _OTHERS_REACH), -1):
        word = toks[p].text
        info = None
        if p + 1 < len(toks):
            info = next((UNIT2[(w, toks[p + 1].text)] for w in _bare(word)
                         if (w, toks[p + 1].text) in UNIT2), None)
        info = info or _unit_info(word) or dual_unit(word)
        definite = word.startswith(("ال", "وال", "بال", "لل"))
        if info is not None and not (definite and info[1] == "other"):
            return info
    return None


def _unit_info(word: str) -> Unit | None:
    for form in (*_bare(word), *((word[1:],) if word[:1] in "وفبل" and len(word) > 3 else ())):
        info = UNIT1.get(form)
        if info:
            return info
    return None


def unit_word(word: str) -> str | None:
    """The unit a lone noun names (المدنيين → مدني، شخصًا → شخص), or None."""
    info = _unit_info(word)
    return info[0] if info else None


def _bare(word: str) -> tuple[str, ...]:
    if word.startswith("ال") and len(word) > 4:
        return word, word[2:]
    return (word,)
