"""The review queue's reads: filter, search, sort and page review items, bound SQL parameters only.

The review app's :mod:`pipeline.review.queue` turns the page's URL into an :class:`ItemFilter`
and calls these. The default order (priority, then id) and the status filter are served by the
indexes ``ix_review_queue_order`` and ``ix_review_status_queue_order``; pages are LIMIT/OFFSET.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Select, Text, cast, func, select
from sqlalchemy.orm import Session

from pipeline.store import models

# The flag filters the queue offers (the review app labels them).
FLAGS = ("gate_failed", "gate_errors", "over_grade", "flagged", "clean")
# The orders the queue offers; anything else sorts by priority.
SORTS = ("priority", "relevance", "age", "flags")


@dataclass(frozen=True)
class ItemFilter:
    """Which review items a queue page shows. Empty values mean "no filter"."""

    statuses: tuple[str, ...] | None = None  # None: every status
    q: str = ""  # in the title or the DOI, matched literally anywhere
    journal: str = ""
    category: str = ""  # a category name in the draft's fields
    flags: str = ""  # one of FLAGS
    date_from: date | None = None
    date_to: date | None = None
    assignee: str = ""  # a user name
    unassigned: bool = False  # only items nobody holds
    sort: str = "priority"

    @property
    def needs_article(self) -> bool:
        return bool(self.q or self.journal or self.date_from or self.date_to)

    @property
    def by_status_only(self) -> bool:
        """Whether the filter narrows by status alone (or not at all): its total is then the sum
        of the per-status counts, with no count query of its own."""
        return not (self.needs_article or self.category or self.flags or self.assignee or self.unassigned)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (``\\`` is the escape character)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: Any, text: str) -> Any:
    return column.ilike(like_pattern(text), escape="\\")


def filtered(stmt: Select, flt: ItemFilter) -> Select:  # type: ignore[type-arg]
    """``stmt`` (over review items, with articles and drafts joined where the filter needs them)
    narrowed to the filter's items."""
    r, a = models.ReviewItem, models.Article
    if flt.statuses is not None:
        stmt = stmt.where(r.status.in_(sorted(flt.statuses)))
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
    elif flt.flags == "gate_errors":
        stmt = stmt.where(r.gate_errors > 0)
    elif flt.flags == "over_grade":  # failed with no error: only a grade limit (NULL: not yet known)
        stmt = stmt.where(r.gate_failed.is_(True)).where(r.gate_errors == 0)
    elif flt.flags == "flagged":
        stmt = stmt.where(r.flag_count > 0)
    elif flt.flags == "clean":
        stmt = stmt.where(r.flag_count == 0)
    if flt.unassigned:
        stmt = stmt.where(r.assignee.is_(None))
    elif flt.assignee:
        stmt = stmt.where(r.assignee == flt.assignee)
    return stmt


def ordered(stmt: Select, flt: ItemFilter) -> Select:  # type: ignore[type-arg]
    """``stmt`` in the filter's order (the ``relevance`` order needs the facts joined)."""
    r = models.ReviewItem
    if flt.sort == "relevance":
        return stmt.order_by(func.coalesce(models.ArticleFacts.relevance, 0.0).desc(), r.id)
    if flt.sort == "age":
        return stmt.order_by(r.created_at, r.id)
    if flt.sort == "flags":
        return stmt.order_by(r.gate_failed.desc(), r.flag_count.desc(), r.priority.desc(), r.id)
    return stmt.order_by(r.priority.desc(), r.id)


def count_items(session: Session, flt: ItemFilter) -> int:
    """How many review items the filter shows, over all pages."""
    r = models.ReviewItem
    stmt = select(func.count(r.id)).select_from(r)
    if flt.needs_article:
        stmt = stmt.join(models.Article, r.article_id == models.Article.id)
    if flt.category:
        stmt = stmt.join(models.Draft, r.draft_id == models.Draft.id)
    return session.scalar(filtered(stmt, flt)) or 0


def page_rows(session: Session, flt: ItemFilter, limit: int, offset: int) -> list[Row[Any]]:
    """The rows of one queue page: only what a row shows (not the article's sections, nor the
    draft's other fields), with the scope fact joined in (one query, not a look-up per row).
    Columns: id, status, priority, flag_count, gate_failed, gate_errors, assignee, lock_until, draft_id,
    title, journal, published, categories, scope."""
    r, a, d = models.ReviewItem, models.Article, models.Draft
    base = (
        select(
            r.id,
            r.status,
            r.priority,
            r.flag_count,
            r.gate_failed,
            r.gate_errors,
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
    if flt.needs_article or flt.category or flt.sort == "relevance":
        stmt = ordered(filtered(base, flt), flt).limit(limit).offset(offset)
    else:
        # The page's ids from the review items alone (an index scan), then their rows: the items
        # skipped by the offset of a later page are never joined to their article and draft.
        # The same rows as joining first: every item has an article and a draft (NOT NULL keys).
        ids = ordered(filtered(select(r.id), flt), flt).limit(limit).offset(offset)
        stmt = ordered(base.where(r.id.in_(ids.scalar_subquery())), flt)
    return list(session.execute(stmt).all())


def simple_explanation_grades(
    session: Session, draft_ids: Sequence[int], metrics: Sequence[str]
) -> dict[int, float | None]:
    """The simple explanation's grade per draft: the latest stored row of the first of
    ``metrics`` (the names a scorer may store Flesch-Kincaid grade under) the draft has."""
    if not draft_ids:
        return {}
    stmt = (
        select(models.Score.draft_id, models.Score.metric, models.Score.value)
        .where(models.Score.draft_id.in_(list(draft_ids)))
        .where(models.Score.field == "simple_explanation")
        .where(models.Score.metric.in_(list(metrics)))
        .order_by(models.Score.id)
    )
    found: dict[int, dict[str, float | None]] = {}
    for draft_id, metric, value in session.execute(stmt):
        found.setdefault(draft_id, {})[metric] = value
    return {d: next((vals[m] for m in metrics if m in vals), None) for d, vals in found.items()}


def inbox_count(session: Session, name: str) -> int:
    """Items sent back to ``name`` with "request changes" and not yet resumed."""
    r = models.ReviewItem
    stmt = select(func.count(r.id)).where(r.assignee == name).where(r.status == "changes_requested")
    return session.scalar(stmt) or 0


def items_done_since(session: Session, start: datetime, actions: Sequence[str]) -> int:
    """Items with one of the audit ``actions`` at or after ``start`` (each item once)."""
    a = models.AuditEvent
    stmt = (
        select(func.count(func.distinct(a.item_id)))
        .where(a.at >= start)
        .where(a.action.in_(list(actions)))
        .where(a.item_id.is_not(None))
    )
    return session.scalar(stmt) or 0
