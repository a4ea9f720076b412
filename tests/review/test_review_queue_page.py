"""The queue page's rows come from one query of the columns they show (on SQLite and on
PostgreSQL): the title, journal and date, the draft's categories, the Simple Explanation's grade
and the scope fact, with no look-up per row."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from sqlalchemy import event

from pipeline.review.queue import QueueFilter, queue_page
from pipeline.store import models
from pipeline.store.db import Store
from tests.review.testdb import add_sample_items

REASON = "not health or biomedical research: it is about geoscience (volcano, seismic)"


def test_rows_show_what_the_store_holds_in_a_fixed_number_of_queries(
    db_settings: Any, testdb: ModuleType
) -> None:
    store = Store(db_settings)
    try:
        filled = testdb.fill(store)
        add_sample_items(store, 12)
        out_of_scope = filled.article_ids[testdb.DOIS[1]]
        testdb.mark_out_of_scope(store, out_of_scope, REASON)
        statements: list[str] = []
        event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        with store.session() as s:
            page = queue_page(s, QueueFilter.parse("all"))
            # the counts per status (the total is their sum), done today, the rows, their grades
            assert len(statements) == 4, statements
            expected = {
                item.id: (item, item.article, item.draft)
                for item in s.query(models.ReviewItem).where(
                    models.ReviewItem.id.in_([row.item_id for row in page.rows])
                )
            }
        assert page.total == len(page.rows) == 15
        for row in page.rows:
            item, article, draft = expected[row.item_id]
            assert (row.title, row.journal, row.published) == (
                article.title,
                article.journal,
                article.published,
            )
            assert row.categories == draft.fields.get("categories", [])
            assert (row.status, row.priority, row.assignee) == (item.status, item.priority, item.assignee)
            assert row.out_of_scope == (REASON if article.id == out_of_scope else None)
        graded = {row.item_id: row.readability for row in page.rows if row.readability is not None}
        assert set(graded) >= set(filled.item_ids.values())
        assert all(graded[i] == 7.25 for i in filled.item_ids.values())
        assert any(row.categories for row in page.rows)
    finally:
        store.dispose()


def test_sorting_by_relevance_keeps_one_row_per_item(db_settings: Any, testdb: ModuleType) -> None:
    store = Store(db_settings)
    try:
        filled = testdb.fill(store)
        with store.session() as s:
            for n, article_id in enumerate(filled.article_ids.values()):
                s.add(
                    models.ArticleFacts(
                        article_id=article_id,
                        data={},
                        input_fingerprint="test",
                        extractor_version="2",
                        relevance=float(n),
                    )
                )
        with store.session() as s:
            page = queue_page(s, QueueFilter.parse("all", sort="relevance"))
        by_article = {v: k for k, v in filled.article_ids.items()}
        items = {v: k for k, v in filled.item_ids.items()}
        assert [items[row.item_id] for row in page.rows] == [
            by_article[a] for a in reversed(filled.article_ids.values())
        ]
    finally:
        store.dispose()


def test_later_pages_follow_the_order_of_the_whole_queue(
    db_settings: Any, testdb: ModuleType, monkeypatch: Any
) -> None:
    """Pages of four items: each page holds the next four items of the queue's order, whether the
    page's ids come from the items alone (status, flags, sort by age) or from the joined rows."""
    import pipeline.review.queue as q

    monkeypatch.setattr(q, "PAGE_SIZE", 4)
    store = Store(db_settings)
    try:
        testdb.fill(store)
        add_sample_items(store, 12)
        r = models.ReviewItem
        orders = {
            "priority": (r.priority.desc(), r.id),
            "age": (r.created_at, r.id),
            "flags": (r.gate_failed.desc(), r.flag_count.desc(), r.priority.desc(), r.id),
        }
        with store.session() as s:
            for sort, order in orders.items():
                for status in ("all", "new"):
                    stmt = s.query(r.id).order_by(*order)
                    whole = [i for (i,) in (stmt if status == "all" else stmt.where(r.status == status))]
                    paged = []
                    for page in range(1, len(whole) // 4 + 2):
                        paged += [
                            row.item_id
                            for row in queue_page(s, QueueFilter.parse(status, page=page, sort=sort)).rows
                        ]
                    assert paged == whole, (sort, status)
            dated = queue_page(s, QueueFilter.parse("all", page=2, date_from="1900-01-01"))
            with_date = s.query(r.id).join(models.Article).where(models.Article.published.is_not(None))
            assert [row.item_id for row in dated.rows] == [
                i for (i,) in with_date.order_by(*orders["priority"])
            ][4:8]
    finally:
        store.dispose()


def test_the_total_is_what_a_count_query_finds_in_every_view(db_settings: Any, testdb: ModuleType) -> None:
    """A view that narrows by status alone takes its total from the counts per status (one query
    fewer after every write); every other view counts its own items. Either way the total is the
    number of items the view shows, also after a write moved an item to another status."""
    from sqlalchemy import update

    from pipeline.store.queries import queue as queries

    store = Store(db_settings)
    try:
        filled = testdb.fill(store)
        add_sample_items(store, 12)
        views = [
            QueueFilter.parse(),  # the open statuses
            QueueFilter.parse("all"),
            QueueFilter.parse("new", sort="age"),
            QueueFilter.parse("rejected"),
            QueueFilter.parse("new", flags="clean"),
            QueueFilter.parse("all", assignee="unassigned"),
            QueueFilter.parse("all", date_from="1900-01-01"),
        ]
        for write in range(2):
            with store.session() as s:
                for flt in views:
                    statements: list[str] = []
                    listener = lambda *a, out=statements: out.append(a[2])  # noqa: E731
                    event.listen(store.engine, "before_cursor_execute", listener)
                    try:
                        page = queue_page(s, flt, me="edna")
                    finally:
                        event.remove(store.engine, "before_cursor_execute", listener)
                    assert page.total == queries.count_items(s, flt.items("edna")), flt
                    counted = any("count(review_items.id)" in sql for sql in statements)
                    assert counted == (flt.flags != "" or flt.assignee != "" or flt.date_from is not None), (
                        flt
                    )
            if write == 0:  # a new item rejected: the open total falls, "all" stays, "rejected" grows
                item = filled.item_ids[testdb.DOIS[0]]
                with store.session() as s:
                    s.execute(
                        update(models.ReviewItem)
                        .where(models.ReviewItem.id == item)
                        .values(status="rejected")
                    )
    finally:
        store.dispose()
