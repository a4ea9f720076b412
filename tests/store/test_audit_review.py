"""The review app's audit events are append-only on SQLite and PostgreSQL (database triggers),
and migration 0002 (users, comments, queue indexes) applies on both."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select, text

from pipeline.domain import Article, Section
from pipeline.review import workflow
from pipeline.review.users import UserInfo
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store


def _item(store: Store) -> int:
    art = Article(
        source="x", source_id="1", title="T", sections=[Section(None, "Some text.")], doi="10.1/audit"
    )
    with store.session() as s:
        row, _ = repo.upsert_article(s, art)
        d = m.Draft(
            article_id=row.id, version=1, fields={}, backend="b", input_fingerprint="f", cache_key="k"
        )
        s.add(d)
        s.flush()
        item = m.ReviewItem(article_id=row.id, draft_id=d.id)
        s.add(item)
        s.flush()
        return item.id


def test_review_audit_events_cannot_be_changed(store: Store) -> None:
    item_id = _item(store)
    editor = UserInfo(1, "edna", "editor", True, None)
    with store.session() as s:
        workflow.claim(s, item_id, editor)
        workflow.transition(s, item_id, "start_review", editor)
    with store.session() as s:
        actions = s.scalars(select(m.AuditEvent.action).order_by(m.AuditEvent.id)).all()
    assert actions == ["claim", "start_review"]
    for sql in (
        "UPDATE audit_events SET after = NULL WHERE action = 'start_review'",
        "UPDATE audit_events SET actor = 'mallory'",
        "DELETE FROM audit_events WHERE action = 'claim'",
    ):
        with pytest.raises(Exception, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(sql))
    with store.session() as s:
        ev = s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "start_review")).one()
        ev.actor = "mallory"
        with pytest.raises(Exception, match="append-only"):
            s.flush()
        s.rollback()
    with store.session() as s:
        assert s.scalars(select(m.AuditEvent.actor).order_by(m.AuditEvent.id)).all() == ["edna", "edna"]
        assert s.scalars(select(m.AuditEvent.after)).all()[1] == {
            "status": "in_review",
            "assignee": "edna",
            "draft_id": 1,
        }


def test_migration_0002_tables_and_indexes(store: Store) -> None:
    insp = inspect(store.engine)
    assert {"users", "comments"} <= set(insp.get_table_names())
    assert "published_at" in {c["name"] for c in insp.get_columns("review_items")}
    names = {i["name"] for i in insp.get_indexes("review_items")}
    assert {"ix_review_queue_order", "ix_review_status_queue_order", "ix_review_assignee"} <= names
    assert "ix_articles_published" in {i["name"] for i in insp.get_indexes("articles")}
    with store.session() as s:
        s.add(m.User(name="u", role="editor", password_hash="$argon2id$x"))
    with pytest.raises(Exception):  # noqa: B017 - the unique constraint, whatever the driver calls it
        with store.session() as s:
            s.add(m.User(name="u", role="admin", password_hash="$argon2id$y"))


def test_audit_events_cannot_be_rewritten_by_insert(store: Store) -> None:
    """INSERT OR REPLACE / REPLACE INTO / upserts reusing an id are refused like UPDATE and DELETE
    (SQLite's REPLACE deletes the old row without firing DELETE triggers)."""
    item_id = _item(store)
    editor = UserInfo(1, "edna", "editor", True, None)
    with store.session() as s:
        workflow.claim(s, item_id, editor)
        workflow.transition(s, item_id, "start_review", editor)
    cols = "id, at, actor, action, item_id, article_id, before, after"
    forged = (
        "SELECT id, at, 'mallory', 'nothing-happened', item_id, article_id, before, after FROM audit_events"
    )
    statements = [
        f"INSERT INTO audit_events ({cols}) {forged} WHERE id = 1 "
        "ON CONFLICT (id) DO UPDATE SET actor = 'mallory', action = 'nothing-happened'",
        "UPDATE audit_events SET actor = 'mallory' WHERE id = 1",
        "DELETE FROM audit_events WHERE id = 1",
    ]
    if store.engine.dialect.name == "sqlite":
        statements += [
            f"INSERT OR REPLACE INTO audit_events ({cols}) {forged} WHERE id = 1",
            f"REPLACE INTO audit_events ({cols}) {forged} WHERE id = 1",
            f"INSERT OR REPLACE INTO audit_events ({cols}) {forged}",
        ]
    else:
        statements.append("TRUNCATE audit_events")
    for sql in statements:
        with pytest.raises(Exception, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(sql))
    with store.session() as s:
        rows = s.execute(select(m.AuditEvent.actor, m.AuditEvent.action).order_by(m.AuditEvent.id)).all()
        assert [tuple(r) for r in rows] == [("edna", "claim"), ("edna", "start_review")]
        repo.audit(s, "edna", "comment", item_id=item_id)  # plain appends still work
    new_id = "SELECT 100, at, actor, 'comment', item_id, article_id, before, after FROM audit_events"
    with store.engine.begin() as conn:  # and so does an insert with a new explicit id
        conn.execute(text(f"INSERT INTO audit_events ({cols}) {new_id} WHERE id = 1"))
    with store.session() as s:
        assert s.scalar(select(func.count(m.AuditEvent.id))) == 4


def test_sessions_end_column_from_migration_0004(store: Store) -> None:
    cols = {c["name"]: c for c in inspect(store.engine).get_columns("users")}
    assert "session_gen" in cols and not cols["session_gen"]["nullable"]
    with store.session() as s:
        s.add(m.User(name="v", role="editor", password_hash="$argon2id$x"))
    with store.session() as s:
        assert s.scalars(select(m.User.session_gen)).one() == 0
