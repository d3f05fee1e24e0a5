"""Build and write analysis.json in the shape SPEC.md fixes (fields may be added, never renamed)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from marsad.model import Document, Rejected

FORMAT_VERSION = 1
ITEM_KINDS = ("entities", "quotes", "times", "figures", "events", "stories")
_SPEC_DOCUMENT_FIELDS = (
    "id", "title", "source", "url", "published", "published_origin", "text", "path",
)
_EXTRA_DOCUMENT_FIELDS = ("language", "format", "encoding", "content_hash", "duplicate_of")


def document_dict(doc: Document) -> dict[str, Any]:
    """A document as analysis.json holds it: the SPEC's fields first, then marsad's own."""
    return {name: getattr(doc, name) for name in _SPEC_DOCUMENT_FIELDS + _EXTRA_DOCUMENT_FIELDS}


def build_analysis(
    documents: list[Document],
    rejected: list[Rejected],
    items: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Assemble the analysis; every kind is present, empty when nothing was extracted."""
    items = items or {}
    unknown = set(items) - set(ITEM_KINDS)
    if unknown:
        raise ValueError(f"unknown item kinds {sorted(unknown)}; allowed: {ITEM_KINDS}")
    analysis: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "documents": [document_dict(d) for d in documents],
        "rejected": [r.to_dict() for r in rejected],
    }
    for kind in ITEM_KINDS:
        analysis[kind] = list(items.get(kind, []))
    return analysis


def write_json(analysis: dict[str, Any], path: str | Path) -> Path:
    """Write atomically (temporary file, then rename) so a crash never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(analysis, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    os.replace(tmp, path)
    return path
