"""Pages for people: the story list, a story, an entity, a document, search results.

Everything from an article is escaped by Jinja2 (autoescape on for every template); the one
exception is the search snippet, which marsad.store.search builds already escaped.
"""


from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader

from marsad.export.charts import story_charts
from marsad.web.views import Views, found

ENV = Environment(
    loader=ChoiceLoader([
        PackageLoader("marsad.web", "templates"),
        PackageLoader("marsad.export", "templates"),
    ]),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _number(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


ENV.filters["idpath"] = lambda value: quote(str(value), safe="")
ENV.filters["num"] = _number


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status)


def safe_url(url: str | None) -> bool:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    return bool(url) and urlsplit(url or "").scheme.lower() in ("http", "https")


async def cached(views: Views, key: str, build: Callable[[], HTMLResponse]) -> Response:
    """The page at `key` from the snapshot's cache, else built off the event loop and kept."""
    body = views.pages.get(key)
    if body is not None:
        return HTMLResponse(body)
    response = await run_in_threadpool(build)
    views.pages.put(key, bytes(response.body))
    return response


def make_router(get_views: Any) -> APIRouter:
    """The HTML pages; `get_views` is the dependency that gives the current Views."""
    router = APIRouter(include_in_schema=False)
    ViewsDep = Annotated[Views, Depends(get_views)]  # noqa: N806

    @router.get("/", response_class=HTMLResponse)
    async def index(views: ViewsDep) -> Response:
        return await cached(views, "/", lambda: render(
            "index.html.j2",
            stories=views.stories,
            stories_by_id=views.snap.stories,
            documents=views.documents,
            story_of=views.snap.story_of_doc,
        ))

    @router.get("/stories/{story_id:path}", response_class=HTMLResponse)
    async def story_page(story_id: str, views: ViewsDep) -> Response:
        return await cached(views, f"/story/{story_id}", lambda: _story_page(views, story_id))

    def _story_page(views: Views, story_id: str) -> HTMLResponse:
        story = found(views.snap.stories.get(story_id), "story")
        docs = views.snap.documents
        story_docs = sorted(
            (docs[d] for d in story["documents"] if d in docs),
            key=lambda d: (d.get("published") or "9999", d["id"]),
        )
        events = views.events_of_story(story)
        charts = story_charts(story, events)
        return render(
            "story.html.j2",
            story=story,
            docs=docs,
            story_docs=story_docs,
            events=[e for e in events if e.get("doc") in docs],
            quotes=views.quotes_of_docs(story["documents"]),
            figures={f["id"]: f for f in views.snap.items("figures", story["documents"])},
            timeline_chart=charts["timeline"],
            series_charts=charts["series"],
        )

    @router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    async def entity_page(entity_id: str, views: ViewsDep) -> Response:
        return await cached(views, f"/entity/{entity_id}", lambda: _entity_page(views, entity_id))

    def _entity_page(views: Views, entity_id: str) -> HTMLResponse:
        entity = found(views.snap.entities.get(entity_id), "entity")
        page = views.entity_page(entity)
        return render(
            "entity.html.j2",
            entity=entity,
            grouped=page["contexts"],
            hidden=page["hidden"],
            quotes=page["quotes"],
            figures=page["figures"],
            events=page["events"],
            stories=page["stories"],
            stories_by_id=views.snap.stories,
            docs=views.snap.documents,
        )

    @router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    async def document_page(doc_id: str, views: ViewsDep) -> Response:
        return await cached(views, f"/document/{doc_id}", lambda: _document_page(views, doc_id))

    def _document_page(views: Views, doc_id: str) -> HTMLResponse:
        doc = found(views.snap.documents.get(doc_id), "document")
        items = views.doc_items(doc_id)
        entities = {entity["id"]: entity for _, entity in items.get("mentions", [])}
        story_id = views.story_of(doc_id)
        return render(
            "document.html.j2",
            doc=doc,
            safe_url=safe_url(doc.get("url")),
            story=views.snap.stories.get(story_id) if story_id else None,
            pieces=views.pieces(doc_id, items),
            entities=sorted(entities.values(), key=lambda e: e["name"]),
            quotes=items.get("quotes", []),
            figures=items.get("figures", []),
            docs=views.snap.documents,
        )

    @router.get("/search", response_class=HTMLResponse)
    def search_page(
        request: Request,
        views: ViewsDep,
        q: Annotated[str, Query(max_length=500)] = "",
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    ) -> HTMLResponse:
        limit = 20
        search = request.app.state.search
        hits = search.hits(q, limit, offset) if q.strip() else []
        total = search.count(q) if q.strip() else 0
        return render(
            "search.html.j2", query=q, hits=hits, total=total, offset=offset, limit=limit,
            docs=views.snap.documents,
        )

    return router
