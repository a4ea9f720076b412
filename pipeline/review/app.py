"""FastAPI app for editors: login, the review queue, the draft page with editing and workflow,
audit and metrics views, and the reader feedback endpoint of the published site."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import Scope

from pipeline.errors import ConfigError, NotAuthenticated
from pipeline.publish.render import SITE_PREFIX, SiteContext, site_context, site_shell
from pipeline.review import routes_admin, routes_auth, routes_item, routes_public, routes_queue
from pipeline.review.auth import (
    SESSION_COOKIE,
    SESSION_MAX_AGE,
    LoginLimiter,
    secret_key,
    trusted_proxies,
    wants_html,
)
from pipeline.review.regenerate import Jobs
from pipeline.review.rescore import Rescorer
from pipeline.review.routes_public import FEEDBACK_LIMIT, FEEDBACK_WINDOW_S
from pipeline.review.routes_queue import queue_url
from pipeline.review.security import RateLimiter, SecurityHeaders, origin_of
from pipeline.review.web import ServerTiming, make_templates, render, see_other
from pipeline.review.workflow import WorkflowError
from pipeline.settings import Settings
from pipeline.store.db import Store

HERE = Path(__file__).parent

__all__ = ["create_app", "make_templates", "queue_url", "serve"]


def _error(request: Request, status_code: int, detail: str) -> Response:
    if not wants_html(request):
        return JSONResponse({"detail": detail}, status_code=status_code)
    context = {"status_code": status_code, "detail": detail}
    return render(request, "error.html", context, status_code=status_code)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotAuthenticated)
    async def not_authenticated(request: Request, exc: NotAuthenticated) -> Response:
        if not wants_html(request):
            return JSONResponse({"detail": "Sign in first."}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":
            target = "/"
        return see_other(f"/login?next={quote(target, safe='')}")

    @app.exception_handler(WorkflowError)
    async def workflow_error(request: Request, exc: WorkflowError) -> Response:
        return _error(request, exc.status_code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})  # e.g. Retry-After of a 429
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "request" for e in exc.errors())
        return _error(request, 422, f"Invalid or missing input: {fields}.")


class SiteFiles(StaticFiles):
    """The published site's folder. Until the first publish creates it, the site's shell is
    served instead (``shell``: file name -> text, from pipeline.publish.render.site_shell): its
    index says nothing is published yet and how an editor publishes, About, Disclaimer and the
    assets are the built site's; any other page is a 404 "Nothing is published yet."."""

    def __init__(self, *, shell: Callable[[], dict[str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shell = shell

    async def check_config(self) -> None:
        if self.directory is not None and Path(self.directory).is_dir():
            await super().check_config()

    async def get_response(self, path: str, scope: Scope) -> Response:
        if self.directory is None or not Path(self.directory).is_dir():
            name = "index.html" if path in ("", ".") else path
            text = self._shell().get(name)
            if text is None or scope["method"] not in ("GET", "HEAD"):
                raise StarletteHTTPException(404, "Nothing is published yet.")
            kind = {".css": "text/css", ".js": "text/javascript"}.get(Path(name).suffix, "text/html")
            return Response(text, media_type=kind)
        return await super().get_response(path, scope)


@lru_cache(maxsize=4)
def _shell_for(name: str, page_base: str | None, feedback: str | None) -> dict[str, str]:
    return site_shell(SiteContext(name=name, page_base=page_base, feedback_action=feedback))


def _site_shell(settings: Settings) -> dict[str, str]:
    """The site's shell for ``settings`` (rendered once): links relative, as in the built site."""
    try:
        site = site_context(settings)
    except ConfigError:  # no public address yet (team preset): the shell needs none
        return _shell_for(settings.site_name, None, None)
    return _shell_for(site.name, site.page_base, site.feedback_action)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Warm up before the app takes requests: the word lists, glossaries and patterns that the
    draft page, a save's rescoring and the live readability score use load here, once (in a
    worker thread), so the first editor's page is as fast as the next. Uvicorn opens the port,
    and /healthz answers, only after this."""
    from contextlib import nullcontext

    from pipeline.review.regenerate import backend_choices, prompt_sets
    from pipeline.warm import loading, warm

    app.state.rescorer.start()  # first: a worker process loads its models while the app loads its own
    try:
        # A server (``app.state.settle``) freezes what it loaded: a full garbage collection during a
        # request then scans only what requests allocate, not the word lists and models.
        with loading() if app.state.settle else nullcontext():
            app.state.warm_seconds = await anyio.to_thread.run_sync(
                warm, app.state.settings, ("score", "review")
            )
            # the draft page's regenerate choices: the installed models, the prompt sets and the
            # backends, whose registry imports every drafter's modules (the composer's: ~600 rule
            # patterns compiled, 0.3-0.4 s of CPU that the first draft page paid before round 24)
            await anyio.to_thread.run_sync(backend_choices, app.state.settings)
            await anyio.to_thread.run_sync(prompt_sets, app.state.settings)
            env = app.state.templates.env
            for name in env.list_templates(extensions=["html"]):
                env.get_template(name)  # compiled once here, not on the first page that uses it
        yield
    finally:
        await anyio.to_thread.run_sync(app.state.rescorer.stop)


def create_app(
    settings: Settings,
    store: Store | None = None,
    *,
    settle: bool = False,
    rescore_process: bool = False,
    rescore_cpus: set[int] | None = None,
) -> FastAPI:
    """The review app over ``store`` (opened from ``settings`` when not given).

    ``settle``: the app is the process's server (``plainsci serve``): what its start-up loads is
    frozen out of garbage collection (``pipeline.warm.loading``); not for tests or a caller that
    builds several apps in one process. ``rescore_process``: a save's scores are computed by a
    worker process the app starts and stops (``plainsci serve``; on ``rescore_cpus`` when given),
    not by a thread of this process, so the server's core only serves pages."""
    public = settings.public_address  # a malformed PLAINSCI_PUBLIC_URL stops here, before anything opens
    app = FastAPI(title="plainsci review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.settle = settle
    app.state.store = store or Store(settings)
    app.state.templates = make_templates()
    app.state.login_limiter = LoginLimiter()
    app.state.jobs = Jobs()
    # a save's scores, in the background
    app.state.rescorer = Rescorer(app.state.store, settings, process=rescore_process, cpus=rescore_cpus)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key(settings),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.state.feedback_limiter = RateLimiter(FEEDBACK_LIMIT, FEEDBACK_WINDOW_S)
    app.add_middleware(SecurityHeaders, public_origin=origin_of(public) if public else None)
    app.add_middleware(ServerTiming)  # outermost: times the whole request
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # The published site, so that its pages and the feedback endpoint share one origin.
    site = SiteFiles(
        directory=settings.site_path, html=True, check_dir=False, shell=lambda: _site_shell(settings)
    )
    app.mount(SITE_PREFIX.rstrip("/"), site, name="site")
    for module in (routes_public, routes_auth, routes_queue, routes_item, routes_admin):
        app.include_router(module.router)
    _install_handlers(app)
    proxies = trusted_proxies(settings.forwarded_allow_ips)
    if proxies:  # added last, so outermost: every other middleware sees the forwarded client
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=proxies)
    return app


def serve(settings: Settings) -> None:
    """Run the review app with uvicorn on ``settings.host:settings.port`` (blocks), and beside it
    the rescoring worker process (started and stopped with the app, restarted when it dies).

    uvicorn's own proxy-header handling is off (by default it believes X-Forwarded-For from
    127.0.0.1): create_app trusts only ``settings.forwarded_allow_ips``.
    """
    import uvicorn

    uvicorn.run(
        create_app(settings, settle=True, rescore_process=True),
        host=settings.host,
        port=settings.port,
        log_level="info",
        proxy_headers=False,
        forwarded_allow_ips="",
    )
