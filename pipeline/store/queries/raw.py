"""Queries on archived raw records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.store import models as m


def raw_record_ids(session: Session, source: str | None = None) -> list[tuple[int, str]]:
    """(id, source) of every archived record (of ``source`` when given), by id."""
    q = select(m.RawRecord.id, m.RawRecord.source).order_by(m.RawRecord.id)
    if source:
        q = q.where(m.RawRecord.source == source)
    return [(i, s) for i, s in session.execute(q)]


def requests_since(session: Session, source: str, since: datetime) -> list[str]:
    """The requests of ``source``'s records fetched at or after ``since``."""
    return list(
        session.scalars(
            select(m.RawRecord.request).where(m.RawRecord.source == source, m.RawRecord.fetched_at >= since)
        )
    )
