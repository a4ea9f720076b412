"""The draft page and its actions: edit (new version), comment, workflow transitions, versions,
regenerate. Every change writes an AuditEvent; an edit over a newer item is a 409 conflict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from pipeline.domain import DRAFT_TEXT_FIELDS, DraftFields
from pipeline.errors import ConfigError, RegenerationError
from pipeline.publish.page import draft_fields, page_from_rows
from pipeline.publish.render import RENDERERS, page_slug
from pipeline.publish.site import build_site
from pipeline.review import workflow
from pipeline.review.auth import csrf_protect, current_user, require_role, wants_html
from pipeline.review.detail import load_detail
from pipeline.review.editing import (
    EditConflict,
    EditForm,
    draft_version,
    next_item_id,
    restore_version,
    save_edit,
)
from pipeline.review.ids import MAX_ID, ItemId, VersionNo
from pipeline.review.regenerate import Job, backend_choices, backend_options, installed_models, prompt_sets
from pipeline.review.users import UserInfo, user_names
from pipeline.review.web import render, see_other, settings_of, store_of
from pipeline.store import models, repo
from pipeline.store.db import Session, StaleDataError

router = APIRouter()
CurrentUser = Annotated[UserInfo, Depends(current_user)]
SITE_ACTIONS = frozenset({"publish", "unpublish", "retract"})
MAX_COMMENT = 5000


@router.get("/items/{item_id}")
def item_page(
    request: Request,
    item_id: ItemId,
    user: CurrentUser,
    saved: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    saved_item: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    published: str | None = None,
    diff: str | None = None,
) -> Response:
    settings = settings_of(request)
    with store_of(request).session() as s:
        detail = load_detail(s, item_id, user, settings)
        names = user_names(s)
        scores = request.app.state.rescorer.state(s, detail.draft_id) if detail else None
    if detail is None:
        raise HTTPException(status_code=404, detail=f"There is no review item {item_id}.")
    job = request.app.state.jobs.get(item_id)
    ctx = {
        "view": detail.view,
        "d": detail,
        "scores": scores,
        "job": job,
        "saved": saved,
        "saved_item": saved_item,
        "published_page": published if published and _safe_page_name(published) else None,
        "diff_mode": "split" if diff == "split" else "inline",
        "users": names,
        "backends": backend_choices(settings),
        "models": installed_models(settings),
        "prompt_sets": prompt_sets(settings),
    }
    return render(request, "item.html", ctx)


def _safe_page_name(name: str) -> bool:
    return name.endswith(".html") and "/" not in name and "\\" not in name and not name.startswith(".")


@router.get("/items/{item_id}/preview")
def preview(request: Request, item_id: ItemId, user: CurrentUser) -> Response:
    """The current version as the published page will show it (nothing is written)."""
    with store_of(request).session() as s:
        item = workflow.get_item(s, item_id)
        page = page_from_rows(item.article, item.draft, "published")
    return HTMLResponse(RENDERERS.get("html").render(page))


def _row_version(value: str) -> int:
    if not value.isdigit():
        raise HTTPException(400, "The form lacks the item's row version; reload the page.")
    return int(value)


def _store_version(
    request: Request,
    item_id: int,
    save: Callable[[Session], tuple[models.Draft, int | None]],
    mine: Callable[[Session, models.ReviewItem], DraftFields],
) -> tuple[int, int | None] | Response:
    """Run ``save(session)`` (it stores a new draft version and returns it, with the item to go
    to next or None) and the version's rescoring job in one transaction, then wake the worker.

    A newer version saved first (seen on reading, ``EditConflict``, or on writing,
    ``StaleDataError``) answers the conflict page with ``mine`` (the text this save would have
    stored). Returns (the new version number, the item to go to next).
    """
    try:
        with store_of(request).session() as s:
            draft, following = save(s)
            version, draft_id = draft.version, draft.id
            request.app.state.rescorer.enqueue(s, draft_id)  # the job commits with the version
    except EditConflict as conflict:
        return _conflict_page(request, conflict)
    except StaleDataError:  # another save committed between our read and our write
        with store_of(request).session() as s:
            item = workflow.get_item(s, item_id)
            current = page_from_rows(item.article, item.draft).fields
            return _conflict_page(request, EditConflict(item_id, mine(s, item), current, item.draft.author))
    request.app.state.rescorer.wake()  # committed: the worker scores it now
    return version, following


@router.post("/items/{item_id}/edit", dependencies=[Depends(csrf_protect)])
async def edit(request: Request, item_id: ItemId, user: CurrentUser) -> Response:
    """Save the form as a new draft version (never overwriting a newer one)."""
    data = await request.form()
    form = EditForm.from_mapping(data)
    loaded = _row_version(str(data.get("row_version") or ""))
    at = str(data.get("at") or "")
    anchor = f"#f-{at}" if at in EditForm.__dataclass_fields__ else "#draft"

    def save(s: Session) -> tuple[models.Draft, int | None]:
        draft = save_edit(s, item_id, form, user, loaded)
        return draft, next_item_id(s, item_id, user) if data.get("next") else None

    stored = _store_version(request, item_id, save, lambda s, item: form.to_fields())
    if isinstance(stored, Response):
        return stored
    version, following = stored
    if following is not None:
        return see_other(f"/items/{following}?saved={version}&saved_item={item_id}")
    return see_other(f"/items/{item_id}?saved={version}{anchor}")


@router.post("/items/{item_id}/versions/{version}/restore", dependencies=[Depends(csrf_protect)])
def restore(
    request: Request,
    item_id: ItemId,
    version: VersionNo,
    user: CurrentUser,
    row_version: str = Form(default="", max_length=12),
) -> Response:
    """Save an older version's text as a new version (the history keeps every version)."""
    loaded = _row_version(row_version)
    stored = _store_version(
        request,
        item_id,
        lambda s: (restore_version(s, item_id, version, user, loaded), None),
        lambda s, item: draft_fields(draft_version(s, item, version).fields),
    )
    if isinstance(stored, Response):
        return stored
    return see_other(f"/items/{item_id}?saved={stored[0]}#history")


