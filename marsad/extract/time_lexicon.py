"""Time words from marsad/lang/ar as matching keys, and the patterns built from them once.

Every pattern runs on the folded text (أ إ آ → ا, ة → ه, ى → ي), so entries are folded here.
"""

from __future__ import annotations

import re

from marsad.lang import load_table
from marsad.text.normalize import fold


def _key(phrase: str) -> str:
    return " ".join(fold(phrase).split())


def _alternation(words: object) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any whitespace."""
    keys = sorted({_key(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(r"\s+".join(re.escape(part) for part in k.split()) for k in keys)


MONTHS: dict[str, tuple[int, str]] = {
    _key(name): (int(number), system) for name, number, system, *_ in load_table("months.tsv")
}
CIVIL_MONTHS = {k: v[0] for k, v in MONTHS.items() if v[1] != "hijri"}
HIJRI_MONTHS = {k: v[0] for k, v in MONTHS.items() if v[1] == "hijri"}
AMBIGUOUS_MONTHS: dict[str, str] = {
    _key(name): context for name, context, *_ in load_table("month_ambiguous.tsv")
}
WEEKDAYS = {_key(name): int(number) for name, number, *_ in load_table("weekdays.tsv")}
ORDINALS = {_key(word): int(day) for word, day, *_ in load_table("ordinals.tsv")}
RELATIVE = {
    _key(phrase): (unit, int(offset))
    for phrase, unit, offset, *_ in load_table("time_relative.tsv")
}
PARTS = {
    _key(word): (int(d1), int(d2), int(m1), int(m2))
    for word, d1, d2, m1, m2, *_ in load_table("time_parts.tsv")
}
UNITS = {_key(word): (unit, int(count)) for word, unit, count, *_ in load_table("time_units.tsv")}
COUNTS = {_key(word): int(value) for word, value, *_ in load_table("time_counts.tsv")}

# Where a word may start: after a non-word character, or after the clitics و ف ب ل ك
# written on it (والأحد, بالسبت); the clitic stays outside the span.
B = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك]))"
E = r"(?!\w)"
_MONTH = f"(?:{_alternation(CIVIL_MONTHS)})"
_HMONTH = f"(?:{_alternation(HIJRI_MONTHS)})"
_WEEKDAY = f"(?:{_alternation(WEEKDAYS)})"
_ORDINAL = f"(?:{_alternation(ORDINALS)})"
_PART = f"(?:{_alternation(PARTS)})"
_COUNT = f"(?:{_alternation(COUNTS)})"
_UNIT = f"(?:{_alternation(UNITS)})"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_YEARWORD = r"(?:ال)?(?:عام|سنه)"
# A second name of the same month: آذار/مارس, مارس (آذار), يوليو تموز.
_PAIR = rf"(?:\s*[/\-]\s*{_MONTH}{E}|\s*\(\s*{_MONTH}\s*\)|\s+{_MONTH}{E})?"
MODIFIERS = {
    "الماضي": "past", "المنصرم": "past", "الفائت": "past", "المنقضي": "past",
    "الجاري": "current", "الحالي": "current", "المقبل": "future", "القادم": "future",
}
_MOD = "|".join(MODIFIERS)
# Modifiers of العام/السنة, both genders: من العام الماضي, من السنة الماضية.
_YEAR_MOD = "|".join(sorted({*MODIFIERS, *(m + "ه" for m in MODIFIERS)}, key=len, reverse=True))
_MONTH_TAIL = (
    rf"(?:\s*[،,]?\s*(?:(?:من\s+)?{_YEARWORD}\s+)?(?P<year>{_YEAR})(?:\s*م{E})?"
    rf"|\s+(?:من\s+)?(?:{_YEARWORD}\s+(?P<yrel>{_YEAR_MOD})|(?P<ythis>هذا\s+العام|هذه\s+السنه)){E}"
    rf"|\s+(?P<mod>{_MOD}){E})?"
)
_DAY = r"(?:[0-3]?\d(?!\d))"
_CLOCK_WORDS = r"صباحا|صباح|مساء|ظهرا|ليلا|فجرا|عصرا|بالتوقيت\s+المحلي"

DATE_NUMERIC_YMD = re.compile(
    r"(?<![\d/.\-])(?P<y>\d{4})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/])"
    rf"(?P<hijri>\s*ه{E})?"
)
DATE_NUMERIC_DMY = re.compile(
    r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"
    rf"(?P<hijri>\s*ه{E})?"
)
DATE_NUMERIC_YM = re.compile(r"(?<![\d/.\-])(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})(?![\d/.])")
DATE_NAMED = re.compile(
    rf"{B}(?P<wd>{_WEEKDAY}\s*[،,]?\s+(?:الموافق\s+)?)?"
    rf"(?P<day>{_DAY}|{_ORDINAL})(?:\s+من)?\s+(?:شهر\s+)?"
    rf"(?P<month>{_MONTH}){E}{_PAIR}{_MONTH_TAIL}"
)
DATE_OF_MONTH = re.compile(
    rf"{B}(?P<day>{_DAY}|{_ORDINAL})\s+من\s+(?:هذا\s+)?الشهر(?:\s+(?P<mod>{_MOD}))?{E}"
)
DATE_HIJRI = re.compile(
    rf"{B}(?P<day>{_DAY}|{_ORDINAL})(?:\s+من)?\s+(?:شهر\s+)?(?P<month>{_HMONTH}){E}"
    rf"(?:\s+(?:(?:من\s+)?{_YEARWORD}\s+)?(?P<year>1[34]\d\d)(?!\d)(?:\s*ه{E}|\s+للهجره)?"
    rf"|\s+(?:الحالي|الجاري|الماضي|المنصرم){E})?"
)
MONTH_NAMED = re.compile(rf"{B}(?P<month>{_MONTH}){E}(?P<pair>{_PAIR}){_MONTH_TAIL}")
DAY_RANGE = re.compile(
    rf"{B}(?P<kw>بين|من)\s+(?P<d1>{_DAY})\s+(?:و|الي|حتي|لغايه)\s*(?P<d2>{_DAY})\s+"
    rf"(?:شهر\s+)?(?P<month>{_MONTH}){E}{_PAIR}{_MONTH_TAIL}"
)
PART = re.compile(
    rf"{B}(?P<part>{_PART})\s+(?:"
    rf"(?P<rel>(?:هذا\s+)?(?P<relunit>الشهر|العام|السنه))(?:\s+(?P<relmod>{_MOD}|الماضيه"
    rf"|الحاليه|الجاريه|المقبله|القادمه))?{E}"
    rf"|(?:شهر\s+)?(?P<month>{_MONTH}){E}{_PAIR}{_MONTH_TAIL}"
    rf"|(?:{_YEARWORD}\s+)?(?P<pyear>{_YEAR})(?:\s*م{E})?)"
)
# ل before the article drops its alef (للعام الماضي): such spans keep the ل.
_CONTRACTED = ["ل" + k[1:] for k in RELATIVE if k[:2] == "ال"]
RELATIVE_WORDS = re.compile(
    rf"{B}(?P<rel>{_alternation([*RELATIVE, *_CONTRACTED])}){E}"
    rf"(?:\s*[،,]?\s+(?P<wd>{_WEEKDAY}){E})?"
)
WEEKDAY = re.compile(
    rf"{B}(?P<wd>{_WEEKDAY}){E}(?:\s+(?P<mod>(?:قبل\s+)?الماضي|الماضيه|المنصرم|الفائت|المقبل"
    rf"|المقبله|القادم|القادمه|بعد\s+المقبل){E})?"
)
YEAR_WORD = re.compile(rf"{B}(?P<kw>(?:لل)?{_YEARWORD})\s+(?P<year>{_YEAR})(?:\s*م{E})?{E}")
YEAR_PAIR = re.compile(
    rf"{B}(?:(?P<kw>بين)\s+)?(?:ال)?(?:عامي|سنتي)\s+(?P<y1>{_YEAR})\s+و\s*(?P<y2>{_YEAR}){E}"
)
YEAR_RANGE = re.compile(
    rf"{B}(?P<kw>بين|من)\s+(?:{_YEARWORD}\s+)?(?P<y1>{_YEAR})\s+(?:و|الي|حتي|لغايه)\s*"
    rf"(?:{_YEARWORD}\s+)?(?P<y2>{_YEAR}){E}"
)
YEAR_HIJRI = re.compile(rf"{B}(?:{_YEARWORD}\s+)?(?P<year>1[34]\d\d)(?!\d)\s*ه{E}")
YEAR_BARE = re.compile(rf"{B}(?P<year>{_YEAR})(?:\s*م{E})?{E}")
AGO = re.compile(
    rf"{B}(?P<kw>قبل|منذ)\s+(?:(?P<n>\d{{1,2}}|{_COUNT})\s+)?(?P<unit>{_UNIT}){E}"
    rf"(?:\s+واحد(?:ا|ه)?{E})?"
)
LAST_N = re.compile(
    rf"{B}(?:ال(?P<unit>{_UNIT})\s+ال(?P<n>{_COUNT})"
    rf"|ال(?P<dual>يومين|اسبوعين|شهرين|عامين|سنتين))\s+"
    rf"(?:الماضيه|الاخيره|المنصرمه|الفائته|الماضيين|الاخيرين|المنصرمين|الفائتين){E}"
)
_HOUR_WORDS = (
    r"الحاديه\s+عشره|الثانيه\s+عشره|الواحده|الثانيه|الثالثه|الرابعه|الخامسه|السادسه"
    r"|السابعه|الثامنه|التاسعه|العاشره"
)
CLOCK = re.compile(
    rf"{B}الساعه\s+(?:\d{{1,2}}(?:[:.]\d\d)?(?!\d)|(?:{_HOUR_WORDS}){E})"
    rf"(?:\s+(?:و(?:النصف|الربع|\d{{1,2}}\s+دقيقه)|الا\s+ربعا){E})?"
    rf"(?:\s+(?:{_CLOCK_WORDS}){E})?"
)
# Words before a bare four-digit number that make it a year (في 2014, منذ 2011).
YEAR_CONTEXT = frozenset(
    {"في", "منذ", "خلال", "حتي", "قبل", "بعد", "اي", "ومنذ", "وفي", "وخلال", "وحتي", "الي"}
)
# Count nouns after a number that make it a figure, not a year (2000 مقاتل).
FIGURE_PREFIXES = ("شخص", "مقاتل", "جندي", "عنصر", "قتيل", "جريح", "طفل", "امراه", "لاجئ",
                   "نازح", "دولار", "ريال", "دينار", "جنيه", "يورو", "درهم", "ليره", "طن",
                   "كيلو", "متر", "منزل", "عائل", "اسر", "زائر", "مواطن", "معتقل", "سجين",
                   "مدني", "حاله", "اصاب", "قطع", "مسلح", "طالب", "عامل", "موظف", "مليون",
                   "الف", "من ")
# Anchors: a cheap first pass over whole words; the rules only run in windows around these.
# Day numbers, ordinals and parts of months need no anchor of their own: the month name or
# الشهر/العام after them is one.
ANCHOR = re.compile(
    rf"(?<!\w)(?:\d{{4}}(?!\d)|\d{{1,2}}[/.\-]\d"
    rf"|[وفبلك]{{0,2}}(?:{_MONTH}|{_HMONTH}|{_WEEKDAY}|امس|الامس|اليوم|غدا|غد|الغد|البارحه"
    rf"|الاسبوع|الشهر|العام|السنه|قبل|منذ|عامي|سنتي|الساعه|ال{_UNIT}"
    rf"|ل(?:لاسبوع|لشهر|لعام|لسنه|ليوم|لغد)){E})"
)
