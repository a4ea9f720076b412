"""The review queue: the page's filter (from its URL), its rows and counts, and their cache.

The default view shows the open statuses (new, in review, changes requested, approved);
``status=all`` shows every item. The queries themselves are :mod:`pipeline.store.queries.queue`'s
(bound SQL parameters only, index-served order, LIMIT/OFFSET pages).
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from pipeline.review.workflow import OPEN_STATUSES
from pipeline.store import models
from pipeline.store.db import Session
from pipeline.store.models import STATUSES
from pipeline.store.queries import items as item_queries
from pipeline.store.queries import queue as queries
from pipeline.store.queue_version import live_locks, queue_version

PAGE_SIZE = 50
OPEN = "open"  # the default status filter: every status still waiting for someone
ALL = "all"
# Workflow actions that finish an item's review for the day's progress count.
DONE_ACTIONS = ("approve", "publish", "reject")
# Names under which the scorer may store Flesch-Kincaid grade; the first match wins.
READABILITY_METRICS = ("fkgl", "flesch_kincaid_grade")
SORTS = {
    "priority": "Priority",
    "relevance": "Relevance",
    "age": "Oldest first",
    "flags": "Flag severity",
}
# "gate_errors" and "over_grade" split "gate_failed" (round 27, issue 16 item 2): a draft with an
# error (a contradiction of the abstract) is another job than one that only reads above a grade limit.
FLAG_FILTERS = {
    "gate_failed": "Quality gate failed",
    "gate_errors": "Gate: has errors",
    "over_grade": "Gate: only over a grade limit",
    "flagged": "Has flags",
    "clean": "No flags",
}


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _text(value: str | None, limit: int = 200) -> str:
    return (value or "").strip()[:limit]


@dataclass(frozen=True)
class QueueFilter:
    status: str = OPEN
    q: str = ""
    page: int = 1
    journal: str = ""
    category: str = ""
    flags: str = ""
    date_from: date | None = None
    date_to: date | None = None
    assignee: str = ""
    sort: str = "priority"

    @classmethod
    def parse(
        cls, status: str | None = None, q: str | None = None, page: int | None = None, **more: str | None
    ) -> QueueFilter:
        """Unknown values mean "no filter"; text is trimmed and capped; pages start at 1."""
        return cls(
            status=status if status in STATUSES or status == ALL else OPEN,
            q=_text(q),
            page=max(1, page or 1),
            journal=_text(more.get("journal")),
            category=_text(more.get("category")),
            flags=more.get("flags") if more.get("flags") in FLAG_FILTERS else "",  # type: ignore[arg-type]
            date_from=_date(more.get("date_from")),
            date_to=_date(more.get("date_to")),
            assignee=_text(more.get("assignee"), 128),
            sort=more.get("sort") if more.get("sort") in SORTS else "priority",  # type: ignore[arg-type]
        )

    @property
    def active(self) -> bool:
        """Whether any filter (not just sort or page) is set."""
        return any(
            v
            for k, v in asdict(self).items()
            if k not in ("page", "sort") and not (k == "status" and v == OPEN)
        )

    def params(self, **changes: Any) -> dict[str, str]:
        """URL parameters of this filter with ``changes``, defaults left out."""
        values = {**asdict(replace(self, **changes))}
        out = {k: (v.isoformat() if isinstance(v, date) else str(v)) for k, v in values.items() if v}
        if out.get("page") == "1":
            del out["page"]
        if out.get("sort") == "priority":
            del out["sort"]
        if out.get("status") == OPEN:
            del out["status"]
        return out

    def items(self, me: str | None = None) -> queries.ItemFilter:
        """The store's filter for this view (``assignee=me`` is the signed-in user ``me``)."""
        statuses = tuple(sorted(OPEN_STATUSES)) if self.status == OPEN else None
        if self.status not in (OPEN, ALL):
            statuses = (self.status,)
        return queries.ItemFilter(
            statuses=statuses,
            q=self.q,
            journal=self.journal,
            category=self.category,
            flags=self.flags,
            date_from=self.date_from,
            date_to=self.date_to,
            assignee=(me or "")
            if self.assignee == "me"
            else ("" if self.assignee == "unassigned" else self.assignee),
            # "me" with nobody signed in matches no holder, as "unassigned" does
            unassigned=self.assignee == "unassigned" or (self.assignee == "me" and not me),
            sort=self.sort,
        )


@dataclass(frozen=True)
class QueueRow:
    item_id: int
    title: str
    journal: str | None
    published: date | None
    categories: list[str]
    status: str
    priority: float
    readability: float | None
    flag_count: int
    gate_failed: bool
    assignee: str | None = None
    lock_until: datetime | None = None
    out_of_scope: str | None = None  # why the article is not health research (enrich's scope fact)
    gate_errors: int | None = 0  # the gate's error reasons (NULL: an item older than migration 0012)

    @property
    def locked(self) -> bool:
        return bool(self.assignee and self.lock_until and self.lock_until > models.utcnow())

    @property
    def gate_label(self) -> str:
        """What the Gate cell says: "ok", "✗ 2 errors", or "over grade limit" (no error)."""
        if not self.gate_failed:
            return "ok"
        if self.gate_errors is None:
            return "✗ failed"
        if self.gate_errors:
            return f"✗ {self.gate_errors} error{'' if self.gate_errors == 1 else 's'}"
        return "over grade limit"


