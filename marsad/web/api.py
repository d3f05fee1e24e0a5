"""The REST API under /api/: SPEC objects, filtered and paginated, and the upload."""


from collections.abc import Callable, Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from marsad.web import models
from marsad.web.views import Views, event_entities, found, in_dates

Item = dict[str, Any]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
NOT_FOUND = {404: {"model": models.Problem, "description": "No item with this id"}}

StoryQ = Annotated[str | None, Query(description="Only items of this story id")]
EntityQ = Annotated[str | None, Query(description="Only items involving this entity id")]
OutletQ = Annotated[str | None, Query(description="Only items from this outlet (source)")]
DateFromQ = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
DateToQ = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
DocQ = Annotated[str | None, Query(description="Only items of this document id")]


def page(items: list[Item], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items[offset : offset + limit], "total": len(items), "limit": limit,
            "offset": offset}


def _keep(items: Iterable[Item], *tests: Callable[[Item], bool] | None) -> list[Item]:
    active = [t for t in tests if t is not None]
    return [i for i in items if all(t(i) for t in active)]


def make_router(get_views: Callable[..., Views], settings: Any, upload: Any) -> APIRouter:
    """The API routes; `upload` is the POST /api/documents endpoint function."""
    router = APIRouter(prefix="/api", tags=["api"])
    ViewsDep = Annotated[Views, Depends(get_views)]  # noqa: N806
    Limit = Annotated[int, Query(ge=1, le=settings.max_page_size)]  # noqa: N806
    Offset = Annotated[int, Query(ge=0)]  # noqa: N806
    default = settings.page_size

    def doc_tests(v: Views, story: str | None, outlet: str | None, date_from: str | None,
                  date_to: str | None, date_of: Callable[[Item], str | None],
                  doc_of: Callable[[Item], Iterable[str]]) -> list[Callable[[Item], bool] | None]:
        in_story = v.story_docs(story) if story else None
        return [
            (lambda i: any(d in in_story for d in doc_of(i))) if in_story is not None else None,
            (lambda i: any(v.outlet_of(d) == outlet for d in doc_of(i))) if outlet else None,
            (lambda i: in_dates(date_of(i), date_from, date_to))
            if date_from or date_to else None,
        ]

    @router.get("/stories", response_model=models.Page[models.Story])
    def list_stories(v: ViewsDep, entity: EntityQ = None, outlet: OutletQ = None,
                     date_from: DateFromQ = None, date_to: DateToQ = None,
                     limit: Limit = default, offset: Offset = 0) -> dict[str, Any]:
        """Stories, latest first."""
        items = _keep(
            v.stories,
            (lambda s: entity in {e["id"] for e in s.get("entities") or []}) if entity else None,
            (lambda s: outlet in (s.get("outlets") or [])) if outlet else None,
            (lambda s: in_dates(f"{s.get('first_date')}/{s.get('last_date')}"
                                if s.get("first_date") else None, date_from, date_to))
            if date_from or date_to else None,
        )
        return page(items, limit, offset)

    @router.get("/stories/{story_id}", response_model=models.Story, responses=NOT_FOUND)
    def get_story(story_id: str, v: ViewsDep) -> Item:
        return found(v.snap.stories.get(story_id), "story")

    @router.get("/documents", response_model=models.Page[models.Document])
    def list_documents(v: ViewsDep, story: StoryQ = None, outlet: OutletQ = None,
                       date_from: DateFromQ = None, date_to: DateToQ = None,
                       limit: Limit = default, offset: Offset = 0) -> dict[str, Any]:
        """Documents, latest published first, each with its story id."""
        items = _keep(v.documents, *doc_tests(
            v, story, outlet, date_from, date_to, lambda d: d.get("published"),
            lambda d: [d["id"]]))
        return page([_with_story(v, d) for d in items], limit, offset)

    @router.get("/documents/{doc_id:path}", response_model=models.Document,
                responses=NOT_FOUND)
    def get_document(doc_id: str, v: ViewsDep) -> Item:
        return _with_story(v, found(v.snap.documents.get(doc_id), "document"))

    @router.get("/entities", response_model=models.Page[models.Entity])
    def list_entities(v: ViewsDep, story: StoryQ = None,
                      type: Annotated[str | None, Query(description="PER, ORG, GPE...")] = None,
                      limit: Limit = default, offset: Offset = 0) -> dict[str, Any]:
        """Entities, most widely reported first."""
        in_story = {e["id"] for e in v.snap.stories[story]["entities"]} \
            if story in v.snap.stories else (set() if story else None)
        items = _keep(
            sorted(v.snap.entities.values(), key=lambda e: (-e.get("documents", 0), e["id"])),
            (lambda e: e["id"] in in_story) if in_story is not None else None,
            (lambda e: e["type"] == type) if type else None,
        )
        return page(items, limit, offset)

    @router.get("/entities/{entity_id}", response_model=models.Entity, responses=NOT_FOUND)
    def get_entity(entity_id: str, v: ViewsDep) -> Item:
        return found(v.snap.entities.get(entity_id), "entity")

    @router.get("/quotes", response_model=models.Page[models.Quote])
    def list_quotes(v: ViewsDep, story: StoryQ = None, entity: EntityQ = None,
                    outlet: OutletQ = None, doc: DocQ = None, date_from: DateFromQ = None,
                    date_to: DateToQ = None, limit: Limit = default,
                    offset: Offset = 0) -> dict[str, Any]:
        """Quotes; `entity` is the speaker; dates are when it was said (else published)."""
        return _stored_page(
            v, "quotes", [
                {doc} if doc else None,
                v.story_docs(story) if story else None,
                v.snap.docs_of("quotes", entity) if entity else None,
                v.docs_of_outlet(outlet) if outlet else None,
            ],
            (lambda q: v.snap.entity_of("quotes", q) == entity) if entity else None,
            (lambda q: in_dates(q.get("said_on") or v.published(q["doc"]), date_from, date_to))
            if date_from or date_to else None,
            limit=limit, offset=offset,
        )

    @router.get("/figures", response_model=models.Page[models.Figure])
    def list_figures(v: ViewsDep, story: StoryQ = None, entity: EntityQ = None,
                     category: Annotated[str | None, Query(description="killed, injured...")]
                     = None, outlet: OutletQ = None, doc: DocQ = None,
                     date_from: DateFromQ = None, date_to: DateToQ = None,
                     limit: Limit = default, offset: Offset = 0) -> dict[str, Any]:
        """Figures; `entity` is the source; dates are as_of (else published)."""
        return _stored_page(
            v, "figures", [
                {doc} if doc else None,
                v.story_docs(story) if story else None,
                v.snap.docs_of("figures", entity) if entity else None,
                v.docs_of_outlet(outlet) if outlet else None,
            ],
            (lambda f: v.snap.entity_of("figures", f) == entity) if entity else None,
            (lambda f: f.get("category") == category) if category else None,
            (lambda f: in_dates(f.get("as_of") or v.published(f["doc"]), date_from, date_to))
            if date_from or date_to else None,
            limit=limit, offset=offset,
        )

    @router.get("/events", response_model=models.Page[models.Event])
    def list_events(v: ViewsDep, story: StoryQ = None, entity: EntityQ = None,
                    type: Annotated[str | None, Query(description="attack, strike...")] = None,
                    outlet: OutletQ = None, date_from: DateFromQ = None,
                    date_to: DateToQ = None, limit: Limit = default,
                    offset: Offset = 0) -> dict[str, Any]:
        """Events merged across documents, in date order; `entity` is an actor or place."""
        in_story = set(v.snap.stories[story]["events"]) if story in v.snap.stories else set()
        items = _keep(
            sorted(v.snap.events.values(), key=lambda e: (e.get("date") or "9999", e["id"])),
            (lambda e: e["id"] in in_story) if story else None,
            (lambda e: entity in event_entities(e)) if entity else None,
            (lambda e: e.get("type") == type) if type else None,
            (lambda e: outlet in (e.get("sources") or [])
             or any(v.outlet_of(m["doc"]) == outlet for m in e.get("mentions") or []))
            if outlet else None,
            (lambda e: in_dates(e.get("date"), date_from, date_to))
            if date_from or date_to else None,
        )
        return page(items, limit, offset)

    @router.get("/search", response_model=models.Page[models.SearchHit])
    def search(request: Request, v: ViewsDep,
               q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Annotated[int, Query(ge=1, le=settings.max_page_size)] = 20,
               offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> dict[str, Any]:
        """Documents matching every word, best first; the same for بالباغوز and الباغوز.
        `snippet` is HTML: escaped article text with the matched words in <mark>."""
        service = request.app.state.search
        items = [
            {"doc": h.doc_id, "score": h.score, "snippet": h.snippet,
             **{k: (v.snap.documents.get(h.doc_id) or {}).get(k)
                for k in ("title", "source", "published")},
             "story": v.story_of(h.doc_id)}
            for h in service.hits(q, limit, offset)
        ]
        return {"items": items, "total": service.count(q), "limit": limit, "offset": offset}

    router.add_api_route(
        "/documents", upload, methods=["POST"], response_model=models.UploadResult,
        summary="Upload articles (JSON Lines body or multipart files) and analyse them",
        responses={
            400: {"model": models.Problem}, 401: {"model": models.Problem},
            403: {"model": models.Problem}, 413: {"model": models.Problem},
            415: {"model": models.Problem},
        },
    )
    return router


def _stored_page(
    v: Views, kind: str, doc_sets: list[set[str] | None], *tests: Callable[[Item], bool] | None,
    limit: int, offset: int,
) -> dict[str, Any]:
    """A page of quotes or figures read from the store: of the documents in every given
    set; cut by the store itself unless an item's own fields must be tested."""
    docs: set[str] | None = None
    for found_docs in doc_sets:
        if found_docs is not None:
            docs = found_docs if docs is None else docs & found_docs
    active = [t for t in tests if t is not None]
    if not active:
        items, total = v.snap.page(kind, docs, limit, offset)
        return {"items": items, "total": total, "limit": limit, "offset": offset}
    return page(list(v.snap.items(kind, docs, lambda i: all(t(i) for t in active))),
                limit, offset)


def _with_story(v: Views, doc: Item) -> Item:
    return {**doc, "story": v.story_of(doc["id"])}
