"""Shared plumbing of the review app's routes: templates, rendering, the store and settings."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pipeline.publish.page import SECTION_HEADINGS
from pipeline.review.auth import csrf_token
from pipeline.review.queue import FLAG_FILTERS, PAGE_SIZE, SORTS, inbox_count
from pipeline.settings import Settings
from pipeline.store.db import Store
from pipeline.store.models import ROLES, STATUSES

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
    env.filters["status_label"] = lambda s: str(s).replace("_", " ")
    env.filters["grade"] = _grade
    env.filters["when"] = _when
    env.filters["when_short"] = _when_short
    return Jinja2Templates(env=env)


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
