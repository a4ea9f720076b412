"""The review queue: filter, search, sort and paginate review items with bound SQL parameters only.

The default view shows the open statuses (new, in review, changes requested, approved);
``status=all`` shows every item. The default order (priority, then id) and the status filter are
served by the indexes ``ix_review_queue_order`` and ``ix_review_status_queue_order``; pages are
LIMIT/OFFSET.
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, Text, cast, func, select
from sqlalchemy.orm import Session

from pipeline.review.workflow import OPEN_STATUSES
from pipeline.store import models
from pipeline.store.models import STATUSES
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
FLAG_FILTERS = {"gate_failed": "Quality gate failed", "flagged": "Has flags", "clean": "No flags"}


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

    @property
    def locked(self) -> bool:
        return bool(self.assignee and self.lock_until and self.lock_until > models.utcnow())


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


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (``\\`` is the escape character)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: Any, text: str) -> Any:
    return column.ilike(like_pattern(text), escape="\\")


def _needs_article(flt: QueueFilter) -> bool:
    return bool(flt.q or flt.journal or flt.date_from or flt.date_to)


def _filtered(stmt: Select, flt: QueueFilter, me: str | None = None) -> Select:  # type: ignore[type-arg]
    r, a = models.ReviewItem, models.Article
    if flt.status == OPEN:
        stmt = stmt.where(r.status.in_(sorted(OPEN_STATUSES)))
    elif flt.status != ALL:
        stmt = stmt.where(r.status == flt.status)
    if flt.q:
        stmt = stmt.where(_contains(a.title, flt.q) | _contains(a.doi, flt.q))
    if flt.journal:
        stmt = stmt.where(_contains(a.journal, flt.journal))
    if flt.date_from:
        stmt = stmt.where(a.published >= flt.date_from)
    if flt.date_to:
        stmt = stmt.where(a.published <= flt.date_to)
    if flt.category:
        # Categories live in the draft's JSON: match the JSON string of the name, quotes included.
        stmt = stmt.where(_contains(cast(models.Draft.fields, Text), json.dumps(flt.category)))
    if flt.flags == "gate_failed":
        stmt = stmt.where(r.gate_failed.is_(True))
    elif flt.flags == "flagged":
        stmt = stmt.where(r.flag_count > 0)
    elif flt.flags == "clean":
        stmt = stmt.where(r.flag_count == 0)
    if flt.assignee == "unassigned":
        stmt = stmt.where(r.assignee.is_(None))
    elif flt.assignee:
        stmt = stmt.where(r.assignee == (me if flt.assignee == "me" else flt.assignee))
    return stmt


def _ordered(stmt: Select, flt: QueueFilter) -> Select:  # type: ignore[type-arg]
    r = models.ReviewItem
    if flt.sort == "relevance":  # the page's query has the facts joined (for the scope fact)
        return stmt.order_by(func.coalesce(models.ArticleFacts.relevance, 0.0).desc(), r.id)
    if flt.sort == "age":
        return stmt.order_by(r.created_at, r.id)
    if flt.sort == "flags":
        return stmt.order_by(r.gate_failed.desc(), r.flag_count.desc(), r.priority.desc(), r.id)
    return stmt.order_by(r.priority.desc(), r.id)


def _count(session: Session, flt: QueueFilter, me: str | None) -> int:
    r = models.ReviewItem
    stmt = select(func.count(r.id)).select_from(r)
    if _needs_article(flt):
        stmt = stmt.join(models.Article, r.article_id == models.Article.id)
    if flt.category:
        stmt = stmt.join(models.Draft, r.draft_id == models.Draft.id)
    return session.scalar(_filtered(stmt, flt, me)) or 0


def _readability(session: Session, draft_ids: list[int]) -> dict[int, float | None]:
    """Simple Explanation FKGL per draft (latest stored row of the first known metric name)."""
    if not draft_ids:
        return {}
    stmt = (
        select(models.Score.draft_id, models.Score.metric, models.Score.value)
        .where(models.Score.draft_id.in_(draft_ids))
        .where(models.Score.field == "simple_explanation")
        .where(models.Score.metric.in_(READABILITY_METRICS))
        .order_by(models.Score.id)
    )
    found: dict[int, dict[str, float | None]] = {}
    for draft_id, metric, value in session.execute(stmt):
        found.setdefault(draft_id, {})[metric] = value
    return {d: next((vals[m] for m in READABILITY_METRICS if m in vals), None) for d, vals in found.items()}


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
    stmt = select(models.ReviewItem.status, func.count()).group_by(models.ReviewItem.status)
    counts = {status: 0 for status in STATUSES}
    counts.update({status: n for status, n in session.execute(stmt)})
    return counts


def inbox_count(session: Session, name: str) -> int:
    """Items sent back to ``name`` with "request changes" and not yet resumed (the header's inbox)."""
    r = models.ReviewItem
    stmt = select(func.count(r.id)).where(r.assignee == name).where(r.status == "changes_requested")
    return session.scalar(stmt) or 0


def done_today(session: Session, now: datetime | None = None) -> int:
    """Items approved, published or rejected since midnight UTC (each item once)."""
    start = datetime.combine((now or models.utcnow()).date(), time())
    a = models.AuditEvent
    stmt = (
        select(func.count(func.distinct(a.item_id)))
        .where(a.at >= start)
        .where(a.action.in_(DONE_ACTIONS))
        .where(a.item_id.is_not(None))
    )
    return session.scalar(stmt) or 0


def queue_page(
    session: Session, flt: QueueFilter, me: str | None = None, stamp: str | None = None
) -> QueuePage:
    """One page of the queue in the filter's order (priority first by default).

    With ``stamp`` (:func:`queue_stamp` read in the same session), the counts (filtered total,
    per status, done today) are taken from the cache when the queue has not changed since."""
    if stamp is None:
        total = _count(session, flt, me)
        counts, done = status_counts(session), done_today(session)
    else:
        filter_key = json.dumps(flt.params(page=None), sort_keys=True)
        total = _cached(("total", stamp, filter_key, me or ""), lambda: _count(session, flt, me))
        counts = _cached(("status", stamp), lambda: status_counts(session))
        done = _cached(("done", stamp), lambda: done_today(session))
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(flt.page, pages)
    r, a, d = models.ReviewItem, models.Article, models.Draft
    # Only what a row shows: not the article's sections and lists, nor the draft's other fields,
    # and the scope fact joined in (one query, not a facts look-up per row).
    base = (
        select(
            r.id,
            r.status,
            r.priority,
            r.flag_count,
            r.gate_failed,
            r.assignee,
            r.lock_until,
            r.draft_id,
            a.title,
            a.journal,
            a.published,
            d.fields["categories"].label("categories"),
            models.ArticleFacts.data["scope"].label("scope"),
        )
        .join(a, r.article_id == a.id)
        .join(d, r.draft_id == d.id)
        .outerjoin(models.ArticleFacts, models.ArticleFacts.article_id == r.article_id)
    )
    offset = (page - 1) * PAGE_SIZE
    if _needs_article(flt) or flt.category or flt.sort == "relevance":
        stmt = _ordered(_filtered(base, flt, me), flt).limit(PAGE_SIZE).offset(offset)
    else:
        # The page's ids from the review items alone (an index scan), then their rows: the items
        # skipped by the offset of a later page are never joined to their article and draft.
        # The same rows as joining first: every item has an article and a draft (NOT NULL keys).
        ids = _ordered(_filtered(select(r.id), flt, me), flt).limit(PAGE_SIZE).offset(offset)
        stmt = _ordered(base.where(r.id.in_(ids.scalar_subquery())), flt)
    found = session.execute(stmt).all()
    fkgl = _readability(session, [row.draft_id for row in found])
    rows = [_row(row, fkgl.get(row.draft_id)) for row in found]
    return QueuePage(rows, total, page, pages, flt, dict(counts), done)


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
