"""Queries on the rescoring jobs (``rescore_jobs``, migration 0010): the queue a save writes in
its own transaction and the rescoring worker claims from (pipeline.review.rescore)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.store import models
from pipeline.store.db import Store

PENDING_STATE, RUNNING_STATE, FAILED_STATE = "pending", "running", "failed"
LEASE = timedelta(minutes=10)  # a claim older than this is taken again (its worker hung or died elsewhere)


def enqueue(session: Session, draft_id: int) -> bool:
    """Add ``draft_id``'s job in ``session`` (committed with it); a failed one is queued again.
    False when it is already queued or being scored."""
    job = session.get(models.RescoreJob, draft_id)
    if job is None:
        session.add(
            models.RescoreJob(
                draft_id=draft_id, state=PENDING_STATE, attempts=0, submitted_at=models.utcnow()
            )
        )
        return True
    if job.state != FAILED_STATE:
        return False
    job.state, job.error, job.submitted_at = PENDING_STATE, None, models.utcnow()
    job.claimed_at = job.claimed_by = None
    return True


def unfinished(store: Store) -> int:
    """Jobs queued or being scored."""
    j = models.RescoreJob
    with store.session() as s:
        return int(s.scalar(select(func.count()).where(j.state.in_((PENDING_STATE, RUNNING_STATE)))) or 0)


def claim(store: Store, worker: str, now: datetime | None = None) -> int | None:
    """Take the oldest job nobody holds (pending, or claimed longer than :data:`LEASE` ago) for
    ``worker``; its draft id, or None when there is none. Two workers never take the same job: the
    update only succeeds on the row as it was read (PostgreSQL re-reads it under the row lock,
    SQLite has one writer)."""
    j = models.RescoreJob
    for _ in range(5):
        now = now or models.utcnow()
        stale = and_(j.state == RUNNING_STATE, j.claimed_at < now - LEASE)
        with store.session() as s:
            row = s.execute(
                select(j.draft_id, j.state, j.claimed_at)
                .where(or_(j.state == PENDING_STATE, stale))
                .order_by(j.submitted_at, j.draft_id)
                .limit(1)
            ).first()
            if row is None:
                return None
            same_claim = j.claimed_at.is_(None) if row.claimed_at is None else j.claimed_at == row.claimed_at
            taken = s.execute(
                update(j)
                .where(j.draft_id == row.draft_id, j.state == row.state, same_claim)
                .values(state=RUNNING_STATE, claimed_at=now, claimed_by=worker, attempts=j.attempts + 1)
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                return int(row.draft_id)
        now = None  # another worker took it: look again
    return None


def finish(store: Store, draft_id: int, worker: str, error: str | None) -> None:
    """Done: the job goes (scored) or stays as failed with ``error``; only ``worker``'s claim."""
    j = models.RescoreJob
    mine = and_(j.draft_id == draft_id, j.claimed_by == worker, j.state == RUNNING_STATE)
    with store.session() as s:
        if error is None:
            s.execute(delete(j).where(mine))
        else:
            s.execute(update(j).where(mine).values(state=FAILED_STATE, error=error[:2000]))


def enqueue_now(store: Store, draft_id: int) -> bool:
    """:func:`enqueue` in its own transaction; False when it was queued already, also by another
    request between our read and our write (the primary key refuses the second row)."""
    try:
        with store.session() as s:
            return enqueue(s, draft_id)
    except IntegrityError:
        return False


def running_claims(store: Store) -> list[tuple[int, str | None]]:
    """(draft id, worker) of every job being scored."""
    j = models.RescoreJob
    with store.session() as s:
        return [
            (int(d), h)
            for d, h in s.execute(select(j.draft_id, j.claimed_by).where(j.state == RUNNING_STATE))
        ]


def release(store: Store, draft_id: int, holder: str | None) -> bool:
    """Queue ``draft_id``'s job again if ``holder`` still holds it; whether it did."""
    j = models.RescoreJob
    with store.session() as s:
        done = s.execute(
            update(j)
            .where(j.draft_id == draft_id, j.claimed_by == holder, j.state == RUNNING_STATE)
            .values(state=PENDING_STATE, claimed_at=None, claimed_by=None)
        )
        return bool(done.rowcount)  # type: ignore[attr-defined]


def job_state(session: Session, draft_id: int) -> tuple[str, str | None] | None:
    """(state, error) of ``draft_id``'s job, None when it has none."""
    row = session.execute(
        select(models.RescoreJob.state, models.RescoreJob.error).where(models.RescoreJob.draft_id == draft_id)
    ).first()
    return None if row is None else (str(row.state), row.error)
