"""Figures: every number in an article with what it counts, who reported it and as of when.

Numbers come from `numbers.scan_numbers`; the words of the number's sentence give the unit
(the counted noun right after it), the category (the closest trigger word, or the unit's own
default), a short subject, the reporter named by an attribution cue (بحسب، أعلنت ...), the date
it holds for (`as_of`) and the start of the period it counts (`since`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from marsad.extract.figure_category import (
    EVENTS,
    GROUP_NOUNS,
    count_noun,
    decide,
    link_listed,
    points_back,
    trigger,
)
from marsad.extract.number_lexicon import TOKEN, Tok, lookup
from marsad.extract.numbers import Found, scan_numbers
from marsad.lang import load_table, load_words
from marsad.model import Span
from marsad.text.normalize import NormalizedText, fold, normalize

try:
    from marsad.text.sentences import split_sentences as _split_sentences
except ImportError:  # pragma: no cover - the sentence splitter ships with marsad.text
    _split_sentences = None


@dataclass(slots=True)
class Figure:
    """One figure of one document; offsets point into the document's text."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    category: str
    subject: str | None
    source_name: str | None
    source_span: tuple[int, int] | None
    as_of: str | None
    since: str | None
    part_of: str | None = None  # «بينهم 37 ألف مدني»: the id of the figure it breaks down

    def to_dict(self) -> dict[str, Any]:
        """The analysis.json shape (SPEC `figures[]`); whole numbers as int."""
        return {
            "id": self.id, "doc": self.doc, "start": self.start, "end": self.end,
            "text": self.text, "value": _num(self.value), "low": _num(self.low),
            "high": _num(self.high), "qualifier": self.qualifier, "unit": self.unit,
            "category": self.category, "subject": self.subject,
            "source": {
                "entity": None, "name": self.source_name,
                "start": self.source_span[0], "end": self.source_span[1],
            } if self.source_name and self.source_span else None,
            "as_of": self.as_of, "since": self.since, "part_of": self.part_of,
        }


def _num(x: float | None) -> float | int | None:
    return int(x) if x is not None and x == int(x) else x


def _units() -> tuple[dict[str, tuple[str, str, str]], dict[tuple[str, str], tuple[str, str, str]]]:
    one: dict[str, tuple[str, str, str]] = {}
    two: dict[tuple[str, str], tuple[str, str, str]] = {}
    for surface, canon, cat, strength in load_table("units.tsv"):
        info = (canon, cat, strength)
        words = fold(surface).split()
        if len(words) == 2:
            two[(words[0], words[1])] = info
        else:
            one[words[0]] = info
    return one, two


_UNIT1, _UNIT2 = _units()
_CUES = {fold(w): k for w, k in load_table("attribution_cues.tsv")}
_WEEKDAYS = frozenset(fold(w) for w, _ in load_table("weekdays.tsv"))
_MONTH_NUM = {fold(n): int(m) for n, m, system in load_table("months.tsv") if system != "hijri"}
_SINCE_SKIP = frozenset(
    fold(w)
    for w in ("مطلع", "بداية", "أوائل", "منتصف", "أواخر", "نهاية", "شهر", "عام", "العام", "سنة")
)
_SUBJECT_STOP = frozenset(
    fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "الآن", "اليوم", "الماضي", "الجاري")
)
_QUALIFIER_HEADS = frozenset(fold(row[0]).split()[0] for row in load_table("qualifiers.tsv"))
_REPORT_NOUNS = frozenset(
    fold(w) for w in ("حصيلة", "الحصيلة", "أرقام", "تقديرات", "إحصاءات", "إحصائيات", "بيانات",
                      "تقرير", "معطيات")
)
_NOT_COUNTED = frozenset(fold(w) for w in load_words("figure_not_counted.tsv"))


