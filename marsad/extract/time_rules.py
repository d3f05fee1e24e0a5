"""Rules for time expressions: each takes a match of its pattern (time_lexicon) on the folded
text and the publication date, and returns a span with its ISO value or None to reject it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.extract import time_lexicon as lx
from marsad.extract.time_calendar import (
    hijri_to_gregorian,
    iso_month,
    month_end,
    next_weekday,
    previous_weekday,
    resolve_day_month,
    resolve_hijri_day_month,
    resolve_month,
    resolve_weekday,
    safe_date,
    shift_months,
    shift_years,
    week_bounds,
)


@dataclass(slots=True)
class Found:
    """A time expression found on the folded text: folded offsets, value, kinds."""

    start: int
    end: int
    value: str | None
    granularity: str
    kind: str



def _key(text: str) -> str:
    return " ".join(text.split())


def _direction(mod: str | None) -> str:
    return lx.MODIFIERS.get(mod or "", "")


def _day_number(token: str) -> int | None:
    token = _key(token)
    day = int(token) if token.isdigit() else lx.ORDINALS.get(token)
    return day if day is not None and 1 <= day <= 31 else None


def _word_before(folded: str, start: int) -> str:
    head = folded[max(0, start - 20) : start].split()
    return head[-1] if head else ""


def _word_after(folded: str, end: int) -> str:
    tail = folded[end : end + 20].split()
    return tail[0] if tail else ""


# --- rules: each takes a match, the folded text and the publication date -----------------

Rule = Callable[[re.Match[str], str, date | None], Found | None]


def _numeric_ymd(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if m["hijri"] or 1300 <= y <= 1500:
        if not (1 <= mo <= 12 and 1 <= d <= 30):
            return None
        return Found(m.start(), m.end(), hijri_to_gregorian(y, mo, d).isoformat(), "day", "hijri")
    found = safe_date(y, mo, d)
    return Found(m.start(), m.end(), found.isoformat(), "day", "date") if found else None


def _year_hijri(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    """A Hijri year (عام 1423 هـ) as the interval of its Gregorian days."""
    year = int(m["year"])
    first = hijri_to_gregorian(year, 1, 1)
    last = hijri_to_gregorian(year + 1, 1, 1) - timedelta(days=1)
    return Found(m.start(), m.end(), f"{first}/{last}", "interval", "hijri")


def _numeric_dmy(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    if m["hijri"] or 1300 <= y <= 1500:
        if not (1 <= mo <= 12 and 1 <= d <= 30):
            return None
        found = hijri_to_gregorian(y, mo, d)
        return Found(m.start(), m.end(), found.isoformat(), "day", "hijri")
    day = safe_date(y, mo, d) or safe_date(y, d, mo)
    return Found(m.start(), m.end("y"), day.isoformat(), "day", "date") if day else None


def _numeric_ym(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    month = int(m["m"])
    if len(m["m"]) != 2 or not 1 <= month <= 12:
        return None
    return Found(m.start(), m.end(), iso_month(int(m["y"]), month), "month", "date")


def _named_date(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    day = _day_number(m["day"])
    month = lx.CIVIL_MONTHS[_key(m["month"])]
    if day is None:
        return None
    start = m.start("wd") if m["wd"] else m.start("day")
    value: str | None = None
    year = _tail_year(m, pub)
    if year is not None:
        found = safe_date(year, month, day)
        if found is None:
            return None
        value = found.isoformat()
    elif pub is not None:
        found = resolve_day_month(day, month, pub, _direction(m["mod"]))
        value = found.isoformat() if found else None
    return Found(start, m.end(), value, "day", "date")


def _date_of_month(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    day = _day_number(m["day"])
    if day is None:
        return None
    value = None
    if pub is not None:
        shift = {"past": -1, "future": 1}.get(_direction(m["mod"]), 0)
        first = shift_months(pub.replace(day=1), shift)
        found = safe_date(first.year, first.month, day)
        value = found.isoformat() if found else None
    return Found(m.start(), m.end(), value, "day", "date")


def _hijri_date(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    day = _day_number(m["day"])
    if day is None or day > 30:
        return None
    month = lx.HIJRI_MONTHS[_key(m["month"])]
    value = None
    if m["year"]:
        value = hijri_to_gregorian(int(m["year"]), month, day).isoformat()
    elif pub is not None:
        value = resolve_hijri_day_month(day, month, pub).isoformat()
    return Found(m.start(), m.end(), value, "day", "hijri")


def _tail_year(m: re.Match[str], pub: date | None) -> int | None:
    """The year a month tail names: 2014, من العام الماضي, هذا العام (None when absent)."""
    if m["year"]:
        return int(m["year"])
    if pub is not None and m["ythis"]:
        return pub.year
    if pub is not None and m["yrel"]:
        return pub.year + {"past": -1, "future": 1}.get(_direction_any(m["yrel"]), 0)
    return None


def _month_value(m: re.Match[str], pub: date | None) -> tuple[int, int] | None:
    month = lx.CIVIL_MONTHS[_key(m["month"])]
    year = _tail_year(m, pub)
    if year is not None:
        return year, month
    return resolve_month(month, pub, _direction(m["mod"])) if pub is not None else None


def _month_named(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    if not (m["year"] or m["mod"] or m["pair"] or m["yrel"] or m["ythis"]):
        context = lx.AMBIGUOUS_MONTHS.get(_key(m["month"]))
        before = _word_before(folded, m.start())
        if before == "شهر":
            pass
        elif context == "strict" or (
            context == "preposition" and before not in lx.YEAR_CONTEXT
        ):
            return None
    ym = _month_value(m, pub)
    return Found(m.start(), m.end(), iso_month(*ym) if ym else None, "month", "month")


def _day_range(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not 1 <= d1 < d2 <= 31:
        return None
    ym = _month_value(m, pub)
    value = None
    if ym and safe_date(*ym, d2):
        value = f"{date(*ym, d1).isoformat()}/{date(*ym, d2).isoformat()}"
    return Found(m.start(), m.end(), value, "interval", "interval")


def _part(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    d1, d2, m1, m2 = lx.PARTS[_key(m["part"])]
    if m["pyear"] or (m["relunit"] and m["relunit"] != "الشهر"):
        if m["pyear"]:
            year: int | None = int(m["pyear"])
        elif pub is None:
            year = None
        else:
            year = pub.year + {"past": -1, "future": 1}.get(_direction_any(m["relmod"]), 0)
        value = f"{iso_month(year, m1)}/{iso_month(year, m2)}" if year else None
        return Found(m.start(), m.end(), value, "interval", "part_of_year")
    if m["relunit"]:
        ym = None
        if pub is not None:
            shift = {"past": -1, "future": 1}.get(_direction_any(m["relmod"]), 0)
            first = shift_months(pub.replace(day=1), shift)
            ym = (first.year, first.month)
    else:
        ym = _month_value(m, pub)
    value = None
    if ym:
        last = min(d2, month_end(*ym))
        value = f"{date(*ym, d1).isoformat()}/{date(*ym, last).isoformat()}"
    return Found(m.start(), m.end(), value, "interval", "part_of_month")


def _direction_any(mod: str | None) -> str:
    """Direction of a masculine or feminine modifier (الماضي, الماضية)."""
    if not mod:
        return ""
    return _direction(mod[:-1] if mod.endswith("ه") else mod)


def _relative(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    rel = _key(m["rel"])
    if rel not in lx.RELATIVE:
        rel = "ا" + rel[1:]
    unit, offset = lx.RELATIVE[rel]
    if rel == "اليوم" and not m["wd"] and not _today_means_today(folded, m.start(), m.end()):
        return None
    if rel == "غدا" and not m["wd"] and _word_before(folded, m.start()) in {"وقد", "قد"}:
        return None
    if pub is None:
        return Found(m.start(), m.end(), None, unit, "relative")
    if unit == "day":
        day = pub + timedelta(days=offset)
        if m["wd"] and offset <= 0:  # «اليوم الاثنين» in a report dated later: the Monday
            day = resolve_weekday(lx.WEEKDAYS[_key(m["wd"])], day)
        return Found(m.start(), m.end(), day.isoformat(), "day", "relative")
    if unit == "week":
        monday, sunday = week_bounds(pub + timedelta(days=7 * offset))
        return Found(m.start(), m.end(), f"{monday}/{sunday}", "week", "relative")
    if unit == "month":
        first = shift_months(pub.replace(day=1), offset)
        return Found(m.start(), m.end(), iso_month(first.year, first.month), "month", "relative")
    return Found(m.start(), m.end(), f"{pub.year + offset:04d}", "year", "relative")


_NOT_TODAY_BEFORE = frozenset({"حتي", "الي", "منذ", "ذلك", "نفس", "طيله", "طوال", "كل", "لغايه"})
_NOT_TODAY_AFTER = frozenset({"نفسه", "ذاته", "ذلك"})


def _today_means_today(folded: str, start: int, end: int) -> bool:
    """اليوم is today unless it is «اليوم الأول», «حتي اليوم», «باليوم الوطني» and the like."""
    if start > 0 and folded[start - 1] not in " \n\t\"'(،,":
        return False
    after = _word_after(folded, end)
    if after.startswith("ال") or after in _NOT_TODAY_AFTER:
        return False
    return _word_before(folded, start) not in _NOT_TODAY_BEFORE


_NOT_WEEKDAY_BEFORE = frozenset({"بين", "كلا", "هذين", "ان", "لان", "فان", "الا"})
_NOT_WEEKDAY_AFTER = frozenset({"معا", "منهما", "من", "كليهما"})


def _weekday(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    key = _key(m["wd"])
    weekday = lx.WEEKDAYS[key]
    if key == "الاثنين" and (
        _word_before(folded, m.start()) in _NOT_WEEKDAY_BEFORE
        or _word_after(folded, m.end()) in _NOT_WEEKDAY_AFTER
    ):
        return None
    value = None
    if pub is not None:
        mod = _key(m["mod"] or "")
        direction = _direction_any(mod.split()[-1] if mod else "")
        if direction == "past":
            found = previous_weekday(weekday, pub)
        elif direction == "future":
            found = next_weekday(weekday, pub)
        else:
            found = resolve_weekday(weekday, pub)
        week = {"قبل": -7, "بعد": 7}.get(mod.split()[0] if " " in mod else "", 0)
        value = (found + timedelta(days=week)).isoformat()
    return Found(m.start(), m.end(), value, "day", "weekday")


def _year_word(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    return Found(m.start(), m.end(), m["year"], "year", "year")


def _year_pair(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    if int(m["y1"]) >= int(m["y2"]):
        return None
    return Found(m.start(), m.end(), f"{m['y1']}/{m['y2']}", "interval", "interval")


def _year_bare(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    if _word_before(folded, m.start()) not in lx.YEAR_CONTEXT:
        return None
    if folded[m.end() : m.end() + 12].lstrip().startswith(lx.FIGURE_PREFIXES):
        return None
    return Found(m.start(), m.end(), m["year"], "year", "year")


def _ago(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    unit, count = lx.UNITS[_key(m["unit"])]
    if m["n"]:
        count = int(m["n"]) if m["n"].isdigit() else lx.COUNTS[_key(m["n"])]
    elif _key(m["unit"]) in {"ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "عقود"}:
        return None
    after = _word_after(folded, m.end())
    if after in {"من", "علي"} or after[:1].isdigit():
        return None
    return Found(m.start(), m.end(), _offset_value(unit, -count, pub), _GRAIN[unit], "relative")


_GRAIN = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}


def _offset_value(unit: str, count: int, pub: date | None) -> str | None:
    """The point `count` units from publication, at that unit's precision."""
    if pub is None:
        return None
    if unit in ("day", "week"):
        return (pub + timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        moved = shift_months(pub, count)
        return iso_month(moved.year, moved.month)
    return f"{pub.year + count * (10 if unit == 'decade' else 1):04d}"


def _last_n(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    if m["dual"]:
        unit, count = lx.UNITS[m["dual"]]
    else:
        unit = lx.UNITS[_key(m["unit"])][0]
        count = lx.COUNTS[_key(m["n"])]
    if pub is None:
        return Found(m.start(), m.end(), None, "interval", "relative")
    if unit in ("day", "week"):
        start = pub - timedelta(days=count * (7 if unit == "week" else 1))
    elif unit == "month":
        start = shift_months(pub, -count)
    else:
        start = shift_years(pub, -count * (10 if unit == "decade" else 1))
    return Found(m.start(), m.end(), f"{start}/{pub}", "interval", "relative")


def _clock(m: re.Match[str], folded: str, pub: date | None) -> Found | None:
    return Found(m.start(), m.end(), None, "unknown", "clock")


_DIGIT = re.compile(r"\d")


def _words(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(words))


# (pattern, rule, gate): a rule runs on a window only when its gate finds something there.
RULES: tuple[tuple[re.Pattern[str], Rule, re.Pattern[str] | None], ...] = (
    (lx.DATE_NUMERIC_YMD, _numeric_ymd, _DIGIT),
    (lx.DATE_NUMERIC_DMY, _numeric_dmy, _DIGIT),
    (lx.DATE_NUMERIC_YM, _numeric_ym, _DIGIT),
    (lx.DATE_NAMED, _named_date, None),
    (lx.DATE_OF_MONTH, _date_of_month, _words("الشهر")),
    (lx.DATE_HIJRI, _hijri_date, None),
    (lx.DAY_RANGE, _day_range, _DIGIT),
    (lx.PART, _part, None),
    (lx.MONTH_NAMED, _month_named, None),
    (lx.RELATIVE_WORDS, _relative, None),
    (lx.WEEKDAY, _weekday, None),
    (lx.YEAR_PAIR, _year_pair, _words("عامي", "سنتي")),
    (lx.YEAR_RANGE, _year_pair, _DIGIT),
    (lx.YEAR_WORD, _year_word, _DIGIT),
    (lx.YEAR_HIJRI, _year_hijri, _DIGIT),
    (lx.YEAR_BARE, _year_bare, _DIGIT),
    (lx.AGO, _ago, _words("قبل", "منذ")),
    (lx.LAST_N, _last_n, _words("الماضي", "الاخير", "المنصرم", "الفائت")),
    (lx.CLOCK, _clock, _words("الساعه")),
)
