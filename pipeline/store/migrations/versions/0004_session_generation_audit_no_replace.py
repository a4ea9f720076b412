"""Sessions that end, and an audit log that INSERT OR REPLACE cannot rewrite.

``users.session_gen``: a counter kept in every session cookie and checked on every request;
signing out, a password change and disabling or enabling an account raise it, so every cookie
issued before stops working. A new NOT NULL column with a server default, so SQLite adds it
without a table rebuild.

``audit_events_no_replace`` (SQLite): ``INSERT OR REPLACE`` / ``REPLACE INTO`` deletes the old
row without firing DELETE triggers (unless recursive_triggers is on), so the UPDATE and DELETE
triggers of 0001 did not stop a rewrite. A BEFORE INSERT trigger refuses any insert whose id
already exists, whatever its conflict clause. PostgreSQL needs nothing new: ``ON CONFLICT DO
UPDATE`` fires the BEFORE UPDATE trigger of 0001, and it has no REPLACE.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 01:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("session_gen", sa.Integer(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events "
            "WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id) "
            "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_replace")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_gen")
