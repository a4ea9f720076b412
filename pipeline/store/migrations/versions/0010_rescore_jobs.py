"""Rescoring jobs: the queue of saved draft versions waiting for their scores.

A save in the review app stores the new version and, in the same transaction, a row here; the
rescoring worker process (``plainsci serve`` starts it beside the server, ``plainsci
rescore-worker`` runs one alone) claims rows oldest first, runs the score stage on the version
and deletes the row, or keeps it as ``failed`` with the reason. A row is never lost: one claimed
by a worker that died is claimed again (pipeline/review/rescore.py). No queue-version triggers:
the queue page does not show this table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 22:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rescore_jobs",
        sa.Column("draft_id", sa.Integer(), sa.ForeignKey("drafts.id"), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("claimed_by", sa.String(200), nullable=True),
    )
    op.create_index("ix_rescore_jobs_state_submitted", "rescore_jobs", ["state", "submitted_at"])


def downgrade() -> None:
    op.drop_index("ix_rescore_jobs_state_submitted", table_name="rescore_jobs")
    op.drop_table("rescore_jobs")
