"""Calendar arithmetic for time expressions: weekdays, months and Hijri dates against a
publication date. News reports the past, so a date without a year is the most recent one."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# A date named without its year may lie this many days after publication (an event announced
# for the coming days); anything later belongs to the year before.
FUTURE_TOLERANCE_DAYS = 7

# Julian day number of 1 Muharram AH 1 in the tabular (civil, Friday epoch) Islamic calendar.
_ISLAMIC_EPOCH_JDN = 1948440
# Julian day number minus the proleptic Gregorian ordinal (date.toordinal()).
_JDN_OFFSET = 1721425


def resolve_weekday(weekday: int, published: date) -> date:
    """The most recent `weekday` (ISO, Monday=1) on or before `published`."""
    return published - timedelta(days=(published.isoweekday() - weekday) % 7)


def previous_weekday(weekday: int, published: date) -> date:
    """The most recent `weekday` strictly before `published` (السبت الماضي)."""
    return published - timedelta(days=(published.isoweekday() - weekday - 1) % 7 + 1)


def next_weekday(weekday: int, published: date) -> date:
    """The first `weekday` strictly after `published` (الجمعة المقبل)."""
    return published + timedelta(days=(weekday - published.isoweekday() - 1) % 7 + 1)


def week_bounds(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def month_end(year: int, month: int) -> int:
    """Number of days in a month."""
    return calendar.monthrange(year, month)[1]


def shift_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day clipped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, month_end(year, month + 1)))


def shift_years(day: date, years: int) -> date:
    """`day` moved by whole years (29 February becomes 28 February)."""
    return shift_months(day, 12 * years)


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the numbers name no calendar day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_day_month(day: int, month: int, published: date, direction: str = "") -> date | None:
    """The year of a day and month named without one.

    direction: "" the most recent such day not after publication plus a small tolerance;
    "past" strictly before publication; "future" strictly after; "current" this year.
    """
    if direction == "current":
        return safe_date(published.year, month, day)
    if direction == "future":
        years = range(published.year, published.year + 5)
    else:
        years = range(published.year + 1, published.year - 5, -1)
    limit = published + timedelta(days=FUTURE_TOLERANCE_DAYS)
    for year in years:
        found = safe_date(year, month, day)
        if found is None:
            continue
        if (
            (direction == "future" and found > published)
            or (direction == "past" and found < published)
            or (direction == "" and found <= limit)
        ):
            return found
    return None


def resolve_month(month: int, published: date, direction: str = "") -> tuple[int, int]:
    """(year, month) of a month named without a year.

    direction: "" the most recent such month, this one included; "past" strictly before this
    month; "future" strictly after; "current" this year.
    """
    year = published.year
    if direction == "current":
        return year, month
    if direction == "future":
        return (year if month > published.month else year + 1), month
    if direction == "past":
        return (year if month < published.month else year - 1), month
    return (year if month <= published.month else year - 1), month


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a Hijri date in the arithmetic (tabular) Islamic calendar.

    The tabular calendar can differ by a day or two from sighting-based or Umm al-Qura dates.
    """
    jdn = (
        day
        + (295 * (month - 1) + 9) // 10
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + _ISLAMIC_EPOCH_JDN
        - 1
    )
    return date.fromordinal(jdn - _JDN_OFFSET)


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    """(year, month, day) of a Gregorian date in the tabular Islamic calendar."""
    ordinal = day.toordinal()
    jdn = ordinal + _JDN_OFFSET
    year = (30 * (jdn - _ISLAMIC_EPOCH_JDN) + 10646) // 10631
    if hijri_to_gregorian(year, 1, 1).toordinal() > ordinal:
        year -= 1
    month = 1
    while month < 12 and hijri_to_gregorian(year, month + 1, 1).toordinal() <= ordinal:
        month += 1
    return year, month, ordinal - hijri_to_gregorian(year, month, 1).toordinal() + 1


def resolve_hijri_day_month(day: int, month: int, published: date) -> date:
    """Gregorian date of a Hijri day and month named without a year: the most recent one."""
    year = gregorian_to_hijri(published)[0]
    found = hijri_to_gregorian(year, month, day)
    if found > published + timedelta(days=FUTURE_TOLERANCE_DAYS):
        found = hijri_to_gregorian(year - 1, month, day)
    return found


def iso_day(day: date) -> str:
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"
