"""Confusion of gold and predicted event types, over one or more gold/analysis pairs.

Events are paired as `marsad eval` pairs them (largest overlap within a document), so the
table's diagonal sums to the type accuracy it reports.
Usage: python -m eval.event_confusion GOLD.json ANALYSIS.json [GOLD.json ANALYSIS.json ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.evaluate import _event_spans, match_items


def confusion(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Counter:
    """(gold type, predicted type) -> number of matched events."""
    pairs = match_items(_event_spans(gold), _event_spans(predicted))
    return Counter((g["type"], p["type"]) for g, p in pairs)


def format_confusion(counts: Counter) -> str:
    """Rows are gold types, columns predicted types (first five letters), then accuracy."""
    types = sorted({g for g, _ in counts} | {p for _, p in counts})
    lines = ["gold \\ pred".ljust(13) + "".join(t[:5].rjust(6) for t in types) + "   right"]
    for g in types:
        row = [counts[(g, p)] for p in types]
        lines.append(g.ljust(13) + "".join(str(n).rjust(6) for n in row)
                     + f"   {counts[(g, g)]}/{sum(row)}")
    right = sum(counts[(t, t)] for t in types)
    lines.append(f"type accuracy {right}/{sum(counts.values())}")
    return "\n".join(lines)


def main(paths: list[str]) -> str:
    if not paths or len(paths) % 2:
        sys.exit(__doc__)
    counts: Counter = Counter()
    for gold_path, analysis_path in zip(paths[::2], paths[1::2], strict=True):
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))["events"]
        analysis = json.loads(Path(analysis_path).read_text(encoding="utf-8"))
        counts += confusion(gold, analysis.get("events", []))
    return format_confusion(counts)


if __name__ == "__main__":
    print(main(sys.argv[1:]))
