"""The review queue: filter, search and paginate review items with bound SQL parameters only."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from pipeline.store import models
from pipeline.store.models import STATUSES

PAGE_SIZE = 50
# Names under which the scorer may store Flesch-Kincaid grade; the first match wins.
READABILITY_METRICS = ("fkgl", "flesch_kincaid_grade")


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = None
    q: str = ""
    page: int = 1

    @classmethod
    def parse(cls, status: str | None, q: str | None, page: int | None) -> QueueFilter:
        """Unknown statuses mean "all"; the search is trimmed and capped; pages start at 1."""
        clean_status = status if status in STATUSES else None
        return cls(clean_status, (q or "").strip()[:200], max(1, page or 1))


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


@dataclass
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int
    filter: QueueFilter
    status_counts: dict[str, int] = field(default_factory=dict)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (``\\`` is the escape character)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(stmt: Select, flt: QueueFilter) -> Select:  # type: ignore[type-arg]
    if flt.status:
        stmt = stmt.where(models.ReviewItem.status == flt.status)
    if flt.q:
        stmt = stmt.where(models.Article.title.ilike(like_pattern(flt.q), escape="\\"))
    return stmt


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


def status_counts(session: Session) -> dict[str, int]:
    stmt = select(models.ReviewItem.status, func.count()).group_by(models.ReviewItem.status)
    counts = {status: 0 for status in STATUSES}
    counts.update({status: n for status, n in session.execute(stmt)})
    return counts


def queue_page(session: Session, flt: QueueFilter) -> QueuePage:
    """One page of the queue, sorted by priority (highest first) then id."""
    base = (
        select(models.ReviewItem, models.Article, models.Draft)
        .join(models.Article, models.ReviewItem.article_id == models.Article.id)
        .join(models.Draft, models.ReviewItem.draft_id == models.Draft.id)
    )
    count_stmt = _filtered(
        select(func.count(models.ReviewItem.id)).join(
            models.Article, models.ReviewItem.article_id == models.Article.id
        ),
        flt,
    )
    total = session.scalar(count_stmt) or 0
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(flt.page, pages)
    stmt = (
        _filtered(base, flt)
        .order_by(models.ReviewItem.priority.desc(), models.ReviewItem.id)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    triples = session.execute(stmt).all()
    fkgl = _readability(session, [draft.id for _, _, draft in triples])
    rows = [_row(item, article, draft, fkgl.get(draft.id)) for item, article, draft in triples]
    return QueuePage(rows, total, page, pages, flt, status_counts(session))


def _row(
    item: models.ReviewItem, article: models.Article, draft: models.Draft, fkgl: float | None
) -> QueueRow:
    categories = (draft.fields or {}).get("categories") or []
    return QueueRow(
        item_id=item.id,
        title=article.title,
        journal=article.journal,
        published=article.published,
        categories=[str(c) for c in categories],
        status=item.status,
        priority=item.priority,
        readability=fkgl,
        flag_count=item.flag_count,
        gate_failed=item.gate_failed,
    )
