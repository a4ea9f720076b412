"""Crossref funders and relations on articles.

Two nullable JSON columns, so SQLite adds them without a table rebuild (the audit_events
triggers of 0001 stay). NULL means Crossref has not been asked yet.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 03:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("funders", sa.JSON(), nullable=True))
    op.add_column("articles", sa.Column("relations", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("relations")
        batch.drop_column("funders")
