"""Build and write analysis.json in the shape SPEC.md fixes (fields may be added, never renamed)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from marsad.model import Document, Rejected

FORMAT_VERSION = 1
ITEM_KINDS = ("entities", "quotes", "times", "figures", "events", "stories")
_SPEC_DOCUMENT_FIELDS = (
    "id", "title", "source", "url", "published", "published_origin", "text", "path",
)
_EXTRA_DOCUMENT_FIELDS = ("language", "format", "encoding", "content_hash", "duplicate_of")
# The layout of json.dump(analysis, indent=1, ensure_ascii=False), kept by the streamed writer.
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=1)
_ITEM_INDENT = "\n  "  # an item of a top-level list sits two levels deep


def document_dict(doc: Document) -> dict[str, Any]:
    """A document as analysis.json holds it: the SPEC's fields first, then marsad's own."""
    return {name: getattr(doc, name) for name in _SPEC_DOCUMENT_FIELDS + _EXTRA_DOCUMENT_FIELDS}


def _check_kinds(items: Mapping[str, Any]) -> None:
    unknown = set(items) - set(ITEM_KINDS)
    if unknown:
        raise ValueError(f"unknown item kinds {sorted(unknown)}; allowed: {ITEM_KINDS}")


def build_analysis(
    documents: list[Document],
    rejected: list[Rejected],
    items: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Assemble the analysis; every kind is present, empty when nothing was extracted."""
    items = items or {}
    _check_kinds(items)
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


def _write_list(handle: IO[str], values: Iterable[Any]) -> None:
    """One top-level list, item by item, laid out as json.dump(indent=1) lays it out."""
    empty = True
    for value in values:
        handle.write("[" + _ITEM_INDENT if empty else "," + _ITEM_INDENT)
        # JSON strings hold no raw newline, so every newline is one of the layout's
        handle.write(_ENCODER.encode(value).replace("\n", _ITEM_INDENT))
        empty = False
    handle.write("[]" if empty else "\n ]")


def stream_analysis(
    path: str | Path,
    documents: Iterable[Document],
    rejected: Iterable[Rejected],
    items: Mapping[str, Iterable[dict[str, Any]]],
) -> Path:
    """Write analysis.json section by section and item by item, never holding the whole
    analysis or its text: the same bytes as write_json(build_analysis(...)), atomically."""
    _check_kinds(items)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    sections: list[tuple[str, Iterable[Any]]] = [
        ("documents", (document_dict(d) for d in documents)),
        ("rejected", (r.to_dict() for r in rejected)),
    ]
    sections += [(kind, items.get(kind, ())) for kind in ITEM_KINDS]
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write('{\n "version": ' + json.dumps(FORMAT_VERSION))
        for name, values in sections:
            handle.write(",\n " + json.dumps(name) + ": ")
            _write_list(handle, values)
        handle.write("\n}\n")
    os.replace(tmp, path)
    return path
