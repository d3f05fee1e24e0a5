"""Time expressions in Arabic news resolved to ISO values against the publication date.

Rules are small functions tried on the folded text, each over its own compiled pattern (see
time_lexicon): numeric dates, named dates, Hijri dates, day ranges, parts of months and years,
months, relative words, weekdays, years, offsets (قبل يومين) and spans of recent time
(السنوات الثلاث الماضية). Overlapping finds keep the longest; then منذ X becomes the interval
X/publication and من X إلى Y the interval X/Y. Spans exclude attached و ف ب ل ك and the head
words يوم and شهر, and include منذ, بين, من and modifiers (الماضي, المقبل).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass
from datetime import date

from marsad.extract import time_lexicon as lx
from marsad.extract.time_calendar import (
    hijri_to_gregorian,
    next_weekday,
    previous_weekday,
    resolve_day_month,
    resolve_month,
    resolve_weekday,
)
from marsad.extract.time_rules import RULES, Found
from marsad.text.normalize import normalize

__all__ = [
    "TimeExpression",
    "extract_times",
    "parse_published",
    "resolve_weekday",
    "next_weekday",
    "previous_weekday",
    "resolve_day_month",
    "resolve_month",
    "hijri_to_gregorian",
]

_WINDOW_BEFORE = 45
_WINDOW_AFTER = 60


@dataclass(slots=True)
class TimeExpression:
    """One time expression: its span in the document text and its resolved ISO value."""

    doc: str
    start: int
    end: int
    text: str
    value: str | None
    granularity: str
    kind: str
    anchor: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The SPEC fields of analysis.json `times[]`, plus kind."""
        fields = asdict(self)
        fields.pop("anchor")
        return fields


def parse_published(published: str | date | None) -> date | None:
    """The publication date from an ISO string (a time part is ignored), or None."""
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _windows(folded: str) -> list[tuple[int, int]]:
    """Merged regions around anchor words: the only places the rules look at."""
    regions: list[tuple[int, int]] = []
    for match in lx.ANCHOR.finditer(folded):
        lo = max(0, match.start() - _WINDOW_BEFORE)
        hi = min(len(folded), match.end() + _WINDOW_AFTER)
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(hi, regions[-1][1]))
        else:
            regions.append((lo, hi))
    return regions


def _candidates(folded: str, pub: date | None) -> list[Found]:
    found: dict[tuple[int, int], Found] = {}
    for lo, hi in _windows(folded):
        window = folded[lo:hi]
        for pattern, rule, gate in RULES:
            if gate is not None and gate.search(window) is None:
                continue
            for match in pattern.finditer(folded, lo, hi):
                item = rule(match, folded, pub)
                if item is not None and (item.start, item.end) not in found:
                    found[(item.start, item.end)] = item
    return list(found.values())


def _select(items: list[Found]) -> list[Found]:
    """Keep the longest of overlapping finds (the earlier rule on a tie)."""
    kept: list[Found] = []
    starts: list[int] = []  # the kept spans, disjoint and sorted: bisect, never a full scan
    ends: list[int] = []
    for item in sorted(items, key=lambda f: f.start - f.end):
        k = bisect_left(starts, item.end)
        if k == 0 or ends[k - 1] <= item.start:
            kept.append(item)
            starts.insert(k, item.start)
            ends.insert(k, item.end)
    return sorted(kept, key=lambda f: f.start)


_SINCE = re.compile(r"(?:(?<!\w)|(?<=(?<!\w)و))منذ\s+(?:شهر\s+|يوم\s+)?$")
_FROM = re.compile(r"(?:(?<!\w)|(?<=(?<!\w)و))(?:من|بين)\s+(?:(?:يوم|شهر)\s+)?$")
_TO = re.compile(r"\s+(?:و|الي|حتي|ولغايه|لغايه)\s*(?:(?:يوم|شهر)\s+)?")
_SINCE_KINDS = frozenset({"date", "month", "year", "part_of_month", "part_of_year", "weekday",
                          "hijri", "relative"})


def _bounds(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    first, _, last = value.partition("/")
    return first, last or first


def _interval(a: tuple[str, str] | None, b: tuple[str, str] | None) -> str | None:
    """START/END of two bounds; an end resolved before its start moves on by a year."""
    if a is None or b is None:
        return None
    end = b[1]
    if end < a[0] and len(end) == len(a[0]) and end[4:] > a[0][4:]:
        end = f"{int(end[:4]) + 1:04d}{end[4:]}"
    return f"{a[0]}/{end}"


def _combine(items: list[Found], folded: str, pub: date | None) -> list[Found]:
    """منذ X → X/publication; من X إلى Y and بين X و Y → X/Y."""
    out: list[Found] = []
    i = 0
    while i < len(items):
        item = items[i]
        head = folded[max(0, item.start - 16) : item.start]
        nxt = items[i + 1] if i + 1 < len(items) else None
        start_from = _FROM.search(head)
        if (
            start_from
            and nxt is not None
            and item.kind != "clock"
            and nxt.kind == item.kind
            and _TO.fullmatch(folded, item.end, nxt.start)
        ):
            value = _interval(_bounds(item.value), _bounds(nxt.value))
            start = item.start - len(head) + start_from.start()
            out.append(Found(start, nxt.end, value, "interval", "interval"))
            i += 2
            continue
        since = _SINCE.search(head)
        if since and item.kind in _SINCE_KINDS and item.granularity != "interval" or (
            since and item.kind in ("part_of_month", "part_of_year", "hijri")
        ):
            a = _bounds(item.value)
            value = f"{a[0]}/{pub.isoformat()}" if a and pub is not None else None
            start = item.start - len(head) + since.start()
            out.append(Found(start, item.end, value, "interval", "interval"))
        else:
            out.append(item)
        i += 1
    return out


def extract_times(doc_id: str, text: str, published: str | date | None) -> list[TimeExpression]:
    """Every time expression of `text`, with offsets into `text` and values resolved against
    `published` (relative and weekday expressions stay null when it is unknown)."""
    pub = parse_published(published)
    norm = normalize(text)
    items = _combine(_select(_candidates(norm.folded, pub)), norm.folded, pub)
    anchor = pub.isoformat() if pub else None
    out = []
    for item in items:
        start, end = norm.span_to_original(item.start, item.end)
        out.append(TimeExpression(doc_id, start, end, text[start:end], item.value,
                                  item.granularity, item.kind, anchor))
    return out
