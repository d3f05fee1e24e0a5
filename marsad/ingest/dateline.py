"""Find the date, place and outlet an article states in its first lines (its dateline).

Only the first few non-blank lines are read. A date counts when it is a line of its own or
opens a line; a place when a body paragraph opens with up to four words and a dash
(`بيروت - `); an outlet when a paragraph opens with a known outlet or when the first line
or the first body paragraph opens with one to three words and a colon (`إيلاف: `).
Nothing is guessed: what is not written is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marsad.lang import load_table
from marsad.text.normalize import fold

MAX_LINES = 6
MAX_CHARS = 1500
_SHORT_LINE = 60
_BODY_MIN = 60
_BODY_LINE = 120  # a line this long is a paragraph of the body, not a title or a caption


@dataclass(frozen=True, slots=True)
class Dateline:
    """What the opening lines state; each span is (start, end) into the text, or None."""

    published: str | None = None
    outlet: str | None = None
    place: str | None = None
    published_span: tuple[int, int] | None = None
    outlet_span: tuple[int, int] | None = None
    place_span: tuple[int, int] | None = None


def _loose(name: str) -> str:
    """A pattern for a name that tolerates alef, ya and ta marbuta variants and spacing."""
    out = []
    for char in name:
        if char in "اأإآ":
            out.append("[اأإآ]")
        elif char in "يى":
            out.append("[يىی]")
        elif char in "ةه":
            out.append("[ةه]")
        elif char == "ك":
            out.append("[كک]")
        elif char == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _alternation(names: list[str]) -> str:
    return "|".join(_loose(n) for n in sorted(names, key=len, reverse=True))


_MONTH_ROWS = [row for row in load_table("months.tsv") if row[2] != "hijri"]
_MONTHS = {fold(row[0]): int(row[1]) for row in _MONTH_ROWS}
_MONTH = _alternation([row[0] for row in _MONTH_ROWS])
_WEEKDAY = _alternation([row[0] for row in load_table("weekdays.tsv")])
_OUTLETS = {fold(row[0]): row[1] for row in load_table("outlets.tsv")}
_OUTLET = _alternation([row[0] for row in load_table("outlets.tsv")])

_B = r"(?<![\w/.-])"  # not inside a longer word or number
_E = r"(?![\w/])"
_WEEKDAY_PREFIX = rf"(?:(?:يوم\s+)?(?:{_WEEKDAY})\s*[،,-]?\s*)?"
_SEP = r"\s*([/.-])\s*"
_DATE_PATTERNS = (
    ("ymd", re.compile(rf"{_WEEKDAY_PREFIX}{_B}(\d{{4}}){_SEP}(\d{{1,2}})\s*\2\s*(\d{{1,2}}){_E}")),
    ("dmy", re.compile(rf"{_WEEKDAY_PREFIX}{_B}(\d{{1,2}}){_SEP}(\d{{1,2}})\s*\2\s*(\d{{4}}){_E}")),
    (
        "named",
        re.compile(
            rf"{_WEEKDAY_PREFIX}{_B}(\d{{1,2}})\s+(?:من\s+)?({_MONTH})"
            rf"(?:\s*[/(-]\s*(?:{_MONTH})\s*\)?)?\s*[،,]?\s*(?:عام\s+|سنة\s+)?(\d{{4}}){_E}"
        ),
    ),
)
_WORD = r"[\u0621-\u064a\u0671-\u06d3\u06cc\u06a9]+"
_DASH = r"[-–—]"
_PLACE = re.compile(
    rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}}?)\s*(?:\((?P<paren>[^()\n]{{1,40}})\)\s*)?"
    rf"{_DASH}\s*(?:(?P<after>{_OUTLET})\s*[-–—:]\s*)?"
)
_KNOWN_OUTLET = re.compile(rf"(?P<outlet>{_OUTLET})\s*(?::|{_DASH})\s*")
_ANY_OUTLET = re.compile(rf"(?P<outlet>{_WORD}(?:\s+{_WORD}){{0,2}})\s*:\s*")
_NOT_OUTLETS = frozenset(
    fold(w)
    for w in (
        "عاجل", "خاص", "حصري", "تقرير", "تحليل", "مقال", "رأي", "فيديو", "بالفيديو",
        "صور", "بالصور", "شاهد", "قال", "وقال", "أضاف", "وأضاف", "المصدر", "تنويه",
        "ملاحظة", "تحديث", "المصادر", "كتب", "بقلم", "ترجمة", "المتحدث", "الناطق", "مصدر",
        "مصادر", "الرئيس", "الوزير", "بيان", "البيان", "سؤال", "جواب", "س", "ج",
    )
)


def _lines(text: str) -> list[tuple[int, str]]:
    """(start, line) of the first non-blank lines, leading spaces skipped."""
    found = []
    pos = 0
    head = text[:MAX_CHARS]
    for line in head.split("\n"):
        stripped = line.lstrip()
        if stripped.strip():
            found.append((pos + len(line) - len(stripped), stripped.rstrip()))
            if len(found) == MAX_LINES:
                break
        pos += len(line) + 1
    return found


def _to_date(year: str, month: int | str, day: str) -> str | None:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value.isoformat() if 1900 <= value.year <= 2100 else None


def _date_in(line: str) -> tuple[str, int, int] | None:
    """The first date in a line that stands alone or opens it: (iso, start, end)."""
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            if match.start() > 0 and len(line) > _SHORT_LINE:
                continue
            if kind == "ymd":
                iso = _to_date(match[1], match[3], match[4])
            elif kind == "dmy":
                iso = _to_date(match[4], match[3], match[1])
            else:
                month = _MONTHS.get(fold(re.sub(r"\s+", " ", match[2])))
                iso = _to_date(match[3], month, match[1]) if month else None
            if iso:
                return iso, match.start(), match.end()
    return None


def _outlet_in(line: str, first: bool) -> tuple[str, int, int] | None:
    match = _KNOWN_OUTLET.match(line)
    if match:
        name = match["outlet"]
        return _OUTLETS.get(fold(re.sub(r"\s+", " ", name)), name), 0, match.end("outlet")
    if not first:
        return None
    match = _ANY_OUTLET.match(line)
    if not match or len(line) - match.end() < _BODY_MIN:
        return None
    words = match["outlet"].split()
    if any(fold(w) in _NOT_OUTLETS for w in words):
        return None
    return match["outlet"], 0, match.end("outlet")


def _place_in(line: str) -> tuple[str, int, int, tuple[str, int, int] | None] | None:
    match = _PLACE.match(line)
    if not match or len(line) - match.end() < _BODY_MIN:
        return None
    if fold(match["place"]) in _OUTLETS:
        return None
    outlet = None
    for group in ("paren", "after"):
        name = match[group]
        key = fold(re.sub(r"\s+", " ", name.strip())) if name else None
        if key in _OUTLETS:
            outlet = (_OUTLETS[key], match.start(group), match.end(group))
    return match["place"], match.start("place"), match.end("place"), outlet


def find_dateline(text: str) -> Dateline:
    """The date, outlet and place stated by the first lines of `text`."""
    published = outlet = place = None
    body_seen = False
    for number, (offset, line) in enumerate(_lines(text)):
        opens_body = not body_seen and len(line) >= _BODY_LINE
        body_seen = body_seen or opens_body
        if published is None:
            found = _date_in(line)
            if found:
                published = (found[0], offset + found[1], offset + found[2])
                if found[1] == 0 and found[2] >= len(line) - 1:
                    continue
        if outlet is None:
            found_outlet = _outlet_in(line, number == 0 or opens_body)
            if found_outlet:
                outlet = (found_outlet[0], offset + found_outlet[1], offset + found_outlet[2])
                continue
        if place is None:
            found_place = _place_in(line)
            if found_place:
                place = (found_place[0], offset + found_place[1], offset + found_place[2])
                if outlet is None and found_place[3]:
                    name, start, end = found_place[3]
                    outlet = (name, offset + start, offset + end)
    return Dateline(
        published=published[0] if published else None,
        outlet=outlet[0] if outlet else None,
        place=place[0] if place else None,
        published_span=published[1:] if published else None,
        outlet_span=outlet[1:] if outlet else None,
        place_span=place[1:] if place else None,
    )
