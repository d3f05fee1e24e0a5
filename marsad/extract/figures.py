"""Figures: every number in an article with what it counts, who reported it and as of when.

Numbers come from `numbers.scan_numbers`, dual counts (شخصان) from `figure_units`; the words
of the number's sentence give the unit (`figure_units`), the category (`figure_category`), a
short subject, the reporter named by an attribution cue (بحسب، أعلنت ...; `figure_sources`,
also for a sentence that goes on with the report before it), the date it holds for (`as_of`)
and the start of the period it counts (`since`).
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
from marsad.extract.figure_sources import (
    Cue,
    continues_report,
    cue_source,
    same_report,
    sentence_cues,
)
from marsad.extract.figure_units import not_a_count, scan_duals, unit_after, unit_word
from marsad.extract.number_lexicon import TOKEN, Tok
from marsad.extract.numbers import Found, scan_numbers
from marsad.lang import load_table
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
            "high": _num(self.high), "qualifier": self.qualifier,
            "unit": None if self.unit == "%" else self.unit,  # GUIDELINES: no unit for a percent
            "category": self.category, "subject": self.subject,
            "source": {
                "entity": None, "name": self.source_name,
                "start": self.source_span[0], "end": self.source_span[1],
            } if self.source_name and self.source_span else None,
            "as_of": self.as_of, "since": self.since, "part_of": self.part_of,
        }


def _num(x: float | None) -> float | int | None:
    return int(x) if x is not None and x == int(x) else x


_MONTH_NUM = {fold(n): int(m) for n, m, system in load_table("months.tsv") if system != "hijri"}
_SINCE_SKIP = frozenset(
    fold(w)
    for w in ("مطلع", "بداية", "أوائل", "منتصف", "أواخر", "نهاية", "شهر", "عام", "العام", "سنة")
)
_SUBJECT_STOP = frozenset(
    fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "الآن", "اليوم", "الماضي", "الجاري")
)


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
    found = _with_duals(scan_numbers(norm), scan_duals(norm))
    if not found:
        return []
    if sentences is None:
        sentences = _sentences(text, norm)
    starts = [s.start for s in sentences]
    figures: list[Figure] = []
    # per figure: sentence, how its category was decided, «منهم» after it, a noun of its own
    listing: list[tuple[int, str, bool, bool]] = []
    cache: dict[int, _View] = {}
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
            cached = cache[idx] = _view(norm, lo, max(hi, f.norm_end), published, since_resolver)
        toks, tok_starts, cues, yesterday, since = cached
        a = bisect_left(tok_starts, f.norm_start)
        b = bisect_left(tok_starts, f.norm_end)
        if not_a_count(toks, b, f):
            continue
        unit, unit_cat, strength, unit_end = unit_after(norm, toks, b, f)
        if unit is None and not e.percent and (named := count_noun(toks, a, b)) is not None:
            unit = unit_word(toks[named].text)  # عدد المدنيين ... بين 10 و15 ألفاً
        decision = decide(toks, a, b, e.percent, unit_cat, strength)
        category = decision.category
        if vague_some and category not in EVENTS:
            continue  # «عدد من الدول»: not a count anyone reports
        source, said = cue_source(cues, a, toks), idx
        if source is None and idx > 0 and continues_report(toks, cues):
            source, said = _carried(norm, sentences, idx, cache, published, since_resolver)
        as_of = published
        if sentence_dates and said in sentence_dates:
            as_of = sentence_dates[said]
        elif cache[said][3] and published:
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


_View = tuple[list[Tok], list[int], list[Cue], bool, str | None]


def _view(
    norm: NormalizedText, lo: int, hi: int, published: str | None,
    resolver: Callable[[str], str | None] | None,
) -> _View:
    """What a sentence says once for all its figures: tokens, reporters, أمس, منذ."""
    toks = [Tok(m.start(), m.end(), m.group(), "") for m in TOKEN.finditer(norm.folded, lo, hi)]
    yesterday = bool(published) and _says_yesterday(toks)
    since = _since(norm, toks, published, resolver)
    return toks, [t.start for t in toks], sentence_cues(norm, toks), yesterday, since


def _carried(
    norm: NormalizedText, sentences: list[Span], idx: int, cache: dict[int, _View],
    published: str | None, resolver: Callable[[str], str | None] | None,
) -> tuple[tuple[str, tuple[int, int]] | None, int]:
    """The reporter (and sentence) of the report a continuing sentence goes on with: the last
    one named in the sentences before, over at most two more continuing ones."""
    for p in range(idx - 1, max(-1, idx - 4), -1):
        view = cache.get(p)
        if view is None:
            lo = _norm_index(norm, sentences[p].start)
            view = cache[p] = _view(norm, lo, _norm_index(norm, sentences[p].end), published,
                                    resolver)
        if view[2]:
            return view[2][-1][1], p if same_report(cache[idx][0]) else idx
        if not continues_report(view[0], view[2]):
            break
    return None, idx


def _with_duals(numbers: list[Found], duals: list[Found]) -> list[Found]:
    """Numbers and dual counts in text order; a dual with a number right after it (شخصين
    اثنين) or inside one is that number's noun, not a second figure."""
    if not duals:
        return numbers
    starts = [f.norm_start for f in numbers]
    kept: list[Found] = []
    for d in duals:
        if kept and d.norm_start - kept[-1].norm_end <= 2:
            continue  # جثتي رجلين: the second dual says whose, it counts nothing more
        k = bisect_left(starts, d.norm_start)
        near = k < len(numbers) and numbers[k].norm_start - d.norm_end <= 2
        inside = k > 0 and numbers[k - 1].norm_end > d.norm_start
        if not (near or inside):
            kept.append(d)
    return sorted([*numbers, *kept], key=lambda f: f.norm_start)


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
