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

from marsad.extract.number_context import (
    not_a_figure,
    percent_end,
    post_qualifier,
    pre_qualifier,
    unit_after,
    verb_qualifier,
    year_range,
)
from marsad.extract.number_grammar import core_at
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
            core = core_at(toks, i)
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
            if core.j == core.i + 1 and toks[core.i].kind == "d":  # 12.920% is no 12920%
                value = decimal_reading(toks[core.i].text) or value
    if not is_range and not_a_figure(toks, core, end, percent):
        return None
    if _list_label(norm.folded, toks, core):
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


def _list_label(folded: str, toks: list[Tok], core: Core) -> bool:
    """`3. ` or `3) ` opening a line numbers an item of a list; it counts nothing."""
    first = toks[core.i]
    if core.j != core.i + 1 or first.kind != "d" or core.j >= len(toks):
        return False
    mark = toks[core.j]
    if mark.text not in (".", ")", "-") or mark.start != first.end:
        return False
    line_start = folded.rfind("\n", 0, first.start) + 1
    return not folded[line_start:first.start].strip()


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
    other = core_at(toks, nxt)
    if other is None or other.kind != "number" or other.value is None:
        return None
    return other


__all__ = [
    "Found", "NumberExpression", "find_numbers", "parse_digits", "parse_number", "scan_numbers",
]

