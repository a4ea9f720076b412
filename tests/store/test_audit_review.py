"""The review app's audit events are append-only on SQLite and PostgreSQL (database triggers),
and migration 0002 (users, comments, queue indexes) applies on both."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text

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
