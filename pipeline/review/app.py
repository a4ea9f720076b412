"""FastAPI app for editors: the review queue and the draft page (read-only in this milestone)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.publish.page import SECTION_HEADINGS
from pipeline.review.item import load_item
from pipeline.review.queue import PAGE_SIZE, QueueFilter, queue_page
from pipeline.settings import Settings
from pipeline.store.db import Store
from pipeline.store.models import STATUSES

HERE = Path(__file__).parent


def make_templates() -> Jinja2Templates:
    """Jinja with autoescaping on for every template (text from the store is never trusted)."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(headings=SECTION_HEADINGS, statuses=STATUSES, page_size=PAGE_SIZE)
    env.filters["status_label"] = lambda s: str(s).replace("_", " ")
    env.filters["grade"] = lambda v: "–" if v is None else f"{v:.1f}"
    return Jinja2Templates(env=env)


def queue_url(flt: QueueFilter, **changes: Any) -> str:
    """The queue URL for ``flt`` with ``changes`` applied, empty parameters left out."""
    params = {"status": flt.status, "q": flt.q, "page": flt.page, **changes}
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if query.get("page") == 1:
        del query["page"]
    return "/" + (f"?{urlencode(query)}" if query else "")


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The review app over ``store`` (opened from ``settings`` when not given)."""
    app = FastAPI(title="plainsci review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.store = store or Store(settings)
    templates = make_templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/", response_class=HTMLResponse)
    def queue(
        request: Request,
        status: str | None = Query(default=None, max_length=32),
        q: str | None = Query(default=None, max_length=500),
        page: int = Query(default=1, ge=1, le=1_000_000),
    ) -> Response:
        flt = QueueFilter.parse(status, q, page)
        with app.state.store.session() as s:
            result = queue_page(s, flt)
        context = {"result": result, "flt": flt, "queue_url": queue_url}
        return templates.TemplateResponse(request, "queue.html", context)

    @app.get("/items/{item_id}", response_class=HTMLResponse)
    def item_page(request: Request, item_id: int) -> Response:
        with app.state.store.session() as s:
            view = load_item(s, item_id)
        if view is None:
            raise StarletteHTTPException(status_code=404, detail=f"There is no review item {item_id}.")
        return templates.TemplateResponse(request, "item.html", {"view": view})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        accept = request.headers.get("accept", "")
        if "application/json" in accept and "text/html" not in accept:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        context = {"status_code": exc.status_code, "detail": exc.detail}
        return templates.TemplateResponse(request, "error.html", context, status_code=exc.status_code)

    return app


def serve(settings: Settings) -> None:
    """Run the review app with uvicorn on ``settings.host:settings.port`` (blocks)."""
    import uvicorn

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