def extract_figures(
    doc_id: str,
    text: str,
    published: str | None,
    sentences: list[Span] | None = None,
    *,
    sentence_dates: dict[int, str] | None = None,
    since_resolver: Callable[[str], str | None] | None = None,
) -> list[Figure]:
    """Every figure of a document.

    sentences: the document's sentence spans (split here when None).
    sentence_dates: sentence index → ISO date the sentence speaks about (from the times
    extractor); it overrides `published` and the local أمس check for `as_of`.
    since_resolver: turns an «منذ ...» phrase into an ISO date; without it only «منذ <month>
    [year]» and «منذ [العام] 2011» are read here.
    """
    norm = normalize(text)
    found = scan_numbers(norm)
    if not found:
        return []
    if sentences is None:
        sentences = _sentences(text, norm)
    starts = [s.start for s in sentences]
    figures: list[Figure] = []
    # per figure: sentence, how its category was decided, «منهم» after it, a noun of its own
    listing: list[tuple[int, str, bool, bool]] = []
    cache: dict[int, tuple[list[Tok], list[int], list[_Cue], bool, str | None]] = {}
    for f in found:
        e = f.expr
        vague_some = f.kind == "vague" and e.text.startswith("عدد")
        idx = max(0, bisect_right(starts, e.start) - 1) if sentences else -1
        if idx >= 0:
            sent = sentences[idx]
            lo, hi = _norm_index(norm, sent.start), _norm_index(norm, sent.end)
        else:
            lo, hi = 0, len(norm.folded)
        cached = cache.get(idx)
        if cached is None:
            toks = [
                Tok(m.start(), m.end(), m.group(), "")
                for m in TOKEN.finditer(norm.folded, lo, max(hi, f.norm_end))
            ]
            # Each cue's noun phrase once per sentence, not once per figure (see _source).
            cues = [
                (i, got)
                for i, t in enumerate(toks)
                if _cue(t.text) in ("prep", "verb") and (got := _noun_phrase(norm, toks, i))
            ]
            # Once per sentence, not per figure: a sentence of many numbers stays linear.
            yesterday = bool(published) and _says_yesterday(toks)
            since = _since(norm, toks, published, since_resolver)
            cached = cache[idx] = (toks, [t.start for t in toks], cues, yesterday, since)
        toks, tok_starts, cues, yesterday, since = cached
        a = bisect_left(tok_starts, f.norm_start)
        b = bisect_left(tok_starts, f.norm_end)
        unit, unit_cat, strength, unit_end = _unit(norm, toks, b, f)
        if unit is None and not e.percent and (named := count_noun(toks, a, b)) is not None:
            unit = _unit_word(toks[named].text)  # عدد المدنيين ... بين 10 و15 ألفاً
        decision = decide(toks, a, b, e.percent, unit_cat, strength)
        category = decision.category
        if vague_some and category not in EVENTS:
            continue  # «عدد من الدول»: not a count anyone reports
        source = _source(cues, a)
        as_of = published
        if sentence_dates and idx in sentence_dates:
            as_of = sentence_dates[idx]
        elif yesterday and published:
            as_of = _shift(published, -1)
        figures.append(
            Figure(
                f"{doc_id}:fig:{e.start}", doc_id, e.start, e.end, e.text, e.value, e.low,
                e.high, e.qualifier, unit, category,
                _subject(norm, toks, unit, unit_end), source[0] if source else None,
                source[1] if source else None, as_of, since,
            )
        )
        # «24 ألفاً من أفراد عائلاتهم»: a noun of its own, even one no lexicon knows.
        own_noun = unit is not None or (
            unit_end == b and b + 1 < len(toks) and toks[b].text == "من"
            and not points_back(toks, b + 1) and toks[b + 1].text[:1].isalpha()
        )
        listing.append((idx, decision.how, points_back(toks, unit_end), own_noun))
    link_listed(text, figures, listing)
    return figures


def _sentences(text: str, norm: NormalizedText) -> list[Span]:
    if _split_sentences is not None:
        return _split_sentences(text, norm)
    spans, start = [], 0  # pragma: no cover - fallback when the splitter is absent
    for i, c in enumerate(norm.light):
        if c in ".!?؟\n":
            spans.append(Span(norm.to_original(start), norm.to_original(i) + 1))
            start = i + 1
    spans.append(Span(norm.to_original(start) if start < len(norm.light) else len(text), len(text)))
    return spans


def _norm_index(norm: NormalizedText, orig: int) -> int:
    """The first normalised offset whose original offset is at or after `orig`."""
    if not norm._segments:
        return orig
    return bisect_left(range(len(norm.light)), orig, key=norm.to_original)


