"""Quarantine rows of the draft stage remember the draft's cache key.

A draft that fails on its own input (the number check rejects it, the composer cannot read the
abstract) fails again on every nightly run with the same inputs. The draft stage stores the
article's id and the cache key it tried (abstract fingerprint + facts version + backend, model,
prompt or composer version and params) on the quarantine row; the next run skips an article
whose key is still the one that failed (counted as ``skipped_failed``) and tries again once the
key changes or with ``--retry-failed``. Two nullable columns, so SQLite adds them without a table
rebuild; NULL on older rows and on other stages' rows.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 14:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("quarantine", sa.Column("article_id", sa.Integer(), nullable=True))
    op.add_column("quarantine", sa.Column("cache_key", sa.String(64), nullable=True))
    op.create_index("ix_quarantine_stage_article", "quarantine", ["stage", "article_id"])


def downgrade() -> None:
    op.drop_index("ix_quarantine_stage_article", table_name="quarantine")
    with op.batch_alter_table("quarantine") as batch:
        batch.drop_column("cache_key")
        batch.drop_column("article_id")