@dataclass
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int
    filter: QueueFilter
    status_counts: dict[str, int] = field(default_factory=dict)
    done_today: int = 0

    @property
    def open_count(self) -> int:
        """Items still waiting for someone (the default view's size)."""
        return sum(self.status_counts.get(s, 0) for s in OPEN_STATUSES)


def queue_stamp(session: Session, now: datetime | None = None) -> str:
    """What the queue page shows from the store, in one row's read: the store's change counter
    (:mod:`pipeline.store.queue_version`; triggers raise it on every write to review items,
    drafts, scores, audit events, articles and facts, from this process or another), the number
    of items locked now (a lock that expires changes the page without a write; the lock times
    are read once per counter value) and the day (the "done today" count starts again at
    midnight UTC). Read it first in the session that reads the page."""
    now = now or models.utcnow()
    version = queue_version(session)
    return f"{version}/{live_locks(session, version, now)}/{now.date()}"


# Counts per queue stamp: a page of the same queue state (another page number, another editor's
# view of the same filter, the next request before anything changed) does not count again.
_COUNTS: OrderedDict[tuple[str, ...], Any] = OrderedDict()
_COUNTS_LOCK = threading.Lock()
_COUNTS_SIZE = 512


def _cached(key: tuple[str, ...], compute: Any) -> Any:
    """``compute()`` once per key (the key starts with the queue stamp, so a write misses)."""
    with _COUNTS_LOCK:
        if key in _COUNTS:
            _COUNTS.move_to_end(key)
            return _COUNTS[key]
    value = compute()
    with _COUNTS_LOCK:
        _COUNTS[key] = value
        while len(_COUNTS) > _COUNTS_SIZE:
            _COUNTS.popitem(last=False)
    return value


def status_counts(session: Session) -> dict[str, int]:
    """Review items per status, every status shown (0 where none)."""
    return {status: 0 for status in STATUSES} | item_queries.status_counts(session)


def done_today(session: Session, now: datetime | None = None) -> int:
    """Items approved, published or rejected since midnight UTC (each item once)."""
    start = datetime.combine((now or models.utcnow()).date(), time())
    return queries.items_done_since(session, start, DONE_ACTIONS)


def queue_page(
    session: Session, flt: QueueFilter, me: str | None = None, stamp: str | None = None
) -> QueuePage:
    """One page of the queue in the filter's order (priority first by default).

    With ``stamp`` (:func:`queue_stamp` read in the same session), the counts (filtered total,
    per status, done today) are taken from the cache when the queue has not changed since."""
    items = flt.items(me)
    if stamp is None:
        counts, done = status_counts(session), done_today(session)
        total = _total(session, items, counts)
    else:
        counts = _cached(("status", stamp), lambda: status_counts(session))
        done = _cached(("done", stamp), lambda: done_today(session))
        filter_key = json.dumps(flt.params(page=None), sort_keys=True)
        total = _cached(("total", stamp, filter_key, me or ""), lambda: _total(session, items, counts))
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(flt.page, pages)
    found = queries.page_rows(session, items, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    fkgl = queries.simple_explanation_grades(session, [row.draft_id for row in found], READABILITY_METRICS)
    rows = [_row(row, fkgl.get(row.draft_id)) for row in found]
    return QueuePage(rows, total, page, pages, flt, dict(counts), done)


def _total(session: Session, items: queries.ItemFilter, counts: dict[str, int]) -> int:
    """How many items the filter shows: the sum of ``counts`` (per status, read in the same
    session) where the filter narrows by status alone, as the default view and the status views
    do, so a page after a write counts once instead of twice; a count query otherwise."""
    if not items.by_status_only:
        return queries.count_items(session, items)
    return sum(n for status, n in counts.items() if items.statuses is None or status in items.statuses)


def _row(row: Any, fkgl: float | None) -> QueueRow:
    return QueueRow(
        item_id=row.id,
        title=row.title,
        journal=row.journal,
        published=row.published,
        categories=[str(c) for c in row.categories or []],
        status=row.status,
        priority=row.priority,
        readability=fkgl,
        flag_count=row.flag_count,
        gate_failed=row.gate_failed,
        gate_errors=row.gate_errors,
        assignee=row.assignee,
        lock_until=row.lock_until,
        out_of_scope=_out_of_scope(row.scope),
    )


def _out_of_scope(scope: Any) -> str | None:
    """The scope fact's reason when enrich found the article is not health research."""
    scope = scope if isinstance(scope, dict) else {}
    if scope.get("value") != "out of scope":
        return None
    return str((scope.get("detail") or {}).get("reason") or "not health or biomedical research")