@router.post("/items/{item_id}/reviewed", dependencies=[Depends(csrf_protect)])
def reviewed(
    request: Request,
    item_id: ItemId,
    user: CurrentUser,
    field: str = Form(max_length=64),
    on: str = Form(default="1", max_length=4),
) -> Response:
    """Tick (on=1) or untick (on=0) one field of the current version as reviewed."""
    with store_of(request).session() as s:
        item = workflow.set_reviewed(s, item_id, field, on == "1", user)
        left = workflow.unreviewed_fields(item)
        s.flush()
        version = item.row_version
    if not wants_html(request):
        # The tick changed the item's row version: the page updates its forms' copies with it.
        return JSONResponse(
            {"field": field, "reviewed": on == "1", "unreviewed": left, "row_version": version}
        )
    return see_other(f"/items/{item_id}#f-{field if field in DRAFT_TEXT_FIELDS else 'draft'}")


def _conflict_page(request: Request, conflict: EditConflict) -> Response:
    with store_of(request).session() as s:
        row_version = workflow.get_item(s, conflict.item_id).row_version
    ctx = {
        "conflict": conflict,
        "row_version": row_version,
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
        workflow.add_comment(s, workflow.get_item(s, item_id), user, text)
    return see_other(f"/items/{item_id}#comments")


@router.post("/items/{item_id}/transition", dependencies=[Depends(csrf_protect)])
def transition(
    request: Request,
    item_id: ItemId,
    user: CurrentUser,
    action: str = Form(max_length=32),
    row_version: str = Form(default="", max_length=12),
    acknowledge: str = Form(default="", max_length=4),
    note: str = Form(default="", max_length=MAX_COMMENT),
) -> Response:
    """Move the item along the workflow; publishing actions rebuild the static site.

    Request changes needs a ``note`` (it becomes a comment; the item goes to its last editor);
    approving needs every field ticked and, with warnings open, ``acknowledge``.
    """
    settings = settings_of(request)
    expected = int(row_version) if row_version.isdigit() else None
    if action in SITE_ACTIONS:
        try:  # before any change: a publish that cannot build the site must not happen at all
            settings.require_public_url()
        except ConfigError as exc:
            raise HTTPException(503, f"{exc.message} {exc.hint}") from exc
    page_name = None
    with store_of(request).session() as s:
        if action == "request_changes":
            workflow.request_changes(s, item_id, user, note, expected_row_version=expected)
            return see_other(f"/items/{item_id}#comments")
        item = workflow.transition(
            s,
            item_id,
            action,
            user,
            require_second_approver=settings.require_second_approver,
            expected_row_version=expected,
            acknowledged=acknowledge == "1",
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
            if action == "publish":
                stem = page_slug(page_from_rows(item.article, item.draft, item.status))
                page_name = next((n for n in build.written if n.startswith(stem)), None)
    if page_name:
        return see_other(f"/items/{item_id}?published={page_name}")
    return see_other(f"/items/{item_id}")


@router.get("/items/{item_id}/versions/{version}")
def version_page(request: Request, item_id: ItemId, version: VersionNo, user: CurrentUser) -> Response:
    with store_of(request).session() as s:
        item = workflow.get_item(s, item_id)
        draft = draft_version(s, item, version)
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
    except RegenerationError as exc:
        raise HTTPException(exc.status_code, exc.message) from exc
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


@router.get("/items/{item_id}/scores")
def scores_status(request: Request, item_id: ItemId, user: CurrentUser) -> JSONResponse:
    """Whether the current version's scores are stored yet (the draft page polls this while it
    shows "scores pending"): ``state`` scored | pending | failed, ``error`` when failed."""
    with store_of(request).session() as s:
        item = workflow.get_item(s, item_id)
        draft_id = item.draft_id
        state = request.app.state.rescorer.state(s, draft_id)
    return JSONResponse({"draft_id": draft_id, "state": state.state, "error": state.error})


@router.get("/items/{item_id}/audit")
def item_audit(request: Request, item_id: ItemId, user: CurrentUser) -> Response:
    require_role(user, "admin", "read the audit log")
    return see_other(f"/audit?item_id={item_id}")
