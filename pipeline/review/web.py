"""Shared plumbing of the review app's routes: templates, rendering, the store and settings."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pipeline.publish.page import SECTION_HEADINGS
from pipeline.review.auth import csrf_token
from pipeline.review.queue import FLAG_FILTERS, PAGE_SIZE, SORTS, QueueRow
from pipeline.settings import Settings
from pipeline.store.db import Store
from pipeline.store.models import ROLES, STATUSES
from pipeline.store.queries.queue import inbox_count

HERE = Path(__file__).parent
FIELD_LABELS = {
    **SECTION_HEADINGS,
    "participants": "Participants",
    "study_duration": "Study Duration",
    "evidence_level": "Evidence Level",
    "categories": "Categories",
}


def _grade(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _when(value: Any) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "–"


def _when_short(value: Any) -> str:
    return f"{value:%H:%M} UTC" if value else "–"


def make_templates() -> Jinja2Templates:
    """Jinja with autoescaping on for every template (text from the store is never trusted)."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        headings=SECTION_HEADINGS,
        field_labels=FIELD_LABELS,
        statuses=STATUSES,
        page_size=PAGE_SIZE,
        sorts=SORTS,
        flag_filters=FLAG_FILTERS,
        roles=ROLES,
        urlencode=urlencode,
    )
    env.globals["queue_row"] = _RowCache(env, 4096)
    env.filters["status_label"] = lambda s: str(s).replace("_", " ")
    env.filters["grade"] = _grade
    env.filters["when"] = _when
    env.filters["when_short"] = _when_short
    return Jinja2Templates(env=env)


class _RowCache:
    """The queue table's rows rendered once each (``queue_row.html``), the most recently used kept.

    A write changes the queue's stamp and so misses every cached page, but it changes one or two
    of a page's 50 rows: the others are the same text as before. A row's HTML depends only on its
    values (and on whether its lock is still live now), so those are the key."""

    def __init__(self, env: Environment, size: int) -> None:
        self.env, self.size = env, size
        self._rows: OrderedDict[tuple[Any, ...], Markup] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, row: QueueRow) -> Markup:
        values = (getattr(row, f.name) for f in fields(row))
        key = (*(tuple(v) if isinstance(v, list) else v for v in values), row.locked)
        with self._lock:
            html = self._rows.get(key)
            if html is not None:
                self._rows.move_to_end(key)
                return html
        html = Markup(self.env.get_template("queue_row.html").render(row=row).strip())
        with self._lock:
            self._rows[key] = html
            while len(self._rows) > self.size:
                self._rows.popitem(last=False)
        return html


def store_of(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
    *,
    public: bool = False,
) -> Response:
    """A page with the signed-in user (or None) and this session's CSRF token in its context.

    ``public`` pages (reader-facing) get no token, so they never set a session cookie.
    """
    token = "" if public else csrf_token(request)
    user = getattr(request.state, "user", None)
    inbox = 0
    if user is not None and not public:
        with store_of(request).session() as s:
            inbox = inbox_count(s, user.name)
    ctx = {"user": user, "csrf": token, "inbox": inbox, **(context or {})}
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)


def see_other(url: str) -> RedirectResponse:
    """Redirect after a POST (the browser follows it with a GET)."""
    return RedirectResponse(url, status_code=303)


class ServerTiming:
    """ASGI middleware: every HTTP response carries ``Server-Timing: app;dur=<ms>``, the app's own
    time for the request (from receiving it to sending the response head, waiting for a worker
    thread included), so a load test can tell server time from time queued on a busy machine."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def send_timed(message: Any) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={(time.perf_counter() - start) * 1000:.1f}".encode()
                message = {**message, "headers": [*message.get("headers", []), (b"server-timing", took)]}
            await send(message)

        await self.app(scope, receive, send_timed)
