"""The queue page is keyed on the store's change counter (migration 0009), and its rendered pages
are cached under their ETag: every write that changes what the page shows must show on the next
request, on SQLite and on PostgreSQL, whichever process or code path wrote it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from pipeline.store.queue_version import queue_version
from tests.review.conftest import approve, edit_form, post, scored


@pytest.fixture
def store(db_settings: Any) -> Iterator[Any]:
    """The review tests' store, once on SQLite and once on a real PostgreSQL."""
    from pipeline.store.db import Store

    st = Store(db_settings)
    yield st
    st.dispose()


def _row(html: str, item: int) -> str:
    """The queue table's row of ``item`` (empty when the page does not list it)."""
    for row in re.findall(r"<tr\b.*?</tr>", html, flags=re.S):
        if f'href="/items/{item}"' in row:
            return str(row)
    return ""


def _status(html: str, item: int) -> str:
    match = re.search(r'class="badge status-(\w+)"', _row(html, item))
    assert match, f"item {item} is not on the page"
    return match.group(1)


def _count(html: str, status: str) -> int:
    match = re.search(rf'<option value="{status}"[^>]*>[^<]*\((\d+)\)</option>', html)
    assert match, f"no {status} option on the queue page"
    return int(match.group(1))


def _page(client: TestClient, url: str = "/?status=all") -> tuple[str, str]:
    """The page twice (the second from the page cache when nothing changed): both must agree."""
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert first.headers["etag"] == second.headers["etag"] and first.text == second.text
    return first.text, first.headers["etag"]


def test_a_claim_a_save_and_an_approve_each_show_on_the_next_page(
    client: TestClient, approver: TestClient, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]  # status "new", nobody's
    before, etag = _page(client)
    assert _status(before, item) == "new" and "claimed until" not in _row(before, item)

    assert post(client, f"/items/{item}/claim").status_code == 303  # type: ignore[attr-defined]
    claimed, claimed_etag = _page(client)
    assert claimed_etag != etag
    assert "edna" in _row(claimed, item) and "claimed until" in _row(claimed, item)

    form = edit_form(client, item) | {"simple_explanation": "Doctors tested a new way to help walking."}
    assert post(client, f"/items/{item}/edit", form).status_code == 303  # type: ignore[attr-defined]
    scored(client)  # the save's scores are written in the background: let them land first
    saved, saved_etag = _page(client)
    assert saved_etag != claimed_etag and _status(saved, item) == "in_review"
    assert _count(saved, "new") == _count(before, "new") - 1
    assert _count(saved, "in_review") == _count(before, "in_review") + 1

    assert post(client, f"/items/{item}/release").status_code == 303  # type: ignore[attr-defined]
    shown, _ = _page(approver)  # the approver's own page of the state before the approval
    assert _status(shown, item) == "in_review"
    assert approve(approver, item).status_code == 303
    approved, _ = _page(approver)
    assert _status(approved, item) == "approved"
    assert _count(approved, "approved") == _count(shown, "approved") + 1
    assert _status(_page(client)[0], item) == "approved"  # the editor's cached pages are not reused


def test_raw_sql_from_another_process_shows_on_the_next_page(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    """Triggers bump the counter for writes the app never sees: here a title fixed by hand."""
    item = filled.item_ids[testdb.DOIS[1]]
    before, etag = _page(client)
    assert "A title fixed by hand" not in before
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE articles SET title = :t WHERE id = (SELECT article_id FROM review_items WHERE id = :i)"
            ),
            {"t": "A title fixed by hand", "i": item},
        )
    after, after_etag = _page(client)
    assert after_etag != etag and "A title fixed by hand" in _row(after, item)


def test_the_counter_moves_with_each_committed_write_and_not_with_a_rollback(
    store: Any, filled: Any, testdb: ModuleType
) -> None:
    items = sorted(filled.item_ids.values())
    with store.session() as s:
        start = queue_version(s)
    with store.engine.begin() as conn:  # one transaction, several rows and tables
        conn.execute(
            text("UPDATE review_items SET flag_count = flag_count + 1 WHERE id IN (:a, :b)"),
            {"a": items[0], "b": items[1]},
        )
        conn.execute(text("UPDATE scores SET value = value WHERE id = (SELECT MIN(id) FROM scores)"))
    with store.session() as s:
        moved = queue_version(s)
    epoch, n = start.split(".")
    assert moved.split(".")[0] == epoch and int(moved.split(".")[1]) > int(n)
    if store.engine.dialect.name == "postgresql":  # deferred to commit: once per transaction
        assert int(moved.split(".")[1]) == int(n) + 1
    with store.engine.connect() as conn:
        conn.execute(text("UPDATE review_items SET priority = priority + 1"))
        conn.rollback()
    with store.session() as s:
        assert queue_version(s) == moved


def test_a_cached_row_stops_showing_its_lock_when_the_lock_runs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The row cache's key holds whether the lock is live now, not just the row's stored values."""
    from datetime import timedelta

    from pipeline.review.queue import QueueRow
    from pipeline.review.web import make_templates
    from pipeline.store import models

    queue_row = make_templates().env.globals["queue_row"]
    now = models.utcnow()
    row = QueueRow(
        item_id=7,
        title="Exercise <b>for</b> back pain",
        journal=None,
        published=None,
        categories=["Pain Management"],
        status="in_review",
        priority=0.5,
        readability=7.25,
        flag_count=0,
        gate_failed=False,
        assignee="edna",
        lock_until=now + timedelta(minutes=30),
    )
    live = queue_row(row)
    assert "claimed until" in live and "&lt;b&gt;for&lt;/b&gt;" in live  # escaped, as the page was
    assert queue_row(row) is live  # the same row: from the cache
    monkeypatch.setattr(models, "utcnow", lambda: now + timedelta(minutes=31))
    expired = queue_row(row)
    assert "claimed until" not in expired and "edna" in expired
