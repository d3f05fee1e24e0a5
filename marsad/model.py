"""Plain records passed between pipeline stages; no stage knows about storage or the web."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Document:
    """One article as stored: `text` is decoded and stripped of markup, never normalised.

    Every character offset in marsad points into `text`.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_origin: str | None = None  # "metadata", "text" or None
    path: str | None = None
    format: str | None = None  # "txt", "html", "jsonl", "feed", "warc"
    encoding: str | None = None
    language: str | None = None  # ISO 639-1 code, or "und"
    content_hash: str = ""
    duplicate_of: str | None = None  # id of the earlier copy of a syndicated article

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Rejected:
    """An input file or record that could not become a document, and why."""

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(slots=True, frozen=True)
class Span:
    """A character range of a document's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Analysis:
    """Everything one run produced, in the shape analysis.json is written from."""

    documents: list[Document] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
