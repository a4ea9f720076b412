"""Queries on the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from pipeline.store import models as m


def latest_action_times(session: Session, action: str, item_ids: Sequence[int]) -> dict[int, datetime]:
    """Item id -> when ``action`` was last recorded for it, for the items of ``item_ids`` that have one."""
    if not item_ids:
        return {}
    stmt = (
        select(m.AuditEvent.item_id, func.max(m.AuditEvent.at))
        .where(m.AuditEvent.action == action, m.AuditEvent.item_id.in_(list(item_ids)))
        .group_by(m.AuditEvent.item_id)
    )
    return {item_id: at for item_id, at in session.execute(stmt) if item_id is not None and at}


def last_event_after(session: Session, item_id: int, action: str) -> Any:
    """The ``after`` of the item's newest ``action`` event (None when there is none)."""
    return session.scalars(
        select(m.AuditEvent.after)
        .where(m.AuditEvent.item_id == item_id, m.AuditEvent.action == action)
        .order_by(m.AuditEvent.id.desc())
        .limit(1)
    ).first()


def _filtered(stmt: Select[Any], actor: str, action: str, item_id: int | None) -> Select[Any]:
    """``stmt`` limited to the events of ``actor``, ``action`` and ``item_id`` (each when given)."""
    if actor:
        stmt = stmt.where(m.AuditEvent.actor == actor)
    if action:
        stmt = stmt.where(m.AuditEvent.action == action)
    if item_id is not None:
        stmt = stmt.where(m.AuditEvent.item_id == item_id)
    return stmt


def count_events(session: Session, *, actor: str = "", action: str = "", item_id: int | None = None) -> int:
    """How many events of ``actor``, ``action`` and ``item_id`` (each when given) there are."""
    return session.scalar(_filtered(select(func.count(m.AuditEvent.id)), actor, action, item_id)) or 0


def events(
    session: Session,
    *,
    actor: str = "",
    action: str = "",
    item_id: int | None = None,
    newest_first: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[m.AuditEvent]:
    """The events of ``actor``, ``action`` and ``item_id`` (each when given), by id (newest
    first when asked), ``limit`` of them from ``offset``."""
    order = m.AuditEvent.id.desc() if newest_first else m.AuditEvent.id
    stmt = _filtered(select(m.AuditEvent), actor, action, item_id).order_by(order)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return list(session.scalars(stmt))


def event_actors(session: Session) -> list[str]:
    """Every actor in the log, once each, sorted."""
    return list(session.scalars(select(m.AuditEvent.actor).distinct().order_by(m.AuditEvent.actor)))


def event_actions(session: Session) -> list[str]:
    """Every action in the log, once each, sorted."""
    return list(session.scalars(select(m.AuditEvent.action).distinct().order_by(m.AuditEvent.action)))
