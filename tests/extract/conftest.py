"""Helpers shared by the extraction tests."""

from __future__ import annotations

from marsad.extract.quotes import PersonMention


def person(text: str, name: str, type_: str = "PER", entity: str | None = None) -> PersonMention:
    """The entity mention of `name` at its first place in `text`, as the entity layer gives it."""
    start = text.index(name)
    return PersonMention(start, start + len(name), type_, entity)


def people(text: str, *names: str, type_: str = "PER") -> list[PersonMention]:
    return [person(text, name, type_) for name in names]
