"""Review items remember how many error reasons their draft's gate has.

A draft fails the gate on errors (a contradiction of the abstract) or on a field above its
grade limit; round 26 measured 95% of drafts failing, mostly on the key-findings grade limit
alone. The queue filters "has errors" apart from "only over a grade limit" with this column
(issue 16 item 2): ``gate_errors`` is the count of the gate's reasons other than grade limits,
written with ``gate_failed`` by the queue and score stages. One nullable column, so SQLite adds
it without a table rebuild; NULL on older rows until their gate is refreshed (a rescoring, or
``pipeline.score.gates.refresh_gates``), and the "only over a grade limit" filter leaves NULL out.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("review_items", sa.Column("gate_errors", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review_items") as batch:
        batch.drop_column("gate_errors")
