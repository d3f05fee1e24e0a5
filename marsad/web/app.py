"""The web app: pages for people, the REST API, and the guard every request passes.

`create_app(db_path, settings)` builds it; `marsad serve` runs it with uvicorn.
"""


import hmac
import json
import threading
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.web import api, pages
from marsad.web.corpus import Corpus
from marsad.web.search import Search
from marsad.web.settings import Settings
from marsad.web.upload import UploadError, analyse_upload, receive_upload, upload_folder
from marsad.web.views import LiveViews, Views

UPLOAD_PATH = "/api/documents"
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class BodyTooLarge(UploadError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is over the limit of {limit:,} bytes")


class Guard:
    """Security headers on every response; request bodies limited before and while they
    stream (uploads to max_upload_mb, anything else to max_request_kb)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def _limit(self, scope: Scope) -> int:
        if scope["method"] == "POST" and scope["path"] == UPLOAD_PATH:
            return self.settings.max_upload_bytes
        return self.settings.max_request_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [h for h in message.get("headers", []) if h[0].lower() not in names]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await _problem(send_secured, 400, "Content-Length is not a number")
                return
            if declared > limit:
                await _problem(send_secured, 413, BodyTooLarge(limit).detail)
                return
        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, receive_limited, send_secured)
        except BodyTooLarge as error:
            if started:
                raise
            await _problem(send_secured, 413, error.detail)


async def _problem(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def create_app(db_path: str | Path, settings: Settings | None = None) -> FastAPI:
    """The marsad web app over the database at `db_path` (created if missing)."""
    settings = settings or Settings()
    db_path = Path(db_path)
    corpus = Corpus(db_path)
    live = LiveViews(corpus, settings.refresh_seconds, settings.cached_pages)
    live.refresh()  # creates and migrates the database, fails early if unusable
    upload_lock = threading.Lock()
    bearer = HTTPBearer(auto_error=False, description="The token given to marsad serve")

    async def get_views() -> Views:
        return live.fresh() or await anyio.to_thread.run_sync(live.refresh)

    def require_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> None:
        if settings.token is None:
            raise HTTPException(403, "uploads are disabled: start marsad serve with --token "
                                     "or set MARSAD_TOKEN")
        if credentials is None:
            raise HTTPException(401, "send the upload token as 'Authorization: Bearer <token>'",
                                headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
            raise HTTPException(403, "wrong token")

    async def upload(
        request: Request, _auth: Annotated[None, Depends(require_token)]
    ) -> Any:
        """Ingest and analyse articles into the database: a JSON Lines body (one article per
        line, as SPEC.md describes) or multipart/form-data files of any supported format.
        Returns the counts and the rejected inputs with their reasons."""
        with upload_folder() as tmp:
            folder = Path(tmp)
            try:
                files = await receive_upload(
                    request.headers.get("content-type", ""), request.stream(),
                    folder, settings.max_upload_bytes)
            except UploadError as error:
                return JSONResponse({"detail": error.detail}, status_code=error.status)

            def run() -> dict[str, Any]:
                with upload_lock:
                    result = analyse_upload(files, folder, db_path)
                live.refresh()
                return result

            return await anyio.to_thread.run_sync(run)

    app = FastAPI(
        title="marsad",
        version=__version__,
        description="Arabic news articles as sourced, structured knowledge: stories, "
                    "entities, quotes, figures, events. Pages for people live outside /api/.",
        docs_url=None,  # Swagger UI and ReDoc load scripts from CDNs, which the CSP forbids
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.corpus = corpus
    app.state.live = live
    app.state.search = Search(db_path)
    app.include_router(api.make_router(get_views, settings, upload))
    app.include_router(pages.make_router(get_views))
    app.add_middleware(Guard, settings=settings)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": error.detail}, status_code=error.status_code,
                                headers=getattr(error, "headers", None))
        return pages.render("error.html.j2", status=error.status_code,
                            detail=_arabic_detail(error.status_code, str(error.detail)))

    return app


def _arabic_detail(status: int, detail: str) -> str:
    return {404: "لا توجد صفحة بهذا العنوان."}.get(status, detail)
