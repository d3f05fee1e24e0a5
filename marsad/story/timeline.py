"""A story's timeline: the same event told by several outlets becomes one event.

Events merge when they have the same type and date and share a place or an actor (or, with
neither, most of their words); undated events (articles without a publication date) need
both. The merged event keeps every mention and every source.
"""

from __future__ import annotations

from typing import Any

from marsad.text.normalize import fold

_PRECISION_ORDER = {"day": 0, "month": 1, "interval": 2, "year": 3, "reported": 4}
_SAME_WORDS = 0.5


def _refs(event: dict[str, Any]) -> set[str]:
    return {
        r.get("entity") or fold(r.get("name") or "")
        for r in event.get("actors", []) + event.get("places", [])
    } - {""}


def _words(event: dict[str, Any]) -> set[str]:
    return {w for w in fold(event.get("text") or "").split() if len(w) > 3}


def _same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["type"] != b["type"] or a.get("date") != b.get("date"):
        return False
    ra, rb = _refs(a), _refs(b)
    wa, wb = _words(a), _words(b)
    same_words = bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= _SAME_WORDS
    if not a.get("date"):  # undated (no publication date): a shared name and most words
        return bool(ra & rb) and same_words
    if ra and rb:
        return bool(ra & rb)
    return same_words


def _merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    into["mentions"].extend(other["mentions"])
    for field in ("sources", "documents", "figures"):
        into[field] = sorted(set(into[field]) | set(other.get(field, [])))
    known = {r.get("entity") or r.get("name") for r in into["actors"] + into["places"]}
    for field in ("actors", "places"):
        for ref in other.get(field, []):
            if (ref.get("entity") or ref.get("name")) not in known:
                into[field].append(ref)
    if other.get("fatalities") and (into.get("fatalities") or 0) < other["fatalities"]:
        into["fatalities"] = other["fatalities"]


def build_timeline(events: list[dict[str, Any]], outlets: dict[str, str]) -> list[dict[str, Any]]:
    """Merged events in date order; `outlets` maps a document id to its outlet's name."""
    merged: list[dict[str, Any]] = []
    by_day: dict[tuple[str, str], list[dict[str, Any]]] = {}  # only same type+date can merge
    for event in sorted(events, key=lambda e: (e["doc"], e["start"])):
        candidate = {
            **event,
            "mentions": list(event["mentions"]),
            "documents": [event["doc"]],
            "sources": [outlets.get(event["doc"]) or event["doc"]],
            "actors": list(event.get("actors", [])),
            "places": list(event.get("places", [])),
        }
        peers = by_day.setdefault((event["type"], event.get("date") or ""), [])
        twin = next((m for m in peers if event["doc"] not in m["documents"]
                     and _same_event(m, event)), None)
        if twin is None:
            merged.append(candidate)
            peers.append(candidate)
        else:
            _merge(twin, candidate)
    merged.sort(key=lambda e: (e.get("date") or "9999",
                               _PRECISION_ORDER.get(e.get("date_precision") or "", 9),
                               e["doc"], e["start"]))
    return merged
