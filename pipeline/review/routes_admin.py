"""Admin and team views: the audit log (admins) and the editor metrics, each with a CSV export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from pipeline.review import metrics as editor_metrics
from pipeline.review.auditlog import CSV_HEADER, AuditFilter, all_rows, audit_choices, audit_page, csv_text
from pipeline.review.auth import current_user, require_role
from pipeline.review.ids import ItemIdFilter
from pipeline.review.users import UserInfo
from pipeline.review.web import render, store_of

router = APIRouter()
CurrentUser = Annotated[UserInfo, Depends(current_user)]


def _audit_filter(actor: str | None, action: str | None, item_id: int | None, page: int) -> AuditFilter:
    return AuditFilter((actor or "").strip(), (action or "").strip(), item_id, page)


def _csv(filename: str, header: list[str], rows: list[list[object]]) -> StreamingResponse:
    return StreamingResponse(
        csv_text(header, rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/audit")
def audit(
    request: Request,
    user: CurrentUser,
    actor: str | None = Query(default=None, max_length=128),
    action: str | None = Query(default=None, max_length=64),
    item_id: ItemIdFilter = None,
    page: int = Query(default=1, ge=1, le=1_000_000),
) -> Response:
    require_role(user, "admin", "read the audit log")
    flt = _audit_filter(actor, action, item_id, page)
    with store_of(request).session() as s:
        rows, total = audit_page(s, flt)
        actors, actions = audit_choices(s)
    ctx = {"rows": rows, "total": total, "flt": flt, "actors": actors, "actions": actions}
    return render(request, "audit.html", ctx)


@router.get("/audit.csv")
def audit_csv(
    request: Request,
    user: CurrentUser,
    actor: str | None = Query(default=None, max_length=128),
    action: str | None = Query(default=None, max_length=64),
    item_id: ItemIdFilter = None,
) -> StreamingResponse:
    require_role(user, "admin", "export the audit log")
    with store_of(request).session() as s:
        rows = all_rows(s, _audit_filter(actor, action, item_id, 1))
    return _csv("plainsci-audit.csv", CSV_HEADER, rows)


@router.get("/metrics")
def metrics_page(request: Request, user: CurrentUser) -> Response:
    with store_of(request).session() as s:
        m = editor_metrics.editor_metrics(s)
    return render(request, "metrics.html", {"m": m})


@router.get("/metrics.csv")
def metrics_csv(request: Request, user: CurrentUser) -> StreamingResponse:
    with store_of(request).session() as s:
        rows = editor_metrics.csv_rows(editor_metrics.editor_metrics(s))
    return _csv("plainsci-editor-metrics.csv", editor_metrics.CSV_HEADER, rows)
