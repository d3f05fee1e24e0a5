"""Find number expressions in Arabic text and read the value a reader means.

Digits in any script with thousands separators or a decimal comma, number words in every
case and gender, compounds with و, multipliers (39 ألف, ثلاثة ملايين, ألفي), fractions,
percentages, ranges, qualifiers (أكثر من, نحو ...) and vague quantities (عشرات الآلاف).
Dates, years, clock times, durations, phone numbers and numbers inside names (القرار 2254)
are dropped (`number_context`). Matching runs on the folded text around a cheap pre-filter
hit; spans are mapped back to the original text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from math import inf, isfinite

from marsad.extract.number_context import (
    after_to,
    not_a_figure,
    percent_end,
    post_qualifier,
    pre_qualifier,
    unit_after,
    verb_qualifier,
    year_range,
)
from marsad.extract.number_lexicon import (
    CLOCK_OR_DATE,
    HIT,
    RANGE_SEPS,
    TOKEN,
    Core,
    Tok,
    decimal_reading,
    entry,
    lookup,
    parse_digits,
    strip_clitic,
)
from marsad.text.normalize import NormalizedText, normalize


@dataclass(slots=True)
class NumberExpression:
    """A number expression as written: span in the original text and the value it means."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    vague: bool
    percent: bool


@dataclass(slots=True)
class Found:
    """A number expression with its span in the normalised text and what kind of count it is."""

    expr: NumberExpression
    norm_start: int
    norm_end: int
    kind: str  # number, fraction, times, vague


_WINDOW_BEFORE = 60
_WINDOW_AFTER = 90


def find_numbers(text: str) -> list[NumberExpression]:
    """Every number expression in `text` that is a figure, with spans in `text`."""
    return [f.expr for f in scan_numbers(normalize(text))]


def parse_number(phrase: str) -> NumberExpression | None:
    """The first number expression of a single phrase, or None when it holds none."""
    found = find_numbers(phrase)
    return found[0] if found else None


def scan_numbers(norm: NormalizedText) -> list[Found]:
    """Number expressions of an already normalised text (used by figures)."""
    folded = norm.folded
    found: list[Found] = []
    for start, end in _regions(folded):
        toks = [
            Tok(m.start(), m.end(), m.group(), _kind(m.group()))
            for m in TOKEN.finditer(folded, start, end)
        ]
        if toks:
            found.extend(_scan_tokens(norm, toks, _blocked(folded, start, end)))
    return found


def _kind(s: str) -> str:
    c = s[0]
    if "0" <= c <= "9":
        return "d"
    if "\u0621" <= c <= "\u064a":
        return "w"
    return "l" if "a" <= c <= "z" else "p"


def _regions(folded: str) -> list[tuple[int, int]]:
    """Merged windows around pre-filter hits, widened to whitespace."""
    regions: list[tuple[int, int]] = []
    n = len(folded)
    for m in HIT.finditer(folded):
        lo, hi = max(0, m.start() - _WINDOW_BEFORE), min(n, m.end() + _WINDOW_AFTER)
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(hi, regions[-1][1]))
        else:
            regions.append((lo, hi))
    out = []
    for lo, hi in regions:
        while lo > 0 and not folded[lo - 1].isspace():
            lo -= 1
        while hi < n and not folded[hi].isspace():
            hi += 1
        out.append((lo, hi))
    return out


def _blocked(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in CLOCK_OR_DATE.finditer(folded, start, end)]


def _scan_tokens(
    norm: NormalizedText, toks: list[Tok], blocked: list[tuple[int, int]]
) -> list[Found]:
    out: list[Found] = []
    n = len(toks)
    i = 0
    block_starts = [a for a, _ in blocked]  # sorted, disjoint: bisect, never a scan per digit
    while i < n:
        t = toks[i]
        if t.kind == "d" or (t.kind == "w" and (lookup(t.text) or t.text == "عدد")):
            k = bisect_right(block_starts, t.start) - 1 if t.kind == "d" else -1
            if k >= 0 and t.start < blocked[k][1]:
                i += 1
                continue
            core = _core_at(toks, i)
            if core is None:
                i += 1
                continue
            found = _expression(norm, toks, core)
            if found is not None:
                out.append(found[0])
            i = max(found[1] if found else core.j, i + 1)
            continue
        i += 1
    return out