def _unit(
    norm: NormalizedText, toks: list[Tok], b: int, f: Found
) -> tuple[str | None, str, str, int]:
    """The counted noun after the number: (unit, default category, strength, token after it).

    From units.tsv, also in construct state (58 من مقاتلي التنظيم); else, after 11 to 99, the
    singular accusative noun the grammar puts there (عشرين اسماً → اسم)."""
    if f.expr.percent:
        return "%", "percent", "strong", b
    if f.kind == "times":
        return "ضعف", "-", "-", b
    n = len(toks)
    j = b + 1 if b < n and toks[b].text == "من" else b
    if j >= n:
        return None, "-", "-", b
    for word in _bare(toks[j].text):
        if j + 1 < n:
            second = toks[j + 1].text
            if toks[j + 1].start == toks[j].end and second == "2":
                info = _UNIT1.get(word + "2")
                if info:
                    return info[0], info[1], info[2], j + 2
            info2 = _UNIT2.get((word, second))
            if info2:
                return info2[0], info2[1], info2[2], j + 2
        info = _UNIT1.get(word) or (_UNIT1.get(word + "ن") if word.endswith("ي") else None)
        if info and info[2] == "idafa":  # حالة اعتقال: the noun after says what is counted
            cat = trigger(toks[j + 1].text) if j + 1 < n else None
            return info[0], cat if cat in EVENTS else "other", "strong", j + 1
        if info:
            return info[0], info[1], info[2], j + 1
    if j == b and _accusative_count(f) and (noun := _accusative_noun(norm, toks[j])):
        return noun, "-", "-", j + 1
    return None, "-", "-", b


def _unit_word(word: str) -> str | None:
    """The unit a lone noun names (المدنيين → مدني), or None."""
    for form in _bare(word):
        info = _UNIT1.get(form)
        if info:
            return info[0]
    return None


def _accusative_count(f: Found) -> bool:
    """11 to 99 take their noun in the singular accusative (تمييز)."""
    value = f.expr.value
    return value is not None and value == int(value) and 11 <= value <= 99


def _accusative_noun(norm: NormalizedText, tok: Tok) -> str | None:
    """The singular of an accusative noun (اسماً → اسم); None for adverbs and non-nouns."""
    word = tok.text
    if (
        len(word) < 4 or not word.endswith("ا") or word.endswith(("يا", "ءا"))
        or not all("\u0621" <= c <= "\u064a" for c in word)
        or word in _NOT_COUNTED or trigger(word) in EVENTS
    ):
        return None
    return norm.light[tok.start : tok.end - 1]


def _bare(word: str) -> tuple[str, ...]:
    if word.startswith("ال") and len(word) > 4:
        return word, word[2:]
    return (word,)


def _subject(norm: NormalizedText, toks: list[Tok], unit: str | None, j: int) -> str | None:
    """The unit and the few words that say whose it is (عنصر من التنظيم)."""
    if unit is None or unit == "%":
        return None
    words = [unit]
    n = len(toks)
    extra = 0
    while j < n and extra < 3:
        t = toks[j].text
        if t == "من" and j + 1 < n and toks[j + 1].text in GROUP_NOUNS:
            words.append(norm.light[toks[j].start : toks[j + 1].end])
            j += 2
            extra += 2
            continue
        if t.startswith("ال") and len(t) > 3 and t not in _SUBJECT_STOP and trigger(t) is None:
            words.append(norm.light[toks[j].start : toks[j].end])
            j += 1
            extra += 1
            continue
        break
    return " ".join(words)


_Cue = tuple[int, tuple[str, tuple[int, int]]]  # cue token index, (name, original span)


def _source(cues: list[_Cue], a: int) -> tuple[str, tuple[int, int]] | None:
    """Who the sentence says reported it: the noun phrase after the nearest attribution cue
    before the number, else after the first cue following it (`cues`: those with a phrase)."""
    if not cues:
        return None
    k = bisect_left(cues, a, key=lambda cue: cue[0])
    return cues[k - 1][1] if k else cues[0][1]


def _cue(word: str) -> str | None:
    kind = _CUES.get(word)
    if kind is None and word[:1] in "وف" and len(word) > 3:
        kind = _CUES.get(word[1:])
    return kind


