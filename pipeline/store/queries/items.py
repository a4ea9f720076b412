"""Queries on review items, for the stages (the queue page's own queries are in queries/queue.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session, aliased, selectinload

from pipeline.store import models as m


def items_by_ids(session: Session, ids: Sequence[int]) -> list[m.ReviewItem]:
    """The review items ``ids`` that exist."""
    return list(session.scalars(select(m.ReviewItem).where(m.ReviewItem.id.in_(list(ids)))))


def queue_candidates(session: Session) -> list[tuple[m.Article, int]]:
    """(article, id of its newest model draft) for each article the queue stage has something
    to do for, by article id: no item yet, a newer model draft for a 'new' item, or a
    retraction to apply. A rerun with nothing new reads no article."""
    latest = (
        select(m.Draft.article_id, func.max(m.Draft.id).label("draft_id"))
        .where(m.Draft.author.is_(None))
        .group_by(m.Draft.article_id)
        .subquery()
    )
    existing = aliased(m.ReviewItem)
    rows = session.execute(
        select(m.Article, latest.c.draft_id)
        .join(latest, latest.c.article_id == m.Article.id)
        .outerjoin(existing, existing.article_id == m.Article.id)
        .where(
            or_(
                existing.id.is_(None),
                and_(m.Article.retracted.is_(True), existing.status != "retracted"),
                and_(
                    m.Article.retracted.is_(False),
                    existing.status == "new",
                    existing.draft_id != latest.c.draft_id,
                ),
            )
        )
        .order_by(m.Article.id)
        .options(selectinload(m.Article.review_item), selectinload(m.Article.facts))  # the stage reads both
    ).all()
    return [(a, d) for a, d in rows]


def _with_article_and_draft(q: Any) -> Any:
    return q.options(selectinload(m.ReviewItem.article), selectinload(m.ReviewItem.draft))


def published_items(session: Session) -> list[m.ReviewItem]:
    """Published items (article and draft loaded), newest publication first."""
    return list(
        session.scalars(
            _with_article_and_draft(select(m.ReviewItem).where(m.ReviewItem.status == "published")).order_by(
                m.ReviewItem.published_at.desc(), m.ReviewItem.id.desc()
            )
        )
    )


def items_not_in(session: Session, statuses: Iterable[str]) -> list[m.ReviewItem]:
    """Items in none of ``statuses`` (article and draft loaded), highest priority first."""
    return list(
        session.scalars(
            _with_article_and_draft(
                select(m.ReviewItem).where(m.ReviewItem.status.not_in(sorted(statuses)))
            ).order_by(m.ReviewItem.priority.desc(), m.ReviewItem.id)
        )
    )


def items_in(session: Session, statuses: Iterable[str]) -> list[m.ReviewItem]:
    """Items in one of ``statuses`` (article and draft loaded), by id."""
    return list(
        session.scalars(
            _with_article_and_draft(
                select(m.ReviewItem).where(m.ReviewItem.status.in_(list(statuses)))
            ).order_by(m.ReviewItem.id)
        )
    )


def items_with_drafts(session: Session) -> list[m.ReviewItem]:
    """Every item, by id, with its draft and all of its article's drafts loaded."""
    return list(
        session.scalars(
            select(m.ReviewItem)
            .options(
                selectinload(m.ReviewItem.article).selectinload(m.Article.drafts),
                selectinload(m.ReviewItem.draft),
            )
            .order_by(m.ReviewItem.id)
        )
    )


def gate_rows(
    session: Session, draft_ids: Sequence[int]
) -> list[tuple[int, int, bool, int, int | None, float | None]]:
    """(item id, draft id, gate failed, flag count, gate errors, article relevance or None) of the
    items showing one of ``draft_ids``."""
    rows = session.execute(
        select(
            m.ReviewItem.id,
            m.ReviewItem.draft_id,
            m.ReviewItem.gate_failed,
            m.ReviewItem.flag_count,
            m.ReviewItem.gate_errors,
            m.ArticleFacts.relevance,
        )
        .join(m.ArticleFacts, m.ArticleFacts.article_id == m.ReviewItem.article_id, isouter=True)
        .where(m.ReviewItem.draft_id.in_(list(draft_ids)))
    ).all()
    return [(i, d, g, f, e, r) for i, d, g, f, e, r in rows]


def set_gate_columns(
    session: Session, item_id: int, *, failed: bool, flag_count: int, priority: float, errors: int = 0
) -> None:
    """Write an item's derived gate columns in place; ``row_version`` stays as it is (they are
    derived, so an editor with the item open is not told someone else changed it)."""
    session.execute(
        update(m.ReviewItem)
        .where(m.ReviewItem.id == item_id)
        .values(gate_failed=failed, flag_count=flag_count, priority=priority, gate_errors=errors)
    )


def status_counts(session: Session) -> dict[str, int]:
    """Status -> how many items have it (statuses no item has are absent)."""
    return {
        status: n
        for status, n in session.execute(
            select(m.ReviewItem.status, func.count()).group_by(m.ReviewItem.status)
        )
    }


def open_items(
    session: Session, statuses: Iterable[str], *, besides: int | None = None
) -> list[m.ReviewItem]:
    """Items in one of ``statuses`` (other than item ``besides``), in queue order: highest
    priority first, then by id."""
    r = m.ReviewItem
    q = select(r).where(r.status.in_(sorted(statuses)))
    if besides is not None:
        q = q.where(r.id != besides)
    return list(session.scalars(q.order_by(r.priority.desc(), r.id)))


def item_of_article(session: Session, article_id: int) -> m.ReviewItem | None:
    """The article's review item, if it has one."""
    return session.scalars(select(m.ReviewItem).where(m.ReviewItem.article_id == article_id)).first()
