"""Queue stage: each drafted article gets a review item pointing at its current draft.

Never publishes anything and never replaces an editor's version: a newer model draft only
moves an item forward while the item is still ``new`` and its current draft is a model's.
An item's gate state and priority come from ``pipeline.score.gates``.
Retracted articles leave the queue with an audit event.
"""

from __future__ import annotations

from typing import Any

from pipeline.score.gates import item_gate_state, item_gate_states, priority
from pipeline.settings import Settings
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from pipeline.store.queries.drafts import newest_model_draft_id
from pipeline.store.queries.items import items_by_ids, queue_candidates

SYSTEM = "plainsci-nightly"
BATCH = 256  # candidates whose drafts' score rows are read together


def _point_at(
    session: Any,
    item: m.ReviewItem,
    draft_id: int,
    settings: Settings,
    actor: str,
    action: str,
    state: tuple[bool, int, float, int] | None = None,
) -> None:
    """Show ``draft_id`` on the item, with that draft's gate state (``state`` when already read)
    and priority; audited."""
    before = {"draft_id": item.draft_id}
    item.draft_id = draft_id
    item.gate_failed, item.flag_count, severity, item.gate_errors = state or item_gate_state(
        session, draft_id, settings
    )
    relevance = item.article.facts.relevance if item.article.facts else 0.0
    item.priority = priority(relevance, severity)
    repo.audit_item(session, actor, action, item, before=before, after={"draft_id": draft_id})


def run_queue(store: Store, settings: Settings, run_id: int | None = None) -> dict[str, Any]:
    """Create or advance review items; take retracted articles out of the queue."""
    counts = {"queued": 0, "requeued": 0, "retracted": 0, "gate_failed": 0}
    with store.session() as s:
        # Only rows with something to do: no item yet, a newer model draft, or a retraction to
        # apply. A rerun with nothing new reads no article (it used to load all of them).
        rows = queue_candidates(s)
        for start in range(0, len(rows), BATCH):
            _queue_batch(s, rows[start : start + BATCH], settings, counts)
    return counts


def _queue_batch(
    s: Any, batch: list[tuple[m.Article, int]], settings: Settings, counts: dict[str, int]
) -> None:
    """One batch of :func:`run_queue`'s candidates: the drafts' gate states in one query, and the
    new items inserted in one flush, then their audit events (a flush per item, to learn its id,
    was most of the stage's time: 5,000 flushes of two single-row INSERTs each)."""
    states = item_gate_states(s, [d for a, d in batch if not a.retracted], settings)
    new_items: list[m.ReviewItem] = []
    for article, draft_id in batch:
        item = article.review_item
        if article.retracted:
            if item is not None and item.status != "retracted":
                before = {"status": item.status}
                item.status = "retracted"
                repo.audit_item(
                    s,
                    SYSTEM,
                    "retract",
                    item,
                    before=before,
                    after={"status": "retracted"},
                )
                counts["retracted"] += 1
            continue
        relevance = article.facts.relevance if article.facts else 0.0
        if item is None:
            gate, nflags, severity, errors = states[draft_id]
            item = m.ReviewItem(
                article_id=article.id,
                draft_id=draft_id,
                status="new",
                gate_failed=gate,
                gate_errors=errors,
                flag_count=nflags,
                priority=priority(relevance, severity),
            )
            new_items.append(item)
            counts["queued"] += 1
            counts["gate_failed"] += int(gate)
        elif item.status == "new" and item.draft_id != draft_id and item.draft.author is None:
            _point_at(s, item, draft_id, settings, SYSTEM, "redraft", states[draft_id])
            counts["requeued"] += 1
    if new_items:
        s.add_all(new_items)
        s.flush()  # the batch's items in one INSERT: their ids, for the audit events
        for item in new_items:
            repo.audit_item(s, SYSTEM, "queue", item, after={"draft_id": item.draft_id})


def point_items_at_latest(
    store: Store, item_ids: list[int], actor: str, settings: Settings
) -> dict[str, Any]:
    """After a requested regeneration: each item shows its article's newest model draft, and
    its gate state is that draft's.

    The editor asked for it, so this applies in any open status; older versions stay stored.
    """
    moved = 0
    with store.session() as s:
        for item in items_by_ids(s, item_ids):
            newest = newest_model_draft_id(s, item.article_id)
            if (
                newest is None
                or newest == item.draft_id
                or item.status in ("published", "retracted", "rejected")
            ):
                continue
            _point_at(s, item, newest, settings, actor, "regenerate")
            moved += 1
    return {"regenerated": moved}
