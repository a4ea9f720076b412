"""Open routes (health, reader feedback) and the editors' live readability API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from pipeline.review.auth import csrf_protect, current_user, wants_html
from pipeline.review.users import UserInfo
from pipeline.review.web import render, store_of
from pipeline.store import models
from pipeline.text.readability import coleman_liau_value, dale_chall_value, fkgl_value, text_stats

router = APIRouter()
CurrentUser = Annotated[UserInfo, Depends(current_user)]
MAX_FEEDBACK = 1000


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


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


@router.post("/feedback")
def feedback(
    request: Request,
    article_id: int = Form(),
    helpful: str = Form(max_length=8),
    comment: str = Form(default="", max_length=MAX_FEEDBACK),
) -> Response:
    """A reader's answer to "Was this summary helpful?" on a published page.

    No CSRF token (the static site has no session) and no personal data: no IP, no user agent,
    no cookie; only published articles accept feedback.
    """
    if helpful not in ("yes", "no"):
        raise HTTPException(400, "Answer yes or no.")
    with store_of(request).session() as s:
        item = s.query(models.ReviewItem).filter(models.ReviewItem.article_id == article_id).first()
        if item is None or item.status != "published":
            raise HTTPException(
                404, "This summary is not published; feedback is only taken on published pages."
            )
        s.add(
            models.Feedback(article_id=article_id, helpful=helpful == "yes", comment=comment.strip() or None)
        )
    if not wants_html(request):
        return JSONResponse({"status": "thanks"})
    return render(request, "thanks.html", {}, public=True)
