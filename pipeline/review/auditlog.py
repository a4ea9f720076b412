"""Audit views: the append-only event log, filtered by actor / action / item, and as CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pipeline.store import models
from pipeline.store.db import Session
from pipeline.store.queries.audit import count_events, event_actions, event_actors, events

AUDIT_PAGE_SIZE = 100
CSV_HEADER = ["id", "at", "actor", "action", "item_id", "article_id", "before", "after"]
# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    item_id: int | None = None
    page: int = 1

    def params(self, **changes: Any) -> dict[str, str]:
        values = {"actor": self.actor, "action": self.action, "item_id": self.item_id, "page": self.page}
        values.update(changes)
        return {k: str(v) for k, v in values.items() if v and not (k == "page" and v == 1)}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    item_id: int | None
    article_id: int | None
    before: str
    after: str


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _row(ev: models.AuditEvent) -> AuditRow:
    return AuditRow(
        ev.id, ev.at, ev.actor, ev.action, ev.item_id, ev.article_id, _json(ev.before), _json(ev.after)
    )


def audit_page(session: Session, flt: AuditFilter) -> tuple[list[AuditRow], int]:
    """One page of events, newest first, and the number of matching events."""
    total = count_events(session, actor=flt.actor, action=flt.action, item_id=flt.item_id)
    page = events(
        session,
        actor=flt.actor,
        action=flt.action,
        item_id=flt.item_id,
        newest_first=True,
        limit=AUDIT_PAGE_SIZE,
        offset=(max(flt.page, 1) - 1) * AUDIT_PAGE_SIZE,
    )
    return [_row(ev) for ev in page], total


def audit_choices(session: Session) -> tuple[list[str], list[str]]:
    """The actors and actions that occur in the log, for the filter pickers."""
    return event_actors(session), event_actions(session)


def all_rows(session: Session, flt: AuditFilter) -> list[list[object]]:
    return [
        [
            r.id,
            r.at.isoformat(timespec="seconds"),
            r.actor,
            r.action,
            r.item_id or "",
            r.article_id or "",
            r.before,
            r.after,
        ]
        for r in map(_row, events(session, actor=flt.actor, action=flt.action, item_id=flt.item_id))
    ]


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(header: list[str], rows: Iterable[list[object]]) -> Iterator[str]:
    """CSV lines (header first), formula-safe."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
        if buf.tell() > 64_000:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()