_GROUP_KINDS = frozenset({"digits", "unit", "teen", "tens", "hundred", "frac"})


def _core_at(toks: list[Tok], i: int) -> Core | None:  # noqa: C901 - one grammar, kept together
    """Parse the number starting at token i: words, digits, multipliers and و compounds."""
    n = len(toks)
    first, offset = entry(toks[i])
    if first is None:
        if toks[i].text == "عدد" and i + 1 < n and toks[i + 1].text == "من":
            return Core(i, i + 2, None, 0, "vague", 0)
        return None
    if first.kind == "vague" or (first.kind == "mult" and first.form == "pl"):
        return _vague_at(toks, i, offset)
    total = group = 0.0
    last = ""
    min_mult = inf
    last_mult = 0.0
    kind = "number"
    saved: tuple | None = None
    digits_text = ""
    j = i
    while j < n:
        tok = toks[j]
        conj = False
        k = j
        if j > i:
            if tok.text == "و" and j + 1 < n:
                conj, k = True, j + 1
                ent, plen = entry(toks[k])
                if plen:
                    break
            else:
                ent, plen = entry(tok)
                if plen:
                    if not (plen == 1 and tok.text[0] == "و"):
                        break
                    conj = True
            if toks[k].start - toks[k - 1].end > 2:
                break
        else:
            ent = first
        if ent is None:
            break
        state = (total, group, last, min_mult, last_mult, kind, j)
        kd = ent.kind
        step = 1
        if kd == "digits":
            if not (j == i or (conj and last == "mult" and group == 0)):
                break
            group = ent.value
            last = "digits"
            digits_text = toks[k].text
        elif kd == "unit":
            if not (j == i or (conj and last in ("hundred", "mult"))):
                break
            group += ent.value
            last = "unit"
        elif kd == "teen":
            if not (j == i or (conj and last in ("hundred", "mult"))):
                break
            nxt = entry(toks[k + 1])[0] if k + 1 < n else None
            if nxt is None or nxt.kind != "ten" or entry(toks[k + 1])[1]:
                break
            group += ent.value + 10
            last = "tens"
            step = 2
        elif kd == "ten":
            if not (
                (not conj and last == "unit") or j == i or (conj and last in ("hundred", "mult"))
            ):
                break
            group += 10
            last = "tens"
        elif kd == "tens":
            if not (j == i or (conj and last in ("unit", "hundred", "mult"))):
                break
            group += ent.value
            last = "tens"
        elif kd == "hundred":
            if j == i or (conj and last == "mult"):
                group += ent.value
            elif not conj and last == "unit" and ent.value == 100:
                group *= 100
            else:
                break
            last = "hundred"
        elif kd == "mult":
            if conj:
                break
            if j == i:
                val = ent.value * (2 if ent.form in ("dual", "acc") else 1)
            elif last in _GROUP_KINDS and ent.form != "dual":
                if last == "digits" and group >= 1000:
                    group = decimal_reading(digits_text) or group  # 1.842 مليار
                val = group * ent.value
            else:
                break
            if last == "frac" and ent.value == last_mult and j > i:
                val = group * ent.value
            elif ent.value >= min_mult:
                if saved:
                    total, group, last, min_mult, last_mult, kind, j = saved
                break
            total += val
            group = 0.0
            min_mult = last_mult = ent.value
            last = "mult"
            kind = "number"
        elif kd == "fraction":
            if j == i:
                group = ent.value
                kind = "fraction"
            elif conj and last == "mult":
                group = ent.value
            elif not conj and last == "unit" and ent.form == "pl":
                group *= ent.value
                kind = "fraction"
            else:
                break
            last = "frac"
        elif kd == "times":
            if j == i and (ent.form != "bare" or after_to(toks, i)):
                group = ent.value
            elif not conj and last == "unit":
                group *= ent.value
            else:
                break
            kind = "times"
            last = "times"
            j = k + 1
            break
        else:
            break
        if conj:
            saved = state
        j = k + step
    if j == i:
        return None
    if last == "frac" and last_mult:
        total += group * last_mult
        group = 0.0
    if not isfinite(total + group):
        return None  # 1,000,000,... past float range: no value a reader means
    return Core(i, j, total + group, last_mult, kind, offset)


