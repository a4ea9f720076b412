"""Queue filters, sorting and the query plan's use of the indexes."""

from __future__ import annotations

from datetime import date
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from pipeline.store import models
from tests.review.test_review_app import queue_titles


def ids(filled: Any, testdb: ModuleType, *idx: int) -> list[str]:
    return [str(filled.item_ids[testdb.DOIS[i]]) for i in idx]


def test_filter_by_journal_category_flags_and_dates(
    client: TestClient, filled: Any, testdb: ModuleType
) -> None:
    rec = filled.records[testdb.DOIS[1]]
    assert queue_titles(client.get("/", params={"journal": rec["journal"][:12]}).text) == ids(
        filled, testdb, 1
    )
    assert queue_titles(client.get("/", params={"category": "Oncology"}).text) == ids(filled, testdb, 2)
    assert queue_titles(client.get("/", params={"category": "Onco"}).text) == []  # whole names only
    assert queue_titles(client.get("/", params={"flags": "gate_failed"}).text) == ids(filled, testdb, 0)
    assert queue_titles(client.get("/", params={"flags": "clean"}).text) == ids(filled, testdb, 1, 2)
    assert queue_titles(client.get("/", params={"date_from": "2022-01-01"}).text) == ids(filled, testdb, 0)
    r = client.get("/", params={"date_from": "2010-01-01", "date_to": "2019-12-31"})
    assert queue_titles(r.text) == ids(filled, testdb, 1, 2)
    assert len(queue_titles(client.get("/", params={"date_from": "not-a-date"}).text)) == 3


def test_filter_by_assignee_and_search_doi(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    with store.session() as s:
        s.get(models.ReviewItem, filled.item_ids[testdb.DOIS[2]]).assignee = "edna"
    assert queue_titles(client.get("/", params={"assignee": "me"}).text) == ids(filled, testdb, 2)
    assert queue_titles(client.get("/", params={"assignee": "unassigned"}).text) == ids(filled, testdb, 0, 1)
    assert queue_titles(client.get("/", params={"q": "s12888"}).text) == ids(filled, testdb, 1)


def test_sort_orders(client: TestClient, store: Any, filled: Any, testdb: ModuleType) -> None:
    with store.session() as s:
        for i, doi in enumerate(testdb.DOIS):
            s.get(models.ReviewItem, filled.item_ids[doi]).created_at = models.utcnow().replace(year=2020 + i)
            s.add(
                models.ArticleFacts(
                    article_id=filled.article_ids[doi],
                    data={},
                    input_fingerprint="t",
                    extractor_version="t",
                    relevance=float(i),
                )
            )
    assert queue_titles(client.get("/").text) == ids(filled, testdb, 0, 1, 2)
    assert queue_titles(client.get("/", params={"sort": "relevance"}).text) == ids(filled, testdb, 2, 1, 0)
    assert queue_titles(client.get("/", params={"sort": "age"}).text) == ids(filled, testdb, 0, 1, 2)
    assert queue_titles(client.get("/", params={"sort": "flags"}).text)[0] == ids(filled, testdb, 0)[0]
    assert len(queue_titles(client.get("/", params={"sort": "'; DROP TABLE x"}).text)) == 3


def test_sql_metacharacters_in_every_text_filter(client: TestClient) -> None:
    for q in ("%", "_", "' OR 1=1 --", '"; DROP TABLE review_items; --'):
        for name in ("q", "journal", "category", "assignee"):
            r = client.get("/", params={name: q})
            assert r.status_code == 200 and queue_titles(r.text) == [], (name, q)
    assert len(queue_titles(client.get("/").text)) == 3


def test_queue_query_uses_the_indexes(store: Any) -> None:
    with store.engine.connect() as conn:
        plan = conn.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM review_items ORDER BY priority DESC, id LIMIT 50")
        ).all()
        assert "ix_review_queue_order" in str(plan)
        plan = conn.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT id FROM review_items WHERE status = 'new' "
                "ORDER BY priority DESC, id LIMIT 50"
            )
        ).all()
        assert "ix_review_status_queue_order" in str(plan)
        plan = conn.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE published >= :d"), {"d": date(2020, 1, 1)}
        ).all()
        assert "ix_articles_published" in str(plan)


def test_queue_shows_bulk_form_with_csrf(client: TestClient, approver: TestClient) -> None:
    html = client.get("/").text
    assert 'action="/bulk"' in html and 'name="csrf_token"' in html and 'value="reject"' in html
    assert 'value="assign"' not in html  # editors cannot assign
    assert 'value="assign"' in approver.get("/").text
