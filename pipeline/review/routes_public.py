"""Open routes (health, reader feedback) and the editors' live readability API."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from pipeline.publish.render import SITE_PREFIX, SiteContext, jinja_env
from pipeline.review.auth import client_ip, csrf_protect, current_user, wants_html
from pipeline.review.ids import ArticleIdField
from pipeline.review.security import RateLimiter, origin_of, same_origin
from pipeline.review.users import UserInfo
from pipeline.review.web import render, settings_of, store_of
from pipeline.settings import REPO_ROOT
from pipeline.store import models
from pipeline.store.queries.items import item_of_article
from pipeline.text.readability import coleman_liau_value, dale_chall_value, fkgl_value, text_stats

GUIDE = REPO_ROOT / "docs" / "editor-guide.md"

router = APIRouter()
CurrentUser = Annotated[UserInfo, Depends(current_user)]
MAX_FEEDBACK = 1000
# Reader feedback per client (IP address): a reader answers once per page, a script much more.
FEEDBACK_LIMIT = 20
FEEDBACK_WINDOW_S = 600.0


@router.get("/healthz")
def healthz(request: Request) -> dict[str, Any]:
    """``ok`` while the app serves; with a rescoring worker process (``plainsci serve``), its state
    under ``rescoring`` (starting, running, restarting after it died, with ``last_exit``) and
    ``degraded`` while it is not running: saves are kept and scored once it is back."""
    worker = request.app.state.rescorer.health()
    if worker is None:
        return {"status": "ok"}
    return {"status": "ok" if worker["state"] in ("starting", "running") else "degraded", "rescoring": worker}


class ReadabilityIn(BaseModel):
    text: str = Field(default="", max_length=20_000)


def readability(text: str) -> dict[str, float | int]:
    """FKGL, Dale-Chall and Coleman-Liau of ``text`` (as the scorer computes them)."""
    stats = text_stats(text)
    if not text.strip():
        return {"fkgl": 0.0, "dale_chall": 0.0, "coleman_liau": 0.0, "words": 0, "sentences": 0}
    return {
        "fkgl": round(fkgl_value(stats), 2),
        "dale_chall": round(dale_chall_value(stats), 2),
        "coleman_liau": round(coleman_liau_value(stats), 2),
        "words": stats.words,
        "sentences": stats.sentences,
    }


@router.post("/api/readability", dependencies=[Depends(csrf_protect)])
def readability_api(body: ReadabilityIn, user: CurrentUser) -> dict[str, float | int]:
    return readability(body.text)


def _site_page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    """A reader-facing page in the published site's layout (links into the served site)."""
    settings = settings_of(request)
    base = settings.public_address
    site = SiteContext(name=settings.site_name, root=f"{base or ''}{SITE_PREFIX}")
    html = jinja_env().get_template(template).render(site=site, current=None, **context)
    return HTMLResponse(html, status_code=status_code)


def _check_feedback_source(request: Request) -> None:
    """Refuse posts from other sites (403) and more than the limit per client (429)."""
    settings = settings_of(request)
    public = settings.public_address
    allowed = {o for o in (origin_of(public or ""), origin_of(str(request.base_url))) if o}
    if not same_origin(request.headers.get("origin"), request.headers.get("referer"), allowed):
        raise HTTPException(
            403,
            "Feedback is only taken from the pages of the published site "
            f"({public or 'this server'}); this post came from another site.",
        )
    limiter: RateLimiter = request.app.state.feedback_limiter
    key = client_ip(request)
    if not limiter.allow(key):
        wait = limiter.retry_after(key)
        raise HTTPException(
            429,
            f"Too many answers from your connection; please try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )


@router.post("/feedback")
def feedback(
    request: Request,
    article_id: ArticleIdField,
    helpful: str = Form(max_length=8),
    comment: str = Form(default="", max_length=MAX_FEEDBACK),
) -> Response:
    """A reader's answer to "Was this summary helpful?" on a published page.

    No CSRF token (the static site has no session), but only from the site's own origin and
    at most FEEDBACK_LIMIT posts per client in FEEDBACK_WINDOW_S. No personal data is stored:
    no IP, no user agent, no cookie; only published articles accept feedback.
    """
    try:
        _check_feedback_source(request)
        _store_feedback(request, article_id, helpful, comment)
    except HTTPException as exc:
        if not wants_html(request):
            raise
        # a reader who posted the plain form sees the site, not the editors' app
        response = _site_page(request, "problem.html", exc.status_code, detail=exc.detail)
        response.headers.update(exc.headers or {})
        return response
    if not wants_html(request):
        return JSONResponse({"status": "thanks"})
    return _site_page(request, "thanks.html")


def _store_feedback(request: Request, article_id: int, helpful: str, comment: str) -> None:
    if helpful not in ("yes", "no"):
        raise HTTPException(400, "Answer yes or no.")
    with store_of(request).session() as s:
        item = item_of_article(s, article_id)
        if item is None or item.status != "published":
            raise HTTPException(
                404, "This summary is not published; feedback is only taken on published pages."
            )
        s.add(
            models.Feedback(article_id=article_id, helpful=helpful == "yes", comment=comment.strip() or None)
        )


@lru_cache(maxsize=1)
def _guide_html(mtime: float) -> str:
    """docs/editor-guide.md as HTML (headings get ids; flag entries carry ``flag-<name>`` anchors)."""
    import markdown

    text = GUIDE.read_text(encoding="utf-8")
    return str(markdown.markdown(text, extensions=["tables", "fenced_code", "toc"]))


@router.get("/help/editor-guide")
def editor_guide(request: Request, user: CurrentUser) -> Response:
    """The editor guide, linked from each flag on the draft page."""
    try:
        html = _guide_html(GUIDE.stat().st_mtime)
    except OSError as exc:
        raise HTTPException(404, f"The editor guide is missing ({GUIDE}): {exc.strerror}.") from exc
    from markupsafe import Markup

    return render(request, "help.html", {"guide": Markup(html)})
