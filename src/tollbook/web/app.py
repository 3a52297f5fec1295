"""The web app: `create_app(store_url)` → a FastAPI application (pages, JSON API, static files).

Cross-cutting guards live here: request bodies over the limit get 413 before any parsing, posts from
another site get 403 (Origin, else Referer, must name this server; a bodyless JSON client with
neither is let through, as a browser cannot send JSON cross-site without a preflight we never
answer), and every response carries a Content-Security-Policy that allows only this server's own
scripts and styles — report text is escaped by Jinja, the policy is the second wall.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from tollbook import __version__
from tollbook.errors import InputError
from tollbook.review import ReviewError
from tollbook.store import open_store
from tollbook.web import api, pages
from tollbook.web.fetch import FetchRefused
from tollbook.web.service import MAX_UPLOAD, Forbidden, NotFound, Service

FORM_OVERHEAD = 64_000  # multipart boundaries and the other fields around an uploaded file
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _folder(name: str) -> Path:
    return Path(str(resources.files("tollbook.web") / name))


def create_app(store_url: str | None, *, read_only: bool = False, allow_fetch: bool = False,
               max_body: int = MAX_UPLOAD) -> FastAPI:
    """The application over the store at `store_url` (see `tollbook.store.open_store`)."""
    store = open_store(store_url)
    service = Service(store, read_only=read_only, allow_fetch=allow_fetch)
    app = FastAPI(title="tollbook", version=__version__,
                  description="A sourced casualty ledger: events, reports, claims and coders' reviews.",
                  docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json")
    app.state.service = service
    app.state.templates = _templates(service)
    app.mount("/static", StaticFiles(directory=_folder("static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_guards(app)
    app.add_middleware(BodyLimit, limit=max_body + FORM_OVERHEAD)  # outermost: runs before the guards
    _add_error_handlers(app)
    app.router.on_shutdown.append(store.close)
    return app


def _templates(service: Service) -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(_folder("templates")))  # autoescapes .html templates
    templates.env.globals.update(read_only=service.read_only, allow_fetch=service.allow_fetch,
                                 version=__version__)
    return templates


# ------------------------------------------------------------ guards


def same_origin(request: Request) -> bool | None:
    """True/False when the request names where it comes from; None when it names nothing."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed or claimed == "null":
        return None if not claimed else False
    parts = urlsplit(claimed)
    return parts.netloc.lower() == (request.headers.get("host") or "").lower()


def _add_guards(app: FastAPI) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next):
        if request.method in UNSAFE_METHODS:
            refused = await _refusal(request)
            if refused is not None:
                return refused
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response


async def _refusal(request: Request):
    origin = same_origin(request)
    is_json = request.headers.get("content-type", "").split(";")[0].strip() == "application/json"
    if origin is False or (origin is None and not is_json):
        return PlainTextResponse("cross-site request refused", status_code=403)
    return None


class BodyLimit:
    """ASGI middleware: 413 for a request body over `limit` bytes, declared or (chunked) counted,
    before the application parses any of it."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in UNSAFE_METHODS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope, receive, send)
            return
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.limit:
                await _too_large(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body"):
                break

        async def replay():
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        await self.app(scope, replay, send)


async def _too_large(scope, receive, send) -> None:
    response = PlainTextResponse("the request is larger than the upload limit", status_code=413)
    await response(scope, receive, send)


def _add_error_handlers(app: FastAPI) -> None:
    statuses = {NotFound: 404, Forbidden: 403, ReviewError: 422, InputError: 422, FetchRefused: 400}
    for error_class, status in statuses.items():
        app.add_exception_handler(error_class, _handler(status))


def _handler(status: int):
    async def handle(request: Request, error: Exception):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(error)}, status_code=status)
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": str(error)},
                                          status_code=status)
    return handle
