"""Queries on score rows (including the score stage's marker rows)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from pipeline.store import models as m


def insert_scores(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Store score rows (dicts of Score's columns) with one ORM bulk INSERT: the same rows, in
    the same order and with the same NULLs (a key left out is SQL NULL, a JSON column given None
    holds JSON null) as adding a Score object each, without building and flushing an ORM object
    per row (about 75 per draft: a quarter of the score stage's CPU, round 14)."""
    if rows:
        session.execute(insert(m.Score), list(rows))


def _has_marker(draft_id: Any, metric: str, version: str) -> Any:
    """SQL condition: the draft has the marker row ``metric`` of version ``version``."""
    return (
        select(m.Score.id)
        .where(m.Score.draft_id == draft_id, m.Score.metric == metric, m.Score.metric_version == version)
        .exists()
    )


def has_marker(session: Session, draft_id: int, metric: str, version: str) -> bool:
    """Whether the draft has the marker row ``metric`` of version ``version``."""
    return bool(session.scalar(select(_has_marker(draft_id, metric, version))))


def drafts_without_marker(
    session: Session, metric: str, version: str, ids: Sequence[int] | None = None
) -> list[int]:
    """Ids of the drafts (of ``ids`` when given) without the marker row ``metric`` of version
    ``version``, by id."""
    q = select(m.Draft.id).where(~_has_marker(m.Draft.id, metric, version))
    if ids is not None:
        q = q.where(m.Draft.id.in_(list(ids)))
    return list(session.scalars(q.order_by(m.Draft.id)))


def metric_versions(session: Session, draft_ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """The distinct (draft id, metric, metric version) of the score rows of ``draft_ids``."""
    rows = session.execute(
        select(m.Score.draft_id, m.Score.metric, m.Score.metric_version)
        .where(m.Score.draft_id.in_(list(draft_ids)))
        .distinct()
    )
    return [(d, n, v) for d, n, v in rows]


def scores_of_drafts(session: Session, draft_ids: Iterable[int]) -> dict[int, list[m.Score]]:
    """Every score row of each of ``draft_ids`` (as :func:`draft_scores`), in one query; a draft
    without rows maps to an empty list."""
    ids = list(dict.fromkeys(draft_ids))
    out: dict[int, list[m.Score]] = {i: [] for i in ids}
    if ids:
        for row in session.scalars(select(m.Score).where(m.Score.draft_id.in_(ids))):
            out[row.draft_id].append(row)
    return out


def draft_scores(session: Session, draft_id: int) -> list[m.Score]:
    """Every score row of the draft (all metric versions, marker rows included)."""
    return list(session.scalars(select(m.Score).where(m.Score.draft_id == draft_id)))
