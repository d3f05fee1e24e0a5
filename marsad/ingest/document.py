"""Build a Document from cleaned text and metadata: id, hash, language, dateline fill-ins."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from marsad.ingest.dateline import find_dateline
from marsad.ingest.decode import check_text, clean_text
from marsad.ingest.language import detect_language
from marsad.model import Document, Rejected
from marsad.text.normalize import fold

_SPACES = re.compile(r"\s+")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: the path as given, its format and record index."""

    path: str
    format: str
    index: int = 0
    encoding: str | None = None
    label: str | None = None  # how a rejected record is named: `file.jsonl:3`, `x.warc#record-2`


def content_hash(text: str) -> str:
    """sha256 of the folded text with whitespace collapsed: noise-only copies hash the same."""
    key = _SPACES.sub(" ", fold(text)).strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def stable_id(path: str, text: str, index: int) -> str:
    """`<file stem>-<12 hex>` from the content and record index, never the folder."""
    name = PurePath(path).name
    stem = name.split(".", 1)[0] if not name.startswith(".") else name
    digest = hashlib.sha256(f"{index}\n{text}".encode()).hexdigest()[:12]
    return f"{stem or 'input'}-{digest}"


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD of an ISO 8601 date or datetime string, else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        if _DATE_ONLY.fullmatch(value):
            return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _text_or_none(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = clean_text(value)
    return value or None


def build_document(
    raw_text: str,
    source: Source,
    *,
    doc_id: str | None = None,
    title: object = None,
    outlet: object = None,
    url: object = None,
    published: str | None = None,
) -> Document | Rejected:
    """The Document of one record, or why it has nothing to read; metadata wins over text."""
    text = clean_text(raw_text)
    reason = check_text(text)
    if reason:
        return Rejected(source.label or source.path, reason)
    origin = "metadata" if published else None
    outlet = _text_or_none(outlet)
    if not published or not outlet:
        dateline = find_dateline(text)
        if not published and dateline.published:
            published, origin = dateline.published, "text"
        outlet = outlet or dateline.outlet
    return Document(
        id=doc_id or stable_id(source.path, text, source.index),
        text=text,
        title=_text_or_none(title),
        source=outlet,
        url=_text_or_none(url),
        published=published,
        published_origin=origin,
        path=source.path,
        format=source.format,
        encoding=source.encoding,
        language=detect_language(text),
        content_hash=content_hash(text),
    )