def _vague_at(toks: list[Tok], i: int, offset: int) -> Core:
    """عشرات، مئات الآلاف، بضعة آلاف، آلاف: no value, the span takes the words together."""
    j = i + 1
    while j < len(toks):
        ent, plen = entry(toks[j])
        if ent is None or plen == 1 and toks[j].text[0] == "و":
            break
        if not (ent.kind == "vague" or (ent.kind == "mult" and ent.form == "pl")):
            break
        j += 1
    return Core(i, j, None, 0, "vague", offset)


def _expression(norm: NormalizedText, toks: list[Tok], core: Core) -> tuple[Found, int] | None:
    """Grow a core into ranges, percentages and qualifiers; drop it if it is not a figure."""
    n = len(toks)
    low = high = None
    value = core.value
    end = core.j
    qualifier = "exact"
    span_tok, span_off = core.i, core.offset
    opener = _opener(toks, core.i)
    is_range = False
    if core.kind == "number" and end < n:
        other = _range_end(toks, core, opener)
        if other is not None:
            a, b = core.value, other.value
            if other.mult and not core.mult and a is not None and b is not None:
                a = a * other.mult if a * other.mult <= b else a
            if a is not None and b is not None and a < b:
                if year_range(toks, core, other):
                    return None
                low, high, value, end = a, b, None, other.j
                qualifier, is_range = "range", True
                if opener is not None:
                    span_tok, span_off = opener, 0
    percent = False
    if end < n and core.kind in ("number",):
        pct_end = percent_end(toks, end)
        if pct_end:
            percent, end = True, pct_end
    if not is_range and not_a_figure(toks, core, end, percent):
        return None
    qual = pre_qualifier(toks, span_tok)
    if qual:
        q, qi, qoff = qual
        span_tok, span_off = qi, qoff
        if not is_range:
            qualifier = q
    elif not is_range:
        qualifier = verb_qualifier(toks, core.i) or post_qualifier(toks, end) or "exact"
    if core.kind == "vague":
        qualifier = "about" if qualifier == "exact" else qualifier
    if core.kind == "fraction" and value is not None:
        if core.offset and toks[core.i].text[0] == "و":
            return None  # شهرين ونصف: half of the noun before, not a share
        if not unit_after(toks, end):
            value, percent = round(value * 100, 6), True
    nstart, nend = toks[span_tok].start + span_off, toks[end - 1].end
    ostart, oend = norm.span_to_original(nstart, nend)
    expr = NumberExpression(
        ostart, oend, norm.original[ostart:oend], value, low, high, qualifier,
        core.kind == "vague", percent,
    )
    return Found(expr, nstart, nend, core.kind), end


def _opener(toks: list[Tok], i: int) -> int | None:
    """Token index of بين / ما بين / من that may open a range before token i."""
    if i == 0:
        return None
    prev = strip_clitic(toks[i - 1].text)
    if prev == "بين":
        return i - 2 if i >= 2 and toks[i - 2].text == "ما" else i - 1
    if prev == "من":
        return i - 1
    return None


def _range_end(toks: list[Tok], core: Core, opener: int | None) -> Core | None:
    n, j = len(toks), core.j
    sep = toks[j].text
    opener_word = strip_clitic(toks[opener].text) if opener is not None else ""
    nxt = None
    if sep in RANGE_SEPS and j + 1 < n:
        nxt = j + 1
    elif sep == "-" and j + 1 < n and toks[j - 1].kind == "d" and toks[j + 1].kind == "d":
        if toks[j].start - toks[j - 1].end <= 1 and toks[j + 1].start - toks[j].end <= 1:
            nxt = j + 1
    elif opener_word == "بين" or (opener is not None and toks[opener].text == "ما"):
        if sep == "و" and j + 1 < n:
            nxt = j + 1
        elif toks[j].kind == "w" and sep.startswith("و"):
            ent, plen = entry(toks[j])
            if ent is not None and plen == 1:
                nxt = j
    if nxt is None:
        return None
    other = _core_at(toks, nxt)
    if other is None or other.kind != "number" or other.value is None:
        return None
    return other


__all__ = [
    "Found", "NumberExpression", "find_numbers", "parse_digits", "parse_number", "scan_numbers",
]

