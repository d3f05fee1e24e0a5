"""The records of the entity stage: mentions found in one document and merged entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Mention:
    """Where an entity is named: `text == doc_text[start:end]`."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class EntityMention:
    """One name found in one document, before merging.

    `key` is the matching key of the name as written (clitic-free, folded); `canonical` the
    gazetteer's name when known; `ref` the key of the fuller name in the same document a short
    form or description refers to; `how` the rule that found it: gazetteer, title, trigger,
    cue, given_name, kunya, crf or coref.
    """

    doc: str
    start: int
    end: int
    text: str
    type: str
    key: str
    how: str
    canonical: str | None = None
    description: str | None = None
    ref: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_mention(self) -> Mention:
        return Mention(self.doc, self.start, self.end, self.text)


@dataclass(slots=True)
class Entity:
    """One referent with every surface form merged into it (SPEC `entities[]`)."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    description: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "description": self.description,
            "lat": self.lat,
            "lon": self.lon,
        }
