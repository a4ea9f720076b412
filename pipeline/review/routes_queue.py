"""The queue page and the queue's actions: claim, assign, release, bulk assign and bulk reject."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from pipeline.review import workflow
from pipeline.review.auth import csrf_protect, csrf_token, current_user
from pipeline.review.ids import ItemId, form_ids
from pipeline.review.queue import QueueFilter, queue_page, queue_stamp
from pipeline.review.users import UserInfo, user_names
from pipeline.review.web import render, see_other, settings_of, store_of

router = APIRouter()
CurrentUser = Annotated[UserInfo, Depends(current_user)]
MAX_BULK = 500


def queue_url(flt: QueueFilter, **changes: object) -> str:
    """The queue URL for ``flt`` with ``changes`` applied, empty parameters left out."""
    from urllib.parse import urlencode

    params = flt.params(**changes)
    return "/" + (f"?{urlencode(params)}" if params else "")


@router.get("/")
def queue(
    request: Request,
    user: CurrentUser,
    status: str | None = Query(default=None, max_length=32),
    q: str | None = Query(default=None, max_length=500),
    page: int = Query(default=1, ge=1, le=1_000_000),
    journal: str | None = Query(default=None, max_length=255),
    category: str | None = Query(default=None, max_length=255),
    flags: str | None = Query(default=None, max_length=32),
    date_from: str | None = Query(default=None, max_length=10),
    date_to: str | None = Query(default=None, max_length=10),
    assignee: str | None = Query(default=None, max_length=128),
    sort: str | None = Query(default=None, max_length=32),
) -> Response:
    flt = QueueFilter.parse(
        status,
        q,
        page,
        journal=journal,
        category=category,
        flags=flags,
        date_from=date_from,
        date_to=date_to,
        assignee=assignee,
        sort=sort,
    )
    headers = {"Cache-Control": REVALIDATE}
    with store_of(request).session() as s:
        stamp = queue_stamp(s)
        names = user_names(s)
        headers["ETag"] = etag = queue_etag(stamp, request, user, names)
        if etag in _if_none_match(request):
            return Response(status_code=304, headers=headers)
        # The ETag names everything the page is made of, so a page rendered for it is that page.
        cached = _PAGES.get(etag)
        if cached is not None:
            return Response(cached, media_type="text/html", headers=headers)
        result = queue_page(s, flt, me=user.name, stamp=stamp)
    ctx = {
        "result": result,
        "flt": flt,
        "queue_url": queue_url,
        "users": names,
        "back": str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
    }
    response = render(request, "queue.html", ctx)
    _PAGES.put(etag, bytes(response.body))
    response.headers.update(headers)
    return response


class _PageCache:
    """Rendered queue pages by ETag, the most recently used kept (thread-safe: FastAPI runs the
    route in a worker thread). A write to the store changes the queue stamp inside every ETag,
    so a page from before it is never found again; it ages out."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, etag: str) -> bytes | None:
        with self._lock:
            page = self._pages.get(etag)
            if page is not None:
                self._pages.move_to_end(etag)
            return page

    def put(self, etag: str, page: bytes) -> None:
        with self._lock:
            self._pages[etag] = page
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


_PAGES = _PageCache(256)  # a queue page is 30-80 KB: at most about 20 MB


# The browser keeps the page but asks each time (If-None-Match); a 304 skips the page's queries
# and its rendering. Private: the page carries the editor's name and CSRF token.
REVALIDATE = "private, no-cache"


def queue_etag(stamp: str, request: Request, user: UserInfo, names: list[str]) -> str:
    """The queue page's validator: the queue's state (:func:`queue_stamp`), the request's URL
    (filter, page), who asks (name, role, CSRF token in the page's forms) and the assignee list."""
    import hashlib

    parts = [
        stamp,
        str(request.url.path),
        request.url.query,
        user.name,
        user.role,
        csrf_token(request),
        *names,
    ]
    return '"q-' + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest() + '"'


def _if_none_match(request: Request) -> set[str]:
    """The ETags the browser already holds (weak ones compared as strong, as RFC 9110 allows for GET)."""
    header = request.headers.get("if-none-match", "")
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _back(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.post("/items/{item_id}/claim", dependencies=[Depends(csrf_protect)])
def claim(request: Request, item_id: ItemId, user: CurrentUser, back: str = Form(default="")) -> Response:
    with store_of(request).session() as s:
        workflow.claim(s, item_id, user)
    return see_other(_back(back) if back else f"/items/{item_id}")


@router.post("/items/{item_id}/release", dependencies=[Depends(csrf_protect)])
def release(request: Request, item_id: ItemId, user: CurrentUser, back: str = Form(default="")) -> Response:
    with store_of(request).session() as s:
        workflow.release(s, item_id, user)
    return see_other(_back(back) if back else f"/items/{item_id}")


@router.post("/items/{item_id}/assign", dependencies=[Depends(csrf_protect)])
def assign(
    request: Request,
    item_id: ItemId,
    user: CurrentUser,
    assignee: str = Form(default="", max_length=128),
    back: str = Form(default=""),
) -> Response:
    with store_of(request).session() as s:
        workflow.assign(s, item_id, assignee or None, user, user_names(s))
    return see_other(_back(back) if back else f"/items/{item_id}")


@router.post("/bulk", dependencies=[Depends(csrf_protect)])
async def bulk(request: Request, user: CurrentUser) -> Response:
    """Assign or reject every checked item; all or nothing (one refused item refuses the batch)."""
    form = await request.form()
    ids = form_ids(form.getlist("item_id"))[:MAX_BULK]
    action = str(form.get("bulk_action") or "")
    back = _back(str(form.get("back") or "/"))
    if not ids:
        return see_other(back)
    with store_of(request).session() as s:
        if action == "assign":
            names = user_names(s)
            for item_id in ids:
                workflow.assign(s, item_id, str(form.get("assignee") or "") or None, user, names)
        elif action == "reject":
            required = settings_of(request).require_second_approver
            for item_id in ids:
                workflow.transition(s, item_id, "reject", user, require_second_approver=required)
        else:
            raise workflow.WorkflowError(409, f"Unknown bulk action {action!r}; use assign or reject.")
    return see_other(back)
