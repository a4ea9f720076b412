"""The named queries of pipeline/store/queries on SQLite and PostgreSQL: what each returns, in
which order, and what it leaves out (the callers in stages/, review/ and publish/ rely on it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from pipeline.store.queries import audit, drafts, items
from tests.conftest import article_from_record


def _draft(s, article_id: int, version: int, author: str | None = None) -> m.Draft:  # type: ignore[no-untyped-def]
    d = m.Draft(
        article_id=article_id,
        version=version,
        fields={},
        backend="b",
        input_fingerprint="f",
        cache_key=f"k{article_id}.{version}",
        author=author,
    )
    s.add(d)
    s.flush()
    return d


@pytest.fixture
def stocked(store: Store, bmc_records) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Four articles: a (item 'new' on v1 while a newer model v3 exists, an editor v2 between),
    b (item 'approved', priority high), c (item 'in_review', priority higher), d (drafted, no item)."""
    ids: dict[str, int] = {}
    with store.session() as s:
        for key, rec in zip("abcd", bmc_records, strict=False):
            row, _ = repo.upsert_article(s, replace(article_from_record(rec), doi=f"10.1/{key}"))
            ids[key] = row.id
        a1 = _draft(s, ids["a"], 1)
        _draft(s, ids["a"], 2, author="edna")
        ids["a3"] = _draft(s, ids["a"], 3).id
        b1, c1 = _draft(s, ids["b"], 1), _draft(s, ids["c"], 1)
        ids["d1"] = _draft(s, ids["d"], 1).id
        for key, draft, status, prio in (
            ("a", a1, "new", 1.0),
            ("b", b1, "approved", 5.0),
            ("c", c1, "in_review", 9.0),
        ):
            item = m.ReviewItem(article_id=ids[key], draft_id=draft.id, status=status, priority=prio)
            s.add(item)
            s.flush()
            ids[f"item_{key}"] = item.id
    return ids


def test_item_queries_keep_queue_order_and_statuses(store: Store, stocked: dict[str, int]) -> None:
    ia, ib, ic = stocked["item_a"], stocked["item_b"], stocked["item_c"]
    with store.session() as s:
        assert [i.id for i in items.open_items(s, {"new", "in_review", "approved"})] == [ic, ib, ia]
        assert [i.id for i in items.open_items(s, {"new", "in_review"}, besides=ic)] == [ia]
        assert [i.id for i in items.items_in(s, ["approved", "new"])] == sorted([ia, ib])
        assert [i.id for i in items.items_not_in(s, {"approved"})] == [ic, ia]
        assert items.status_counts(s) == {"new": 1, "approved": 1, "in_review": 1}
        assert items.item_of_article(s, stocked["a"]).id == ia  # type: ignore[union-attr]
        assert items.item_of_article(s, stocked["d"]) is None


def test_queue_candidates_are_new_articles_and_stale_new_items(store: Store, stocked: dict[str, int]) -> None:
    with store.session() as s:
        found = [(a.id, d) for a, d in items.queue_candidates(s)]
    # a: its 'new' item shows v1 while v3 is the newest model draft (the editor's v2 does not count);
    # d: drafted, no item yet; b and c are up to date.
    assert found == [(stocked["a"], stocked["a3"]), (stocked["d"], stocked["d1"])]


def test_draft_queries_by_version_and_author(store: Store, stocked: dict[str, int]) -> None:
    a = stocked["a"]
    with store.session() as s:
        assert drafts.newest_model_draft_id(s, a) == stocked["a3"]
        assert drafts.version_authors(s, a, 2) == [(2, "edna"), (1, None)]
        assert drafts.editor_authors(s, a) == ["edna"]
        assert drafts.draft_by_version(s, a, 2).author == "edna"  # type: ignore[union-attr]
        assert drafts.draft_by_version(s, a, 7) is None
        assert [d.version for d in drafts.article_drafts(s, a)] == [3, 2, 1]
        assert drafts.version_of_draft(s, stocked["a3"]) == 3


def test_audit_queries_filter_page_and_take_the_latest(store: Store, stocked: dict[str, int]) -> None:
    ia, ib = stocked["item_a"], stocked["item_b"]
    t0 = m.utcnow() - timedelta(hours=1)
    with store.session() as s:
        for n, (actor, action, item_id) in enumerate(
            (("ann", "approve", ia), ("bob", "claim", ib), ("bob", "approve", ia), ("ann", "approve", ib))
        ):
            at = t0 + timedelta(minutes=n)
            s.add(m.AuditEvent(at=at, actor=actor, action=action, item_id=item_id, after={"by": actor}))
        s.flush()
        assert audit.count_events(s) == 4
        assert audit.count_events(s, action="approve", item_id=ia) == 2
        page = audit.events(s, newest_first=True, limit=2, offset=1)
        assert [(e.actor, e.action) for e in page] == [("bob", "approve"), ("bob", "claim")]
        assert [e.item_id for e in audit.events(s, actor="ann")] == [ia, ib]
        assert audit.event_actors(s) == ["ann", "bob"]
        assert audit.event_actions(s) == ["approve", "claim"]
        assert audit.last_event_after(s, ia, "approve") == {"by": "bob"}
        assert audit.last_event_after(s, ia, "claim") is None
        latest = audit.latest_action_times(s, "approve", [ia, ib, stocked["item_c"]])
        assert latest == {ia: t0 + timedelta(minutes=2), ib: t0 + timedelta(minutes=3)}
        assert audit.latest_action_times(s, "approve", []) == {}