def _noun_phrase(
    norm: NormalizedText, toks: list[Tok], i: int
) -> tuple[str, tuple[int, int]] | None:
    n = len(toks)
    prep = _cue(toks[i].text) == "prep"
    j = i + 1
    while j < n and (_CUES.get(toks[j].text) == "link" or (prep and _cue(toks[j].text) == "verb")):
        j += 1
    if j < n and toks[j].text == '"':
        j += 1
    # وفقاً للأمم المتحدة; بحسب حصيلة جديدة للمرصد (the count is the body's, named after ل).
    strip_l = prep and j < n and toks[j].text[:1] == "ل" and toks[i].text in ("وفقا", "طبقا")
    if prep and j < n and toks[j].text in _REPORT_NOUNS:
        k = next((k for k in range(j + 1, min(n, j + 4)) if toks[k].text[:1] == "ل"), None)
        if k is not None and not toks[k].text.startswith("ال"):
            j, strip_l = k, True
    first, lead = j, 0
    words: list[str] = []
    while j < n and len(words) < 6:
        t = toks[j].text
        if not ("\u0621" <= t[0] <= "\u064a") or len(t) < 2 or t == "ال":
            break
        if _cue(t) is not None or t in _WEEKDAYS or t in _QUALIFIER_HEADS or (
            t[0] in "بو" and t[1:] in _QUALIFIER_HEADS
        ):
            break
        if lookup(t) or trigger(t) in EVENTS:
            break
        words.append(t)
        j += 1
    if not words or _passive_amount(toks, j):
        return None
    if not prep and words[0][0] in "لب" and not words[0].startswith("ال"):
        return None  # قال للصحفيين, أفاد بمقتل: an addressee or the news, not a reporter
    start = toks[first].start
    light_first = norm.light[start : toks[first].end]
    if strip_l:
        if toks[first].text.startswith("لل"):
            light_first = "ال" + light_first[2:]
        else:
            light_first, lead = light_first[1:], 1
    name = (light_first + norm.light[toks[first].end : toks[j - 1].end]).strip()
    span = norm.span_to_original(start + lead, toks[j - 1].end)
    return name, span


def _passive_amount(toks: list[Tok], j: int) -> bool:
    """قدرت الخسائر بنحو ...: the noun after the verb is what was estimated, not who."""
    if j >= len(toks) or not toks[j].text.startswith("ب"):
        return False
    t = toks[j].text
    return t == "ب" or t[1:] in _QUALIFIER_HEADS or lookup(t) is not None


def _says_yesterday(toks: list[Tok]) -> bool:
    for i, t in enumerate(toks):
        if t.text in ("امس", "وامس") and not (i + 1 < len(toks) and toks[i + 1].text == "الاول"):
            return True
    return False


def _shift(iso: str, days: int) -> str | None:
    try:
        return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _since(
    norm: NormalizedText, toks: list[Tok], published: str | None,
    resolver: Callable[[str], str | None] | None,
) -> str | None:
    for i, t in enumerate(toks):
        if t.text not in ("منذ", "ومنذ"):
            continue
        if resolver is not None:
            end = i + 1
            while end < len(toks) and end < i + 5 and toks[end].text[0].isalnum():
                end += 1
            return resolver(norm.light[t.start : toks[end - 1].end])
        return _since_local(toks, i + 1, published)
    return None


def _since_local(toks: list[Tok], j: int, published: str | None) -> str | None:
    """منذ [مطلع] <month> [year] → YYYY-MM; منذ [العام] 2011 → YYYY."""
    n = len(toks)
    if j < n and toks[j].text in _SINCE_SKIP:
        j += 1
    if j >= n:
        return None
    t = toks[j].text
    if t.isdigit() and len(t) == 4 and 1900 <= int(t) <= 2100:
        return t
    month = _MONTH_NUM.get(t)
    step = 1
    if month is None and j + 1 < n:
        month = _MONTH_NUM.get(t + " " + toks[j + 1].text)
        step = 2
    if month is None:
        return None
    k = j + step
    if k < n and toks[k].text.isdigit() and len(toks[k].text) == 4:
        return f"{toks[k].text}-{month:02d}"
    if not published:
        return None
    year, pub_month = int(published[:4]), int(published[5:7] or 1)
    return f"{year - 1 if month > pub_month else year:04d}-{month:02d}"
