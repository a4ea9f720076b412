"""A change counter for the review queue: one row that every write to what the queue shows bumps.

The queue page's validator (ETag) and its caches were keyed on a "stamp" query that read every
review item (count, sum of row versions, latest update, live locks) plus the largest ids of
drafts, scores and audit events: 3.3 ms of each request at 10,000 items. ``queue_version.n`` is
one row the page reads instead. Triggers bump it on every INSERT, UPDATE and DELETE of the
tables the page shows (review items, drafts, scores, audit events, articles, facts), from any
process and any code path (ORM, bulk UPDATE, raw SQL). ``epoch`` is a random name given to this
database when the table is made, so caches keyed on (epoch, n) never mix two databases whose
counters happen to be equal (tests, a second store in one process).

SQLite: row triggers (SQLite has no other kind); one writer at a time, so the row is never
contended. PostgreSQL: deferred constraint triggers that bump the row once per transaction, at
commit (a transaction-local setting remembers that it did), so concurrent writers (Dask workers
of the nightly flow) hold the counter's row lock only while committing, never across their work.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 16:30:00
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("review_items", "drafts", "scores", "audit_events", "articles", "facts")
OPS = ("insert", "update", "delete")

PG_FUNCTION = """
CREATE FUNCTION plainsci_bump_queue_version() RETURNS trigger AS $$
BEGIN
    IF current_setting('plainsci.queue_bumped', true) IS DISTINCT FROM 'on' THEN
        UPDATE queue_version SET n = n + 1 WHERE id = 1;
        PERFORM set_config('plainsci.queue_bumped', 'on', true);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table(
        "queue_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("epoch", sa.String(32), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
    )
    # The stamp reads the live locks' expiry times once per counter value: an index, not a scan.
    op.create_index("ix_review_lock_until", "review_items", ["lock_until"])
    op.execute(f"INSERT INTO queue_version (id, epoch, n) VALUES (1, '{uuid.uuid4().hex}', 0)")
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for what in OPS:
                op.execute(
                    f"CREATE TRIGGER {table}_queue_version_{what} AFTER {what.upper()} ON {table} "
                    "BEGIN UPDATE queue_version SET n = n + 1 WHERE id = 1; END"
                )
    else:
        op.execute(PG_FUNCTION)
        for table in TABLES:
            op.execute(
                f"CREATE CONSTRAINT TRIGGER {table}_queue_version AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                "EXECUTE FUNCTION plainsci_bump_queue_version()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for what in OPS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_queue_version_{what}")
    else:
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_queue_version ON {table}")
        op.execute("DROP FUNCTION IF EXISTS plainsci_bump_queue_version()")
    op.drop_index("ix_review_lock_until", table_name="review_items")
    op.drop_table("queue_version")
