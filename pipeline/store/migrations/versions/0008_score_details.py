"""Score details: what a metric worked out beside its value, stored with the score.

The sentence-support metric stores each draft sentence's best abstract sentence here, so the
draft page reads the alignment instead of computing it on every view. One nullable JSON column,
so SQLite adds it without a table rebuild; NULL for older rows (the page computes those).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("scores", sa.Column("details", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scores") as batch:
        batch.drop_column("details")
