"""Figure series across a story's documents, and where sources truly disagree.

Figures of one category about the same thing (same category and counted noun, people in
general counting as one noun, and the same order of magnitude) form a series, in as-of
order. Two points disagree only when different sources give incompatible values for the
same day and the same baseline: a later, larger count is an update, and counts from
different start dates (`since`) are noted, not flagged.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from marsad.text.normalize import fold

# Values within this share of each other are the same report rounded differently.
_TOLERANCE = 0.05
# Counts of one category this many times apart measure different things (a battle's dead
# against a war's death toll), so they start separate series.
_SCALE_BREAK = 8.0
_SKIPPED_CATEGORIES = {"other", "percent"}
# Nouns that only say "people", or restate the category (قتيل is a killed person).
_GENERIC_UNITS = frozenset(
    fold(w) for w in ("شخص", "نسمة", "فرد", "قتيل", "جريح", "مصاب", "نازح", "معتقل", "محتجز")
)


def _subject_key(figure: dict[str, Any]) -> str:
    """Category and counted noun; people counted as such (شخص، قتيل، نازح) or with the noun
    left out (فرّ نحو 59 ألفاً) are one thing, civilians or children another, and a part of
    a count (بينهم ...) is never a point of the count's own series."""
    unit = fold(figure.get("unit") or "")
    key = f"{figure.get('category')}|{'' if unit in _GENERIC_UNITS else unit}"
    return key + "|part" if figure.get("part_of") else key


def _source_name(figure: dict[str, Any]) -> str | None:
    source = figure.get("source")
    if isinstance(source, dict):
        return source.get("entity") or source.get("name")
    return source


def _interval(figure: dict[str, Any]) -> tuple[float, float] | None:
    low = figure.get("low") if figure.get("low") is not None else figure.get("value")
    high = figure.get("high") if figure.get("high") is not None else figure.get("value")
    if low is None or high is None:
        return None
    qualifier = figure.get("qualifier")
    if qualifier in ("more_than", "at_least"):
        high = float("inf")
    elif qualifier in ("less_than", "at_most"):
        low = 0.0
    elif qualifier == "about":
        low, high = low * (1 - 2 * _TOLERANCE), high * (1 + 2 * _TOLERANCE)
    return float(low) * (1 - _TOLERANCE), float(high) * (1 + _TOLERANCE)


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _disagreements(points: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of figure ids from different sources, same day and baseline, incompatible."""
    found = []
    for n, a in enumerate(points):
        for b in points[n + 1 :]:
            if (
                a["as_of"] and a["as_of"] == b["as_of"]
                and a.get("since") == b.get("since")
                and _source_name(a) and _source_name(b)
                and _source_name(a) != _source_name(b)
                and not _compatible(a, b)
            ):
                found.append((a["id"], b["id"]))
    return found


def _magnitude(figure: dict[str, Any]) -> float:
    value = figure.get("value") if figure.get("value") is not None else figure.get("low")
    return float(value or 0.0)


def _split_by_scale(members: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    ordered = sorted(members, key=_magnitude)
    groups: list[list[dict[str, Any]]] = [[ordered[0]]]
    for figure in ordered[1:]:
        previous = _magnitude(groups[-1][-1])
        if previous > 0 and _magnitude(figure) / previous > _SCALE_BREAK:
            groups.append([])
        groups[-1].append(figure)
    return groups


def build_series(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Series of a story's figures: only groups reported more than once, in time order."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for figure in figures:
        if figure.get("category") in _SKIPPED_CATEGORIES:
            continue
        if figure.get("value") is None and figure.get("low") is None:
            continue
        by_kind[_subject_key(figure)].append(figure)
    groups = [
        (key, part) for key, members in sorted(by_kind.items())
        for part in _split_by_scale(members)
    ]
    series = []
    for key, members in groups:
        if len(members) < 2:
            continue
        members.sort(key=lambda f: (f.get("as_of") or "", f["doc"], f["start"]))
        conflicts = _disagreements(members)
        baselines = sorted({f.get("since") for f in members if f.get("since")})
        series.append({
            "category": members[0]["category"],
            "subject": members[0].get("subject") or members[0].get("unit"),
            "unit": members[0].get("unit"),
            "points": [
                {"figure": f["id"], "doc": f["doc"], "value": f.get("value"),
                 "low": f.get("low"), "high": f.get("high"), "qualifier": f.get("qualifier"),
                 "source": _source_name(f), "as_of": f.get("as_of"), "since": f.get("since")}
                for f in members
            ],
            "disagreement": bool(conflicts),
            "conflicts": [list(pair) for pair in conflicts],
            "baselines": baselines,
            "key": key,
        })
    return series
