"""Render report.html: one self-contained, right-to-left page a person reads offline."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

_ENV = Environment(
    loader=PackageLoader("marsad.export", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _overview(analysis: dict[str, Any]) -> dict[str, Any]:
    """Counts and ranges shown at the top of the report."""
    docs = analysis["documents"]
    dates = sorted(d["published"] for d in docs if d.get("published"))
    return {
        "documents": len(docs),
        "outlets": Counter(d.get("source") or "—" for d in docs).most_common(),
        "languages": Counter(d.get("language") or "und" for d in docs).most_common(),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "duplicates": sum(1 for d in docs if d.get("duplicate_of")),
        "rejected": len(analysis["rejected"]),
    }


def render_report(analysis: dict[str, Any]) -> str:
    """The report's HTML; all article text is escaped, nothing from an article executes."""
    docs = sorted(
        analysis["documents"], key=lambda d: (d.get("published") or "9999", d["id"])
    )
    return _ENV.get_template("report.html.j2").render(
        analysis=analysis, documents=docs, overview=_overview(analysis)
    )


def write_report(analysis: dict[str, Any], path: str | Path) -> Path:
    """Write report.html atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_report(analysis), encoding="utf-8")
    os.replace(tmp, path)
    return path
