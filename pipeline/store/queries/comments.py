"""Queries on editors' comments."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.store import models as m


def item_comments(session: Session, item_id: int) -> list[tuple[m.Comment, int | None]]:
    """(comment, version of the draft it was made on, None when not on a draft) of every comment
    on the item, oldest first."""
    rows = session.execute(
        select(m.Comment, m.Draft.version)
        .outerjoin(m.Draft, m.Comment.draft_id == m.Draft.id)
        .where(m.Comment.item_id == item_id)
        .order_by(m.Comment.id)
    )
    return [(c, v) for c, v in rows]
