"""Queries on the editor swaps learned from approved edits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.store import models as m


def learned_swaps(session: Session, *, newest_first: bool = False) -> list[m.LearnedSwap]:
    """Every learned swap, whatever its status, by id (newest first when asked)."""
    order = m.LearnedSwap.id.desc() if newest_first else m.LearnedSwap.id
    return list(session.scalars(select(m.LearnedSwap).order_by(order)))
