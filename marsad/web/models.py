"""Response shapes of the API: the SPEC's objects, so /openapi.json describes them.

Every model allows extra fields: SPEC.md lets marsad add fields, never rename them.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Document(Open):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_origin: str | None = None
    text: str
    path: str | None = None
    story: str | None = None


class Mention(Open):
    doc: str
    start: int
    end: int
    text: str | None = None


class Entity(Open):
    id: str
    name: str
    type: str
    aliases: list[str] = []
    mentions: list[Mention] = []
    description: str | None = None
    lat: float | None = None
    lon: float | None = None


class Speaker(Open):
    entity: str | None = None
    name: str | None = None
    title: str | None = None


class Quote(Open):
    id: str
    doc: str
    start: int
    end: int
    text: str
    direct: bool | None = None
    speaker: Speaker | None = None
    cue: str | None = None
    said_on: str | None = None


class FigureSource(Open):
    entity: str | None = None
    name: str | None = None


class Figure(Open):
    id: str
    doc: str
    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    category: str | None = None
    subject: str | None = None
    source: FigureSource | None = None
    as_of: str | None = None
    since: str | None = None


class EventArgument(Open):
    entity: str | None = None
    name: str | None = None
    type: str | None = None


class EventMention(Open):
    doc: str
    start: int
    end: int


class Event(Open):
    id: str
    type: str
    date: str | None = None
    date_precision: str | None = None
    actors: list[EventArgument] = []
    places: list[EventArgument] = []
    figures: list[str] = []
    mentions: list[EventMention] = []
    sources: list[str] = []
    text: str | None = None


class SeriesPoint(Open):
    figure: str
    doc: str
    value: float | None = None
    source: str | None = None
    as_of: str | None = None


class Series(Open):
    category: str
    subject: str | None = None
    points: list[SeriesPoint] = []
    disagreement: bool = False


class SummaryLine(Open):
    text: str
    doc: str
    start: int
    end: int


class StoryEntity(Open):
    id: str
    name: str
    documents: int | None = None


class Story(Open):
    id: str
    title: str | None = None
    documents: list[str] = []
    entities: list[StoryEntity] = []
    events: list[str] = []
    series: list[Series] = []
    summary: list[SummaryLine] = []


class SearchHit(BaseModel):
    doc: str
    score: float
    snippet: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    story: str | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list: `items` from `offset`, `total` across all pages."""

    items: list[T]
    total: int
    limit: int
    offset: int


class Rejected(BaseModel):
    path: str
    reason: str


class UploadResult(BaseModel):
    documents: int
    added: int
    analysed: int
    rejected: list[Rejected]


class Problem(BaseModel):
    detail: str
