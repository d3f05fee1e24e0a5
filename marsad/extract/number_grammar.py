"""The grammar of one number: words, digits, multipliers, fractions and و compounds.

`core_at(toks, i)` reads the number that starts at token i (ثلاثة آلاف وخمسمئة، 1.842 مليار،
ربع مليون، عشرات الآلاف) into a `Core`; `numbers` grows it into ranges, percentages and
qualifiers and decides whether it is a figure at all.
"""

from __future__ import annotations

from math import inf, isfinite

from marsad.extract.number_context import after_to
from marsad.extract.number_lexicon import Core, Tok, decimal_reading, entry

_GROUP_KINDS = frozenset({"digits", "unit", "teen", "tens", "hundred", "frac"})


def core_at(toks: list[Tok], i: int) -> Core | None:  # noqa: C901 - one grammar, kept together
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
