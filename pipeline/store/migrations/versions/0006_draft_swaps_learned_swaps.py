"""Word swaps on drafts, and swaps learnt from editors' approved edits.

``drafts.swaps`` is a nullable JSON column, so SQLite adds it without a table rebuild (the
audit_events triggers of 0001 stay); NULL means the draft predates swap recording or is an
editor's version. ``learned_swaps`` holds proposed, accepted and rejected editor swaps.

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-30 02:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("drafts", sa.Column("swaps", sa.JSON(), nullable=True))
    op.create_table(
        "learned_swaps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("term", sa.String(200), nullable=False),
        sa.Column("plain", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("approvals", sa.Integer(), nullable=False),
        sa.Column("editors", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("decided_by", sa.String(128), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("term", "plain", name="uq_learned_swap"),
    )
    op.create_index("ix_learned_swaps_status", "learned_swaps", ["status"])


def downgrade() -> None:
    op.drop_index("ix_learned_swaps_status", table_name="learned_swaps")
    op.drop_table("learned_swaps")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("swaps")
