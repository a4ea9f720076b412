"""The queue page is validated by an ETag (a 304 skips its queries and rendering) and its counts
are cached per queue state; neither ever shows a status older than the last write."""

from __future__ import annotations

import re
from datetime import timedelta
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from pipeline.review.queue import queue_stamp
from pipeline.store import models
from tests.review.conftest import edit_form, post


def _count_option(html: str, status: str) -> int:
    match = re.search(rf'<option value="{status}"[^>]*>[^<]*\((\d+)\)</option>', html)
    assert match, f"no {status} option on the queue page"
    return int(match.group(1))


def test_queue_answers_304_until_a_write_changes_it(
    approver: TestClient, filled: Any, testdb: ModuleType
) -> None:
    first = approver.get("/?status=rejected")
    etag = first.headers["etag"]
    assert first.status_code == 200 and "no-cache" in first.headers["cache-control"]
    before = _count_option(first.text, "rejected")
    again = approver.get("/?status=rejected", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag

    item = filled.item_ids[testdb.DOIS[0]]
    r = post(approver, "/bulk", {"bulk_action": "reject", "item_id": [str(item)], "back": "/"})
    assert r.status_code == 303  # type: ignore[attr-defined]
    after = approver.get("/?status=rejected", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["etag"] != etag
    assert _count_option(after.text, "rejected") == before + 1  # the cached count was not reused
    assert f'/items/{item}"' in after.text
    # another page of the same state reuses the counts, and shows them right too
    assert _count_option(approver.get("/?status=rejected&sort=age").text, "rejected") == before + 1


def test_a_write_from_another_process_changes_the_etag(
    approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    """The nightly queue stage updates gate and flag counts with a bulk UPDATE (no row_version)."""
    etag = approver.get("/").headers["etag"]
    item = filled.item_ids[testdb.DOIS[1]]
    with store.session() as s:
        s.execute(update(models.ReviewItem).where(models.ReviewItem.id == item).values(flag_count=7))
    r = approver.get("/", headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["etag"] != etag


def test_each_editor_and_each_url_has_its_own_etag(client: TestClient, approver: TestClient) -> None:
    mine = client.get("/").headers["etag"]
    assert approver.get("/", headers={"If-None-Match": mine}).status_code == 200
    assert client.get("/?status=all", headers={"If-None-Match": mine}).status_code == 200
    assert client.get("/", headers={"If-None-Match": f'W/{mine}, "other"'}).status_code == 304


def test_an_expiring_lock_changes_the_stamp(store: Any, filled: Any, testdb: ModuleType) -> None:
    item = filled.item_ids[testdb.DOIS[2]]
    now = models.utcnow()
    with store.session() as s:
        s.get(models.ReviewItem, item).lock_until = now + timedelta(minutes=30)
    with store.session() as s:
        locked = queue_stamp(s, now)
        assert queue_stamp(s, now + timedelta(minutes=10)) == locked
        assert queue_stamp(s, now + timedelta(minutes=31)) != locked  # shown unlocked from then on


def test_a_save_changes_the_counts_shown(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    """An edit reopens a new item for review: the next queue page counts it under "in review",
    although the page before the save had cached the counts of that queue state."""
    item = filled.item_ids[testdb.DOIS[0]]  # status "new"
    before = client.get("/").text
    assert client.get("/?sort=age").status_code == 200  # the same state again: counts from the cache
    form = edit_form(client, item) | {"simple_explanation": "Doctors tested a new way to help walking."}
    assert post(client, f"/items/{item}/edit", form).status_code == 303  # type: ignore[attr-defined]
    after = client.get("/").text
    assert _count_option(after, "new") == _count_option(before, "new") - 1
    assert _count_option(after, "in_review") == _count_option(before, "in_review") + 1


def test_a_save_changes_the_etag_and_the_page_a_revalidating_editor_gets(
    client: TestClient, filled: Any, testdb: ModuleType
) -> None:
    """An editor holding the page's ETag saves an edit (the item leaves "new" for "in review"):
    the next revalidation is a full page under a new ETag, never a 304 or the cached page, and it
    shows the item in review, in the status view that counts from the cached per-status counts
    as in the one with a count of its own (bench/review_load.py's revalidating editors)."""
    from urllib.parse import quote

    item = filled.item_ids[testdb.DOIS[0]]  # status "new"
    searched = f"/?status=in_review&q={quote(testdb.DOIS[0])}"  # a view with a count query of its own
    views = ("/?status=new", "/?status=in_review", searched)
    held = {view: client.get(view) for view in views}
    assert all(f'/items/{item}"' in held[v].text for v in views[:1])
    assert all(f'/items/{item}"' not in held[v].text for v in views[1:])
    for view, page in held.items():  # nothing changed yet: each view revalidates to a 304
        assert client.get(view, headers={"If-None-Match": page.headers["etag"]}).status_code == 304
    form = edit_form(client, item) | {"simple_explanation": "Doctors tested a new way to help walking."}
    assert post(client, f"/items/{item}/edit", form).status_code == 303  # type: ignore[attr-defined]
    after = {view: client.get(view, headers={"If-None-Match": held[view].headers["etag"]}) for view in views}
    for view, page in after.items():
        assert page.status_code == 200 and page.headers["etag"] != held[view].headers["etag"], view
        assert _count_option(page.text, "in_review") == _count_option(held[view].text, "in_review") + 1
        assert _count_option(page.text, "new") == _count_option(held[view].text, "new") - 1
    assert f'/items/{item}"' not in after["/?status=new"].text
    assert f'/items/{item}"' in after["/?status=in_review"].text
    assert f'/items/{item}"' in after[searched].text
