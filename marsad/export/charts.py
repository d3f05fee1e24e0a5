"""Static SVG charts for the report: a story's timeline and each of its figure series.

Drawn by matplotlib with text kept as SVG <text> (not outlines), so the browser shapes the
Arabic names; mathtext is off, so a `$` in an outlet's name is just a character. The SVG
holds only our own markup and escaped text, and is inlined: the report stays offline.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

_STYLE = {
    "svg.fonttype": "none",
    "text.parse_math": False,
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "marsad",  # the same analysis gives the same bytes
}
_SIZE = (7.0, 2.6)
_DISAGREE = "#a32020"


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10 or "/" in value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def timeline_svg(events: list[dict[str, Any]]) -> str | None:
    """Events by day and type, each dot as large as the number of outlets telling it."""
    dated = [(d, e) for e in events if (d := _day(e.get("date"))) and e["type"] != "other"]
    if len(dated) < 2:
        return None
    types = sorted({e["type"] for _, e in dated})
    with plt.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=_SIZE)
        axes.scatter(
            [d for d, _ in dated],
            [types.index(e["type"]) for _, e in dated],
            s=[30 + 30 * len(e.get("sources") or [1]) for _, e in dated],
            alpha=0.6, color="#0b5d7a",
        )
        axes.set_yticks(range(len(types)), types)
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        figure.autofmt_xdate()
        return _svg(figure)


def series_svg(series: dict[str, Any]) -> str | None:
    """A series' values by as-of date, one line per source; conflicting points marked."""
    conflicting = {fid for pair in series.get("conflicts", []) for fid in pair}
    points = [(d, p) for p in series["points"]
              if (d := _day(p.get("as_of"))) and p.get("value") is not None]
    if len(points) < 2:
        return None
    by_source: dict[str, list[tuple[date, float]]] = {}
    for day, point in sorted(points, key=lambda dp: dp[0]):
        by_source.setdefault(point.get("source") or "—", []).append((day, point["value"]))
    with plt.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=_SIZE)
        for source, values in sorted(by_source.items()):
            axes.plot([d for d, _ in values], [v for _, v in values], marker="o", label=source)
        marked = [(d, p["value"]) for d, p in points if p["figure"] in conflicting]
        if marked:
            axes.scatter([d for d, _ in marked], [v for _, v in marked], s=160,
                         facecolors="none", edgecolors=_DISAGREE, linewidths=2,
                         label="تعارض")
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        axes.legend(fontsize=8, frameon=False)
        figure.autofmt_xdate()
        return _svg(figure)


def story_charts(story: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """A story's timeline chart (from its events) and one chart per figure series."""
    return {
        "timeline": timeline_svg(events),
        "series": [series_svg(series) for series in story.get("series") or []],
    }
