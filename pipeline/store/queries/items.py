"""Queries on review items, for the stages (the queue page's own queries are review/queue.py's)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

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
    ).all()
    return [(a, d) for a, d in rows]
