"""Per-field "reviewed" ticks on review items.

One nullable JSON column, so SQLite adds it without a table rebuild (the audit_events triggers
of 0001 stay). ``{field: {"by": name, "sha": hash of the field's text, "at": iso time}}``; a
tick counts only while the field's current text has that hash. NULL: nothing ticked yet.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 01:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("review_items", sa.Column("reviewed", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review_items") as batch:
        batch.drop_column("reviewed")
