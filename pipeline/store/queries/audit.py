"""Queries on the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
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
