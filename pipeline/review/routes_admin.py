"""Admin and team views: the audit log (admins), the editor metrics (each with a CSV export), and
the swaps learnt from editors' approved edits, which an admin accepts or rejects."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.exceptions import HTTPException

from pipeline.errors import SwapDecisionError
from pipeline.review import learned
from pipeline.review import metrics as editor_metrics
from pipeline.review.auditlog import CSV_HEADER, AuditFilter, all_rows, audit_choices, audit_page, csv_text
from pipeline.review.auth import csrf_protect, current_user, require_role
from pipeline.review.ids import ItemIdFilter
from pipeline.review.users import UserInfo
from pipeline.review.web import render, see_other, store_of

router = APIRouter()
CurrentUser = Annotated[UserInfo, Depends(current_user)]


def audit_filter(
    actor: str | None = Query(default=None, max_length=128),
    action: str | None = Query(default=None, max_length=64),
    item_id: ItemIdFilter = None,
    page: int = Query(default=1, ge=1, le=1_000_000),
) -> AuditFilter:
    """The audit log's filter from the query string (the page and its CSV export share it)."""
    return AuditFilter((actor or "").strip(), (action or "").strip(), item_id, page)


Filter = Annotated[AuditFilter, Depends(audit_filter)]


def _csv(filename: str, header: list[str], rows: list[list[object]]) -> StreamingResponse:
    return StreamingResponse(
        csv_text(header, rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/audit")
def audit(request: Request, user: CurrentUser, flt: Filter) -> Response:
    require_role(user, "admin", "read the audit log")
    with store_of(request).session() as s:
        rows, total = audit_page(s, flt)
        actors, actions = audit_choices(s)
    ctx = {"rows": rows, "total": total, "flt": flt, "actors": actors, "actions": actions}
    return render(request, "audit.html", ctx)


@router.get("/audit.csv")
def audit_csv(request: Request, user: CurrentUser, flt: Filter) -> StreamingResponse:
    """Every row the filter matches (its page does not apply)."""
    require_role(user, "admin", "export the audit log")
    with store_of(request).session() as s:
        rows = all_rows(s, flt)
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


@router.get("/learned-swaps")
def learned_swaps(request: Request, user: CurrentUser) -> Response:
    """Proposed swaps learnt from editors (with their evidence) and the decided ones."""
    require_role(user, "admin", "decide on learned swaps")
    with store_of(request).session() as s:
        learned.propose(s)
        groups = learned.listing(s)
        ctx = {
            "groups": groups,
            "min_approvals": learned.MIN_APPROVALS,
            "min_editors": learned.MIN_EDITORS,
        }
        return render(request, "learned.html", ctx)


@router.post("/learned-swaps/{swap_id}/{decision}", dependencies=[Depends(csrf_protect)])
def decide_learned_swap(request: Request, swap_id: int, decision: str, user: CurrentUser) -> Response:
    require_role(user, "admin", "decide on learned swaps")
    status = {"accept": "accepted", "reject": "rejected"}.get(decision)
    if status is None:
        raise HTTPException(404, f"Unknown decision {decision!r}: accept or reject.")
    try:
        with store_of(request).session() as s:
            learned.decide(s, swap_id, status, user.name)
    except SwapDecisionError as exc:
        raise HTTPException(exc.status_code, exc.message) from exc
    return see_other("/learned-swaps")
