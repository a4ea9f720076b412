"""Review items queued before migration 0012 get their gate's error count.

0012 added ``review_items.gate_errors`` (how many of the gate's reasons are errors, not grade
limits) as NULL on older rows, so an item queued before it matched neither the queue's "Gate: has
errors" nor its "Gate: only over a grade limit" filter until a rescoring refreshed it (round 27
left them; round 28, issue 16 item 2). This fills it in from what is stored, by the built-in
gates' rule (``pipeline.score.builtin_gates``, which this store-layer script may not import): a
draft's errors are its current score rows (the newest row per field and metric, the "*" marker
row left out: ``repo.current_scores``) with at least one flag of severity "error", one reason per
row (``error_gate``); an item whose gate passed has none, and none when the settings the store is
opened with turn ``gate_fail_on_errors`` off. Reasons of a gate a site registers itself are
counted at the item's next rescoring (``pipeline.score.gates.refresh_gates``), as before.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 13:00:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

MARKER_FIELD = "*"  # repo.SCORE_MARKER_FIELD: the row saying a draft was scored, no metric's
LEGACY_SEVERITY = {"info": "note"}  # pipeline.score.base._LEGACY_SEVERITY

items = sa.table(
    "review_items",
    sa.column("id", sa.Integer),
    sa.column("draft_id", sa.Integer),
    sa.column("gate_failed", sa.Boolean),
    sa.column("gate_errors", sa.Integer),
)
scores = sa.table(
    "scores",
    sa.column("id", sa.Integer),
    sa.column("draft_id", sa.Integer),
    sa.column("field", sa.String),
    sa.column("metric", sa.String),
    sa.column("flags", sa.JSON),
)


def _is_error(flag: Any) -> bool:
    """pipeline.score.base.severity_of(flag) == "error", on a stored flag."""
    raw = str((flag.get("severity") if isinstance(flag, dict) else None) or "").lower()
    return LEGACY_SEVERITY.get(raw, raw) == "error"


def _flags(value: Any) -> list[Any]:
    if isinstance(value, str):  # a JSON column read back as text by a bare connection
        value = json.loads(value or "[]")
    return list(value or [])


def upgrade() -> None:
    conn = op.get_bind()
    config = op.get_context().config
    settings = config.attributes.get("settings") if config is not None else None
    fail_on_errors = bool(getattr(settings, "gate_fail_on_errors", True))
    todo = conn.execute(
        sa.select(items.c.id, items.c.draft_id, items.c.gate_failed).where(items.c.gate_errors.is_(None))
    ).all()
    if not todo:
        return
    failing = {draft_id for _, draft_id, failed in todo if failed and fail_on_errors}
    newest: dict[tuple[int, str, str], tuple[int, list[Any]]] = {}
    if failing:
        rows = conn.execute(
            sa.select(scores.c.id, scores.c.draft_id, scores.c.field, scores.c.metric, scores.c.flags).where(
                scores.c.draft_id.in_(sorted(failing))
            )
        )
        for score_id, draft_id, field, metric, flags in rows:
            if field == MARKER_FIELD:
                continue
            key = (draft_id, field, metric)
            if key not in newest or score_id > newest[key][0]:
                newest[key] = (score_id, _flags(flags))
    errors: dict[int, int] = {}
    for (draft_id, _, _), (_, flags) in newest.items():
        errors[draft_id] = errors.get(draft_id, 0) + int(any(_is_error(f) for f in flags))
    for item_id, draft_id, failed in todo:
        conn.execute(
            sa.update(items)
            .where(items.c.id == item_id)
            .values(gate_errors=errors.get(draft_id, 0) if failed and fail_on_errors else 0)
        )


def downgrade() -> None:
    """Nothing to undo that 0012's downgrade does not: the counts are derived."""
