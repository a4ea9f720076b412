"""The draft page and its actions: edit (new version), comment, workflow transitions, versions,
regenerate. Every change writes an AuditEvent; an edit over a newer item is a 409 conflict."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException

from pipeline.errors import ConfigError
from pipeline.publish.page import page_from_rows
from pipeline.publish.site import build_site
from pipeline.review import workflow
from pipeline.review.auth import csrf_protect, current_user, require_role
from pipeline.review.detail import load_detail
from pipeline.review.editing import EditConflict, EditForm, save_edit
from pipeline.review.ids import ItemId, VersionNo
from pipeline.review.regenerate import BACKEND_NAMES, Job, backend_options, model_names, prompt_sets
from pipeline.review.users import UserInfo
from pipeline.review.web import render, see_other, settings_of, store_of
from pipeline.store import models, repo

router = APIRouter()
CurrentUser = Annotated[UserInfo, Depends(current_user)]
SITE_ACTIONS = frozenset({"publish", "unpublish", "retract"})
MAX_COMMENT = 5000


@router.get("/items/{item_id}")
def item_page(request: Request, item_id: ItemId, user: CurrentUser, saved: int | None = None) -> Response:
    settings = settings_of(request)
    with store_of(request).session() as s:
        detail = load_detail(s, item_id, user, settings)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"There is no review item {item_id}.")
    job = request.app.state.jobs.get(item_id)
    ctx = {
        "view": detail.view,
        "d": detail,
        "job": job,
        "saved": saved,
        "backends": BACKEND_NAMES,
        "models": model_names(settings),
        "prompt_sets": prompt_sets(settings),
    }
    return render(request, "item.html", ctx)


def _row_version(value: str) -> int:
    if not value.isdigit():
        raise HTTPException(400, "The form lacks the item's row version; reload the page.")
    return int(value)


@router.post("/items/{item_id}/edit", dependencies=[Depends(csrf_protect)])
async def edit(request: Request, item_id: ItemId, user: CurrentUser) -> Response:
    """Save the form as a new draft version (never overwriting a newer one)."""
    data = await request.form()
    form = EditForm.from_mapping(data)
    loaded = _row_version(str(data.get("row_version") or ""))
    try:
        with store_of(request).session() as s:
            draft = save_edit(s, item_id, form, user, loaded, settings_of(request))
            version = draft.version
    except EditConflict as conflict:
        return _conflict_page(request, conflict)
    except StaleDataError:  # another save committed between our read and our write
        with store_of(request).session() as s:
            item = workflow.get_item(s, item_id)
            current = page_from_rows(item.article, item.draft).fields
            return _conflict_page(
                request, EditConflict(item_id, form.to_fields(), current, item.draft.author)
            )
    return see_other(f"/items/{item_id}?saved={version}#edit")


def _conflict_page(request: Request, conflict: EditConflict) -> Response:
    ctx = {
        "conflict": conflict,
        "mine": EditForm.from_fields(conflict.mine),
        "current": EditForm.from_fields(conflict.current),
    }
    return render(request, "conflict.html", ctx, status_code=409)


@router.post("/items/{item_id}/comments", dependencies=[Depends(csrf_protect)])
def comment(
    request: Request, item_id: ItemId, user: CurrentUser, body: str = Form(max_length=MAX_COMMENT)
) -> Response:
    text = body.strip()
    if not text:
        raise HTTPException(400, "A comment cannot be empty.")
    with store_of(request).session() as s:
        item = workflow.get_item(s, item_id)
        row = models.Comment(item_id=item.id, draft_id=item.draft_id, author=user.name, body=text)
        s.add(row)
        s.flush()
        repo.audit(
            s,
            user.name,
            "comment",
            item_id=item.id,
            article_id=item.article_id,
            after={"comment_id": row.id, "draft_id": item.draft_id, "body": text},
        )
    return see_other(f"/items/{item_id}#comments")


@router.post("/items/{item_id}/transition", dependencies=[Depends(csrf_protect)])
def transition(
    request: Request,
    item_id: ItemId,
    user: CurrentUser,
    action: str = Form(max_length=32),
    row_version: str = Form(default="", max_length=12),
) -> Response:
    """Move the item along the workflow; publishing actions rebuild the static site."""
    settings = settings_of(request)
    expected = int(row_version) if row_version.isdigit() else None
    if action in SITE_ACTIONS:
        try:  # before any change: a publish that cannot build the site must not happen at all
            settings.require_public_url()
        except ConfigError as exc:
            raise HTTPException(503, f"{exc.message} {exc.hint}") from exc
    with store_of(request).session() as s:
        workflow.transition(
            s,
            item_id,
            action,
            user,
            require_second_approver=settings.require_second_approver,
            expected_row_version=expected,
        )
        if action in SITE_ACTIONS:
            build = build_site(s, settings)
            repo.audit(
                s,
                user.name,
                "site_build",
                item_id=item_id,
                after={"written": len(build.written), "removed": build.removed},
            )
    return see_other(f"/items/{item_id}")


@router.get("/items/{item_id}/versions/{version}")
def version_page(request: Request, item_id: ItemId, version: VersionNo, user: CurrentUser) -> Response:
    with store_of(request).session() as s:
        item = workflow.get_item(s, item_id)
        draft = s.scalars(
            select(models.Draft).where(
                models.Draft.article_id == item.article_id, models.Draft.version == version
            )
        ).first()
        if draft is None:
            raise HTTPException(404, f"Item {item_id} has no draft version {version}.")
        page = page_from_rows(item.article, draft, item.status)
        current = draft.id == item.draft_id
    return render(request, "version.html", {"item_id": item_id, "page": page, "current": current})


@router.post("/items/{item_id}/regenerate", dependencies=[Depends(csrf_protect)])
def regenerate(
    request: Request,
    item_id: ItemId,
    user: CurrentUser,
    backend: str = Form(max_length=32),
    model: str = Form(default="", max_length=128),
    prompt: str = Form(default="", max_length=128),
) -> Response:
    """Start drafting the article again in the background; the page shows progress."""
    settings = settings_of(request)
    try:
        opts = backend_options(backend, model, prompt, settings)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    with store_of(request).session() as s:
        item = workflow.get_item(s, item_id)
        if item.status not in workflow.OPEN_STATUSES:
            raise workflow.WorkflowError(
                409, f"A {item.status.replace('_', ' ')} item cannot be regenerated."
            )
        article_id = item.article_id
        repo.audit(s, user.name, "regenerate_request", item_id=item_id, article_id=article_id, after=opts)
    job = Job(item_id=item_id, actor=user.name, options=opts)
    if not request.app.state.jobs.start(store_of(request), settings, job, article_id):
        raise workflow.WorkflowError(409, "A regeneration of this item is already running.")
    return see_other(f"/items/{item_id}")


@router.get("/items/{item_id}/regenerate-status")
def regenerate_status(request: Request, item_id: ItemId, user: CurrentUser) -> JSONResponse:
    job = request.app.state.jobs.get(item_id)
    if job is None:
        return JSONResponse({"state": "none"})
    return JSONResponse({"state": job.state, "error": job.error, "result": job.result})


@router.get("/items/{item_id}/audit")
def item_audit(request: Request, item_id: ItemId, user: CurrentUser) -> Response:
    require_role(user, "admin", "read the audit log")
    return see_other(f"/audit?item_id={item_id}")
